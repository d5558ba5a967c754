/* eval_geo.c — geocoding accuracy on the gold place mentions of
 * tests/gold/kg/NAME.places.tsv (format in tests/gold/kg/README.md).
 *
 * Each article goes through the pipeline (dyad_doc_analyze) and the
 * geocoder (dyad_geo_locate_doc).  A gold mention is matched to a predicted
 * mention of the same sentence whose text overlaps it ("Idlib" within
 * "Idlib Province"; the dateline for a dateline row).  It is correct when
 * the country is the gold country (any of "PRK;KOR") and the point lies
 * within the gold radius: 50 km for exact/approx rows, 150 km for region
 * centroids, 500 km for country centroids.  Predicted mentions that match no
 * gold row are counted too (they are not in the accuracy).
 *
 * usage: eval_geo [-v] [GAZETTEER [GOLD_DIR]]
 *   prints geo_acc_gold, geo_found_gold, geo_extra_mentions */
#include "dyad.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, fp) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(fp);
    if (buf) {
        buf[n] = 0;
        *len = (size_t)n;
    }
    return buf;
}

static double km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0, d2r = M_PI / 180.0;
    double dlat = (lat2 - lat1) * d2r, dlon = (lon2 - lon1) * d2r;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * d2r) * cos(lat2 * d2r) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * r * asin(sqrt(a < 1 ? a : 1));
}

