/* petrarch.c — reads PETRARCH/TABARI-format dictionaries (actors, agents,
 * discards, issues, the CAMEO.2.0 verb file; PETRARCH's dictionaries.rst)
 * into the same compiled dictionary our own files fill (dict.c), so the
 * coder never knows which format it is reading.
 *
 * Mapping onto the dependency parse: a verb block's verbs become lemma
 * entries; in a pattern "- PRE * POST (PREP NOUN) [CODE]" the pre-verb
 * words go to dict_verb.pre (subject side), the first post-verb noun
 * phrase to obj (head + nearest modifier), a "(PREP NOUN)" phrase to pp
 * and a bare "(PREP)" to prep; "[X:Y]" gives rev_code Y for the reverse
 * event.  A TABARI-style verb file (no {NP} or (PP) in any pattern, as
 * PETR.Validate.verbs.txt) has its words before and after the verb read as
 * word sequences ('_' consecutive, ' ' gaps allowed) matched in the text
 * (dict_verb.pre_seq / post_seq), as TABARI did; its "[+++]" complex-event
 * patterns are reported and skipped.  What cannot be mapped is collected
 * as a warning, once per kind and file with the first line and the number
 * of occurrences. */
#include "dict/dict.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- warnings */

typedef struct once {
    const char *kind;
    int line, count;
} once;

typedef struct synset {
    char *name;        /* "&CURRENCY" (upper, without trailing '_') */
    char **items;      /* lower case phrases, spaces */
    size_t n, cap;
} synset;

typedef struct pl {
    dyad_dict *d;
    const char *file;  /* base name, for messages */
    int line;
    char **warn;
    size_t n_warn, cap_warn;
    once onces[32];
    int n_once;
    synset *syn;
    size_t n_syn, cap_syn;
    int have_codes;
    int tabari;        /* the verb file's patterns use no {NP} or (PP): TABARI
                        * style, its words matched as sequences in the text */
} pl;

static void add_warning(pl *L, const char *msg)
{
    if (L->n_warn == L->cap_warn) {
        size_t cap = L->cap_warn ? L->cap_warn * 2 : 16;
        char **w = realloc(L->warn, cap * sizeof *w);
        if (!w)
            return;
        L->warn = w;
        L->cap_warn = cap;
    }
    size_t n = strlen(msg);
    char *c = malloc(n + 1);
    if (!c)
        return;
    memcpy(c, msg, n + 1);
    L->warn[L->n_warn++] = c;
}

/* Note an unsupported or approximated construct of the current line. */
static void unsupported(pl *L, const char *kind)
{
    for (int i = 0; i < L->n_once; i++)
        if (!strcmp(L->onces[i].kind, kind)) {
            L->onces[i].count++;
            return;
        }
    if (L->n_once < 32) {
        L->onces[L->n_once].kind = kind;
        L->onces[L->n_once].line = L->line;
        L->onces[L->n_once].count = 1;
        L->n_once++;
    }
}

static void flush_onces(pl *L)
{
    for (int i = 0; i < L->n_once; i++) {
        char b[512];
        snprintf(b, sizeof b, "%s:%d: %s (%d occurrence%s in this file; first here)", L->file,
                 L->onces[i].line, L->onces[i].kind, L->onces[i].count,
                 L->onces[i].count == 1 ? "" : "s");
        add_warning(L, b);
    }
    L->n_once = 0;
}

/* ---- text helpers */

static char *read_file(const char *path, size_t *n)
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
    if (b)
        b[len] = 0;
    *n = len;
    return b;
}

static char *rtrim(char *s)
{
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = 0;
    return s;
}

static char *ltrim(char *s)
{
    while (*s && isspace((unsigned char)*s))
        s++;
    return s;
}

static void cut_comment(char *s)
{
    char *c = strchr(s, '#');
    if (c)
        *c = 0;
}

static void lower(char *s)
{
    for (; *s; s++)
        *s = (char)tolower((unsigned char)*s);
}

static void upper(char *s)
{
    for (; *s; s++)
        *s = (char)toupper((unsigned char)*s);
}

/* "ARNOR_" / "GAZA_CITY" / "HAMAS WING" → "arnor" / "gaza city" / "hamas wing"
 * (a space between words, "other words may intervene" in PETRARCH, is
 * matched as adjacent words: reported). */
static void phrase_norm(pl *L, char *s, int report_gap)
{
    s = rtrim(s);
    size_t n = strlen(s);
    int gap = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ' || s[i] == '\t')
            gap = 1;
        if (s[i] == '_' || s[i] == '\t')
            s[i] = ' ';
    }
    if (gap && report_gap)
        unsupported(L, "phrase with a blank (words may intervene): matched as adjacent words");
    /* collapse runs of blanks and trim */
    char *w = s;
    for (char *r = s; *r; r++)
        if (!(*r == ' ' && (w == s || w[-1] == ' ')))
            *w++ = *r;
    *w = 0;
    rtrim(s);
}

/* Iterate over lines with line numbers; HTML comments (<!-- -->, possibly
 * spanning lines) and '<' tag lines are blanked. */
typedef struct lines {
    char *p, *end;
    int line, in_comment;
} lines;

static char *next_line(lines *it)
{
    while (it->p < it->end) {
        char *s = it->p;
        char *nl = memchr(s, '\n', (size_t)(it->end - s));
        if (nl) {
            *nl = 0;
            it->p = nl + 1;
        } else {
            it->p = it->end;
        }
        it->line++;
        size_t n = strlen(s);
        if (n && s[n - 1] == '\r')
            s[n - 1] = 0;
        if (it->in_comment) {
            if (strstr(s, "-->"))
                it->in_comment = 0;
            continue;
        }
        char *t = ltrim(s);
        if (!strncmp(t, "<!--", 4)) {
            if (!strstr(t, "-->"))
                it->in_comment = 1;
            continue;
        }
        return s;
    }
    return NULL;
}

/* ---- codes */

static int code_known(pl *L, const char *code)
{
    return dict_code_find(L->d, code) != NULL;
}

static const char *ensure_code(pl *L, const char *code)
{
    if (!code_known(L, code)) {
        dict_code c;
        memset(&c, 0, sizeof c);
        snprintf(c.code, sizeof c.code, "%s", code);
        c.desc = "PETRARCH code";
        c.plover = "";
        int root = isdigit((unsigned char)code[0]) && isdigit((unsigned char)code[1])
                       ? (code[0] - '0') * 10 + (code[1] - '0') : 0;
        c.quad = root <= 0 ? 0 : root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
        if (dict_add_code(L->d, &c))
            return NULL;
    }
    return dict_code_find(L->d, code)->code;
}

/* ---- dates: YYYYMMDD or YYMMDD */

static int32_t pet_date(const char *s, size_t n)
{
    int32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    if (n == 6)
        return (v / 10000 >= 30 ? 19000000 : 20000000) + v;
    if (n == 8)
        return v;
    return -1;
}

/* ---- actors */

typedef struct entry {
    char *names[256];
    int n_names;
    char *dflt;           /* primary [code] */
    dict_role roles[64];
    int n_roles;
    int line;
} entry;

