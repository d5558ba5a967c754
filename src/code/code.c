/* code.c — the event coder: from one dependency-parsed sentence and a
 * compiled dictionary, the CAMEO events it reports (who did what to whom),
 * with mode and evidence.  Knows nothing of dictionary file formats.
 *
 * Steps per sentence: fold the words and find dictionary names (longest
 * match over the name trie); resolve every noun phrase head to an actor
 * (people by the article date, agents against a country in the phrase,
 * pronouns and definite descriptions against the document memory); match
 * each verb or nominal trigger against the verb lexicon (lemma, particle,
 * object head, preposition, xcomp); take source and target from the tree
 * edges; decide the mode from negation, modals, governing verbs, speech
 * verbs, quotation marks and past years. */
#include "code/code.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- per-sentence context */

typedef struct mention {
    int lo, hi;      /* words [lo, hi) */
    int32_t hit;     /* first dictionary hit */
} mention;

typedef struct frame {
    int prt;             /* compound:prt child or -1 */
    int passive;
    int subj;            /* nsubj (active) */
    int agent;           /* obl:agent / by-phrase of a passive */
    int patient;         /* nsubj:pass */
    int obj, iobj, xcomp;
} frame;

typedef struct sent {
    const dyad_dict *d;
    dyad_coder *coder;
    dyad_arena *a;
    const dyad_word *w;
    int n;
    const char **fold;   /* folded forms */
    const char **lemma;  /* folded lemmas */
    int *first_child, *next_sib;
    int *ment;           /* mention index per word, -1 */
    mention *m;
    int n_m;
    code_actor *act;     /* resolved actor per word (kind 0 = none) */
    char *done;          /* act[] computed */
    int32_t date;
    int quote_parity_ok;
    char *in_quote;
    /* output */
    dyad_event *ev;
    size_t n_ev, cap_ev;
    uint32_t sentence;
    const char *text, *date_str;
    int say_head;        /* set by mode_of: the speech verb of a report */
    int dateline;        /* words [0, dateline) are a dateline */
} sent;

static int rel_is(const dyad_word *w, const char *r)
{
    size_t n = strlen(r);
    return w->deprel && strncmp(w->deprel, r, n) == 0 &&
           (w->deprel[n] == 0 || w->deprel[n] == ':');
}

static int rel_eq(const dyad_word *w, const char *r)
{
    return w->deprel && strcmp(w->deprel, r) == 0;
}

static int head_of(const sent *s, int i)
{
    int h = s->w[i].head - 1;
    return h >= 0 && h < s->n ? h : -1;
}

static int in_list(const char *x, const char *const *list)
{
    if (!x)
        return 0;
    for (; *list; list++)
        if (strcmp(x, *list) == 0)
            return 1;
    return 0;
}

/* the case/mark preposition of a nominal, folded, or NULL */
static const char *prep_of(const sent *s, int i)
{
    for (int c = s->first_child[i]; c >= 0; c = s->next_sib[c])
        if (rel_eq(&s->w[c], "case") && strcmp(s->lemma[c], "'s") != 0)
            return s->lemma[c];
    return NULL;
}

static int child_rel(const sent *s, int i, const char *r)
{
    for (int c = s->first_child[i]; c >= 0; c = s->next_sib[c])
        if (rel_is(&s->w[c], r))
            return c;
    return -1;
}

static int child_rel_eq(const sent *s, int i, const char *r)
{
    for (int c = s->first_child[i]; c >= 0; c = s->next_sib[c])
        if (rel_eq(&s->w[c], r))
            return c;
    return -1;
}

static const char *word_str_(sent *s, int i)
{
    return dyad_arena_strndup(s->a, s->w[i].form, s->w[i].len);
}

static int year_of(const sent *s, int i)
{
    const char *f = s->fold[i];
    if (strlen(f) != 4 || (f[0] != '1' && f[0] != '2'))
        return 0;
    for (int k = 0; k < 4; k++)
        if (f[k] < '0' || f[k] > '9')
            return 0;
    int y = atoi(f);
    return y >= 1900 && y <= 2100 ? y : 0;
}

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

static void find_mentions(sent *s)
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

/* The first actor of a mention whose kind is in the mask. */
static const dict_actor *hit_kind(const sent *s, int word, unsigned mask)
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
        if (mask & (1u << a->kind))
            return a;
    }
    return NULL;
}

