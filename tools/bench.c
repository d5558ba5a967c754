/* bench.c — throughput of the pipeline over the Reuters-21578 bodies.
 *   bench [--parse | --events] reut2-*.xml
 * Without --parse: read + UTF-8 repair + clean + tokenize + split
 * (text_mb_per_s).  With --parse: the whole pipeline — tag, parse, tone,
 * places, entities, quotations, events (pipeline_sentences_per_s).  With
 * --events: read, clean, tag, parse and code events only
 * (events_pipeline_sentences_per_s).  One document in memory at a time, so peak RSS
 * does not grow with the corpus.  Times are CPU time of this process (one
 * core), measured around the pipeline calls only. */
#include "dyad.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Unescape the XML entities Reuters uses, in place; returns the new length. */
static size_t unescape(char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '&') {
            if (!strncmp(s + i, "&lt;", 4)) { s[o++] = '<'; i += 3; continue; }
            if (!strncmp(s + i, "&gt;", 4)) { s[o++] = '>'; i += 3; continue; }
            if (!strncmp(s + i, "&amp;", 5)) { s[o++] = '&'; i += 4; continue; }
            if (!strncmp(s + i, "&quot;", 6)) { s[o++] = '"'; i += 5; continue; }
            if (!strncmp(s + i, "&#", 2)) {
                char *end;
                long v = strtol(s + i + 2, &end, 10);
                if (*end == ';') {
                    s[o++] = v >= 32 && v < 127 ? (char)v : ' ';
                    i = (size_t)(end - s);
                    continue;
                }
            }
        }
        s[o++] = s[i];
    }
    return o;
}

/* Run the pipeline once over the first 200 bodies of a file, untimed. */
static void warm_up(const char *path, const dyad_options *opt)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return;
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    char *p = buf;
    for (int k = 0; k < 200 && (p = strstr(p, "<BODY>")); k++) {
        p += 6;
        char *e = strstr(p, "</BODY>");
        if (!e)
            break;
        dyad_input in = {0};
        in.path = path;
        in.text = p;
        in.text_len = unescape(p, (size_t)(e - p));
        dyad_doc *d = NULL;
        if (!dyad_doc_analyze(&in, opt, &d, NULL))
            dyad_doc_free(d);
        p = e + 7;
    }
}

