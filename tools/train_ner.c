/* train_ner.c — train models/ner-en.bin: an averaged structured perceptron
 * (first-order Viterbi with BIO constraints, updates where the tag or the
 * previous tag is wrong) over the hashed features of src/gkg/ner.h, on UNER
 * EWT (IOB2; OTH, B-O, I-O mapped to O), optionally with GUM's Entity=
 * mentions and wikigold (IO tags converted to BIO; MISC mapped to O) as
 * auxiliary domains (--adapt: their sentences also fire a domain-salted copy
 * of every feature, which run time never uses).  Gazetteer features come
 * from our actor dictionary.
 *
 * The model's word table (ner.h) is built here: lower-case ratios and
 * frequencies of words in unlabeled text (--unlabeled: Reuters-21578 XML,
 * CoNLL-U/IOB2 form columns, plain text), k-means word clusters (k-means++
 * seeding, fixed generator) of the frequent words over their left/right
 * neighbour distributions (Hellinger rows, random +-1 projection), place
 * names from the gazetteer (--places build/data/gazetteer.bin), given names
 * and surnames of the dictionary's people.
 *
 * Deterministic: fixed seeds, one thread; the epoch kept is the one with the
 * best F1 on the UNER dev set, then a bias against O and one per entity type
 * are tuned on dev (--obias MAX; 0 = off).  The weights are written as int16
 * with one scale (ner.h, version 5).
 *
 * The tagger's UPOS (models/nlp-en.bin, when present and without --no-nlp)
 * are features too; 30 % of the training sentences go without them so that
 * the model also works when no tagger runs.
 *
 * usage: train_ner -o models [--dict dict] [--models DIR] [--no-nlp]
 *          [--bits 19] [--epochs 12] [--obias MAX] [--adapt] [--min-count N]
 *          [--case-aug PCT,DOM]
 *          [--clusters VOCAB,CONTEXT,K0,K1,DIMS] [--places gazetteer.bin]
 *          [--skip-sent-prefix PREFIX]... [--unlabeled FILE]...
 *          [--dev FILE.iob2] [--uner FILE.iob2]... [--gum FILE.conllu]...
 *          [--wikigold FILE]... */
#include "dyad.h"
#include "gkg/geo_format.h"
#include "gkg/ner.h"
#include "dict/dict.h"

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
    uint8_t *sdom; /* domain of each sentence (0: UNER, the target) */
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

/* ---- the word table: statistics of unlabeled text and place names ---- */

/* a token of unlabeled text; n == 0 marks a sentence/paragraph break */
typedef struct utok {
    const char *s;
    uint32_t n;
    uint8_t init; /* first word of a sentence */
} utok;

static utok *ut;
static size_t n_ut, cap_ut;

static void ut_push(const char *s, size_t n, int init)
{
    if (n_ut == cap_ut) {
        cap_ut = cap_ut ? cap_ut * 2 : 1 << 20;
        ut = realloc(ut, cap_ut * sizeof *ut);
        if (!ut) {
            fprintf(stderr, "train_ner: out of memory\n");
            exit(1);
        }
    }
    ut[n_ut].s = s;
    ut[n_ut].n = (uint32_t)n;
    ut[n_ut].init = (uint8_t)init;
    n_ut++;
}

static int wordch(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80;
}

/* a plain tokenizer close to EWT's: words (with inner - ' . between word
 * characters), "n't" and "'s" split off, other punctuation one character a
 * token; HTML entities skipped; "." "!" "?" and blank lines end sentences */
static void tokenize_text(const char *p, const char *end)
{
    int init = 1;
    ut_push(p, 0, 1);
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c == '\n') {
            const char *q = p + 1;
            while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
                q++;
            if (q < end && *q == '\n') {
                ut_push(p, 0, 1);
                init = 1;
            }
            p++;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '"' || c < 32) {
            p++;
            continue;
        }
        if (c == '&') {
            const char *q = p + 1;
            while (q < end && q < p + 8 && (wordch((unsigned char)*q) || *q == '#'))
                q++;
            if (q < end && *q == ';') {
                p = q + 1;
                continue;
            }
        }
        if (!wordch(c)) {
            ut_push(p, 1, init);
            init = c == '.' || c == '!' || c == '?';
            p++;
            continue;
        }
        const char *q = p;
        while (q < end) {
            if (wordch((unsigned char)*q))
                q++;
            else if ((*q == '-' || *q == '\'' || *q == '.') && q + 1 < end &&
                     wordch((unsigned char)q[1]) && q > p)
                q++;
            else
                break;
        }
        size_t n = (size_t)(q - p);
        if (n > 3 && !strncmp(q - 3, "n't", 3)) {
            ut_push(p, n - 3, init);
            ut_push(q - 3, 3, 0);
        } else if (n > 2 && (!strncmp(q - 2, "'s", 2) || !strncmp(q - 2, "'S", 2))) {
            ut_push(p, n - 2, init);
            ut_push(q - 2, 2, 0);
        } else
            ut_push(p, n, init);
        init = 0;
        p = q;
    }
}

