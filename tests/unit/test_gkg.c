/* test_gkg.c — tone, places and dates of the knowledge-graph layer.
 *
 * The tone cases use a small lexicon written here; the place cases need the
 * gazetteer built from npm packages (build/data/gazetteer.bin, or the
 * directory in $DYAD_GKG_DATA) and print SKIP without it. */
#include "unit.h"

#include "dyad.h"

#include <math.h>
#include <stdlib.h>
#include <unistd.h>

/* ------------------------------------------------------------ helpers */

static const char *data_dir(void)
{
    const char *d = getenv("DYAD_GKG_DATA");
    return d && *d ? d : "build/data";
}

static char tmp_lexicon[64];

static const char *small_lexicon(void)
{
    if (tmp_lexicon[0])
        return tmp_lexicon;
    snprintf(tmp_lexicon, sizeof tmp_lexicon, "/tmp/dyad-unit-lexicon-%ld.tsv", (long)getpid());
    FILE *fp = fopen(tmp_lexicon, "w");
    if (!fp)
        return NULL;
    fputs("#dyad-lexicon\t1\n# test lexicon\ngood\t3\nbad\t-3\nwar\t-2\npeace\t2\n"
          "does not work\t-3\nkilled\t-3\nwelcomed\t2\n",
          fp);
    fclose(fp);
    return tmp_lexicon;
}

static void tone_of(const dyad_lexicon *lx, const char *text, dyad_tone *t)
{
    dyad_arena *a = dyad_arena_new(0);
    dyad_token *toks = NULL;
    size_t n = 0;
    CHECK(dyad_tokenize(a, text, strlen(text), &toks, &n, NULL) == 0);
    dyad_tone_compute(lx, text, toks, n, t);
    dyad_arena_free(a);
}

static int near(double a, double b) { return fabs(a - b) < 0.01; }

/* ------------------------------------------------------------ tone */

static void test_tone_counts(void)
{
    dyad_lexicon *lx = NULL;
    dyad_error err;
    CHECK(dyad_lexicon_load(small_lexicon(), &lx, &err) == DYAD_OK);
    if (!lx)
        return;
    dyad_tone t;
    tone_of(lx, "This is a good day.", &t);
    CHECK_EQ_INT(t.words, 5);
    CHECK(near(t.positive, 20.0));
    CHECK(near(t.negative, 0.0));
    CHECK(near(t.tone, 20.0));
    CHECK(near(t.polarity, 20.0));
    tone_of(lx, "War is bad, peace is good.", &t);
    CHECK_EQ_INT(t.words, 6);
    CHECK(near(t.positive, 100.0 * 2 / 6));
    CHECK(near(t.negative, 100.0 * 2 / 6));
    CHECK(near(t.tone, 0.0));
    CHECK(near(t.polarity, 100.0 * 4 / 6));
    dyad_lexicon_free(lx);
}

static void test_tone_negation(void)
{
    dyad_lexicon *lx = NULL;
    CHECK(dyad_lexicon_load(small_lexicon(), &lx, NULL) == DYAD_OK);
    if (!lx)
        return;
    dyad_tone t;
    tone_of(lx, "The talks were not good.", &t);
    CHECK(near(t.positive, 0.0));
    CHECK(t.negative > 0);
    tone_of(lx, "It wasn't bad at all.", &t);
    CHECK(t.positive > 0);
    CHECK(near(t.negative, 0.0));
    /* punctuation ends the reach of a negator */
    tone_of(lx, "Not now; the plan is good.", &t);
    CHECK(t.positive > 0);
    /* a multi-word term is one score */
    tone_of(lx, "The system does not work.", &t);
    CHECK(t.negative > 0);
    CHECK(near(t.positive, 0.0));
    CHECK_EQ_INT(t.words, 5);
    dyad_lexicon_free(lx);
}

