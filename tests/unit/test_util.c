/* test_util.c — arena and error convention. */
#include "unit.h"
#include "dyad.h"

#include <stdint.h>

static void arena_alignment_and_growth(void)
{
    dyad_arena *a = dyad_arena_new(64);
    CHECK(a != NULL);
    for (int i = 0; i < 1000; i++) {
        void *p = dyad_arena_alloc(a, (size_t)(i % 37) + 1);
        CHECK(p != NULL);
        CHECK(((uintptr_t)p & 15u) == 0);
    }
    char *big = dyad_arena_alloc(a, 1 << 20);
    CHECK(big != NULL);
    big[(1 << 20) - 1] = 'x';
    CHECK_STR(dyad_arena_strndup(a, "hello world", 5), "hello");
    dyad_arena_reset(a);
    CHECK_EQ_INT(dyad_arena_used(a), 0);
    CHECK(dyad_arena_alloc(a, 10) != NULL);
    dyad_arena_free(a);
    dyad_arena_free(NULL);
}

static void error_fill(void)
{
    dyad_error e;
    int rc = dyad_error_set(&e, DYAD_EIO, "a/b.txt", -1, "cannot open: %s", "No such file");
    CHECK_EQ_INT(rc, DYAD_EIO);
    CHECK_STR(e.path, "a/b.txt");
    CHECK_STR(e.message, "cannot open: No such file");
    CHECK_EQ_INT(dyad_error_set(NULL, DYAD_EDB, NULL, 0, "x"), DYAD_EDB);
    CHECK_STR(dyad_status_name(DYAD_ETOOBIG), "toobig");
}

const unit_case unit_util[] = {
    {"arena_alignment_and_growth", arena_alignment_and_growth},
    {"error_fill", error_fill},
    {NULL, NULL},
};
