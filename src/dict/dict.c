/* dict.c — the compiled dictionary: token interning, the name trie, verb
 * and CAMEO code tables, and the builder calls loaders use.  Independent of
 * any file format (see load.c for ours). */
#include "dict/dict.h"
#include "util/hash.h"

#include <stdlib.h>
#include <string.h>

static uint64_t hash_str(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static uint64_t hash_u64(uint64_t x)
{
    return dyad_fmix64(x);
}

/* ---- string map */

static int32_t smap_get(const dict_smap *m, const char *k, size_t n)
{
    if (!m->cap)
        return -1;
    size_t i = (size_t)hash_str(k, n) & (m->cap - 1);
    while (m->keys[i]) {
        if (strncmp(m->keys[i], k, n) == 0 && m->keys[i][n] == 0)
            return m->vals[i];
        i = (i + 1) & (m->cap - 1);
    }
    return -1;
}

static int smap_grow(dict_smap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 256;
    const char **keys = calloc(cap, sizeof *keys);
    int32_t *vals = calloc(cap, sizeof *vals);
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return DYAD_ENOMEM;
    }
    for (size_t j = 0; j < m->cap; j++) {
        if (!m->keys[j])
            continue;
        size_t i = (size_t)hash_str(m->keys[j], strlen(m->keys[j])) & (cap - 1);
        while (keys[i])
            i = (i + 1) & (cap - 1);
        keys[i] = m->keys[j];
        vals[i] = m->vals[j];
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
    return 0;
}

/* Set k (which must outlive the map) to v, replacing an old value. */
static int smap_put(dict_smap *m, const char *k, int32_t v)
{
    if ((m->n + 1) * 2 > m->cap && smap_grow(m))
        return DYAD_ENOMEM;
    size_t n = strlen(k);
    size_t i = (size_t)hash_str(k, n) & (m->cap - 1);
    while (m->keys[i]) {
        if (strcmp(m->keys[i], k) == 0) {
            m->vals[i] = v;
            return 0;
        }
        i = (i + 1) & (m->cap - 1);
    }
    m->keys[i] = k;
    m->vals[i] = v;
    m->n++;
    return 0;
}

int32_t dict_smap_get(const dict_smap *m, const char *k)
{
    return smap_get(m, k, strlen(k));
}

int dict_smap_put(dict_smap *m, const char *k, int32_t v)
{
    return smap_put(m, k, v);
}

static void smap_free(dict_smap *m)
{
    free(m->keys);
    free(m->vals);
}

/* ---- integer map */

static int32_t imap_get(const dict_imap *m, uint64_t k)
{
    if (!m->cap)
        return -1;
    size_t i = (size_t)hash_u64(k) & (m->cap - 1);
    while (m->keys[i]) {
        if (m->keys[i] == k + 1)
            return m->vals[i];
        i = (i + 1) & (m->cap - 1);
    }
    return -1;
}

static int imap_put(dict_imap *m, uint64_t k, int32_t v)
{
    if ((m->n + 1) * 2 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 1024;
        uint64_t *keys = calloc(cap, sizeof *keys);
        int32_t *vals = calloc(cap, sizeof *vals);
        if (!keys || !vals) {
            free(keys);
            free(vals);
            return DYAD_ENOMEM;
        }
        for (size_t j = 0; j < m->cap; j++) {
            if (!m->keys[j])
                continue;
            size_t i = (size_t)hash_u64(m->keys[j] - 1) & (cap - 1);
            while (keys[i])
                i = (i + 1) & (cap - 1);
            keys[i] = m->keys[j];
            vals[i] = m->vals[j];
        }
        free(m->keys);
        free(m->vals);
        m->keys = keys;
        m->vals = vals;
        m->cap = cap;
    }
    size_t i = (size_t)hash_u64(k) & (m->cap - 1);
    while (m->keys[i]) {
        if (m->keys[i] == k + 1) {
            m->vals[i] = v;
            return 0;
        }
        i = (i + 1) & (m->cap - 1);
    }
    m->keys[i] = k + 1;
    m->vals[i] = v;
    m->n++;
    return 0;
}

/* ---- growable arrays */

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, c * elem);
    if (!q)
        return DYAD_ENOMEM;
    *p = q;
    *cap = c;
    return 0;
}

/* ---- builder */

dyad_dict *dict_new(void)
{
    dyad_dict *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->arena = dyad_arena_new(256 * 1024);
    if (!d->arena || grow((void **)&d->node_hit, &d->cap_nodes, 1,
                          sizeof *d->node_hit)) {
        dyad_dict_free(d);
        return NULL;
    }
    d->node_hit[0] = -1; /* the root */
    d->n_nodes = 1;
    return d;
}

