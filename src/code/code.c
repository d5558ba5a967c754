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

/* ---- events */

static const char *const DEFAULT_PREPS[] = {"on", "against", "with", "to", NULL};

/* An agent of coordinated countries ("the ambassadors of
 * Arnor, Osgiliath and Gondor") is one actor per country. */
static int agent_fanout(sent *s, int word, int *out, int n, int max)
{
    const code_actor *a = &s->act[word];
    if (a->kind != DA_AGENT || !a->country || !*a->country ||
        !strcmp(a->country, "---"))
        return n;
    size_t cl = strlen(a->country);
    if (strncmp(a->code, a->country, cl))
        return n;
    const char *role = a->code + cl;
    for (int c = s->first_child[word]; c >= 0; c = s->next_sib[c]) {
        const dyad_word *w = &s->w[c];
        if (!(code_rel_is(w, "nmod") || code_rel_is(w, "amod") || code_rel_is(w, "compound")))
            continue;
        const dict_actor *d = code_hit_kind(s, c, K_PLACE | K(DA_ADJ) | K(DA_DEMONYM));
        if (!d || strcmp(d->country, a->country))
            continue;
        for (int k = s->first_child[c]; k >= 0 && n < max; k = s->next_sib[k]) {
            if (!code_rel_eq(&s->w[k], "conj"))
                continue;
            const dict_actor *dk = code_hit_kind(s, k, K_PLACE | K(DA_ADJ) | K(DA_DEMONYM));
            if (!dk || !*dk->country || s->n_extra >= CODE_EXTRA)
                continue;
            int slot = s->n + CODE_LAST + s->n_extra++;
            code_actor *x = &s->act[slot];
            *x = *a;
            char buf[96];
            snprintf(buf, sizeof buf, "%s%s", dk->country, role);
            memcpy(x->code, buf, sizeof x->code);
            x->code[sizeof x->code - 1] = 0;
            x->country = dk->country;
            x->text = code_word_text(s, k);
            x->head = -1;
            s->done[slot] = 1;
            out[n++] = slot;
        }
        break;
    }
    return n;
}

static int pair_fanout(sent *s, int word, int *out, int n, int max);
static const char *const PAIR_PRONOUNS[] = {"they", "them", NULL};
static const char *const REL_PRONOUNS[] = {"which", "who", "whom", "that", NULL};

static int slot_from(sent *s, const code_actor *a, const char *how);

/* The sentence before had subjects of two countries ("the two countries
 * pledged ..."; "They also agreed" then means both). */
static int two_subjects_before(const sent *s)
{
    const dyad_coder *c = s->coder;
    if (!c || s->sentence == 0)
        return 0;
    const char *first = NULL;
    size_t lo = c->n_mem > CODE_MEMORY ? c->n_mem - CODE_MEMORY : 0;
    for (size_t i = c->n_mem; i > lo; i--) {
        const code_actor *m = &c->mem[(i - 1) % CODE_MEMORY];
        if (m->sentence + 1 < s->sentence)
            break;
        if (m->sentence + 1 != s->sentence || !m->subject || !m->country || !*m->country)
            continue;
        if (!first)
            first = m->country;
        else if (strcmp(first, m->country))
            return 1;
    }
    return 0;
}

/* "Britain, France and Germany said ..., and they demanded": a plural
 * pronoun that took one member of a coordination stands for all of it. */
static int group_fanout(sent *s, int word, int *out, int n, int max)
{
    static const char *const THEY[] = {"they", "them", "their", NULL};
    const code_actor *a = &s->act[word];
    const dyad_coder *c = s->coder;
    if (!c || !a->group || !a->how || strcmp(a->how, "pronoun") || !code_in_list(s->fold[word], THEY))
        return n;
    size_t lo = c->n_mem > CODE_MEMORY ? c->n_mem - CODE_MEMORY : 0;
    for (size_t i = lo; i < c->n_mem && n < max; i++) {
        const code_actor *m = &c->mem[i % CODE_MEMORY];
        if (m->group != a->group || m->sentence != a->sentence || !strcmp(m->code, a->code))
            continue;
        int dup = 0;
        for (int k = 0; k < n; k++)
            dup |= !strcmp(s->act[out[k]].code, m->code);
        if (dup)
            continue;
        int k = slot_from(s, m, "pronoun (coordination)");
        if (k < 0)
            break;
        s->act[k].text = m->text;
        out[n++] = k;
    }
    return n;
}

/* "Qatar and its neighbors", "Israel's rivals": the other side of the
 * story's main event, seen from the possessor. */
static int other_side(sent *s, int word, int *out, int n, int max)
{
    static const char *const SIDE[] = {"neighbor", "neighbour", "rival", "adversary", "foe",
        "enemy", "opponent", NULL};
    const dyad_coder *c = s->coder;
    if (!c || !c->lead.set || s->d->petrarch ||
        !code_in_list(s->lemma[word], SIDE) || !code_is_plural(&s->w[word]))
        return n;
    int p = code_child_rel_eq(s, word, "nmod:poss");
    if (p < 0)
        return n;
    code_resolve(s, p);
    const char *own = s->act[p].kind ? s->act[p].country : NULL;
    if (!own || !*own)
        return n;
    int in_src = 0, in_tgt = 0;
    for (int i = 0; i < c->lead.ns; i++)
        in_src |= !strcmp(c->lead.src[i].country, own);
    for (int i = 0; i < c->lead.nt; i++)
        in_tgt |= !strcmp(c->lead.tgt[i].country, own);
    if (in_src == in_tgt)
        return n;
    const code_actor *side = in_tgt ? c->lead.src : c->lead.tgt;
    int ns = in_tgt ? c->lead.ns : c->lead.nt;
    for (int i = 0; i < ns && n < max; i++) {
        int k = slot_from(s, &side[i], "the other side of the story's main event");
        if (k < 0)
            break;
        out[n++] = k;
    }
    return n;
}

static int add_cands(sent *s, int word, int *out, int n, int max)
{
    if (word < 0 || n >= max)
        return n;
    if (word < s->dateline) {
        /* "WASHINGTON — The United States, Britain and France fired":
         * the parser hung the subjects on the dateline */
        for (int c = s->first_child[word]; c >= 0 && n < max; c = s->next_sib[c])
            if ((code_rel_is(&s->w[c], "appos") || code_rel_eq(&s->w[c], "conj")) &&
                c >= s->dateline)
                n = add_cands(s, c, out, n, max);
        return n;
    }
    if (!s->d->petrarch && s->w[word].upos == DYAD_UPOS_PRON && code_in_list(s->fold[word], REL_PRONOUNS)) {
        /* "agencies, which it accused of ...": the antecedent of the
         * relative clause the pronoun opens */
        int v = code_head_of(s, word);
        int ante = v >= 0 && code_rel_eq(&s->w[v], "acl:relcl") ? code_head_of(s, v) : -1;
        int m = ante >= 0 && ante < word ? add_cands(s, ante, out, n, max) : n;
        /* the relative clause hung on the wrong noun ("sanctions on
         * Russia's agencies, which"): the noun right before it */
        int p = word - 1;
        if (p >= 0 && s->w[p].upos == DYAD_UPOS_PUNCT)
            p--;
        if (m == n && p >= 0 && p != ante && s->w[p].upos == DYAD_UPOS_NOUN)
            m = add_cands(s, p, out, n, max);
        return m;
    }
    code_resolve(s, word);
    const code_actor *ra = &s->act[word];
    if (ra->kind && !s->d->petrarch && ra->how && !strcmp(ra->how, "pronoun") &&
        ((!ra->subject && !ra->group) || two_subjects_before(s)) &&
        code_in_list(s->fold[word], PAIR_PRONOUNS)) {
        /* "They" whose latest candidate is no subject nor group ("met in
         * Singapore. They then signed"): the two sides of the sentence
         * before, when there are */
        int m = pair_fanout(s, word, out, n, max);
        if (m > n)
            return m;
    }
    if (s->act[word].kind && n < max) {
        out[n++] = word;
        n = agent_fanout(s, word, out, n, max);
        n = group_fanout(s, word, out, n, max);
    } else if (!s->act[word].kind && !s->d->petrarch) {
        int m = other_side(s, word, out, n, max);
        n = m > n ? m : pair_fanout(s, word, out, n, max);
        /* "airstrikes on Hamas targets": the named owner of the things hit */
        for (int c = s->first_child[word]; c >= 0 && n == m && n < max; c = s->next_sib[c])
            if (c < word && code_rel_is(&s->w[c], "compound") && s->w[c].upos == DYAD_UPOS_PROPN &&
                s->w[word].upos == DYAD_UPOS_NOUN) {
                code_resolve(s, c);
                if (s->act[c].kind && s->act[c].kind != DA_AGENT)
                    out[n++] = c;
            }
    }
    for (int c = s->first_child[word]; c >= 0 && n < max; c = s->next_sib[c])
        if (code_rel_eq(&s->w[c], "conj")) {
            code_resolve(s, c);
            if (s->act[c].kind)
                out[n++] = c;
            else
                n = other_side(s, c, out, n, max);
            /* "Putin, Aliyev and Pashinyan" parsed as a chain */
            for (int g = s->first_child[c]; g >= 0 && n < max && !s->d->petrarch; g = s->next_sib[g])
                if (code_rel_eq(&s->w[g], "conj")) {
                    code_resolve(s, g);
                    if (s->act[g].kind)
                        out[n++] = g;
                }
        }
    return n;
}

/* The subject of verb v (its own, else the one it inherits). */
static int subject_of(const sent *s, int v)
{
    frame f;
    code_get_frame(s, v, &f);
    return f.subj >= 0 ? f.subj : code_inherited_subject(s, v, 0);
}

/* An actor's own account of what it did is asserted ("the military said
 * it destroyed the batteries"): mode REPORTED (code_mode_of just ran on
 * v, leaving s->say_head) becomes ASSERTED when the speaker is of the
 * source's country. */
static int own_account(sent *s, int v, int mode, int src)
{
    if (mode != DYAD_MODE_REPORTED)
        return mode;
    int say = s->say_head;
    for (int r = 0; r < (int)s->n && say < 0 && s->in_quote[v]; r++)
        if (code_head_of(s, r) < 0)   /* "“…,” the declaration says" */
            for (int c = s->first_child[r]; c >= 0 && say < 0; c = s->next_sib[c])
                if (c > v && code_rel_is(&s->w[c], "parataxis") && code_in_list(s->lemma[c], code_say))
                    say = c;
    if (say < 0)
        return mode;
    static const char *const DOCS[] = {"declaration", "statement", "communique", "communiqué",
        "text", "agreement", NULL};
    int sj = subject_of(s, say);
    if (sj >= 0) {
        code_resolve(s, sj);
        const code_actor *sp = &s->act[sj];
        if (sp->kind && *sp->country && !strcmp(sp->country, s->act[src].country))
            return DYAD_MODE_ASSERTED;
        /* "the declaration says": the parties' own text */
        if (!sp->kind && code_in_list(s->lemma[sj], DOCS) && code_definite(s, sj))
            return DYAD_MODE_ASSERTED;
        /* "Trade Minister Simon Birmingham said Australia was
         * disappointed": an official of no known country speaks for the
         * country he names */
        if (!sp->kind && s->w[sj].upos == DYAD_UPOS_PROPN) {
            if (code_hit_kind(s, sj, K(DA_AGENT)))
                return DYAD_MODE_ASSERTED;
            for (int c = s->first_child[sj]; c >= 0; c = s->next_sib[c])
                if ((code_rel_eq(&s->w[c], "nmod:desc") || code_rel_is(&s->w[c], "compound") ||
                     code_rel_is(&s->w[c], "flat")) && code_hit_kind(s, c, K(DA_AGENT)))
                    return DYAD_MODE_ASSERTED;
        }
    }
    return mode;
}

/* Targets in obl/nmod phrases of word v introduced by one of preps. */
static int pp_targets(sent *s, int v, const dict_verb *e, int *out, int n, int max)
{
    for (int c = s->first_child[v]; c >= 0 && n < max; c = s->next_sib[c]) {
        if (!code_rel_is(&s->w[c], "obl") && !code_rel_is(&s->w[c], "nmod"))
            continue;
        if (code_rel_eq(&s->w[c], "obl:agent") || code_rel_is(&s->w[c], "nmod:poss"))
            continue;
        const char *p = code_prep_of(s, c);
        if (!p || code_time_word(s, c))
            continue;
        int ok = e && e->n_prep ? code_list_has(e->prep, e->n_prep, p) : code_in_list(p, DEFAULT_PREPS);
        if (ok)
            n = add_cands(s, c, out, n, max);
    }
    return n;
}

/* PETRARCH's target: the first word after verb v, inside the object's
 * phrase (or its obl phrases), that resolves to an actor. */
static int deep_target_d(sent *s, int x, int v, int depth)
{
    if (x < 0 || depth > 4)
        return -1;
    int best = -1;
    if (x > v && s->w[x].upos != DYAD_UPOS_PRON) {
        code_resolve(s, x);
        if (s->act[x].kind)
            return x;
    }
    for (int c = s->first_child[x]; c >= 0; c = s->next_sib[c]) {
        if (!(code_rel_is(&s->w[c], "nmod") || code_rel_is(&s->w[c], "obl") ||
              code_rel_is(&s->w[c], "obj") || code_rel_is(&s->w[c], "compound") ||
              code_rel_is(&s->w[c], "amod") || code_rel_is(&s->w[c], "acl")))
            continue;
        if (code_rel_is(&s->w[c], "nmod:poss"))
            continue;
        int r = deep_target_d(s, c, v, depth + 1);
        if (r >= 0 && (best < 0 || r < best))
            best = r;
    }
    return best;
}

static int deep_target(sent *s, int v, int obj, int depth)
{
    (void)depth;
    int best = deep_target_d(s, obj, v, 0);
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
        if (c > v && code_rel_is(&s->w[c], "obl") && c != obj) {
            int r = deep_target_d(s, c, v, 1);
            if (r >= 0 && (best < 0 || r < best))
                best = r;
        }
    return best;
}

/* A target that is only things belonging to a country or a place in it
 * ("tariffs on Chinese imports", "three sites in Syria"): the country. */
