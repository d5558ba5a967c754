#!/bin/sh
# eval_petrarch.sh — PETRARCH compatibility figures (issue 6), one
# "name: value" line each:
#   petrarch_conformance            PETR.UnitTest.records.xml with its
#                                   PETR.Validate.* dictionaries, our parser
#   petrarch_conformance_gsr        PETR2_GSR_validation.xml (Phoenix +
#                                   CAMEO.2.0), our parser
#   petrarch_conformance_gsr_gold   the same on the records' gold UD parses
#   petrarch_vs_own_agreement       Phoenix vs our dictionaries on Wikinews
#                                   (+ events per article, load time)
# Usage: sh tools/eval_petrarch.sh [../shared/data]   (B=build dir)
DATA=${1:-../shared/data}
B=${B:-build}
PET=$DATA/petrarch
if [ ! -d "$PET" ]; then
    echo "petrarch_conformance: SKIP ($PET not found)"
    exit 0
fi
if ! "$B/dyad" validate-petrarch --help 2>&1 | grep -q "usage: dyad validate-petrarch"; then
    echo "petrarch_conformance: n/a (dyad validate-petrarch not wired in programs/dyad.c)"
else
    "$B/dyad" validate-petrarch --quiet "$PET/text/PETR.UnitTest.records.xml" 2>/dev/null |
        grep -E '^petrarch_conformance(_all_records)?:'
    GSR=$PET/universalpetrarch/text/PETR2_GSR_validation.xml
    if [ -f "$GSR" ]; then
        "$B/dyad" validate-petrarch --quiet --dict-dir "$PET/dictionaries" "$GSR" 2>/dev/null |
            sed -n 's/^petrarch_conformance:/petrarch_conformance_gsr:/p'
        "$B/dyad" validate-petrarch --quiet --gold-parse --dict-dir "$PET/dictionaries" "$GSR" \
            2>/dev/null | sed -n 's/^petrarch_conformance:/petrarch_conformance_gsr_gold:/p'
    fi
fi
WIKI=$DATA/news/wikinews
if [ -d "$WIKI" ] && [ -x "$B/tools/eval_petrarch_agreement" ]; then
    "$B/tools/eval_petrarch_agreement" --petrarch "$PET/dictionaries" "$WIKI"/*.csv
fi