/* --skip-sent-prefix: CoNLL-U sentences whose sent_id starts with one of
 * these are left out (GUM's CC BY-NC-SA genres, as in tools/train.sh) */
static const char *skip_pref[16];
static int n_skip;

/* a "# sent_id = X" line: 1 when X is to be skipped, 0 when not; -1 for
 * other lines (the state does not change) */
static int sent_skip(const char *p, size_t ln)
{
    if (ln < 12 || strncmp(p, "# sent_id = ", 12))
        return -1;
    for (int i = 0; i < n_skip; i++) {
        size_t k = strlen(skip_pref[i]);
        if (ln - 12 >= k && !strncmp(p + 12, skip_pref[i], k))
            return 1;
    }
    return 0;
}

/* unlabeled text: Reuters-21578 SGML/XML (the BODY elements), CoNLL-U or
 * IOB2 (the form column), anything else as plain text (Wikinews CSV) */
static int read_unlabeled(const char *path)
{
    size_t len;
    char *b = slurp(path, &len);
    if (!b)
        return -1;
    size_t pl = strlen(path);
    if (pl > 4 && !strcmp(path + pl - 4, ".xml")) {
        char *p = b;
        for (;;) {
            char *s = strstr(p, "<BODY>");
            if (!s)
                break;
            char *e = strstr(s, "</BODY>");
            if (!e)
                break;
            tokenize_text(s + 6, e);
            p = e + 7;
        }
    } else if ((pl > 7 && !strcmp(path + pl - 7, ".conllu")) ||
               (pl > 5 && !strcmp(path + pl - 5, ".iob2"))) {
        char *p = b;
        int init = 1, skip = 0;
        ut_push(p, 0, 1);
        while (*p) {
            char *e = strchr(p, '\n');
            if (!e)
                e = p + strlen(p);
            if (e == p || (e == p + 1 && *p == '\r')) {
                ut_push(p, 0, 1);
                init = 1;
            } else if (*p == '#') {
                int k = sent_skip(p, (size_t)(e - p));
                if (k >= 0)
                    skip = k;
            } else if (!skip) {
                char *t1 = memchr(p, '\t', (size_t)(e - p));
                char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(e - t1 - 1)) : NULL;
                if (t1 && t2 && !memchr(p, '-', (size_t)(t1 - p)) &&
                    !memchr(p, '.', (size_t)(t1 - p))) {
                    ut_push(t1 + 1, (size_t)(t2 - t1 - 1), init);
                    init = 0;
                }
            }
            p = *e ? e + 1 : e;
        }
    } else
        tokenize_text(b, b + len);
    return 0; /* b stays allocated: the tokens point into it */
}

/* vocabulary: open addressing over word keys */
typedef struct vword {
    uint64_t key;
    uint32_t count, lower, cap;
    int32_t rank; /* index among the clustered words, -1 */
} vword;

static vword *voc;
static size_t voc_mask, n_voc;
static uint32_t *voc_list; /* slot numbers, in insertion order */

static size_t voc_slot(uint64_t key, int add)
{
    for (size_t s = (size_t)key & voc_mask;; s = (s + 1) & voc_mask) {
        if (voc[s].key == key)
            return s;
        if (!voc[s].key) {
            if (!add)
                return (size_t)-1;
            voc[s].key = key;
            voc[s].rank = -1;
            voc_list[n_voc++] = (uint32_t)s;
            return s;
        }
    }
}

static int has_letter(const char *s, size_t n, int *up, int *first_up)
{
    int l = 0;
    *up = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'a' && c <= 'z')
            l = 1;
        else if (c >= 'A' && c <= 'Z')
            l = 1, *up = 1;
    }
    *first_up = n && s[0] >= 'A' && s[0] <= 'Z';
    return l;
}

