/* features.c — hashing, hashed tables and the tagger's features: the part of
 * the nlp stage that training and inference must compute identically. */
#include "nlp/nlp_impl.h"

#include <string.h>
#if defined(__SSE__)
#include <xmmintrin.h>
#endif

uint64_t nlp_hash_str(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return nlp_mix(h, n);
}

const nlp_slot *nlp_ktab_find(const nlp_ktab *t, uint64_t key)
{
    if (!t->slots)
        return NULL;
    uint32_t i = (uint32_t)(key ^ (key >> 32)) & t->mask;
    for (uint32_t probe = 0; probe <= t->mask; probe++) {
        const nlp_slot *s = &t->slots[i];
        if (s->key == key)
            return s;
        if (s->key == 0)
            return NULL;
        i = (i + 1) & t->mask;
    }
    return NULL;
}

/* Dense rows: scores[c] += row[c], element by element (so the result is
 * the same whatever the vector width).  Wider vectors where the CPU has
 * them, chosen at run time; SSE (or plain C) otherwise. */
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__)) && \
    !defined(DYAD_NO_AVX)
#define NLP_HAVE_AVX 1
#include <immintrin.h>
__attribute__((target("avx2")))
static void add_row_avx2(float *scores, const float *row, uint32_t n_cls)
{
    uint32_t c = 0;
    for (; c + 8 <= n_cls; c += 8)
        _mm256_storeu_ps(scores + c, _mm256_add_ps(_mm256_loadu_ps(scores + c),
                                                   _mm256_loadu_ps(row + c)));
    for (; c < n_cls; c++)
        scores[c] += row[c];
}
#endif

static void add_row(float *scores, const float *row, uint32_t n_cls)
{
    uint32_t c = 0;
#if defined(__SSE__)
    for (; c + 4 <= n_cls; c += 4)
        _mm_storeu_ps(scores + c, _mm_add_ps(_mm_loadu_ps(scores + c),
                                             _mm_loadu_ps(row + c)));
#endif
    for (; c < n_cls; c++)
        scores[c] += row[c];
}

static inline void prefetch_run(const void *p, uint32_t bytes)
{
#if defined(__GNUC__)
    const char *c = p;
    uintptr_t a = (uintptr_t)c & ~(uintptr_t)63;
    uintptr_t e = (uintptr_t)c + bytes;
    for (; a < e; a += 64)
        __builtin_prefetch((const void *)a);
#else
    (void)p; (void)bytes;
#endif
}

/* Three passes so that the cache misses of one feature overlap those of
 * the others: prefetch the slots, find them and prefetch their weights
 * (every cache line of the run), then add.  scores must have 256 entries
 * (any 8-bit class index); runs reaching past the weights and endless
 * probing (a corrupt file) are cut short here, so loading need not scan
 * the tables. */
void nlp_perc_score(const nlp_perc *p, const uint64_t *keys, size_t nk,
                    float *scores)
{
    const nlp_pslot *sl = p->slots;
    uint32_t n_slots = p->n_slots, found[256];
    size_t nf = 0;
    if (!sl)
        return;
#if defined(__GNUC__)
    for (size_t k = 0; k < nk; k++)
        __builtin_prefetch(&sl[nlp_pslot_home(keys[k], n_slots)]);
#endif
    uint32_t n_cls = p->n_cls;
    for (size_t k = 0; k < nk && nf < 256; k++) {
        uint32_t check = nlp_pslot_check(keys[k]);
        uint32_t i = nlp_pslot_home(keys[k], n_slots);
        for (uint32_t probe = 0; probe < n_slots; probe++) {
            uint32_t c = sl[i].check;
            if (c == check) {
                uint32_t v = sl[i].val;
                uint32_t len = (v & 0xffu) == NLP_DENSE_MARK ? n_cls : (v & 0xffu) + 1;
                if ((uint64_t)(v >> 8) + len <= p->n_w) {
                    found[nf++] = v;
                    prefetch_run(&p->w[v >> 8], len * (uint32_t)sizeof(nlp_weight));
                }
                break;
            }
            if (c == 0)
                break;
            if (++i == n_slots)
                i = 0;
        }
    }
#if defined(NLP_HAVE_AVX)
    int avx2 = __builtin_cpu_supports("avx2");
#endif
    for (size_t j = 0; j < nf; j++) {
        if ((found[j] & 0xffu) == NLP_DENSE_MARK) {
            const float *row = p->wf + (found[j] >> 8);
#if defined(NLP_HAVE_AVX)
            if (avx2) {
                add_row_avx2(scores, row, n_cls);
                continue;
            }
#endif
            add_row(scores, row, n_cls);
            continue;
        }
        const nlp_weight *w = p->w + (found[j] >> 8);
        uint32_t n = (found[j] & 0xffu) + 1;
        for (uint32_t e = 0; e < n; e++)
            scores[nlp_weight_cls(w[e])] += nlp_weight_val(w[e]);
    }
}

