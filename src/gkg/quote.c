/* quote.c — direct and partial quotations of a document and who said them.
 *
 * Marks: curly and straight double quotes, guillemets, and single quotes at
 * the top level (nested single quotes are text).  A paragraph that opens a
 * quote without closing it continues when the next paragraph opens with a
 * mark (newspaper style): each paragraph gives one part.  Speakers, in
 * order: after the closing mark (`,” said X`, `,” X said`, `,” he added`),
 * before the opening mark in the same sentence (`X said: “`, `X predicted
 * that … “`, `what he called the “`, `according to X`, `in a statement`),
 * else the speaker of the previous quote nearby (a quote split around its
 * attribution, or running on).  Pronouns resolve through the entities'
 * mentions.  Quotes of one to three words with no speech cue around them
 * are scare quotes and are dropped. */
#include "gkg/entity.h"

#include <stdlib.h>
#include <string.h>

enum { QM_NONE = 0, QM_OPEN, QM_CLOSE, QM_AMBIG };

typedef struct qpart {
    uint32_t ob, cb;   /* token of the opening mark, of the closing mark (or
                        * the token after the content for a paragraph part) */
    int closed;
    int cont;          /* continues the previous part (next paragraph) */
} qpart;

typedef struct spk {
    const char *name;
    uint32_t entity;
    const char *code;
    const char *verb;
    int found;
} spk;

typedef struct qmen {
    uint32_t start, end;
    const dyad_entity *e;
} qmen;

typedef struct qctx {
    const dyad_doc *doc;
    const dyad_entity *ents;
    size_t n_ents;
    dyad_arena *a;
    uint8_t *inq; /* per token: inside a quotation */
    qmen *men;    /* all mentions of all entities, by start */
    size_t n_men;
    uint8_t *cue; /* per token, memo: 0 not looked up, 1 none, 2 speech verb,
                   * 3 speech noun */
    const dyad_entity *last; /* speaker of the previous quote */
} qctx;

enum { CUE_NONE = 1, CUE_VERB, CUE_NOUN };

static const dyad_entity *mention_at(qctx *c, size_t i, size_t *unused);

static int cue_of(qctx *c, size_t i)
{
    if (!c->cue[i]) {
        int k = c->doc->tokens[i].kind;
        if (k != DYAD_TOK_WORD)
            c->cue[i] = CUE_NONE;
        else if (gkg_tok_cap(c->doc, i) && i > 0 &&
                 c->doc->sentences[gkg_sentence_of(c->doc, i)].tok_first != i)
            c->cue[i] = CUE_NONE; /* "United States", "The Post" */
        else if (mention_at(c, i, NULL))
            c->cue[i] = CUE_NONE;
        else if (gkg_tok_in(c->doc, i, gkg_speech_verbs))
            c->cue[i] = CUE_VERB;
        else if (gkg_tok_in(c->doc, i, gkg_speech_nouns))
            c->cue[i] = CUE_NOUN;
        else
            c->cue[i] = CUE_NONE;
    }
    return c->cue[i];
}

static int tok_text_is(const dyad_doc *doc, size_t i, const char *s)
{
    const dyad_token *t = &doc->tokens[i];
    size_t n = strlen(s);
    return t->end - t->start == n && !memcmp(doc->body + t->start, s, n);
}

/* 1 double, 2 single */
static int mark_family(const dyad_doc *doc, size_t i)
{
    if (tok_text_is(doc, i, "\"") || tok_text_is(doc, i, "\xE2\x80\x9C") ||
        tok_text_is(doc, i, "\xE2\x80\x9D") || tok_text_is(doc, i, "\xC2\xAB") ||
        tok_text_is(doc, i, "\xC2\xBB") || tok_text_is(doc, i, "\xE2\x80\x9E"))
        return 1;
    if (tok_text_is(doc, i, "'") || tok_text_is(doc, i, "\xE2\x80\x98") ||
        tok_text_is(doc, i, "\xE2\x80\x99"))
        return 2;
    return 0;
}

