#!/bin/sh
# bench.sh — throughput and peak memory, one "name: value" line per figure
# (names are stable), then details.  `make bench` runs it; needs
# ../shared/data.  Times are CPU seconds of one process (one core).
DATA=${1:-../shared/data}
B=${B:-build}
R=$DATA/news/reuters21578
if [ ! -d "$R" ]; then
    echo "SKIP: $R not found: make bench needs the shared data"
    exit 0
fi
echo "# dyad bench $(date -u +%Y-%m-%d) $(git rev-parse --short HEAD 2>/dev/null), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
# read + clean + tokenize + split over the Reuters-21578 bodies
"$B/tools/bench" "$R"/reut2-*.xml
# the whole pipeline with the tagger and parser
if [ -f models/nlp-en.bin ]; then
    "$B/tools/bench" --parse "$R"/reut2-*.xml | grep -v peak_rss | sed 's/^# /# whole pipeline: /'
    "$B/tools/bench" --events "$R"/reut2-*.xml | grep -v -E 'peak_rss|tokens_per_s|load_ms' | sed 's/^# /# events only: /'
    B=$B sh tools/eval_nlp.sh "$DATA" | grep -E '_per_s|_ms|_mb'
fi