typedef struct pred {
    uint32_t sentence;
    char *text;     /* folded */
    const dyad_location *loc;
    int used, dateline;
} pred;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    int verbose = 0, argi = 1;
    if (argi < argc && strcmp(argv[argi], "-v") == 0) {
        verbose = 1;
        argi++;
    }
    const char *gaz_path = argi < argc ? argv[argi++] : "build/data/gazetteer.bin";
    const char *gold = argi < argc ? argv[argi++] : "tests/gold/kg";
    dyad_error err;
    dyad_gazetteer *g = NULL;
    if (dyad_gazetteer_load(gaz_path, &g, &err) != 0) {
        printf("geo_acc_gold: SKIP (%s: %s; run tools/install-npm-data and "
               "gen_gazetteer)\n", gaz_path, err.message);
        return 0;
    }
    DIR *d = opendir(gold);
    if (!d) {
        printf("geo_acc_gold: SKIP (no %s)\n", gold);
        dyad_gazetteer_free(g);
        return 0;
    }
    char *names[256];
    size_t n_names = 0;
    struct dirent *de;
    while ((de = readdir(d)) && n_names < 256) {
        size_t l = strlen(de->d_name);
        if (l > 11 && strcmp(de->d_name + l - 11, ".places.tsv") == 0) {
            names[n_names] = strdup(de->d_name);
            names[n_names][l - 11] = 0;
            n_names++;
        }
    }
    closedir(d);
    qsort(names, n_names, sizeof *names, cmp_str);
    int total = 0, correct = 0, found = 0, extra = 0;
    for (size_t a = 0; a < n_names; a++) {
        char path[1024], date[16] = "";
        size_t len = 0;
        snprintf(path, sizeof path, "%s/%s.meta", gold, names[a]);
        char *meta = slurp(path, &len);
        if (meta) {
            const char *p = strstr(meta, "date:");
            if (p)
                sscanf(p + 5, " %10s", date);
            free(meta);
        }
        snprintf(path, sizeof path, "%s/%s.txt", gold, names[a]);
        char *text = slurp(path, &len);
        snprintf(path, sizeof path, "%s/%s.places.tsv", gold, names[a]);
        char *tsv = slurp(path, &len);
        if (!text || !tsv) {
            printf("  %s: cannot read\n", names[a]);
            free(text);
            free(tsv);
            continue;
        }
        dyad_input in;
        memset(&in, 0, sizeof in);
        in.id = names[a];
        in.path = path;
        in.text = text;
        in.text_len = strlen(text);
        dyad_options opt;
        memset(&opt, 0, sizeof opt);
        opt.date = date[0] ? date : NULL;
        dyad_doc *doc = NULL;
        dyad_location *locs = NULL;
        size_t n_locs = 0;
        if (dyad_doc_analyze(&in, &opt, &doc, &err) != 0 ||
            dyad_geo_locate_doc(g, doc, &locs, &n_locs, &err) != 0) {
            printf("  %s: %s\n", names[a], err.message);
            dyad_doc_free(doc);
            free(text);
            free(tsv);
            continue;
        }
        size_t n_pred = 0;
        for (size_t i = 0; i < n_locs; i++)
            n_pred += locs[i].n_mentions;
        pred *pr = calloc(n_pred ? n_pred : 1, sizeof *pr);
        size_t k = 0;
        for (size_t i = 0; i < n_locs; i++)
            for (size_t m = 0; m < locs[i].n_mentions; m++) {
                const dyad_mention *mm = &locs[i].mentions[m];
                pred *p = &pr[k++];
                p->sentence = mm->sentence;
                p->loc = &locs[i];
                p->dateline = mm->start == mm->end;
                const char *s = p->dateline ? (doc->dateline ? doc->dateline : "")
                                            : doc->body + mm->start;
                size_t n = p->dateline ? strlen(s) : mm->end - mm->start;
                p->text = dyad_norm_fold(doc->arena, s, n, NULL);
            }
        if (verbose)
            printf("%s (%s)\n", names[a], date);
        char *save = NULL;
        int header = 1;
        for (char *line = strtok_r(tsv, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
            if (header) {
                header = 0;
                continue;
            }
            char *f[9] = {0};
            int nf = 0;
            for (char *c = line; nf < 9;) {
                f[nf++] = c;
                char *t = strchr(c, '\t');
                if (!t)
                    break;
                *t = 0;
                c = t + 1;
            }
            if (nf < 8)
                continue;
            uint32_t sent = (uint32_t)atoi(f[0]);
            double glat = atof(f[4]), glon = atof(f[5]);
            const char *gtype = f[6], *gprec = f[7];
            double radius = 50;
            if (strcmp(gprec, "centroid") == 0)
                radius = strcmp(gtype, "country") == 0 ? 500 : 150;
            char *gm = dyad_norm_fold(doc->arena, f[1], strlen(f[1]), NULL);
            total++;
            pred *hit = NULL;
            for (size_t i = 0; i < n_pred && !hit; i++) {
                pred *p = &pr[i];
                if (p->used || p->sentence != sent || !*p->text)
                    continue;
                if (strstr(gm, p->text) || strstr(p->text, gm))
                    hit = p;
            }
            if (!hit) {
                if (verbose)
                    printf("  MISS   s%-2u %-24s gold %s %s (%.2f, %.2f) %s\n", sent, f[1],
                           f[2], f[3], glat, glon, gtype);
                continue;
            }
            hit->used = 1;
            found++;
            const dyad_location *l = hit->loc;
            int country_ok = 0;
            char countries[32];
            snprintf(countries, sizeof countries, "%s", f[3]);
            for (char *c = strtok(countries, ";"); c; c = strtok(NULL, ";"))
                if (strcmp(c, l->country) == 0)
                    country_ok = 1;
            double dist = km(glat, glon, l->lat, l->lon);
            int ok = country_ok && dist <= radius;
            correct += ok;
            if (verbose)
                printf("  %-6s s%-2u %-24s -> %s %s%s%s (%.2f, %.2f) %s  %.0f km (<= %.0f)%s\n",
                       ok ? "OK" : "WRONG", sent, f[1], l->name, l->country,
                       l->adm1 ? "/" : "", l->adm1 ? l->adm1 : "", l->lat, l->lon, l->type,
                       dist, radius, country_ok ? "" : "  country differs");
        }
        for (size_t i = 0; i < n_pred; i++)
            if (!pr[i].used) {
                extra++;
                if (verbose)
                    printf("  EXTRA  s%-2u %-24s -> %s %s (%.2f, %.2f) %s\n", pr[i].sentence,
                           pr[i].text, pr[i].loc->name, pr[i].loc->country, pr[i].loc->lat,
                           pr[i].loc->lon, pr[i].loc->type);
            }
        free(pr);
        dyad_doc_free(doc);
        free(text);
        free(tsv);
    }
    for (size_t i = 0; i < n_names; i++)
        free(names[i]);
    dyad_gazetteer_free(g);
    printf("# a gold mention is correct when a predicted mention of the same sentence\n"
           "# overlaps it, has its country, and lies within 50 km (exact/approx),\n"
           "# 150 km (region centroid) or 500 km (country centroid) of the gold point\n");
    printf("geo_acc_gold: %.4f (%d/%d)\n", total ? (double)correct / total : 0.0, correct,
           total);
    printf("geo_found_gold: %.4f (%d/%d)\n", total ? (double)found / total : 0.0, found, total);
    printf("geo_extra_mentions: %d\n", extra);
    return 0;
}
