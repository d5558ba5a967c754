/* load.c — reads dyad's own dictionary files (dict/README.md: the actors files,
 * verbs.txt, cameo.tsv) into the compiled dictionary of dict.c. */
#include "dict/dict.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct loader {
    dyad_dict *d;
    const char *file;  /* name relative to the dictionary dir ("verbs.txt") */
    const char *path;  /* full path, for errors */
    int line;
    dyad_error *err;
} loader;

static int read_all(const char *path, char **buf, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return DYAD_EIO;
    size_t cap = 1 << 16, len = 0;
    char *b = malloc(cap + 1);
    while (b) {
        size_t r = fread(b + len, 1, cap - len, fp);
        len += r;
        if (len < cap)
            break;
        cap *= 2;
        char *nb = realloc(b, cap + 1);
        if (!nb) {
            free(b);
            b = NULL;
        }
        b = nb;
    }
    int bad = ferror(fp);
    fclose(fp);
    if (!b)
        return DYAD_ENOMEM;
    if (bad) {
        free(b);
        return DYAD_EIO;
    }
    b[len] = 0;
    *buf = b;
    *n = len;
    return 0;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = 0;
    return s;
}

/* Split a line into its " | " fields (in place). Returns the count. */
static int split_fields(char *s, char **f, int max)
{
    int k = 0;
    f[k++] = s;
    char *p = s;
    while (k < max && (p = strstr(p, " | ")) != NULL) {
        *p = 0;
        p += 3;
        f[k++] = p;
    }
    for (int i = 0; i < k; i++)
        f[i] = trim(f[i]);
    return k;
}

/* Split a ';' list (in place). */
static int split_list(char *s, char **v, int max)
{
    int k = 0;
    char *p = s;
    while (k < max) {
        char *q = strchr(p, ';');
        if (q)
            *q = 0;
        p = trim(p);
        if (*p)
            v[k++] = p;
        if (!q)
            break;
        p = q + 1;
    }
    return k;
}

/* Drop a comment: a line starting with '#', or " #" after the entry. */
static char *strip_comment(char *s)
{
    s = trim(s);
    if (*s == '#')
        return s + strlen(s);
    char *c = strstr(s, " #");
    if (c)
        *c = 0;
    c = strstr(s, "\t#");
    if (c)
        *c = 0;
    return trim(s);
}

static int fail(loader *L, const char *what)
{
    return dyad_error_set(L->err, DYAD_EFORMAT, L->path, L->line,
                          "%s line %d: %s", L->file, L->line, what);
}

static const char *src_of(loader *L)
{
    char b[160];
    snprintf(b, sizeof b, "%s:%d", L->file, L->line);
    return dict_strdup(L->d, b);
}

static const char *upper_dup(loader *L, const char *s)
{
    char *c = dict_strdup(L->d, s);
    for (char *p = c; p && *p; p++)
        *p = (char)toupper((unsigned char)*p);
    return c;
}

static int add_names(loader *L, int32_t a, char *list)
{
    char *v[128];
    int k = split_list(list, v, 128);
    for (int i = 0; i < k; i++)
        if (dict_add_name(L->d, a, v[i]))
            return DYAD_ENOMEM;
    return 0;
}

/* Plural of the last word of an agent noun: official → officials,
 * spokesman → spokesmen, army → armies. */
static void pluralize(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (n + 3 >= cap) {
        snprintf(out, cap, "%s", w);
        return;
    }
    if (n >= 3 && strcmp(w + n - 3, "man") == 0)
        snprintf(out, cap, "%.*smen", (int)(n - 3), w);
    else if (n && (w[n - 1] == 's' || w[n - 1] == 'x'))
        snprintf(out, cap, "%ses", w);
    else if (n >= 2 && w[n - 1] == 'y' && !strchr("aeiou", w[n - 2]))
        snprintf(out, cap, "%.*sies", (int)(n - 1), w);
    else
        snprintf(out, cap, "%ss", w);
}

enum { F_COUNTRIES, F_INSTITUTIONS, F_IGOS, F_GROUPS, F_PEOPLE, F_AGENTS };

static int parse_roles(loader *L, dict_actor *a, char *list)
{
    char *v[64];
    int k = split_list(list, v, 64);
    a->roles = dyad_arena_calloc(L->d->arena, (size_t)(k ? k : 1) * sizeof *a->roles);
    if (!a->roles)
        return DYAD_ENOMEM;
    for (int i = 0; i < k; i++) {
        char *p = v[i], *code = p;
        while (*p && *p != ' ')
            p++;
        if (*p)
            *p++ = 0;
        while (*p == ' ')
            p++;
        dict_role *r = &a->roles[a->n_roles];
        r->code = upper_dup(L, code);
        r->from = r->to = 0;
        char *dots = strstr(p, "..");
        char *sp = strchr(p, ' ');
        if (dots && (!sp || dots < sp)) {
            r->from = dict_parse_date(p, (size_t)(dots - p));
            char *e = dots + 2;
            r->to = dict_parse_date(e, strlen(e));
            p = sp ? sp + 1 : p + strlen(p);
        }
        r->words = dict_strdup(L->d, trim(p));
        a->n_roles++;
    }
    return 0;
}

