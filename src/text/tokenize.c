/* tokenize.c — the tokenizer: UTF-8 text to tokens with byte offsets.
 *
 * One pass, a byte-class table for ASCII and utf8proc categories for the
 * rest.  Conventions follow Penn/UD English: possessives and clitics split
 * ("Russia’s" → "Russia" "’s", "can't" → "ca" "n't"), hyphenated words kept,
 * "3.5%" → "3.5" "%", abbreviations keep their period ("U.S.", "Gen."), a
 * sentence-final period is its own token.  Tokens live in one arena array
 * that grows by doubling (no allocation per token). */
#include "dyad.h"
#include "text_internal.h"

#include <string.h>
#include <utf8proc.h>

enum {
    F_SPACE = 1,  /* horizontal white space (and stray controls) */
    F_NL = 2,     /* \n \r */
    F_UPPER = 4,
    F_LOWER = 8,
    F_DIGIT = 16,
    F_EMAIL = 32, /* may appear in the local part of an address */
    F_URLEND = 64 /* ends a URL */
};
#define F_ALPHA (F_UPPER | F_LOWER)
#define F_ALNUM (F_UPPER | F_LOWER | F_DIGIT)

/* Byte classes of ASCII (generated from the F_* rules above: controls are
 * white space, letters/digits/._%+- may be in an e-mail local part, white
 * space, " < > and non-ASCII bytes end a URL). */
static const unsigned char ctab[256] = {
    65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 66, 65, 65, 66, 65, 65,
    65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65,
    65, 0, 64, 0, 0, 32, 0, 0, 0, 0, 0, 32, 0, 32, 32, 0,
    48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 0, 0, 64, 0, 64, 0,
    0, 36, 36, 36, 36, 36, 36, 36, 36, 36, 36, 36, 36, 36, 36, 36,
    36, 36, 36, 36, 36, 36, 36, 36, 36, 36, 36, 0, 0, 0, 0, 32,
    0, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40,
    40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 0, 0, 0, 0, 65,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
};

/* Classes of non-ASCII characters. */
enum {
    MC_WORD = 0, MC_WORD_UP, MC_WORD_LO, MC_SPACE, MC_NL, MC_QUOTE, MC_APOS,
    MC_HYPHEN, MC_DASH, MC_ELLIPSIS, MC_PUNCT, MC_SYMBOL
};

/* Decode one character at s[i] (i < n); invalid bytes decode as U+FFFD of
 * length 1 (the text is normally repaired before). */
static int32_t decode(const unsigned char *s, size_t n, size_t i, int *len)
{
    unsigned c = s[i];
    if (c < 0x80) {
        *len = 1;
        return (int32_t)c;
    }
    int need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
    if (need < 0 || i + (size_t)need >= n) {
        *len = 1;
        return 0xFFFD;
    }
    int32_t cp = (int32_t)(c & (0x3Fu >> need));
    for (int k = 1; k <= need; k++) {
        unsigned d = s[i + (size_t)k];
        if ((d & 0xC0) != 0x80) {
            *len = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (int32_t)(d & 0x3F);
    }
    *len = need + 1;
    return cp;
}

static int mb_class(int32_t cp)
{
    switch (cp) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
    case 0x200B: case 0xFEFF: case 0x2060: case 0x180E:
        return MC_SPACE;
    case 0x0085: case 0x2028: case 0x2029:
        return MC_NL;
    case 0x2018: case 0x201A: case 0x201B: case 0x201C: case 0x201D:
    case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2039:
    case 0x203A: case 0x300C: case 0x300D:
        return MC_QUOTE;
    case 0x2019: case 0x02BC:
        return MC_APOS;
    case 0x2010: case 0x2011:
        return MC_HYPHEN;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return MC_DASH;
    case 0x2026:
        return MC_ELLIPSIS;
    case 0x00AD: case 0x200C: case 0x200D:
        return MC_WORD;
    case 0xFFFD:
        return MC_SYMBOL;
    default:
        break;
    }
    if (cp >= 0x2000 && cp <= 0x200A)
        return MC_SPACE;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
        return MC_WORD_UP;
    case UTF8PROC_CATEGORY_LL:
        return MC_WORD_LO;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PO:
        return MC_PUNCT;
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
        return MC_QUOTE;
    case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
        return MC_SYMBOL;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC:
        return MC_SPACE;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return MC_NL;
    default:
        return MC_WORD; /* other letters, marks, numbers, unassigned */
    }
}

