/* geo.c — places: load the gazetteer (mmap) and find, geocode and
 * disambiguate the place mentions of a document.
 *
 * A mention is a run of capitalised tokens whose folded form is a key of the
 * gazetteer (longest match first), or one of a few descriptive patterns ("the
 * Georgian capital", "eastern Ukraine", "Idlib Province", "York, Pa.").  Each
 * mention keeps all places of its name; one is chosen by a score: a prior
 * from the kind of place and its population, plus the evidence of the rest
 * of the text (places that can only be in one country or one US state,
 * demonyms, the dateline, a "City, State" qualifier).  Everything per
 * document lives in the caller's arena; lookups are by hash. */
#include "dyad.h"
#include "gkg/geo_format.h"

#include "util/mapfile.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct dyad_gazetteer {
    const void *map;
    size_t map_len;
    const dyad_gaz_header *h;
    const dyad_gaz_place *places;
    const dyad_gaz_country *countries;
    const dyad_gaz_slot *slots;
    const uint32_t *posts;
    const char *str;
};

/* ------------------------------------------------------------ loading */

static int section_ok(size_t file_len, uint32_t off, uint64_t count, size_t size)
{
    return off % 8 == 0 && off <= file_len && count * size <= file_len - off;
}

int dyad_gazetteer_load(const char *path, dyad_gazetteer **out, dyad_error *err)
{
    *out = NULL;
    if (!path)
        return dyad_error_set(err, DYAD_EUSAGE, "", -1, "no gazetteer path");
    if (!dyad_host_is_le())
        return dyad_error_set(err, DYAD_EMODEL, path, -1,
                              "gazetteer: big-endian hosts are not supported");
    const void *map;
    size_t len;
    int rc = dyad_map_file(path, "gazetteer", sizeof(dyad_gaz_header), DYAD_EIO, &map, &len, err);
    if (rc)
        return rc;
    const dyad_gaz_header *h = map;
    int ok = memcmp(h->magic, DYAD_GAZ_MAGIC, 8) == 0;
    if (ok && h->version != DYAD_GAZ_VERSION) {
        dyad_unmap(map, len);
        return dyad_error_set(err, DYAD_EMODEL, path, -1,
                              "gazetteer: format version %u, expected %u (rebuild it)",
                              (unsigned)h->version, DYAD_GAZ_VERSION);
    }
    ok = ok && section_ok(len, h->off_places, h->n_places, sizeof(dyad_gaz_place)) &&
         section_ok(len, h->off_countries, h->n_countries, sizeof(dyad_gaz_country)) &&
         section_ok(len, h->off_slots, h->n_slots, sizeof(dyad_gaz_slot)) &&
         section_ok(len, h->off_postings, h->n_postings, 4) &&
         section_ok(len, h->off_strings, h->strings_size, 1) && h->strings_size > 0 &&
         h->n_slots > 0 && (h->n_slots & (h->n_slots - 1)) == 0;
    if (ok) {
        const char *str = (const char *)map + h->off_strings;
        ok = str[h->strings_size - 1] == 0;
    }
    dyad_gazetteer *g = ok ? calloc(1, sizeof *g) : NULL;
    if (!g) {
        dyad_unmap(map, len);
        if (!ok)
            return dyad_error_set(err, DYAD_EMODEL, path, -1, "gazetteer: not a dyad gazetteer");
        return dyad_error_set(err, DYAD_ENOMEM, path, -1, "out of memory");
    }
    g->map = map;
    g->map_len = len;
    g->h = h;
    g->places = (const dyad_gaz_place *)((const char *)map + h->off_places);
    g->countries = (const dyad_gaz_country *)((const char *)map + h->off_countries);
    g->slots = (const dyad_gaz_slot *)((const char *)map + h->off_slots);
    g->posts = (const uint32_t *)((const char *)map + h->off_postings);
    g->str = (const char *)map + h->off_strings;
    /* every string offset and posting must stay inside the file */
    for (uint32_t i = 0; ok && i < h->n_places; i++)
        ok = g->places[i].name < h->strings_size && g->places[i].adm1 < h->strings_size &&
             (g->places[i].country == 0xffff || g->places[i].country < h->n_countries);
    for (uint32_t i = 0; ok && i < h->n_slots; i++)
        ok = g->slots[i].key < h->strings_size &&
             (uint64_t)g->slots[i].post_start + g->slots[i].post_count <= h->n_postings;
    for (uint32_t i = 0; ok && i < h->n_postings; i++)
        ok = DYAD_GAZ_POST_PLACE(g->posts[i]) < h->n_places;
    for (uint32_t i = 0; ok && i < h->n_countries; i++)
        ok = g->countries[i].place < h->n_places &&
             (g->countries[i].capital == UINT32_MAX || g->countries[i].capital < h->n_places);
    if (!ok) {
        dyad_gazetteer_free(g);
        return dyad_error_set(err, DYAD_EMODEL, path, -1, "gazetteer: corrupt index");
    }
    *out = g;
    return DYAD_OK;
}

void dyad_gazetteer_free(dyad_gazetteer *g)
{
    if (!g)
        return;
    dyad_unmap(g->map, g->map_len);
    free(g);
}

static const dyad_gaz_slot *lookup(const dyad_gazetteer *g, const char *key, size_t n)
{
    uint32_t h = dyad_gaz_hash(key, (uint32_t)n);
    uint32_t mask = g->h->n_slots - 1;
    for (uint32_t s = h & mask, probes = 0; probes <= mask; s = (s + 1) & mask, probes++) {
        const dyad_gaz_slot *sl = &g->slots[s];
        if (!sl->key)
            return NULL;
        if (sl->hash == h && strncmp(g->str + sl->key, key, n) == 0 && g->str[sl->key + n] == 0)
            return sl;
    }
    return NULL;
}

static const char *const type_names[] = {"", "country", "adm1", "city", "region",
                                         "building", "island", "airbase"};

static const char *type_name(unsigned t)
{
    return t < DYAD_GAZ_TYPE_COUNT ? type_names[t] : "place";
}

static const char *place_country(const dyad_gazetteer *g, const dyad_gaz_place *p)
{
    return p->country == 0xffff ? "" : g->countries[p->country].iso3;
}

