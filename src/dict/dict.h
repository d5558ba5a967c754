/* dict.h — the compiled dictionary the event coder reads, and the builder
 * calls every dictionary loader uses to fill it (our text files in
 * load.c; a PETRARCH loader later).  The coder only ever sees this
 * structure, never a file format.
 *
 * Names are matched token by token on dyad_norm_fold'ed forms: each distinct
 * folded token gets an integer id, names are paths in a trie over those ids
 * (edges in one hash table keyed by (node, token id)), and a trie node
 * carries the list of actors whose name ends there. */
#ifndef DYAD_DICT_INTERNAL_H
#define DYAD_DICT_INTERNAL_H
#include "dyad.h"

#include <stdint.h>

enum dict_actor_kind {
    DA_COUNTRY = 1,  /* "Russia" → RUS */
    DA_ADJ,          /* "Russian" → RUS (modifier) */
    DA_DEMONYM,      /* "Russians" → RUS */
    DA_CAPITAL,      /* "Moscow" → RUSGOV (metonym) */
    DA_INSTITUTION,  /* "the Kremlin" → RUSGOV */
    DA_IGO,          /* "NATO" → IGOWSTNAT */
    DA_GROUP,        /* armed groups, parties */
    DA_PERSON,       /* "Rex Tillerson" → dated roles */
    DA_AGENT,        /* "officials" → GOV, resolved against a country */
    DA_AGENT_PREFIX  /* "former" → ELI */
};

typedef struct dict_role {
    const char *code;   /* "USAGOV" */
    int32_t from, to;   /* YYYYMMDD, 0 = open end */
    const char *words;  /* "Secretary of State" or "" */
} dict_role;

typedef struct dict_actor {
    int kind;            /* enum dict_actor_kind */
    const char *code;    /* RUS, RUSGOV, IGOWSTNAT, GOV (agent); person: "" */
    const char *country; /* RUS, the IGO code, or "" */
    const char *name;    /* canonical name */
    dict_role *roles;    /* people */
    size_t n_roles;
    const char *src;     /* "actors/people.txt:12" */
} dict_actor;

typedef struct dict_hit {
    uint32_t actor;
    int32_t next; /* next hit of the same trie node, -1 = end */
} dict_hit;

enum dict_verb_flags {
    DV_NOUN = 1,  /* nominal trigger ("summit", "sanctions") */
    DV_SYM = 2,   /* symmetric: code both directions (meet, talk) */
    DV_SELF = 4,  /* needs no target (protest, mobilize) */
    DV_COMPOUND = 8, /* (PETRARCH "%") the subject is coordinated */
    DV_SAY = 16,    /* said of someone: the speaker of the governing speech
                     * verb does it to the clause's subject ("said Iran had
                     * crossed a red line") */
    DV_SWAP = 32    /* (PETRARCH "+ * FROM $") the target is named before
                     * the verb, the source after it */
};

/* One slot of a PETRARCH/TABARI pre-verb word sequence ("MOST_CERTAINLY_
 * &NEGATVAUXVRB_EVER *"): any of its alternatives (folded words joined by
 * single blanks; a synset gives several), in order; glued: the next slot,
 * or the verb after the last one, follows at once ('_'), else other words
 * may intervene (' '). */
typedef struct dict_seq {
    const char **alt;
    size_t n_alt;
    int glued;
} dict_seq;

typedef struct dict_verb {
    const char *code;       /* CAMEO event code */
    const char *third_code; /* code when placed in a third country, or NULL */
    const char *lemma;      /* verb or noun lemma (folded) */
    const char *prt;        /* particle ("off"), or NULL */
    const char **obj;       /* object head lemmas (any of), or NULL */
    size_t n_obj;
    const char **prep;      /* prepositions introducing the target, or NULL */
    size_t n_prep;
    const char *to;         /* xcomp verb lemma ("threaten to impose"), or NULL */
    const char **pp;        /* required "PREP NOUN" adjuncts ("by telephone") */
    size_t n_pp;
    unsigned flags;         /* enum dict_verb_flags */
    const char *src;        /* "verbs.txt:123" */
    const char *pattern;    /* the entry as written, for evidence */
    int32_t next;           /* next entry with the same lemma, -1 = end */
    /* (PETRARCH patterns; NULL/0 in our own dictionaries) */
    const char **pre;       /* pre-verb words: the subject head or a word of
                             * the clause before the verb (any of) */
    size_t n_pre;
    const char *rev_code;   /* "[032:033]": code of the reverse event
                             * (target → source), or NULL */
    const dict_seq *pre_seq; /* two or more pre-verb words: their sequence
                              * before the verb (replaces pre), or NULL */
    size_t n_pre_seq;
    const dict_seq *post_seq; /* TABARI-style post-verb words (no {NP} or
                               * (PP)): their sequence after the verb
                               * (replaces obj, pp, prep, to), or NULL */
    size_t n_post_seq;
    int post_glued;           /* "*_TO_PROVIDE": the first right after */
} dict_verb;

