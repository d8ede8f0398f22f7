#!/usr/bin/env bash
# Times `credence tune` (5-fold cross-validation + final fit) on 100,000
# labeled headlines against `credence eval` on the same rows in the same
# run: eval only extracts features and scores, so the ratio is what the
# fitting costs on top of reading. Rows come from the headline sets in
# ../shared/data (GossipCop titles, clickbait, LIAR statements), repeated
# with fresh ids.
# Usage: [RESULTS=FILE] bench/tune_bench.sh [ROWS] (after setup.sh). Needs
# ../shared/data. Writes the figures to RESULTS (default
# bench/results/tune.tsv, which tools/write_docs.py puts in
# docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
results=${RESULTS:-bench/results/tune.tsv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data=../shared/data
[ -d "$data" ] || { echo "tune_bench: $data is absent" >&2; exit 1; }
python3 - "$data" "$rows" "$work/labeled.csv" <<'PY'
import csv, sys
data, rows, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pairs = []
for name in ("fakenewsnet_titles/fakenewsnet_titles_dev.csv",
             "clickbait_chakraborty2016/clickbait_chakraborty2016_dev.csv",
             "liar/liar_dev.csv"):
    with open(f"{data}/{name}", newline="", encoding="utf-8") as f:
        pairs += [(" ".join(r["text"].split()), r["label"])
                  for r in csv.DictReader(f)]
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "text", "label"])
    for i in range(rows):
        text, label = pairs[i % len(pairs)]
        w.writerow([f"t{i + 1}", text, label])
PY
echo "corpus: $rows labeled headlines, $(stat -c %s "$work/labeled.csv") bytes"
run() {  # name, command...
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/$name.out" 2> "$work/err" ||
    { cat "$work/err" >&2; exit 1; }
  read -r secs kb < "$work/time"
  printf "%-6s %6.2f s  %9.0f rows/s  peak RSS %6.1f MB\n" "$name" "$secs" \
    "$(echo "$rows / $secs" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
  echo "$secs" > "$work/$name.secs"
  printf "%.2f s\t%.0f\t%.1f MB\n" "$secs" "$(echo "$rows / $secs" | bc -l)" \
    "$(echo "$kb / 1024" | bc -l)" > "$work/$name.row"
}
run eval build/credence eval "$work/labeled.csv"
run tune build/credence tune "$work/labeled.csv" --folds 5 -o "$work/t.model"
fit=$(grep -m1 "^fit:" "$work/tune.out")
echo "$fit"
ratio=$(awk -v e="$(cat "$work/eval.secs")" -v t="$(cat "$work/tune.secs")" \
  'BEGIN { printf "tune / eval: %.2fx", t / e }')
echo "$ratio"
command="bench/tune_bench.sh"
[ "$rows" = 100000 ] || command="$command $rows"
{
  echo "# command: $command"
  echo "# when: $(date -u +%F), $(nproc) cores"
  echo "# note: $rows labeled headlines from ../shared/data (GossipCop titles, clickbait, LIAR statements), repeated with fresh ids; $ratio."
  echo "# note: The final fit: \`$fit\`."
  printf "run\twall\trows/s\tpeak RSS\n"
  printf '`credence eval`\t'; cat "$work/eval.row"
  printf '`credence tune --folds 5`\t'; cat "$work/tune.row"
} > "$work/results.tsv"
mkdir -p "$(dirname "$results")"
cp "$work/results.tsv" "$results.tmp-$$" && mv "$results.tmp-$$" "$results"
echo "wrote $results"
