/* store.c — documents (and every later layer) in SQLite: WAL mode, one
 * transaction per document, prepared statements only, idempotent by the
 * content hash of the cleaned body. */
#include "dyad.h"
#include "doc/json.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#define SCHEMA_VERSION "4"

/* The schema, one statement group a string (C limits literal length). */
static const char *const schema_parts[] = {
    "-- dyad database schema, version " SCHEMA_VERSION "\n"
    "CREATE TABLE IF NOT EXISTS meta (\n"
    "  key   TEXT PRIMARY KEY,\n"
    "  value TEXT\n"
    ");\n",
    "-- one row per document; hash = content hash of the cleaned body\n"
    "CREATE TABLE IF NOT EXISTS documents (\n"
    "  id          INTEGER PRIMARY KEY,\n"
    "  hash        TEXT NOT NULL UNIQUE,\n"
    "  doc         TEXT NOT NULL,   -- JSONL id or file name\n"
    "  path        TEXT,\n"
    "  url         TEXT,\n"
    "  source      TEXT,\n"
    "  title       TEXT,\n"
    "  kicker      TEXT,\n"
    "  byline      TEXT,            -- JSON array of names and agencies\n"
    "  publication TEXT,\n"
    "  dateline    TEXT,\n"
    "  date        TEXT,            -- YYYY-MM-DD or NULL\n"
    "  lang        TEXT,\n"
    "  body        TEXT NOT NULL,   -- cleaned text; offsets below index it\n"
    "  n_sentences INTEGER NOT NULL,\n"
    "  n_tokens    INTEGER NOT NULL,\n"
    "  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS documents_date ON documents(date);\n",
    "-- page debris taken out of the body, with its input line number\n"
    "CREATE TABLE IF NOT EXISTS removed (\n"
    "  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  line   INTEGER NOT NULL,\n"
    "  text   TEXT NOT NULL,\n"
    "  reason TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS removed_doc ON removed(doc_id);\n",
    "-- sentences: byte offsets [start, end) into documents.body\n"
    "CREATE TABLE IF NOT EXISTS sentences (\n"
    "  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  idx    INTEGER NOT NULL,\n"
    "  start  INTEGER NOT NULL,\n"
    "  end    INTEGER NOT NULL,\n"
    "  text   TEXT NOT NULL,\n"
    "  PRIMARY KEY (doc_id, idx)\n"
    ");\n",
    "-- coded events; source_*/target_* as in the record's events array\n"
    "CREATE TABLE IF NOT EXISTS events (\n"
    "  id             INTEGER PRIMARY KEY,\n"
    "  doc_id         INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  sentence       INTEGER NOT NULL,  -- index into sentences.idx\n"
    "  date           TEXT,\n"
    "  source_code    TEXT, source_country TEXT, source_name TEXT, source_text TEXT,\n"
    "  target_code    TEXT, target_country TEXT, target_name TEXT, target_text TEXT,\n"
    "  code           TEXT NOT NULL,     -- CAMEO event code\n"
    "  base           TEXT NOT NULL,\n"
    "  root           TEXT NOT NULL,\n"
    "  quad           INTEGER NOT NULL,\n"
    "  goldstein      REAL,\n"
    "  plover         TEXT,\n"
    "  mode           TEXT NOT NULL,     -- asserted negated hypothetical reported historical\n"
    "  verb           TEXT,\n"
    "  evidence       TEXT,\n"
    "  tone           REAL,              -- tone of the sentence\n"
    "  location       INTEGER            -- locations.idx of the action place, or NULL\n"
    ");\n",
    "-- geocoded places; mentions as JSON [{start,end,sentence}]\n"
    "CREATE TABLE IF NOT EXISTS locations (\n"
    "  doc_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  idx      INTEGER NOT NULL,\n"
    "  name     TEXT NOT NULL,\n"
    "  country  TEXT,\n"
    "  adm1     TEXT,\n"
    "  lat      REAL,\n"
    "  lon      REAL,\n"
    "  type     TEXT,\n"
    "  mentions TEXT,\n"
    "  PRIMARY KEY (doc_id, idx)\n"
    ");\n",
    "-- people, organisations and places; key merges spelling variants across documents\n"
    "CREATE TABLE IF NOT EXISTS entities (\n"
    "  doc_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  id       INTEGER NOT NULL,  -- dyad_entity.id within the document\n"
    "  name     TEXT NOT NULL,\n"
    "  key      TEXT,\n"
    "  type     TEXT NOT NULL,     -- PERSON ORG LOC\n"
    "  code     TEXT,              -- actor code at the document date\n"
    "  roles    TEXT,              -- JSON array\n"
    "  mentions TEXT,              -- JSON [{start,end,sentence}]\n"
    "  PRIMARY KEY (doc_id, id)\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS entities_key ON entities(key);\n",
    "CREATE TABLE IF NOT EXISTS quotes (\n"
    "  doc_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  idx     INTEGER NOT NULL,\n"
    "  speaker TEXT,\n"
    "  entity  INTEGER,           -- entities.id, or NULL\n"
    "  code    TEXT,\n"
    "  text    TEXT NOT NULL,\n"
    "  verb    TEXT,\n"
    "  start   INTEGER NOT NULL,  -- byte offsets into documents.body\n"
    "  end     INTEGER NOT NULL,\n"
    "  PRIMARY KEY (doc_id, idx)\n"
    ");\n",
    "-- tone of the document (sentence NULL) and of each sentence\n"
    "CREATE TABLE IF NOT EXISTS tone (\n"
    "  doc_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  sentence   INTEGER,\n"
    "  tone       REAL, positive REAL, negative REAL, polarity REAL,\n"
    "  activity   REAL, self_group REAL, words INTEGER\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS tone_doc ON tone(doc_id);\n"
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);\n"
    "CREATE INDEX IF NOT EXISTS events_dyad ON events(source_country, target_country, date);\n",
    "CREATE TABLE IF NOT EXISTS warnings (\n"
    "  doc_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  message TEXT NOT NULL\n"
    ");\n",
    NULL,
};

