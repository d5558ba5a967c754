/* entity.c — who is who in one document: NER mentions (plus the actor
 * dictionary's names and "Mr. X" patterns), person mentions grouped into
 * entities (full names, title + surname, surname alone, "the Russian
 * president", an unambiguous "he"), cross-document keys (entity_key.c),
 * actor codes at the document date, and role words from titles and
 * appositions (the parse's appos edges when doc->words is there, token
 * patterns otherwise). */
#include "gkg/entity.h"
#include "gkg/ner.h"
#include "dict/dict.h"

#include <stdlib.h>
#include <string.h>

enum { MK_NAME = 0, MK_DESC, MK_PRON };

typedef struct emen {
    uint32_t tb, te;   /* tokens of the mention [tb, te) */
    uint32_t nb, ne;   /* the name inside it (no title, no honorific) */
    uint32_t sent;
    int type;          /* dyad_entity_type */
    int kind;          /* MK_* */
    int hon;           /* preceded by Mr./Mrs./Ms./Dr. */
    int32_t ent;       /* entity index, -1 = none */
    int32_t actor;     /* dictionary actor, -1 */
} emen;

#define MAX_ROLES 8

typedef struct ebuild {
    int type;
    uint32_t best;        /* mention giving the name */
    uint32_t n_name;      /* name tokens (without initials) of that mention */
    const char *key;
    const char *name;
    int32_t actor;
    const char *roles[MAX_ROLES];
    size_t n_roles;
    const char *dict_role; /* role words from the dictionary at the date */
    const char *country;   /* from the dictionary */
    uint32_t last_tok;     /* last mention (for recency) */
    size_t n_m;
} ebuild;

typedef struct ectx {
    const dyad_doc *doc;
    const dyad_dict *d;
    dyad_arena *a;
    emen *m;
    size_t n_m, cap_m;
    ebuild *e;
    size_t n_e;
    int32_t date;
    uint8_t *covered; /* per token: 1 inside a mention */
    uint8_t *pstart;  /* per token: 1 where a person's name starts */
} ectx;

static const char *const honorifics[] = {"Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs",
                                         "Ms", "Dr", "Miss", "Prof.", "Sir", NULL};

/* title words that may precede a name ("Foreign Minister Sergey Lavrov") */
static const char *const title_words[] = {
    "President", "Vice", "Prime", "Minister", "Secretary", "State", "Foreign",
    "Defense", "Defence", "Interior", "Finance", "Senator", "Sen.", "Rep.",
    "Representative", "Congressman", "Congresswoman", "Governor", "Gov.",
    "Chancellor", "King", "Queen", "Prince", "Princess", "Emir", "Sheikh",
    "Ambassador", "General", "Gen.", "Lt.", "Col.", "Adm.", "Admiral",
    "Colonel", "Captain", "Capt.", "Major", "Maj.", "Sgt.", "Commander",
    "Chairman", "Chairwoman", "Speaker", "Mayor", "Judge", "Justice", "Pope",
    "Premier", "Leader", "Supreme", "Chief", "Deputy", "Attorney", "spokesman",
    "spokeswoman", "spokesperson", "envoy", "minister", "president", "leader",
    "chancellor", "senator", "adviser", "advisor", "Adviser", "director",
    "Director", "head", "chief", "secretary", "ambassador", "governor",
    "mayor", "commander", "chairman", "Opposition", "opposition", "Security",
    "National", "General", "Former", "former", "Acting", "acting", NULL};

/* role nouns that make a phrase a role ("the leader of North Korea") */
static const char *const role_nouns[] = {
    "president", "minister", "secretary", "senator", "chancellor", "leader",
    "spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador",
    "adviser", "advisor", "head", "chief", "director", "governor", "mayor",
    "commander", "chairman", "chairwoman", "candidate", "king", "queen",
    "prince", "premier", "general", "official", "diplomat", "negotiator",
    "founder", "analyst", "expert", "professor", "editor", "correspondent",
    "representative", "speaker", "judge", "prosecutor", "lawyer", "member",
    "deputy", "emir", "monarch", "ruler", "dictator", "strongman", "tycoon",
    "businessman", "executive", "aide", "lawmaker", "congressman",
    "congresswoman", "legislator", "politician", "activist", "researcher",
    "economist", "scholar", "fellow", "officer", "commissioner", "mediator",
    "nominee", "counterpart", "host", "owner", "ceo", "pope", "cleric", NULL};

static const char *const months[] = {"January", "February", "March", "April", "May",
                                     "June", "July", "August", "September", "October",
                                     "November", "December", NULL};

static const char *const days[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                   "Friday", "Saturday", "Sunday", NULL};

static const char *const month_preps[] = {"in", "since", "on", "by", "until", "of",
                                          "last", "next", "early", "late", "mid",
                                          "from", "through", "till", "before", "after",
                                          "during", "this", "that", NULL};

static const char *const dets[] = {"the", "a", "an", "his", "her", "its", "their", NULL};

static const char *tok_dup(ectx *c, uint32_t b, uint32_t e)
{
    if (b >= e)
        return dyad_arena_strdup(c->a, "");
    const dyad_token *t = c->doc->tokens;
    return dyad_arena_strndup(c->a, c->doc->body + t[b].start, t[e - 1].end - t[b].start);
}