static int is_null_code(const char *c)
{
    return !*c || !strcmp(c, "---") || !strcmp(c, "+++");
}

static int finish_entry(pl *L, entry *E)
{
    dyad_dict *d = L->d;
    int dated = 0;
    for (int i = 0; i < E->n_roles; i++)
        if (E->roles[i].from || E->roles[i].to)
            dated = 1;
    dict_actor a;
    memset(&a, 0, sizeof a);
    char src[200];
    snprintf(src, sizeof src, "%s:%d", L->file, E->line);
    a.src = dict_strdup(d, src);
    a.name = E->n_names ? dict_strdup(d, E->names[0]) : "";
    if (dated) {
        a.kind = DA_PERSON;
        a.code = "";
        a.country = "";
        int n = E->n_roles + (E->dflt ? 1 : 0);
        a.roles = dyad_arena_calloc(d->arena, (size_t)n * sizeof *a.roles);
        if (!a.roles)
            return DYAD_ENOMEM;
        for (int i = 0; i < E->n_roles; i++)
            if (!is_null_code(E->roles[i].code))
                a.roles[a.n_roles++] = E->roles[i];
        if (E->dflt) {
            a.roles[a.n_roles].code = E->dflt;
            a.roles[a.n_roles].words = "";
            a.n_roles++;
        }
        if (!a.n_roles)
            return 0;
    } else {
        const char *code = E->dflt;
        for (int i = 0; i < E->n_roles; i++)
            code = E->roles[i].code;   /* "\t[CODE]" without a date */
        if (!code || is_null_code(code))
            return 0;   /* a null actor: recognised, never coded */
        a.code = code;
        size_t n = strlen(code);
        if (n == 3) {
            a.kind = DA_COUNTRY;
            a.country = code;
        } else if (!strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) ||
                   !strncmp(code, "IMG", 3) || !strncmp(code, "NGM", 3) ||
                   !strncmp(code, "MNC", 3) || !strncmp(code, "UIS", 3)) {
            a.kind = DA_IGO;
            a.country = code;
        } else {
            a.kind = DA_INSTITUTION;
            char c3[4] = {code[0], code[1], code[2], 0};
            a.country = dict_strdup(d, c3);
        }
    }
    int32_t id = dict_add_actor(d, &a);
    if (id < 0)
        return DYAD_ENOMEM;
    for (int i = 0; i < E->n_names; i++)
        if (dict_add_name(d, id, E->names[i]))
            return DYAD_ENOMEM;
    return 0;
}

/* "[CODE]", "[CODE <950601]", "[CODE 19950601 - 19990815]", "[CODE >990816]" */
static int parse_role(pl *L, char *s, dict_role *r)
{
    char *o = strchr(s, '['), *c = o ? strchr(o, ']') : NULL;
    if (!o || !c)
        return -1;
    *c = 0;
    char *p = ltrim(o + 1);
    char *code = p;
    while (*p && !isspace((unsigned char)*p) && *p != '<' && *p != '>')
        p++;
    char save = *p;
    *p = 0;
    char cbuf[40];
    snprintf(cbuf, sizeof cbuf, "%s", code);
    upper(cbuf);
    *p = save;
    memset(r, 0, sizeof *r);
    r->words = "";
    r->code = dict_strdup(L->d, cbuf);
    /* the restriction, blanks removed */
    char q[64];
    size_t k = 0;
    for (; *p && k + 1 < sizeof q; p++)
        if (!isspace((unsigned char)*p))
            q[k++] = *p;
    q[k] = 0;
    if (!k)
        return 0;
    if (q[0] == '<' || q[0] == '>') {
        int32_t v = pet_date(q + 1, strlen(q + 1));
        if (v < 0)
            return -1;
        if (q[0] == '<')
            r->to = v;
        else
            r->from = v;
        return 0;
    }
    char *dash = strchr(q, '-');
    if (!dash)
        return -1;
    int32_t a = pet_date(q, (size_t)(dash - q)), b = pet_date(dash + 1, strlen(dash + 1));
    if (a < 0 || b < 0)
        return -1;
    r->from = a;
    r->to = b;
    return 0;
}

static int load_actors(pl *L, char *buf, size_t n)
{
    lines it = {buf, buf + n, 0, 0};
    entry *E = calloc(1, sizeof *E);
    if (!E)
        return DYAD_ENOMEM;
    int have = 0, rc = 0;
    char *s;
    while ((s = next_line(&it)) != NULL && !rc) {
        L->line = it.line;
        int tab = s[0] == '\t' || s[0] == ' ';
        cut_comment(s);
        char *semi = strchr(s, ';');
        if (semi)
            *semi = 0;
        rtrim(s);
        char *t = ltrim(s);
        if (!*t)
            continue;
        if (tab && *t == '[') {
            if (!have) {
                unsupported(L, "role line without an actor: ignored");
                continue;
            }
            if (E->n_roles == 64) {
                unsupported(L, "more than 64 role lines: extra ignored");
                continue;
            }
            if (parse_role(L, t, &E->roles[E->n_roles])) {
                unsupported(L, "malformed date restriction: line ignored");
                continue;
            }
            E->n_roles++;
            continue;
        }
        if (*t == '+') {
            if (!have) {
                unsupported(L, "synonym without an actor: ignored");
                continue;
            }
            char *name = t + 1;
            char *o = strchr(name, '[');
            if (o) {
                unsupported(L, "code on a synonym line: the entry's codes apply");
                *o = 0;
            }
            phrase_norm(L, name, 1);
            if (*name && E->n_names < 256)
                E->names[E->n_names++] = dict_strdup(L->d, name);
            continue;
        }
        /* a new primary phrase */
        if (have)
            rc = finish_entry(L, E);
        memset(E, 0, sizeof *E);
        have = 1;
        E->line = it.line;
        char *o = strchr(t, '[');
        if (o) {
            char *c = strchr(o, ']');
            if (c) {
                *c = 0;
                char cb[40];
                snprintf(cb, sizeof cb, "%s", ltrim(o + 1));
                rtrim(cb);
                upper(cb);
                if (strchr(cb, ' ')) {
                    /* "[CODE date]" on the primary line (TABARI style) */
                    char tmp[80];
                    snprintf(tmp, sizeof tmp, "[%s]", ltrim(o + 1));
                    if (!parse_role(L, tmp, &E->roles[0]))
                        E->n_roles = 1;
                    else
                        unsupported(L, "malformed code on the primary phrase: ignored");
                } else {
                    E->dflt = dict_strdup(L->d, cb);
                }
            }
            *o = 0;
        }
        phrase_norm(L, t, 1);
        if (*t)
            E->names[E->n_names++] = dict_strdup(L->d, t);
    }
    if (have && !rc)
        rc = finish_entry(L, E);
    free(E);
    return rc;
}

/* ---- agents */

typedef struct subst {
    char mark[40];
    char *items[16];
    int n;
} subst;

