/* test_petrarch.c — the PETRARCH/TABARI dictionary loader (src/dict/petrarch.c)
 * on small dictionaries written for these tests (tests/data/petrarch/:
 * fictional actors, an agent file with ~codes and a !PERSON! set, a verb
 * file with a synset, a prepositional phrase, a reverse code and a
 * transformation, a discard file), coding hand-written CoNLL-U parses.
 * The case on PETRARCH's own validation records needs ../shared and prints
 * SKIP without it. */
#include "unit.h"
#include "dyad.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *DIR_ = "tests/data/petrarch";
static const char *ACTORS[] = {"test.actors.txt"};

/* The test dictionaries with this verb file (discards: the discard file). */
static dyad_dict *load_with(const char *verbs, int discards, char ***warn, size_t *n_warn)
{
    dyad_dict_petrarch_files f;
    memset(&f, 0, sizeof f);
    f.dir = DIR_;
    f.verbs = verbs;
    f.actors = ACTORS;
    f.n_actors = 1;
    f.agents = "test.agents.txt";
    f.discards = discards ? "test.discards.txt" : NULL;
    f.cameo_dir = "dict";
    dyad_dict *d = NULL;
    dyad_error e;
    memset(&e, 0, sizeof e);
    if (dyad_dict_load_petrarch(NULL, &f, &d, warn, n_warn, &e))
        fprintf(stderr, "petrarch load: %s: %s\n", e.path, e.message);
    return d;
}

static dyad_dict *load(char ***warn, size_t *n_warn)
{
    return load_with("test.verbs.txt", 1, warn, n_warn);
}

/* Rows "ID FORM LEMMA UPOS HEAD DEPREL" separated by '\n' → CoNLL-U. */
static char *conllu(const char *rows)
{
    size_t cap = strlen(rows) * 3 + 64;
    char *out = malloc(cap), *w = out;
    const char *p = rows;
    while (*p) {
        char f[6][64];
        int n = 0;
        const char *e = strchr(p, '\n');
        if (!e)
            e = p + strlen(p);
        while (p < e && n < 6) {
            while (p < e && *p == ' ')
                p++;
            const char *s = p;
            while (p < e && *p != ' ')
                p++;
            snprintf(f[n++], sizeof f[0], "%.*s", (int)(p - s), s);
        }
        if (n == 6)
            w += sprintf(w, "%s\t%s\t%s\t%s\t_\t_\t%s\t%s\t_\t_\n", f[0], f[1], f[2], f[3], f[4],
                         f[5]);
        p = *e ? e + 1 : e;
    }
    *w++ = '\n';
    *w = 0;
    return out;
}

/* Code one sentence; the events as "SRC TGT CODE;" joined. */
static void code(const dyad_dict *d, const char *rows, const char *text, const char *date,
                 char *out, size_t cap)
{
    char *c = conllu(rows);
    dyad_arena *a = dyad_arena_new(0);
    const char *p = c;
    dyad_word *w;
    size_t nw;
    const char *t;
    dyad_error e;
    out[0] = 0;
    if (dyad_conllu_next(a, &p, c + strlen(c), &w, &nw, &t, &e) == 1) {
        dyad_event *ev;
        size_t ne;
        if (!dyad_code_sentence(d, NULL, a, w, nw, 0, text, date, &ev, &ne, &e))
            for (size_t i = 0; i < ne; i++) {
                size_t l = strlen(out);
                snprintf(out + l, cap - l, "%s%s %s %s", l ? "; " : "", ev[i].source.code,
                         ev[i].target.code, ev[i].code);
            }
    }
    dyad_arena_free(a);
    free(c);
}

static const char *TREATY =
    "1 Tolven Tolven PROPN 2 nsubj\n"
    "2 signed sign VERB 0 root\n"
    "3 a a DET 4 det\n"
    "4 treaty treaty NOUN 2 obj\n"
    "5 with with ADP 7 case\n"
    "6 Port Port PROPN 7 compound\n"
    "7 Amber Amber PROPN 2 obl\n"
    "8 . . PUNCT 2 punct\n";

