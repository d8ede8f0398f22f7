#!/usr/bin/env bash
# Runs build/bench/score_bench on one core with the sample article and a
# file of headlines, one a line, built from ../shared/data (GossipCop titles
# and clickbait headlines; without ../shared/data, the article only), and
# writes its figures to RESULTS (default bench/results/score.tsv, which
# tools/write_docs.py puts in docs/performance.md).
# Usage: [RESULTS=FILE] bench/score_bench.sh (after test.sh, which builds
# the benchmarks).
set -euo pipefail
cd "$(dirname "$0")/.."
results=${RESULTS:-bench/results/score.tsv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
args=(fixtures/sample_article.txt)
if [ -d ../shared/data ]; then
  python3 - ../shared/data "$work/headlines.txt" <<'PY'
import csv, sys
data, out = sys.argv[1], sys.argv[2]
with open(out, "w", encoding="utf-8") as f:
    for name in ("fakenewsnet_titles/fakenewsnet_titles_dev.csv",
                 "clickbait_chakraborty2016/clickbait_chakraborty2016_dev.csv"):
        with open(f"{data}/{name}", newline="", encoding="utf-8") as g:
            for row in csv.DictReader(g):
                f.write(" ".join(row["text"].split()) + "\n")
PY
  args+=("$work/headlines.txt")
fi
taskset -c 0 build/bench/score_bench "${args[@]}" | tee "$work/out"
# score_bench's lines, as table rows: measure, then what it found.
awk '
  /^article /       { sub(/^article +/, ""); print "article\t" $0 }
  /^score  /        { printf "score the article\t%s µs (%s articles/s)\n", $2, $4 }
  /^score, /        { l = $10; sub(/,$/, "", l)
                      printf "score the article %s over\t%s µs: time ratio %s (linear: %s; limit 4.5)\n",
                             $2, $4, $8, l }
  /^tokenize only / { printf "tokenize the article only\t%s µs: score / tokenize %s\n", $3, $8 }
  /^headlines /     { sub(/^headlines +/, ""); print "headlines, each a claim\t" $0 }
' "$work/out" > "$work/rows.tsv"
{
  echo "# command: bench/score_bench.sh"
  echo "# when: $(date -u +%F), one core (taskset -c 0) of $(nproc); each figure the best of five rounds of 0.3 s or more"
  printf "measure\tresult\n"
  cat "$work/rows.tsv"
} > "$work/results.tsv"
mkdir -p "$(dirname "$results")"
cp "$work/results.tsv" "$results.tmp-$$" && mv "$results.tmp-$$" "$results"
echo "wrote $results"