static int mark_dir(const dyad_doc *doc, size_t i)
{
    if (tok_text_is(doc, i, "\xE2\x80\x9C") || tok_text_is(doc, i, "\xC2\xAB") ||
        tok_text_is(doc, i, "\xE2\x80\x98") || tok_text_is(doc, i, "\xE2\x80\x9E"))
        return QM_OPEN;
    if (tok_text_is(doc, i, "\xE2\x80\x9D") || tok_text_is(doc, i, "\xC2\xBB") ||
        tok_text_is(doc, i, "\xE2\x80\x99"))
        return QM_CLOSE;
    /* straight marks: by the spaces around them */
    const dyad_token *t = &doc->tokens[i];
    int space_before = i == 0 || (t->flags & (DYAD_TF_SPACE_BEFORE | DYAD_TF_NEWLINE_BEFORE |
                                              DYAD_TF_PARA_BEFORE));
    int space_after = i + 1 >= doc->n_tokens ||
                      (doc->tokens[i + 1].flags & (DYAD_TF_SPACE_BEFORE | DYAD_TF_NEWLINE_BEFORE |
                                                   DYAD_TF_PARA_BEFORE));
    if (i > 0 && !space_before && doc->tokens[i - 1].kind == DYAD_TOK_PUNCT &&
        (tok_text_is(doc, i - 1, "(") || tok_text_is(doc, i - 1, "[")))
        space_before = 1;
    if (space_before && !space_after)
        return QM_OPEN;
    if (!space_before && space_after)
        return QM_CLOSE;
    if (!space_before && !space_after && i + 1 < doc->n_tokens &&
        doc->tokens[i + 1].kind == DYAD_TOK_PUNCT)
        return QM_CLOSE;
    return QM_AMBIG;
}

static int is_word_tok(const dyad_doc *doc, size_t i)
{
    int k = doc->tokens[i].kind;
    return k == DYAD_TOK_WORD || k == DYAD_TOK_ABBREV || k == DYAD_TOK_NUMBER;
}

/* find the quote parts; returns count (parts array in arena) */
static size_t find_parts(qctx *c, qpart **out)
{
    const dyad_doc *doc = c->doc;
    size_t cap = 16, n = 0;
    qpart *p = dyad_arena_alloc(c->a, cap * sizeof *p);
    if (!p)
        return 0;
    long open = -1;
    int fam = 0, cont = 0;
    for (size_t i = 0; i < doc->n_tokens; i++) {
        const dyad_token *t = &doc->tokens[i];
        int para = (t->flags & DYAD_TF_PARA_BEFORE) != 0;
        int f = t->kind == DYAD_TOK_QUOTE ? mark_family(doc, i) : 0;
        int dir = f ? mark_dir(doc, i) : QM_NONE;
        if (open >= 0 && para) {
            /* paragraph ends inside a quote: a part, if the next paragraph
             * opens the same kind of quote */
            int next_opens = f == fam && (dir == QM_OPEN || dir == QM_AMBIG);
            if (next_opens && i > (size_t)open + 1) {
                if (n == cap) {
                    qpart *np = dyad_arena_alloc(c->a, 2 * cap * sizeof *np);
                    if (!np)
                        break;
                    memcpy(np, p, n * sizeof *np);
                    p = np;
                    cap *= 2;
                }
                p[n].ob = (uint32_t)open;
                p[n].cb = (uint32_t)i;
                p[n].closed = 0;
                p[n].cont = cont;
                n++;
                open = (long)i;
                cont = 1;
                continue;
            }
            open = -1;
            cont = 0;
        }
        if (!f)
            continue;
        if (open < 0) {
            if (dir == QM_OPEN || (dir == QM_AMBIG && f == 1)) {
                /* a single quote in a word-final apostrophe position is not
                 * an opening mark */
                open = (long)i;
                fam = f;
                cont = 0;
            }
            continue;
        }
        if (f != fam)
            continue; /* nested marks of the other kind */
        if (dir == QM_OPEN && f == 1 && !tok_text_is(doc, i, "\"")) {
            /* a new curly opening while open: the first was stray */
            open = (long)i;
            cont = 0;
            continue;
        }
        if (dir == QM_OPEN && f == 2)
            continue;
        if (i > (size_t)open + 1) {
            if (n == cap) {
                qpart *np = dyad_arena_alloc(c->a, 2 * cap * sizeof *np);
                if (!np)
                    break;
                memcpy(np, p, n * sizeof *np);
                p = np;
                cap *= 2;
            }
            p[n].ob = (uint32_t)open;
            p[n].cb = (uint32_t)i;
            p[n].closed = 1;
            p[n].cont = cont;
            n++;
        }
        open = -1;
        cont = 0;
    }
    *out = p;
    return n;
}

