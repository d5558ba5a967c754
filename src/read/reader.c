/* reader.c — turns paths into raw inputs: plain-text files, HTML pages,
 * JSON Lines (one article per line), directories (recursive, sorted) and "-"
 * for standard input.  One bad item never stops the iteration: it is
 * reported through dyad_error and the next call goes on. */
#include "dyad.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct pending {
    char *path;
} pending;

struct dyad_reader {
    pending *stack; /* LIFO of paths still to visit */
    size_t n, cap;
    /* the file being read */
    char *cur_path;
    char *buf;      /* whole file contents (text / html) */
    size_t len;
    FILE *jsonl;    /* open JSONL stream, or NULL */
    char *line;     /* getline buffer */
    size_t line_cap;
    uint32_t line_no;
    json_t *json;   /* the current JSONL record (owns the strings in *in) */
    char idbuf[64];
};

dyad_reader *dyad_reader_new(void)
{
    return calloc(1, sizeof(dyad_reader));
}

static void close_current(dyad_reader *r)
{
    if (r->jsonl && r->jsonl != stdin)
        fclose(r->jsonl);
    r->jsonl = NULL;
    free(r->buf);
    r->buf = NULL;
    r->len = 0;
    if (r->json)
        json_decref(r->json);
    r->json = NULL;
    free(r->cur_path);
    r->cur_path = NULL;
}

void dyad_reader_free(dyad_reader *r)
{
    if (!r)
        return;
    close_current(r);
    for (size_t i = 0; i < r->n; i++)
        free(r->stack[i].path);
    free(r->stack);
    free(r->line);
    free(r);
}

static int push(dyad_reader *r, const char *path)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        pending *s = realloc(r->stack, cap * sizeof *s);
        if (!s)
            return DYAD_ENOMEM;
        r->stack = s;
        r->cap = cap;
    }
    char *p = strdup(path);
    if (!p)
        return DYAD_ENOMEM;
    r->stack[r->n++].path = p;
    return 0;
}

int dyad_reader_add(dyad_reader *r, const char *path, dyad_error *err)
{
    if (!r || !path || !*path)
        return dyad_error_set(err, DYAD_EUSAGE, path, -1, "empty path");
    /* paths are visited in the order added: insert at the bottom */
    if (push(r, path))
        return dyad_error_set(err, DYAD_ENOMEM, path, -1, "out of memory");
    char *added = r->stack[r->n - 1].path;
    memmove(r->stack + 1, r->stack, (r->n - 1) * sizeof *r->stack);
    r->stack[0].path = added;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcasecmp(path + n - e, ext) == 0;
}

static int is_input_file(const char *name)
{
    static const char *exts[] = {".txt", ".text", ".html", ".htm", ".jsonl",
                                 ".ndjson", ".json", ".xhtml", NULL};
    for (int i = 0; exts[i]; i++)
        if (has_ext(name, exts[i]))
            return 1;
    return 0;
}

/* Push a directory's entries in reverse sorted order so they pop sorted. */
static int expand_dir(dyad_reader *r, const char *path, dyad_error *err)
{
    DIR *d = opendir(path);
    if (!d)
        return dyad_error_set(err, DYAD_EIO, path, -1, "cannot open directory: %s",
                              strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue; /* ., .., hidden files */
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        char *full = malloc(len);
        if (!full)
            break;
        snprintf(full, len, "%s%s%s", path,
                 path[strlen(path) - 1] == '/' ? "" : "/", e->d_name);
        struct stat st;
        if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && !is_input_file(full)) {
            free(full); /* README.md, images, … are not articles */
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                free(full);
                break;
            }
            names = nn;
        }
        names[n++] = full;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    int rc = 0;
    for (size_t i = n; i-- > 0;) {
        if (!rc && push(r, names[i]))
            rc = dyad_error_set(err, DYAD_ENOMEM, path, -1, "out of memory");
        free(names[i]);
    }
    free(names);
    return rc;
}

