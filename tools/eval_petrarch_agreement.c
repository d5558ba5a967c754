/* eval_petrarch_agreement.c — our own dictionaries against PETRARCH's
 * Phoenix + CAMEO.2.0 set on the same parsed news: events per article for
 * each, and the share of events coded identically.
 *
 *   eval_petrarch_agreement [--dict DIR] [--petrarch DIR_OR_CONFIG]
 *                           [--models DIR] [--max N] [--show] FILE.csv...
 * (--show prints each coded sentence with both sets of events)
 *
 * FILE.csv: url,date,title,text (RFC 4180 quoting; the Wikinews dumps).
 * Each article's text goes through our tokenizer, sentence splitter, tagger
 * and parser once, then is coded with both dictionary sets.  An event is
 * (sentence, source code, target code, CAMEO code), dyadic events only.
 * Prints events per article for each set and
 *   petrarch_vs_own_agreement = |both| / |either|
 * plus the same share on (sentence, source country, target country, root
 * code), which forgives differences in actor role codes. */
#include "dyad.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *slurp(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 1 << 20, len = 0, r;
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

/* Next CSV field from *p (unquoted in place into out, which must hold the
 * rest of the buffer); *eol set when the record ends.  Returns 0 at EOF. */
static int csv_field(const char **p, const char *end, char *out, int *eol)
{
    const char *s = *p;
    if (s >= end)
        return 0;
    char *w = out;
    if (*s == '"') {
        s++;
        while (s < end) {
            if (*s == '"') {
                if (s + 1 < end && s[1] == '"') {
                    *w++ = '"';
                    s += 2;
                    continue;
                }
                s++;
                break;
            }
            *w++ = *s++;
        }
    } else {
        while (s < end && *s != ',' && *s != '\n' && *s != '\r')
            *w++ = *s++;
    }
    *w = 0;
    *eol = 1;
    if (s < end && *s == ',') {
        *eol = 0;
        s++;
    } else {
        while (s < end && (*s == '\r' || *s == '\n')) {
            s++;
            if (s[-1] == '\n')
                break;
        }
    }
    *p = s;
    return 1;
}

typedef struct key {
    char k[128];
} key;

static int has(const key *v, size_t n, const char *k)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i].k, k))
            return 1;
    return 0;
}

typedef struct tally {
    size_t own, pet, both, either;
    size_t c_own, c_pet, c_both, c_either;
} tally;

/* The events of a sentence for one dictionary as keys (exact and coarse). */
static size_t keys_of(const dyad_event *ev, size_t ne, key *out, key *coarse, size_t *nc,
                      size_t max)
{
    size_t n = 0;
    *nc = 0;
    for (size_t i = 0; i < ne && n < max; i++) {
        if (!*ev[i].target.code || !*ev[i].source.code)
            continue;
        key k;
        snprintf(k.k, sizeof k.k, "%s|%s|%s", ev[i].source.code, ev[i].target.code, ev[i].code);
        if (!has(out, n, k.k))
            out[n++] = k;
        snprintf(k.k, sizeof k.k, "%.3s|%.3s|%s", ev[i].source.code, ev[i].target.code,
                 ev[i].root);
        if (!has(coarse, *nc, k.k))
            coarse[(*nc)++] = k;
    }
    return n;
}

static void compare(const key *a, size_t na, const key *b, size_t nb, size_t *both,
                    size_t *either)
{
    size_t common = 0;
    for (size_t i = 0; i < na; i++)
        common += has(b, nb, a[i].k);
    *both += common;
    *either += na + nb - common;
}