static void test_dated_actor(void)
{
    dyad_dict *d = load(NULL, NULL);
    CHECK(d != NULL);
    if (!d)
        return;
    char got[512];
    /* the synset &PACT (treaty) and the PP (WITH +) of "- * &PACT (WITH +) [057]" */
    code(d, TREATY, "Tolven signed a treaty with Port Amber.", "2012-03-01", got, sizeof got);
    CHECK_STR(got, "VLDGOV KST 057");
    /* "<20091231", ">20160101": the same person is an elite outside office */
    code(d, TREATY, "Tolven signed a treaty with Port Amber.", "2017-01-01", got, sizeof got);
    CHECK_STR(got, "VLDELI KST 057");
    code(d, TREATY, "Tolven signed a treaty with Port Amber.", "2005-06-30", got, sizeof got);
    CHECK_STR(got, "VLDELI KST 057");
    dyad_dict_free(d);
}

static void test_agent(void)
{
    dyad_dict *d = load(NULL, NULL);
    if (!d)
        return;
    char got[512];
    /* SPOKES!PERSON! [~GOV]: "spokeswoman" from the substitution set */
    code(d,
         "1 A a DET 3 det\n"
         "2 Valdorian Valdorian ADJ 3 amod\n"
         "3 spokeswoman spokeswoman NOUN 4 nsubj\n"
         "4 signed sign VERB 0 root\n"
         "5 an a DET 6 det\n"
         "6 accord accord NOUN 4 obj\n"
         "7 with with ADP 9 case\n"
         "8 Kestrel Kestrel PROPN 9 compound\n"
         "9 Isles Isles PROPN 4 obl\n"
         "10 . . PUNCT 4 punct\n",
         "A Valdorian spokeswoman signed an accord with Kestrel Isles.", "2012-03-01", got,
         sizeof got);
    CHECK_STR(got, "VLDGOV KST 057");
    /* AID_GROUP [NGO~] before a ~GOV agent: the prefix opens the code */
    code(d,
         "1 An a DET 5 det\n"
         "2 aid aid NOUN 3 compound\n"
         "3 group group NOUN 5 compound\n"
         "4 Valdorian Valdorian ADJ 5 amod\n"
         "5 minister minister NOUN 6 nsubj\n"
         "6 signed sign VERB 0 root\n"
         "7 an a DET 8 det\n"
         "8 accord accord NOUN 6 obj\n"
         "9 with with ADP 11 case\n"
         "10 Kestrel Kestrel PROPN 11 compound\n"
         "11 Isles Isles PROPN 6 obl\n"
         "12 . . PUNCT 6 punct\n",
         "An aid group Valdorian minister signed an accord with Kestrel Isles.", "2012-03-01",
         got, sizeof got);
    CHECK_STR(got, "NGOVLDGOV KST 057");
    dyad_dict_free(d);
}

static void test_reverse_and_pp(void)
{
    dyad_dict *d = load(NULL, NULL);
    if (!d)
        return;
    char got[512];
    /* "--- VISIT [042:043] ---": the visit and the hosting */
    code(d,
         "1 Tolven Tolven PROPN 2 nsubj\n"
         "2 visited visit VERB 0 root\n"
         "3 the the DET 5 det\n"
         "4 Kestrel Kestrel PROPN 5 compound\n"
         "5 Isles Isles PROPN 2 obj\n"
         "6 . . PUNCT 2 punct\n",
         "Tolven visited the Kestrel Isles.", "2012-03-01", got, sizeof got);
    CHECK_STR(got, "VLDGOV KST 042; KST VLDGOV 043");
    /* "- * (IN CAPITAL) [044]" against the block's 040; CONFER shares it */
    const char *meet =
        "1 Valdoria Valdoria PROPN 2 nsubj\n"
        "2 %s %s VERB 0 root\n"
        "3 Kestrel Kestrel PROPN 4 compound\n"
        "4 Isles Isles PROPN 2 obj\n"
        "5 in in ADP 7 case\n"
        "6 the the DET 7 det\n"
        "7 capital capital NOUN 2 obl\n"
        "8 . . PUNCT 2 punct\n";
    char rows[600];
    snprintf(rows, sizeof rows, meet, "met", "meet");
    code(d, rows, "Valdoria met Kestrel Isles in the capital.", NULL, got, sizeof got);
    CHECK_STR(got, "VLD KST 044");
    snprintf(rows, sizeof rows, meet, "conferred", "confer");
    code(d, rows, "Valdoria conferred Kestrel Isles in the capital.", NULL, got, sizeof got);
    CHECK_STR(got, "VLD KST 044");
    dyad_dict_free(d);
}