static int load_actor_line(loader *L, int kind, char *line)
{
    char *f[32];
    int nf = split_fields(line, f, 32);
    if (!*f[0])
        return fail(L, "empty key");
    dict_actor a = {0};
    a.src = src_of(L);
    char *names = NULL, *adj = NULL, *dem = NULL, *cap = NULL, *alias = NULL,
         *roles = NULL, *words = NULL, *prefix = NULL;
    const char *country = NULL;
    for (int i = 1; i < nf; i++) {
        char *eq = strchr(f[i], '=');
        if (!eq)
            return fail(L, "field without '='");
        *eq = 0;
        char *k = trim(f[i]), *v = trim(eq + 1);
        if (!strcmp(k, "name")) names = v;
        else if (!strcmp(k, "adj")) adj = v;
        else if (!strcmp(k, "demonym")) dem = v;
        else if (!strcmp(k, "capital")) cap = v;
        else if (!strcmp(k, "alias")) alias = v;
        else if (!strcmp(k, "role")) roles = v;
        else if (!strcmp(k, "word")) words = v;
        else if (!strcmp(k, "prefix")) prefix = v;
        else if (!strcmp(k, "country")) country = v;
        /* other fields (iso2, notes) are not used by the coder */
    }
    dyad_dict *d = L->d;
    switch (kind) {
    case F_COUNTRIES: {
        const char *code = upper_dup(L, f[0]);
        static const int kinds[4] = {DA_COUNTRY, DA_ADJ, DA_DEMONYM, DA_CAPITAL};
        char *lists[4] = {names, adj, dem, cap};
        for (int i = 0; i < 4; i++) {
            if (!lists[i])
                continue;
            dict_actor c = a;
            c.kind = kinds[i];
            c.country = code;
            c.code = code;
            if (kinds[i] == DA_CAPITAL) {
                char b[32];
                snprintf(b, sizeof b, "%sGOV", code);
                c.code = dict_strdup(d, b);
            }
            char *first = lists[i];
            char tmp[256];
            snprintf(tmp, sizeof tmp, "%s", first);
            char *semi = strchr(tmp, ';');
            if (semi)
                *semi = 0;
            c.name = dict_strdup(d, kinds[i] == DA_COUNTRY || kinds[i] == DA_CAPITAL
                                        ? trim(tmp) : trim(tmp));
            if (kinds[i] != DA_COUNTRY && names) {
                /* adjectives and demonyms name the country */
                char t2[256];
                snprintf(t2, sizeof t2, "%s", names);
                char *s2 = strchr(t2, ';');
                if (s2)
                    *s2 = 0;
                if (kinds[i] != DA_CAPITAL)
                    c.name = dict_strdup(d, trim(t2));
            }
            int32_t id = dict_add_actor(d, &c);
            if (id < 0 || add_names(L, id, lists[i]))
                return DYAD_ENOMEM;
        }
        return 0;
    }
    case F_INSTITUTIONS: case F_GROUPS: case F_IGOS: {
        a.kind = kind == F_IGOS ? DA_IGO : kind == F_GROUPS ? DA_GROUP : DA_INSTITUTION;
        a.code = upper_dup(L, f[0]);
        if (kind == F_IGOS)
            a.country = a.code;
        else if (country)
            a.country = upper_dup(L, country);
        else if (strlen(a.code) >= 3 && strncmp(a.code, "IGO", 3) && strncmp(a.code, "NGO", 3)) {
            char b[4] = {a.code[0], a.code[1], a.code[2], 0};
            a.country = dict_strdup(d, b);
        } else {
            a.country = "";
        }
        if (!names)
            return fail(L, "no name=");
        char tmp[256];
        snprintf(tmp, sizeof tmp, "%s", names);
        char *semi = strchr(tmp, ';');
        if (semi)
            *semi = 0;
        a.name = dict_strdup(d, trim(tmp));
        int32_t id = dict_add_actor(d, &a);
        if (id < 0 || add_names(L, id, names))
            return DYAD_ENOMEM;
        return 0;
    }
    case F_PEOPLE: {
        a.kind = DA_PERSON;
        a.code = "";
        a.name = dict_strdup(d, f[0]);
        a.country = country ? upper_dup(L, country) : "";
        if (roles && parse_roles(L, &a, roles))
            return DYAD_ENOMEM;
        int32_t id = dict_add_actor(d, &a);
        if (id < 0 || dict_add_name(d, id, f[0]) ||
            (alias && add_names(L, id, alias)))
            return DYAD_ENOMEM;
        return 0;
    }
    case F_AGENTS: {
        const char *code = upper_dup(L, f[0]);
        if (words) {
            a.kind = DA_AGENT;
            a.code = code;
            a.country = "";
            char *v[256];
            int k = split_list(words, v, 256);
            for (int i = 0; i < k; i++) {
                dict_actor w = a;
                w.name = dict_strdup(d, v[i]);
                int32_t id = dict_add_actor(d, &w);
                if (id < 0 || dict_add_name(d, id, v[i]))
                    return DYAD_ENOMEM;
                char pl[256];
                pluralize(v[i], pl, sizeof pl);
                if (dict_add_name(d, id, pl))
                    return DYAD_ENOMEM;
            }
        }
        if (prefix) {
            a.kind = DA_AGENT_PREFIX;
            a.code = code;
            a.country = "";
            a.name = code;
            int32_t id = dict_add_actor(d, &a);
            if (id < 0 || add_names(L, id, prefix))
                return DYAD_ENOMEM;
        }
        return 0;
    }
    }
    return 0;
}

