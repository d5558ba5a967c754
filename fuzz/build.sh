#!/bin/sh
# build.sh — build the libFuzzer target (clang, ASan+UBSan) into build-fuzz/.
#   sh fuzz/build.sh && build-fuzz/fuzz_pipeline fuzz/corpus -max_total_time=600
set -e
cd "$(dirname "$0")/.."
make --no-print-directory B=build-fuzz CC=clang OPT=-O1 \
    CFLAGS="-g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
    build-fuzz/libdyad.a >/dev/null
clang -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -g -O1 \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
    fuzz/fuzz_pipeline.c build-fuzz/libdyad.a -o build-fuzz/fuzz_pipeline \
    -lsqlite3 -lutf8proc -lgumbo -ljansson -lm
echo "built build-fuzz/fuzz_pipeline"
