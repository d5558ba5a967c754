/* cmd_events.c — `dyad events PATH...`: the coded events of every document
 * as GDELT-like TSV, one event a line, for quick use in a shell or a
 * spreadsheet.
 *
 *   dyad events [--dict DIR] [--models DIR] [--date YYYY-MM-DD] [--all]
 *               [--conllu] PATH...
 *
 * Columns: doc, date, sentence, source code, source country, target code,
 * target country, event code, root, quad, goldstein, plover, mode, verb.
 * By default every mode is printed (filter on the mode column); --asserted
 * keeps asserted events only.  --conllu reads PATH as CoNLL-U parses
 * (gold trees) instead of running the tagger and parser. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

int cmd_events(int argc, char **argv);

static void put_field(const char *s)
{
    for (; s && *s; s++)
        putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void print_event(const char *doc, const dyad_event *e)
{
    put_field(doc);
    printf("\t%s\t%u\t", e->date, e->sentence);
    put_field(e->source.code);
    putchar('\t');
    put_field(e->source.country);
    putchar('\t');
    put_field(e->target.code);
    putchar('\t');
    put_field(e->target.country);
    printf("\t%s\t%s\t%d\t%.1f\t%s\t%s\t", e->code, e->root, e->quad, e->goldstein,
           e->plover, dyad_event_mode_name(e->mode));
    put_field(e->verb);
    putchar('\n');
}

static char *slurp(const char *path, size_t *n)
{
    FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!fp)
        return NULL;
    size_t cap = 1 << 16, len = 0, r;
    char *b = malloc(cap + 1);
    while (b && (r = fread(b + len, 1, cap - len, fp)) > 0) {
        len += r;
        if (len == cap) {
            char *nb = realloc(b, (cap *= 2) + 1);
            if (!nb)
                free(b);
            b = nb;
        }
    }
    if (fp != stdin)
        fclose(fp);
    if (b)
        b[len] = 0;
    *n = len;
    return b;
}

static int events_conllu(const dyad_dict *d, const char *path, const char *date,
                         int asserted_only)
{
    size_t n = 0;
    char *buf = slurp(path, &n);
    if (!buf) {
        cli_errorf(path, "cannot read");
        return 1;
    }
    dyad_arena *a = dyad_arena_new(0);
    dyad_coder *c = dyad_coder_new(d, date);
    const char *p = buf;
    dyad_word *w;
    size_t nw;
    const char *text;
    dyad_error e;
    uint32_t si = 0;
    int rc = 0, got;
    while ((got = dyad_conllu_next(a, &p, buf + n, &w, &nw, &text, &e)) != 0) {
        if (got < 0) {
            e.path[0] ? cli_report(&e) : cli_errorf(path, "%s", e.message);
            rc = 1;
            break;
        }
        dyad_event *ev;
        size_t ne;
        if (dyad_code_sentence(d, c, a, w, nw, si++, text, date, &ev, &ne, &e)) {
            cli_errorf(path, "%s", e.message);
            rc = 1;
            break;
        }
        for (size_t i = 0; i < ne; i++)
            if (!asserted_only || ev[i].mode == DYAD_MODE_ASSERTED)
                print_event(path, &ev[i]);
        dyad_arena_reset(a);
    }
    dyad_coder_free(c);
    dyad_arena_free(a);
    free(buf);
    return rc;
}

int cmd_events(int argc, char **argv)
{
    const char *dict_dir = NULL, *models = NULL, *date = NULL;
    int conllu = 0, asserted_only = 0, npaths = 0;
    char **paths = calloc((size_t)argc + 1, sizeof *paths);
    if (!paths)
        return CLI_PARTIAL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--dict") && i + 1 < argc)
            dict_dir = argv[++i];
        else if (!strcmp(argv[i], "--models") && i + 1 < argc)
            models = argv[++i];
        else if (!strcmp(argv[i], "--date") && i + 1 < argc)
            date = argv[++i];
        else if (!strcmp(argv[i], "--conllu"))
            conllu = 1;
        else if (!strcmp(argv[i], "--asserted"))
            asserted_only = 1;
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "usage: dyad events [--dict DIR] [--models DIR] [--date YYYY-MM-DD]"
                            " [--asserted] [--conllu] PATH...\n");
            free(paths);
            return CLI_USAGE;
        } else
            paths[npaths++] = argv[i];
    }
    if (!npaths) {
        fprintf(stderr, "dyad events: no input (give a file, a directory or -)\n");
        free(paths);
        return CLI_USAGE;
    }
    dyad_error e;
    memset(&e, 0, sizeof e);
    dyad_dict *d = NULL;
    if (dyad_dict_load(dict_dir, &d, &e)) {
        cli_report(&e);
        free(paths);
        return CLI_PARTIAL;
    }
    printf("doc\tdate\tsentence\tsource\tsource_country\ttarget\ttarget_country\tcode\troot"
           "\tquad\tgoldstein\tplover\tmode\tverb\n");
    int failed = 0;
    if (conllu) {
        for (int i = 0; i < npaths; i++)
            failed += events_conllu(d, paths[i], date, asserted_only);
        dyad_dict_free(d);
        free(paths);
        return failed ? CLI_PARTIAL : CLI_OK;
    }
    dyad_nlp *nlp = NULL;
    if (dyad_nlp_load(models, &nlp, &e)) {
        cli_report(&e);
        dyad_dict_free(d);
        free(paths);
        return CLI_PARTIAL;
    }
    dyad_options opt;
    memset(&opt, 0, sizeof opt);
    opt.date = date;
    opt.nlp = nlp;
    dyad_reader *rd = dyad_reader_new();
    for (int i = 0; rd && i < npaths; i++)
        if (dyad_reader_add(rd, paths[i], &e)) {
            cli_report(&e);
            failed++;
        }
    dyad_input in;
    int got;
    while (rd && (got = dyad_reader_next(rd, &in, &e)) != 0) {
        if (got < 0) {
            cli_report(&e);
            failed++;
            continue;
        }
        dyad_doc *doc = NULL;
        dyad_event *ev = NULL;
        size_t ne = 0;
        if (dyad_doc_analyze(&in, &opt, &doc, &e) || dyad_code_doc(d, doc, &ev, &ne, &e)) {
            cli_report(&e);
            failed++;
            dyad_doc_free(doc);
            continue;
        }
        for (size_t i = 0; i < ne; i++)
            if (!asserted_only || ev[i].mode == DYAD_MODE_ASSERTED)
                print_event(doc->id ? doc->id : in.path, &ev[i]);
        dyad_doc_free(doc);
    }
    dyad_reader_free(rd);
    dyad_nlp_free(nlp);
    dyad_dict_free(d);
    free(paths);
    return failed ? CLI_PARTIAL : CLI_OK;
}
