/* nlp_impl.h — internals of the nlp stage shared by inference (src/nlp) and
 * training (tools/train_nlp.c): the model file layout, feature hashing, the
 * tagger's and parser's feature extractors and the arc-eager transition
 * system.  Training and inference call the same extractors, so a feature
 * seen in training is the same 64-bit key at run time.
 *
 * Model file (models/nlp-en.bin), all fields little-endian:
 *   0   char magic[8] = "DYADNLP\0"
 *   8   u32 version   = DYAD_NLP_FORMAT_VERSION
 *   12  u32 n_sections
 *   16  section table: n_sections × { u32 id, u32 reserved, u64 offset, u64 size }
 *   ... sections, each 16-byte aligned, addressed by offset from file start.
 * The file is mmap-ed read-only; the loaded dyad_nlp only points into it. */
#ifndef DYAD_NLP_IMPL_H
#define DYAD_NLP_IMPL_H

#include "dyad.h"

#include <stddef.h>
#include <stdint.h>

#define DYAD_NLP_MAGIC "DYADNLP"  /* plus its NUL: 8 bytes */
#define DYAD_NLP_FORMAT_VERSION 1u
#define DYAD_NLP_MODEL_FILE "nlp-en.bin"

enum dyad_nlp_section {
    NLP_SEC_STRINGS = 1, /* NUL-terminated strings, addressed by offset */
    NLP_SEC_META,        /* u32 array: see enum nlp_meta */
    NLP_SEC_TAGS,        /* per tag class: u32 upos, u32 xpos string */
    NLP_SEC_LABELS,      /* per dependency label: u32 name string */
    NLP_SEC_TAG_TAB,     /* ktab: feature key -> (offset, count) in TAG_W */
    NLP_SEC_TAG_W,       /* nlp_weight[] */
    NLP_SEC_PAR_TAB,     /* ktab: feature key -> (offset, count) in PAR_W */
    NLP_SEC_PAR_W,       /* nlp_weight[] */
    NLP_SEC_LEX_TAB,     /* ktab: lexical key -> (string, flags): lemmas, feats */
    NLP_SEC_COUNT_
};

enum nlp_meta {
    NLP_META_N_TAGS = 0, NLP_META_N_LABELS, NLP_META_ROOT_LABEL,
    NLP_META_PUNCT_LABEL, NLP_META_DEP_LABEL, NLP_META_COUNT_
};

/* One slot of an open-addressing table (linear probing; key 0 = empty). */
typedef struct nlp_slot {
    uint64_t key;
    uint32_t a, b;
} nlp_slot;

/* A hashed table view: n_slots is a power of two. */
typedef struct nlp_ktab {
    const nlp_slot *slots;
    uint32_t mask;
} nlp_ktab;

/* A perceptron feature slot (8 bytes): check = high half of the feature
 * key (0 = empty slot; the low half picks the slot), val = offset << 8 |
 * (count - 1) of its run of weights.  count - 1 == 255 marks a dense row:
 * n_cls IEEE floats at offset, one per class (features that have weights
 * for many classes are faster to add that way). */
#define NLP_DENSE_MARK 0xffu
typedef struct nlp_pslot {
    uint32_t check, val;
} nlp_pslot;

/* One non-zero weight: the upper 24 bits of its IEEE float, and the class
 * index in the low 8 bits. */
typedef uint32_t nlp_weight;
static inline uint32_t nlp_weight_cls(nlp_weight w) { return w & 0xffu; }
static inline float nlp_weight_val(nlp_weight w)
{
    union { uint32_t u; float f; } x;
    x.u = w & ~0xffu;
    return x.f;
}
static inline nlp_weight nlp_weight_pack(float v, uint32_t cls)
{
    union { uint32_t u; float f; } x;
    x.f = v;
    x.u += 0x80u; /* round to nearest on the kept bits */
    return (x.u & ~0xffu) | (cls & 0xffu);
}
static inline uint32_t nlp_pslot_home(uint64_t key, uint32_t n_slots)
{
    return (uint32_t)(((uint64_t)(uint32_t)key * n_slots) >> 32);
}
static inline uint32_t nlp_pslot_check(uint64_t key)
{
    uint32_t c = (uint32_t)(key >> 32);
    return c ? c : 1;
}

/* A perceptron as stored: feature key -> run of weights. */
typedef struct nlp_perc {
    const nlp_pslot *slots;
    uint32_t n_slots;   /* any size: slot of a key = nlp_pslot_home() */
    const nlp_weight *w;
    const float *wf;    /* the same array, read as floats by dense rows */
    uint64_t n_w; /* runs past the end (corrupt file) are ignored */
    uint32_t n_cls;     /* row length of dense rows */
} nlp_perc;

