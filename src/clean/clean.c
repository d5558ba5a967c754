/* clean.c — the article body apart from page debris, and the metadata lines.
 *
 * The text is cut into lines; each line is judged by its shape, not by a
 * list of known strings: a caption is a sentence glued to a photo credit or
 * ending in a parenthesised source; a widget or ad notice is a short line
 * with no sentence in it that speaks of ads, comments, sharing, pages; a
 * print note speaks of print and a page; a reporting credit closes the
 * article with "reported from"; a site header sits above the title.  Every
 * line that leaves the body is kept in doc->removed with its 1-based line
 * number and a reason, so nothing of the input is lost. */
#include "clean/clean.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

typedef struct line {
    const char *s; /* trimmed */
    size_t n;
    uint32_t no;   /* 1-based line number in the input */
    int words;
    int alone;     /* not part of a hard-wrapped paragraph */
    int sent;      /* ends like a sentence */
    const char *reason; /* NULL = body */
} line;

/* ---------------------------------------------------------------- helpers */

static int is_space_at(const char *s, size_t n, size_t i, size_t *len)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        *len = 1;
        return 1;
    }
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) { /* NBSP */
        *len = 2;
        return 1;
    }
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] <= 0x8A || (unsigned char)s[i + 2] == 0xAF)) {
        *len = 3; /* U+2000..U+200A, U+202F */
        return 1;
    }
    return 0;
}

/* Bytes that belong to words: ASCII letters and digits, and every byte of a
 * multibyte UTF-8 sequence (a table: this runs over every line). */
static const unsigned char word_byte[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x00 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x10 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x20 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, /* 0x30 */
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x40 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, /* 0x50 */
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x60 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, /* 0x70 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x80 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x90 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xA0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xB0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xC0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xD0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xE0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xF0 */
};

static int count_words(const char *s, size_t n)
{
    int w = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        int alnum = word_byte[(unsigned char)s[i]];
        w += alnum & !in;
        in = alnum;
    }
    return w;
}

/* Case-insensitive substring test; the first character filters cheaply. */
static int has_ci(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    unsigned char c0 = (unsigned char)tolower((unsigned char)needle[0]);
    for (size_t i = 0; i + k <= n; i++)
        if ((unsigned char)(s[i] | 0x20) == c0 && strncasecmp(s + i, needle, k) == 0)
            return 1;
    return 0;
}

/* Does the word w occur as a whole word (case-insensitive)? */
static int has_word(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    unsigned char c0 = (unsigned char)tolower((unsigned char)w[0]);
    for (size_t i = 0; i + k <= n; i++) {
        if ((unsigned char)tolower((unsigned char)s[i]) != c0)
            continue;
        if (i > 0 && isalnum((unsigned char)s[i - 1]))
            continue;
        if (strncasecmp(s + i, w, k) == 0 &&
            (i + k == n || !isalnum((unsigned char)s[i + k])))
            return 1;
    }
    return 0;
}

static int starts_ci(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && strncasecmp(s, p, k) == 0;
}

/* Ends like a sentence: . ! ? or a closing quote after one. */
static int ends_sentence(const char *s, size_t n)
{
    while (n > 0) {
        unsigned char c = (unsigned char)s[n - 1];
        if (c == '"' || c == '\'' || c == ')')
            n--;
        else if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
                 ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
            n -= 3; /* ” ’ */
        else
            break;
    }
    if (n == 0)
        return 0;
    char c = s[n - 1];
    if (c == '.' || c == '!' || c == '?')
        return 1;
    /* … */
    return n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
           (unsigned char)s[n - 1] == 0xA6;
}

/* ---------------------------------------------------------------- debris */

/* Words of page chrome: a short line with no sentence that uses one of them
 * is an ad or a widget, not article text. */
static const char *const ad_words[] = {"advertisement", "advertising", "ads", "ad",
                                       "sponsored", "promoted", "adchoices", NULL};
static const char *const widget_words[] = {
    "comments", "comment", "disqus", "subscribe", "newsletter", "share", "tweet",
    "facebook", "twitter", "whatsapp", "linkedin", "swipe", "click", "cookies",
    "cookie", "javascript", "browser", "login", "social", "trending", "popular",
    "recommended", "related", "gallery", "slideshow", "print", "email", "copyright",
    "reserved", "©", "follow", "sign", "next", "previous", "menu", "skip", "video",
    "videos", "watch", "listen", "podcast", "loading", "app", NULL};

