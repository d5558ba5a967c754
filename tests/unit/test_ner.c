/* test_ner.c — unit cases of the knowledge-graph stage: named entities,
 * who is who (keys, links, codes, roles) and quotations.  The actor
 * dictionary is a small fixed set written here (plus the repository's
 * dict/verbs.txt and dict/cameo.tsv, which the loader requires), so the
 * cases do not move when the real actor files grow.  Entity cases run
 * without the NER model (dictionary names and patterns only) so that they
 * test our rules, not a statistical model; one case checks the trained
 * model when models/ner-en.bin is there. */
#include "unit.h"
#include "dyad.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *COUNTRIES =
    "USA | name=United States; U.S.; America | adj=American | capital=Washington\n"
    "RUS | name=Russia; Russian Federation | adj=Russian | capital=Moscow\n"
    "GBR | name=United Kingdom; Britain | adj=British | capital=London\n"
    "DEU | name=Germany | adj=German | capital=Berlin\n";
static const char *INSTITUTIONS = "RUSGOV | name=the Kremlin; Kremlin | country=RUS\n";
static const char *PEOPLE =
    "Vladimir Putin | country=RUS | alias=Vladimir V. Putin; Putin | role=RUSGOV 2012-05-07.. President\n"
    "Dmitry Peskov | country=RUS | alias=Dmitri Peskov; Peskov | role=RUSGOV 2012-05-22.. Kremlin spokesman\n"
    "Theresa May | country=GBR | role=GBRGOV 2016-07-13..2019-07-24 Prime Minister\n";

static dyad_dict *dict;

static int write_file(const char *dir, const char *name, const char *text, size_t n)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    if (!fp)
        return -1;
    fwrite(text, 1, n, fp);
    return fclose(fp);
}

static int copy_file(const char *from, const char *dir, const char *name)
{
    FILE *fp = fopen(from, "rb");
    if (!fp)
        return -1;
    size_t cap = 1 << 16, n = 0, r;
    char *buf = malloc(cap);
    while (buf && (r = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            } else
                buf = nb;
        }
    }
    fclose(fp);
    int rc = buf ? write_file(dir, name, buf, n) : -1;
    free(buf);
    return rc;
}

static const dyad_dict *test_dict(void)
{
    if (dict)
        return dict;
    char dir[64], sub[96];
    snprintf(dir, sizeof dir, "/tmp/dyad-ner-unit-%ld", (long)getpid());
    snprintf(sub, sizeof sub, "%s/actors", dir);
    mkdir(dir, 0700);
    mkdir(sub, 0700);
    write_file(sub, "countries.txt", COUNTRIES, strlen(COUNTRIES));
    write_file(sub, "institutions.txt", INSTITUTIONS, strlen(INSTITUTIONS));
    write_file(sub, "people.txt", PEOPLE, strlen(PEOPLE));
    copy_file("dict/verbs.txt", dir, "verbs.txt");
    copy_file("dict/cameo.tsv", dir, "cameo.tsv");
    dyad_error err;
    if (dyad_dict_load(dir, &dict, &err))
        dict = NULL;
    return dict;
}

static dyad_arena *scratch;
static dyad_arena *scratch_arena(void)
{
    if (!scratch)
        scratch = dyad_arena_new(0);
    return scratch;
}

typedef struct run {
    dyad_doc *doc;
    dyad_entity *ents;
    size_t n_ents;
    dyad_quote *quotes;
    size_t n_quotes;
} run;

static int analyze(const char *text, const char *date, const dyad_ner *ner, run *r)
{
    memset(r, 0, sizeof *r);
    dyad_input in;
    memset(&in, 0, sizeof in);
    in.id = "t";
    in.path = "t.txt";
    /* a headline first: the cleaner takes the first short line as title */
    size_t tl = strlen(text);
    char *full = dyad_arena_alloc(scratch_arena(), tl + 32);
    if (!full)
        return -1;
    memcpy(full, "A Headline For The Test\n\n", 25);
    memcpy(full + 25, text, tl + 1);
    in.text = full;
    in.text_len = tl + 25;
    in.date = date;
    dyad_options opt;
    memset(&opt, 0, sizeof opt);
    opt.date = date;
    dyad_error err;
    if (dyad_doc_analyze(&in, &opt, &r->doc, &err))
        return -1;
    if (dyad_gkg_entities(ner, test_dict(), r->doc, r->doc->arena, &r->ents, &r->n_ents, &err))
        return -1;
    return dyad_gkg_quotes(r->doc, r->ents, r->n_ents, r->doc->arena, &r->quotes,
                           &r->n_quotes, &err);
}

