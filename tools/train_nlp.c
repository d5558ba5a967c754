/* train_nlp.c — trains the nlp models from UD CoNLL-U treebanks and writes
 * one model file (layout in src/nlp/nlp_impl.h):
 *   - tagger: averaged perceptron over (UPOS, XPOS) pair classes, greedy
 *     left to right, trained on the union of the training files; features
 *     include each word's ambiguity class (the tags it was seen with);
 *   - lemmatizer and FEATS tables: the most frequent lemma/feats per (form,
 *     tag), and the most frequent suffix rewrite per (tag, suffix) over word
 *     types for unseen words;
 *   - parser: arc-eager, averaged perceptron, trained with the dynamic oracle
 *     of Goldberg & Nivre (2012) on tags predicted by 4-fold jackknifing.
 *     Non-projective gold trees are projectivized for training by lifting
 *     each non-projective arc to the head's head until the tree is projective
 *     (no deprojectivization: the parser outputs projective trees only).
 * Weights are averaged, pruned below --tag-thresh / --parse-thresh (in
 * units of perceptron updates), and stored per feature as sparse (class,
 * weight) runs, or as dense rows when a feature has weights for at least an
 * eighth of the classes.
 * Determinism: fixed seeds, sorted inventories, no threads: the same data
 * gives the same model bytes.
 *
 * usage: train_nlp -o MODEL_DIR [--dev FILE]... [--tag-epochs N]
 *                  [--parse-epochs N] [--folds N] [--tag-thresh W]
 *                  [--parse-thresh W] [--sweep W,W,...]
 *                  [--skip-sent-prefix P]... TRAIN.conllu...
 * The first training file's observations weigh 1000 times more in the lemma
 * and FEATS tables: its conventions win wherever it has the word (EWT's
 * "people" over GUM's "person"); the other files fill the gaps.  --sweep writes one model per
 * parser pruning threshold under MODEL_DIR/sweep-W/ (for tuning).
 */
#include "nlp/model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* ------------------------------------------------------------ utilities */

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) { fprintf(stderr, "train_nlp: out of memory\n"); exit(1); }
    return p;
}
static void *xcalloc(size_t n, size_t m)
{
    void *p = calloc(n ? n : 1, m ? m : 1);
    if (!p) { fprintf(stderr, "train_nlp: out of memory\n"); exit(1); }
    return p;
}
static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) { fprintf(stderr, "train_nlp: out of memory\n"); exit(1); }
    return p;
}
static char *xstrdup(const char *s)
{
    size_t n = strlen(s);
    char *p = xmalloc(n + 1);
    memcpy(p, s, n + 1);
    return p;
}

static uint64_t rng_state = 0x2545F4914F6CDD1Dull;
static uint64_t rng_next(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------ CoNLL-U */

typedef struct cword {
    char *form, *lemma, *upos, *xpos, *feats, *deprel;
    int head;
} cword;

typedef struct csent {
    cword *w;
    int n;
    int weight;    /* lexicon weight: 1000 for the first training file */
    /* derived */
    nlp_tok *toks;
    char **lower;
    int *tag;      /* gold class */
    int *ptag;     /* jackknifed predicted class */
    int *gh, *gl;  /* 1-based projectivized gold heads and labels */
} csent;

typedef struct corpus {
    csent *s;
    size_t n, cap;
} corpus;

static int g_next_weight = 1000; /* the first file's conventions win */
static const char *g_skip[16]; /* sent_id prefixes of sentences not to use */
static int g_n_skip;
static size_t g_skipped;
static int g_reading_dev; /* dev files are read whole */

static void read_conllu(const char *path, corpus *c)
{
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    char line[65536];
    cword *w = NULL;
    int n = 0, cap = 0, skip = 0;
    for (;;) {
        char *r = fgets(line, sizeof line, f);
        size_t len = r ? strlen(line) : 0;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = 0;
        if (!r || len == 0) {
            if (n && skip) {
                for (int i = 0; i < n; i++) {
                    free(w[i].form); free(w[i].lemma); free(w[i].upos);
                    free(w[i].xpos); free(w[i].feats); free(w[i].deprel);
                }
                g_skipped++;
                n = 0;
            }
            skip = 0;
            if (n) {
                if (c->n == c->cap) {
                    c->cap = c->cap ? c->cap * 2 : 1024;
                    c->s = xrealloc(c->s, c->cap * sizeof *c->s);
                }
                memset(&c->s[c->n], 0, sizeof c->s[0]);
                c->s[c->n].w = w;
                c->s[c->n].n = n;
                c->s[c->n].weight = g_next_weight;
                c->n++;
                w = NULL;
                n = cap = 0;
            }
            if (!r)
                break;
            continue;
        }
        if (line[0] == '#') {
            if (!g_reading_dev && strncmp(line, "# sent_id = ", 12) == 0)
                for (int k = 0; k < g_n_skip; k++)
                    if (strncmp(line + 12, g_skip[k], strlen(g_skip[k])) == 0)
                        skip = 1;
            continue;
        }
        char *col[10];
        int k = 0;
        char *p = line;
        while (k < 10) {
            col[k++] = p;
            char *t = strchr(p, '\t');
            if (!t)
                break;
            *t = 0;
            p = t + 1;
        }
        if (k < 10 || strchr(col[0], '-') || strchr(col[0], '.'))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            w = xrealloc(w, (size_t)cap * sizeof *w);
        }
        w[n].form = xstrdup(col[1]);
        w[n].lemma = xstrdup(col[2]);
        w[n].upos = xstrdup(col[3]);
        w[n].xpos = xstrdup(col[4]);
        w[n].feats = xstrdup(col[5]);
        w[n].deprel = xstrdup(col[7]);
        w[n].head = atoi(col[6]);
        n++;
    }
    fclose(f);
}

/* ------------------------------------------------------------ inventories */

typedef struct strlist {
    char **v;
    size_t n, cap;
} strlist;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sl_add(strlist *l, const char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = xstrdup(s);
}

static void sl_sort_uniq(strlist *l)
{
    qsort(l->v, l->n, sizeof *l->v, cmp_str);
    size_t k = 0;
    for (size_t i = 0; i < l->n; i++)
        if (k == 0 || strcmp(l->v[k - 1], l->v[i]) != 0)
            l->v[k++] = l->v[i];
    l->n = k;
}

static int sl_find(const strlist *l, const char *s)
{
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(l->v[mid], s);
        if (c == 0)
            return (int)mid;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return -1;
}

static strlist g_tags, g_labels; /* "UPOS\tXPOS" ; deprel */
static int g_root_label, g_punct_label, g_dep_label;

static int tag_of(const cword *w)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s\t%s", w->upos, w->xpos);
    return sl_find(&g_tags, buf);
}

/* Lift non-projective arcs to the head's head until the tree is projective. */
static int arc_projective(const int *h, int n, int d)
{
    int hd = h[d];
    int lo = hd < d ? hd : d, hi = hd < d ? d : hd;
    for (int k = lo + 1; k < hi; k++) {
        int a = k, steps = 0;
        while (a != hd && a != 0 && steps++ <= n)
            a = h[a];
        if (a != hd)
            return 0;
    }
    return 1;
}

