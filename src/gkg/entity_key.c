/* entity_key.c — cross-document person keys: the same person written with
 * other transliterations or initials gets the same key ("Dmitri S. Peskov",
 * "Dmitry Peskov" → "dmitry peskov"), different people sharing a surname
 * do not (the first-name class stays in the key).  Also the small token
 * helpers of entity.h. */
#include "gkg/entity.h"

#include <string.h>

int gkg_tok_is(const dyad_doc *doc, size_t i, const char *w)
{
    /* hot: called with word lists for every token; no strlen */
    const dyad_token *t = &doc->tokens[i];
    size_t n = t->end - t->start;
    const char *s = doc->body + t->start;
    for (size_t k = 0; k < n; k++) {
        unsigned char a = (unsigned char)s[k], b = (unsigned char)w[k];
        if (!b)
            return 0;
        if (a >= 'A' && a <= 'Z')
            a = (unsigned char)(a + 32);
        if (b >= 'A' && b <= 'Z')
            b = (unsigned char)(b + 32);
        if (a != b)
            return 0;
    }
    return w[n] == 0;
}

int gkg_tok_in(const dyad_doc *doc, size_t i, const char *const *list)
{
    for (; *list; list++)
        if (gkg_tok_is(doc, i, *list))
            return 1;
    return 0;
}

int gkg_tok_cap(const dyad_doc *doc, size_t i)
{
    const dyad_token *t = &doc->tokens[i];
    if (t->kind != DYAD_TOK_WORD && t->kind != DYAD_TOK_ABBREV)
        return 0;
    unsigned char c = (unsigned char)doc->body[t->start];
    return (c >= 'A' && c <= 'Z') || (c >= 0x80 && (t->flags & DYAD_TF_CAPITALIZED));
}

const char *const gkg_speech_verbs[] = {
    "said", "says", "say", "saying", "told", "tells", "tell", "telling",
    "added", "adds", "asked", "asks", "wrote", "writes", "write", "writing",
    "declared", "declares", "stated", "states", "insisted", "insists",
    "warned", "warns", "predicted", "predicts", "crowed", "called", "calls",
    "calling", "described", "describes", "describing", "announced",
    "announces", "argued", "argues", "claimed", "claims", "noted", "notes",
    "replied", "responded", "explained", "explains", "acknowledged",
    "admitted", "vowed", "vows", "promised", "urged", "urges", "recalled",
    "remarked", "tweeted", "posted", "quipped", "boasted", "complained",
    "conceded", "countered", "continued", "read", "reads", "according",
    "suggested", "stressed", "emphasized", "emphasised", "concluded",
    "joked", "shouted", "chanted", "pledged", "agreed", "demanded",
    "denounced", "hailed", "praised", "branded", "dubbed", "labeled",
    "labelled", "termed", "condemned", "criticized", "criticised", NULL};

const char *const gkg_speech_nouns[] = {
    "statement", "interview", "email", "e-mail", "letter", "speech",
    "tweet", "post", "message", "communique", "communiqué", "declaration",
    "remarks", "sign", "signs", "placard", "placards", "banner", "banners",
    "address", "briefing", "report", NULL};

int gkg_tok_pronoun(const dyad_doc *doc, size_t i)
{
    static const char *const p[] = {"he", "she", "him", "his", "her", NULL};
    return gkg_tok_in(doc, i, p);
}

uint32_t gkg_sentence_of(const dyad_doc *doc, size_t tok)
{
    size_t lo = 0, hi = doc->n_sentences;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (doc->sentences[mid].tok_end <= tok)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

/* ---- keys */

typedef struct fvar {
    const char *from, *to;
} fvar;

/* first-name classes beyond the spelling rules below (Ukrainian/Russian
 * and Arabic transliterations seen in English news) */
static const fvar first_classes[] = {
    {"volodymyr", "vladimir"}, {"oleksandr", "alexandr"},
    {"alexander", "alexandr"}, {"mykola", "nikolay"},
    {"mikheil", "mikhail"}, {"mohammed", "muhammad"},
    {"mohammad", "muhammad"}, {"mohamed", "muhammad"},
    {"muhammed", "muhammad"}, {"mohamad", "muhammad"},
    {"abdallah", "abdullah"}, {"yuriy", "yury"}, {"yuri", "yury"},
    {"iurii", "yury"}, {NULL, NULL}};

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* spelling rules on a folded first name, in place; returns new length */
static size_t norm_first(char *s, size_t n)
{
    char buf[64];
    if (n >= sizeof buf)
        return n;
    memcpy(buf, s, n);
    buf[n] = 0;
    for (const fvar *v = first_classes; v->from; v++)
        if (!strcmp(buf, v->from)) {
            size_t m = strlen(v->to);
            memcpy(s, v->to, m);
            return m;
        }
    /* ks → x (Aleksei → alexei) */
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == 'k' && i + 1 < n && s[i + 1] == 's') {
            s[k++] = 'x';
            i++;
        } else
            s[k++] = s[i];
    }
    n = k;
    /* leading ye → e (Yevgeny → evgeny) */
    if (n > 3 && s[0] == 'y' && s[1] == 'e') {
        memmove(s, s + 1, n - 1);
        n--;
    }
    /* endings: -iy -ii -ij -yi -ei -ey -ai -ay → -y / -ey / -ay */
    if (n > 3) {
        char a = s[n - 2], b = s[n - 1];
        if ((a == 'i' && (b == 'y' || b == 'i' || b == 'j')) || (a == 'y' && b == 'i'))
            s[n - 2] = 'y', n--;
        else if ((a == 'e' || a == 'a') && b == 'i')
            s[n - 1] = 'y';
        else if (b == 'i' && !is_vowel(a))
            s[n - 1] = 'y'; /* Dmitri → dmitry */
    }
    return n;
}

