/* dyad.c — the command-line program: git-style subcommands over the public
 * API.  Errors go to stderr as "dyad: PATH: what is wrong"; exit status 0
 * all good, 1 some inputs failed (the rest processed), 2 usage error. */
#include "cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void cli_report(const dyad_error *e)
{
    if (e->path[0])
        fprintf(stderr, "dyad: %s: %s\n", e->path, e->message);
    else
        fprintf(stderr, "dyad: %s\n", e->message);
}

void cli_errorf(const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "dyad: ");
    if (path)
        fprintf(stderr, "%s: ", path);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* ---------------------------------------------------------------- analyze */

static const char analyze_usage[] =
    "usage: dyad analyze [options] PATH...\n"
    "\n"
    "Read articles (text files, .html pages, .jsonl files, directories, or -\n"
    "for stdin) and print one JSON record per document.\n"
    "\n"
    "  -f, --format FMT   jsonl (default, one object per line) or pretty\n"
    "  -s, --sentences    list sentences with byte offsets (default: a count)\n"
    "  -b, --body         include the cleaned body text\n"
    "  -d, --date DATE    publication date YYYY-MM-DD (overrides the text)\n"
    "      --no-events    text layers only: no tagging, parsing or event coding\n"
    "      --models DIR   tagger/parser models (default: models/ of the build)\n"
    "      --dict DIR     dictionaries (default: dict/ of the build)\n"
    "      --dict-format F  dyad (default) or petrarch: --dict is a PETRARCH\n"
    "                     dictionary directory or PETR_config.ini\n"
    "  -h, --help         this help\n";

static const char ingest_usage[] =
    "usage: dyad ingest --db FILE [options] PATH...\n"
    "\n"
    "Analyze articles and store them in a SQLite database (created if missing;\n"
    "schema: `dyad schema`).  One transaction per document; a document whose\n"
    "content is already stored is skipped.\n"
    "\n"
    "  --db FILE          the database (required)\n"
    "  -d, --date DATE    publication date YYYY-MM-DD (overrides the text)\n"
    "  -q, --quiet        no progress line, no summary\n"
    "      --no-events    text layers only: no tagging, parsing or event coding\n"
    "      --models DIR   tagger/parser models (default: models/ of the build)\n"
    "      --dict DIR     dictionaries (default: dict/ of the build)\n"
    "      --dict-format F  dyad (default) or petrarch: --dict is a PETRARCH\n"
    "                     dictionary directory or PETR_config.ini\n"
    "  -h, --help         this help\n";

typedef struct run_opts {
    dyad_options o;
    int pretty;
    const char *db;
    int quiet;
    int no_events;
    const char *models, *dict;
    int tsv; /* 0: JSON records; TSV_ENTITIES / TSV_QUOTES: rows */
    const char *dict_format; /* "dyad" (default) or "petrarch" */
} run_opts;

enum { TSV_ENTITIES = 1, TSV_QUOTES };

/* Where models/ and dict/ are: --models/--dict, then $DYAD_MODELS/$DYAD_DICT,
 * then the source tree the program was built in, then the current
 * directory. */
static const char *data_dir(const char *opt, const char *env, const char *sub, char *buf,
                            size_t cap)
{
    if (opt)
        return opt;
    const char *e = getenv(env);
    if (e && *e)
        return e;
#ifdef DYAD_SOURCE_DIR
    snprintf(buf, cap, "%s/%s", DYAD_SOURCE_DIR, sub);
    if (access(buf, R_OK) == 0)
        return buf;
#endif
    snprintf(buf, cap, "%s", sub);
    return buf;
}

/* Load the parser and the dictionaries for event coding.  Missing models
 * are not fatal: the text layers still run, and the user is told once. */
