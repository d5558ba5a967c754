/* abbrev.c — the abbreviations that keep their period, by class.
 *
 * The tokenizer uses the list to make "Gen." one token; the sentence splitter
 * uses the class to decide whether that period also ends a sentence.  The
 * list is English news usage (titles, months, company and state forms). */
#include "text_internal.h"

#include <string.h>

typedef struct abbr {
    const char *w;
    unsigned char cls;
} abbr;

#define T DYAD_ABBR_TITLE
#define M DYAD_ABBR_MONTH
#define O DYAD_ABBR_OTHER
#define F DYAD_ABBR_FINAL

static const abbr table[] = {
    /* titles and ranks: a name follows */
    {"Mr", T}, {"Mrs", T}, {"Ms", T}, {"Messrs", T}, {"Mme", T}, {"Mlle", T},
    {"Dr", T}, {"Drs", T}, {"Prof", T}, {"Gen", T}, {"Gens", T}, {"Lt", T},
    {"Col", T}, {"Maj", T}, {"Capt", T}, {"Cpt", T}, {"Sgt", T}, {"Cpl", T},
    {"Pvt", T}, {"Cmdr", T}, {"Cdr", T}, {"Adm", T}, {"Brig", T}, {"Rev", T},
    {"Fr", T}, {"Hon", T}, {"Sen", T}, {"Sens", T}, {"Rep", T}, {"Reps", T},
    {"Gov", T}, {"Govs", T}, {"Pres", T}, {"Supt", T}, {"Insp", T},
    {"Det", T}, {"Atty", T}, {"Amb", T}, {"Ald", T}, {"Sec", T}, {"Sgt", T},
    {"Mt", T}, {"Ft", T}, {"Rt", T}, {"Msgr", T}, {"Lieut", T}, {"Cmdr", T},
    {"vs", T}, {"Vs", T}, {"v", T}, {"cf", T}, {"Cf", T}, {"viz", T},
    {"approx", T}, {"Approx", T}, {"ca", T}, {"c", T}, {"No", T}, {"no", T},
    {"Nos", T}, {"Fig", T}, {"fig", T}, {"Figs", T}, {"Vol", T}, {"vol", T},
    {"pp", T}, {"p", T},
    /* months */
    {"Jan", M}, {"Feb", M}, {"Mar", M}, {"Apr", M}, {"Jun", M}, {"Jul", M},
    {"Aug", M}, {"Sep", M}, {"Sept", M}, {"Oct", M}, {"Nov", M}, {"Dec", M},
    /* may end a sentence */
    {"St", O}, {"Inc", O}, {"Co", O}, {"Corp", O}, {"Ltd", O}, {"Jr", O},
    {"Sr", O}, {"Bros", O}, {"Cos", O}, {"Plc", O}, {"Ave", O}, {"Blvd", O},
    {"Rd", O}, {"Dept", O}, {"Univ", O}, {"Assn", O}, {"Natl", O},
    {"Intl", O}, {"al", O}, {"Ala", O}, {"Ariz", O}, {"Ark", O},
    {"Calif", O}, {"Colo", O}, {"Conn", O}, {"Del", O}, {"Fla", O},
    {"Ga", O}, {"Ill", O}, {"Ind", O}, {"Kan", O}, {"Kans", O}, {"Ky", O},
    {"La", O}, {"Md", O}, {"Mass", O}, {"Mich", O}, {"Minn", O},
    {"Miss", O}, {"Mo", O}, {"Mont", O}, {"Neb", O}, {"Nev", O},
    {"Okla", O}, {"Ore", O}, {"Pa", O}, {"Penn", O}, {"Tenn", O},
    {"Tex", O}, {"Va", O}, {"Vt", O}, {"Wash", O}, {"Wis", O}, {"Wyo", O},
    {"Mfg", O}, {"Corps", O}, {"Assoc", O}, {"Bldg", O}, {"Hwy", O},
    {"ext", T}, {"Ext", T}, {"Tel", T}, {"tel", T},
    /* often ends a sentence */
    {"etc", F},
};

#undef T
#undef M
#undef O
#undef F

static int lookup(const char *s, size_t n)
{
    if (n == 0 || n > 6)
        return DYAD_ABBR_NONE;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].w[0] == s[0] && strncmp(table[i].w, s, n) == 0 &&
            table[i].w[n] == '\0')
            return table[i].cls;
    return DYAD_ABBR_NONE;
}

/* "GEN." in an all-caps headline is "Gen.": retry in title case. */
static int lookup_any_case(const char *s, size_t n)
{
    int c = lookup(s, n);
    if (c != DYAD_ABBR_NONE || n < 2 || n > 6)
        return c;
    char w[8];
    w[0] = s[0];
    for (size_t i = 1; i < n; i++) {
        if (s[i] < 'A' || s[i] > 'Z')
            return DYAD_ABBR_NONE;
        w[i] = (char)(s[i] + 32);
    }
    return lookup(w, n);
}

int dyad_text_abbrev_known(const char *s, size_t n)
{
    return lookup_any_case(s, n) != DYAD_ABBR_NONE;
}

int dyad_text_abbrev_class(const char *s, size_t n)
{
    if (n < 2 || s[n - 1] != '.')
        return DYAD_ABBR_NONE;
    n--;
    if (memchr(s, '.', n)) {
        if ((n == 3 && (memcmp(s, "e.g", 3) == 0 || memcmp(s, "i.e", 3) == 0)))
            return DYAD_ABBR_TITLE;
        return DYAD_ABBR_DOTTED;
    }
    int c = lookup_any_case(s, n);
    if (c != DYAD_ABBR_NONE)
        return c;
    if (n == 1)
        return DYAD_ABBR_INITIAL;
    return DYAD_ABBR_NONE;
}
