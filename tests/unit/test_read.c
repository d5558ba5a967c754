/* test_read.c — unit cases of the read stage. */
#include "unit.h"
#include "dyad.h"

const unit_case unit_read[] = {
    {NULL, NULL},
};
