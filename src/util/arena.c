/* arena.c — bump allocator owning everything computed about one document.
 * Blocks grow geometrically; a request larger than a block gets its own. */
#include "dyad.h"

#include <stdlib.h>
#include <string.h>

typedef struct block {
    struct block *next;
    size_t cap, used;
    _Alignas(16) unsigned char data[];
} block;

struct dyad_arena {
    block *head;
    size_t block_size;
    size_t total;
};

static block *block_new(size_t cap)
{
    block *b = malloc(sizeof *b + cap);
    if (!b)
        return NULL;
    b->next = NULL;
    b->cap = cap;
    b->used = 0;
    return b;
}

dyad_arena *dyad_arena_new(size_t block_size)
{
    dyad_arena *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->head = block_new(a->block_size);
    if (!a->head) {
        free(a);
        return NULL;
    }
    return a;
}

void dyad_arena_free(dyad_arena *a)
{
    if (!a)
        return;
    block *b = a->head;
    while (b) {
        block *n = b->next;
        free(b);
        b = n;
    }
    free(a);
}

void dyad_arena_reset(dyad_arena *a)
{
    if (!a || !a->head)
        return;
    /* keep the last (first allocated) block, free the rest */
    block *b = a->head, *last = NULL;
    while (b) {
        block *n = b->next;
        if (!n) {
            last = b;
            break;
        }
        free(b);
        b = n;
    }
    a->head = last;
    a->head->used = 0;
    a->total = 0;
}

void *dyad_arena_alloc(dyad_arena *a, size_t n)
{
    if (!a)
        return NULL;
    size_t need = (n + 15u) & ~(size_t)15u;
    if (need < n)
        return NULL;
    block *b = a->head;
    if (b->cap - b->used < need) {
        size_t cap = a->block_size;
        if (b->cap * 2 > cap && b->cap < 16u * 1024u * 1024u)
            cap = b->cap * 2;
        if (cap < need)
            cap = need;
        block *nb = block_new(cap);
        if (!nb)
            return NULL;
        nb->next = b;
        a->head = nb;
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += need;
    a->total += need;
    return p;
}

void *dyad_arena_calloc(dyad_arena *a, size_t n)
{
    void *p = dyad_arena_alloc(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t n)
{
    char *p = dyad_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *dyad_arena_strdup(dyad_arena *a, const char *s)
{
    return s ? dyad_arena_strndup(a, s, strlen(s)) : NULL;
}

size_t dyad_arena_used(const dyad_arena *a)
{
    return a ? a->total : 0;
}
