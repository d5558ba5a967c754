/* test_clean.c — the cleaner: debris by shape, metadata lines, datelines,
 * dates, language. */
#include "unit.h"
#include "dyad.h"
#include "clean/clean.h"

static dyad_doc *analyze(const char *text)
{
    dyad_input in = {0};
    in.path = "t.txt";
    in.id = "t";
    in.text = text;
    in.text_len = strlen(text);
    dyad_doc *d = NULL;
    dyad_error e = {0};
    if (dyad_doc_analyze(&in, NULL, &d, &e)) {
        fprintf(stderr, "    analyze: %s\n", e.message);
        return NULL;
    }
    return d;
}

static const char *reason_of(const dyad_doc *d, const char *prefix)
{
    for (size_t i = 0; i < d->n_removed; i++)
        if (!strncmp(d->removed[i].text, prefix, strlen(prefix)))
            return d->removed[i].reason;
    return NULL;
}

static int body_has(const dyad_doc *d, const char *s) { return strstr(d->body, s) != NULL; }

static const char article[] =
    "Current News\n"
    "News Analysis\n"
    "Leaders Meet in Geneva as Talks Resume\n"
    "Ilya Arkhipov and Henry Meyer, Bloomberg News\n"
    "Publication: Eurasia Daily Monitor Volume: 14 Issue: 65\n"
    "\n"
    "BONN, Germany (AP) \xe2\x80\x94 The foreign ministers of both countries met on Friday and agreed to resume talks next month, officials said.\n"
    "\n"
    "The two leaders shook hands in Moscow on Friday.CreditMaxim Zmeyev/Agence France-Presse \xe2\x80\x94 Getty Images\n"
    "\n"
    "Let's block ads! (Why?)\n"
    "\n"
    "\xe2\x80\x9cWe are ready,\xe2\x80\x9d the minister said. Mr. Lavrov did not comment.\n"
    "\n"
    "Garfield Peanuts Dilbert Zits Pickles Blondie Mutts\n"
    "\n"
    "blog comments powered by Disqus\n"
    "\n"
    "A version of this article appears in print on March 15, 2018, on Page A1 of the New York edition with the headline: Talks.\n"
    "\n"
    "Ilya Arkhipov reported from Moscow, and Henry Meyer from New York.\n";

static void metadata_lines(void)
{
    dyad_doc *d = analyze(article);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK_STR(d->title, "Leaders Meet in Geneva as Talks Resume");
    CHECK_STR(d->kicker, "News Analysis");
    CHECK_EQ_INT(d->n_byline, 3);
    if (d->n_byline == 3) {
        CHECK_STR(d->byline[0], "Ilya Arkhipov");
        CHECK_STR(d->byline[1], "Henry Meyer");
        CHECK_STR(d->byline[2], "Bloomberg News");
    }
    CHECK_STR(d->publication, "Eurasia Daily Monitor Volume: 14 Issue: 65");
    CHECK_STR(d->dateline, "BONN, Germany (AP)");
    CHECK_STR(d->date, "2018-03-15"); /* from the print note */
    CHECK_STR(d->lang, "en");
    CHECK(!strncmp(d->body, "The foreign ministers", 21));
    dyad_doc_free(d);
}

static void debris_by_shape(void)
{
    dyad_doc *d = analyze(article);
    if (!d) {
        CHECK(0);
        return;
    }
    CHECK_STR(reason_of(d, "Current News"), "site-header");
    CHECK_STR(reason_of(d, "The two leaders shook"), "caption");
    CHECK_STR(reason_of(d, "Let's block ads"), "ad");
    CHECK_STR(reason_of(d, "Garfield"), "nav-list");
    CHECK_STR(reason_of(d, "blog comments"), "widget");
    CHECK_STR(reason_of(d, "A version of this article"), "print-note");
    CHECK_STR(reason_of(d, "Ilya Arkhipov reported"), "credit");
    CHECK(body_has(d, "We are ready"));
    CHECK(!body_has(d, "Getty"));
    CHECK(!body_has(d, "Disqus"));
    /* line numbers are 1-based lines of the input */
    for (size_t i = 0; i < d->n_removed; i++)
        if (!strcmp(d->removed[i].reason, "caption"))
            CHECK_EQ_INT(d->removed[i].line, 9);
    dyad_doc_free(d);
}

static void source_caption(void)
{
    dyad_doc *d = analyze("Summit opens\n\nThe leaders met for two hours and agreed on a joint statement on trade, aides said.\n\n"
                          "President Trump speaks in Washington, DC, May 10 (Source: Reuters)\n\n"
                          "The talks will continue on Saturday in the capital, officials said.\n");
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK_STR(reason_of(d, "President Trump speaks"), "caption");
    dyad_doc_free(d);
}

