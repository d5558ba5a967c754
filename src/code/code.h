/* code.h — internals of the event coder shared by its files. */
#ifndef DYAD_CODE_INTERNAL_H
#define DYAD_CODE_INTERNAL_H
#include "dyad.h"
#include "dict/dict.h"

/* A resolved actor mention. */
typedef struct code_actor {
    char code[40];
    const char *country;   /* "" when unknown */
    const char *name;
    const char *text;
    const char *src;       /* dictionary entry (file:line) or "" */
    const char *how;       /* "person", "agent", "pronoun"... for evidence */
    int kind;              /* enum dict_actor_kind, 0 = unresolved */
    int plural;
    int head;              /* word index, -1 when from memory only */
    uint32_t sentence;     /* (memory) sentence where it was named */
    int subject;           /* (memory) it was a subject there */
} code_actor;

#define CODE_MEMORY 64
#define CODE_LAST 4
#define CODE_DONE 16

struct dyad_coder {
    const dyad_dict *dict;
    int32_t date;           /* YYYYMMDD or 0 */
    char date_str[16];
    dyad_arena *arena;      /* memory strings */
    code_actor mem[CODE_MEMORY];
    size_t n_mem;           /* total pushed; ring of CODE_MEMORY */
    struct code_done {       /* material conflict events coded so far */
        code_actor doers[CODE_LAST];
        int n;
        char trig[32], obj[32];
    } done[CODE_DONE];
    int n_done;
};

#endif