static int in_list(const char *const *list, const char *w)
{
    for (int i = 0; list[i]; i++)
        if (list[i][0] == w[0] && !strcmp(list[i], w))
            return 1;
    return 0;
}

/* One pass over the line's words (lower-cased), looked up in the lists. */
static const char *chrome_reason(const line *l)
{
    const char *found = NULL;
    size_t i = 0;
    while (i < l->n) {
        while (i < l->n && !isalnum((unsigned char)l->s[i]) && (unsigned char)l->s[i] != 0xC2)
            i++;
        char w[24];
        size_t k = 0;
        if (i + 1 < l->n && (unsigned char)l->s[i] == 0xC2 && (unsigned char)l->s[i + 1] == 0xA9) {
            w[k++] = (char)0xC2, w[k++] = (char)0xA9; /* © */
            i += 2;
        } else {
            while (i < l->n && isalnum((unsigned char)l->s[i])) {
                if (k < sizeof w - 1)
                    w[k++] = (char)tolower((unsigned char)l->s[i]);
                i++;
            }
        }
        if (!k) {
            i++;
            continue;
        }
        w[k] = '\0';
        if (in_list(ad_words, w))
            return "ad";
        if (!found && in_list(widget_words, w))
            found = "widget";
    }
    return found;
}

/* Where a closing "(Source: …)", "(Image: …)", "(AP Photo/…)" credit starts
 * in the line, or 0 when the line does not end with one. */
static size_t credit_tail(const char *s, size_t n)
{
    if (n == 0 || s[n - 1] != ')')
        return 0;
    size_t open = n - 1;
    while (open > 0 && s[open] != '(')
        open--;
    const char *p = s + open + 1;
    size_t m = n - 1 - (open + 1);
    if (open == 0 || s[open] != '(' || m >= 80)
        return 0;
    if (starts_ci(p, m, "source") || starts_ci(p, m, "photo") || starts_ci(p, m, "image") ||
        starts_ci(p, m, "credit") || starts_ci(p, m, "picture") ||
        (m < 40 && memchr(p, '/', m) && has_ci(p, m, "photo")))
        return open;
    return 0;
}

/* A photo caption glued to its credit, or closed by a source credit. */
static int is_caption(const line *l)
{
    const char *s = l->s;
    size_t n = l->n;
    /* "...on Friday.CreditMaxim Zmeyev/..." : Credit glued to a sentence end */
    for (size_t i = 1; i + 7 < n; i++)
        if (s[i] == 'C' && strncmp(s + i, "Credit", 6) == 0 &&
            (s[i - 1] == '.' || s[i - 1] == ')' || s[i - 1] == '"' || islower((unsigned char)s[i - 1]) ||
             (unsigned char)s[i - 1] >= 0x80) &&
            (isupper((unsigned char)s[i + 6]) || s[i + 6] == ' ' || s[i + 6] == ':'))
            return 1;
    static const char *const lead[] = {"Photo:", "Photos:", "Image:", "Credit:", "Photograph:",
                                       "Picture:", "Pictured:", "Caption:", "Photo credit", NULL};
    for (int i = 0; l->alone && lead[i]; i++)
        if (starts_ci(s, n, lead[i]))
            return 1;
    /* ends with "(Source: Reuters)", "(Photo: AFP)", "(AP Photo/Name)":
     * a caption when little text precedes it (else only the tail goes) */
    size_t tail = credit_tail(s, n);
    if (tail && count_words(s, tail) < 20)
        return 1;
    /* ends with a credit line "Name Surname/Agency" or "— Getty Images" */
    if (l->alone && !ends_sentence(s, n) && l->words <= 60) {
        const char *slash = memchr(s, '/', n);
        if (has_ci(s, n, "Getty Images") || has_ci(s, n, "via Reuters") ||
            has_ci(s, n, "Shutterstock"))
            return 1;
        if (slash && (has_ci(s, n, "Associated Press/") || has_ci(s, n, "/AFP") ||
                      has_ci(s, n, "/Reuters") || has_ci(s, n, "/AP") || has_ci(s, n, "/EPA")))
            return 1;
        /* last word pair before a slash: "Maxim Zmeyev/Agence" */
        if (slash && slash > s && isalpha((unsigned char)slash[-1]) && slash + 1 < s + n &&
            isupper((unsigned char)slash[1]) && !has_ci(s, n, "http") && l->words >= 6)
            return 1;
    }
    return 0;
}

