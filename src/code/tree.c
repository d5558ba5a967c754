/* tree.c — what the event coder reads off the dependency tree: relation
 * helpers, verb frames (subject, object, passive agent, complement), the
 * verb lexicon match, and the mode of an event (negation, modals,
 * governing verbs, speech, quotation, past dates). */
#include "code/code.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int code_rel_is(const dyad_word *w, const char *r)
{
    size_t n = strlen(r);
    return w->deprel && strncmp(w->deprel, r, n) == 0 &&
           (w->deprel[n] == 0 || w->deprel[n] == ':');
}

int code_rel_eq(const dyad_word *w, const char *r)
{
    return w->deprel && strcmp(w->deprel, r) == 0;
}

int code_head_of(const sent *s, int i)
{
    int h = s->w[i].head - 1;
    return h >= 0 && h < s->n ? h : -1;
}

int code_in_list(const char *x, const char *const *list)
{
    if (!x)
        return 0;
    for (; *list; list++)
        if (strcmp(x, *list) == 0)
            return 1;
    return 0;
}

/* the case/mark preposition of a nominal, folded, or NULL */
const char *code_prep_of(const sent *s, int i)
{
    for (int c = s->first_child[i]; c >= 0; c = s->next_sib[c])
        if (code_rel_eq(&s->w[c], "case") && strcmp(s->lemma[c], "'s") != 0)
            return s->lemma[c];
    return NULL;
}

int code_child_rel(const sent *s, int i, const char *r)
{
    for (int c = s->first_child[i]; c >= 0; c = s->next_sib[c])
        if (code_rel_is(&s->w[c], r))
            return c;
    return -1;
}

int code_child_rel_eq(const sent *s, int i, const char *r)
{
    for (int c = s->first_child[i]; c >= 0; c = s->next_sib[c])
        if (code_rel_eq(&s->w[c], r))
            return c;
    return -1;
}

const char *code_word_text(sent *s, int i)
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

static int month_of(const char *f);

/* a date or time of day ("on Saturday", "in March", "on Friday morning") */
int code_time_word(const sent *s, int c)
{
    static const char *const T[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "morning", "afternoon", "evening", "night", "day", "week",
        "month", "year", "weekend", "today", "tomorrow", "yesterday", "time", "hour",
        "minute", "decade", "century", "date", NULL};
    return code_in_list(s->fold[c], T) || code_in_list(s->lemma[c], T) || year_of(s, c) ||
           month_of(s->fold[c]);
}

/* ---- frames */

static const char *const DIRECTIVES[] = {"demand", "insist", "urge", "ask", "request",
    "press", "propose", "recommend", "order", "require", NULL};

/* The verb of a that-clause in the subjunctive: a bare infinitive ("that
 * France withdraw") or one with "should"/"must" */
static int subjunctive(const sent *s, int c)
{
    for (int a = s->first_child[c]; a >= 0; a = s->next_sib[a])
        if (code_rel_eq(&s->w[a], "aux"))
            return !strcmp(s->lemma[a], "should") || !strcmp(s->lemma[a], "must");
    return s->w[c].xpos && !strcmp(s->w[c].xpos, "VB");
}

