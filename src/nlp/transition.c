/* transition.c — the arc-eager transition system (Nivre 2003) with one
 * labelled arc per transition, and the parser's feature templates (after
 * Zhang & Nivre 2011: stack/buffer words and tags, heads, left/rightmost
 * children and their labels, distance, valency, label sets).
 *
 * Word 0 is the artificial root at the bottom of the stack.  It may take
 * exactly one dependent (label "root"), so every sentence gets one root. */
#include "nlp/nlp_impl.h"

#include <string.h>

size_t nlp_pstate_size(int n)
{
    size_t m = (size_t)n + 2;
    return m * (sizeof(int) * 7 + sizeof(uint8_t) * 2 + sizeof(uint64_t) * 2) + 64;
}

void nlp_pstate_init(nlp_pstate *st, int n, void *mem)
{
    size_t m = (size_t)n + 2;
    uint64_t *q = mem;
    st->lset = q; q += m;
    st->rset = q; q += m;
    int *p = (int *)q;
    st->stack = p; p += m;
    st->head = p; p += m;
    st->label = p; p += m;
    st->l1 = p; p += m;
    st->l2 = p; p += m;
    st->r1 = p; p += m;
    st->r2 = p; p += m;
    uint8_t *u = (uint8_t *)p;
    st->nl = u; u += m;
    st->nr = u;
    st->n = n;
    for (size_t i = 0; i < m; i++) {
        st->head[i] = st->label[i] = -1;
        st->l1[i] = st->l2[i] = st->r1[i] = st->r2[i] = -1;
        st->nl[i] = st->nr[i] = 0;
        st->lset[i] = st->rset[i] = 0;
    }
    st->stack[0] = 0;
    st->sp = 1;
    st->b = 1;
    st->root_child = -1;
}

int nlp_pstate_legal(const nlp_pstate *st, int t, int root_label)
{
    int s = st->stack[st->sp - 1];
    if (st->b > st->n)
        return 0;
    if (t == NLP_T_SHIFT)
        return 1;
    if (t == NLP_T_REDUCE)
        return s != 0 && st->head[s] >= 0;
    int l = (t - 2) >> 1;
    if ((t & 1) == 0) /* LEFT */
        return s != 0 && st->head[s] < 0 && l != root_label;
    if (s == 0)
        return l == root_label && st->root_child < 0;
    return l != root_label;
}

static void add_arc(nlp_pstate *st, int h, int d, int l)
{
    st->head[d] = h;
    st->label[d] = l;
    if (h == 0)
        st->root_child = d;
    if (d < h) {
        if (st->l1[h] < 0 || d < st->l1[h]) {
            st->l2[h] = st->l1[h];
            st->l1[h] = d;
        } else if (st->l2[h] < 0 || d < st->l2[h]) {
            st->l2[h] = d;
        }
        if (st->nl[h] < 255) st->nl[h]++;
        st->lset[h] |= 1ull << (l & 63);
    } else {
        if (st->r1[h] < 0 || d > st->r1[h]) {
            st->r2[h] = st->r1[h];
            st->r1[h] = d;
        } else if (st->r2[h] < 0 || d > st->r2[h]) {
            st->r2[h] = d;
        }
        if (st->nr[h] < 255) st->nr[h]++;
        st->rset[h] |= 1ull << (l & 63);
    }
}

void nlp_pstate_apply(nlp_pstate *st, int t)
{
    int s = st->stack[st->sp - 1];
    if (t == NLP_T_SHIFT) {
        st->stack[st->sp++] = st->b++;
    } else if (t == NLP_T_REDUCE) {
        st->sp--;
    } else if ((t & 1) == 0) {
        add_arc(st, st->b, s, (t - 2) >> 1);
        st->sp--;
    } else {
        add_arc(st, s, st->b, (t - 3) >> 1);
        st->stack[st->sp++] = st->b++;
    }
}

void nlp_pstate_finish(nlp_pstate *st, int root_label, int dep_label,
                       int punct_label, const int *is_punct)
{
    /* Headless words: the first non-punctuation one becomes the root when
     * there is none; the others attach to the root word. */
    if (st->root_child < 0) {
        for (int i = 1; i <= st->n; i++)
            if (st->head[i] < 0 && !(is_punct && is_punct[i])) {
                add_arc(st, 0, i, root_label);
                break;
            }
        for (int i = 1; st->root_child < 0 && i <= st->n; i++)
            if (st->head[i] < 0)
                add_arc(st, 0, i, root_label);
    }
    for (int i = 1; i <= st->n; i++)
        if (st->head[i] < 0)
            add_arc(st, st->root_child, i,
                    is_punct && is_punct[i] ? punct_label : dep_label);
}

/* ---- features */

#define K1(id, a) keys[k++] = nlp_key_fix(nlp_mix((uint64_t)(id) * 0x2000023u, (uint64_t)(a)))
#define K2(id, a, b) keys[k++] = nlp_key_fix(nlp_mix(nlp_mix((uint64_t)(id) * 0x2000023u, (uint64_t)(a)), (uint64_t)(b)))
#define K3(id, a, b, c) keys[k++] = nlp_key_fix(nlp_mix(nlp_mix(nlp_mix((uint64_t)(id) * 0x2000023u, (uint64_t)(a)), (uint64_t)(b)), (uint64_t)(c)))
#define K4(id, a, b, c, d) keys[k++] = nlp_key_fix(nlp_mix(nlp_mix(nlp_mix(nlp_mix((uint64_t)(id) * 0x2000023u, (uint64_t)(a)), (uint64_t)(b)), (uint64_t)(c)), (uint64_t)(d)))

