/* test_store.c — SQLite store: schema, idempotency, whole documents. */
#include "unit.h"
#include "dyad.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

static dyad_doc *make_doc(const char *text)
{
    dyad_input in = {0};
    in.path = "s.txt";
    in.id = "s";
    in.text = text;
    in.text_len = strlen(text);
    dyad_doc *d = NULL;
    dyad_doc_analyze(&in, NULL, &d, NULL);
    return d;
}

static long long count(const char *db, const char *sql)
{
    sqlite3 *h;
    long long n = -1;
    if (sqlite3_open(db, &h) == SQLITE_OK) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(h);
    return n;
}

static void idempotent_ingest(void)
{
    char db[] = "/tmp/dyad-store-XXXXXX";
    int fd = mkstemp(db);
    CHECK(fd >= 0);
    close(fd);
    dyad_store *s = NULL;
    dyad_error e = {0};
    CHECK_EQ_INT(dyad_store_open(db, &s, &e), 0);
    dyad_doc *a = make_doc("Talks Resume\n\nThe ministers met on Friday. They agreed to meet again.\n");
    dyad_doc *b = make_doc("Other Story\n\nThe envoy left on Monday. Nobody said why.\n");
    CHECK(a && b);
    if (a && b) {
        CHECK_EQ_INT(dyad_store_put(s, a, &e), 0);
        CHECK_EQ_INT(dyad_store_put(s, b, &e), 0);
        CHECK_EQ_INT(dyad_store_put(s, a, &e), DYAD_EDUP);
        CHECK(strstr(e.message, "already stored") != NULL);
    }
    dyad_store_close(s);
    CHECK_EQ_INT(count(db, "select count(*) from documents"), 2);
    CHECK_EQ_INT(count(db, "select count(*) from sentences"), 4);
    CHECK_EQ_INT(count(db, "select count(*) from documents where title = 'Talks Resume'"), 1);
    CHECK_EQ_INT(count(db, "select count(*) from removed where reason = 'title'"), 2);
    /* reopening keeps the data and the schema */
    CHECK_EQ_INT(dyad_store_open(db, &s, &e), 0);
    dyad_store_close(s);
    CHECK_EQ_INT(count(db, "select count(*) from documents"), 2);
    dyad_doc_free(a);
    dyad_doc_free(b);
    char side[64];
    unlink(db);
    snprintf(side, sizeof side, "%s-wal", db);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", db);
    unlink(side);
    dyad_store_close(NULL);
}

static void bad_path(void)
{
    dyad_store *s = (dyad_store *)1;
    dyad_error e = {0};
    CHECK_EQ_INT(dyad_store_open("/nonexistent-dir/x/y.db", &s, &e), DYAD_EDB);
    CHECK(s == NULL);
    CHECK(e.message[0] != '\0');
}

const unit_case unit_store[] = {
    {"idempotent_ingest", idempotent_ingest},
    {"bad_path", bad_path},
    {NULL, NULL},
};
