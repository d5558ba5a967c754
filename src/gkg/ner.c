/* ner.c — the named-entity tagger at run time: hashed features (shared with
 * the trainer through ner.h), dictionary gazetteer marks, greedy decoding
 * with previous-tag features, and the mmap'd model file. */
#include "gkg/ner.h"
#include "dict/dict.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

struct dyad_ner {
    void *map;
    size_t map_len;
    const float *w;
    uint32_t bits;
    uint32_t flags;
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

#define WMAX 48

static size_t lower(const ner_tok *t, char *buf)
{
    size_t n = t->n < WMAX ? t->n : WMAX;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t->s[i];
        buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return n;
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
    return k;
}

size_t ner_tag_features(const ner_tok *t, size_t n, size_t i, int p1, int p2,
                        uint64_t *out)
{
    size_t k = 0;
    char w[WMAX + 2], sh[WMAX];
    size_t wn = lower(&t[i], w);
    size_t shn = shape(&t[i], sh, 0);
    char a = (char)('A' + p1), b = (char)('A' + p2);
    char ab[2] = {a, b};
    out[k++] = fh(60, &a, 1);
    out[k++] = fh(61, ab, 2);
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

void ner_decode(const float *w, uint32_t bits, const ner_tok *t, size_t n,
                uint8_t *tags)
{
    uint64_t f[NER_MAX_FEATS];
    uint64_t mask = ((uint64_t)1 << bits) - 1;
    int p1 = NER_NTAGS, p2 = NER_NTAGS; /* start symbols */
    for (size_t i = 0; i < n; i++) {
        float sc[NER_STRIDE] = {0};
        size_t k = ner_features(t, n, i, f);
        k += ner_tag_features(t, n, i, p1, p2, f + k);
        for (size_t j = 0; j < k; j++)
            __builtin_prefetch(w + (f[j] & mask) * NER_STRIDE);
        for (size_t j = 0; j < k; j++) {
            const float *row = w + (f[j] & mask) * NER_STRIDE;
            for (int c = 0; c < NER_STRIDE; c++)
                sc[c] += row[c];
        }
        int best = NER_O;
        float bs = -1e30f;
        for (int c = 0; c < NER_NTAGS; c++)
            if (ner_allowed(p1 == NER_NTAGS ? NER_O : p1, c) && sc[c] > bs) {
                bs = sc[c];
                best = c;
            }
        tags[i] = (uint8_t)best;
        p2 = p1;
        p1 = best;
    }
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

const float *ner_weights(const dyad_ner *m, uint32_t *bits)
{
    if (bits)
        *bits = m ? m->bits : 0;
    return m ? m->w : NULL;
}

static int host_le(void)
{
    uint16_t x = 1;
    unsigned char c;
    memcpy(&c, &x, 1);
    return c == 1;
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
    if (!host_le())
        return dyad_error_set(err, DYAD_EMODEL, NULL, -1,
                              "model files are little-endian; this host is not");
    if (!dir)
        dir = getenv("DYAD_MODELS");
#ifdef DYAD_MODELS_DIR
    if (!dir || !*dir)
        dir = DYAD_MODELS_DIR;
#endif
    if (!dir || !*dir)
        dir = "models";
    char path[1024];
    int pn = snprintf(path, sizeof path, "%s/%s", dir, NER_MODEL_FILE);
    if (pn < 0 || (size_t)pn >= sizeof path)
        return dyad_error_set(err, DYAD_EUSAGE, NULL, -1, "model path too long");
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return dyad_error_set(err, DYAD_EMODEL, path, -1, "cannot open model %s: %s",
                              NER_MODEL_FILE, strerror(errno));
    struct stat sb;
    if (fstat(fd, &sb) || sb.st_size < (off_t)NER_HEADER) {
        close(fd);
        return dyad_error_set(err, DYAD_EMODEL, path, -1, "model file too short");
    }
    void *map = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_SHARED, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
        return dyad_error_set(err, DYAD_EMODEL, path, -1, "cannot map model: %s",
                              strerror(errno));
    const unsigned char *p = map;
    uint32_t bits = rd32(p + 12), ntags = rd32(p + 16);
    if (memcmp(p, NER_MAGIC, 8) != 0 || rd32(p + 8) != NER_VERSION ||
        ntags != NER_NTAGS || bits < 8 || bits > 26 ||
        (size_t)sb.st_size != NER_HEADER + ((size_t)1 << bits) * NER_STRIDE * 4) {
        munmap(map, (size_t)sb.st_size);
        return dyad_error_set(err, DYAD_EMODEL, path, -1,
                              "not a dyad NER model of version %u", NER_VERSION);
    }
    dyad_ner *m = calloc(1, sizeof *m);
    if (!m) {
        munmap(map, (size_t)sb.st_size);
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    }
    m->map = map;
    m->map_len = (size_t)sb.st_size;
    m->w = (const float *)(p + NER_HEADER);
    m->bits = bits;
    m->flags = rd32(p + 20);
    *out = m;
    return DYAD_OK;
}

void dyad_ner_free(dyad_ner *m)
{
    if (!m)
        return;
    munmap(m->map, m->map_len);
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
    ner_decode(m->w, m->bits, t, n, tags);
    for (size_t i = 0; i < n; i++) {
        int ty = ner_tag_type(tags[i]);
        types[i] = (uint8_t)ty;
        begins[i] = (uint8_t)(ty && (i == 0 || tags[i] == NER_B_PER ||
                                     tags[i] == NER_B_ORG || tags[i] == NER_B_LOC ||
                                     ner_tag_type(tags[i - 1]) != ty));
    }
    return DYAD_OK;
}