#define K(x) (1u << (x))
#define K_ORG (K(DA_INSTITUTION) | K(DA_IGO) | K(DA_GROUP))
#define K_PLACE (K(DA_COUNTRY) | K(DA_CAPITAL))

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
        if (rel_is(w, "compound") || rel_is(w, "flat") || rel_is(w, "amod") ||
            rel_is(w, "nmod:poss") || rel_eq(&s->w[c], "det")) {
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

static const char *person_code(sent *s, const dict_actor *p, char *buf, size_t cap)
{
    const dict_role *best = NULL;
    for (size_t i = 0; i < p->n_roles; i++) {
        const dict_role *r = &p->roles[i];
        if (!r->from && !r->to) {
            if (!best)
                best = r;
            continue;
        }
        if (s->date && (!r->from || s->date >= r->from) &&
            (!r->to || s->date <= r->to))
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

static void set_from_dict(sent *s, code_actor *a, const dict_actor *d)
{
    char buf[40];
    a->kind = d->kind;
    a->country = d->country ? d->country : "";
    a->name = d->name;
    a->src = d->src;
    if (d->kind == DA_PERSON) {
        snprintf(a->code, sizeof a->code, "%s", person_code(s, d, buf, sizeof buf));
        a->how = "person";
        if (!*a->country && strlen(a->code) >= 3) {
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

static int is_plural(const dyad_word *w)
{
    return (w->feats && strstr(w->feats, "Number=Plur")) ||
           (w->xpos && (!strcmp(w->xpos, "NNS") || !strcmp(w->xpos, "NNPS")));
}

/* ---- memory */

static void mem_push(sent *s, const code_actor *a)
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
    m->subject = a->head >= 0 && a->head < s->n && rel_is(&s->w[a->head], "nsubj");
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

static void resolve(sent *s, int h);

/* Country context of an agent noun: adjective, country name, capital or
 * institution among its modifiers or in an "of X" / possessive phrase. */
static const dict_actor *agent_country_d(sent *s, int h, int *via, int depth)
{
    if (depth > 6)
        return NULL;
    for (int c = s->first_child[h]; c >= 0; c = s->next_sib[c]) {
        const dyad_word *w = &s->w[c];
        if (!(rel_is(w, "compound") || rel_is(w, "amod") || rel_is(w, "nmod") ||
              rel_is(w, "flat")))
            continue;
        if (rel_is(w, "nmod") && !rel_is(w, "nmod:poss")) {
            const char *p = prep_of(s, c);
            if (!p || (strcmp(p, "of") && strcmp(p, "from")))
                continue;
        }
        const dict_actor *a = hit_kind(s, c, K(DA_ADJ) | K_PLACE | K(DA_DEMONYM) | K_ORG);
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
        if (!(rel_is(&s->w[c], "amod") || rel_is(&s->w[c], "compound")))
            continue;
        const dict_actor *p = hit_kind(s, c, K(DA_AGENT_PREFIX));
        if (p) {
            *code = p->code;
            return 1;
        }
    }
    return 0;
}

static int definite(const sent *s, int h)
{
    int c = child_rel_eq(s, h, "det");
    return c >= 0 && strcmp(s->lemma[c], "the") == 0;
}

static const char *const SAY[] = {"say", "tell", "claim", "state", "add", "insist",
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

static int want_country(const code_actor *m, const void *arg)
{
    (void)arg;
    return m->kind == DA_COUNTRY;
}

static void resolve_np(sent *s, int h, code_actor *a)
{
    const dyad_word *w = &s->w[h];
    int lo, hi;
    np_bounds(s, h, &lo, &hi);
    a->head = h;
    a->plural = is_plural(w);
    a->text = span_text(s, lo, hi + 1);
    a->name = a->text;
    a->country = "";
    a->src = "";

    if (w->upos == DYAD_UPOS_PRON) {
        const code_actor *m = NULL;
        /* "Trump recognized him": an object pronoun is not its clause's subject */
        const char *exclude = NULL;
        int hv = head_of(s, h);
        if (hv >= 0 && !rel_is(w, "nsubj") && !rel_is(w, "nmod:poss") &&
            !in_list(s->lemma[hv], SAY)) {
            for (int c = s->first_child[hv]; c >= 0; c = s->next_sib[c])
                if (rel_is(&s->w[c], "nsubj") && c < h && s->done[c] && s->act[c].kind)
                    exclude = s->act[c].name;
        }
        if (in_list(s->lemma[h], PRON_PERSON) || in_list(s->fold[h], PRON_PERSON))
            m = mem_find_pronoun(s, want_person, exclude);
        else if (in_list(s->lemma[h], PRON_GROUP) || in_list(s->fold[h], PRON_GROUP))
            m = mem_find_pronoun(s, want_group, exclude);
        else if ((in_list(s->lemma[h], PRON_THING) || in_list(s->fold[h], PRON_THING)) &&
                 (rel_is(w, "nsubj") || rel_is(w, "nmod:poss") ||
                  (rel_eq(w, "obj") && head_of(s, h) >= 0 && in_list(s->lemma[head_of(s, h)], SAY))))
            m = mem_find_pronoun(s, want_thing, exclude); /* an object "it" is mostly a thing */
        if (m) {
            const char *text = a->text;
            *a = *m;
            a->text = text;
            a->head = h;
            a->how = "pronoun";
        }
        return;
    }
    /* a name covering the head: person, organisation, country, capital */
    const dict_actor *d = hit_kind(s, h, K(DA_PERSON) | K_ORG | K_PLACE | K(DA_DEMONYM));
    if (!d) {
        /* a flat/compound name part of the head ("Vladimir" head of "Putin") */
        for (int c = s->first_child[h]; c >= 0 && !d; c = s->next_sib[c])
            if (rel_is(&s->w[c], "flat"))
                d = hit_kind(s, c, K(DA_PERSON));
    }
    if (d) {
        set_from_dict(s, a, d);
        return;
    }
    /* an agent noun, or a proper name titled by one ("spokesman Peskov") */
    const dict_actor *ag = hit_kind(s, h, K(DA_AGENT));
    int title = -1;
    if (!ag && (w->upos == DYAD_UPOS_PROPN)) {
        for (int c = s->first_child[h]; c >= 0 && !ag; c = s->next_sib[c])
            if (rel_is(&s->w[c], "compound") || rel_is(&s->w[c], "amod")) {
                ag = hit_kind(s, c, K(DA_AGENT));
                if (ag)
                    title = c;
            }
    }
    if (ag) {
        int via = -1;
        const dict_actor *ctry = agent_country(s, h, &via);
        if (!ctry && title >= 0)
            ctry = agent_country(s, title, &via);
        const char *role = ag->code, *pre = NULL;
        if (has_prefix_eli(s, h, &pre) || (title >= 0 && has_prefix_eli(s, title, &pre)))
            role = pre;
        a->kind = DA_AGENT;
        a->how = "agent";
        a->src = ag->src;
        if (ctry) {
            a->country = ctry->country;
            if (ctry->kind == DA_INSTITUTION && !pre)
                snprintf(a->code, sizeof a->code, "%s", ctry->code);
            else
                snprintf(a->code, sizeof a->code, "%s%s", ctry->country, role);
            /* "the Russian president" → the Russian president named earlier */
            if (!a->plural && (definite(s, h) || title < 0) && w->upos != DYAD_UPOS_PROPN) {
                const code_actor *m = mem_find(s, want_same_role, a);
                if (m) {
                    const char *text = a->text;
                    *a = *m;
                    a->text = text;
                    a->head = h;
                    a->how = "definite description";
                }
            }
            return;
        }
        /* no country: an appositive may name the person ("Peskov, a spokesman") */
        if (definite(s, h) && !a->plural) {
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
                const char *text = a->text;
                *a = *m;
                a->text = text;
                a->head = h;
                a->how = "definite description";
                return;
            }
        }
        a->kind = 0;
        a->code[0] = 0;
    }
    /* "the alliance", "the kingdom": the organisation or country named
     * before (a modifier naming another one wins above) */
    static const char *const DESC_MEMBERS[] = {"ally", "member", "partner", NULL};
    if (w->upos == DYAD_UPOS_NOUN && definite(s, h) &&
        (!a->plural || in_list(s->lemma[h], DESC_MEMBERS))) {
        const code_actor *m = NULL;
        if (in_list(s->lemma[h], DESC_ORG) || in_list(s->lemma[h], DESC_MEMBERS))
            m = mem_find(s, want_org, NULL);
        else if (in_list(s->lemma[h], DESC_COUNTRY))
            m = mem_find(s, want_country, NULL);
        if (m) {
            const char *text = a->text;
            *a = *m;
            a->text = text;
            a->head = h;
            a->how = "definite description";
            if (!strcmp(s->lemma[h], "regime") && strlen(m->code) == 3) {
                snprintf(a->code, sizeof a->code, "%sGOV", m->code);
            }
            return;
        }
    }
    /* an appositive ("Dmitry Peskov, the Kremlin spokesman") */
    int ap = child_rel(s, h, "appos");
    if (ap >= 0) {
        resolve(s, ap);
        if (s->act[ap].kind) {
            const char *text = a->text;
            *a = s->act[ap];
            a->text = text;
            a->name = w->upos == DYAD_UPOS_PROPN ? text : s->act[ap].name;
            a->head = h;
            a->how = "apposition";
        }
    }
}

static void resolve(sent *s, int h)
{
    if (h < 0 || s->done[h])
        return;
    s->done[h] = 1;
    memset(&s->act[h], 0, sizeof s->act[h]);
    resolve_np(s, h, &s->act[h]);
    if (!s->act[h].kind)
        s->act[h].code[0] = 0;
}

/* ---- frames */

static void get_frame(const sent *s, int v, frame *f)
{
    memset(f, 0, sizeof *f);
    f->prt = f->subj = f->agent = f->patient = f->obj = f->iobj = f->xcomp = -1;
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c]) {
        const dyad_word *w = &s->w[c];
        if (rel_eq(w, "compound:prt")) f->prt = c;
        else if (rel_eq(w, "nsubj:pass")) { f->patient = c; f->passive = 1; }
        else if (rel_eq(w, "aux:pass")) f->passive = 1;
        else if (rel_is(w, "nsubj") && f->subj < 0 && c >= s->dateline) f->subj = c;
        else if (rel_eq(w, "obj") && f->obj < 0) f->obj = c;
        else if (rel_eq(w, "iobj")) f->iobj = c;
        else if (rel_eq(w, "xcomp") && f->xcomp < 0) f->xcomp = c;
        else if (rel_eq(w, "obl:agent")) f->agent = c;
    }
    /* "urged Israel to show restraint" parsed as an infinitival advcl */
    if (f->xcomp < 0)
        for (int c = s->first_child[v]; c >= 0 && f->xcomp < 0; c = s->next_sib[c])
            if (rel_is(&s->w[c], "advcl")) {
                int mk = child_rel_eq(s, c, "mark");
                if (mk >= 0 && !strcmp(s->lemma[mk], "to") && c > v)
                    f->xcomp = c;
            }
    if (f->passive && f->agent < 0)
        for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
            if (rel_is(&s->w[c], "obl")) {
                const char *p = prep_of(s, c);
                if (p && !strcmp(p, "by"))
                    f->agent = c;
            }
}

/* The subject a verb without one shares with its governor (control,
 * coordination, relative clauses). */
static int inherited_subject(const sent *s, int v, int depth)
{
    frame f;
    get_frame(s, v, &f);
    if (f.passive && f.agent >= 0)
        return f.agent;
    if (!f.passive && f.subj >= 0) {
        const char *l = s->lemma[f.subj];
        if (rel_is(&s->w[v], "acl") && (!strcmp(l, "that") || !strcmp(l, "which") || !strcmp(l, "who")))
            return head_of(s, v);
        return f.subj;
    }
    if (depth > 3)
        return -1;
    int h = head_of(s, v);
    if (h < 0)
        return -1;
    if (rel_eq(&s->w[v], "xcomp") || rel_eq(&s->w[v], "conj")) {
        if (f.passive)
            return -1;
        if (rel_eq(&s->w[v], "xcomp")) {
            /* object control: "urged Russia to withdraw" */
            frame g;
            get_frame(s, h, &g);
            if (g.obj >= 0 && g.obj != v)
                return g.obj;
            if (!strcmp(s->lemma[h], "call"))
                for (int c = s->first_child[h]; c >= 0; c = s->next_sib[c]) {
                    const char *p = rel_is(&s->w[c], "obl") ? prep_of(s, c) : NULL;
                    if (p && !strcmp(p, "on"))
                        return c;
                }
        }
        return inherited_subject(s, h, depth + 1);
    }
    if (rel_is(&s->w[v], "acl") && !f.passive)
        return h;   /* "a country imposing sanctions" */
    if (rel_is(&s->w[v], "advcl") && !f.passive)
        return inherited_subject(s, h, depth + 1); /* "responded by breaking ties" */
    if (rel_is(&s->w[v], "ccomp") && !f.passive) {
        /* "said it regretted", with "it" misattached as the object of "said" */
        frame g;
        get_frame(s, h, &g);
        if (g.obj >= 0 && g.obj < v && s->w[g.obj].upos == DYAD_UPOS_PRON)
            return g.obj;
    }
    return -1;
}

/* ---- lexicon matching */

static int list_has(const char **l, size_t n, const char *x)
{
    if (!x)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(l[i], x) == 0)
            return 1;
    return 0;
}

static int has_pp(const sent *s, int v, const char **pp, size_t n, int *which)
{
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c]) {
        if (!rel_is(&s->w[c], "obl") && !rel_is(&s->w[c], "nmod") && !rel_is(&s->w[c], "advmod") &&
            !rel_is(&s->w[c], "xcomp") && !rel_is(&s->w[c], "obj"))
            continue;
        const char *p = prep_of(s, c);
        char buf[128];
        snprintf(buf, sizeof buf, "%s %s", p ? p : "", s->lemma[c]);
        const char *key = p ? buf : s->lemma[c];
        if (list_has(pp, n, key) || list_has(pp, n, s->lemma[c])) {
            *which = c;
            return 1;
        }
    }
    return 0;
}

typedef struct match {
    const dict_verb *e;
    int score;
    int objw;   /* the word that matched obj=, or -1 */
    int ppw;    /* the word that matched pp=, or -1 */
} match;

/* One obj= value against a word: "sanction" (the head), or "hunger strike"
 * (head "strike" with a compound/amod modifier "hunger"). */
static int obj_value_matches(const sent *s, const char *val, int word)
{
    const char *sp = strrchr(val, ' ');
    if (!sp)
        return !strcmp(val, s->lemma[word]) || !strcmp(val, s->fold[word]);
    const char *head = sp + 1;
    if (strcmp(head, s->lemma[word]) && strcmp(head, s->fold[word]))
        return 0;
    size_t ml = (size_t)(sp - val);
    const char *mod = sp;
    while (mod > val && mod[-1] != ' ')
        mod--;
    ml = (size_t)(sp - mod);
    for (int c = s->first_child[word]; c >= 0; c = s->next_sib[c])
        if ((rel_is(&s->w[c], "compound") || rel_is(&s->w[c], "amod")) &&
            ((strlen(s->lemma[c]) == ml && !strncmp(s->lemma[c], mod, ml)) ||
             (strlen(s->fold[c]) == ml && !strncmp(s->fold[c], mod, ml))))
            return 1;
    return 0;
}

static int obj_matches(const sent *s, const dict_verb *e, int word)
{
    if (word < 0)
        return 0;
    for (size_t i = 0; i < e->n_obj; i++)
        if (obj_value_matches(s, e->obj[i], word))
            return 1;
    return 0;
}

/* "dozens of missiles", "a barrage of rockets": the measured noun */
static int transparent(const sent *s, int o)
{
    static const char *const QUANT[] = {"dozen", "dozens", "hundred", "hundreds", "thousand",
        "thousands", "score", "scores", "number", "barrage", "salvo", "volley", "series",
        "string", "wave", "couple", "handful", "pair", "round", "batch", "set", "lot",
        "package", "raft", "slew", "flurry", "spate", "host", "range", "total", "week",
        "month", "day", "year", "decade", "hour", NULL};
    for (int depth = 0; o >= 0 && depth < 2; depth++) {
        if (!in_list(s->lemma[o], QUANT) && s->w[o].upos != DYAD_UPOS_NUM)
            return o;
        int next = -1;
        for (int c = s->first_child[o]; c >= 0 && next < 0; c = s->next_sib[c]) {
            if (rel_is(&s->w[c], "nmod") && prep_of(s, c) && !strcmp(prep_of(s, c), "of"))
                next = c;
            int mk = rel_is(&s->w[c], "acl") ? child_rel_eq(s, c, "mark") : -1;
            if (mk >= 0 && !strcmp(s->lemma[mk], "of"))   /* "weeks of fighting" */
                next = c;
        }
        if (next < 0)
            return o;
        o = next;
    }
    return o;
}

static match best_entry(const sent *s, int v, int noun)
{
    match best = {NULL, -1000, -1, -1};
    int32_t i = dict_first_verb(s->d, s->lemma[v]);
    if (i < 0 && strcmp(s->lemma[v], s->fold[v]))
        i = dict_first_verb(s->d, s->fold[v]);
    if (i < 0)
        return best;
    frame f;
    get_frame(s, v, &f);
    const char *prt = f.prt >= 0 ? s->lemma[f.prt] : NULL;
    for (; i >= 0; i = s->d->verbs[i].next) {
        const dict_verb *e = &s->d->verbs[i];
        if (!!(e->flags & DV_NOUN) != noun)
            continue;
        int score = 1, objw = -1, ppw = -1;
        if (e->prt) {
            if (!prt || strcmp(prt, e->prt))
                continue;
            score += 4;
        } else if (prt) {
            score -= 2;
        }
        int ov = v;   /* the verb whose object is checked */
        if (e->to) {
            if (f.xcomp < 0 || strcmp(s->lemma[f.xcomp], e->to))
                continue;
            score += 4;
            ov = f.xcomp;
        }
        if (e->n_obj) {
            frame g;
            get_frame(s, ov, &g);
            int o = transparent(s, g.obj >= 0 ? g.obj : g.patient);
            if (noun) {
                /* nominal entries: obj= names a modifier ("peace talks") */
                o = -1;
                for (int c = s->first_child[v]; c >= 0 && o < 0; c = s->next_sib[c])
                    if ((rel_is(&s->w[c], "compound") || rel_is(&s->w[c], "amod")) &&
                        obj_matches(s, e, c))
                        o = c;
            }
            if (!obj_matches(s, e, o)) {
                /* "impose new sanctions and an embargo": a conjunct object */
                int ok = 0;
                for (int c = o >= 0 ? s->first_child[o] : -1; c >= 0 && !ok; c = s->next_sib[c])
                    if (rel_eq(&s->w[c], "conj") && obj_matches(s, e, c))
                        ok = 1;
                if (!ok)
                    continue;
            }
            objw = o;
            score += 4;
        }
        if (e->n_pp) {
            if (!has_pp(s, v, e->pp, e->n_pp, &ppw))
                continue;
            score += 5;
        }
        if (e->n_prep) {
            /* soft: a phrase with one of the prepositions scores, its
             * absence costs ("call on X" vs "call X") */
            int found = 0;
            for (int pass = 0; pass < 2 && !found; pass++) {
                int base = pass == 0 ? v : objw;
                if (base < 0)
                    continue;
                for (int c = s->first_child[base]; c >= 0 && !found; c = s->next_sib[c]) {
                    if (!rel_is(&s->w[c], "obl") && !rel_is(&s->w[c], "nmod"))
                        continue;
                    const char *p = prep_of(s, c);
                    if (p && (list_has(e->prep, e->n_prep, p) ||
                              (noun && (e->flags & DV_SYM) && !strcmp(p, "between"))))
                        found = 1;
                }
            }
            if (!found && f.prt >= 0 && list_has(e->prep, e->n_prep, s->lemma[f.prt]))
                found = 1;   /* "call on" parsed as a particle */
            if (!found && noun)
                continue;   /* a nominal event needs its phrase */
            score += found ? 2 : -1;
        }
        if (score > best.score) {
            best.e = e;
            best.score = score;
            best.objw = objw;
            best.ppw = ppw;
        }
    }
    return best;
}

/* ---- mode */

static const char *const NEG[] = {"not", "never", "n't", "no", NULL};
static const char *const MODAL[] = {"may", "might", "could", "would", "should", "must",
                                    "'d", NULL};
/* governors that make what they govern hypothetical */
static const char *const INTENT[] = {"threaten", "plan", "want", "seek", "intend", "hope",
    "aim", "propose", "offer", "promise", "vow", "pledge", "expect", "consider",
    "prepare", "try", "attempt", "agree", "wish", "push", "warn", "urge", "call",
    "ask", "demand", "decide", "scheme", "mull", "weigh", "move", "set", "threat",
    "plot", "look", "aspire", "strive", "volunteer", "resolve", "commit", "press",
    "order", "tell", "invite", "encourage", "pressure", "persuade", "need", "due",
    "schedule", "slate", "poise", "likely", "ready", "go", "eager", "willing", NULL};
/* ... and those whose intent is itself an event (036, 13x, 12x) */
static const char *const INTENT_EVENT[] = {"threaten", "warn", "plan", "intend", "want",
    "seek", "hope", "aim", "propose", "offer", "promise", "vow", "pledge", "agree",
    "prepare", "decide", "commit", "volunteer", "refuse", "decline", "reject", NULL};
static const char *const REFUSE[] = {"refuse", "decline", "fail", "reject", "deny",
                                     "oppose", "avoid", "hesitate", NULL};


static int own_negated(const sent *s, int v)
{
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
        if ((rel_is(&s->w[c], "advmod") || rel_is(&s->w[c], "neg") ||
             rel_eq(&s->w[c], "det")) &&
            (in_list(s->lemma[c], NEG) || in_list(s->fold[c], NEG)))
            return 1;
    return 0;
}

static int own_modal(const sent *s, int v)
{
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
        if (rel_is(&s->w[c], "aux") && (in_list(s->lemma[c], MODAL) || in_list(s->fold[c], MODAL)))
            return 1;
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
        if (rel_eq(&s->w[c], "mark") && !strcmp(s->lemma[c], "if"))
            return 1;
    return 0;
}

static int month_of(const char *f)
{
    static const char *const M[] = {"january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december"};
    static const char *const A[] = {"jan.", "feb.", "mar.", "apr.", "may", "jun.", "jul.",
        "aug.", "sept.", "oct.", "nov.", "dec."};
    for (int i = 0; i < 12; i++)
        if (!strcmp(f, M[i]) || !strcmp(f, A[i]))
            return i + 1;
    return 0;
}

/* "in September" (before the article's month), "last year" */
static int past_time_word(const sent *s, int c)
{
    int mon = month_of(s->fold[c]);
    int now_m = (s->date / 100) % 100;
    if (mon && now_m && mon < now_m - 1 && s->w[c].upos == DYAD_UPOS_PROPN)
        return 1;
    if (!strcmp(s->lemma[c], "year") || !strcmp(s->lemma[c], "decade")) {
        for (int g = s->first_child[c]; g >= 0; g = s->next_sib[g])
            if (!strcmp(s->lemma[g], "last") || !strcmp(s->lemma[g], "previous"))
                return 1;
    }
    if (!strcmp(s->lemma[c], "ago"))
        return 1;
    return 0;
}

static int past_year(const sent *s, int v)
{
    int now = s->date / 10000;
    if (!now)
        return 0;
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
        if ((rel_is(&s->w[c], "obl") || rel_is(&s->w[c], "advmod") || rel_is(&s->w[c], "nmod")) &&
            past_time_word(s, c))
            return 1;
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c]) {
        const dyad_word *w = &s->w[c];
        int y = year_of(s, c);
        if (y && y < now && (rel_is(w, "obl") || rel_is(w, "nmod") || rel_is(w, "nummod") ||
                              rel_is(w, "compound") || rel_is(w, "amod") || rel_is(w, "advmod")))
            return 1;
        /* "in March 2014", "in the 2014 annexation" */
        if (rel_is(w, "obl") || rel_is(w, "nmod") || rel_is(w, "advcl")) {
            for (int g = s->first_child[c]; g >= 0; g = s->next_sib[g]) {
                int y2 = year_of(s, g);
                if (y2 && y2 < now)
                    return 1;
            }
        }
    }
    return 0;
}