void code_get_frame(const sent *s, int v, frame *f)
{
    memset(f, 0, sizeof *f);
    int dl_subj = -1;   /* a dateline word parsed as the subject */
    f->prt = f->subj = f->agent = f->patient = f->obj = f->iobj = f->xcomp = -1;
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c]) {
        const dyad_word *w = &s->w[c];
        if (code_rel_eq(w, "compound:prt")) f->prt = c;
        else if (code_rel_eq(w, "nsubj:pass")) { f->patient = c; f->passive = 1; }
        else if (code_rel_eq(w, "aux:pass")) f->passive = 1;
        else if (code_rel_is(w, "nsubj") && f->subj < 0 && c >= s->dateline) f->subj = c;
        else if (code_rel_is(w, "nsubj") && c < s->dateline) dl_subj = c;
        else if (code_rel_eq(w, "obj") && f->obj < 0) f->obj = c;
        else if (code_rel_eq(w, "iobj")) f->iobj = c;
        else if (code_rel_eq(w, "xcomp") && f->xcomp < 0) f->xcomp = c;
        else if (code_rel_eq(w, "obl:agent")) f->agent = c;
    }
    /* "a deal brokered by Russia": a participle with a by-agent */
    if (!f->passive && f->agent >= 0 && f->subj < 0 && code_rel_is(&s->w[v], "acl") &&
        s->w[v].xpos && !strcmp(s->w[v].xpos, "VBN"))
        f->passive = 1;
    if (f->subj < 0 && dl_subj >= 0)
        f->subj = dl_subj;  /* add_cands reads through it to its appositions */
    /* "spoke with the emir of Qatar, Sheikh Tamim, and offered to
     * mediate": an apposition the parser made the subject of the next
     * conjunct (a subject is never followed by ", and" and its verb) */
    if (f->subj >= 0 && f->subj < v && v >= 2 && code_rel_eq(&s->w[v], "conj") &&
        s->w[v - 1].upos == DYAD_UPOS_CCONJ && s->w[v - 2].upos == DYAD_UPOS_PUNCT &&
        code_head_of(s, v) >= 0 && code_head_of(s, v) < f->subj) {
        int only_name = 1;
        for (int t = f->subj + 1; t < v - 2 && only_name; t++)
            only_name = code_head_of(s, t) == f->subj && (code_rel_is(&s->w[t], "flat") ||
                                                         code_rel_is(&s->w[t], "compound"));
        if (only_name)
            f->subj = -1;
    }
    /* "ordered 60 diplomats out", "shot down" with the particle parsed as
     * an adverb after the verb */
    if (f->prt < 0 && s->w[v].upos == DYAD_UPOS_VERB)
        for (int c = s->first_child[v]; c >= 0 && f->prt < 0; c = s->next_sib[c])
            if (c > v && code_rel_is(&s->w[c], "advmod") &&
                (!strcmp(s->lemma[c], "out") || !strcmp(s->lemma[c], "off") ||
                 !strcmp(s->lemma[c], "down") || !strcmp(s->lemma[c], "back")))
                f->prt = c;
    /* "ordered 60 diplomats out of the country": "out" as the case of a
     * phrase under the verb or its object */
    if (f->prt < 0 && s->w[v].upos == DYAD_UPOS_VERB)
        for (int pass = 0; pass < 2 && f->prt < 0; pass++) {
            int base = pass == 0 ? v : f->obj;
            if (base < 0)
                break;
            for (int c = s->first_child[base]; c >= 0 && f->prt < 0; c = s->next_sib[c]) {
                if (c < v || !(code_rel_is(&s->w[c], "obl") || code_rel_is(&s->w[c], "nmod")))
                    continue;
                for (int g = s->first_child[c]; g >= 0; g = s->next_sib[g])
                    if (code_rel_eq(&s->w[g], "case") && !strcmp(s->lemma[g], "out") &&
                        g + 1 < s->n && !strcmp(s->lemma[g + 1], "of")) {
                        f->prt = g;
                        break;
                    }
            }
        }
    /* "urged Israel to show restraint" parsed as an infinitival advcl */
    if (f->xcomp < 0)
        for (int c = s->first_child[v]; c >= 0 && f->xcomp < 0; c = s->next_sib[c])
            if (code_rel_is(&s->w[c], "advcl")) {
                int mk = code_child_rel_eq(s, c, "mark");
                if (mk >= 0 && !strcmp(s->lemma[mk], "to") && c > v)
                    f->xcomp = c;
            }
    /* "demanded that India carry out an investigation": a directive's
     * subjunctive that-clause (a bare infinitive, or "should"/"must") is
     * its complement, and the clause's subject its addressee */
    if (f->xcomp < 0 && code_in_list(s->lemma[v], DIRECTIVES))
        for (int c = s->first_child[v]; c >= 0 && f->xcomp < 0; c = s->next_sib[c])
            if (code_rel_eq(&s->w[c], "ccomp") && c > v && s->w[c].upos == DYAD_UPOS_VERB &&
                code_child_rel(s, c, "nsubj") >= 0 && subjunctive(s, c))
                f->xcomp = c;
    /* "gave diplomats 48 hours to leave", "ordered 35 diplomats, whom it
     * named, to leave": the infinitive hung on the object (or on a noun
     * under it) as an acl */
    if (f->xcomp < 0 && f->obj >= 0 && s->w[v].upos == DYAD_UPOS_VERB) {
        int o = f->obj;
        for (int depth = 0; depth < 2 && f->xcomp < 0 && o >= 0; depth++) {
            int next = -1;
            for (int c = s->first_child[o]; c >= 0 && f->xcomp < 0; c = s->next_sib[c]) {
                if (code_rel_eq(&s->w[c], "acl") && s->w[c].upos == DYAD_UPOS_VERB && c > o) {
                    int mk = code_child_rel_eq(s, c, "mark");
                    if (mk >= 0 && !strcmp(s->lemma[mk], "to") && mk == c - 1)
                        f->xcomp = c;
                }
                if (code_rel_eq(&s->w[c], "obj") || code_rel_eq(&s->w[c], "appos"))
                    next = c;
                /* ", whom it described as ..., to leave": hung on the
                 * relative clause, after the comma that closes it */
                if (code_rel_eq(&s->w[c], "acl:relcl"))
                    for (int g = s->first_child[c]; g >= 0 && f->xcomp < 0; g = s->next_sib[g]) {
                        int mk = code_child_rel_eq(s, g, "mark");
                        if ((code_rel_is(&s->w[g], "advcl") || code_rel_eq(&s->w[g], "xcomp")) &&
                            mk >= 0 && mk == g - 1 && !strcmp(s->lemma[mk], "to") && mk >= 1 &&
                            s->w[mk - 1].upos == DYAD_UPOS_PUNCT)
                            f->xcomp = g;
                    }
            }
            o = next;
        }
    }
    if (f->passive && f->agent < 0)
        for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
            if (code_rel_is(&s->w[c], "obl")) {
                const char *p = code_prep_of(s, c);
                if (p && !strcmp(p, "by"))
                    f->agent = c;
            }
    /* "was condemned in a joint statement by Egypt and Greece": the by-
     * phrase of the document the act was done in */
    if (f->passive && f->agent < 0 && !s->d->petrarch)
        for (int c = s->first_child[v]; c >= 0 && f->agent < 0; c = s->next_sib[c]) {
            const char *p = code_rel_is(&s->w[c], "obl") ? code_prep_of(s, c) : NULL;
            if (!p || (strcmp(p, "in") && strcmp(p, "through") && strcmp(p, "via")) ||
                !code_in_list(s->lemma[c], code_doc_nouns))
                continue;
            for (int g = s->first_child[c]; g >= 0; g = s->next_sib[g]) {
                const char *q = code_rel_is(&s->w[g], "nmod") ? code_prep_of(s, g) : NULL;
                if (q && (!strcmp(q, "by") || !strcmp(q, "from")))
                    f->agent = g;
            }
        }
}