static void test_discard(void)
{
    dyad_dict *d = load(NULL, NULL);
    if (!d)
        return;
    char got[512];
    code(d, TREATY, "Tolven signed a treaty with Port Amber at the chess tournament.",
         "2012-03-01", got, sizeof got);
    CHECK_STR(got, "");
    code(d, TREATY, "Tolven signed a treaty with Port Amber before the football final.",
         "2012-03-01", got, sizeof got);
    CHECK_STR(got, "");
    /* "FOOTBALL_" must end a word: "footballers" is no discard */
    code(d, TREATY, "Tolven signed a treaty with Port Amber and footballers.", "2012-03-01",
         got, sizeof got);
    CHECK_STR(got, "VLDGOV KST 057");
    dyad_dict_free(d);
}

static int has_warning(char **w, size_t n, const char *needle)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(w[i], needle))
            return 1;
    return 0;
}

static void test_unsupported_reported(void)
{
    char **w = NULL;
    size_t n = 0;
    dyad_dict *d = load(&w, &n);
    CHECK(d != NULL);
    /* every unmapped construct is reported once, with file and line */
    CHECK(has_warning(w, n, "test.verbs.txt:19: transformation"));
    CHECK(has_warning(w, n, "test.actors.txt:18: malformed date restriction"));
    CHECK(has_warning(w, n, "test.agents.txt:7: agent line without [code]"));
    CHECK(has_warning(w, n, "test.verbs.txt:8: source/target/compound markers"));
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            CHECK(strcmp(w[i], w[j]) != 0);
    dyad_dict_warnings_free(w, n);
    dyad_dict_free(d);
}

static void test_missing_file(void)
{
    dyad_dict_petrarch_files f;
    memset(&f, 0, sizeof f);
    f.dir = DIR_;
    f.verbs = "no-such-file.txt";
    f.cameo_dir = "dict";
    dyad_dict *d = NULL;
    dyad_error e;
    memset(&e, 0, sizeof e);
    CHECK_EQ_INT(dyad_dict_load_petrarch(NULL, &f, &d, NULL, NULL, &e), DYAD_EIO);
    CHECK(d == NULL);
}

/* The full Phoenix + CAMEO.2.0 set from ../shared loads (no timing here:
 * tools/eval_petrarch.sh reports the load time). */
static void test_phoenix(void)
{
    const char *dir = "../shared/data/petrarch/dictionaries";
    struct stat st;
    if (stat(dir, &st) != 0) {
        printf("SKIP petrarch phoenix: %s not found\n", dir);
        return;
    }
    dyad_dict *d = NULL;
    dyad_error e;
    memset(&e, 0, sizeof e);
    char **w = NULL;
    size_t n = 0;
    CHECK_EQ_INT(dyad_dict_load_petrarch(dir, NULL, &d, &w, &n, &e), 0);
    dyad_dict_stats s;
    dyad_dict_get_stats(d, &s);
    CHECK(s.n_actors > 20000);
    CHECK(s.n_verbs > 10000);
    CHECK(has_warning(w, n, "CAMEO.2.0.txt:") && has_warning(w, n, "transformation"));
    dyad_dict_warnings_free(w, n);
    dyad_dict_free(d);
}

/* A TABARI-style verb file (tests/data/petrarch/test.tabari.verbs.txt). */
static dyad_dict *load_tabari(char ***warn, size_t *n_warn)
{
    return load_with("test.tabari.verbs.txt", 0, warn, n_warn);
}

/* "Valdoria <aux...> clash(ed) over the ties with Kestrel Isles." with the
 * words between subject and verb given as "form lemma UPOS" triples. */