void dyad_gazetteer_dump(const dyad_gazetteer *g, const char *name, FILE *fp)
{
    dyad_arena *a = dyad_arena_new(0);
    size_t n = 0;
    char *k = a ? dyad_norm_fold(a, name, strlen(name), &n) : NULL;
    const dyad_gaz_slot *sl = k ? lookup(g, k, n) : NULL;
    if (!sl) {
        fprintf(fp, "%s: not found\n", name);
    } else {
        static const char *const kinds[] = {"name", "alias", "demonym", "skeleton"};
        for (uint32_t i = 0; i < sl->post_count; i++) {
            uint32_t post = g->posts[sl->post_start + i];
            const dyad_gaz_place *p = &g->places[DYAD_GAZ_POST_PLACE(post)];
            fprintf(fp, "%s\t%s\t%s\t%s\t%.5f\t%.5f\t%u\t%s\t%s%s\n",
                    kinds[DYAD_GAZ_POST_KIND(post) & 3], g->str + p->name,
                    place_country(g, p), g->str + p->adm1, p->lat_e5 / 1e5,
                    p->lon_e5 / 1e5, (unsigned)p->population, type_name(p->type),
                    p->admcode, (p->flags & DYAD_GAZ_F_CAPITAL) ? "\tcapital" : "");
        }
    }
    dyad_arena_free(a);
}

/* ------------------------------------------------------------ mentions */

#define MAX_SPAN 6      /* tokens in one name */
#define KEY_MAX 128

enum { SYN_NONE = 0, SYN_REGION, SYN_DIRECTION, SYN_FACILITY };

typedef struct cand {
    uint32_t place;
    float prior;
    uint8_t kind;
} cand;

typedef struct mention {
    uint32_t start, end;   /* byte offsets in the text (start == end: dateline) */
    uint32_t sentence;
    cand *cands;
    uint32_t n_cands;
    int chosen;            /* index into cands, -1 = rejected */
    uint8_t synthetic;     /* SYN_*: a region derived from the chosen place */
    int8_t dir_lat, dir_lon; /* SYN_DIRECTION: -1/0/+1 */
    uint8_t dateline;
    uint8_t qualified;     /* a "City, State" qualifier restricted the places */
    const char *syn_name;
    int loc;               /* output location index */
} mention;

typedef struct geo_ctx {
    const dyad_gazetteer *g;
    dyad_arena *a;
    const char *text;
    const dyad_token *toks;
    size_t n_toks;
    mention *m;
    size_t n_m, cap_m;
    float *country_ev;     /* per country */
    float *state_ev;       /* per US state, indexed by a small table */
    int us_politics;       /* cue words of US state politics seen */
    int usa;               /* country index of the US, or -1 */
} geo_ctx;

static int tok_is(const geo_ctx *c, size_t i, const char *w)
{
    const dyad_token *t = &c->toks[i];
    size_t n = strlen(w);
    if (t->end - t->start != n)
        return 0;
    for (size_t k = 0; k < n; k++) {
        char ch = c->text[t->start + k];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (ch != w[k])
            return 0;
    }
    return 1;
}

static int tok_in(const geo_ctx *c, size_t i, const char *const *list)
{
    for (; *list; list++)
        if (tok_is(c, i, *list))
            return 1;
    return 0;
}

static int is_cap(const dyad_token *t)
{
    return (t->kind == DYAD_TOK_WORD || t->kind == DYAD_TOK_ABBREV) &&
           (t->flags & (DYAD_TF_CAPITALIZED | DYAD_TF_ALLCAPS));
}

/* Append the folded form of token i to key (ASCII fast path; the arena for
 * the rest).  Returns the new length, or 0 when it does not fit. */
static size_t key_append(geo_ctx *c, size_t i, char *key, size_t len)
{
    const dyad_token *t = &c->toks[i];
    const char *s = c->text + t->start;
    size_t n = t->end - t->start;
    int ascii = 1;
    for (size_t k = 0; k < n; k++)
        if ((unsigned char)s[k] >= 0x80)
            ascii = 0;
    size_t fl = n;
    const char *f = s;
    if (!ascii) {
        f = dyad_norm_fold(c->a, s, n, &fl);
        if (!f)
            return 0;
    }
    if (len + fl + 2 > KEY_MAX)
        return 0;
    if (len)
        key[len++] = ' ';
    for (size_t k = 0; k < fl; k++) {
        char ch = f[k];
        if (ascii && ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        key[len++] = ch;
    }
    return len;
}

static const char *const connectors[] = {"of", "and", "the", "de", "du", "la", "al",
                                         "el", "upon", "on", "da", "do", NULL};

static const char *const titles[] = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
                                     "president", "senator", "sen.", "gen.", "general",
                                     "judge", "king", "queen", "prince", "princess",
                                     "pope", "rep.", "gov.", "governor", "minister",
                                     "secretary", "chancellor", "lt.", "col.", "capt.",
                                     "sgt.", "st.", "saint", "lady", "lord", "sir",
                                     "justice", "mayor", "coach", "professor", "prof.",
                                     NULL};

/* a place name inside the name of something else ("Washington Post") */
static const char *const not_place_after[] = {"day", "post", "times", "journal", "herald",
                                              "tribune", "gazette", "accord", "accords",
                                              "club", "university", "college", "fc",
                                              "united", "city", NULL};

static const char *const speech_verbs[] = {"said", "says", "told", "added", "wrote",
                                           "asked", "explained", "argued", "tweeted", NULL};

static const char *const region_words[] = {"province", "governorate", "oblast", "region",
                                           "prefecture", "district", "county", "state",
                                           "krai", "territory", NULL};

/* "the Capella hotel": a named building inside a place named nearby */
static const char *const facility_words[] = {"hotel", "palace", "airport", "stadium",
                                             "hospital", "university", "embassy",
                                             "consulate", "mosque", "church", "cathedral",
                                             "prison", "compound", "headquarters", NULL};

static const char *const direction_words[] = {
    "eastern", "western", "northern", "southern", "central", "northeastern",
    "northwestern", "southeastern", "southwestern", "north-eastern", "north-western",
    "south-eastern", "south-western", NULL};