static int owner_d(sent *s, int x, int depth)
{
    if (x < 0 || depth > 3)
        return -1;
    for (int c = s->first_child[x]; c >= 0; c = s->next_sib[c]) {
        const dyad_word *w = &s->w[c];
        if (!(code_rel_is(w, "nmod") || code_rel_is(w, "amod") || code_rel_is(w, "compound")))
            continue;
        if (code_rel_is(w, "nmod") && !code_rel_is(w, "nmod:poss")) {
            static const char *const OWN[] = {"of", "in", "inside", "within", "across", NULL};
            const char *p = code_prep_of(s, c);
            if (p && !code_in_list(p, OWN))
                continue;   /* "into the sea off Japan" is not Japan */
        }
        const dict_actor *d = code_hit_kind(s, c, K_PLACE | K(DA_ADJ) | K(DA_DEMONYM) | K_ORG |
                                             K(DA_PERSON));
        if (d && *d->country) {
            code_actor *a = &s->act[c];
            if (!a->kind) {
                memset(a, 0, sizeof *a);
                snprintf(a->code, sizeof a->code, "%s", d->country);
                a->kind = DA_COUNTRY;
                a->country = d->country;
                a->name = d->name;
                a->text = code_word_text(s, c);
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
    "crackdown", "blockade", "deployment", "missile", "provocation", "escalation", "exercise",
    "drill", "maneuver", "manoeuvre", "remark", "comment", "recognition", "proclamation",
    "announcement", "withdrawal", "intervention", "occupation", "seizure", "ban", "embargo",
    "interference", "meddling", NULL};

/* Speech acts whose from-phrase names who made them ("the claim from
 * Berlin"). */
static const char *const CLAIM_NOUNS[] = {"claim", "accusation", "allegation", "charge",
    "demand", "request", "offer", "proposal", "warning", "threat", "criticism", "call",
    "appeal", "ultimatum", NULL};

/* The by-agent of an event noun ("the recognition of the Golan Heights by
 * the United States"; "the claim from Berlin"), or -1. */
static int noun_by_agent(const sent *s, int ob)
{
    int claim = code_in_list(s->lemma[ob], CLAIM_NOUNS);
    for (int c = s->first_child[ob]; c >= 0; c = s->next_sib[c]) {
        const char *p = code_rel_is(&s->w[c], "nmod") ? code_prep_of(s, c) : NULL;
        if (p && (!strcmp(p, "by") || (claim && !strcmp(p, "from"))))
            return c;
    }
    /* (hung on the verb: "condemned the recognition of X by Y") */
    int v = code_rel_eq(&s->w[ob], "obj") ? code_head_of(s, ob) : -1;
    for (int c = v >= 0 ? s->first_child[v] : -1; c >= 0; c = s->next_sib[c]) {
        const char *p = c > ob && code_rel_eq(&s->w[c], "obl") ? code_prep_of(s, c) : NULL;
        if (p && (!strcmp(p, "by") || (claim && !strcmp(p, "from"))))
            return c;
    }
    return -1;
}

static void keep_actor(dyad_coder *c, code_actor *m, const code_actor *a)
{
    *m = *a;
    m->name = dyad_arena_strdup(c->arena, a->name ? a->name : "");
    m->text = dyad_arena_strdup(c->arena, a->text ? a->text : "");
    m->country = dyad_arena_strdup(c->arena, a->country ? a->country : "");
    m->src = dyad_arena_strdup(c->arena, a->src ? a->src : "");
    m->head = -1;
}

static void remember_pair(sent *s, const code_actor *a, const code_actor *b, int mode)
{
    dyad_coder *c = s->coder;
    if (!c || !a || !b || !*a->country || !*b->country)
        return;
    struct code_pair *p = &c->pairs[c->n_pairs++ % CODE_PAIRS];
    keep_actor(c, &p->a, a);
    keep_actor(c, &p->b, b);
    p->b.how = p->a.how = "counterpart in the story";
    p->mode = mode;
    p->sentence = s->sentence;
}

/* A free actor slot after the words (fan-outs, remembered actors), or -1. */
static int new_slot(sent *s)
{
    if (s->n_extra >= CODE_EXTRA)
        return -1;
    int slot = s->n + CODE_LAST + s->n_extra++;
    memset(&s->act[slot], 0, sizeof s->act[slot]);
    s->done[slot] = 1;
    return slot;
}

static int slot_from(sent *s, const code_actor *a, const char *how)
{
    int k = new_slot(s);
    if (k < 0)
        return -1;
    s->act[k] = *a;
    s->act[k].head = -1;
    if (how)
        s->act[k].how = how;
    return k;
}

/* Nouns that name a meeting or an agreement: "the summit" stands for all
 * its parties. */
static const char *const MEET_NOUNS[] = {"summit", "meeting", "talk", "deal", "agreement",
    "accord", "negotiation", "truce", "ceasefire", "cease-fire", "visit", "pact", "treaty", NULL};

/* The actors an event noun of an earlier sentence stands for ("condemned
 * the tests", "said the measures were unjustified", "called the summit
 * historic"): the latest doers of that noun, else of an earlier event
 * named by it, else the story's main event (its sources; for a meeting,
 * all its parties).  Appends slots to out; returns the new count. */
static int event_noun_actors(sent *s, int ob, int *out, int n, int max)
{
    const dyad_coder *c = s->coder;
    if (!c || ob < 0)
        return n;
    const char *l = s->lemma[ob];
    const code_actor *list = NULL;
    int k = 0;
    const char *how = NULL;
    int poss = code_child_rel_eq(s, ob, "nmod:poss");
    if (poss < 0 && !s->d->petrarch)
        poss = noun_by_agent(s, ob);   /* "the annexation by Russia" */
    if (poss >= 0) {   /* "Russia's annexation": its possessor did it */
        int m = add_cands(s, poss, out, n, max);
        if (m > n)
            return m;
    }
    for (size_t i = c->n_nouns; i > 0 && !list && c->n_nouns - i < CODE_NOUNS; i--) {
        const struct code_noun *m = &c->nouns[(i - 1) % CODE_NOUNS];
        if (!strcmp(m->lemma, l)) {
            list = m->doers;
            k = m->n;
            how = "doer of the event the noun named before";
        }
    }
    for (int i = c->n_done - 1; i >= 0 && !list; i--)
        if (!strcmp(c->done[i].trig, l) || !strcmp(c->done[i].obj, l)) {
            list = c->done[i].doers;
            k = c->done[i].n;
            how = "doer of an earlier event named by the noun";
        }
    code_actor tmp[2 * CODE_LAST];
    if (!list && c->lead.set && c->lead.sentence != s->sentence) {
        for (int i = 0; i < c->lead.ns; i++)
            tmp[k++] = c->lead.src[i];
        if (c->lead.sym || code_in_list(l, MEET_NOUNS))
            for (int i = 0; i < c->lead.nt; i++) {
                int dup = 0;
                for (int q = 0; q < k; q++)
                    dup |= !strcmp(tmp[q].country, c->lead.tgt[i].country);
                if (!dup)
                    tmp[k++] = c->lead.tgt[i];
            }
        list = tmp;
        how = "party of the story's main event";
    }
    for (int i = 0; list && i < k && n < max; i++) {
        int t = slot_from(s, &list[i], how);
        if (t < 0)
            break;
        out[n++] = t;
    }
    return n;
}

/* "the two sides", "both countries", "the countries' negotiators": the two
 * countries of the latest asserted dyadic event of this sentence, else of
 * the story (two different countries).  Returns 1 and the pair. */
static const char *const PAIR_NOUNS[] = {"side", "country", "nation", "government",
    "neighbor", "neighbour", "rival", "adversary", "man", "leader", "president",
    "delegation", "minister", "state", NULL};

static int pair_words(const sent *s, int h)
{
    const dyad_word *w = &s->w[h];
    /* "They then signed": a plural pronoun left unresolved, right after
     * a sentence about two sides */
    if (w->upos == DYAD_UPOS_PRON && code_in_list(s->fold[h], PAIR_PRONOUNS))
        return 1;
    if (w->upos != DYAD_UPOS_NOUN || !code_in_list(s->lemma[h], PAIR_NOUNS) ||
        !code_is_plural(w))
        return 0;
    int det = -1, two = 0;
    for (int c = s->first_child[h]; c >= 0; c = s->next_sib[c]) {
        if (code_rel_is(&s->w[c], "det") || code_rel_is(&s->w[c], "det:predet") ||
            (code_rel_is(&s->w[c], "cc:preconj") && !strcmp(s->lemma[c], "both")))
            det = c;
        if (code_rel_is(&s->w[c], "nummod"))
            two = !strcmp(s->lemma[c], "two") || !strcmp(s->fold[c], "2") ? 1 : -1;
        if (code_rel_is(&s->w[c], "amod") || code_rel_is(&s->w[c], "compound") ||
            code_rel_is(&s->w[c], "nmod"))
            return 0;   /* "the Baltic countries", "countries in the region" */
    }
    if (two < 0 || det < 0)
        return 0;
    return !strcmp(s->lemma[det], "both") || (!strcmp(s->lemma[det], "the"));
}

/* An actor slot for one side of an event already coded (code: its actor
 * code or its country). */
static void actor_of_event(code_actor *a, const dyad_event_actor *x, const char *code)
{
    memset(a, 0, sizeof *a);
    snprintf(a->code, sizeof a->code, "%s", code);
    a->country = x->country;
    a->name = x->name;
    a->text = x->text;
    a->src = "";
    a->kind = DA_COUNTRY;
}

static int find_pair(const sent *s, int at, code_actor *a, code_actor *b)
{
    for (size_t i = s->n_ev; i > 0; i--) {
        const dyad_event *e = &s->ev[i - 1];
        if (e->mode != DYAD_MODE_ASSERTED || !*e->source.country || !*e->target.country ||
            !strcmp(e->source.country, e->target.country))
            continue;
        const dyad_event_actor *x[2] = {&e->source, &e->target};
        code_actor *y[2] = {a, b};
        for (int k = 0; k < 2; k++) {
            actor_of_event(y[k], x[k], x[k]->country);
        }
        return 1;
    }
    /* "Turkey and Greece had poor relations, but the two countries ...":
     * two coordinated countries named earlier in the sentence, when the
     * pair is the subject of a clause of its own (not "Mexico and Uruguay
     * called for dialogue between the two sides") */
    int own = at >= 0 && code_rel_is(&s->w[at], "nsubj");
    for (int k = 0; k < at && own && !s->d->petrarch; k++) {
        if (!code_rel_eq(&s->w[k], "conj") || pair_words(s, k))
            continue;
        int h = code_head_of(s, k);
        if (h < 0 || h > k)
            continue;
        code_resolve((sent *)s, h);
        code_resolve((sent *)s, k);
        const code_actor *x = &s->act[h], *y = &s->act[k];
        if (!x->kind || !y->kind || x->kind == DA_AGENT || y->kind == DA_AGENT || !x->country ||
            !y->country || strlen(x->country) != 3 || strlen(y->country) != 3 ||
            !strcmp(x->country, y->country))
            continue;
        *a = *x;
        *b = *y;
        snprintf(a->code, sizeof a->code, "%s", x->country);
        snprintf(b->code, sizeof b->code, "%s", y->country);
        a->kind = b->kind = DA_COUNTRY;
        return 1;
    }
    const dyad_coder *c = s->coder;
    if (!c)
        return 0;
    size_t lo = c->n_pairs > CODE_PAIRS ? c->n_pairs - CODE_PAIRS : 0;
    int gap_ok = 1;
    for (size_t i = c->n_pairs; i > lo && gap_ok; i--)
        if (c->pairs[(i - 1) % CODE_PAIRS].sentence + 1 == s->sentence)
            gap_ok = 0;
    /* "the two countries" after "X and Y agreed ..., in a deal brokered
     * by Z": a pair coded both ways (a symmetric event) first */
    for (int pass = 0; pass < 2; pass++)
    for (size_t i = c->n_pairs; i > lo; i--) {
        const struct code_pair *p = &c->pairs[(i - 1) % CODE_PAIRS];
        if (p->sentence + 1 < s->sentence && (p->sentence + 2 < s->sentence || !gap_ok || pass))
            break;   /* the sentence before (for a pair coded both ways, two
                      * back when the one between has none): further is
                      * guesswork */
        if (p->mode != DYAD_MODE_ASSERTED || !strcmp(p->a.country, p->b.country))
            continue;
        int both = 0;
        for (size_t j = c->n_pairs; pass == 0 && j > lo && !both; j--) {
            const struct code_pair *q = &c->pairs[(j - 1) % CODE_PAIRS];
            both = q->mode == DYAD_MODE_ASSERTED && q->sentence + 1 + gap_ok >= s->sentence &&
                   !strcmp(q->a.country, p->b.country) && !strcmp(q->b.country, p->a.country);
        }
        if (pass == 0 && !both)
            continue;
        *a = p->a;
        *b = p->b;
        snprintf(a->code, sizeof a->code, "%s", p->a.country);
        snprintf(b->code, sizeof b->code, "%s", p->b.country);
        a->kind = b->kind = DA_COUNTRY;
        return 1;
    }
    return 0;
}

/* The pair behind word (a pair noun, or an agent of one: "the countries'
 * negotiators"), as two actor slots. */
static int pair_fanout(sent *s, int word, int *out, int n, int max)
{
    int pw = pair_words(s, word) ? word : -1;
    const dict_actor *ag = NULL;
    if (pw < 0) {
        ag = code_hit_kind(s, word, K(DA_AGENT));
        if (!ag)
            return n;
        for (int c = s->first_child[word]; c >= 0 && pw < 0; c = s->next_sib[c])
            if ((code_rel_is(&s->w[c], "nmod:poss") ||
                 (code_rel_is(&s->w[c], "nmod") && code_prep_of(s, c) &&
                  !strcmp(code_prep_of(s, c), "of"))) && pair_words(s, c))
                pw = c;
        if (pw < 0)
            return n;
    }
    code_actor p[2];
    if (!find_pair(s, word, &p[0], &p[1]))
        return n;
    for (int k = 0; k < 2 && n < max; k++) {
        if (ag && *ag->code)
            snprintf(p[k].code, sizeof p[k].code, "%s%s", p[k].country, ag->code);
        char t[96];
        snprintf(t, sizeof t, "%.*s (%s)", (int)s->w[word].len, s->w[word].form, p[k].country);
        p[k].text = dyad_arena_strdup(s->a, t);
        p[k].how = "pair description";
        p[k].src = ag ? ag->src : "";
        int slot = slot_from(s, &p[k], NULL);
        if (slot < 0)
            break;
        out[n++] = slot;
    }
    return n;
}

/* The actor the source last dealt with ("China would not make
 * concessions" after "China met the United States"). */
static const code_actor *counterpart(const sent *s, const code_actor *src)
{
    const dyad_coder *c = s->coder;
    if (!c || !*src->country)
        return NULL;
    size_t lo = c->n_pairs > CODE_PAIRS ? c->n_pairs - CODE_PAIRS : 0;
    for (size_t i = c->n_pairs; i > lo; i--) {
        const struct code_pair *p = &c->pairs[(i - 1) % CODE_PAIRS];
        if (!strcmp(p->a.country, src->country) && strcmp(p->b.country, src->country))
            return &p->b;
        if (!strcmp(p->b.country, src->country) && strcmp(p->a.country, src->country))
            return &p->a;
    }
    /* no dealings of its own yet: the side the story's events have most
     * often been done to (what the story is about) */
    const code_actor *best = NULL;
    int best_n = 0;
    for (size_t i = c->n_pairs; i > lo; i--) {
        const struct code_pair *p = &c->pairs[(i - 1) % CODE_PAIRS];
        if (p->mode != DYAD_MODE_ASSERTED || !strcmp(p->b.country, src->country) ||
            !strcmp(p->a.country, p->b.country) || p->sentence + 5 < s->sentence)
            continue;
        int k = 0;
        for (size_t j = c->n_pairs; j > lo; j--) {
            const struct code_pair *q = &c->pairs[(j - 1) % CODE_PAIRS];
            k += q->mode == DYAD_MODE_ASSERTED && !strcmp(q->b.country, p->b.country) &&
                 strcmp(q->a.country, q->b.country);
        }
        if (k > best_n) {
            best_n = k;
            best = &p->b;
        }
    }
    return best;
}

static void remember_doers(sent *s, const int *srcs, int ns, const int *tgts, int nt,
                           const char *code, int v, int objw)
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
    snprintf(d->code, sizeof d->code, "%s", code);
    for (int i = 0; i < nt && d->nt < CODE_LAST; i++) {
        keep_actor(c, &d->tgts[d->nt], &s->act[tgts[i]]);
        d->tgts[d->nt++].how = "target of an earlier event";
    }
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
    if (ta && mode != DYAD_MODE_HISTORICAL)
        remember_pair(s, sa, ta, mode);
    return 0;
}

/* The code of an intent ("threaten to", "plan to", "refuse to") wrapped
 * around an embedded event code; NULL when CAMEO has none. */
/* Every source with every target of another country.  Returns the number
 * pushed, or -1 when out of memory. */
static int push_pairs(sent *s, const char *code, const int *srcs, int ns, const int *tgts, int nt,
                      int mode, const char *verb, const char *evid)
{
    int made = 0;
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < nt; j++) {
            if (!strcmp(s->act[srcs[i]].country, s->act[tgts[j]].country))
                continue;
            if (push_event(s, code, srcs[i], tgts[j], mode, verb, evid))
                return -1;
            made++;
        }
    return made;
}

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
    if (code_in_list(gov, code_refuse)) {
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

/* What is demanded when someone is said to have to do an event of this
 * code: a withdrawal (106), a cease-fire (107), a meeting (108), a
 * release (1053), other concessions (105). */
static const char *demand_code(const char *code)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (!strncmp(code, "0871", 4)) return "107";
    if (!strncmp(code, "087", 3)) return "106";
    if (!strncmp(code, "0841", 4)) return "1053";
    if (root == 8) return "105";
    if (root == 4) return "108";
    return NULL;
}

/* "must leave", "should withdraw", "has to release" */
static int must_do(const sent *s, int v)
{
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
        if (code_rel_is(&s->w[c], "aux") && (!strcmp(s->lemma[c], "must") || !strcmp(s->lemma[c], "should")))
            return !code_own_negated(s, v);
    int h = code_head_of(s, v);   /* "has to withdraw" */
    return h >= 0 && code_rel_eq(&s->w[v], "xcomp") && !strcmp(s->lemma[h], "have") &&
           code_child_rel_eq(s, v, "mark") >= 0 && !code_own_negated(s, h);
}

static const char *third_place(sent *s, int v, const code_actor *a, const code_actor *b)
{
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c]) {
        if (!code_rel_is(&s->w[c], "obl"))
            continue;
        const char *p = code_prep_of(s, c);
        if (!p || (strcmp(p, "in") && strcmp(p, "at")))
            continue;
        const dict_actor *pl = code_hit_kind(s, c, K_PLACE);
        if (pl && strcmp(pl->country, a->country) && (!b || strcmp(pl->country, b->country)))
            return pl->country;
    }
    return NULL;
}