static int is_print_note(const line *l)
{
    return l->words <= 60 && (has_ci(l->s, l->n, "in print") || has_ci(l->s, l->n, "print edition")) &&
           (has_word(l->s, l->n, "page") || has_word(l->s, l->n, "edition"));
}

static int is_reporting_credit(const line *l)
{
    if (l->words > 45)
        return 0;
    return has_ci(l->s, l->n, "reported from") || has_ci(l->s, l->n, "contributed reporting") ||
           has_ci(l->s, l->n, "additional reporting") || has_ci(l->s, l->n, "contributed to this report") ||
           starts_ci(l->s, l->n, "reporting by") || starts_ci(l->s, l->n, "editing by") ||
           starts_ci(l->s, l->n, "writing by") || starts_ci(l->s, l->n, "contributing:") ||
           has_ci(l->s, l->n, "contributed to this article");
}

static int is_site_header(const line *l)
{
    static const char *const p[] = {"Published in ", "Posted in ", "Filed under ", "Filed in ",
                                    "Posted under ", "Categories:", "Category:", "Tags:", NULL};
    for (int i = 0; p[i]; i++)
        if (starts_ci(l->s, l->n, p[i]) && l->words <= 10)
            return 1;
    return 0;
}

/* A row of capitalised titles with no sentence in it (comic strips, menu
 * items): six or more words, every word capitalised, mixed case. */
static int is_title_row(const line *l)
{
    if (l->words < 6 || ends_sentence(l->s, l->n))
        return 0;
    int lower = 0, upper_only = 1;
    for (size_t i = 0; i < l->n; i++) {
        unsigned char c = (unsigned char)l->s[i];
        if ((i == 0 || !isalnum((unsigned char)l->s[i - 1])) && islower(c))
            lower++;
        if (islower(c))
            upper_only = 0;
    }
    return lower == 0 && !upper_only;
}

/* A site's section name ("Current News", "Top Stories", "World Headlines")
 * rather than a story's kicker ("News Analysis", "Memo From Moscow"). */
static int is_section_name(const line *l)
{
    static const char *const heads[] = {"news", "stories", "headlines", "home", "features",
                                        "latest", "updates", "section", "top", NULL};
    size_t e = l->n, b;
    while (e > 0 && !isalpha((unsigned char)l->s[e - 1]))
        e--;
    b = e;
    while (b > 0 && isalpha((unsigned char)l->s[b - 1]))
        b--;
    for (int i = 0; heads[i]; i++)
        if (e - b == strlen(heads[i]) && strncasecmp(l->s + b, heads[i], e - b) == 0)
            return 1;
    return 0;
}

static const char *debris_reason(const line *l)
{
    if (is_caption(l))
        return "caption";
    if (!l->alone)
        return NULL; /* inside a wrapped paragraph */
    if (is_print_note(l))
        return "print-note";
    if (is_site_header(l))
        return "site-header";
    int sentence = l->sent;
    /* page chrome stands alone: never a wrapped line inside a paragraph */
    const char *c = (!sentence && l->words <= 12) || l->words <= 6 ? chrome_reason(l) : NULL;
    if (c)
        return c;
    return NULL;
}

/* ---------------------------------------------------------------- metadata */

/* "By Jane Doe and John Roe, Example News" or "Ilya Arkhipov and Henry
 * Meyer, Bloomberg News": names, then optionally an agency. */
static int is_byline(const line *l, int explicit_by)
{
    const char *s = l->s;
    size_t n = l->n;
    if (starts_ci(s, n, "by ") && n > 3 && isupper((unsigned char)s[3]))
        return l->words <= 16;
    if (explicit_by)
        return 0;
    /* name shape: capitalised words, "and", commas; no sentence end */
    if (l->words < 2 || l->words > 12 || ends_sentence(s, n))
        return 0;
    if (!memchr(s, ',', n) && !has_word(s, n, "and"))
        return 0;
    int caps = 0, lower = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (i == 0 || s[i - 1] == ' ') {
            if (isupper(c))
                caps++;
            else if (islower(c) && !starts_ci(s + i, n - i, "and ") && !starts_ci(s + i, n - i, "in ") &&
                     !starts_ci(s + i, n - i, "of ") && !starts_ci(s + i, n - i, "de ") &&
                     !starts_ci(s + i, n - i, "van ") && !starts_ci(s + i, n - i, "von "))
                lower++;
        }
    }
    return lower == 0 && caps >= 2;
}

