/* sentence.c — the sentence splitter, over the tokens of dyad_tokenize.
 *
 * Rules tuned for news: a period, ?, ! or ellipsis ends a sentence when the
 * next word does not continue it (lower case, comma...); closing quotes and
 * brackets stay with the sentence they close; an abbreviation ends one only
 * when what follows is clearly a new sentence (a capitalised sentence opener
 * such as "The" or "He", not a name: "U.S. officials", "Vladimir V. Putin");
 * a blank line always ends one; a headline-like line without final
 * punctuation ends at its line break. */
#include "dyad.h"
#include "text_internal.h"

#include <string.h>
#include <utf8proc.h>

typedef struct ctx {
    const char *text;
    const dyad_token *t;
    size_t n;
    int wrapped;      /* the text is hard-wrapped prose (see wrap_scan) */
    uint32_t max_line; /* longest line, in bytes */
} ctx;

static const char *tok_s(const ctx *c, size_t i)
{
    return c->text + c->t[i].start;
}

static size_t tok_len(const ctx *c, size_t i)
{
    return c->t[i].end - c->t[i].start;
}

static int tok_is(const ctx *c, size_t i, const char *w)
{
    if (tok_s(c, i)[0] != w[0])
        return 0;
    size_t n = strlen(w);
    return tok_len(c, i) == n && memcmp(tok_s(c, i), w, n) == 0;
}

static int in_list(const ctx *c, size_t i, const char *const *list)
{
    for (; *list; list++)
        if (tok_is(c, i, *list))
            return 1;
    return 0;
}

/* Case of the first character: 1 upper, -1 lower, 0 neither. */
static int first_case(const ctx *c, size_t i)
{
    const unsigned char *s = (const unsigned char *)tok_s(c, i);
    if (s[0] < 0x80) {
        if (s[0] >= 'A' && s[0] <= 'Z')
            return 1;
        if (s[0] >= 'a' && s[0] <= 'z')
            return -1;
        return 0;
    }
    utf8proc_int32_t cp;
    if (utf8proc_iterate(s, (utf8proc_ssize_t)tok_len(c, i), &cp) <= 0)
        return 0;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
        return 1;
    case UTF8PROC_CATEGORY_LL:
        return -1;
    default:
        return 0;
    }
}

static int is_digit_start(const ctx *c, size_t i)
{
    char ch = tok_s(c, i)[0];
    return ch >= '0' && ch <= '9';
}

enum { TERM_NONE = 0, TERM_STOP, TERM_ELLIPSIS, TERM_ABBR };

static int terminator(const ctx *c, size_t i)
{
    const dyad_token *t = &c->t[i];
    if (t->kind == DYAD_TOK_ABBREV)
        return TERM_ABBR;
    if (t->kind != DYAD_TOK_PUNCT)
        return TERM_NONE;
    const char *s = tok_s(c, i);
    size_t n = tok_len(c, i);
    if (s[0] == '.')
        return n == 1 ? TERM_STOP : TERM_ELLIPSIS;
    if (s[0] == '!' || s[0] == '?')
        return TERM_STOP;
    if (n == 3 && memcmp(s, "\xE2\x80\xA6", 3) == 0)
        return TERM_ELLIPSIS;
    return TERM_NONE;
}

/* A closing quote or bracket glued to the end of a sentence. */
static int is_closer(const ctx *c, size_t i)
{
    const dyad_token *t = &c->t[i];
    if (t->flags & (DYAD_TF_SPACE_BEFORE | DYAD_TF_NEWLINE_BEFORE))
        return 0;
    if (t->kind == DYAD_TOK_QUOTE) {
        /* opening marks never close: “ ‘ „ « ‹ */
        const char *s = tok_s(c, i);
        size_t n = tok_len(c, i);
        if (n == 3 && (memcmp(s, "\xE2\x80\x9C", 3) == 0 ||
                       memcmp(s, "\xE2\x80\x98", 3) == 0 ||
                       memcmp(s, "\xE2\x80\x9E", 3) == 0 ||
                       memcmp(s, "\xE2\x80\xB9", 3) == 0))
            return 0;
        return !(n == 2 && memcmp(s, "\xC2\xAB", 2) == 0);
    }
    if (t->kind == DYAD_TOK_PUNCT && tok_len(c, i) == 1) {
        char ch = tok_s(c, i)[0];
        return ch == ')' || ch == ']' || ch == '}';
    }
    return 0;
}

/* A reference mark after a sentence ("... in 1805. [6] Next"): its end,
 * else j. */
