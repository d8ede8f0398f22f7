#!/usr/bin/env bash
# Shows that time grows linearly with input size, for `credence score` on
# text up to 30 MB (plain prose, and adversarial text: no sentence break,
# every token the start of a lexicon phrase that never completes; and one
# line of many tiny claims) and for
# `credence rank` on 100,000 to 1,000,000 rows. Each line gives seconds, MB/s
# and the ratio to the size before it (linear: the same MB/s).
# Usage: [RESULTS=FILE] bench/linear_bench.sh [MAX_MB] (after setup.sh;
# default 30: an article may hold at most 32 MiB). Writes the figures to RESULTS (default
# bench/results/linear.tsv, which tools/write_docs.py puts in
# docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
max=${1:-30}
results=${RESULTS:-bench/results/linear.tsv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$max" <<'PY'
import sys
work, top = sys.argv[1], int(sys.argv[2])
prose = open("fixtures/sample_article.txt", encoding="utf-8").read()
body = prose.split("\n", 1)[1]
# Phrase starts that never finish: "according" without "to", "is" without
# "said to", "some" without "say", "it is" without "believed"...
trap = "according is some it is widely critics people familiar sources close "
# Claims of two or three words on one line: per-claim work must not look
# ahead to the end of the line.
tiny = "A! Is it? She said so. "
for mb in (1, 10, top):
    size = mb << 20
    with open(f"{work}/prose{mb}.txt", "w", encoding="utf-8") as f:
        text = "Headline\n" + body * (size // len(body) + 1)
        f.write(text[:size])
    with open(f"{work}/trap{mb}.txt", "w", encoding="utf-8") as f:
        text = "Headline\n" + trap * (size // len(trap) + 1)
        f.write(text[:size])
    with open(f"{work}/tiny{mb}.txt", "w", encoding="utf-8") as f:
        text = "Headline\n" + tiny * (size // len(tiny) + 1)
        f.write(text[:size])
PY
measure() {  # label, mb, command...
  local label=$1 mb=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/err" ||
    { cat "$work/err" >&2; exit 1; }
  read -r secs kb < "$work/time"
  awk -v l="$label" -v mb="$mb" -v s="$secs" -v kb="$kb" \
    'BEGIN { printf "%-24s %8.2f s %8.1f MB/s  peak RSS %7.0f MB\n", l, s, mb / (s > 0 ? s : 0.01), kb / 1024 }'
  awk -v l="$label" -v mb="$mb" -v s="$secs" -v kb="$kb" \
    'BEGIN { printf "%s\t%.1f\t%.2f s\t%.1f\t%.0f MB\n", l, mb, s, mb / (s > 0 ? s : 0.01), kb / 1024 }' \
    >> "$work/rows.tsv"
}
for kind in prose trap tiny; do
  for mb in 1 10 "$max"; do
    name=$kind; [ "$kind" = trap ] && name=adversarial
    [ "$kind" = tiny ] && name="tiny claims"
    measure "score $name ${mb} MB" "$mb" build/credence score "$work/$kind$mb.txt" --format json
  done
done
python3 - ../shared/data "$work" <<'PY' 2>/dev/null || true
import csv, sys, os
data, work = sys.argv[1], sys.argv[2]
path = f"{data}/clickbait_chakraborty2016/clickbait_chakraborty2016_dev.csv"
texts = [r["text"] for r in csv.DictReader(open(path, newline="", encoding="utf-8"))] if os.path.exists(path) else ["Kim reportedly visits Russia"]
for rows in (100000, 1000000):
    with open(f"{work}/rank{rows}.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "headline"])
        for i in range(rows):
            w.writerow([i, texts[i % len(texts)]])
PY
for rows in 100000 1000000; do
  mb=$(awk -v b="$(stat -c %s "$work/rank$rows.csv")" 'BEGIN { print b / 1048576 }')
  measure "rank $rows rows" "$mb" build/credence rank "$work/rank$rows.csv" --output "$work/out.csv"
done
command="bench/linear_bench.sh"
[ "$max" = 100 ] || command="$command $max"
{
  echo "# command: $command"
  echo "# when: $(date -u +%F), $(nproc) cores"
  echo "# note: score writes JSON; prose is the sample article repeated, adversarial text has no sentence break and every token starts a lexicon phrase that never completes; rank reads headlines from ../shared/data when present (else one line repeated)."
  printf "run\tMB\twall\tMB/s\tpeak RSS\n"
  cat "$work/rows.tsv"
} > "$work/results.tsv"
mkdir -p "$(dirname "$results")"
cp "$work/results.tsv" "$results.tmp-$$" && mv "$results.tmp-$$" "$results"
echo "wrote $results"