int main(int argc, char **argv)
{
    const char *own_dir = NULL, *pet = NULL, *models = NULL;
    long max = -1;
    int first = 1, show = 0;
    for (; first < argc && argv[first][0] == '-'; first++) {
        if (!strcmp(argv[first], "--dict") && first + 1 < argc)
            own_dir = argv[++first];
        else if (!strcmp(argv[first], "--petrarch") && first + 1 < argc)
            pet = argv[++first];
        else if (!strcmp(argv[first], "--models") && first + 1 < argc)
            models = argv[++first];
        else if (!strcmp(argv[first], "--show"))
            show = 1;
        else if (!strcmp(argv[first], "--max") && first + 1 < argc)
            max = atol(argv[++first]);
        else {
            fprintf(stderr, "usage: eval_petrarch_agreement [--dict DIR] [--petrarch DIR] "
                            "[--models DIR] [--max N] FILE.csv...\n");
            return 2;
        }
    }
    if (!pet || first >= argc) {
        fprintf(stderr, "eval_petrarch_agreement: need --petrarch DIR and a CSV file\n");
        return 2;
    }
    dyad_error e;
    memset(&e, 0, sizeof e);
    dyad_dict *own = NULL, *pd = NULL;
    dyad_nlp *nlp = NULL;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = dyad_dict_load_petrarch(pet, NULL, &pd, NULL, NULL, &e);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double load_ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    if (rc || dyad_dict_load(own_dir, &own, &e) || dyad_nlp_load(models, &nlp, &e)) {
        fprintf(stderr, "eval_petrarch_agreement: %s: %s\n", e.path, e.message);
        dyad_dict_free(own);
        dyad_dict_free(pd);
        return 1;
    }
    tally t;
    memset(&t, 0, sizeof t);
    long articles = 0;
    for (int fi = first; fi < argc && (max < 0 || articles < max); fi++) {
        size_t n;
        char *buf = slurp(argv[fi], &n);
        if (!buf) {
            fprintf(stderr, "eval_petrarch_agreement: cannot read %s\n", argv[fi]);
            continue;
        }
        char *field = malloc(n + 1);
        const char *p = buf, *end = buf + n;
        char date[16] = "";
        int col = 0, eol = 0, header = 1;
        while (field && (max < 0 || articles < max) && csv_field(&p, end, field, &eol)) {
            if (col == 1)
                snprintf(date, sizeof date, "%.10s", field);
            if (col == 3 && !header) {
                /* the article text */
                dyad_arena *a = dyad_arena_new(0);
                size_t len = strlen(field);
                dyad_token *toks;
                size_t nt;
                dyad_sentence *ss;
                size_t ns;
                dyad_coder *co = dyad_coder_new(own, date), *cp = dyad_coder_new(pd, date);
                if (a && co && cp && !dyad_tokenize(a, field, len, &toks, &nt, &e) &&
                    !dyad_split_sentences(a, field, len, toks, nt, &ss, &ns, &e)) {
                    articles++;
                    for (size_t k = 0; k < ns; k++) {
                        size_t nw = ss[k].tok_end - ss[k].tok_first;
                        if (!nw || nw > 200)
                            continue;
                        dyad_word *w = dyad_arena_calloc(a, nw * sizeof *w);
                        if (!w)
                            break;
                        for (size_t i = 0; i < nw; i++) {
                            const dyad_token *tk = &toks[ss[k].tok_first + i];
                            w[i].form = field + tk->start;
                            w[i].len = tk->end - tk->start;
                            w[i].start = tk->start;
                        }
                        if (dyad_nlp_annotate(nlp, a, w, nw, &e))
                            continue;
                        char *st = dyad_arena_strndup(a, field + ss[k].start,
                                                      ss[k].end - ss[k].start);
                        dyad_event *e1 = NULL, *e2 = NULL;
                        size_t n1 = 0, n2 = 0;
                        dyad_code_sentence(own, co, a, w, nw, (uint32_t)k, st, date, &e1, &n1, &e);
                        dyad_code_sentence(pd, cp, a, w, nw, (uint32_t)k, st, date, &e2, &n2, &e);
                        key k1[64], k2[64], c1[64], c2[64];
                        size_t nc1, nc2;
                        size_t m1 = keys_of(e1, n1, k1, c1, &nc1, 64);
                        size_t m2 = keys_of(e2, n2, k2, c2, &nc2, 64);
                        if (show && (m1 || m2)) {
                            printf("S %s\n", st);
                            for (size_t q = 0; q < m1; q++)
                                printf("  own %s\n", k1[q].k);
                            for (size_t q = 0; q < m2; q++)
                                printf("  pet %s\n", k2[q].k);
                        }
                        t.own += m1;
                        t.pet += m2;
                        t.c_own += nc1;
                        t.c_pet += nc2;
                        compare(k1, m1, k2, m2, &t.both, &t.either);
                        compare(c1, nc1, c2, nc2, &t.c_both, &t.c_either);
                    }
                }
                dyad_coder_free(co);
                dyad_coder_free(cp);
                dyad_arena_free(a);
            }
            col++;
            if (eol) {
                col = 0;
                header = 0;
            }
        }
        free(field);
        free(buf);
    }
    printf("petrarch_load_ms: %.0f\n", load_ms);
    printf("agreement_articles: %ld\n", articles);
    printf("own_events_per_article: %.2f\n", articles ? (double)t.own / articles : 0.0);
    printf("petrarch_events_per_article: %.2f\n", articles ? (double)t.pet / articles : 0.0);
    printf("events_both: %zu\nevents_own_only: %zu\nevents_petrarch_only: %zu\n", t.both,
           t.own - t.both, t.pet - t.both);
    printf("petrarch_vs_own_agreement: %.2f\n", t.either ? (double)t.both / t.either : 0.0);
    printf("petrarch_vs_own_agreement_country_root: %.2f\n",
           t.c_either ? (double)t.c_both / t.c_either : 0.0);
    dyad_nlp_free(nlp);
    dyad_dict_free(own);
    dyad_dict_free(pd);
    return 0;
}
