/* jsoncheck.c — test helper: every line of FILE is a JSON object (parsed
 * back with jansson) holding the given keys.  Exit 0 when all are. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: jsoncheck FILE [KEY...]\n");
        return 2;
    }
    FILE *fp = fopen(argv[1], "r");
    if (!fp) {
        perror(argv[1]);
        return 2;
    }
    char *line = NULL;
    size_t cap = 0;
    long no = 0, bad = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, fp)) > 0) {
        no++;
        json_error_t e;
        json_t *j = json_loadb(line, (size_t)n, 0, &e);
        if (!j || !json_is_object(j)) {
            fprintf(stderr, "jsoncheck: %s: line %ld: %s\n", argv[1], no, j ? "not an object" : e.text);
            bad++;
        } else {
            for (int k = 2; k < argc; k++)
                if (!json_object_get(j, argv[k])) {
                    fprintf(stderr, "jsoncheck: %s: line %ld: no key \"%s\"\n", argv[1], no, argv[k]);
                    bad++;
                }
        }
        json_decref(j);
    }
    free(line);
    fclose(fp);
    return bad ? 1 : 0;
}
