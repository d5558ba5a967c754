/* mapfile.h — read-only files mapped into memory (the tagger/parser and NER
 * models, the gazetteer): path resolution, open, size check, mmap.  Mapped
 * pages are shared between processes and threads.  Internal. */
#ifndef DYAD_UTIL_MAPFILE_H
#define DYAD_UTIL_MAPFILE_H
#include "dyad.h"

/* 1 on little-endian hosts (our binary files are little-endian). */
int dyad_host_is_le(void);

/* out = DIR/FILE with DIR: dir, else $DYAD_MODELS, else the build's models
 * directory (DYAD_MODELS_DIR when compiled in), else "models". */
int dyad_model_path(const char *dir, const char *file, char *out, size_t cap, dyad_error *err);

/* Map path read-only.  A file that cannot be opened fails with open_code, a
 * file shorter than min_len with DYAD_EMODEL; what names the file's kind in
 * messages ("model", "gazetteer"). */
int dyad_map_file(const char *path, const char *what, size_t min_len, int open_code,
                  const void **map, size_t *len, dyad_error *err);
void dyad_unmap(const void *map, size_t len);
#endif
