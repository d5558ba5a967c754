/* doc.c — the pipeline on one input (read → repair → clean → tokenize →
 * split → tag/parse) and the document record it produces. */
#include "dyad.h"
#include "util/hash.h"
#include "clean/clean.h"
#include "doc/json.h"
#include "read/html.h"

#include <stdlib.h>
#include <string.h>

/* 128-bit content hash: two 64-bit lanes over 8-byte words (multiply,
 * rotate, xor), finalised with a murmur-style avalanche.  Not cryptographic:
 * it only has to tell different bodies apart for idempotent ingest. */
static uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

static void content_hash(const char *s, size_t n, char out[33])
{
    uint64_t h1 = 0x9E3779B97F4A7C15ULL ^ n, h2 = 0xC2B2AE3D27D4EB4FULL + n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h1 = rotl64(h1 ^ (w * 0x87c37b91114253d5ULL), 31) * 0x4cf5ad432745937fULL;
        h2 = rotl64(h2 + w, 27) * 0x52dce729ULL + h1;
    }
    uint64_t tail = 0;
    for (size_t k = 0; i + k < n; k++)
        tail |= (uint64_t)(unsigned char)s[i + k] << (8 * k);
    h1 ^= tail * 0x87c37b91114253d5ULL;
    h2 ^= rotl64(tail, 33);
    h1 = dyad_fmix64(h1 + h2);
    h2 = dyad_fmix64(h2 + h1);
    static const char hex[] = "0123456789abcdef";
    for (int k = 0; k < 16; k++) {
        out[k] = hex[(h1 >> (60 - 4 * k)) & 15];
        out[16 + k] = hex[(h2 >> (60 - 4 * k)) & 15];
    }
    out[32] = '\0';
}

static int add_warning(dyad_doc *d, const char *msg)
{
    const char **w = dyad_arena_alloc(d->arena, (d->n_warnings + 1) * sizeof *w);
    if (!w)
        return DYAD_ENOMEM;
    if (d->n_warnings)
        memcpy(w, d->warnings, d->n_warnings * sizeof *w);
    w[d->n_warnings++] = dyad_arena_strdup(d->arena, msg);
    d->warnings = w;
    return 0;
}

/* Name the input on an error a lower stage reported without a path. */
static int with_path(dyad_error *err, int rc, const char *path)
{
    if (err) {
        err->code = rc;
        if (!err->path[0])
            snprintf(err->path, sizeof err->path, "%s", path);
    }
    return rc;
}

static int only_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' && s[i] != '\f')
            return 0;
    return 1;
}

static int parse_sentences(dyad_doc *d, const dyad_nlp *nlp, dyad_error *err)
{
    d->words = dyad_arena_calloc(d->arena, (d->n_sentences + 1) * sizeof *d->words);
    if (!d->words)
        return dyad_error_set(err, DYAD_ENOMEM, d->path, -1, "out of memory");
    size_t too_long = 0;
    for (size_t s = 0; s < d->n_sentences; s++) {
        const dyad_sentence *se = &d->sentences[s];
        size_t n = se->tok_end - se->tok_first;
        if (!n)
            continue;
        if (n > DYAD_MAX_PARSE_TOKENS) {
            too_long++; /* a table, a list, a run-on page: not a sentence to parse */
            continue;
        }
        dyad_word *w = dyad_arena_calloc(d->arena, n * sizeof *w);
        if (!w)
            return dyad_error_set(err, DYAD_ENOMEM, d->path, -1, "out of memory");
        for (size_t i = 0; i < n; i++) {
            const dyad_token *t = &d->tokens[se->tok_first + i];
            w[i].form = d->body + t->start;
            w[i].len = t->end - t->start;
            w[i].start = t->start;
        }
        int rc = dyad_nlp_annotate(nlp, d->arena, w, n, err);
        if (rc)
            return rc;
        d->words[s] = w;
    }
    if (too_long) {
        char msg[128];
        snprintf(msg, sizeof msg, "%zu sentence%s longer than %d tokens not parsed", too_long,
                 too_long == 1 ? "" : "s", DYAD_MAX_PARSE_TOKENS);
        return add_warning(d, msg);
    }
    return 0;
}