int main(int argc, char **argv)
{
    int parse = 0, first = 1, events_only = 0;
    if (argc > 1 && !strcmp(argv[1], "--parse"))
        parse = 1, first = 2;
    else if (argc > 1 && !strcmp(argv[1], "--events"))
        parse = 1, events_only = 1, first = 2;
    if (first >= argc) {
        fprintf(stderr, "usage: bench [--parse | --events] REUTERS.xml...\n");
        return 2;
    }
    dyad_nlp *nlp = NULL;
    dyad_error err = {0};
    double load_ms = 0;
    if (parse) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        if (dyad_nlp_load(NULL, &nlp, &err)) {
            fprintf(stderr, "bench: %s: %s\n", err.path, err.message);
            return 1;
        }
        clock_gettime(CLOCK_MONOTONIC, &b);
        load_ms = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
    }
    dyad_options opt = {0};
    opt.nlp = nlp;
    /* the whole pipeline: dictionaries, entities, tone, places */
    dyad_dict *dict = NULL;
    dyad_ner *ner = NULL;
    dyad_lexicon *lx = NULL;
    dyad_gazetteer *gz = NULL;
    if (parse) {
        const char *data = getenv("DYAD_DATA") ? getenv("DYAD_DATA") : "build/data";
        char path[1024];
        if (dyad_dict_load(NULL, &dict, &err))
            fprintf(stderr, "bench: no dictionaries (%s): no events\n", err.message);
        if (events_only)
            data = "/nonexistent";
        if (!events_only && dyad_ner_load(NULL, &ner, &err))
            fprintf(stderr, "bench: no NER model (%s)\n", err.message);
        snprintf(path, sizeof path, "%s/lexicon.tsv", data);
        if (dyad_lexicon_load(path, &lx, &err) && !events_only)
            fprintf(stderr, "bench: no lexicon (%s): no tone\n", err.message);
        snprintf(path, sizeof path, "%s/gazetteer.bin", data);
        if (dyad_gazetteer_load(path, &gz, &err) && !events_only)
            fprintf(stderr, "bench: no gazetteer (%s): no places\n", err.message);
        opt.dict = dict;
        opt.ner = ner;
        opt.lexicon = lx;
        opt.gazetteer = gz;
    }
    double cpu = 0;
    size_t bytes = 0, docs = 0, sents = 0, toks = 0, failed = 0, events = 0;
    /* text layers: three passes over the corpus, the median reported (the
     * machine is shared; the first pass also warms the caches).  The whole
     * pipeline is slower: one pass after a warm-up on the first file. */
    int passes = parse ? 1 : 3;
    double pass_cpu[3] = {0};
    if (parse)
        warm_up(argv[first], &opt);
    for (int pass = 0; pass < passes; pass++) {
    cpu = 0;
    bytes = docs = sents = toks = failed = events = 0;
    for (int f = first; f < argc; f++) {
        FILE *fp = fopen(argv[f], "rb");
        if (!fp) {
            perror(argv[f]);
            return 1;
        }
        fseek(fp, 0, SEEK_END);
        long len = ftell(fp);
        fseek(fp, 0, SEEK_SET);
        char *buf = malloc((size_t)len + 1);
        if (!buf || fread(buf, 1, (size_t)len, fp) != (size_t)len)
            return 1;
        buf[len] = '\0';
        fclose(fp);
        /* collect this file's bodies first: the clock runs around the
         * pipeline calls only, once per file */
        size_t nb = 0, cap = 0;
        char **bodies = NULL;
        size_t *lens = NULL;
        char *p = buf;
        while ((p = strstr(p, "<BODY>"))) {
            p += 6;
            char *e = strstr(p, "</BODY>");
            if (!e)
                break;
            if (nb == cap) {
                cap = cap ? cap * 2 : 1024;
                bodies = realloc(bodies, cap * sizeof *bodies);
                lens = realloc(lens, cap * sizeof *lens);
                if (!bodies || !lens)
                    return 1;
            }
            lens[nb] = unescape(p, (size_t)(e - p));
            bodies[nb++] = p;
            p = e + 7;
        }
        double t0 = cpu_now();
        for (size_t i = 0; i < nb; i++) {
            dyad_input in = {0};
            in.path = argv[f];
            in.id = "reuters";
            in.text = bodies[i];
            in.text_len = lens[i];
            dyad_doc *d = NULL;
            if (!dyad_doc_analyze(&in, &opt, &d, &err)) {
                sents += d->n_sentences;
                toks += d->n_tokens;
                events += d->n_events;
                docs++;
                dyad_doc_free(d);
            } else {
                failed++;
            }
            bytes += lens[i];
        }
        cpu += cpu_now() - t0;
        free(bodies);
        free(lens);
        free(buf);
    }
    pass_cpu[pass] = cpu;
    }
    if (passes == 3) { /* median */
        double a = pass_cpu[0], b2 = pass_cpu[1], c = pass_cpu[2];
        cpu = a > b2 ? (b2 > c ? b2 : (a > c ? c : a)) : (a > c ? a : (b2 > c ? c : b2));
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    if (events_only) {
        printf("events_pipeline_sentences_per_s: %.0f\n", sents / cpu);
    } else if (parse) {
        printf("pipeline_sentences_per_s: %.0f\n", sents / cpu);
        printf("pipeline_tokens_per_s: %.0f\n", toks / cpu);
        printf("model_load_ms: %.1f\n", load_ms);
    } else {
        printf("text_mb_per_s: %.1f\n", bytes / 1e6 / cpu);
    }
    printf("peak_rss_mb: %.1f\n", ru.ru_maxrss / 1024.0);
    printf("# %zu documents (%zu skipped), %.1f MB, %zu sentences, %zu tokens, %zu events, %.2f s CPU\n",
           docs, failed, bytes / 1e6, sents, toks, events, cpu);
    dyad_nlp_free(nlp);
    dyad_dict_free(dict);
    dyad_ner_free(ner);
    dyad_lexicon_free(lx);
    dyad_gazetteer_free(gz);
    return 0;
}