void nlp_perc_score_memo(const nlp_perc *p, const uint64_t *keys, size_t nk,
                         nlp_perc_memo *mm, float *scores)
{
    const nlp_pslot *sl = p->slots;
    uint32_t n_slots = p->n_slots, n_cls = p->n_cls;
    uint8_t todo[NLP_MEMO_MAX];
    if (!sl)
        return;
    if (nk > NLP_MEMO_MAX) {
        mm->n = 0;
        nlp_perc_score(p, keys, nk, scores);
        return;
    }
    size_t old = mm->n;
    for (size_t k = 0; k < nk; k++) {
        todo[k] = !(k < old && mm->key[k] == keys[k]);
#if defined(__GNUC__)
        if (todo[k])
            __builtin_prefetch(&sl[nlp_pslot_home(keys[k], n_slots)]);
#endif
    }
    for (size_t k = 0; k < nk; k++) {
        if (!todo[k])
            continue;
        uint32_t check = nlp_pslot_check(keys[k]);
        uint32_t i = nlp_pslot_home(keys[k], n_slots);
        mm->key[k] = keys[k];
        mm->st[k] = 2;
        for (uint32_t probe = 0; probe < n_slots; probe++) {
            uint32_t c = sl[i].check;
            if (c == check) {
                uint32_t v = sl[i].val;
                uint32_t len = (v & 0xffu) == NLP_DENSE_MARK ? n_cls : (v & 0xffu) + 1;
                if ((uint64_t)(v >> 8) + len <= p->n_w) {
                    mm->val[k] = v;
                    mm->st[k] = 1;
                    prefetch_run(&p->w[v >> 8], len * (uint32_t)sizeof(nlp_weight));
                }
                break;
            }
            if (c == 0)
                break;
            if (++i == n_slots)
                i = 0;
        }
    }
    mm->n = nk;
#if defined(NLP_HAVE_AVX)
    int avx2 = __builtin_cpu_supports("avx2");
#endif
    for (size_t k = 0; k < nk; k++) {
        if (mm->st[k] != 1)
            continue;
        uint32_t v = mm->val[k];
        if ((v & 0xffu) == NLP_DENSE_MARK) {
            const float *row = p->wf + (v >> 8);
#if defined(NLP_HAVE_AVX)
            if (avx2) {
                add_row_avx2(scores, row, n_cls);
                continue;
            }
#endif
            add_row(scores, row, n_cls);
            continue;
        }
        const nlp_weight *w = p->w + (v >> 8);
        uint32_t n = (v & 0xffu) + 1;
        for (uint32_t e = 0; e < n; e++)
            scores[nlp_weight_cls(w[e])] += nlp_weight_val(w[e]);
    }
}

uint64_t nlp_lex_key(int kind, int tag, const char *s, size_t n)
{
    return nlp_key_fix(nlp_mix(nlp_mix(nlp_hash_str(s, n), (uint64_t)kind),
                               (uint64_t)tag + 7));
}

/* Word shape: X upper, x lower, d digit, other bytes kept; runs longer than
 * two collapsed ("Xxxxx" -> "Xxx", "1990s" -> "dddx"), at most 12 bytes. */
static uint64_t shape_hash(const char *s, size_t n)
{
    char out[16];
    size_t k = 0;
    char prev = 0;
    int run = 0;
    for (size_t i = 0; i < n && k < 12; i++) {
        unsigned char c = (unsigned char)s[i];
        char m;
        if (c >= 'A' && c <= 'Z') m = 'X';
        else if (c >= 'a' && c <= 'z') m = 'x';
        else if (c >= '0' && c <= '9') m = 'd';
        else if (c >= 0x80) m = 'u';
        else m = (char)c;
        if (m == prev) {
            if (++run > 2)
                continue;
        } else {
            run = 1;
            prev = m;
        }
        out[k++] = m;
    }
    return nlp_hash_str(out, k);
}

/* Start of the i-th from last UTF-8 character (so suffixes never split one). */
static size_t utf8_suffix_start(const char *s, size_t n, int chars)
{
    size_t i = n;
    while (chars > 0 && i > 0) {
        i--;
        while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
            i--;
        chars--;
    }
    return chars > 0 ? (size_t)-1 : i;
}

static size_t utf8_prefix_end(const char *s, size_t n, int chars)
{
    size_t i = 0;
    while (chars > 0 && i < n) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        chars--;
    }
    return chars > 0 ? (size_t)-1 : i;
}