static void test_tone_activity_self(void)
{
    dyad_lexicon *lx = NULL;
    CHECK(dyad_lexicon_load(small_lexicon(), &lx, NULL) == DYAD_OK);
    if (!lx)
        return;
    dyad_tone t;
    tone_of(lx, "We attacked and our troops seized the bridge.", &t);
    CHECK_EQ_INT(t.words, 8);
    CHECK(near(t.self_group, 25.0));  /* we, our */
    CHECK(near(t.activity, 25.0));    /* attacked, seized */
    tone_of(lx, "", &t);
    CHECK_EQ_INT(t.words, 0);
    CHECK(near(t.tone, 0.0));
    dyad_lexicon_free(lx);
}

static void test_tone_doc_sentences(void)
{
    dyad_lexicon *lx = NULL;
    CHECK(dyad_lexicon_load(small_lexicon(), &lx, NULL) == DYAD_OK);
    if (!lx)
        return;
    const char *text = "Rebels killed ten soldiers. Leaders welcomed the peace deal.";
    dyad_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.arena = dyad_arena_new(0);
    doc.body = text;
    doc.body_len = strlen(text);
    CHECK(dyad_tokenize(doc.arena, text, doc.body_len, &doc.tokens, &doc.n_tokens, NULL) == 0);
    CHECK(dyad_split_sentences(doc.arena, text, doc.body_len, doc.tokens, doc.n_tokens,
                               &doc.sentences, &doc.n_sentences, NULL) == 0);
    CHECK_EQ_INT(doc.n_sentences, 2);
    dyad_tone whole, per[2];
    if (doc.n_sentences == 2) {
        dyad_tone_doc(lx, &doc, &whole, per);
        CHECK(per[0].tone < 0);
        CHECK(per[1].tone > 0);
        CHECK_EQ_INT(whole.words, per[0].words + per[1].words);
    }
    dyad_arena_free(doc.arena);
    dyad_lexicon_free(lx);
}

static void test_lexicon_errors(void)
{
    dyad_lexicon *lx = NULL;
    dyad_error err;
    CHECK_EQ_INT(dyad_lexicon_load("/nonexistent/lexicon.tsv", &lx, &err), DYAD_EIO);
    CHECK(lx == NULL);
    char path[64];
    snprintf(path, sizeof path, "/tmp/dyad-unit-badlex-%ld.tsv", (long)getpid());
    FILE *fp = fopen(path, "w");
    if (fp) {
        fputs("good\t3\n", fp);
        fclose(fp);
        CHECK_EQ_INT(dyad_lexicon_load(path, &lx, &err), DYAD_EMODEL);
        fp = fopen(path, "w");
        fputs("#dyad-lexicon\t1\ngood three\n", fp);
        fclose(fp);
        CHECK_EQ_INT(dyad_lexicon_load(path, &lx, &err), DYAD_EFORMAT);
        CHECK_EQ_INT(err.byte_offset, 2);
        remove(path);
    }
    dyad_lexicon_free(NULL);
    dyad_tone t;
    tone_of(NULL, "good words without a lexicon", &t);
    CHECK_EQ_INT(t.words, 5);
    CHECK(near(t.polarity, 0.0));
}

static void test_tone_real_lexicon(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/lexicon.tsv", data_dir());
    dyad_lexicon *lx = NULL;
    if (dyad_lexicon_load(path, &lx, NULL) != DYAD_OK) {
        printf("SKIP gkg/tone_real_lexicon: no %s (tools/install-npm-data)\n", path);
        return;
    }
    dyad_tone t;
    tone_of(lx, "The aggressor has been punished and civilians were killed.", &t);
    CHECK(t.tone < 0);
    tone_of(lx, "The leaders praised a historic agreement and welcomed the progress.", &t);
    CHECK(t.tone > 0);
    tone_of(lx, "It was not easy to get here.", &t);
    CHECK(t.tone <= 0);
    dyad_lexicon_free(lx);
}

/* ------------------------------------------------------------ dates */

