/* ner.h — the named-entity tagger shared by inference (ner.c), training
 * (tools/train_ner.c) and evaluation (tools/eval_ner.c): the feature
 * extractor, the tag set, the gazetteer marks and the model layout.
 *
 * Model file (little-endian): "DYADNER\0" magic, u32 version, u32 hash bits
 * B, u32 number of tags T, u32 flags (NER_F_UPOS: trained with the tagger's
 * UPOS features), u32 word-table bits W (0: no table), float32 scale S, then
 * 2^B rows of NER_STRIDE int16 weights (T used, the rest zero; weight =
 * S * value), a row per hashed feature (features are hashed strings, FNV-1a 64),
 * then 2^W word-table entries (struct ner_entry, 16 bytes each, open
 * addressing with linear probing on key & (2^W - 1), key 0 = empty).
 *
 * Version 4 added the word table: per lower-cased word (key ner_word_key)
 * its distributional clusters and lower-case ratio computed by train_ner from
 * unlabeled text, whether it is a given name or surname of a person in
 * our actor dictionary, and the place-gazetteer class of single words and
 * of phrases of 2-4 words (key ner_phrase_key); with it came new features
 * and first-order Viterbi decoding, so version 3 files are rejected.
 * Version 5 stores the weights as int16 with one scale (half the bytes per
 * row, so twice the rows in the same file size: fewer hash collisions). */
#ifndef DYAD_GKG_NER_H
#define DYAD_GKG_NER_H
#include "dyad.h"

#include <stdint.h>

#define NER_MAGIC "DYADNER"
#define NER_VERSION 5u
#define NER_MODEL_FILE "ner-en.bin"
#define NER_HEADER 32u
/* weights per row: the tags padded to 8 so that a row is one aligned
 * 16-byte block (never straddles a cache line) */
#define NER_STRIDE 8
#define NER_F_UPOS 1u

enum ner_tag { NER_O = 0, NER_B_PER, NER_I_PER, NER_B_ORG, NER_I_ORG,
               NER_B_LOC, NER_I_LOC, NER_NTAGS };

/* gazetteer classes of a token (from the actor dictionary) */
enum ner_gaz { GZ_NONE = 0, GZ_COUNTRY, GZ_ADJ, GZ_CAPITAL, GZ_INST, GZ_IGO,
               GZ_GROUP, GZ_PERSON, GZ_AGENT, GZ_NCLASS };

typedef struct ner_tok {
    const char *s; /* surface form (not NUL-terminated) */
    uint32_t n;
    uint8_t gaz;   /* enum ner_gaz * 2 + (1 when inside, 0 when first) */
    uint8_t prof;  /* sentence case profile (ner_case_profile) */
    uint8_t upos;  /* enum dyad_upos from the tagger, 0 when not tagged */
    uint8_t c0;    /* coarse distributional cluster + 1 (0: none) */
    uint16_t c1;   /* fine distributional cluster + 1 (0: none) */
    uint8_t lcr;   /* lower-case ratio bucket (low 3 bits) | log2 freq << 3 */
    uint8_t geo;   /* place class * 2 + (1 when inside), 0: none */
    uint8_t pers;  /* ner_entry.pers of the word */
} ner_tok;

/* a word-table entry (16 bytes, little-endian on disk) */
typedef struct ner_entry {
    uint64_t key;  /* ner_word_key or ner_phrase_key, 0 = empty slot */
    uint16_t c1;   /* fine cluster + 1 */
    uint8_t c0;    /* coarse cluster + 1 */
    uint8_t lcr;   /* as ner_tok.lcr */
    uint8_t geo;   /* place class (enum ner_geo), words and phrases */
    uint8_t pers;  /* 1: a given name, 2: a surname of a dictionary person */
    uint8_t pad[2];
} ner_entry;

/* place classes from the gazetteer */
enum ner_geo { GEO_NONE = 0, GEO_COUNTRY, GEO_ADM1, GEO_CITY_BIG, GEO_CITY_MID,
               GEO_CITY, GEO_OTHER, GEO_NCLASS };

/* keys of the word table: a lower-cased word; a phrase of words (lower-cased,
 * joined by one space: start with ner_phrase_key(0, ...) and feed the words
 * one by one, the value after each word is the key of the phrase so far). */
uint64_t ner_word_key(const char *s, size_t n);
uint64_t ner_phrase_next(uint64_t state, const char *s, size_t n);
uint64_t ner_phrase_key(uint64_t state);
#define NER_PHRASE_START 0x5bd1e9955bd1e995ull
#define NER_PHRASE_MAX 4
const ner_entry *ner_table_find(const ner_entry *tab, uint32_t tbits, uint64_t key);
/* Set c0, c1, lcr, pers and geo of every token from the table (tab may be NULL). */
void ner_table_marks(const ner_entry *tab, uint32_t tbits, ner_tok *t, size_t n);
/* lower-case ASCII copy of at most 48 bytes; returns the length */
#define NER_WMAX 48
size_t ner_lower(const char *s, size_t n, char *buf);

#define NER_MAX_FEATS 128

/* Static features of token i of a sentence: hashes into out (at most
 * NER_MAX_FEATS); returns how many. */
size_t ner_features(const ner_tok *t, size_t n, size_t i, uint64_t *out);
/* Features that depend on the previous tag p1 (NER_NTAGS at the start; p2
 * is not used: decoding is first-order Viterbi). */
size_t ner_tag_features(const ner_tok *t, size_t n, size_t i, int p1, int p2,
                        uint64_t *out);
/* Is tag `tag` allowed after `prev` (no I-X after O or another type)? */
int ner_allowed(int prev, int tag);

/* Gazetteer marks from the dictionary trie (longest match, left to right);
 * d may be NULL (no marks).  Folding scratch goes to arena a. */
void ner_gazetteer(const dyad_dict *d, dyad_arena *a, ner_tok *t, size_t n);

/* Set .prof of every token: 0 normal, 1 all lower case, 2 title case,
 * 3 upper case.  Call before ner_features. */
void ner_case_profile(ner_tok *t, size_t n);

/* The weights: 2^bits rows of NER_STRIDE, float (training) or int16 times
 * scale (a loaded model); exactly one of f and q is set. */
typedef struct ner_wv {
    const float *f;
    const int16_t *q;
    float scale;
    uint32_t bits;
} ner_wv;

/* Viterbi decoding with BIO constraints. */
void ner_decode(const ner_wv *w, const ner_tok *t, size_t n, uint8_t *tags);

/* Training on other corpora ("frustratingly easy" domain adaptation): for
 * domain dom > 0 the k features in f get a second, domain-salted copy
 * (f must hold 2k); returns the new count.  Run time is domain 0. */
size_t ner_domain(uint64_t *f, size_t k, unsigned dom);
void ner_decode_dom(const ner_wv *w, const ner_tok *t, size_t n, uint8_t *tags,
                    unsigned dom);

uint64_t ner_hash(const void *s, size_t n, uint64_t h);
#define NER_HASH_SEED 1469598103934665603ull

/* entity type (enum dyad_entity_type) of a B-/I- tag, 0 for O */
int ner_tag_type(int tag);

/* the model's weights and word table (for tools) */
ner_wv ner_weights(const dyad_ner *m);
const ner_entry *ner_table(const dyad_ner *m, uint32_t *tbits);
#endif