static int is_word(const dyad_doc *doc, size_t i)
{
    int k = doc->tokens[i].kind;
    return k == DYAD_TOK_WORD || k == DYAD_TOK_ABBREV;
}

static emen *add_mention(ectx *c)
{
    if (c->n_m == c->cap_m) {
        size_t nc = c->cap_m ? c->cap_m * 2 : 64;
        emen *nm = dyad_arena_alloc(c->a, nc * sizeof *nm);
        if (!nm)
            return NULL;
        if (c->n_m)
            memcpy(nm, c->m, c->n_m * sizeof *nm);
        c->m = nm;
        c->cap_m = nc;
    }
    emen *m = &c->m[c->n_m++];
    memset(m, 0, sizeof *m);
    m->ent = -1;
    m->actor = -1;
    return m;
}

/* longest dictionary match from token i within [i, end): actor index and
 * match end, or -1 */
static int32_t dict_match(ectx *c, dyad_arena *scratch, size_t i, size_t end,
                          size_t *mend, int want_kind)
{
    if (!c->d)
        return -1;
    int32_t node = 0, best = -1;
    for (size_t j = i; j < end && j < i + 8; j++) {
        const dyad_token *t = &c->doc->tokens[j];
        size_t fl = 0;
        char *f = dyad_norm_fold(scratch, c->doc->body + t->start, t->end - t->start, &fl);
        if (!f)
            break;
        int32_t id = dict_tok_id(c->d, f, fl);
        if (id < 0)
            break;
        node = dict_trie_child(c->d, node, id);
        if (node < 0)
            break;
        for (int32_t h = c->d->node_hit[node]; h >= 0; h = c->d->hits[h].next) {
            const dict_actor *ac = &c->d->actors[c->d->hits[h].actor];
            if (!want_kind || ac->kind == want_kind ||
                (want_kind < 0 && ac->kind != DA_AGENT && ac->kind != DA_AGENT_PREFIX &&
                 ac->kind != DA_ADJ && ac->kind != DA_DEMONYM)) {
                best = (int32_t)c->d->hits[h].actor;
                *mend = j + 1;
                break;
            }
        }
    }
    return best;
}

static int is_month_context(ectx *c, const emen *m)
{
    const dyad_doc *doc = c->doc;
    if (m->ne - m->nb != 1 || !gkg_tok_in(doc, m->nb, months))
        return 0;
    const dyad_sentence *s = &doc->sentences[m->sent];
    if (m->nb > s->tok_first && gkg_tok_in(doc, m->nb - 1, month_preps))
        return 1;
    if (m->ne < s->tok_end && doc->tokens[m->ne].kind == DYAD_TOK_NUMBER)
        return 1;
    return !m->hon;
}

/* ---- step 1: mentions */