static void plural_of(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (n >= 2 && w[n - 1] == 'y' && !strchr("aeiou", w[n - 2]))
        snprintf(out, cap, "%.*sies", (int)(n - 1), w);
    else if (n >= 2 && (!strcmp(w + n - 2, "ss") || w[n - 1] == 'x' || !strcmp(w + n - 2, "ch") ||
                        !strcmp(w + n - 2, "sh")))
        snprintf(out, cap, "%ses", w);
    else if (n >= 3 && !strcmp(w + n - 3, "man"))
        snprintf(out, cap, "%.*smen", (int)(n - 3), w);
    else
        snprintf(out, cap, "%ss", w);
}

static int add_agent(pl *L, const char *phrase, const char *code, const char **plurals,
                     int n_pl, int auto_plural, int line)
{
    dyad_dict *d = L->d;
    dict_actor a;
    memset(&a, 0, sizeof a);
    char src[200];
    snprintf(src, sizeof src, "%s:%d", L->file, line);
    a.src = dict_strdup(d, src);
    a.kind = DA_AGENT;
    a.code = code;
    a.country = "";
    a.name = dict_strdup(d, phrase);
    int32_t id = dict_add_actor(d, &a);
    if (id < 0 || dict_add_name(d, id, phrase))
        return DYAD_ENOMEM;
    for (int i = 0; i < n_pl; i++)
        if (dict_add_name(d, id, plurals[i]))
            return DYAD_ENOMEM;
    if (auto_plural) {
        char pl_[300];
        plural_of(phrase, pl_, sizeof pl_);
        if (dict_add_name(d, id, pl_))
            return DYAD_ENOMEM;
    }
    return 0;
}

static int load_agents(pl *L, char *buf, size_t n)
{
    lines it = {buf, buf + n, 0, 0};
    subst subs[16];
    int n_subs = 0, rc = 0;
    char *s;
    while ((s = next_line(&it)) != NULL && !rc) {
        L->line = it.line;
        cut_comment(s);
        char *t = ltrim(rtrim(s));
        if (!*t || *t == '<')
            continue;
        if (*t == '!' && strchr(t, '=')) {
            /* !PERSON! = MAN, MEN, WOMAN */
            char *eq = strchr(t, '=');
            *eq = 0;
            if (n_subs == 16) {
                unsupported(L, "more than 16 substitution sets: ignored");
                continue;
            }
            subst *S = &subs[n_subs];
            memset(S, 0, sizeof *S);
            snprintf(S->mark, sizeof S->mark, "%s", rtrim(t));
            upper(S->mark);
            char *p = eq + 1;
            while (p && S->n < 16) {
                char *c = strchr(p, ',');
                if (c)
                    *c = 0;
                char *item = ltrim(rtrim(p));
                if (*item) {
                    char *x = dict_strdup(L->d, item);
                    lower(x);
                    S->items[S->n++] = x;
                }
                p = c ? c + 1 : NULL;
            }
            n_subs++;
            continue;
        }
        char *o = strchr(t, '['), *c = o ? strchr(o, ']') : NULL;
        if (!o || !c) {
            c = o ? NULL : strchr(t, '}');
            char *brace = o ? strchr(o, '}') : NULL;   /* "[~LEG}" typo tolerated */
            if (o && brace) {
                c = brace;
            } else {
                unsupported(L, "agent line without [code]: ignored");
                continue;
            }
        }
        *c = 0;
        char code[40];
        size_t k = 0;
        for (char *p = o + 1; *p && k + 1 < sizeof code; p++)
            if (!isspace((unsigned char)*p))
                code[k++] = (char)toupper((unsigned char)*p);
        code[k] = 0;
        *o = 0;
        const char *acode;
        if (code[0] == '~') {
            acode = dict_strdup(L->d, code + 1);
        } else if (k && code[k - 1] == '~') {
            acode = dict_strdup(L->d, code);   /* prefix: the coder puts it first */
        } else {
            unsupported(L, "agent code without '~': taken as a suffix code");
            acode = dict_strdup(L->d, code);
        }
        /* plurals {…} */
        const char *plurals[16];
        int n_pl = 0, auto_pl = 1;
        char *b = strchr(t, '{');
        if (b) {
            char *e = strchr(b, '}');
            if (e)
                *e = 0;
            auto_pl = 0;
            char *p = b + 1;
            while (*p && n_pl < 16) {
                p = ltrim(p);
                if (!*p)
                    break;
                char *q = p;
                while (*q && !isspace((unsigned char)*q))
                    q++;
                char save = *q;
                *q = 0;
                char *x = dict_strdup(L->d, p);
                lower(x);
                phrase_norm(L, x, 0);
                plurals[n_pl++] = x;
                *q = save;
                p = q;
            }
            *b = 0;
        }
        char phrase[512];
        snprintf(phrase, sizeof phrase, "%s", t);
        lower(phrase);
        /* a substitution marker: every item, no plural */
        char *m1 = strchr(phrase, '!'), *m2 = m1 ? strchr(m1 + 1, '!') : NULL;
        if (m1 && m2) {
            char mark[40];
            snprintf(mark, sizeof mark, "%.*s", (int)(m2 - m1 + 1), m1);
            upper(mark);
            subst *S = NULL;
            for (int i = 0; i < n_subs; i++)
                if (!strcmp(subs[i].mark, mark))
                    S = &subs[i];
            if (!S) {
                unsupported(L, "undefined substitution marker: line ignored");
                continue;
            }
            for (int i = 0; i < S->n && !rc; i++) {
                char x[600];
                snprintf(x, sizeof x, "%.*s%s%s", (int)(m1 - phrase), phrase, S->items[i], m2 + 1);
                /* "CONGRESS!PERSON!" joins; "!MINIST! FOR_X" keeps its blank */
                phrase_norm(L, x, 1);
                rc = add_agent(L, x, acode, NULL, 0, 0, it.line);
            }
            continue;
        }
        phrase_norm(L, phrase, 1);
        if (!*phrase)
            continue;
        rc = add_agent(L, phrase, acode, plurals, n_pl, auto_pl, it.line);
    }
    return rc;
}

/* ---- discards and issues */

static int load_discards(pl *L, char *buf, size_t n)
{
    lines it = {buf, buf + n, 0, 0};
    char *s;
    while ((s = next_line(&it)) != NULL) {
        L->line = it.line;
        cut_comment(s);
        char *t = ltrim(rtrim(s));
        if (!*t || *t == '<')
            continue;
        int story = *t == '+';
        if (story)
            t = ltrim(t + 1);
        if (*t && dict_add_discard(L->d, t, story))
            return DYAD_ENOMEM;
    }
    return 0;
}

static int load_issues(pl *L, char *buf, size_t n)
{
    lines it = {buf, buf + n, 0, 0};
    char *s;
    int entries = 0;
    while ((s = next_line(&it)) != NULL) {
        L->line = it.line;
        cut_comment(s);
        char *t = ltrim(rtrim(s));
        if (!*t || *t == '<')
            continue;
        if (*t == '~') {
            entries++;
            continue;   /* ignore phrases */
        }
        char *o = strchr(t, '['), *c = o ? strchr(o, ']') : NULL;
        if (!o || !c) {
            unsupported(L, "issue line without [code]: ignored");
            continue;
        }
        entries++;
        unsupported(L, "issue coding: entries are read and checked, but dyad events carry "
                       "no issue field (not output)");
    }
    return 0;
}