static void split_byline(dyad_arena *a, const char *s, size_t n, dyad_doc *doc)
{
    if (starts_ci(s, n, "by "))
        s += 3, n -= 3;
    const char *parts[16];
    size_t lens[16];
    size_t k = 0, st = 0;
    for (size_t i = 0; i <= n && k < 16; i++) {
        size_t cut = 0;
        if (i == n)
            cut = 1;
        else if (s[i] == ',' || s[i] == ';' || s[i] == '|')
            cut = 1;
        else if (i + 5 <= n && strncmp(s + i, " and ", 5) == 0)
            cut = 5;
        else if (i + 3 <= n && strncmp(s + i, " & ", 3) == 0)
            cut = 3;
        if (!cut)
            continue;
        size_t b = st, e = i;
        while (b < e && (s[b] == ' ' || s[b] == '\t'))
            b++;
        while (e > b && (s[e - 1] == ' ' || s[e - 1] == '.'))
            e--;
        if (e > b && !(e - b == 3 && strncasecmp(s + b, "and", 3) == 0)) {
            parts[k] = s + b;
            lens[k++] = e - b;
        }
        st = i + (cut == 1 ? 1 : cut);
        if (cut > 1)
            i += cut - 1;
    }
    if (!k)
        return;
    doc->byline = dyad_arena_alloc(a, k * sizeof *doc->byline);
    if (!doc->byline)
        return;
    for (size_t i = 0; i < k; i++)
        doc->byline[i] = dyad_arena_strndup(a, parts[i], lens[i]);
    doc->n_byline = k;
}

/* "MOSCOW —", "MOSCOW --", "BONN, Germany (AP) —", "WASHINGTON (Reuters) -":
 * returns the length of the dateline with its dash and the following space,
 * and the length of the place part in *place_len. */
static size_t dateline_at(const char *s, size_t n, size_t *place_len)
{
    size_t i = 0, letters = 0;
    /* upper-case place words ("NEW YORK", "WILKES-BARRE", "ST. PETERSBURG") */
    for (;;) {
        size_t w = i, up = 0;
        while (w < n) {
            unsigned char c = (unsigned char)s[w];
            if (isupper(c) || c == '.' || c == '\'' ||
                (c >= 0x80 && c != 0xE2) ||
                (c == '-' && w > i && w + 1 < n && isupper((unsigned char)s[w + 1]))) {
                up += isupper(c) ? 1 : 0;
                w++;
            } else {
                break;
            }
        }
        if (w == i || up == 0 || (w < n && islower((unsigned char)s[w])))
            break; /* not an all-caps word: a capitalised sentence word */
        letters += up;
        i = w;
        if (i + 1 < n && s[i] == ' ' && isupper((unsigned char)s[i + 1]))
            i++;
        else
            break;
    }
    while (i > 0 && s[i - 1] == ' ')
        i--;
    if (letters < 3 || i == 0)
        return 0;
    size_t j = i;
    /* , Germany  / , Calif. / , Nov. 11 */
    for (int parts = 0; parts < 2 && j < n && s[j] == ','; parts++) {
        size_t k = j + 1;
        while (k < n && s[k] == ' ')
            k++;
        if (k >= n || !(isupper((unsigned char)s[k]) || isdigit((unsigned char)s[k])))
            break;
        size_t w = k;
        int words = 0;
        while (w < n && words < 4) {
            while (w < n && (isalnum((unsigned char)s[w]) || s[w] == '.' || s[w] == '\'' ||
                             (unsigned char)s[w] >= 0x80) && (unsigned char)s[w] != 0xE2)
                w++;
            words++;
            if (w + 1 < n && s[w] == ' ' && (isupper((unsigned char)s[w + 1]) || isdigit((unsigned char)s[w + 1])))
                w++;
            else
                break;
        }
        j = w;
    }
    /* (AP) */
    size_t k = j;
    while (k < n && s[k] == ' ')
        k++;
    if (k < n && s[k] == '(') {
        size_t c = k + 1;
        while (c < n && c < k + 40 && s[c] != ')')
            c++;
        if (c < n && s[c] == ')')
            j = c + 1;
    }
    size_t place = j;
    k = j;
    while (k < n && s[k] == ' ')
        k++;
    /* the dash: — – -- - : */
    size_t d = 0;
    if (k + 3 <= n && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
        ((unsigned char)s[k + 2] == 0x94 || (unsigned char)s[k + 2] == 0x93))
        d = 3;
    else if (k + 2 <= n && s[k] == '-' && s[k + 1] == '-')
        d = 2;
    else if (k < n && (s[k] == '-' || s[k] == ':') && k > j)
        d = 1;
    if (!d)
        return 0;
    k += d;
    if (k < n && s[k] != ' ')
        return 0;
    while (k < n && s[k] == ' ')
        k++;
    *place_len = place;
    return k;
}