/* "each other", "one another" in the clause of verb v */
static int reciprocal(const sent *s, int v)
{
    for (int k = v + 1; k + 1 < (int)s->n; k++) {
        if (!((!strcmp(s->fold[k], "each") && !strcmp(s->fold[k + 1], "other")) ||
              (!strcmp(s->fold[k], "one") && !strcmp(s->fold[k + 1], "another"))))
            continue;
        int a = k + 1;
        for (int d = 0; a >= 0 && d < 6; d++, a = code_head_of(s, a))
            if (a == v)
                return 1;
    }
    return 0;
}

/* "Yemen's government and the Maldives followed suit" parsed with the
 * verb as a conjunct of the first subject: that noun is a subject too. */
static int noun_conj_subject(sent *s, int v, int sj, int *srcs, int ns, int max)
{
    int h = code_head_of(s, v);
    if (s->d->petrarch || h < 0 || sj < 0 || h >= sj || !code_rel_eq(&s->w[v], "conj") ||
        code_head_of(s, sj) != v)
        return ns;
    int tmp[8], k = 0;
    if (s->w[h].upos == DYAD_UPOS_NOUN || s->w[h].upos == DYAD_UPOS_PROPN) {
        k = add_cands(s, h, tmp, 0, 8);
    } else if (s->w[h].upos == DYAD_UPOS_VERB) {
        /* "gave ..., and Saudi Arabia, the Emirates and Bahrain ordered":
         * the first members of the list hung on the verb before */
        for (int c = s->first_child[h]; c >= 0; c = s->next_sib[c])
            if (c > h && c < sj && code_rel_eq(&s->w[c], "conj") && s->w[c].upos == DYAD_UPOS_PROPN)
                k = add_cands(s, c, tmp, k, 8);
    }
    for (int q = 0; q < k && ns < max; q++) {
        int dup = 0;
        for (int r = 0; r < ns; r++)
            dup |= !strcmp(s->act[srcs[r]].code, s->act[tmp[q]].code);
        if (!dup)
            srcs[ns++] = tmp[q];
    }
    return ns;
}

/* "Canada and Brazil did the same", "followed suit", "did likewise": the
 * main event of the latest sentence with one, with these sources. */
static int same_again(sent *s, int v)
{
    const dyad_coder *c = s->coder;
    if (!c || !c->prev.set || s->sentence - c->prev.sentence > 2)
        return 0;
    int hit = 0;
    for (int k = s->first_child[v]; k >= 0; k = s->next_sib[k]) {
        if (!strcmp(s->lemma[v], "do") && ((code_rel_eq(&s->w[k], "obj") && !strcmp(s->lemma[k], "same")) ||
                                           (code_rel_is(&s->w[k], "advmod") && !strcmp(s->lemma[k], "likewise"))))
            hit = 1;
        if (!strcmp(s->lemma[v], "follow") && code_rel_eq(&s->w[k], "obj") && !strcmp(s->lemma[k], "suit"))
            hit = 1;
    }
    if (!hit)
        return 0;
    frame f;
    code_get_frame(s, v, &f);
    int sj = f.subj >= 0 ? f.subj : code_inherited_subject(s, v, 0);
    int srcs[8], ns = add_cands(s, sj, srcs, 0, 8);
    ns = noun_conj_subject(s, v, sj, srcs, ns, 8);
    /* "did the same" repeats the verb phrase just read; "followed suit",
     * the action the story is about (its main event) */
    int lead = !strcmp(s->lemma[v], "follow") && c->lead.set && c->lead.nt > 0 &&
               c->lead.sentence < s->sentence;
    int t = slot_from(s, lead ? &c->lead.tgt[0] : &c->prev.tgt, "target of the event repeated");
    if (!ns || t < 0)
        return 0;
    const char *code = lead ? c->lead.code : c->prev.code;
    uint32_t from = lead ? c->lead.sentence : c->prev.sentence;
    int xf = -1, mode = code_mode_of(s, v, &xf);
    char evid[256];
    snprintf(evid, sizeof evid, "repeats the %s event of sentence %u: %s(%s, %s)",
             lead ? "story's main" : "latest", from, s->lemma[v], word_str(s, v), word_str(s, sj));
    char vb[96];
    snprintf(vb, sizeof vb, lead ? "%.*s suit" : "%.*s the same", (int)s->w[v].len, s->w[v].form);
    const char *verb = dyad_arena_strdup(s->a, vb);
    int made = 0;
    for (int i = 0; i < ns; i++) {
        if (!strcmp(s->act[srcs[i]].country, s->act[t].country))
            continue;
        if (push_event(s, code, srcs[i], t, mode, verb, evid))
            return -1;
        made++;
    }
    return made ? made : 0;
}

/* The parties of this sentence's symmetric events ("agreed to end the
 * fighting under a deal brokered by Russia"): the mediator's targets. */
static int parties(sent *s, const int *srcs, int ns, int *out, int n, int max)
{
    for (size_t i = 0; i < s->n_ev && n < max; i++) {
        const dyad_event *e = &s->ev[i];
        if (e->mode != DYAD_MODE_ASSERTED || !*e->source.country || !*e->target.country)
            continue;
        int dup = 0;
        for (int k = 0; k < n; k++)
            if (!strcmp(s->act[out[k]].country, e->source.country))
                dup = 1;
        for (int k = 0; k < ns; k++)
            if (!strcmp(s->act[srcs[k]].country, e->source.country))
                dup = 1;
        if (dup)
            continue;
        code_actor a;
        actor_of_event(&a, &e->source, e->source.code);
        int k = slot_from(s, &a, "party of the event mediated");
        if (k < 0)
            break;
        out[n++] = k;
    }
    return n;
}

/* "Russia agreed to let Ukraine resume shipping, in a deal brokered by
 * Turkey": with no event between them coded, the parties of a mediated
 * deal are the other actors the sentence names as subjects or objects */
static int core_parties(sent *s, const int *srcs, int ns, int *out, int n, int max)
{
    int start = n;
    for (int i = s->dateline; i < s->n && n < max; i++) {
        const dyad_word *w = &s->w[i];
        if (w->upos != DYAD_UPOS_PROPN ||
            !(code_rel_is(w, "nsubj") || code_rel_eq(w, "obj") || code_rel_eq(w, "iobj")))
            continue;
        int tmp[8], k = add_cands(s, i, tmp, 0, 8);
        for (int q = 0; q < k && n < max; q++) {
            const char *cc = s->act[tmp[q]].country;
            int dup = !cc || !*cc;
            for (int r = 0; r < n && !dup; r++)
                dup = !strcmp(s->act[out[r]].country, cc);
            for (int r = 0; r < ns && !dup; r++)
                dup = !strcmp(s->act[srcs[r]].country, cc);
            if (!dup)
                out[n++] = tmp[q];
        }
    }
    return n - start >= 2 ? n : start;
}

/* A judgement the speaker passes on someone ("Netanyahu said Iran had
 * crossed a red line": ISR accuses IRN; "Liu said the talks had gone
 * well": optimism towards the other side of the talks). */
static int said_of(sent *s, int v, const dict_verb *e)
{
    int h = code_say_head(s, v);
    if (h < 0)
        return 0;
    frame f;
    code_get_frame(s, v, &f);
    int srcs[8], ns = add_cands(s, subject_of(s, h), srcs, 0, 8);
    if (!ns)
        return 0;
    int tgts[8], nt = add_cands(s, f.passive ? f.patient : f.subj, tgts, 0, 8);
    const char *how = "said of the clause's subject";
    if (!nt) {
        const code_actor *cp = counterpart(s, &s->act[srcs[0]]);
        int k = cp ? slot_from(s, cp, NULL) : -1;
        if (k >= 0)
            tgts[nt++] = k;
        how = "said of the talks: counterpart";
    }
    if (!nt)
        return 0;
    int xf = -1, mode = code_mode_of(s, h, &xf);
    if (code_own_negated(s, v))
        return 0;   /* "said Iran had not crossed ..." is no accusation */
    char evid[512];
    snprintf(evid, sizeof evid, "%s [%s]; ccomp(%s, %s): %s", e->src, e->pattern, word_str(s, h),
             word_str(s, v), how);
    char vb[160];
    snprintf(vb, sizeof vb, "%s ... %s", word_str(s, h), word_str(s, v));
    const char *verb = dyad_arena_strdup(s->a, vb);
    return push_pairs(s, e->code, srcs, ns, tgts, nt, mode, verb, evid);
}

/* PETRARCH writes a targetless event ("---", require_dyad off) only for
 * a verb phrase holding a noun phrase: "said on Saturday" is coded, "said
 * today" (a bare time word) is not. */
static int petrarch_has_np(const sent *s, int v)
{
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c]) {
        const dyad_word *w = &s->w[c];
        if (c < v || (w->upos != DYAD_UPOS_NOUN && w->upos != DYAD_UPOS_PROPN &&
                      w->upos != DYAD_UPOS_PRON && w->upos != DYAD_UPOS_NUM))
            continue;
        if (code_rel_is(w, "obj") || code_rel_is(w, "iobj"))
            return 1;
        if (code_rel_is(w, "obl") && code_prep_of(s, c))
            return 1;
    }
    return 0;
}

