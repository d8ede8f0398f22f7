#!/usr/bin/env bash
# Times `credence rank` against two peers in the same run on a 1,000,000-row
# corpus built from the headlines in ../shared/data (fresh ids, repeated):
#   LC_ALL=C grep -c -i -F -f CUES   a bare scan for the cue phrases
#   bench/rank_peer.py      csv module + one regex alternation + logistic
# Usage: [ROUNDS=5] [RESULTS=FILE] bench/rank_bench.sh [ROWS] (after
# setup.sh). Needs ../shared/data. Writes the figures to RESULTS (default
# bench/results/rank.tsv, which tools/write_docs.py puts in
# docs/performance.md) once every check has passed.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
results=${RESULTS:-bench/results/rank.tsv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data=../shared/data
[ -d "$data" ] || { echo "rank_bench: $data is absent" >&2; exit 1; }

python3 bench/headline_corpus.py "$data" "$rows" "$work/corpus.csv"
# The cue phrases of the built-in lexicons, one plain form a line, of three
# characters or more: a one- or two-character substring ("i", "is", "?")
# is in nearly every line, so grep would stop at a line's first bytes and
# time no lexicon scan at all. For the same reason title_case.txt is left
# out: its entries are "and", "for", "with" (which count only capitalized,
# "And"), and with them grep -i stops early on most lines.
python3 - features/lexicons "$work/cues.txt" <<'PY'
import os, sys
cues = set()
for name in os.listdir(sys.argv[1]):
    if name == "title_case.txt":
        continue
    for line in open(os.path.join(sys.argv[1], name), encoding="utf-8"):
        line = line.split("=")[0].strip().lstrip("-^")
        if not line or line.startswith("#"):
            continue
        words = [w.split("|")[0].rstrip("+") for w in line.split()]
        cues.add(" ".join(words))
cues = sorted(c for c in cues if len(c) >= 3)
open(sys.argv[2], "w").write("\n".join(cues) + "\n")
PY
size=$(stat -c %s "$work/corpus.csv")
echo "corpus: $rows rows, $size bytes; $(wc -l < "$work/cues.txt") cue phrases"
rounds=${ROUNDS:-5}
run() {  # name, command...: one timed run; appends "secs kb" to work/NAME
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2> "$work/err" ||
    { cat "$work/err" >&2; exit 1; }
  cat "$work/time" >> "$work/$name.runs"
}
report() {  # name: best and median wall over its runs, peak RSS
  sort -n "$work/$1.runs" | awk -v n="$1" -v rows="$rows" -v size="$size" '
    { s[NR] = $1; if ($2 > kb) kb = $2 }
    END { best = s[1]; med = s[int((NR + 1) / 2)]
          printf "%-12s best %6.2f s  median %6.2f s (%d runs)  %9.0f rows/s  %6.1f MB/s  peak RSS %6.1f MB (%.2fx input)\n",
                 n, best, med, NR, rows / best, size / best / 1e6, kb / 1024, kb * 1024 / size
          printf "%.2f s\t%s\t%d\t%.0f\t%.1f\t%.1f MB (%.2fx input)\n",
                 best, (NR > 1 ? sprintf("%.2f s", med) : ""), NR, rows / best,
                 size / best / 1e6, kb / 1024, kb * 1024 / size > "'"$work"'/" n ".row"
          print best > "'"$work"'/" n ".best"; print med > "'"$work"'/" n ".median" }'
}
# The Python peer runs once (it takes minutes); grep and credence run
# ROUNDS times (default 5), interleaved, so that a busy moment of a shared
# machine falls on both: their ratio is taken best to best and median to
# median. Every credence round writes a new file (the previous round's is
# removed before the clock starts): renaming over an existing 90 MB output
# makes the file system free its blocks inside rename(), which is the cost
# of replacing a file, not of ranking.
run python-peer python3 bench/rank_peer.py "$work/cues.txt" "$work/corpus.csv"
for ((r = 0; r < rounds; r++)); do
  run grep env LC_ALL=C grep -c -i -F -f "$work/cues.txt" "$work/corpus.csv"
  rm -f "$work/ranked.csv"
  run credence build/credence rank "$work/corpus.csv" --output "$work/ranked.csv"
done
for name in grep python-peer credence; do report "$name"; done
tail -1 "$work/err"
# What a full ranking must hold: every id once, scores non-increasing, and
# the same bytes with one thread as with every core.
build/credence rank "$work/corpus.csv" --threads 1 --output "$work/ranked1.csv" 2>/dev/null
cmp -s "$work/ranked.csv" "$work/ranked1.csv" &&
  echo "check: --threads 1 output is byte-identical" ||
  { echo "check FAILED: --threads 1 output differs"; exit 1; }
awk -F, -v rows="$rows" 'NR > 1 {
    if (NR > 2 && $3 > last) bad = 1; last = $3; seen[$2]++ }
  END { n = 0; for (id in seen) { n++; if (seen[id] != 1) dup = 1 }
        if (bad || dup || n != rows) { print "check FAILED: order or ids"; exit 1 }
        print "check: " n " ids, each once; scores non-increasing" }' \
  "$work/ranked.csv"
ratios=$(awk -v gb="$(cat "$work/grep.best")" -v gm="$(cat "$work/grep.median")" \
    -v cb="$(cat "$work/credence.best")" -v cm="$(cat "$work/credence.median")" \
    -v p="$(cat "$work/python-peer.best")" 'BEGIN {
  printf "credence / grep: %.2fx best, %.2fx median (target <= 1.5); python peer / credence: %.0fx (target >= 30)", cb / gb, cm / gm, p / cm }')
echo "$ratios"
command="bench/rank_bench.sh"
[ "$rows" = 1000000 ] || command="$command $rows"
{
  echo "# command: ROUNDS=$rounds $command"
  echo "# when: $(date -u +%F), $(nproc) cores"
  echo "# note: $rows rows, $size bytes, built from the headlines in ../shared/data; grep and credence $rounds times each, interleaved, the Python peer once; checked: every id once, scores non-increasing, --threads 1 writes the same bytes."
  echo "# note: $ratios."
  printf "run\tbest wall\tmedian wall\truns\trows/s (best)\tMB/s (best)\tpeak RSS\n"
  printf '`LC_ALL=C grep -c -i -F -f CUES`\t'; cat "$work/grep.row"
  printf '`bench/rank_peer.py` (csv + regex + logistic)\t'; cat "$work/python-peer.row"
  printf '`credence rank --output FILE`\t'; cat "$work/credence.row"
} > "$work/results.tsv"
mkdir -p "$(dirname "$results")"
cp "$work/results.tsv" "$results.tmp-$$" && mv "$results.tmp-$$" "$results"
echo "wrote $results"
