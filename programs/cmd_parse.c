/* cmd_parse.c — `dyad parse` (our tokens and sentences, tagged and parsed,
 * printed as CoNLL-U) and `dyad eval-parse` (tag and parse the words of a
 * gold CoNLL-U file, score them by the CoNLL 2018 shared-task definitions). */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char parse_usage[] =
    "usage: dyad parse [--format conllu] [--models DIR] PATH...\n"
    "\n"
    "Read plain-text files (or - for stdin), split them into sentences and\n"
    "words, tag, lemmatize and parse them, and print CoNLL-U.\n"
    "\n"
    "  --format conllu    the output format (the only one)\n"
    "  --models DIR       model directory (default: $DYAD_MODELS, then models/)\n"
    "  -h, --help         this help\n";

static const char eval_usage[] =
    "usage: dyad eval-parse [--models DIR] GOLD.conllu\n"
    "\n"
    "Tag and parse the words of a gold CoNLL-U file (gold tokenization) and\n"
    "print accuracies by the CoNLL 2018 shared-task definitions, punctuation\n"
    "included: UPOS, XPOS, UFeats, Lemma, UAS, LAS (universal relation only),\n"
    "then the speed of tagging and parsing (words per second of CPU time).\n"
    "\n"
    "  --models DIR       model directory (default: $DYAD_MODELS, then models/)\n"
    "  --output FILE      also write the system's analyses as CoNLL-U\n"
    "  -h, --help         this help\n";

/* Thread CPU time: tokens/s on one core, whatever else the machine runs. */
static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Whole file (or stdin) into a malloc-ed buffer. */
static char *slurp(const char *path, size_t *n)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (len == cap) {
            char *nb = cap < DYAD_MAX_INPUT ? realloc(buf, cap * 2) : NULL;
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + len, 1, cap - len, f);
        len += r;
        if (r == 0)
            break;
    }
    int bad = ferror(f);
    if (f != stdin)
        fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    *n = len;
    return buf;
}

static void put_field(const char *s, size_t n, FILE *out)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        fputc(c == '\t' || c == '\n' || c == '\r' ? ' ' : c, out);
    }
}

static void print_words(const dyad_word *w, size_t n, const char *text,
                        const dyad_token *tok, FILE *out)
{
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "%zu\t", i + 1);
        put_field(w[i].form, w[i].len, out);
        fputc('\t', out);
        put_field(w[i].lemma, strlen(w[i].lemma), out);
        fprintf(out, "\t%s\t%s\t%s\t%d\t%s\t_\t", dyad_upos_name(w[i].upos),
                w[i].xpos, w[i].feats, (int)w[i].head, w[i].deprel);
        int no_space = tok && i + 1 < n && tok[i].end == tok[i + 1].start;
        fputs(no_space ? "SpaceAfter=No\n" : "_\n", out);
    }
    (void)text;
    fputc('\n', out);
}

static int parse_one(const dyad_nlp *nlp, const char *path, FILE *out)
{
    size_t len = 0;
    char *raw = slurp(path, &len);
    if (!raw) {
        cli_errorf(path, "cannot read the file");
        return -1;
    }
    dyad_arena *a = dyad_arena_new(0);
    dyad_error e = {0};
    int rc = 0;
    size_t n = 0, n_toks = 0, n_sents = 0;
    dyad_token *toks = NULL;
    dyad_sentence *sents = NULL;
    char *text = a ? dyad_utf8_repair(a, raw, len, &n, NULL) : NULL;
    free(raw);
    if (!text) {
        cli_errorf(path, "out of memory");
        dyad_arena_free(a);
        return -1;
    }
    if (dyad_tokenize(a, text, n, &toks, &n_toks, &e) != 0 ||
        dyad_split_sentences(a, text, n, toks, n_toks, &sents, &n_sents, &e) != 0) {
        snprintf(e.path, sizeof e.path, "%s", path);
        cli_report(&e);
        dyad_arena_free(a);
        return -1;
    }
    dyad_arena *sa = dyad_arena_new(0);
    for (size_t s = 0; s < n_sents && sa; s++) {
        size_t first = sents[s].tok_first, nw = sents[s].tok_end - first;
        if (nw == 0)
            continue;
        dyad_word *w = dyad_arena_calloc(sa, sizeof *w * nw);
        if (!w) {
            rc = -1;
            break;
        }
        for (size_t i = 0; i < nw; i++) {
            const dyad_token *t = &toks[first + i];
            w[i].form = text + t->start;
            w[i].len = t->end - t->start;
            w[i].start = t->start;
        }
        if (dyad_nlp_annotate(nlp, sa, w, nw, &e) != 0) {
            snprintf(e.path, sizeof e.path, "%s", path);
            cli_report(&e);
            rc = -1;
            break;
        }
        fprintf(out, "# sent_id = %zu\n# text = ", s + 1);
        put_field(text + sents[s].start, sents[s].end - sents[s].start, out);
        fputc('\n', out);
        print_words(w, nw, text, toks + first, out);
        dyad_arena_reset(sa);
    }
    if (!sa)
        rc = -1;
    dyad_arena_free(sa);
    dyad_arena_free(a);
    return rc;
}

