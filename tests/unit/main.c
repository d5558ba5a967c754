/* main.c — runs the unit-test groups: `unit` runs all, `unit GROUP [CASE]`
 * one group or one case.  Prints "N passed, N failed". */
#include "unit.h"

#include <stdlib.h>

int unit_failed_checks;
static const char *current;

void unit_fail(const char *file, int line, const char *what)
{
    unit_failed_checks++;
    fprintf(stderr, "  FAIL %s: %s:%d: %s\n", current, file, line, what);
}

struct group { const char *name; const unit_case *cases; };
#define UNIT_ROW(g) { #g, unit_##g },
static const struct group groups[] = { UNIT_GROUPS(UNIT_ROW) { NULL, NULL } };

int main(int argc, char **argv)
{
    const char *want_group = argc > 1 ? argv[1] : NULL;
    const char *want_case = argc > 2 ? argv[2] : NULL;
    int passed = 0, failed = 0;
    for (const struct group *g = groups; g->name; g++) {
        if (want_group && strcmp(want_group, g->name) != 0)
            continue;
        for (const unit_case *c = g->cases; c->name; c++) {
            if (want_case && strcmp(want_case, c->name) != 0)
                continue;
            char full[256];
            snprintf(full, sizeof full, "%s/%s", g->name, c->name);
            current = full;
            int before = unit_failed_checks;
            c->fn();
            if (unit_failed_checks == before) {
                passed++;
            } else {
                failed++;
                fprintf(stderr, "FAIL %s\n", full);
            }
        }
    }
    printf("unit: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
