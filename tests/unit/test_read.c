/* test_read.c — the reader: files, directories, JSON Lines, HTML, errors
 * that do not stop the iteration. */
#include "unit.h"
#include "dyad.h"
#include "read/html.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[64];

static void write_file(const char *name, const char *content)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *fp = fopen(path, "wb");
    if (fp) {
        fputs(content, fp);
        fclose(fp);
    }
}

static void setup(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dyad-unit-XXXXXX");
    if (!mkdtemp(tmpdir))
        tmpdir[0] = '\0';
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "    could not remove %s\n", tmpdir);
}

static void directory_sorted_recursive(void)
{
    setup();
    char sub[128];
    snprintf(sub, sizeof sub, "%s/sub", tmpdir);
    mkdir(sub, 0755);
    write_file("b.txt", "Second file.\n");
    write_file("a.txt", "First file.\n");
    write_file("sub/c.html", "<html><body><p>Third.</p></body></html>");
    write_file("notes.md", "not an article");
    write_file("d.jsonl", "{\"id\":\"j1\",\"text\":\"One.\",\"date\":\"2020-01-02\"}\n{bad\n{\"id\":\"j3\",\"html\":\"<p>Three.</p>\"}\n");
    dyad_reader *r = dyad_reader_new();
    dyad_error e = {0};
    CHECK_EQ_INT(dyad_reader_add(r, tmpdir, &e), 0);
    const char *want[] = {"a.txt", "b.txt", "j1", "!", "j3", "c.html"};
    size_t k = 0;
    dyad_input in;
    int rc;
    while ((rc = dyad_reader_next(r, &in, &e)) != 0 && k < 6) {
        if (rc < 0) {
            CHECK_STR(want[k], "!");
            CHECK(strstr(e.message, "line 2") != NULL);
        } else {
            CHECK_STR(in.id, want[k]);
            if (!strcmp(in.id, "j1")) {
                CHECK_STR(in.date, "2020-01-02");
                CHECK_EQ_INT(in.line, 1);
            }
            if (!strcmp(in.id, "j3") || !strcmp(in.id, "c.html"))
                CHECK(in.html != NULL && in.text == NULL);
        }
        k++;
    }
    CHECK_EQ_INT(k, 6);
    CHECK_EQ_INT(dyad_reader_next(r, &in, &e), 0);
    dyad_reader_free(r);
    teardown();
}

static void missing_and_binary(void)
{
    setup();
    char bin[4096];
    for (size_t i = 0; i < sizeof bin; i++)
        bin[i] = (char)(i % 7 == 0 ? 0 : 1);
    char path[256];
    snprintf(path, sizeof path, "%s/bin.txt", tmpdir);
    FILE *fp = fopen(path, "wb");
    if (fp) {
        fwrite(bin, 1, sizeof bin, fp);
        fclose(fp);
    }
    write_file("ok.txt", "Fine.\n");
    char missing[256], ok[256];
    snprintf(missing, sizeof missing, "%s/missing.txt", tmpdir);
    snprintf(ok, sizeof ok, "%s/ok.txt", tmpdir);
    dyad_reader *r = dyad_reader_new();
    dyad_reader_add(r, missing, NULL);
    dyad_reader_add(r, path, NULL);
    dyad_reader_add(r, ok, NULL);
    dyad_input in;
    dyad_error e = {0};
    CHECK_EQ_INT(dyad_reader_next(r, &in, &e), -1);
    CHECK_EQ_INT(e.code, DYAD_EIO);
    CHECK_STR(e.path, missing);
    CHECK_EQ_INT(dyad_reader_next(r, &in, &e), -1);
    CHECK_EQ_INT(e.code, DYAD_EBINARY);
    CHECK_EQ_INT(dyad_reader_next(r, &in, &e), 1);
    CHECK_STR(in.id, "ok.txt");
    CHECK_EQ_INT(dyad_reader_next(r, &in, &e), 0);
    dyad_reader_free(r);
    dyad_reader_free(NULL);
    teardown();
}

static void html_article_root(void)
{
    const char *html =
        "<!DOCTYPE html><html><head><title>Site | Talks resume</title>"
        "<meta property=\"article:published_time\" content=\"2019-02-28T09:00:00Z\">"
        "<script>var x = '<p>not text</p>';</script></head><body>"
        "<nav><a href=\"/\">Home</a> <a>World</a></nav>"
        "<article><h1>Talks Resume in Hanoi</h1><p>The two leaders <b>met</b> on Thursday.</p>"
        "<figure><img src=x.jpg><figcaption>The leaders.CreditJane Roe/Example</figcaption></figure>"
        "<p>They spoke for two hours.<br>Aides said little.</p></article>"
        "<footer>Copyright 2019</footer></body></html>";
    dyad_arena *a = dyad_arena_new(0);
    char *text;
    size_t n;
    dyad_html_meta m;
    CHECK_EQ_INT(dyad_html_extract(a, html, strlen(html), &text, &n, &m, NULL), 0);
    CHECK_STR(m.title, "Talks Resume in Hanoi");
    CHECK_STR(m.date, "2019-02-28T09:00:00Z");
    CHECK(strstr(text, "The two leaders met on Thursday.") != NULL);
    CHECK(strstr(text, "not text") == NULL);
    CHECK(strstr(text, "Home") == NULL);
    CHECK(strstr(text, "Copyright") == NULL);
    CHECK(strstr(text, "\n\nThe leaders.CreditJane Roe/Example\n\n") != NULL);
    CHECK(strstr(text, "two hours.\nAides") != NULL);
    dyad_arena_free(a);
}

const unit_case unit_read[] = {
    {"directory_sorted_recursive", directory_sorted_recursive},
    {"missing_and_binary", missing_and_binary},
    {"html_article_root", html_article_root},
    {NULL, NULL},
};
