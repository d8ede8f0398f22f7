#!/usr/bin/env bash
# Regenerates models/default.model from the development data in
# ../shared/data (all six sets) and prints its cross-validated figures.
# Usage: tools/train_default.sh [OUT] (after setup.sh). Same data, same bytes.
#
# The mix: every set is one file of equal total weight (--file-weight
# equal), classes balanced inside each, so a small set of articles counts
# as much as a large set of titles and no set's class ratio leaks into the
# others. PHEME keeps each news event inside one fold (--group-column
# event, 6 folds for its 6 events): its figure is for unseen events.
# CoNLL weighs 3 (--file-weights 3,1,1,1,1): its sentences are the only
# claim set labeled for hedging itself, and at weight 1 the headline sets
# pull the hedge and weasel weights off the ratio CoNLL gives them
# (docs/evaluation.md has the figures).
# models/constraints.txt holds what the labeled sets cannot teach: an
# official or named source on record raises a statement over the bare one;
# a hedge, a rumour, a social post or a denial lowers it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-models/default.model}
data=../shared/data
[ -d "$data" ] || { echo "train_default: $data is absent" >&2; exit 1; }
build/credence tune \
  "$data/conll2010_wiki_uncertainty/conll2010_wiki_uncertainty_dev.csv" \
  "$data/pheme_veracity/pheme_veracity_dev.csv" \
  "$data/fakenewsnet_titles/fakenewsnet_titles_dev.csv" \
  "$data/clickbait_chakraborty2016/clickbait_chakraborty2016_dev.csv" \
  "$data/liar/liar_dev.csv" \
  --article-file "$data/fnn_buzzfeed_articles/fnn_buzzfeed_articles_dev.csv" \
  --group-column event --folds 6 --seed 1 --prior models/prior.model \
  --constraints models/constraints.txt \
  --l2 100 --article-l2 1 --file-weights 3,1,1,1,1 "${@:2}" \
  --name credence-default -o "$out"
