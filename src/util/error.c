/* error.c — the one error convention: an int status plus dyad_error. */
#include "dyad.h"

#include <stdarg.h>
#include <string.h>

int dyad_error_set(dyad_error *err, int code, const char *path,
                   long long byte_offset, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    err->byte_offset = byte_offset;
    if (path) {
        size_t n = strlen(path);
        if (n >= sizeof err->path)
            n = sizeof err->path - 1;
        memcpy(err->path, path, n);
        err->path[n] = '\0';
    } else {
        err->path[0] = '\0';
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

const char *dyad_status_name(int code)
{
    switch (code) {
    case DYAD_OK: return "ok";
    case DYAD_EIO: return "io";
    case DYAD_ENOMEM: return "nomem";
    case DYAD_EFORMAT: return "format";
    case DYAD_EEMPTY: return "empty";
    case DYAD_EBINARY: return "binary";
    case DYAD_ETOOBIG: return "toobig";
    case DYAD_ELANG: return "lang";
    case DYAD_EDB: return "db";
    case DYAD_EMODEL: return "model";
    case DYAD_EUSAGE: return "usage";
    case DYAD_EDUP: return "duplicate";
    default: return "unknown";
    }
}
