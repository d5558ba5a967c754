#!/bin/sh
# run.sh — everything `make check` runs: unit tests, CLI golden tests,
# pathological inputs (time-limited), the fuzz corpus replay, and the unit
# and CLI tests again under ASan+UBSan.  Prints "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
B=${B:-build}
pass=0
fail=0
skip=0
ok()   { pass=$((pass + 1)); }
bad()  { fail=$((fail + 1)); echo "FAIL: $*"; }

section() { printf '\n== %s\n' "$*"; }

section "unit tests"
if "$B/unit"; then ok; else bad "unit tests"; fi

section "CLI tests"
if sh tests/cli/run.sh "$B/dyad"; then ok; else bad "CLI tests"; fi

section "pathological inputs"
if sh tests/pathological/run.sh "$B/dyad"; then ok; else bad "pathological inputs"; fi

section "fuzz corpus replay"
if sh fuzz/replay.sh; then ok; else bad "fuzz corpus replay"; fi

section "sanitizers (ASan+UBSan)"
if make --no-print-directory asan >/tmp/dyad-asan-build.log 2>&1; then
    if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build-asan/unit &&
       sh tests/cli/run.sh build-asan/dyad &&
       DYAD_PATHO_SMALL=1 sh tests/pathological/run.sh build-asan/dyad; then
        ok
    else
        bad "tests under ASan+UBSan"
    fi
else
    cat /tmp/dyad-asan-build.log | tail -20
    bad "sanitizer build"
fi

section "regenerated tables"
if sh tools/check-generated.sh; then ok; else bad "generated tables differ from their sources"; fi

echo
echo "check: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
