/* test_text.c — unit cases of the text stage. */
#include "unit.h"
#include "dyad.h"

const unit_case unit_text[] = {
    {NULL, NULL},
};
