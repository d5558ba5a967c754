/* actor.c — who the noun phrases of a sentence are: dictionary names
 * (longest match over the name trie), people by the article date, agents
 * resolved against a country, pronouns and definite descriptions against
 * the document memory. */
#include "code/code.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- names */

/* Words of a dateline ("SEOUL, South Korea — ") opening the sentence: a
 * place that is not an actor.  Returns the index of the first word after it. */
static int dateline_end(const sent *s)
{
    int caps = 0;
    for (int i = 0; i < s->n && i < 10; i++) {
        const char *f = s->w[i].form;
        uint32_t len = s->w[i].len;
        if ((len == 3 && !memcmp(f, "\xe2\x80\x94", 3)) || (len == 2 && !memcmp(f, "--", 2)) ||
            (len == 3 && !memcmp(f, "\xe2\x80\x93", 3)))
            return caps ? i + 1 : 0;
        if (len && f[0] >= 'A' && f[0] <= 'Z') {
            int all = len > 1;
            for (uint32_t k = 0; k < len && all; k++)
                if (f[k] >= 'a' && f[k] <= 'z')
                    all = 0;
            caps |= all;
            continue;
        }
        if (len == 1 && (f[0] == ',' || f[0] == '.'))
            continue;
        return 0;
    }
    return 0;
}

void code_find_mentions(sent *s)
{
    int i = s->dateline = dateline_end(s);
    while (i < s->n) {
        int32_t node = 0, best_end = -1, best_hit = -1;
        for (int j = i; j < s->n; j++) {
            int32_t tok = dict_tok_id(s->d, s->fold[j], strlen(s->fold[j]));
            node = dict_trie_child(s->d, node, tok);
            if (node < 0)
                break;
            if (s->d->node_hit[node] >= 0) {
                best_end = j + 1;
                best_hit = s->d->node_hit[node];
            }
        }
        if (best_end <= i && !s->d->petrarch) {
            /* "a British-flagged tanker", "a Russian-owned bank": the
             * country of the prefix owns the thing */
            static const char *const OWN[] = {"-flagged", "-owned", "-registered",
                "-operated", "-run", NULL};
            const char *f = s->fold[i], *dash = strchr(f, '-');
            for (int k = 0; dash && dash > f && OWN[k]; k++)
                if (!strcmp(dash, OWN[k])) {
                    int32_t tok = dict_tok_id(s->d, f, (size_t)(dash - f));
                    int32_t nd = tok >= 0 ? dict_trie_child(s->d, 0, tok) : -1;
                    if (nd >= 0 && s->d->node_hit[nd] >= 0) {
                        best_end = i + 1;
                        best_hit = s->d->node_hit[nd];
                    }
                    break;
                }
        }
        if (best_end > i) {
            mention *m = &s->m[s->n_m];
            m->lo = i;
            m->hi = best_end;
            m->hit = best_hit;
            for (int k = i; k < best_end; k++)
                s->ment[k] = s->n_m;
            s->n_m++;
            i = best_end;
        } else {
            i++;
        }
    }
}

/* "the Galwan Valley" is no "The Valley": a mention ending a longer
 * proper name is part of that name */
static int name_part(const sent *s, const mention *m)
{
    int p = m->lo - 1, h = p >= 0 ? code_head_of(s, p) : -1;
    return m->lo > s->dateline && p >= 0 && s->w[p].upos == DYAD_UPOS_PROPN && s->w[p].len &&
           s->w[p].form[0] >= 'A' && s->w[p].form[0] <= 'Z' && s->ment[p] < 0 && h >= m->lo &&
           h < m->hi && (code_rel_is(&s->w[p], "compound") || code_rel_is(&s->w[p], "flat"));
}

/* The first actor of a mention whose kind is in the mask. */
const dict_actor *code_hit_kind(const sent *s, int word, unsigned mask)
{
    if (word < 0 || s->ment[word] < 0)
        return NULL;
    const mention *m = &s->m[s->ment[word]];
    int caps = 0;   /* names are written with a capital: "the valley" is no capital city */
    for (int k = m->lo; k < m->hi && !caps; k++)
        caps = s->w[k].len && s->w[k].form[0] >= 'A' && s->w[k].form[0] <= 'Z';
    for (int32_t h = m->hit; h >= 0; h = s->d->hits[h].next) {
        const dict_actor *a = &s->d->actors[s->d->hits[h].actor];
        if (!caps && a->kind != DA_AGENT && a->kind != DA_AGENT_PREFIX)
            continue;
        if (a->kind == DA_CAPITAL && (mask & K(DA_CAPITAL)) && name_part(s, m))
            continue;
        if (mask & (1u << a->kind))
            return a;
    }
    return NULL;
}


static const char *span_text(sent *s, int lo, int hi)
{
    size_t len = 0;
    for (int k = lo; k < hi; k++)
        len += s->w[k].len + 1;
    char *t = dyad_arena_alloc(s->a, len + 1), *p = t;
    if (!t)
        return "";
    for (int k = lo; k < hi; k++) {
        if (k > lo)
            *p++ = ' ';
        memcpy(p, s->w[k].form, s->w[k].len);
        p += s->w[k].len;
    }
    *p = 0;
    return t;
}

/* The words of the noun phrase headed by h (h, its compound/flat/amod/det
 * modifiers, recursively), as [lo, hi] bounds. */
static void np_bounds_d(const sent *s, int h, int *lo, int *hi, int depth)
{
    *lo = *hi = h;
    if (depth > 8)
        return;
    for (int c = s->first_child[h]; c >= 0; c = s->next_sib[c]) {
        const dyad_word *w = &s->w[c];
        if (code_rel_is(w, "compound") || code_rel_is(w, "flat") || code_rel_is(w, "amod") ||
            code_rel_is(w, "nmod:poss") || code_rel_eq(&s->w[c], "det")) {
            int l, r;
            np_bounds_d(s, c, &l, &r, depth + 1);
            if (l < *lo) *lo = l;
            if (r > *hi) *hi = r;
        }
    }
}

