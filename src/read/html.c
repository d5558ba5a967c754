/* html.c — article text out of an HTML page with libgumbo (an HTML5
 * parser), not regular expressions.  The article root is the <article> (or
 * <main>, or the element holding the most paragraph text); inside it every
 * block element becomes a paragraph; scripts, navigation, forms and footers
 * are dropped; figure captions and asides stay, for the cleaner to judge. */
#include "read/html.h"

#include <ctype.h>
#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct sbuf {
    char *p;
    size_t n, cap;
    int oom;
} sbuf;

static void sb_put(sbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *np = realloc(b->p, cap);
        if (!np) {
            b->oom = 1;
            return;
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static int is_skipped(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SELECT: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS: case GUMBO_TAG_MENU:
        return 1;
    default:
        return 0;
    }
}

static int is_block(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ASIDE: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_PRE:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_TABLE: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR: case GUMBO_TAG_TIME:
        return t != GUMBO_TAG_TIME;
    default:
        return 0;
    }
}

/* Walk the tree: text goes to the current paragraph (whitespace collapsed);
 * block elements close it. */
typedef struct walker {
    sbuf out;
    int need_space; /* a space is pending inside the paragraph */
    int in_para;    /* the current paragraph has text */
} walker;

static void para_break(walker *w)
{
    if (w->in_para)
        sb_put(&w->out, "\n\n", 2);
    w->in_para = 0;
    w->need_space = 0;
}

static void put_text(walker *w, const char *s)
{
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            w->need_space = 1;
            continue;
        }
        if (w->need_space && w->in_para)
            sb_put(&w->out, " ", 1);
        w->need_space = 0;
        w->in_para = 1;
        sb_put(&w->out, p, 1);
    }
}

/* Deeply nested pages (pathological input) stop being walked at MAX_DEPTH. */
#define MAX_DEPTH 400

static void walk_d(walker *w, const GumboNode *n, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
        put_text(w, n->v.text.text);
        return;
    }
    if (n->type == GUMBO_NODE_WHITESPACE) {
        w->need_space = 1;
        return;
    }
    if (n->type != GUMBO_NODE_ELEMENT)
        return;
    GumboTag t = n->v.element.tag;
    if (is_skipped(t))
        return;
    if (t == GUMBO_TAG_BR) {
        if (w->in_para)
            sb_put(&w->out, "\n", 1);
        w->need_space = 0;
        return;
    }
    int block = is_block(t);
    if (block)
        para_break(w);
    const GumboVector *kids = &n->v.element.children;
    for (unsigned i = 0; i < kids->length; i++)
        walk_d(w, kids->data[i], depth + 1);
    if (block)
        para_break(w);
}

static void walk(walker *w, const GumboNode *n) { walk_d(w, n, 0); }

/* Text length of paragraphs directly under a node (for picking the root). */
static size_t text_len_d(const GumboNode *n, int depth)
{
    if (depth > MAX_DEPTH)
        return 0;
    if (n->type == GUMBO_NODE_TEXT)
        return strlen(n->v.text.text);
    if (n->type != GUMBO_NODE_ELEMENT || is_skipped(n->v.element.tag))
        return 0;
    size_t s = 0;
    const GumboVector *kids = &n->v.element.children;
    for (unsigned i = 0; i < kids->length; i++)
        s += text_len_d(kids->data[i], depth + 1);
    return s;
}

static size_t text_len(const GumboNode *n) { return text_len_d(n, 0); }

static const GumboNode *find_tag_d(const GumboNode *n, GumboTag tag, const GumboNode *best,
                                   size_t *best_len, int depth)
{
    if (n->type != GUMBO_NODE_ELEMENT || depth > MAX_DEPTH)
        return best;
    if (n->v.element.tag == tag) {
        size_t l = text_len(n);
        if (l > *best_len) {
            *best_len = l;
            best = n;
        }
    }
    const GumboVector *kids = &n->v.element.children;
    for (unsigned i = 0; i < kids->length; i++)
        best = find_tag_d(kids->data[i], tag, best, best_len, depth + 1);
    return best;
}

static const GumboNode *find_tag(const GumboNode *n, GumboTag tag, const GumboNode *best,
                                 size_t *best_len)
{
    return find_tag_d(n, tag, best, best_len, 0);
}

/* The element whose direct <p> children hold the most text. */
static const GumboNode *densest(const GumboNode *n, const GumboNode *best, size_t *best_len,
                               int depth)
{
    if (n->type != GUMBO_NODE_ELEMENT || is_skipped(n->v.element.tag) || depth > MAX_DEPTH)
        return best;
    size_t ptext = 0;
    const GumboVector *kids = &n->v.element.children;
    for (unsigned i = 0; i < kids->length; i++) {
        const GumboNode *k = kids->data[i];
        if (k->type == GUMBO_NODE_ELEMENT && k->v.element.tag == GUMBO_TAG_P)
            ptext += text_len(k);
    }
    if (ptext > *best_len) {
        *best_len = ptext;
        best = n;
    }
    for (unsigned i = 0; i < kids->length; i++)
        best = densest(kids->data[i], best, best_len, depth + 1);
    return best;
}

static const char *attr(const GumboNode *n, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : NULL;
}

static char *node_text(dyad_arena *a, const GumboNode *n)
{
    walker w = {0};
    walk(&w, n);
    if (!w.out.p)
        return NULL;
    /* single line */
    for (size_t i = 0; i < w.out.n; i++)
        if (w.out.p[i] == '\n')
            w.out.p[i] = ' ';
    size_t s = 0, e = w.out.n;
    while (s < e && w.out.p[s] == ' ')
        s++;
    while (e > s && w.out.p[e - 1] == ' ')
        e--;
    char *r = e > s ? dyad_arena_strndup(a, w.out.p + s, e - s) : NULL;
    free(w.out.p);
    return r;
}