enum { ST_FIND, ST_DOC, ST_REMOVED, ST_SENT, ST_WARN, ST_EVENT, ST_LOC, ST_TONE, ST_ENT, ST_QUOTE,
       ST_BEGIN, ST_COMMIT, ST_ROLLBACK, ST_N };

static const char *const stmt_sql[ST_N] = {
    "SELECT id FROM documents WHERE hash = ?1",
    "INSERT INTO documents (hash, doc, path, url, source, title, kicker, byline, publication,"
    " dateline, date, lang, body, n_sentences, n_tokens)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    "INSERT INTO removed (doc_id, line, text, reason) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO sentences (doc_id, idx, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    "INSERT INTO warnings (doc_id, message) VALUES (?1, ?2)",
    "INSERT INTO events (doc_id, sentence, date, source_code, source_country, source_name,"
    " source_text, target_code, target_country, target_name, target_text, code, base, root,"
    " quad, goldstein, plover, mode, verb, evidence, tone, location)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,"
    " ?20, ?21, ?22)",
    "INSERT INTO locations (doc_id, idx, name, country, adm1, lat, lon, type, mentions)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    "INSERT INTO tone (doc_id, sentence, tone, positive, negative, polarity, activity, self_group,"
    " words) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    "INSERT INTO entities (doc_id, id, name, key, type, code, roles, mentions)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "INSERT INTO quotes (doc_id, idx, speaker, entity, code, text, verb, start, end)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    "BEGIN IMMEDIATE",
    "COMMIT",
    "ROLLBACK",
};

struct dyad_store {
    sqlite3 *db;
    sqlite3_stmt *st[ST_N];
    char *path;
};

int dyad_store_schema(FILE *fp)
{
    for (int i = 0; schema_parts[i]; i++)
        if (fputs(schema_parts[i], fp) == EOF)
            return DYAD_EIO;
    return 0;
}

static int db_error(dyad_store *s, dyad_error *err, const char *what)
{
    return dyad_error_set(err, DYAD_EDB, s ? s->path : NULL, -1, "%s: %s", what,
                          s && s->db ? sqlite3_errmsg(s->db) : "no database");
}

static int exec_schema(sqlite3 *db, char **msg)
{
    for (int i = 0; schema_parts[i]; i++) {
        int rc = sqlite3_exec(db, schema_parts[i], NULL, NULL, msg);
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

void dyad_store_close(dyad_store *s)
{
    if (!s)
        return;
    for (int i = 0; i < ST_N; i++)
        sqlite3_finalize(s->st[i]);
    sqlite3_close(s->db);
    free(s->path);
    free(s);
}

int dyad_store_open(const char *path, dyad_store **out, dyad_error *err)
{
    *out = NULL;
    dyad_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        return dyad_error_set(err, DYAD_ENOMEM, path, -1, "out of memory");
    }
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        int rc = db_error(s, err, "cannot open database");
        dyad_store_close(s);
        return rc;
    }
    sqlite3_busy_timeout(s->db, 10000);
    char *msg = NULL;
    if (sqlite3_exec(s->db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;",
                     NULL, NULL, &msg) != SQLITE_OK ||
        exec_schema(s->db, &msg) != SQLITE_OK ||
        sqlite3_exec(s->db, "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '"
                     SCHEMA_VERSION "')", NULL, NULL, &msg) != SQLITE_OK) {
        int rc = dyad_error_set(err, DYAD_EDB, path, -1, "cannot set up schema: %s",
                                msg ? msg : sqlite3_errmsg(s->db));
        sqlite3_free(msg);
        dyad_store_close(s);
        return rc;
    }
    for (int i = 0; i < ST_N; i++)
        if (sqlite3_prepare_v2(s->db, stmt_sql[i], -1, &s->st[i], NULL) != SQLITE_OK) {
            int rc = db_error(s, err, "cannot prepare statement");
            dyad_store_close(s);
            return rc;
        }
    *out = s;
    return 0;
}

static int bind_text(sqlite3_stmt *st, int i, const char *v, size_t n)
{
    if (!v)
        return sqlite3_bind_null(st, i);
    return sqlite3_bind_text(st, i, v, (int)n, SQLITE_TRANSIENT);
}

static int bind_str(sqlite3_stmt *st, int i, const char *v)
{
    return bind_text(st, i, v, v ? strlen(v) : 0);
}

static int step_done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : rc;
}

static void mentions_json(jbuf *m, const dyad_mention *ms, size_t n)
{
    jb_init(m, 0);
    jb_arr_open(m);
    for (size_t k = 0; k < n; k++) {
        jb_elem(m);
        jb_obj_open(m);
        jb_key(m, "start");
        jb_val_int(m, ms[k].start);
        jb_key(m, "end");
        jb_val_int(m, ms[k].end);
        jb_key(m, "sentence");
        jb_val_int(m, ms[k].sentence);
        jb_obj_close(m);
    }
    jb_arr_close(m);
}

static const char *entity_type(int t)
{
    return t == DYAD_ENT_PERSON ? "PERSON" : t == DYAD_ENT_ORG ? "ORG" : t == DYAD_ENT_LOC ? "LOC" : "X";
}

static int put_gkg(dyad_store *s, const dyad_doc *d, sqlite3_int64 id)
{
    sqlite3_stmt *st = s->st[ST_ENT];
    for (size_t i = 0; i < d->n_entities; i++) {
        const dyad_entity *e = &d->entities[i];
        jbuf roles, m;
        jb_init(&roles, 0);
        jb_arr_open(&roles);
        for (size_t k = 0; k < e->n_roles; k++) {
            jb_elem(&roles);
            jb_val_str(&roles, e->roles[k]);
        }
        jb_arr_close(&roles);
        mentions_json(&m, e->mentions, e->n_mentions);
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, e->id);
        bind_str(st, 3, e->name);
        bind_str(st, 4, e->key);
        bind_str(st, 5, entity_type(e->type));
        bind_str(st, 6, e->code);
        bind_text(st, 7, roles.oom ? "[]" : roles.p, roles.oom ? 2 : roles.n);
        bind_text(st, 8, m.oom ? "[]" : m.p, m.oom ? 2 : m.n);
        int bad = step_done(st);
        jb_free(&roles);
        jb_free(&m);
        if (bad)
            return 1;
    }
    st = s->st[ST_QUOTE];
    for (size_t i = 0; i < d->n_quotes; i++) {
        const dyad_quote *q = &d->quotes[i];
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        bind_str(st, 3, q->speaker);
        if (q->entity)
            sqlite3_bind_int64(st, 4, q->entity);
        bind_str(st, 5, q->code);
        bind_str(st, 6, q->text ? q->text : "");
        bind_str(st, 7, q->verb);
        sqlite3_bind_int64(st, 8, q->start);
        sqlite3_bind_int64(st, 9, q->end);
        if (step_done(st))
            return 1;
    }
    return 0;
}