static void load_coding(run_opts *r, dyad_nlp **nlp, dyad_dict **dict, dyad_ner **ner)
{
    *nlp = NULL;
    *dict = NULL;
    *ner = NULL;
    if (r->no_events)
        return;
    char mb[1024], db[1024];
    const char *mdir = data_dir(r->models, "DYAD_MODELS", "models", mb, sizeof mb);
    const char *ddir = data_dir(r->dict, "DYAD_DICT", "dict", db, sizeof db);
    dyad_error e = {0};
    if (dyad_nlp_load(mdir, nlp, &e)) {
        fprintf(stderr, "dyad: %s: %s; no parsing or events (make train, or --no-events)\n",
                e.path[0] ? e.path : mdir, e.message);
        return;
    }
    memset(&e, 0, sizeof e);
    if (r->dict_format && !strcmp(r->dict_format, "petrarch")) {
        /* PETRARCH/TABARI dictionaries (a directory or a PETR_config.ini);
         * the CAMEO code table still comes from our dict/ */
        char cb[1024];
        dyad_dict_petrarch_files pf = {0};
        pf.cameo_dir = data_dir(NULL, "DYAD_DICT", "dict", cb, sizeof cb);
        char **warn = NULL;
        size_t nw = 0;
        if (dyad_dict_load_petrarch(r->dict, &pf, dict, &warn, &nw, &e)) {
            fprintf(stderr, "dyad: %s: %s; no events\n", e.path[0] ? e.path : r->dict, e.message);
            *dict = NULL;
        }
        for (size_t i = 0; i < nw; i++)
            fprintf(stderr, "dyad: warning: %s\n", warn[i]);
        dyad_dict_warnings_free(warn, nw);
    } else if (dyad_dict_load(ddir, dict, &e)) {
        fprintf(stderr, "dyad: %s: %s; no events\n", e.path[0] ? e.path : ddir, e.message);
        *dict = NULL;
    }
    memset(&e, 0, sizeof e);
    if (dyad_ner_load(mdir, ner, &e)) {
        fprintf(stderr, "dyad: %s: %s; entities from the dictionary only\n",
                e.path[0] ? e.path : mdir, e.message);
        *ner = NULL;
    }
    r->o.nlp = *nlp;
    r->o.dict = *dict;
    r->o.ner = *ner;
}

/* Tone lexicon and gazetteer: built by `make` from npm packages into the
 * build's data dir ($DYAD_DATA overrides).  Missing ones skip their layer. */
static void load_gkg(run_opts *r, dyad_lexicon **lx, dyad_gazetteer **gz)
{
    *lx = NULL;
    *gz = NULL;
    if (r->no_events)
        return;
    char path[1100];
    const char *dir = getenv("DYAD_DATA");
    if (!dir || !*dir) {
#ifdef DYAD_BUILD_DATA
        dir = DYAD_BUILD_DATA;
#else
        dir = "build/data";
#endif
    }
    dyad_error e = {0};
    snprintf(path, sizeof path, "%s/lexicon.tsv", dir);
    if (dyad_lexicon_load(path, lx, &e)) {
        fprintf(stderr, "dyad: %s: %s; no tone (make gkg-data)\n", path, e.message);
        *lx = NULL;
    }
    snprintf(path, sizeof path, "%s/gazetteer.bin", dir);
    memset(&e, 0, sizeof e);
    if (dyad_gazetteer_load(path, gz, &e)) {
        fprintf(stderr, "dyad: %s: %s; no places (make gkg-data)\n", path, e.message);
        *gz = NULL;
    }
    r->o.lexicon = *lx;
    r->o.gazetteer = *gz;
}