/* Tone and action location of each event from its sentence (its date and
 * the historical mode come with the coding: dyad_code_doc). */
static int place_events(dyad_doc *d)
{
    for (size_t i = 0; i < d->n_events; i++) {
        dyad_event *e = &d->events[i];
        e->location = -1;
        e->tone = 0;
        if (e->sentence >= d->n_sentences)
            continue;
        if (d->sentence_tone)
            e->tone = d->sentence_tone[e->sentence].tone;
        if (d->locations)
            e->location = dyad_geo_sentence_location(d->locations, d->n_locations, e->sentence);
    }
    return 0;
}

int dyad_doc_analyze(const dyad_input *in, const dyad_options *opt, dyad_doc **out,
                     dyad_error *err)
{
    static const dyad_options defaults = {0};
    if (!opt)
        opt = &defaults;
    *out = NULL;
    const char *path = in->path ? in->path : "-";
    size_t raw_len = in->html ? in->html_len : in->text_len;
    const char *raw = in->html ? in->html : in->text;
    if (!raw)
        return dyad_error_set(err, DYAD_EEMPTY, path, -1, "no text");
    dyad_arena *a = dyad_arena_new(raw_len * 3 + 4096 < (1u << 22) ? raw_len * 3 + 4096 : (1u << 22));
    dyad_doc *d = a ? dyad_arena_calloc(a, sizeof *d) : NULL;
    if (!d) {
        dyad_arena_free(a);
        return dyad_error_set(err, DYAD_ENOMEM, path, -1, "out of memory");
    }
    d->arena = a;
    d->id = dyad_arena_strdup(a, in->id ? in->id : path);
    d->path = dyad_arena_strdup(a, path);
    d->url = dyad_arena_strdup(a, in->url);
    d->source = dyad_arena_strdup(a, in->source);
    d->title = in->title && *in->title ? dyad_arena_strdup(a, in->title) : NULL;
    char date[11];
    if (in->date && dyad_date_parse(in->date, strlen(in->date), date, 0))
        d->date = dyad_arena_strdup(a, date);
    int rc = 0;

    /* 1. valid UTF-8 */
    size_t n, bad = 0;
    char *text = dyad_utf8_repair(a, raw, raw_len, &n, &bad);
    if (!text) {
        rc = dyad_error_set(err, DYAD_ENOMEM, path, -1, "out of memory");
        goto fail;
    }
    d->n_bad_utf8 = bad;
    if (bad) {
        char msg[96];
        snprintf(msg, sizeof msg, "%zu invalid UTF-8 sequence%s or NUL byte%s replaced", bad,
                 bad == 1 ? "" : "s", bad == 1 ? "" : "s");
        add_warning(d, msg);
    }
    /* 2. HTML → text */
    if (in->html) {
        dyad_html_meta meta;
        char *t;
        size_t tn;
        if ((rc = dyad_html_extract(a, text, n, &t, &tn, &meta, err))) {
            with_path(err, rc, path);
            goto fail;
        }
        text = t;
        n = tn;
        if (!d->title && meta.title)
            d->title = meta.title;
        if (!d->url && meta.url)
            d->url = meta.url;
        if (!d->date && meta.date && dyad_date_parse(meta.date, strlen(meta.date), date, 0))
            d->date = dyad_arena_strdup(a, date);
    }
    if (only_space(text, n)) {
        if (in->line > 1)
            rc = dyad_error_set(err, DYAD_EEMPTY, path, -1, "line %u: empty document, no text",
                                in->line);
        else
            rc = dyad_error_set(err, DYAD_EEMPTY, path, -1, "empty document, no text");
        goto fail;
    }
    /* 3. body and metadata */
    if ((rc = dyad_clean(a, text, n, d, err))) {
        with_path(err, rc, path);
        goto fail;
    }
    if (!d->body_len) {
        rc = dyad_error_set(err, DYAD_EEMPTY, path, -1, "no article text, only page debris (%zu lines)",
                            d->n_removed);
        goto fail;
    }
    if (opt->date) {
        if (!dyad_date_parse(opt->date, strlen(opt->date), date, 1)) {
            rc = dyad_error_set(err, DYAD_EUSAGE, path, -1, "bad --date '%s' (want YYYY-MM-DD)",
                                opt->date);
            goto fail;
        }
        d->date = dyad_arena_strdup(a, date);
    }
    content_hash(d->body, d->body_len, d->hash);
    /* 4. tokens and sentences */
    if ((rc = dyad_tokenize(a, d->body, d->body_len, &d->tokens, &d->n_tokens, err)) ||
        (rc = dyad_split_sentences(a, d->body, d->body_len, d->tokens, d->n_tokens,
                                   &d->sentences, &d->n_sentences, err))) {
        with_path(err, rc, path);
        goto fail;
    }
    d->lang = dyad_lang_detect(d->body, d->body_len, d->tokens, d->n_tokens);
    if (strcmp(d->lang, "en") != 0 && strcmp(d->lang, "und") != 0) {
        rc = dyad_error_set(err, DYAD_ELANG, path, -1,
                            "text is in another language (%s); dyad reads English news", d->lang);
        goto fail;
    }
    /* 5. tags and trees */
    if (opt->nlp && (rc = parse_sentences(d, opt->nlp, err))) {
        with_path(err, rc, path);
        goto fail;
    }
    /* 6. knowledge graph: tone, places */
    if (opt->lexicon) {
        d->tone = dyad_arena_calloc(a, sizeof *d->tone);
        d->sentence_tone = dyad_arena_calloc(a, (d->n_sentences + 1) * sizeof *d->sentence_tone);
        if (!d->tone || !d->sentence_tone) {
            rc = dyad_error_set(err, DYAD_ENOMEM, path, -1, "out of memory");
            goto fail;
        }
        dyad_tone_doc(opt->lexicon, d, d->tone, d->sentence_tone);
    }
    if (opt->gazetteer &&
        (rc = dyad_geo_locate_doc(opt->gazetteer, d, &d->locations, &d->n_locations, err))) {
        with_path(err, rc, path);
        goto fail;
    }
    /* who is who, who said what */
    if (opt->ner || opt->dict) {
        if ((rc = dyad_gkg_entities(opt->ner, opt->dict, d, a, &d->entities, &d->n_entities, err)) ||
            (rc = dyad_gkg_quotes(d, d->entities, d->n_entities, a, &d->quotes, &d->n_quotes, err))) {
            with_path(err, rc, path);
            goto fail;
        }
    }
    /* 7. events, each with its sentence's date, tone and place */
    if (opt->nlp && opt->dict) {
        if ((rc = dyad_code_doc(opt->dict, d, &d->events, &d->n_events, err))) {
            with_path(err, rc, path);
            goto fail;
        }
        if ((rc = place_events(d)))
            goto fail;
    }
    *out = d;
    return 0;
fail:
    dyad_arena_free(a);
    return rc ? rc : DYAD_ENOMEM;
}