static int mode_of(const sent *s, int v, int *xmode_from)
{
    ((sent *)s)->say_head = -1;
    *xmode_from = -1;
    if (own_negated(s, v))
        return DYAD_MODE_NEGATED;
    if (own_modal(s, v))
        return DYAD_MODE_HYPOTHETICAL;
    /* governing verbs along xcomp / ccomp / advcl edges */
    int reported = 0, x = v;
    for (int depth = 0; depth < 8; depth++) {
        int h = head_of(s, x);
        if (h < 0)
            break;
        const dyad_word *e = &s->w[x];
        if (rel_eq(e, "xcomp")) {
            if (in_list(s->lemma[h], REFUSE)) {
                *xmode_from = h;
                return DYAD_MODE_NEGATED;
            }
            if (in_list(s->lemma[h], INTENT)) {
                *xmode_from = h;
                return DYAD_MODE_HYPOTHETICAL;
            }
            if (own_negated(s, h))
                return DYAD_MODE_NEGATED;
            if (own_modal(s, h))
                return DYAD_MODE_HYPOTHETICAL;
        } else if (rel_is(e, "ccomp") || rel_is(e, "parataxis")) {
            if (in_list(s->lemma[h], SAY)) {
                reported = 1;
                ((sent *)s)->say_head = h;
            }
        } else if (rel_is(e, "advcl")) {
            int mk = child_rel_eq(s, x, "mark");
            if (mk >= 0 && !strcmp(s->lemma[mk], "if"))
                return DYAD_MODE_HYPOTHETICAL;
        } else if (!rel_eq(e, "conj")) {
            break;
        }
        x = h;
    }
    if (past_year(s, v))
        return DYAD_MODE_HISTORICAL;
    if (reported || s->in_quote[v])
        return DYAD_MODE_REPORTED;
    return DYAD_MODE_ASSERTED;
}

