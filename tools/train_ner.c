/* train_ner.c — train models/ner-en.bin: an averaged perceptron over the
 * hashed features of src/gkg/ner.h, greedy left-to-right with previous-tag
 * features, on UNER EWT (IOB2; OTH and O mapped to O) and wikigold (IO tags
 * converted to BIO; MISC mapped to O).  Gazetteer features come from our
 * actor dictionary.  Deterministic: fixed shuffle seed, one thread; the epoch
 * kept is the one with the best F1 on the UNER dev set.
 *
 * The tagger's UPOS (models/nlp-en.bin, when present) are features too;
 * 30 % of the training sentences go without them so that the model also
 * works when no tagger runs.
 *
 * usage: train_ner -o models [--dict dict] [--models DIR] [--no-nlp]
 *          [--bits 19] [--epochs 12]
 *          [--dev FILE.iob2] [--uner FILE.iob2]... [--wikigold FILE]... */
#include "dyad.h"
#include "gkg/ner.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct corpus {
    ner_tok *toks;
    uint8_t *tags;
    size_t n, cap;
    size_t *sent; /* sentence start offsets; sent[n_sent] = n */
    size_t n_sent, cap_sent;
} corpus;

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long sz = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *b = malloc((size_t)sz + 1);
    if (!b || fread(b, 1, (size_t)sz, fp) != (size_t)sz) {
        fclose(fp);
        free(b);
        return NULL;
    }
    fclose(fp);
    b[sz] = 0;
    *len = (size_t)sz;
    return b;
}

static void push_tok(corpus *c, const char *s, size_t n, int tag)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 65536;
        c->toks = realloc(c->toks, c->cap * sizeof *c->toks);
        c->tags = realloc(c->tags, c->cap);
        if (!c->toks || !c->tags) {
            fprintf(stderr, "train_ner: out of memory\n");
            exit(1);
        }
    }
    c->toks[c->n].s = s;
    c->toks[c->n].n = (uint32_t)n;
    c->toks[c->n].gaz = 0;
    c->toks[c->n].prof = 0;
    c->toks[c->n].upos = 0;
    c->tags[c->n] = (uint8_t)tag;
    c->n++;
}

static void end_sent(corpus *c)
{
    if (c->n_sent + 2 > c->cap_sent) {
        c->cap_sent = c->cap_sent ? c->cap_sent * 2 : 4096;
        c->sent = realloc(c->sent, c->cap_sent * sizeof *c->sent);
        if (!c->sent) {
            fprintf(stderr, "train_ner: out of memory\n");
            exit(1);
        }
    }
    if (!c->n_sent)
        c->sent[0] = 0;
    if (c->n == c->sent[c->n_sent])
        return; /* empty */
    c->n_sent++;
    c->sent[c->n_sent] = c->n;
}

/* "B-PER" etc. → tag; iob: 1 for IOB2, 0 for IO (I- starts a mention when
 * the previous tag has another type) */
static int map_tag(const char *t, size_t n, int prev, int iob)
{
    if (n < 5 || t[1] != '-')
        return NER_O;
    int base;
    if (!strncmp(t + 2, "PER", 3))
        base = NER_B_PER;
    else if (!strncmp(t + 2, "ORG", 3))
        base = NER_B_ORG;
    else if (!strncmp(t + 2, "LOC", 3))
        base = NER_B_LOC;
    else
        return NER_O; /* OTH, O, MISC */
    if (n != 5)
        return NER_O; /* "B-OTHER"... */
    if (t[0] == 'B')
        return base;
    if (iob)
        return base + 1;
    return (prev == base || prev == base + 1) ? base + 1 : base;
}

/* UNER: "idx\tform\ttag[\t...]"; '#' comments; blank line ends a sentence */
static int read_uner(const char *path, corpus *c)
{
    size_t len;
    char *b = slurp(path, &len);
    if (!b)
        return -1;
    char *p = b;
    end_sent(c);
    while (*p) {
        char *e = strchr(p, '\n');
        if (!e)
            e = p + strlen(p);
        size_t ln = (size_t)(e - p);
        if (ln && p[ln - 1] == '\r')
            ln--;
        if (!ln)
            end_sent(c);
        else if (p[0] != '#') {
            char *t1 = memchr(p, '\t', ln);
            char *t2 = t1 ? memchr(t1 + 1, '\t', ln - (size_t)(t1 + 1 - p)) : NULL;
            if (t1 && t2) {
                char *t3 = memchr(t2 + 1, '\t', ln - (size_t)(t2 + 1 - p));
                size_t tl = (t3 ? (size_t)(t3 - t2 - 1) : ln - (size_t)(t2 + 1 - p));
                int prev = c->n > c->sent[c->n_sent] ? c->tags[c->n - 1] : NER_O;
                push_tok(c, t1 + 1, (size_t)(t2 - t1 - 1), map_tag(t2 + 1, tl, prev, 1));
            }
        }
        p = *e ? e + 1 : e;
    }
    end_sent(c);
    return 0;
}