static int find_mentions(ectx *c, const dyad_ner *ner, dyad_arena *scratch)
{
    const dyad_doc *doc = c->doc;
    for (size_t s = 0; s < doc->n_sentences; s++) {
        const dyad_sentence *se = &doc->sentences[s];
        size_t b = se->tok_first, n = se->tok_end - se->tok_first;
        if (!n)
            continue;
        dyad_arena_reset(scratch);
        uint8_t *ty = dyad_arena_calloc(scratch, n), *bg = dyad_arena_calloc(scratch, n);
        if (!ty || !bg)
            return DYAD_ENOMEM;
        if (ner) {
            const char **forms = dyad_arena_alloc(scratch, n * sizeof *forms);
            uint32_t *lens = dyad_arena_alloc(scratch, n * sizeof *lens);
            if (!forms || !lens)
                return DYAD_ENOMEM;
            for (size_t i = 0; i < n; i++) {
                forms[i] = doc->body + doc->tokens[b + i].start;
                lens[i] = doc->tokens[b + i].end - doc->tokens[b + i].start;
            }
            uint8_t *upos = NULL;
            if (doc->words && doc->words[s]) {
                upos = dyad_arena_alloc(scratch, n);
                if (!upos)
                    return DYAD_ENOMEM;
                for (size_t i = 0; i < n; i++)
                    upos[i] = doc->words[s][i].upos;
            }
            if (dyad_ner_tag(ner, c->d, scratch, forms, lens, upos, n, ty, bg, NULL))
                return DYAD_ENOMEM;
        }
        /* the dictionary's people and organisations override or add */
        for (size_t i = 0; i < n;) {
            size_t mend = 0;
            int32_t ac = dict_match(c, scratch, b + i, b + n, &mend, -1);
            if (ac < 0 || !gkg_tok_cap(doc, b + i)) {
                i++;
                continue;
            }
            int kind = c->d->actors[ac].kind;
            int t = kind == DA_PERSON ? DYAD_ENT_PERSON
                    : (kind == DA_COUNTRY || kind == DA_CAPITAL) ? DYAD_ENT_LOC
                                                                 : DYAD_ENT_ORG;
            size_t e = mend - b;
            /* only where NER found nothing, or for people: the dictionary
             * knows "Kim Jong Un" is one person, even inside a span the
             * tagger made too long ("Foreign Minister Sergey Lavrov") */
            int free_span = 1;
            for (size_t k = i; k < e; k++)
                free_span &= !ty[k];
            if (free_span || t == DYAD_ENT_PERSON) {
                if (t == DYAD_ENT_PERSON || free_span) {
                    for (size_t k = i; k < e; k++) {
                        ty[k] = (uint8_t)t;
                        bg[k] = k == i;
                    }
                    if (e < n && ty[e])
                        bg[e] = 1;
                }
            }
            i = e;
        }
        /* Mr./Mrs. + capitalised word(s) is a person */
        for (size_t i = 0; i + 1 < n; i++) {
            if (!gkg_tok_in(doc, b + i, honorifics) || !gkg_tok_cap(doc, b + i + 1))
                continue;
            if (ty[i + 1] == DYAD_ENT_PERSON)
                continue;
            size_t e = i + 1;
            while (e < n && gkg_tok_cap(doc, b + e) && e < i + 4)
                e++;
            for (size_t k = i + 1; k < e; k++) {
                ty[k] = DYAD_ENT_PERSON;
                bg[k] = k == i + 1;
            }
            if (e < n && ty[e])
                bg[e] = 1;
        }
        /* spans → mentions */
        for (size_t i = 0; i < n;) {
            if (!ty[i]) {
                i++;
                continue;
            }
            size_t e = i + 1;
            while (e < n && ty[e] == ty[i] && !bg[e])
                e++;
            emen *m = add_mention(c);
            if (!m)
                return DYAD_ENOMEM;
            m->tb = m->nb = (uint32_t)(b + i);
            m->te = m->ne = (uint32_t)(b + e);
            m->sent = (uint32_t)s;
            m->type = ty[i];
            m->kind = MK_NAME;
            if (m->type == DYAD_ENT_PERSON) {
                /* strip honorifics and titles inside the span, note them */
                while (m->nb + 1 < m->ne &&
                       (gkg_tok_in(doc, m->nb, honorifics) || gkg_tok_in(doc, m->nb, title_words)))
                    m->nb++;
                if (m->nb > b && gkg_tok_in(doc, m->nb - 1, honorifics)) {
                    m->hon = 1;
                    if (m->tb == m->nb)
                        m->tb = m->nb - 1;
                } else if (m->nb > m->tb && gkg_tok_in(doc, m->tb, honorifics))
                    m->hon = 1;
                /* a surname found alone: extend it over first names and
                 * initials ("Dmitri S." + "Peskov") */
                if (m->ne - m->nb == 1 && m->nb == m->tb) {
                    uint32_t k = m->nb;
                    while (k > b && m->nb - k < 3) {
                        uint32_t p = k - 1;
                        const dyad_token *pt = &doc->tokens[p];
                        size_t pl = pt->end - pt->start;
                        int initial = pl == 2 && doc->body[pt->end - 1] == '.';
                        size_t aend = 0;
                        if (!gkg_tok_cap(doc, p) || ty[p - b] || gkg_tok_in(doc, p, honorifics) ||
                            gkg_tok_in(doc, p, title_words) || gkg_tok_in(doc, p, months) ||
                            gkg_tok_in(doc, p, days) ||
                            dict_match(c, scratch, p, p + 1, &aend, 0) >= 0)
                            break;
                        if (!initial && p == b && !(k < m->nb || pl == 2))
                            break; /* "Yesterday Peskov" */
                        k = p;
                    }
                    m->tb = m->nb = k;
                }
                /* drop trailing possessive / punctuation */
                while (m->ne > m->nb + 1 && !is_word(doc, m->ne - 1))
                    m->ne--;
                size_t aend = 0;
                int32_t adj = m->ne - m->nb == 1 ? dict_match(c, scratch, m->nb, m->ne, &aend, 0) : -1;
                int is_adj = adj >= 0 && (c->d->actors[adj].kind == DA_ADJ ||
                                          c->d->actors[adj].kind == DA_DEMONYM ||
                                          c->d->actors[adj].kind == DA_COUNTRY);
                int lone_title = m->ne - m->nb == 1 && (gkg_tok_in(doc, m->nb, title_words) ||
                                                        gkg_tok_in(doc, m->nb, honorifics));
                if (!is_word(doc, m->nb) || is_month_context(c, m) || (is_adj && !m->hon) ||
                    lone_title) {
                    c->n_m--;
                    i = e;
                    continue;
                }
            } else {
                /* titles alone ("Secretary of State", "Foreign") are not
                 * organisations */
                int all_titles = 1;
                for (uint32_t k = m->nb; k < m->ne; k++)
                    all_titles &= gkg_tok_in(doc, k, title_words) || gkg_tok_is(doc, k, "of");
                /* nationality words ("British") are not entities */
                size_t aend = 0;
                int32_t adj = m->ne - m->nb == 1 ? dict_match(c, scratch, m->nb, m->ne, &aend, 0) : -1;
                if (adj >= 0 && (c->d->actors[adj].kind == DA_ADJ ||
                                 c->d->actors[adj].kind == DA_DEMONYM))
                    all_titles = 1;
                if (all_titles) {
                    c->n_m--;
                    i = e;
                    continue;
                }
                /* "the" is not part of the name */
                if (m->ne - m->nb > 1 && gkg_tok_is(doc, m->nb, "the"))
                    m->nb++;
            }
            for (uint32_t k = m->tb; k < m->te; k++)
                c->covered[k] = 1;
            if (m->type == DYAD_ENT_PERSON)
                c->pstart[m->tb] = c->pstart[m->nb] = 1;
            i = e;
        }
    }
    return DYAD_OK;
}

/* ---- step 2: people → entities */