static void test_dates_table(void)
{
    static const struct {
        const char *doc, *text, *want;
        int precision, historical;
    } cases[] = {
        /* 2018-07-16 is a Monday */
        {"2018-07-16", "Mr. Putin said on Friday that talks would go on.", "2018-07-13", DYAD_DATE_DAY, 0},
        {"2018-07-16", "The summit opened on Monday.", "2018-07-16", DYAD_DATE_DAY, 0},
        {"2018-07-16", "Troops crossed the border on Monday night.", "2018-07-16", DYAD_DATE_DAY, 0},
        {"2018-07-16", "The ministers met on Sunday.", "2018-07-15", DYAD_DATE_DAY, 0},
        {"2018-07-16", "They met last Monday.", "2018-07-09", DYAD_DATE_DAY, 0},
        /* historical: a day more than a week back, an earlier month or year */
        {"2018-07-16", "They met on July 8.", "2018-07-08", DYAD_DATE_DAY, 1},
        {"2018-07-16", "The leaders will meet on Friday.", "2018-07-20", DYAD_DATE_DAY, 0},
        {"2018-07-16", "Rebels attacked the town yesterday.", "2018-07-15", DYAD_DATE_DAY, 0},
        {"2018-07-16", "The vote is tomorrow.", "2018-07-17", DYAD_DATE_DAY, 0},
        {"2018-07-16", "Protesters gathered today.", "2018-07-16", DYAD_DATE_DAY, 0},
        {"2018-07-16", "Talks collapsed last week.", "2018-07-09", DYAD_DATE_WEEK, 0},
        {"2018-07-16", "Talks resume next week.", "2018-07-23", DYAD_DATE_WEEK, 0},
        {"2018-07-16", "Earlier this week, the army withdrew.", "2018-07-16", DYAD_DATE_WEEK, 0},
        {"2018-07-16", "The treaty was signed on Nov. 11.", "2017-11-11", DYAD_DATE_DAY, 1},
        {"2018-07-16", "The strike came on July 4.", "2018-07-04", DYAD_DATE_DAY, 1},
        {"2018-07-16", "Elections were held on 8 July.", "2018-07-08", DYAD_DATE_DAY, 1},
        {"2018-07-16", "The army took the city on Nov. 11, 2014.", "2014-11-11", DYAD_DATE_DAY, 1},
        {"2018-07-16", "Fighting broke out in July.", "2018-07", DYAD_DATE_MONTH, 0},
        {"2018-07-16", "Sanctions were imposed in March.", "2018-03", DYAD_DATE_MONTH, 1},
        {"2018-07-16", "Sanctions were imposed in December.", "2017-12", DYAD_DATE_MONTH, 1},
        {"2018-07-16", "The embassy closed last month.", "2018-06", DYAD_DATE_MONTH, 1},
        {"2018-07-16", "The deal collapsed in May 2015.", "2015-05", DYAD_DATE_MONTH, 1},
        {"2018-07-16", "Prime Minister Theresa May spoke.", "2018-07-16", DYAD_DATE_NONE, 0},
        {"2018-07-16", "The army may march into the city.", "2018-07-16", DYAD_DATE_NONE, 0},
        {"2018-07-16", "Russia annexed Crimea in 2014.", "2014", DYAD_DATE_YEAR, 1},
        {"2018-07-16", "He recalled the 2014 annexation.", "2014", DYAD_DATE_YEAR, 1},
        {"2018-07-16", "Growth slowed in 2017.", "2017", DYAD_DATE_YEAR, 1},
        {"2018-07-16", "Earlier this year, the two sides met.", "2018", DYAD_DATE_YEAR, 0},
        {"2018-07-16", "Relations soured last year.", "2017", DYAD_DATE_YEAR, 1},
        {"2018-07-16", "Russia, which annexed Crimea in 2014, imposed a ban on Friday.", "2018-07-13", DYAD_DATE_DAY, 0},
        {"2018-07-16", "A 2,014-page report cost $2014 and 2014% more in the 1990s.", "2018-07-16", DYAD_DATE_NONE, 0},
        {"2018-07-16", "No date here.", "2018-07-16", DYAD_DATE_NONE, 0},
        /* year boundaries and leap years */
        {"2019-01-05", "The attack came on Dec. 28.", "2018-12-28", DYAD_DATE_DAY, 1},
        {"2019-01-02", "Officials met on Friday.", "2018-12-28", DYAD_DATE_DAY, 0},
        {"2019-01-10", "Prices rose last month.", "2018-12", DYAD_DATE_MONTH, 1},
        {"2020-03-01", "The deal was struck yesterday.", "2020-02-29", DYAD_DATE_DAY, 0},
        {"2017-04-12", "On Wednesday evening Dmitry Peskov confirmed it.", "2017-04-12", DYAD_DATE_DAY, 0},
        {"2017-04-12", "On Tuesday the Kremlin spokesman said no.", "2017-04-11", DYAD_DATE_DAY, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[11];
        int hist = -1;
        int p = dyad_date_resolve(cases[i].doc, cases[i].text, strlen(cases[i].text), out, &hist);
        if (p != cases[i].precision || strcmp(out, cases[i].want) != 0 ||
            hist != cases[i].historical) {
            char m[400];
            snprintf(m, sizeof m, "date \"%s\" @%s: got %s (precision %d, historical %d)",
                     cases[i].text, cases[i].doc, out, p, hist);
            unit_fail(__FILE__, __LINE__, m);
        }
    }
}

static void test_dates_bad_input(void)
{
    char out[11] = "x";
    int hist = 5;
    CHECK_EQ_INT(dyad_date_resolve(NULL, "on Friday", 9, out, &hist), DYAD_DATE_NONE);
    CHECK_STR(out, "");
    CHECK_EQ_INT(hist, 0);
    CHECK_EQ_INT(dyad_date_resolve("2018-02-30", "on Friday", 9, out, NULL), DYAD_DATE_NONE);
    CHECK_EQ_INT(dyad_date_resolve("20180216", "on Friday", 9, out, NULL), DYAD_DATE_NONE);
    CHECK_EQ_INT(dyad_date_resolve("2018-07-16", NULL, 0, out, NULL), DYAD_DATE_NONE);
    CHECK_STR(out, "2018-07-16");
    /* only n bytes are read */
    CHECK_EQ_INT(dyad_date_resolve("2018-07-16", "on Friday", 2, out, NULL), DYAD_DATE_NONE);
}

/* ------------------------------------------------------------ places */

/* The gazetteer, loaded per test (a mmap and a check of its index). */
static dyad_gazetteer *gaz(const char *test)
{
    dyad_gazetteer *g = NULL;
    char path[512];
    snprintf(path, sizeof path, "%s/gazetteer.bin", data_dir());
    if (dyad_gazetteer_load(path, &g, NULL) != DYAD_OK) {
        printf("SKIP gkg/%s: no %s (tools/install-npm-data)\n", test, path);
        return NULL;
    }
    return g;
}

typedef struct located {
    dyad_arena *a;
    const char *text;
    dyad_location *locs;
    size_t n;
} located;

static void locate(const dyad_gazetteer *g, const char *text, const char *dateline, located *r)
{
    r->a = dyad_arena_new(0);
    r->text = text;
    dyad_token *toks = NULL;
    dyad_sentence *sents = NULL;
    size_t nt = 0, ns = 0;
    CHECK(dyad_tokenize(r->a, text, strlen(text), &toks, &nt, NULL) == 0);
    CHECK(dyad_split_sentences(r->a, text, strlen(text), toks, nt, &sents, &ns, NULL) == 0);
    CHECK(dyad_geo_locate(g, r->a, text, toks, nt, sents, ns, dateline, &r->locs, &r->n,
                          NULL) == DYAD_OK);
}

/* The location of the first mention written as `mention`. */
static const dyad_location *find(const located *r, const char *mention)
{
    size_t ml = strlen(mention);
    for (size_t i = 0; i < r->n; i++)
        for (size_t k = 0; k < r->locs[i].n_mentions; k++) {
            const dyad_mention *m = &r->locs[i].mentions[k];
            if (m->end - m->start == ml && strncmp(r->text + m->start, mention, ml) == 0)
                return &r->locs[i];
        }
    return NULL;
}

#define CHECK_PLACE(r, mention, iso3, adm1_or_null) do { \
    const dyad_location *l_ = find((r), (mention)); \
    CHECK(l_ != NULL); \
    if (l_) { \
        CHECK_STR(l_->country, (iso3)); \
        if (adm1_or_null) CHECK_STR(l_->adm1, (const char *)(adm1_or_null)); \
    } } while (0)