/* the entity whose mentions cover the first occurrence of s, or NULL */
static const dyad_entity *entity_of(const run *r, const char *s)
{
    const char *p = strstr(r->doc->body, s);
    if (!p)
        return NULL;
    uint32_t st = (uint32_t)(p - r->doc->body), en = st + (uint32_t)strlen(s);
    for (size_t e = 0; e < r->n_ents; e++)
        for (size_t m = 0; m < r->ents[e].n_mentions; m++)
            if (r->ents[e].mentions[m].start < en && st < r->ents[e].mentions[m].end)
                return &r->ents[e];
    return NULL;
}

static void keys_merge_variants(void)
{
    dyad_arena *a = dyad_arena_new(0);
#define KEY(s) dyad_gkg_person_key(a, s, strlen(s))
    CHECK_STR(KEY("Dmitri S. Peskov"), "dmitry peskov");
    CHECK_STR(KEY("Dmitry Peskov"), "dmitry peskov");
    CHECK_STR(KEY("Andrei V. Kortunov"), KEY("Andrey Kortunov"));
    CHECK_STR(KEY("Recep Tayyip Erdoğan"), KEY("Recep Tayyip Erdogan"));
    CHECK_STR(KEY("Sergei Lavrov"), KEY("Sergey Lavrov"));
    CHECK_STR(KEY("Aleksei Navalny"), KEY("Alexei Navalny"));
    CHECK_STR(KEY("Volodymyr Zelenskyy"), KEY("Volodymyr Zelensky"));
    CHECK_STR(KEY("Zelenskiy"), KEY("Zelensky"));
    CHECK_STR(KEY("Vladimir Vladimirovich Putin"), "vladimir putin");
    CHECK_STR(KEY("Kim Jong-un"), KEY("Kim Jong Un"));
    /* different people who share a surname stay apart */
    CHECK(strcmp(KEY("Joe Biden"), KEY("Hunter Biden")) != 0);
    CHECK(strcmp(KEY("Dmitry Peskov"), KEY("Yelena Peskova")) != 0);
#undef KEY
    dyad_arena_free(a);
}

static void putin_mentions_link(void)
{
    run r;
    const char *text =
        "MOSCOW — President Vladimir V. Putin of Russia met the visiting ministers on Monday.\n\n"
        "Mr. Putin said the talks had been useful. Later the Russian president left for "
        "Sochi, where he spoke to reporters. Putin did not take questions.\n";
    CHECK_EQ_INT(analyze(text, "2019-03-04", NULL, &r), 0);
    if (!r.doc)
        return;
    const dyad_entity *e = entity_of(&r, "Vladimir V. Putin");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->name, "Vladimir Putin");
        CHECK_STR(e->key, "vladimir putin");
        CHECK_STR(e->code, "RUSGOV");
        CHECK(e->type == DYAD_ENT_PERSON);
        CHECK(entity_of(&r, "Mr. Putin") == e);
        CHECK(entity_of(&r, "the Russian president") == e);
        CHECK(entity_of(&r, "he spoke") == e);
        CHECK(entity_of(&r, "Putin did") == e);
        int role = 0;
        for (size_t i = 0; i < e->n_roles; i++)
            role |= !strcmp(e->roles[i], "President of Russia");
        CHECK(role);
    }
    dyad_doc_free(r.doc);
}