static int mb_is_word(int mc)
{
    return mc <= MC_WORD_LO;
}

/* 1 when s[i] starts a word character (letter, digit, non-ASCII letter). */
static int word_at(const unsigned char *s, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    if (s[i] < 0x80)
        return (ctab[s[i]] & F_ALNUM) != 0;
    int len;
    return mb_is_word(mb_class(decode(s, n, i, &len)));
}

/* Length of an apostrophe at s[i] (' or ’ or ʼ), else 0. */
static int apos_at(const unsigned char *s, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    if (s[i] == '\'')
        return 1;
    if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x99)
        return 3;
    if (s[i] == 0xCA && i + 1 < n && s[i + 1] == 0xBC)
        return 2;
    return 0;
}

static int lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Letters of a clitic ('s 're 've 'll 'd 'm) starting at s[k] (just after
 * the apostrophe) and ending the word, else 0. */
static size_t clitic_len(const unsigned char *s, size_t n, size_t k)
{
    if (k >= n)
        return 0;
    size_t len = 0;
    int c0 = lower(s[k]);
    int c1 = k + 1 < n ? lower(s[k + 1]) : 0;
    if (c0 == 's' || c0 == 'd' || c0 == 'm')
        len = 1;
    else if ((c0 == 'r' && c1 == 'e') || (c0 == 'v' && c1 == 'e') ||
             (c0 == 'l' && c1 == 'l'))
        len = 2;
    if (len && word_at(s, n, k + len))
        return 0;
    return len;
}

typedef struct tokbuf {
    dyad_arena *a;
    dyad_token *t;
    size_t n, cap;
} tokbuf;

/* Double the token array (the old one stays in the arena until reset). */
static int grow(tokbuf *b)
{
    size_t cap = b->cap * 2;
    dyad_token *t = dyad_arena_alloc(b->a, cap * sizeof *t);
    if (!t)
        return -1;
    memcpy(t, b->t, b->n * sizeof *t);
    b->t = t;
    b->cap = cap;
    return 0;
}

static inline int push(tokbuf *b, size_t start, size_t end, int kind,
                       unsigned flags)
{
    if (b->n == b->cap && grow(b))
        return -1;
    dyad_token *t = &b->t[b->n++];
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->kind = (uint16_t)kind;
    t->flags = (uint16_t)flags;
    return 0;
}

/* What a word scan found. */
typedef struct wscan {
    size_t end;        /* end of the word token */
    size_t clitic_end; /* > end: a clitic token [end, clitic_end) follows */
    int kind;
    int n_upper, n_lower, n_alpha, n_digit;
    int first_upper;
} wscan;

static int is_number_suffix(const unsigned char *s, size_t start, size_t end)
{
    /* digits followed by s / st / nd / rd / th: 1990s, 21st */
    size_t i = start;
    while (i < end && (ctab[s[i]] & F_DIGIT))
        i++;
    if (i == start || i == end)
        return 0;
    size_t k = end - i;
    if (k == 1)
        return s[i] == 's';
    if (k == 2) {
        int a = s[i], b = s[i + 1];
        return (a == 's' && b == 't') || (a == 'n' && b == 'd') ||
               (a == 'r' && b == 'd') || (a == 't' && b == 'h');
    }
    return 0;
}