static void test_geo_paris(void)
{
    dyad_gazetteer *g = gaz("geo_paris");
    if (!g)
        return;
    located r;
    locate(g, "Officials in Paris and Berlin welcomed the deal.", NULL, &r);
    CHECK_PLACE(&r, "Paris", "FRA", NULL);
    CHECK_PLACE(&r, "Berlin", "DEU", NULL);
    dyad_arena_free(r.a);
    locate(g, "A tornado hit northeast Texas on Sunday. In Paris, the mayor said "
              "three homes were destroyed.", NULL, &r);
    CHECK_PLACE(&r, "Paris", "USA", "Texas");
    CHECK_PLACE(&r, "Texas", "USA", "Texas");
    dyad_arena_free(r.a);
    locate(g, "The mayor of Paris, Texas, spoke.", NULL, &r);
    CHECK_PLACE(&r, "Paris", "USA", "Texas");
    dyad_arena_free(r.a);
    dyad_gazetteer_free(g);
}

static void test_geo_georgia(void)
{
    dyad_gazetteer *g = gaz("geo_georgia");
    if (!g)
        return;
    located r;
    locate(g, "Russian troops moved deeper into Georgia. Officials in Tbilisi said "
              "Abkhazia was cut off.", NULL, &r);
    CHECK_PLACE(&r, "Georgia", "GEO", NULL);
    const dyad_location *l = find(&r, "Georgia");
    if (l)
        CHECK_STR(l->type, "country");
    dyad_arena_free(r.a);
    locate(g, "Voters in Georgia lined up for the Senate runoff. In Atlanta, the "
              "governor said turnout was high.", NULL, &r);
    CHECK_PLACE(&r, "Georgia", "USA", "Georgia");
    CHECK_PLACE(&r, "Atlanta", "USA", "Georgia");
    dyad_arena_free(r.a);
    locate(g, "Mr. Saakashvili told a rally in the Georgian capital that he would not yield.",
           NULL, &r);
    CHECK_PLACE(&r, "the Georgian capital", "GEO", NULL);
    l = find(&r, "the Georgian capital");
    if (l)
        CHECK_STR(l->name, "Tbilisi");
    dyad_arena_free(r.a);
    dyad_gazetteer_free(g);
}