size_t nlp_par_features(const nlp_pstate *st, const uint64_t *wk,
                        const int *tk, uint64_t *keys)
{
    /* Positions: -1 = absent.  Word/tag of an absent position: NONE values. */
    const uint64_t NOW = 3; /* "no word" */
    const int NOT = 1000;   /* "no tag" */
    int n = st->n;
    int s0 = st->sp >= 1 ? st->stack[st->sp - 1] : -1;
    int s1 = st->sp >= 2 ? st->stack[st->sp - 2] : -1;
    int n0 = st->b <= n ? st->b : -1;
    int n1 = st->b + 1 <= n ? st->b + 1 : -1;
    int n2 = st->b + 2 <= n ? st->b + 2 : -1;
    int s0h = s0 > 0 ? st->head[s0] : -1;
    int s0h2 = s0h > 0 ? st->head[s0h] : -1;
    int s0l = s0 >= 0 ? st->l1[s0] : -1, s0l2 = s0 >= 0 ? st->l2[s0] : -1;
    int s0r = s0 >= 0 ? st->r1[s0] : -1, s0r2 = s0 >= 0 ? st->r2[s0] : -1;
    int n0l = n0 >= 0 ? st->l1[n0] : -1, n0l2 = n0 >= 0 ? st->l2[n0] : -1;
#define W(x) ((x) >= 0 ? wk[x] : NOW)
#define T(x) ((x) >= 0 ? tk[x] : NOT)
#define L(x) ((x) >= 0 ? st->label[x] + 1 : 0)
    uint64_t s0w = W(s0), n0w = W(n0), n1w = W(n1), n2w = W(n2);
    int s0p = T(s0), n0p = T(n0), n1p = T(n1), n2p = T(n2);
    int dist = (s0 >= 0 && n0 >= 0) ? n0 - s0 : 0;
    if (dist > 5) dist = dist > 10 ? 7 : 6;
    size_t k = 0;
    K1(1, 0);
    /* single words */
    K2(2, s0w, s0p); K1(3, s0w); K1(4, s0p);
    K2(5, n0w, n0p); K1(6, n0w); K1(7, n0p);
    K2(8, n1w, n1p); K1(9, n1w); K1(10, n1p);
    K2(11, n2w, n2p); K1(12, n2w); K1(13, n2p);
    /* pairs */
    K4(14, s0w, s0p, n0w, n0p); K3(15, s0w, s0p, n0w); K3(16, s0w, n0w, n0p);
    K3(17, s0w, s0p, n0p); K3(18, s0p, n0w, n0p); K2(19, s0w, n0w);
    K2(20, s0p, n0p); K2(21, n0p, n1p);
    /* triples of tags */
    K3(22, n0p, n1p, n2p); K3(23, s0p, n0p, n1p);
    K3(24, T(s0h), s0p, n0p); K3(25, s0p, T(s0l), n0p);
    K3(26, s0p, T(s0r), n0p); K3(27, s0p, n0p, T(n0l));
    /* distance */
    K2(28, s0w, dist); K2(29, s0p, dist); K2(30, n0w, dist); K2(31, n0p, dist);
    K3(32, s0w, n0w, dist); K3(33, s0p, n0p, dist);
    /* valency */
    int s0vl = s0 >= 0 ? st->nl[s0] : 0, s0vr = s0 >= 0 ? st->nr[s0] : 0;
    int n0vl = n0 >= 0 ? st->nl[n0] : 0;
    K2(34, s0w, s0vr); K2(35, s0p, s0vr); K2(36, s0w, s0vl); K2(37, s0p, s0vl);
    K2(38, n0w, n0vl); K2(39, n0p, n0vl);
    /* unigrams of the second order */
    K1(40, W(s0h)); K1(41, T(s0h)); K1(42, L(s0));
    K1(43, W(s0l)); K1(44, T(s0l)); K1(45, L(s0l));
    K1(46, W(s0r)); K1(47, T(s0r)); K1(48, L(s0r));
    K1(49, W(n0l)); K1(50, T(n0l)); K1(51, L(n0l));
    /* third order */
    K1(52, W(s0h2)); K1(53, T(s0h2)); K1(54, L(s0h));
    K1(55, W(s0l2)); K1(56, T(s0l2)); K1(57, L(s0l2));
    K1(58, W(s0r2)); K1(59, T(s0r2)); K1(60, L(s0r2));
    K1(61, W(n0l2)); K1(62, T(n0l2)); K1(63, L(n0l2));
    K3(64, s0p, T(s0l), T(s0l2)); K3(65, s0p, T(s0r), T(s0r2));
    K3(66, s0p, T(s0h), T(s0h2)); K3(67, n0p, T(n0l), T(n0l2));
    /* label sets */
    uint64_t s0sl = s0 >= 0 ? st->lset[s0] : 0, s0sr = s0 >= 0 ? st->rset[s0] : 0;
    uint64_t n0sl = n0 >= 0 ? st->lset[n0] : 0;
    K2(68, s0w, s0sr); K2(69, s0p, s0sr); K2(70, s0w, s0sl); K2(71, s0p, s0sl);
    K2(72, n0w, n0sl); K2(73, n0p, n0sl);
    /* the second stack word */
    K2(74, W(s1), T(s1)); K1(75, T(s1)); K3(76, T(s1), s0p, n0p);
    K3(77, T(s1), L(s0), s0p);
    /* root-related: whether the root already has its dependent */
    K3(78, st->root_child >= 0, s0 == 0, n0p);
    K2(79, s0h == 0, s0p);
    K4(80, s0p, L(s0l), L(s0r), n0p);
    K3(81, s0p, n0p, L(s0));
    K3(82, W(s0r), s0p, n0p);
    K3(83, s0w, n0p, n1p);
    K3(84, n0w, n0p, n1p);
#undef W
#undef T
#undef L
    return k;
}