/* name tokens that count (not initials) */
static uint32_t name_len(ectx *c, const emen *m)
{
    uint32_t k = 0;
    for (uint32_t i = m->nb; i < m->ne; i++) {
        const dyad_token *t = &c->doc->tokens[i];
        size_t n = t->end - t->start;
        if (n <= 2 && (n == 1 || c->doc->body[t->end - 1] == '.'))
            continue;
        k++;
    }
    return k;
}

/* folded key of one token (surname comparison) */
static const char *tok_key(ectx *c, uint32_t i)
{
    const dyad_token *t = &c->doc->tokens[i];
    return dyad_gkg_person_key(c->a, c->doc->body + t->start, t->end - t->start);
}

static const char *last_key(ectx *c, const ebuild *e)
{
    const emen *m = &c->m[e->best];
    return tok_key(c, m->ne - 1);
}

static const char *first_key(ectx *c, const ebuild *e)
{
    const emen *m = &c->m[e->best];
    return tok_key(c, m->nb);
}

static void set_actor(ectx *c, ebuild *e, int32_t ac)
{
    e->actor = ac;
    if (ac < 0)
        return;
    const dict_actor *a = &c->d->actors[ac];
    e->country = a->country;
    if (a->kind != DA_PERSON)
        return;
    e->name = a->name;
    e->key = dyad_gkg_person_key(c->a, a->name, strlen(a->name));
    e->n_name = 99;
}

static const char *actor_code(ectx *c, int32_t ac, const char **role_words)
{
    const dict_actor *a = &c->d->actors[ac];
    if (role_words)
        *role_words = NULL;
    if (a->kind != DA_PERSON)
        return a->code && *a->code ? a->code : NULL;
    for (size_t r = 0; r < a->n_roles; r++) {
        const dict_role *ro = &a->roles[r];
        if ((!ro->from || !c->date || c->date >= ro->from) &&
            (!ro->to || !c->date || c->date <= ro->to)) {
            if (role_words)
                *role_words = ro->words;
            return ro->code;
        }
    }
    if (!a->country || !*a->country)
        return NULL;
    char buf[16];
    snprintf(buf, sizeof buf, "%sELI", a->country);
    return dyad_arena_strdup(c->a, buf);
}

static int32_t new_entity(ectx *c, size_t mi)
{
    ebuild *e = &c->e[c->n_e];
    memset(e, 0, sizeof *e);
    e->type = c->m[mi].type;
    e->best = (uint32_t)mi;
    e->actor = -1;
    e->n_name = name_len(c, &c->m[mi]);
    const emen *m = &c->m[mi];
    e->name = tok_dup(c, m->nb, m->ne);
    if (e->type == DYAD_ENT_PERSON)
        e->key = dyad_gkg_person_key(c->a, e->name, strlen(e->name));
    else {
        size_t fl = 0;
        e->key = dyad_norm_fold(c->a, e->name, strlen(e->name), &fl);
    }
    return (int32_t)c->n_e++;
}

/* string → entity index, open addressing, in the arena (entity grouping
 * must stay linear in the number of mentions) */
typedef struct emap {
    const char **k;
    int32_t *v;
    size_t cap, n;
} emap;

static uint64_t str_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

static int32_t emap_get(const emap *m, const char *key)
{
    if (!m->cap || !key)
        return -1;
    for (size_t i = str_hash(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->k[i])
            return -1;
        if (!strcmp(m->k[i], key))
            return m->v[i];
    }
}

static void emap_put(dyad_arena *a, emap *m, const char *key, int32_t v)
{
    if (!key)
        return;
    if ((m->n + 1) * 2 > m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 64;
        const char **nk = dyad_arena_calloc(a, nc * sizeof *nk);
        int32_t *nv = dyad_arena_alloc(a, nc * sizeof *nv);
        if (!nk || !nv)
            return;
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->k[i])
                continue;
            size_t j = str_hash(m->k[i]) & (nc - 1);
            while (nk[j])
                j = (j + 1) & (nc - 1);
            nk[j] = m->k[i];
            nv[j] = m->v[i];
        }
        m->k = nk;
        m->v = nv;
        m->cap = nc;
    }
    size_t i = str_hash(key) & (m->cap - 1);
    while (m->k[i] && strcmp(m->k[i], key))
        i = (i + 1) & (m->cap - 1);
    if (!m->k[i]) {
        m->k[i] = key;
        m->n++;
    }
    m->v[i] = v;
}

