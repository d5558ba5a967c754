/* test_nlp.c — unit cases of the nlp stage. */
#include "unit.h"
#include "dyad.h"

const unit_case unit_nlp[] = {
    {NULL, NULL},
};
