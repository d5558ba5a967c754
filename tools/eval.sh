#!/bin/sh
# eval.sh — accuracy on held data, one "name: value" line per figure (names
# are stable), then details.  `make eval` runs it; needs ../shared/data.
DATA=${1:-../shared/data}
B=${B:-build}
if [ ! -d "$DATA" ]; then
    echo "SKIP: $DATA not found: make eval needs the shared data"
    exit 0
fi
UD=$DATA/ud
echo "# dyad eval $(date -u +%Y-%m-%d) $(git rev-parse --short HEAD 2>/dev/null)"
# sentence boundaries on the UD test sets (raw text rebuilt from # text lines)
"$B/tools/eval_sentences" ewt "$UD/ewt/en_ewt-ud-test.conllu"
"$B/tools/eval_sentences" gum "$UD/gum/en_gum-ud-test.conllu"
# tagger, lemmatizer and parser (gold tokenization, CoNLL 2018 definitions)
if [ -f models/nlp-en.bin ]; then
    B=$B sh tools/eval_nlp.sh "$DATA" | grep -v -E '_per_s|_ms|_mb'
else
    echo "upos_ewt: n/a (models/nlp-en.bin missing: make train)"
fi
# event coding on the team's gold articles
"$B/tools/eval_events" --gold tests/gold/events
# the same on the held-out articles (written blind: without running or
# reading the coder; scored, never studied: tests/gold/events-heldout/README.md)
"$B/tools/eval_events" --gold tests/gold/events-heldout | sed 's/^gold_events_/heldout_events_/'
# named entities (UNER EWT test), quotations and people on our gold articles
if [ -f models/ner-en.bin ]; then
    "$B/tools/eval_ner" --models models --name uner_ewt "$DATA/ner/uner-ewt/en_ewt-ud-test.iob2"
else
    echo "ner_f1_uner_ewt: n/a (models/ner-en.bin missing: make train)"
fi
"$B/tools/eval_kg" --gold tests/gold/kg
# geocoding of the gold place mentions
"$B/tools/eval_geo" "$B/data/gazetteer.bin" tests/gold/kg
# PETRARCH dictionaries and conformance records
[ -f tools/eval_petrarch.sh ] && B=$B sh tools/eval_petrarch.sh "$DATA"