/* ---- verbs */

static synset *find_syn(pl *L, const char *name)
{
    char b[128];
    snprintf(b, sizeof b, "%s", name);
    size_t n = strlen(b);
    while (n && b[n - 1] == '_')
        b[--n] = 0;
    upper(b);
    for (size_t i = 0; i < L->n_syn; i++)
        if (!strcmp(L->syn[i].name, b))
            return &L->syn[i];
    return NULL;
}

static int syn_add(synset *S, char *item)
{
    if (S->n == S->cap) {
        size_t cap = S->cap ? S->cap * 2 : 8;
        char **it = realloc(S->items, cap * sizeof *it);
        if (!it)
            return DYAD_ENOMEM;
        S->items = it;
        S->cap = cap;
    }
    S->items[S->n++] = item;
    return 0;
}

/* A string list being built for one pattern. */
typedef struct slist {
    const char *v[512];
    int n;
} slist;

static void sl_add(slist *l, const char *s)
{
    for (int i = 0; i < l->n; i++)
        if (!strcmp(l->v[i], s))
            return;
    if (l->n < 512)
        l->v[l->n++] = s;
}

/* Expand one word (maybe "&SYN") to lower-case alternatives. */
static void expand_word(pl *L, const char *w, slist *out)
{
    if (w[0] == '&') {
        synset *S = find_syn(L, w);
        if (!S) {
            unsupported(L, "undefined synset: word ignored");
            return;
        }
        for (size_t i = 0; i < S->n; i++)
            sl_add(out, S->items[i]);
        return;
    }
    char b[128];
    snprintf(b, sizeof b, "%s", w);
    size_t n = strlen(b);
    while (n && b[n - 1] == '_')
        b[--n] = 0;
    lower(b);
    if (*b)
        sl_add(out, dict_strdup(L->d, b));
}

/* Words of a noun phrase ("{FINANCIAL AID}", "NEW_&TIETYPES_RELATIONS") →
 * obj values "head" or "modifier head" (the modifier nearest the head). */
static void np_values(pl *L, char *np, slist *out)
{
    char *w[32];
    int k = 0;
    for (char *p = np; *p;) {
        while (*p == ' ' || *p == '_' || *p == '{' || *p == '}')
            p++;
        if (!*p)
            break;
        char *q = p;
        while (*q && *q != ' ' && *q != '_' && *q != '{' && *q != '}')
            q++;
        char save = *q;
        *q = 0;
        if (k < 32)
            w[k++] = dict_strdup(L->d, p);
        *q = save;
        p = q;
    }
    if (!k)
        return;
    slist heads = {.n = 0};
    expand_word(L, w[k - 1], &heads);
    /* the text is matched on lemmas: a plural pattern word also as singular */
    for (int i = 0, n0 = heads.n; i < n0; i++) {
        const char *h = heads.v[i];
        size_t hl = strlen(h);
        char sg[128];
        if (hl > 4 && !strcmp(h + hl - 3, "ies"))
            snprintf(sg, sizeof sg, "%.*sy", (int)(hl - 3), h);
        else if (hl > 3 && h[hl - 1] == 's' && h[hl - 2] != 's' && h[hl - 2] != 'u' &&
                 h[hl - 2] != 'i')
            snprintf(sg, sizeof sg, "%.*s", (int)(hl - 1), h);
        else
            continue;
        if (!strchr(h, ' '))
            sl_add(&heads, dict_strdup(L->d, sg));
    }
    if (k == 1) {
        for (int i = 0; i < heads.n; i++)
            sl_add(out, heads.v[i]);
        return;
    }
    if (k > 2)
        unsupported(L, "noun phrase of more than two words: head and nearest modifier matched");
    slist mods = {.n = 0};
    expand_word(L, w[k - 2], &mods);
    for (int i = 0; i < heads.n; i++)
        for (int j = 0; j < mods.n; j++) {
            /* synset items may be phrases: the modifier's last word */
            const char *m = strrchr(mods.v[j], ' ');
            m = m ? m + 1 : mods.v[j];
            char b[256];
            snprintf(b, sizeof b, "%s %s", m, heads.v[i]);
            sl_add(out, dict_strdup(L->d, b));
        }
}

static const char *const PREPS[] = {"about", "above", "across", "after", "against", "along",
    "among", "around", "as", "at", "before", "behind", "below", "beside", "between", "beyond",
    "by", "despite", "during", "for", "from", "in", "inside", "into", "near", "of", "off",
    "on", "onto", "out", "outside", "over", "through", "throughout", "to", "toward",
    "towards", "under", "until", "upon", "via", "with", "within", "without", NULL};
static const char *const PARTICLES[] = {"up", "down", "off", "out", "back", "away", "over",
    "in", "on", "aside", "forward", "together", NULL};

static const char *const FUNCTION_WORDS[] = {"the", "a", "an", "their", "its", "his", "her",
    "our", "my", "your", "this", "that", "these", "those", "some", "any", "all", "and", "or",
    "but", "not", "be", "been", "is", "was", "were", "are", "have", "has", "had", "will",
    "would", "should", "could", "can", "may", "might", "must", "so", "now", "again", "also",
    "very", "really", NULL};

static int in_list(const char *x, const char *const *l)
{
    for (; *l; l++)
        if (!strcmp(x, *l))
            return 1;
    return 0;
}

/* The verbs of the current block. */
typedef struct vword {
    const char *lemma, *prt, *prep;
    const char *pre;   /* pre-verb compound word ("wire" of WIRE_+TAP) */
} vword;

typedef struct block {
    const char *code;      /* block code or NULL (null) */
    const char *rev;       /* "[032:033]": the reverse event's code */
    vword v[256];
    int n;
    int line;
} block;

static const char **list_dup(pl *L, const slist *l)
{
    if (!l->n)
        return NULL;
    const char **a = dyad_arena_alloc(L->d->arena, (size_t)l->n * sizeof *a);
    if (a)
        memcpy(a, l->v, (size_t)l->n * sizeof *a);
    return a;
}

/* "013:012" → primary and reverse; "---" → NULL (null code). */
static int parse_code(pl *L, const char *txt, const char **code, const char **rev)
{
    char b[40];
    snprintf(b, sizeof b, "%s", txt);
    char *t = ltrim(rtrim(b));
    *code = *rev = NULL;
    char *colon = strchr(t, ':');
    if (colon)
        *colon = 0;
    if (*t && strcmp(t, "---")) {
        upper(t);
        *code = ensure_code(L, t);
        if (!*code)
            return DYAD_ENOMEM;
    } else {
        *code = "---";
    }
    if (colon) {
        char *r = ltrim(colon + 1);
        if (*r && strcmp(r, "---")) {
            upper(r);
            *rev = ensure_code(L, r);
        }
    }
    return 0;
}