static void clash(const dyad_dict *d, const char *mid, const char *text, char *got, size_t cap)
{
    char rows[1200], *w = rows;
    int id = 2;
    w += sprintf(w, "1 Valdoria Valdoria PROPN %%d nsubj\n");
    char buf[256];
    snprintf(buf, sizeof buf, "%s", mid);
    int verb_id = 2;
    for (const char *p = buf; *p;) {   /* count the words to place the verb */
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        for (int k = 0; k < 3; k++) {
            while (*p && *p != ' ')
                p++;
            while (*p == ' ')
                p++;
        }
        verb_id++;
    }
    char *tok = strtok(buf, " ");
    while (tok) {
        char *lem = strtok(NULL, " "), *up = strtok(NULL, " ");
        if (!lem || !up)
            break;
        w += sprintf(w, "%d %s %s %s %d %s\n", id++, tok, lem, up, verb_id,
                     !strcmp(up, "AUX") ? "aux" : "advmod");
        tok = strtok(NULL, " ");
    }
    w += sprintf(w,
                 "%d clash clash VERB 0 root\n"
                 "%d over over ADP %d case\n"
                 "%d the the DET %d det\n"
                 "%d ties tie NOUN %d obl\n"
                 "%d with with ADP %d case\n"
                 "%d Kestrel Kestrel PROPN %d compound\n"
                 "%d Isles Isles PROPN %d nmod\n",
                 verb_id, verb_id + 1, verb_id + 3, verb_id + 2, verb_id + 3, verb_id + 3,
                 verb_id, verb_id + 4, verb_id + 6, verb_id + 5, verb_id + 6, verb_id + 6,
                 verb_id + 3);
    char final[1400];
    snprintf(final, sizeof final, rows, verb_id);
    code(d, final, text, NULL, got, cap);
}

static void test_tabari_sequences(void)
{
    char **warn = NULL;
    size_t n_warn = 0;
    dyad_dict *d = load_tabari(&warn, &n_warn);
    CHECK(d != NULL);
    if (!d)
        return;
    char got[512];
    /* pre-verb sequences: the longest one found wins; ' ' lets words in */
    clash(d, "", "Valdoria clash over the ties with Kestrel Isles.", got, sizeof got);
    CHECK_STR(got, "VLD KST 901");
    clash(d, "did do AUX n't not PART", "Valdoria didn't clash over the ties with Kestrel Isles.",
          got, sizeof got);
    CHECK_STR(got, "VLD KST 904");
    clash(d, "did do AUX n't not PART even even ADV ever ever ADV",
          "Valdoria didn't even ever clash over the ties with Kestrel Isles.", got, sizeof got);
    CHECK_STR(got, "VLD KST 905");
    clash(d, "unexpectedly unexpectedly ADV now now ADV will will AUX not not PART",
          "Valdoria unexpectedly now will not clash over the ties with Kestrel Isles.", got,
          sizeof got);
    CHECK_STR(got, "VLD KST 906");
    /* post-verb words: "* ARTILLERY" anywhere after the verb (TABARI), not
     * only the object's head; '_' needs the words next to each other */
    const char *fire =
        "1 Valdoria Valdoria PROPN 2 nsubj\n"
        "2 fired fire VERB 0 root\n"
        "3 %s %s %s 5 amod\n"
        "4 %s %s %s 5 %s\n"
        "5 shells shell NOUN 2 obj\n"
        "6 at at ADP 8 case\n"
        "7 Kestrel Kestrel PROPN 8 compound\n"
        "8 Isles Isles PROPN 2 obl\n";
    char rows[800];
    snprintf(rows, sizeof rows, fire, "two", "two", "NUM", "artillery", "artillery", "NOUN",
             "compound");
    code(d, rows, "Valdoria fired two artillery shells at Kestrel Isles.", NULL, got, sizeof got);
    CHECK_STR(got, "VLD KST 194");
    snprintf(rows, sizeof rows, fire, "new", "new", "ADJ", "military", "military", "ADJ", "amod");
    code(d, rows, "Valdoria fired new military shells at Kestrel Isles.", NULL, got, sizeof got);
    CHECK_STR(got, "VLD KST 195");
    snprintf(rows, sizeof rows, fire, "new", "new", "ADJ", "heavy", "heavy", "ADJ", "amod");
    code(d, rows, "Valdoria fired new heavy shells at Kestrel Isles.", NULL, got, sizeof got);
    CHECK_STR(got, "VLD KST 190");
    /* TABARI's complex-event code [+++]: the pattern is reported, not used */
    snprintf(rows, sizeof rows, fire, "fxll", "fxll", "ADJ", "heavy", "heavy", "ADJ", "amod");
    code(d, rows, "Valdoria fired fxll heavy shells at Kestrel Isles.", NULL, got, sizeof got);
    CHECK_STR(got, "VLD KST 190");
    CHECK(has_warning(warn, n_warn, "test.tabari.verbs.txt:24: complex-event code"));
    dyad_dict_warnings_free(warn, n_warn);
    dyad_dict_free(d);
}