/* The subject a verb without one shares with its governor (control,
 * coordination, relative clauses). */
/* A finite verb form (past, present with a subject, or with an auxiliary
 * that carries tense), as opposed to an infinitive or participle. */
static int finite(const sent *s, int v)
{
    const char *x = s->w[v].xpos;
    if (!x || s->w[v].upos != DYAD_UPOS_VERB)
        return 0;
    if (!strcmp(x, "VBD") || !strcmp(x, "VBZ") || !strcmp(x, "VBP"))
        return 1;
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
        if (code_rel_is(&s->w[c], "aux") && c < v && strcmp(s->lemma[c], "to"))
            return 1;
    return 0;
}

int code_inherited_subject(const sent *s, int v, int depth)
{
    frame f;
    code_get_frame(s, v, &f);
    if (f.passive && f.agent >= 0)
        return f.agent;
    if (!f.passive && f.subj >= 0) {
        const char *l = s->lemma[f.subj];
        if (code_rel_is(&s->w[v], "acl") && (!strcmp(l, "that") || !strcmp(l, "which") || !strcmp(l, "who")))
            return code_head_of(s, v);
        return f.subj;
    }
    if (depth > 3)
        return -1;
    int h = code_head_of(s, v);
    if (h < 0)
        return -1;
    /* "ordering diplomats to leave" parsed as an infinitival advcl */
    int mk = code_rel_is(&s->w[v], "advcl") ? code_child_rel_eq(s, v, "mark") : -1;
    int to_advcl = mk >= 0 && !strcmp(s->lemma[mk], "to") && v > h;
    if (to_advcl) {
        frame g;
        code_get_frame(s, h, &g);
        if (g.obj < 0 || g.obj > v)
            to_advcl = 0;
    }
    if (code_rel_eq(&s->w[v], "xcomp") || code_rel_eq(&s->w[v], "conj") || to_advcl) {
        if (f.passive)
            return -1;
        /* "ordered diplomats to leave ..., and shut down two compounds":
         * a finite verb is not the conjunct of an infinitive; the parser
         * hung it on the wrong verb.  Its subject is the nearest finite
         * verb's above. */
        int comma_and = v >= 2 && s->w[v - 1].upos == DYAD_UPOS_CCONJ && !strcmp(s->fold[v - 2], ",");
        if (code_rel_eq(&s->w[v], "conj") && !finite(s, h) &&
            (finite(s, v) || (comma_and && code_child_rel_eq(s, h, "mark") >= 0))) {
            int a = h, hops = 0;
            while (a >= 0 && !finite(s, a) && hops++ < 8)
                a = code_head_of(s, a);
            if (a >= 0 && finite(s, a) && s->w[a].upos == DYAD_UPOS_VERB) {
                frame g;
                code_get_frame(s, a, &g);
                if (g.subj >= 0 && !g.passive)
                    return g.subj;
                return code_inherited_subject(s, a, depth + 1);
            }
        }
        if (code_rel_eq(&s->w[v], "xcomp") || to_advcl) {
            /* object control: "urged Russia to withdraw" */
            /* not "approved a decision to remove X": the infinitive
             * belongs to the decision, whose maker is the subject */
            static const char *const PLAN_NOUNS[] = {"decision", "plan", "proposal", "order",
                "bill", "law", "resolution", "motion", "measure", "step", "move", "agreement",
                "deal", "request", "offer", "initiative", "program", "programme", NULL};
            frame g;
            code_get_frame(s, h, &g);
            if (g.obj >= 0 && g.obj != v && !code_in_list(s->lemma[g.obj], PLAN_NOUNS))
                return g.obj;
            if (!strcmp(s->lemma[h], "call"))
                for (int c = s->first_child[h]; c >= 0; c = s->next_sib[c]) {
                    const char *p = code_rel_is(&s->w[c], "obl") ? code_prep_of(s, c) : NULL;
                    if (p && !strcmp(p, "on"))
                        return c;
                }
        }
        return code_inherited_subject(s, h, depth + 1);
    }
    if (code_rel_is(&s->w[v], "acl") && !f.passive)
        return h;   /* "a country imposing sanctions" */
    if ((code_rel_is(&s->w[v], "advcl") || code_rel_is(&s->w[v], "acl")) && !f.passive && !s->d->petrarch) {
        /* "thanked Morsi for brokering the deal", "praised X for
         * helping": the one thanked does the gerund */
        int mk = code_child_rel_eq(s, v, "mark");
        if (mk < 0)
            mk = code_child_rel_eq(s, v, "case");
        int hv = code_rel_is(&s->w[v], "acl") ? code_head_of(s, h) : h;
        static const char *const CREDIT[] = {"thank", "praise", "credit", "commend", "hail",
            "congratulate", "blame", "accuse", "criticize", "criticise", "condemn", "fault",
            "punish", "sanction", "reward", "honor", "honour", NULL};
        int accused_of = mk >= 0 && hv >= 0 && !strcmp(s->lemma[mk], "of") && !strcmp(s->lemma[hv], "accuse");
        if (mk >= 0 && (!strcmp(s->lemma[mk], "for") || !strcmp(s->lemma[mk], "in") || accused_of) && hv >= 0 &&
            s->w[hv].upos == DYAD_UPOS_VERB && code_in_list(s->lemma[hv], CREDIT)) {
            frame g;
            code_get_frame(s, hv, &g);
            if (g.obj >= 0 && g.obj < v)
                return g.obj;
        }
    }
    if (code_rel_is(&s->w[v], "advcl") && !f.passive) {
        /* "imposed sanctions after it exploded devices, cutting off aid":
         * a participle after a comma closing a subordinate clause belongs
         * to the main clause */
        int hm = code_head_of(s, h);
        if (hm >= 0 && v > h && v >= 1 && s->w[v - 1].upos == DYAD_UPOS_PUNCT &&
            s->w[v].xpos && !strcmp(s->w[v].xpos, "VBG") &&
            code_rel_is(&s->w[h], "advcl") && code_child_rel_eq(s, h, "mark") >= 0)
            return code_inherited_subject(s, hm, depth + 1);
        return code_inherited_subject(s, h, depth + 1); /* "responded by breaking ties" */
    }
    if (code_rel_eq(&s->w[v], "dep") && !f.passive && v > h && s->w[v].xpos &&
        !strcmp(s->w[v].xpos, "VBG") && s->w[h].upos == DYAD_UPOS_VERB)
        return code_inherited_subject(s, h, depth + 1);   /* "met X before holding talks", misparsed */
    if (code_rel_is(&s->w[v], "ccomp") && !f.passive) {
        /* "said it regretted", with "it" misattached as the object of "said" */
        frame g;
        code_get_frame(s, h, &g);
        if (g.obj >= 0 && g.obj < v && s->w[g.obj].upos == DYAD_UPOS_PRON)
            return g.obj;
    }
    return -1;
}