/* The pre-verb side of a pattern ("MOST_CERTAINLY_&NEGATVAUXVRB_EVER ",
 * "SAID WOULD_") as a word sequence; 0 slots when it names a noun phrase
 * or a prepositional phrase (matched on the tree instead).  Actor markers
 * ($ + % ^) hold no word. */
static int pre_sequence(pl *L, const char *pre_s, dict_seq *out, int max)
{
    if (strchr(pre_s, '{') || strchr(pre_s, '(') || strchr(pre_s, '*'))
        return 0;
    int n = 0;
    char buf[512];
    snprintf(buf, sizeof buf, "%s", pre_s);
    for (char *p = buf; *p;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        char *q = p;
        while (*q && *q != ' ' && *q != '\t')
            q++;
        char save = *q;
        *q = 0;
        /* parts of one blank-free token are consecutive */
        for (char *part = p; part && *part;) {
            char *us = strchr(part, '_');
            if (us)
                *us = 0;
            int glued = us != NULL;
            if (!*part) {
                /* "RECENTLY_*": the trailing '_' glues the word to the verb */
            } else if (!strcmp(part, "$") || !strcmp(part, "+") || !strcmp(part, "%") ||
                       !strcmp(part, "^")) {
                if (n)
                    out[n - 1].glued = 0;   /* an actor stands between */
            } else if (n < max) {
                slist alts = {.n = 0};
                expand_word(L, part, &alts);
                if (!alts.n)
                    return 0;
                out[n].alt = list_dup(L, &alts);
                out[n].n_alt = (size_t)alts.n;
                out[n].glued = glued;
                n++;
            }
            part = us ? us + 1 : NULL;
        }
        *q = save;
        p = q;
    }
    return n;
}

static int add_entry(pl *L, const vword *vw, const char *code, const char *rev,
                     const slist *pre, const slist *obj, const slist *pp, const slist *prep,
                     const char *to, const char *pattern, int line, unsigned flags,
                     const dict_seq *seq, int n_seq, const dict_seq *post, int n_post,
                     int post_glued)
{
    dict_verb v;
    memset(&v, 0, sizeof v);
    if (n_post) {
        dict_seq *c = dyad_arena_alloc(L->d->arena, (size_t)n_post * sizeof *c);
        if (!c)
            return DYAD_ENOMEM;
        memcpy(c, post, (size_t)n_post * sizeof *c);
        v.post_seq = c;
        v.n_post_seq = (size_t)n_post;
        v.post_glued = post_glued;
    }
    if (n_seq >= 2) {
        dict_seq *c = dyad_arena_alloc(L->d->arena, (size_t)n_seq * sizeof *c);
        if (!c)
            return DYAD_ENOMEM;
        memcpy(c, seq, (size_t)n_seq * sizeof *c);
        v.pre_seq = c;
        v.n_pre_seq = (size_t)n_seq;
    }
    v.code = code;
    v.rev_code = rev;
    v.lemma = vw->lemma;
    v.prt = vw->prt;
    slist pre2 = *pre, prep2 = *prep;
    if (vw->pre)
        sl_add(&pre2, vw->pre);
    if (vw->prep)
        sl_add(&prep2, vw->prep);
    v.pre = list_dup(L, &pre2);
    v.n_pre = (size_t)pre2.n;
    v.obj = list_dup(L, obj);
    v.n_obj = (size_t)obj->n;
    v.pp = list_dup(L, pp);
    v.n_pp = (size_t)pp->n;
    v.prep = list_dup(L, &prep2);
    v.n_prep = (size_t)prep2.n;
    v.to = to;
    v.flags = flags;
    char src[200];
    snprintf(src, sizeof src, "%s:%d", L->file, line);
    v.src = dict_strdup(L->d, src);
    v.pattern = pattern;
    return dict_add_verb(L->d, &v);
}

/* A verb line: "ACCELERATE", "HURRY {HURRIES ...}", "+CORDON_OFF {...}",
 * "WIRE_+TAP", "KLM_NOP_+RST [002]". */
static int verb_line(pl *L, block *B, char *t, const char **own_code)
{
    *own_code = NULL;
    char *o = strchr(t, '[');
    if (o) {
        char *c = strchr(o, ']');
        if (c)
            *c = 0;
        const char *rev;
        if (parse_code(L, o + 1, own_code, &rev))
            return DYAD_ENOMEM;
        if (rev)
            unsupported(L, "reverse code on a verb line: ignored");
        *o = 0;
    }
    char *b = strchr(t, '{');
    if (b)
        *b = 0;   /* irregular forms: our lemmatizer gives the lemma */
    rtrim(t);
    if (B->n == 256) {
        unsupported(L, "more than 256 verbs in a block: extra ignored");
        return 0;
    }
    char *w[16];
    int k = 0, verb = -1;
    for (char *p = t; *p && k < 16;) {
        while (*p == '_' || *p == ' ')
            p++;
        if (!*p)
            break;
        char *q = p;
        while (*q && *q != '_' && *q != ' ')
            q++;
        char save = *q;
        *q = 0;
        if (*p == '+') {
            verb = k;
            p++;
        }
        char *x = dict_strdup(L->d, p);
        lower(x);
        w[k++] = x;
        *q = save;
        p = q;
    }
    if (!k)
        return 0;
    if (verb < 0)
        verb = 0;
    vword *vw = &B->v[B->n++];
    memset(vw, 0, sizeof *vw);
    vw->lemma = w[verb];
    if (verb > 0) {
        vw->pre = w[verb - 1];
        if (verb > 1)
            unsupported(L, "multi-word verb with several words before the verb: the nearest is kept");
    }
    if (verb + 1 < k) {
        const char *nx = w[verb + 1];
        if (in_list(nx, PARTICLES))
            vw->prt = nx;
        else if (in_list(nx, PREPS))
            vw->prep = nx;
        else
            vw->prt = nx;
        if (verb + 2 < k)
            unsupported(L, "multi-word verb with several words after the verb: the first is kept");
    }
    return 0;
}

/* Split a pattern into tokens, keeping {...} and (...) groups. */
static int pattern_tokens(char *s, char **tok, int max)
{
    int k = 0;
    char *p = s;
    while (*p && k < max) {
        while (isspace((unsigned char)*p))
            p++;
        if (!*p)
            break;
        char *st = p;
        int depth = 0;
        while (*p && (depth || !isspace((unsigned char)*p))) {
            if (*p == '{' || *p == '(')
                depth++;
            else if ((*p == '}' || *p == ')') && depth)
                depth--;
            p++;
        }
        if (*p)
            *p++ = 0;
        tok[k++] = st;
    }
    return k;
}