static size_t citation_end(const ctx *c, size_t j)
{
    if (j + 2 >= c->n || !tok_is(c, j, "[") ||
        (c->t[j].flags & DYAD_TF_NEWLINE_BEFORE))
        return j;
    size_t k = j + 1;
    while (k < c->n && k < j + 8 &&
           (c->t[k].kind == DYAD_TOK_NUMBER || tok_is(c, k, ",") ||
            tok_is(c, k, "-") || tok_is(c, k, "\xE2\x80\x93")))
        k++;
    if (k == j + 1 || k >= c->n || !tok_is(c, k, "]"))
        return j;
    return k + 1;
}

/* "1." or "2.1." opening a line: a list or section number, not a
 * sentence. */
static int list_number(const ctx *c, size_t first, size_t i)
{
    return i == first + 1 && c->t[first].kind == DYAD_TOK_NUMBER &&
           tok_is(c, i, ".") &&
           (first == 0 || (c->t[first].flags & DYAD_TF_NEWLINE_BEFORE));
}

/* Verbs of saying: a question or exclamation in quotes followed by
 * '" Smith asked' is one sentence with it (after a period, English puts a
 * comma inside the quote instead, so "." + quote + "He told" is new). */
static const char *const speech_verbs[] = {
    "said", "says", "asked", "asks", "added", "adds", "told", "tells",
    "replied", "replies", "wrote", "writes", "called", "shouted", "cried",
    "explained", "continued", "whispered", "answered", "insisted", "warned",
    "declared", "exclaimed", "muttered", "yelled", "screamed", "laughed",
    "began", "demanded", "urged", "noted", "recalled", "say", "ask", "howled",
    NULL
};

/* After a closing quote: is one of the next three words a verb of saying
 * ("?" I asked. / ." Smith said)? */
static int speech_follows(const ctx *c, size_t j)
{
    for (size_t k = j; k < c->n && k < j + 3; k++) {
        const dyad_token *t = &c->t[k];
        if (t->kind != DYAD_TOK_WORD && t->kind != DYAD_TOK_ABBREV)
            return 0;
        if (in_list(c, k, speech_verbs))
            return 1;
    }
    return 0;
}

/* Words that open sentences and are not names: after "U.S." or "Inc." a
 * capitalised word from this list means a new sentence. */
static const char *const openers[] = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This",
    "That", "These", "Those", "There", "Here", "His", "Her", "Its", "Their",
    "Our", "My", "Your", "But", "And", "Or", "So", "Yet", "In", "On", "At",
    "As", "If", "When", "While", "After", "Before", "Since", "For", "From",
    "With", "Without", "By", "To", "Of", "Under", "Despite", "Although",
    "Though", "Because", "However", "Meanwhile", "Also", "Still", "Some",
    "Many", "Most", "All", "Both", "Each", "Such", "Other", "Another",
    "One", "Two", "Last", "Earlier", "Later", "Now", "Then", "Today",
    "Yesterday", "What", "Why", "How", "Who", "Where", "Which", "Not",
    "Only", "Even", "Instead", "Officials", "Mr.", "Mrs.", "Ms.", "Dr.",
    "No", "Yes", "Asked", "According", "Among", "During", "About", "Over",
    "Is", "Are", "Was", "Were", "Do", "Does", "Did", "Can", "Will", "Would",
    "Should", "Could", "Let", "Please", "Thus", "Thereafter", "Further",
    NULL
};

/* Lower-case words that may appear in a title-case headline. */
static const char *const title_small[] = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or",
    "but", "by", "with", "from", "as", "vs", "vs.", "is", "are", "over",
    "after", "into", "about", "up", "against", "amid", "says", "say", "nor",
    "off", "out", "via", "per", "than", "be", "not", NULL
};

/* The token that decides (skipping one opening quote or bracket). */
static size_t lookahead(const ctx *c, size_t j)
{
    const dyad_token *t = &c->t[j];
    if (j + 1 < c->n &&
        (t->kind == DYAD_TOK_QUOTE ||
         (t->kind == DYAD_TOK_PUNCT && tok_len(c, j) == 1 &&
          (tok_s(c, j)[0] == '(' || tok_s(c, j)[0] == '['))) &&
        !(c->t[j + 1].flags & DYAD_TF_SPACE_BEFORE))
        return j + 1;
    return j;
}

/* May the token before a stop be followed by a lower-case sentence? */
static int lower_ok(const ctx *c, size_t i)
{
    const dyad_token *t = &c->t[i];
    if (t->kind == DYAD_TOK_NUMBER)
        return 1;
    if (t->kind != DYAD_TOK_WORD)
        return 0;
    return tok_len(c, i) >= 5 || first_case(c, i) < 0;
}

