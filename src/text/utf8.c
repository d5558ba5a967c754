/* utf8.c — strict UTF-8 validation and repair of raw input.
 *
 * Everything downstream (tokenizer, normaliser, JSON writer) may assume valid
 * UTF-8 without NUL bytes once a text went through dyad_utf8_repair.  Invalid
 * sequences follow the Unicode "maximal subpart" practice: a truncated but
 * otherwise well-formed prefix becomes one U+FFFD, any other bad byte one
 * U+FFFD each.  Two passes: the first validates (and finds the output size),
 * the second only runs when something must change, so clean text costs a
 * validation scan plus a memcpy. */
#include "dyad.h"

#include <string.h>

/* 1 when the 8 bytes of x are ASCII with no control other than \t \n \r
 * (those need no change, and news text has a newline every line). */
static int word_is_plain(uint64_t x)
{
    const uint64_t hi = 0x8080808080808080ull;
    const uint64_t ones = 0x0101010101010101ull;
    if (x & hi)
        return 0;
    /* any byte < 0x20?  (x - 0x20 per byte borrows into the high bit) */
    if (((x - ones * 0x20u) & ~x & hi) == 0)
        return 1;
    for (int k = 0; k < 8; k++, x >>= 8) {
        unsigned c = (unsigned)(x & 0xFF);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            return 0;
    }
    return 1;
}

/* Length of the well-formed sequence at s[0..n) (1..4), or 0 when it is
 * invalid; *bad_len gets how many bytes the one U+FFFD replaces. */
static int seq_len(const unsigned char *s, size_t n, size_t *bad_len)
{
    unsigned c = s[0];
    unsigned lo = 0x80, hi = 0xBF;
    int need;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;       /* overlong */
        else if (c == 0xED) hi = 0x9F;  /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;       /* overlong */
        else if (c == 0xF4) hi = 0x8F;  /* > U+10FFFF */
    } else {
        *bad_len = 1;
        return 0;
    }
    size_t k = 1;
    for (int i = 0; i < need; i++, k++) {
        if (k >= n || s[k] < lo || s[k] > hi) {
            *bad_len = k;
            return 0;
        }
        lo = 0x80;
        hi = 0xBF;
    }
    return need + 1;
}

/* Pass over s: returns the output length; *changes = number of bytes or
 * sequences to rewrite (0 = copy as is); *bad = invalid sequences + NULs. */
static size_t scan(const unsigned char *s, size_t n, size_t *changes,
                   size_t *bad, unsigned char *out)
{
    size_t i = 0, o = 0, ch = 0, nb = 0;
    while (i < n) {
        /* ASCII fast path: 8 clean bytes at a time */
        while (i + 8 <= n) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            if (!word_is_plain(x))
                break;
            if (out)
                memcpy(out + o, s + i, 8);
            i += 8;
            o += 8;
        }
        if (i >= n)
            break;
        unsigned c = s[i];
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                if (c == 0)
                    nb++;
                ch++;
                c = ' ';
            }
            if (out)
                out[o] = (unsigned char)c;
            o++;
            i++;
            continue;
        }
        size_t bad_len = 0;
        int len = seq_len(s + i, n - i, &bad_len);
        if (len) {
            if (out)
                memcpy(out + o, s + i, (size_t)len);
            o += (size_t)len;
            i += (size_t)len;
        } else {
            if (out) {
                out[o] = 0xEF;
                out[o + 1] = 0xBF;
                out[o + 2] = 0xBD;
            }
            o += 3;
            i += bad_len;
            nb++;
            ch++;
        }
    }
    *changes = ch;
    *bad = nb;
    return o;
}

char *dyad_utf8_repair(dyad_arena *a, const char *s, size_t n, size_t *n_out,
                       size_t *n_bad)
{
    size_t changes = 0, bad = 0;
    if (!s)
        n = 0;
    size_t len = scan((const unsigned char *)s, n, &changes, &bad, NULL);
    char *p = dyad_arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    if (!changes) {
        if (n)
            memcpy(p, s, n);
    } else {
        scan((const unsigned char *)s, n, &changes, &bad, (unsigned char *)p);
    }
    p[len] = '\0';
    if (n_out)
        *n_out = len;
    if (n_bad)
        *n_bad = bad;
    return p;
}
