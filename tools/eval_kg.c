/* eval_kg.c — quotations and people on the team's gold articles
 * (tests/gold/kg: NAME.txt, NAME.meta, NAME.people.tsv, NAME.quotes.tsv).
 *
 * quotes_f1_gold: precision/recall of (speaker, text) pairs over the gold
 *   rows whose kind has quotation marks (direct, partial, continuation,
 *   document, sign; `indirect` rows have no marks and are not counted).
 *   Text match: both sides folded (case, diacritics, curly → straight
 *   marks) with spaces collapsed, equal, or one containing the other with
 *   the shorter at least 90 % of the longer.  Speaker match: same person
 *   key (dyad_gkg_person_key) as the gold canonical name or one of its
 *   variants, or, for groups and documents, one folded name containing
 *   the other.  One-to-one matching.
 * persons_recall_gold: a gold person counts when one PERSON entity has the
 *   person's key (canonical or a variant) and every occurrence of every
 *   variant in the body lies inside a mention of that same entity.
 *
 * usage: eval_kg [--gold DIR] [--dict DIR] [--models DIR] [--show] */
#include "dyad.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long sz = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *b = malloc((size_t)sz + 1);
    if (!b || fread(b, 1, (size_t)sz, fp) != (size_t)sz) {
        fclose(fp);
        free(b);
        return NULL;
    }
    fclose(fp);
    b[sz] = 0;
    *len = (size_t)sz;
    return b;
}

static int cmpstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* split a line on tabs in place */
static size_t split_tabs(char *line, char **col, size_t max)
{
    size_t n = 0;
    col[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = 0;
            col[n++] = p + 1;
        }
    return n;
}

/* folded, spaces collapsed, trimmed */
static const char *norm(dyad_arena *a, const char *s)
{
    size_t fl = 0;
    char *f = dyad_norm_fold(a, s, strlen(s), &fl);
    if (!f)
        return "";
    size_t k = 0;
    int sp = 1;
    for (size_t i = 0; i < fl; i++) {
        char ch = f[i];
        if (ch == ' ' || ch == '\t' || ch == '\n') {
            if (!sp)
                f[k++] = ' ';
            sp = 1;
        } else {
            f[k++] = ch;
            sp = 0;
        }
    }
    while (k && f[k - 1] == ' ')
        k--;
    f[k] = 0;
    return f;
}

static int text_match(dyad_arena *a, const char *g, const char *o)
{
    const char *x = norm(a, g), *y = norm(a, o);
    size_t lx = strlen(x), ly = strlen(y);
    if (!strcmp(x, y))
        return 1;
    const char *lo = lx >= ly ? x : y, *sh = lx >= ly ? y : x;
    size_t ll = lx >= ly ? lx : ly, ls = lx >= ly ? ly : lx;
    return ls * 10 >= ll * 9 && strstr(lo, sh) != NULL;
}

typedef struct person {
    char *canonical;
    char *variants[16];
    size_t n_var;
} person;

static int speaker_match(dyad_arena *a, const char *gold, const person *pp, size_t npp,
                         const char *ours)
{
    if (!ours)
        return 0;
    const char *ko = dyad_gkg_person_key(a, ours, strlen(ours));
    const char *kg = dyad_gkg_person_key(a, gold, strlen(gold));
    if (ko && kg && !strcmp(ko, kg))
        return 1;
    for (size_t i = 0; i < npp; i++) {
        if (strcmp(pp[i].canonical, gold))
            continue;
        for (size_t v = 0; v < pp[i].n_var; v++) {
            const char *kv = dyad_gkg_person_key(a, pp[i].variants[v], strlen(pp[i].variants[v]));
            if (kv && ko && !strcmp(kv, ko))
                return 1;
        }
        return 0; /* a person: keys only */
    }
    const char *x = norm(a, gold), *y = norm(a, ours);
    return *x && *y && (strstr(x, y) || strstr(y, x));
}