static int load_models(const char *dir, dyad_nlp **nlp)
{
    dyad_error e = {0};
    if (dyad_nlp_load(dir, nlp, &e) != 0) {
        cli_report(&e);
        return -1;
    }
    return 0;
}

int cmd_parse(int argc, char **argv)
{
    const char *models = NULL;
    int i = 1;
    for (; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(parse_usage, stdout);
            return CLI_OK;
        } else if (!strcmp(argv[i], "--format") && i + 1 < argc) {
            if (strcmp(argv[++i], "conllu") != 0) {
                cli_errorf(NULL, "parse: unknown format '%s' (conllu)", argv[i]);
                return CLI_USAGE;
            }
        } else if (!strcmp(argv[i], "--models") && i + 1 < argc) {
            models = argv[++i];
        } else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_errorf(NULL, "parse: unknown option '%s'", argv[i]);
            fputs(parse_usage, stderr);
            return CLI_USAGE;
        } else {
            break;
        }
    }
    if (i >= argc) {
        fputs(parse_usage, stderr);
        return CLI_USAGE;
    }
    dyad_nlp *nlp = NULL;
    if (load_models(models, &nlp) != 0)
        return CLI_USAGE;
    int failed = 0;
    for (; i < argc; i++)
        if (parse_one(nlp, argv[i], stdout) != 0)
            failed++;
    dyad_nlp_free(nlp);
    return failed ? CLI_PARTIAL : CLI_OK;
}

/* ---------------------------------------------------------------- eval */

typedef struct gold_word {
    const char *form, *lemma, *upos, *xpos, *feats, *deprel;
    int head;
} gold_word;

/* Split a line into its 10 tab-separated fields in place. */
static int split10(char *line, char **col)
{
    int k = 0;
    char *p = line;
    while (k < 10) {
        col[k++] = p;
        char *t = strchr(p, '\t');
        if (!t)
            break;
        *t = 0;
        p = t + 1;
    }
    return k;
}

static size_t univ_len(const char *r)
{
    const char *c = strchr(r, ':');
    return c ? (size_t)(c - r) : strlen(r);
}

typedef struct scores {
    size_t words, upos, xpos, feats, lemma, uas, las;
    double seconds;
} scores;

static void score_sentence(const dyad_nlp *nlp, dyad_arena *a, gold_word *g,
                           size_t n, scores *sc, FILE *out)
{
    dyad_word *w = dyad_arena_calloc(a, sizeof *w * n);
    if (!w)
        return;
    for (size_t i = 0; i < n; i++) {
        w[i].form = g[i].form;
        w[i].len = (uint32_t)strlen(g[i].form);
    }
    double t0 = now_s();
    int rc = dyad_nlp_annotate(nlp, a, w, n, NULL);
    sc->seconds += now_s() - t0;
    sc->words += n;
    if (rc != 0)
        return;
    if (out)
        print_words(w, n, NULL, NULL, out);
    for (size_t i = 0; i < n; i++) {
        sc->upos += strcmp(dyad_upos_name(w[i].upos), g[i].upos) == 0;
        sc->xpos += strcmp(w[i].xpos, g[i].xpos) == 0;
        sc->feats += strcmp(w[i].feats, g[i].feats) == 0;
        sc->lemma += strcmp(w[i].lemma, g[i].lemma) == 0;
        if (w[i].head == g[i].head) {
            sc->uas++;
            size_t ul = univ_len(w[i].deprel);
            sc->las += ul == univ_len(g[i].deprel) &&
                       memcmp(w[i].deprel, g[i].deprel, ul) == 0;
        }
    }
}