void dyad_doc_free(dyad_doc *doc)
{
    if (doc)
        dyad_arena_free(doc->arena);
}

/* ---------------------------------------------------------------- record */

static void key_str(jbuf *b, const char *k, const char *v)
{
    jb_key(b, k);
    jb_val_str(b, v);
}

static void write_actor(jbuf *b, const char *key, const dyad_event_actor *a)
{
    jb_key(b, key);
    jb_obj_open(b);
    key_str(b, "code", a->code);
    key_str(b, "country", a->country);
    key_str(b, "name", a->name);
    key_str(b, "text", a->text);
    jb_obj_close(b);
}

static void write_event(jbuf *b, const dyad_event *e)
{
    jb_elem(b);
    jb_obj_open(b);
    jb_key(b, "sentence");
    jb_val_int(b, e->sentence);
    key_str(b, "text", e->text);
    key_str(b, "date", e->date && *e->date ? e->date : NULL);
    write_actor(b, "source", &e->source);
    write_actor(b, "target", &e->target);
    key_str(b, "code", e->code);
    key_str(b, "base", e->base);
    key_str(b, "root", e->root);
    jb_key(b, "quad");
    jb_val_int(b, e->quad);
    jb_key(b, "goldstein");
    jb_val_num(b, e->goldstein);
    key_str(b, "plover", e->plover);
    key_str(b, "mode", dyad_event_mode_name(e->mode));
    key_str(b, "verb", e->verb);
    key_str(b, "evidence", e->evidence);
    jb_key(b, "tone");
    jb_val_num(b, e->tone);
    jb_key(b, "location");
    if (e->location >= 0)
        jb_val_int(b, e->location);
    else
        jb_val_null(b);
    jb_obj_close(b);
}

