/* ner.c — the named-entity tagger at run time: hashed features (shared with
 * the trainer through ner.h), dictionary gazetteer marks, first-order
 * Viterbi decoding, and the mmap'd model file. */
#include "gkg/ner.h"
#include "util/hash.h"
#include "dict/dict.h"

#include "util/mapfile.h"

#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(ner_entry) == 16, "ner_entry is 16 bytes on disk");

struct dyad_ner {
    const void *map;
    size_t map_len;
    ner_wv w;
    uint32_t flags;
    const ner_entry *tab;
    uint32_t tbits;
};

uint64_t ner_hash(const void *s, size_t n, uint64_t h)
{
    const unsigned char *p = s;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* feature = hash(prefix id, text) */
static uint64_t fh(unsigned id, const char *s, size_t n)
{
    uint64_t h = ner_hash(&id, sizeof id, NER_HASH_SEED);
    h = ner_hash(s, n, h);
    /* final mix so that low bits are well spread */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

static uint64_t fh2(unsigned id, const char *a, size_t na, const char *b, size_t nb)
{
    uint64_t h = ner_hash(&id, sizeof id, NER_HASH_SEED);
    h = ner_hash(a, na, h);
    h = ner_hash("\x1f", 1, h);
    h = ner_hash(b, nb, h);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

#define WMAX NER_WMAX

size_t ner_lower(const char *s, size_t n, char *buf)
{
    if (n > WMAX)
        n = WMAX;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return n;
}

static size_t lower(const ner_tok *t, char *buf)
{
    return ner_lower(t->s, t->n, buf);
}

static uint64_t mix(uint64_t h)
{
    h = dyad_fmix64(h);
    return h ? h : 1;
}

uint64_t ner_word_key(const char *s, size_t n)
{
    char b[WMAX];
    size_t m = ner_lower(s, n, b);
    return mix(ner_hash(b, m, NER_HASH_SEED ^ 200u));
}

uint64_t ner_phrase_next(uint64_t state, const char *s, size_t n)
{
    char b[WMAX];
    size_t m = ner_lower(s, n, b);
    state = ner_hash(b, m, state);
    return ner_hash(" ", 1, state);
}

uint64_t ner_phrase_key(uint64_t state)
{
    return mix(state ^ 0x9e3779b97f4a7c15ull);
}

const ner_entry *ner_table_find(const ner_entry *tab, uint32_t tbits, uint64_t key)
{
    if (!tab || !tbits)
        return NULL;
    size_t mask = ((size_t)1 << tbits) - 1;
    for (size_t s = (size_t)key & mask, p = 0; p <= mask; s = (s + 1) & mask, p++) {
        if (tab[s].key == key)
            return &tab[s];
        if (!tab[s].key)
            return NULL;
    }
    return NULL;
}

void ner_table_marks(const ner_entry *tab, uint32_t tbits, ner_tok *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const ner_entry *e = ner_table_find(tab, tbits, ner_word_key(t[i].s, t[i].n));
        t[i].c0 = e ? e->c0 : 0;
        t[i].c1 = e ? e->c1 : 0;
        t[i].lcr = e ? e->lcr : 0;
        t[i].pers = e ? e->pers : 0;
        t[i].geo = 0;
    }
    if (!tab)
        return;
    /* places: longest phrase first, left to right */
    for (size_t i = 0; i < n;) {
        uint64_t st = NER_PHRASE_START;
        size_t best = 0;
        int cls = 0;
        for (size_t j = i; j < n && j < i + NER_PHRASE_MAX; j++) {
            st = ner_phrase_next(st, t[j].s, t[j].n);
            const ner_entry *e;
            if (j == i)
                e = ner_table_find(tab, tbits, ner_word_key(t[j].s, t[j].n));
            else
                e = ner_table_find(tab, tbits, ner_phrase_key(st));
            if (e && e->geo) {
                best = j + 1 - i;
                cls = e->geo;
            }
        }
        if (!best) {
            i++;
            continue;
        }
        for (size_t j = 0; j < best; j++)
            t[i + j].geo = (uint8_t)(cls * 2 + (j > 0));
        i += best;
    }
}

/* Xxxx-style shape: runs longer than 3 are cut (long=1) or all runs
 * collapsed (long=0); non-ASCII letters count as 'x'/'X' by the lead byte
 * (upper case detection only for ASCII; UTF-8 letters give 'u'). */
static size_t shape(const ner_tok *t, char *buf, int full)
{
    size_t k = 0;
    char prev = 0;
    int run = 0;
    for (size_t i = 0; i < t->n && k < WMAX; i++) {
        unsigned char c = (unsigned char)t->s[i];
        char s;
        if (c >= 'A' && c <= 'Z')
            s = 'X';
        else if (c >= 'a' && c <= 'z')
            s = 'x';
        else if (c >= '0' && c <= '9')
            s = 'd';
        else if (c >= 0x80) {
            if ((c & 0xC0) == 0x80)
                continue; /* continuation byte */
            s = 'u';
        } else
            s = (char)c;
        if (s == prev) {
            run++;
            if (!full || run > 3)
                continue;
        } else
            run = 1;
        buf[k++] = s;
        prev = s;
    }
    return k;
}

static int is_cap(const ner_tok *t)
{
    unsigned char c = (unsigned char)t->s[0];
    return t->n && c >= 'A' && c <= 'Z';
}

static int has_lower(const ner_tok *t)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->s[i] >= 'a' && t->s[i] <= 'z')
            return 1;
    return 0;
}

