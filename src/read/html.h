/* html.h — article text out of an HTML page (libgumbo). Internal. */
#ifndef DYAD_READ_HTML_H
#define DYAD_READ_HTML_H
#include "dyad.h"

typedef struct dyad_html_meta {
    const char *title; /* <title>, og:title or the article's <h1>, or NULL */
    const char *date;  /* article:published_time, <time datetime>, or NULL */
    const char *url;   /* canonical / og:url, or NULL */
} dyad_html_meta;

/* Extract the article body as plain text, one block element a paragraph
 * (paragraphs separated by a blank line).  Arena-owned results. */
int dyad_html_extract(dyad_arena *a, const char *html, size_t n, char **text,
                      size_t *text_len, dyad_html_meta *meta, dyad_error *err);
#endif