static int pattern_line(pl *L, block *B, char *t, int line)
{
    const char *pattern = dict_strdup(L->d, ltrim(t));
    char *o = strrchr(t, '[');
    char *c = o ? strchr(o, ']') : NULL;
    if (!o || !c) {
        unsupported(L, "pattern without [code]: ignored");
        return 0;
    }
    *c = 0;
    if (!strcmp(ltrim(rtrim(o + 1)), "+++")) {
        /* TABARI's "complex event" marker: such sentences went to a file
         * for coders; PETRARCH codes them with the other patterns */
        unsupported(L, "complex-event code [+++] (TABARI): pattern ignored");
        return 0;
    }
    const char *code, *rev;
    if (parse_code(L, o + 1, &code, &rev))
        return DYAD_ENOMEM;
    *o = 0;
    char *body = t + 1;   /* after '-' */
    /* split "IN_*", "*_OUT", "SUGGESTED_+ *" around the star */
    char *star = NULL;
    int depth = 0;
    for (char *p = body; *p; p++) {
        if (*p == '{' || *p == '(')
            depth++;
        else if (*p == '}' || *p == ')')
            depth--;
        else if (*p == '*' && !depth) {
            star = p;
            break;
        }
    }
    if (!star) {
        unsupported(L, "pattern without '*' (verb position): ignored");
        return 0;
    }
    *star = 0;
    char *pre_s = body, *post_s = star + 1;
    int post_source = strchr(post_s, '$') != NULL;
    /* TABARI-style files: the words before and after the verb ("&NEGATVAUXVRB
     * EVER * OVER EFFORTS", "* &TIETYPES_MEMOS FROM", "* ARTILLERY") are
     * word sequences in the text, not heads on the tree */
    dict_seq seq[16], post[16];
    int n_seq = L->tabari ? pre_sequence(L, pre_s, seq, 16) : 0;
    int post_glued = post_s[0] == '_';
    int n_post = L->tabari ? pre_sequence(L, post_s, post, 16) : 0;
    slist pre = {.n = 0}, obj = {.n = 0}, pp = {.n = 0}, prep = {.n = 0};
    const char *to = NULL;
    char *tok[64];
    /* pre-verb side: every word (nouns, and TABARI's "SAID", "NOT") */
    for (char *p = pre_s; *p; p++)
        if (*p == '_')
            *p = ' ';
    int k = pattern_tokens(pre_s, tok, 64);
    unsigned flags = 0;
    int pre_target = 0;   /* "+ * FROM $": roles swapped */
    for (int i = 0; i < k; i++) {
        char *x = tok[i];
        if (!strcmp(x, "%")) {
            flags |= DV_SYM | DV_COMPOUND;   /* a compound actor: its members act on each other */
            continue;
        }
        if (!strcmp(x, "$") || !strcmp(x, "+") || !strcmp(x, "^")) {
            if (!strcmp(x, "+"))
                pre_target = 1;
            else
                unsupported(L, "source/target/compound markers ($ + % ^): roles come from the "
                               "dependency tree");
            continue;
        }
        if (*x == '(') {
            unsupported(L, "pre-verb prepositional phrase: ignored");
            continue;
        }
        if (*x == '{') {
            np_values(L, x, &pre);
            continue;
        }
        if (x[strlen(x) - 1] == '+')
            x[strlen(x) - 1] = 0;
        if (*x)
            expand_word(L, x, &pre);
    }
    /* post-verb side: "_OUT" attached to the star is a particle-like word */
    int attached = *post_s == '_';
    for (char *p = post_s; *p && *p != ' '; p++)
        if (*p == '_')
            *p = ' ';
    k = n_post ? 0 : pattern_tokens(post_s, tok, 64);
    int nouns = 0;
    for (int i = 0; i < k; i++) {
        char *x = tok[i];
        if (!strcmp(x, "$") || !strcmp(x, "+") || !strcmp(x, "%") || !strcmp(x, "^")) {
            if (strcmp(x, "$") || !pre_target)
                unsupported(L, "source/target/compound markers ($ + % ^): roles come from the "
                               "dependency tree");
            continue;
        }
        if (*x == '(') {
            /* (PREP), (PREP NOUN), (PREP {NP}), (&SYN NOUN) */
            char *e = strrchr(x, ')');
            if (e)
                *e = 0;
            char *in = ltrim(x + 1);
            char *sp = in;
            while (*sp && !isspace((unsigned char)*sp))
                sp++;
            char *rest = *sp ? ltrim(sp) : sp;
            *sp = 0;
            slist preps = {.n = 0};
            expand_word(L, in, &preps);
            if (*rest && strchr("$+%^", *rest) && (!rest[1] || isspace((unsigned char)rest[1]))) {
                if (*rest != '$' || !pre_target)
                    unsupported(L, "source/target/compound markers ($ + % ^): roles come from "
                                   "the dependency tree");
                *rest = 0;   /* "(WITH +)": the target's preposition */
            }
            if (!*rest) {
                for (int j = 0; j < preps.n; j++)
                    sl_add(&prep, preps.v[j]);
                continue;
            }
            if (pp.n) {
                unsupported(L, "second prepositional phrase: ignored (the first is required)");
                continue;
            }
            slist nps = {.n = 0};
            np_values(L, rest, &nps);
            for (int a = 0; a < preps.n; a++)
                for (int b = 0; b < nps.n; b++) {
                    const char *h = strrchr(nps.v[b], ' ');
                    h = h ? h + 1 : nps.v[b];
                    char buf[256];
                    snprintf(buf, sizeof buf, "%s %s", preps.v[a], h);
                    sl_add(&pp, dict_strdup(L->d, buf));
                }
            continue;
        }
        /* bare words (TABARI style): particle, "TO VERB", preposition + noun */
        char lw[128];
        snprintf(lw, sizeof lw, "%s", x);
        lower(lw);
        if (*x != '{' && *x != '&' && i == 0 && attached && in_list(lw, PARTICLES)) {
            /* handled as a particle requirement through pp-like matching */
            sl_add(&pp, dict_strdup(L->d, lw));
            continue;
        }
        if (*x != '{' && !strcmp(lw, "to") && i + 1 < k && tok[i + 1][0] != '(' &&
            tok[i + 1][0] != '{' && !to) {
            char nx[128];
            snprintf(nx, sizeof nx, "%s", tok[i + 1]);
            lower(nx);
            to = dict_strdup(L->d, nx);
            i++;
            continue;
        }
        /* a preposition, or a synset of prepositions ("&PREPOSIT1 RESOLUTION") */
        slist pw = {.n = 0};
        if (*x == '&') {
            synset *S = find_syn(L, x);
            if (S && S->n && in_list(S->items[0], PREPS))
                expand_word(L, x, &pw);
        } else if (*x != '{' && in_list(lw, PREPS)) {
            sl_add(&pw, dict_strdup(L->d, lw));
        }
        if (pw.n && i + 1 < k && tok[i + 1][0] != '(') {
            const char *nx = tok[i + 1];
            if (!strcmp(nx, "$") || !strcmp(nx, "+") || !strcmp(nx, "%") || !strcmp(nx, "^")) {
                for (int a = 0; a < pw.n; a++)
                    sl_add(&prep, pw.v[a]);
                i++;
                continue;
            }
            if (!pp.n) {
                slist nps = {.n = 0};
                char nb[256];
                snprintf(nb, sizeof nb, "%s", nx);
                np_values(L, nb, &nps);
                for (int a = 0; a < pw.n; a++)
                    for (int b = 0; b < nps.n; b++) {
                        const char *h = strrchr(nps.v[b], ' ');
                        h = h ? h + 1 : nps.v[b];
                        char buf[256];
                        snprintf(buf, sizeof buf, "%s %s", pw.v[a], h);
                        sl_add(&pp, dict_strdup(L->d, buf));
                    }
            }
            i++;
            continue;
        }
        if (*x != '{' && *x != '&' && in_list(lw, FUNCTION_WORDS)) {
            unsupported(L, "function word in a pattern (TABARI word sequence): not matched");
            continue;
        }
        if (nouns++) {
            unsupported(L, "second post-verb noun phrase: ignored (the first is the object)");
            continue;
        }
        /* TABARI style: consecutive bare words are one phrase ("DIPLOMATIC TIES") */
        char phrase[512];
        snprintf(phrase, sizeof phrase, "%s", x);
        while (*x != '{' && i + 1 < k && tok[i + 1][0] != '(' && tok[i + 1][0] != '{' &&
               strcmp(tok[i + 1], "$") && strcmp(tok[i + 1], "+") && strcmp(tok[i + 1], "%") &&
               strcmp(tok[i + 1], "^")) {
            char nx[128];
            snprintf(nx, sizeof nx, "%s", tok[i + 1]);
            lower(nx);
            if (in_list(nx, PREPS) || in_list(nx, FUNCTION_WORDS))
                break;
            size_t pl = strlen(phrase);
            snprintf(phrase + pl, sizeof phrase - pl, " %s", tok[++i]);
        }
        np_values(L, phrase, &obj);
    }
    if (!code)
        return 0;
    if (pre_target && post_source)
        flags |= DV_SWAP;
    for (int i = 0; i < B->n; i++)
        if (add_entry(L, &B->v[i], code, rev, &pre, &obj, &pp, &prep, to, pattern, line, flags,
                      seq, n_seq, post, n_post, post_glued))
            return DYAD_ENOMEM;
    return 0;
}

