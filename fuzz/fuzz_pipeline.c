/* fuzz_pipeline.c — libFuzzer target for reader-side text handling:
 * UTF-8 repair, HTML extraction, cleaner, tokenizer, sentence splitter and
 * the JSON record.  The first byte picks plain text or HTML.  Checks are
 * invariants: offsets inside the body, tokens and sentences ordered, the
 * body valid UTF-8 without NULs, the emitted JSON parses back. */
#include "dyad.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REQUIRE(c) do { if (!(c)) { fprintf(stderr, "invariant failed: %s (%s:%d)\n", #c, __FILE__, __LINE__); abort(); } } while (0)

static int valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!len || i + len > n)
            return 0;
        for (size_t k = 1; k < len; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
        i += len;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size < 1)
        return 0;
    dyad_input in;
    memset(&in, 0, sizeof in);
    in.path = "fuzz-input";
    in.id = "fuzz";
    in.line = 1;
    if (data[0] & 1) {
        in.html = (const char *)data + 1;
        in.html_len = size - 1;
    } else {
        in.text = (const char *)data + 1;
        in.text_len = size - 1;
    }
    if (data[0] & 2)
        in.title = "A title";
    dyad_options opt;
    memset(&opt, 0, sizeof opt);
    opt.list_sentences = 1;
    opt.keep_body = 1;
    dyad_doc *d = NULL;
    dyad_error err;
    memset(&err, 0, sizeof err);
    int rc = dyad_doc_analyze(&in, &opt, &d, &err);
    if (rc) {
        REQUIRE(d == NULL);
        REQUIRE(err.code == rc);
        REQUIRE(err.message[0] != '\0');
        return 0;
    }
    REQUIRE(d->body && strlen(d->body) == d->body_len);
    REQUIRE(valid_utf8((const unsigned char *)d->body, d->body_len));
    uint32_t prev_end = 0;
    for (size_t i = 0; i < d->n_tokens; i++) {
        const dyad_token *t = &d->tokens[i];
        REQUIRE(t->start < t->end && t->end <= d->body_len);
        REQUIRE(t->start >= prev_end);
        prev_end = t->end;
    }
    uint32_t next_tok = 0, prev_s = 0;
    for (size_t i = 0; i < d->n_sentences; i++) {
        const dyad_sentence *s = &d->sentences[i];
        REQUIRE(s->start <= s->end && s->end <= d->body_len);
        REQUIRE(s->start >= prev_s);
        prev_s = s->end;
        REQUIRE(s->tok_first == next_tok && s->tok_first <= s->tok_end && s->tok_end <= d->n_tokens);
        next_tok = s->tok_end;
        if (s->tok_end > s->tok_first) {
            REQUIRE(d->tokens[s->tok_first].start >= s->start);
            REQUIRE(d->tokens[s->tok_end - 1].end <= s->end);
        }
    }
    REQUIRE(next_tok == d->n_tokens);
    for (size_t i = 0; i < d->n_removed; i++)
        REQUIRE(d->removed[i].line >= 1 && d->removed[i].reason && d->removed[i].text);
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    REQUIRE(fp);
    REQUIRE(dyad_doc_write_json(d, &opt, fp, (data[0] & 4) != 0) == 0);
    fclose(fp);
    json_error_t je;
    json_t *j = json_loadb(buf, len, 0, &je);
    if (!j)
        fprintf(stderr, "JSON does not parse back: %s at %d\n", je.text, je.position);
    REQUIRE(j && json_is_object(j));
    REQUIRE(json_is_array(json_object_get(j, "sentences")));
    REQUIRE(json_array_size(json_object_get(j, "sentences")) == d->n_sentences);
    json_t *body = json_object_get(j, "body");
    REQUIRE(json_is_string(body) && json_string_length(body) == d->body_len);
    json_decref(j);
    free(buf);
    dyad_doc_free(d);
    return 0;
}