/* <head> metadata: <title>, og:title, article:published_time, canonical. */
static void head_meta(dyad_arena *a, const GumboNode *n, dyad_html_meta *m, int depth)
{
    if (n->type != GUMBO_NODE_ELEMENT || depth > 64)
        return;
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_TITLE && !m->title) {
        m->title = node_text(a, n);
    } else if (t == GUMBO_TAG_META) {
        const char *prop = attr(n, "property");
        if (!prop)
            prop = attr(n, "name");
        if (!prop)
            prop = attr(n, "itemprop");
        const char *content = attr(n, "content");
        if (prop && content) {
            if (!strcasecmp(prop, "og:title"))
                m->title = dyad_arena_strdup(a, content);
            else if (!m->date && (!strcasecmp(prop, "article:published_time") ||
                                  !strcasecmp(prop, "datePublished") ||
                                  !strcasecmp(prop, "date") || !strcasecmp(prop, "pubdate") ||
                                  !strcasecmp(prop, "dc.date")))
                m->date = dyad_arena_strdup(a, content);
            else if (!m->url && !strcasecmp(prop, "og:url"))
                m->url = dyad_arena_strdup(a, content);
        }
    } else if (t == GUMBO_TAG_LINK) {
        const char *rel = attr(n, "rel");
        if (rel && !strcasecmp(rel, "canonical") && !m->url && attr(n, "href"))
            m->url = dyad_arena_strdup(a, attr(n, "href"));
    } else if (t == GUMBO_TAG_TIME && !m->date && attr(n, "datetime")) {
        m->date = dyad_arena_strdup(a, attr(n, "datetime"));
    }
    const GumboVector *kids = &n->v.element.children;
    for (unsigned i = 0; i < kids->length; i++)
        head_meta(a, kids->data[i], m, depth + 1);
}

/* HTML5 tree building is quadratic in the depth of open elements, so a page
 * nested thousands of levels deep (no real article is) is refused before
 * parsing.  The estimate counts start tags minus end tags, ignoring void
 * elements and self-closing tags. */
#define MAX_PAGE_DEPTH 3000

static size_t nesting_estimate(const char *s, size_t n)
{
    static const char *const voids[] = {"br", "img", "meta", "link", "input", "hr", "wbr",
                                        "area", "base", "col", "embed", "source", "track",
                                        "param", "p", "li", "!", "?", NULL};
    long depth = 0, max = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '<')
            continue;
        if (s[i + 1] == '/') {
            depth--;
            continue;
        }
        if (!isalpha((unsigned char)s[i + 1]) && s[i + 1] != '!' && s[i + 1] != '?')
            continue;
        size_t k = i + 1;
        while (k < n && (isalnum((unsigned char)s[k]) || s[k] == '!' || s[k] == '?'))
            k++;
        int is_void = 0;
        for (int v = 0; voids[v]; v++)
            if (strlen(voids[v]) == k - i - 1 && strncasecmp(s + i + 1, voids[v], k - i - 1) == 0)
                is_void = 1;
        const char *gt = memchr(s + k, '>', n - k < 4096 ? n - k : 4096);
        if (gt && gt > s && gt[-1] == '/')
            is_void = 1;
        if (!is_void && ++depth > max)
            max = depth;
    }
    return (size_t)max;
}

int dyad_html_extract(dyad_arena *a, const char *html, size_t n, char **text,
                      size_t *text_len_out, dyad_html_meta *meta, dyad_error *err)
{
    memset(meta, 0, sizeof *meta);
    size_t depth = nesting_estimate(html, n);
    if (depth > MAX_PAGE_DEPTH)
        return dyad_error_set(err, DYAD_EFORMAT, NULL, -1,
                              "HTML nested about %zu levels deep (limit %d), skipped", depth,
                              MAX_PAGE_DEPTH);
    GumboOptions opt = kGumboDefaultOptions;
    opt.max_errors = 0; /* we do not read parse errors: do not collect them */
    GumboOutput *g = gumbo_parse_with_options(&opt, html, n);
    if (!g)
        return dyad_error_set(err, DYAD_EFORMAT, NULL, -1, "HTML could not be parsed");
    head_meta(a, g->root, meta, 0);
    size_t best = 0;
    const GumboNode *root = find_tag(g->root, GUMBO_TAG_ARTICLE, NULL, &best);
    if (!root) {
        best = 0;
        root = find_tag(g->root, GUMBO_TAG_MAIN, NULL, &best);
    }
    if (!root) {
        best = 0;
        root = densest(g->root, NULL, &best, 0);
    }
    if (!root)
        root = g->root;
    /* an <h1> inside the article is the headline */
    size_t h1len = 0;
    const GumboNode *h1 = find_tag(root, GUMBO_TAG_H1, NULL, &h1len);
    if (!h1) {
        h1len = 0;
        h1 = find_tag(g->root, GUMBO_TAG_H1, NULL, &h1len);
    }
    walker w = {0};
    if (h1 && root != g->root) {
        /* the headline may sit outside the article element */
        const GumboNode *p = h1;
        while (p && p != root)
            p = p->parent;
        if (!p) {
            walk(&w, h1);
            para_break(&w);
        }
    }
    walk(&w, root);
    if (h1) {
        char *h = node_text(a, h1);
        if (h)
            meta->title = h;
    }
    gumbo_destroy_output(&kGumboDefaultOptions, g);
    if (w.out.oom) {
        free(w.out.p);
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    }
    *text = dyad_arena_strndup(a, w.out.p ? w.out.p : "", w.out.n);
    *text_len_out = w.out.n;
    free(w.out.p);
    if (!*text)
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    return 0;
}
