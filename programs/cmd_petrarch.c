/* cmd_petrarch.c — `dyad validate-petrarch RECORDS.xml`: runs a PETRARCH
 * validation file (PETR.UnitTest.records.xml, PETR2_GSR_validation.xml)
 * with the dictionaries its <Environment> names, through our tokenizer,
 * tagger and parser (the records' <Parse> is ignored unless --gold-parse
 * and it is CoNLL-U), and compares the coded events with the records'
 * <EventCoding> lines.
 *
 *   dyad validate-petrarch [--dict-dir DIR] [--models DIR] [--cameo DIR]
 *                          [--gold-parse] [--quiet] [--warnings] RECORDS.xml
 *
 * Prints one PASS/FAIL line per record with expected and produced codings,
 * per-category totals, then "petrarch_conformance: 0.xx" (records whose
 * set of (source, target, code) equals the expected set). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

int cmd_validate_petrarch(int argc, char **argv);

static char *slurp(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
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
    fclose(fp);
    if (b)
        b[len] = 0;
    *n = len;
    return b;
}

/* Text of the first <tag>…</tag> in [p, end), entity-decoded, blanks
 * collapsed; NULL when absent.  malloc'd. */
static char *element(const char *p, const char *end, const char *tag)
{
    char open[64], close[64];
    snprintf(open, sizeof open, "<%s>", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    const char *a = strstr(p, open);
    if (!a || a >= end)
        return NULL;
    a += strlen(open);
    const char *b = strstr(a, close);
    if (!b || b > end)
        return NULL;
    char *o = malloc((size_t)(b - a) + 1), *w = o;
    if (!o)
        return NULL;
    for (const char *s = a; s < b; s++) {
        if (*s == '&') {
            static const struct { const char *e; char c; } ent[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
            int done = 0;
            for (size_t k = 0; k < 5 && !done; k++)
                if (!strncmp(s, ent[k].e, strlen(ent[k].e))) {
                    *w++ = ent[k].c;
                    s += strlen(ent[k].e) - 1;
                    done = 1;
                }
            if (done)
                continue;
        }
        *w++ = *s;
    }
    *w = 0;
    return o;
}

static void collapse(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        char c = *r == '\n' || *r == '\t' || *r == '\r' ? ' ' : *r;
        if (c == ' ' && (w == s || w[-1] == ' '))
            continue;
        *w++ = c;
    }
    while (w > s && w[-1] == ' ')
        w--;
    *w = 0;
}

/* value of attr="..." inside the tag starting at p (up to '>') */
static int attr(const char *p, const char *name, char *out, size_t cap)
{
    const char *gt = strchr(p, '>');
    size_t nl = strlen(name);
    for (const char *s = p; s && (!gt || s < gt); s++) {
        if (strncmp(s, name, nl) || (s > p && s[-1] != ' ' && s[-1] != '\t' && s[-1] != '\n'))
            continue;
        const char *q = s + nl;
        while (*q == ' ')
            q++;
        if (*q != '=')
            continue;
        q++;
        while (*q == ' ')
            q++;
        if (*q != '"' && *q != '\'')
            continue;
        char quote = *q++;
        const char *e = strchr(q, quote);
        if (!e)
            return 0;
        snprintf(out, cap, "%.*s", (int)(e - q), q);
        return 1;
    }
    return 0;
}

typedef struct triple {
    char s[48], t[48], c[12];
} triple;

static int has_triple(const triple *v, int n, const triple *x)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(v[i].s, x->s) && !strcmp(v[i].t, x->t) && !strcmp(v[i].c, x->c))
            return 1;
    return 0;
}

/* The require_dyad value after the <Config> elements in [p, end) (records
 * the validation file sets it for: "false" anywhere in the value turns it
 * off, as PETRARCH reads it). */
static int config_between(const char *p, const char *end, int require_dyad)
{
    for (const char *q = strstr(p, "<Config "); q && q < end; q = strstr(q + 8, "<Config ")) {
        char opt[64] = "", val[64] = "";
        if (!attr(q + 8, "option", opt, sizeof opt) || !attr(q + 8, "value", val, sizeof val))
            continue;
        if (strcmp(opt, "require_dyad"))
            continue;
        for (char *v = val; *v; v++)
            *v = (char)(*v >= 'A' && *v <= 'Z' ? *v + 32 : *v);
        require_dyad = strstr(val, "false") == NULL;
    }
    return require_dyad;
}

