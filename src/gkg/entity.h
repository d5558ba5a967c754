/* entity.h — helpers shared by the entity (entity*.c) and quotation
 * (quote*.c) stages: token text access and word lists. */
#ifndef DYAD_GKG_ENTITY_H
#define DYAD_GKG_ENTITY_H
#include "dyad.h"

#include <stddef.h>
#include <stdint.h>

/* ASCII case-insensitive compare of token i of doc with a word. */
int gkg_tok_is(const dyad_doc *doc, size_t i, const char *w);
/* Is token i one of the NULL-terminated list (case-insensitive)? */
int gkg_tok_in(const dyad_doc *doc, size_t i, const char *const *list);
/* First byte upper-case ASCII (or a non-ASCII letter flagged capitalized). */
int gkg_tok_cap(const dyad_doc *doc, size_t i);

/* speech verbs and speech nouns (said, told, statement, ...) */
extern const char *const gkg_speech_verbs[];
extern const char *const gkg_speech_nouns[];
/* he, she, him, his, her */
int gkg_tok_pronoun(const dyad_doc *doc, size_t i);

/* sentence index of token i (binary search) */
uint32_t gkg_sentence_of(const dyad_doc *doc, size_t tok);
#endif