static int projectivize(int *h, int n)
{
    int lifted = 0;
    for (int changed = 1; changed;) {
        changed = 0;
        for (int d = 1; d <= n; d++)
            if (h[d] > 0 && !arc_projective(h, n, d)) {
                h[d] = h[h[d]];
                lifted++;
                changed = 1;
            }
    }
    return lifted;
}

static void prepare(corpus *c, int with_gold)
{
    size_t lifted = 0;
    for (size_t si = 0; si < c->n; si++) {
        csent *s = &c->s[si];
        int n = s->n;
        s->toks = xmalloc(sizeof(nlp_tok) * (size_t)n);
        s->lower = xmalloc(sizeof(char *) * (size_t)n);
        s->tag = xmalloc(sizeof(int) * (size_t)n);
        s->ptag = xmalloc(sizeof(int) * (size_t)n);
        s->gh = xmalloc(sizeof(int) * (size_t)(n + 1));
        s->gl = xmalloc(sizeof(int) * (size_t)(n + 1));
        s->gh[0] = -1;
        s->gl[0] = -1;
        for (int i = 0; i < n; i++) {
            size_t len = strlen(s->w[i].form);
            s->lower[i] = xmalloc(len + 1);
            nlp_tok_init(&s->toks[i], s->w[i].form, len, s->lower[i]);
            s->tag[i] = with_gold ? tag_of(&s->w[i]) : -1;
            s->ptag[i] = s->tag[i];
            s->gh[i + 1] = s->w[i].head;
            s->gl[i + 1] = sl_find(&g_labels, s->w[i].deprel);
            if (s->gh[i + 1] < 0 || s->gh[i + 1] > n)
                s->gh[i + 1] = 0;
        }
        if (with_gold)
            lifted += (size_t)projectivize(s->gh, n);
    }
    if (with_gold)
        fprintf(stderr, "train_nlp: %zu arcs lifted to projectivize\n", lifted);
}

/* ------------------------------------------------------------ perceptron */

typedef struct tw {
    float w;
    uint32_t cls;
    double tot;
    uint32_t ts;
} tw;

typedef struct tfeat {
    uint64_t key;
    tw *e;
    uint32_t n, cap;
} tfeat;

typedef struct tperc {
    tfeat *f;
    size_t nf, capf;
    uint32_t *slot; /* index+1 into f, 0 = empty */
    size_t mask;
    uint32_t now;
    int n_cls;
    int n_cls_out; /* classes, also after averaging */
} tperc;

static void tp_init(tperc *p, int n_cls)
{
    memset(p, 0, sizeof *p);
    p->mask = (1u << 20) - 1;
    p->slot = xcalloc(p->mask + 1, sizeof *p->slot);
    p->n_cls = n_cls;
    p->n_cls_out = n_cls;
    p->now = 1;
}

static void tp_free(tperc *p)
{
    for (size_t i = 0; i < p->nf; i++)
        free(p->f[i].e);
    free(p->f);
    free(p->slot);
    memset(p, 0, sizeof *p);
}

static tfeat *tp_find(const tperc *p, uint64_t key)
{
    size_t i = (size_t)(key ^ (key >> 32)) & p->mask;
    for (;;) {
        uint32_t s = p->slot[i];
        if (!s)
            return NULL;
        if (p->f[s - 1].key == key)
            return &p->f[s - 1];
        i = (i + 1) & p->mask;
    }
}

static void tp_grow(tperc *p)
{
    size_t m = (p->mask + 1) * 2;
    free(p->slot);
    p->slot = xcalloc(m, sizeof *p->slot);
    p->mask = m - 1;
    for (size_t k = 0; k < p->nf; k++) {
        uint64_t key = p->f[k].key;
        size_t i = (size_t)(key ^ (key >> 32)) & p->mask;
        while (p->slot[i])
            i = (i + 1) & p->mask;
        p->slot[i] = (uint32_t)(k + 1);
    }
}

static tfeat *tp_get(tperc *p, uint64_t key)
{
    tfeat *f = tp_find(p, key);
    if (f)
        return f;
    if ((p->nf + 1) * 2 > p->mask + 1)
        tp_grow(p);
    if (p->nf == p->capf) {
        p->capf = p->capf ? p->capf * 2 : 4096;
        p->f = xrealloc(p->f, p->capf * sizeof *p->f);
    }
    size_t i = (size_t)(key ^ (key >> 32)) & p->mask;
    while (p->slot[i])
        i = (i + 1) & p->mask;
    p->slot[i] = (uint32_t)(p->nf + 1);
    f = &p->f[p->nf++];
    f->key = key;
    f->e = NULL;
    f->n = f->cap = 0;
    return f;
}

static void tp_score(const tperc *p, const uint64_t *keys, size_t nk, float *sc)
{
    for (size_t k = 0; k < nk; k++) {
        const tfeat *f = tp_find(p, keys[k]);
        if (!f)
            continue;
        for (uint32_t j = 0; j < f->n; j++)
            sc[f->e[j].cls] += f->e[j].w;
    }
}

static void tw_add(tperc *p, tfeat *f, int cls, float d)
{
    tw *e = NULL;
    for (uint32_t j = 0; j < f->n; j++)
        if (f->e[j].cls == (uint32_t)cls) {
            e = &f->e[j];
            break;
        }
    if (!e) {
        if (f->n == f->cap) {
            f->cap = f->cap ? f->cap * 2 : 2;
            f->e = xrealloc(f->e, f->cap * sizeof *f->e);
        }
        e = &f->e[f->n++];
        e->w = 0;
        e->cls = (uint32_t)cls;
        e->tot = 0;
        e->ts = p->now;
    }
    e->tot += (double)(p->now - e->ts) * e->w;
    e->ts = p->now;
    e->w += d;
}

static void tp_update(tperc *p, const uint64_t *keys, size_t nk, int good, int bad)
{
    for (size_t k = 0; k < nk; k++) {
        tfeat *f = tp_get(p, keys[k]);
        tw_add(p, f, good, 1.0f);
        tw_add(p, f, bad, -1.0f);
    }
}

/* ------------------------------------------------------------ tagger */

static void shuffle(size_t *v, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(rng_next() % i);
        size_t t = v[i - 1];
        v[i - 1] = v[j];
        v[j] = t;
    }
}

/* Train on sentences whose index fold differs from `skip` (skip < 0: all). */
static void train_tagger(tperc *p, corpus *c, int epochs, int folds, int skip)
{
    tp_init(p, (int)g_tags.n);
    size_t *order = xmalloc(sizeof(size_t) * c->n);
    size_t m = 0;
    for (size_t i = 0; i < c->n; i++)
        if (skip < 0 || (int)(i % (size_t)folds) != skip)
            order[m++] = i;
    int *prev = xmalloc(sizeof(int) * 4096);
    uint64_t keys[NLP_TAG_MAX_FEATS];
    float sc[NLP_MAX_CLASSES];
    for (int ep = 0; ep < epochs; ep++) {
        shuffle(order, m);
        size_t right = 0, total = 0;
        for (size_t oi = 0; oi < m; oi++) {
            csent *s = &c->s[order[oi]];
            if (s->n > 4096)
                continue;
            for (int i = 0; i < s->n; i++) {
                size_t nk = nlp_tag_features(s->toks, (size_t)s->n, (size_t)i, prev, keys);
                memset(sc, 0, sizeof(float) * g_tags.n);
                tp_score(p, keys, nk, sc);
                int best = 0;
                for (int k = 1; k < (int)g_tags.n; k++)
                    if (sc[k] > sc[best])
                        best = k;
                if (best != s->tag[i])
                    tp_update(p, keys, nk, s->tag[i], best);
                else
                    right++;
                total++;
                p->now++;
                prev[i] = best + 1;
            }
        }
        fprintf(stderr, "train_nlp: tagger epoch %d: train acc %.2f (%zu feats)\n",
                ep + 1, 100.0 * (double)right / (double)total, p->nf);
    }
    free(prev);
    free(order);
}