/* A record's bracketed <Parse> whose parentheses do not balance: PETRARCH
 * rejects such a record as bad input ("bad_input_parse") and codes
 * nothing, which is what its validation records expect.  We code <Text>
 * with our own parser, but keep the same contract for the record. */
static int bad_input_parse(const char *parse)
{
    while (*parse == ' ' || *parse == '\n' || *parse == '\r' || *parse == '\t')
        parse++;
    if (*parse != '(')
        return 0;   /* not a bracketed tree (CoNLL-U) */
    long depth = 0;
    for (; *parse; parse++) {
        depth += *parse == '(';
        depth -= *parse == ')';
        if (depth < 0)
            return 1;
    }
    return depth != 0;
}

typedef struct cat {
    char name[32];
    int n, pass;
} cat;

/* Code one record's text (our pipeline) or gold CoNLL-U parse. */
static int debug;

static void debug_sentence(const dyad_word *w, size_t nw, const dyad_event *ev, size_t ne)
{
    if (!debug)
        return;
    for (size_t i = 0; i < nw; i++)
        fprintf(stderr, "    %zu %.*s %s %s %d %s\n", i + 1, (int)w[i].len, w[i].form,
                w[i].lemma ? w[i].lemma : "_", dyad_upos_name(w[i].upos), w[i].head,
                w[i].deprel ? w[i].deprel : "_");
    for (size_t i = 0; i < ne; i++)
        fprintf(stderr, "    EVENT %s %s %s %s | %s\n", ev[i].source.code, ev[i].target.code,
                ev[i].code, dyad_event_mode_name(ev[i].mode), ev[i].evidence);
}

/* UD v1 relations (the GSR file's gold parses) → the v2 ones the coder
 * reads. */
static void ud1_to_ud2(dyad_word *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *r = w[i].deprel ? w[i].deprel : "";
        if (!strcmp(r, "dobj"))
            w[i].deprel = "obj";
        else if (!strcmp(r, "nsubjpass"))
            w[i].deprel = "nsubj:pass";
        else if (!strcmp(r, "csubjpass"))
            w[i].deprel = "csubj:pass";
        else if (!strcmp(r, "auxpass"))
            w[i].deprel = "aux:pass";
        else if (!strcmp(r, "neg"))
            w[i].deprel = "advmod";
        else if (!strcmp(r, "name"))
            w[i].deprel = "flat";
        else if (!strcmp(r, "mwe"))
            w[i].deprel = "fixed";
        else if (!strcmp(r, "nmod:agent"))
            w[i].deprel = "obl:agent";
        else if (!strncmp(r, "nmod", 4) && strcmp(r, "nmod:poss") && w[i].head > 0 &&
                 (size_t)w[i].head <= n) {
            int hu = w[w[i].head - 1].upos;
            if (hu == DYAD_UPOS_VERB || hu == DYAD_UPOS_ADJ || hu == DYAD_UPOS_AUX)
                w[i].deprel = !strcmp(r, "nmod:tmod") ? "obl:tmod" : !strcmp(r, "nmod:npmod")
                              ? "obl:npmod" : "obl";
        }
    }
}

/* One event as a coding; 0 when PETRARCH would not write it (no source;
 * no target while require_dyad is on).  A missing target is "---". */
static int add_coding(const dyad_event *ev, int require_dyad, triple *out, int n, int max)
{
    if (n >= max || !*ev->source.code || (!*ev->target.code && require_dyad))
        return n;
    triple t;
    snprintf(t.s, sizeof t.s, "%s", ev->source.code);
    snprintf(t.t, sizeof t.t, "%s", *ev->target.code ? ev->target.code : "---");
    snprintf(t.c, sizeof t.c, "%s", ev->code);
    if (!has_triple(out, n, &t))
        out[n++] = t;
    return n;
}