/* Scan a word or number starting at s[i] (a word character). */
static void scan_word(const unsigned char *s, size_t n, size_t i, wscan *w)
{
    size_t j = i;
    int n_dots = 0, max_seg = 0, seg = 0, hyph = 0;
    memset(w, 0, sizeof *w);
    for (;;) {
        size_t seg_start = j;
        while (j < n) {
            unsigned c = s[j];
            unsigned f = ctab[c];
            if (f & F_ALNUM) { /* the hot loop: branch-free counting */
                w->n_upper += (f >> 2) & 1;
                w->n_lower += (f >> 3) & 1;
                w->n_digit += (f >> 4) & 1;
                j++;
                continue;
            }
            if (c < 0x80)
                break;
            int len;
            int mc = mb_class(decode(s, n, j, &len));
            if (!mb_is_word(mc))
                break;
            w->n_upper += mc == MC_WORD_UP;
            w->n_lower += mc == MC_WORD_LO;
            w->n_alpha++;
            j += (size_t)len;
        }
        seg += (int)(j - seg_start);
        if (seg > max_seg)
            max_seg = seg;
        if (j >= n)
            break;
        unsigned c = s[j];
        int al;
        if (c == '-' && word_at(s, n, j + 1)) {
            j++;
            hyph = 1;
            seg = 0;
            continue;
        }
        if (c == 0xE2 && j + 2 < n && s[j + 1] == 0x80 &&
            (s[j + 2] == 0x90 || s[j + 2] == 0x91) && word_at(s, n, j + 3)) {
            j += 3;
            hyph = 1;
            seg = 0;
            continue;
        }
        if ((al = apos_at(s, n, j)) != 0) {
            size_t k = j + (size_t)al;
            if (!word_at(s, n, k))
                break;
            if (j - 1 > i && (s[j - 1] == 'n' || s[j - 1] == 'N') &&
                (s[k] == 't' || s[k] == 'T') && !word_at(s, n, k + 1)) {
                if (s[j - 1] == 'N')
                    w->n_upper--;
                else
                    w->n_lower--;
                w->end = j - 1;
                w->clitic_end = k + 1;
                goto classify;
            }
            size_t cl = clitic_len(s, n, k);
            if (cl) {
                w->end = j;
                w->clitic_end = k + cl;
                goto classify;
            }
            j = k;
            seg = 0;
            continue;
        }
        if ((c == '.' || c == ',' || c == ':' || c == '/') && j + 1 < n) {
            unsigned p = s[j - 1], q = s[j + 1];
            if ((ctab[p] & F_DIGIT) && (ctab[q] & F_DIGIT)) {
                j++;
                seg = 0;
                continue;
            }
            if (c == '.' && (ctab[p] & F_ALPHA) && (ctab[q] & F_ALPHA)) {
                j++;
                n_dots++;
                seg = 0;
                continue;
            }
        }
        break;
    }
    w->end = j;
    /* a period that belongs to an abbreviation */
    if (j < n && s[j] == '.' && !(j + 1 < n && s[j + 1] == '.') &&
        w->n_digit == 0) {
        size_t len = j - i;
        int abbr = 0;
        if (n_dots > 0)
            abbr = max_seg <= 4 && !hyph;
        else if (len == 1)
            abbr = (ctab[s[i]] & F_UPPER) != 0 ||
                   dyad_text_abbrev_known((const char *)s + i, 1);
        else if (!hyph && dyad_text_abbrev_known((const char *)s + i, len)) {
            abbr = 1;
            if ((len == 2 && (s[i] == 'N' || s[i] == 'n') && s[i + 1] == 'o') ||
                (len == 3 && memcmp(s + i, "Nos", 3) == 0)) {
                /* "No. 1" but not "said no." */
                size_t k = j + 1;
                while (k < n && s[k] == ' ')
                    k++;
                abbr = k < n && (ctab[s[k]] & F_DIGIT);
            }
        }
        if (abbr) {
            w->end = j + 1;
            w->kind = DYAD_TOK_ABBREV;
            /* "U.S.-backed" stays one word */
            if (j + 2 < n && s[j + 1] == '-' && word_at(s, n, j + 2)) {
                wscan rest;
                scan_word(s, n, j + 2, &rest);
                w->end = rest.end;
                w->clitic_end = rest.clitic_end;
                w->n_upper += rest.n_upper;
                w->n_lower += rest.n_lower;
                w->n_digit += rest.n_digit;
                w->kind = DYAD_TOK_WORD;
            }
            goto done;
        }
    }
classify:
    if (w->n_upper + w->n_lower + w->n_alpha == 0)
        w->kind = DYAD_TOK_NUMBER;
    else if (w->n_digit && is_number_suffix(s, i, w->end))
        w->kind = DYAD_TOK_NUMBER;
    else
        w->kind = DYAD_TOK_WORD;
done:
    w->n_alpha += w->n_upper + w->n_lower;
    if (s[i] < 0x80) {
        w->first_upper = (ctab[s[i]] & F_UPPER) != 0;
    } else {
        int len;
        w->first_upper = mb_class(decode(s, n, i, &len)) == MC_WORD_UP;
    }
}

static int ci_prefix(const unsigned char *s, size_t n, size_t i, const char *p)
{
    size_t k = 0;
    for (; p[k]; k++)
        if (i + k >= n || lower(s[i + k]) != p[k])
            return 0;
    return 1;
}

