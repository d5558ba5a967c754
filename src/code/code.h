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
    int group;             /* (memory) 1 + first conjunct of its coordination, 0 */
} code_actor;

#define CODE_MEMORY 64
#define CODE_LAST 4
#define CODE_DONE 16
#define CODE_PAIRS 16
#define CODE_EXTRA 32
#define CODE_NOUNS 16

struct dyad_coder {
    const dyad_dict *dict;
    int no_dyad;            /* PETRARCH require_dyad off: targetless events */
    int32_t date;           /* YYYYMMDD or 0 */
    char date_str[16];
    dyad_arena *arena;      /* memory strings */
    code_actor mem[CODE_MEMORY];
    size_t n_mem;           /* total pushed; ring of CODE_MEMORY */
    struct code_done {       /* material conflict events coded so far */
        code_actor doers[CODE_LAST];
        int n;
        code_actor tgts[CODE_LAST];  /* whom it was done to */
        int nt;
        char trig[32], obj[32], code[8];
    } done[CODE_DONE];
    int n_done;
    struct code_pair {       /* the latest dyadic events: who faced whom */
        code_actor a, b;
        int mode;
        uint32_t sentence;
    } pairs[CODE_PAIRS];
    size_t n_pairs;
    struct code_lead {       /* the story's main event: the first sentence's
                              * events of one code ("followed suit", "the
                              * measures", "the summit") */
        char code[8];
        code_actor src[CODE_LAST], tgt[CODE_LAST];
        int ns, nt, sym, set;
        uint32_t sentence;
    } lead;
    struct code_noun {       /* who did what an event noun names ("India
                              * carried out three tests" → test: IND) */
        char lemma[24];
        code_actor doers[CODE_LAST];
        int n;
    } nouns[CODE_NOUNS];
    size_t n_nouns;          /* total pushed; ring of CODE_NOUNS */
    struct code_prev {       /* the main event of the latest sentence with one
                              * ("did the same", "followed suit") */
        char code[8];
        code_actor tgt;
        uint32_t sentence;
        int set;
    } prev;
};


/* ---- per-sentence context (shared by actor.c, tree.c, code.c) */

typedef struct mention {
    int lo, hi;      /* words [lo, hi) */
    int32_t hit;     /* first dictionary hit */
} mention;

typedef struct frame {
    int prt;             /* compound:prt child or -1 */
    int passive;
    int subj;            /* nsubj (active) */
    int agent;           /* obl:agent / by-phrase of a passive */
    int patient;         /* nsubj:pass */
    int obj, iobj, xcomp;
} frame;

typedef struct sent {
    const dyad_dict *d;
    dyad_coder *coder;
    dyad_arena *a;
    const dyad_word *w;
    int n;
    const char **fold;   /* folded forms */
    const char **lemma;  /* folded lemmas */
    int *first_child, *next_sib;
    int *ment;           /* mention index per word, -1 */
    mention *m;
    int n_m;
    code_actor *act;     /* resolved actor per word (kind 0 = none) */
    char *done;          /* act[] computed */
    int32_t date;
    /* the period the sentence reports ("on Thursday", "in 2014"), for the
     * roles people held then; role_lo 0 until first needed, -1 when the
     * sentence names none */
    int32_t role_lo, role_hi;
    char *in_quote;
    /* output */
    dyad_event *ev;
    size_t n_ev, cap_ev;
    uint32_t sentence;
    const char *text, *date_str;
    int say_head;        /* set by mode_of: the speech verb of a report */
    int dateline;        /* words [0, dateline) are a dateline */
    int n_extra;         /* (PETRARCH) act[n+CODE_LAST ..] fanned-out agents */
} sent;

typedef struct match {
    const dict_verb *e;
    int score;
    int objw;   /* the word that matched obj=, or -1 */
    int ppw;    /* the word that matched pp=, or -1 */
} match;

#define K(x) (1u << (x))
#define K_ORG (K(DA_INSTITUTION) | K(DA_IGO) | K(DA_GROUP))
#define K_PLACE (K(DA_COUNTRY) | K(DA_CAPITAL))

/* ---- shared helpers */
extern const char *const code_say[];
int code_definite(const sent *s, int h);
void code_find_mentions(sent *s);
const dict_actor *code_hit_kind(const sent *s, int word, unsigned mask);
void code_mem_push(sent *s, const code_actor *a);
void code_resolve(sent *s, int h);
void code_set_from_dict(sent *s, code_actor *a, const dict_actor *d);
extern const char *const code_intent_event[];
extern const char *const code_refuse[];
extern const char *const code_doc_nouns[];
match code_best_entry(const sent *s, int v, int noun);
int code_child_rel(const sent *s, int i, const char *r);
int code_child_rel_eq(const sent *s, int i, const char *r);
void code_get_frame(const sent *s, int v, frame *f);
int code_head_of(const sent *s, int i);
int code_is_plural(const dyad_word *w);
int code_in_list(const char *x, const char *const *list);
int code_inherited_subject(const sent *s, int v, int depth);
int code_list_has(const char **l, size_t n, const char *x);
int code_mode_of(const sent *s, int v, int *xmode_from);
int code_own_modal(const sent *s, int v);
int code_own_negated(const sent *s, int v);
int code_time_word(const sent *s, int c);
int code_say_head(const sent *s, int v);
const char *code_prep_of(const sent *s, int i);
int code_rel_eq(const dyad_word *w, const char *r);
int code_rel_is(const dyad_word *w, const char *r);
const char *code_word_text(sent *s, int i);

#endif
