#!/bin/sh
# train.sh — retrain models/nlp-en.bin (tagger, lemmatizer, parser) from the
# UD English EWT and GUM training splits; `make train` runs it as
# `sh tools/train.sh ../shared/data`.  Deterministic: the same data gives
# the same model bytes (fixed seeds, no threads).  One process, niced.
set -eu
DATA=${1:-../shared/data}
B=${B:-build}
UD=$DATA/ud
for f in "$UD/ewt/en_ewt-ud-train.conllu" "$UD/gum/en_gum-ud-train.conllu"; do
    [ -r "$f" ] || { echo "train.sh: missing $f" >&2; exit 1; }
done
mkdir -p models
nice -n 10 "$B/tools/train_nlp" -o models \
    --dev "$UD/ewt/en_ewt-ud-dev.conllu" --dev "$UD/gum/en_gum-ud-dev.conllu" \
    "$UD/ewt/en_ewt-ud-train.conllu" "$UD/gum/en_gum-ud-train.conllu"
