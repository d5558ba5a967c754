/* bench_nlp.c — speed and memory of the nlp models: model load time (best
 * of several warm loads), tag+lemma+parse throughput over the words of a
 * CoNLL-U file (gold tokenization, one thread), and the resident memory the
 * loaded models add.  Prints `name: value` lines for make bench.
 * Throughput is over thread CPU time (one core), best of --repeat runs.
 *
 * usage: bench_nlp [--models DIR] [--repeat N] FILE.conllu */
#include "dyad.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of this thread: the speed on one core, whatever else runs. */
static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0)
            kb = atol(line + 6);
    if (f)
        fclose(f);
    return kb;
}

typedef struct sent {
    dyad_word *w;
    size_t n;
} sent;

int main(int argc, char **argv)
{
    const char *dir = NULL, *file = NULL;
    int repeat = 3;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--models") && i + 1 < argc) dir = argv[++i];
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = atoi(argv[++i]);
        else file = argv[i];
    }
    if (!file) {
        fprintf(stderr, "usage: bench_nlp [--models DIR] [--repeat N] FILE.conllu\n");
        return 2;
    }
    /* words of the file, read before the models so the RSS delta is theirs */
    FILE *f = fopen(file, "rb");
    if (!f) {
        perror(file);
        return 1;
    }
    size_t cap_s = 1024, n_s = 0, total = 0;
    sent *ss = malloc(cap_s * sizeof *ss);
    dyad_word *cur = NULL;
    size_t n = 0, cap = 0;
    char line[65536];
    for (;;) {
        char *r = fgets(line, sizeof line, f);
        if (!r || line[0] == '\n' || line[0] == '\r') {
            if (n) {
                if (n_s == cap_s)
                    ss = realloc(ss, (cap_s *= 2) * sizeof *ss);
                ss[n_s].w = cur;
                ss[n_s].n = n;
                n_s++;
                total += n;
                cur = NULL;
                n = cap = 0;
            }
            if (!r)
                break;
            continue;
        }
        if (line[0] == '#')
            continue;
        char *t1 = strchr(line, '\t');
        if (!t1 || memchr(line, '-', (size_t)(t1 - line)) || memchr(line, '.', (size_t)(t1 - line)))
            continue;
        char *t2 = strchr(t1 + 1, '\t');
        if (!t2)
            continue;
        if (n == cap)
            cur = realloc(cur, (cap = cap ? cap * 2 : 32) * sizeof *cur);
        memset(&cur[n], 0, sizeof cur[n]);
        size_t len = (size_t)(t2 - t1 - 1);
        char *form = malloc(len + 1);
        memcpy(form, t1 + 1, len);
        form[len] = 0;
        cur[n].form = form;
        cur[n].len = (uint32_t)len;
        n++;
    }
    fclose(f);
    if (!ss || total == 0) {
        fprintf(stderr, "bench_nlp: no words in %s\n", file);
        return 1;
    }

    long rss0 = rss_kb();
    dyad_nlp *nlp = NULL;
    dyad_error e;
    double best_load = 1e9;
    for (int r = 0; r < 5; r++) {
        double t0 = now_s();
        if (dyad_nlp_load(dir, &nlp, &e) != 0) {
            fprintf(stderr, "bench_nlp: %s\n", e.message);
            return 1;
        }
        double dt = now_s() - t0;
        if (dt < best_load)
            best_load = dt;
        if (r < 4)
            dyad_nlp_free(nlp);
    }
    dyad_arena *a = dyad_arena_new(0);
    double best = 1e9;
    for (int r = 0; r < repeat; r++) {
        double t0 = cpu_s();
        for (size_t s = 0; s < n_s; s++) {
            dyad_nlp_annotate(nlp, a, ss[s].w, ss[s].n, NULL);
            dyad_arena_reset(a);
        }
        double dt = cpu_s() - t0;
        if (dt < best)
            best = dt;
    }
    long rss1 = rss_kb();
    printf("parse_tokens_per_s: %.0f\n", (double)total / best);
    printf("model_load_ms: %.1f\n", best_load * 1000.0);
    printf("model_rss_mb: %.1f\n", (double)(rss1 - rss0) / 1024.0);
    dyad_arena_free(a);
    dyad_nlp_free(nlp);
    return 0;
}