static int finish_block(pl *L, block *B)
{
    /* the isolated verbs: their own code, else the block's */
    (void)L;
    (void)B;
    return 0;
}

/* Does any pattern line of the verb file use a {noun phrase} or a
 * (prepositional phrase)?  (PETRARCH 1/2 style; none: TABARI style.) */
static int has_phrase_groups(const char *buf, size_t n)
{
    const char *p = buf, *end = buf + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        const char *t = p;
        while (t < e && (*t == ' ' || *t == '\t'))
            t++;
        if (t < e && *t == '-' && (e - t < 3 || strncmp(t, "---", 3))) {
            const char *hash = memchr(t, '#', (size_t)(e - t));
            const char *stop = hash ? hash : e;
            if (memchr(t, '{', (size_t)(stop - t)) || memchr(t, '(', (size_t)(stop - t)))
                return 1;
        }
        p = e + 1;
    }
    return 0;
}

static int load_verbs(pl *L, char *buf, size_t n)
{
    L->tabari = L->d->tabari = !has_phrase_groups(buf, n);
    lines it = {buf, buf + n, 0, 0};
    block *B = calloc(1, sizeof *B);
    if (!B)
        return DYAD_ENOMEM;
    synset *cur_syn = NULL;
    int in_block = 0, rc = 0;
    char *s;
    while ((s = next_line(&it)) != NULL && !rc) {
        L->line = it.line;
        char *t = ltrim(s);
        if (!strncmp(t, "---", 3)) {
            /* --- DESC [CODE] --- */
            rc = finish_block(L, B);
            memset(B, 0, sizeof *B);
            in_block = 1;
            cur_syn = NULL;
            B->line = it.line;
            char *o = strchr(t + 3, '['), *c = o ? strchr(o, ']') : NULL;
            B->code = "---";
            if (o && c) {
                *c = 0;
                rc = parse_code(L, o + 1, &B->code, &B->rev);
            }
            continue;
        }
        cut_comment(t);
        rtrim(t);
        if (!*t || *t == '<')
            continue;
        if (*t == '~') {
            unsupported(L, "transformation ('~ a (a b VERB) VERB = a b CODE'): not applied");
            continue;
        }
        if (*t == '&') {
            /* a synset label */
            char name[128];
            snprintf(name, sizeof name, "%s", t);
            char *sp = name;
            while (*sp && !isspace((unsigned char)*sp))
                sp++;
            *sp = 0;
            size_t nl = strlen(name);
            while (nl && name[nl - 1] == '_')
                name[--nl] = 0;
            upper(name);
            cur_syn = find_syn(L, name);
            if (!cur_syn) {
                if (L->n_syn == L->cap_syn) {
                    size_t cap = L->cap_syn ? L->cap_syn * 2 : 32;
                    synset *ns = realloc(L->syn, cap * sizeof *ns);
                    if (!ns) {
                        rc = DYAD_ENOMEM;
                        break;
                    }
                    L->syn = ns;
                    L->cap_syn = cap;
                }
                cur_syn = &L->syn[L->n_syn++];
                memset(cur_syn, 0, sizeof *cur_syn);
                cur_syn->name = dict_strdup(L->d, name);
            }
            in_block = 0;
            continue;
        }
        if (*t == '+' && cur_syn && !in_block) {
            char *item = ltrim(t + 1);
            if (*item == '&') {
                synset *S = find_syn(L, item);
                if (!S) {
                    unsupported(L, "undefined synset inside a synset: ignored");
                    continue;
                }
                for (size_t i = 0; i < S->n && !rc; i++)
                    rc = syn_add(cur_syn, S->items[i]);
                continue;
            }
            char *x = dict_strdup(L->d, item);
            lower(x);
            phrase_norm(L, x, 0);
            if (*x)
                rc = syn_add(cur_syn, x);
            continue;
        }
        if (!in_block) {
            unsupported(L, "line outside a verb block or synset: ignored");
            continue;
        }
        if (*t == '-') {
            rc = pattern_line(L, B, t, it.line);
            continue;
        }
        /* a verb of the block: its isolated entry */
        const char *own = NULL;
        int before = B->n;
        rc = verb_line(L, B, t, &own);
        if (rc || B->n == before)
            continue;
        const char *code = own ? own : B->code;
        if (code && strcmp(code, "---")) {
            slist e0 = {.n = 0};
            rc = add_entry(L, &B->v[B->n - 1], code, own ? NULL : B->rev, &e0, &e0, &e0, &e0, NULL,
                           dict_strdup(L->d, t), it.line, 0, NULL, 0, NULL, 0, 0);
        }
    }
    free(B);
    return rc;
}

/* ---- files and config */

static int file_exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Find name: as given, under dir, dir/dictionaries, dir/../dictionaries. */
static int locate(const char *dir, const char *name, char *out, size_t cap)
{
    if (name[0] == '/' || !dir) {
        snprintf(out, cap, "%s", name);
        return file_exists(out);
    }
    static const char *const sub[] = {"", "dictionaries/", "../dictionaries/", "data/dictionaries/",
                                      "../../dictionaries/"};
    for (size_t i = 0; i < sizeof sub / sizeof *sub; i++) {
        snprintf(out, cap, "%s/%s%s", dir, sub[i], name);
        if (file_exists(out))
            return 1;
    }
    snprintf(out, cap, "%s/%s", dir, name);
    return 0;
}