static void np_bounds(const sent *s, int h, int *lo, int *hi)
{
    np_bounds_d(s, h, lo, hi, 0);
}

static int32_t ymd(int y, int m, int d)
{
    return y * 10000 + m * 100 + d;
}

/* The period the sentence reports, when it lies before the article's date
 * ("Thursday, US forces killed Soleimani": he led the Quds Force then; "in
 * 2014, Obama ..."): s->role_lo..role_hi, else the article's date. */
static void role_period(sent *s)
{
    s->role_lo = s->role_hi = s->date;
    if (!s->date || !s->text || !*s->text || s->d->petrarch || !s->date_str)
        return;
    char when[11];
    int pr = dyad_date_resolve(s->date_str, s->text, strlen(s->text), when, NULL);
    int y = 0, m = 0, d = 0;
    if (pr == DYAD_DATE_NONE || sscanf(when, "%4d-%2d-%2d", &y, &m, &d) < 1)
        return;
    int32_t lo, hi;
    if (pr == DYAD_DATE_YEAR) {
        /* a year anywhere may date a clause of its own ("sanctions,
         * imposed in 2009"): only one that opens the sentence */
        char lead[16];
        snprintf(lead, sizeof lead, "In %04d", y);
        if (strncmp(s->text, lead, strlen(lead)))
            return;
        lo = ymd(y, 1, 1);
        hi = ymd(y, 12, 31);
    } else if (pr == DYAD_DATE_MONTH) {
        lo = ymd(y, m, 1);
        hi = ymd(y, m, 31);
    } else {
        lo = ymd(y, m, d);
        hi = pr == DYAD_DATE_WEEK ? lo + 6 : lo;   /* (a day past a month's end compares fine) */
    }
    if (hi >= s->date)
        return;   /* today's news, this year's, or a plan: the article's date */
    s->role_lo = lo;
    s->role_hi = hi;
}

static const char *person_code(sent *s, const dict_actor *p, char *buf, size_t cap)
{
    const dict_role *best = NULL;
    if (s->date && !s->role_lo)
        role_period(s);
    for (size_t i = 0; i < p->n_roles; i++) {
        const dict_role *r = &p->roles[i];
        if (!r->from && !r->to) {
            if (!best)
                best = r;
            continue;
        }
        if (s->date && (!r->from || s->role_hi >= r->from) &&
            (!r->to || s->role_lo <= r->to))
            return r->code;
        if (!s->date && (!best || r->from > best->from))
            best = r;   /* no date: the latest role */
    }
    if (best)
        return best->code;
    if (*p->country) {
        snprintf(buf, cap, "%sELI", p->country);
        return buf;
    }
    return "";
}

void code_set_from_dict(sent *s, code_actor *a, const dict_actor *d)
{
    char buf[40];
    a->kind = d->kind;
    a->country = d->country ? d->country : "";
    a->name = d->name;
    a->src = d->src;
    if (d->kind == DA_PERSON) {
        snprintf(a->code, sizeof a->code, "%s", person_code(s, d, buf, sizeof buf));
        a->how = "person";
        if (!strncmp(a->code, "IGO", 3) || !strncmp(a->code, "NGO", 3)) {
            /* an organisation's official acts for it: "country" is the
             * organisation's code ("Stoltenberg" → IGOWSTNAT) */
            a->country = dyad_arena_strdup(s->a, a->code);
        } else if (!*a->country && strlen(a->code) >= 3) {
            char c3[4] = {a->code[0], a->code[1], a->code[2], 0};
            a->country = dyad_arena_strdup(s->a, c3);
        }
    } else {
        snprintf(a->code, sizeof a->code, "%s", d->code);
        a->how = d->kind == DA_COUNTRY ? "country" : d->kind == DA_CAPITAL ? "capital"
               : d->kind == DA_DEMONYM ? "demonym" : d->kind == DA_ADJ ? "adjective"
               : "organisation";
    }
}

int code_is_plural(const dyad_word *w)
{
    return (w->feats && strstr(w->feats, "Number=Plur")) ||
           (w->xpos && (!strcmp(w->xpos, "NNS") || !strcmp(w->xpos, "NNPS")));
}

/* ---- memory */

void code_mem_push(sent *s, const code_actor *a)
{
    dyad_coder *c = s->coder;
    if (!c || !a->kind || !*a->code)
        return;
    code_actor *m = &c->mem[c->n_mem % CODE_MEMORY];
    *m = *a;
    m->name = dyad_arena_strdup(c->arena, a->name ? a->name : "");
    m->text = dyad_arena_strdup(c->arena, a->text ? a->text : "");
    m->country = dyad_arena_strdup(c->arena, a->country ? a->country : "");
    m->src = dyad_arena_strdup(c->arena, a->src ? a->src : "");
    m->sentence = s->sentence;
    /* (the by-agent of a passive is its subject: "was announced by
     * Stoltenberg, ..., after he hosted") */
    m->subject = a->head >= 0 && a->head < s->n &&
                 (code_rel_is(&s->w[a->head], "nsubj") || code_rel_eq(&s->w[a->head], "obl:agent"));
    m->group = 0;
    if (a->head >= 0 && a->head < s->n) {
        /* "Britain, France and Germany": one group, for a later "they" */
        int r = a->head, hops = 0;
        while (code_rel_eq(&s->w[r], "conj") && code_head_of(s, r) >= 0 && hops++ < 16)
            r = code_head_of(s, r);
        if (r != a->head || code_child_rel_eq(s, r, "conj") >= 0)
            m->group = r + 1;
        if (r != a->head && code_rel_is(&s->w[r], "nsubj"))
            m->subject = 1;
        /* the subject of the main clause (2), not of a reported one */
        int v = m->subject ? code_head_of(s, r) : -1, hops2 = 0;
        while (v >= 0 && code_rel_eq(&s->w[v], "conj") && hops2++ < 16)
            v = code_head_of(s, v);
        if (v >= 0 && code_rel_eq(&s->w[v], "root"))
            m->subject = 2;
    }
    m->head = -1;
    c->n_mem++;
}