/* ---- lexicon matching */

int code_list_has(const char **l, size_t n, const char *x)
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
        if (!code_rel_is(&s->w[c], "obl") && !code_rel_is(&s->w[c], "nmod") && !code_rel_is(&s->w[c], "advmod") &&
            !code_rel_is(&s->w[c], "xcomp") && !code_rel_is(&s->w[c], "obj"))
            continue;
        const char *p = code_prep_of(s, c);
        char buf[128];
        snprintf(buf, sizeof buf, "%s %s", p ? p : "", s->lemma[c]);
        const char *key = p ? buf : s->lemma[c];
        if (code_list_has(pp, n, key) || code_list_has(pp, n, s->lemma[c])) {
            *which = c;
            return 1;
        }
        /* "as a terrorist organization": PREP MODIFIER HEAD */
        for (int m = s->first_child[c]; m >= 0; m = s->next_sib[m]) {
            if (m > c || (!code_rel_is(&s->w[m], "compound") && !code_rel_is(&s->w[m], "amod")))
                continue;
            snprintf(buf, sizeof buf, "%s%s%s %s", p ? p : "", p ? " " : "", s->lemma[m], s->lemma[c]);
            if (code_list_has(pp, n, buf)) {
                *which = c;
                return 1;
            }
        }
        if (code_rel_eq(&s->w[c], "obj") && c > v) {
            /* "called India's talk of a Chinese threat groundless": the
             * predicate parsed inside the object; the object phrase's last
             * word, when a clause boundary follows it */
            int r = c;
            for (int moved = 1; moved;) {
                moved = 0;
                for (int k = s->first_child[r]; k >= 0; k = s->next_sib[k])
                    if (k > r && s->w[k].upos != DYAD_UPOS_PUNCT) {
                        r = k;
                        moved = 1;
                    }
            }
            if (r != c && (r + 1 >= s->n || s->w[r + 1].upos == DYAD_UPOS_PUNCT ||
                           s->w[r + 1].upos == DYAD_UPOS_CCONJ) &&
                (s->w[r].upos == DYAD_UPOS_ADJ || s->w[r].upos == DYAD_UPOS_NOUN) &&
                code_list_has(pp, n, s->lemma[r])) {
                *which = r;
                return 1;
            }
        }
    }
    return 0;
}


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
        if ((code_rel_is(&s->w[c], "compound") || code_rel_is(&s->w[c], "amod")) &&
            ((strlen(s->lemma[c]) == ml && !strncmp(s->lemma[c], mod, ml)) ||
             (strlen(s->fold[c]) == ml && !strncmp(s->fold[c], mod, ml))))
            return 1;
    return 0;
}