/* ---- events */

static const char *const DEFAULT_PREPS[] = {"on", "against", "with", "to", NULL};

static int add_cands(sent *s, int word, int *out, int n, int max)
{
    if (word < 0 || n >= max)
        return n;
    resolve(s, word);
    if (s->act[word].kind && n < max)
        out[n++] = word;
    for (int c = s->first_child[word]; c >= 0 && n < max; c = s->next_sib[c])
        if (rel_eq(&s->w[c], "conj")) {
            resolve(s, c);
            if (s->act[c].kind)
                out[n++] = c;
        }
    return n;
}

/* Targets in obl/nmod phrases of word v introduced by one of preps. */
static int pp_targets(sent *s, int v, const dict_verb *e, int *out, int n, int max)
{
    for (int c = s->first_child[v]; c >= 0 && n < max; c = s->next_sib[c]) {
        if (!rel_is(&s->w[c], "obl") && !rel_is(&s->w[c], "nmod"))
            continue;
        if (rel_eq(&s->w[c], "obl:agent") || rel_is(&s->w[c], "nmod:poss"))
            continue;
        const char *p = prep_of(s, c);
        if (!p)
            continue;
        int ok = e && e->n_prep ? list_has(e->prep, e->n_prep, p) : in_list(p, DEFAULT_PREPS);
        if (ok)
            n = add_cands(s, c, out, n, max);
    }
    return n;
}

/* A target that is only things belonging to a country or a place in it
 * ("tariffs on Chinese imports", "three sites in Syria"): the country. */
static int owner_d(sent *s, int x, int depth)
{
    if (x < 0 || depth > 3)
        return -1;
    for (int c = s->first_child[x]; c >= 0; c = s->next_sib[c]) {
        const dyad_word *w = &s->w[c];
        if (!(rel_is(w, "nmod") || rel_is(w, "amod") || rel_is(w, "compound")))
            continue;
        if (rel_is(w, "nmod") && !rel_is(w, "nmod:poss")) {
            static const char *const OWN[] = {"of", "in", "inside", "within", "across", NULL};
            const char *p = prep_of(s, c);
            if (p && !in_list(p, OWN))
                continue;   /* "into the sea off Japan" is not Japan */
        }
        const dict_actor *d = hit_kind(s, c, K_PLACE | K(DA_ADJ) | K(DA_DEMONYM) | K_ORG |
                                             K(DA_PERSON));
        if (d && *d->country) {
            code_actor *a = &s->act[c];
            if (!a->kind) {
                memset(a, 0, sizeof *a);
                snprintf(a->code, sizeof a->code, "%s", d->country);
                a->kind = DA_COUNTRY;
                a->country = d->country;
                a->name = d->name;
                a->text = word_str_(s, c);
                a->src = d->src;
                a->how = "owner";
                a->head = c;
                s->done[c] = 1;
            }
            return c;
        }
        int r = owner_d(s, c, depth + 1);
        if (r >= 0)
            return r;
    }
    return -1;
}

static void cat(char *buf, size_t cap, const char *fmt, const char *a, const char *b,
                const char *c)
{
    size_t n = strlen(buf);
    if (n + 1 < cap)
        snprintf(buf + n, cap - n, fmt, a, b, c);
}

static const char *word_str(sent *s, int i)
{
    if (i < 0 || i >= s->n)
        return "(earlier event)";
    return dyad_arena_strndup(s->a, s->w[i].form, s->w[i].len);
}

/* Nouns that name an event done earlier ("denounced the strikes",
 * "regretted the increase"): their doers become the target. */
static const char *const EVENT_NOUNS[] = {"strike", "attack", "operation", "action", "raid",
    "bombing", "airstrike", "launch", "test", "invasion", "offensive", "increase", "hike",
    "tariff", "sanction", "move", "decision", "step", "annexation", "incursion", "assault",
    "shelling", "killing", "execution", "arrest", "detention", "expulsion", "measure",
    "crackdown", "blockade", "deployment", "missile", "provocation", "escalation", NULL};

