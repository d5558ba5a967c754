/* test_store.c — unit cases of the store stage. */
#include "unit.h"
#include "dyad.h"

const unit_case unit_store[] = {
    {NULL, NULL},
};