/* ---- verbs.txt:  CODE | verb=LEMMA [PRT] | obj=.. | prep=.. | to=.. | pp=.. | flags=.. */

static const char **dup_list(loader *L, char *s, size_t *n)
{
    char *v[64];
    int k = split_list(s, v, 64);
    const char **out = dyad_arena_alloc(L->d->arena, (size_t)(k ? k : 1) * sizeof *out);
    if (!out)
        return NULL;
    for (int i = 0; i < k; i++) {
        size_t m = 0;
        out[i] = dyad_norm_fold(L->d->arena, v[i], strlen(v[i]), &m);
    }
    *n = (size_t)k;
    return out;
}

static int load_verb_line(loader *L, char *line)
{
    char *pat = dict_strdup(L->d, line);
    char *f[16];
    int nf = split_fields(line, f, 16);
    dict_verb v = {0};
    v.code = dict_strdup(L->d, f[0]);
    if (!dict_code_find(L->d, v.code))
        return fail(L, "unknown CAMEO code");
    v.src = src_of(L);
    v.pattern = pat;
    for (int i = 1; i < nf; i++) {
        char *eq = strchr(f[i], '=');
        if (!eq)
            return fail(L, "field without '='");
        *eq = 0;
        char *k = trim(f[i]), *val = trim(eq + 1);
        size_t m = 0;
        if (!strcmp(k, "verb") || !strcmp(k, "noun")) {
            if (!strcmp(k, "noun"))
                v.flags |= DV_NOUN;
            char *fold = dyad_norm_fold(L->d->arena, val, strlen(val), &m);
            if (!fold)
                return DYAD_ENOMEM;
            char *sp = strchr(fold, ' ');
            if (sp) {
                *sp = 0;
                v.prt = trim(sp + 1);
            }
            v.lemma = fold;
        } else if (!strcmp(k, "obj")) {
            v.obj = dup_list(L, val, &v.n_obj);
        } else if (!strcmp(k, "prep")) {
            v.prep = dup_list(L, val, &v.n_prep);
        } else if (!strcmp(k, "pp")) {
            v.pp = dup_list(L, val, &v.n_pp);
        } else if (!strcmp(k, "to")) {
            v.to = dyad_norm_fold(L->d->arena, val, strlen(val), &m);
        } else if (!strcmp(k, "flags")) {
            char *fl[16];
            int nfl = split_list(val, fl, 16);
            for (int j = 0; j < nfl; j++) {
                if (!strcmp(fl[j], "sym")) v.flags |= DV_SYM;
                else if (!strcmp(fl[j], "self")) v.flags |= DV_SELF;
                else if (!strcmp(fl[j], "say")) v.flags |= DV_SAY;
                else if (!strncmp(fl[j], "third=", 6)) {
                    v.third_code = dict_strdup(L->d, fl[j] + 6);
                    if (!dict_code_find(L->d, v.third_code))
                        return fail(L, "unknown CAMEO code in third=");
                } else
                    return fail(L, "unknown flag");
            }
        } else {
            return fail(L, "unknown field");
        }
    }
    if (!v.lemma || !*v.lemma)
        return fail(L, "no verb= or noun=");
    return dict_add_verb(L->d, &v);
}

/* ---- cameo.tsv: code TAB description TAB goldstein TAB plover TAB quad */

