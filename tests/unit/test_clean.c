/* test_clean.c — unit cases of the clean stage. */
#include "unit.h"
#include "dyad.h"

const unit_case unit_clean[] = {
    {NULL, NULL},
};