char *dict_strdup(dyad_dict *d, const char *s)
{
    return dyad_arena_strdup(d->arena, s ? s : "");
}

int32_t dict_add_actor(dyad_dict *d, const dict_actor *tmpl)
{
    if (grow((void **)&d->actors, &d->cap_actors, d->n_actors + 1,
             sizeof *d->actors))
        return -1;
    d->actors[d->n_actors] = *tmpl;
    switch (tmpl->kind) {
    case DA_COUNTRY: d->stats.n_countries++; break;
    case DA_PERSON: d->stats.n_people++; break;
    case DA_AGENT: case DA_AGENT_PREFIX: d->stats.n_agents++; break;
    default: break;
    }
    d->stats.n_actors++;
    return (int32_t)d->n_actors++;
}

static int32_t intern(dyad_dict *d, const char *s, size_t n)
{
    int32_t id = smap_get(&d->toks, s, n);
    if (id >= 0)
        return id;
    char *k = dyad_arena_strndup(d->arena, s, n);
    if (!k || smap_put(&d->toks, k, d->n_toks))
        return -1;
    return d->n_toks++;
}

static int32_t trie_step_add(dyad_dict *d, int32_t node, int32_t tok)
{
    uint64_t key = ((uint64_t)(uint32_t)node << 32) | (uint32_t)tok;
    int32_t child = imap_get(&d->edges, key);
    if (child >= 0)
        return child;
    if (grow((void **)&d->node_hit, &d->cap_nodes, d->n_nodes + 1,
             sizeof *d->node_hit))
        return -1;
    child = (int32_t)d->n_nodes++;
    d->node_hit[child] = -1;
    if (imap_put(&d->edges, key, child))
        return -1;
    return child;
}

int dict_add_name(dyad_dict *d, int32_t actor, const char *name)
{
    size_t n = 0;
    char *f = dyad_norm_fold(d->arena, name, strlen(name), &n);
    if (!f)
        return DYAD_ENOMEM;
    size_t i = 0;
    while (i < n && f[i] == ' ')
        i++;
    if (n - i > 4 && strncmp(f + i, "the ", 4) == 0)
        i += 4;
    int32_t node = 0;
    while (i < n) {
        while (i < n && f[i] == ' ')
            i++;
        size_t s = i;
        while (i < n && f[i] != ' ')
            i++;
        if (i == s)
            break;
        int32_t tok = intern(d, f + s, i - s);
        if (tok < 0 || (node = trie_step_add(d, node, tok)) < 0)
            return DYAD_ENOMEM;
    }
    if (node == 0)
        return 0;
    /* no duplicate hit for the same actor */
    for (int32_t h = d->node_hit[node]; h >= 0; h = d->hits[h].next)
        if (d->hits[h].actor == (uint32_t)actor)
            return 0;
    if (grow((void **)&d->hits, &d->cap_hits, d->n_hits + 1, sizeof *d->hits))
        return DYAD_ENOMEM;
    /* keep insertion order: append at the end of the node's list */
    int32_t id = (int32_t)d->n_hits++;
    d->hits[id].actor = (uint32_t)actor;
    d->hits[id].next = -1;
    if (d->node_hit[node] < 0) {
        d->node_hit[node] = id;
    } else {
        int32_t h = d->node_hit[node];
        while (d->hits[h].next >= 0)
            h = d->hits[h].next;
        d->hits[h].next = id;
    }
    return 0;
}

int dict_add_verb(dyad_dict *d, const dict_verb *tmpl)
{
    if (grow((void **)&d->verbs, &d->cap_verbs, d->n_verbs + 1,
             sizeof *d->verbs))
        return DYAD_ENOMEM;
    int32_t id = (int32_t)d->n_verbs;
    dict_verb *v = &d->verbs[id];
    *v = *tmpl;
    v->next = -1;
    int32_t first = smap_get(&d->verb_lemma, v->lemma, strlen(v->lemma));
    if (first < 0) {
        if (smap_put(&d->verb_lemma, v->lemma, id))
            return DYAD_ENOMEM;
    } else {
        while (d->verbs[first].next >= 0)
            first = d->verbs[first].next;
        d->verbs[first].next = id;
    }
    d->n_verbs++;
    d->stats.n_verbs++;
    return 0;
}