/* ---------------------------------------------------------------- main */

static int same_text(const char *a, size_t an, const char *b)
{
    size_t bn = strlen(b);
    while (bn && (b[bn - 1] == ' ' || b[bn - 1] == '\n'))
        bn--;
    while (an && (a[an - 1] == ' '))
        an--;
    return an == bn && strncasecmp(a, b, an) == 0;
}

/* Does a hard-wrapped sentence start at line i: the lines that follow
 * without a break reach a sentence end, twelve words or more in all?  (A
 * headline over its byline never does.) */
static int wrapped_sentence(const line *L, size_t nl, size_t i)
{
    int words = 0;
    for (size_t k = i; k < nl && k < i + 30 && L[k].n; k++) {
        words += L[k].words;
        if (L[k].sent)
            return words >= 12;
    }
    return 0;
}

static int add_removed(dyad_arena *a, dyad_doc *doc, size_t *cap, const line *l)
{
    if (doc->n_removed == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        dyad_removed *r = dyad_arena_alloc(a, nc * sizeof *r);
        if (!r)
            return DYAD_ENOMEM;
        if (doc->n_removed)
            memcpy(r, doc->removed, doc->n_removed * sizeof *r);
        doc->removed = r;
        *cap = nc;
    }
    dyad_removed *r = &doc->removed[doc->n_removed++];
    r->line = l->no;
    r->text = dyad_arena_strndup(a, l->s, l->n);
    r->reason = l->reason;
    return r->text ? 0 : DYAD_ENOMEM;
}