static void group_people(ectx *c, dyad_arena *scratch)
{
    emap kmap = {0}, lmap = {0}, fmap = {0}; /* key, surname, first name */
    for (size_t i = 0; i < c->n_m; i++) {
        emen *m = &c->m[i];
        if (m->type != DYAD_ENT_PERSON || m->kind != MK_NAME)
            continue;
        dyad_arena_reset(scratch);
        size_t mend = 0;
        int32_t ac = c->d ? dict_match(c, scratch, m->nb, m->ne, &mend, DA_PERSON) : -1;
        if (ac >= 0 && mend != m->ne)
            ac = -1;
        m->actor = ac;
        uint32_t nl = name_len(c, m);
        const char *name = tok_dup(c, m->nb, m->ne);
        const char *key = dyad_gkg_person_key(c->a, name, strlen(name));
        const char *akey = ac >= 0 ? dyad_gkg_person_key(c->a, c->d->actors[ac].name,
                                                          strlen(c->d->actors[ac].name))
                                   : NULL;
        /* same key (or same dictionary person) */
        int32_t hit = emap_get(&kmap, key);
        if (hit < 0)
            hit = emap_get(&kmap, akey);
        if (hit < 0) {
            const char *lk = tok_key(c, m->ne - 1);
            int32_t h = emap_get(&lmap, lk);
            if (nl <= 1) {
                /* "Putin", "Mr. Kim": the surname, or (East Asian order)
                 * the family name first */
                hit = h;
                if (hit < 0 && m->hon)
                    hit = emap_get(&fmap, lk);
            } else if (h >= 0 && c->e[h].n_name <= 1 && c->e[h].actor < 0) {
                hit = h; /* "President Trump" … "Donald Trump" */
            }
        }
        if (hit < 0) {
            hit = new_entity(c, i);
            if (ac >= 0)
                set_actor(c, &c->e[hit], ac);
        } else {
            ebuild *e = &c->e[hit];
            if (ac >= 0 && e->actor < 0)
                set_actor(c, e, ac);
            if (nl > e->n_name) {
                e->best = (uint32_t)i;
                e->n_name = nl;
                if (e->actor < 0) {
                    e->name = name;
                    e->key = key;
                }
            }
        }
        ebuild *e = &c->e[hit];
        m->ent = hit;
        e->last_tok = m->te;
        emap_put(c->a, &kmap, e->key, hit);
        emap_put(c->a, &kmap, key, hit);
        emap_put(c->a, &lmap, last_key(c, e), hit);
        if (e->n_name >= 2)
            emap_put(c->a, &fmap, first_key(c, e), hit);
    }
}

static void group_others(ectx *c, dyad_arena *scratch)
{
    emap omap = {0};
    for (size_t i = 0; i < c->n_m; i++) {
        emen *m = &c->m[i];
        if (m->type == DYAD_ENT_PERSON || m->kind != MK_NAME)
            continue;
        size_t fl = 0;
        const char *name = tok_dup(c, m->nb, m->ne);
        const char *fold = dyad_norm_fold(c->a, name, strlen(name), &fl);
        if (!fold)
            continue;
        /* the type in the map key: "Georgia" the place and an organisation
         * of the same name stay apart */
        char *key = dyad_arena_alloc(c->a, fl + 3);
        if (!key)
            continue;
        key[0] = (char)('0' + m->type);
        key[1] = ':';
        memcpy(key + 2, fold, fl + 1);
        int32_t hit = emap_get(&omap, key);
        if (hit < 0) {
            hit = new_entity(c, i);
            dyad_arena_reset(scratch);
            size_t mend = 0;
            int32_t ac = dict_match(c, scratch, m->nb, m->ne, &mend, -1);
            if (ac >= 0 && mend == m->ne)
                c->e[hit].actor = ac;
            emap_put(c->a, &omap, key, hit);
        }
        m->ent = hit;
    }
}

/* ---- step 3: roles */

static void add_role(ectx *c, ebuild *e, uint32_t b, uint32_t en)
{
    while (b < en && gkg_tok_in(c->doc, b, dets))
        b++;
    while (en > b && !is_word(c->doc, en - 1))
        en--;
    if (b >= en || e->n_roles >= MAX_ROLES)
        return;
    const char *r = tok_dup(c, b, en);
    for (size_t i = 0; i < e->n_roles; i++)
        if (!strcmp(e->roles[i], r))
            return;
    e->roles[e->n_roles++] = r;
}

static int has_role_noun(ectx *c, uint32_t b, uint32_t e)
{
    for (uint32_t i = b; i < e; i++)
        if (gkg_tok_in(c->doc, i, role_nouns))
            return 1;
    /* "Secretary of State", "Chancellor" capitalised */
    return 0;
}

static int is_verbish(ectx *c, uint32_t i)
{
    static const char *const v[] = {"said", "says", "is", "was", "were", "are", "has",
                                    "had", "have", "will", "would", "told", "met",
                                    "and", "who", "which", "that", NULL};
    return gkg_tok_in(c->doc, i, v);
}

/* apposition from the parse: dependents of the name's head with deprel
 * appos; returns 1 when the parse was usable */