static void remember_doers(sent *s, const int *srcs, int ns, int v, int objw)
{
    dyad_coder *c = s->coder;
    if (!c)
        return;
    if (c->n_done == CODE_DONE) {   /* keep the first (the story's lead) */
        memmove(&c->done[1], &c->done[2], (CODE_DONE - 2) * sizeof c->done[0]);
        c->n_done--;
    }
    struct code_done *d = &c->done[c->n_done++];
    memset(d, 0, sizeof *d);
    snprintf(d->trig, sizeof d->trig, "%s", s->lemma[v]);
    if (objw >= 0)
        snprintf(d->obj, sizeof d->obj, "%s", s->lemma[objw]);
    for (int i = 0; i < ns && d->n < CODE_LAST; i++) {
        code_actor *m = &d->doers[d->n++];
        *m = s->act[srcs[i]];
        m->name = dyad_arena_strdup(c->arena, m->name ? m->name : "");
        m->text = dyad_arena_strdup(c->arena, m->text ? m->text : "");
        m->country = dyad_arena_strdup(c->arena, m->country ? m->country : "");
        m->src = dyad_arena_strdup(c->arena, m->src ? m->src : "");
        m->how = "earlier event";
        m->head = -1;
    }
}

static int push_event(sent *s, const char *code, int src, int tgt, int mode,
                      const char *verb, const char *evid)
{
    const dict_code *c = dict_code_find(s->d, code);
    if (!c)
        return 0;
    if (s->n_ev == s->cap_ev) {
        size_t cap = s->cap_ev ? s->cap_ev * 2 : 8;
        dyad_event *ne = dyad_arena_alloc(s->a, cap * sizeof *ne);
        if (!ne)
            return DYAD_ENOMEM;
        if (s->n_ev)
            memcpy(ne, s->ev, s->n_ev * sizeof *ne);
        s->ev = ne;
        s->cap_ev = cap;
    }
    const code_actor *sa = &s->act[src];
    const code_actor *ta = tgt >= 0 ? &s->act[tgt] : NULL;
    /* "USAGOV -> USA": a country acting on itself as a whole says nothing */
    if (ta && *sa->country && !strcmp(sa->country, ta->country) &&
        !strcmp(ta->code, ta->country) && strcmp(sa->code, sa->country))
        return 0;
    /* the same event twice (coordination, two matching paths) */
    for (size_t i = 0; i < s->n_ev; i++) {
        dyad_event *o = &s->ev[i];
        if (!strcmp(o->code, code) && !strcmp(o->source.text, sa->text) &&
            !strcmp(o->target.text, ta ? ta->text : ""))
            return 0;
    }
    dyad_event *e = &s->ev[s->n_ev++];
    memset(e, 0, sizeof *e);
    e->sentence = s->sentence;
    e->text = s->text ? s->text : "";
    e->date = s->date_str ? s->date_str : "";
    /* copies: remembered actors live in the coder, which the caller frees */
    e->source.code = dyad_arena_strdup(s->a, sa->code);
    e->source.country = dyad_arena_strdup(s->a, sa->country ? sa->country : "");
    e->source.name = dyad_arena_strdup(s->a, sa->name ? sa->name : "");
    e->source.text = dyad_arena_strdup(s->a, sa->text ? sa->text : "");
    e->target.code = dyad_arena_strdup(s->a, ta ? ta->code : "");
    e->target.country = dyad_arena_strdup(s->a, ta && ta->country ? ta->country : "");
    e->target.name = dyad_arena_strdup(s->a, ta && ta->name ? ta->name : "");
    e->target.text = dyad_arena_strdup(s->a, ta && ta->text ? ta->text : "");
    if (!e->source.code || !e->source.country || !e->source.name || !e->source.text ||
        !e->target.code || !e->target.country || !e->target.name || !e->target.text)
        return DYAD_ENOMEM;
    snprintf(e->code, sizeof e->code, "%s", code);
    snprintf(e->base, sizeof e->base, "%.3s", code);
    snprintf(e->root, sizeof e->root, "%.2s", code);
    const dict_code *b = dict_code_find(s->d, e->base);
    e->quad = c->quad;
    e->goldstein = c->goldstein;
    e->plover = *c->plover ? c->plover : (b ? b->plover : "");
    e->mode = mode;
    e->verb = verb;
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", evid);
    cat(buf, sizeof buf, "; source %s%s%s", sa->how ? sa->how : "actor",
        *sa->src ? " " : "", sa->src);
    if (ta)
        cat(buf, sizeof buf, "; target %s%s%s", ta->how ? ta->how : "actor",
            *ta->src ? " " : "", ta->src);
    e->evidence = dyad_arena_strdup(s->a, buf);
    return 0;
}

/* The code of an intent ("threaten to", "plan to", "refuse to") wrapped
 * around an embedded event code; NULL when CAMEO has none. */
static const char *intent_code(const char *gov, const char *code)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (!strcmp(gov, "threaten") || !strcmp(gov, "warn")) {
        if (!strncmp(code, "163", 3)) return "1312";
        if (!strncmp(code, "162", 3)) return "1311";
        if (!strncmp(code, "161", 3)) return "1313";
        if (!strncmp(code, "164", 3)) return "134";
        if (!strncmp(code, "165", 3)) return "135";
        if (!strncmp(code, "166", 3)) return "136";
        if (!strncmp(code, "172", 3)) return "132";
        if (!strncmp(code, "175", 3)) return "137";
        if (!strncmp(code, "191", 3)) return "1381";
        if (!strncmp(code, "192", 3)) return "1382";
        if (root == 14) return "133";
        if (root >= 18) return "138";
        if (root >= 15) return "130";
        return NULL;
    }
    if (in_list(gov, REFUSE)) {
        if (root == 4 || root == 3) return "125";
        if (root == 6 || root == 5) return "121";
        if (root == 7) return "122";
        if (root == 8) return "124";
        return NULL;
    }
    /* plan, agree, offer, promise ...: express intent (03x) */
    if (root >= 9)
        return NULL;
    if (root == 4) return "036";
    if (root == 6) return "031";
    if (root == 7) return "033";
    if (!strncmp(code, "0841", 4)) return "0353";
    if (!strncmp(code, "085", 3)) return "0354";
    if (!strncmp(code, "087", 3)) return "0356";
    if (root == 8) return "035";
    if (root == 5) return "032";
    if (root == 3) return code;
    return NULL;
}

static const char *third_place(sent *s, int v, const code_actor *a, const code_actor *b)
{
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c]) {
        if (!rel_is(&s->w[c], "obl"))
            continue;
        const char *p = prep_of(s, c);
        if (!p || (strcmp(p, "in") && strcmp(p, "at")))
            continue;
        const dict_actor *pl = hit_kind(s, c, K_PLACE);
        if (pl && strcmp(pl->country, a->country) && (!b || strcmp(pl->country, b->country)))
            return pl->country;
    }
    return NULL;
}

