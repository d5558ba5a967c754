/* ner.h — the named-entity tagger shared by inference (ner.c), training
 * (tools/train_ner.c) and evaluation (tools/eval_ner.c): the feature
 * extractor, the tag set, the gazetteer marks and the model layout.
 *
 * Model file (little-endian): "DYADNER\0" magic, u32 version, u32 hash bits
 * B, u32 number of tags T, u32 flags (NER_F_UPOS: trained with the tagger's
 * UPOS features), u32 zero padding to 32 bytes, then 2^B rows of
 * NER_STRIDE float32 weights (T used, the rest zero), a row per hashed
 * feature.  Features are hashed strings (FNV-1a 64), so the
 * file has no feature table. */
#ifndef DYAD_GKG_NER_H
#define DYAD_GKG_NER_H
#include "dyad.h"

#include <stdint.h>

#define NER_MAGIC "DYADNER"
#define NER_VERSION 3u
#define NER_MODEL_FILE "ner-en.bin"
#define NER_HEADER 32u
/* floats per weight row: the tags padded to 8 so that a row is one aligned
 * 32-byte block (one cache line fetch per feature) */
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
} ner_tok;

#define NER_MAX_FEATS 64

/* Static features of token i of a sentence: hashes into out (at most
 * NER_MAX_FEATS); returns how many. */
size_t ner_features(const ner_tok *t, size_t n, size_t i, uint64_t *out);
/* Features that depend on the previous two predicted tags. */
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

/* Greedy left-to-right decoding with weights w (2^bits rows of NER_NTAGS). */
void ner_decode(const float *w, uint32_t bits, const ner_tok *t, size_t n,
                uint8_t *tags);

uint64_t ner_hash(const void *s, size_t n, uint64_t h);
#define NER_HASH_SEED 1469598103934665603ull

/* entity type (enum dyad_entity_type) of a B-/I- tag, 0 for O */
int ner_tag_type(int tag);

/* the model's weights (for tools) */
const float *ner_weights(const dyad_ner *m, uint32_t *bits);
#endif
