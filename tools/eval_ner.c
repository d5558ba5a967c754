/* eval_ner.c — NER F1 on a UNER IOB2 file (gold EWT tokenization), CoNLL
 * style: a mention counts when its span and type match exactly.  Prints
 * `ner_f1_NAME: 0.xx` then per-type P/R/F1 lines and the tagger's speed
 * (CPU time inside dyad_ner_tag).
 *
 * usage: eval_ner [--models DIR] [--dict DIR] [--name uner_ewt] [--show]
 *          [--dump OUT.tsv] FILE.iob2
 * (--dump: one line per token, form, gold and predicted tag, for error
 * analysis) */
#include "dyad.h"

#include <stdio.h>
#include <time.h>
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

#define MAXS 4096

typedef struct span {
    size_t b, e;
    int type;
} span;

static const char *type_name[4] = {"", "PER", "ORG", "LOC"};

/* types/begins arrays → spans */
static size_t spans(const uint8_t *ty, const uint8_t *bg, size_t n, span *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        if (!ty[i]) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && ty[j] == ty[i] && !bg[j])
            j++;
        out[k].b = i;
        out[k].e = j;
        out[k].type = ty[i];
        k++;
        i = j;
    }
    return k;
}

int main(int argc, char **argv)
{
    const char *models = NULL, *dict_dir = "dict", *name = "uner_ewt", *file = NULL;
    int show = 0, no_nlp = 0;
    FILE *dump = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--models") && i + 1 < argc)
            models = argv[++i];
        else if (!strcmp(argv[i], "--dict") && i + 1 < argc)
            dict_dir = argv[++i];
        else if (!strcmp(argv[i], "--name") && i + 1 < argc)
            name = argv[++i];
        else if (!strcmp(argv[i], "--show"))
            show = 1;
        else if (!strcmp(argv[i], "--dump") && i + 1 < argc) {
            dump = fopen(argv[++i], "w");
            if (!dump) {
                fprintf(stderr, "eval_ner: cannot write %s\n", argv[i]);
                return 2;
            }
        }
        else if (!strcmp(argv[i], "--no-nlp"))
            no_nlp = 1;
        else if (argv[i][0] != '-' && !file)
            file = argv[i];
        else {
            fprintf(stderr, "usage: eval_ner [--models DIR] [--dict DIR] [--name N] [--show] [--dump F] FILE.iob2\n");
            return 2;
        }
    }
    if (!file) {
        fprintf(stderr, "usage: eval_ner [--models DIR] [--dict DIR] FILE.iob2\n");
        return 2;
    }
    dyad_error err;
    dyad_ner *ner = NULL;
    if (dyad_ner_load(models, &ner, &err)) {
        printf("ner_f1_%s: n/a (%s: %s)\n", name, err.path, err.message);
        return 0;
    }
    dyad_dict *dict = NULL;
    if (dyad_dict_load(dict_dir, &dict, &err)) {
        fprintf(stderr, "eval_ner: dictionary %s: %s (no gazetteer features: lower F1)\n",
                err.path, err.message);
        dict = NULL;
    }
    dyad_nlp *nlp = NULL;
    if (!no_nlp && dyad_nlp_load(models, &nlp, &err))
        nlp = NULL;
    static dyad_word words[MAXS];
    uint8_t upos[MAXS];
    size_t len;
    char *buf = slurp(file, &len);
    if (!buf) {
        printf("ner_f1_%s: n/a (cannot read %s)\n", name, file);
        dyad_ner_free(ner);
        return 0;
    }
    const char *forms[MAXS];
    uint32_t lens[MAXS];
    uint8_t gty[MAXS], gbg[MAXS], pty[MAXS], pbg[MAXS];
    span gs[MAXS], ps[MAXS];
    size_t tp[4] = {0}, np[4] = {0}, ng[4] = {0};
    size_t n = 0, ner_tok = 0, ner_sent = 0;
    double ner_sec = 0;
    dyad_arena *a = dyad_arena_new(0);
    char *p = buf;
    for (;;) {
        int eos = !*p;
        char *e = eos ? p : strchr(p, '\n');
        if (!e)
            e = p + strlen(p);
        size_t ln = (size_t)(e - p);
        if (ln && p[ln - 1] == '\r')
            ln--;
        if (!eos && ln && p[0] != '#' && n < MAXS) {
            char *t1 = memchr(p, '\t', ln);
            char *t2 = t1 ? memchr(t1 + 1, '\t', ln - (size_t)(t1 + 1 - p)) : NULL;
            if (t1 && t2) {
                forms[n] = t1 + 1;
                lens[n] = (uint32_t)(t2 - t1 - 1);
                const char *tg = t2 + 1;
                int ty = 0;
                if (!strncmp(tg + 2, "PER", 3))
                    ty = 1;
                else if (!strncmp(tg + 2, "ORG", 3))
                    ty = 2;
                else if (!strncmp(tg + 2, "LOC", 3))
                    ty = 3;
                if (tg[0] == 'O' || tg[1] != '-' || (tg[5] != '\t' && tg[5] != '\n' && tg[5]))
                    ty = 0;
                gty[n] = (uint8_t)ty;
                gbg[n] = (uint8_t)(ty && (tg[0] == 'B' || !n || gty[n - 1] != ty));
                n++;
            }
        } else if ((eos || !ln) && n) {
            dyad_arena_reset(a);
            if (nlp) {
                memset(words, 0, n * sizeof *words);
                for (size_t i = 0; i < n; i++) {
                    words[i].form = forms[i];
                    words[i].len = lens[i];
                }
                if (dyad_nlp_annotate(nlp, a, words, n, &err))
                    memset(words, 0, n * sizeof *words);
                for (size_t i = 0; i < n; i++)
                    upos[i] = words[i].upos;
            }
            struct timespec t0, t1;
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
            int trc = dyad_ner_tag(ner, dict, a, forms, lens, nlp ? upos : NULL, n, pty, pbg, &err);
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
            ner_sec += (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
            ner_tok += n;
            ner_sent++;
            if (trc) {
                printf("ner_f1_%s: n/a (%s)\n", name, err.message);
                return 0;
            }
            size_t g = spans(gty, gbg, n, gs), q = spans(pty, pbg, n, ps);
            for (size_t i = 0; i < g; i++)
                ng[gs[i].type]++;
            for (size_t i = 0; i < q; i++) {
                np[ps[i].type]++;
                int hit = 0;
                for (size_t j = 0; j < g; j++)
                    if (ps[i].b == gs[j].b && ps[i].e == gs[j].e && ps[i].type == gs[j].type)
                        hit = 1;
                tp[ps[i].type] += (size_t)hit;
            }
            if (dump) {
                for (size_t i = 0; i < n; i++)
                    fprintf(dump, "%.*s\t%s%s\t%s%s\n", (int)lens[i], forms[i],
                            gty[i] ? (gbg[i] ? "B-" : "I-") : "O", type_name[gty[i]],
                            pty[i] ? (pbg[i] ? "B-" : "I-") : "O", type_name[pty[i]]);
                fprintf(dump, "\n");
            }
            if (show) {
                int bad = g != q;
                for (size_t i = 0; i < n && !bad; i++)
                    bad = gty[i] != pty[i] || (gty[i] && gbg[i] != pbg[i]);
                if (bad) {
                    for (size_t i = 0; i < n; i++)
                        printf("%.*s%s%s%s ", (int)lens[i], forms[i],
                               gty[i] || pty[i] ? "/" : "",
                               gty[i] ? type_name[gty[i]] : (pty[i] ? "-" : ""),
                               pty[i] != gty[i] ? (pty[i] ? type_name[pty[i]] : "+O") : "");
                    printf("\n");
                }
            }
            n = 0;
        }
        if (eos)
            break;
        p = *e ? e + 1 : e;
    }
    size_t T = 0, P = 0, G = 0;
    for (int t = 1; t <= 3; t++) {
        T += tp[t];
        P += np[t];
        G += ng[t];
    }
    double pr = P ? (double)T / (double)P : 0, rc = G ? (double)T / (double)G : 0;
    printf("ner_f1_%s: %.2f\n", name, pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0);
    printf("  all: P %.3f R %.3f F1 %.3f (%zu gold, %zu predicted; exact span+type; "
           "gold EWT tokens; tagger UPOS %s, used if the model was trained with it)\n",
           pr, rc, pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0, G, P, nlp ? "on" : "off");
    for (int t = 1; t <= 3; t++) {
        double a1 = np[t] ? (double)tp[t] / (double)np[t] : 0;
        double b1 = ng[t] ? (double)tp[t] / (double)ng[t] : 0;
        printf("  %s: P %.3f R %.3f F1 %.3f (%zu gold)\n", type_name[t], a1, b1,
               a1 + b1 > 0 ? 2 * a1 * b1 / (a1 + b1) : 0, ng[t]);
    }
    printf("  ner_tokens_per_s: %.0f (%zu sentences, %zu tokens, %.3f s CPU in dyad_ner_tag)\n",
           ner_sec > 0 ? (double)ner_tok / ner_sec : 0, ner_sent, ner_tok, ner_sec);
    dyad_arena_free(a);
    dyad_dict_free(dict);
    dyad_ner_free(ner);
    dyad_nlp_free(nlp);
    free(buf);
    if (dump)
        fclose(dump);
    return 0;
}
