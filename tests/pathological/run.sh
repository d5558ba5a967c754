#!/bin/sh
# Pathological inputs, each under a time limit: the program must answer with
# a clear message naming the file, go on with the other inputs, and never
# crash or hang.   sh tests/pathological/run.sh BUILD/dyad
# DYAD_PATHO_SMALL=1 shrinks the big inputs (for sanitizer runs).
set -u
DYAD=${1:-build/dyad}
LIMIT=${DYAD_PATHO_LIMIT:-60}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
t_ok()  { pass=$((pass + 1)); }
t_bad() { fail=$((fail + 1)); echo "  FAIL pathological: $*"; }
big=50000000
[ "${DYAD_PATHO_SMALL:-0}" = 1 ] && big=5000000

good="$tmp/good.txt"
printf 'Talks in Geneva\n\nGENEVA — The two foreign ministers met on Friday. They agreed to meet again.\n' >"$good"

: >"$tmp/empty.txt"
printf '   \n\n\t  \n' >"$tmp/blank.txt"
head -c 20000 /dev/zero | tr '\0' '\1' >"$tmp/binary.txt"
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "%c", (i * 7919) % 256 }' >"$tmp/binary2.bin.txt"
printf 'Officials met\0 in Vienna on Monday. The talks\0 went on.\n' >"$tmp/nul.txt"
printf 'The minister \377\376 said the talks \300\257 had failed. Caf\351 owners agreed.\n' >"$tmp/badutf8.txt"
awk -v n="$big" 'BEGIN { s = "The delegates met again and the talks went on without a break "; while (length(out) < 1000000) out = out s; for (i = 0; i < n / 1000000; i++) printf "%s", out; printf "\n" }' >"$tmp/longline.txt"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "\""; printf "\n" }' >"$tmp/quotes.txt"
awk 'BEGIN { for (i = 0; i < 50000; i++) printf "\xe2\x80\x9c"; printf " he said.\n" }' >"$tmp/curly.txt"
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 100000; i++) printf "<div>"; printf "<p>The envoy met the minister on Friday in Paris, officials said.</p></body></html>\n" }' >"$tmp/deep.html"
printf 'Le ministre des affaires étrangères a rencontré son homologue russe à Paris pour discuter de la situation en Ukraine et des sanctions, a indiqué le ministère dans un communiqué publié dans la soirée.\n' >"$tmp/french.txt"
printf '{"id":"a","text":"The ministers met in Vienna on Monday, officials said."}\n{not json\n\n{"id":"c"}\n{"id":"d","html":"<p>The envoy met the minister on Friday, officials said.</p>"}\n' >"$tmp/mixed.jsonl"
mkdir "$tmp/dir"
cp "$good" "$tmp/dir/a.txt"
ln -s "$tmp/does-not-exist" "$tmp/dangling.txt"

# run NAME FILE: within the time limit, exit 1 (this file failed) with a
# message naming it, and the good file next to it still analyzed.
run() {
    name=$1 file=$2 want=${3:-1}
    start=$(date +%s)
    timeout "$LIMIT" "$DYAD" analyze "$file" "$good" >"$tmp/out" 2>"$tmp/err"
    st=$?
    secs=$(( $(date +%s) - start ))
    if [ "$st" -eq 124 ]; then t_bad "$name: timed out after ${LIMIT}s"; return; fi
    if [ "$st" -ge 128 ] || [ "$st" -gt 2 ]; then t_bad "$name: crashed (status $st)"; sed 's/^/    /' "$tmp/err" | head -5; return; fi
    [ "$st" -eq "$want" ] && t_ok || t_bad "$name: exit $st, want $want"
    if [ "$want" -ne 0 ]; then
        grep -q "^dyad: $file: " "$tmp/err" && t_ok || { t_bad "$name: no 'dyad: $file: …' message"; head -3 "$tmp/err"; }
    fi
    grep -q '"doc":"good.txt"' "$tmp/out" && t_ok || t_bad "$name: the good file was not analyzed"
    echo "  $name: exit $st in ${secs}s: $(head -1 "$tmp/err" | cut -c1-110)"
}

run "empty file" "$tmp/empty.txt"
run "blank file" "$tmp/blank.txt"
run "binary file" "$tmp/binary.txt"
run "binary bytes" "$tmp/binary2.bin.txt"
run "NUL bytes" "$tmp/nul.txt" 0
grep -q '"doc":"nul.txt"' "$tmp/out" && grep -q 'NUL' "$tmp/err" && t_ok || t_bad "NUL bytes: analyzed with a warning"
run "invalid UTF-8" "$tmp/badutf8.txt" 0
grep -q 'invalid UTF-8' "$tmp/err" && t_ok || t_bad "invalid UTF-8: warning"
run "50 MB single line" "$tmp/longline.txt" 0
run "100k quote marks" "$tmp/quotes.txt"
run "50k curly quotes" "$tmp/curly.txt" 0
run "deep HTML nesting" "$tmp/deep.html"
run "another language" "$tmp/french.txt"
grep -q "another language (fr)" "$tmp/err" && t_ok || t_bad "another language: names the language"
run "missing file" "$tmp/missing.txt"
run "dangling symlink" "$tmp/dangling.txt"
run "directory" "$tmp/dir" 0
run "bad JSONL lines" "$tmp/mixed.jsonl"
grep -q "line 2: not a JSON object" "$tmp/err" && t_ok || t_bad "bad JSONL: names the line"
[ "$(grep -c '"doc":"[ad]"' "$tmp/out")" -eq 2 ] && t_ok || t_bad "bad JSONL: the good records still go through"
if [ "$(id -u)" -ne 0 ]; then
    cp "$good" "$tmp/unreadable.txt"
    chmod 000 "$tmp/unreadable.txt"
    run "unreadable file" "$tmp/unreadable.txt"
fi

# the database never holds half a document: a failing batch leaves only whole documents
"$DYAD" ingest -q --db "$tmp/p.db" "$tmp/mixed.jsonl" "$tmp/binary.txt" "$good" 2>/dev/null
if command -v sqlite3 >/dev/null 2>&1; then
    orphans=$(sqlite3 "$tmp/p.db" "select count(*) from sentences where doc_id not in (select id from documents)")
    docs=$(sqlite3 "$tmp/p.db" "select count(*) from documents")
    [ "$orphans" = 0 ] && [ "$docs" = 3 ] && t_ok || t_bad "ingest of a mixed batch: $docs documents, $orphans orphan rows"
fi

echo "pathological: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