static uint8_t lcr_code(const vword *v)
{
    unsigned lb = 0, cased = v->lower + v->cap;
    if (cased >= 3) {
        double f = (double)v->lower / cased;
        lb = f < 0.02 ? 1 : f < 0.2 ? 2 : f < 0.5 ? 3 : f < 0.8 ? 4 : f < 0.98 ? 5 : 6;
    }
    unsigned fb = 0;
    for (uint32_t c = v->count; c > 1 && fb < 20; c >>= 1)
        fb++;
    fb = fb < 2 ? 0 : fb - 1;
    if (fb > 12)
        fb = 12;
    return (uint8_t)(lb | fb << 3);
}

static int cmp_count(const void *a, const void *b)
{
    const vword *x = &voc[*(const uint32_t *)a], *y = &voc[*(const uint32_t *)b];
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key;
}

/* k-means (squared distance on unit vectors) of V points of D dims into K
 * groups; k-means++ seeding with the fixed generator; assign[] out */
static uint32_t next_rand(void);
static void kmeans(const float *x, size_t V, size_t D, size_t K, int iters, uint16_t *assign)
{
    float *c = calloc(K * D, sizeof *c), *dmin = malloc(V * sizeof *dmin);
    double *sum = calloc(K * D, sizeof *sum);
    size_t *cnt = calloc(K, sizeof *cnt);
    if (!c || !dmin || !sum || !cnt) {
        fprintf(stderr, "train_ner: out of memory\n");
        exit(1);
    }
    memcpy(c, x, D * sizeof *c);
    for (size_t v = 0; v < V; v++)
        dmin[v] = 1e30f;
    for (size_t k = 1; k < K; k++) {
        double tot = 0;
        for (size_t v = 0; v < V; v++) {
            float d = 0;
            for (size_t j = 0; j < D; j++) {
                float e = x[v * D + j] - c[(k - 1) * D + j];
                d += e * e;
            }
            if (d < dmin[v])
                dmin[v] = d;
            tot += dmin[v];
        }
        double r = (double)next_rand() / 4294967296.0 * tot, acc = 0;
        size_t pick = V - 1;
        for (size_t v = 0; v < V; v++) {
            acc += dmin[v];
            if (acc >= r) {
                pick = v;
                break;
            }
        }
        memcpy(c + k * D, x + pick * D, D * sizeof *c);
    }
    for (int it = 0; it < iters; it++) {
        memset(sum, 0, K * D * sizeof *sum);
        memset(cnt, 0, K * sizeof *cnt);
        size_t moved = 0;
        for (size_t v = 0; v < V; v++) {
            const float *xv = x + v * D;
            size_t best = 0;
            float bd = 1e30f;
            for (size_t k = 0; k < K; k++) {
                const float *ck = c + k * D;
                float d = 0;
                for (size_t j = 0; j < D; j++) {
                    float e = xv[j] - ck[j];
                    d += e * e;
                }
                if (d < bd) {
                    bd = d;
                    best = k;
                }
            }
            if (it == 0 || assign[v] != best)
                moved++;
            assign[v] = (uint16_t)best;
            cnt[best]++;
            for (size_t j = 0; j < D; j++)
                sum[best * D + j] += xv[j];
        }
        for (size_t k = 0; k < K; k++)
            if (cnt[k])
                for (size_t j = 0; j < D; j++)
                    c[k * D + j] = (float)(sum[k * D + j] / (double)cnt[k]);
        if (!moved)
            break;
    }
    free(c);
    free(dmin);
    free(sum);
    free(cnt);
}

/* the table being built */
static ner_entry *tab;
static uint32_t tab_bits;

static ner_entry *tab_put(uint64_t key)
{
    size_t mask = ((size_t)1 << tab_bits) - 1;
    for (size_t s = (size_t)key & mask;; s = (s + 1) & mask) {
        if (tab[s].key == key)
            return &tab[s];
        if (!tab[s].key) {
            tab[s].key = key;
            return &tab[s];
        }
    }
}

/* place names from the gazetteer (build/data/gazetteer.bin) */
typedef struct pname {
    uint64_t key;
    uint8_t geo;
} pname;

static pname *places;
static size_t n_places;