/* Latest remembered actor accepted by want(); NULL when none. */
static const code_actor *mem_find(const sent *s, int (*want)(const code_actor *, const void *),
                                  const void *arg)
{
    const dyad_coder *c = s->coder;
    if (!c)
        return NULL;
    size_t lo = c->n_mem > CODE_MEMORY ? c->n_mem - CODE_MEMORY : 0;
    for (size_t i = c->n_mem; i > lo; i--) {
        const code_actor *m = &c->mem[(i - 1) % CODE_MEMORY];
        if (want(m, arg))
            return m;
    }
    return NULL;
}

/* "the kingdom", "the emirate": the monarchy of that kind the story is
 * most about (most mentions in memory, the latest on a tie), so that
 * "the UAE and Bahrain backed the kingdom" in a story about Saudi Arabia
 * is Saudi Arabia.  Facts: the countries news calls kingdoms/emirates. */
static const char *const KINGDOMS[] = {"SAU", "GBR", "ESP", "NLD", "BEL", "NOR", "SWE", "DNK",
    "JOR", "MAR", "BHR", "THA", "KHM", "BTN", "LSO", "SWZ", "TON", NULL};
static const char *const EMIRATES[] = {"QAT", "KWT", "ARE", NULL};
/* "the island": island states and territories in the news */
static const char *const ISLANDS[] = {"TWN", "CUB", "CYP", "LKA", "MDG", "JAM", "MLT", "ISL",
    "HTI", "SGP", "BHR", "TTO", "FJI", "MUS", "MDV", "IRL", "NZL", "PNG", "TLS", "SLB",
    "VUT", "WSM", "TON", "KIR", "NRU", "TUV", "COM", "STP", "CPV", "SYC", "BRB", "BHS", "GRD",
    "DMA", "LCA", "VCT", "ATG", "KNA", "PRI", "GRL", "HKG", NULL};

/* The country of actor m as an actor of its own ("the island" is
 * Taiwan, not its government). */
static void as_country(code_actor *dst, const code_actor *m)
{
    *dst = *m;
    snprintf(dst->code, sizeof dst->code, "%s", m->country);
    dst->kind = DA_COUNTRY;
}

/* The place of the first "in X" phrase (nmod or obl) under word at,
 * before word before when that is >= 0, of the given kinds. */
static const dict_actor *in_place(sent *s, int at, int before, unsigned kinds)
{
    for (int c = at >= 0 ? s->first_child[at] : -1; c >= 0; c = s->next_sib[c]) {
        if (before >= 0 && c >= before)
            break;
        const char *p = (code_rel_is(&s->w[c], "nmod") || code_rel_is(&s->w[c], "obl")) ?
                        code_prep_of(s, c) : NULL;
        const dict_actor *d = p && !strcmp(p, "in") ? code_hit_kind(s, c, kinds) : NULL;
        /* "in several Indian cities" */
        for (int g = p && !strcmp(p, "in") && !d && (kinds & K(DA_COUNTRY)) ? s->first_child[c] : -1;
             g >= 0 && !d; g = s->next_sib[g])
            if (code_rel_is(&s->w[g], "amod"))
                d = code_hit_kind(s, g, K(DA_ADJ));
        if (d)
            return d;
    }
    return NULL;
}

/* a country of this code named before */
static int want_country_is(const code_actor *m, const void *arg)
{
    return m->country && !strcmp(m->country, (const char *)arg);
}

static const code_actor *mem_find_salient(const sent *s, const char *const *kinds)
{
    const dyad_coder *c = s->coder;
    if (!c)
        return NULL;
    size_t lo = c->n_mem > CODE_MEMORY ? c->n_mem - CODE_MEMORY : 0;
    const code_actor *best = NULL;
    int best_n = 0;
    for (size_t i = c->n_mem; i > lo; i--) {
        const code_actor *m = &c->mem[(i - 1) % CODE_MEMORY];
        if (m->kind != DA_COUNTRY || !m->country || !code_in_list(m->country, kinds))
            continue;
        int n = 0;
        for (size_t j = c->n_mem; j > lo; j--) {
            const code_actor *o = &c->mem[(j - 1) % CODE_MEMORY];
            n += o->country && !strcmp(o->country, m->country);
        }
        if (n > best_n) {
            best = m;
            best_n = n;
        }
    }
    return best;
}

static int want_military(const code_actor *m, const void *arg)
{
    (void)arg;
    size_t n = strlen(m->code);
    return m->country && strlen(m->country) == 3 && n >= 6 && !strcmp(m->code + n - 3, "MIL");
}

/* "the administration": the one named as "the Obama administration";
 * "the government": "Mali's military government" */
static int want_named_body(const code_actor *m, const void *arg)
{
    const char *w = arg;
    if (!m->text || !m->country || strlen(m->country) != 3)
        return 0;
    for (const char *p = strstr(m->text, w + 1); p; p = strstr(p + 1, w + 1))
        if (p > m->text && (p[-1] | 0x20) == w[0])
            return 1;
    return 0;
}

/* Mention a (word h, its own text kept) stands for the actor m named
 * before. */
static void take_actor(code_actor *a, const code_actor *m, int h, const char *how)
{
    const char *text = a->text;
    *a = *m;
    a->text = text;
    a->head = h;
    a->how = how;
}

/* For a pronoun: an earlier subject of this sentence, else the latest
 * subject of an earlier sentence, else the latest compatible actor (an
 * object named just before "he" in the same sentence is rarely "he"). */