static int roles_from_parse(ectx *c, const emen *m, ebuild *e)
{
    const dyad_doc *doc = c->doc;
    if (!doc->words || !doc->words[m->sent])
        return 0;
    const dyad_sentence *s = &doc->sentences[m->sent];
    const dyad_word *w = doc->words[m->sent];
    size_t n = s->tok_end - s->tok_first;
    /* head of the name: the token whose head lies outside the name */
    size_t h = m->ne - 1 - s->tok_first;
    for (uint32_t i = m->nb; i < m->ne; i++) {
        size_t k = i - s->tok_first;
        size_t hd = (size_t)w[k].head;
        if (!hd || hd - 1 < m->nb - s->tok_first || hd - 1 >= m->ne - s->tok_first) {
            h = k;
            break;
        }
    }
    int found = 0;
    for (size_t k = 0; k < n; k++) {
        if ((size_t)w[k].head != h + 1 || !w[k].deprel || strcmp(w[k].deprel, "appos"))
            continue;
        if (w[k].upos != DYAD_UPOS_NOUN && w[k].upos != DYAD_UPOS_PROPN)
            continue; /* "speaking in Sochi", a mis-attached clause */
        /* subtree span of k */
        size_t lo = k, hi = k;
        for (int changed = 1; changed;) {
            changed = 0;
            for (size_t j = 0; j < n; j++) {
                if (j >= lo && j <= hi)
                    continue;
                size_t hd = (size_t)w[j].head;
                if (hd && hd - 1 >= lo && hd - 1 <= hi && !(w[j].upos == DYAD_UPOS_PUNCT)) {
                    if (j < lo)
                        lo = j;
                    if (j > hi)
                        hi = j;
                    changed = 1;
                }
            }
        }
        /* right after the name (and its comma) */
        size_t after = m->ne - s->tok_first;
        if (hi - lo > 14 || (lo != after && lo != after + 1))
            continue;
        uint32_t b = (uint32_t)(s->tok_first + lo), en = (uint32_t)(s->tok_first + hi + 1);
        if (has_role_noun(c, b, en)) {
            add_role(c, e, b, en);
            found = 1;
        }
    }
    /* the head may itself be the apposition of a role noun ("the Kremlin
     * spokesman, Dmitri Peskov") */
    if (w[h].deprel && !strcmp(w[h].deprel, "appos") && w[h].head) {
        size_t r = (size_t)w[h].head - 1;
        size_t lo = r;
        for (size_t j = r; j-- > 0;) {
            if ((size_t)w[j].head == r + 1 && j + 1 == lo && w[j].upos != DYAD_UPOS_PUNCT)
                lo = j;
            else
                break;
        }
        uint32_t b = (uint32_t)(s->tok_first + lo), en = (uint32_t)(s->tok_first + r + 1);
        if (has_role_noun(c, b, en)) {
            add_role(c, e, b, en);
            found = 1;
        }
    }
    return found;
}

static void find_roles(ectx *c)
{
    const dyad_doc *doc = c->doc;
    for (size_t i = 0; i < c->n_m; i++) {
        emen *m = &c->m[i];
        if (m->type != DYAD_ENT_PERSON || m->kind != MK_NAME || m->ent < 0)
            continue;
        ebuild *e = &c->e[m->ent];
        const dyad_sentence *s = &doc->sentences[m->sent];
        /* title before the name */
        uint32_t tb = m->nb;
        while (tb > s->tok_first && tb > m->tb)
            tb--; /* include tokens of the span before the name */
        uint32_t j = tb;
        while (j > s->tok_first && m->nb - j < 6) {
            uint32_t p = j - 1;
            if (gkg_tok_in(doc, p, honorifics) && j == m->nb) {
                j = p;
                continue;
            }
            if (gkg_tok_in(doc, p, title_words) ||
                (gkg_tok_is(doc, p, "of") && p > s->tok_first &&
                 gkg_tok_in(doc, p - 1, title_words)) ||
                (gkg_tok_cap(doc, p) && j < m->nb && gkg_tok_in(doc, j, title_words) &&
                 p > s->tok_first && !gkg_tok_in(doc, p, honorifics)))
                j = p;
            else
                break;
        }
        uint32_t te = m->nb;
        while (te > j && gkg_tok_in(doc, te - 1, honorifics))
            te--;
        if (j < te && has_role_noun(c, j, te)) {
            /* "President Dmitri A. Medvedev of Russia" */
            if (m->ne + 1 < s->tok_end && gkg_tok_is(doc, m->ne, "of") &&
                gkg_tok_cap(doc, m->ne + 1)) {
                uint32_t k = m->ne + 1;
                while (k < s->tok_end && gkg_tok_cap(doc, k) && k < m->ne + 4)
                    k++;
                const char *t1 = tok_dup(c, j, te), *t2 = tok_dup(c, m->ne + 1, k);
                size_t l1 = strlen(t1), l2 = strlen(t2);
                char *r = dyad_arena_alloc(c->a, l1 + l2 + 5);
                if (r && e->n_roles < MAX_ROLES) {
                    memcpy(r, t1, l1);
                    memcpy(r + l1, " of ", 4);
                    memcpy(r + l1 + 4, t2, l2 + 1);
                    int dup = 0;
                    for (size_t q = 0; q < e->n_roles; q++)
                        dup |= !strcmp(e->roles[q], r);
                    if (!dup)
                        e->roles[e->n_roles++] = r;
                }
            } else
                add_role(c, e, j, te);
        }
        if (roles_from_parse(c, m, e))
            continue;
        /* ", the leader of North Korea," after the name */
        uint32_t k = m->ne;
        if (k < s->tok_end && gkg_tok_is(doc, k, ",")) {
            uint32_t b = k + 1, en = b;
            while (en < s->tok_end && en < b + 14 && !gkg_tok_is(doc, en, ",") &&
                   !gkg_tok_is(doc, en, ";") && doc->tokens[en].kind != DYAD_TOK_QUOTE &&
                   !(gkg_tok_is(doc, en, ".") || gkg_tok_is(doc, en, "(")) &&
                   !is_verbish(c, en))
                en++;
            int ends = en >= s->tok_end || gkg_tok_is(doc, en, ",") || gkg_tok_is(doc, en, ";") ||
                       gkg_tok_is(doc, en, ".");
            int starts_person = c->pstart[b];
            /* "speaking in Sochi before a meeting with King Abdullah" is a
             * clause, not a role */
            const dyad_token *ft = &doc->tokens[b];
            size_t fl = ft->end - ft->start;
            const char *fs = doc->body + ft->start;
            int clause = fl > 4 && ((!memcmp(fs + fl - 3, "ing", 3)) || !memcmp(fs + fl - 2, "ed", 2)) &&
                         !gkg_tok_cap(doc, b);
            if (ends && en > b && !starts_person && !clause && has_role_noun(c, b, en))
                add_role(c, e, b, en);
        }
        /* "the Kremlin spokesman, Dmitri Peskov" */
        if (m->tb > s->tok_first + 1 && gkg_tok_is(doc, m->tb - 1, ",")) {
            uint32_t en = m->tb - 1, b = en;
            while (b > s->tok_first && en - b < 5 && !gkg_tok_in(doc, b - 1, dets) &&
                   is_word(doc, b - 1) && !is_verbish(c, b - 1))
                b--;
            if (b > s->tok_first && gkg_tok_in(doc, b - 1, dets) && en > b &&
                gkg_tok_in(doc, en - 1, role_nouns))
                add_role(c, e, b, en);
        }
    }
}