static void write_mentions(jbuf *b, const dyad_mention *m, size_t n)
{
    jb_key(b, "mentions");
    jb_arr_open(b);
    for (size_t i = 0; i < n; i++) {
        jb_elem(b);
        jb_obj_open(b);
        jb_key(b, "start");
        jb_val_int(b, m[i].start);
        jb_key(b, "end");
        jb_val_int(b, m[i].end);
        jb_key(b, "sentence");
        jb_val_int(b, m[i].sentence);
        jb_obj_close(b);
    }
    jb_arr_close(b);
}

static void write_tone(jbuf *b, const dyad_tone *t)
{
    jb_obj_open(b);
    jb_key(b, "tone");
    jb_val_num(b, t->tone);
    jb_key(b, "positive");
    jb_val_num(b, t->positive);
    jb_key(b, "negative");
    jb_val_num(b, t->negative);
    jb_key(b, "polarity");
    jb_val_num(b, t->polarity);
    jb_key(b, "activity");
    jb_val_num(b, t->activity);
    jb_key(b, "self_group");
    jb_val_num(b, t->self_group);
    jb_key(b, "words");
    jb_val_int(b, t->words);
    jb_obj_close(b);
}

static const char *entity_type_name(int t)
{
    return t == DYAD_ENT_PERSON ? "PERSON" : t == DYAD_ENT_ORG ? "ORG" : t == DYAD_ENT_LOC ? "LOC" : "X";
}

static void write_entity(jbuf *b, const dyad_entity *e)
{
    jb_elem(b);
    jb_obj_open(b);
    jb_key(b, "id");
    jb_val_int(b, e->id);
    key_str(b, "name", e->name);
    key_str(b, "key", e->key);
    key_str(b, "type", entity_type_name(e->type));
    key_str(b, "code", e->code);
    jb_key(b, "roles");
    jb_arr_open(b);
    for (size_t i = 0; i < e->n_roles; i++) {
        jb_elem(b);
        jb_val_str(b, e->roles[i]);
    }
    jb_arr_close(b);
    write_mentions(b, e->mentions, e->n_mentions);
    jb_obj_close(b);
}

static void write_quote(jbuf *b, const dyad_quote *q)
{
    jb_elem(b);
    jb_obj_open(b);
    key_str(b, "speaker", q->speaker);
    jb_key(b, "entity");
    if (q->entity)
        jb_val_int(b, q->entity);
    else
        jb_val_null(b);
    key_str(b, "code", q->code);
    key_str(b, "text", q->text);
    key_str(b, "verb", q->verb);
    jb_key(b, "start");
    jb_val_int(b, q->start);
    jb_key(b, "end");
    jb_val_int(b, q->end);
    jb_obj_close(b);
}

static void write_location(jbuf *b, const dyad_location *l)
{
    jb_elem(b);
    jb_obj_open(b);
    key_str(b, "name", l->name);
    key_str(b, "country", l->country);
    key_str(b, "adm1", l->adm1);
    jb_key(b, "lat");
    jb_val_num(b, l->lat);
    jb_key(b, "lon");
    jb_val_num(b, l->lon);
    key_str(b, "type", l->type);
    write_mentions(b, l->mentions, l->n_mentions);
    jb_obj_close(b);
}

