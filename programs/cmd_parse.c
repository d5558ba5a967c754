/* cmd_parse.c — `dyad parse` and `dyad eval-parse` (placeholder until issue 3). */
#include "cli.h"

#include <stdio.h>

int cmd_parse(int argc, char **argv)
{
    fprintf(stderr, "dyad: parse: not built yet\n");
    return CLI_USAGE;
}

int cmd_eval_parse(int argc, char **argv)
{
    fprintf(stderr, "dyad: eval-parse: not built yet\n");
    return CLI_USAGE;
}
