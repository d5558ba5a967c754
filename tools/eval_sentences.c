/* eval_sentences.c — sentence-boundary accuracy on UD .conllu files.
 *
 * Rebuilds each document's raw text from its "# text =" lines (sentences of
 * a paragraph joined by one space, paragraphs by a blank line), runs
 * dyad_tokenize + dyad_split_sentences, and scores predicted sentence ends
 * against gold ends (byte offsets, whitespace trimmed).
 *
 *   eval_sentences NAME FILE.conllu [-v]
 * prints "sentence_f1_NAME: F1" then precision, recall and counts; -v also
 * prints every missed and spurious boundary with some context. */
#include "dyad.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

typedef struct ends {
    uint32_t *v;
    size_t n, cap;
} ends;

static void die(const char *msg)
{
    fprintf(stderr, "eval_sentences: %s\n", msg);
    exit(2);
}

static void buf_add(buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p)
            die("out of memory");
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void ends_add(ends *e, uint32_t v)
{
    if (e->n == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 64;
        e->v = realloc(e->v, e->cap * sizeof *e->v);
        if (!e->v)
            die("out of memory");
    }
    e->v[e->n++] = v;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

typedef struct score {
    size_t tp, n_pred, n_gold, docs;
} score;

/* Print the text around offset off on one line (newlines shown as |). */
static void show(const char *tag, const buf *t, uint32_t off)
{
    size_t a = off > 60 ? off - 60 : 0, b = off + 40 < t->n ? off + 40 : t->n;
    fprintf(stderr, "%s ", tag);
    for (size_t i = a; i < b; i++) {
        if (i == off)
            fputs(" <||> ", stderr);
        fputc(t->p[i] == '\n' ? '|' : t->p[i], stderr);
    }
    fputc('\n', stderr);
}

static void eval_doc(const buf *t, const ends *gold, score *sc,
                     dyad_arena *a, int verbose)
{
    if (t->n == 0)
        return;
    dyad_token *toks = NULL;
    size_t n_toks = 0;
    dyad_sentence *sents = NULL;
    size_t n_sents = 0;
    dyad_error err;
    dyad_arena_reset(a);
    if (dyad_tokenize(a, t->p, t->n, &toks, &n_toks, &err) ||
        dyad_split_sentences(a, t->p, t->n, toks, n_toks, &sents, &n_sents,
                             &err))
        die(err.message);
    size_t g = 0, p = 0;
    sc->docs++;
    sc->n_gold += gold->n;
    sc->n_pred += n_sents;
    while (g < gold->n || p < n_sents) {
        uint32_t ge = g < gold->n ? gold->v[g] : UINT32_MAX;
        uint32_t pe = p < n_sents ? sents[p].end : UINT32_MAX;
        if (ge == pe) {
            sc->tp++;
            g++;
            p++;
        } else if (ge < pe) {
            if (verbose)
                show("MISS", t, ge);
            g++;
        } else {
            if (verbose)
                show("SPUR", t, pe);
            p++;
        }
    }
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: eval_sentences NAME FILE.conllu [-v]\n");
        return 2;
    }
    int verbose = argc > 3 && strcmp(argv[3], "-v") == 0;
    FILE *fp = fopen(argv[2], "r");
    if (!fp) {
        perror(argv[2]);
        return 2;
    }
    dyad_arena *a = dyad_arena_new(0);
    if (!a)
        die("out of memory");
    buf text = {0};
    ends gold = {0};
    score sc = {0};
    int new_par = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, fp)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (line[0] != '#')
            continue;
        if (strncmp(line, "# newdoc", 8) == 0 &&
            (line[8] == '\0' || line[8] == ' ')) {
            eval_doc(&text, &gold, &sc, a, verbose);
            text.n = 0;
            gold.n = 0;
            new_par = 0;
        } else if (strncmp(line, "# newpar", 8) == 0 &&
                   (line[8] == '\0' || line[8] == ' ')) {
            new_par = 1;
        } else if (strncmp(line, "# text = ", 9) == 0) {
            const char *s = line + 9;
            size_t n = strlen(s);
            while (n > 0 && is_space(s[n - 1]))
                n--;
            while (n > 0 && is_space(*s)) {
                s++;
                n--;
            }
            if (n == 0)
                continue;
            if (text.n)
                buf_add(&text, new_par ? "\n\n" : " ", new_par ? 2 : 1);
            buf_add(&text, s, n);
            ends_add(&gold, (uint32_t)text.n);
            new_par = 0;
        }
    }
    eval_doc(&text, &gold, &sc, a, verbose);
    fclose(fp);
    double p = sc.n_pred ? (double)sc.tp / (double)sc.n_pred : 0;
    double r = sc.n_gold ? (double)sc.tp / (double)sc.n_gold : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("sentence_f1_%s: %.4f\n", argv[1], f);
    printf("precision %.4f recall %.4f (gold %zu, predicted %zu, correct %zu, "
           "documents %zu)\n",
           p, r, sc.n_gold, sc.n_pred, sc.tp, sc.docs);
    free(line);
    free(text.p);
    free(gold.v);
    dyad_arena_free(a);
    return 0;
}
