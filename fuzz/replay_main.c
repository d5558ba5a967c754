/* replay_main.c — runs the fuzz target over files (the saved corpus) without
 * libFuzzer, for compilers that lack it. */
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int main(int argc, char **argv)
{
    int n = 0;
    for (int i = 1; i < argc; i++) {
        FILE *fp = fopen(argv[i], "rb");
        if (!fp) {
            perror(argv[i]);
            return 2;
        }
        fseek(fp, 0, SEEK_END);
        long len = ftell(fp);
        fseek(fp, 0, SEEK_SET);
        unsigned char *buf = malloc((size_t)len + 1);
        if (!buf || fread(buf, 1, (size_t)len, fp) != (size_t)len) {
            fprintf(stderr, "%s: read error\n", argv[i]);
            return 2;
        }
        fclose(fp);
        LLVMFuzzerTestOneInput(buf, (size_t)len);
        free(buf);
        n++;
    }
    printf("replayed %d inputs\n", n);
    return 0;
}