/* Does a sentence end between the terminator's closers and token j? */
static int ends_before(const ctx *c, size_t term_tok, int term, size_t j)
{
    const dyad_token *nx = &c->t[j];
    if (!(nx->flags & DYAD_TF_SPACE_BEFORE))
        return 0;
    int nl = (nx->flags & DYAD_TF_NEWLINE_BEFORE) != 0;
    if (nx->kind == DYAD_TOK_CLITIC)
        return 0;
    if (nx->kind == DYAD_TOK_PUNCT && tok_len(c, j) == 1) {
        char ch = tok_s(c, j)[0];
        if (ch == ',' || ch == ';' || ch == ':' || ch == ')' || ch == ']' ||
            ch == '}' || ch == '.')
            return 0;
    }
    size_t k = lookahead(c, j);
    int fc = first_case(c, k);
    switch (term) {
    case TERM_STOP:
        if (fc >= 0 || nl)
            return 1;
        /* lower case after a plain word and no closing quote: informal
         * text ("go to famoso. seriously.") rather than an abbreviation */
        return term_tok + 1 == j && term_tok > 0 &&
               lower_ok(c, term_tok - 1);
    case TERM_ELLIPSIS:
        return fc > 0 || is_digit_start(c, k);
    case TERM_ABBR: {
        int cls = dyad_text_abbrev_class(tok_s(c, term_tok),
                                         tok_len(c, term_tok));
        if (fc <= 0)
            return 0;
        switch (cls) {
        case DYAD_ABBR_TITLE:
            return 0;
        case DYAD_ABBR_FINAL:
            return 1;
        default:
            return in_list(c, k, openers);
        }
    }
    default:
        return 0;
    }
}

/* Does the line ending with token i read like a headline, byline or list
 * item (so that its line break ends a sentence)? */
static int line_ends_sentence(const ctx *c, size_t first, size_t i,
                              int multi_line)
{
    size_t j = i + 1;
    const dyad_token *nx = &c->t[j];
    /* a list item or bullet starts the next line */
    if (nx->kind == DYAD_TOK_PUNCT || nx->kind == DYAD_TOK_SYMBOL) {
        const char *s = tok_s(c, j);
        size_t n = tok_len(c, j);
        if ((n == 1 && (s[0] == '-' || s[0] == '*')) ||
            (n == 3 && (memcmp(s, "\xE2\x80\xA2", 3) == 0 ||   /* • */
                        memcmp(s, "\xE2\x80\x93", 3) == 0 ||   /* – */
                        memcmp(s, "\xE2\x80\x94", 3) == 0)))   /* — */
            return 1;
    }
    /* the sentence so far must be exactly this line */
    if (multi_line ||
        (first > 0 && !(c->t[first].flags & DYAD_TF_NEWLINE_BEFORE)))
        return 0;
    size_t k = lookahead(c, j);
    if (first_case(c, k) < 0)
        return 0;
    /* the line ends like a complete phrase */
    const dyad_token *last = &c->t[i];
    if (last->kind == DYAD_TOK_PUNCT) {
        char ch = tok_s(c, i)[0];
        if (ch == ',' || ch == '-' || ch == '(' || ch == '/')
            return 0;
    }
    if (in_list(c, i, title_small) && i > first)
        return 0;
    /* title case or all caps (no ordinary lower-case word), or a short
     * sentence-case line without inner punctuation that starts with a
     * capital and ends on a content word ("Russia warns Ukraine over drone
     * strikes").  The second can misfire on hard-wrapped prose whose
     * paragraph's first line is followed by a capitalised word; the
     * cleaner unwraps lines before we run. */
    int words = 0, lower_words = 0, inner_punct = 0;
    for (size_t m = first; m <= i; m++) {
        const dyad_token *t = &c->t[m];
        if (t->kind == DYAD_TOK_PUNCT || t->kind == DYAD_TOK_QUOTE)
            inner_punct++;
        if (t->kind != DYAD_TOK_WORD && t->kind != DYAD_TOK_ABBREV)
            continue;
        int fc = first_case(c, m);
        if (fc == 0)
            continue;
        words++;
        if (fc < 0 && !in_list(c, m, title_small))
            lower_words++;
    }
    if (words == 0)
        return 0;
    /* in hard-wrapped prose only a clearly short line can be a heading */
    if (c->wrapped && 2 * (c->t[i].end - c->t[first].start) >= c->max_line)
        return 0;
    if (lower_words == 0)
        return 1;
    return i - first + 1 <= 12 && inner_punct == 0 &&
           first_case(c, first) > 0 && c->t[i].kind == DYAD_TOK_WORD;
}