/* End of a URL starting at s[i], or 0 when none starts there. */
static size_t scan_url(const unsigned char *s, size_t n, size_t i)
{
    size_t k;
    if (ci_prefix(s, n, i, "http://"))
        k = i + 7;
    else if (ci_prefix(s, n, i, "https://"))
        k = i + 8;
    else if (ci_prefix(s, n, i, "ftp://"))
        k = i + 6;
    else if (ci_prefix(s, n, i, "www.") && word_at(s, n, i + 4))
        k = i + 4;
    else
        return 0;
    while (k < n && !(ctab[s[k]] & F_URLEND))
        k++;
    /* trailing punctuation belongs to the sentence */
    int open = 0, close = 0;
    for (size_t m = i; m < k; m++) {
        open += s[m] == '(';
        close += s[m] == ')';
    }
    while (k > i) {
        unsigned c = s[k - 1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
            c == '?' || c == '\'' || c == ']' || c == '}') {
            k--;
        } else if (c == ')' && close > open) {
            close--;
            k--;
        } else {
            break;
        }
    }
    return k;
}

/* End of an e-mail address starting at s[i], or 0. */
static size_t scan_email(const unsigned char *s, size_t n, size_t i)
{
    size_t k = i;
    while (k < n && (ctab[s[k]] & F_EMAIL))
        k++;
    if (k == i || k >= n || s[k] != '@')
        return 0;
    size_t d = k + 1, last_dot = 0;
    while (d < n && ((ctab[s[d]] & F_ALNUM) || s[d] == '-' || s[d] == '.'))
        d++;
    while (d > k + 1 && (s[d - 1] == '.' || s[d - 1] == '-'))
        d--;
    for (size_t m = k + 1; m < d; m++)
        if (s[m] == '.')
            last_dot = m;
    if (!last_dot || last_dot >= d - 1 || last_dot == k + 1)
        return 0;
    return d;
}

static unsigned word_flags(const wscan *w)
{
    unsigned f = 0;
    if (w->first_upper)
        f |= DYAD_TF_CAPITALIZED;
    if (w->n_upper >= 2 && w->n_lower == 0)
        f |= DYAD_TF_ALLCAPS;
    return f;
}