static int put_rows(dyad_store *s, const dyad_doc *d, sqlite3_int64 id)
{
    if (put_gkg(s, d, id))
        return 1;
    sqlite3_stmt *st = s->st[ST_REMOVED];
    for (size_t i = 0; i < d->n_removed; i++) {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, d->removed[i].line);
        bind_str(st, 3, d->removed[i].text);
        bind_str(st, 4, d->removed[i].reason);
        if (step_done(st))
            return 1;
    }
    st = s->st[ST_SENT];
    for (size_t i = 0; i < d->n_sentences; i++) {
        const dyad_sentence *se = &d->sentences[i];
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(st, 3, se->start);
        sqlite3_bind_int64(st, 4, se->end);
        bind_text(st, 5, d->body + se->start, se->end - se->start);
        if (step_done(st))
            return 1;
    }
    st = s->st[ST_EVENT];
    for (size_t i = 0; i < d->n_events; i++) {
        const dyad_event *e = &d->events[i];
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, e->sentence);
        bind_str(st, 3, e->date && *e->date ? e->date : NULL);
        bind_str(st, 4, e->source.code);
        bind_str(st, 5, e->source.country);
        bind_str(st, 6, e->source.name);
        bind_str(st, 7, e->source.text);
        bind_str(st, 8, e->target.code);
        bind_str(st, 9, e->target.country);
        bind_str(st, 10, e->target.name);
        bind_str(st, 11, e->target.text);
        bind_str(st, 12, e->code);
        bind_str(st, 13, e->base);
        bind_str(st, 14, e->root);
        sqlite3_bind_int(st, 15, e->quad);
        sqlite3_bind_double(st, 16, e->goldstein);
        bind_str(st, 17, e->plover);
        bind_str(st, 18, dyad_event_mode_name(e->mode));
        bind_str(st, 19, e->verb);
        bind_str(st, 20, e->evidence);
        sqlite3_bind_double(st, 21, e->tone);
        if (e->location >= 0)
            sqlite3_bind_int64(st, 22, e->location);
        if (step_done(st))
            return 1;
    }
    st = s->st[ST_LOC];
    for (size_t i = 0; i < d->n_locations; i++) {
        const dyad_location *l = &d->locations[i];
        jbuf m;
        mentions_json(&m, l->mentions, l->n_mentions);
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        bind_str(st, 3, l->name);
        bind_str(st, 4, l->country);
        bind_str(st, 5, l->adm1);
        sqlite3_bind_double(st, 6, l->lat);
        sqlite3_bind_double(st, 7, l->lon);
        bind_str(st, 8, l->type);
        bind_text(st, 9, m.oom ? "[]" : m.p, m.oom ? 2 : m.n);
        int bad = step_done(st);
        jb_free(&m);
        if (bad)
            return 1;
    }
    st = s->st[ST_TONE];
    for (size_t i = 0; d->tone && i <= d->n_sentences; i++) {
        const dyad_tone *t = i == 0 ? d->tone : &d->sentence_tone[i - 1];
        sqlite3_bind_int64(st, 1, id);
        if (i > 0)
            sqlite3_bind_int64(st, 2, (sqlite3_int64)(i - 1));
        sqlite3_bind_double(st, 3, t->tone);
        sqlite3_bind_double(st, 4, t->positive);
        sqlite3_bind_double(st, 5, t->negative);
        sqlite3_bind_double(st, 6, t->polarity);
        sqlite3_bind_double(st, 7, t->activity);
        sqlite3_bind_double(st, 8, t->self_group);
        sqlite3_bind_int64(st, 9, t->words);
        if (step_done(st))
            return 1;
    }
    st = s->st[ST_WARN];
    for (size_t i = 0; i < d->n_warnings; i++) {
        sqlite3_bind_int64(st, 1, id);
        bind_str(st, 2, d->warnings[i]);
        if (step_done(st))
            return 1;
    }
    return 0;
}