static const char *const us_politics_cues[] = {
    "governor", "gubernatorial", "legislature", "statehouse", "county", "counties",
    "primary", "primaries", "gov.", NULL};

/* US state abbreviations as newspapers write them after a city ("York, Pa."),
 * AP style and postal, with the GeoNames admin1 code. */
static const struct { const char *abbr, *code; } state_abbr[] = {
    {"ala.", "AL"}, {"ariz.", "AZ"}, {"ark.", "AR"}, {"calif.", "CA"}, {"colo.", "CO"},
    {"conn.", "CT"}, {"del.", "DE"}, {"fla.", "FL"}, {"ga.", "GA"}, {"ill.", "IL"},
    {"ind.", "IN"}, {"kan.", "KS"}, {"kans.", "KS"}, {"ky.", "KY"}, {"la.", "LA"},
    {"md.", "MD"}, {"mass.", "MA"}, {"mich.", "MI"}, {"minn.", "MN"}, {"miss.", "MS"},
    {"mo.", "MO"}, {"mont.", "MT"}, {"neb.", "NE"}, {"nebr.", "NE"}, {"nev.", "NV"},
    {"n.h.", "NH"}, {"n.j.", "NJ"}, {"n.m.", "NM"}, {"n.y.", "NY"}, {"n.c.", "NC"},
    {"n.d.", "ND"}, {"okla.", "OK"}, {"ore.", "OR"}, {"pa.", "PA"}, {"r.i.", "RI"},
    {"s.c.", "SC"}, {"s.d.", "SD"}, {"tenn.", "TN"}, {"tex.", "TX"}, {"vt.", "VT"},
    {"va.", "VA"}, {"wash.", "WA"}, {"w.va.", "WV"}, {"wis.", "WI"}, {"wyo.", "WY"},
    {"d.c.", "DC"}, {"al", "AL"}, {"ak", "AK"}, {"az", "AZ"}, {"ar", "AR"}, {"ca", "CA"},
    {"co", "CO"}, {"ct", "CT"}, {"de", "DE"}, {"fl", "FL"}, {"ga", "GA"}, {"hi", "HI"},
    {"id", "ID"}, {"il", "IL"}, {"in", "IN"}, {"ia", "IA"}, {"ks", "KS"}, {"ky", "KY"},
    {"la", "LA"}, {"me", "ME"}, {"md", "MD"}, {"ma", "MA"}, {"mi", "MI"}, {"mn", "MN"},
    {"ms", "MS"}, {"mo", "MO"}, {"mt", "MT"}, {"ne", "NE"}, {"nv", "NV"}, {"nh", "NH"},
    {"nj", "NJ"}, {"nm", "NM"}, {"ny", "NY"}, {"nc", "NC"}, {"nd", "ND"}, {"oh", "OH"},
    {"ok", "OK"}, {"or", "OR"}, {"pa", "PA"}, {"ri", "RI"}, {"sc", "SC"}, {"sd", "SD"},
    {"tn", "TN"}, {"tx", "TX"}, {"ut", "UT"}, {"vt", "VT"}, {"va", "VA"}, {"wa", "WA"},
    {"wv", "WV"}, {"wi", "WI"}, {"wy", "WY"}, {"dc", "DC"}};

/* Index of a US state code in a fixed order, for the evidence table. */
#define N_STATE_SLOTS 64
static int state_slot(const char *code)
{
    static const char *const codes[] = {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL",
        "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT",
        "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI",
        "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC"};
    for (int i = 0; i < (int)(sizeof codes / sizeof codes[0]); i++)
        if (strcmp(codes[i], code) == 0)
            return i;
    return -1;
}

static const char *abbr_state(const geo_ctx *c, size_t i)
{
    const dyad_token *t = &c->toks[i];
    size_t n = t->end - t->start;
    if (n > 6 || !(t->flags & (DYAD_TF_CAPITALIZED | DYAD_TF_ALLCAPS)))
        return NULL;
    /* postal codes only in capitals ("TX"), AP forms with their period */
    for (size_t k = 0; k < sizeof state_abbr / sizeof state_abbr[0]; k++) {
        int postal = strchr(state_abbr[k].abbr, '.') == NULL;
        if (postal && !(t->flags & DYAD_TF_ALLCAPS))
            continue;
        if (tok_is(c, i, state_abbr[k].abbr))
            return state_abbr[k].code;
    }
    return NULL;
}

static float place_prior(const dyad_gaz_place *p, unsigned kind)
{
    float s;
    switch (p->type) {
    case DYAD_GAZ_COUNTRY: s = 9.0f; break;
    case DYAD_GAZ_ADM1: s = 6.5f; break;
    case DYAD_GAZ_CITY:
        s = (float)log10(p->population < 1000 ? 1000.0 : (double)p->population);
        if (p->flags & DYAD_GAZ_F_CAPITAL)
            s += 1.5f;
        else if (p->flags & DYAD_GAZ_F_ADMSEAT)
            s += 0.3f;
        break;
    default: s = 8.0f; break;
    }
    if (kind == DYAD_GAZK_SKELETON)
        s -= 1.5f;
    return s;
}

static mention *mention_new(geo_ctx *c)
{
    if (c->n_m == c->cap_m) {
        size_t cap = c->cap_m ? c->cap_m * 2 : 32;
        mention *m = dyad_arena_alloc(c->a, cap * sizeof *m);
        if (!m)
            return NULL;
        if (c->n_m)
            memcpy(m, c->m, c->n_m * sizeof *m);
        c->m = m;
        c->cap_m = cap;
    }
    mention *m = &c->m[c->n_m++];
    memset(m, 0, sizeof *m);
    m->chosen = -1;
    return m;
}

/* Candidates of a slot, demonym postings left out. */
static int cands_from_slot(geo_ctx *c, mention *m, const dyad_gaz_slot *sl)
{
    m->cands = dyad_arena_alloc(c->a, (sl->post_count ? sl->post_count : 1) * sizeof(cand));
    if (!m->cands)
        return -1;
    m->n_cands = 0;
    for (uint32_t i = 0; i < sl->post_count; i++) {
        uint32_t post = c->g->posts[sl->post_start + i];
        unsigned kind = DYAD_GAZ_POST_KIND(post);
        if (kind == DYAD_GAZK_DEMONYM)
            continue;
        uint32_t pi = DYAD_GAZ_POST_PLACE(post);
        int dup = 0;
        for (uint32_t k = 0; k < m->n_cands; k++)
            if (m->cands[k].place == pi)
                dup = 1;
        if (dup)
            continue;
        cand *cd = &m->cands[m->n_cands++];
        cd->place = pi;
        cd->kind = (uint8_t)kind;
        cd->prior = place_prior(&c->g->places[pi], kind);
    }
    return 0;
}