static int code_record(const dyad_nlp *nlp, const dyad_dict *d, const char *text,
                       const char *parse, const char *date, int require_dyad, triple *out,
                       int max)
{
    dyad_arena *a = dyad_arena_new(0);
    dyad_coder *c = dyad_coder_new(d, date);
    dyad_coder_set_require_dyad(c, require_dyad);
    int n = 0;
    dyad_error e;
    memset(&e, 0, sizeof e);
    if (!a || !c)
        goto done;
    if (parse) {
        const char *p = parse, *end = parse + strlen(parse);
        while (*p == '\n' || *p == ' ' || *p == '\r' || *p == '\t')
            p++;
        dyad_word *w;
        size_t nw;
        const char *st;
        uint32_t si = 0;
        int got;
        while ((got = dyad_conllu_next(a, &p, end, &w, &nw, &st, &e)) > 0) {
            ud1_to_ud2(w, nw);
            dyad_event *ev;
            size_t ne;
            if (dyad_code_sentence(d, c, a, w, nw, si++, text, date, &ev, &ne, &e))
                break;
            debug_sentence(w, nw, ev, ne);
            for (size_t i = 0; i < ne; i++)
                n = add_coding(&ev[i], require_dyad, out, n, max);
        }
        goto done;
    }
    size_t len = strlen(text);
    dyad_token *toks;
    size_t nt;
    dyad_sentence *ss;
    size_t ns;
    if (dyad_tokenize(a, text, len, &toks, &nt, &e) ||
        dyad_split_sentences(a, text, len, toks, nt, &ss, &ns, &e))
        goto done;
    for (size_t k = 0; k < ns; k++) {
        size_t nw = ss[k].tok_end - ss[k].tok_first;
        if (!nw)
            continue;
        dyad_word *w = dyad_arena_calloc(a, nw * sizeof *w);
        if (!w)
            break;
        for (size_t i = 0; i < nw; i++) {
            const dyad_token *tk = &toks[ss[k].tok_first + i];
            w[i].form = text + tk->start;
            w[i].len = tk->end - tk->start;
            w[i].start = tk->start;
        }
        if (dyad_nlp_annotate(nlp, a, w, nw, &e))
            continue;
        char *st = dyad_arena_strndup(a, text + ss[k].start, ss[k].end - ss[k].start);
        dyad_event *ev;
        size_t ne;
        if (dyad_code_sentence(d, c, a, w, nw, (uint32_t)k, st, date, &ev, &ne, &e))
            break;
        debug_sentence(w, nw, ev, ne);
        for (size_t i = 0; i < ne; i++)
            n = add_coding(&ev[i], require_dyad, out, n, max);
    }
done:
    dyad_coder_free(c);
    dyad_arena_free(a);
    return n;
}

/* "FRO/BIL/SAM" (one PETRARCH actor entry with several codes) → one
 * coding per code, as PETRARCH writes them. */
static int expand_codes(triple *v, int n, int max)
{
    for (int i = 0; i < n; i++) {
        char *sl = strchr(v[i].s, '/');
        int side = 0;
        if (!sl) {
            sl = strchr(v[i].t, '/');
            side = 1;
        }
        if (!sl)
            continue;
        triple base = v[i];
        char *field = side ? base.t : base.s;
        char list[48];
        snprintf(list, sizeof list, "%s", field);
        int first = 1;
        for (char *p = list; p && *p;) {
            char *q = strchr(p, '/');
            if (q)
                *q = 0;
            triple x = base;
            snprintf(side ? x.t : x.s, sizeof x.s, "%s", p);
            if (first) {
                v[i] = x;
                first = 0;
            } else if (n < max && !has_triple(v, n, &x)) {
                v[n++] = x;
            }
            p = q ? q + 1 : NULL;
        }
        i--;   /* the replaced record may hold a '/' on its other side */
    }
    return n;
}

static void print_set(const char *label, const triple *v, int n)
{
    printf("  %s:", label);
    if (!n)
        printf(" (none)");
    for (int i = 0; i < n; i++)
        printf(" %s %s %s%s", v[i].s, v[i].t, v[i].c, i + 1 < n ? ";" : "");
    printf("\n");
}