/* Replace weights by their averages (in place, for prediction). */
static void tp_average(tperc *p)
{
    if (p->n_cls < 0)
        return;
    for (size_t i = 0; i < p->nf; i++)
        for (uint32_t j = 0; j < p->f[i].n; j++) {
            tw *e = &p->f[i].e[j];
            double tot = e->tot + (double)(p->now - e->ts) * e->w;
            e->w = (float)(tot / (double)p->now);
            e->tot = 0;
            e->ts = p->now;
        }
    p->n_cls = -p->n_cls - 1; /* averaged: a second call does nothing */
}

static void tag_with(const tperc *p, csent *s, int *out)
{
    int prev[4096];
    uint64_t keys[NLP_TAG_MAX_FEATS];
    float sc[NLP_MAX_CLASSES];
    if (s->n > 4096) {
        for (int i = 0; i < s->n; i++)
            out[i] = s->tag[i];
        return;
    }
    for (int i = 0; i < s->n; i++) {
        size_t nk = nlp_tag_features(s->toks, (size_t)s->n, (size_t)i, prev, keys);
        memset(sc, 0, sizeof(float) * g_tags.n);
        tp_score(p, keys, nk, sc);
        int best = 0;
        for (int k = 1; k < (int)g_tags.n; k++)
            if (sc[k] > sc[best])
                best = k;
        prev[i] = best + 1;
        out[i] = best;
    }
}

/* ------------------------------------------------------------ parser */

static int oracle_cost(const nlp_pstate *st, int t, const int *gh, const int *gl)
{
    int s = st->stack[st->sp - 1], b = st->b, n = st->n, c = 0;
    if (t == NLP_T_SHIFT) {
        for (int i = 0; i < st->sp; i++) {
            int k = st->stack[i];
            if (gh[b] == k && (k != 0 || st->root_child < 0)) c++;
            if (k != 0 && st->head[k] < 0 && gh[k] == b) c++;
        }
        return c;
    }
    if (t == NLP_T_REDUCE) {
        for (int k = b; k <= n; k++)
            if (gh[k] == s) c++;
        return c;
    }
    int l = (t - 2) >> 1;
    if ((t & 1) == 0) {
        for (int k = b; k <= n; k++)
            if (gh[k] == s) c++;
        if (gh[s] > b) c++;
        if (gh[s] == b && gl[s] != l) c++;
        return c;
    }
    for (int i = 0; i < st->sp; i++) {
        int k = st->stack[i];
        if (k != s && gh[b] == k && (k != 0 || st->root_child < 0)) c++;
        if (k != 0 && st->head[k] < 0 && gh[k] == b) c++;
    }
    for (int k = b + 1; k <= n; k++)
        if (gh[b] == k) c++;
    if (gh[b] == s && gl[b] != l) c++;
    return c;
}

static void train_parser(tperc *p, corpus *c, int epochs)
{
    int n_t = 2 + 2 * (int)g_labels.n;
    tp_init(p, n_t);
    size_t *order = xmalloc(sizeof(size_t) * c->n);
    for (size_t i = 0; i < c->n; i++)
        order[i] = i;
    uint64_t keys[NLP_PAR_MAX_FEATS];
    float sc[2 + 2 * NLP_MAX_LABELS];
    int cost[2 + 2 * NLP_MAX_LABELS], legal[2 + 2 * NLP_MAX_LABELS];
    for (int ep = 0; ep < epochs; ep++) {
        shuffle(order, c->n);
        size_t right = 0, total = 0;
        for (size_t oi = 0; oi < c->n; oi++) {
            csent *s = &c->s[order[oi]];
            int n = s->n;
            uint64_t *wk = xmalloc(sizeof(uint64_t) * (size_t)(n + 1));
            int *tk = xmalloc(sizeof(int) * (size_t)(n + 1));
            wk[0] = 0x5eed;
            tk[0] = (int)g_tags.n;
            for (int i = 0; i < n; i++) {
                wk[i + 1] = s->toks[i].lower;
                tk[i + 1] = s->ptag[i];
            }
            void *mem = xmalloc(nlp_pstate_size(n));
            nlp_pstate st;
            nlp_pstate_init(&st, n, mem);
            while (st.b <= n) {
                size_t nk = nlp_par_features(&st, wk, tk, keys);
                memset(sc, 0, sizeof(float) * (size_t)n_t);
                tp_score(p, keys, nk, sc);
                int pred = -1, mincost = 1 << 30;
                for (int t = 0; t < n_t; t++) {
                    legal[t] = nlp_pstate_legal(&st, t, g_root_label);
                    if (!legal[t])
                        continue;
                    cost[t] = oracle_cost(&st, t, s->gh, s->gl);
                    if (cost[t] < mincost)
                        mincost = cost[t];
                    if (pred < 0 || sc[t] > sc[pred])
                        pred = t;
                }
                if (pred < 0)
                    break;
                int gold = -1;
                for (int t = 0; t < n_t; t++)
                    if (legal[t] && cost[t] == mincost && (gold < 0 || sc[t] > sc[gold]))
                        gold = t;
                if (cost[pred] > mincost)
                    tp_update(p, keys, nk, gold, pred);
                else
                    right++;
                total++;
                p->now++;
                int next = gold;
                if (cost[pred] == mincost || (ep >= 1 && rng_next() % 10 < 9))
                    next = pred;
                nlp_pstate_apply(&st, next);
            }
            free(mem);
            free(wk);
            free(tk);
        }
        fprintf(stderr, "train_nlp: parser epoch %d: oracle agreement %.2f (%zu feats)\n",
                ep + 1, 100.0 * (double)right / (double)total, p->nf);
    }
    free(order);
}

/* ------------------------------------------------------------ string pool */

typedef struct spool {
    char *buf;
    size_t len, cap;
    uint32_t *slot; /* offset+1 */
    size_t mask, n;
} spool;

static void sp_init(spool *sp)
{
    memset(sp, 0, sizeof *sp);
    sp->mask = (1u << 18) - 1;
    sp->slot = xcalloc(sp->mask + 1, sizeof *sp->slot);
    sp->buf = xmalloc(sp->cap = 1 << 20);
    sp->buf[0] = 0; /* offset 0 = "" */
    sp->len = 1;
}