static int slot_has_demonym(const geo_ctx *c, const dyad_gaz_slot *sl, int *country)
{
    for (uint32_t i = 0; i < sl->post_count; i++) {
        uint32_t post = c->g->posts[sl->post_start + i];
        if (DYAD_GAZ_POST_KIND(post) == DYAD_GAZK_DEMONYM) {
            *country = c->g->places[DYAD_GAZ_POST_PLACE(post)].country;
            return 1;
        }
    }
    return 0;
}

static void drop_cands(mention *m, int (*keep)(const geo_ctx *, const cand *, const void *),
                       const geo_ctx *c, const void *arg)
{
    uint32_t k = 0;
    for (uint32_t i = 0; i < m->n_cands; i++)
        if (keep(c, &m->cands[i], arg))
            m->cands[k++] = m->cands[i];
    m->n_cands = k;
}

/* Keep only the candidates that pass, unless none does: then change
 * nothing and return 0. */
static int restrict_cands(mention *m, int (*keep)(const geo_ctx *, const cand *, const void *),
                          const geo_ctx *c, const void *arg)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < m->n_cands; i++)
        n += keep(c, &m->cands[i], arg) != 0;
    if (!n)
        return 0;
    drop_cands(m, keep, c, arg);
    return 1;
}

static int keep_not_city(const geo_ctx *c, const cand *cd, const void *arg)
{
    (void)arg;
    return c->g->places[cd->place].type != DYAD_GAZ_CITY;
}

static int keep_not_city_or_big(const geo_ctx *c, const cand *cd, const void *arg)
{
    (void)arg;
    const dyad_gaz_place *p = &c->g->places[cd->place];
    return p->type != DYAD_GAZ_CITY || p->population >= 300000 ||
           (p->flags & DYAD_GAZ_F_CAPITAL);
}

