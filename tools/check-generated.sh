#!/bin/sh
# check-generated.sh — tables generated from ../shared/data must regenerate to
# the same bytes (SKIP when ../shared is absent).
SHARED=${SHARED:-../shared/data}
if [ ! -d "$SHARED" ]; then
    echo "SKIP: $SHARED not found (generated tables not re-checked)"
    exit 0
fi
status=0
if [ -x tools/gen_cameo.sh ] || [ -f tools/gen_cameo.sh ]; then
    tmp=$(mktemp)
    if sh tools/gen_cameo.sh "$SHARED/cameo" > "$tmp" 2>/dev/null && [ -s "$tmp" ]; then
        if cmp -s "$tmp" dict/cameo.tsv; then echo "ok: dict/cameo.tsv"; else echo "differs: dict/cameo.tsv"; status=1; fi
    else
        echo "SKIP: tools/gen_cameo.sh produced nothing"
    fi
    rm -f "$tmp"
fi
exit $status