static int code_word(sent *s, int v, char *claimed)
{
    const dyad_word *w = &s->w[v];
    int noun = w->upos == DYAD_UPOS_NOUN || w->upos == DYAD_UPOS_PROPN;
    if (!noun && w->upos != DYAD_UPOS_VERB)
        return 0;
    if (noun && claimed[v])
        return 0;
    match m = best_entry(s, v, noun);
    if (!m.e)
        return 0;
    const dict_verb *e = m.e;
    frame f;
    get_frame(s, v, &f);
    int speaker = -1;   /* the speech verb whose subject stands in as source */
    int srcs[8], tgts[8], ns = 0, nt = 0;
    char evid[768];
    snprintf(evid, sizeof evid, "%s [%s]", e->src, e->pattern);
    if (noun) {
        /* "Trump's sanctions on Turkey", "talks between X and Y",
         * "the Helsinki summit of Trump and Putin" */
        int poss = child_rel_eq(s, v, "nmod:poss");
        ns = add_cands(s, poss, srcs, ns, 8);
        if (poss >= 0 && ns)
            cat(evid, sizeof evid, "; nmod:poss(%s, %s)%s", word_str(s, v), word_str(s, poss), "");
        for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c]) {
            if (!rel_is(&s->w[c], "nmod") || rel_is(&s->w[c], "nmod:poss"))
                continue;
            const char *p = prep_of(s, c);
            if (!p)
                continue;
            if (!strcmp(p, "between") || (!strcmp(p, "of") && (e->flags & DV_SYM))) {
                if (!ns) {
                    ns = add_cands(s, c, srcs, ns, 8);
                    cat(evid, sizeof evid, "; nmod:%s(%s, %s)", p, word_str(s, v), word_str(s, c));
                }
            } else if (e->n_prep ? list_has(e->prep, e->n_prep, p) : in_list(p, DEFAULT_PREPS)) {
                int before = nt;
                nt = add_cands(s, c, tgts, nt, 8);
                if (nt > before)
                    cat(evid, sizeof evid, "; nmod:%s(%s, %s)", p, word_str(s, v), word_str(s, c));
            } else if (!strcmp(p, "by") && !ns) {
                ns = add_cands(s, c, srcs, ns, 8);
            }
        }
        /* a nominal event as the object of a support verb ("held talks
         * with", "imposed sanctions on"): the verb's subject is the source */
        int h = head_of(s, v);
        if (!ns && h >= 0 && (rel_eq(w, "obj") || rel_eq(w, "nsubj:pass") ||
                              (rel_is(w, "obl") && prep_of(s, v) &&
                               !strcmp(prep_of(s, v), "with")))) {
            int sj = inherited_subject(s, h, 0);
            ns = add_cands(s, sj, srcs, ns, 8);
            if (ns)
                cat(evid, sizeof evid, "; obj(%s, %s) with subject %s", word_str(s, h),
                    word_str(s, v), word_str(s, sj));
            if (!nt)
                nt = pp_targets(s, h, e, tgts, nt, 8);
        }
        if (!ns)
            return 0;
    } else {
        int sj = f.passive ? f.agent : f.subj;
        if (sj < 0)
            sj = inherited_subject(s, v, 0);
        if (f.passive && f.agent < 0) {
            sj = -1;
            /* "he wrote that sanctions would be imposed on X": the speaker
             * threatens; the sanctions themselves have no named doer */
            int x = v, h = head_of(s, v);
            while (h >= 0 && rel_eq(&s->w[x], "conj")) {
                x = h;
                h = head_of(s, x);
            }
            int fut = own_modal(s, v);
            for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
                if (rel_is(&s->w[c], "aux") && (!strcmp(s->lemma[c], "will") || !strcmp(s->lemma[c], "wo")))
                    fut = 1;
            int neg = own_negated(s, v) || (f.patient >= 0 && own_negated(s, f.patient));
            if (h >= 0 && fut && !neg && (rel_is(&s->w[x], "ccomp") || rel_is(&s->w[x], "parataxis")) &&
                in_list(s->lemma[h], SAY)) {
                frame hf;
                get_frame(s, h, &hf);
                sj = hf.subj >= 0 ? hf.subj : inherited_subject(s, h, 0);
                speaker = h;
            }
        }
        ns = add_cands(s, sj, srcs, ns, 8);
        if (!ns && sj >= 0) {
            /* "Syrian air defenses fired": a subject named by its country */
            for (int c = s->first_child[sj]; c >= 0 && !ns; c = s->next_sib[c]) {
                if (!rel_is(&s->w[c], "amod") && !rel_is(&s->w[c], "compound"))
                    continue;
                const dict_actor *d = hit_kind(s, c, K_PLACE | K(DA_ADJ));
                if (d && *d->country && s->w[sj].upos == DYAD_UPOS_NOUN) {
                    code_actor *a = &s->act[c];
                    memset(a, 0, sizeof *a);
                    snprintf(a->code, sizeof a->code, "%s", d->country);
                    a->kind = DA_COUNTRY;
                    a->country = d->country;
                    a->name = d->name;
                    a->text = word_str(s, c);
                    a->src = d->src;
                    a->how = "country of the subject";
                    a->head = c;
                    s->done[c] = 1;
                    srcs[ns++] = c;
                }
            }
        }
        if (!ns)
            return 0;
        cat(evid, sizeof evid, "; %s(%s, %s)", f.passive ? "obl:agent" : "nsubj",
            word_str(s, v), word_str(s, sj));
        int ov = e->to && f.xcomp >= 0 ? f.xcomp : v;
        frame g;
        get_frame(s, ov, &g);
        /* targets: prepositional phrases first when the object is part of the
         * pattern ("impose sanctions ON Russia"), else object first */
        /* "urged Russia to ...", "called on Iran to ...": the addressee */
        if (e->to) {
            nt = add_cands(s, f.obj, tgts, nt, 8);
            if (!nt)
                nt = add_cands(s, f.iobj, tgts, nt, 8);
            if (!nt && f.xcomp >= 0)   /* the addressee parsed as the complement's subject */
                nt = add_cands(s, child_rel(s, f.xcomp, "nsubj"), tgts, nt, 8);
            if (!nt && !strcmp(e->lemma, "call"))
                for (int c = s->first_child[v]; c >= 0 && !nt; c = s->next_sib[c]) {
                    const char *p = rel_is(&s->w[c], "obl") ? prep_of(s, c) : NULL;
                    if (p && !strcmp(p, "on"))
                        nt = add_cands(s, c, tgts, nt, 8);
                }
        }
        if (nt) {
            /* addressee found */
        } else if (m.objw >= 0) {
            nt = pp_targets(s, ov, e, tgts, nt, 8);
            if (!nt)
                nt = pp_targets(s, m.objw, e, tgts, nt, 8);
            if (!nt && ov != v)
                nt = pp_targets(s, v, e, tgts, nt, 8);
            if (!nt && m.objw != g.patient)
                nt = add_cands(s, m.objw, tgts, nt, 8); /* "expelled British diplomats" */
            if (!nt) {  /* "investigated Russia's attack", not "fired its own missiles" */
                int poss = child_rel_eq(s, m.objw, "nmod:poss");
                if (poss >= 0 && s->w[poss].upos != DYAD_UPOS_PRON) {
                    nt = add_cands(s, poss, tgts, nt, 8);
                    for (int i = 0; i < ns && nt; i++)
                        if (!strcmp(s->act[srcs[i]].country, s->act[tgts[0]].country))
                            nt = 0;
                }
            }
            if (!nt)
                nt = add_cands(s, g.iobj, tgts, nt, 8);
            if (m.objw >= 0)
                claimed[m.objw] = 1;
        } else {
            if (f.passive)
                nt = add_cands(s, g.patient, tgts, nt, 8);
            if (!nt)
                nt = add_cands(s, g.obj, tgts, nt, 8);
            if (!nt)
                nt = add_cands(s, g.iobj, tgts, nt, 8);
            if (!nt)
                nt = pp_targets(s, ov, e, tgts, nt, 8);
            if (!nt && ov != v)
                nt = pp_targets(s, v, e, tgts, nt, 8);
        }
        int ob = m.objw >= 0 ? m.objw : g.obj;
        int r2 = (e->code[0] - '0') * 10 + (e->code[1] - '0');
        if (!nt && ob >= 0 && s->coder && s->coder->n_done && in_list(s->lemma[ob], EVENT_NOUNS) &&
            ((r2 >= 9 && r2 <= 13) || r2 == 5 || r2 == 1) &&
            (definite(s, ob) || child_rel_eq(s, ob, "nmod:poss") >= 0)) {
            /* the latest event named by the same word, else the story's first */
            const struct code_done *d = &s->coder->done[0];
            for (int k = s->coder->n_done - 1; k >= 0; k--)
                if (!strcmp(s->coder->done[k].trig, s->lemma[ob]) ||
                    !strcmp(s->coder->done[k].obj, s->lemma[ob])) {
                    d = &s->coder->done[k];
                    break;
                }
            for (int k = 0; k < d->n && nt < 8; k++) {
                s->act[s->n + k] = d->doers[k];
                s->done[s->n + k] = 1;
                tgts[nt++] = s->n + k;
            }
            cat(evid, sizeof evid, "; obj(%s, %s) names an earlier event%s", word_str(s, v),
                word_str(s, ob), "");
        }
        if (!nt) {
            int cand[8], nc = 0;
            for (int c = s->first_child[ov]; c >= 0 && nc < 6; c = s->next_sib[c]) {
                const char *p = rel_is(&s->w[c], "obl") ? prep_of(s, c) : NULL;
                if (p && (in_list(p, DEFAULT_PREPS) || !strcmp(p, "into") ||
                          (e->n_prep && list_has(e->prep, e->n_prep, p))))
                    cand[nc++] = c;
            }
            if (m.objw >= 0)
                cand[nc++] = m.objw;
            else if (g.obj >= 0)
                cand[nc++] = g.obj;
            if (m.ppw >= 0)   /* "asked for a meeting of the Security Council" */
                cand[nc++] = m.ppw;
            for (int k = 0; k < nc && !nt; k++) {
                int o = owner_d(s, cand[k], 0);
                if (o >= 0) {
                    tgts[nt++] = o;
                    cat(evid, sizeof evid, "; owner(%s, %s)%s", word_str(s, cand[k]), word_str(s, o), "");
                }
            }
        }
        if (nt)
            cat(evid, sizeof evid, "; target edge to %s%s%s", word_str(s, tgts[0]), "", "");
    }
    /* the trigger words */
    char vb[256];
    snprintf(vb, sizeof vb, "%.*s", (int)w->len, w->form);
    if (f.prt >= 0 && !noun)
        cat(vb, sizeof vb, " %s%s%s", word_str(s, f.prt), "", "");
    if (e->to && f.xcomp >= 0)
        cat(vb, sizeof vb, " to %s%s%s", word_str(s, f.xcomp), "", "");
    if (m.objw >= 0)
        cat(vb, sizeof vb, " %s%s%s", word_str(s, m.objw), "", "");
    const char *verb = dyad_arena_strdup(s->a, vb);

    int xfrom = -1;
    int mode = mode_of(s, v, &xfrom);
    /* an actor's own account of what it did is asserted ("the military
     * said it destroyed the batteries") */
    if (mode == DYAD_MODE_REPORTED && s->say_head >= 0 && ns > 0 && !s->in_quote[v]) {
        frame sf;
        get_frame(s, s->say_head, &sf);
        if (sf.subj >= 0) {
            resolve(s, sf.subj);
            const code_actor *sp = &s->act[sf.subj];
            if (sp->kind && *sp->country && !strcmp(sp->country, s->act[srcs[0]].country))
                mode = DYAD_MODE_ASSERTED;
        }
    }
    /* "China would not make concessions": a refusal, asserted (12x) */
    int refusal = 0;
    if (mode == DYAD_MODE_NEGATED && !noun && own_negated(s, v)) {
        int r0 = (e->code[0] - '0') * 10 + (e->code[1] - '0');
        int fut = 0;
        for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
            if (rel_is(&s->w[c], "aux") && (!strcmp(s->lemma[c], "will") || !strcmp(s->lemma[c], "would") ||
                                             !strcmp(s->lemma[c], "wo")))
                fut = 1;
        if (fut && r0 >= 3 && r0 <= 8)
            refusal = 1;
    }
    if (noun && mode == DYAD_MODE_ASSERTED && head_of(s, v) >= 0 &&
        (rel_eq(w, "obj") || rel_eq(w, "nsubj:pass"))) {
        int hx = -1;
        mode = mode_of(s, head_of(s, v), &hx);
    }
    int sym = (e->flags & DV_SYM) != 0;
    int made = 0;
    if (speaker >= 0) {
        int root = (e->code[0] - '0') * 10 + (e->code[1] - '0');
        const char *ic = intent_code(root >= 10 ? "threaten" : "plan", e->code);
        if (!ic || !nt)
            return 0;
        int gx = -1;
        int gmode = mode_of(s, speaker, &gx);
        char ev2[900];
        snprintf(ev2, sizeof ev2, "%s; statement: ccomp(%s, %s), agentless and hypothetical",
                 evid, word_str(s, speaker), word_str(s, v));
        char vb2[300];
        snprintf(vb2, sizeof vb2, "%s ... %s", word_str(s, speaker), verb);
        const char *verb2 = dyad_arena_strdup(s->a, vb2);
        for (int i = 0; i < ns; i++)
            for (int j = 0; j < nt; j++)
                if (strcmp(s->act[srcs[i]].code, s->act[tgts[j]].code)) {
                    if (push_event(s, ic, srcs[i], tgts[j], gmode, verb2, ev2))
                        return -1;
                    made++;
                }
        return made;
    }
    dict_verb refused;
    if (refusal) {
        const char *rc = intent_code("refuse", e->code);
        if (rc) {
            refused = *e;
            refused.code = rc;
            refused.third_code = NULL;
            e = &refused;
            mode = DYAD_MODE_ASSERTED;
            char tmp[768];
            snprintf(tmp, sizeof tmp, "%s; refusal (would not)", evid);
            snprintf(evid, sizeof evid, "%s", tmp);
        }
    }

    /* symmetric verb with coordinated subjects and no target: every pair */
    if (!nt && sym && ns >= 2) {
        for (int i = 0; i < ns; i++)
            for (int j = 0; j < ns; j++) {
                if (i == j || !strcmp(s->act[srcs[i]].code, s->act[srcs[j]].code))
                    continue;
                const char *code = e->code;
                if (e->third_code && third_place(s, v, &s->act[srcs[i]], &s->act[srcs[j]]))
                    code = e->third_code;
                if (push_event(s, code, srcs[i], srcs[j], mode, verb, evid))
                    return -1;
                made++;
            }
        return made;
    }
    if (!nt && !(e->flags & DV_SELF)) {
        /* no target: still an event when the object slot holds a thing
         * ("rejected the proposal"), coded with an empty target */
        if (!(m.objw >= 0 || (e->to && f.xcomp >= 0)))
            return 0;
    }
    for (int i = 0; i < ns; i++) {
        if (!nt) {
            if (push_event(s, e->code, srcs[i], -1, mode, verb, evid))
                return -1;
            made++;
            continue;
        }
        for (int j = 0; j < nt; j++) {
            const code_actor *a = &s->act[srcs[i]], *b = &s->act[tgts[j]];
            if (!strcmp(a->code, b->code))
                continue;
            const char *code = e->code;
            if (e->third_code && third_place(s, v, a, b))
                code = e->third_code;
            if (push_event(s, code, srcs[i], tgts[j], mode, verb, evid))
                return -1;
            made++;
            if (sym) {
                if (push_event(s, code, tgts[j], srcs[i], mode, verb, evid))
                    return -1;
                made++;
            }
        }
    }
    {
        int r3 = (e->code[0] - '0') * 10 + (e->code[1] - '0');
        if (made && r3 >= 15 && !noun)
            remember_doers(s, srcs, ns, v, m.objw >= 0 ? m.objw : f.obj);
    }
    /* the intent itself ("threatened to impose sanctions" → 1312) */
    if (made && xfrom >= 0 && !noun && in_list(s->lemma[xfrom], INTENT_EVENT)) {
        match gm = best_entry(s, xfrom, 0);
        if (!gm.e || !gm.e->to) {
            const char *ic = intent_code(s->lemma[xfrom], e->code);
            if (ic) {
                int gx = -1;
                int gmode = mode_of(s, xfrom, &gx);
                size_t first = s->n_ev - (size_t)made;
                size_t last = s->n_ev;
                char ev2[900];
                snprintf(ev2, sizeof ev2, "intent: xcomp(%s, %s)", word_str(s, xfrom),
                         word_str(s, v));
                char vb2[300];
                snprintf(vb2, sizeof vb2, "%s to %s", word_str(s, xfrom), verb);
                const char *verb2 = dyad_arena_strdup(s->a, vb2);
                for (size_t k = first; k < last; k++) {
                    dyad_event copy = s->ev[k];
                    if (copy.target.text && *copy.target.text) {
                        /* find word indexes again by identity of texts */
                        int si = -1, ti = -1;
                        for (int q = 0; q < ns; q++)
                            if (!strcmp(s->act[srcs[q]].text, copy.source.text)) si = srcs[q];
                        for (int q = 0; q < nt; q++)
                            if (!strcmp(s->act[tgts[q]].text, copy.target.text)) ti = tgts[q];
                        if (si >= 0 && ti >= 0 &&
                            push_event(s, ic, si, ti, gmode, verb2, ev2))
                            return -1;
                    }
                }
                claimed[xfrom] = 1;
            }
        }
    }
    /* "said Congress could impose sanctions": the statement is itself a
     * threat (or an intent) when what it announces is hypothetical */
    if (made && !noun && mode == DYAD_MODE_HYPOTHETICAL && xfrom < 0) {
        int x = v, h = head_of(s, v);
        while (h >= 0 && rel_eq(&s->w[x], "conj")) {
            x = h;
            h = head_of(s, x);
        }
        if (h >= 0 && (rel_is(&s->w[x], "ccomp") || rel_is(&s->w[x], "parataxis")) &&
            in_list(s->lemma[h], SAY)) {
            int root = (e->code[0] - '0') * 10 + (e->code[1] - '0');
            const char *ic = intent_code(root >= 10 ? "threaten" : "plan", e->code);
            if (ic && strcmp(ic, e->code)) {
                int gx = -1;
                int gmode = mode_of(s, h, &gx);
                char ev2[900];
                snprintf(ev2, sizeof ev2, "statement: ccomp(%s, %s) of a hypothetical %s",
                         word_str(s, h), word_str(s, v), e->code);
                char vb2[300];
                snprintf(vb2, sizeof vb2, "%s ... %s", word_str(s, h), verb);
                const char *verb2 = dyad_arena_strdup(s->a, vb2);
                for (int i = 0; i < ns; i++)
                    for (int j = 0; j < nt; j++)
                        if (strcmp(s->act[srcs[i]].code, s->act[tgts[j]].code) &&
                            push_event(s, ic, srcs[i], tgts[j], gmode, verb2, ev2))
                            return -1;
            }
        }
    }
    return made;
}

