/* stub.c — placeholder until the tagger/parser lands (issue 3). */
#include "dyad.h"

struct dyad_nlp { int unused; };

int dyad_nlp_load(const char *dir, dyad_nlp **out, dyad_error *err)
{
    *out = NULL;
    return dyad_error_set(err, DYAD_EMODEL, dir ? dir : "models", -1,
                          "the tagger and parser are not built yet");
}

void dyad_nlp_free(dyad_nlp *nlp) { (void)nlp; }

int dyad_nlp_annotate(const dyad_nlp *nlp, dyad_arena *a, dyad_word *words,
                      size_t n, dyad_error *err)
{
    return dyad_error_set(err, DYAD_EMODEL, NULL, -1, "no parser");
}

const char *dyad_upos_name(int upos) { (void)upos; return "X"; }