static int parse_common(int argc, char **argv, run_opts *r, const char *usage, int ingest)
{
    static const struct option lo[] = {
        {"format", required_argument, NULL, 'f'}, {"sentences", no_argument, NULL, 's'},
        {"body", no_argument, NULL, 'b'},         {"date", required_argument, NULL, 'd'},
        {"db", required_argument, NULL, 'D'},     {"quiet", no_argument, NULL, 'q'},
        {"no-events", no_argument, NULL, 'N'},    {"models", required_argument, NULL, 'M'},
        {"dict", required_argument, NULL, 'T'},   {"dict-format", required_argument, NULL, 'F'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ingest ? "+d:qh" : "+f:sbd:h", lo, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!strcmp(optarg, "jsonl") || !strcmp(optarg, "json"))
                r->pretty = 0;
            else if (!strcmp(optarg, "pretty"))
                r->pretty = 1;
            else {
                cli_errorf(NULL, "unknown format '%s' (jsonl or pretty)", optarg);
                return -1;
            }
            break;
        case 's': r->o.list_sentences = 1; break;
        case 'b': r->o.keep_body = 1; break;
        case 'd': r->o.date = optarg; break;
        case 'D': r->db = optarg; break;
        case 'q': r->quiet = 1; break;
        case 'N': r->no_events = 1; break;
        case 'M': r->models = optarg; break;
        case 'T': r->dict = optarg; break;
        case 'F':
            if (strcmp(optarg, "dyad") && strcmp(optarg, "petrarch")) {
                cli_errorf(NULL, "unknown dictionary format '%s' (dyad or petrarch)", optarg);
                return -1;
            }
            r->dict_format = optarg;
            break;
        case 'h': fputs(usage, stdout); return 1;
        default:
            cli_errorf(NULL, "unknown option '%s'", argv[optind - 1]);
            fputs(usage, stderr);
            return -1;
        }
    }
    if (r->dict_format && !strcmp(r->dict_format, "petrarch") && !r->dict) {
        cli_errorf(NULL, "--dict-format petrarch needs --dict DIR_OR_CONFIG");
        return -1;
    }
    if (optind >= argc) {
        cli_errorf(NULL, "no input: give files, directories or - for stdin");
        fputs(usage, stderr);
        return -1;
    }
    if (r->o.date) {
        int y, m, d;
        char extra;
        if (sscanf(r->o.date, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || m < 1 || m > 12 ||
            d < 1 || d > 31) {
            cli_errorf(NULL, "bad --date '%s' (want YYYY-MM-DD)", r->o.date);
            return -1;
        }
    }
    return 0;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Run the pipeline over every input; store or print each document. */
/* A TSV field: tabs and line breaks become spaces. */
static void tsv_field(FILE *fp, const char *s, int last)
{
    for (const char *c = s ? s : ""; *c; c++)
        fputc(*c == '\t' || *c == '\n' || *c == '\r' ? ' ' : *c, fp);
    fputc(last ? '\n' : '\t', fp);
}

static const char *type_name(int t)
{
    return t == DYAD_ENT_PERSON ? "PERSON" : t == DYAD_ENT_ORG ? "ORG" : t == DYAD_ENT_LOC ? "LOC" : "X";
}

static int write_tsv(const dyad_doc *d, int what, FILE *fp)
{
    char num[32];
    if (what == TSV_ENTITIES) {
        for (size_t i = 0; i < d->n_entities; i++) {
            const dyad_entity *e = &d->entities[i];
            tsv_field(fp, d->id, 0);
            tsv_field(fp, d->date, 0);
            snprintf(num, sizeof num, "%u", e->id);
            tsv_field(fp, num, 0);
            tsv_field(fp, type_name(e->type), 0);
            tsv_field(fp, e->name, 0);
            tsv_field(fp, e->key, 0);
            tsv_field(fp, e->code, 0);
            snprintf(num, sizeof num, "%zu", e->n_mentions);
            tsv_field(fp, num, 0);
            for (size_t k = 0; k < e->n_roles; k++)
                fprintf(fp, "%s%s", k ? "; " : "", e->roles[k]);
            fputc('\n', fp);
        }
    } else {
        for (size_t i = 0; i < d->n_quotes; i++) {
            const dyad_quote *q = &d->quotes[i];
            tsv_field(fp, d->id, 0);
            tsv_field(fp, d->date, 0);
            tsv_field(fp, q->speaker, 0);
            tsv_field(fp, q->code, 0);
            tsv_field(fp, q->verb, 0);
            tsv_field(fp, q->text, 1);
        }
    }
    return ferror(fp) ? DYAD_EIO : 0;
}

static int run(int argc, char **argv, run_opts *r, int ingest)
{
    dyad_reader *rd = dyad_reader_new();
    if (!rd) {
        cli_errorf(NULL, "out of memory");
        return CLI_PARTIAL;
    }
    dyad_error e = {0};
    for (int i = optind; i < argc; i++)
        if (dyad_reader_add(rd, argv[i], &e)) {
            cli_report(&e);
            dyad_reader_free(rd);
            return CLI_USAGE;
        }
    dyad_nlp *nlp;
    dyad_dict *dict;
    dyad_lexicon *lx;
    dyad_gazetteer *gz;
    dyad_ner *ner;
    load_coding(r, &nlp, &dict, &ner);
    load_gkg(r, &lx, &gz);
    dyad_store *st = NULL;
    if (ingest && dyad_store_open(r->db, &st, &e)) {
        dyad_nlp_free(nlp);
        dyad_dict_free(dict);
        dyad_lexicon_free(lx);
        dyad_gazetteer_free(gz);
        cli_report(&e);
        dyad_reader_free(rd);
        return CLI_PARTIAL;
    }
    size_t ok = 0, failed = 0, dup = 0;
    int progress = ingest && !r->quiet && isatty(2);
    double t0 = now_s(), last = t0;
    dyad_input in;
    int got;
    while ((got = dyad_reader_next(rd, &in, &e)) != 0) {
        if (got < 0) {
            cli_report(&e);
            failed++;
            continue;
        }
        dyad_doc *d = NULL;
        memset(&e, 0, sizeof e);
        if (dyad_doc_analyze(&in, &r->o, &d, &e)) {
            if (in.line > 1 && e.path[0] && !strstr(e.message, "line "))
                fprintf(stderr, "dyad: %s: line %u: %s\n", e.path, in.line, e.message);
            else
                cli_report(&e);
            failed++;
            continue;
        }
        for (size_t w = 0; w < d->n_warnings; w++)
            fprintf(stderr, "dyad: %s: warning: %s\n", d->path, d->warnings[w]);
        if (ingest) {
            int rc = dyad_store_put(st, d, &e);
            if (rc == DYAD_EDUP) {
                if (!r->quiet)
                    fprintf(stderr, "dyad: %s: %s\n", d->id, e.message);
                dup++;
            } else if (rc) {
                cli_report(&e);
                failed++;
            } else {
                ok++;
            }
        } else {
            if (r->tsv ? write_tsv(d, r->tsv, stdout) : dyad_doc_write_json(d, &r->o, stdout, r->pretty)) {
                cli_errorf("stdout", "write error");
                dyad_doc_free(d);
                failed++;
                break;
            }
            ok++;
        }
        dyad_doc_free(d);
        if (progress) {
            double t = now_s();
            if (t - last > 0.25) {
                last = t;
                fprintf(stderr, "\r  %zu stored, %zu skipped, %zu failed  (%.0f docs/s)", ok, dup,
                        failed, (ok + dup) / (t - t0 + 1e-9));
            }
        }
    }
    if (progress)
        fprintf(stderr, "\r%60s\r", "");
    if (ingest && !r->quiet)
        fprintf(stderr, "dyad: %s: %zu stored, %zu already there, %zu failed\n", r->db, ok, dup,
                failed);
    dyad_store_close(st);
    dyad_reader_free(rd);
    dyad_nlp_free(nlp);
    dyad_dict_free(dict);
    dyad_lexicon_free(lx);
    dyad_gazetteer_free(gz);
    dyad_ner_free(ner);
    if (fflush(stdout) != 0) {
        cli_errorf("stdout", "write error");
        return CLI_PARTIAL;
    }
    return failed ? CLI_PARTIAL : CLI_OK;
}

int cmd_analyze(int argc, char **argv)
{
    run_opts r = {0};
    int p = parse_common(argc, argv, &r, analyze_usage, 0);
    if (p)
        return p > 0 ? CLI_OK : CLI_USAGE;
    return run(argc, argv, &r, 0);
}

int cmd_ingest(int argc, char **argv)
{
    run_opts r = {0};
    int p = parse_common(argc, argv, &r, ingest_usage, 1);
    if (p)
        return p > 0 ? CLI_OK : CLI_USAGE;
    if (!r.db) {
        cli_errorf(NULL, "ingest needs --db FILE");
        fputs(ingest_usage, stderr);
        return CLI_USAGE;
    }
    return run(argc, argv, &r, 1);
}

static const char entities_usage[] =
    "usage: dyad entities [options] PATH...\n"
    "       dyad entities --db FILE\n"
    "\n"
    "People, organisations and places of each document as TSV: doc, date, id,\n"
    "type, name, key (spelling variants merged across documents), actor code,\n"
    "mentions, roles.  With --db, read them from a database.\n";

static const char quotes_usage[] =
    "usage: dyad quotes [options] PATH...\n"
    "       dyad quotes --db FILE\n"
    "\n"
    "Attributed quotations as TSV: doc, date, speaker, actor code, verb, text.\n"
    "With --db, read them from a database.\n";

/* The same rows out of a database made by `dyad ingest`. */
static int tsv_from_db(const char *db, int what)
{
    dyad_error e = {0};
    const char *sql = what == TSV_ENTITIES
        ? "SELECT d.doc, d.date, e.id, e.type, e.name, e.key, e.code,"
          " json_array_length(e.mentions), e.roles FROM entities e JOIN documents d ON d.id = e.doc_id"
          " ORDER BY d.id, e.id"
        : "SELECT d.doc, d.date, q.speaker, q.code, q.verb, q.text FROM quotes q"
          " JOIN documents d ON d.id = q.doc_id ORDER BY d.id, q.idx";
    if (dyad_store_query_tsv(db, sql, stdout, &e)) {
        cli_report(&e);
        return CLI_PARTIAL;
    }
    return CLI_OK;
}

static int cmd_tsv(int argc, char **argv, int what, const char *usage)
{
    run_opts r = {0};
    r.tsv = what;
    if (argc == 3 && !strcmp(argv[1], "--db"))
        return tsv_from_db(argv[2], what);
    int p = parse_common(argc, argv, &r, usage, 0);
    if (p)
        return p > 0 ? CLI_OK : CLI_USAGE;
    return run(argc, argv, &r, 0);
}

int cmd_entities(int argc, char **argv) { return cmd_tsv(argc, argv, TSV_ENTITIES, entities_usage); }
int cmd_quotes(int argc, char **argv) { return cmd_tsv(argc, argv, TSV_QUOTES, quotes_usage); }

int cmd_schema(int argc, char **argv)
{
    if (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
        puts("usage: dyad schema\n\nPrint the SQLite schema of the database `dyad ingest` writes.");
        return CLI_OK;
    }
    return dyad_store_schema(stdout) ? CLI_PARTIAL : CLI_OK;
}

/* ---------------------------------------------------------------- main */

typedef struct command {
    const char *name;
    int (*fn)(int, char **);
    const char *summary;
} command;

static const command commands[] = {
    {"analyze", cmd_analyze, "print one JSON record per document"},
    {"ingest", cmd_ingest, "store documents in a SQLite database"},
    {"events", cmd_events, "coded events as GDELT-like TSV"},
    {"entities", cmd_entities, "people, organisations, places as TSV"},
    {"quotes", cmd_quotes, "attributed quotations as TSV"},
    {"parse", cmd_parse, "tag and parse text, CoNLL-U out"},
    {"validate-petrarch", cmd_validate_petrarch, "run a PETRARCH validation file (PASS/FAIL, conformance)"},
    {"eval-parse", cmd_eval_parse, "score the tagger and parser on a CoNLL-U file"},
    {"schema", cmd_schema, "print the database schema"},
    {NULL, NULL, NULL},
};

static void usage(FILE *fp)
{
    fprintf(fp, "usage: dyad [--version] [--help] COMMAND [ARGS]\n\n"
                "dyad reads news articles and rebuilds who did what to whom.\n\n"
                "Commands:\n");
    for (const command *c = commands; c->name; c++)
        fprintf(fp, "  %-12s %s\n", c->name, c->summary);
    fprintf(fp, "\n`dyad COMMAND --help` tells more.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        if (argc > 2 && strcmp(argv[1], "help") == 0) {
            for (const command *c = commands; c->name; c++)
                if (!strcmp(c->name, argv[2])) {
                    char *hv[] = {argv[2], "--help", NULL};
                    return c->fn(2, hv);
                }
        }
        usage(stdout);
        return CLI_OK;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
        printf("dyad %s\n", DYAD_VERSION);
        return CLI_OK;
    }
    for (const command *c = commands; c->name; c++)
        if (!strcmp(c->name, argv[1]))
            return c->fn(argc - 1, argv + 1);
    cli_errorf(NULL, "'%s' is not a dyad command (see dyad --help)", argv[1]);
    return CLI_USAGE;
}