/* wikigold: "form TAG"; -DOCSTART- lines; blank line ends a sentence */
static int read_wikigold(const char *path, corpus *c)
{
    size_t len;
    char *b = slurp(path, &len);
    if (!b)
        return -1;
    char *p = b;
    end_sent(c);
    while (*p) {
        char *e = strchr(p, '\n');
        if (!e)
            e = p + strlen(p);
        size_t ln = (size_t)(e - p);
        if (ln && p[ln - 1] == '\r')
            ln--;
        char *sp = NULL;
        for (size_t i = ln; i > 0; i--)
            if (p[i - 1] == ' ') {
                sp = p + i - 1;
                break;
            }
        if (!ln || !sp)
            end_sent(c);
        else if (!strncmp(p, "-DOCSTART-", 10))
            end_sent(c);
        else {
            int prev = c->n > c->sent[c->n_sent] ? c->tags[c->n - 1] : NER_O;
            push_tok(c, p, (size_t)(sp - p),
                     map_tag(sp + 1, ln - (size_t)(sp + 1 - p), prev, 0));
        }
        p = *e ? e + 1 : e;
    }
    end_sent(c);
    return 0;
}


/* GUM CoNLL-U with Entity= mentions in MISC: a mention of type person,
 * organization or place is a named entity when its first token (after a
 * determiner) and its last token are PROPN; nested mentions: the longest
 * qualifying one wins. */
typedef struct gmention {
    size_t b, e;
    int tag; /* B- tag */
    int open;
    long eid;
} gmention;

static void gum_flush(corpus *c, size_t sb, const uint8_t *upos, gmention *ms,
                      size_t nm)
{
    size_t n = c->n - sb;
    /* longest first */
    for (size_t i = 1; i < nm; i++)
        for (size_t j = i; j > 0 && ms[j].e - ms[j].b > ms[j - 1].e - ms[j - 1].b; j--) {
            gmention x = ms[j];
            ms[j] = ms[j - 1];
            ms[j - 1] = x;
        }
    for (size_t i = 0; i < nm; i++) {
        size_t b = ms[i].b, e = ms[i].e;
        if (ms[i].open || !ms[i].tag || e > n || b >= e)
            continue;
        while (b < e && upos[b] == 'D')
            b++;
        if (b >= e || upos[b] != 'P' || upos[e - 1] != 'P')
            continue;
        int clash = 0;
        for (size_t k = b; k < e; k++)
            clash |= c->tags[sb + k] != NER_O;
        if (b > 0 && c->tags[sb + b - 1] != NER_O)
            clash = 1; /* would merge with the neighbour */
        if (clash)
            continue;
        for (size_t k = b; k < e; k++)
            c->tags[sb + k] = (uint8_t)(k == b ? ms[i].tag : ms[i].tag + 1);
    }
}