static uint32_t sp_add(spool *sp, const char *s)
{
    size_t n = strlen(s);
    if (n == 0)
        return 0;
    uint64_t h = nlp_hash_str(s, n);
    size_t i = (size_t)h & sp->mask;
    while (sp->slot[i]) {
        uint32_t off = sp->slot[i] - 1;
        if (strcmp(sp->buf + off, s) == 0)
            return off;
        i = (i + 1) & sp->mask;
    }
    if ((sp->n + 1) * 2 > sp->mask + 1) {
        size_t m = (sp->mask + 1) * 2;
        uint32_t *ns = xcalloc(m, sizeof *ns);
        for (size_t k = 0; k <= sp->mask; k++)
            if (sp->slot[k]) {
                const char *t = sp->buf + sp->slot[k] - 1;
                size_t j = (size_t)nlp_hash_str(t, strlen(t)) & (m - 1);
                while (ns[j])
                    j = (j + 1) & (m - 1);
                ns[j] = sp->slot[k];
            }
        free(sp->slot);
        sp->slot = ns;
        sp->mask = m - 1;
        i = (size_t)h & sp->mask;
        while (sp->slot[i])
            i = (i + 1) & sp->mask;
    }
    while (sp->len + n + 1 > sp->cap)
        sp->buf = xrealloc(sp->buf, sp->cap *= 2);
    uint32_t off = (uint32_t)sp->len;
    memcpy(sp->buf + sp->len, s, n + 1);
    sp->len += n + 1;
    sp->slot[i] = off + 1;
    sp->n++;
    return off;
}

/* ------------------------------------------------------------ tables */

typedef struct entry {
    uint64_t key;
    uint32_t a, b;
} entry;

typedef struct elist {
    entry *v;
    size_t n, cap;
} elist;

static void el_add(elist *l, uint64_t key, uint32_t a, uint32_t b)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 4096;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n].key = key;
    l->v[l->n].a = a;
    l->v[l->n].b = b;
    l->n++;
}

static int cmp_entry(const void *x, const void *y)
{
    const entry *a = x, *b = y;
    return a->key < b->key ? -1 : a->key > b->key;
}

/* Sorted, unique keys -> slot array of a power-of-two size (load <= 2/3). */
static nlp_slot *build_ktab(elist *l, size_t *n_slots)
{
    qsort(l->v, l->n, sizeof *l->v, cmp_entry);
    size_t k = 0;
    for (size_t i = 0; i < l->n; i++)
        if (k == 0 || l->v[k - 1].key != l->v[i].key)
            l->v[k++] = l->v[i];
    l->n = k;
    size_t m = 16;
    while (m * 2 < l->n * 3)
        m *= 2;
    nlp_slot *s = xcalloc(m, sizeof *s);
    for (size_t i = 0; i < l->n; i++) {
        uint64_t key = l->v[i].key;
        size_t j = (size_t)(key ^ (key >> 32)) & (m - 1);
        while (s[j].key)
            j = (j + 1) & (m - 1);
        s[j].key = key;
        s[j].a = l->v[i].a;
        s[j].b = l->v[i].b;
    }
    *n_slots = m;
    return s;
}

static int cmp_tfeat(const void *x, const void *y)
{
    const tfeat *a = x, *b = y;
    return a->key < b->key ? -1 : a->key > b->key;
}

static int cmp_tw(const void *x, const void *y)
{
    const tw *a = x, *b = y;
    return (a->cls > b->cls) - (a->cls < b->cls);
}

/* Averaged weights with |w| >= thresh, features sorted by key, written as
 * an 8-byte-slot table of load 3/4. */
static nlp_weight *export_perc(tperc *p, float thresh, nlp_pslot **slots_out,
                               size_t *n_slots, size_t *n_feats, size_t *n_w)
{
    tp_average(p);
    qsort(p->f, p->nf, sizeof *p->f, cmp_tfeat);
    free(p->slot);
    p->slot = NULL;
    size_t cap = 1 << 20, n = 0, nf = 0;
    nlp_weight *w = xmalloc(cap * sizeof *w);
    uint32_t *val = xmalloc(sizeof(uint32_t) * (p->nf + 1));
    uint64_t *keys = xmalloc(sizeof(uint64_t) * (p->nf + 1));
    for (size_t i = 0; i < p->nf; i++) {
        tfeat *f = &p->f[i];
        qsort(f->e, f->n, sizeof *f->e, cmp_tw);
        size_t start = n, kept = 0;
        for (uint32_t j = 0; j < f->n; j++)
            kept += fabsf(f->e[j].w) >= thresh;
        if (kept == 0)
            continue;
        int dense = kept * 8 >= (size_t)p->n_cls_out;
        while (n + (size_t)p->n_cls_out + 1 > cap)
            w = xrealloc(w, (cap *= 2) * sizeof *w);
        if (dense) {
            for (int c = 0; c < p->n_cls_out; c++) {
                union { float f; uint32_t u; } x = { 0.0f };
                for (uint32_t j = 0; j < f->n; j++)
                    if ((int)f->e[j].cls == c && fabsf(f->e[j].w) >= thresh)
                        x.f = f->e[j].w;
                w[n++] = x.u;
            }
        } else {
            for (uint32_t j = 0; j < f->n; j++)
                if (fabsf(f->e[j].w) >= thresh)
                    w[n++] = nlp_weight_pack(f->e[j].w, f->e[j].cls);
        }
        if (start >= (1u << 24) || (!dense && n - start > 255)) {
            fprintf(stderr, "train_nlp: perceptron too large for the format\n");
            exit(1);
        }
        keys[nf] = f->key;
        val[nf] = (uint32_t)start << 8 | (dense ? NLP_DENSE_MARK : (uint32_t)(n - start - 1));
        nf++;
    }
    size_t m = nf + nf / 3 + 16; /* load 3/4 */
    nlp_pslot *sl = xcalloc(m, sizeof *sl);
    for (size_t i = 0; i < nf; i++) {
        uint64_t key = keys[i];
        size_t j = nlp_pslot_home(key, (uint32_t)m);
        while (sl[j].check)
            if (++j == m)
                j = 0;
        sl[j].check = nlp_pslot_check(key);
        sl[j].val = val[i];
    }
    free(val);
    free(keys);
    *slots_out = sl;
    *n_slots = m;
    *n_feats = nf;
    *n_w = n;
    return w;
}

/* ------------------------------------------------------------ lexicon */

typedef struct rec {
    char *k;  /* grouping key */
    char *v;  /* value */
    uint32_t b;
    uint32_t w; /* weight of the observation */
} rec;

typedef struct rlist {
    rec *v;
    size_t n, cap;
} rlist;

static void rl_addw(rlist *l, const char *k, const char *v, uint32_t b, uint32_t w);
static void rl_add(rlist *l, const char *k, const char *v, uint32_t b)
{
    rl_addw(l, k, v, b, 1);
}

static void rl_addw(rlist *l, const char *k, const char *v, uint32_t b, uint32_t w)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 65536;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n].k = xstrdup(k);
    l->v[l->n].v = xstrdup(v);
    l->v[l->n].b = b;
    l->v[l->n].w = w;
    l->n++;
}

static int cmp_rec(const void *x, const void *y)
{
    const rec *a = x, *b = y;
    int c = strcmp(a->k, b->k);
    if (c) return c;
    c = strcmp(a->v, b->v);
    if (c) return c;
    return (a->b > b->b) - (a->b < b->b);
}

/* For each key group: call fn with the most frequent (value, b) (ties: the
 * first in sort order), its count and the group's total. */
typedef void (*best_fn)(void *ctx, const char *k, const char *v, uint32_t b,
                        size_t count, size_t total);