static const code_actor *mem_find_pronoun(const sent *s,
                                          int (*want)(const code_actor *, const void *),
                                          const char *exclude)
{
    const dyad_coder *c = s->coder;
    if (!c)
        return NULL;
    size_t lo = c->n_mem > CODE_MEMORY ? c->n_mem - CODE_MEMORY : 0;
    /* "Trump said Kim had promised ..., and he praised": the subject of
     * this sentence's main clause before one of a reported clause */
    for (size_t i = c->n_mem; i > lo; i--) {
        const code_actor *m = &c->mem[(i - 1) % CODE_MEMORY];
        if (m->sentence != s->sentence)
            break;
        if (m->subject == 2 && want(m, NULL) && !(exclude && !strcmp(m->name, exclude)))
            return m;
    }
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = c->n_mem; i > lo; i--) {
            const code_actor *m = &c->mem[(i - 1) % CODE_MEMORY];
            if (!want(m, NULL) || (exclude && !strcmp(m->name, exclude)))
                continue;
            if (pass == 0 && m->subject)
                return m;
            if (pass == 1 && m->sentence != s->sentence)
                return m;
        }
    for (size_t i = c->n_mem; i > lo; i--) {
        const code_actor *m = &c->mem[(i - 1) % CODE_MEMORY];
        if (want(m, NULL) && !(exclude && !strcmp(m->name, exclude)))
            return m;
    }
    return NULL;
}

/* a remembered person one of whose name words is arg (folded) */
static int want_name_part(const code_actor *m, const void *arg)
{
    const char *part = arg;
    size_t n = strlen(part);
    if (m->kind != DA_PERSON || n < 2 || !m->name)
        return 0;
    for (const char *p = m->name; *p;) {
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        if ((size_t)(q - p) == n && !strncasecmp(p, part, n))
            return 1;
        p = *q ? q + 1 : q;
    }
    return 0;
}

static int want_person(const code_actor *m, const void *arg)
{
    (void)arg;
    return m->kind == DA_PERSON || (m->kind == DA_AGENT && !m->plural);
}

static int want_group(const code_actor *m, const void *arg)
{
    (void)arg;
    return m->kind != DA_PERSON && !(m->kind == DA_AGENT && !m->plural);
}

static int want_thing(const code_actor *m, const void *arg)
{
    (void)arg;
    return m->kind == DA_COUNTRY || m->kind == DA_CAPITAL || m->kind == DA_INSTITUTION ||
           m->kind == DA_IGO || m->kind == DA_GROUP;
}

/* a named person with the same country whose code has the same role */
static int want_same_role(const code_actor *m, const void *arg)
{
    const code_actor *a = arg;
    if (m->kind != DA_PERSON || strcmp(m->country, a->country) != 0)
        return 0;
    size_t n = strlen(m->code), k = strlen(a->code);
    return n >= 3 && k >= 3 && strcmp(m->code + n - 3, a->code + k - 3) == 0;
}

/* ---- actor resolution */

static const char *const PRON_PERSON[] = {"he", "she", "him", "her", "his", NULL};
static const char *const PRON_GROUP[] = {"they", "them", "their", NULL};
static const char *const PRON_THING[] = {"it", "its", NULL};


/* Country context of an agent noun: adjective, country name, capital or
 * institution among its modifiers or in an "of X" / possessive phrase. */
static const dict_actor *agent_country_d(sent *s, int h, int *via, int depth)
{
    if (depth > 6)
        return NULL;
    for (int c = s->first_child[h]; c >= 0; c = s->next_sib[c]) {
        const dyad_word *w = &s->w[c];
        if (!(code_rel_is(w, "compound") || code_rel_is(w, "amod") || code_rel_is(w, "nmod") ||
              code_rel_is(w, "flat")))
            continue;
        if (code_rel_is(w, "nmod") && !code_rel_is(w, "nmod:poss")) {
            const char *p = code_prep_of(s, c);
            if (!p || (strcmp(p, "of") && strcmp(p, "from") &&
                       !(s->d->petrarch && !strcmp(p, "in")) &&
                       !(!s->d->petrarch && !strcmp(p, "for"))))
                continue;
        }
        const dict_actor *a = code_hit_kind(s, c, K(DA_ADJ) | K_PLACE | K(DA_DEMONYM) | K_ORG);
        /* "the government of President Bashar al-Assad": the leader's country */
        if (!a && depth == 0 && code_rel_is(w, "nmod") && !code_rel_is(w, "nmod:poss")) {
            a = code_hit_kind(s, c, K(DA_PERSON));
            if (!a) {
                int fl = code_child_rel(s, c, "flat");
                a = fl >= 0 ? code_hit_kind(s, fl, K(DA_PERSON)) : NULL;
            }
            if (a && (!a->country || !*a->country))
                a = NULL;
        }
        if (a) {
            *via = c;
            return a;
        }
        a = agent_country_d(s, c, via, depth + 1);
        if (a)
            return a;
    }
    return NULL;
}

static const dict_actor *agent_country(sent *s, int h, int *via)
{
    return agent_country_d(s, h, via, 0);
}

static int has_prefix_eli(sent *s, int h, const char **code)
{
    for (int c = s->first_child[h]; c >= 0; c = s->next_sib[c]) {
        if (!(code_rel_is(&s->w[c], "amod") || code_rel_is(&s->w[c], "compound")))
            continue;
        const dict_actor *p = code_hit_kind(s, c, K(DA_AGENT_PREFIX));
        if (p) {
            *code = p->code;
            return 1;
        }
    }
    return 0;
}

int code_definite(const sent *s, int h)
{
    int c = code_child_rel_eq(s, h, "det");
    return c >= 0 && strcmp(s->lemma[c], "the") == 0;
}