/* a small word that joins the parts of a name */
static int is_connector(const ner_tok *t)
{
    switch (t->n) {
    case 1: return t->s[0] == '&';
    case 2: return !memcmp(t->s, "of", 2);
    case 3: return !memcmp(t->s, "and", 3) || !memcmp(t->s, "for", 3) ||
                   !memcmp(t->s, "the", 3);
    default: return 0;
    }
}

static int is_wordish(const ner_tok *t)
{
    unsigned char c = (unsigned char)t->s[0];
    return t->n && ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* sentence case profile: 0 normal, 1 all lower, 2 title/upper case */
void ner_case_profile(ner_tok *t, size_t n)
{
    size_t words = 0, caps = 0, upper = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_wordish(&t[i]))
            continue;
        words++;
        if (is_cap(&t[i])) {
            caps++;
            if (!has_lower(&t[i]))
                upper++;
        }
    }
    uint8_t prof = 0;
    if (words >= 3 && upper * 10 >= words * 8)
        prof = 3;
    else if (caps <= 1)
        prof = 1;
    else if (words >= 4 && caps * 10 >= words * 7)
        prof = 2;
    for (size_t i = 0; i < n; i++)
        t[i].prof = prof;
}

size_t ner_features(const ner_tok *t, size_t n, size_t i, uint64_t *out)
{
    size_t k = 0;
    char w[WMAX], sh[WMAX], ssh[WMAX], nb[WMAX];
    size_t wn = lower(&t[i], w);
    size_t shn = shape(&t[i], sh, 1);
    size_t sshn = shape(&t[i], ssh, 0);
    char pc = (char)('0' + t[i].prof);
    char first = i == 0 ? '1' : '0';

    out[k++] = fh(0, "", 0);
    out[k++] = fh(1, w, wn);
    out[k++] = fh(2, t[i].s, t[i].n < WMAX ? t[i].n : WMAX);
    out[k++] = fh(3, sh, shn);
    out[k++] = fh(4, ssh, sshn);
    for (size_t p = 1; p <= 4 && p <= wn; p++)
        out[k++] = fh(10 + (unsigned)p, w, p);
    for (size_t p = 1; p <= 4 && p <= wn; p++)
        out[k++] = fh(20 + (unsigned)p, w + wn - p, p);
    out[k++] = fh2(5, &pc, 1, ssh, sshn);
    out[k++] = fh2(6, &first, 1, ssh, sshn);
    out[k++] = fh2(7, &first, 1, w, wn);
    /* neighbours */
    for (int d = -2; d <= 2; d++) {
        if (!d)
            continue;
        long j = (long)i + d;
        unsigned base = 30 + (unsigned)(d + 2) * 4;
        if (j < 0 || j >= (long)n) {
            out[k++] = fh(base, "<>", 2);
            continue;
        }
        size_t m = lower(&t[j], nb);
        out[k++] = fh(base, nb, m);
        if (d == -1 || d == 1) {
            char s2[WMAX];
            size_t m2 = shape(&t[j], s2, 0);
            out[k++] = fh(base + 1, s2, m2);
            out[k++] = fh2(base + 2, nb, m, w, wn);
            out[k++] = fh2(base + 3, s2, m2, ssh, sshn);
            char g = (char)('a' + t[j].gaz);
            out[k++] = fh2(50 + (unsigned)(d + 1), &g, 1, ssh, sshn);
        }
    }
    /* gazetteer */
    char g = (char)('a' + t[i].gaz);
    out[k++] = fh(55, &g, 1);
    out[k++] = fh2(56, &g, 1, ssh, sshn);
    out[k++] = fh2(57, &g, 1, &pc, 1);
    /* the tagger's part of speech (0 = not tagged) */
    {
        char u[3] = {(char)('a' + t[i].upos), (char)('a' + (i > 0 ? t[i - 1].upos : 30)),
                     (char)('a' + (i + 1 < n ? t[i + 1].upos : 30))};
        out[k++] = fh(70, u, 1);
        out[k++] = fh2(71, u, 1, ssh, sshn);
        out[k++] = fh(72, u, 3);
        out[k++] = fh2(73, u, 1, w, wn);
    }
    /* left/right word pair */
    if (i > 0 && i + 1 < n) {
        char a[WMAX], b[WMAX];
        size_t an = lower(&t[i - 1], a), bn = lower(&t[i + 1], b);
        out[k++] = fh2(58, a, an, b, bn);
    }
    /* word table: how often the word is written in lower case elsewhere */
    {
        char lb = (char)('0' + (t[i].lcr & 7)), fb = (char)('0' + (t[i].lcr >> 3));
        char lf[3] = {lb, first, pc}, lfb[2] = {lb, fb};
        out[k++] = fh2(80, &lb, 1, ssh, sshn);
        out[k++] = fh(81, lf, 3);
        out[k++] = fh2(82, lfb, 2, ssh, sshn);
        char nl[3] = {i > 0 ? (char)('0' + (t[i - 1].lcr & 7)) : '<', lb,
                      i + 1 < n ? (char)('0' + (t[i + 1].lcr & 7)) : '>'};
        out[k++] = fh(83, nl, 2);
        out[k++] = fh(84, nl + 1, 2);
    }
    /* distributional clusters */
    {
        unsigned char c1[2] = {(unsigned char)t[i].c1, (unsigned char)(t[i].c1 >> 8)};
        out[k++] = fh(85, (const char *)c1, 2);
        out[k++] = fh2(86, (const char *)c1, 2, ssh, sshn);
        char cc[5];
        for (int d = -2; d <= 2; d++) {
            long j = (long)i + d;
            cc[d + 2] = j < 0 ? (char)250 : j >= (long)n ? (char)251 : (char)t[j].c0;
            out[k++] = fh(87 + (unsigned)(d + 2), &cc[d + 2], 1);
        }
        out[k++] = fh(92, cc + 1, 2);
        out[k++] = fh(93, cc + 2, 2);
        out[k++] = fh2(94, cc + 2, 1, ssh, sshn);
        for (int d = -1; d <= 1; d += 2) {
            long j = (long)i + d;
            uint16_t v = j < 0 ? 65534 : j >= (long)n ? 65535 : t[j].c1;
            unsigned char b2[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
            out[k++] = fh(95 + (unsigned)(d + 1), (const char *)b2, 2);
        }
    }
    /* places */
    {
        char g3[3] = {(char)('a' + t[i].geo), i > 0 ? (char)('a' + t[i - 1].geo) : '<',
                      i + 1 < n ? (char)('a' + t[i + 1].geo) : '>'};
        char lb = (char)('0' + (t[i].lcr & 7));
        out[k++] = fh(100, g3, 1);
        out[k++] = fh2(101, g3, 1, ssh, sshn);
        out[k++] = fh2(102, g3, 1, &lb, 1);
        out[k++] = fh(103, g3, 3);
    }
    /* given names and surnames of the dictionary's people */
    {
        char pn[3] = {(char)('0' + t[i].pers), i > 0 ? (char)('0' + t[i - 1].pers) : '<',
                      i + 1 < n ? (char)('0' + t[i + 1].pers) : '>'};
        out[k++] = fh2(106, pn, 1, ssh, sshn);
        out[k++] = fh(107, pn, 3);
    }
    /* runs of capitalised words: position and length */
    if (is_cap(&t[i])) {
        size_t b = i, e = i + 1;
        while (b > 0 && is_cap(&t[b - 1]))
            b--;
        while (e < n && is_cap(&t[e]))
            e++;
        char r[3] = {(char)('0' + (i - b < 3 ? i - b : 3)), (char)('0' + (e - i < 4 ? e - i : 4)),
                     (char)(b == 0 ? '1' : '0')};
        out[k++] = fh(104, r, 3);
        out[k++] = fh2(105, r, 2, ssh, sshn);
        /* the name's head and first word, across "of", "and", "&", "for",
         * "the" between capitalised words ("Housing Authority of New
         * Orleans"): "Inc", "University", "Street" type the whole name */
        size_t hb = b, he = e;
        while (hb >= 2 && is_connector(&t[hb - 1]) && is_cap(&t[hb - 2])) {
            hb -= 2;
            while (hb > 0 && is_cap(&t[hb - 1]))
                hb--;
        }
        while (he + 1 < n && is_connector(&t[he]) && is_cap(&t[he + 1])) {
            he += 2;
            while (he < n && is_cap(&t[he]))
                he++;
        }
        char hw[WMAX], fw[WMAX];
        size_t hn = lower(&t[he - 1], hw), fn = lower(&t[hb], fw);
        char pos = i + 1 == he ? 'L' : i == hb ? 'F' : 'M';
        out[k++] = fh2(108, &pos, 1, hw, hn);
        out[k++] = fh2(109, &pos, 1, fw, fn);
    }
    /* the words around and the shape of this one ("at Xxxx", "Xxxx Inc") */
    {
        char a[WMAX];
        size_t an = i > 0 ? lower(&t[i - 1], a) : 0;
        out[k++] = fh2(110, a, an, ssh, sshn);
        an = i + 1 < n ? lower(&t[i + 1], a) : 0;
        out[k++] = fh2(111, a, an, ssh, sshn);
    }
    if (wn >= 5) {
        out[k++] = fh(15, w, 5);
        out[k++] = fh(25, w + wn - 5, 5);
    }
    return k;
}

size_t ner_tag_features(const ner_tok *t, size_t n, size_t i, int p1, int p2,
                        uint64_t *out)
{
    size_t k = 0;
    char w[WMAX + 2], sh[WMAX];
    size_t wn = lower(&t[i], w);
    size_t shn = shape(&t[i], sh, 0);
    (void)p2;
    char a = (char)('A' + p1);
    out[k++] = fh(60, &a, 1);
    out[k++] = fh2(62, &a, 1, w, wn);
    out[k++] = fh2(63, &a, 1, sh, shn);
    char g = (char)('a' + t[i].gaz);
    out[k++] = fh2(64, &a, 1, &g, 1);
    return k;
}

int ner_allowed(int prev, int tag)
{
    if (tag == NER_I_PER || tag == NER_I_ORG || tag == NER_I_LOC)
        return prev == tag || prev == tag - 1;
    return 1;
}

int ner_tag_type(int tag)
{
    switch (tag) {
    case NER_B_PER: case NER_I_PER: return DYAD_ENT_PERSON;
    case NER_B_ORG: case NER_I_ORG: return DYAD_ENT_ORG;
    case NER_B_LOC: case NER_I_LOC: return DYAD_ENT_LOC;
    default: return 0;
    }
}

/* sc[c] += the rows of the features f (sc: NER_STRIDE floats) */
static void add_rows(const ner_wv *w, const uint64_t *f, size_t k, float *sc)
{
    uint64_t mask = ((uint64_t)1 << w->bits) - 1;
    if (w->f) {
        for (size_t j = 0; j < k; j++)
            __builtin_prefetch(w->f + (f[j] & mask) * NER_STRIDE);
        for (size_t j = 0; j < k; j++) {
            const float *row = w->f + (f[j] & mask) * NER_STRIDE;
            for (int c = 0; c < NER_STRIDE; c++)
                sc[c] += row[c];
        }
        return;
    }
    for (size_t j = 0; j < k; j++)
        __builtin_prefetch(w->q + (f[j] & mask) * NER_STRIDE);
    int32_t acc[NER_STRIDE] = {0};
    for (size_t j = 0; j < k; j++) {
        const int16_t *row = w->q + (f[j] & mask) * NER_STRIDE;
        for (int c = 0; c < NER_STRIDE; c++)
            acc[c] += row[c];
    }
    for (int c = 0; c < NER_STRIDE; c++)
        sc[c] += (float)acc[c] * w->scale;
}

/* Viterbi over the BIO tags: static features of each token plus the
 * features of the previous tag (ner_tag_features, first order); I-X only
 * after B-X or I-X. */
#define NER_VSTACK 256
size_t ner_domain(uint64_t *f, size_t k, unsigned dom)
{
    if (!dom)
        return k;
    uint64_t salt = mix(0x632be59bd9b4e019ull * (dom + 1));
    for (size_t j = 0; j < k; j++)
        f[k + j] = mix(f[j] ^ salt);
    return 2 * k;
}

void ner_decode(const ner_wv *w, const ner_tok *t, size_t n, uint8_t *tags)
{
    ner_decode_dom(w, t, n, tags, 0);
}

void ner_decode_dom(const ner_wv *w, const ner_tok *t, size_t n, uint8_t *tags,
                    unsigned dom)
{
    uint64_t f[2 * NER_MAX_FEATS];
    uint8_t bpst[NER_VSTACK * NER_NTAGS];
    uint8_t *bp = n <= NER_VSTACK ? bpst : malloc(n * NER_NTAGS);
    if (!bp) {
        for (size_t i = 0; i < n; i++)
            tags[i] = NER_O;
        return;
    }
    float delta[NER_NTAGS], nd[NER_NTAGS];
    for (size_t i = 0; i < n; i++) {
        float em[NER_STRIDE] = {0};
        size_t k = ner_domain(f, ner_features(t, n, i, f), dom);
        add_rows(w, f, k, em);
        int np = i ? NER_NTAGS : 1;
        for (int c = 0; c < NER_NTAGS; c++)
            nd[c] = -1e30f;
        for (int p = 0; p < np; p++) {
            int pt = i ? p : NER_NTAGS; /* start symbol */
            if (i && delta[p] <= -1e29f)
                continue;
            float sc[NER_STRIDE] = {0};
            size_t kt = ner_domain(f, ner_tag_features(t, n, i, pt, 0, f), dom);
            add_rows(w, f, kt, sc);
            float base = i ? delta[p] : 0;
            for (int c = 0; c < NER_NTAGS; c++) {
                if (!ner_allowed(i ? p : NER_O, c))
                    continue;
                float v = base + sc[c] + em[c];
                if (v > nd[c]) {
                    nd[c] = v;
                    bp[i * NER_NTAGS + (size_t)c] = (uint8_t)p;
                }
            }
        }
        memcpy(delta, nd, sizeof delta);
    }
    if (n) {
        int best = 0;
        for (int c = 1; c < NER_NTAGS; c++)
            if (delta[c] > delta[best])
                best = c;
        for (size_t i = n; i-- > 0;) {
            tags[i] = (uint8_t)best;
            best = bp[i * NER_NTAGS + (size_t)best];
        }
    }
    if (bp != bpst)
        free(bp);
}

static int gaz_class(int kind)
{
    switch (kind) {
    case DA_COUNTRY: return GZ_COUNTRY;
    case DA_ADJ: case DA_DEMONYM: return GZ_ADJ;
    case DA_CAPITAL: return GZ_CAPITAL;
    case DA_INSTITUTION: return GZ_INST;
    case DA_IGO: return GZ_IGO;
    case DA_GROUP: return GZ_GROUP;
    case DA_PERSON: return GZ_PERSON;
    case DA_AGENT: return GZ_AGENT;
    default: return GZ_NONE;
    }
}

void ner_gazetteer(const dyad_dict *d, dyad_arena *a, ner_tok *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        t[i].gaz = 0;
    if (!d || !a || !n)
        return;
    int32_t *ids = dyad_arena_alloc(a, n * sizeof *ids);
    if (!ids)
        return;
    for (size_t i = 0; i < n; i++) {
        size_t fl = 0;
        char *f = dyad_norm_fold(a, t[i].s, t[i].n, &fl);
        ids[i] = f ? dict_tok_id(d, f, fl) : -1;
    }
    size_t i = 0;
    while (i < n) {
        int32_t node = 0;
        size_t best_end = 0;
        int best_cls = 0;
        for (size_t j = i; j < n && ids[j] >= 0; j++) {
            node = dict_trie_child(d, node, ids[j]);
            if (node < 0)
                break;
            int32_t h = d->node_hit[node];
            if (h >= 0) {
                int cls = gaz_class(d->actors[d->hits[h].actor].kind);
                if (cls) {
                    best_end = j + 1;
                    best_cls = cls;
                }
            }
        }
        if (!best_end) {
            i++;
            continue;
        }
        for (size_t j = i; j < best_end; j++)
            t[j].gaz = (uint8_t)(best_cls * 2 + (j > i));
        i = best_end;
    }
}

const ner_entry *ner_table(const dyad_ner *m, uint32_t *tbits)
{
    if (tbits)
        *tbits = m ? m->tbits : 0;
    return m ? m->tab : NULL;
}

ner_wv ner_weights(const dyad_ner *m)
{
    ner_wv none = {0};
    return m ? m->w : none;
}

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

int dyad_ner_load(const char *dir, dyad_ner **out, dyad_error *err)
{
    if (!out)
        return dyad_error_set(err, DYAD_EUSAGE, NULL, -1, "out is NULL");
    *out = NULL;
    if (!dyad_host_is_le())
        return dyad_error_set(err, DYAD_EMODEL, NULL, -1,
                              "model files are little-endian; this host is not");
    char path[1024];
    const void *map;
    size_t map_len;
    int rc;
    if ((rc = dyad_model_path(dir, NER_MODEL_FILE, path, sizeof path, err)) ||
        (rc = dyad_map_file(path, "model", NER_HEADER, DYAD_EMODEL, &map, &map_len, err)))
        return rc;
    const unsigned char *p = map;
    uint32_t bits = rd32(p + 12), ntags = rd32(p + 16), tbits = rd32(p + 24);
    if (memcmp(p, NER_MAGIC, 8) != 0 || rd32(p + 8) != NER_VERSION ||
        ntags != NER_NTAGS || bits < 8 || bits > 26 || tbits > 26 ||
        map_len != NER_HEADER + ((size_t)1 << bits) * NER_STRIDE * 2 +
                                  (tbits ? ((size_t)1 << tbits) * sizeof(ner_entry) : 0)) {
        dyad_unmap(map, map_len);
        return dyad_error_set(err, DYAD_EMODEL, path, -1,
                              "not a dyad NER model of version %u", NER_VERSION);
    }
    dyad_ner *m = calloc(1, sizeof *m);
    if (!m) {
        dyad_unmap(map, map_len);
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    }
    m->map = map;
    m->map_len = map_len;
    uint32_t sb = rd32(p + 28);
    m->w.q = (const int16_t *)(p + NER_HEADER);
    memcpy(&m->w.scale, &sb, 4);
    m->w.bits = bits;
    m->flags = rd32(p + 20);
    m->tbits = tbits;
    m->tab = tbits ? (const ner_entry *)(p + NER_HEADER + ((size_t)1 << bits) * NER_STRIDE * 2)
                   : NULL;
    *out = m;
    return DYAD_OK;
}

void dyad_ner_free(dyad_ner *m)
{
    if (!m)
        return;
    dyad_unmap(m->map, m->map_len);
    free(m);
}

int dyad_ner_tag(const dyad_ner *m, const dyad_dict *d, dyad_arena *a,
                 const char *const *forms, const uint32_t *lens,
                 const uint8_t *upos, size_t n, uint8_t *types, uint8_t *begins,
                 dyad_error *err)
{
    if (!m || !a || (n && (!forms || !lens || !types || !begins)))
        return dyad_error_set(err, DYAD_EUSAGE, NULL, -1, "dyad_ner_tag: bad arguments");
    if (!n)
        return DYAD_OK;
    ner_tok *t = dyad_arena_alloc(a, n * sizeof *t);
    uint8_t *tags = dyad_arena_alloc(a, n);
    if (!t || !tags)
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    for (size_t i = 0; i < n; i++) {
        t[i].s = forms[i];
        t[i].n = lens[i];
        t[i].gaz = 0;
        t[i].upos = upos && (m->flags & NER_F_UPOS) ? upos[i] : 0;
    }
    ner_gazetteer(d, a, t, n);
    ner_case_profile(t, n);
    ner_table_marks(m->tab, m->tbits, t, n);
    ner_decode(&m->w, t, n, tags);
    for (size_t i = 0; i < n; i++) {
        int ty = ner_tag_type(tags[i]);
        types[i] = (uint8_t)ty;
        begins[i] = (uint8_t)(ty && (i == 0 || tags[i] == NER_B_PER ||
                                     tags[i] == NER_B_ORG || tags[i] == NER_B_LOC ||
                                     ner_tag_type(tags[i - 1]) != ty));
    }
    return DYAD_OK;
}