static void datelines(void)
{
    static const struct { const char *text, *dateline, *start; } cases[] = {
        {"MOSCOW \xe2\x80\x94 The Kremlin said on Monday that the talks would go ahead as planned.", "MOSCOW", "The Kremlin"},
        {"MOSCOW -- The Kremlin said on Monday that the talks would go ahead as planned.", "MOSCOW", "The Kremlin"},
        {"WASHINGTON (Reuters) - The Treasury said on Monday it would impose new sanctions.", "WASHINGTON (Reuters)", "The Treasury"},
        {"ST. PETERSBURG, Russia \xe2\x80\x94 The forum opened on Friday with a speech by the president.", "ST. PETERSBURG, Russia", "The forum"},
        {"The Kremlin said on Monday that the talks would go ahead as planned, aides said.", NULL, "The Kremlin"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        dyad_doc *d = analyze(cases[i].text);
        CHECK(d != NULL);
        if (!d)
            continue;
        if (cases[i].dateline)
            CHECK_STR(d->dateline, cases[i].dateline);
        else
            CHECK(d->dateline == NULL);
        CHECK(!strncmp(d->body, cases[i].start, strlen(cases[i].start)));
        dyad_doc_free(d);
    }
}

static void hard_wrap_joined(void)
{
    dyad_doc *d = analyze("Cocoa review\n\nShowers continued throughout the week in the Bahia cocoa zone, alleviating\n"
                          "the drought since early January and improving prospects for the coming\n"
                          "temporao, the review said.\n    Arrivals for the week were 155,221 bags.\n");
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(body_has(d, "alleviating the drought"));
    CHECK(body_has(d, "coming temporao"));
    CHECK_EQ_INT(d->n_sentences, 2);
    dyad_doc_free(d);
}

static void dates(void)
{
    static const struct { const char *in, *out; int whole; } cases[] = {
        {"2018-07-16", "2018-07-16", 1},
        {"2018-07-16T10:30:00Z", "2018-07-16", 1},
        {"July 16, 2018", "2018-07-16", 1},
        {"Monday, July 16, 2018 10:30 AM ET", "2018-07-16", 1},
        {"Nov. 11, 2018", "2018-11-11", 1},
        {"Sept. 3, 2019", "2019-09-03", 1},
        {"16 July 2018", "2018-07-16", 1},
        {"Friday, January 4, 2019", "2019-01-04", 1},
        {"appears in print on March 15, 2018, on Page A1", "2018-03-15", 0},
        {"February 30, 2018", NULL, 1},
        {"The talks in July went well", NULL, 0},
        {"May 2018 was warm", NULL, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[11] = "";
        size_t got = dyad_date_parse(cases[i].in, strlen(cases[i].in), out, cases[i].whole);
        if (cases[i].out) {
            CHECK(got > 0);
            CHECK_STR(out, cases[i].out);
        } else {
            CHECK_EQ_INT(got, 0);
        }
    }
}

static void languages(void)
{
    static const struct { const char *text, *lang; } cases[] = {
        {"The minister said that the talks with the delegation would resume in the spring.", "en"},
        {"Le ministre a déclaré que les négociations avec la délégation reprendraient au printemps et que la situation est grave.", "fr"},
        {"Der Minister sagte, dass die Gespräche mit der Delegation im Frühjahr wieder aufgenommen werden und dass es nicht einfach ist.", "de"},
        {"El ministro dijo que las conversaciones con la delegación se reanudarán en la primavera y que la situación es grave.", "es"},
        {"Министр заявил, что переговоры с делегацией возобновятся весной.", "ru"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        dyad_arena *a = dyad_arena_new(0);
        dyad_token *t;
        size_t n;
        CHECK_EQ_INT(dyad_tokenize(a, cases[i].text, strlen(cases[i].text), &t, &n, NULL), 0);
        CHECK_STR(dyad_lang_detect(cases[i].text, strlen(cases[i].text), t, n), cases[i].lang);
        dyad_arena_free(a);
    }
}

static void title_from_metadata(void)
{
    const char *text = "Leaders Meet in Geneva\n\nThe foreign ministers met on Friday and agreed to resume talks, officials said.\n";
    dyad_input in = {0};
    in.path = "x.jsonl";
    in.id = "x";
    in.title = "Leaders Meet in Geneva";
    in.date = "2019-01-04T08:00:00Z";
    in.text = text;
    in.text_len = strlen(text);
    dyad_doc *d = NULL;
    CHECK_EQ_INT(dyad_doc_analyze(&in, NULL, &d, NULL), 0);
    if (!d)
        return;
    CHECK_STR(d->date, "2019-01-04");
    CHECK_STR(reason_of(d, "Leaders Meet"), "title");
    CHECK(!strncmp(d->body, "The foreign", 11));
    dyad_doc_free(d);
}

/* A long headline directly over its byline is not a hard-wrapped paragraph. */
static void long_title_over_byline(void)
{
    dyad_doc *d = analyze("At Helsinki Summit, Trump Sides With Putin Over His Own Intelligence Agencies\n"
                          "By Margaret Hollis and Anton Verbitsky, Example News\n\n"
                          "HELSINKI, Finland \xe2\x80\x94 President Trump stood beside President Vladimir V. Putin on Monday.\n");
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK_STR(d->title, "At Helsinki Summit, Trump Sides With Putin Over His Own Intelligence Agencies");
    CHECK_EQ_INT(d->n_byline, 3);
    CHECK_STR(d->dateline, "HELSINKI, Finland");
    CHECK_EQ_INT(d->n_sentences, 1);
    dyad_doc_free(d);
}

const unit_case unit_clean[] = {
    {"long_title_over_byline", long_title_over_byline},
    {"metadata_lines", metadata_lines},
    {"debris_by_shape", debris_by_shape},
    {"source_caption", source_caption},
    {"datelines", datelines},
    {"hard_wrap_joined", hard_wrap_joined},
    {"dates", dates},
    {"languages", languages},
    {"title_from_metadata", title_from_metadata},
    {NULL, NULL},
};