/* Code one CoNLL-U sentence with require_dyad on or off; the events are
 * in *a, which the caller frees. */
static size_t code_one(const dyad_dict *d, dyad_arena *a, const char *conllu_text, const char *text,
                       int require_dyad, dyad_event **ev)
{
    dyad_coder *cd = dyad_coder_new(d, NULL);
    dyad_coder_set_require_dyad(cd, require_dyad);
    const char *p = conllu_text;
    dyad_word *w;
    size_t nw, ne = 0;
    const char *t;
    dyad_error e;
    *ev = NULL;
    CHECK_EQ_INT(dyad_conllu_next(a, &p, conllu_text + strlen(conllu_text), &w, &nw, &t, &e), 1);
    CHECK_EQ_INT(dyad_code_sentence(d, cd, a, w, nw, 0, text, NULL, ev, &ne, &e), 0);
    dyad_coder_free(cd);
    return ne;
}

/* PETRARCH's require_dyad = False: a coded verb without a target still
 * gives an event (target "" here; PETRARCH writes "---") when its phrase
 * holds a noun phrase ("said on Saturday"), not for a bare time word
 * ("said today", validation record COMMA-06). */
static void test_require_dyad(void)
{
    dyad_dict *d = load_tabari(NULL, NULL);
    if (!d)
        return;
    char *c = conllu("1 A a DET 3 det\n"
                     "2 Valdorian Valdorian ADJ 3 amod\n"
                     "3 spokesman spokesman NOUN 4 nsubj\n"
                     "4 said say VERB 0 root\n"
                     "5 on on ADP 6 case\n"
                     "6 Saturday Saturday PROPN 4 obl\n"
                     "7 . . PUNCT 4 punct\n");
    char *today = conllu("1 A a DET 3 det\n"
                         "2 Valdorian Valdorian ADJ 3 amod\n"
                         "3 spokesman spokesman NOUN 4 nsubj\n"
                         "4 said say VERB 0 root\n"
                         "5 today today NOUN 4 obl:tmod\n"
                         "6 . . PUNCT 4 punct\n");
    {
        dyad_arena *a = dyad_arena_new(0);
        dyad_event *ev;
        size_t ne = code_one(d, a, today, "A Valdorian spokesman said today.", 0, &ev);
        CHECK_EQ_INT((int)ne, 0);
        dyad_arena_free(a);
    }
    free(today);
    for (int on = 1; on >= 0; on--) {
        dyad_arena *a = dyad_arena_new(0);
        dyad_event *ev;
        size_t ne = code_one(d, a, c, "A Valdorian spokesman said on Saturday.", on, &ev);
        CHECK_EQ_INT((int)ne, on ? 0 : 1);
        if (ne) {
            CHECK_STR(ev[0].source.code, "VLDGOV");
            CHECK_STR(ev[0].target.code, "");
            CHECK_STR(ev[0].code, "023");
        }
        dyad_arena_free(a);
    }
    free(c);
    dyad_dict_free(d);
}

