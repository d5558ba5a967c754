#!/bin/sh
# eval_nlp.sh — accuracy, speed and memory of the nlp models, as `name: value`
# lines for make eval / make bench:
#   upos_ewt xpos_ewt lemma_ewt uas_ewt las_ewt (and _gum): EWT and GUM test
#   sets, gold tokenization, CoNLL 2018 definitions (dyad eval-parse);
#   parse_tokens_per_s, model_load_ms, model_rss_mb, model_file_mb.
# usage: sh tools/eval_nlp.sh [../shared/data]
set -eu
DATA=${1:-../shared/data}
B=${B:-build}
UD=$DATA/ud
for tb in ewt gum; do
    "$B/dyad" eval-parse --models models "$UD/$tb/en_$tb-ud-test.conllu" |
    awk -v tb="$tb" -F': ' '
        $1 == "UPOS" { print "upos_" tb ": " $2 }
        $1 == "XPOS" { print "xpos_" tb ": " $2 }
        $1 == "UFeats" { print "feats_" tb ": " $2 }
        $1 == "Lemma" { print "lemma_" tb ": " $2 }
        $1 == "UAS" { print "uas_" tb ": " $2 }
        $1 == "LAS" { print "las_" tb ": " $2 }'
done
"$B/tools/bench_nlp" --models models "$UD/ewt/en_ewt-ud-test.conllu"
size=$(wc -c < models/nlp-en.bin)
awk -v s="$size" 'BEGIN { printf "model_file_mb: %.1f\n", s / 1048576 }'