/* ---- step 4: "the Russian president", "he" */

static int role_matches(ectx *c, const ebuild *e, const char *noun, size_t nn)
{
    const char *cands[MAX_ROLES + 1];
    size_t nc = 0;
    for (size_t i = 0; i < e->n_roles; i++)
        cands[nc++] = e->roles[i];
    if (e->dict_role)
        cands[nc++] = e->dict_role;
    for (size_t i = 0; i < nc; i++) {
        const char *r = cands[i];
        size_t rl = strlen(r);
        for (size_t p = 0; p + nn <= rl; p++) {
            if ((p == 0 || r[p - 1] == ' ') && (p + nn == rl || r[p + nn] == ' ' || r[p + nn] == ',')) {
                size_t q = 0;
                while (q < nn && (r[p + q] | 32) == (noun[q] | 32))
                    q++;
                if (q == nn)
                    return 1;
            }
        }
    }
    return 0;
}

/* number of the first n mentions (in text order) that start before tok */
static size_t mentions_before(const ectx *c, size_t n, uint32_t tok)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->m[mid].tb < tok)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void find_descriptors(ectx *c, dyad_arena *scratch)
{
    const dyad_doc *doc = c->doc;
    static const char *const desc_nouns[] = {
        "president", "minister", "secretary", "chancellor", "leader", "spokesman",
        "spokeswoman", "senator", "premier", "king", "queen", "envoy", "ambassador",
        "general", "governor", "mayor", NULL};
    size_t n_before = c->n_m;
    for (size_t i = 0; i + 1 < doc->n_tokens; i++) {
        if (!gkg_tok_is(doc, i, "the") || c->covered[i + 1])
            continue;
        uint32_t s = gkg_sentence_of(doc, i);
        uint32_t se = doc->sentences[s].tok_end;
        /* the [Adj|Institution]{0,2} ROLE */
        uint32_t j = (uint32_t)i + 1;
        uint32_t adj = 0;
        while (j < se && j < i + 4 && !gkg_tok_in(doc, j, desc_nouns) && is_word(doc, j)) {
            if (!adj && gkg_tok_cap(doc, j))
                adj = j;
            j++;
        }
        if (j >= se || !gkg_tok_in(doc, j, desc_nouns))
            continue;
        /* followed by a name: a title, not a descriptor */
        if (j + 1 < se && (gkg_tok_cap(doc, j + 1) || c->covered[j + 1]))
            continue;
        const dyad_token *nt = &doc->tokens[j];
        const char *noun = doc->body + nt->start;
        size_t nn = nt->end - nt->start;
        const char *want_country = NULL;
        if (adj && c->d) {
            dyad_arena_reset(scratch);
            size_t mend = 0;
            int32_t ac = dict_match(c, scratch, adj, adj + 1, &mend, 0);
            if (ac >= 0)
                want_country = c->d->actors[ac].country && *c->d->actors[ac].country
                                   ? c->d->actors[ac].country
                                   : c->d->actors[ac].code;
        }
        /* most recently mentioned person with that role (a bounded look
         * back: mentions are in text order) */
        int32_t best = -1;
        size_t lim = 0;
        for (size_t k = mentions_before(c, n_before, (uint32_t)i); k-- > 0 && lim < 300; lim++) {
            const emen *m = &c->m[k];
            if (m->ent < 0 || m->type != DYAD_ENT_PERSON)
                continue;
            const ebuild *e = &c->e[m->ent];
            if (!role_matches(c, e, noun, nn))
                continue;
            if (want_country && (!e->country || strncmp(e->country, want_country, 3)))
                continue;
            best = m->ent;
            break;
        }
        if (best < 0)
            continue;
        emen *m = add_mention(c);
        if (!m)
            return;
        m->tb = m->nb = (uint32_t)i;
        m->te = m->ne = j + 1;
        m->sent = s;
        m->type = DYAD_ENT_PERSON;
        m->kind = MK_DESC;
        m->ent = best;
        for (uint32_t k = m->tb; k < m->te; k++)
            c->covered[k] = 1;
    }
}