int dyad_clean(dyad_arena *a, const char *text, size_t n, dyad_doc *doc, dyad_error *err)
{
    /* 1. lines */
    size_t nl = 1;
    for (const char *p = text; (p = memchr(p, '\n', (size_t)(text + n - p))); p++)
        nl++;
    line *L = dyad_arena_alloc(a, nl * sizeof *L);
    if (!L)
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    size_t k = 0, st = 0;
    uint32_t no = 1;
    for (size_t i = 0; i <= n; i++) {
        const char *nlp = i < n ? memchr(text + i, '\n', n - i) : NULL;
        i = nlp ? (size_t)(nlp - text) : n;
        size_t b = st, e = i, sl;
        while (b < e && is_space_at(text, e, b, &sl))
            b += sl;
        while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r'))
            e--;
        while (e >= b + 2 && (unsigned char)text[e - 2] == 0xC2 && (unsigned char)text[e - 1] == 0xA0)
            e -= 2;
        L[k].s = text + b;
        L[k].n = e - b;
        L[k].no = no++;
        L[k].words = count_words(text + b, e - b);
        L[k].reason = NULL;
        k++;
        st = i + 1;
    }
    nl = k;
    /* a line is part of a hard-wrapped paragraph when it runs on into the
     * next line or continues the previous one; debris is never that */
    for (size_t i = 0; i < nl; i++)
        L[i].sent = ends_sentence(L[i].s, L[i].n);
    for (size_t i = 0; i < nl; i++) {
        int runs_on = L[i].n >= 40 && i + 1 < nl && L[i + 1].n && !L[i].sent;
        int continues = i > 0 && L[i - 1].n >= 40 && !L[i - 1].sent;
        L[i].alone = !(runs_on || continues);
    }

    /* 2. debris anywhere */
    size_t first_body = nl; /* first line of running text */
    size_t content = 0, first_content = nl;
    for (size_t i = 0; i < nl; i++) {
        if (!L[i].n)
            continue;
        size_t pl;
        int para = (L[i].words >= 12 && L[i].sent) || (L[i].words >= 20) ||
                   (L[i].words >= 8 && !L[i].alone && wrapped_sentence(L, nl, i)) ||
                   dateline_at(L[i].s, L[i].n, &pl);
        if (para && !is_caption(&L[i]) && !is_print_note(&L[i])) {
            first_body = i;
            break;
        }
    }
    for (size_t i = 0; i < nl; i++) {
        if (!L[i].n)
            continue;
        L[i].reason = debris_reason(&L[i]);
        if (!L[i].reason) {
            if (first_content == nl)
                first_content = i;
            content++;
        }
    }
    /* no paragraph-like line: a one-line document is all body; otherwise the
     * first line that ends like a sentence starts the body */
    if (first_body == nl && content == 1) {
        first_body = first_content;
    } else if (first_body == nl) {
        for (size_t i = first_content + 1; i < nl; i++)
            if (L[i].n && L[i].sent && !L[i].reason) {
                first_body = i;
                break;
            }
    }
    for (size_t i = first_body; i < nl; i++)
        if (L[i].n && !L[i].reason && L[i].alone && is_title_row(&L[i]))
            L[i].reason = "nav-list";

    /* 3. the header zone: lines above the first paragraph */
    size_t title_line = nl, pick = nl, fallback = nl;
    if (!doc->title) {
        /* the headline: the first plain line of three or more words, else the
         * last plain line of the header zone ("Talks Resume") */
        for (size_t i = 0; i < first_body && i < nl; i++) {
            const line *l = &L[i];
            char date[11];
            if (!l->n || l->reason || starts_ci(l->s, l->n, "publication:") ||
                dyad_date_parse(l->s, l->n, date, 1) || is_byline(l, 1) ||
                starts_ci(l->s, l->n, "updated") || starts_ci(l->s, l->n, "posted"))
                continue;
            if (l->words >= 3) {
                pick = i;
                break;
            }
            fallback = i;
        }
        if (pick == nl)
            pick = fallback;
    }
    for (size_t i = 0; i < first_body && i < nl; i++) {
        line *l = &L[i];
        if (!l->n || l->reason)
            continue;
        char date[11];
        if (starts_ci(l->s, l->n, "publication:")) {
            l->reason = "publication";
            size_t off = 12;
            while (off < l->n && l->s[off] == ' ')
                off++;
            doc->publication = dyad_arena_strndup(a, l->s + off, l->n - off);
        } else if (dyad_date_parse(l->s, l->n, date, 1)) {
            l->reason = "date";
            if (!doc->date)
                doc->date = dyad_arena_strdup(a, date);
        } else if (doc->title && title_line == nl && same_text(l->s, l->n, doc->title)) {
            l->reason = "title";
            title_line = i;
        } else if (i == pick) {
            l->reason = "title";
            title_line = i;
            doc->title = dyad_arena_strndup(a, l->s, l->n);
        } else if (!doc->n_byline && is_byline(l, title_line == nl)) {
            l->reason = "byline";
            split_byline(a, l->s, l->n, doc);
        } else if (starts_ci(l->s, l->n, "updated") || starts_ci(l->s, l->n, "posted") ||
                   starts_ci(l->s, l->n, "last updated")) {
            l->reason = "date";
            if (!doc->date && dyad_date_parse(l->s, l->n, date, 0))
                doc->date = dyad_arena_strdup(a, date);
        } else if (title_line == nl) {
            l->reason = "site-header"; /* above the title: refined below */
        } else if (l->words <= 6 && !ends_sentence(l->s, l->n)) {
            l->reason = "site-header";
        }
    }
    /* the short line right above the title is its kicker ("News Analysis") */
    if (title_line < nl) {
        for (size_t i = title_line; i-- > 0;) {
            if (!L[i].n)
                continue;
            if (L[i].reason && !strcmp(L[i].reason, "site-header") && L[i].words <= 4 &&
                !is_site_header(&L[i]) && !chrome_reason(&L[i]) && !is_section_name(&L[i])) {
                L[i].reason = "kicker";
                doc->kicker = dyad_arena_strndup(a, L[i].s, L[i].n);
            }
            break;
        }
    }
    /* a byline just below the title may already be the first body line's
     * neighbour; bylines after the header zone are rare and left alone */
    for (size_t i = 0; i < nl; i++) {
        if (L[i].n && !L[i].reason && starts_ci(L[i].s, L[i].n, "publication:")) {
            L[i].reason = "publication";
            size_t off = 12;
            while (off < L[i].n && L[i].s[off] == ' ')
                off++;
            if (!doc->publication)
                doc->publication = dyad_arena_strndup(a, L[i].s + off, L[i].n - off);
        }
    }

    /* 4. reporting credits among the last lines */
    int seen = 0;
    for (size_t i = nl; i-- > 0 && seen < 4;) {
        if (!L[i].n)
            continue;
        seen++;
        if (!L[i].reason && is_reporting_credit(&L[i]))
            L[i].reason = "credit";
    }
    /* short fragments in the body with no sentence ("Current News") */
    for (size_t i = first_body; i < nl; i++) {
        line *l = &L[i];
        if (l->n && !l->reason && l->words <= 2 && !ends_sentence(l->s, l->n) &&
            !(i + 1 < nl && L[i + 1].n && !L[i + 1].reason))
            l->reason = "fragment";
    }

    size_t cap = 0, n_tails = 0;
    /* a paragraph that ends with an image credit keeps its text, loses the credit */
    for (size_t i = first_body; i < nl; i++) {
        line *l = &L[i];
        size_t tail;
        if (!l->n || l->reason || !(tail = credit_tail(l->s, l->n)))
            continue;
        line cut = *l;
        cut.s = l->s + tail;
        cut.n = l->n - tail;
        cut.reason = "caption";
        size_t keep = tail;
        while (keep > 0 && (l->s[keep - 1] == ' ' || l->s[keep - 1] == '\t'))
            keep--;
        l->n = keep;
        if (add_removed(a, doc, &cap, &cut))
            return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
        n_tails++;
    }

    /* 5. removed lines; date from a print note if none yet */
    for (size_t i = 0; i < nl; i++) {
        if (!L[i].n || !L[i].reason)
            continue;
        if (!doc->date && !strcmp(L[i].reason, "print-note")) {
            char date[11];
            if (dyad_date_parse(L[i].s, L[i].n, date, 0))
                doc->date = dyad_arena_strdup(a, date);
        }
        if (add_removed(a, doc, &cap, &L[i]))
            return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    }

    /* removed lines in input order: merge the credit tails (cut first, in
     * line order) with the rest (also in line order) */
    if (n_tails && n_tails < doc->n_removed) {
        dyad_removed *m = dyad_arena_alloc(a, doc->n_removed * sizeof *m);
        if (!m)
            return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
        size_t x = 0, y = n_tails, k = 0;
        while (x < n_tails || y < doc->n_removed)
            m[k++] = y >= doc->n_removed || (x < n_tails && doc->removed[x].line <= doc->removed[y].line)
                         ? doc->removed[x++] : doc->removed[y++];
        doc->removed = m;
    }

    /* 6. body: kept lines; a paragraph break where a blank or removed line
     * stood; hard-wrapped lines rejoined with a space. */
    char *body = dyad_arena_alloc(a, n + 2);
    if (!body)
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    size_t bn = 0;
    int gap = 0, any = 0;
    const line *prev = NULL;
    for (size_t i = 0; i < nl; i++) {
        const line *l = &L[i];
        if (!l->n || l->reason) {
            gap = 1;
            continue;
        }
        const char *s = l->s;
        size_t m = l->n;
        if (!any) {
            size_t place, dl = dateline_at(s, m, &place);
            if (dl && dl < m) {
                doc->dateline = dyad_arena_strndup(a, s, place);
                s += dl;
                m -= dl;
            }
        }
        if (any) {
            if (gap) {
                body[bn++] = '\n';
                body[bn++] = '\n';
            } else if (prev && prev->n >= 40 && !ends_sentence(prev->s, prev->n)) {
                body[bn++] = ' '; /* hard wrap inside a sentence */
            } else {
                body[bn++] = '\n';
            }
        }
        memcpy(body + bn, s, m);
        bn += m;
        any = 1;
        gap = 0;
        prev = l;
    }
    body[bn] = '\0';
    doc->body = body;
    doc->body_len = bn;
    return 0;
}