int main(int argc, char **argv)
{
    const char *gold = "tests/gold/kg", *dict_dir = NULL, *models = NULL;
    int show = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--gold") && i + 1 < argc)
            gold = argv[++i];
        else if (!strcmp(argv[i], "--dict") && i + 1 < argc)
            dict_dir = argv[++i];
        else if (!strcmp(argv[i], "--models") && i + 1 < argc)
            models = argv[++i];
        else if (!strcmp(argv[i], "--show"))
            show = 1;
        else {
            fprintf(stderr, "usage: eval_kg [--gold DIR] [--dict DIR] [--models DIR] [--show]\n");
            return 2;
        }
    }
    dyad_error err;
    dyad_dict *dict = NULL;
    if (dyad_dict_load(dict_dir, &dict, &err))
        dict = NULL;
    dyad_ner *ner = NULL;
    if (dyad_ner_load(models, &ner, &err))
        ner = NULL;
    dyad_nlp *nlp = NULL;
    if (dyad_nlp_load(models, &nlp, &err))
        nlp = NULL;
    DIR *dir = opendir(gold);
    if (!dir) {
        printf("quotes_f1_gold: n/a (no gold set at %s)\n", gold);
        printf("persons_recall_gold: n/a\n");
        return 0;
    }
    char *names[256];
    size_t n_names = 0;
    struct dirent *de;
    while ((de = readdir(dir)) != NULL && n_names < 256) {
        size_t l = strlen(de->d_name);
        const char *suf = ".quotes.tsv";
        if (l > strlen(suf) && !strcmp(de->d_name + l - strlen(suf), suf))
            names[n_names++] = strndup(de->d_name, l - strlen(suf));
    }
    closedir(dir);
    qsort(names, n_names, sizeof *names, cmpstr);

    size_t q_gold = 0, q_ours = 0, q_match = 0, p_gold = 0, p_found = 0, p_keyed = 0;
    size_t q_indirect = 0;
    for (size_t a = 0; a < n_names; a++) {
        char path[1024], date[16] = "";
        dyad_arena *ar = dyad_arena_new(0);
        snprintf(path, sizeof path, "%s/%s.meta", gold, names[a]);
        size_t len = 0;
        char *meta = slurp(path, &len);
        if (meta) {
            char *d = strstr(meta, "date:");
            if (d) {
                d += 5;
                while (*d == ' ')
                    d++;
                snprintf(date, sizeof date, "%.10s", d);
            }
            free(meta);
        }
        /* people */
        person pp[64];
        size_t npp = 0;
        snprintf(path, sizeof path, "%s/%s.people.tsv", gold, names[a]);
        char *pbuf = slurp(path, &len);
        for (char *line = pbuf ? strtok(pbuf, "\n") : NULL; line; line = strtok(NULL, "\n")) {
            char *col[8];
            if (!strncmp(line, "canonical\t", 10) || split_tabs(line, col, 8) < 2 || npp == 64)
                continue;
            person *p = &pp[npp++];
            p->canonical = col[0];
            p->n_var = 0;
            for (char *v = col[1], *sv; p->n_var < 16 && (v = strtok_r(v, ";", &sv)); v = NULL)
                p->variants[p->n_var++] = v;
        }
        /* quotes: read all lines first (strtok is not reentrant) */
        snprintf(path, sizeof path, "%s/%s.quotes.tsv", gold, names[a]);
        char *qbuf = slurp(path, &len);
        char *gs[64], *gt[64], *gk[64];
        size_t ngq = 0;
        char *save = NULL;
        for (char *line = qbuf ? strtok_r(qbuf, "\n", &save) : NULL; line;
             line = strtok_r(NULL, "\n", &save)) {
            char *col[8];
            if (!strncmp(line, "quote_id\t", 9) || split_tabs(line, col, 8) < 7 || ngq == 64)
                continue;
            if (!strcmp(col[5], "indirect")) {
                q_indirect++;
                continue;
            }
            gs[ngq] = col[3];
            gk[ngq] = col[5];
            gt[ngq] = col[6];
            ngq++;
        }
        snprintf(path, sizeof path, "%s/%s.txt", gold, names[a]);
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
        dyad_entity *ents = NULL;
        dyad_quote *qs = NULL;
        size_t ne = 0, nq = 0;
        if (dyad_doc_analyze(&in, &opt, &doc, &err) ||
            dyad_gkg_entities(ner, dict, doc, doc->arena, &ents, &ne, &err) ||
            dyad_gkg_quotes(doc, ents, ne, doc->arena, &qs, &nq, &err)) {
            printf("  %s: %s\n", names[a], err.message);
            dyad_doc_free(doc);
            free(text);
            continue;
        }
        /* quotes: one-to-one */
        int used[256] = {0};
        size_t match = 0;
        for (size_t g = 0; g < ngq; g++) {
            int hit = 0;
            for (size_t o = 0; o < nq && o < 256 && !hit; o++) {
                if (used[o] || !text_match(ar, gt[g], qs[o].text) ||
                    !speaker_match(ar, gs[g], pp, npp, qs[o].speaker))
                    continue;
                used[o] = 1;
                hit = 1;
            }
            match += (size_t)hit;
            if (show && !hit)
                printf("  %s: missed %s quote (%s) \"%s\"\n", names[a], gk[g], gs[g], gt[g]);
        }
        if (show)
            for (size_t o = 0; o < nq && o < 256; o++)
                printf("  %s: %s quote [%s|%s|%u|%s] \"%s\"\n", names[a],
                       used[o] ? "ok" : "WRONG", qs[o].speaker ? qs[o].speaker : "-",
                       qs[o].verb ? qs[o].verb : "-", qs[o].entity,
                       qs[o].code ? qs[o].code : "-", qs[o].text);
        q_gold += ngq;
        q_ours += nq;
        q_match += match;
        /* people */
        for (size_t i = 0; i < npp; i++) {
            const person *p = &pp[i];
            const char *kc = dyad_gkg_person_key(ar, p->canonical, strlen(p->canonical));
            const dyad_entity *hit = NULL;
            for (size_t e = 0; e < ne && !hit; e++) {
                if (ents[e].type != DYAD_ENT_PERSON || !ents[e].key)
                    continue;
                if (!strcmp(ents[e].key, kc))
                    hit = &ents[e];
                for (size_t v = 0; v < p->n_var && !hit; v++) {
                    const char *kv = dyad_gkg_person_key(ar, p->variants[v], strlen(p->variants[v]));
                    if (kv && !strcmp(ents[e].key, kv) && strchr(p->variants[v], ' ') &&
                        strncmp(p->variants[v], "Mr", 2) && strncmp(p->variants[v], "President", 9))
                        hit = &ents[e];
                }
            }
            p_gold++;
            if (!hit) {
                if (show)
                    printf("  %s: person %s not found\n", names[a], p->canonical);
                continue;
            }
            p_keyed++;
            int all = 1;
            for (size_t v = 0; v < p->n_var; v++) {
                size_t vl = strlen(p->variants[v]);
                for (const char *s = doc->body; (s = strstr(s, p->variants[v])) != NULL; s += vl) {
                    uint32_t st = (uint32_t)(s - doc->body), en = st + (uint32_t)vl;
                    int cov = 0;
                    for (size_t m = 0; m < hit->n_mentions && !cov; m++)
                        cov = hit->mentions[m].start < en && st < hit->mentions[m].end;
                    if (!cov) {
                        all = 0;
                        if (show)
                            printf("  %s: person %s: \"%s\" at %u not linked\n", names[a],
                                   p->canonical, p->variants[v], st);
                    }
                }
            }
            p_found += (size_t)all;
        }
        if (show)
            for (size_t e = 0; e < ne; e++) {
                printf("  %s: entity %u %s [%s] type %d code %s mentions %zu roles:", names[a],
                       ents[e].id, ents[e].name, ents[e].key, ents[e].type,
                       ents[e].code ? ents[e].code : "-", ents[e].n_mentions);
                for (size_t r = 0; r < ents[e].n_roles; r++)
                    printf(" \"%s\"", ents[e].roles[r]);
                printf("\n");
            }
        dyad_doc_free(doc);
        dyad_arena_free(ar);
        free(text);
        free(pbuf);
        free(qbuf);
    }
    double p = q_ours ? (double)q_match / (double)q_ours : 0;
    double r = q_gold ? (double)q_match / (double)q_gold : 0;
    printf("quotes_f1_gold: %.2f\n", p + r > 0 ? 2 * p * r / (p + r) : 0);
    printf("  quotes: P %.3f R %.3f (%zu gold quoted parts, %zu ours, %zu matched; %zu indirect "
           "rows not scored; text match = folded text equal or containment with >= 90%% "
           "overlap; speaker = same person key or name containment)\n",
           p, r, q_gold, q_ours, q_match, q_indirect);
    printf("persons_recall_gold: %.2f\n", p_gold ? (double)p_found / (double)p_gold : 0);
    printf("  persons: %zu gold, %zu with the right key, %zu with every variant linked "
           "to that entity (ner %s, parser %s)\n",
           p_gold, p_keyed, p_found, ner ? "on" : "off", nlp ? "on" : "off");
    dyad_nlp_free(nlp);
    dyad_ner_free(ner);
    dyad_dict_free(dict);
    for (size_t i = 0; i < n_names; i++)
        free(names[i]);
    return 0;
}
