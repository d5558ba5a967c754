#!/bin/sh
# CLI tests: run the real binary, compare stdout and exit codes.
#   sh tests/cli/run.sh BUILD/dyad        (UPDATE=1 rewrites the golden files)
set -u
DYAD=${1:-build/dyad}
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
t_ok()  { pass=$((pass + 1)); }
t_bad() { fail=$((fail + 1)); echo "  FAIL cli: $*"; }

# expect NAME WANT_STATUS CMD...: run, check the exit status
expect() {
    name=$1 want=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    if [ "$got" -eq "$want" ]; then t_ok; else t_bad "$name: exit $got, want $want"; sed 's/^/    /' "$tmp/err" | head -5; fi
}

# golden NAME CMD...: stdout must equal tests/cli/expected/NAME
golden() {
    name=$1
    shift
    "$@" >"$tmp/golden" 2>"$tmp/err"
    if [ "${UPDATE:-0}" = 1 ]; then cp "$tmp/golden" "$here/expected/$name"; fi
    if cmp -s "$tmp/golden" "$here/expected/$name"; then t_ok; else
        t_bad "$name: output differs from tests/cli/expected/$name"
        diff "$here/expected/$name" "$tmp/golden" | head -10 | sed 's/^/    /'
    fi
}

# --- the git-style surface
expect "--version" 0 "$DYAD" --version
grep -q "^dyad [0-9]" "$tmp/out" && t_ok || t_bad "--version prints 'dyad N.N.N'"
expect "--help" 0 "$DYAD" --help
grep -q "analyze" "$tmp/out" && t_ok || t_bad "--help lists commands"
expect "no args" 2 "$DYAD"
expect "unknown command" 2 "$DYAD" frobnicate
grep -q "^dyad: 'frobnicate' is not a dyad command" "$tmp/err" && t_ok || t_bad "unknown command message"
expect "analyze --help" 0 "$DYAD" analyze --help
expect "ingest --help" 0 "$DYAD" ingest --help
expect "analyze no input" 2 "$DYAD" analyze
expect "analyze bad option" 2 "$DYAD" analyze --bogus examples
expect "analyze bad format" 2 "$DYAD" analyze --format xml examples
expect "analyze bad date" 2 "$DYAD" analyze --date 2018-13-45 examples
expect "ingest without --db" 2 "$DYAD" ingest examples

# --- golden records of the bundled examples
for f in examples/*.txt examples/*.html examples/*.jsonl; do
    [ -f "$f" ] || continue
    golden "$(basename "$f").json" "$DYAD" analyze --no-events --sentences "$f"
done
golden "pretty.json" "$DYAD" analyze --no-events --format pretty examples/2018-07-16-helsinki-summit.txt

# every record is valid JSON with the stable keys
"$DYAD" analyze examples >"$tmp/all.jsonl" 2>"$tmp/err"
st=$?
[ "$st" -eq 0 ] && t_ok || t_bad "analyze examples: exit $st"
n=$(wc -l <"$tmp/all.jsonl")
[ "$n" -ge 8 ] && t_ok || t_bad "analyze examples: $n records, want >= 8"
B=$(dirname "$DYAD"); [ -x "$B/tools/jsoncheck" ] || B=build
"$B/tools/jsoncheck" "$tmp/all.jsonl" doc path title kicker byline publication dateline date lang \
    removed sentences entities quotes events locations tone && t_ok || t_bad "records parse back with the stable keys"

# --- stdin, and the options
"$DYAD" analyze --body - <examples/2018-07-16-helsinki-summit.txt >"$tmp/stdin.json" 2>"$tmp/err"
[ $? -eq 0 ] && grep -q '"path":"-"' "$tmp/stdin.json" && grep -q '"body":' "$tmp/stdin.json" && t_ok || t_bad "stdin with --body"
"$DYAD" analyze --date 2001-02-03 examples/2018-07-16-helsinki-summit.txt | grep -q '"date":"2001-02-03"' && t_ok || t_bad "--date overrides"

# --- a missing file among good ones: the rest still goes through, exit 1
expect "missing file" 1 "$DYAD" analyze examples/2018-07-16-helsinki-summit.txt "$tmp/nope.txt"
grep -q "^dyad: $tmp/nope.txt: No such file or directory" "$tmp/err" && t_ok || t_bad "missing file message names the file"
[ "$(wc -l <"$tmp/out")" -eq 1 ] && t_ok || t_bad "good file still analyzed"

# --- ingest: stored once, skipped the second time
expect "ingest" 0 "$DYAD" ingest --db "$tmp/t.db" examples
expect "ingest again" 0 "$DYAD" ingest --db "$tmp/t.db" examples
grep -q "already stored" "$tmp/err" && t_ok || t_bad "second ingest says documents are already stored"
if command -v sqlite3 >/dev/null 2>&1; then
    docs=$(sqlite3 "$tmp/t.db" "select count(*) from documents")
    [ "$docs" -ge 8 ] && t_ok || t_bad "documents table holds $docs rows"
    mode=$(sqlite3 "$tmp/t.db" "pragma journal_mode")
    [ "$mode" = wal ] && t_ok || t_bad "journal_mode is $mode, want wal"
    sents=$(sqlite3 "$tmp/t.db" "select count(*) from sentences s join documents d on d.id = s.doc_id where substr(cast(d.body as blob), s.start + 1, s.end - s.start) = cast(s.text as blob)")
    all=$(sqlite3 "$tmp/t.db" "select count(*) from sentences")
    [ "$sents" = "$all" ] && [ "$all" -gt 0 ] && t_ok || t_bad "sentence offsets index the stored body ($sents of $all)"
fi
expect "schema" 0 "$DYAD" schema
grep -q "CREATE TABLE IF NOT EXISTS documents" "$tmp/out" && t_ok || t_bad "schema prints documents table"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
