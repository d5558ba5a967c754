/* model.h — the loaded nlp model (internal to src/nlp and the training
 * tools): views into the mmap-ed file, nothing owned but the mapping. */
#ifndef DYAD_NLP_MODEL_H
#define DYAD_NLP_MODEL_H

#include "nlp/nlp_impl.h"

struct dyad_nlp {
    const void *map;
    size_t map_len;
    const char *strs;
    size_t strs_len;
    uint32_t n_tags, n_labels, root_label, punct_label, dep_label;
    const uint32_t *tags;   /* n_tags × (upos, xpos string) */
    const uint32_t *labels; /* n_labels × name string */
    nlp_perc tagger, parser;
    nlp_ktab lex;
};

int nlp_upos_from_name(const char *s);

/* The stages of dyad_nlp_annotate, exposed for training-time evaluation.
 * lower: the lower-cased forms.  Tags are class indices. */
void nlp_tag(const dyad_nlp *m, const nlp_tok *toks, size_t n, int *tags);
/* Parse words 1..n; heads/labels out (index 1..n). scratch: nlp_pstate_size(n). */
void nlp_parse(const dyad_nlp *m, const uint64_t *wk, const int *tk, int n,
               const int *is_punct, void *scratch, int *heads, int *labels);
/* Lemma of one word into out (cap bytes); returns its length. */
size_t nlp_lemmatize(const dyad_nlp *m, const char *form, size_t n,
                     const char *lower, int tag, int first, char *out,
                     size_t cap);
#endif