static int obj_matches_one(const sent *s, const char *val, int word)
{
    return word >= 0 && obj_value_matches(s, val, word);
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

/* PETRARCH pre-verb words: the subject's head (or a modifier of it), or a
 * word before the verb that hangs on it or governs it ("said", "not"). */
static int pre_matches(const sent *s, int v, const frame *f, const dict_verb *e)
{
    int sj = f->passive ? f->agent : f->subj;
    int h = code_head_of(s, v);
    for (size_t i = 0; i < e->n_pre; i++) {
        if (sj >= 0 && obj_matches_one(s, e->pre[i], sj))
            return 1;
        const char *sp = strrchr(e->pre[i], ' ');
        if (sp) {   /* a phrase ("did n't"): its last word before the verb */
            for (int c = s->first_child[v]; c >= 0 && c < v; c = s->next_sib[c])
                if (!strcmp(sp + 1, s->lemma[c]) || !strcmp(sp + 1, s->fold[c]))
                    return 1;
            continue;
        }
        for (int c = s->first_child[v]; c >= 0 && c < v; c = s->next_sib[c])
            if (!strcmp(e->pre[i], s->lemma[c]) || !strcmp(e->pre[i], s->fold[c]))
                return 1;
        if (h >= 0 && h < v && (!strcmp(e->pre[i], s->lemma[h]) || !strcmp(e->pre[i], s->fold[h])))
            return 1;
    }
    return 0;
}

/* The words of a sequence alternative ("did n't"): up to 16. */
static int split_alt(const char *alt, const char **ws, size_t *wl)
{
    int k = 0;
    for (const char *p = alt; *p && k < 16;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *q = strchr(p, ' ');
        size_t len = q ? (size_t)(q - p) : strlen(p);
        ws[k] = p;
        wl[k++] = len;
        p += len;
    }
    return k;
}

/* Do the k words match the sentence from word `start` on?  Words match by
 * folded form or lemma. */
static int words_at(const sent *s, const char *const *ws, const size_t *wl, int k, int start)
{
    if (start < 0 || start + k > s->n)
        return 0;
    for (int i = 0; i < k; i++) {
        int x = start + i;
        int same = (strlen(s->fold[x]) == wl[i] && !memcmp(s->fold[x], ws[i], wl[i])) ||
                   (strlen(s->lemma[x]) == wl[i] && !memcmp(s->lemma[x], ws[i], wl[i]));
        if (!same)
            return 0;
    }
    return 1;
}

/* Does the alternative end at word end-1? */
static int seq_alt_at(const sent *s, const char *alt, int end, int lo, int *start)
{
    const char *ws[16];
    size_t wl[16];
    int k = split_alt(alt, ws, wl);
    if (!k || end - k < lo || !words_at(s, ws, wl, k, end - k))
        return 0;
    *start = end - k;
    return 1;
}

/* Slots [0, i] of a pre-verb sequence before word `end` (exclusive); the
 * slot i ends exactly there when glued. */
static int seq_match(const sent *s, const dict_seq *q, int i, int end, int glued, int lo)
{
    if (i < 0)
        return 1;
    for (int e = end; e > lo; e--) {
        for (size_t a = 0; a < q[i].n_alt; a++) {
            int st;
            if (seq_alt_at(s, q[i].alt[a], e, lo, &st) &&
                seq_match(s, q, i - 1, st, i > 0 && q[i - 1].glued, lo))
                return 1;
        }
        if (glued)
            break;
    }
    return 0;
}

/* Slots [i, n) of a post-verb sequence from word `start` on; slot i
 * begins exactly there when glued. */
static int seq_match_fwd(const sent *s, const dict_seq *q, size_t n, size_t i, int start,
                         int glued)
{
    if (i == n)
        return 1;
    for (int b = start; b < s->n; b++) {
        for (size_t a = 0; a < q[i].n_alt; a++) {
            const char *ws[16];
            size_t wl[16];
            int k = split_alt(q[i].alt[a], ws, wl);
            if (k && words_at(s, ws, wl, k, b) && seq_match_fwd(s, q, n, i + 1, b + k, q[i].glued))
                return 1;
        }
        if (glued)
            break;
    }
    return 0;
}

/* PETRARCH/TABARI pre-verb word sequence: in order before the verb. */
static int pre_seq_matches(const sent *s, int v, const dict_verb *e)
{
    size_t n = e->n_pre_seq;
    return seq_match(s, e->pre_seq, (int)n - 1, v, e->pre_seq[n - 1].glued, s->dateline);
}

/* "dozens of missiles", "a barrage of rockets": the measured noun */
static int transparent(const sent *s, int o)
{
    static const char *const QUANT[] = {"dozen", "dozens", "hundred", "hundreds", "thousand",
        "thousands", "score", "scores", "number", "barrage", "salvo", "volley", "series",
        "string", "wave", "couple", "handful", "pair", "round", "batch", "set", "lot",
        "package", "raft", "slew", "flurry", "spate", "host", "range", "total", "week",
        "month", "day", "year", "decade", "hour", NULL};
    if (o >= 0 && !s->d->petrarch && s->w[o].upos == DYAD_UPOS_PRON &&
        (!strcmp(s->lemma[o], "which") || !strcmp(s->lemma[o], "that"))) {
        /* "the hacking, which agencies attributed to Russia": the object
         * is the antecedent of the relative pronoun */
        int v = code_head_of(s, o);
        if (v >= 0 && code_rel_eq(&s->w[v], "acl:relcl") && code_head_of(s, v) >= 0)
            o = code_head_of(s, v);
    }
    for (int depth = 0; o >= 0 && depth < 2; depth++) {
        if (!code_in_list(s->lemma[o], QUANT) && s->w[o].upos != DYAD_UPOS_NUM)
            return o;
        int next = -1;
        for (int c = s->first_child[o]; c >= 0 && next < 0; c = s->next_sib[c]) {
            if (code_rel_is(&s->w[c], "nmod") && code_prep_of(s, c) && !strcmp(code_prep_of(s, c), "of"))
                next = c;
            int mk = code_rel_is(&s->w[c], "acl") ? code_child_rel_eq(s, c, "mark") : -1;
            if (mk >= 0 && !strcmp(s->lemma[mk], "of"))   /* "weeks of fighting" */
                next = c;
        }
        if (next < 0)
            return o;
        o = next;
    }
    return o;
}

/* The speech verb v's clause is the content of ("said Iran had crossed"),
 * or -1. */
int code_say_head(const sent *s, int v)
{
    int x = v, h = code_head_of(s, v), hops = 0;
    while (h >= 0 && code_rel_eq(&s->w[x], "conj") && hops++ < 16) {
        x = h;
        h = code_head_of(s, x);
    }
    if (h >= 0 && (code_rel_is(&s->w[x], "ccomp") || code_rel_is(&s->w[x], "parataxis")) &&
        code_in_list(s->lemma[h], code_say))
        return h;
    return -1;
}

match code_best_entry(const sent *s, int v, int noun)
{
    match best = {NULL, -1000, -1, -1};
    int32_t i = dict_first_verb(s->d, s->lemma[v]);
    int32_t form = -1;   /* entries keyed by the inflected form ("left") */
    if (strcmp(s->lemma[v], s->fold[v]))
        form = dict_first_verb(s->d, s->fold[v]);
    if (i < 0) {
        i = form;
        form = -1;
    }
    if (i < 0)
        return best;
    frame f;
    code_get_frame(s, v, &f);
    const char *prt = f.prt >= 0 ? s->lemma[f.prt] : NULL;
    const char *vp = noun ? code_prep_of(s, v) : NULL;
    int placed = noun && code_rel_is(&s->w[v], "obl") && vp &&
                 (!strcmp(vp, "at") || !strcmp(vp, "during") || !strcmp(vp, "after") ||
                  !strcmp(vp, "in"));
    for (int32_t nx; i >= 0; i = nx) {
        nx = s->d->verbs[i].next;
        if (nx < 0 && form >= 0) {
            nx = form;
            form = -1;
        }
        const dict_verb *e = &s->d->verbs[i];
        if (!!(e->flags & DV_NOUN) != noun)
            continue;
        if ((e->flags & DV_SAY) && (noun || code_say_head(s, v) < 0))
            continue;
        int score = 1, objw = -1, ppw = -1;
        if (e->prt) {
            if (!prt || strcmp(prt, e->prt))
                continue;
            score += 4;
        } else if (prt) {
            score -= 2;
        }
        if (e->n_post_seq) {
            /* TABARI words after the verb, in order */
            int from = f.prt > v ? f.prt + 1 : v + 1;
            /* the sequence may name the particle itself ("BURN * DOWN") */
            if (!seq_match_fwd(s, e->post_seq, e->n_post_seq, 0, from, e->post_glued) &&
                (from == v + 1 ||
                 !seq_match_fwd(s, e->post_seq, e->n_post_seq, 0, v + 1, e->post_glued)))
                continue;
            score += 4 * (int)e->n_post_seq;
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
            code_get_frame(s, ov, &g);
            int o = transparent(s, g.obj >= 0 ? g.obj : g.patient);
            if (noun) {
                /* nominal entries: obj= names a modifier ("peace talks") */
                o = -1;
                for (int c = s->first_child[v]; c >= 0 && o < 0; c = s->next_sib[c])
                    if ((code_rel_is(&s->w[c], "compound") || code_rel_is(&s->w[c], "amod")) &&
                        obj_matches(s, e, c))
                        o = c;
            }
            if (!obj_matches(s, e, o)) {
                /* "impose new sanctions and an embargo": a conjunct object */
                int ok = 0;
                for (int c = o >= 0 ? s->first_child[o] : -1; c >= 0 && !ok; c = s->next_sib[c])
                    if (code_rel_eq(&s->w[c], "conj") && obj_matches(s, e, c))
                        ok = 1;
                if (!ok)
                    continue;
            }
            objw = o;
            score += 4;
        }
        if (e->flags & DV_COMPOUND) {
            int sj = f.passive ? f.agent : f.subj;
            if (sj < 0 || code_child_rel_eq(s, sj, "conj") < 0)
                continue;
            score += 3;
        }
        if (e->n_pre_seq) {
            /* the longer the sequence, the more specific the pattern */
            if (!pre_seq_matches(s, v, e))
                continue;
            score += 3 + (int)e->n_pre_seq;
        } else if (e->n_pre) {
            if (!pre_matches(s, v, &f, e))
                continue;
            score += 3;
        }
        if (e->n_pp) {
            if (!has_pp(s, v, e->pp, e->n_pp, &ppw))
                continue;
            score += 5;
        }
        if (e->n_prep) {
            /* soft: a phrase with one of the prepositions scores, its
             * absence costs ("call on X" vs "call X") */
            int found = 0, actor = 0;
            for (int pass = 0; pass < 2 && !actor; pass++) {
                int base = pass == 0 ? v : objw;
                if (base < 0)
                    continue;
                for (int c = s->first_child[base]; c >= 0 && !actor; c = s->next_sib[c]) {
                    if (!code_rel_is(&s->w[c], "obl") && !code_rel_is(&s->w[c], "nmod"))
                        continue;
                    const char *p = code_prep_of(s, c);
                    if (code_time_word(s, c))
                        continue;   /* "agreed on Saturday" */
                    if (p && (code_list_has(e->prep, e->n_prep, p) ||
                              (noun && (e->flags & DV_SYM) && !strcmp(p, "between")))) {
                        found = 1;
                        /* (a phrase naming an actor is the better match:
                         * "spoke with Pompeo about the case") */
                        actor = s->ment[c] >= 0 && !s->d->petrarch;
                    }
                }
            }
            if (!found && f.prt >= 0 && code_list_has(e->prep, e->n_prep, s->lemma[f.prt]))
                found = 1;   /* "call on" parsed as a particle */
            if (!found && noun && !((e->flags & DV_SYM) && placed))
                continue;   /* a nominal event needs its phrase (a meeting
                             * something happened at has its clause) */
            score += found ? 2 + actor : -1;
        }
        if (strcmp(e->lemma, s->lemma[v]))
            score += 1;   /* keyed by the form itself: more specific */
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
                                    "'d", "will", "shall", "'ll", "wo", NULL};
/* governors that make what they govern hypothetical */
static const char *const PROPOSE[] = {"propose", "suggest", "recommend", "urge",
    "demand", "insist", "request", "advocate", "ask", "hope", "wish", NULL};
static const char *const INTENT[] = {"threaten", "plan", "want", "seek", "intend", "hope",
    "aim", "propose", "offer", "promise", "vow", "pledge", "expect", "consider",
    "prepare", "try", "attempt", "agree", "wish", "push", "warn", "urge", "call",
    "ask", "demand", "decide", "scheme", "mull", "weigh", "move", "set", "threat",
    "plot", "look", "aspire", "strive", "volunteer", "code_resolve", "commit", "press",
    "order", "tell", "invite", "encourage", "pressure", "persuade", "need", "due",
    "schedule", "slate", "poise", "likely", "ready", "go", "eager", "willing", "advise",
    "instruct", "direct", "recommend", "request", "require", "authorize", "authorise",
    "permit", "allow", "expect", "hope", NULL};
/* ... and those whose intent is itself an event (036, 13x, 12x) */
const char *const code_intent_event[] = {"threaten", "warn", "plan", "intend", "want",
    "seek", "hope", "aim", "propose", "offer", "promise", "vow", "pledge", "agree",
    "prepare", "decide", "commit", "volunteer", "refuse", "decline", "reject", NULL};
/* documents, which speak for whoever issued them */
const char *const code_doc_nouns[] = {"declaration", "statement", "resolution", "communique",
    "communiqué", "letter", "report", "decree", "motion", "bill", "message", "tweet", "post",
    "note", "speech", "address", "remarks", "interview", "video", "editorial", "article",
    "column", "cable", "memo", "memorandum", "release", NULL};
const char *const code_refuse[] = {"refuse", "decline", "fail", "reject", "deny",
                                     "oppose", "avoid", "hesitate", NULL};


int code_own_negated(const sent *s, int v)
{
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
        if ((code_rel_is(&s->w[c], "advmod") || code_rel_is(&s->w[c], "neg") ||
             code_rel_eq(&s->w[c], "det")) &&
            (code_in_list(s->lemma[c], NEG) || code_in_list(s->fold[c], NEG)))
            return 1;
    return 0;
}

int code_own_modal(const sent *s, int v)
{
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
        if (code_rel_is(&s->w[c], "aux") && (code_in_list(s->lemma[c], MODAL) || code_in_list(s->fold[c], MODAL)))
            return 1;
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
        if (code_rel_eq(&s->w[c], "mark") && !strcmp(s->lemma[c], "if"))
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

/* a verb in a past tense ("met", "had met") */
static int past_tense(const sent *s, int v)
{
    if (s->w[v].xpos && !strcmp(s->w[v].xpos, "VBD"))
        return 1;
    /* "fought" tagged as a present: a present plural is its lemma */
    if (s->w[v].xpos && !strcmp(s->w[v].xpos, "VBP") && strcmp(s->fold[v], s->lemma[v]) &&
        strcmp(s->lemma[v], "be") && strcmp(s->lemma[v], "have"))
        return 1;
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
        if (code_rel_is(&s->w[c], "aux") && (!strcmp(s->fold[c], "had") || !strcmp(s->fold[c], "did") ||
                                             !strcmp(s->fold[c], "was") || !strcmp(s->fold[c], "were")))
            return 1;
    return 0;
}

/* "met in December" in a May article: last December */
static int later_month_past(const sent *s, int v, int c)
{
    int mon = month_of(s->fold[c]);
    int now_m = (s->date / 100) % 100;
    if (!mon || !now_m || mon <= now_m || s->w[c].upos != DYAD_UPOS_PROPN)
        return 0;
    for (int g = s->first_child[c]; g >= 0; g = s->next_sib[g])
        if (year_of(s, g) || s->w[g].upos == DYAD_UPOS_NUM)
            return 0;   /* "December 2019", "Dec. 3": judged elsewhere */
    return past_tense(s, v);
}

static int past_year(const sent *s, int v)
{
    int now = s->date / 10000;
    if (!now)
        return 0;
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c])
        if ((code_rel_is(&s->w[c], "obl") || code_rel_is(&s->w[c], "advmod") || code_rel_is(&s->w[c], "nmod")) &&
            (past_time_word(s, c) || later_month_past(s, v, c)))
            return 1;
    /* "imposed sanctions on X in September", the date hung on the object */
    for (int o = s->first_child[v]; o >= 0; o = s->next_sib[o]) {
        if (!code_rel_eq(&s->w[o], "obj"))
            continue;
        /* (or on a noun under it: "fought a brief war over their border
         * in 1962") */
        for (int c = s->first_child[o]; c >= 0; c = s->next_sib[c]) {
            const char *p = code_rel_is(&s->w[c], "nmod") ? code_prep_of(s, c) : NULL;
            if (p && !strcmp(p, "in") && past_tense(s, v) &&
                (past_time_word(s, c) || later_month_past(s, v, c) ||
                 (year_of(s, c) && year_of(s, c) < now)))
                return 1;
            for (int g = p && strcmp(p, "in") ? s->first_child[c] : -1; g >= 0; g = s->next_sib[g]) {
                const char *q = code_rel_is(&s->w[g], "nmod") ? code_prep_of(s, g) : NULL;
                if (q && !strcmp(q, "in") && past_tense(s, v) && year_of(s, g) && year_of(s, g) < now)
                    return 1;
            }
        }
    }
    for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c]) {
        const dyad_word *w = &s->w[c];
        int y = year_of(s, c);
        if (y && y < now && (code_rel_is(w, "obl") || code_rel_is(w, "nmod") || code_rel_is(w, "nummod") ||
                              code_rel_is(w, "compound") || code_rel_is(w, "amod") || code_rel_is(w, "advmod")))
            return 1;
        /* "in March 2014", "in the 2014 annexation" */
        if (code_rel_is(w, "obl") || code_rel_is(w, "nmod")) {
            for (int g = s->first_child[c]; g >= 0; g = s->next_sib[g]) {
                int y2 = year_of(s, g);
                if (y2 && y2 < now)
                    return 1;
            }
        }
    }
    /* "In 2001, X expelled ..., and Russia responded by ordering out":
     * a year put before a clause dates the clauses joined to it */
    int x = v;
    for (int hops = 0; hops < 3; hops++) {
        int h = code_head_of(s, x);
        if (h < 0 || !(code_rel_eq(&s->w[x], "conj") || code_rel_is(&s->w[x], "advcl")))
            break;
        for (int c = s->first_child[h]; c >= 0; c = s->next_sib[c]) {
            int y = year_of(s, c);
            for (int g = s->first_child[c]; !y && g >= 0 && code_rel_is(&s->w[c], "obl"); g = s->next_sib[g])
                y = year_of(s, g);   /* "in January 2016" */
            /* (before the clause; for a subordinate clause, anywhere
             * before it: "broke off relations in 2016 after protesters
             * stormed") */
            if ((c < h || (c < v && code_rel_is(&s->w[x], "advcl"))) && y && y < now &&
                (code_rel_is(&s->w[c], "obl") || code_rel_is(&s->w[c], "advmod")))
                return 1;
        }
        x = h;
    }
    return 0;
}