int cmd_validate_petrarch(int argc, char **argv)
{
    const char *dict_dir = NULL, *models = NULL, *cameo = NULL, *path = NULL;
    int gold = 0, quiet = 0, show_warn = 0;
    const char *only = NULL;   /* --debug ID: that record only, with its parse */
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--dict-dir") && i + 1 < argc)
            dict_dir = argv[++i];
        else if (!strcmp(argv[i], "--models") && i + 1 < argc)
            models = argv[++i];
        else if (!strcmp(argv[i], "--cameo") && i + 1 < argc)
            cameo = argv[++i];
        else if (!strcmp(argv[i], "--gold-parse"))
            gold = 1;
        else if (!strcmp(argv[i], "--quiet"))
            quiet = 1;
        else if (!strcmp(argv[i], "--warnings"))
            show_warn = 1;
        else if (!strcmp(argv[i], "--debug") && i + 1 < argc)
            only = argv[++i];
        else if (argv[i][0] == '-' || path) {
            fprintf(stderr, "usage: dyad validate-petrarch [--dict-dir DIR] [--models DIR] "
                            "[--cameo DIR] [--gold-parse] [--quiet] [--warnings] RECORDS.xml\n");
            return CLI_USAGE;
        } else
            path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "dyad validate-petrarch: no records file\n");
        return CLI_USAGE;
    }
    size_t n;
    char *buf = slurp(path, &n);
    if (!buf) {
        cli_errorf(path, "cannot read");
        return CLI_PARTIAL;
    }
    char *envend = strstr(buf, "</Environment>");
    if (!envend) {
        cli_errorf(path, "no <Environment>");
        free(buf);
        return CLI_PARTIAL;
    }
    char *verbs = element(buf, envend, "Verbfile"), *actors = element(buf, envend, "Actorfile"),
         *agents = element(buf, envend, "Agentfile"),
         *discards = element(buf, envend, "Discardfile"),
         *issues = element(buf, envend, "Issuefile");
    const char *actor_list[16];
    size_t n_actor = 0;
    for (char *p = actors; p && *p && n_actor < 16;) {
        char *c = strchr(p, ',');
        if (c)
            *c = 0;
        while (*p == ' ' || *p == '\n' || *p == '\t')
            p++;
        collapse(p);
        if (*p)
            actor_list[n_actor++] = p;
        p = c ? c + 1 : NULL;
    }
    char dir[1024];
    if (dict_dir) {
        snprintf(dir, sizeof dir, "%s", dict_dir);
    } else {
        snprintf(dir, sizeof dir, "%s", path);
        char *sl = strrchr(dir, '/');
        if (sl)
            *sl = 0;
        else
            snprintf(dir, sizeof dir, ".");
    }
    if (verbs) collapse(verbs);
    if (agents) collapse(agents);
    if (discards) collapse(discards);
    if (issues) collapse(issues);
    dyad_dict_petrarch_files f;
    memset(&f, 0, sizeof f);
    f.dir = dir;
    f.verbs = verbs;
    f.actors = actor_list;
    f.n_actors = n_actor;
    f.agents = agents;
    f.discards = discards;
    f.issues = issues;
    f.cameo_dir = cameo;
    dyad_error e;
    memset(&e, 0, sizeof e);
    dyad_dict *d = NULL;
    char **warn = NULL;
    size_t n_warn = 0;
    int rc = dyad_dict_load_petrarch(NULL, &f, &d, &warn, &n_warn, &e);
    free(verbs);
    free(actors);
    free(agents);
    free(discards);
    free(issues);
    if (rc) {
        cli_report(&e);
        free(buf);
        return CLI_PARTIAL;
    }
    if (show_warn)
        for (size_t i = 0; i < n_warn; i++)
            fprintf(stderr, "dyad: warning: %s\n", warn[i]);
    else if (n_warn)
        fprintf(stderr, "dyad: %zu unsupported or approximated dictionary constructs "
                        "(--warnings lists them)\n", n_warn);
    dyad_dict_warnings_free(warn, n_warn);
    dyad_nlp *nlp = NULL;
    if (!gold && dyad_nlp_load(models, &nlp, &e)) {
        cli_report(&e);
        dyad_dict_free(d);
        free(buf);
        return CLI_PARTIAL;
    }
    cat cats[64];
    int n_cats = 0, total = 0, passed = 0, n_na = 0;
    int require_dyad = 1;   /* <Config option="require_dyad"> between records */
    const char *p = strstr(envend, "<Sentence ");
    if (p)
        require_dyad = config_between(envend, p, require_dyad);
    while (p) {
        const char *next = strstr(p + 10, "<Sentence ");
        const char *end = next ? next : buf + n;
        char id[128] = "", category[32] = "", date[16] = "", iso[16] = "";
        attr(p, "id", id, sizeof id);
        attr(p, "category", category, sizeof category);
        attr(p, "date", date, sizeof date);
        if (strlen(date) == 8)
            snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", date, date + 4, date + 6);
        /* skip records inside comments: a "<!--" after the last "-->" */
        triple want[32];
        int nw = 0;
        for (const char *q = strstr(p, "<EventCoding"); q && q < end && nw < 32;
             q = strstr(q + 12, "<EventCoding")) {
            char s[48] = "", t[48] = "", c[12] = "";
            if (!attr(q, "eventcode", c, sizeof c))
                continue;
            attr(q, "sourcecode", s, sizeof s);
            attr(q, "targetcode", t, sizeof t);
            triple x;
            snprintf(x.s, sizeof x.s, "%s", s);
            snprintf(x.t, sizeof x.t, "%s", t);
            snprintf(x.c, sizeof x.c, "%s", c);
            if (!has_triple(want, nw, &x))
                want[nw++] = x;
        }
        int rd = require_dyad;
        if (next)
            require_dyad = config_between(p, next, require_dyad);
        if (only && strcmp(only, id)) {
            p = next;
            continue;
        }
        debug = only != NULL;
        char *text = element(p, end, "Text");
        char *parse = gold ? element(p, end, "Parse") : NULL;
        if (!text) {
            free(parse);
            p = next;
            continue;
        }
        collapse(text);
        triple got[64];
        char *tree = gold ? NULL : element(p, end, "Parse");
        int bad = bad_input_parse(gold ? (parse ? parse : "") : (tree ? tree : ""));
        free(tree);
        if (bad && !gold) {
            /* the record tests PETRARCH's reading of its <Parse>, which we
             * do not read (we parse <Text>): not applicable, not counted */
            n_na++;
            if (!quiet)
                printf("N/A %s [%s] bad_input_parse: tests the <Parse> reader\n", id, category);
            free(text);
            free(parse);
            p = next;
            continue;
        }
        int ng = bad ? 0 : code_record(nlp, d, text, gold ? parse : NULL, *iso ? iso : NULL,
                                       rd, got, 64);
        ng = expand_codes(got, ng, 64);
        int ok = ng == nw;
        for (int i = 0; i < nw && ok; i++)
            ok = has_triple(got, ng, &want[i]);
        total++;
        passed += ok;
        int ci = 0;
        while (ci < n_cats && strcmp(cats[ci].name, category))
            ci++;
        if (ci == n_cats && n_cats < 64) {
            snprintf(cats[n_cats].name, sizeof cats[n_cats].name, "%s", category);
            cats[n_cats].n = cats[n_cats].pass = 0;
            n_cats++;
        }
        if (ci < n_cats) {
            cats[ci].n++;
            cats[ci].pass += ok;
        }
        if (!quiet) {
            printf("%s %s [%s]%s\n", ok ? "PASS" : "FAIL", id, category,
                   bad ? " bad_input_parse" : "");
            if (!ok) {
                print_set("expected", want, nw);
                print_set("produced", got, ng);
                printf("  text: %s\n", text);
            }
        }
        free(text);
        free(parse);
        p = next;
    }
    printf("\ncategory\trecords\tpassed\n");
    for (int i = 0; i < n_cats; i++)
        printf("%s\t%d\t%d\n", cats[i].name, cats[i].n, cats[i].pass);
    printf("total\t%d\t%d\n", total, passed);
    if (n_na)
        printf("not applicable\t%d\t(records that test PETRARCH's <Parse> reader)\n", n_na);
    printf("petrarch_conformance: %.3f (%d/%d)\n", total ? (double)passed / total : 0.0,
           passed, total);
    printf("petrarch_conformance_all_records: %.3f (%d/%d, not applicable counted as failures)\n",
           total + n_na ? (double)passed / (total + n_na) : 0.0, passed, total + n_na);
    dyad_nlp_free(nlp);
    dyad_dict_free(d);
    free(buf);
    return CLI_OK;
}
