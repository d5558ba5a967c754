/* json.h — a small JSON writer into a growable buffer (the record's output
 * path must be fast and never fail halfway: the buffer is written at once). */
#ifndef DYAD_DOC_JSON_H
#define DYAD_DOC_JSON_H
#include <stddef.h>

typedef struct jbuf {
    char *p;
    size_t n, cap;
    int oom;
    int pretty, depth;
    int first; /* no comma needed before the next member */
} jbuf;

void jb_init(jbuf *b, int pretty);
void jb_free(jbuf *b);
void jb_raw(jbuf *b, const char *s, size_t n);
void jb_str(jbuf *b, const char *s, size_t n); /* quoted, escaped */
void jb_obj_open(jbuf *b);
void jb_obj_close(jbuf *b);
void jb_arr_open(jbuf *b);
void jb_arr_close(jbuf *b);
void jb_key(jbuf *b, const char *k);            /* member name, then a value */
void jb_val_str(jbuf *b, const char *s);        /* NULL → null */
void jb_val_strn(jbuf *b, const char *s, size_t n);
void jb_val_int(jbuf *b, long long v);
void jb_val_num(jbuf *b, double v);
void jb_val_null(jbuf *b);
void jb_val_bool(jbuf *b, int v);
void jb_elem(jbuf *b); /* before an array element */
#endif