int dyad_doc_write_json(const dyad_doc *d, const dyad_options *opt, FILE *fp, int pretty)
{
    static const dyad_options defaults = {0};
    if (!opt)
        opt = &defaults;
    jbuf b;
    jb_init(&b, pretty);
    jb_obj_open(&b);
    key_str(&b, "doc", d->id);
    key_str(&b, "path", d->path);
    key_str(&b, "url", d->url);
    key_str(&b, "source", d->source);
    key_str(&b, "title", d->title);
    key_str(&b, "kicker", d->kicker);
    jb_key(&b, "byline");
    jb_arr_open(&b);
    for (size_t i = 0; i < d->n_byline; i++) {
        jb_elem(&b);
        jb_val_str(&b, d->byline[i]);
    }
    jb_arr_close(&b);
    key_str(&b, "publication", d->publication);
    key_str(&b, "dateline", d->dateline);
    key_str(&b, "date", d->date);
    key_str(&b, "lang", d->lang);
    key_str(&b, "hash", d->hash);
    jb_key(&b, "removed");
    jb_arr_open(&b);
    for (size_t i = 0; i < d->n_removed; i++) {
        jb_elem(&b);
        jb_obj_open(&b);
        jb_key(&b, "line");
        jb_val_int(&b, d->removed[i].line);
        key_str(&b, "text", d->removed[i].text);
        key_str(&b, "reason", d->removed[i].reason);
        jb_obj_close(&b);
    }
    jb_arr_close(&b);
    jb_key(&b, "sentences");
    if (opt->list_sentences) {
        jb_arr_open(&b);
        for (size_t i = 0; i < d->n_sentences; i++) {
            const dyad_sentence *s = &d->sentences[i];
            jb_elem(&b);
            jb_obj_open(&b);
            jb_key(&b, "start");
            jb_val_int(&b, s->start);
            jb_key(&b, "end");
            jb_val_int(&b, s->end);
            jb_key(&b, "text");
            jb_val_strn(&b, d->body + s->start, s->end - s->start);
            jb_obj_close(&b);
        }
        jb_arr_close(&b);
    } else {
        jb_val_int(&b, (long long)d->n_sentences);
    }
    jb_key(&b, "tokens");
    jb_val_int(&b, (long long)d->n_tokens);
    if (opt->keep_body) {
        jb_key(&b, "body");
        jb_val_strn(&b, d->body, d->body_len);
    }
    jb_key(&b, "warnings");
    jb_arr_open(&b);
    for (size_t i = 0; i < d->n_warnings; i++) {
        jb_elem(&b);
        jb_val_str(&b, d->warnings[i]);
    }
    jb_arr_close(&b);
    jb_key(&b, "events");
    jb_arr_open(&b);
    for (size_t i = 0; i < d->n_events; i++)
        write_event(&b, &d->events[i]);
    jb_arr_close(&b);
    jb_key(&b, "entities");
    jb_arr_open(&b);
    for (size_t i = 0; i < d->n_entities; i++)
        write_entity(&b, &d->entities[i]);
    jb_arr_close(&b);
    jb_key(&b, "quotes");
    jb_arr_open(&b);
    for (size_t i = 0; i < d->n_quotes; i++)
        write_quote(&b, &d->quotes[i]);
    jb_arr_close(&b);
    jb_key(&b, "locations");
    jb_arr_open(&b);
    for (size_t i = 0; i < d->n_locations; i++)
        write_location(&b, &d->locations[i]);
    jb_arr_close(&b);
    jb_key(&b, "tone");
    if (d->tone)
        write_tone(&b, d->tone);
    else
        jb_val_null(&b);
    jb_obj_close(&b);
    jb_raw(&b, "\n", 1);
    int rc = 0;
    if (b.oom)
        rc = DYAD_ENOMEM;
    else if (fwrite(b.p, 1, b.n, fp) != b.n)
        rc = DYAD_EIO;
    jb_free(&b);
    return rc;
}