static int code_word(sent *s, int v, char *claimed)
{
    const dyad_word *w = &s->w[v];
    int noun = w->upos == DYAD_UPOS_NOUN || w->upos == DYAD_UPOS_PROPN;
    if (!noun && w->upos != DYAD_UPOS_VERB)
        return 0;
    if (claimed[v])
        return 0;
    /* "targeted killings": an adjective tagged as a verb */
    if (!noun && v + 1 < s->n && !strcmp(s->fold[v], "targeted") &&
        (!strcmp(s->lemma[v + 1], "killing") || !strcmp(s->lemma[v + 1], "assassination")))
        return 0;
    if (!noun) {
        int r = same_again(s, v);
        if (r)
            return r;
    }
    match m = code_best_entry(s, v, noun);
    if (!m.e)
        return 0;
    if (m.e->flags & DV_SAY)
        return said_of(s, v, m.e);
    const dict_verb *e = m.e;
    frame f;
    code_get_frame(s, v, &f);
    int speaker = -1;   /* the speech verb whose subject stands in as source */
    int hosted = 0;     /* a host with the parties of its talks as targets */
    int srcs[8], tgts[8], ns = 0, nt = 0;
    char evid[768];
    snprintf(evid, sizeof evid, "%s [%s]", e->src, e->pattern);
    if (noun) {
        /* "Trump's sanctions on Turkey", "talks between X and Y",
         * "the Helsinki summit of Trump and Putin" */
        int poss = code_child_rel_eq(s, v, "nmod:poss");
        ns = add_cands(s, poss, srcs, ns, 8);
        if (poss >= 0 && ns)
            cat(evid, sizeof evid, "; nmod:poss(%s, %s)%s", word_str(s, v), word_str(s, poss), "");
        for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c]) {
            if (!code_rel_is(&s->w[c], "nmod") || code_rel_is(&s->w[c], "nmod:poss"))
                continue;
            const char *p = code_prep_of(s, c);
            if (!p)
                continue;
            if (!strcmp(p, "between") || (!strcmp(p, "of") && (e->flags & DV_SYM))) {
                if (!ns) {
                    ns = add_cands(s, c, srcs, ns, 8);
                    cat(evid, sizeof evid, "; nmod:%s(%s, %s)", p, word_str(s, v), word_str(s, c));
                }
            } else if (e->n_prep ? code_list_has(e->prep, e->n_prep, p) : code_in_list(p, DEFAULT_PREPS)) {
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
        int h = code_head_of(s, v);
        const char *vp = code_prep_of(s, v);
        /* "opened the summit with a sharp attack on Germany": through the
         * object the with-phrase hangs on, to its verb */
        if (!ns && h >= 0 && code_rel_is(w, "nmod") && vp && !strcmp(vp, "with") &&
            (code_rel_eq(&s->w[h], "obj") || code_rel_is(&s->w[h], "obl")) &&
            code_head_of(s, h) >= 0 && s->w[code_head_of(s, h)].upos == DYAD_UPOS_VERB) {
            int sj = code_inherited_subject(s, code_head_of(s, h), 0);
            ns = add_cands(s, sj, srcs, ns, 8);
            if (ns)
                cat(evid, sizeof evid, "; nmod:with(%s, %s) of the object, subject %s",
                    word_str(s, h), word_str(s, v), word_str(s, sj));
        }
        /* "told Stoltenberg at a breakfast meeting", "said after talks
         * with X": a meeting the clause takes place at */
        int at_meeting = (e->flags & DV_SYM) && code_rel_is(w, "obl") && vp &&
                         (!strcmp(vp, "at") || !strcmp(vp, "during") || !strcmp(vp, "after") ||
                          !strcmp(vp, "in")) && !code_definite(s, v);
        if (!ns && h >= 0 && (code_rel_eq(w, "obj") || code_rel_eq(w, "nsubj:pass") ||
                              (code_rel_is(w, "obl") && vp && !strcmp(vp, "with")) ||
                              at_meeting)) {
            int sj = code_inherited_subject(s, h, 0);
            ns = add_cands(s, sj, srcs, ns, 8);
            if (ns)
                cat(evid, sizeof evid, at_meeting ? "; obl(%s, %s) with subject %s" :
                    "; obj(%s, %s) with subject %s", word_str(s, h), word_str(s, v), word_str(s, sj));
            if (!nt && !at_meeting)
                nt = pp_targets(s, h, e, tgts, nt, 8);
            if (!nt && at_meeting && code_in_list(s->lemma[h], code_say)) {
                /* the addressee of what was said there */
                frame hf;
                code_get_frame(s, h, &hf);
                nt = add_cands(s, hf.iobj >= 0 ? hf.iobj : hf.obj, tgts, nt, 8);
            }
            if (at_meeting && !nt)
                ns = 0;
        }
        if (!ns)
            return 0;
    } else {
        int sj = f.passive ? f.agent : f.subj;
        if (sj < 0)
            sj = code_inherited_subject(s, v, 0);
        else if (!f.passive && code_rel_is(&s->w[v], "acl") && code_head_of(s, v) >= 0 &&
                 (!strcmp(s->lemma[sj], "who") || !strcmp(s->lemma[sj], "which") ||
                  !strcmp(s->lemma[sj], "that")))
            sj = code_head_of(s, v);   /* "Trump, who ordered the increase" */
        int tab_passive = f.passive && f.agent < 0 && s->d->tabari && f.patient >= 0;
        if (tab_passive) {
            /* TABARI: a passive without its by-phrase is coded from its
             * subject ("The Philippines was criticized over its dispute
             * with Eriador") */
            sj = f.patient;
        } else if (f.passive && f.agent < 0) {
            sj = -1;
            /* "he wrote that sanctions would be imposed on X": the speaker
             * threatens; the sanctions themselves have no named doer */
            int x = v, h = code_head_of(s, v), hops = 0;
            while (h >= 0 && code_rel_eq(&s->w[x], "conj") && hops++ < 16) {
                x = h;
                h = code_head_of(s, x);
            }
            int fut = code_own_modal(s, v);
            for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
                if (code_rel_is(&s->w[c], "aux") && (!strcmp(s->lemma[c], "will") || !strcmp(s->lemma[c], "wo")))
                    fut = 1;
            int neg = code_own_negated(s, v) || (f.patient >= 0 && code_own_negated(s, f.patient));
            if (h >= 0 && fut && !neg && (code_rel_is(&s->w[x], "ccomp") || code_rel_is(&s->w[x], "parataxis")) &&
                code_in_list(s->lemma[h], code_say)) {
                frame hf;
                code_get_frame(s, h, &hf);
                sj = hf.subj >= 0 ? hf.subj : code_inherited_subject(s, h, 0);
                speaker = h;
            }
        }
        ns = add_cands(s, sj, srcs, ns, 8);
        ns = noun_conj_subject(s, v, sj, srcs, ns, 8);
        if (!ns && sj >= 0 && s->w[sj].upos == DYAD_UPOS_NOUN && code_in_list(s->lemma[sj], code_doc_nouns)) {
            /* "approved a declaration that condemned": the document speaks
             * for whoever issued it (its possessor, by-agent, or the
             * subject of the verb that issued it) */
            int who = code_child_rel_eq(s, sj, "nmod:poss");
            for (int c = s->first_child[sj]; c >= 0 && who < 0; c = s->next_sib[c])
                if (code_rel_is(&s->w[c], "nmod") && code_prep_of(s, c) &&
                    (!strcmp(code_prep_of(s, c), "by") || !strcmp(code_prep_of(s, c), "from")))
                    who = c;
            if (who < 0 && code_rel_eq(&s->w[sj], "obj") && code_head_of(s, sj) >= 0)
                who = code_inherited_subject(s, code_head_of(s, sj), 0);
            if (who >= 0 && who != sj) {
                ns = add_cands(s, who, srcs, ns, 8);
                if (ns)
                    cat(evid, sizeof evid, "; the %s of %s%s", word_str(s, sj), word_str(s, who), "");
            }
        }
        if (sj >= 0 && sj == f.agent && ns)
            /* "signed by Putin, Aliyev of Azerbaijan and Pashinyan" with the
             * rest of the list hung on a punctuation mark: a parse error,
             * read as the list it is */
            for (int c = sj + 1; c < s->n && ns < 8; c++) {
                int hc = code_head_of(s, c);
                if (hc < 0 || s->w[hc].upos != DYAD_UPOS_PUNCT || s->w[c].upos != DYAD_UPOS_PROPN)
                    continue;
                int lo = c;
                while (lo > 0 && (code_rel_is(&s->w[lo - 1], "nmod") || code_rel_is(&s->w[lo - 1], "compound") ||
                                  code_rel_is(&s->w[lo - 1], "amod")) && code_head_of(s, lo - 1) >= lo - 1)
                    lo--;
                if (lo == 0 || strcmp(s->fold[lo - 1], ","))
                    continue;
                int tmp[8], k = add_cands(s, c, tmp, 0, 8);
                for (int q = 0; q < k && ns < 8; q++)
                    srcs[ns++] = tmp[q];
            }
        if (sj >= 0 && sj == f.subj)   /* "X, Y and Z asked" with Z parsed as a second subject */
            for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
                if (c != sj && c >= s->dateline && code_rel_eq(&s->w[c], "nsubj") &&
                    s->w[c].upos == DYAD_UPOS_PROPN) {
                    int tmp[8], k = add_cands(s, c, tmp, 0, 8);
                    for (int q = 0; q < k && ns < 8; q++) {
                        int dup = 0;
                        for (int r = 0; r < ns; r++)
                            dup |= !strcmp(s->act[srcs[r]].code, s->act[tmp[q]].code);
                        if (!dup)
                            srcs[ns++] = tmp[q];
                    }
                }
        if (!ns && sj >= 0) {
            /* "Syrian air defenses fired": a subject named by its country */
            for (int c = s->first_child[sj]; c >= 0 && !ns; c = s->next_sib[c]) {
                if (!code_rel_is(&s->w[c], "amod") && !code_rel_is(&s->w[c], "compound"))
                    continue;
                const dict_actor *d = code_hit_kind(s, c, K_PLACE | K(DA_ADJ));
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
        /* "ordered diplomats to leave": the leaving is part of the
         * expulsion, not an event of its own (an intent's content is) */
        if (e->to && f.xcomp >= 0 && f.xcomp > v && !code_in_list(s->lemma[v], code_intent_event))
            claimed[f.xcomp] = 1;
        cat(evid, sizeof evid, "; %s(%s, %s)", f.passive ? "obl:agent" : "nsubj",
            word_str(s, v), word_str(s, sj));
        int ov = e->to && f.xcomp >= 0 ? f.xcomp : v;
        frame g;
        code_get_frame(s, ov, &g);
        /* targets: prepositional phrases first when the object is part of the
         * pattern ("impose sanctions ON Russia"), else object first */
        /* "urged Russia to ...", "called on Iran to ...": the addressee */
        if (e->to || (f.xcomp >= 0 && code_rel_eq(&s->w[f.xcomp], "ccomp"))) {
            nt = add_cands(s, f.obj, tgts, nt, 8);
            if (!nt)
                nt = add_cands(s, f.iobj, tgts, nt, 8);
            if (!nt && f.xcomp >= 0)   /* the addressee parsed as the complement's subject */
                nt = add_cands(s, code_child_rel(s, f.xcomp, "nsubj"), tgts, nt, 8);
            if (!nt && !strcmp(e->lemma, "call"))
                for (int c = s->first_child[v]; c >= 0 && !nt; c = s->next_sib[c]) {
                    const char *p = code_rel_is(&s->w[c], "obl") ? code_prep_of(s, c) : NULL;
                    if (p && !strcmp(p, "on"))
                        nt = add_cands(s, c, tgts, nt, 8);
                }
        }
        /* "hosted talks in Vilnius between Erdogan and Kristersson": the
         * host receives both parties, who are not the host (043), and the
         * talks between them are an event of their own */
        for (int c = m.objw >= 0 && !nt && !s->d->petrarch && !strcmp(s->lemma[v], "host") ?
                     s->first_child[m.objw] : -1; c >= 0 && !nt; c = s->next_sib[c])
            if (code_rel_is(&s->w[c], "nmod") && code_prep_of(s, c) && !strcmp(code_prep_of(s, c), "between")) {
                nt = add_cands(s, c, tgts, nt, 8);
                if (nt) {
                    hosted = 1;
                    cat(evid, sizeof evid, "; hosted between: nmod:between(%s, %s)%s", word_str(s, m.objw),
                        word_str(s, c), "");
                }
            }
        if (nt) {
            /* addressee found */
        } else if (m.objw >= 0) {
            nt = pp_targets(s, ov, e, tgts, nt, 8);
            if (!nt)
                nt = pp_targets(s, m.objw, e, tgts, nt, 8);
            /* "reserved the right to retaliate against Washington" */
            for (int c = s->first_child[m.objw]; c >= 0 && !nt && !s->d->petrarch; c = s->next_sib[c])
                if (code_rel_is(&s->w[c], "acl") && c > m.objw)
                    nt = pp_targets(s, c, NULL, tgts, nt, 8);
            if (!nt && ov != v)
                nt = pp_targets(s, v, e, tgts, nt, 8);
            if (!nt && m.objw != g.patient)
                nt = add_cands(s, m.objw, tgts, nt, 8); /* "expelled British diplomats" */
            if (!nt) {  /* "investigated Russia's attack", not "fired its own missiles" */
                int poss = code_child_rel_eq(s, m.objw, "nmod:poss");
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
            if (f.passive && !tab_passive)
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
        /* "pledged $500 million in aid to Ukraine", "approved a loan for
         * Egypt": the recipient named under the thing given */
        int rr = (e->code[0] - '0') * 10 + (e->code[1] - '0');
        for (int c = !nt && !s->d->petrarch && (rr == 3 || rr == 6 || rr == 7) ? s->first_child[v] : -1;
             c >= 0 && !nt; c = s->next_sib[c]) {
            if (!code_rel_eq(&s->w[c], "obj") && !code_rel_is(&s->w[c], "obl"))
                continue;
            for (int g = s->first_child[c]; g >= 0 && !nt; g = s->next_sib[g]) {
                const char *p = code_rel_is(&s->w[g], "nmod") ? code_prep_of(s, g) : NULL;
                if (p && (!strcmp(p, "to") || !strcmp(p, "for")))
                    nt = add_cands(s, g, tgts, nt, 8);
            }
        }
        /* "called for dialogue between Qatar and Saudi Arabia": the
         * parties of what is asked for */
        for (int c = m.ppw >= 0 && !nt && !s->d->petrarch ? s->first_child[m.ppw] : -1; c >= 0 && !nt;
             c = s->next_sib[c])
            if (code_rel_is(&s->w[c], "nmod") && code_prep_of(s, c) && !strcmp(code_prep_of(s, c), "between")) {
                nt = add_cands(s, c, tgts, nt, 8);
                if (nt)
                    cat(evid, sizeof evid, "; nmod:between(%s, %s)%s", word_str(s, m.ppw), word_str(s, c), "");
            }
        int only_null = nt > 0;   /* PETRARCH "---" agents only */
        for (int q = 0; q < nt && only_null; q++)
            only_null = s->act[tgts[q]].country && !strcmp(s->act[tgts[q]].country, "---");
        if ((!nt || only_null) && s->d->petrarch) {
            /* PETRARCH: the first actor of the post-verb phrase ("welcomed a
             * resumption of ties with X") */
            int x = deep_target(s, v, g.obj >= 0 ? g.obj : (m.objw >= 0 ? m.objw : -1), 0);
            /* TABARI: the first actor after the verb, wherever it hangs
             * ("allowed that Mordor isn't a pleasant place") */
            /* (not across a comma: a closing ", officials said" clause is
             * not part of it; not for "X and Y delayed their meeting",
             * coded between them below) */
            int pair = (e->flags & DV_SYM) && ns >= 2;
            for (int k = v + 1; x < 0 && s->d->tabari && !pair && k < s->n && strcmp(s->fold[k], ",");
                 k++)
                if (s->w[k].upos != DYAD_UPOS_PRON && s->w[k].upos != DYAD_UPOS_PUNCT) {
                    code_resolve(s, k);
                    if (s->act[k].kind && s->ment[k] >= 0)
                        x = k;
                }
            if (x >= 0 && only_null && (!s->act[x].country || !strcmp(s->act[x].country, "---")))
                x = -1;
            if (x >= 0) {
                nt = add_cands(s, x, tgts, 0, 8);
                if (nt)
                    cat(evid, sizeof evid, "; first actor after the verb: %s%s%s", word_str(s, x), "", "");
            }
        }
        int ob = m.objw >= 0 ? m.objw : g.obj;
        int r2 = (e->code[0] - '0') * 10 + (e->code[1] - '0');
        if (!nt && ob >= 0 && s->coder && !(e->flags & DV_SYM) && !s->d->petrarch &&
            code_in_list(s->lemma[ob], CLAIM_NOUNS) &&
            ((r2 >= 9 && r2 <= 13) || r2 == 5 || r2 == 1)) {
            /* "dismissed the claim from Berlin", "rejected Germany's
             * demand": who made it (never a guess from memory) */
            int who = code_child_rel_eq(s, ob, "nmod:poss");
            if (who < 0)
                who = noun_by_agent(s, ob);
            nt = add_cands(s, who, tgts, nt, 8);
            for (int i = 0; i < ns && nt; i++)   /* not its own */
                if (!strcmp(s->act[srcs[i]].country, s->act[tgts[0]].country) && nt == 1)
                    nt = 0;
            if (nt)
                cat(evid, sizeof evid, "; obj(%s, %s) made by its target%s", word_str(s, v),
                    word_str(s, ob), "");
        }
        if (!nt && ob >= 0 && s->coder && !(e->flags & DV_SYM) &&
            (code_in_list(s->lemma[ob], EVENT_NOUNS) || code_in_list(s->lemma[ob], MEET_NOUNS)) &&
            ((r2 >= 9 && r2 <= 13) || r2 == 5 || r2 == 1) &&
            (code_definite(s, ob) || code_child_rel_eq(s, ob, "nmod:poss") >= 0 ||
             noun_by_agent(s, ob) >= 0)) {
            nt = event_noun_actors(s, ob, tgts, nt, 8);
            for (int i = 0; i < ns && nt; i++)   /* not its own doing */
                if (!strcmp(s->act[srcs[i]].country, s->act[tgts[0]].country) && nt == 1)
                    nt = 0;
            if (nt)
                cat(evid, sizeof evid, "; obj(%s, %s) names an earlier event%s", word_str(s, v),
                    word_str(s, ob), "");
        }
        if (!nt && ob >= 0 && s->coder && s->coder->n_done && r2 >= 14 &&
            code_in_list(s->lemma[ob], EVENT_NOUNS) && code_definite(s, ob)) {
            /* "Trump, who ordered the increase": the same event again, done
             * to whom the earlier one was */
            const struct code_done *d = NULL;
            for (int k = s->coder->n_done - 1; k >= 0 && !d; k--)
                if (!strncmp(s->coder->done[k].code, e->code, 2) && s->coder->done[k].nt)
                    d = &s->coder->done[k];
            for (int k = 0; d && k < d->nt && nt < 8; k++) {
                int t = slot_from(s, &d->tgts[k], NULL);
                if (t >= 0)
                    tgts[nt++] = t;
            }
            if (d && nt)
                cat(evid, sizeof evid, "; obj(%s, %s) names an earlier %s event", word_str(s, v),
                    word_str(s, ob), d->code);
        }
        /* "a deal brokered by Russia": the mediator's targets are the
         * parties of the sentence's other events */
        if (!nt && !strncmp(e->code, "045", 3) && ob >= 0 && !s->d->petrarch &&
            code_in_list(s->lemma[ob], MEET_NOUNS) && code_definite(s, ob)) {
            /* "brokering the agreement": the parties of the agreement */
            int k = event_noun_actors(s, ob, tgts, 0, 8);
            for (int i = 0; i < k; i++) {
                int own = 0;
                for (int j = 0; j < ns; j++)
                    own |= !strcmp(s->act[srcs[j]].country, s->act[tgts[i]].country);
                if (!own)
                    tgts[nt++] = tgts[i];
            }
        }
        if (!nt && !strncmp(e->code, "045", 3))
            nt = parties(s, srcs, ns, tgts, nt, 8);
        if (!nt && !strncmp(e->code, "045", 3) && !s->d->petrarch && code_rel_is(&s->w[v], "acl"))
            nt = core_parties(s, srcs, ns, tgts, nt, 8);
        if (!nt) {
            int cand[8], nc = 0;
            for (int c = s->first_child[ov]; c >= 0 && nc < 6; c = s->next_sib[c]) {
                const char *p = code_rel_is(&s->w[c], "obl") ? code_prep_of(s, c) : NULL;
                if (p && (code_in_list(p, DEFAULT_PREPS) || !strcmp(p, "into") ||
                          (e->n_prep && code_list_has(e->prep, e->n_prep, p))))
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
        /* "declared a cease-fire in its fight with rebel forces": the
         * other side of the fight the event is placed in */
        static const char *const FIGHT[] = {"fight", "war", "conflict", "battle", "struggle",
            "campaign", "dispute", "standoff", "row", "confrontation", NULL};
        for (int c = s->first_child[v]; !nt && !noun && !s->d->petrarch && c >= 0; c = s->next_sib[c]) {
            const char *p = code_rel_is(&s->w[c], "obl") ? code_prep_of(s, c) : NULL;
            if (!p || strcmp(p, "in") || !code_in_list(s->lemma[c], FIGHT))
                continue;
            for (int g = s->first_child[c]; g >= 0; g = s->next_sib[g]) {
                const char *q = code_rel_is(&s->w[g], "nmod") ? code_prep_of(s, g) : NULL;
                if (q && (!strcmp(q, "with") || !strcmp(q, "against")))
                    nt = add_cands(s, g, tgts, nt, 8);
            }
            if (nt)
                cat(evid, sizeof evid, "; the other side of the %s%s%s", word_str(s, c), "", "");
        }
        /* a verbal reaction with no named target: the one the source last
         * dealt with in this story */
        /* replies (denying a charge, apologizing) and retaliation are aimed
         * at the other side too */
        static const char *const RETALIATE[] = {"countermeasure", "retaliation", "reprisal",
            "counter-measure", NULL};
        int reply = (!strncmp(e->code, "016", 3) && (m.objw >= 0 || g.obj < 0)) ||
                    !strncmp(e->code, "055", 3) ||
                    (ob >= 0 && code_in_list(s->lemma[ob], RETALIATE));
        if (!nt && (r2 == 2 || r2 == 3 || (r2 >= 10 && r2 <= 13) || reply || (r2 == 16 && m.objw >= 0) ||
                    (r2 >= 3 && r2 <= 8 && code_own_negated(s, v))) &&
            !(e->flags & (DV_SELF | DV_SYM)) && ns >= 1 && !(ns >= 2 && reciprocal(s, v)) &&
            (m.objw >= 0 || m.ppw >= 0 || reply || (e->to && !s->d->petrarch)) &&
            !(r2 != 16 && ob >= 0 && code_child_rel_eq(s, ob, "nmod:poss") >= 0 && !code_own_negated(s, v) &&
              s->w[code_child_rel_eq(s, ob, "nmod:poss")].upos == DYAD_UPOS_PRON)) {
            /* (not "reaffirmed their commitment": their own) */
            const code_actor *cp = counterpart(s, &s->act[srcs[0]]);
            for (int i = 0; cp && i < ns; i++)   /* not one of the sources' own side */
                if (!strcmp(s->act[srcs[i]].country, cp->country))
                    cp = NULL;
            if (cp) {
                s->act[s->n + CODE_LAST - 1] = *cp;
                s->done[s->n + CODE_LAST - 1] = 1;
                tgts[nt++] = s->n + CODE_LAST - 1;
                cat(evid, sizeof evid, "; no target named: counterpart %s%s%s", cp->code, "", "");
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
    int mode = code_mode_of(s, v, &xfrom);
    /* "He said the troops must leave": what a speaker says someone must
     * do is demanded of them (10x) */
    const char *dc = !noun && !s->d->petrarch && ns > 0 && speaker < 0 && must_do(s, v) ?
                     demand_code(e->code) : NULL;
    int say = dc ? code_say_head(s, v) : -1;
    if (say >= 0) {
        int sp[8], nsp = add_cands(s, code_inherited_subject(s, say, 0), sp, 0, 8);
        int gx = -1, gmode = code_mode_of(s, say, &gx);
        char ev2[900];
        snprintf(ev2, sizeof ev2, "%s; demanded: ccomp(%s, %s) with must", evid, word_str(s, say),
                 word_str(s, v));
        int made = push_pairs(s, dc, sp, nsp, srcs, ns, gmode, verb, ev2);
        if (made)
            return made;
    }
    /* an actor's own account of what it did is asserted ("the military
     * said it destroyed the batteries") */
    if (ns > 0)
        mode = own_account(s, v, mode, srcs[0]);
    /* "China would not make concessions": a refusal, asserted (12x) */
    int refusal = 0;
    if (mode == DYAD_MODE_NEGATED && !noun && code_own_negated(s, v)) {
        int r0 = (e->code[0] - '0') * 10 + (e->code[1] - '0');
        int fut = 0;
        for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
            if (code_rel_is(&s->w[c], "aux") && (!strcmp(s->lemma[c], "will") || !strcmp(s->lemma[c], "would") ||
                                             !strcmp(s->lemma[c], "wo")))
                fut = 1;
        if (fut && r0 >= 3 && r0 <= 8)
            refusal = 1;
    }
    if (noun && mode == DYAD_MODE_ASSERTED && code_head_of(s, v) >= 0 &&
        (code_rel_eq(w, "obj") || code_rel_eq(w, "nsubj:pass") || code_rel_is(w, "obl"))) {
        int hx = -1;
        int hv = code_head_of(s, v);
        mode = code_mode_of(s, hv, &hx);
        /* "called for dialogue", "pressed for talks": asked for, not held */
        static const char *const ASK_FOR[] = {"call", "ask", "appeal", "press", "push", "urge",
            "demand", "plead", "lobby", "clamor", "wait", "hope", "prepare", NULL};
        const char *p = code_prep_of(s, v);
        if (code_rel_is(w, "obl") && p && !strcmp(p, "for") && code_in_list(s->lemma[hv], ASK_FOR))
            mode = DYAD_MODE_HYPOTHETICAL;
    }
    int sym = (e->flags & DV_SYM) != 0 && !hosted;
    /* "Israel and the UAE agreed to normalize relations": an intent to do
     * something mutual is mutual */
    int xsym = 0;   /* (between coordinated sources only, when no target is named) */
    if (!sym && e->to && f.xcomp >= 0 && !s->d->petrarch) {
        match xm = code_best_entry(s, f.xcomp, 0);
        xsym = xm.e && (xm.e->flags & DV_SYM) && !hosted;
    }
    int paired = 0;   /* coded between the coordinated sources */
    dict_verb host_e;
    if (hosted) {
        host_e = *e;
        host_e.code = "043";
        host_e.third_code = NULL;
        e = &host_e;
    }
    int made = 0;
    if (speaker >= 0) {
        int root = (e->code[0] - '0') * 10 + (e->code[1] - '0');
        const char *ic = intent_code(root >= 10 ? "threaten" : "plan", e->code);
        if (!ic || !nt)
            return 0;
        int gx = -1;
        int gmode = code_mode_of(s, speaker, &gx);
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

    if ((e->flags & DV_SWAP) && nt) {
        /* PETRARCH "+ * FROM $": the one named before the verb is the
         * target ("the militia was freed from Barad-dur") */
        int tmp[8], k = ns;
        memcpy(tmp, srcs, sizeof tmp);
        memcpy(srcs, tgts, sizeof tmp);
        memcpy(tgts, tmp, sizeof tmp);
        ns = nt;
        nt = k;
        cat(evid, sizeof evid, "; roles swapped (%s)%s%s", e->pattern, "", "");
    }
    /* symmetric verb with coordinated subjects and no target: every pair
     * (not "X and Y agreed to remove banks": what they agreed to do is
     * the event, and the lexicon has no frame for it) */
    /* (but "Cyprus and Greece met to build a pipeline": the meeting's
     * infinitive is its purpose, and the meeting happened) */
    if (!nt && sym && ns >= 2 && !noun && f.xcomp >= 0 && !e->to &&
        (code_in_list(s->lemma[v], code_intent_event) || code_in_list(s->lemma[v], code_refuse)))
        return 0;
    /* "pledged to respect each other's sovereignty": reciprocal */
    /* "Indian and Chinese soldiers fought": a mutual act of two sides */
    static const char *const MUTUAL[] = {"fight", "clash", "battle", "skirmish", "brawl",
        "exchange", "trade", "swap", NULL};
    if (!nt && ns >= 2 && !sym && !s->d->petrarch &&
        (reciprocal(s, v) || (!noun && code_in_list(s->lemma[v], MUTUAL))))
        sym = 1;
    if (!nt && (sym || xsym) && ns >= 2) {
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
        /* each side is the other's target from here on (the statement of
         * an intent below: "they said they would hold talks") */
        memcpy(tgts, srcs, sizeof tgts);
        nt = ns;
        paired = 1;
    }
    if (!nt && !(e->flags & DV_SELF)) {
        /* no target: still an event when the object slot holds a thing
         * ("rejected the proposal"), coded with an empty target */
        if (!(m.objw >= 0 || (e->to && f.xcomp >= 0)) &&
            !(s->d->petrarch && s->coder && s->coder->no_dyad && petrarch_has_np(s, v)))
            return 0;
    }
    for (int i = 0; i < ns && !paired; i++) {
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
            } else if (e->rev_code) {   /* PETRARCH "[032:033]" */
                if (push_event(s, e->rev_code, tgts[j], srcs[i], mode, verb, evid))
                    return -1;
                made++;
            }
        }
        /* "met jointly with Kang and Kono": the ones met together meet
         * each other too */
        int joint = -1;
        for (int c = s->first_child[v]; sym && i == 0 && c >= 0 && !s->d->petrarch; c = s->next_sib[c])
            if (code_rel_is(&s->w[c], "advmod") && (!strcmp(s->lemma[c], "jointly") ||
                                                   !strcmp(s->lemma[c], "together")))
                joint = c;
        for (int j = 0; joint >= 0 && j < nt; j++)
            for (int k = 0; k < nt; k++) {
                const code_actor *a = &s->act[tgts[j]], *b = &s->act[tgts[k]];
                if (j == k || !strcmp(a->country, b->country))
                    continue;
                const char *code = e->third_code && third_place(s, v, a, b) ? e->third_code : e->code;
                if (push_event(s, code, tgts[j], tgts[k], mode, verb, evid))
                    return -1;
                made++;
            }
    }
    {
        int r3 = (e->code[0] - '0') * 10 + (e->code[1] - '0');
        if (made && r3 >= 15 && !noun && mode != DYAD_MODE_HYPOTHETICAL && mode != DYAD_MODE_NEGATED)
            remember_doers(s, srcs, ns, tgts, nt, e->code, v, m.objw >= 0 ? m.objw : f.obj);
    }
    /* the intent itself ("threatened to impose sanctions" → 1312) */
    if (made && xfrom >= 0 && !noun && code_in_list(s->lemma[xfrom], code_intent_event)) {
        match gm = code_best_entry(s, xfrom, 0);
        if (!gm.e || !gm.e->to) {
            const char *ic = intent_code(s->lemma[xfrom], e->code);
            if (ic) {
                int gx = -1;
                int gmode = code_mode_of(s, xfrom, &gx);
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
        int x = v, h = code_head_of(s, v), hops = 0, said_and = 0;
        while (h >= 0 && code_rel_eq(&s->w[x], "conj") && hops++ < 16) {
            if (code_in_list(s->lemma[h], code_say) && f.subj < 0 && code_own_modal(s, v)) {
                /* "said it regretted the increase and would take
                 * countermeasures", the second verb hung on "said" */
                said_and = 1;
                break;
            }
            x = h;
            h = code_head_of(s, x);
        }
        if (h >= 0 && (said_and || code_rel_is(&s->w[x], "ccomp") || code_rel_is(&s->w[x], "parataxis")) &&
            code_in_list(s->lemma[h], code_say)) {
            int root = (e->code[0] - '0') * 10 + (e->code[1] - '0');
            const char *ic = intent_code(root >= 10 ? "threaten" : "plan", e->code);
            /* (for an intent that is itself the event — "said he would
             * invite Kim", 036 — the statement codes the same event) */
            if (ic && (strcmp(ic, e->code) || root == 3)) {
                int gx = -1;
                int gmode = code_mode_of(s, h, &gx);
                char ev2[900];
                snprintf(ev2, sizeof ev2, "statement: ccomp(%s, %s) of a hypothetical %s",
                         word_str(s, h), word_str(s, v), e->code);
                char vb2[300];
                snprintf(vb2, sizeof vb2, "%s ... %s", word_str(s, h), verb);
                const char *verb2 = dyad_arena_strdup(s->a, vb2);
                /* the one who said it makes the threat ("Liberman said it
                 * will storm on them"), when the speaker is known */
                frame hf;
                code_get_frame(s, h, &hf);
                int sp = hf.subj >= 0 ? hf.subj : code_inherited_subject(s, h, 0);
                int sps[8], nsp = 0;
                if (sp >= 0 && (s->w[sp].upos != DYAD_UPOS_PRON ||
                                s->w[srcs[0] < s->n ? srcs[0] : sp].upos == DYAD_UPOS_PRON))
                    nsp = add_cands(s, sp, sps, 0, 8);
                const int *who = nsp ? sps : srcs;
                int nwho = nsp ? nsp : ns;
                for (int i = 0; i < nwho; i++)
                    for (int j = 0; j < nt; j++)
                        if (strcmp(s->act[who[i]].code, s->act[tgts[j]].code) &&
                            push_event(s, ic, who[i], tgts[j], gmode, verb2, ev2))
                            return -1;
            }
        }
    }
    return made;
}

static int same_code(const char *a, const char *b)
{
    return !strcmp(a ? a : "", b ? b : "");
}

/* What a speaker calls something: "said the measures were unjustified"
 * (111), "said the charges were groundless" (016), "said the talks were
 * a success" (051).  The target is the actor judged, or the doers of the
 * event judged. */
static const char *const JUDGE_BAD[] = {"unjustified", "unjustifiable", "unacceptable",
    "illegal", "unlawful", "illegitimate", "irresponsible", "outrageous", "provocative",
    "reckless", "deplorable", "regrettable", "shameful", "disgraceful", "unwarranted",
    "unprovoked", "counterproductive", "counter-productive", "destabilizing", "hostile",
    "unfair", "unfriendly", "inadmissible", "intolerable", "despicable", "abhorrent",
    "barbaric", "cowardly", "criminal", "aggressive", "arbitrary", "discriminatory",
    "violation", "blackmail", "aggression", "outrage", "provocation", "mistake",
    "disgrace", "travesty", "farce", "sham", "interference", "meddling", "failure",
    "dangerous", "joke", "betrayal", "hypocritical", "hypocrisy", "bullying", "coercion",
    "coercive", "racist", "terrorist", "unilateral", "stab", "backstab", "breach", "garbage",
    "disaster", "catastrophe", "embarrassment", "scandal", "crime", "hoax", "insult", "affront",
    "unconstitutional", "unthinkable", "menace", "atrocity", "genocide", "colonialist",
    "imperialist", "irrational", "reprehensible", "unprecedented", NULL};
static const char *const JUDGE_FALSE[] = {"groundless", "baseless", "unfounded", "untrue",
    "fabricated", "false", "absurd", "ridiculous", "nonsense", "fabrication", "lie",
    "slander", "fiction", "smear", "fake", NULL};
static const char *const JUDGE_GOOD[] = {"historic", "constructive", "productive",
    "successful", "success", "achievement", "breakthrough", "milestone", "excellent",
    "fruitful", "landmark", "triumph", "victory", "win", "credible", "positive", "encouraging",
    "useful", "helpful", "good", "great", "reasonable", "wise", "beacon", "decisive",
    "courageous", "brave", "bold", "justified", "correct", "appropriate", "welcome", "commendable",
    "admirable", "important", "significant", "remarkable", NULL};

static const char *judge_code(const sent *s, int y)
{
    return code_in_list(s->lemma[y], JUDGE_BAD) ? "111" :
           code_in_list(s->lemma[y], JUDGE_FALSE) ? "016" :
           code_in_list(s->lemma[y], JUDGE_GOOD) ? "051" : NULL;
}

/* The actors a judgement is about: the actor named ("called Russia a
 * threat"), the owner of the thing judged ("the Canadian position"), or
 * the doers of the event judged ("called the step reckless"). */
static int judged_actors(sent *s, int x, int *out, int max, const char **how)
{
    /* "the first round of tests": the tests */
    static const char *const PORTION[] = {"round", "series", "wave", "string", "spate", "set", NULL};
    int portion = -1;
    if (code_in_list(s->lemma[x], PORTION))
        for (int c = s->first_child[x]; c >= 0; c = s->next_sib[c])
            if (code_rel_is(&s->w[c], "nmod") && code_prep_of(s, c) && !strcmp(code_prep_of(s, c), "of")) {
                portion = x;
                x = c;
                break;
            }
    /* "a step that Moon called reckless": the noun the clause is about */
    int h = code_head_of(s, x);
    if (h >= 0 && s->w[x].upos == DYAD_UPOS_PRON && code_rel_is(&s->w[h], "acl") &&
        (!strcmp(s->lemma[x], "that") || !strcmp(s->lemma[x], "which")) && code_head_of(s, h) >= 0)
        x = code_head_of(s, h);
    /* "approved a decision to ..., a step that ...": a noun set beside
     * this sentence's own event names it; its doer is that event's source */
    int hx = code_head_of(s, x);
    if (s->w[x].upos == DYAD_UPOS_NOUN && code_in_list(s->lemma[x], EVENT_NOUNS) && hx >= 0 &&
        (code_rel_is(&s->w[x], "parataxis") || code_rel_is(&s->w[x], "appos")) &&
        s->w[hx].upos == DYAD_UPOS_VERB) {
        for (size_t i = 0; i < s->n_ev; i++)
            if (s->ev[i].sentence == s->sentence && s->ev[i].mode == DYAD_MODE_ASSERTED &&
                *s->ev[i].source.country) {
                code_actor a;
                actor_of_event(&a, &s->ev[i].source, s->ev[i].source.code);
                int t = slot_from(s, &a, "doer of the event the noun stands beside");
                if (t >= 0) {
                    *how = "doer of this sentence's event";
                    out[0] = t;
                    return 1;
                }
            }
    }
    int n = add_cands(s, x, out, 0, max);
    *how = "the actor judged";
    if (!n && s->w[x].upos == DYAD_UPOS_NOUN) {
        int o = owner_d(s, x, 0);
        if (o >= 0) {
            n = add_cands(s, o, out, 0, max);
            *how = "owner of the thing judged";
        }
    }
    if (!n && s->w[x].upos == DYAD_UPOS_NOUN &&
        (code_in_list(s->lemma[x], EVENT_NOUNS) || code_in_list(s->lemma[x], MEET_NOUNS)) &&
        (code_definite(s, portion >= 0 ? portion : x) || code_child_rel_eq(s, portion >= 0 ? portion : x, "det") >= 0)) {
        n = event_noun_actors(s, x, out, 0, max);
        *how = "doers of the event judged";
    }
    /* "This is a victory for dialogue," Wang said: the story's event */
    if (!n && s->w[x].upos == DYAD_UPOS_PRON && (!strcmp(s->lemma[x], "this") || !strcmp(s->lemma[x], "it"))) {
        n = event_noun_actors(s, x, out, 0, max);
        *how = "the story's main event";
    }
    return n;
}

/* The sides of a judgement: the subject of the speaking verb v (sources)
 * and the actors judged through word x (targets).  Returns the mode of
 * v, or -1 when either side is missing. */
static int judgement_sides(sent *s, int v, int x, int *srcs, int *ns, int *tgts, int *nt,
                           const char **how)
{
    *ns = add_cands(s, subject_of(s, v), srcs, 0, 8);
    *nt = *ns ? judged_actors(s, x, tgts, 8, how) : 0;
    if (!*ns || !*nt)
        return -1;
    int xf = -1;
    return code_mode_of(s, v, &xf);
}

static int judged(sent *s, int i, char *claimed)
{
    const dyad_word *w = &s->w[i];
    if (s->d->petrarch || claimed[i] || (w->upos != DYAD_UPOS_ADJ && w->upos != DYAD_UPOS_NOUN))
        return 0;
    const char *code = judge_code(s, i);
    if (!code)
        return 0;
    /* a predicate of its own clause ("the measures were unjustified"),
     * or a conjunct of one */
    int x = i;
    if (code_rel_eq(w, "conj") && code_head_of(s, i) >= 0)
        x = code_head_of(s, i);
    int subj = code_child_rel(s, x, "nsubj");
    if (subj < 0 || code_child_rel(s, x, "cop") < 0 || code_own_negated(s, x))
        return 0;
    int h = code_head_of(s, x);
    if (h < 0 || !code_rel_is(&s->w[x], "ccomp") || !code_in_list(s->lemma[h], code_say)) {
        /* "“This is a victory,” Wang said" parsed with the speech verb
         * hung on the quotation */
        h = -1;
        for (int c = s->first_child[x]; c >= 0 && h < 0; c = s->next_sib[c])
            if (c > x && code_rel_is(&s->w[c], "parataxis") && code_in_list(s->lemma[c], code_say))
                h = c;
        if (h < 0)
            return 0;
    }
    int srcs[8], ns, tgts[8], nt;
    const char *how;
    int mode = judgement_sides(s, h, subj, srcs, &ns, tgts, &nt, &how);
    if (mode < 0)
        return 0;
    char evid[512];
    if (code_head_of(s, x) == h)
        snprintf(evid, sizeof evid, "judgement %s: ccomp(%s, %s), nsubj(%s, %s): %s", code,
                 word_str(s, h), word_str(s, x), word_str(s, x), word_str(s, subj), how);
    else
        snprintf(evid, sizeof evid, "judgement %s: parataxis(%s, %s), nsubj(%s, %s): %s", code,
                 word_str(s, x), word_str(s, h), word_str(s, x), word_str(s, subj), how);
    char vb[160];
    snprintf(vb, sizeof vb, "%s ... %s", word_str(s, h), word_str(s, i));
    const char *verb = dyad_arena_strdup(s->a, vb);
    claimed[i] = 1;
    return push_pairs(s, code, srcs, ns, tgts, nt, mode, verb, evid);
}

/* Naming something as a judgement: "called the Canadian position
 * 'blatant interference'" (111), "called the step 'very reckless'",
 * "described the charges as baseless" (016), "called the talks a
 * success" (051).  Naming is not a phone call: a call with a predicate
 * is never 041, so the verb is claimed either way. */
static int called_as(sent *s, int v, char *claimed)
{
    static const char *const NAME_V[] = {"call", "term", "describe", "brand", "label", "dub",
        "characterize", "characterise", "deem", "consider", NULL};
    if (s->d->petrarch || claimed[v] || !code_in_list(s->lemma[v], NAME_V))
        return 0;
    int hv = code_head_of(s, v);
    if (!strcmp(s->lemma[v], "call") && hv >= 0 && code_rel_is(&s->w[v], "acl") &&
        !strcmp(s->lemma[hv], "what")) {
        claimed[v] = 1;   /* "what he called the de facto authorities" */
        return 0;
    }
    int ob = code_child_rel_eq(s, v, "obj");
    if (ob < 0)
        return 0;
    int pr = code_child_rel_eq(s, v, "xcomp");
    if (pr < 0)
        pr = code_child_rel_eq(s, ob, "appos");
    int two_objects = 0;   /* "calling the deal a beacon of hope" as two objects */
    for (int c = s->first_child[v]; c >= 0 && pr < 0; c = s->next_sib[c])
        if (c > ob && code_rel_eq(&s->w[c], "obj"))
            pr = c, two_objects = 1;
    if (pr < 0)
        for (int c = s->first_child[v]; c >= 0 && pr < 0; c = s->next_sib[c])
            if (code_rel_is(&s->w[c], "obl") && code_prep_of(s, c) && !strcmp(code_prep_of(s, c), "as"))
                pr = c;
    if (pr < 0 && !strcmp(s->lemma[v], "call"))
        for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
            if (c > ob && s->w[c].upos == DYAD_UPOS_ADJ)
                claimed[v] = 1;   /* "calling them very provocative", misparsed */
    if (pr < 0 || pr < ob)
        return 0;
    if (!strcmp(s->lemma[v], "call") && !two_objects)
        claimed[v] = 1;   /* "called X Y" names; it does not phone */
    if (!strcmp(s->lemma[v], "call") && two_objects) {
        code_resolve(s, ob);   /* "called Trump's conduct a breach": not a phone call */
        match m = code_best_entry(s, v, 0);
        if (!s->act[ob].kind && m.e && !strncmp(m.e->code, "04", 2))
            claimed[v] = 1;
    }
    /* the predicate's head, its modifiers and conjuncts */
    const char *code = judge_code(s, pr);
    int at = pr;
    for (int c = s->first_child[pr]; c >= 0 && !code; c = s->next_sib[c])
        if (code_rel_is(&s->w[c], "amod") || code_rel_eq(&s->w[c], "conj"))
            if ((code = judge_code(s, c)))
                at = c;
    if (!code)
        return 0;
    int srcs[8], ns, tgts[8], nt;
    const char *how;
    int mode = judgement_sides(s, v, ob, srcs, &ns, tgts, &nt, &how);
    if (mode < 0)
        return 0;
    char evid[512];
    snprintf(evid, sizeof evid, "judgement %s: obj(%s, %s), predicate %s: %s", code, word_str(s, v),
             word_str(s, ob), word_str(s, at), how);
    char vb[160];
    snprintf(vb, sizeof vb, "%s ... %s", word_str(s, v), word_str(s, at));
    claimed[v] = claimed[at] = claimed[pr] = 1;
    return push_pairs(s, code, srcs, ns, tgts, nt, mode, dyad_arena_strdup(s->a, vb), evid);
}

/* "India accuses Pakistan of sheltering the group, a charge Islamabad
 * denies": the denial of a charge named just before it (016), read from
 * the words, since the parser often takes "denies" for a noun.  The
 * target is the one who made the charge in this sentence, else the
 * denier's counterpart in the story. */
static int charge_denied(sent *s, int k, char *claimed)
{
    static const char *const DENY_FORMS[] = {"deny", "denies", "denied", "rejects", "rejected",
        "dismisses", "dismissed", "disputes", "disputed", NULL};
    static const char *const CHARGE[] = {"claim", "claims", "charge", "charges", "accusation",
        "accusations", "allegation", "allegations", NULL};
    if (s->d->petrarch || claimed[k] || !code_in_list(s->fold[k], DENY_FORMS))
        return 0;
    int who = -1, j = k - 1;
    for (; j >= 0 && k - j <= 4 && !code_in_list(s->fold[j], CHARGE); j--)
        ;
    if (j < 0 || k - j > 4 || j + 1 >= k)
        return 0;
    for (int i = j + 1; i < k && who < 0; i++) {
        code_resolve(s, i);
        if (s->act[i].kind && *s->act[i].country)
            who = i;
    }
    if (who < 0)
        return 0;
    int tgt = -1, tg[8], ntg = 0;
    const char *how = "the one who made the charge";
    /* (every one who made it: "France, Germany and others have accused") */
    for (size_t i = s->n_ev; i > 0 && ntg < 8; i--) {
        const dyad_event *e = &s->ev[i - 1];
        if (e->sentence == s->sentence && *e->source.country &&
            !strcmp(e->target.country, s->act[who].country) &&
            strcmp(e->source.country, s->act[who].country)) {
            int dup = 0;
            for (int q = 0; q < ntg; q++)
                dup |= !strcmp(s->act[tg[q]].country, e->source.country);
            code_actor a;
            actor_of_event(&a, &e->source, e->source.code);
            int t = dup ? -1 : slot_from(s, &a, how);
            if (t >= 0)
                tg[ntg++] = t;
        }
    }
    if (ntg)
        tgt = tg[0];
    /* "India said its aircraft had downed an F-16, a claim Pakistan
     * denied": the speaker made the claim */
    for (int r = 0; r < (int)s->n && tgt < 0; r++)
        if (code_head_of(s, r) < 0 && code_in_list(s->lemma[r], code_say)) {
            int sp[4], nsp = add_cands(s, subject_of(s, r), sp, 0, 4);
            if (nsp && *s->act[sp[0]].country && strcmp(s->act[sp[0]].country, s->act[who].country)) {
                tgt = sp[0];
                how = "the speaker who made the claim";
            }
        }
    /* coded already from the tree: the denial is the article's own
     * statement, not part of the report it sits in (when it is aimed at
     * the one who made the charge) */
    int had = 0;
    for (size_t i = 0; i < s->n_ev; i++)
        if (s->ev[i].sentence == s->sentence && !strncmp(s->ev[i].code, "016", 3) &&
            !strcmp(s->ev[i].source.country, s->act[who].country)) {
            if (s->ev[i].mode == DYAD_MODE_REPORTED && tgt >= 0 &&
                !strcmp(s->ev[i].target.country, s->act[tgt].country))
                s->ev[i].mode = DYAD_MODE_ASSERTED;
            had = 1;
        }
    if (had)
        return 0;
    if (tgt < 0) {
        const code_actor *cp = counterpart(s, &s->act[who]);
        how = "the denier's counterpart in the story";
        if (cp)
            tgt = slot_from(s, cp, how);
    }
    if (tgt < 0)
        return 0;
    char evid[256];
    snprintf(evid, sizeof evid, "denial of a charge: \"%s ... %s\" after the charge; target: %s",
             word_str(s, j), word_str(s, k), how);
    char vb[128];
    snprintf(vb, sizeof vb, "%s ... %s", word_str(s, j), word_str(s, k));
    claimed[k] = 1;
    if (!ntg)
        tg[ntg++] = tgt;
    return push_pairs(s, "016", &who, 1, tg, ntg, DYAD_MODE_ASSERTED, dyad_arena_strdup(s->a, vb), evid);
}

/* Being "deeply disappointed by the decision", "disturbed by the
 * tests", "outraged at the killing": a reaction that disapproves (111)
 * of the one who did it. */
static int reaction(sent *s, int v, char *claimed)
{
    static const char *const REACT[] = {"disappoint", "disturb", "dismay", "alarm", "trouble",
        "outrage", "anger", "appal", "appall", "shock", "frustrate", "sadden", "upset",
        "disappointed", "disturbed", "dismayed", "alarmed", "troubled", "outraged", "angered",
        "appalled", "shocked", "frustrated", "saddened", "upset", "angry", "indignant", NULL};
    if (s->d->petrarch || claimed[v] || !code_in_list(s->lemma[v], REACT))
        return 0;
    int sj = code_child_rel_eq(s, v, "nsubj:pass");
    if (sj < 0 && code_child_rel(s, v, "cop") >= 0)
        sj = code_child_rel_eq(s, v, "nsubj");
    if (sj < 0 || code_own_negated(s, v))
        return 0;
    int by = -1;
    for (int c = s->first_child[v]; c >= 0 && by < 0; c = s->next_sib[c]) {
        const char *p = code_rel_is(&s->w[c], "obl") ? code_prep_of(s, c) : NULL;
        if (p && (!strcmp(p, "by") || !strcmp(p, "at") || !strcmp(p, "over") || !strcmp(p, "with") ||
                  !strcmp(p, "about")))
            by = c;
    }
    if (by < 0)
        return 0;
    int srcs[8], ns = add_cands(s, sj, srcs, 0, 8);
    if (!ns)
        return 0;
    const char *how;
    int tgts[8], nt = judged_actors(s, by, tgts, 8, &how);
    if (!nt)
        return 0;
    int xf = -1, mode = own_account(s, v, code_mode_of(s, v, &xf), srcs[0]);
    char evid[256];
    snprintf(evid, sizeof evid, "reaction 111: %s by/at %s: %s", word_str(s, v), word_str(s, by), how);
    claimed[v] = 1;
    return push_pairs(s, "111", srcs, ns, tgts, nt, mode, word_str(s, v), evid);
}

/* "Ethiopia and Eritrea declared that the state of war between them was
 * over", "the war has come to an end": a declared end of a war is a
 * cease-fire (0871) between its parties, both ways. */
static int war_over(sent *s, int i, char *claimed)
{
    static const char *const WAR[] = {"war", "hostilities", "hostility", "conflict", "fighting", NULL};
    if (s->d->petrarch || claimed[i] || s->w[i].upos != DYAD_UPOS_NOUN || !code_in_list(s->lemma[i], WAR))
        return 0;
    int x = i, h = code_head_of(s, i);
    if (h >= 0 && code_rel_is(&s->w[i], "nmod") && !strcmp(s->lemma[h], "state"))
        x = h;   /* "the state of war" */
    int p = code_head_of(s, x);
    if (p < 0 || !code_rel_eq(&s->w[x], "nsubj"))
        return 0;
    int over = !strcmp(s->lemma[p], "over") && code_child_rel(s, p, "cop") >= 0;
    int ended = !strcmp(s->lemma[p], "end") && s->w[p].upos == DYAD_UPOS_VERB;
    for (int c = s->first_child[p]; c >= 0 && !over && !ended; c = s->next_sib[c])
        ended = !strcmp(s->lemma[p], "come") && code_rel_is(&s->w[c], "obl") && !strcmp(s->lemma[c], "end");
    if ((!over && !ended) || code_own_negated(s, p) || code_own_modal(s, p))
        return 0;
    int parts[8], np = 0;
    int sv = code_head_of(s, p);
    if (sv >= 0 && code_rel_is(&s->w[p], "ccomp") && code_in_list(s->lemma[sv], code_say))
        np = add_cands(s, subject_of(s, sv), parts, 0, 8);
    for (int pass = 0; pass < 2 && np < 2; pass++) {
        int at = pass ? x : i;
        np = 0;
        for (int c = s->first_child[at]; c >= 0; c = s->next_sib[c]) {
            int w = c;
            if (code_rel_eq(&s->w[c], "acl:relcl"))   /* "that has existed between" */
                for (w = s->first_child[c]; w >= 0; w = s->next_sib[w])
                    if (code_rel_is(&s->w[w], "obl") && code_prep_of(s, w) && !strcmp(code_prep_of(s, w), "between"))
                        break;
            if (w >= 0 && (code_rel_is(&s->w[w], "nmod") || code_rel_is(&s->w[w], "obl")) &&
                code_prep_of(s, w) && !strcmp(code_prep_of(s, w), "between"))
                np = add_cands(s, w, parts, np, 8);
        }
    }
    if (np < 2)
        return 0;
    int xf = -1, mode = own_account(s, p, code_mode_of(s, p, &xf), parts[0]);
    char evid[256];
    snprintf(evid, sizeof evid, "end of a war declared: nsubj(%s, %s), %s of %s", word_str(s, p),
             word_str(s, x), over ? "over" : "came to an end", word_str(s, i));
    claimed[i] = 1;
    int made = 0;
    for (int a = 0; a < np; a++) {
        int r = push_pairs(s, "0871", &parts[a], 1, parts, np, mode, word_str(s, i), evid);
        if (r < 0)
            return -1;
        made += r;
    }
    return made;
}

/* "warned that Israel would respond forcefully", "warned that the
 * action would not be left without consequences": a warning whose
 * content is a reprisal is a threat (130; 138 when the speaker's side
 * would use force), aimed at the side the speaker deals with. */
static int warned_that(sent *s, int v, char *claimed)
{
    static const char *const WARN[] = {"warn", "vow", "threaten", "caution", NULL};
    static const char *const REPRISAL[] = {"consequence", "retaliate", "retaliation",
        "respond", "response", "pay", "price", "punish", "punishment", "reprisal",
        "countermeasure", "measure", "revenge", "avenge", "regret", NULL};
    static const char *const FORCE[] = {"forcefully", "force", "strike", "attack", "hit",
        "military", "fire", NULL};
    if (s->d->petrarch || claimed[v] || !code_in_list(s->lemma[v], WARN))
        return 0;
    int c = code_child_rel_eq(s, v, "ccomp");
    if (c < 0 || code_own_modal(s, c) == 0)
        return 0;
    int rep = 0, force = 0;
    for (int k = c; k < s->n && k >= 0; k++) {   /* the clause's words */
        int a = k, in = 0;
        for (int d = 0; a >= 0 && d < 12 && !in; d++, a = code_head_of(s, a))
            in = a == c;
        if (!in)
            continue;
        rep |= code_in_list(s->lemma[k], REPRISAL);
        force |= code_in_list(s->lemma[k], FORCE);
    }
    if (!rep)
        return 0;
    frame g;
    code_get_frame(s, c, &g);
    int srcs[8], ns = add_cands(s, subject_of(s, v), srcs, 0, 8);
    if (!ns)
        return 0;
    /* whose reprisal: the speaker's side (or an unnamed one) */
    int cs = g.passive ? g.patient : g.subj;
    int who[8], nw = cs >= 0 ? add_cands(s, cs, who, 0, 8) : 0;
    if (nw && strcmp(s->act[who[0]].country, s->act[srcs[0]].country))
        return 0;
    const code_actor *cp = counterpart(s, &s->act[srcs[0]]);
    if (!cp || !strcmp(cp->country, s->act[srcs[0]].country))
        return 0;
    int t = slot_from(s, cp, "counterpart of the one warning");
    if (t < 0)
        return 0;
    const char *code = force && nw ? "138" : "130";
    int xf = -1, mode = code_mode_of(s, v, &xf);
    if (code_own_negated(s, v))
        return 0;
    char evid[256];
    snprintf(evid, sizeof evid, "warning of a reprisal: ccomp(%s, %s); no target named: counterpart %s",
             word_str(s, v), word_str(s, c), cp->code);
    char vb[160];
    snprintf(vb, sizeof vb, "%s ... %s", word_str(s, v), word_str(s, c));
    const char *verb = dyad_arena_strdup(s->a, vb);
    int made = push_pairs(s, code, srcs, ns, &t, 1, mode, verb, evid);
    if (made > 0)
        claimed[v] = 1;
    return made;
}

/* Stock phrases of a threat of force by the speaker: "all options are on
 * the table", "locked and loaded".  Aimed at a side named in the sentence
 * other than the speaker's, else the side the speaker deals with. */
static int threat_idiom(sent *s, int i, char *claimed)
{
    if (s->d->petrarch || claimed[i])
        return 0;
    int x = -1;
    if (!strcmp(s->lemma[i], "table") && i >= 3 && !strcmp(s->fold[i - 2], "on")) {
        for (int k = i - 3; k >= 0 && k >= i - 6 && x < 0; k--)
            if (!strcmp(s->lemma[k], "option"))
                x = code_head_of(s, i) == k ? k : i;
    } else if (!strcmp(s->fold[i], "loaded") && i >= 2 && !strcmp(s->fold[i - 1], "and") &&
               !strcmp(s->fold[i - 2], "locked")) {
        x = i;
    }
    if (x < 0)
        return 0;
    /* the speaker: the subject of the speech verb the phrase hangs under,
     * or of the sentence's speech verb ("…,” said Nikki Haley, parsed
     * upside down) */
    int h = x, hops = 0;
    while (h >= 0 && hops++ < 6 && !(s->w[h].upos == DYAD_UPOS_VERB && code_in_list(s->lemma[h], code_say)))
        h = code_head_of(s, h);
    if (h < 0 || hops > 6)
        for (h = 0; h < s->n && !(s->w[h].upos == DYAD_UPOS_VERB && code_in_list(s->lemma[h], code_say)); h++)
            ;
    if (h >= s->n)
        return 0;
    frame hf;
    code_get_frame(s, h, &hf);
    int sp = hf.subj >= 0 ? hf.subj : hf.obj > h ? hf.obj : code_inherited_subject(s, h, 0);
    int srcs[8], ns = add_cands(s, sp, srcs, 0, 8);
    if (!ns)
        return 0;
    const code_actor *cp = NULL;
    for (int k = 0; k < s->n && !cp; k++) {   /* "If the Syrian regime uses ..." */
        if (k == sp || s->w[k].upos == DYAD_UPOS_PRON)
            continue;
        code_resolve(s, k);
        if (s->act[k].kind && *s->act[k].country && strcmp(s->act[k].country, s->act[srcs[0]].country) &&
            s->act[k].kind != DA_ADJ)
            cp = &s->act[k];
    }
    if (!cp)
        cp = counterpart(s, &s->act[srcs[0]]);
    if (!cp || !strcmp(cp->country, s->act[srcs[0]].country))
        return 0;
    int t = slot_from(s, cp, NULL);
    if (t < 0)
        return 0;
    int xf = -1, mode = code_mode_of(s, h, &xf);
    char evid[256];
    snprintf(evid, sizeof evid, "threat of force (stock phrase \"%s\") said by %s; target %s",
             word_str(s, i), word_str(s, sp), cp->code);
    const char *verb = dyad_arena_strdup(s->a, word_str(s, i));
    claimed[i] = 1;
    return push_pairs(s, "138", srcs, ns, &t, 1, mode, verb, evid);
}

/* Who did what each event noun of the sentence names, for later
 * sentences: its possessor, its between/by phrase, else the subject of the
 * verb it is the object of ("India carried out three tests"). */
static void remember_nouns(sent *s)
{
    dyad_coder *c = s->coder;
    if (!c || s->d->petrarch)
        return;
    for (int i = 0; i < s->n; i++) {
        if (s->w[i].upos != DYAD_UPOS_NOUN || strlen(s->lemma[i]) >= sizeof c->nouns[0].lemma)
            continue;
        int meet = code_in_list(s->lemma[i], MEET_NOUNS);
        if (!meet && !code_in_list(s->lemma[i], EVENT_NOUNS))
            continue;
        int d[8], nd = 0;
        int poss = code_child_rel_eq(s, i, "nmod:poss");
        if (poss >= 0)
            nd = add_cands(s, poss, d, 0, 8);
        for (int k = s->first_child[i]; k >= 0 && !nd; k = s->next_sib[k]) {
            const char *p = code_rel_is(&s->w[k], "nmod") ? code_prep_of(s, k) : NULL;
            if (p && (!strcmp(p, "between") || !strcmp(p, "by") || (meet && !strcmp(p, "of"))))
                nd = add_cands(s, k, d, 0, 8);
        }
        int h = code_head_of(s, i);
        static const char *const DO_VERBS[] = {"carry", "conduct", "launch", "impose", "hold",
            "stage", "order", "mount", "make", "begin", "start", "perform", "undertake",
            "execute", "announce", "take", "adopt", "introduce", "continue", "resume",
            "step", "extend", "expand", "escalate", "approve", "authorize", "authorise",
            "sign", "seal", "strike", "reach", "host", "attend", "explode",
            "detonate", "fire", "test", "deploy", "sever", "cut", "close", NULL};
        if (!nd && h >= 0 && s->w[h].upos == DYAD_UPOS_VERB && code_in_list(s->lemma[h], DO_VERBS) &&
            (code_rel_eq(&s->w[i], "obj") || code_rel_eq(&s->w[i], "nsubj:pass"))) {
            frame f;
            code_get_frame(s, h, &f);
            int sj = f.passive ? f.agent : (f.subj >= 0 ? f.subj : code_inherited_subject(s, h, 0));
            nd = add_cands(s, sj, d, 0, 8);
            for (int k = s->first_child[h]; k >= 0 && meet && nd && nd < 8; k = s->next_sib[k]) {
                const char *p = code_rel_is(&s->w[k], "obl") ? code_prep_of(s, k) : NULL;
                if (p && !strcmp(p, "with"))
                    nd = add_cands(s, k, d, nd, 8);
            }
        }
        if (!nd)
            continue;
        struct code_noun *m = &c->nouns[c->n_nouns++ % CODE_NOUNS];
        memset(m, 0, sizeof *m);
        snprintf(m->lemma, sizeof m->lemma, "%s", s->lemma[i]);
        for (int k = 0; k < nd && m->n < CODE_LAST; k++) {
            if (!*s->act[d[k]].country)
                continue;
            keep_actor(c, &m->doers[m->n], &s->act[d[k]]);
            m->doers[m->n++].how = "doer of the event the noun named before";
        }
    }
}

/* The story's main event: the first sentence's asserted (or negated)
 * dyadic events, those of its first code. */
static void set_lead(sent *s)
{
    dyad_coder *c = s->coder;
    if (!c || c->lead.set || s->d->petrarch)
        return;
    const dyad_event *first = NULL;
    for (size_t i = 0; i < s->n_ev && !first; i++)
        if ((s->ev[i].mode == DYAD_MODE_ASSERTED || s->ev[i].mode == DYAD_MODE_NEGATED) &&
            *s->ev[i].target.country && *s->ev[i].source.country)
            first = &s->ev[i];
    if (!first)
        return;
    struct code_lead *L = &c->lead;
    snprintf(L->code, sizeof L->code, "%s", first->code);
    L->sentence = s->sentence;
    L->set = 1;
    for (size_t i = 0; i < s->n_ev; i++) {
        const dyad_event *e = &s->ev[i];
        if (strcmp(e->code, first->code) || e->mode != first->mode || !*e->target.country ||
            !*e->source.country)
            continue;
        int ds = 0, dt = 0;
        for (int k = 0; k < L->ns; k++)
            ds |= !strcmp(L->src[k].code, e->source.code);
        for (int k = 0; k < L->nt; k++)
            dt |= !strcmp(L->tgt[k].code, e->target.code);
        code_actor a;
        if (!ds && L->ns < CODE_LAST) {
            actor_of_event(&a, &e->source, e->source.code);
            keep_actor(c, &L->src[L->ns++], &a);
        }
        if (!dt && L->nt < CODE_LAST) {
            actor_of_event(&a, &e->target, e->target.code);
            keep_actor(c, &L->tgt[L->nt++], &a);
        }
        for (size_t k = 0; k < s->n_ev; k++)
            if (!strcmp(s->ev[k].code, e->code) && same_code(s->ev[k].source.code, e->target.code) &&
                same_code(s->ev[k].target.code, e->source.code))
                L->sym = 1;
    }
}

/* ---- driver */

/* TABARI: a clause opened by a time conjunction ("... almost five years
 * after crowds burned down its embassy") is part of the phrase of the verb
 * it hangs on; it is coded only when nothing before it was. */
static int tabari_time_clause(const sent *s, int v)
{
    static const char *const WHEN[] = {"after", "before", "since", "until", "when", "while", NULL};
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c]) {
        if (c > v)
            continue;
        if (code_rel_is(&s->w[c], "mark") && code_in_list(s->lemma[c], WHEN))
            return 1;
        if (!code_rel_is(&s->w[c], "nsubj"))
            continue;
        /* "after crowds burned": the conjunction parsed as the subject's case */
        for (int k = s->first_child[c]; k >= 0; k = s->next_sib[k])
            if (k < c && (code_rel_is(&s->w[k], "case") || code_rel_is(&s->w[k], "mark")) &&
                code_in_list(s->lemma[k], WHEN))
                return 1;
    }
    return 0;
}

/* Repairs of parse errors frequent in news, made on a copy of the words
 * before the tree is indexed.  A "that" parsed as the object of the verb
 * after it opens a clause: in a complement clause ("said that Canberra
 * regretted") it is its mark; in a relative clause whose verb has an
 * object of its own ("said through a spokeswoman that Canberra regretted
 * France's decision") the clause is what the nearest speech verb above it
 * says. */
static int copy_words(sent *s, dyad_word **w)
{
    if (*w)
        return 0;
    *w = dyad_arena_alloc(s->a, (size_t)s->n * sizeof **w);
    if (!*w)
        return -1;
    memcpy(*w, s->w, (size_t)s->n * sizeof **w);
    s->w = *w;
    return 0;
}

static int repair_tree(sent *s)
{
    dyad_word *w = NULL;
    for (int k = 0; k + 2 < s->n; k++) {
        if (strcmp(s->fold[k], "that") || !code_rel_eq(&s->w[k], "obj"))
            continue;
        int v = s->w[k].head - 1;
        if (v <= k || v >= s->n || s->w[v].upos != DYAD_UPOS_VERB)
            continue;
        if (code_rel_is(&s->w[v], "ccomp")) {
            if (copy_words(s, &w))
                return -1;
            w[k].deprel = "mark";
            w[k].upos = DYAD_UPOS_SCONJ;
            continue;
        }
        if (!code_rel_eq(&s->w[v], "acl:relcl"))
            continue;
        int other = 0, subj = 0;
        for (int c = 0; c < s->n; c++)
            if (s->w[c].head - 1 == v) {
                other |= c != k && code_rel_eq(&s->w[c], "obj");
                subj |= c > k && c < v && code_rel_is(&s->w[c], "nsubj");
            }
        if (!other || !subj)
            continue;
        int say = s->w[v].head - 1, hops = 0;
        while (say >= 0 && say < s->n && hops++ < 4 && !(s->w[say].upos == DYAD_UPOS_VERB &&
                                                        code_in_list(s->lemma[say], code_say)))
            say = s->w[say].head - 1;
        if (say < 0 || say >= s->n || say > k || s->w[say].upos != DYAD_UPOS_VERB ||
            !code_in_list(s->lemma[say], code_say))
            continue;
        if (copy_words(s, &w))
            return -1;
        w[k].deprel = "mark";
        w[k].upos = DYAD_UPOS_SCONJ;
        w[v].deprel = "ccomp";
        w[v].head = say + 1;
    }
    /* "Egypt hosted talks between Israel and Jordan" parsed as a noun
     * phrase ("Egypt-hosted talks"): a sentence rooted in a noun whose
     * past-tense modifier follows a name; the verb is the root */
    for (int k = 1; k + 1 < s->n; k++) {
        int nn = s->w[k].head - 1;
        if (!code_rel_is(&s->w[k], "amod") || s->w[k].upos != DYAD_UPOS_VERB || !s->w[k].xpos ||
            (strcmp(s->w[k].xpos, "VBD") && strcmp(s->w[k].xpos, "VBN")) || nn != k + 1 || s->w[nn].head != 0)
            continue;
        int sj = -1;   /* the name before it: "Egypt", "Azerbaijan (and Armenia)" */
        for (int c = 0; c < k; c++)
            if (s->w[c].head - 1 == nn && s->w[c].upos == DYAD_UPOS_PROPN &&
                (code_rel_is(&s->w[c], "compound") || code_rel_is(&s->w[c], "nsubj")))
                sj = c;
        if (sj < 0)
            continue;
        if (copy_words(s, &w))
            return -1;
        for (int c = 0; c < s->n; c++)   /* what hung on the noun before it hangs on the verb */
            if (c != k && s->w[c].head - 1 == nn && c < k)
                w[c].head = k + 1;
        for (int c = 0; c < s->n; c++)
            if (s->w[c].head - 1 == nn && code_rel_is(&s->w[c], "punct"))
                w[c].head = k + 1;
        w[sj].deprel = "nsubj";
        w[k].xpos = "VBD";   /* a finite past, not a participle */
        w[k].deprel = "root";
        w[k].head = 0;
        w[nn].deprel = "obj";
        w[nn].head = k + 1;
        break;
    }
    /* "named both the PKK and the YPG as terrorists": a name parsed as the
     * verb's predicate when an as-phrase is the predicate; it is the object */
    for (int k = 0; k < s->n; k++) {
        int v = s->w[k].head - 1;
        if (!code_rel_eq(&s->w[k], "xcomp") || s->w[k].upos != DYAD_UPOS_PROPN || v < 0 ||
            v >= k || s->w[v].upos != DYAD_UPOS_VERB)
            continue;
        int obj = 0, as = 0;
        for (int c = 0; c < s->n; c++)
            if (s->w[c].head - 1 == v) {
                obj |= code_rel_eq(&s->w[c], "obj");
                if (c > k && code_rel_is(&s->w[c], "obl"))   /* (no child lists yet) */
                    for (int q = 0; q < c; q++)
                        as |= s->w[q].head - 1 == c && code_rel_eq(&s->w[q], "case") &&
                              !strcmp(s->lemma[q], "as");
            }
        if (obj || !as)
            continue;
        if (copy_words(s, &w))
            return -1;
        w[k].deprel = "obj";
    }
    /* "posted a message on Twitter blaming Iran": a preposition parsed as
     * the mark of the participle, and its noun as the participle's
     * subject; the noun is the preposition's, the participle has none */
    static const char *const PLACE_PREP[] = {"on", "in", "at", "via", "through", NULL};
    for (int k = 0; k + 2 < s->n; k++) {
        int v = s->w[k].head - 1;
        if (!code_rel_eq(&s->w[k], "mark") || !code_in_list(s->fold[k], PLACE_PREP) ||
            v <= k + 1 || v >= s->n || !s->w[v].xpos || strcmp(s->w[v].xpos, "VBG"))
            continue;
        int n = -1;
        for (int c = k + 1; c < v; c++)
            if (s->w[c].head - 1 == v && code_rel_is(&s->w[c], "nsubj"))
                n = c;
        int h = s->w[v].head - 1;
        if (n < 0 || h < 0 || h >= s->n)
            continue;
        if (copy_words(s, &w))
            return -1;
        w[k].deprel = "case";
        w[k].head = n + 1;
        w[n].deprel = s->w[h].upos == DYAD_UPOS_VERB ? "obl" : "nmod";
        w[n].head = h + 1;
    }
    return 0;
}

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
    s->act = dyad_arena_calloc(a, (size_t)(n + CODE_LAST + CODE_EXTRA) * sizeof *s->act);
    s->done = dyad_arena_calloc(a, (size_t)(n + CODE_LAST + CODE_EXTRA));
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
        /* a lexicon verb the lemmatizer got wrong ("froze", "telephoned") */
        if (s->w[i].upos == DYAD_UPOS_VERB && !s->d->petrarch &&
            dict_first_verb(s->d, s->lemma[i]) < 0) {
            const char *vl = dict_verb_form_lemma(s->d, s->fold[i]);
            if (vl)
                s->lemma[i] = vl;
        }
        s->first_child[i] = s->next_sib[i] = s->ment[i] = -1;
        if (!strcmp(s->fold[i], "\"") || !strcmp(s->fold[i], "``") || !strcmp(s->fold[i], "''"))
            quotes++;
        s->in_quote[i] = (char)(quotes & 1);
    }
    /* a lone quotation mark (a quote spanning sentences) proves nothing */
    if (quotes & 1)
        memset(s->in_quote, 0, (size_t)n);
    if (!s->d->petrarch && repair_tree(s))
        return DYAD_ENOMEM;
    for (int i = n - 1; i >= 0; i--) {
        int h = code_head_of(s, i);
        if (h >= 0 && h != i) {
            s->next_sib[i] = s->first_child[h];
            s->first_child[h] = i;
        }
    }
    code_find_mentions(s);
    /* code_resolve noun phrase heads in reading order, remembering them, so that
     * a pronoun sees what came before it */
    for (int i = 0; i < n; i++) {
        const dyad_word *w = &s->w[i];
        if (!(w->upos == DYAD_UPOS_NOUN || w->upos == DYAD_UPOS_PROPN ||
              w->upos == DYAD_UPOS_PRON))
            continue;
        if (code_rel_is(w, "compound") || code_rel_is(w, "flat") || code_rel_is(w, "amod")) {
            /* "a NATO summit": the organisation is remembered ("the alliance") */
            const dict_actor *org = code_hit_kind(s, i, K(DA_IGO));
            if (org && s->ment[i] >= 0 && s->m[s->ment[i]].hi == i + 1) {
                code_actor tmp;
                memset(&tmp, 0, sizeof tmp);
                code_set_from_dict(s, &tmp, org);
                tmp.text = org->name;
                tmp.head = -1;
                code_mem_push(s, &tmp);
            }
            continue;
        }
        code_resolve(s, i);
        if (s->act[i].kind && s->act[i].kind != DA_ADJ)
            code_mem_push(s, &s->act[i]);
    }
    for (int i = 0; i < n; i++) {
        if (s->d->tabari && s->n_ev && s->w[i].upos == DYAD_UPOS_VERB && tabari_time_clause(s, i))
            continue;
        if (s->w[i].upos == DYAD_UPOS_VERB) {
            size_t before = s->n_ev;
            if (called_as(s, i, claimed) < 0 || reaction(s, i, claimed) < 0 ||
                code_word(s, i, claimed) < 0)
                return DYAD_ENOMEM;
            if (s->n_ev == before && warned_that(s, i, claimed) < 0)
                return DYAD_ENOMEM;
        }
    }
    for (int i = 0; i < n; i++)
        if ((s->w[i].upos == DYAD_UPOS_NOUN || s->w[i].upos == DYAD_UPOS_PROPN) &&
            code_word(s, i, claimed) < 0)
            return DYAD_ENOMEM;
    for (int i = 0; i < n; i++)
        if (judged(s, i, claimed) < 0 || threat_idiom(s, i, claimed) < 0 ||
            charge_denied(s, i, claimed) < 0 || war_over(s, i, claimed) < 0)
            return DYAD_ENOMEM;
    remember_nouns(s);
    set_lead(s);
    /* the main event of the sentence, for "did the same" later */
    for (size_t i = 0; s->coder && i < s->n_ev; i++) {
        const dyad_event *e = &s->ev[i];
        if (e->mode != DYAD_MODE_ASSERTED || !*e->target.country)
            continue;
        struct code_prev *p = &s->coder->prev;
        code_actor t;
        actor_of_event(&t, &e->target, e->target.code);
        keep_actor(s->coder, &p->tgt, &t);
        snprintf(p->code, sizeof p->code, "%s", e->code);
        p->sentence = s->sentence;
        p->set = 1;
        break;
    }
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

void dyad_coder_set_require_dyad(dyad_coder *c, int on)
{
    if (c)
        c->no_dyad = !on;
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
    if (d->n_discards && text && dict_discarded(d, text, strlen(text)))
        return 0;   /* a PETRARCH discard phrase: not coded */
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

static int same_str(const char *a, const char *b)
{
    return (a ? a : "")[0] == (b ? b : "")[0] && strcmp(a ? a : "", b ? b : "") == 0;
}

/* One sentence can reach the same coded event along two paths (two words
 * naming the same actor); an analyst counts it once.  Events come in
 * sentence order, so only events of the same sentence are compared. */
static size_t dedupe_events(dyad_event *ev, size_t n)
{
    size_t out = 0, first = 0;
    for (size_t i = 0; i < n; i++) {
        dyad_event *e = &ev[i];
        if (out > 0 && ev[out - 1].sentence != e->sentence)
            first = out;
        int dup = 0;
        for (size_t k = first; k < out && !dup; k++) {
            const dyad_event *o = &ev[k];
            dup = o->sentence == e->sentence && o->mode == e->mode && !strcmp(o->code, e->code) &&
                  same_str(o->source.code, e->source.code) &&
                  same_str(o->target.code, e->target.code);
        }
        if (!dup)
            ev[out++] = *e;
    }
    return out;
}

/* The year of a resolved date (YYYY...) written as a number in text. */
static int year_written(const char *text, const char *when)
{
    char y[5];
    if (strlen(when) < 4)
        return 0;
    memcpy(y, when, 4);
    y[4] = 0;
    for (const char *p = strstr(text, y); p; p = strstr(p + 1, y)) {
        int before = p > text && p[-1] >= '0' && p[-1] <= '9';
        int after = p[4] >= '0' && p[4] <= '9';
        if (!before && !after)
            return 1;
    }
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
    if (d->n_discards && doc->body && dict_discarded(d, doc->body, doc->body_len) == 2)
        return 0;   /* a PETRARCH story discard */
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
        /* each event's date from its sentence ("on Friday", "last month");
         * a period that ended before the news makes an asserted event
         * historical ("In 2001, ... Russia responded by ordering out") */
        if (doc->date && text) {
            char when[11];
            int historical = 0;
            if (dyad_date_resolve(doc->date, text, strlen(text), when, &historical) !=
                DYAD_DATE_NONE) {
                const char *w = dyad_arena_strdup(doc->arena, when);
                if (!w) {
                    rc = dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
                    break;
                }
                for (size_t k = 0; k < nev; k++)
                    ev[k].date = w;
            }
            /* a year written out is judged clause by clause (code_mode_of:
             * "condemned Russia's 2014 annexation" is news) */
            if (historical && year_written(text, when))
                historical = 0;
            for (size_t k = 0; k < nev && historical; k++)
                if (ev[k].mode == DYAD_MODE_ASSERTED)
                    ev[k].mode = DYAD_MODE_HISTORICAL;
        }
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
    *n_out = dedupe_events(all, n_all);
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
