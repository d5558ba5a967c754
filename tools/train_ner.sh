#!/bin/sh
# train_ner.sh — retrain models/ner-en.bin (named-entity tagger) from UNER
# English EWT (train; dev picks the epoch) and wikigold; gazetteer features
# from dict/actors.  `make train` runs it as `sh tools/train_ner.sh DATA`.
# Deterministic (fixed seed, one thread): the same data gives the same bytes.
set -eu
DATA=${1:-../shared/data}
B=${B:-build}
NER=$DATA/ner
for f in "$NER/uner-ewt/en_ewt-ud-train.PRERELEASE-20221202.iob2" \
         "$NER/uner-ewt/en_ewt-ud-dev.iob2" "$NER/wikigold/wikigold.conll.txt"; do
    [ -r "$f" ] || { echo "train_ner.sh: missing $f" >&2; exit 1; }
done
mkdir -p models
# --no-nlp: the tagger's UPOS features did not help on UNER dev (0.607 with,
# 0.614 without), and without them the model does not depend on nlp-en.bin.
nice -n 10 "$B/tools/train_ner" -o models --dict dict --bits ${NER_BITS:-19} --no-nlp \
    --epochs ${NER_EPOCHS:-12} \
    --dev "$NER/uner-ewt/en_ewt-ud-dev.iob2" \
    --uner "$NER/uner-ewt/en_ewt-ud-train.PRERELEASE-20221202.iob2" \
    --wikigold "$NER/wikigold/wikigold.conll.txt"