typedef struct dict_code {
    char code[8];
    const char *desc;
    double goldstein;
    const char *plover;
    int quad;
} dict_code;

/* open-addressing hash tables */
typedef struct dict_smap { /* string → int32 */
    const char **keys;
    int32_t *vals;
    size_t cap, n;
} dict_smap;

typedef struct dict_imap { /* uint64 → int32 */
    uint64_t *keys;  /* key + 1; 0 = empty */
    int32_t *vals;
    size_t cap, n;
} dict_imap;

struct dyad_dict {
    dyad_arena *arena;
    dict_smap toks;      /* folded token → id */
    int32_t n_toks;
    dict_imap edges;     /* (node << 32 | tok) → child node */
    int32_t *node_hit;   /* per node: first hit, -1 = none */
    size_t n_nodes, cap_nodes;
    dict_hit *hits;
    size_t n_hits, cap_hits;
    dict_actor *actors;
    size_t n_actors, cap_actors;
    dict_verb *verbs;
    size_t n_verbs, cap_verbs;
    dict_smap verb_lemma; /* lemma → first verb entry */
    dict_smap verb_form;  /* inflected form → a verb entry of its lemma
                           * (dict_index_verb_forms) */
    dict_smap surname;    /* folded last name → a person (dict_index_surnames) */
    int32_t *sur_next;    /* per actor: next person of the same last name */
    dict_code *codes;
    size_t n_codes, cap_codes;
    dict_smap code_index;
    dyad_dict_stats stats;
    int petrarch;        /* loaded from PETRARCH files: PETRARCH's target
                          * search and "---" agents (src/code) */
    int tabari;          /* ... with a TABARI-style verb file (no {NP} or
                          * (PP) in its patterns): TABARI's target, the
                          * first actor after the verb */
    char **discards;     /* PETRARCH discard phrases, lower case, after a
                          * flag character: 's' story, 'x' sentence */
    size_t n_discards, cap_discards;
};

/* ---- builder (used by loaders) */
dyad_dict *dict_new(void);
/* Copy *tmpl (strings must already live in d->arena) and return its index,
 * or -1 on OOM. */
int32_t dict_add_actor(dyad_dict *d, const dict_actor *tmpl);
/* Add a name (as written; folded and split here) for an actor.  A leading
 * "the" is dropped.  0 or DYAD_ENOMEM. */
int dict_add_name(dyad_dict *d, int32_t actor, const char *name);
int dict_add_verb(dyad_dict *d, const dict_verb *tmpl);
int dict_add_code(dyad_dict *d, const dict_code *c);
char *dict_strdup(dyad_dict *d, const char *s);
/* A discard phrase (PETRARCH): a sentence containing it (case-insensitive,
 * at a word start; a trailing '_' also requires a word end) is not coded;
 * story 1: the whole document is not coded.  0 or DYAD_ENOMEM. */
int dict_add_discard(dyad_dict *d, const char *phrase, int story);
/* 0: no discard phrase in text; 1: a sentence discard; 2: a story discard. */
int dict_discarded(const dyad_dict *d, const char *text, size_t n);

/* Load DIR/cameo.tsv (the CAMEO code table every loader needs before its
 * verb entries: dict_add_verb's code must be known to the coder). */
int dict_load_codes(dyad_dict *d, const char *dir, dyad_error *err);

/* ---- queries (used by the coder) */
int32_t dict_tok_id(const dyad_dict *d, const char *folded, size_t n);
int32_t dict_trie_child(const dyad_dict *d, int32_t node, int32_t tok);
int32_t dict_first_verb(const dyad_dict *d, const char *lemma);
/* The lemma of an inflected form of a lexicon verb ("froze" → "freeze"),
 * or NULL (src/dict/forms.c; after dict_index_verb_forms). */
const char *dict_verb_form_lemma(const dyad_dict *d, const char *form);
/* Index the inflected forms of the loaded verb entries. 0 or DYAD_ENOMEM. */
int dict_index_verb_forms(dyad_dict *d);
/* Index people by last name; then the people named folded (at most max
 * actor ids into out; returns how many). */
int dict_index_surnames(dyad_dict *d);
size_t dict_surname_people(const dyad_dict *d, const char *folded, int32_t *out, size_t max);
/* String maps for the dict stage's own files (k must outlive the map). */
int32_t dict_smap_get(const dict_smap *m, const char *k);
int dict_smap_put(dict_smap *m, const char *k, int32_t v);
const dict_code *dict_code_find(const dyad_dict *d, const char *code);

/* YYYY-MM-DD (or a prefix) → YYYYMMDD, 0 when not a date */
int32_t dict_parse_date(const char *s, size_t n);

#endif