static void rl_best(rlist *l, best_fn fn, void *ctx)
{
    qsort(l->v, l->n, sizeof *l->v, cmp_rec);
    size_t i = 0;
    while (i < l->n) {
        size_t j = i, total = 0, bc = 0, bi = i;
        while (j < l->n && strcmp(l->v[j].k, l->v[i].k) == 0) {
            size_t r = j, wsum = 0;
            while (r < l->n && strcmp(l->v[r].k, l->v[j].k) == 0 &&
                   strcmp(l->v[r].v, l->v[j].v) == 0 && l->v[r].b == l->v[j].b)
                wsum += l->v[r++].w;
            if (wsum > bc) {
                bc = wsum;
                bi = j;
            }
            total += wsum;
            j = r;
        }
        fn(ctx, l->v[i].k, l->v[bi].v, l->v[bi].b, bc, total);
        i = j;
    }
}

static void rl_free(rlist *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].k);
        free(l->v[i].v);
    }
    free(l->v);
    memset(l, 0, sizeof *l);
}

typedef struct lexctx {
    spool *sp;
    elist *tab;
    int kind;
    size_t min_count;
} lexctx;

/* Group keys are "TAG\x01STRING". */
static void split_key(const char *k, int *tag, const char **s)
{
    *tag = atoi(k);
    const char *p = strchr(k, '\x01');
    *s = p ? p + 1 : "";
}

static void lex_emit(void *vctx, const char *k, const char *v, uint32_t b,
                     size_t count, size_t total)
{
    lexctx *c = vctx;
    if (count < c->min_count)
        return;
    int tag;
    const char *s;
    split_key(k, &tag, &s);
    el_add(c->tab, nlp_lex_key(c->kind, tag, s, strlen(s)), sp_add(c->sp, v), b);
}

/* Suffix rules: keep a rule only where it differs from the next shorter
 * suffix's (lookup takes the longest match). */
typedef struct sufrule {
    int tag;
    char *suf;
    char *app;
    uint32_t strip;
} sufrule;

typedef struct sufctx {
    sufrule *v;
    size_t n, cap;
} sufctx;

static void suf_emit(void *vctx, const char *k, const char *v, uint32_t b,
                     size_t count, size_t total)
{
    sufctx *c = vctx;
    int tag;
    const char *s;
    split_key(k, &tag, &s);
    if (*s && count < 2)
        return;
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 65536;
        c->v = xrealloc(c->v, c->cap * sizeof *c->v);
    }
    c->v[c->n].tag = tag;
    c->v[c->n].suf = xstrdup(s);
    c->v[c->n].app = xstrdup(v);
    c->v[c->n].strip = b;
    c->n++;
}

static nlp_ktab g_suf_index; /* SUFFIX key -> index into sufctx */

static const sufrule *suf_find(const sufctx *c, int tag, const char *suf, size_t n)
{
    const nlp_slot *sl = nlp_ktab_find(&g_suf_index, nlp_lex_key(NLP_LEX_SUFFIX, tag, suf, n));
    return sl ? &c->v[sl->a] : NULL;
}