int dyad_tokenize(dyad_arena *a, const char *text, size_t n,
                  dyad_token **toks, size_t *n_toks, dyad_error *err)
{
    const unsigned char *s = (const unsigned char *)text;
    if (!toks || !n_toks || (!text && n))
        return dyad_error_set(err, DYAD_EUSAGE, NULL, -1,
                              "tokenize: NULL argument");
    *toks = NULL;
    *n_toks = 0;
    if (n > UINT32_MAX)
        return dyad_error_set(err, DYAD_ETOOBIG, NULL, -1,
                              "tokenize: text longer than 4 GiB");
    tokbuf b = {a, NULL, 0, n / 5 + 16}; /* news: ~5.5 bytes a token */
    b.t = dyad_arena_alloc(a, b.cap * sizeof *b.t);
    if (!b.t)
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");

    size_t i = 0;
    int space = 0, nl = 0;
    while (i < n) {
        unsigned c = s[i];
        int mc = -1, len = 1;
        if (c < 0x80) {
            unsigned f = ctab[c];
            if (f & F_SPACE) {
                space = 1;
                i++;
                continue;
            }
            if (f & F_NL) {
                space = 1;
                nl++;
                i += (c == '\r' && i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
                continue;
            }
        } else {
            mc = mb_class(decode(s, n, i, &len));
            if (mc == MC_SPACE) {
                space = 1;
                i += (size_t)len;
                continue;
            }
            if (mc == MC_NL) {
                space = 1;
                nl++;
                i += (size_t)len;
                continue;
            }
        }
        unsigned flags = (space ? DYAD_TF_SPACE_BEFORE : 0) |
                         (nl ? DYAD_TF_NEWLINE_BEFORE : 0) |
                         (nl >= 2 ? DYAD_TF_PARA_BEFORE : 0);
        space = 0;
        nl = 0;
        size_t start = i, end;
        int kind;
        /* previous token touches this one (for clitics and signs) */
        int glued = !(flags & DYAD_TF_SPACE_BEFORE) && b.n > 0 &&
                    b.t[b.n - 1].end == start;
        int prev_wordish = glued && (b.t[b.n - 1].kind == DYAD_TOK_WORD ||
                                     b.t[b.n - 1].kind == DYAD_TOK_NUMBER);

        if (c < 0x80 && (ctab[c] & F_ALNUM)) {
            if ((c == 'h' || c == 'H' || c == 'w' || c == 'W' || c == 'f' ||
                 c == 'F') && (end = scan_url(s, n, i)) != 0) {
                kind = DYAD_TOK_URL;
            } else {
                goto word;
            }
        } else if (mc >= 0 && mb_is_word(mc)) {
            goto word;
        } else if (c < 0x80) {
            end = i + 1;
            kind = DYAD_TOK_PUNCT;
            switch (c) {
            case '.':
                while (end < n && s[end] == '.')
                    end++;
                if (end - i == 1 && end < n && (ctab[s[end]] & F_DIGIT) &&
                    !prev_wordish) {
                    kind = DYAD_TOK_NUMBER;
                    while (end < n && (ctab[s[end]] & F_DIGIT))
                        end++;
                }
                break;
            case '-':
                while (end < n && s[end] == '-')
                    end++;
                if (end - i == 1 && end < n && (ctab[s[end]] & F_DIGIT) &&
                    !prev_wordish) {
                    wscan w;
                    scan_word(s, n, end, &w);
                    if (w.kind == DYAD_TOK_NUMBER && w.clitic_end == 0) {
                        end = w.end;
                        kind = DYAD_TOK_NUMBER;
                    }
                }
                break;
            case '!': case '?':
                while (end < n && (s[end] == '!' || s[end] == '?'))
                    end++;
                break;
            case '"':
                kind = DYAD_TOK_QUOTE;
                break;
            case '`':
                if (end < n && s[end] == '`')
                    end++;
                kind = DYAD_TOK_QUOTE;
                break;
            case '\'':
                kind = DYAD_TOK_QUOTE;
                if (end < n && s[end] == '\'') {
                    end++;
                } else if (prev_wordish) {
                    size_t cl = clitic_len(s, n, end);
                    if (cl) {
                        end += cl;
                        kind = DYAD_TOK_CLITIC;
                    }
                }
                break;
            case '$': case '%': case '&': case '@': case '#': case '+':
            case '=': case '<': case '>': case '^': case '~': case '|':
                kind = DYAD_TOK_SYMBOL;
                break;
            default:
                break;
            }
        } else {
            end = i + (size_t)len;
            switch (mc) {
            case MC_APOS:
                kind = DYAD_TOK_QUOTE;
                if (prev_wordish) {
                    size_t cl = clitic_len(s, n, end);
                    if (cl) {
                        end += cl;
                        kind = DYAD_TOK_CLITIC;
                    }
                }
                break;
            case MC_QUOTE:
                kind = DYAD_TOK_QUOTE;
                break;
            case MC_HYPHEN: case MC_DASH:
                kind = DYAD_TOK_PUNCT;
                /* a run of the same dash is one token */
                while (end + (size_t)len <= n &&
                       memcmp(s + end, s + i, (size_t)len) == 0)
                    end += (size_t)len;
                break;
            case MC_SYMBOL:
                kind = DYAD_TOK_SYMBOL;
                break;
            default: /* MC_ELLIPSIS, MC_PUNCT */
                kind = DYAD_TOK_PUNCT;
                break;
            }
        }
        if (push(&b, start, end, kind, flags))
            goto oom;
        i = end;
        continue;

    word: {
            wscan w;
            scan_word(s, n, i, &w);
            /* an address's local part stops the word scan at one of these */
            if (c < 0x80 && w.end < n && w.clitic_end == 0 &&
                (s[w.end] == '@' || s[w.end] == '.' || s[w.end] == '_' ||
                 s[w.end] == '%' || s[w.end] == '+' || s[w.end] == '-') &&
                (end = scan_email(s, n, i)) != 0) {
                if (push(&b, i, end, DYAD_TOK_EMAIL, flags))
                    goto oom;
                i = end;
                continue;
            }
            if (w.end == i) { /* "n't" alone: the clitic is all there is */
                if (push(&b, i, w.clitic_end, DYAD_TOK_CLITIC, flags))
                    goto oom;
                i = w.clitic_end;
                continue;
            }
            if (push(&b, i, w.end, w.kind, flags | word_flags(&w)))
                goto oom;
            i = w.end;
            if (w.clitic_end > w.end) {
                if (push(&b, w.end, w.clitic_end, DYAD_TOK_CLITIC, 0))
                    goto oom;
                i = w.clitic_end;
            }
        }
    }
    *toks = b.t;
    *n_toks = b.n;
    return DYAD_OK;
oom:
    return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
}
