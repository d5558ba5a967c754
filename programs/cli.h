/* cli.h — shared pieces of the dyad command-line program (programs/). */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H
#include "dyad.h"

/* Exit codes: 0 all good, 1 some inputs failed (the rest processed),
 * 2 usage error. */
enum { CLI_OK = 0, CLI_PARTIAL = 1, CLI_USAGE = 2 };

/* Report an error as "dyad: PATH: message" on stderr. */
void cli_report(const dyad_error *e);
void cli_errorf(const char *path, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

int cmd_analyze(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_eval_parse(int argc, char **argv);
int cmd_schema(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_validate_petrarch(int argc, char **argv);
int cmd_entities(int argc, char **argv);
int cmd_quotes(int argc, char **argv);
#endif