const char *const code_say[] = {"say", "tell", "claim", "state", "add", "insist",
    "report", "announce", "allege", "assert", "argue", "contend", "suggest", "write",
    "believe", "think", "accuse", "deny", "warn", "note", "explain", "declare",
    "confirm", "stress", "maintain", "acknowledge", "admit", "quote", "reply",
    "respond", "tweet", "post", "predict", "according", "indicate", "reveal", NULL};

static const char *const DESC_ORG[] = {"alliance", "bloc", "organization", "organisation",
    "body", "council", "union", "coalition", NULL};
static const char *const DESC_COUNTRY[] = {"country", "kingdom", "nation", "state",
    "republic", "emirate", "regime", NULL};

static int want_org(const code_actor *m, const void *arg)
{
    (void)arg;
    return m->kind == DA_IGO;
}

/* an organisation named in the last three sentences ("the leaders" at its summit) */
static int want_org_recent(const code_actor *m, const void *arg)
{
    const uint32_t *now = arg;
    return m->kind == DA_IGO && m->sentence + 3 >= *now;
}

static int want_country(const code_actor *m, const void *arg)
{
    (void)arg;
    return m->kind == DA_COUNTRY;
}

/* PETRARCH: an actor titled by an agent noun of its phrase ("Bree Prime
 * Minister Romendacil", "Arnor cleric") gets the agent's code added. */
static void petrarch_agent_suffix(sent *s, int h, int lo, int hi, code_actor *a)
{
    int own = s->ment[h];
    for (int k = lo; k <= hi; k++) {
        if (s->ment[k] < 0 || s->ment[k] == own)
            continue;
        const dict_actor *ag = code_hit_kind(s, k, K(DA_AGENT));
        if (!ag)
            continue;
        const char *role = ag->code;
        size_t rl = strlen(role), cl = strlen(a->code);
        char buf[128];
        if (rl && role[rl - 1] == '~')
            snprintf(buf, sizeof buf, "%.*s%s", (int)(rl - 1), role, a->code);
        else if (cl >= rl && !strcmp(a->code + cl - rl, role))
            return;
        else
            snprintf(buf, sizeof buf, "%s%s", a->code, role);
        memcpy(a->code, buf, sizeof a->code);
        a->code[sizeof a->code - 1] = 0;
        return;
    }
}

/* PETRARCH reads actors off the constituency parse's noun phrase; ours may
 * split it ("Bree Prime Minister Romendacil" with "Bree" taken for a
 * verb, "the primary official news agency WFNA" with the head elsewhere).
 * The first word of the run of nominal words (or capitalised ones) that
 * ends at lo. */
static int petrarch_run_lo(const sent *s, int lo)
{
    int k = lo;
    while (k > s->dateline && k > 0 && lo - k < 8) {
        const dyad_word *w = &s->w[k - 1];
        int up = w->upos;
        int caps = w->len && w->form[0] >= 'A' && w->form[0] <= 'Z';
        if (up == DYAD_UPOS_PUNCT || up == DYAD_UPOS_CCONJ || up == DYAD_UPOS_ADP ||
            up == DYAD_UPOS_PART || up == DYAD_UPOS_PRON)
            break;
        if (!(up == DYAD_UPOS_ADJ || up == DYAD_UPOS_NOUN || up == DYAD_UPOS_PROPN ||
              up == DYAD_UPOS_NUM || up == DYAD_UPOS_DET || caps))
            break;
        k--;
    }
    return k;
}

/* ... and the last word of such a run starting at hi (no determiner: that
 * opens another phrase). */
static int petrarch_run_hi(const sent *s, int hi)
{
    int k = hi;
    while (k + 1 < s->n && k - hi < 8) {
        const dyad_word *w = &s->w[k + 1];
        int up = w->upos;
        int caps = w->len && w->form[0] >= 'A' && w->form[0] <= 'Z';
        if (!(up == DYAD_UPOS_ADJ || up == DYAD_UPOS_NOUN || up == DYAD_UPOS_PROPN || caps) ||
            up == DYAD_UPOS_PUNCT)
            break;
        k++;
    }
    return k;
}