static int read_places(const char *path)
{
    size_t len;
    char *b = slurp(path, &len);
    if (!b || len < sizeof(dyad_gaz_header))
        return -1;
    dyad_gaz_header h;
    memcpy(&h, b, sizeof h);
    if (memcmp(h.magic, DYAD_GAZ_MAGIC, 8) || h.version != DYAD_GAZ_VERSION ||
        (uint64_t)h.off_slots + (uint64_t)h.n_slots * sizeof(dyad_gaz_slot) > len ||
        (uint64_t)h.off_postings + (uint64_t)h.n_postings * 4 > len ||
        (uint64_t)h.off_places + (uint64_t)h.n_places * sizeof(dyad_gaz_place) > len ||
        (uint64_t)h.off_strings + h.strings_size > len)
        return -1;
    places = malloc(h.n_slots * sizeof *places);
    if (!places)
        return -1;
    for (uint32_t s = 0; s < h.n_slots; s++) {
        dyad_gaz_slot sl;
        memcpy(&sl, b + h.off_slots + (size_t)s * sizeof sl, sizeof sl);
        if (!sl.key || sl.key >= h.strings_size)
            continue;
        const char *key = b + h.off_strings + sl.key;
        if (key[0] == '~')
            continue;
        int geo = 0;
        for (uint32_t i = 0; i < sl.post_count && sl.post_start + i < h.n_postings; i++) {
            uint32_t post;
            memcpy(&post, b + h.off_postings + (size_t)(sl.post_start + i) * 4, 4);
            unsigned kind = DYAD_GAZ_POST_KIND(post);
            uint32_t pi = DYAD_GAZ_POST_PLACE(post);
            if ((kind != DYAD_GAZK_NAME && kind != DYAD_GAZK_ALIAS) || pi >= h.n_places)
                continue;
            dyad_gaz_place pl;
            memcpy(&pl, b + h.off_places + (size_t)pi * sizeof pl, sizeof pl);
            int g = pl.type == DYAD_GAZ_COUNTRY ? GEO_COUNTRY
                  : pl.type == DYAD_GAZ_ADM1 ? GEO_ADM1
                  : pl.type == DYAD_GAZ_CITY ? (pl.population >= 1000000 ? GEO_CITY_BIG
                                                : pl.population >= 100000 ? GEO_CITY_MID
                                                                          : GEO_CITY)
                                             : GEO_OTHER;
            if (!geo || g < geo)
                geo = g;
        }
        if (!geo)
            continue;
        /* words of the key */
        size_t nw = 0;
        uint64_t st = NER_PHRASE_START;
        const char *w = key;
        for (;;) {
            const char *e = strchr(w, ' ');
            size_t wl = e ? (size_t)(e - w) : strlen(w);
            nw++;
            if (nw == 1 && !e) {
                places[n_places].key = ner_word_key(w, wl);
                break;
            }
            st = ner_phrase_next(st, w, wl);
            if (!e)
                break;
            w = e + 1;
        }
        if (nw > NER_PHRASE_MAX)
            continue;
        if (nw > 1)
            places[n_places].key = ner_phrase_key(st);
        places[n_places].geo = (uint8_t)geo;
        n_places++;
    }
    free(b);
    return 0;
}

/* Build the word table from the unlabeled tokens (lower-case ratio and
 * clusters) and the place names. */
static uint32_t min_count = 5; /* --min-count: words clustered */