/* ---- hashing */
uint64_t nlp_hash_str(const char *s, size_t n);
static inline uint64_t nlp_mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 29;
    return h;
}
static inline uint64_t nlp_key_fix(uint64_t k) { return k ? k : 1; }
const nlp_slot *nlp_ktab_find(const nlp_ktab *t, uint64_t key);
/* A hint: fetch the home slot of key into the cache ahead of a find. */
static inline void nlp_ktab_prefetch(const nlp_ktab *t, uint64_t key)
{
#if defined(__GNUC__)
    if (t->slots)
        __builtin_prefetch(&t->slots[(uint32_t)(key ^ (key >> 32)) & t->mask]);
#else
    (void)t; (void)key;
#endif
}
/* Add the weights of the found features to scores[0..n_cls). */
void nlp_perc_score(const nlp_perc *p, const uint64_t *keys, size_t nk,
                    float *scores);
/* Memo of the last call's lookups, for a caller whose successive calls
 * share many keys at the same positions (the parser: features of words
 * that a transition did not touch).  Results are those of nlp_perc_score
 * (same weights added in the same order).  Set n = 0 to start. */
#define NLP_MEMO_MAX 128
typedef struct nlp_perc_memo {
    size_t n;
    uint64_t key[NLP_MEMO_MAX];
    uint32_t val[NLP_MEMO_MAX];
    uint8_t st[NLP_MEMO_MAX]; /* 1 = found (val), 2 = absent */
} nlp_perc_memo;
void nlp_perc_score_memo(const nlp_perc *p, const uint64_t *keys, size_t nk,
                         nlp_perc_memo *mm, float *scores);
/* ---- words as the tagger and parser see them */
#define NLP_MAX_CLASSES 256
#define NLP_MAX_LABELS 64

typedef struct nlp_tok {
    uint64_t form, lower, shape;
    uint64_t suf[4], pre[3];
    uint32_t flags; /* NLP_F_* */
    uint32_t amb;   /* ambiguity class: the tags seen with the word, 0 = unknown */
} nlp_tok;

enum { NLP_F_CAP = 1, NLP_F_ALLCAP = 2, NLP_F_DIGIT = 4, NLP_F_HYPHEN = 8,
       NLP_F_PUNCT = 16 };

/* Fill t from a surface form.  buf: scratch of at least n+1 bytes. */
void nlp_tok_init(nlp_tok *t, const char *form, size_t n, char *buf);

/* Tagger features of word i given the previous predicted tags (tags[j],
 * j < i; class indices, +1 so that 0 = sentence start).  Returns the number
 * of keys written (at most NLP_TAG_MAX_FEATS). */
#define NLP_TAG_MAX_FEATS 48
size_t nlp_tag_features(const nlp_tok *toks, size_t n, size_t i,
                        const int *tags, uint64_t *keys);

/* ---- arc-eager parser state.  Word 0 is the artificial root; words 1..n. */
typedef struct nlp_pstate {
    int n;
    int *stack, sp;     /* stack[0..sp) ; stack[0] = 0 (root) */
    int b;              /* front of the buffer; b > n: buffer empty */
    int *head, *label;  /* -1 = none yet */
    int *l1, *l2, *r1, *r2;   /* leftmost/2nd leftmost, rightmost/2nd */
    uint8_t *nl, *nr;
    uint64_t *lset, *rset;    /* label sets of left/right children */
    int root_child;           /* the word attached to 0, or -1 */
} nlp_pstate;

/* Transitions: 0 SHIFT, 1 REDUCE, 2+2l LEFT(l), 3+2l RIGHT(l). */
enum { NLP_T_SHIFT = 0, NLP_T_REDUCE = 1 };
#define NLP_T_LEFT(l) (2 + 2 * (l))
#define NLP_T_RIGHT(l) (3 + 2 * (l))

/* Memory for a state of n words, one block from the caller (size bytes). */
size_t nlp_pstate_size(int n);
void nlp_pstate_init(nlp_pstate *st, int n, void *mem);
int nlp_pstate_legal(const nlp_pstate *st, int t, int root_label);
void nlp_pstate_apply(nlp_pstate *st, int t);
/* After the buffer empties: attach the words left without a head. */
void nlp_pstate_finish(nlp_pstate *st, int root_label, int dep_label,
                       int punct_label, const int *is_punct);

/* Parser features of a state.  wk[i] word keys, tk[i] tag ids (0..n). */
#define NLP_PAR_MAX_FEATS 96
size_t nlp_par_features(const nlp_pstate *st, const uint64_t *wk,
                        const int *tk, uint64_t *keys);

/* ---- lexical keys of the LEX table */
uint64_t nlp_lex_key(int kind, int tag, const char *s, size_t n);
enum { NLP_LEX_LEMMA_XPOS = 1, NLP_LEX_LEMMA_UPOS, NLP_LEX_SUFFIX,
       NLP_LEX_FEATS_FORM, NLP_LEX_FEATS_TAG, NLP_LEX_AMBIG,
       NLP_LEX_LEMMA_FORM };
/* NLP_LEX_AMBIG entries (tag 0, lower-cased form): b = the word's ambiguity
 * class id (a hash of its frequent tags), a = 0. */
/* Lemma entry flags (slot b): bit 0 = keep the form's case,
 * bits 8..15 = characters to strip (suffix rules). */

#endif