static void lower_ascii(const char *s, char *out)
{
    size_t i = 0;
    for (; s[i]; i++)
        out[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
    out[i] = 0;
}

/* The (string, keep-case) recipe that turns form into lemma. */
static void lemma_recipe(const char *form, const char *lemma, char *out, int *keep)
{
    char ll[1024];
    lower_ascii(lemma, ll);
    size_t n = strlen(form), ln = strlen(ll);
    char e0[1024], e1[1024];
    for (size_t j = 0; j < ln; j++) {
        e0[j] = ll[j];
        e1[j] = (j < n && form[j] >= 'A' && form[j] <= 'Z' && form[j] + 32 == ll[j]) ? form[j] : ll[j];
    }
    e0[ln] = e1[ln] = 0;
    if (strcmp(e0, lemma) == 0) { strcpy(out, ll); *keep = 0; return; }
    if (strcmp(e1, lemma) == 0) { strcpy(out, ll); *keep = 1; return; }
    strcpy(out, lemma);
    *keep = 0;
}

/* The lemma a recipe gives for a form (as nlp_lemmatize's emit_lemma). */
static void apply_recipe(const char *form, const char *val, int keep, char *out)
{
    size_t n = strlen(form), ln = strlen(val);
    for (size_t j = 0; j < ln; j++) {
        char ch = val[j];
        if (keep && j < n && form[j] >= 'A' && form[j] <= 'Z' && form[j] + 32 == ch)
            ch = form[j];
        out[j] = ch;
    }
    out[ln] = 0;
}

typedef struct formctx {
    spool *sp;
    elist *tab;
    nlp_ktab lower_tab;
    size_t kept;
} formctx;

static void form_emit(void *vctx, const char *k, const char *v, uint32_t b,
                      size_t count, size_t total)
{
    formctx *c = vctx;
    int tag;
    const char *form;
    split_key(k, &tag, &form);
    char lo[1024], mine[1100], theirs[1100];
    if (strlen(form) >= sizeof lo)
        return;
    lower_ascii(form, lo);
    apply_recipe(form, v, (int)(b & 1), mine);
    const nlp_slot *e = nlp_ktab_find(&c->lower_tab, nlp_lex_key(NLP_LEX_LEMMA_XPOS, tag, lo, strlen(lo)));
    if (e) {
        apply_recipe(form, c->sp->buf + e->a, (int)(e->b & 1), theirs);
        if (strcmp(mine, theirs) == 0)
            return;
    }
    el_add(c->tab, nlp_lex_key(NLP_LEX_LEMMA_FORM, tag, form, strlen(form)),
           sp_add(c->sp, v), b);
    c->kept++;
}

static void build_lexicon(corpus *c, spool *sp, elist *lex)
{
    rlist by_xpos = {0}, by_upos = {0}, by_form = {0}, feats_form = {0}, feats_tag = {0}, sufs = {0};
    char key[2048], val[1100], lo[1024];
    for (size_t si = 0; si < c->n; si++) {
        csent *s = &c->s[si];
        for (int i = 0; i < s->n; i++) {
            cword *w = &s->w[i];
            if (strlen(w->form) >= 1000 || strlen(w->lemma) >= 1000 || s->tag[i] < 0)
                continue;
            int keep;
            lemma_recipe(w->form, w->lemma, val, &keep);
            lower_ascii(w->form, lo);
            uint32_t wt = (uint32_t)s->weight;
            snprintf(key, sizeof key, "%d\x01%s", s->tag[i], lo);
            rl_addw(&by_xpos, key, val, (uint32_t)keep, wt);
            rl_addw(&feats_form, key, w->feats, 0, wt);
            snprintf(key, sizeof key, "%d\x01%s", s->tag[i], w->form);
            rl_addw(&by_form, key, val, (uint32_t)keep, wt);
            snprintf(key, sizeof key, "%d\x01%s", nlp_upos_from_name(w->upos), lo);
            rl_addw(&by_upos, key, val, (uint32_t)keep, wt);
            snprintf(key, sizeof key, "%d\x01", s->tag[i]);
            rl_add(&feats_tag, key, w->feats, 0);
        }
    }
    lexctx lc = { sp, lex, NLP_LEX_LEMMA_XPOS, 1 };
    size_t lex_before = lex->n;
    rl_best(&by_xpos, lex_emit, &lc);
    /* Exact-form entries where the form's own most frequent lemma differs
     * from what its lower-cased entry gives ("i" -> "I"). */
    {
        elist copy = {0};
        for (size_t i = lex_before; i < lex->n; i++)
            el_add(&copy, lex->v[i].key, lex->v[i].a, lex->v[i].b);
        size_t ns;
        nlp_slot *sl = build_ktab(&copy, &ns);
        formctx fc = { sp, lex, { sl, (uint32_t)(ns - 1) }, 0 };
        rl_best(&by_form, form_emit, &fc);
        fprintf(stderr, "train_nlp: %zu exact-form lemma entries\n", fc.kept);
        free(sl);
        free(copy.v);
    }
    lc.kind = NLP_LEX_LEMMA_UPOS;
    rl_best(&by_upos, lex_emit, &lc);
    /* FEATS: per tag, and per form where it differs from the tag's. */
    elist ftag = {0};
    lc.kind = NLP_LEX_FEATS_TAG;
    lc.tab = &ftag;
    rl_best(&feats_tag, lex_emit, &lc);
    qsort(feats_form.v, feats_form.n, sizeof *feats_form.v, cmp_rec);
    nlp_slot *ft;
    size_t nft;
    elist ftag_copy = {0};
    for (size_t i = 0; i < ftag.n; i++)
        el_add(&ftag_copy, ftag.v[i].key, ftag.v[i].a, ftag.v[i].b);
    ft = build_ktab(&ftag_copy, &nft);
    nlp_ktab ftab = { ft, (uint32_t)(nft - 1) };
    size_t kept = 0;
    for (size_t i = 0; i < ftag.n; i++)
        el_add(lex, ftag.v[i].key, ftag.v[i].a, ftag.v[i].b);
    /* A FEATS_FORM entry is redundant when it equals its tag default; the
     * tag of the entry is not recoverable from the key, so recompute. */
    {
        size_t i = 0;
        rlist *fl = &feats_form; /* sorted by rl_best */
        while (i < fl->n) {
            size_t j = i;
            while (j < fl->n && strcmp(fl->v[j].k, fl->v[i].k) == 0)
                j++;
            /* most frequent value of this group */
            size_t bc = 0, bi = i;
            for (size_t r = i; r < j;) {
                size_t q = r, wsum = 0;
                while (q < j && strcmp(fl->v[q].v, fl->v[r].v) == 0)
                    wsum += fl->v[q++].w;
                if (wsum > bc) { bc = wsum; bi = r; }
                r = q;
            }
            int tag;
            const char *s;
            split_key(fl->v[i].k, &tag, &s);
            const nlp_slot *d = nlp_ktab_find(&ftab, nlp_lex_key(NLP_LEX_FEATS_TAG, tag, "", 0));
            if (!d || strcmp(sp->buf + d->a, fl->v[bi].v) != 0) {
                el_add(lex, nlp_lex_key(NLP_LEX_FEATS_FORM, tag, s, strlen(s)),
                       sp_add(sp, fl->v[bi].v), 0);
                kept++;
            }
            i = j;
        }
    }
    free(ft);
    free(ftag.v);
    free(ftag_copy.v);
    fprintf(stderr, "train_nlp: %zu form-specific FEATS entries\n", kept);

    /* Suffix rules over word types (tag, lower form, lower lemma). */
    {
        rlist types = {0};
        for (size_t i = 0; i < by_xpos.n; i++) {
            /* by_xpos is sorted; one entry per distinct (key, value, keep) */
            if (i > 0 && cmp_rec(&by_xpos.v[i - 1], &by_xpos.v[i]) == 0)
                continue;
            rl_add(&types, by_xpos.v[i].k, by_xpos.v[i].v, 0);
        }
        for (size_t i = 0; i < types.n; i++) {
            int tag;
            const char *form;
            split_key(types.v[i].k, &tag, &form);
            char ll[1024];
            lower_ascii(types.v[i].v, ll);
            size_t n = strlen(form), p = 0;
            while (form[p] && form[p] == ll[p])
                p++;
            size_t strip = n - p;
            if (strip > 255)
                continue;
            for (size_t k = strip; k <= n && k <= 8; k++) {
                if (k < n && ((unsigned char)form[n - k] & 0xC0) == 0x80)
                    continue;
                snprintf(key, sizeof key, "%d\x01%s", tag, form + n - k);
                rl_add(&sufs, key, ll + p, (uint32_t)strip << 8);
            }
        }
        rl_free(&types);
        sufctx sc = {0};
        rl_best(&sufs, suf_emit, &sc);
        elist idx = {0};
        for (size_t i = 0; i < sc.n; i++)
            el_add(&idx, nlp_lex_key(NLP_LEX_SUFFIX, sc.v[i].tag, sc.v[i].suf,
                                     strlen(sc.v[i].suf)), (uint32_t)i, 0);
        size_t n_idx;
        nlp_slot *idx_slots = build_ktab(&idx, &n_idx);
        g_suf_index.slots = idx_slots;
        g_suf_index.mask = (uint32_t)(n_idx - 1);
        size_t kept_s = 0;
        for (size_t i = 0; i < sc.n; i++) {
            sufrule *r = &sc.v[i];
            size_t n = strlen(r->suf);
            if (n > 0) {
                /* parent: the longest shorter suffix with a rule */
                const sufrule *par = NULL;
                for (size_t k = n; k-- > 0 && !par;)
                    par = suf_find(&sc, r->tag, r->suf + (n - k), k);
                if (par && par->strip == r->strip && strcmp(par->app, r->app) == 0)
                    continue;
            }
            el_add(lex, nlp_lex_key(NLP_LEX_SUFFIX, r->tag, r->suf, n),
                   sp_add(sp, r->app), r->strip);
            kept_s++;
        }
        fprintf(stderr, "train_nlp: %zu suffix rules\n", kept_s);
        free(idx_slots);
        free(idx.v);
        g_suf_index.slots = NULL;
        for (size_t i = 0; i < sc.n; i++) {
            free(sc.v[i].suf);
            free(sc.v[i].app);
        }
        free(sc.v);
    }
    rl_free(&by_xpos);
    rl_free(&by_upos);
    rl_free(&by_form);
    rl_free(&feats_form);
    rl_free(&feats_tag);
    rl_free(&sufs);
}

/* Ambiguity classes: for each lower-cased form seen at least 3 times (in
 * the sentences not in fold `skip`, when jackknifing), the set
 * of tag classes making up at least 5% of its occurrences, hashed to a
 * 32-bit id.  Rarer words stay "unknown" (0), as most words at test time
 * that the dictionary lacks are. */
static elist g_amb;

static void build_ambiguity(corpus *c, int folds, int skip)
{
    rlist l = {0};
    char num[16];
    g_amb.n = 0;
    for (size_t si = 0; si < c->n; si++)
        for (int i = 0; i < c->s[si].n; i++) {
            if (skip >= 0 && (int)(si % (size_t)folds) == skip)
                break;
            snprintf(num, sizeof num, "%03d", c->s[si].tag[i]);
            rl_add(&l, c->s[si].lower[i], num, 0);
        }
    qsort(l.v, l.n, sizeof *l.v, cmp_rec);
    size_t i = 0, n_words = 0;
    while (i < l.n) {
        size_t j = i;
        while (j < l.n && strcmp(l.v[j].k, l.v[i].k) == 0)
            j++;
        size_t total = j - i;
        if (total >= 3) {
            uint64_t h = 0x1234567;
            for (size_t r = i; r < j;) {
                size_t q = r;
                while (q < j && strcmp(l.v[q].v, l.v[r].v) == 0)
                    q++;
                if ((q - r) * 20 >= total)
                    h = nlp_mix(h, (uint64_t)atoi(l.v[r].v) + 1);
                r = q;
            }
            uint32_t id = (uint32_t)(h ^ (h >> 32));
            if (!id)
                id = 1;
            el_add(&g_amb, nlp_lex_key(NLP_LEX_AMBIG, 0, l.v[i].k, strlen(l.v[i].k)), 0, id);
            n_words++;
        }
        i = j;
    }
    rl_free(&l);
    /* the table as the tagger will see it at run time */
    elist copy = {0};
    for (size_t k = 0; k < g_amb.n; k++)
        el_add(&copy, g_amb.v[k].key, g_amb.v[k].a, g_amb.v[k].b);
    size_t ns;
    nlp_slot *sl = build_ktab(&copy, &ns);
    nlp_ktab t = { sl, (uint32_t)(ns - 1) };
    for (size_t si = 0; si < c->n; si++)
        for (int k = 0; k < c->s[si].n; k++) {
            const char *lo = c->s[si].lower[k];
            const nlp_slot *e = nlp_ktab_find(&t, nlp_lex_key(NLP_LEX_AMBIG, 0, lo, strlen(lo)));
            c->s[si].toks[k].amb = e ? e->b : 0;
        }
    free(sl);
    free(copy.v);
    fprintf(stderr, "train_nlp: %zu words with an ambiguity class\n", n_words);
}

/* ------------------------------------------------------------ writing */

typedef struct section {
    uint32_t id;
    const void *data;
    size_t size;
} section;

static void put32(FILE *f, uint32_t v)
{
    unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8),
                           (unsigned char)(v >> 16), (unsigned char)(v >> 24) };
    fwrite(b, 1, 4, f);
}
static void put64(FILE *f, uint64_t v)
{
    put32(f, (uint32_t)v);
    put32(f, (uint32_t)(v >> 32));
}