static int read_gum(const char *path, corpus *c)
{
    size_t len;
    char *b = slurp(path, &len);
    if (!b)
        return -1;
    static uint8_t upos[8192];
    static gmention ms[4096];
    size_t nm = 0;
    end_sent(c);
    size_t sb = c->n;
    char *p = b;
    for (;;) {
        int eos = !*p;
        char *e = eos ? p : strchr(p, '\n');
        if (!e)
            e = p + strlen(p);
        size_t ln = (size_t)(e - p);
        if (!eos && ln && p[0] != '#') {
            char *col[10];
            size_t nc = 0;
            col[nc++] = p;
            for (char *q = p; q < p + ln && nc < 10; q++)
                if (*q == '\t')
                    col[nc++] = q + 1;
            if (nc == 10 && (size_t)strcspn(col[0], "-.\t") == (size_t)(col[1] - col[0] - 1) &&
                c->n - sb < 8192) {
                size_t i = c->n - sb;
                push_tok(c, col[1], (size_t)(col[2] - col[1] - 1), NER_O);
                upos[i] = !strncmp(col[3], "PROPN", 5) ? 'P' : !strncmp(col[3], "DET", 3) ? 'D' : 'x';
                char *ent = NULL;
                for (char *q = col[9]; q < p + ln; q++)
                    if (!strncmp(q, "Entity=", 7) && (q == col[9] || q[-1] == '|')) {
                        ent = q + 7;
                        break;
                    }
                while (ent && ent < p + ln && *ent != '|' && *ent != '\t' && *ent != '\n') {
                    if (*ent == '(') {
                        ent++;
                        long eid = strtol(ent, &ent, 10);
                        int tag = 0;
                        if (*ent == '-') {
                            if (!strncmp(ent + 1, "person-", 7))
                                tag = NER_B_PER;
                            else if (!strncmp(ent + 1, "organization-", 13))
                                tag = NER_B_ORG;
                            else if (!strncmp(ent + 1, "place-", 6))
                                tag = NER_B_LOC;
                        }
                        while (ent < p + ln && *ent != '(' && *ent != ')' && *ent != '|')
                            ent++;
                        if (nm < 4096) {
                            ms[nm].b = i;
                            ms[nm].e = i + 1;
                            ms[nm].tag = tag;
                            ms[nm].eid = eid;
                            ms[nm].open = *ent != ')';
                            nm++;
                        }
                        if (*ent == ')')
                            ent++;
                    } else if (*ent >= '0' && *ent <= '9') {
                        long eid = strtol(ent, &ent, 10);
                        if (*ent == ')')
                            ent++;
                        for (size_t k = nm; k > 0; k--)
                            if (ms[k - 1].open && ms[k - 1].eid == eid) {
                                ms[k - 1].open = 0;
                                ms[k - 1].e = i + 1;
                                break;
                            }
                    } else
                        ent++;
                }
            }
        } else if (eos || !ln) {
            if (c->n > sb) {
                gum_flush(c, sb, upos, ms, nm);
                end_sent(c);
            }
            nm = 0;
            sb = c->n;
        }
        if (eos)
            break;
        p = *e ? e + 1 : e;
    }
    end_sent(c);
    return 0;
}

/* gazetteer marks, case profile and (when the tagger model is there) the
 * tagger's UPOS; drop > 0: that share of sentences (in tenths, chosen by a
 * fixed hash) gets no UPOS, so the model also works untagged */
static void prepare(corpus *c, const dyad_dict *d, const dyad_nlp *nlp, int drop,
                    dyad_arena *a)
{
    for (size_t s = 0; s < c->n_sent; s++) {
        size_t b = c->sent[s], e = c->sent[s + 1], n = e - b;
        dyad_arena_reset(a);
        ner_gazetteer(d, a, c->toks + b, n);
        ner_case_profile(c->toks + b, n);
        for (size_t i = 0; i < n; i++)
            c->toks[b + i].upos = 0;
        if (!nlp || (uint32_t)((s * 2654435761u) >> 7) % 10 < (uint32_t)drop)
            continue;
        dyad_word *w = dyad_arena_calloc(a, n * sizeof *w);
        if (!w)
            continue;
        for (size_t i = 0; i < n; i++) {
            w[i].form = c->toks[b + i].s;
            w[i].len = c->toks[b + i].n;
        }
        if (dyad_nlp_annotate(nlp, a, w, n, NULL))
            continue;
        for (size_t i = 0; i < n; i++)
            c->toks[b + i].upos = w[i].upos;
    }
}

/* spans: (start, end, type) triples, exact match */
typedef struct span {
    size_t b, e;
    int type;
} span;

static size_t spans(const uint8_t *tags, size_t n, span *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        int ty = ner_tag_type(tags[i]);
        if (!ty) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && ner_tag_type(tags[j]) == ty &&
               (tags[j] == NER_I_PER || tags[j] == NER_I_ORG || tags[j] == NER_I_LOC))
            j++;
        out[k].b = i;
        out[k].e = j;
        out[k].type = ty;
        k++;
        i = j;
    }
    return k;
}