static void resolve_np(sent *s, int h, code_actor *a)
{
    const dyad_word *w = &s->w[h];
    int lo, hi;
    np_bounds(s, h, &lo, &hi);
    a->head = h;
    a->plural = code_is_plural(w);
    a->text = span_text(s, lo, hi + 1);
    a->name = a->text;
    a->country = "";
    a->src = "";

    if (w->upos == DYAD_UPOS_PRON) {
        const code_actor *m = NULL;
        /* "Trump recognized him": an object pronoun is not its clause's subject */
        const char *exclude = NULL;
        int hv = code_head_of(s, h);
        if (hv >= 0 && !code_rel_is(w, "nsubj") && !code_rel_is(w, "nmod:poss") &&
            !code_in_list(s->lemma[hv], code_say)) {
            for (int c = s->first_child[hv]; c >= 0; c = s->next_sib[c])
                if (code_rel_is(&s->w[c], "nsubj") && c < h && s->done[c] && s->act[c].kind)
                    exclude = s->act[c].name;
        }
        static const char *const PRON_SELF[] = {"i", "we", "me", "us", "my", "our", NULL};
        if (code_in_list(s->fold[h], PRON_SELF) && !s->d->petrarch) {
            /* "'We urge both sides to exercise restraint,' said Dujarric":
             * the speaker of the reported clause */
            int x = hv, hops = 0, say = -1;
            while (x >= 0 && hops++ < 8 && say < 0) {
                int up = code_head_of(s, x);
                if (up >= 0 && (code_rel_is(&s->w[x], "ccomp") || code_rel_is(&s->w[x], "parataxis")) &&
                    code_in_list(s->lemma[up], code_say))
                    say = up;
                else if (code_rel_eq(&s->w[x], "conj") || code_rel_eq(&s->w[x], "xcomp"))
                    x = up;
                else
                    break;
            }
            int sp = say >= 0 ? code_inherited_subject(s, say, 0) : -1;
            if (sp >= 0 && sp != h && s->w[sp].upos != DYAD_UPOS_PRON) {
                code_resolve(s, sp);
                if (s->act[sp].kind) {
                    take_actor(a, &s->act[sp], h, "speaker");
                    return;
                }
            }
            return;
        }
        if (code_in_list(s->lemma[h], PRON_PERSON) || code_in_list(s->fold[h], PRON_PERSON))
            m = mem_find_pronoun(s, want_person, exclude);
        else if (code_in_list(s->lemma[h], PRON_GROUP) || code_in_list(s->fold[h], PRON_GROUP))
            m = mem_find_pronoun(s, want_group, exclude);
        else if ((code_in_list(s->lemma[h], PRON_THING) || code_in_list(s->fold[h], PRON_THING)) &&
                 (code_rel_is(w, "nsubj") || code_rel_is(w, "nmod:poss") ||
                  (code_rel_eq(w, "obj") && code_head_of(s, h) >= 0 && code_in_list(s->lemma[code_head_of(s, h)], code_say))))
            m = mem_find_pronoun(s, want_thing, exclude); /* an object "it" is mostly a thing */
        if (m) {
            take_actor(a, m, h, "pronoun");
        }
        return;
    }
    /* a name covering the head: person, organisation, country, capital */
    const dict_actor *d = code_hit_kind(s, h, K(DA_PERSON) | K_ORG | K_PLACE | K(DA_DEMONYM));
    if (!d) {
        /* a flat/compound name part of the head ("Vladimir" head of "Putin") */
        for (int c = s->first_child[h]; c >= 0 && !d; c = s->next_sib[c])
            if (code_rel_is(&s->w[c], "flat"))
                d = code_hit_kind(s, c, K(DA_PERSON));
    }
    if (!d && w->upos == DYAD_UPOS_PROPN && s->ment[h] < 0 && code_child_rel(s, h, "flat") < 0 &&
        !s->d->petrarch) {
        /* "Mr. Liu" after "Vice Premier Liu He": a name part of a person
         * named earlier in the story */
        const code_actor *m = mem_find(s, want_name_part, s->fold[h]);
        if (m) {
            take_actor(a, m, h, "name named before");
            return;
        }
        /* "Mr. Clinton" first named so: the one person of that last name
         * in office at the article's date */
        int32_t ids[16];
        size_t np = s->date ? dict_surname_people(s->d, s->fold[h], ids, 16) : 0;
        const dict_actor *only = NULL;
        int n_in = 0;
        for (size_t i = 0; i < np; i++) {
            const dict_actor *p = &s->d->actors[ids[i]];
            for (size_t r = 0; r < p->n_roles; r++) {
                const dict_role *ro = &p->roles[r];
                if ((ro->from || ro->to) && (!ro->from || s->date >= ro->from) &&
                    (!ro->to || s->date <= ro->to)) {
                    if (only != p)
                        n_in++;
                    only = p;
                    break;
                }
            }
        }
        if (n_in == 1) {
            code_set_from_dict(s, a, only);
            a->how = "last name, in office at the date";
            return;
        }
    }
    if (d) {
        code_set_from_dict(s, a, d);
        if (s->d->petrarch)
            petrarch_agent_suffix(s, h, petrarch_run_lo(s, lo), petrarch_run_hi(s, hi), a);
        return;
    }
    /* an agent noun, or a proper name titled by one ("spokesman Peskov") */
    const dict_actor *ag = code_hit_kind(s, h, K(DA_AGENT));
    int title = -1;
    if (!ag && (w->upos == DYAD_UPOS_PROPN)) {
        for (int c = s->first_child[h]; c >= 0 && !ag; c = s->next_sib[c])
            if (code_rel_is(&s->w[c], "compound") || code_rel_is(&s->w[c], "amod") ||
                code_rel_eq(&s->w[c], "nmod:desc")) {
                ag = code_hit_kind(s, c, K(DA_AGENT));
                if (ag)
                    title = c;
            }
    }
    if (!ag && s->d->petrarch && (w->upos == DYAD_UPOS_PROPN || w->upos == DYAD_UPOS_NOUN) &&
        s->ment[h] < 0)
        /* an agent word of the phrase PETRARCH sees ("the primary official
         * news agency WFNA") */
        for (int k = h - 1; k >= petrarch_run_lo(s, lo) && !ag; k--) {
            ag = code_hit_kind(s, k, K(DA_AGENT));
            if (ag)
                title = k;
        }
    if (ag) {
        int via = -1;
        const dict_actor *ctry = agent_country(s, h, &via);
        if (!ctry && title >= 0)
            ctry = agent_country(s, title, &via);
        if (!ctry && lo >= 2 && (!strcmp(s->fold[lo - 1], "'s") || !strcmp(s->fold[lo - 1], "\xe2\x80\x99s") ||
                                 !strcmp(s->lemma[lo - 1], "'s"))) {
            /* "Russia's Foreign Ministry" with "Russia" hung elsewhere */
            ctry = code_hit_kind(s, lo - 2, K_PLACE | K_ORG);
            if (ctry)
                via = lo - 2;
        }
        if (!ctry && !s->d->petrarch && ag->code &&
            (!strcmp(ag->code, "CVL") || !strcmp(ag->code, "LEG") || !strcmp(ag->code, "OPP") ||
             !strcmp(ag->code, "REB") || !strcmp(ag->code, "COP") || !strcmp(ag->code, "JUD"))) {
            /* "protesters broke into the parliament in Yerevan": people of
             * a domestic kind belong where the clause places them (not
             * "diplomats in Moscow": diplomats serve abroad) */
            int hv = code_head_of(s, h);
            ctry = in_place(s, h, -1, K_PLACE);
            if (!ctry)
                ctry = in_place(s, hv, -1, K_PLACE);
            /* "broke into the parliament in Yerevan" */
            for (int c = hv >= 0 ? s->first_child[hv] : -1; c >= 0 && !ctry; c = s->next_sib[c])
                if (code_rel_is(&s->w[c], "obl") || code_rel_eq(&s->w[c], "obj"))
                    ctry = in_place(s, c, -1, K_PLACE);
        }
        if (!ctry && title >= 0 && w->upos == DYAD_UPOS_PROPN && !s->d->petrarch &&
            code_rel_is(w, "nsubj")) {
            /* "In Tokyo, Trade Minister Hiroshige Seko denied ...": a titled
             * person of no known country speaking in a capital put before
             * the clause is that country's */
            ctry = in_place(s, code_head_of(s, h), h, K(DA_CAPITAL));
        }
        const char *role = ag->code, *pre = NULL;
        if (has_prefix_eli(s, h, &pre) || (title >= 0 && has_prefix_eli(s, title, &pre)))
            role = pre;
        if (!ctry && !s->d->petrarch && !pre) {
            /* "the government's spokesman", "a spokesman for the ministry":
             * the country of the body the agent speaks for, as resolved */
            for (int c = s->first_child[h]; c >= 0; c = s->next_sib[c]) {
                const char *p = code_prep_of(s, c);
                if (!(code_rel_is(&s->w[c], "nmod:poss") ||
                      (code_rel_is(&s->w[c], "nmod") && p && (!strcmp(p, "of") || !strcmp(p, "for")))) ||
                    !code_hit_kind(s, c, K(DA_AGENT)))
                    continue;
                code_resolve(s, c);
                const code_actor *b = &s->act[c];
                if (b->kind && b->country && strlen(b->country) == 3) {
                    a->kind = DA_AGENT;
                    a->how = "agent of a body resolved";
                    a->src = ag->src;
                    a->country = b->country;
                    snprintf(a->code, sizeof a->code, "%s%s", b->country, role);
                    return;
                }
            }
        }
        a->kind = DA_AGENT;
        a->how = "agent";
        a->src = ag->src;
        if (ctry) {
            a->country = ctry->country;
            if (ctry->kind == DA_INSTITUTION && !pre)
                snprintf(a->code, sizeof a->code, "%s", ctry->code);
            else if (*role && role[strlen(role) - 1] == '~')   /* PETRARCH "NGO~" */
                snprintf(a->code, sizeof a->code, "%.*s%s", (int)(strlen(role) - 1), role,
                         ctry->country);
            else
                snprintf(a->code, sizeof a->code, "%s%s", ctry->country, role);
            if (s->d->petrarch) {
                /* "An MSF Arnor diplomat": a prefix agent ("MSF [NGO~]")
                 * elsewhere in the phrase goes before the whole code */
                for (int k = petrarch_run_lo(s, lo); k <= hi && k < s->n; k++) {
                    if (k == h || k == title || k == via)
                        continue;
                    const dict_actor *pa = code_hit_kind(s, k, K(DA_AGENT));
                    size_t pl = pa && pa->code ? strlen(pa->code) : 0;
                    if (pl > 1 && pa->code[pl - 1] == '~' && strncmp(a->code, pa->code, pl - 1)) {
                        char buf[64];
                        snprintf(buf, sizeof buf, "%.*s%s", (int)(pl - 1), pa->code, a->code);
                        snprintf(a->code, sizeof a->code, "%s", buf);
                        break;
                    }
                }
            }
            /* "the Russian president" → the Russian president named earlier */
            /* (not "the leader of the Islamist alliance": an of-phrase names
             * someone else) */
            int of = 0;
            for (int c = s->first_child[h]; c >= 0; c = s->next_sib[c])
                if (code_rel_is(&s->w[c], "nmod") && code_prep_of(s, c) &&
                    !strcmp(code_prep_of(s, c), "of") && c != via)
                    of = 1;
            if (!a->plural && !of && (code_definite(s, h) || title < 0) &&
                w->upos != DYAD_UPOS_PROPN) {
                const code_actor *m = mem_find(s, want_same_role, a);
                if (m) {
                    take_actor(a, m, h, "code_definite description");
                }
            }
            return;
        }
        /* "the outgoing administration": the one named "the Obama
         * administration" before (not a person); "the government", "the
         * junta": the one named so before ("Mali's military government") */
        static const char *const BODIES[] = {"administration", "government", "junta", "regime",
                                             "authorities", NULL};
        if (code_definite(s, h) && code_in_list(s->fold[h], BODIES) && !s->d->petrarch) {
            const code_actor *m = mem_find(s, want_named_body, s->fold[h]);
            if (m) {
                take_actor(a, m, h, "code_definite description");
                return;
            }
        }
        /* "the troops": the military named before ("its troops") */
        static const char *const FORCES[] = {"troops", "forces", "soldiers", NULL};
        if (code_definite(s, h) && code_in_list(s->fold[h], FORCES) && !s->d->petrarch &&
            code_child_rel(s, h, "amod") < 0 && code_child_rel(s, h, "compound") < 0 &&
            code_child_rel(s, h, "nmod") < 0) {
            const code_actor *m = mem_find(s, want_military, NULL);
            if (m) {
                take_actor(a, m, h, "code_definite description");
                return;
            }
        }
        /* no country: an appositive may name the person ("Peskov, a spokesman") */
        if (code_definite(s, h) && !a->plural) {
            code_actor probe = *a;
            snprintf(probe.code, sizeof probe.code, "%s", ag->code);
            probe.country = "";
            const code_actor *m = NULL;
            size_t lo2 = s->coder && s->coder->n_mem > CODE_MEMORY ? s->coder->n_mem - CODE_MEMORY : 0;
            for (size_t i = s->coder ? s->coder->n_mem : 0; i > lo2 && !m; i--) {
                const code_actor *x = &s->coder->mem[(i - 1) % CODE_MEMORY];
                size_t n = strlen(x->code), k = strlen(ag->code);
                if (x->kind == DA_PERSON && n >= k && strcmp(x->code + n - k, ag->code) == 0)
                    m = x;
            }
            if (m) {
                take_actor(a, m, h, "code_definite description");
                return;
            }
        }
        if (s->d->petrarch) {
            /* PETRARCH: an agent of no known country is "---ROLE" */
            a->country = "---";
            if (*role && role[strlen(role) - 1] == '~')
                snprintf(a->code, sizeof a->code, "%.*s---", (int)(strlen(role) - 1), role);
            else
                snprintf(a->code, sizeof a->code, "---%s", role);
            return;
        }
        a->kind = 0;
        a->code[0] = 0;
    }
    /* "the North" / "the South" in a story about the two Koreas */
    if (!s->d->petrarch && w->upos == DYAD_UPOS_PROPN && code_definite(s, h) &&
        (!strcmp(s->fold[h], "north") || !strcmp(s->fold[h], "south")) &&
        code_child_rel(s, h, "compound") < 0 && code_child_rel(s, h, "flat") < 0 &&
        mem_find(s, want_country_is, "PRK") && mem_find(s, want_country_is, "KOR")) {
        code_actor own;
        as_country(&own, mem_find(s, want_country_is, s->fold[h][0] == 'n' ? "PRK" : "KOR"));
        take_actor(a, &own, h, "code_definite description");
        return;
    }
    /* "the alliance", "the kingdom": the organisation or country named
     * before (a modifier naming another one wins above) */
    static const char *const DESC_MEMBERS[] = {"ally", "member", "partner", NULL};
    int common = w->upos == DYAD_UPOS_NOUN ||
                 (w->upos == DYAD_UPOS_PROPN && w->len && w->form[0] >= 'a' && w->form[0] <= 'z');
    if (common && code_definite(s, h) &&
        (!a->plural || code_in_list(s->lemma[h], DESC_MEMBERS) || !strcmp(s->lemma[h], "leader"))) {
        const code_actor *m = NULL;
        if (code_in_list(s->lemma[h], DESC_ORG) || code_in_list(s->lemma[h], DESC_MEMBERS))
            m = mem_find(s, want_org, NULL);
        else if (a->plural && !strcmp(s->lemma[h], "leader") && code_child_rel(s, h, "nmod") < 0 &&
                 code_child_rel(s, h, "amod") < 0 && code_child_rel(s, h, "compound") < 0)
            m = mem_find(s, want_org_recent, &s->sentence);
        code_actor own;
        if (!m && code_in_list(s->lemma[h], DESC_COUNTRY) && !s->d->petrarch) {
            /* "Indian officials said the country would not give up": the
             * speaker's own country */
            int v = code_head_of(s, h);
            int sv = v >= 0 && code_rel_is(w, "nsubj") && code_rel_is(&s->w[v], "ccomp") ? code_head_of(s, v) : -1;
            int sp = sv >= 0 && code_in_list(s->lemma[sv], code_say) ? code_inherited_subject(s, sv, 0) : -1;
            if (sp >= 0 && sp < h) {
                code_resolve(s, sp);
                if (s->act[sp].kind && s->act[sp].country && strlen(s->act[sp].country) == 3) {
                    as_country(&own, &s->act[sp]);
                    m = &own;
                }
            }
        }
        if (!m && !s->d->petrarch && !strcmp(s->lemma[h], "kingdom"))
            m = mem_find_salient(s, KINGDOMS);
        if (!m && !s->d->petrarch && !strcmp(s->lemma[h], "emirate"))
            m = mem_find_salient(s, EMIRATES);
        if (!m && !s->d->petrarch && !strcmp(s->lemma[h], "island") && !a->plural) {
            m = mem_find_salient(s, ISLANDS);
            if (m) {
                as_country(&own, m);   /* the island is the country, not its government */
                m = &own;
            }
        }
        if (!m && code_in_list(s->lemma[h], DESC_COUNTRY))
            m = mem_find(s, want_country, NULL);
        if (m) {
            take_actor(a, m, h, "code_definite description");
            if (!strcmp(s->lemma[h], "regime") && strlen(m->code) == 3) {
                snprintf(a->code, sizeof a->code, "%sGOV", m->code);
            }
            return;
        }
    }
    /* an appositive ("Dmitry Peskov, the Kremlin spokesman") */
    int ap = code_child_rel(s, h, "appos");
    if (ap >= 0) {
        code_resolve(s, ap);
        if (s->act[ap].kind) {
            const char *text = a->text;
            *a = s->act[ap];
            a->text = text;
            a->name = w->upos == DYAD_UPOS_PROPN ? text : s->act[ap].name;
            a->head = h;
            a->how = "apposition";
        }
    }
    if (!a->kind && s->d->petrarch && w->upos == DYAD_UPOS_NOUN && s->ment[h] < 0) {
        /* PETRARCH: the actor named inside the noun phrase ("the KU
         * basketball team") */
        for (int k = petrarch_run_lo(s, lo); k < h; k++) {
            const dict_actor *m = code_hit_kind(s, k, K(DA_PERSON) | K_ORG | K_PLACE);
            if (m) {
                code_set_from_dict(s, a, m);
                a->head = h;
                a->how = "actor of the noun phrase";
                return;
            }
        }
    }
}

void code_resolve(sent *s, int h)
{
    if (h < 0 || s->done[h])
        return;
    s->done[h] = 1;
    memset(&s->act[h], 0, sizeof s->act[h]);
    resolve_np(s, h, &s->act[h]);
    if (!s->act[h].kind)
        s->act[h].code[0] = 0;
}