static void peskov_variants_one_key(void)
{
    run r;
    const char *text =
        "On Tuesday the Kremlin spokesman, Dmitri S. Peskov, said no meeting was planned.\n\n"
        "On Wednesday Dmitry Peskov confirmed that it had taken place, and Andrei V. "
        "Kortunov, head of the Russian International Affairs Council, said it was a surprise.\n";
    CHECK_EQ_INT(analyze(text, "2017-04-12", NULL, &r), 0);
    if (!r.doc)
        return;
    const dyad_entity *e = entity_of(&r, "Dmitri S. Peskov");
    CHECK(e != NULL);
    if (e) {
        CHECK(entity_of(&r, "Dmitry Peskov") == e);
        CHECK_STR(e->key, "dmitry peskov");
        CHECK_STR(e->code, "RUSGOV");
        int role = 0;
        for (size_t i = 0; i < e->n_roles; i++)
            role |= !strcmp(e->roles[i], "Kremlin spokesman");
        CHECK(role);
    }
    dyad_doc_free(r.doc);
}

static void may_month_or_person(void)
{
    run r;
    const char *text =
        "In May, Prime Minister Theresa May said Britain would leave.\n\n"
        "Mrs. May repeated it on 3 May in London.\n";
    CHECK_EQ_INT(analyze(text, "2017-06-01", NULL, &r), 0);
    if (!r.doc)
        return;
    const dyad_entity *e = entity_of(&r, "Theresa May");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->code, "GBRGOV");
        CHECK(entity_of(&r, "Mrs. May") == e);
    }
    CHECK(entity_of(&r, "In May") == NULL);
    CHECK(entity_of(&r, "3 May") == NULL);
    dyad_doc_free(r.doc);
}

static void quotes_split_around_attribution(void)
{
    run r;
    const char *text =
        "Vladimir Putin spoke in Moscow on Monday.\n\n"
        "\xE2\x80\x9CWe will not retreat,\xE2\x80\x9D said Mr. Putin. \xE2\x80\x9CThe West must "
        "listen to us now.\xE2\x80\x9D\n\n"
        "\"Nobody wants a war,\" he added.\n";
    CHECK_EQ_INT(analyze(text, "2019-03-04", NULL, &r), 0);
    if (!r.doc)
        return;
    CHECK_EQ_INT(r.n_quotes, 3);
    if (r.n_quotes == 3) {
        CHECK_STR(r.quotes[0].text, "We will not retreat,");
        CHECK_STR(r.quotes[0].speaker, "Vladimir Putin");
        CHECK_STR(r.quotes[0].verb, "said");
        CHECK_STR(r.quotes[0].code, "RUSGOV");
        CHECK(r.quotes[0].entity != 0);
        CHECK_STR(r.quotes[1].text, "The West must listen to us now.");
        CHECK_STR(r.quotes[1].speaker, "Vladimir Putin");
        CHECK_STR(r.quotes[2].text, "Nobody wants a war,");
        CHECK_STR(r.quotes[2].speaker, "Vladimir Putin");
        CHECK_STR(r.quotes[2].verb, "added");
        const char *b = r.doc->body;
        CHECK(!strncmp(b + r.quotes[1].start, "The West", 8));
        CHECK_EQ_INT(r.quotes[1].end - r.quotes[1].start, strlen("The West must listen to us now."));
    }
    dyad_doc_free(r.doc);
}

static void scare_quotes_ignored(void)
{
    run r;
    const char *text =
        "The so-called \xE2\x80\x9C" "experts\xE2\x80\x9D met in a \xE2\x80\x9Csafe house\xE2\x80\x9D "
        "near the border on Monday.\n\n"
        "According to Dmitry Peskov, the talks were \xE2\x80\x9C" "constructive and calm.\xE2\x80\x9D\n";
    CHECK_EQ_INT(analyze(text, "2019-03-04", NULL, &r), 0);
    if (!r.doc)
        return;
    CHECK_EQ_INT(r.n_quotes, 1);
    if (r.n_quotes == 1) {
        CHECK_STR(r.quotes[0].text, "constructive and calm.");
        CHECK_STR(r.quotes[0].speaker, "Dmitry Peskov");
        CHECK_STR(r.quotes[0].verb, "according to");
    }
    dyad_doc_free(r.doc);
}

