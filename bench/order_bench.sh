#!/usr/bin/env bash
# Peak memory of `credence rank --order input` against the full ranking,
# at 1,000,000 and 4,000,000 rows built from the headlines in
# ../shared/data (fresh ids, repeated): input order keeps no row once it is
# written, so its peak RSS should not grow with the row count; the full
# ranking keeps 24 bytes a row and its output windows.
# Usage: [ROUNDS=3] [RESULTS=FILE] [CREDENCE=build/credence]
# bench/order_bench.sh (after setup.sh).
# Needs ../shared/data. Writes the figures to RESULTS (default
# bench/results/order.tsv, which tools/write_docs.py puts in
# docs/performance.md) once every check has passed.
set -euo pipefail
cd "$(dirname "$0")/.."
results=${RESULTS:-bench/results/order.tsv}
rounds=${ROUNDS:-3}
credence=${CREDENCE:-build/credence}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data=../shared/data
[ -d "$data" ] || { echo "order_bench: $data is absent" >&2; exit 1; }

python3 bench/headline_corpus.py "$data" 4000000 "$work/4m.csv"
head -n 1000001 "$work/4m.csv" > "$work/1m.csv"

run() {  # corpus, name, options...: ROUNDS timed runs; "secs kb" lines
  local corpus=$1 name=$2; shift 2
  for ((r = 0; r < rounds; r++)); do
    rm -f "$work/out.csv"
    /usr/bin/time -f "%e %M" -o "$work/time" "$credence" rank \
      "$work/$corpus.csv" --output "$work/out.csv" "$@" 2> "$work/err" ||
      { cat "$work/err" >&2; exit 1; }
    cat "$work/time" >> "$work/$corpus-$name.runs"
  done
  tail -1 "$work/err"
  [ "$(wc -l < "$work/out.csv")" = "$(wc -l < "$work/$corpus.csv")" ] ||
    { echo "check FAILED: $corpus $name wrote a row too few or many"; exit 1; }
}
row() {  # corpus, rows, name, label: a results row (best wall, peak RSS)
  sort -n "$work/$1-$3.runs" | awk -v rows="$2" -v label="$4" '
    { s[NR] = $1; if ($2 > kb) kb = $2 }
    END { printf "%s\t%d\t%.2f s\t%.0f\t%.1f MB\n", label, rows, s[1],
                 rows / s[1], kb / 1024 }'
}
for corpus in 1m 4m; do
  run "$corpus" input --order input
  run "$corpus" sorted
done
# Input order writes the rows as they are in the file, ranked 1, 2, ...
"$credence" rank "$work/1m.csv" --order input 2>/dev/null |
  awk -F, 'NR > 1 && ($1 != NR - 1 || $2 != "r" NR - 1) { bad = 1; exit }
    END { if (bad || NR != 1000001) { print "check FAILED: input order"; exit 1 }
          print "check: 1000000 rows in input order, rank = place" }'
{
  echo "# command: ROUNDS=$rounds bench/order_bench.sh"
  echo "# when: $(date -u +%F), $(nproc) cores of a shared machine"
  echo "# note: corpora built from the headlines in ../shared/data ($(stat -c %s "$work/1m.csv") and $(stat -c %s "$work/4m.csv") bytes); each run $rounds times, best wall, largest peak RSS (/usr/bin/time -f %M), --output FILE; checked: every row written, input order and rank = place."
  printf "run\trows\tbest wall\trows/s (best)\tpeak RSS\n"
  row 1m 1000000 input '`credence rank --order input`'
  row 4m 4000000 input '`credence rank --order input`'
  row 1m 1000000 sorted '`credence rank` (full sort)'
  row 4m 4000000 sorted '`credence rank` (full sort)'
} > "$work/results.tsv"
cat "$work/results.tsv"
mkdir -p "$(dirname "$results")"
cp "$work/results.tsv" "$results.tmp-$$" && mv "$results.tmp-$$" "$results"
echo "wrote $results"