/* The section payloads are arrays of u32/u64/float fields written in the
 * host order; the training host must be little-endian (checked in main). */
static void write_model(const char *path, section *sec, int ns)
{
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f) { perror(tmp); exit(1); }
    fwrite(DYAD_NLP_MAGIC, 1, 8, f);
    put32(f, DYAD_NLP_FORMAT_VERSION);
    put32(f, (uint32_t)ns);
    uint64_t off = 16 + (uint64_t)ns * 24;
    off = (off + 15) & ~15ull;
    for (int i = 0; i < ns; i++) {
        put32(f, sec[i].id);
        put32(f, 0);
        put64(f, off);
        put64(f, sec[i].size);
        off += sec[i].size;
        off = (off + 15) & ~15ull;
    }
    static const char zero[16];
    long pos = ftell(f);
    fwrite(zero, 1, (size_t)(((pos + 15) & ~15L) - pos), f);
    for (int i = 0; i < ns; i++) {
        fwrite(sec[i].data, 1, sec[i].size, f);
        pos = ftell(f);
        fwrite(zero, 1, (size_t)(((pos + 15) & ~15L) - pos), f);
    }
    if (fclose(f) != 0 || rename(tmp, path) != 0) {
        perror(path);
        exit(1);
    }
}

/* ------------------------------------------------------------ evaluation */

static const char *univ(const char *r, char *buf)
{
    size_t i = 0;
    while (r[i] && r[i] != ':' && i < 63) { buf[i] = r[i]; i++; }
    buf[i] = 0;
    return buf;
}

static void evaluate(const dyad_nlp *m, corpus *c, const char *name)
{
    size_t tot = 0, upos = 0, xpos = 0, lem = 0, uas = 0, las = 0;
    dyad_arena *a = dyad_arena_new(0);
    double t0 = now_s();
    for (size_t si = 0; si < c->n; si++) {
        csent *s = &c->s[si];
        dyad_word *w = dyad_arena_calloc(a, sizeof *w * (size_t)s->n);
        for (int i = 0; i < s->n; i++) {
            w[i].form = s->w[i].form;
            w[i].len = (uint32_t)strlen(s->w[i].form);
        }
        if (dyad_nlp_annotate(m, a, w, (size_t)s->n, NULL) != 0)
            continue;
        for (int i = 0; i < s->n; i++) {
            cword *g = &s->w[i];
            char b1[64], b2[64];
            tot++;
            upos += strcmp(dyad_upos_name(w[i].upos), g->upos) == 0;
            xpos += strcmp(w[i].xpos, g->xpos) == 0;
            lem += strcmp(w[i].lemma, g->lemma) == 0;
            if (w[i].head == g->head) {
                uas++;
                las += strcmp(univ(w[i].deprel, b1), univ(g->deprel, b2)) == 0;
            }
        }
        dyad_arena_reset(a);
    }
    double dt = now_s() - t0;
    dyad_arena_free(a);
    fprintf(stderr, "%s: UPOS %.2f XPOS %.2f Lemma %.2f UAS %.2f LAS %.2f (%zu words, %.0f tok/s)\n",
            name, 100.0 * upos / tot, 100.0 * xpos / tot, 100.0 * lem / tot,
            100.0 * uas / tot, 100.0 * las / tot, tot, tot / dt);
}

/* ------------------------------------------------------------ main */

