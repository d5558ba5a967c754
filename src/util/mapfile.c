/* mapfile.c — one place for mapping model and data files read-only. */
#include "util/mapfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int dyad_host_is_le(void)
{
    const uint16_t one = 1;
    return *(const unsigned char *)&one == 1;
}

int dyad_model_path(const char *dir, const char *file, char *out, size_t cap, dyad_error *err)
{
    if (!dir || !*dir)
        dir = getenv("DYAD_MODELS");
#ifdef DYAD_MODELS_DIR
    if (!dir || !*dir)
        dir = DYAD_MODELS_DIR;
#endif
    if (!dir || !*dir)
        dir = "models";
    int n = snprintf(out, cap, "%s/%s", dir, file);
    if (n < 0 || (size_t)n >= cap)
        return dyad_error_set(err, DYAD_EUSAGE, NULL, -1, "model path too long");
    return 0;
}

int dyad_map_file(const char *path, const char *what, size_t min_len, int open_code,
                  const void **map, size_t *len, dyad_error *err)
{
    *map = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return dyad_error_set(err, open_code, path, -1, "cannot open %s: %s", what,
                              strerror(errno));
    struct stat sb;
    if (fstat(fd, &sb) != 0 || sb.st_size < (off_t)min_len || sb.st_size == 0) {
        close(fd);
        return dyad_error_set(err, DYAD_EMODEL, path, -1, "%s file is too short or unreadable",
                              what);
    }
    void *p = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_SHARED, fd, 0);
    int e = errno;
    close(fd);
    if (p == MAP_FAILED)
        return dyad_error_set(err, DYAD_EMODEL, path, -1, "cannot map %s: %s", what, strerror(e));
    *map = p;
    *len = (size_t)sb.st_size;
    return 0;
}

void dyad_unmap(const void *map, size_t len)
{
    if (map)
        munmap((void *)map, len);
}
