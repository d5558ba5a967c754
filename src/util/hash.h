/* hash.h — the 64-bit finaliser (murmur3's fmix64) every hashed table and
 * content hash of the library uses.  Models and stored hashes depend on its
 * exact values: do not change it. */
#ifndef DYAD_UTIL_HASH_H
#define DYAD_UTIL_HASH_H

#include <stdint.h>

static inline uint64_t dyad_fmix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

#endif