void nlp_tok_init(nlp_tok *t, const char *form, size_t n, char *buf)
{
    uint32_t fl = 0;
    int upper = 0, lower = 0, alnum = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)form[i];
        if (c >= 'A' && c <= 'Z') { upper++; buf[i] = (char)(c + 32); }
        else buf[i] = (char)c;
        if (c >= 'a' && c <= 'z') lower++;
        if (c >= '0' && c <= '9') fl |= NLP_F_DIGIT;
        if (c == '-') fl |= NLP_F_HYPHEN;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
            (c >= '0' && c <= '9') || c >= 0x80)
            alnum++;
    }
    buf[n] = 0;
    if (n && form[0] >= 'A' && form[0] <= 'Z') fl |= NLP_F_CAP;
    if (upper && !lower) fl |= NLP_F_ALLCAP;
    if (!alnum) fl |= NLP_F_PUNCT;
    t->flags = fl;
    t->amb = 0;
    t->form = nlp_hash_str(form, n);
    t->lower = nlp_hash_str(buf, n);
    t->shape = shape_hash(form, n);
    for (int k = 0; k < 4; k++) {
        size_t s = utf8_suffix_start(buf, n, k + 1);
        t->suf[k] = s == (size_t)-1 ? 0 : nlp_hash_str(buf + s, n - s);
    }
    for (int k = 0; k < 3; k++) {
        size_t e = utf8_prefix_end(buf, n, k + 1);
        t->pre[k] = e == (size_t)-1 ? 0 : nlp_hash_str(buf, e);
    }
}

#define F1(id, a) keys[k++] = nlp_key_fix(nlp_mix((uint64_t)(id) * 0x1000193u, (a)))
#define F2(id, a, b) keys[k++] = nlp_key_fix(nlp_mix(nlp_mix((uint64_t)(id) * 0x1000193u, (a)), (b)))
#define F3(id, a, b, c) keys[k++] = nlp_key_fix(nlp_mix(nlp_mix(nlp_mix((uint64_t)(id) * 0x1000193u, (a)), (b)), (c)))

size_t nlp_tag_features(const nlp_tok *toks, size_t n, size_t i,
                        const int *tags, uint64_t *keys)
{
    static const nlp_tok pad_l = { 11, 11, 11, {11, 11, 11, 11}, {11, 11, 11}, 0, 11 };
    static const nlp_tok pad_r = { 13, 13, 13, {13, 13, 13, 13}, {13, 13, 13}, 0, 13 };
    const nlp_tok *w = &toks[i];
    const nlp_tok *p1 = i >= 1 ? &toks[i - 1] : &pad_l;
    const nlp_tok *p2 = i >= 2 ? &toks[i - 2] : &pad_l;
    const nlp_tok *n1 = i + 1 < n ? &toks[i + 1] : &pad_r;
    const nlp_tok *n2 = i + 2 < n ? &toks[i + 2] : &pad_r;
    uint64_t t1 = i >= 1 ? (uint64_t)tags[i - 1] : 0;
    uint64_t t2 = i >= 2 ? (uint64_t)tags[i - 2] : 0;
    size_t k = 0;
    F1(1, 0);
    F1(2, w->lower);
    F1(3, w->form);
    for (int s = 0; s < 4; s++)
        if (w->suf[s]) F1(4 + s, w->suf[s]);
    for (int s = 0; s < 3; s++)
        if (w->pre[s]) F1(8 + s, w->pre[s]);
    F1(11, w->shape);
    F2(12, w->flags, i == 0);
    F1(13, p1->lower);
    F1(14, p2->lower);
    F1(15, n1->lower);
    F1(16, n2->lower);
    F1(17, p1->suf[2]);
    F1(18, n1->suf[2]);
    F1(19, n1->shape);
    F1(20, p1->shape);
    F1(21, t1);
    F1(22, t2);
    F2(23, t1, t2);
    F2(24, t1, w->lower);
    F2(25, p1->lower, w->lower);
    F2(26, w->lower, n1->lower);
    F2(27, t1, n1->lower);
    F2(28, t1, w->suf[2]);
    F1(29, n1->suf[1]);
    F2(30, n1->lower, n2->lower);
    F2(31, p2->lower, p1->lower);
    F2(32, w->suf[2], n1->suf[2]);
    F2(33, t1, w->shape);
    F1(34, n2->suf[2]);
    F1(35, w->amb);
    F2(36, w->amb, t1);
    F1(37, n1->amb);
    F1(38, p1->amb);
    F2(39, w->amb, n1->amb);
    F3(40, w->amb, n1->amb, t1);
    return k;
}