/* Is the text hard-wrapped (line breaks inside sentences, as in wire copy
 * and e-mail)?  Then a line break is no evidence of a sentence end.  Counts
 * the long lines that end without sentence punctuation. */
static void wrap_scan(ctx *c)
{
    size_t breaks = 0, mid = 0, line_first = 0;
    uint32_t max_line = 0;
    for (size_t i = 1; i <= c->n; i++) {
        if (i < c->n && !(c->t[i].flags & DYAD_TF_NEWLINE_BEFORE))
            continue;
        uint32_t len = c->t[i - 1].end - c->t[line_first].start;
        if (len > max_line)
            max_line = len;
        if (i < c->n && !(c->t[i].flags & DYAD_TF_PARA_BEFORE)) {
            breaks++;
            size_t k = i - 1;
            while (k > line_first && is_closer(c, k))
                k--;
            if (len >= 40 && !terminator(c, k))
                mid++;
        }
        line_first = i;
    }
    c->max_line = max_line;
    c->wrapped = mid >= 2 && 2 * mid >= breaks;
}

typedef struct sentbuf {
    dyad_arena *a;
    dyad_sentence *s;
    size_t n, cap;
} sentbuf;

static int emit(sentbuf *b, const ctx *c, size_t first, size_t end)
{
    if (b->n == b->cap) {
        size_t cap = b->cap * 2;
        dyad_sentence *s = dyad_arena_alloc(b->a, cap * sizeof *s);
        if (!s)
            return -1;
        memcpy(s, b->s, b->n * sizeof *s);
        b->s = s;
        b->cap = cap;
    }
    dyad_sentence *s = &b->s[b->n++];
    s->start = c->t[first].start;
    s->end = c->t[end - 1].end;
    s->tok_first = (uint32_t)first;
    s->tok_end = (uint32_t)end;
    return 0;
}

int dyad_split_sentences(dyad_arena *a, const char *text, size_t n,
                         const dyad_token *toks, size_t n_toks,
                         dyad_sentence **sents, size_t *n_sents,
                         dyad_error *err)
{
    if (!sents || !n_sents || (n_toks && (!toks || !text)))
        return dyad_error_set(err, DYAD_EUSAGE, NULL, -1,
                              "split_sentences: NULL argument");
    ctx c = {text, toks, n_toks, 0, 0};
    wrap_scan(&c);
    sentbuf b = {a, NULL, 0, n_toks / 16 + 4};
    b.s = dyad_arena_alloc(a, b.cap * sizeof *b.s);
    if (!b.s)
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    size_t first = 0, i = 0;
    int multi_line = 0; /* the current sentence spans a line break */
    while (i < n_toks) {
        if (i > first && (toks[i].flags & DYAD_TF_NEWLINE_BEFORE))
            multi_line = 1;
        size_t end = 0; /* > 0: the sentence ends before token `end` */
        int term = terminator(&c, i);
        if (term) {
            size_t j = i + 1;
            for (;;) {
                while (j < n_toks && is_closer(&c, j))
                    j++;
                size_t k = citation_end(&c, j);
                if (k == j)
                    break;
                j = k;
            }
            if (j == n_toks || (toks[j].flags & DYAD_TF_PARA_BEFORE) ||
                (ends_before(&c, i, term, j) && !list_number(&c, first, i) &&
                 !(j > i + 1 && tok_s(&c, i)[0] != '.' &&
                   speech_follows(&c, j))))
                end = j;
            else if (j > i + 1)
                i = j - 1; /* the closers continue the sentence */
        }
        if (!end && i + 1 < n_toks) {
            unsigned f = toks[i + 1].flags;
            if ((f & DYAD_TF_PARA_BEFORE) ||
                ((f & DYAD_TF_NEWLINE_BEFORE) &&
                 line_ends_sentence(&c, first, i, multi_line)))
                end = i + 1;
        }
        if (!end && i + 1 == n_toks)
            end = n_toks;
        if (end) {
            if (emit(&b, &c, first, end))
                return dyad_error_set(err, DYAD_ENOMEM, NULL, -1,
                                      "out of memory");
            first = end;
            i = end;
            multi_line = 0;
        } else {
            i++;
        }
    }
    (void)n;
    *sents = b.s;
    *n_sents = b.n;
    return DYAD_OK;
}
