/* norm.c — folding of names and phrases for dictionary matching.
 *
 * "Erdoğan’s" and "ERDOGAN'S" must meet on one key: NFKC, case-folded,
 * diacritics stripped, typographic quotes and dashes mapped to ASCII.  Pure
 * ASCII (the usual case) only needs lower-casing; the rest goes through
 * utf8proc with a custom mapping for the punctuation it would keep. */
#include "dyad.h"

#include <string.h>
#include <utf8proc.h>

/* Typographic punctuation that NFKC keeps but matching must not see. */
static utf8proc_int32_t fold_punct(utf8proc_int32_t c, void *data)
{
    (void)data;
    switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
    case 0x2035: case 0x02BC: case 0x02B9: case 0x0060: case 0x00B4:
    case 0x2039: case 0x203A:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
    case 0x2036: case 0x00AB: case 0x00BB:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return '-';
    case 0x00A0: case 0x202F: case 0x2007:
        return ' ';
    default:
        return c;
    }
}

static char *fold_ascii(dyad_arena *a, const char *s, size_t n, size_t *n_out)
{
    char *p = dyad_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        p[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    p[n] = '\0';
    if (n_out)
        *n_out = n;
    return p;
}

char *dyad_norm_fold(dyad_arena *a, const char *s, size_t n, size_t *n_out)
{
    if (!s)
        n = 0;
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80)
        i++;
    if (i == n)
        return fold_ascii(a, s, n, n_out);

    /* utf8proc refuses invalid UTF-8: repair first (never fails otherwise) */
    size_t len = n;
    const char *src = s;
    for (int attempt = 0; attempt < 2; attempt++) {
        const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                      UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                      UTF8PROC_STRIPMARK | UTF8PROC_IGNORE;
        utf8proc_ssize_t need = utf8proc_decompose_custom(
            (const utf8proc_uint8_t *)src, (utf8proc_ssize_t)len, NULL, 0, opt,
            fold_punct, NULL);
        if (need >= 0) {
            utf8proc_int32_t *buf =
                dyad_arena_alloc(a, ((size_t)need + 1) * sizeof *buf);
            if (!buf)
                return NULL;
            need = utf8proc_decompose_custom((const utf8proc_uint8_t *)src,
                                             (utf8proc_ssize_t)len, buf, need,
                                             opt, fold_punct, NULL);
            if (need < 0)
                break;
            utf8proc_ssize_t out = utf8proc_reencode(buf, need, opt);
            if (out < 0)
                break;
            if (n_out)
                *n_out = (size_t)out;
            return (char *)buf;
        }
        if (attempt == 0) {
            src = dyad_utf8_repair(a, s, n, &len, NULL);
            if (!src)
                return NULL;
        }
    }
    /* not reachable with repaired input; keep a usable answer anyway */
    return fold_ascii(a, s, n, n_out);
}