int main(int argc, char **argv)
{
    const char *outdir = NULL;
    const char *dev[8];
    int n_dev = 0, tag_epochs = 8, parse_epochs = 12, folds = 4;
    float tag_thresh = 0.3f, par_thresh = 1.5f;
    char *sweep = NULL;
    corpus train = {0};
    {
        const uint32_t one = 1;
        unsigned char b;
        memcpy(&b, &one, 1);
        if (b != 1) {
            fprintf(stderr, "train_nlp: a little-endian host is required\n");
            return 1;
        }
    }
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-o") && i + 1 < argc) outdir = argv[++i];
        else if (!strcmp(argv[i], "--dev") && i + 1 < argc && n_dev < 8) dev[n_dev++] = argv[++i];
        else if (!strcmp(argv[i], "--tag-epochs") && i + 1 < argc) tag_epochs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--parse-epochs") && i + 1 < argc) parse_epochs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--folds") && i + 1 < argc) folds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--tag-thresh") && i + 1 < argc) tag_thresh = (float)atof(argv[++i]);
        else if (!strcmp(argv[i], "--parse-thresh") && i + 1 < argc) par_thresh = (float)atof(argv[++i]);
        else if (!strcmp(argv[i], "--sweep") && i + 1 < argc) sweep = argv[++i];
        else if (!strcmp(argv[i], "--skip-sent-prefix") && i + 1 < argc && g_n_skip < 16) g_skip[g_n_skip++] = argv[++i];
        else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: train_nlp -o DIR [--dev F]... [--tag-epochs N] [--parse-epochs N] [--folds N] TRAIN...\n");
            return 2;
        } else {
            read_conllu(argv[i], &train);
            g_next_weight = 1;
        }
    }
    if (!outdir || train.n == 0) {
        fprintf(stderr, "usage: train_nlp -o DIR [--dev F]... TRAIN.conllu...\n");
        return 2;
    }
    double t0 = now_s();
    /* inventories */
    for (size_t si = 0; si < train.n; si++)
        for (int i = 0; i < train.s[si].n; i++) {
            char buf[256];
            cword *w = &train.s[si].w[i];
            snprintf(buf, sizeof buf, "%s\t%s", w->upos, w->xpos);
            sl_add(&g_tags, buf);
            sl_add(&g_labels, w->deprel);
        }
    sl_add(&g_labels, "root");
    sl_add(&g_labels, "punct");
    sl_add(&g_labels, "dep");
    sl_sort_uniq(&g_tags);
    sl_sort_uniq(&g_labels);
    if (g_tags.n >= NLP_MAX_CLASSES || g_labels.n > NLP_MAX_LABELS) {
        fprintf(stderr, "train_nlp: too many tags (%zu) or labels (%zu)\n", g_tags.n, g_labels.n);
        return 1;
    }
    g_root_label = sl_find(&g_labels, "root");
    g_punct_label = sl_find(&g_labels, "punct");
    g_dep_label = sl_find(&g_labels, "dep");
    fprintf(stderr, "train_nlp: %zu sentences (%zu skipped by sent_id), %zu tag classes, %zu labels\n",
            train.n, g_skipped, g_tags.n, g_labels.n);
    prepare(&train, 1);

    /* jackknifed tags for the parser */
    if (folds > 1) {
        for (int f = 0; f < folds; f++) {
            tperc p;
            build_ambiguity(&train, folds, f); /* as unseen as at test time */
            train_tagger(&p, &train, tag_epochs, folds, f);
            tp_average(&p);
            size_t right = 0, total = 0;
            for (size_t si = (size_t)f; si < train.n; si += (size_t)folds) {
                tag_with(&p, &train.s[si], train.s[si].ptag);
                for (int i = 0; i < train.s[si].n; i++, total++)
                    right += train.s[si].ptag[i] == train.s[si].tag[i];
            }
            fprintf(stderr, "train_nlp: jackknife fold %d: held-out tag acc %.2f\n",
                    f, 100.0 * right / total);
            tp_free(&p);
        }
    }
    tperc tagger, parser;
    build_ambiguity(&train, 1, -1);
    train_tagger(&tagger, &train, tag_epochs, 1, -1);
    double t1 = now_s();
    train_parser(&parser, &train, parse_epochs);
    double t2 = now_s();
    fprintf(stderr, "train_nlp: tagger+jackknife %.0fs, parser %.0fs\n", t1 - t0, t2 - t1);

    spool sp;
    sp_init(&sp);
    uint32_t *tags = xmalloc(sizeof(uint32_t) * 2 * g_tags.n);
    for (size_t i = 0; i < g_tags.n; i++) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s", g_tags.v[i]);
        char *tab = strchr(buf, '\t');
        *tab = 0;
        tags[2 * i] = (uint32_t)nlp_upos_from_name(buf);
        tags[2 * i + 1] = sp_add(&sp, tab + 1);
    }
    uint32_t *labels = xmalloc(sizeof(uint32_t) * g_labels.n);
    for (size_t i = 0; i < g_labels.n; i++)
        labels[i] = sp_add(&sp, g_labels.v[i]);
    elist lex = {0};
    build_lexicon(&train, &sp, &lex);
    for (size_t k = 0; k < g_amb.n; k++)
        el_add(&lex, g_amb.v[k].key, g_amb.v[k].a, g_amb.v[k].b);
    size_t n_lex;
    nlp_slot *lex_tab = build_ktab(&lex, &n_lex);

    const char *dirs[8];
    float pth[8];
    int n_out = 0;
    if (sweep) {
        static char names[8][1024];
        for (char *tok = strtok(sweep, ","); tok && n_out < 8; tok = strtok(NULL, ",")) {
            pth[n_out] = (float)atof(tok);
            snprintf(names[n_out], sizeof names[n_out], "%s/sweep-%s", outdir, tok);
            mkdir(names[n_out], 0777);
            dirs[n_out] = names[n_out];
            n_out++;
        }
    } else {
        pth[0] = par_thresh;
        dirs[0] = outdir;
        n_out = 1;
    }
    for (int o = 0; o < n_out; o++) {
        par_thresh = pth[o];
        outdir = dirs[o];
        size_t n_tw, n_pw, n_ts, n_ps, n_tf, n_pf;
        nlp_pslot *tag_tab, *par_tab;
        nlp_weight *tw_ = export_perc(&tagger, tag_thresh, &tag_tab, &n_ts, &n_tf, &n_tw);
        nlp_weight *pw_ = export_perc(&parser, par_thresh, &par_tab, &n_ps, &n_pf, &n_pw);
        fprintf(stderr, "train_nlp: tagger %zu feats %zu weights; parser %zu feats %zu weights; lexicon %zu\n",
                n_tf, n_tw, n_pf, n_pw, lex.n);

        uint32_t meta[NLP_META_COUNT_];
        meta[NLP_META_N_TAGS] = (uint32_t)g_tags.n;
        meta[NLP_META_N_LABELS] = (uint32_t)g_labels.n;
        meta[NLP_META_ROOT_LABEL] = (uint32_t)g_root_label;
        meta[NLP_META_PUNCT_LABEL] = (uint32_t)g_punct_label;
        meta[NLP_META_DEP_LABEL] = (uint32_t)g_dep_label;
        section sec[] = {
            { NLP_SEC_STRINGS, sp.buf, sp.len },
            { NLP_SEC_META, meta, sizeof meta },
            { NLP_SEC_TAGS, tags, sizeof(uint32_t) * 2 * g_tags.n },
            { NLP_SEC_LABELS, labels, sizeof(uint32_t) * g_labels.n },
            { NLP_SEC_TAG_TAB, tag_tab, n_ts * sizeof(nlp_pslot) },
            { NLP_SEC_TAG_W, tw_, n_tw * sizeof(nlp_weight) },
            { NLP_SEC_PAR_TAB, par_tab, n_ps * sizeof(nlp_pslot) },
            { NLP_SEC_PAR_W, pw_, n_pw * sizeof(nlp_weight) },
            { NLP_SEC_LEX_TAB, lex_tab, n_lex * sizeof(nlp_slot) },
        };
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", outdir, DYAD_NLP_MODEL_FILE);
        write_model(path, sec, (int)(sizeof sec / sizeof sec[0]));
        fprintf(stderr, "train_nlp: wrote %s in %.0fs total\n", path, now_s() - t0);


    if (n_dev) {
        g_reading_dev = 1;
        dyad_nlp *m;
        dyad_error e;
        if (dyad_nlp_load(outdir, &m, &e) != 0) {
            fprintf(stderr, "train_nlp: reload failed: %s\n", e.message);
            return 1;
        }
        for (int d = 0; d < n_dev; d++) {
            corpus dc = {0};
            read_conllu(dev[d], &dc);
            evaluate(m, &dc, dev[d]);
        }
        dyad_nlp_free(m);
    }
    }
    return 0;
}
