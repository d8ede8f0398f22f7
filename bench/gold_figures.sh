#!/usr/bin/env bash
# Runs the gold-set test (build/tests/gold_test, which test.sh builds) and
# writes its figures for both annotated sets to RESULTS (default
# bench/results/gold.tsv, which tools/write_docs.py puts in
# docs/evaluation.md): precision and recall over all categories, backing
# accuracy, and the category with the lowest precision and the lowest
# recall.
# Usage: [RESULTS=FILE] bench/gold_figures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
results=${RESULTS:-bench/results/gold.tsv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build/tests/gold_test > "$work/out"
# gold_test prints, per set: its path, a header, one row a category
# (name, precision, recall, tp, fp, fn), "(all categories)" and
# "backing accuracy X (N of M sentences)".
awk '
  /\.tsv$/ { n = split($0, parts, "/"); set = parts[n]; lowp = lowr = 2; next }
  /^category / { next }
  /^\(all categories\)/ { p = $3; r = $4; next }
  /^backing accuracy/ {
    printf "%s (`%s`)\t%s\t%s\t%s\t%s P %s\t%s R %s\n",
           set == "holdout.tsv" ? "holdout" : "development", set, p, r, $3,
           lowp_name, lowp, lowr_name, lowr; next }
  NF == 6 && set != "" && $2 ~ /^[0-9.]+$/ {
    if ($2 < lowp) { lowp = $2; lowp_name = $1 }
    if ($3 < lowr) { lowr = $3; lowr_name = $1 } }
' "$work/out" > "$work/rows.tsv"
[ "$(wc -l < "$work/rows.tsv")" -eq 2 ] ||
  { echo "gold_figures: expected two sets in gold_test's output" >&2; exit 1; }
{
  echo "# command: bench/gold_figures.sh"
  echo "# when: $(date -u +%F)"
  printf "set\tprecision (all categories)\trecall\tbacking accuracy\tlowest precision\tlowest recall\n"
  cat "$work/rows.tsv"
} > "$work/results.tsv"
mkdir -p "$(dirname "$results")"
cp "$work/results.tsv" "$results.tmp-$$" && mv "$results.tmp-$$" "$results"
echo "wrote $results"
