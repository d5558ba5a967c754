/* bench_text.c — throughput of the text stage on Reuters-21578.
 *
 *   bench_text reut2-000.xml [reut2-001.xml ...]
 * Extracts every <BODY> (entities unescaped), then for each document runs
 * UTF-8 repair, tokenizer and sentence splitter with one arena reset per
 * document, timing only that loop (best of 5 passes; text_mb_per_s uses
 * the thread's CPU time because the machines we run on are shared, the
 * wall-clock figure is printed too).  Prints text_mb_per_s and peak_rss_mb
 * plus document, token and sentence counts.  Add later stages (cleaner...)
 * in process_doc(). */
#include "dyad.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct doc {
    char *text;
    size_t len;
} doc;

typedef struct totals {
    size_t docs, bytes, tokens, sentences, bad;
} totals;

static void die(const char *msg)
{
    fprintf(stderr, "bench_text: %s\n", msg);
    exit(2);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        perror(path);
        exit(2);
    }
    size_t cap = 1 << 20, n = 0, got;
    char *p = malloc(cap);
    while (p && (got = fread(p + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap)
            p = realloc(p, cap *= 2);
    }
    fclose(fp);
    if (!p)
        die("out of memory");
    *len = n;
    return p;
}

/* Unescape &lt; &gt; &amp; &quot; &apos; &#N; in place; returns new length. */
static size_t unescape(char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] != '&') {
            s[o++] = s[i++];
            continue;
        }
        static const struct { const char *e; char c; } ents[] = {
            {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'},
            {"&quot;", '"'}, {"&apos;", '\''},
        };
        int done = 0;
        for (size_t k = 0; k < sizeof ents / sizeof ents[0]; k++) {
            size_t el = strlen(ents[k].e);
            if (i + el <= n && memcmp(s + i, ents[k].e, el) == 0) {
                s[o++] = ents[k].c;
                i += el;
                done = 1;
                break;
            }
        }
        if (!done && i + 2 < n && s[i + 1] == '#') {
            size_t j = i + 2;
            unsigned v = 0;
            while (j < n && s[j] >= '0' && s[j] <= '9' && v < 0x10FFFF)
                v = v * 10 + (unsigned)(s[j++] - '0');
            if (j < n && s[j] == ';' && j > i + 2 && v < 0x80) {
                s[o++] = (char)v; /* &#3; stays a control: repair's job */
                i = j + 1;
                done = 1;
            }
        }
        if (!done)
            s[o++] = s[i++];
    }
    return o;
}

static void add_bodies(char *file, size_t len, doc **docs, size_t *n,
                       size_t *cap)
{
    char *p = file, *end = file + len;
    for (;;) {
        char *b = strstr(p, "<BODY>");
        if (!b || b >= end)
            break;
        b += 6;
        char *e = strstr(b, "</BODY>");
        if (!e)
            break;
        if (*n == *cap) {
            *cap = *cap ? *cap * 2 : 1024;
            *docs = realloc(*docs, *cap * sizeof **docs);
            if (!*docs)
                die("out of memory");
        }
        (*docs)[*n].text = b;
        (*docs)[*n].len = unescape(b, (size_t)(e - b));
        (*n)++;
        p = e + 7;
    }
}

/* The measured work on one document. */
static void process_doc(dyad_arena *a, const doc *d, totals *t)
{
    size_t len = 0, bad = 0;
    dyad_token *toks = NULL;
    size_t n_toks = 0;
    dyad_sentence *sents = NULL;
    size_t n_sents = 0;
    dyad_error err;
    dyad_arena_reset(a);
    char *text = dyad_utf8_repair(a, d->text, d->len, &len, &bad);
    if (!text)
        die("out of memory");
    if (dyad_tokenize(a, text, len, &toks, &n_toks, &err) ||
        dyad_split_sentences(a, text, len, toks, n_toks, &sents, &n_sents,
                             &err))
        die(err.message);
    t->docs++;
    t->bytes += d->len;
    t->tokens += n_toks;
    t->sentences += n_sents;
    t->bad += bad;
}

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_text reut2-*.xml\n");
        return 2;
    }
    doc *docs = NULL;
    size_t n_docs = 0, cap = 0;
    char **files = calloc((size_t)argc, sizeof *files);
    if (!files)
        die("out of memory");
    for (int i = 1; i < argc; i++) {
        size_t len;
        files[i] = read_file(argv[i], &len);
        files[i] = realloc(files[i], len + 1);
        if (!files[i])
            die("out of memory");
        files[i][len] = '\0';
        add_bodies(files[i], len, &docs, &n_docs, &cap);
    }
    dyad_arena *a = dyad_arena_new(0);
    if (!a)
        die("out of memory");
    /* best of a few passes: the machine is shared */
    totals t = {0};
    double secs = 0, wall = 0;
    for (int pass = 0; pass < 5; pass++) {
        totals tp = {0};
        double c0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
        double w0 = clock_s(CLOCK_MONOTONIC);
        for (size_t i = 0; i < n_docs; i++)
            process_doc(a, &docs[i], &tp);
        double el = clock_s(CLOCK_THREAD_CPUTIME_ID) - c0;
        double wl = clock_s(CLOCK_MONOTONIC) - w0;
        if (pass == 0 || el < secs)
            secs = el;
        if (pass == 0 || wl < wall)
            wall = wl;
        t = tp;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("text_mb_per_s: %.1f\n",
           secs > 0 ? (double)t.bytes / 1e6 / secs : 0.0);
    printf("peak_rss_mb: %.1f\n", (double)ru.ru_maxrss / 1024.0);
    printf("docs %zu bytes %zu tokens %zu sentences %zu bad_utf8 %zu "
           "cpu_seconds %.3f wall_seconds %.3f wall_mb_per_s %.1f\n",
           t.docs, t.bytes, t.tokens, t.sentences, t.bad, secs, wall,
           wall > 0 ? (double)t.bytes / 1e6 / wall : 0.0);
    dyad_arena_free(a);
    for (int i = 1; i < argc; i++)
        free(files[i]);
    free(files);
    free(docs);
    return 0;
}