/* ---- driver */

static int code_sentence(sent *s)
{
    int n = s->n;
    dyad_arena *a = s->a;
    s->fold = dyad_arena_calloc(a, (size_t)n * sizeof *s->fold);
    s->lemma = dyad_arena_calloc(a, (size_t)n * sizeof *s->lemma);
    s->first_child = dyad_arena_alloc(a, (size_t)n * sizeof(int));
    s->next_sib = dyad_arena_alloc(a, (size_t)n * sizeof(int));
    s->ment = dyad_arena_alloc(a, (size_t)n * sizeof(int));
    s->m = dyad_arena_alloc(a, (size_t)n * sizeof *s->m);
    /* act[n .. n+CODE_LAST) hold remembered actors used as targets */
    s->act = dyad_arena_calloc(a, (size_t)(n + CODE_LAST) * sizeof *s->act);
    s->done = dyad_arena_calloc(a, (size_t)(n + CODE_LAST));
    s->in_quote = dyad_arena_calloc(a, (size_t)n);
    char *claimed = dyad_arena_calloc(a, (size_t)n);
    if (!s->fold || !s->lemma || !s->first_child || !s->next_sib || !s->ment ||
        !s->m || !s->act || !s->done || !s->in_quote || !claimed)
        return DYAD_ENOMEM;
    int quotes = 0;
    for (int i = 0; i < n; i++) {
        size_t m = 0;
        s->fold[i] = dyad_norm_fold(a, s->w[i].form, s->w[i].len, &m);
        const char *l = s->w[i].lemma && *s->w[i].lemma && strcmp(s->w[i].lemma, "_")
                            ? s->w[i].lemma : NULL;
        s->lemma[i] = l ? dyad_norm_fold(a, l, strlen(l), &m) : s->fold[i];
        if (!s->fold[i] || !s->lemma[i])
            return DYAD_ENOMEM;
        s->first_child[i] = s->next_sib[i] = s->ment[i] = -1;
        if (!strcmp(s->fold[i], "\"") || !strcmp(s->fold[i], "``") || !strcmp(s->fold[i], "''"))
            quotes++;
        s->in_quote[i] = (char)(quotes & 1);
    }
    /* a lone quotation mark (a quote spanning sentences) proves nothing */
    if (quotes & 1)
        memset(s->in_quote, 0, (size_t)n);
    for (int i = n - 1; i >= 0; i--) {
        int h = head_of(s, i);
        if (h >= 0 && h != i) {
            s->next_sib[i] = s->first_child[h];
            s->first_child[h] = i;
        }
    }
    find_mentions(s);
    /* resolve noun phrase heads in reading order, remembering them, so that
     * a pronoun sees what came before it */
    for (int i = 0; i < n; i++) {
        const dyad_word *w = &s->w[i];
        if (!(w->upos == DYAD_UPOS_NOUN || w->upos == DYAD_UPOS_PROPN ||
              w->upos == DYAD_UPOS_PRON))
            continue;
        if (rel_is(w, "compound") || rel_is(w, "flat") || rel_is(w, "amod")) {
            /* "a NATO summit": the organisation is remembered ("the alliance") */
            const dict_actor *org = hit_kind(s, i, K(DA_IGO));
            if (org && s->ment[i] >= 0 && s->m[s->ment[i]].hi == i + 1) {
                code_actor tmp;
                memset(&tmp, 0, sizeof tmp);
                set_from_dict(s, &tmp, org);
                tmp.text = org->name;
                tmp.head = -1;
                mem_push(s, &tmp);
            }
            continue;
        }
        resolve(s, i);
        if (s->act[i].kind && s->act[i].kind != DA_ADJ)
            mem_push(s, &s->act[i]);
    }
    for (int i = 0; i < n; i++)
        if (s->w[i].upos == DYAD_UPOS_VERB && code_word(s, i, claimed) < 0)
            return DYAD_ENOMEM;
    for (int i = 0; i < n; i++)
        if ((s->w[i].upos == DYAD_UPOS_NOUN || s->w[i].upos == DYAD_UPOS_PROPN) &&
            code_word(s, i, claimed) < 0)
            return DYAD_ENOMEM;
    return 0;
}