static int month_or_day(const geo_ctx *c, size_t i)
{
    static const char *const names[] = {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", NULL};
    return tok_in(c, i, names);
}

static int keep_big(const geo_ctx *c, const cand *cd, const void *arg)
{
    const dyad_gaz_place *p = &c->g->places[cd->place];
    uint32_t min_pop = *(const uint32_t *)arg;
    return p->type != DYAD_GAZ_CITY || p->population >= min_pop ||
           (p->flags & DYAD_GAZ_F_CAPITAL);
}

static int keep_state(const geo_ctx *c, const cand *cd, const void *arg)
{
    const dyad_gaz_place *p = &c->g->places[cd->place];
    return p->country == c->usa && p->type == DYAD_GAZ_CITY &&
           strcmp(p->admcode, (const char *)arg) == 0;
}

static int keep_country(const geo_ctx *c, const cand *cd, const void *arg)
{
    const dyad_gaz_place *p = &c->g->places[cd->place];
    return p->country == *(const uint16_t *)arg && p->type != DYAD_GAZ_COUNTRY;
}

static int keep_country_type(const geo_ctx *c, const cand *cd, const void *arg)
{
    (void)arg;
    return c->g->places[cd->place].type == DYAD_GAZ_COUNTRY;
}

/* "the Georgian capital", "the South Korean capital" ending at token i
 * ("capital"); returns the first token of the phrase or (size_t)-1. */
static size_t capital_phrase(geo_ctx *c, size_t first, size_t i, uint32_t *place)
{
    for (size_t len = 2; len >= 1; len--) {
        if (i < first + len)
            continue;
        size_t s = i - len;
        char key[KEY_MAX];
        size_t kl = 0;
        int ok = 1;
        for (size_t k = s; k < i && ok; k++) {
            ok = is_cap(&c->toks[k]);
            if (ok)
                ok = (kl = key_append(c, k, key, kl)) != 0;
        }
        if (!ok)
            continue;
        const dyad_gaz_slot *sl = lookup(c->g, key, kl);
        int country;
        if (!sl || !slot_has_demonym(c, sl, &country) || country == 0xffff)
            continue;
        uint32_t cap = c->g->countries[country].capital;
        if (cap == UINT32_MAX)
            return (size_t)-1;
        *place = cap;
        return (s > first && tok_is(c, s - 1, "the")) ? s - 1 : s;
    }
    return (size_t)-1;
}

/* Scan tokens [first, end) of one sentence (or of the dateline). */
static int scan(geo_ctx *c, size_t first, size_t end, uint32_t sentence, int dateline)
{
    for (size_t i = first; i < end;) {
        const dyad_token *t = &c->toks[i];
        if (!is_cap(t)) {
            if (!dateline) {
                if (tok_in(c, i, us_politics_cues))
                    c->us_politics++;
                uint32_t cap;
                size_t s;
                if (tok_is(c, i, "capital") && (s = capital_phrase(c, first, i, &cap)) != (size_t)-1) {
                    mention *m = mention_new(c);
                    if (!m || !(m->cands = dyad_arena_alloc(c->a, sizeof(cand))))
                        return -1;
                    m->start = c->toks[s].start;
                    m->end = t->end;
                    m->sentence = sentence;
                    m->n_cands = 1;
                    m->cands[0].place = cap;
                    m->cands[0].prior = 9.0f;
                    m->qualified = 1;
                }
            }
            i++;
            continue;
        }
        /* longest gazetteer key starting at i */
        char key[KEY_MAX];
        size_t kl = 0, best_j = 0;
        const dyad_gaz_slot *best = NULL;
        for (size_t j = i; j < end && j < i + MAX_SPAN; j++) {
            const dyad_token *tj = &c->toks[j];
            int connector = j > i && !is_cap(tj) && tok_in(c, j, connectors);
            if (!is_cap(tj) && !connector)
                break;
            if (j > i && !(tj->flags & DYAD_TF_SPACE_BEFORE))
                break;
            kl = key_append(c, j, key, kl);
            if (!kl)
                break;
            if (connector)
                continue;
            const dyad_gaz_slot *sl = lookup(c->g, key, kl);
            if (sl) {
                best = sl;
                best_j = j + 1;
            }
        }
        size_t run_end = i; /* the capitalised run, for the skeleton */
        while (run_end < end && run_end < i + 4 && is_cap(&c->toks[run_end]) &&
               (run_end == i || (c->toks[run_end].flags & DYAD_TF_SPACE_BEFORE)))
            run_end++;
        int skeleton = 0;
        if (!best && run_end - i >= 1) {
            kl = 0;
            for (size_t j = i; j < run_end; j++)
                kl = key_append(c, j, key, kl);
            char sk[KEY_MAX];
            size_t sl_len = kl ? dyad_gaz_skeleton(key, kl, sk, sizeof sk) : 0;
            if (sl_len >= 8 && !tok_in(c, i, titles)) {
                best = lookup(c->g, sk, sl_len);
                best_j = run_end;
                skeleton = 1;
            }
        }
        if (!best) {
            i++;
            continue;
        }
        int demonym_country;
        if (slot_has_demonym(c, best, &demonym_country) && demonym_country != 0xffff) {
            c->country_ev[demonym_country] += 0.5f;
        }
        mention *m = mention_new(c);
        if (!m || cands_from_slot(c, m, best) != 0)
            return -1;
        m->start = t->start;
        m->end = c->toks[best_j - 1].end;
        m->sentence = sentence;
        m->dateline = (uint8_t)dateline;
        if (m->n_cands == 0) { /* a demonym only */
            c->n_m--;
            i = best_j;
            continue;
        }
        int initial = i == first ||
                      (c->toks[i - 1].kind == DYAD_TOK_QUOTE ||
                       (c->toks[i - 1].kind == DYAD_TOK_PUNCT && c->text[c->toks[i - 1].start] != ','));
        int one_token = best_j == i + 1;
        /* "Mr. Georgia", "John Paris": a name, not a place */
        if (!initial && !dateline) {
            const dyad_token *pt = &c->toks[i - 1];
            if (tok_in(c, i - 1, titles) ||
                (is_cap(pt) && !(pt->flags & DYAD_TF_ALLCAPS) && i - 1 > first &&
                 !tok_is(c, i - 1, "the")))
                drop_cands(m, keep_country_type, c, NULL);
        }
        if (!dateline && best_j < end && is_cap(&c->toks[best_j]) &&
            tok_in(c, best_j, not_place_after)) {
            c->n_m--;
            i = best_j + 1;
            continue;
        }
        /* a word of a longer proper name ("Washington Post", "Paris Club") */
        if (!dateline && best_j < end && is_cap(&c->toks[best_j]) &&
            !tok_in(c, best_j, region_words)) {
            uint32_t min_pop = 100000;
            drop_cands(m, keep_big, c, &min_pop);
        }
        /* a state's or a country's name is the state or the country, not a
         * town named after it ("Virginia", "Jordan"); a month or a weekday
         * is not a town ("March", "August") */
        {
            int big_name = 0;
            for (uint32_t k = 0; k < m->n_cands; k++) {
                const dyad_gaz_place *p = &c->g->places[m->cands[k].place];
                if (p->type == DYAD_GAZ_COUNTRY || (p->type == DYAD_GAZ_ADM1 && p->country == c->usa))
                    big_name = 1;
            }
            if (big_name || (one_token && (month_or_day(c, i))))
                drop_cands(m, keep_not_city_or_big, c, NULL);
        }
        /* "the University", "the Congress": an institution */
        if (!dateline && !initial && i > first && tok_is(c, i - 1, "the") &&
            !(best_j < end && tok_in(c, best_j, facility_words)))
            drop_cands(m, keep_not_city, c, NULL);
        /* "Chirac said", "Tyler told": a person */
        if (!dateline && one_token && best_j < end && tok_in(c, best_j, speech_verbs)) {
            uint32_t min_pop = 1000000;
            drop_cands(m, keep_big, c, &min_pop);
        }
        /* short words in capitals (UN, ISIS): only countries and ours */
        if (!dateline && (t->flags & DYAD_TF_ALLCAPS) && one_token && t->end - t->start <= 5)
            drop_cands(m, keep_not_city, c, NULL);
        /* a sentence's first word: maybe just a capitalised word */
        if (initial && one_token && !dateline) {
            uint32_t min_pop = 50000;
            drop_cands(m, keep_big, c, &min_pop);
        }
        if (skeleton) {
            uint32_t min_pop = 15000;
            drop_cands(m, keep_big, c, &min_pop);
        }
        size_t next = best_j;
        /* "York, Pa.", "Paris, Texas", "Bonn, Germany" */
        if (best_j + 1 < end && c->toks[best_j].kind == DYAD_TOK_PUNCT &&
            c->text[c->toks[best_j].start] == ',') {
            const char *code = abbr_state(c, best_j + 1);
            if (code && c->usa >= 0) {
                if (restrict_cands(m, keep_state, c, code)) {
                    m->end = c->toks[best_j + 1].end;
                    m->qualified = 1;
                    next = best_j + 2;
                }
            } else if (is_cap(&c->toks[best_j + 1])) {
                char qk[KEY_MAX];
                size_t ql = 0;
                size_t qj = best_j + 1;
                const dyad_gaz_slot *qs = NULL;
                for (; qj < end && qj < best_j + 1 + MAX_SPAN && is_cap(&c->toks[qj]); qj++) {
                    if (!(ql = key_append(c, qj, qk, ql)))
                        break;
                    const dyad_gaz_slot *s2 = lookup(c->g, qk, ql);
                    if (s2)
                        qs = s2;
                }
                for (uint32_t k = 0; qs && k < qs->post_count; k++) {
                    uint32_t post = c->g->posts[qs->post_start + k];
                    const dyad_gaz_place *qp = &c->g->places[DYAD_GAZ_POST_PLACE(post)];
                    if (DYAD_GAZ_POST_KIND(post) == DYAD_GAZK_DEMONYM)
                        continue;
                    int kept = 0;
                    if (qp->type == DYAD_GAZ_ADM1 && qp->country == c->usa) {
                        char code2[8];
                        memcpy(code2, qp->admcode, 8);
                        kept = restrict_cands(m, keep_state, c, code2);
                    } else if (qp->type == DYAD_GAZ_COUNTRY) {
                        uint16_t cc = qp->country;
                        kept = restrict_cands(m, keep_country, c, &cc);
                    }
                    if (kept) {
                        m->qualified = 1;
                        break;
                    }
                }
            }
        }
        if (next < end && !is_cap(&c->toks[next]) && tok_in(c, next, facility_words)) {
            m->synthetic = SYN_FACILITY;
            m->end = c->toks[next].end;
            next++;
        }
        /* "Idlib Province", "the Donbas region" */
        if (next < end && tok_in(c, next, region_words) && !tok_is(c, next, "state")) {
            int has_region = 0;
            for (uint32_t k = 0; k < m->n_cands; k++)
                if (c->g->places[m->cands[k].place].type != DYAD_GAZ_CITY)
                    has_region = 1;
            if (has_region)
                drop_cands(m, keep_not_city, c, NULL);
            else
                m->synthetic = SYN_REGION;
            m->end = c->toks[next].end;
            m->qualified = 1; /* "X Province" is a place whatever its size */
            next++;
        }
        /* "eastern Ukraine" */
        {
            if (i > first && tok_in(c, i - 1, direction_words)) {
                int has_country = 0;
                for (uint32_t k = 0; k < m->n_cands; k++)
                    if (c->g->places[m->cands[k].place].type == DYAD_GAZ_COUNTRY)
                        has_country = 1;
                if (has_country) {
                    drop_cands(m, keep_country_type, c, NULL);
                    char w[24];
                    size_t wl = c->toks[i - 1].end - c->toks[i - 1].start;
                    if (wl >= sizeof w)
                        wl = sizeof w - 1;
                    for (size_t k = 0; k < wl; k++)
                        w[k] = (char)(c->text[c->toks[i - 1].start + k] | 0x20);
                    w[wl] = 0;
                    m->synthetic = SYN_DIRECTION;
                    m->dir_lat = (int8_t)(strstr(w, "north") ? 1 : strstr(w, "south") ? -1 : 0);
                    m->dir_lon = (int8_t)(strstr(w, "east") ? 1 : strstr(w, "west") ? -1 : 0);
                    m->start = c->toks[i - 1].start;
                }
            }
        }
        if (m->n_cands == 0)
            c->n_m--;
        i = next;
    }
    return 0;
}

/* ------------------------------------------------------------ resolving */

/* A place that needs no support from the rest of the text: a country, a
 * division, one of ours, a capital, a city of 300,000 or more. */
static int strong_place(const dyad_gaz_place *p)
{
    return p->type != DYAD_GAZ_CITY || (p->flags & DYAD_GAZ_F_CAPITAL) ||
           p->population >= 300000;
}

static int strong_mention(const geo_ctx *c, const mention *m)
{
    if (m->qualified || m->dateline)
        return 1;
    for (uint32_t k = 0; k < m->n_cands; k++)
        if (strong_place(&c->g->places[m->cands[k].place]))
            return 1;
    return 0;
}

/* A smaller town needs its country (for the US, its state) named elsewhere
 * in the text: "Gori" with "Georgia", "Tyler" with "Texas" — otherwise
 * "Justice", "August" or "We" would be towns. */
static int supported(const geo_ctx *c, const mention *m, const cand *cd)
{
    const dyad_gaz_place *p = &c->g->places[cd->place];
    if (m->qualified || m->dateline || m->synthetic == SYN_FACILITY || strong_place(p) ||
        p->country == 0xffff)
        return 1;
    if (p->country == c->usa) {
        int st = state_slot(p->admcode);
        return st >= 0 && c->state_ev[st] > 0;
    }
    return c->country_ev[p->country] > 0;
}

static void add_evidence(geo_ctx *c, const mention *m, float w)
{
    if (!m->n_cands || !strong_mention(c, m))
        return;
    const dyad_gaz_place *p0 = &c->g->places[m->cands[0].place];
    int one_country = p0->country != 0xffff;
    int one_state = p0->country == c->usa && p0->admcode[0];
    for (uint32_t k = 1; k < m->n_cands; k++) {
        const dyad_gaz_place *p = &c->g->places[m->cands[k].place];
        if (p->country != p0->country)
            one_country = one_state = 0;
        if (strcmp(p->admcode, p0->admcode) != 0)
            one_state = 0;
    }
    if (one_country)
        c->country_ev[p0->country] += w;
    if (one_state) {
        int s = state_slot(p0->admcode);
        if (s >= 0)
            c->state_ev[s] += w;
    }
}

static float clampf(float x, float hi) { return x < hi ? x : hi; }

static float cand_score(const geo_ctx *c, const mention *m, const cand *cd)
{
    const dyad_gaz_place *p = &c->g->places[cd->place];
    float s = cd->prior;
    if (p->country == 0xffff)
        return s;
    float cev = c->country_ev[p->country];
    if (p->type == DYAD_GAZ_COUNTRY) {
        s += 0.5f * clampf(cev, 4);
    } else {
        s += 0.75f * clampf(cev, 4);
    }
    if (p->country == c->usa && p->admcode[0]) {
        int st = state_slot(p->admcode);
        float sev = st >= 0 ? c->state_ev[st] : 0;
        if (p->type == DYAD_GAZ_ADM1) {
            s += 3.0f * clampf(sev, 2);
            /* a state against a country of the same name ("Georgia") */
            if (c->us_politics) {
                for (uint32_t k = 0; k < m->n_cands; k++)
                    if (c->g->places[m->cands[k].place].type == DYAD_GAZ_COUNTRY)
                        s += 3.0f;
            }
        } else {
            s += 4.0f * clampf(sev, 2);
        }
    }
    return s;
}

static void resolve(geo_ctx *c)
{
    size_t nc = c->g->h->n_countries;
    /* evidence: the dateline counts most; mentions that can only be in one
     * country (or one US state) count once each */
    for (size_t i = 0; i < c->n_m; i++)
        add_evidence(c, &c->m[i], c->m[i].dateline ? 2.0f : 1.0f);
    for (size_t i = 0; i < c->n_m; i++) {
        mention *m = &c->m[i];
        uint32_t k2 = 0;
        for (uint32_t k = 0; k < m->n_cands; k++)
            if (supported(c, m, &m->cands[k]))
                m->cands[k2++] = m->cands[k];
        m->n_cands = k2;
    }
    for (size_t i = 0; i < c->n_m; i++) {
        mention *m = &c->m[i];
        m->chosen = -1;
        float best = -1e9f;
        for (uint32_t k = 0; k < m->n_cands; k++) {
            float s = cand_score(c, m, &m->cands[k]);
            if (s > best) {
                best = s;
                m->chosen = (int)k;
            }
        }
    }
    /* once more, with the chosen places of ambiguous names as evidence */
    float *extra = dyad_arena_calloc(c->a, nc * sizeof *extra);
    if (!extra)
        return;
    for (size_t i = 0; i < c->n_m; i++) {
        const mention *m = &c->m[i];
        if (m->chosen < 0 || m->n_cands < 2 || !strong_mention(c, m))
            continue;
        const dyad_gaz_place *p = &c->g->places[m->cands[m->chosen].place];
        if (p->country != 0xffff)
            extra[p->country] += 0.5f;
    }
    for (size_t k = 0; k < nc; k++)
        c->country_ev[k] += extra[k];
    for (size_t i = 0; i < c->n_m; i++) {
        mention *m = &c->m[i];
        if (m->n_cands < 2 || m->chosen < 0)
            continue;
        const dyad_gaz_place *mine = &c->g->places[m->cands[m->chosen].place];
        if (mine->country != 0xffff) /* not by its own vote */
            c->country_ev[mine->country] -= 0.5f;
        float best = -1e9f;
        for (uint32_t k = 0; k < m->n_cands; k++) {
            float s = cand_score(c, m, &m->cands[k]);
            if (s > best) {
                best = s;
                m->chosen = (int)k;
            }
        }
        if (mine->country != 0xffff)
            c->country_ev[mine->country] += 0.5f;
    }
}

/* ------------------------------------------------------------ output */

static int same_location(const geo_ctx *c, const mention *a, const mention *b)
{
    if (a->cands[a->chosen].place != b->cands[b->chosen].place ||
        a->synthetic != b->synthetic)
        return 0;
    if (a->synthetic == SYN_NONE)
        return 1;
    /* derived places merge when they are written the same way */
    if (a->dateline || b->dateline || a->end - a->start != b->end - b->start)
        return 0;
    return strncasecmp(c->text + a->start, c->text + b->start, a->end - a->start) == 0;
}

static void fill_location(geo_ctx *c, const mention *m, dyad_location *l)
{
    const dyad_gazetteer *g = c->g;
    const dyad_gaz_place *p = &g->places[m->cands[m->chosen].place];
    l->name = g->str + p->name;
    l->country = place_country(g, p);
    l->adm1 = p->adm1 ? g->str + p->adm1 : NULL;
    if (l->adm1 && !*l->adm1)
        l->adm1 = NULL;
    l->lat = p->lat_e5 / 1e5;
    l->lon = p->lon_e5 / 1e5;
    l->type = type_name(p->type);
    if (m->synthetic == SYN_FACILITY) {
        l->type = "building";
        l->name = dyad_arena_strndup(c->a, c->text + m->start, m->end - m->start);
    } else if (m->synthetic == SYN_REGION) {
        l->type = "region";
        l->name = dyad_arena_strndup(c->a, c->text + m->start, m->end - m->start);
    } else if (m->synthetic == SYN_DIRECTION && p->country != 0xffff) {
        const dyad_gaz_country *co = &g->countries[p->country];
        double half_lat = (co->max_lat_e5 - co->min_lat_e5) / 2e5;
        double half_lon = (co->max_lon_e5 - co->min_lon_e5) / 2e5;
        l->lat += 0.7 * half_lat * m->dir_lat;
        l->lon += 0.7 * half_lon * m->dir_lon;
        l->type = "region";
        l->name = dyad_arena_strndup(c->a, c->text + m->start, m->end - m->start);
    }
}

int dyad_geo_locate(const dyad_gazetteer *g, dyad_arena *a, const char *text,
                    const dyad_token *toks, size_t n_toks,
                    const dyad_sentence *sents, size_t n_sents,
                    const char *dateline, dyad_location **out, size_t *n_out,
                    dyad_error *err)
{
    *out = NULL;
    *n_out = 0;
    if (!g || !a || (!text && n_toks))
        return dyad_error_set(err, DYAD_EUSAGE, "", -1, "geo: missing gazetteer or arena");
    geo_ctx c;
    memset(&c, 0, sizeof c);
    c.g = g;
    c.a = a;
    c.usa = -1;
    for (uint32_t i = 0; i < g->h->n_countries; i++)
        if (memcmp(g->countries[i].iso3, "USA", 4) == 0)
            c.usa = (int)i;
    c.country_ev = dyad_arena_calloc(a, g->h->n_countries * sizeof(float));
    c.state_ev = dyad_arena_calloc(a, N_STATE_SLOTS * sizeof(float));
    if (!c.country_ev || !c.state_ev)
        return dyad_error_set(err, DYAD_ENOMEM, "", -1, "out of memory");
    if (dateline && *dateline) {
        dyad_token *dt;
        size_t ndt;
        if (dyad_tokenize(a, dateline, strlen(dateline), &dt, &ndt, err) != 0)
            return err ? err->code : DYAD_ENOMEM;
        c.text = dateline;
        c.toks = dt;
        c.n_toks = ndt;
        size_t before = c.n_m;
        if (scan(&c, 0, ndt, 0, 1) != 0)
            return dyad_error_set(err, DYAD_ENOMEM, "", -1, "out of memory");
        for (size_t i = before; i < c.n_m; i++)
            c.m[i].start = c.m[i].end = 0;
    }
    c.text = text;
    c.toks = toks;
    c.n_toks = n_toks;
    if (sents && n_sents) {
        for (size_t s = 0; s < n_sents; s++)
            if (scan(&c, sents[s].tok_first, sents[s].tok_end, (uint32_t)s, 0) != 0)
                return dyad_error_set(err, DYAD_ENOMEM, "", -1, "out of memory");
    } else if (scan(&c, 0, n_toks, 0, 0) != 0) {
        return dyad_error_set(err, DYAD_ENOMEM, "", -1, "out of memory");
    }
    if (!c.n_m)
        return DYAD_OK;
    resolve(&c);

    /* a facility lies in the most specific other place of its sentence, or
     * in the dateline's place */
    for (size_t i = 0; i < c.n_m; i++) {
        mention *m = &c.m[i];
        if (m->synthetic != SYN_FACILITY || m->chosen < 0)
            continue;
        /* "at the Capella hotel on Sentosa ... off Singapore": the next place
         * close after it, else the dateline, else the last one before it */
        const mention *after = NULL, *before = NULL, *dl = NULL;
        for (size_t k = 0; k < c.n_m && c.m[k].dateline; k++) /* datelines come first */
            if (c.m[k].chosen >= 0) {
                dl = &c.m[k];
                break;
            }
        for (size_t k = i + 1; k < c.n_m; k++) { /* mentions are in text order */
            const mention *o = &c.m[k];
            if (o->sentence != m->sentence || o->start - m->end > 120)
                break;
            if (o->chosen >= 0 && o->synthetic != SYN_FACILITY) {
                after = o;
                break;
            }
        }
        for (size_t k = i; k-- > 0;) {
            const mention *o = &c.m[k];
            if (o->dateline || o->sentence != m->sentence)
                break;
            if (o->chosen >= 0 && o->synthetic != SYN_FACILITY) {
                before = o;
                break;
            }
        }
        const mention *host = after ? after : dl ? dl : before;
        if (!host) {
            m->chosen = -1;
            continue;
        }
        m->cands[0] = host->cands[host->chosen];
        m->chosen = 0;
    }

    /* group mentions into locations, in order of first mention: a hash of
     * (place, kind of derived place) to the first mention of each */
    size_t n_loc = 0, cap = 16;
    while (cap < c.n_m * 2)
        cap *= 2;
    int *first_of = dyad_arena_alloc(a, cap * sizeof *first_of);
    if (!first_of)
        return dyad_error_set(err, DYAD_ENOMEM, "", -1, "out of memory");
    for (size_t k = 0; k < cap; k++)
        first_of[k] = -1;
    for (size_t i = 0; i < c.n_m; i++) {
        mention *m = &c.m[i];
        m->loc = -1;
        if (m->chosen < 0)
            continue;
        uint32_t h = m->cands[m->chosen].place * 2654435761u ^ (uint32_t)m->synthetic * 40503u ^
                     (uint32_t)(m->dir_lat + 1) * 7u ^ (uint32_t)(m->dir_lon + 1) * 131u;
        if (m->synthetic != SYN_NONE && !m->dateline) /* derived places: by their words */
            for (uint32_t k = m->start; k < m->end; k++)
                h = (h ^ (unsigned char)(text[k] | 0x20)) * 16777619u;
        size_t slot = h & (cap - 1);
        while (first_of[slot] >= 0 && !same_location(&c, &c.m[first_of[slot]], m))
            slot = (slot + 1) & (cap - 1);
        if (first_of[slot] >= 0) {
            m->loc = c.m[first_of[slot]].loc;
        } else {
            first_of[slot] = (int)i;
            m->loc = (int)n_loc++;
        }
    }
    dyad_location *locs = dyad_arena_calloc(a, (n_loc ? n_loc : 1) * sizeof *locs);
    if (!locs)
        return dyad_error_set(err, DYAD_ENOMEM, "", -1, "out of memory");
    for (size_t i = 0; i < c.n_m; i++)
        if (c.m[i].loc >= 0)
            locs[c.m[i].loc].n_mentions++;
    for (size_t l = 0; l < n_loc; l++) {
        locs[l].mentions = dyad_arena_alloc(a, locs[l].n_mentions * sizeof(dyad_mention));
        if (!locs[l].mentions)
            return dyad_error_set(err, DYAD_ENOMEM, "", -1, "out of memory");
        locs[l].n_mentions = 0;
    }
    for (size_t i = 0; i < c.n_m; i++) {
        mention *m = &c.m[i];
        if (m->loc < 0)
            continue;
        dyad_location *l = &locs[m->loc];
        if (!l->n_mentions) {
            c.text = m->dateline ? dateline : text;
            fill_location(&c, m, l);
            c.text = text;
        }
        dyad_mention *dm = &l->mentions[l->n_mentions++];
        dm->start = m->start;
        dm->end = m->end;
        dm->sentence = m->sentence;
    }
    *out = locs;
    *n_out = n_loc;
    return DYAD_OK;
}

int dyad_geo_locate_doc(const dyad_gazetteer *g, const dyad_doc *doc,
                        dyad_location **out, size_t *n_out, dyad_error *err)
{
    if (!doc)
        return dyad_error_set(err, DYAD_EUSAGE, "", -1, "geo: no document");
    return dyad_geo_locate(g, doc->arena, doc->body, doc->tokens, doc->n_tokens,
                           doc->sentences, doc->n_sentences, doc->dateline, out, n_out,
                           err);
}

static int type_rank(const char *t)
{
    if (!strcmp(t, "building") || !strcmp(t, "airbase"))
        return 5;
    if (!strcmp(t, "city") || !strcmp(t, "island"))
        return 4;
    if (!strcmp(t, "region") || !strcmp(t, "adm1"))
        return 3;
    return 1;
}

long dyad_geo_sentence_location(const dyad_location *locs, size_t n, uint32_t sentence)
{
    long best = -1, dateline = -1;
    int best_rank = 0;
    uint32_t best_start = UINT32_MAX;
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < locs[i].n_mentions; k++) {
            const dyad_mention *m = &locs[i].mentions[k];
            if (m->start == m->end) {
                if (dateline < 0)
                    dateline = (long)i;
                continue;
            }
            if (m->sentence != sentence)
                continue;
            int r = type_rank(locs[i].type);
            if (r > best_rank || (r == best_rank && m->start < best_start)) {
                best = (long)i;
                best_rank = r;
                best_start = m->start;
            }
        }
    }
    return best >= 0 ? best : dateline;
}
