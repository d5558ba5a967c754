/* eval_events.c — scores the full pipeline (clean → tag → parse → code) on
 * the team's gold event set, tests/gold/events/ (see its README.md).
 *
 *   eval_events [-v] [--gold DIR] [--dict DIR] [--models DIR] [--conllu DIR]
 *
 * --conllu DIR scores the coder alone on parses given as DIR/NAME.conllu
 * (the article body, one CoNLL-U sentence per gold sentence), without
 * running our tagger and parser.
 *
 * Unit of scoring: (source country, target country, CAMEO root) triples of
 * asserted events, matched as multisets per article.  Every asserted event
 * we output that matches no asserted gold row is a false positive — this is
 * how gold rows with other modes (negated, hypothetical, historical,
 * reported) charge a coder that asserts them.  Gold rows always name both
 * sides, so events we output without a target are counted and shown but not
 * scored.  Prints gold_events_precision / gold_events_recall, or "n/a" with
 * the reason when the parser models cannot be loaded. */
#include "dyad.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct triple {
    char src[16], tgt[16], root[3];
    char sent[8], code[8], mode[16], trig[96];
    int used;
} triple;

typedef struct tlist {
    triple *v;
    size_t n, cap;
} tlist;

static triple *tpush(tlist *l)
{
    if (l->n == l->cap) {
        size_t c = l->cap ? l->cap * 2 : 32;
        triple *nv = realloc(l->v, c * sizeof *nv);
        if (!nv)
            return NULL;
        l->v = nv;
        l->cap = c;
    }
    triple *t = &l->v[l->n++];
    memset(t, 0, sizeof *t);
    return t;
}

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
    if (!b)
        return NULL;
    b[len] = 0;
    if (n)
        *n = len;
    return b;
}

static int cmpstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Gold rows of NAME.events.tsv: all rows go to *all, asserted ones are
 * the scored set. */