int dict_add_code(dyad_dict *d, const dict_code *c)
{
    if (grow((void **)&d->codes, &d->cap_codes, d->n_codes + 1,
             sizeof *d->codes))
        return DYAD_ENOMEM;
    d->codes[d->n_codes] = *c;
    /* the key lives in the arena: the codes array may move */
    char *k = dict_strdup(d, c->code);
    if (!k || smap_put(&d->code_index, k, (int32_t)d->n_codes))
        return DYAD_ENOMEM;
    d->n_codes++;
    d->stats.n_codes++;
    return 0;
}

/* ---- discards */

int dict_add_discard(dyad_dict *d, const char *phrase, int story)
{
    if (grow((void **)&d->discards, &d->cap_discards, d->n_discards + 1,
             sizeof *d->discards))
        return DYAD_ENOMEM;
    size_t n = strlen(phrase);
    char *p = dyad_arena_alloc(d->arena, n + 2);
    if (!p)
        return DYAD_ENOMEM;
    p[0] = story ? 's' : 'x';
    for (size_t i = 0; i <= n; i++) {
        char c = phrase[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        else if (c == '_' && i + 1 < n)
            c = ' ';
        p[i + 1] = c;
    }
    d->discards[d->n_discards++] = p;
    return 0;
}

static int alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

int dict_discarded(const dyad_dict *d, const char *text, size_t n)
{
    if (!d || !d->n_discards || !text || !n)
        return 0;
    char *low = malloc(n + 1);
    if (!low)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)(text[i] >= 'A' && text[i] <= 'Z' ? text[i] + 32 : text[i]);
    low[n] = 0;
    int found = 0;
    for (size_t k = 0; k < d->n_discards && found < 2; k++) {
        const char *ph = d->discards[k] + 1;
        size_t len = strlen(ph);
        int end = len && ph[len - 1] == '_';
        if (end)
            len--;
        if (!len)
            continue;
        for (const char *p = low; (size_t)(low + n - p) >= len; p++) {
            p = memchr(p, ph[0], (size_t)(low + n - p));
            if (!p || (size_t)(low + n - p) < len)
                break;
            if (memcmp(p, ph, len) || (p > low && alnum((unsigned char)p[-1])) ||
                (end && alnum((unsigned char)p[len])))
                continue;
            found = d->discards[k][0] == 's' ? 2 : 1;
            break;
        }
    }
    free(low);
    return found;
}

/* ---- queries */

int32_t dict_tok_id(const dyad_dict *d, const char *folded, size_t n)
{
    return smap_get(&d->toks, folded, n);
}

int32_t dict_trie_child(const dyad_dict *d, int32_t node, int32_t tok)
{
    if (tok < 0 || node < 0)
        return -1;
    return imap_get(&d->edges, ((uint64_t)(uint32_t)node << 32) | (uint32_t)tok);
}

int32_t dict_first_verb(const dyad_dict *d, const char *lemma)
{
    return smap_get(&d->verb_lemma, lemma, strlen(lemma));
}

const dict_code *dict_code_find(const dyad_dict *d, const char *code)
{
    int32_t i = smap_get(&d->code_index, code, strlen(code));
    return i < 0 ? NULL : &d->codes[i];
}

int32_t dict_parse_date(const char *s, size_t n)
{
    if (n < 10 || s[4] != '-' || s[7] != '-')
        return 0;
    int32_t v = 0;
    for (size_t i = 0; i < 10; i++) {
        if (i == 4 || i == 7)
            continue;
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* ---- public */

void dyad_dict_free(dyad_dict *d)
{
    if (!d)
        return;
    smap_free(&d->toks);
    smap_free(&d->verb_lemma);
    smap_free(&d->verb_form);
    smap_free(&d->surname);
    free(d->sur_next);
    smap_free(&d->code_index);
    free(d->edges.keys);
    free(d->edges.vals);
    free(d->node_hit);
    free(d->hits);
    free(d->actors);
    free(d->verbs);
    free(d->codes);
    free(d->discards);
    dyad_arena_free(d->arena);
    free(d);
}

void dyad_dict_get_stats(const dyad_dict *d, dyad_dict_stats *st)
{
    if (!st)
        return;
    if (!d) {
        memset(st, 0, sizeof *st);
        return;
    }
    *st = d->stats;
}

int dyad_cameo_info(const dyad_dict *d, const char *code, const char **desc,
                    double *goldstein, const char **plover, int *quad)
{
    const dict_code *c = d && code ? dict_code_find(d, code) : NULL;
    if (!c)
        return 0;
    if (desc) *desc = c->desc;
    if (goldstein) *goldstein = c->goldstein;
    if (plover) *plover = c->plover;
    if (quad) *quad = c->quad;
    return 1;
}