/* Read a whole stream, up to DYAD_MAX_INPUT bytes. */
static int slurp(FILE *fp, const char *path, char **out, size_t *len, dyad_error *err)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf)
        return dyad_error_set(err, DYAD_ENOMEM, path, -1, "out of memory");
    for (;;) {
        if (n == cap) {
            if (cap >= DYAD_MAX_INPUT) {
                free(buf);
                return dyad_error_set(err, DYAD_ETOOBIG, path, (long long)n,
                                      "larger than %u MB, skipped",
                                      DYAD_MAX_INPUT >> 20);
            }
            cap *= 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb) {
                free(buf);
                return dyad_error_set(err, DYAD_ENOMEM, path, -1, "out of memory");
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, fp);
        n += got;
        if (got == 0) {
            if (ferror(fp)) {
                int e = errno;
                free(buf);
                return dyad_error_set(err, DYAD_EIO, path, (long long)n,
                                      "read error: %s", strerror(e));
            }
            break;
        }
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return 0;
}

/* A file is binary when its first 4 KiB hold many control bytes (NULs in a
 * mostly-text file are repaired later and only warned about). */
static int looks_binary(const char *s, size_t n)
{
    size_t m = n < 4096 ? n : 4096, ctrl = 0;
    for (size_t i = 0; i < m; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7f)
            ctrl++;
    }
    return m > 0 && ctrl * 10 > m; /* more than 10 % control bytes */
}

