/* json.c — JSON writer used for the document record. */
#include "doc/json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void jb_init(jbuf *b, int pretty)
{
    memset(b, 0, sizeof *b);
    b->pretty = pretty;
    b->first = 1;
}

void jb_free(jbuf *b)
{
    free(b->p);
    b->p = NULL;
}

void jb_raw(jbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 8192;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

void jb_str(jbuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    jb_raw(b, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        jb_raw(b, s + run, i - run);
        run = i + 1;
        char esc[7];
        switch (c) {
        case '"': jb_raw(b, "\\\"", 2); break;
        case '\\': jb_raw(b, "\\\\", 2); break;
        case '\n': jb_raw(b, "\\n", 2); break;
        case '\r': jb_raw(b, "\\r", 2); break;
        case '\t': jb_raw(b, "\\t", 2); break;
        default:
            esc[0] = '\\', esc[1] = 'u', esc[2] = '0', esc[3] = '0';
            esc[4] = hex[c >> 4], esc[5] = hex[c & 15];
            jb_raw(b, esc, 6);
        }
    }
    jb_raw(b, s + run, n - run);
    jb_raw(b, "\"", 1);
}

static void newline(jbuf *b)
{
    if (!b->pretty)
        return;
    jb_raw(b, "\n", 1);
    for (int i = 0; i < b->depth; i++)
        jb_raw(b, "  ", 2);
}

static void sep(jbuf *b)
{
    if (!b->first)
        jb_raw(b, ",", 1);
    b->first = 0;
    newline(b);
}

void jb_obj_open(jbuf *b)
{
    jb_raw(b, "{", 1);
    b->depth++;
    b->first = 1;
}

void jb_obj_close(jbuf *b)
{
    b->depth--;
    if (!b->first)
        newline(b);
    jb_raw(b, "}", 1);
    b->first = 0;
}

void jb_arr_open(jbuf *b)
{
    jb_raw(b, "[", 1);
    b->depth++;
    b->first = 1;
}

void jb_arr_close(jbuf *b)
{
    b->depth--;
    if (!b->first)
        newline(b);
    jb_raw(b, "]", 1);
    b->first = 0;
}

void jb_key(jbuf *b, const char *k)
{
    sep(b);
    jb_str(b, k, strlen(k));
    jb_raw(b, b->pretty ? ": " : ":", b->pretty ? 2 : 1);
    b->first = 1; /* the value follows without a comma */
}

void jb_elem(jbuf *b) { sep(b); }

void jb_val_str(jbuf *b, const char *s)
{
    if (s)
        jb_str(b, s, strlen(s));
    else
        jb_raw(b, "null", 4);
    b->first = 0;
}

void jb_val_strn(jbuf *b, const char *s, size_t n)
{
    jb_str(b, s, n);
    b->first = 0;
}

void jb_val_int(jbuf *b, long long v)
{
    char t[32];
    int k = snprintf(t, sizeof t, "%lld", v);
    jb_raw(b, t, (size_t)k);
    b->first = 0;
}

void jb_val_num(jbuf *b, double v)
{
    if (!isfinite(v)) {
        jb_val_null(b); /* JSON has no inf or nan */
        return;
    }
    char t[32];
    int k = snprintf(t, sizeof t, "%.6g", v);
    jb_raw(b, t, (size_t)k);
    b->first = 0;
}

void jb_val_null(jbuf *b)
{
    jb_raw(b, "null", 4);
    b->first = 0;
}

void jb_val_bool(jbuf *b, int v)
{
    jb_raw(b, v ? "true" : "false", v ? 4 : 5);
    b->first = 0;
}