static void test_geo_washington(void)
{
    dyad_gazetteer *g = gaz("geo_washington");
    if (!g)
        return;
    located r;
    locate(g, "Mr. Tillerson flew back to Washington on Wednesday night.", NULL, &r);
    const dyad_location *l = find(&r, "Washington");
    CHECK(l != NULL);
    if (l) {
        CHECK_STR(l->country, "USA");
        CHECK(fabs(l->lat - 38.9) < 0.2 && fabs(l->lon + 77.04) < 0.2);
    }
    dyad_arena_free(r.a);
    locate(g, "Wildfires spread across eastern Washington, and Seattle issued a smoke "
              "warning.", NULL, &r);
    l = find(&r, "Washington");
    CHECK(l != NULL);
    if (l) {
        CHECK_STR(l->type, "adm1");
        CHECK_STR(l->adm1, "Washington");
    }
    dyad_arena_free(r.a);
    /* a place word inside another name is not a place */
    locate(g, "The Washington Post reported it first.", NULL, &r);
    CHECK(find(&r, "Washington") == NULL);
    dyad_arena_free(r.a);
    dyad_gazetteer_free(g);
}

static void test_geo_patterns(void)
{
    dyad_gazetteer *g = gaz("geo_patterns");
    if (!g)
        return;
    located r;
    locate(g, "In York, Pa., Senator John McCain spoke. In Kiev, protesters gathered. "
              "Shelling went on in eastern Ukraine and in Idlib Province.",
           "MOSCOW", &r);
    CHECK_PLACE(&r, "York, Pa.", "USA", "Pennsylvania");
    const dyad_location *l = find(&r, "Kiev");
    CHECK(l != NULL);
    if (l) {
        CHECK_STR(l->country, "UKR");
        CHECK_STR(l->name, "Kyiv");
    }
    l = find(&r, "eastern Ukraine");
    CHECK(l != NULL);
    if (l) {
        CHECK_STR(l->type, "region");
        CHECK(l->lon > 34); /* east of the country's middle */
    }
    l = find(&r, "Idlib Province");
    CHECK(l != NULL);
    if (l) {
        CHECK_STR(l->country, "SYR");
        CHECK_STR(l->type, "region");
    }
    /* the dateline: a mention with start == end */
    int dateline_seen = 0;
    for (size_t i = 0; i < r.n; i++)
        for (size_t k = 0; k < r.locs[i].n_mentions; k++)
            if (r.locs[i].mentions[k].start == r.locs[i].mentions[k].end) {
                dateline_seen = 1;
                CHECK_STR(r.locs[i].country, "RUS");
                CHECK_STR(r.locs[i].name, "Moscow");
            }
    CHECK(dateline_seen);
    /* sentence 1 has Kiev; a sentence without a place falls back on the dateline */
    long s1 = dyad_geo_sentence_location(r.locs, r.n, 1);
    CHECK(s1 >= 0 && strcmp(r.locs[s1].name, "Kyiv") == 0);
    long s9 = dyad_geo_sentence_location(r.locs, r.n, 9);
    CHECK(s9 >= 0 && strcmp(r.locs[s9].name, "Moscow") == 0);
    dyad_arena_free(r.a);
    dyad_gazetteer_free(g);
}