static void build_table(size_t vmax, size_t cmax, size_t k0, size_t k1, size_t dims,
                        const dyad_dict *dict)
{
    size_t slots = 1;
    while (slots < 2 * n_ut + 16)
        slots <<= 1;
    voc = calloc(slots, sizeof *voc);
    voc_list = malloc(slots * sizeof *voc_list);
    uint32_t *tokv = malloc((n_ut + 1) * sizeof *tokv);
    if (!voc || !voc_list || !tokv) {
        fprintf(stderr, "train_ner: out of memory\n");
        exit(1);
    }
    voc_mask = slots - 1;
    for (size_t i = 0; i < n_ut; i++) {
        if (!ut[i].n) {
            tokv[i] = UINT32_MAX;
            continue;
        }
        size_t s = voc_slot(ner_word_key(ut[i].s, ut[i].n), 1);
        tokv[i] = (uint32_t)s;
        vword *v = &voc[s];
        v->count++;
        int up, fu;
        if (!ut[i].init && has_letter(ut[i].s, ut[i].n, &up, &fu)) {
            if (!up)
                v->lower++;
            else if (fu)
                v->cap++;
        }
    }
    /* frequency order */
    uint32_t *ord = malloc(n_voc * sizeof *ord);
    memcpy(ord, voc_list, n_voc * sizeof *ord);
    qsort(ord, n_voc, sizeof *ord, cmp_count);
    size_t V = 0;
    while (V < n_voc && V < vmax && voc[ord[V]].count >= min_count)
        V++;
    if (cmax > V)
        cmax = V;
    for (size_t r = 0; r < V; r++)
        voc[ord[r]].rank = (int32_t)r;
    /* context counts: left and right neighbour among the cmax most frequent
     * words (+ one "other" and one "break" column each side) */
    size_t C = cmax + 2, W = 2 * C;
    float *cm = calloc(V * W, sizeof *cm);
    if (!cm) {
        fprintf(stderr, "train_ner: out of memory\n");
        exit(1);
    }
    for (size_t i = 0; i < n_ut; i++) {
        if (tokv[i] == UINT32_MAX)
            continue;
        int32_t r = voc[tokv[i]].rank;
        if (r < 0)
            continue;
        for (int side = 0; side < 2; side++) {
            size_t j = side ? i + 1 : i - 1; /* tokv[0] is a break */
            size_t col;
            if (j >= n_ut || tokv[j] == UINT32_MAX)
                col = cmax + 1;
            else {
                int32_t rj = voc[tokv[j]].rank;
                col = rj >= 0 && (size_t)rj < cmax ? (size_t)rj : cmax;
            }
            cm[(size_t)r * W + (size_t)side * C + col] += 1;
        }
    }
    /* Hellinger rows, random projection to `dims`, unit length */
    float *x = calloc(V * dims, sizeof *x);
    float *proj = malloc(W * dims * sizeof *proj);
    if (!x || !proj) {
        fprintf(stderr, "train_ner: out of memory\n");
        exit(1);
    }
    for (size_t j = 0; j < W * dims; j++)
        proj[j] = (next_rand() & 1) ? 1.0f : -1.0f;
    for (size_t r = 0; r < V; r++) {
        float *row = cm + r * W;
        for (int side = 0; side < 2; side++) {
            double tot = 0;
            for (size_t c = 0; c < C; c++)
                tot += row[side * C + c];
            for (size_t c = 0; c < C; c++)
                row[side * C + c] = tot > 0 ? (float)sqrt(row[side * C + c] / tot) : 0;
        }
        float *xr = x + r * dims;
        for (size_t c = 0; c < W; c++) {
            if (!row[c])
                continue;
            const float *pr = proj + c * dims;
            for (size_t d = 0; d < dims; d++)
                xr[d] += row[c] * pr[d];
        }
        double nn = 0;
        for (size_t d = 0; d < dims; d++)
            nn += (double)xr[d] * xr[d];
        nn = nn > 0 ? 1 / sqrt(nn) : 0;
        for (size_t d = 0; d < dims; d++)
            xr[d] = (float)(xr[d] * nn);
    }
    free(cm);
    free(proj);
    uint16_t *a0 = calloc(V + 1, sizeof *a0), *a1 = calloc(V + 1, sizeof *a1);
    if (V >= k1) {
        kmeans(x, V, dims, k1, 15, a1);
        kmeans(x, V, dims, k0, 15, a0);
    }
    free(x);
    /* table: words seen twice or more, and the places */
    size_t want = n_places + (dict ? 2 * dict->n_actors : 0);
    for (size_t i = 0; i < n_voc; i++)
        want += voc[voc_list[i]].count >= 2;
    tab_bits = 10;
    while (((size_t)1 << tab_bits) < want * 2)
        tab_bits++;
    tab = calloc((size_t)1 << tab_bits, sizeof *tab);
    if (!tab) {
        fprintf(stderr, "train_ner: out of memory\n");
        exit(1);
    }
    /* deterministic insertion order: by frequency, then the places */
    for (size_t i = 0; i < n_voc; i++) {
        const vword *v = &voc[ord[i]];
        if (v->count < 2)
            continue;
        ner_entry *e = tab_put(v->key);
        e->lcr = lcr_code(v);
        if (v->rank >= 0 && V >= k1) {
            e->c0 = (uint8_t)(a0[v->rank] + 1);
            e->c1 = (uint16_t)(a1[v->rank] + 1);
        }
    }
    for (size_t i = 0; i < n_places; i++) {
        ner_entry *e = tab_put(places[i].key);
        if (!e->geo || places[i].geo < e->geo)
            e->geo = places[i].geo;
    }
    /* given names and surnames of the dictionary's people */
    size_t n_pers = 0;
    for (size_t a = 0; dict && a < dict->n_actors; a++) {
        const dict_actor *ac = &dict->actors[a];
        if (ac->kind != DA_PERSON || !ac->name)
            continue;
        const char *nm = ac->name, *sp = strchr(nm, ' '), *ls = strrchr(nm, ' ');
        if (!sp)
            continue;
        tab_put(ner_word_key(nm, (size_t)(sp - nm)))->pers |= 1;
        tab_put(ner_word_key(ls + 1, strlen(ls + 1)))->pers |= 2;
        n_pers++;
    }
    fprintf(stderr, "train_ner: %zu dictionary people\n", n_pers);
    fprintf(stderr, "train_ner: word table: %zu unlabeled tokens, %zu types, %zu clustered, "
                    "%zu place names, 2^%u slots\n",
            n_ut, n_voc, V, n_places, tab_bits);
    free(a0);
    free(a1);
    free(ord);
    free(tokv);
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

static unsigned cur_dom; /* domain of the sentences being read */
static int adapt;         /* --adapt: other corpora get domain features */

static void end_sent(corpus *c)
{
    if (c->n_sent + 2 > c->cap_sent) {
        c->cap_sent = c->cap_sent ? c->cap_sent * 2 : 4096;
        c->sent = realloc(c->sent, c->cap_sent * sizeof *c->sent);
        c->sdom = realloc(c->sdom, c->cap_sent);
        if (!c->sent || !c->sdom) {
            fprintf(stderr, "train_ner: out of memory\n");
            exit(1);
        }
    }
    if (!c->n_sent)
        c->sent[0] = 0;
    if (c->n == c->sent[c->n_sent])
        return; /* empty */
    c->sdom[c->n_sent] = (uint8_t)cur_dom;
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
    int skip = 0;
    end_sent(c);
    size_t sb = c->n;
    char *p = b;
    for (;;) {
        int eos = !*p;
        char *e = eos ? p : strchr(p, '\n');
        if (!e)
            e = p + strlen(p);
        size_t ln = (size_t)(e - p);
        if (!eos && ln && p[0] == '#') {
            int k = sent_skip(p, ln);
            if (k >= 0)
                skip = k;
        }
        if (!eos && ln && p[0] != '#' && !skip) {
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

/* Case augmentation (--case-aug PCT,DOM): a share PCT (in percent, chosen
 * by a fixed hash) of the UNER training sentences is added again all in
 * lower case, as domain DOM (its own domain-salted feature copies, like the
 * auxiliary corpora), so that web text written without capitals ("a trip to
 * kerala", "air asia") keeps its entities.  UNER dev F1 about +0.009 with
 * 20,3 over three seeds; domain 0 (no salted copy), 10 % or 35 %, upper-case
 * copies, and copies of GUM and wikigold sentences did no better.  The
 * copies' strings are new memory that stays allocated. */
static void case_augment(corpus *c, unsigned pct, unsigned dom)
{
    size_t ns = c->n_sent;
    unsigned save = cur_dom;
    cur_dom = dom;
    for (size_t s = 0; s < ns; s++) {
        if (c->sdom[s] || (uint32_t)((s * 2654435761u) >> 5) % 100 >= pct)
            continue;
        size_t b = c->sent[s], e = c->sent[s + 1], len = 0;
        for (size_t i = b; i < e; i++)
            len += c->toks[i].n;
        char *q = malloc(len + 1);
        if (!q) {
            fprintf(stderr, "train_ner: out of memory\n");
            exit(1);
        }
        end_sent(c);
        for (size_t i = b; i < e; i++) {
            const char *src = c->toks[i].s;
            size_t n = c->toks[i].n;
            for (size_t j = 0; j < n; j++) {
                unsigned char ch = (unsigned char)src[j];
                q[j] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
            }
            push_tok(c, q, n, c->tags[i]);
            q += n;
        }
        end_sent(c);
    }
    cur_dom = save;
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
        ner_table_marks(tab, tab_bits, c->toks + b, n);
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

static double evaluate_wv(const ner_wv *wv, const corpus *c);
static double evaluate(const float *w, uint32_t bits, const corpus *c)
{
    ner_wv wv = {w, NULL, 1, bits};
    return evaluate_wv(&wv, c);
}

static double evaluate_wv(const ner_wv *wv, const corpus *c)
{
    size_t tp = 0, np = 0, ng = 0;
    uint8_t *pred = malloc(c->n + 1);
    span *gs = malloc((c->n + 1) * sizeof *gs), *ps = malloc((c->n + 1) * sizeof *ps);
    if (!pred || !gs || !ps)
        exit(1);
    for (size_t s = 0; s < c->n_sent; s++) {
        size_t b = c->sent[s], e = c->sent[s + 1];
        ner_decode(wv, c->toks + b, e - b, pred + b);
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

/* +1 on tag g, -1 on tag q (either may be -1: none) for the features f */
static void update(float *w, double *wa, uint64_t mask, const uint64_t *f, size_t k, int g,
                   int q, double t)
{
    for (size_t j = 0; j < k; j++) {
        size_t r = (size_t)(f[j] & mask) * NER_STRIDE;
        if (g >= 0) {
            w[r + (size_t)g] += 1;
            wa[r + (size_t)g] += t;
        }
        if (q >= 0) {
            w[r + (size_t)q] -= 1;
            wa[r + (size_t)q] -= t;
        }
    }
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
    float obias_max = 0;
    unsigned aug_pct = 0, aug_dom = 0;
    size_t vmax = 20000, cmax = 300, k0 = 64, k1 = 512, dims = 64;
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
        } else if (!strcmp(a, "--skip-sent-prefix") && v) {
            if (n_skip < 16)
                skip_pref[n_skip++] = argv[++i];
            else
                i++;
        } else if (!strcmp(a, "--case-aug") && v) {
            if (sscanf(argv[++i], "%u,%u", &aug_pct, &aug_dom) != 2 || aug_pct > 100 ||
                aug_dom > 255) {
                fprintf(stderr, "train_ner: --case-aug PCT,DOM\n");
                return 2;
            }
        } else if (!strcmp(a, "--adapt")) {
            adapt = 1;
        } else if (!strcmp(a, "--uner") && v) {
            cur_dom = 0;
            if (read_uner(argv[++i], &train)) {
                fprintf(stderr, "train_ner: cannot read %s\n", v);
                return 1;
            }
        } else if (!strcmp(a, "--unlabeled") && v) {
            if (read_unlabeled(argv[++i])) {
                fprintf(stderr, "train_ner: cannot read %s\n", v);
                return 1;
            }
        } else if (!strcmp(a, "--min-count") && v) {
            min_count = (uint32_t)atoi(argv[++i]);
        } else if (!strcmp(a, "--obias") && v) {
            obias_max = (float)atof(argv[++i]);
        } else if (!strcmp(a, "--places") && v) {
            if (read_places(argv[++i]))
                fprintf(stderr, "train_ner: cannot read places %s (no place features)\n", v);
        } else if (!strcmp(a, "--clusters") && v) {
            if (sscanf(argv[++i], "%zu,%zu,%zu,%zu,%zu", &vmax, &cmax, &k0, &k1, &dims) != 5 ||
                !k0 || !k1 || k0 > 255 || k1 > 65000 || !dims) {
                fprintf(stderr, "train_ner: --clusters VOCAB,CONTEXT,K0,K1,DIMS\n");
                return 2;
            }
        } else if (!strcmp(a, "--gum") && v) {
            cur_dom = adapt ? 1 : 0;
            if (read_gum(argv[++i], &train)) {
                fprintf(stderr, "train_ner: cannot read %s\n", v);
                return 1;
            }
        } else if (!strcmp(a, "--wikigold") && v) {
            cur_dom = adapt ? 2 : 0;
            if (read_wikigold(argv[++i], &train)) {
                fprintf(stderr, "train_ner: cannot read %s\n", v);
                return 1;
            }
        } else {
            fprintf(stderr, "usage: train_ner -o DIR [--dict DIR] [--bits N] [--epochs N] "
                            "[--obias MAX] [--adapt] [--case-aug PCT,DOM] [--min-count N] "
                            "[--clusters V,C,K0,K1,D] [--places F] "
                            "[--skip-sent-prefix P]... [--unlabeled F]... [--dev F] "
                            "[--uner F]... [--gum F]... [--wikigold F]...\n");
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
    if (aug_pct)
        case_augment(&train, aug_pct, aug_dom);
    if (n_ut || n_places)
        build_table(vmax, cmax, k0, k1, dims, dict);
    /* NER_SEED=N: another shuffle order, to see how much of a dev F1
     * difference is noise (unset: the committed model) */
    if (getenv("NER_SEED"))
        rng ^= (uint64_t)strtoull(getenv("NER_SEED"), NULL, 10) * 0x9E3779B97F4A7C15ull;
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
    uint64_t f[2 * NER_MAX_FEATS];
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
            /* structured perceptron: Viterbi with the current weights,
             * then update where the tag or the previous tag is wrong */
            uint8_t *pr = pred + b;
            unsigned dom = train.sdom[s];
            ner_wv wv = {w, NULL, 1, bits};
            ner_decode_dom(&wv, tk, n, pr, dom);
            for (size_t i = 0; i < n; i++) {
                int g = gold[i], q = pr[i];
                int gp = i ? gold[i - 1] : NER_NTAGS, qp = i ? pr[i - 1] : NER_NTAGS;
                if (g == q && gp == qp)
                    continue;
                if (g != q) {
                    errors++;
                    size_t k = ner_domain(f, ner_features(tk, n, i, f), dom);
                    update(w, wa, mask, f, k, g, q, t);
                }
                size_t k = ner_domain(f, ner_tag_features(tk, n, i, gp, 0, f), dom);
                update(w, wa, mask, f, k, g, -1, t);
                k = ner_domain(f, ner_tag_features(tk, n, i, qp, 0, f), dom);
                update(w, wa, mask, f, k, -1, q, t);
            }
            t += (double)n;
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
    /* a bias against O on the always-on feature, tuned on dev (the
     * perceptron trained on partly unannotated text under-predicts) */
    if (dev.n_sent && obias_max > 0) {
        uint64_t fb[NER_MAX_FEATS];
        ner_features(dev.toks, 1, 0, fb); /* the first feature is the bias */
        size_t r = (size_t)(fb[0] & mask) * NER_STRIDE;
        fprintf(stderr, "train_ner: bias weights O %.3f B-PER %.3f\n", (double)best[r],
                (double)best[r + 1]);
        float o0 = best[r + NER_O], bestb = 0;
        for (int step = 1; step <= 40; step++) {
            float bb = obias_max * (float)step / 40;
            best[r + NER_O] = o0 - bb;
            double f1 = evaluate(best, bits, &dev);
            if (f1 > best_f1 + 1e-9) {
                best_f1 = f1;
                bestb = bb;
            }
        }
        best[r + NER_O] = o0 - bestb;
        fprintf(stderr, "train_ner: O bias -%.3f: dev F1 %.4f\n", (double)bestb, best_f1);
        /* then a bias per entity type (on its B- tag), coordinate ascent:
         * the types are not equally under-predicted (ORG most) */
        for (int round = 0; round < 2; round++)
            for (int tg = NER_B_PER; tg <= NER_B_LOC; tg += 2) {
                float b0 = best[r + tg], bb = 0;
                for (int step = -20; step <= 20; step++) {
                    if (!step)
                        continue;
                    best[r + tg] = b0 + obias_max * (float)step / 40;
                    double f1 = evaluate(best, bits, &dev);
                    if (f1 > best_f1 + 1e-9) {
                        best_f1 = f1;
                        bb = obias_max * (float)step / 40;
                    }
                }
                best[r + tg] = b0 + bb;
                fprintf(stderr, "train_ner: tag %d bias %+.3f: dev F1 %.4f\n", tg, (double)bb,
                        best_f1);
            }
    }
    /* int16 weights with one scale (the largest weight maps to 32767) */
    float wmax = 0;
    for (size_t i = 0; i < nw; i++)
        if (fabsf(best[i]) > wmax)
            wmax = fabsf(best[i]);
    float scale = wmax > 0 ? wmax / 32767.0f : 1.0f;
    int16_t *qw = malloc(nw * sizeof *qw);
    if (!qw) {
        fprintf(stderr, "train_ner: out of memory\n");
        return 1;
    }
    for (size_t i = 0; i < nw; i++)
        qw[i] = (int16_t)lrintf(best[i] / scale);
    if (dev.n_sent) {
        ner_wv qv = {NULL, qw, scale, bits};
        fprintf(stderr, "train_ner: int16 weights (scale %g): dev F1 %.4f\n", (double)scale,
                evaluate_wv(&qv, &dev));
    }
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
    put32(hdr + 24, tab ? tab_bits : 0);
    uint32_t su;
    memcpy(&su, &scale, 4);
    put32(hdr + 28, su);
    fwrite(hdr, 1, sizeof hdr, fp);
    for (size_t i = 0; i < nw; i++) {
        uint16_t u = (uint16_t)qw[i];
        unsigned char q[2] = {(unsigned char)u, (unsigned char)(u >> 8)};
        fwrite(q, 1, 2, fp);
    }
    free(qw);
    for (size_t i = 0; tab && i < ((size_t)1 << tab_bits); i++) {
        unsigned char q[16] = {0};
        put32(q, (uint32_t)tab[i].key);
        put32(q + 4, (uint32_t)(tab[i].key >> 32));
        q[8] = (unsigned char)tab[i].c1;
        q[9] = (unsigned char)(tab[i].c1 >> 8);
        q[10] = tab[i].c0;
        q[11] = tab[i].lcr;
        q[12] = tab[i].geo;
        q[13] = tab[i].pers;
        fwrite(q, 1, 16, fp);
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