static void multi_paragraph_and_partial_quotes(void)
{
    run r;
    const char *text =
        "Vladimir Putin crowed that the sanctions would \xE2\x80\x98make us stronger\xE2\x80\x99 "
        "in the end.\n\n"
        "\xE2\x80\x9CWe have seen this before,\xE2\x80\x9D Mr. Putin said. \xE2\x80\x9CIn the "
        "nineties they tried the same thing.\n\n"
        "\xE2\x80\x9CIt did not work then and it will not work now.\xE2\x80\x9D\n";
    CHECK_EQ_INT(analyze(text, "2019-03-04", NULL, &r), 0);
    if (!r.doc)
        return;
    CHECK_EQ_INT(r.n_quotes, 4);
    if (r.n_quotes == 4) {
        CHECK_STR(r.quotes[0].text, "make us stronger");
        CHECK_STR(r.quotes[0].speaker, "Vladimir Putin");
        CHECK_STR(r.quotes[0].verb, "crowed");
        CHECK_STR(r.quotes[2].text, "In the nineties they tried the same thing.");
        CHECK_STR(r.quotes[3].text, "It did not work then and it will not work now.");
        CHECK_STR(r.quotes[3].speaker, "Vladimir Putin");
    }
    dyad_doc_free(r.doc);
}

static void ner_person_org_place(void)
{
    dyad_ner *ner = NULL;
    dyad_error err;
    if (dyad_ner_load(NULL, &ner, &err))
        return; /* no trained model in this checkout: nothing to test */
    const char *forms[] = {"John", "Smith", ",", "a", "spokesman", "for", "Microsoft",
                           "Corporation", ",", "said", "in", "London", "on", "Monday", "."};
    enum { N = sizeof forms / sizeof *forms };
    uint32_t lens[N];
    uint8_t ty[N], bg[N];
    for (size_t i = 0; i < N; i++)
        lens[i] = (uint32_t)strlen(forms[i]);
    dyad_arena *a = dyad_arena_new(0);
    CHECK_EQ_INT(dyad_ner_tag(ner, NULL, a, forms, lens, NULL, N, ty, bg, &err), 0);
    CHECK_EQ_INT(ty[0], DYAD_ENT_PERSON);
    CHECK_EQ_INT(bg[0], 1);
    CHECK_EQ_INT(ty[1], DYAD_ENT_PERSON);
    CHECK_EQ_INT(bg[1], 0);
    CHECK_EQ_INT(ty[4], 0);
    CHECK_EQ_INT(ty[6], DYAD_ENT_ORG);
    CHECK_EQ_INT(bg[6], 1);
    CHECK_EQ_INT(ty[7], DYAD_ENT_ORG);
    CHECK_EQ_INT(ty[11], DYAD_ENT_LOC);
    CHECK_EQ_INT(ty[13], 0);
    dyad_arena_free(a);
    dyad_ner_free(ner);
}

static void model_errors(void)
{
    dyad_ner *ner = (dyad_ner *)1;
    dyad_error err;
    CHECK_EQ_INT(dyad_ner_load("/nonexistent-dir", &ner, &err), DYAD_EMODEL);
    CHECK(ner == NULL);
    dyad_ner_free(NULL);
    dyad_entity *e = NULL;
    size_t n = 7;
    CHECK_EQ_INT(dyad_gkg_entities(NULL, NULL, NULL, NULL, &e, &n, &err), DYAD_EUSAGE);
}

static void cleanup(void)
{
    dyad_dict_free(dict);
    dict = NULL;
    dyad_arena_free(scratch);
    scratch = NULL;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf /tmp/dyad-ner-unit-%ld", (long)getpid());
    if (system(cmd)) {
    }
}

const unit_case unit_ner[] = {
    {"keys_merge_variants", keys_merge_variants},
    {"putin_mentions_link", putin_mentions_link},
    {"peskov_variants_one_key", peskov_variants_one_key},
    {"may_month_or_person", may_month_or_person},
    {"quotes_split_around_attribution", quotes_split_around_attribution},
    {"scare_quotes_ignored", scare_quotes_ignored},
    {"multi_paragraph_and_partial_quotes", multi_paragraph_and_partial_quotes},
    {"ner_person_org_place", ner_person_org_place},
    {"model_errors", model_errors},
    {"cleanup", cleanup},
    {NULL, NULL}};