static int read_gold(const char *path, tlist *asserted, tlist *all)
{
    char *buf = slurp(path, NULL);
    if (!buf)
        return -1;
    char *save = NULL;
    int line = 0;
    for (char *l = strtok_r(buf, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        if (line++ == 0)
            continue; /* header */
        char *col[9] = {0};
        int k = 0;
        char *p = l;
        col[k++] = p;
        while (k < 9 && (p = strchr(p, '\t')) != NULL) {
            *p++ = 0;
            col[k++] = p;
        }
        if (k < 8)
            continue;
        triple *t = tpush(all);
        if (!t)
            break;
        snprintf(t->sent, sizeof t->sent, "%s", col[0]);
        snprintf(t->src, sizeof t->src, "%s", col[2]);
        snprintf(t->tgt, sizeof t->tgt, "%s", col[4]);
        snprintf(t->code, sizeof t->code, "%s", col[5]);
        snprintf(t->root, sizeof t->root, "%.2s", col[5]);
        snprintf(t->mode, sizeof t->mode, "%s", col[6]);
        snprintf(t->trig, sizeof t->trig, "%s", col[7]);
        if (!strcmp(col[6], "asserted")) {
            triple *a = tpush(asserted);
            if (a)
                *a = *t;
        }
    }
    free(buf);
    return 0;
}

static void read_date(const char *path, char *date, size_t cap)
{
    date[0] = 0;
    char *m = slurp(path, NULL);
    if (!m)
        return;
    char *d = strstr(m, "date:");
    if (d) {
        d += 5;
        while (*d == ' ' || *d == '\t')
            d++;
        snprintf(date, cap, "%.10s", d);
    }
    free(m);
}

int main(int argc, char **argv)
{
    const char *gold = "tests/gold/events", *dict_dir = NULL, *models = NULL, *conllu = NULL;
    int verbose = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-v"))
            verbose = 1;
        else if (!strcmp(argv[i], "--gold") && i + 1 < argc)
            gold = argv[++i];
        else if (!strcmp(argv[i], "--dict") && i + 1 < argc)
            dict_dir = argv[++i];
        else if (!strcmp(argv[i], "--models") && i + 1 < argc)
            models = argv[++i];
        else if (!strcmp(argv[i], "--conllu") && i + 1 < argc)
            conllu = argv[++i];
        else {
            fprintf(stderr, "usage: eval_events [-v] [--gold DIR] [--dict DIR] [--models DIR]"
                            " [--conllu DIR]\n");
            return 2;
        }
    }
    dyad_error err;
    dyad_dict *dict = NULL;
    if (dyad_dict_load(dict_dir, &dict, &err)) {
        printf("gold_events_precision: n/a (dictionaries: %s: %s)\n", err.path, err.message);
        printf("gold_events_recall: n/a\n");
        return 0;
    }
    dyad_nlp *nlp = NULL;
    if (!conllu && dyad_nlp_load(models, &nlp, &err)) {
        printf("gold_events_precision: n/a (%s: %s)\n",
               dyad_status_name(err.code), err.message);
        printf("gold_events_recall: n/a (the parser is needed for the full pipeline)\n");
        dyad_dict_free(dict);
        return 0;
    }
    DIR *dir = opendir(gold);
    if (!dir) {
        printf("gold_events_precision: n/a (no gold set at %s)\n", gold);
        printf("gold_events_recall: n/a\n");
        dyad_nlp_free(nlp);
        dyad_dict_free(dict);
        return 0;
    }
    char *names[256];
    size_t n_names = 0;
    struct dirent *de;
    while ((de = readdir(dir)) != NULL && n_names < 256) {
        size_t l = strlen(de->d_name);
        const char *suf = ".events.tsv";
        if (l > strlen(suf) && !strcmp(de->d_name + l - strlen(suf), suf))
            names[n_names++] = strndup(de->d_name, l - strlen(suf));
    }
    closedir(dir);
    qsort(names, n_names, sizeof *names, cmpstr);

    size_t tot_gold = 0, tot_ours = 0, tot_match = 0, tot_untargeted = 0, tot_traps = 0;
    for (size_t a = 0; a < n_names; a++) {
        char path[1024], date[16];
        tlist g = {0}, all = {0}, ours = {0};
        snprintf(path, sizeof path, "%s/%s.events.tsv", gold, names[a]);
        read_gold(path, &g, &all);
        snprintf(path, sizeof path, "%s/%s.meta", gold, names[a]);
        read_date(path, date, sizeof date);
        snprintf(path, sizeof path, "%s/%s.txt", gold, names[a]);
        size_t len = 0;
        char *text = slurp(path, &len);
        if (!text) {
            printf("  %s: cannot read %s\n", names[a], path);
            continue;
        }
        dyad_input in;
        memset(&in, 0, sizeof in);
        in.id = names[a];
        in.path = path;
        in.date = date[0] ? date : NULL;
        in.text = text;
        in.text_len = len;
        dyad_options opt;
        memset(&opt, 0, sizeof opt);
        opt.date = date[0] ? date : NULL;
        opt.nlp = nlp;
        dyad_doc *doc = NULL;
        dyad_event *ev = NULL;
        size_t nev = 0, untargeted = 0, n_sent = 0;
        dyad_arena *ca = NULL;
        if (conllu) {
            char cp[1024];
            snprintf(cp, sizeof cp, "%s/%s.conllu", conllu, names[a]);
            size_t clen = 0;
            char *ctext = slurp(cp, &clen);
            ca = dyad_arena_new(0);
            dyad_coder *coder = dyad_coder_new(dict, date[0] ? date : NULL);
            const char *p = ctext ? ctext : "";
            const char *end = ctext ? ctext + clen : p;
            dyad_word *w;
            size_t nw, cap = 0;
            const char *stext;
            while (ca && coder && dyad_conllu_next(ca, &p, end, &w, &nw, &stext, &err) == 1) {
                dyad_event *se;
                size_t ns;
                if (dyad_code_sentence(dict, coder, ca, w, nw, (uint32_t)n_sent++, stext, NULL,
                                       &se, &ns, &err))
                    break;
                if (nev + ns > cap) {
                    cap = (nev + ns) * 2;
                    dyad_event *ne = dyad_arena_alloc(ca, cap * sizeof *ne);
                    if (!ne)
                        break;
                    if (nev)
                        memcpy(ne, ev, nev * sizeof *ne);
                    ev = ne;
                }
                if (ns)
                    memcpy(ev + nev, se, ns * sizeof *se);
                nev += ns;
            }
            if (!ctext)
                printf("  %s: no parse at %s\n", names[a], cp);
            dyad_coder_free(coder);
            free(ctext);
        } else if (dyad_doc_analyze(&in, &opt, &doc, &err) ||
                   dyad_code_doc(dict, doc, &ev, &nev, &err)) {
            printf("  %s: %s\n", names[a], err.message);
        }
        if (doc)
            n_sent = doc->n_sentences;
        for (size_t i = 0; i < nev; i++) {
            if (ev[i].mode != DYAD_MODE_ASSERTED)
                continue;
            if (!*ev[i].target.country || !*ev[i].source.country) {
                untargeted++;
                continue;
            }
            triple *t = tpush(&ours);
            if (!t)
                break;
            snprintf(t->sent, sizeof t->sent, "%u", ev[i].sentence);
            snprintf(t->src, sizeof t->src, "%s", ev[i].source.country);
            snprintf(t->tgt, sizeof t->tgt, "%s", ev[i].target.country);
            snprintf(t->code, sizeof t->code, "%s", ev[i].code);
            snprintf(t->root, sizeof t->root, "%s", ev[i].root);
            snprintf(t->trig, sizeof t->trig, "%s", ev[i].verb ? ev[i].verb : "");
        }
        /* multiset matching: same sentence first, then anywhere */
        size_t match = 0;
        for (int pass = 0; pass < 2; pass++)
            for (size_t i = 0; i < ours.n; i++) {
                if (ours.v[i].used)
                    continue;
                for (size_t j = 0; j < g.n; j++) {
                    triple *x = &ours.v[i], *y = &g.v[j];
                    if (y->used || strcmp(x->src, y->src) || strcmp(x->tgt, y->tgt) ||
                        strcmp(x->root, y->root) || (pass == 0 && strcmp(x->sent, y->sent)))
                        continue;
                    x->used = y->used = 1;
                    match++;
                    break;
                }
            }
        /* unmatched asserted output that a non-asserted gold row explains */
        size_t traps = 0;
        for (size_t i = 0; i < ours.n; i++) {
            if (ours.v[i].used)
                continue;
            for (size_t j = 0; j < all.n; j++)
                if (strcmp(all.v[j].mode, "asserted") && !strcmp(all.v[j].src, ours.v[i].src) &&
                    !strcmp(all.v[j].tgt, ours.v[i].tgt) && !strcmp(all.v[j].root, ours.v[i].root)) {
                    traps++;
                    break;
                }
        }
        printf("  %-26s gold %3zu  coded %3zu  matched %3zu  P %.2f  R %.2f  (trap hits %zu, untargeted %zu, sentences %zu)\n",
               names[a], g.n, ours.n, match, ours.n ? (double)match / ours.n : 0.0,
               g.n ? (double)match / g.n : 0.0, traps, untargeted, n_sent);
        if (verbose) {
            for (size_t i = 0; i < ours.n; i++)
                if (!ours.v[i].used)
                    printf("      FP s%-3s %s -> %s %s  \"%s\"\n", ours.v[i].sent, ours.v[i].src,
                           ours.v[i].tgt, ours.v[i].code, ours.v[i].trig);
            for (size_t j = 0; j < g.n; j++)
                if (!g.v[j].used)
                    printf("      FN s%-3s %s -> %s %s  \"%s\"\n", g.v[j].sent, g.v[j].src,
                           g.v[j].tgt, g.v[j].code, g.v[j].trig);
        }
        tot_gold += g.n;
        tot_ours += ours.n;
        tot_match += match;
        tot_untargeted += untargeted;
        tot_traps += traps;
        dyad_doc_free(doc);
        dyad_arena_free(ca);
        free(text);
        free(g.v);
        free(all.v);
        free(ours.v);
        free(names[a]);
    }
    printf("gold_events_articles: %zu\n", n_names);
    printf("gold_events_asserted_gold: %zu  coded: %zu  matched: %zu  trap_hits: %zu  untargeted_not_scored: %zu\n",
           tot_gold, tot_ours, tot_match, tot_traps, tot_untargeted);
    printf("gold_events_precision: %.2f\n", tot_ours ? (double)tot_match / tot_ours : 0.0);
    printf("gold_events_recall: %.2f\n", tot_gold ? (double)tot_match / tot_gold : 0.0);
    dyad_nlp_free(nlp);
    dyad_dict_free(dict);
    return 0;
}