typedef int (*loader_fn)(pl *, char *, size_t);

static int load_one(pl *L, const char *dir, const char *name, loader_fn fn, dyad_error *err)
{
    char path[1024];
    if (!locate(dir, name, path, sizeof path))
        return dyad_error_set(err, DYAD_EIO, path, -1, "cannot open PETRARCH dictionary %s", name);
    size_t n;
    char *buf = read_file(path, &n);
    if (!buf)
        return dyad_error_set(err, DYAD_EIO, path, -1, "cannot read %s", name);
    const char *base = strrchr(name, '/');
    L->file = base ? base + 1 : name;
    L->line = 0;
    int rc = fn(L, buf, n);
    flush_onces(L);
    free(buf);
    if (rc)
        return dyad_error_set(err, rc, path, L->line, "%s line %d: out of memory", L->file, L->line);
    return 0;
}

/* Read the [Dictionaries] section of a PETR_config.ini. */
static int read_config(const char *path, char *verbs, char *actors, char *agents,
                       char *discards, char *issues, size_t cap)
{
    size_t n;
    char *buf = read_file(path, &n);
    if (!buf)
        return DYAD_EIO;
    lines it = {buf, buf + n, 0, 0};
    char *s;
    int in = 0;
    while ((s = next_line(&it)) != NULL) {
        char *t = ltrim(rtrim(s));
        if (*t == '[') {
            in = !strncmp(t, "[Dictionaries]", 14);
            continue;
        }
        if (!in || *t == '#' || *t == ';')
            continue;
        char *eq = strchr(t, '=');
        if (!eq)
            continue;
        *eq = 0;
        char *k = rtrim(t), *v = ltrim(eq + 1);
        char *dst = !strcmp(k, "verbfile_name") ? verbs : !strcmp(k, "actorfile_list") ? actors
                  : !strcmp(k, "agentfile_name") ? agents : !strcmp(k, "discardfile_name") ? discards
                  : !strcmp(k, "issuefile_name") ? issues : NULL;
        if (dst)
            snprintf(dst, cap, "%s", v);
    }
    free(buf);
    return 0;
}

void dyad_dict_warnings_free(char **w, size_t n)
{
    for (size_t i = 0; w && i < n; i++)
        free(w[i]);
    free(w);
}

int dyad_dict_load_petrarch(const char *config_or_dir, const dyad_dict_petrarch_files *files,
                            dyad_dict **out, char ***warnings, size_t *n_warnings,
                            dyad_error *err)
{
    *out = NULL;
    if (warnings)
        *warnings = NULL;
    if (n_warnings)
        *n_warnings = 0;
    char verbs[512] = "CAMEO.2.0.txt",
         actors[2048] = "Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, "
                        "Phoenix.MilNonState.actors.txt",
         agents[512] = "Phoenix.agents.txt", discards[512] = "Phoenix.discards.txt",
         issues[512] = "Phoenix.IssueCoding.txt";
    char dir[1024] = ".";
    const char *cameo_dir = files ? files->cameo_dir : NULL;
    if (files && !files->verbs && !files->n_actors && !files->agents && !files->discards &&
        !files->issues)
        files = NULL;   /* only cameo_dir given: the config or directory decides */
    if (files) {
        snprintf(dir, sizeof dir, "%s", files->dir ? files->dir : config_or_dir ? config_or_dir : ".");
        snprintf(verbs, sizeof verbs, "%s", files->verbs ? files->verbs : "");
        actors[0] = 0;
        for (size_t i = 0; i < files->n_actors; i++) {
            size_t l = strlen(actors);
            snprintf(actors + l, sizeof actors - l, "%s%s", i ? "," : "", files->actors[i]);
        }
        snprintf(agents, sizeof agents, "%s", files->agents ? files->agents : "");
        snprintf(discards, sizeof discards, "%s", files->discards ? files->discards : "");
        snprintf(issues, sizeof issues, "%s", files->issues ? files->issues : "");
    } else if (config_or_dir && is_dir(config_or_dir)) {
        snprintf(dir, sizeof dir, "%s", config_or_dir);
        char cfg[1100];
        snprintf(cfg, sizeof cfg, "%s/PETR_config.ini", config_or_dir);
        if (file_exists(cfg))
            read_config(cfg, verbs, actors, agents, discards, issues, 512);
    } else if (config_or_dir) {
        if (read_config(config_or_dir, verbs, actors, agents, discards, issues, 512))
            return dyad_error_set(err, DYAD_EIO, config_or_dir, -1, "cannot read the config");
        snprintf(dir, sizeof dir, "%s", config_or_dir);
        char *sl = strrchr(dir, '/');
        if (sl)
            *sl = 0;
        else
            snprintf(dir, sizeof dir, ".");
    } else {
        return dyad_error_set(err, DYAD_EUSAGE, NULL, -1, "no PETRARCH config or directory");
    }
    dyad_dict *d = dict_new();
    if (!d)
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    d->petrarch = 1;
    pl L;
    memset(&L, 0, sizeof L);
    L.d = d;
    /* the CAMEO table (descriptions, Goldstein, PLOVER); codes only the
     * verb file knows are added as they come */
    const char *cd = cameo_dir ? cameo_dir : getenv("DYAD_DICT");
    if (!cd || !*cd)
        cd = "dict";
    char cpath[1100];
    snprintf(cpath, sizeof cpath, "%s/cameo.tsv", cd);
    int rc = 0;
    if (file_exists(cpath))
        rc = dict_load_codes(d, cd, err);
    else
        add_warning(&L, "cameo.tsv not found: CAMEO descriptions and Goldstein values are empty");
    /* actors (comma list) */
    char *p = actors;
    while (!rc && p && *p) {
        char *c = strchr(p, ',');
        if (c)
            *c = 0;
        char *name = ltrim(rtrim(p));
        if (*name)
            rc = load_one(&L, dir, name, load_actors, err);
        p = c ? c + 1 : NULL;
    }
    if (!rc && *ltrim(agents))
        rc = load_one(&L, dir, ltrim(agents), load_agents, err);
    if (!rc && *ltrim(discards))
        rc = load_one(&L, dir, ltrim(discards), load_discards, err);
    if (!rc && *ltrim(issues))
        rc = load_one(&L, dir, ltrim(issues), load_issues, err);
    if (!rc && *ltrim(verbs))
        rc = load_one(&L, dir, ltrim(verbs), load_verbs, err);
    for (size_t i = 0; i < L.n_syn; i++)
        free(L.syn[i].items);
    free(L.syn);
    if (rc) {
        dyad_dict_warnings_free(L.warn, L.n_warn);
        dyad_dict_free(d);
        return rc;
    }
    if (warnings) {
        *warnings = L.warn;
        *n_warnings = L.n_warn;
    } else {
        dyad_dict_warnings_free(L.warn, L.n_warn);
    }
    *out = d;
    return 0;
}