static int load_code_line(loader *L, char *line)
{
    char *col[5] = {0};
    int k = 0;
    char *p = line;
    col[k++] = p;
    while (k < 5 && (p = strchr(p, '\t')) != NULL) {
        *p++ = 0;
        col[k++] = p;
    }
    if (k < 5)
        return fail(L, "expected 5 tab-separated columns");
    dict_code c = {0};
    snprintf(c.code, sizeof c.code, "%s", col[0]);
    c.desc = dict_strdup(L->d, col[1]);
    c.goldstein = atof(col[2]);
    c.plover = dict_strdup(L->d, trim(col[3]));
    c.quad = atoi(col[4]);
    return dict_add_code(L->d, &c);
}

enum { K_ACTOR, K_VERB, K_CODE };

static int load_file(dyad_dict *d, const char *dir, const char *file, int what,
                     int actor_kind, int required, dyad_error *err)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    char *buf = NULL;
    size_t n = 0;
    int rc = read_all(path, &buf, &n);
    if (rc == DYAD_EIO && !required)
        return 0;
    if (rc)
        return dyad_error_set(err, rc, path, -1, "cannot read %s", file);
    loader L = {d, file, path, 0, err};
    char *p = buf, *end = buf + n;
    rc = 0;
    while (p < end && !rc) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        *nl = 0;
        L.line++;
        char *line = what == K_CODE ? p : strip_comment(p);
        if (what == K_CODE) {
            size_t m = strlen(line);
            if (m && line[m - 1] == '\r')
                line[m - 1] = 0;
        }
        if (*line && *line != '#') {
            if (what == K_ACTOR)
                rc = load_actor_line(&L, actor_kind, line);
            else if (what == K_VERB)
                rc = load_verb_line(&L, line);
            else
                rc = load_code_line(&L, line);
            if (rc == DYAD_ENOMEM)
                dyad_error_set(err, rc, path, L.line, "out of memory");
        }
        p = nl + 1;
    }
    free(buf);
    return rc;
}

int dict_load_codes(dyad_dict *d, const char *dir, dyad_error *err)
{
    return load_file(d, dir, "cameo.tsv", K_CODE, 0, 1, err);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int dyad_dict_load(const char *dir, dyad_dict **out, dyad_error *err)
{
    *out = NULL;
    if (!dir)
        dir = getenv("DYAD_DICT");
    if (!dir || !*dir)
        dir = "dict";
    dyad_dict *d = dict_new();
    if (!d)
        return dyad_error_set(err, DYAD_ENOMEM, dir, -1, "out of memory");
    /* actors/KIND.txt, and KIND-PART.txt for files split in parts
     * (people-europe.txt), loaded kind by kind in name order */
    static const struct { const char *prefix; int kind; } actors[] = {
        {"countries", F_COUNTRIES},
        {"institutions", F_INSTITUTIONS},
        {"igos", F_IGOS},
        {"groups", F_GROUPS},
        {"people", F_PEOPLE},
        {"agents", F_AGENTS},
    };
    int rc = load_file(d, dir, "cameo.tsv", K_CODE, 0, 1, err);
    if (!rc)
        rc = load_file(d, dir, "verbs.txt", K_VERB, 0, 1, err);
    if (!rc && dict_index_verb_forms(d))
        rc = dyad_error_set(err, DYAD_ENOMEM, dir, -1, "out of memory");
    char adir[1024];
    snprintf(adir, sizeof adir, "%s/actors", dir);
    char **names = NULL;
    size_t n_names = 0;
    DIR *dp = rc ? NULL : opendir(adir);
    if (dp) {
        struct dirent *de;
        while ((de = readdir(dp)) != NULL) {
            size_t l = strlen(de->d_name);
            if (l < 5 || strcmp(de->d_name + l - 4, ".txt") || de->d_name[0] == '.')
                continue;
            char **nn = realloc(names, (n_names + 1) * sizeof *names);
            if (!nn)
                break;
            names = nn;
            names[n_names] = malloc(l + 9);
            if (!names[n_names])
                break;
            snprintf(names[n_names++], l + 9, "actors/%s", de->d_name);
        }
        closedir(dp);
        qsort(names, n_names, sizeof *names, cmp_names);
    }
    for (size_t k = 0; !rc && k < sizeof actors / sizeof actors[0]; k++) {
        size_t pl = strlen(actors[k].prefix);
        for (size_t i = 0; !rc && i < n_names; i++) {
            const char *base = names[i] + 7;
            if (strncmp(base, actors[k].prefix, pl) ||
                (base[pl] != '.' && base[pl] != '-' && base[pl] != '_'))
                continue;
            rc = load_file(d, dir, names[i], K_ACTOR, actors[k].kind, 0, err);
        }
    }
    for (size_t i = 0; i < n_names; i++)
        free(names[i]);
    free(names);
    if (!rc && dict_index_surnames(d))
        rc = dyad_error_set(err, DYAD_ENOMEM, dir, -1, "out of memory");
    if (rc) {
        dyad_dict_free(d);
        return rc;
    }
    *out = d;
    return 0;
}