int code_mode_of(const sent *s, int v, int *xmode_from)
{
    ((sent *)s)->say_head = -1;
    *xmode_from = -1;
    if (code_own_negated(s, v))
        return DYAD_MODE_NEGATED;
    if (code_own_modal(s, v))
        return DYAD_MODE_HYPOTHETICAL;
    /* "Trump's planned trip to Warsaw, which was cancelled", "a possible
     * summit": a nominal event not (yet) held */
    static const char *const CANCEL[] = {"cancel", "postpone", "scrap", "shelve", "delay",
        "suspend", "abort", "scuttle", NULL};
    static const char *const NOT_YET[] = {"planned", "proposed", "possible", "potential",
        "expected", "scheduled", "upcoming", "prospective", "future", "mooted", "hoped-for",
        "would-be", "cancelled", "canceled", "postponed", NULL};
    if (s->w[v].upos == DYAD_UPOS_NOUN && !s->d->petrarch)
        for (int c = s->first_child[v]; c >= 0; c = s->next_sib[c]) {
            if ((code_rel_is(&s->w[c], "amod") || code_rel_is(&s->w[c], "compound")) &&
                code_in_list(s->fold[c], NOT_YET))
                return DYAD_MODE_HYPOTHETICAL;
            if (code_rel_is(&s->w[c], "acl") &&   /* "the trip, which was cancelled" */
                code_in_list(s->lemma[c], CANCEL))
                return DYAD_MODE_NEGATED;
        }
    /* "the trip was cancelled", "cancelled his visit" */
    int hc = s->w[v].upos == DYAD_UPOS_NOUN && !s->d->petrarch ? code_head_of(s, v) : -1;
    if (hc >= 0 && code_in_list(s->lemma[hc], CANCEL) &&
        (code_rel_is(&s->w[v], "nsubj:pass") || code_rel_eq(&s->w[v], "obj")))
        return DYAD_MODE_NEGATED;
    /* governing verbs along xcomp / ccomp / advcl edges */
    int reported = 0, x = v;
    for (int depth = 0; depth < 8; depth++) {
        int h = code_head_of(s, x);
        if (h < 0)
            break;
        const dyad_word *e = &s->w[x];
        if (code_rel_eq(e, "xcomp")) {
            if (code_in_list(s->lemma[h], code_refuse)) {
                *xmode_from = h;
                return DYAD_MODE_NEGATED;
            }
            if (code_in_list(s->lemma[h], INTENT)) {
                *xmode_from = h;
                return DYAD_MODE_HYPOTHETICAL;
            }
            if (code_own_negated(s, h))
                return DYAD_MODE_NEGATED;
            if (code_own_modal(s, h))
                return DYAD_MODE_HYPOTHETICAL;
        } else if (code_rel_is(e, "ccomp") || code_rel_is(e, "parataxis")) {
            /* "proposed that Russia expel": what is proposed is not done */
            if (code_rel_is(e, "ccomp") && code_in_list(s->lemma[h], PROPOSE)) {
                *xmode_from = h;
                return DYAD_MODE_HYPOTHETICAL;
            }
            if (code_in_list(s->lemma[h], code_say)) {
                reported = 1;
                ((sent *)s)->say_head = h;
            }
        } else if (code_rel_is(e, "advcl")) {
            int mk = code_child_rel_eq(s, x, "mark");
            if (mk >= 0 && !strcmp(s->lemma[mk], "if"))
                return DYAD_MODE_HYPOTHETICAL;
            /* "encouraged Germany to restrict flights" parsed as an
             * infinitival advcl: the complement of the intent or appeal */
            if (mk >= 0 && !strcmp(s->lemma[mk], "to") && x > h && !s->d->petrarch) {
                if (code_in_list(s->lemma[h], code_refuse)) {
                    *xmode_from = h;
                    return DYAD_MODE_NEGATED;
                }
                if (code_in_list(s->lemma[h], INTENT)) {
                    *xmode_from = h;
                    return DYAD_MODE_HYPOTHETICAL;
                }
            }
            /* "accuses Iran of arming them": what is charged is reported */
            if (mk >= 0 && !strcmp(s->lemma[mk], "of") && !strcmp(s->lemma[h], "accuse")) {
                reported = 1;
                ((sent *)s)->say_head = h;
            }
        } else if (!code_rel_eq(e, "conj")) {
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