static double evaluate(const float *w, uint32_t bits, const corpus *c)
{
    size_t tp = 0, np = 0, ng = 0;
    uint8_t *pred = malloc(c->n + 1);
    span *gs = malloc((c->n + 1) * sizeof *gs), *ps = malloc((c->n + 1) * sizeof *ps);
    if (!pred || !gs || !ps)
        exit(1);
    for (size_t s = 0; s < c->n_sent; s++) {
        size_t b = c->sent[s], e = c->sent[s + 1];
        ner_decode(w, bits, c->toks + b, e - b, pred + b);
        size_t g = spans(c->tags + b, e - b, gs), p = spans(pred + b, e - b, ps);
        ng += g;
        np += p;
        for (size_t i = 0; i < p; i++)
            for (size_t j = 0; j < g; j++)
                if (ps[i].b == gs[j].b && ps[i].e == gs[j].e && ps[i].type == gs[j].type)
                    tp++;
    }
    free(pred);
    free(gs);
    free(ps);
    double pr = np ? (double)tp / (double)np : 0, rc = ng ? (double)tp / (double)ng : 0;
    return pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0;
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint32_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 11);
}

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

int main(int argc, char **argv)
{
    const char *outdir = "models", *dict_dir = "dict", *models_dir = NULL;
    int no_nlp = 0;
    uint32_t bits = 19;
    int epochs = 12;
    corpus train = {0}, dev = {0};
    dyad_error err;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-o") && v)
            outdir = argv[++i];
        else if (!strcmp(a, "--models") && v)
            models_dir = argv[++i];
        else if (!strcmp(a, "--no-nlp"))
            no_nlp = 1;
        else if (!strcmp(a, "--dict") && v)
            dict_dir = argv[++i];
        else if (!strcmp(a, "--bits") && v)
            bits = (uint32_t)atoi(argv[++i]);
        else if (!strcmp(a, "--epochs") && v)
            epochs = atoi(argv[++i]);
        else if (!strcmp(a, "--dev") && v) {
            if (read_uner(argv[++i], &dev)) {
                fprintf(stderr, "train_ner: cannot read %s\n", v);
                return 1;
            }
        } else if (!strcmp(a, "--uner") && v) {
            if (read_uner(argv[++i], &train)) {
                fprintf(stderr, "train_ner: cannot read %s\n", v);
                return 1;
            }
        } else if (!strcmp(a, "--gum") && v) {
            if (read_gum(argv[++i], &train)) {
                fprintf(stderr, "train_ner: cannot read %s\n", v);
                return 1;
            }
        } else if (!strcmp(a, "--wikigold") && v) {
            if (read_wikigold(argv[++i], &train)) {
                fprintf(stderr, "train_ner: cannot read %s\n", v);
                return 1;
            }
        } else {
            fprintf(stderr, "usage: train_ner -o DIR [--dict DIR] [--bits N] [--epochs N] "
                            "[--dev F] [--uner F]... [--wikigold F]...\n");
            return 2;
        }
    }
    if (bits < 12 || bits > 24 || !train.n_sent) {
        fprintf(stderr, "train_ner: no training data (or bad --bits)\n");
        return 2;
    }
    dyad_dict *dict = NULL;
    if (dyad_dict_load(dict_dir, &dict, &err)) {
        fprintf(stderr, "train_ner: dictionary: %s: %s (no gazetteer features)\n",
                err.path, err.message);
        dict = NULL;
    }
    dyad_nlp *nlp = NULL;
    if (!no_nlp && dyad_nlp_load(models_dir, &nlp, &err)) {
        fprintf(stderr, "train_ner: no tagger (%s): training without UPOS features\n",
                err.message);
        nlp = NULL;
    }
    int used_upos = nlp != NULL;
    dyad_arena *arena = dyad_arena_new(0);
    prepare(&train, dict, nlp, 3, arena);
    prepare(&dev, dict, nlp, 0, arena);
    dyad_nlp_free(nlp);
    fprintf(stderr, "train_ner: %zu sentences, %zu tokens; dev %zu sentences\n",
            train.n_sent, train.n, dev.n_sent);

    size_t rows = (size_t)1 << bits, nw = rows * NER_STRIDE;
    uint64_t mask = rows - 1;
    float *w = calloc(nw, sizeof *w);
    double *wa = calloc(nw, sizeof *wa); /* sum of time-weighted updates */
    float *avg = calloc(nw, sizeof *avg), *best = calloc(nw, sizeof *best);
    size_t *order = malloc(train.n_sent * sizeof *order);
    uint8_t *pred = malloc(train.n + 1);
    if (!w || !wa || !avg || !best || !order || !pred) {
        fprintf(stderr, "train_ner: out of memory\n");
        return 1;
    }
    for (size_t i = 0; i < train.n_sent; i++)
        order[i] = i;
    double best_f1 = -1;
    int best_ep = 0;
    double t = 1;
    uint64_t f[NER_MAX_FEATS];
    for (int ep = 1; ep <= epochs; ep++) {
        for (size_t i = train.n_sent; i > 1; i--) {
            size_t j = next_rand() % i;
            size_t x = order[i - 1];
            order[i - 1] = order[j];
            order[j] = x;
        }
        size_t errors = 0;
        for (size_t oi = 0; oi < train.n_sent; oi++) {
            size_t s = order[oi];
            size_t b = train.sent[s], e = train.sent[s + 1], n = e - b;
            const ner_tok *tk = train.toks + b;
            const uint8_t *gold = train.tags + b;
            int p1 = NER_NTAGS, p2 = NER_NTAGS;
            for (size_t i = 0; i < n; i++) {
                size_t k = ner_features(tk, n, i, f);
                k += ner_tag_features(tk, n, i, p1, p2, f + k);
                float sc[NER_NTAGS] = {0};
                for (size_t j = 0; j < k; j++) {
                    const float *row = w + (f[j] & mask) * NER_STRIDE;
                    for (int c = 0; c < NER_NTAGS; c++)
                        sc[c] += row[c];
                }
                int g = gold[i], bc = NER_O;
                float bs = -1e30f;
                for (int c = 0; c < NER_NTAGS; c++)
                    if (ner_allowed(p1 == NER_NTAGS ? NER_O : p1, c) && sc[c] > bs) {
                        bs = sc[c];
                        bc = c;
                    }
                if (bc != g) {
                    errors++;
                    for (size_t j = 0; j < k; j++) {
                        size_t r = (size_t)(f[j] & mask) * NER_STRIDE;
                        w[r + (size_t)g] += 1;
                        wa[r + (size_t)g] += t;
                        w[r + (size_t)bc] -= 1;
                        wa[r + (size_t)bc] -= t;
                    }
                }
                pred[b + i] = (uint8_t)bc;
                /* train on our own previous predictions (as at run time) */
                p2 = p1;
                p1 = bc;
                t += 1;
            }
        }
        for (size_t i = 0; i < nw; i++)
            avg[i] = (float)(w[i] - wa[i] / t);
        double f1 = dev.n_sent ? evaluate(avg, bits, &dev) : 0;
        fprintf(stderr, "train_ner: epoch %d: %zu token errors, dev F1 %.4f\n", ep,
                errors, f1);
        if (!dev.n_sent || f1 > best_f1) {
            best_f1 = f1;
            best_ep = ep;
            memcpy(best, avg, nw * sizeof *best);
        }
    }
    fprintf(stderr, "train_ner: keeping epoch %d (dev F1 %.4f)\n", best_ep, best_f1);
    /* flush denormals / tiny weights to zero so the file compresses */
    for (size_t i = 0; i < nw; i++)
        if (fabsf(best[i]) < 1e-4f)
            best[i] = 0;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", outdir, NER_MODEL_FILE);
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *fp = fopen(tmp, "wb");
    if (!fp) {
        fprintf(stderr, "train_ner: cannot write %s\n", tmp);
        return 1;
    }
    unsigned char hdr[NER_HEADER] = {0};
    memcpy(hdr, NER_MAGIC, 8);
    put32(hdr + 8, NER_VERSION);
    put32(hdr + 12, bits);
    put32(hdr + 16, NER_NTAGS);
    put32(hdr + 20, used_upos ? NER_F_UPOS : 0);
    fwrite(hdr, 1, sizeof hdr, fp);
    for (size_t i = 0; i < nw; i++) {
        uint32_t u;
        memcpy(&u, &best[i], 4);
        unsigned char q[4];
        put32(q, u);
        fwrite(q, 1, 4, fp);
    }
    if (fclose(fp) || rename(tmp, path)) {
        fprintf(stderr, "train_ner: cannot write %s\n", path);
        return 1;
    }
    fprintf(stderr, "train_ner: wrote %s\n", path);
    dyad_arena_free(arena);
    dyad_dict_free(dict);
    free(w);
    free(wa);
    free(avg);
    free(best);
    free(order);
    free(pred);
    return 0;
}