static void find_pronouns(ectx *c)
{
    const dyad_doc *doc = c->doc;
    size_t n_names = c->n_m;
    for (size_t i = 0; i < doc->n_tokens; i++) {
        if (!gkg_tok_pronoun(doc, i) || c->covered[i])
            continue;
        uint32_t s = gkg_sentence_of(doc, i);
        uint32_t from = doc->sentences[s > 0 ? s - 1 : 0].tok_first;
        int32_t who = -1;
        int ambiguous = 0;
        size_t lim = 0;
        for (size_t k = mentions_before(c, n_names, (uint32_t)i); k-- > 0 && lim < 300; lim++) {
            const emen *m = &c->m[k];
            if (m->tb < from)
                break;
            if (m->type != DYAD_ENT_PERSON || m->ent < 0)
                continue;
            if (who >= 0 && who != m->ent)
                ambiguous = 1;
            who = m->ent;
        }
        if (who < 0 || ambiguous)
            continue;
        emen *m = add_mention(c);
        if (!m)
            return;
        m->tb = m->nb = (uint32_t)i;
        m->te = m->ne = (uint32_t)i + 1;
        m->sent = s;
        m->type = DYAD_ENT_PERSON;
        m->kind = MK_PRON;
        m->ent = who;
    }
}

static int cmp_mention(const void *a, const void *b)
{
    const dyad_mention *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

int dyad_gkg_entities(const dyad_ner *ner, const dyad_dict *d, const dyad_doc *doc,
                      dyad_arena *a, dyad_entity **out, size_t *n_out, dyad_error *err)
{
    if (!doc || !a || !out || !n_out)
        return dyad_error_set(err, DYAD_EUSAGE, NULL, -1, "dyad_gkg_entities: bad arguments");
    *out = NULL;
    *n_out = 0;
    if (!doc->n_tokens || !doc->n_sentences)
        return DYAD_OK;
    ectx c;
    memset(&c, 0, sizeof c);
    c.doc = doc;
    c.d = d;
    c.a = a;
    c.date = doc->date ? dict_parse_date(doc->date, strlen(doc->date)) : 0;
    c.covered = dyad_arena_calloc(a, doc->n_tokens);
    c.pstart = dyad_arena_calloc(a, doc->n_tokens);
    dyad_arena *scratch = dyad_arena_new(0);
    if (!c.covered || !c.pstart || !scratch) {
        dyad_arena_free(scratch);
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    }
    int rc = find_mentions(&c, ner, scratch);
    if (rc) {
        dyad_arena_free(scratch);
        return dyad_error_set(err, rc, NULL, -1, "out of memory");
    }
    c.e = dyad_arena_alloc(a, (c.n_m + 1) * sizeof *c.e);
    if (!c.e) {
        dyad_arena_free(scratch);
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    }
    group_people(&c, scratch);
    group_others(&c, scratch);
    for (size_t i = 0; i < c.n_e; i++) {
        ebuild *e = &c.e[i];
        if (e->actor < 0 && d && e->type == DYAD_ENT_PERSON && e->n_name >= 2) {
            dyad_arena_reset(scratch);
            const emen *m = &c.m[e->best];
            size_t mend = 0;
            int32_t ac = dict_match(&c, scratch, m->nb, m->ne, &mend, DA_PERSON);
            if (ac >= 0 && mend == m->ne)
                set_actor(&c, e, ac);
        }
        if (e->actor >= 0) {
            const char *rw = NULL;
            (void)actor_code(&c, e->actor, &rw);
            e->dict_role = rw && *rw ? rw : NULL;
        }
    }
    find_roles(&c);
    find_descriptors(&c, scratch);
    find_pronouns(&c);
    dyad_arena_free(scratch);

    /* output */
    dyad_entity *ents = dyad_arena_calloc(a, (c.n_e + 1) * sizeof *ents);
    size_t *cnt = dyad_arena_calloc(a, (c.n_e + 1) * sizeof *cnt);
    if (!ents || !cnt)
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    for (size_t i = 0; i < c.n_m; i++)
        if (c.m[i].ent >= 0)
            cnt[c.m[i].ent]++;
    for (size_t i = 0; i < c.n_e; i++) {
        ebuild *e = &c.e[i];
        dyad_entity *o = &ents[i];
        o->id = (uint32_t)i + 1;
        o->name = e->name;
        o->key = e->key;
        o->type = e->type;
        o->code = e->actor >= 0 ? actor_code(&c, e->actor, NULL) : NULL;
        if (e->n_roles) {
            o->roles = dyad_arena_alloc(a, e->n_roles * sizeof *o->roles);
            if (o->roles) {
                memcpy(o->roles, e->roles, e->n_roles * sizeof *o->roles);
                o->n_roles = e->n_roles;
            }
        }
        o->mentions = dyad_arena_alloc(a, (cnt[i] + 1) * sizeof *o->mentions);
        if (!o->mentions)
            return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    }
    for (size_t i = 0; i < c.n_m; i++) {
        const emen *m = &c.m[i];
        if (m->ent < 0)
            continue;
        dyad_entity *o = &ents[m->ent];
        dyad_mention *mm = &o->mentions[o->n_mentions++];
        mm->start = doc->tokens[m->tb].start;
        mm->end = doc->tokens[m->te - 1].end;
        mm->sentence = m->sent;
    }
    for (size_t i = 0; i < c.n_e; i++)
        qsort(ents[i].mentions, ents[i].n_mentions, sizeof *ents[i].mentions, cmp_mention);
    *out = c.n_e ? ents : NULL;
    *n_out = c.n_e;
    return DYAD_OK;
}