static int looks_html(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
        i++;
    if (n - i >= 3 && (unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBB)
        i += 3; /* BOM */
    if (i >= n || s[i] != '<')
        return 0;
    size_t m = n - i < 512 ? n - i : 512;
    for (size_t k = 0; k + 5 <= m; k++)
        if (strncasecmp(s + i + k, "<html", 5) == 0 || strncasecmp(s + i + k, "<!doc", 5) == 0 ||
            strncasecmp(s + i + k, "<head", 5) == 0 || strncasecmp(s + i + k, "<body", 5) == 0)
            return 1;
    return 0;
}

static int looks_jsonl(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
        i++;
    return i < n && s[i] == '{';
}

static const char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

static const char *jstr(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Next record of the open JSONL stream: 1 record, 0 end, -1 bad line. */
static int next_jsonl(dyad_reader *r, dyad_input *in, dyad_error *err)
{
    for (;;) {
        errno = 0;
        ssize_t got = getline(&r->line, &r->line_cap, r->jsonl);
        if (got < 0) {
            int e = errno;
            if (e && ferror(r->jsonl)) {
                dyad_error_set(err, DYAD_EIO, r->cur_path, -1, "read error: %s",
                               strerror(e));
                close_current(r);
                return -1;
            }
            close_current(r);
            return 0;
        }
        r->line_no++;
        size_t k = 0;
        while (k < (size_t)got && (r->line[k] == ' ' || r->line[k] == '\t' ||
                                   r->line[k] == '\r' || r->line[k] == '\n'))
            k++;
        if (k == (size_t)got)
            continue; /* blank line */
        if (r->json)
            json_decref(r->json);
        json_error_t je;
        r->json = json_loadb(r->line, (size_t)got, JSON_DISABLE_EOF_CHECK | JSON_ALLOW_NUL, &je);
        if (!r->json || !json_is_object(r->json)) {
            dyad_error_set(err, DYAD_EFORMAT, r->cur_path, -1,
                           "line %u: not a JSON object%s%s", r->line_no,
                           r->json ? "" : ": ", r->json ? "" : je.text);
            if (r->json)
                json_decref(r->json);
            r->json = NULL;
            return -1;
        }
        memset(in, 0, sizeof *in);
        in->path = r->cur_path;
        in->line = r->line_no;
        in->id = jstr(r->json, "id");
        json_t *idv = json_object_get(r->json, "id");
        if (json_is_integer(idv)) {
            snprintf(r->idbuf, sizeof r->idbuf, "%lld", (long long)json_integer_value(idv));
            in->id = r->idbuf;
        }
        if (!in->id) {
            snprintf(r->idbuf, sizeof r->idbuf, "%s:%u", base_name(r->cur_path), r->line_no);
            in->id = r->idbuf;
        }
        in->url = jstr(r->json, "url");
        in->title = jstr(r->json, "title");
        in->date = jstr(r->json, "date");
        in->source = jstr(r->json, "source");
        json_t *t = json_object_get(r->json, "text");
        json_t *h = json_object_get(r->json, "html");
        if (json_is_string(t)) {
            in->text = json_string_value(t);
            in->text_len = json_string_length(t);
        } else if (json_is_string(h)) {
            in->html = json_string_value(h);
            in->html_len = json_string_length(h);
        } else {
            dyad_error_set(err, DYAD_EFORMAT, r->cur_path, -1,
                           "line %u: record has neither \"text\" nor \"html\"", r->line_no);
            return -1;
        }
        return 1;
    }
}

static int open_file(dyad_reader *r, const char *path, dyad_input *in, dyad_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    if (!is_stdin) {
        struct stat st;
        if (stat(path, &st) != 0)
            return dyad_error_set(err, DYAD_EIO, path, -1, "%s", strerror(errno)), -1;
        if (S_ISDIR(st.st_mode)) {
            if (expand_dir(r, path, err))
                return -1;
            return 2; /* go on with the stack */
        }
        if (!S_ISREG(st.st_mode))
            return dyad_error_set(err, DYAD_EIO, path, -1, "not a regular file"), -1;
        if ((unsigned long long)st.st_size > DYAD_MAX_INPUT && !has_ext(path, ".jsonl") &&
            !has_ext(path, ".ndjson"))
            return dyad_error_set(err, DYAD_ETOOBIG, path, -1,
                                  "%llu bytes, larger than the %u MB limit, skipped",
                                  (unsigned long long)st.st_size, DYAD_MAX_INPUT >> 20), -1;
    }
    r->cur_path = strdup(path);
    if (!r->cur_path)
        return dyad_error_set(err, DYAD_ENOMEM, path, -1, "out of memory"), -1;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    if (!fp) {
        dyad_error_set(err, DYAD_EIO, path, -1, "%s", strerror(errno));
        close_current(r);
        return -1;
    }
    if (has_ext(path, ".jsonl") || has_ext(path, ".ndjson")) {
        r->jsonl = fp; /* streamed: memory stays flat on huge files */
        r->line_no = 0;
        return 2;
    }
    int rc = slurp(fp, path, &r->buf, &r->len, err);
    if (!is_stdin)
        fclose(fp);
    if (rc) {
        close_current(r);
        return -1;
    }
    if (r->len > 0 && looks_binary(r->buf, r->len)) {
        dyad_error_set(err, DYAD_EBINARY, path, -1,
                       "binary data, not text (%zu bytes), skipped", r->len);
        close_current(r);
        return -1;
    }
    if (is_stdin && looks_jsonl(r->buf, r->len)) {
        /* stdin JSONL: re-read from the buffer */
        r->jsonl = fmemopen(r->buf, r->len, "r");
        if (!r->jsonl) {
            dyad_error_set(err, DYAD_ENOMEM, path, -1, "out of memory");
            close_current(r);
            return -1;
        }
        r->line_no = 0;
        return 2;
    }
    memset(in, 0, sizeof *in);
    in->path = r->cur_path;
    in->id = base_name(r->cur_path);
    in->line = 1;
    if (has_ext(path, ".html") || has_ext(path, ".htm") || has_ext(path, ".xhtml") ||
        looks_html(r->buf, r->len)) {
        in->html = r->buf;
        in->html_len = r->len;
    } else {
        in->text = r->buf;
        in->text_len = r->len;
    }
    return 1;
}

int dyad_reader_next(dyad_reader *r, dyad_input *in, dyad_error *err)
{
    if (!r || !in)
        return dyad_error_set(err, DYAD_EUSAGE, NULL, -1, "no reader"), -1;
    for (;;) {
        if (r->jsonl) {
            int rc = next_jsonl(r, in, err);
            if (rc != 0)
                return rc;
            continue;
        }
        close_current(r); /* the previous whole-file input */
        if (r->n == 0)
            return 0;
        char *path = r->stack[--r->n].path;
        int rc = open_file(r, path, in, err);
        free(path);
        if (rc == 2)
            continue;
        return rc;
    }
}
