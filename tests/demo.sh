#!/bin/sh
# demo.sh — the main job on the bundled examples: analyze them to JSON
# Lines, ingest them into SQLite (build/demo.db), print a short summary.
set -e
cd "$(dirname "$0")/.."
B=${B:-build}
out=$B/demo.jsonl
db=$B/demo.db
rm -f "$db" "$db-wal" "$db-shm"
echo "== dyad analyze examples/ > $out"
"$B/dyad" analyze --sentences examples/ >"$out"
echo "== dyad ingest --db $db examples/"
"$B/dyad" ingest --db "$db" examples/
echo
echo "== summary"
sqlite3 -header -column "$db" "
  SELECT substr(doc, 1, 44) AS doc, date, dateline, n_sentences AS sents,
         (SELECT count(*) FROM removed r WHERE r.doc_id = d.id) AS debris
  FROM documents d ORDER BY doc;"
echo
sqlite3 -header -column "$db" "
  SELECT reason, count(*) AS lines FROM removed GROUP BY reason ORDER BY 2 DESC;"
sqlite3 -header -column "$db" "
  SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM entities) AS entities,
         (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM locations) AS places;"
echo
sqlite3 -header -column "$db" "
  SELECT speaker, code, substr(text, 1, 60) AS quote FROM quotes LIMIT 8;"
echo
if sqlite3 "$db" "SELECT 1 FROM sqlite_master WHERE name = 'events'" | grep -q 1; then
    echo
    sqlite3 -header -column "$db" "
      SELECT source_country AS src, target_country AS tgt, code, mode, count(*) AS n
      FROM events GROUP BY 1, 2, 3, 4 ORDER BY n DESC LIMIT 15;"
fi
echo
echo "records: $out   database: $db   (try: sqlite3 $db .tables)"
