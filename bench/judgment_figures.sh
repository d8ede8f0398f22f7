#!/usr/bin/env bash
# Writes the claim-level judgment of the built-in model to RESULTS
# (default bench/results/judgment.tsv, which tools/write_docs.py puts in
# docs/eval-judgment.md): eval --gold on the gold set's dev and test
# splits and on the held-out set, and eval --contrast.
# Usage: [RESULTS=FILE] bench/judgment_figures.sh (after setup.sh; needs
# ../shared/data/news_articles).
set -euo pipefail
cd "$(dirname "$0")/.."
results=${RESULTS:-bench/results/judgment.tsv}
root=../shared/data/news_articles
[ -d "$root" ] || { echo "judgment_figures: $root is absent" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gold() {  # label, file, split
  build/credence eval --gold "fixtures/gold_news/$2" --gold-root "$root" \
    --gold-split "$3" --format json > "$work/$3-$2.json"
  python3 - "$1" "$work/$3-$2.json" <<'PY'
import json, sys
label, path = sys.argv[1], sys.argv[2]
d = json.load(open(path))
s, a = d["micro_sourcing"], d["micro_all"]
cells = [label, str(d["articles"]), f"{s['precision']:.3f}", f"{s['recall']:.3f}",
         f"{a['precision']:.3f}", f"{a['recall']:.3f}",
         f"{d['backing']['accuracy']:.3f}", f"{d['backing_sourced']['accuracy']:.3f}",
         f"{d['speaker']['accuracy']:.3f}",
         "" if d["auc"] is None else f"{d['auc']:.3f}"]
print("\t".join(cells))
PY
}
{
  echo "# command: bench/judgment_figures.sh"
  echo "# when: $(date -u +%F)"
  build/credence eval --contrast fixtures/contrast --format json |
    python3 -c '
import json, sys
d = json.load(sys.stdin)
rate = lambda k: "%d/%d %s" % (d[k]["passed"], d[k]["n"], k.split("_")[-1])
print("# note: contrast suite (`credence eval --contrast fixtures/contrast`):"
      " expectations %s, %s; invariance %s, %s." % (
          rate("dev"), rate("test"), rate("invariance_dev"),
          rate("invariance_test")))'
  printf 'articles\tn\tsourcing P\tsourcing R\tall cues P\tall cues R\tbacking\tbacking (sourced claims)\tspeaker\tarticle AUC\n'
  gold "gold.tsv dev" gold.tsv dev
  gold "gold.tsv test" gold.tsv test
  gold "holdout.tsv (held out)" holdout.tsv test
} > "$work/judgment.tsv"
mv "$work/judgment.tsv" "$results"
cat "$results"