static void test_geo_not_places(void)
{
    dyad_gazetteer *g = gaz("geo_not_places");
    if (!g)
        return;
    located r;
    locate(g, "Prime Minister Theresa May met Mr. Putin and President Trump. "
              "Many officials said nothing.", NULL, &r);
    CHECK_EQ_INT(r.n, 0);
    dyad_arena_free(r.a);
    locate(g, "", NULL, &r);
    CHECK_EQ_INT(r.n, 0);
    dyad_arena_free(r.a);
    dyad_gazetteer_free(g);
}

static void test_gazetteer_errors(void)
{
    dyad_gazetteer *g = NULL;
    dyad_error err;
    CHECK_EQ_INT(dyad_gazetteer_load("/nonexistent/gazetteer.bin", &g, &err), DYAD_EIO);
    CHECK(g == NULL);
    char path[64];
    snprintf(path, sizeof path, "/tmp/dyad-unit-gaz-%ld.bin", (long)getpid());
    FILE *fp = fopen(path, "wb");
    if (fp) {
        char junk[256];
        memset(junk, 'x', sizeof junk);
        fwrite(junk, 1, sizeof junk, fp);
        fclose(fp);
        CHECK_EQ_INT(dyad_gazetteer_load(path, &g, &err), DYAD_EMODEL);
        CHECK(g == NULL);
        remove(path);
    }
    dyad_gazetteer_free(NULL);
}

static void test_cleanup(void)
{
    if (tmp_lexicon[0])
        remove(tmp_lexicon);
}

const unit_case unit_gkg[] = {
    {"tone_counts", test_tone_counts},
    {"tone_negation", test_tone_negation},
    {"tone_activity_self", test_tone_activity_self},
    {"tone_doc_sentences", test_tone_doc_sentences},
    {"lexicon_errors", test_lexicon_errors},
    {"tone_real_lexicon", test_tone_real_lexicon},
    {"dates_table", test_dates_table},
    {"dates_bad_input", test_dates_bad_input},
    {"geo_paris", test_geo_paris},
    {"geo_georgia", test_geo_georgia},
    {"geo_washington", test_geo_washington},
    {"geo_patterns", test_geo_patterns},
    {"geo_not_places", test_geo_not_places},
    {"gazetteer_errors", test_gazetteer_errors},
    {"cleanup", test_cleanup},
    {NULL, NULL},
};