static int cmp_qmen(const void *a, const void *b)
{
    const qmen *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* index of the first mention starting after off */
static size_t qmen_after(const qctx *c, uint32_t off)
{
    size_t lo = 0, hi = c->n_men;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->men[mid].start <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* the entity mention covering token i, or NULL */
static const dyad_entity *mention_at(qctx *c, size_t i, size_t *unused)
{
    const dyad_token *t = &c->doc->tokens[i];
    (void)unused;
    size_t k = qmen_after(c, t->start);
    for (size_t lim = 0; k-- > 0 && lim < 8; lim++)
        if (c->men[k].start <= t->start && t->end <= c->men[k].end)
            return c->men[k].e;
    return NULL;
}

/* nearest person named (not a pronoun) before byte offset off */
static const dyad_entity *person_before(qctx *c, uint32_t off)
{
    size_t k = qmen_after(c, off);
    for (size_t lim = 0; k-- > 0 && lim < 200; lim++) {
        const qmen *m = &c->men[k];
        if (m->e->type != DYAD_ENT_PERSON || m->end > off)
            continue;
        const char *s = c->doc->body + m->start;
        size_t n = m->end - m->start;
        if (n <= 3 && (!strncmp(s, "he", n) || !strncmp(s, "He", n) || !strncmp(s, "she", n) ||
                       !strncmp(s, "She", n) || !strncmp(s, "his", n) || !strncmp(s, "her", n)))
            continue;
        return m->e;
    }
    return NULL;
}

static void set_entity(spk *s, const dyad_entity *e)
{
    s->name = e->name;
    s->entity = e->id;
    s->code = e->code;
    s->found = 1;
}

/* the speaker named at token i (a mention, a pronoun, or a noun phrase
 * ending at i when np_end); 1 when found */
static int speaker_at(qctx *c, size_t i, size_t lo, int np_end, spk *s)
{
    const dyad_doc *doc = c->doc;
    if (c->inq[i])
        return 0;
    const dyad_entity *e = mention_at(c, i, NULL);
    if (e && (e->type == DYAD_ENT_PERSON || e->type == DYAD_ENT_ORG || e->type == DYAD_ENT_LOC)) {
        set_entity(s, e);
        return 1;
    }
    if (gkg_tok_pronoun(doc, i) && !gkg_tok_is(doc, i, "his") && !gkg_tok_is(doc, i, "him")) {
        e = person_before(c, doc->tokens[i].start);
        /* "he" goes on with the last speaker when that speaker was named
         * in the previous sentence too (news style), else the nearest */
        if (c->last && e != c->last && c->last->type == DYAD_ENT_PERSON) {
            uint32_t si = gkg_sentence_of(doc, i);
            uint32_t from = doc->sentences[si > 0 ? si - 1 : 0].start;
            for (size_t k = 0; k < c->last->n_mentions; k++)
                if (c->last->mentions[k].start >= from &&
                    c->last->mentions[k].end <= doc->tokens[i].start) {
                    e = c->last;
                    break;
                }
        }
        if (e)
            set_entity(s, e);
        else {
            s->name = dyad_arena_strndup(c->a, doc->body + doc->tokens[i].start,
                                         doc->tokens[i].end - doc->tokens[i].start);
            s->found = 1;
        }
        return 1;
    }
    if (np_end && doc->tokens[i].kind == DYAD_TOK_WORD) {
        static const char *const stop[] = {"the", "a", "an", "in", "of", "to", "that",
                                           "and", "but", "which", "who", "on", "at",
                                           "with", "for", "by", "as", "it", "they",
                                           "we", "i", "you", "this", "there", NULL};
        static const char *const they[] = {"they", "we", "it", NULL};
        if (gkg_tok_in(doc, i, they)) {
            s->name = dyad_arena_strndup(c->a, doc->body + doc->tokens[i].start,
                                         doc->tokens[i].end - doc->tokens[i].start);
            s->found = 1;
            return 1;
        }
        if (gkg_tok_in(doc, i, stop) || cue_of(c, i) == CUE_VERB)
            return 0;
        size_t b = i;
        while (b > lo && i - b < 3 && doc->tokens[b - 1].kind == DYAD_TOK_WORD &&
               !gkg_tok_in(doc, b - 1, stop) && !c->inq[b - 1])
            b--;
        s->name = dyad_arena_strndup(c->a, doc->body + doc->tokens[b].start,
                                     doc->tokens[i].end - doc->tokens[b].start);
        s->found = 1;
        return 1;
    }
    return 0;
}

static int person_at(qctx *c, size_t i)
{
    if (c->inq[i])
        return 0;
    if (gkg_tok_pronoun(c->doc, i) && !gkg_tok_is(c->doc, i, "his") &&
        !gkg_tok_is(c->doc, i, "him"))
        return 1;
    const dyad_entity *e = mention_at(c, i, NULL);
    return e && e->type == DYAD_ENT_PERSON;
}

static const char *verb_text(qctx *c, size_t v)
{
    const dyad_doc *doc = c->doc;
    if (gkg_tok_is(doc, v, "according"))
        return "according to";
    size_t fl = 0;
    return dyad_norm_fold(c->a, doc->body + doc->tokens[v].start,
                          doc->tokens[v].end - doc->tokens[v].start, &fl);
}

/* after the closing mark: `,” said X` / `,” X said` / `,” he added` */
static int attribute_after(qctx *c, size_t cb, size_t se, spk *s)
{
    const dyad_doc *doc = c->doc;
    size_t i = cb + 1;
    /* only a quote that ends its clause (`,”` `?”` `!”` or `”,`) is
     * attributed by what follows */
    int clause_end = cb > 0 && (gkg_tok_is(doc, cb - 1, ",") || gkg_tok_is(doc, cb - 1, "?") ||
                                gkg_tok_is(doc, cb - 1, "!") ||
                                tok_text_is(doc, cb - 1, "\xE2\x80\x94"));
    if (i < se && (gkg_tok_is(doc, i, ",") || tok_text_is(doc, i, "\xE2\x80\x94"))) {
        clause_end = 1;
        i++;
    }
    if (!clause_end)
        return 0;
    size_t v = 0;
    int found_v = 0;
    for (size_t j = i; j < se && j < i + 12; j++) {
        if (doc->tokens[j].kind == DYAD_TOK_QUOTE || gkg_tok_is(doc, j, "."))
            break;
        if (cue_of(c, j) == CUE_VERB && !gkg_tok_is(doc, j, "according") &&
            !gkg_tok_is(doc, j, "called") && !gkg_tok_is(doc, j, "read")) {
            v = j;
            found_v = 1;
            break;
        }
    }
    if (!found_v)
        return 0;
    /* subject between the mark and the verb (nearest to the verb) */
    for (size_t j = v; j-- > i;)
        if (speaker_at(c, j, i, j + 1 == v, s)) {
            s->verb = verb_text(c, v);
            return 1;
        }
    /* inverted: said X */
    for (size_t j = v + 1; j < se && j < v + 5; j++)
        if (speaker_at(c, j, j, 0, s)) {
            s->verb = verb_text(c, v);
            return 1;
        }
    return 0;
}

/* a speech noun as the source: "Putin's statement" → Putin, else the
 * noun phrase itself ("a joint statement") */
static int attribute_noun(qctx *c, size_t v, size_t sb, spk *s)
{
    for (size_t j = v; j-- > sb && v - j <= 3;) {
        const dyad_entity *e = mention_at(c, j, NULL);
        if (e && e->type == DYAD_ENT_PERSON) {
            set_entity(s, e);
            s->verb = verb_text(c, v);
            return 1;
        }
    }
    speaker_at(c, v, sb, 1, s);
    s->entity = 0;
    s->code = NULL;
    s->verb = verb_text(c, v);
    return s->found;
}

/* before the opening mark, within its sentence */
static int attribute_before(qctx *c, size_t ob, size_t sb, size_t se, spk *s)
{
    const dyad_doc *doc = c->doc;
    if (ob > sb + 60)
        sb = ob - 60; /* attributions sit near their quote */
    size_t noun_v = (size_t)-1; /* "in a statement": used when no verb */
    for (size_t v = ob; v-- > sb;) {
        if (c->inq[v])
            continue;
        int cue = cue_of(c, v);
        int is_verb = cue == CUE_VERB, is_noun = cue == CUE_NOUN;
        if (!is_verb && !is_noun)
            continue;
        if (is_verb && gkg_tok_is(doc, v, "according")) {
            for (size_t j = v + 2; j < ob && j < v + 8; j++)
                if (speaker_at(c, j, j, 0, s)) {
                    s->verb = "according to";
                    return 1;
                }
            continue;
        }
        if (is_noun && noun_v == (size_t)-1) {
            /* "said in a statement that": the verb's subject is better;
             * keep the noun as a fallback */
            size_t k = v;
            while (k > sb && v - k < 4 && doc->tokens[k - 1].kind == DYAD_TOK_WORD &&
                   !gkg_tok_is(doc, k - 1, "in"))
                k--;
            if (k > sb && gkg_tok_is(doc, k - 1, "in")) {
                noun_v = v;
                continue;
            }
        }
        if (is_noun)
            return attribute_noun(c, v, sb, s);
        /* the subject: right before the verb (a name, a pronoun, a noun
         * phrase), else the nearest person or pronoun further back */
        size_t adj = v;
        /* "Mr. Putin, speaking in Sochi, called": over the parenthetical */
        if (adj > sb + 1 && gkg_tok_is(doc, adj - 1, ",")) {
            size_t k = adj - 1;
            while (k > sb && adj - k < 25 && !gkg_tok_is(doc, k - 1, ",") && !c->inq[k - 1])
                k--;
            /* unless the commas enclose just a name ("the secretary
             * general, Jens Stoltenberg, said") */
            const dyad_entity *e = mention_at(c, adj - 2, NULL);
            int just_name = e && e->type == DYAD_ENT_PERSON;
            for (size_t j = k; j + 1 < adj && just_name; j++)
                just_name = mention_at(c, j, NULL) == e;
            if (k > sb + 1 && gkg_tok_is(doc, k - 1, ",") && !just_name)
                adj = k - 1;
        }
        if (adj > sb) {
            const dyad_entity *e = mention_at(c, adj - 1, NULL);
            /* "Senator John McCain of Arizona said": not Arizona */
            int of_place = 0;
            if (e && e->type != DYAD_ENT_PERSON) {
                size_t k = adj - 1;
                while (k > sb && mention_at(c, k - 1, NULL) == e)
                    k--;
                of_place = k > sb && (gkg_tok_is(doc, k - 1, "of") || gkg_tok_is(doc, k - 1, "from"));
            }
            if (!of_place && speaker_at(c, adj - 1, sb, 1, s)) {
                s->verb = verb_text(c, v);
                return 1;
            }
        }
        for (size_t j = v; j-- > sb;)
            if (person_at(c, j) && speaker_at(c, j, sb, 0, s)) {
                s->verb = verb_text(c, v);
                return 1;
            }
        /* "said X:" */
        for (size_t j = v + 1; j < ob && j < v + 5; j++)
            if (speaker_at(c, j, j, 0, s)) {
                s->verb = verb_text(c, v);
                return 1;
            }
    }
    (void)se;
    if (noun_v != (size_t)-1)
        return attribute_noun(c, noun_v, sb, s);
    return 0;
}

int dyad_gkg_quotes(const dyad_doc *doc, const dyad_entity *ents, size_t n_ents,
                    dyad_arena *a, dyad_quote **out, size_t *n_out, dyad_error *err)
{
    if (!doc || !a || !out || !n_out)
        return dyad_error_set(err, DYAD_EUSAGE, NULL, -1, "dyad_gkg_quotes: bad arguments");
    *out = NULL;
    *n_out = 0;
    if (!doc->n_tokens || !doc->n_sentences)
        return DYAD_OK;
    qctx c = {doc, ents, ents ? n_ents : 0, a, NULL, NULL, 0, NULL, NULL};
    c.inq = dyad_arena_calloc(a, doc->n_tokens);
    c.cue = dyad_arena_calloc(a, doc->n_tokens);
    if (!c.inq || !c.cue)
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    size_t total = 0;
    for (size_t e = 0; e < c.n_ents; e++)
        total += ents[e].n_mentions;
    c.men = dyad_arena_alloc(a, (total + 1) * sizeof *c.men);
    if (!c.men)
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    for (size_t e = 0; e < c.n_ents; e++)
        for (size_t k = 0; k < ents[e].n_mentions; k++) {
            c.men[c.n_men].start = ents[e].mentions[k].start;
            c.men[c.n_men].end = ents[e].mentions[k].end;
            c.men[c.n_men].e = &ents[e];
            c.n_men++;
        }
    qsort(c.men, c.n_men, sizeof *c.men, cmp_qmen);
    qpart *parts = NULL;
    size_t np = find_parts(&c, &parts);
    if (!np)
        return DYAD_OK;
    for (size_t i = 0; i < np; i++)
        for (uint32_t k = parts[i].ob; k <= parts[i].cb && k < doc->n_tokens; k++)
            c.inq[k] = 1;
    dyad_quote *q = dyad_arena_calloc(a, np * sizeof *q);
    if (!q)
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    size_t nq = 0;
    spk prev = {0};
    uint32_t prev_sent = 0, prev_end_tok = 0;
    int have_prev = 0;
    for (size_t i = 0; i < np; i++) {
        const qpart *p = &parts[i];
        uint32_t so = gkg_sentence_of(doc, p->ob);
        uint32_t sc = gkg_sentence_of(doc, p->cb < doc->n_tokens ? p->cb : doc->n_tokens - 1);
        const dyad_sentence *S = &doc->sentences[so], *SC = &doc->sentences[sc];
        spk s = {0};
        int words = 0;
        for (uint32_t k = p->ob + 1; k < p->cb; k++)
            words += is_word_tok(doc, k);
        if (!words)
            continue;
        if (p->closed && p->cb < doc->n_tokens)
            attribute_after(&c, p->cb, SC->tok_end, &s);
        if (!s.found && have_prev && so == prev_sent && p->ob >= prev_end_tok) {
            /* a second quote in the sentence with no new speaker named
             * in between ("called it “…” and warned of “…”") */
            int named = 0;
            for (uint32_t k = prev_end_tok + 1; k < p->ob && !named; k++)
                named = person_at(&c, k);
            if (!named) {
                s = prev;
                for (uint32_t k = prev_end_tok + 1; k < p->ob; k++)
                    if (cue_of(&c, k) == CUE_VERB)
                        s.verb = verb_text(&c, k);
            }
        }
        if (!s.found)
            attribute_before(&c, p->ob, S->tok_first, S->tok_end, &s);
        if (!s.found && have_prev && (p->cont || so <= prev_sent + 2) &&
            p->ob >= prev_end_tok && words > 3) {
            /* a quote split around its attribution, or running on */
            int between = 0;
            for (uint32_t k = prev_end_tok; k < p->ob; k++)
                between += !c.inq[k] && is_word_tok(doc, k);
            if (p->cont || between <= 12) {
                s = prev;
                s.found = 1;
            }
        }
        if (!s.found && words <= 3)
            continue; /* scare quotes */
        uint32_t b = doc->tokens[p->ob].end;
        uint32_t e = p->cb < doc->n_tokens ? doc->tokens[p->cb].start : (uint32_t)doc->body_len;
        if (!p->closed && p->cb < doc->n_tokens) {
            e = doc->tokens[p->cb - 1].end;
        }
        while (e > b && (doc->body[e - 1] == ' ' || doc->body[e - 1] == '\n' ||
                         doc->body[e - 1] == '\t' || doc->body[e - 1] == '\r'))
            e--;
        while (b < e && (doc->body[b] == ' ' || doc->body[b] == '\n'))
            b++;
        dyad_quote *o = &q[nq++];
        o->speaker = s.found ? s.name : NULL;
        o->entity = s.entity;
        o->code = s.code;
        o->text = dyad_arena_strndup(a, doc->body + b, e - b);
        o->verb = s.verb;
        o->start = b;
        o->end = e;
        if (s.found) {
            prev = s;
            have_prev = 1;
            c.last = NULL;
            for (size_t k = 0; s.entity && k < c.n_ents; k++)
                if (ents[k].id == s.entity)
                    c.last = &ents[k];
        }
        prev_sent = sc;
        prev_end_tok = p->cb;
    }
    *out = nq ? q : NULL;
    *n_out = nq;
    return DYAD_OK;
}
