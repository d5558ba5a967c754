#!/bin/sh
# train.sh — retrain models/nlp-en.bin (tagger, lemmatizer, parser) from the
# UD English EWT and GUM training splits, tuned on their dev splits; `make
# train` runs it as `sh tools/train.sh ../shared/data`.  Deterministic: the
# same data gives the same model bytes (fixed seeds, no threads).  One
# process, niced; about 5-7 minutes on one core.
#
# DYAD_NLP_SKIP_NC=1 leaves out the GUM genres whose texts are licensed
# CC BY-NC-SA (essay, fiction, letter, podcast, wikiHow); see models/LICENSE.md.
set -eu
DATA=${1:-../shared/data}
B=${B:-build}
UD=$DATA/ud
for f in "$UD/ewt/en_ewt-ud-train.conllu" "$UD/gum/en_gum-ud-train.conllu"; do
    [ -r "$f" ] || { echo "train.sh: missing $f" >&2; exit 1; }
done
skip=""
if [ "${DYAD_NLP_SKIP_NC:-0}" = 1 ]; then
    for g in essay fiction letter podcast whow; do
        skip="$skip --skip-sent-prefix GUM_${g}_"
    done
fi
mkdir -p models
# EWT first: its lemma conventions win over GUM's where they differ.
# shellcheck disable=SC2086
nice -n 10 "$B/tools/train_nlp" -o models $skip \
    --tag-epochs 8 --parse-epochs 12 --folds 4 --tag-thresh 0.3 --parse-thresh 1.5 \
    --dev "$UD/ewt/en_ewt-ud-dev.conllu" --dev "$UD/gum/en_gum-ud-dev.conllu" \
    "$UD/ewt/en_ewt-ud-train.conllu" "$UD/gum/en_gum-ud-train.conllu"
