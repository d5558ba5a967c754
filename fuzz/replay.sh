#!/bin/sh
# replay.sh — replay the saved corpus (fuzz/corpus) through the fuzz target:
# with libFuzzer when clang has it, else with a plain driver.  Then fuzz for
# a short while (FUZZ_SECONDS, default 20) from that corpus.
cd "$(dirname "$0")/.."
if sh fuzz/build.sh >/tmp/dyad-fuzz-build.log 2>&1; then
    build-fuzz/fuzz_pipeline -runs=0 fuzz/corpus 2>&1 | tail -2 || exit 1
    secs=${FUZZ_SECONDS:-20}
    mkdir -p build-fuzz/new
    build-fuzz/fuzz_pipeline -max_total_time="$secs" -max_len=65536 -timeout=10 \
        -artifact_prefix=build-fuzz/ build-fuzz/new fuzz/corpus >/tmp/dyad-fuzz.log 2>&1
    st=$?
    tail -1 /tmp/dyad-fuzz.log
    [ $st -eq 0 ] || { grep -A20 "ERROR\|invariant" /tmp/dyad-fuzz.log | head -40; exit 1; }
else
    echo "libFuzzer not available (see /tmp/dyad-fuzz-build.log): plain replay"
    make --no-print-directory all >/dev/null || exit 1
    cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -O1 -g \
        fuzz/fuzz_pipeline.c fuzz/replay_main.c build/libdyad.a -o build/fuzz_replay \
        -lsqlite3 -lutf8proc -lgumbo -ljansson -lm || exit 1
    build/fuzz_replay fuzz/corpus/* || exit 1
fi
