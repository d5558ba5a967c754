/* conllu.c — reads CoNLL-U sentences into dyad_word arrays: the gold parses
 * the coder is tested and evaluated on, independent of our own parser. */
#include "dyad.h"

#include <stdlib.h>
#include <string.h>

static const char *field_dup(dyad_arena *a, const char *s, size_t n)
{
    return dyad_arena_strndup(a, s, n);
}

static int upos_of(const char *s, size_t n)
{
    static const char *names[] = {"", "ADJ", "ADP", "ADV", "AUX", "CCONJ",
        "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
        "SCONJ", "SYM", "VERB", "X"};
    for (int i = 1; i < DYAD_UPOS_COUNT; i++)
        if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
            return i;
    return DYAD_UPOS_X;
}

int dyad_conllu_next(dyad_arena *a, const char **pp, const char *end,
                     dyad_word **words, size_t *n, const char **text,
                     dyad_error *err)
{
    const char *p = *pp;
    size_t cap = 64, k = 0;
    dyad_word *w = NULL;
    *words = NULL;
    *n = 0;
    if (text)
        *text = "";
    /* skip blank lines before the sentence */
    while (p < end && (*p == '\n' || *p == '\r'))
        p++;
    if (p >= end) {
        *pp = end;
        return 0;
    }
    w = dyad_arena_alloc(a, cap * sizeof *w);
    if (!w)
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *next = nl ? nl + 1 : end;
        size_t len = (size_t)(le - p);
        if (len && p[len - 1] == '\r')
            len--;
        if (len == 0) {
            p = next;
            break;
        }
        if (*p == '#') {
            if (text && len > 9 && memcmp(p, "# text = ", 9) == 0)
                *text = field_dup(a, p + 9, len - 9);
            p = next;
            continue;
        }
        const char *col[10];
        size_t cl[10];
        int c = 0;
        const char *s = p, *e = p + len;
        while (c < 10) {
            const char *t = memchr(s, '\t', (size_t)(e - s));
            col[c] = s;
            cl[c] = (size_t)((t ? t : e) - s);
            c++;
            if (!t)
                break;
            s = t + 1;
        }
        if (c < 8) {
            *pp = next;
            return dyad_error_set(err, DYAD_EFORMAT, NULL, -1,
                                  "CoNLL-U line with %d columns", c);
        }
        /* multiword tokens (1-2) and empty nodes (1.1) are skipped */
        if (memchr(col[0], '-', cl[0]) || memchr(col[0], '.', cl[0])) {
            p = next;
            continue;
        }
        if (k == cap) {
            dyad_word *nw = dyad_arena_alloc(a, 2 * cap * sizeof *nw);
            if (!nw)
                return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
            memcpy(nw, w, k * sizeof *w);
            w = nw;
            cap *= 2;
        }
        dyad_word *x = &w[k++];
        memset(x, 0, sizeof *x);
        x->form = field_dup(a, col[1], cl[1]);
        x->len = (uint32_t)cl[1];
        x->lemma = field_dup(a, col[2], cl[2]);
        x->upos = (uint8_t)upos_of(col[3], cl[3]);
        x->xpos = field_dup(a, col[4], cl[4]);
        x->feats = field_dup(a, col[5], cl[5]);
        x->head = (int32_t)strtol(col[6], NULL, 10);
        x->deprel = field_dup(a, col[7], cl[7]);
        if (!x->form || !x->lemma || !x->xpos || !x->feats || !x->deprel)
            return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
        p = next;
    }
    *pp = p;
    *words = w;
    *n = k;
    return k ? 1 : 0;
}
