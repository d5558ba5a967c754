/* test_doc.c — the document record: keys, escaping, parse-back. */
#include "unit.h"
#include "dyad.h"

#include <jansson.h>
#include <stdlib.h>

static json_t *record(const char *text, const dyad_options *opt, int pretty)
{
    dyad_input in = {0};
    in.path = "r.txt";
    in.id = "r";
    in.text = text;
    in.text_len = strlen(text);
    dyad_doc *d = NULL;
    if (dyad_doc_analyze(&in, opt, &d, NULL))
        return NULL;
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    dyad_doc_write_json(d, opt, fp, pretty);
    fclose(fp);
    json_t *j = json_loadb(buf, len, 0, NULL);
    free(buf);
    dyad_doc_free(d);
    return j;
}

static void stable_keys(void)
{
    static const char *const keys[] = {"doc", "path", "title", "kicker", "byline", "publication",
                                       "dateline", "date", "lang", "removed", "sentences",
                                       "entities", "quotes", "events", "locations", "tone", NULL};
    json_t *j = record("Title Here Today\n\nMOSCOW \xe2\x80\x94 The \"minister\" said\ttoday: \xe2\x80\x9cno.\xe2\x80\x9d Then he left.\n", NULL, 0);
    CHECK(j != NULL);
    if (!j)
        return;
    for (int i = 0; keys[i]; i++)
        CHECK(json_object_get(j, keys[i]) != NULL);
    CHECK_EQ_INT(json_integer_value(json_object_get(j, "sentences")), 2);
    CHECK_STR(json_string_value(json_object_get(j, "dateline")), "MOSCOW");
    CHECK(json_is_null(json_object_get(j, "date")));
    json_decref(j);
}

static void sentences_and_body(void)
{
    dyad_options opt = {0};
    opt.list_sentences = 1;
    opt.keep_body = 1;
    opt.date = "2018-07-16";
    json_t *j = record("Mr. Putin met Dr. Smith in St. Petersburg on Nov. 11. \"We agreed,\" he said.\n", &opt, 1);
    CHECK(j != NULL);
    if (!j)
        return;
    json_t *s = json_object_get(j, "sentences");
    CHECK_EQ_INT(json_array_size(s), 2);
    const char *body = json_string_value(json_object_get(j, "body"));
    for (size_t i = 0; body && i < json_array_size(s); i++) {
        json_t *o = json_array_get(s, i);
        size_t st = (size_t)json_integer_value(json_object_get(o, "start"));
        size_t en = (size_t)json_integer_value(json_object_get(o, "end"));
        const char *t = json_string_value(json_object_get(o, "text"));
        CHECK(en <= strlen(body) && st <= en);
        CHECK(t && strlen(t) == en - st && !strncmp(body + st, t, en - st));
    }
    CHECK_STR(json_string_value(json_object_get(j, "date")), "2018-07-16");
    json_decref(j);
}

static void errors_name_the_problem(void)
{
    dyad_input in = {0};
    in.path = "empty.txt";
    in.text = "  \n\n ";
    in.text_len = 5;
    dyad_doc *d = (dyad_doc *)1;
    dyad_error e = {0};
    CHECK_EQ_INT(dyad_doc_analyze(&in, NULL, &d, &e), DYAD_EEMPTY);
    CHECK(d == NULL);
    CHECK_STR(e.path, "empty.txt");
    CHECK(strstr(e.message, "empty") != NULL);
    dyad_doc_free(NULL);
}

const unit_case unit_doc[] = {
    {"stable_keys", stable_keys},
    {"sentences_and_body", sentences_and_body},
    {"errors_name_the_problem", errors_name_the_problem},
    {NULL, NULL},
};
