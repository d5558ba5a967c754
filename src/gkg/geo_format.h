/* geo_format.h — the on-disk layout of build/data/gazetteer.bin, shared by
 * the generator (tools/gen_gazetteer.c) and the loader (src/gkg/geo.c).
 *
 * All integers are little-endian; every section starts 8-byte aligned; the
 * file is used in place after mmap.  Strings are NUL-terminated in one pool,
 * offset 0 is the empty string.  Keys are names folded with dyad_norm_fold,
 * tokenized with dyad_tokenize and joined by one space, so the runtime can
 * build the same key from document tokens. */
#ifndef DYAD_GKG_GEO_FORMAT_H
#define DYAD_GKG_GEO_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#define DYAD_GAZ_MAGIC "DYADGAZ"   /* 8 bytes with the NUL */
#define DYAD_GAZ_VERSION 1u

enum dyad_gaz_type {
    DYAD_GAZ_COUNTRY = 1,
    DYAD_GAZ_ADM1,
    DYAD_GAZ_CITY,
    DYAD_GAZ_REGION,
    DYAD_GAZ_BUILDING,
    DYAD_GAZ_ISLAND,
    DYAD_GAZ_AIRBASE,
    DYAD_GAZ_TYPE_COUNT
};

#define DYAD_GAZ_F_CAPITAL 0x01u  /* national capital (GeoNames PPLC) */
#define DYAD_GAZ_F_ADMSEAT 0x02u  /* seat of a first-level division (PPLA) */

/* kinds of posting (top 4 bits of a posting) */
enum dyad_gaz_kind {
    DYAD_GAZK_NAME = 0,   /* the place's own name */
    DYAD_GAZK_ALIAS = 1,  /* another name or spelling */
    DYAD_GAZK_DEMONYM = 2, /* an adjective of a country ("Georgian") */
    DYAD_GAZK_SKELETON = 3 /* consonant skeleton (key starts with '~') */
};
#define DYAD_GAZ_POST_PLACE(p) ((p) & 0x0fffffffu)
#define DYAD_GAZ_POST_KIND(p) ((p) >> 28)

typedef struct dyad_gaz_header {
    char magic[8];
    uint32_t version;
    uint32_t n_places, n_countries, n_slots, n_postings, strings_size;
    uint32_t off_places, off_countries, off_slots, off_postings, off_strings;
    uint32_t reserved[4];
} dyad_gaz_header; /* 64 bytes */

typedef struct dyad_gaz_place {
    uint32_t name;       /* display name (string offset) */
    uint32_t adm1;       /* first-level division name, or 0 */
    int32_t lat_e5, lon_e5;
    uint32_t population;
    uint16_t country;    /* index into the country table, 0xffff = none */
    uint8_t type;        /* enum dyad_gaz_type */
    uint8_t flags;       /* DYAD_GAZ_F_* */
    char admcode[8];     /* GeoNames admin1 code ("TX", "08"), NUL-padded */
} dyad_gaz_place; /* 32 bytes */

typedef struct dyad_gaz_country {
    char iso3[4], iso2[4];
    uint32_t place;      /* its own place record */
    uint32_t capital;    /* place index of the capital, or UINT32_MAX */
    int32_t min_lat_e5, max_lat_e5, min_lon_e5, max_lon_e5; /* trimmed extent */
} dyad_gaz_country; /* 32 bytes */

typedef struct dyad_gaz_slot {
    uint32_t key;        /* string offset of the key, 0 = empty slot */
    uint32_t hash;
    uint32_t post_start, post_count;
} dyad_gaz_slot; /* 16 bytes */

/* FNV-1a, the hash of both writer and reader. */
static inline uint32_t dyad_gaz_hash(const char *s, uint32_t n)
{
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h ? h : 1u;
}

/* Consonant skeleton of a key ("~khnshkhn"): transliterations differ mostly
 * in vowels ("Khan Sheikhoun" / "Khan Shaykhun").  Writes at most cap bytes
 * with the NUL; returns the length, or 0 when the skeleton is too short to
 * tell places apart (under 5 consonants). */
static inline size_t dyad_gaz_skeleton(const char *key, size_t n, char *out, size_t cap)
{
    size_t len = 0;
    if (cap < 8)
        return 0;
    out[len++] = '~';
    for (size_t i = 0; i < n && len + 1 < cap; i++) {
        char c = key[i];
        if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' ||
            c == ' ' || c == '-' || c == '\'' || c == '.')
            continue;
        if (len > 1 && out[len - 1] == c) /* doubled letters */
            continue;
        out[len++] = c;
    }
    out[len] = 0;
    return len >= 6 ? len : 0;
}

#endif