int cmd_eval_parse(int argc, char **argv)
{
    const char *models = NULL, *gold = NULL, *output = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(eval_usage, stdout);
            return CLI_OK;
        } else if (!strcmp(argv[i], "--models") && i + 1 < argc) {
            models = argv[++i];
        } else if (!strcmp(argv[i], "--output") && i + 1 < argc) {
            output = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_errorf(NULL, "eval-parse: unknown option '%s'", argv[i]);
            return CLI_USAGE;
        } else if (!gold) {
            gold = argv[i];
        } else {
            fputs(eval_usage, stderr);
            return CLI_USAGE;
        }
    }
    if (!gold) {
        fputs(eval_usage, stderr);
        return CLI_USAGE;
    }
    size_t len = 0;
    char *buf = slurp(gold, &len);
    if (!buf) {
        cli_errorf(gold, "cannot read the file");
        return CLI_USAGE;
    }
    char *data = realloc(buf, len + 1);
    if (!data) {
        free(buf);
        cli_errorf(NULL, "out of memory");
        return CLI_USAGE;
    }
    data[len] = 0;
    dyad_nlp *nlp = NULL;
    if (load_models(models, &nlp) != 0) {
        free(data);
        return CLI_USAGE;
    }
    FILE *out = NULL;
    if (output && !(out = fopen(output, "w"))) {
        cli_errorf(output, "cannot write the file");
        dyad_nlp_free(nlp);
        free(data);
        return CLI_USAGE;
    }
    dyad_arena *a = dyad_arena_new(0);
    size_t cap = 256, n = 0;
    gold_word *g = malloc(cap * sizeof *g);
    scores sc = {0};
    int bad = !a || !g;
    char *p = data;
    while (!bad && *p) {
        char *eol = strchr(p, '\n');
        char *next = eol ? eol + 1 : p + strlen(p);
        if (eol)
            *eol = 0;
        if (eol && eol > p && eol[-1] == '\r')
            eol[-1] = 0;
        if (*p == 0) {
            if (n) {
                score_sentence(nlp, a, g, n, &sc, out);
                dyad_arena_reset(a);
                n = 0;
            }
        } else if (*p != '#') {
            char *col[10];
            if (split10(p, col) == 10 && !strchr(col[0], '-') && !strchr(col[0], '.')) {
                if (n == cap) {
                    gold_word *ng = realloc(g, cap * 2 * sizeof *g);
                    if (!ng) {
                        bad = 1;
                        break;
                    }
                    g = ng;
                    cap *= 2;
                }
                g[n].form = col[1];
                g[n].lemma = col[2];
                g[n].upos = col[3];
                g[n].xpos = col[4];
                g[n].feats = col[5];
                g[n].head = atoi(col[6]);
                g[n].deprel = col[7];
                n++;
            }
        }
        p = next;
    }
    if (!bad && n)
        score_sentence(nlp, a, g, n, &sc, out);
    free(g);
    if (out && fclose(out) != 0)
        bad = 1;
    dyad_arena_free(a);
    dyad_nlp_free(nlp);
    free(data);
    if (bad) {
        cli_errorf(NULL, "out of memory");
        return CLI_USAGE;
    }
    if (sc.words == 0) {
        cli_errorf(gold, "no words in the file");
        return CLI_USAGE;
    }
    double w = (double)sc.words;
    printf("Words: %zu\n", sc.words);
    printf("UPOS: %.2f\n", 100.0 * (double)sc.upos / w);
    printf("XPOS: %.2f\n", 100.0 * (double)sc.xpos / w);
    printf("UFeats: %.2f\n", 100.0 * (double)sc.feats / w);
    printf("Lemma: %.2f\n", 100.0 * (double)sc.lemma / w);
    printf("UAS: %.2f\n", 100.0 * (double)sc.uas / w);
    printf("LAS: %.2f\n", 100.0 * (double)sc.las / w);
    printf("tokens/s: %.0f\n", sc.seconds > 0 ? w / sc.seconds : 0.0);
    return CLI_OK;
}
