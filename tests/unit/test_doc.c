/* test_doc.c — unit cases of the doc stage. */
#include "unit.h"
#include "dyad.h"

const unit_case unit_doc[] = {
    {NULL, NULL},
};
