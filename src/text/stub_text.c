/* stub_text.c — placeholder text layer (replaced by utf8.c, norm.c,
 * tokenize.c, sentence.c). */
#include "dyad.h"

#include <ctype.h>
#include <string.h>

char *dyad_utf8_repair(dyad_arena *a, const char *s, size_t n, size_t *n_out,
                       size_t *n_bad)
{
    char *p = dyad_arena_strndup(a, s, n);
    if (p)
        for (size_t i = 0; i < n; i++)
            if (p[i] == 0)
                p[i] = ' ';
    if (n_out) *n_out = n;
    if (n_bad) *n_bad = 0;
    return p;
}

char *dyad_norm_fold(dyad_arena *a, const char *s, size_t n, size_t *n_out)
{
    char *p = dyad_arena_strndup(a, s, n);
    for (size_t i = 0; p && i < n; i++)
        p[i] = (char)tolower((unsigned char)p[i]);
    if (n_out) *n_out = n;
    return p;
}

int dyad_tokenize(dyad_arena *a, const char *text, size_t n,
                  dyad_token **toks, size_t *n_toks, dyad_error *err)
{
    size_t cap = n / 2 + 1, k = 0;
    dyad_token *t = dyad_arena_alloc(a, cap * sizeof *t);
    if (!t) return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    size_t i = 0;
    while (i < n) {
        while (i < n && isspace((unsigned char)text[i])) i++;
        if (i >= n) break;
        size_t s = i;
        if (isalnum((unsigned char)text[i]) || (unsigned char)text[i] >= 0x80) {
            while (i < n && (isalnum((unsigned char)text[i]) || (unsigned char)text[i] >= 0x80)) i++;
        } else {
            i++;
        }
        t[k].start = (uint32_t)s; t[k].end = (uint32_t)i;
        t[k].kind = DYAD_TOK_WORD; t[k].flags = 0; k++;
    }
    *toks = t; *n_toks = k;
    return 0;
}

int dyad_split_sentences(dyad_arena *a, const char *text, size_t n,
                         const dyad_token *toks, size_t n_toks,
                         dyad_sentence **sents, size_t *n_sents,
                         dyad_error *err)
{
    dyad_sentence *s = dyad_arena_alloc(a, (n_toks + 1) * sizeof *s);
    size_t k = 0, first = 0;
    if (!s) return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    for (size_t i = 0; i < n_toks; i++) {
        char c = text[toks[i].start];
        if ((c == '.' || c == '!' || c == '?') || i + 1 == n_toks) {
            s[k].start = toks[first].start; s[k].end = toks[i].end;
            s[k].tok_first = (uint32_t)first; s[k].tok_end = (uint32_t)i + 1;
            k++; first = i + 1;
        }
    }
    *sents = s; *n_sents = k;
    return 0;
}