dyad_coder *dyad_coder_new(const dyad_dict *d, const char *doc_date)
{
    dyad_coder *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->dict = d;
    c->arena = dyad_arena_new(16 * 1024);
    if (!c->arena) {
        free(c);
        return NULL;
    }
    if (doc_date) {
        snprintf(c->date_str, sizeof c->date_str, "%.10s", doc_date);
        c->date = dict_parse_date(doc_date, strlen(doc_date));
    }
    return c;
}

void dyad_coder_free(dyad_coder *c)
{
    if (!c)
        return;
    dyad_arena_free(c->arena);
    free(c);
}

int dyad_code_sentence(const dyad_dict *d, dyad_coder *coder, dyad_arena *a,
                       const dyad_word *words, size_t n, uint32_t sentence,
                       const char *text, const char *doc_date,
                       dyad_event **out, size_t *n_out, dyad_error *err)
{
    *out = NULL;
    *n_out = 0;
    if (!d || !a || (n && !words))
        return dyad_error_set(err, DYAD_EUSAGE, NULL, -1, "no dictionary, arena or words");
    if (n == 0 || n > 100000)
        return 0;
    sent s;
    memset(&s, 0, sizeof s);
    s.d = d;
    s.coder = coder;
    s.a = a;
    s.w = words;
    s.n = (int)n;
    s.sentence = sentence;
    s.text = text ? dyad_arena_strdup(a, text) : "";
    if (coder && coder->date) {
        s.date = coder->date;
        s.date_str = dyad_arena_strdup(a, coder->date_str);
    } else if (doc_date) {
        s.date = dict_parse_date(doc_date, strlen(doc_date));
        s.date_str = dyad_arena_strndup(a, doc_date, 10);
    }
    int rc = code_sentence(&s);
    if (rc)
        return dyad_error_set(err, rc, NULL, -1, "out of memory");
    *out = s.ev;
    *n_out = s.n_ev;
    return 0;
}

int dyad_code_doc(const dyad_dict *d, const dyad_doc *doc, dyad_event **out,
                  size_t *n_out, dyad_error *err)
{
    *out = NULL;
    *n_out = 0;
    if (!d || !doc)
        return dyad_error_set(err, DYAD_EUSAGE, NULL, -1, "no dictionary or document");
    if (!doc->words)
        return 0;
    dyad_coder *c = dyad_coder_new(d, doc->date);
    if (!c)
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    dyad_event *all = NULL;
    size_t n_all = 0, cap = 0;
    int rc = 0;
    for (size_t i = 0; i < doc->n_sentences && !rc; i++) {
        const dyad_sentence *st = &doc->sentences[i];
        if (!doc->words[i])
            continue;
        const char *text = doc->body ? dyad_arena_strndup(doc->arena, doc->body + st->start,
                                                          st->end - st->start) : NULL;
        dyad_event *ev;
        size_t nev;
        rc = dyad_code_sentence(d, c, doc->arena, doc->words[i], st->tok_end - st->tok_first,
                                (uint32_t)i, text, doc->date, &ev, &nev, err);
        if (rc || !nev)
            continue;
        if (n_all + nev > cap) {
            size_t nc = cap ? cap * 2 : 16;
            while (nc < n_all + nev)
                nc *= 2;
            dyad_event *na = dyad_arena_alloc(doc->arena, nc * sizeof *na);
            if (!na) {
                rc = dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
                break;
            }
            if (n_all)
                memcpy(na, all, n_all * sizeof *na);
            all = na;
            cap = nc;
        }
        memcpy(all + n_all, ev, nev * sizeof *ev);
        n_all += nev;
    }
    dyad_coder_free(c);
    if (rc)
        return rc;
    *out = all;
    *n_out = n_all;
    return 0;
}

const char *dyad_event_mode_name(int mode)
{
    switch (mode) {
    case DYAD_MODE_ASSERTED: return "asserted";
    case DYAD_MODE_NEGATED: return "negated";
    case DYAD_MODE_HYPOTHETICAL: return "hypothetical";
    case DYAD_MODE_REPORTED: return "reported";
    case DYAD_MODE_HISTORICAL: return "historical";
    default: return "unknown";
    }
}