int dyad_store_put(dyad_store *s, const dyad_doc *d, dyad_error *err)
{
    if (!s || !d)
        return dyad_error_set(err, DYAD_EUSAGE, NULL, -1, "no store or document");
    if (step_done(s->st[ST_BEGIN]))
        return db_error(s, err, "cannot begin transaction");
    sqlite3_stmt *st = s->st[ST_FIND];
    bind_str(st, 1, d->hash);
    int found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_int64 old = found ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (found) {
        step_done(s->st[ST_ROLLBACK]);
        return dyad_error_set(err, DYAD_EDUP, d->path, -1,
                              "already stored (document %lld, same content), skipped", (long long)old);
    }
    jbuf by;
    jb_init(&by, 0);
    jb_arr_open(&by);
    for (size_t i = 0; i < d->n_byline; i++) {
        jb_elem(&by);
        jb_val_str(&by, d->byline[i]);
    }
    jb_arr_close(&by);
    st = s->st[ST_DOC];
    bind_str(st, 1, d->hash);
    bind_str(st, 2, d->id);
    bind_str(st, 3, d->path);
    bind_str(st, 4, d->url);
    bind_str(st, 5, d->source);
    bind_str(st, 6, d->title);
    bind_str(st, 7, d->kicker);
    bind_text(st, 8, by.oom ? "[]" : by.p, by.oom ? 2 : by.n);
    bind_str(st, 9, d->publication);
    bind_str(st, 10, d->dateline);
    bind_str(st, 11, d->date);
    bind_str(st, 12, d->lang);
    bind_text(st, 13, d->body, d->body_len);
    sqlite3_bind_int64(st, 14, (sqlite3_int64)d->n_sentences);
    sqlite3_bind_int64(st, 15, (sqlite3_int64)d->n_tokens);
    int bad = step_done(st);
    jb_free(&by);
    sqlite3_int64 id = sqlite3_last_insert_rowid(s->db);
    if (bad || put_rows(s, d, id) || step_done(s->st[ST_COMMIT])) {
        int rc = db_error(s, err, "cannot store document");
        step_done(s->st[ST_ROLLBACK]); /* never half a document */
        return rc;
    }
    return 0;
}

int dyad_store_query_tsv(const char *path, const char *sql, FILE *fp, dyad_error *err)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        int rc = dyad_error_set(err, DYAD_EDB, path, -1, "cannot open database: %s",
                                db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return rc;
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        int rc = dyad_error_set(err, DYAD_EDB, path, -1, "%s", sqlite3_errmsg(db));
        sqlite3_close(db);
        return rc;
    }
    int rc, cols = sqlite3_column_count(st);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int c = 0; c < cols; c++) {
            const unsigned char *v = sqlite3_column_text(st, c);
            for (const unsigned char *p = v; p && *p; p++)
                fputc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, fp);
            fputc(c + 1 < cols ? '\t' : '\n', fp);
        }
    }
    int out = rc == SQLITE_DONE ? 0 : dyad_error_set(err, DYAD_EDB, path, -1, "%s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}