/* TABARI readings of the tree: a particle named by the pattern ("BURN *
 * DOWN"), roles swapped by "+ * FROM $", a passive without its by-phrase
 * coded from its subject, the actor inside a noun phrase ("the Kestrel
 * Isles embassy"), and a time clause after a coded verb left alone. */
static void test_tabari_roles(void)
{
    dyad_dict *d = load_tabari(NULL, NULL);
    CHECK(d != NULL);
    if (!d)
        return;
    char got[512];
    code(d,
         "1 Valdorian Valdorian ADJ 2 amod\n"
         "2 crowds crowd NOUN 3 nsubj\n"
         "3 burned burn VERB 0 root\n"
         "4 down down ADP 3 compound:prt\n"
         "5 the the DET 8 det\n"
         "6 Kestrel Kestrel PROPN 7 compound\n"
         "7 Isles Isles PROPN 8 compound\n"
         "8 embassy embassy NOUN 3 obj\n"
         "9 . . PUNCT 3 punct\n",
         "Valdorian crowds burned down the Kestrel Isles embassy.", NULL, got, sizeof got);
    CHECK_STR(got, "VLD KST 222");
    code(d,
         "1 Valdoria Valdoria PROPN 3 nsubj:pass\n"
         "2 was be AUX 3 aux:pass\n"
         "3 freed free VERB 0 root\n"
         "4 from from ADP 6 case\n"
         "5 Kestrel Kestrel PROPN 6 compound\n"
         "6 Isles Isles PROPN 3 obl\n"
         "7 . . PUNCT 3 punct\n",
         "Valdoria was freed from Kestrel Isles.", NULL, got, sizeof got);
    CHECK_STR(got, "KST VLD 066");
    code(d,
         "1 Valdoria Valdoria PROPN 3 nsubj:pass\n"
         "2 was be AUX 3 aux:pass\n"
         "3 criticized criticize VERB 0 root\n"
         "4 over over ADP 5 case\n"
         "5 ties tie NOUN 3 obl\n"
         "6 with with ADP 8 case\n"
         "7 Kestrel Kestrel PROPN 8 compound\n"
         "8 Isles Isles PROPN 5 nmod\n"
         "9 . . PUNCT 3 punct\n",
         "Valdoria was criticized over ties with Kestrel Isles.", NULL, got, sizeof got);
    CHECK_STR(got, "VLD KST 121");
    /* the burning is part of the firing's phrase: not coded on its own */
    code(d,
         "1 Valdoria Valdoria PROPN 2 nsubj\n"
         "2 fired fire VERB 0 root\n"
         "3 artillery artillery NOUN 2 obj\n"
         "4 at at ADP 6 case\n"
         "5 Kestrel Kestrel PROPN 6 compound\n"
         "6 Isles Isles PROPN 2 obl\n"
         "7 after after SCONJ 10 mark\n"
         "8 Valdorian Valdorian ADJ 9 amod\n"
         "9 crowds crowd NOUN 10 nsubj\n"
         "10 burned burn VERB 2 advcl\n"
         "11 down down ADP 10 compound:prt\n"
         "12 the the DET 15 det\n"
         "13 Kestrel Kestrel PROPN 14 compound\n"
         "14 Isles Isles PROPN 15 compound\n"
         "15 embassy embassy NOUN 10 obj\n"
         "16 . . PUNCT 2 punct\n",
         "Valdoria fired artillery at Kestrel Isles after Valdorian crowds burned down the "
         "Kestrel Isles embassy.",
         NULL, got, sizeof got);
    CHECK_STR(got, "VLD KST 194");
    dyad_dict_free(d);
}

const unit_case unit_petrarch[] = {
    {"tabari_roles", test_tabari_roles},
    {"tabari_sequences", test_tabari_sequences},
    {"require_dyad", test_require_dyad},
    {"dated_actor", test_dated_actor},
    {"agent", test_agent},
    {"reverse_and_pp", test_reverse_and_pp},
    {"discard", test_discard},
    {"unsupported_reported", test_unsupported_reported},
    {"missing_file", test_missing_file},
    {"phoenix", test_phoenix},
    {NULL, NULL},
};