/* surname spelling rules (Zelenskiy/Zelenskyy/Zelensky → zelensky) */
static size_t norm_last(char *s, size_t n)
{
    if (n > 5) {
        char a = s[n - 2], b = s[n - 1];
        if ((a == 'i' && (b == 'y' || b == 'i' || b == 'j')) || (a == 'y' && (b == 'y' || b == 'i')))
            s[n - 2] = 'y', n--;
        else if (b == 'i' && a == 'k' && n > 4 && s[n - 3] == 's')
            s[n - 1] = 'y'; /* -ski → -sky */
    }
    return n;
}

static int is_initial(const char *s, size_t n)
{
    /* "V." "V" "J.R." */
    if (n == 1)
        return 1;
    if (n >= 2 && s[n - 1] == '.') {
        for (size_t i = 0; i < n; i++)
            if (!(s[i] == '.' || (i + 1 < n && s[i + 1] == '.')))
                return 0;
        return 1;
    }
    return 0;
}

static int is_patronymic(const char *s, size_t n)
{
    static const char *const suf[] = {"ovich", "evich", "ovna", "evna", "yevich", NULL};
    for (const char *const *p = suf; *p; p++) {
        size_t m = strlen(*p);
        if (n > m + 2 && !memcmp(s + n - m, *p, m))
            return 1;
    }
    return 0;
}

static int is_suffix(const char *s, size_t n)
{
    return (n == 3 && !memcmp(s, "jr.", 3)) || (n == 2 && !memcmp(s, "jr", 2)) ||
           (n == 3 && !memcmp(s, "sr.", 3)) || (n == 2 && !memcmp(s, "ii", 2)) ||
           (n == 3 && !memcmp(s, "iii", 3));
}

const char *dyad_gkg_person_key(dyad_arena *a, const char *name, size_t len)
{
    if (!a || !name)
        return NULL;
    size_t fl = 0;
    char *f = dyad_norm_fold(a, name, len, &fl);
    if (!f)
        return NULL;
    /* split on spaces and hyphens; drop honorifics, initials, patronymics,
     * suffixes; apostrophes and periods go */
    char *out = dyad_arena_alloc(a, fl + 2);
    if (!out)
        return NULL;
    const char *tok[16];
    size_t tn[16], nt = 0;
    size_t i = 0;
    while (i < fl && nt < 16) {
        while (i < fl && (f[i] == ' ' || f[i] == '-' || f[i] == '\t' || f[i] == ','))
            i++;
        size_t b = i;
        while (i < fl && f[i] != ' ' && f[i] != '-' && f[i] != '\t' && f[i] != ',')
            i++;
        if (i > b) {
            tok[nt] = f + b;
            tn[nt] = i - b;
            nt++;
        }
    }
    static const char *const hon[] = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms",
                                       "dr", "miss", "sir", "president", NULL};
    size_t k = 0, kept = 0;
    size_t first = 0;
    while (first < nt) {
        int h = 0;
        for (const char *const *p = hon; *p; p++)
            if (tn[first] == strlen(*p) && !memcmp(tok[first], *p, tn[first]))
                h = 1;
        if (!h)
            break;
        first++;
    }
    for (size_t t = first; t < nt; t++) {
        int last = t + 1 == nt;
        if (!last && kept && (is_initial(tok[t], tn[t]) || is_patronymic(tok[t], tn[t])))
            continue;
        if (kept && is_suffix(tok[t], tn[t]))
            continue;
        char *w = out + k + (kept ? 1 : 0);
        size_t m = 0;
        for (size_t c = 0; c < tn[t]; c++)
            if (tok[t][c] != '.' && tok[t][c] != '\'')
                w[m++] = tok[t][c];
        if (!m)
            continue;
        if (kept)
            out[k++] = ' ';
        if (!kept && nt - first > 1)
            m = norm_first(w, m);
        else if (kept || nt - first == 1)
            m = norm_last(w, m);
        k += m;
        kept++;
    }
    out[k] = 0;
    return out;
}
