#!/usr/bin/env bash
# Python's Scorer.score_many(texts, threads=0, brief=True) against
# `credence rank` on the same 1,000,000 headlines (../shared/data, repeated),
# in one run: credence rank --order input (or, on a binary without it,
# --format jsonl-brief) writing its rows to a file, and score_many on the
# texts already in a Python list (reading the CSV into the list is not
# timed: a pandas user holds the column already). Also times brief_columns
# (four lists, no dict a row). ROUNDS rounds (default 5), interleaved, so
# a busy moment of a shared machine falls on both; ratios best to best and
# median to median. Writes RESULTS (default bench/results/python.tsv;
# tools/write_docs.py puts it in docs/performance.md).
# Usage: [ROUNDS=5] [RESULTS=FILE] bench/python_bench.sh [ROWS] (after the
# build: build/credence and build/python).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
rounds=${ROUNDS:-5}
results=${RESULTS:-bench/results/python.tsv}
data=../shared/data
[ -d "$data" ] || { echo "python_bench: $data is absent" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/headline_corpus.py "$data" "$rows" "$work/corpus.csv"
if build/credence rank --help 2>&1 | grep -qE -- '--order [a-z|]*input'; then
  rank_args=(--order input)
else
  rank_args=(--format jsonl-brief)
fi
PYTHONPATH=build/python /usr/bin/python3 - "$work" "$rows" "$rounds" \
  "$(nproc)" "${rank_args[@]}" > "$work/results.tsv" <<'PY'
import csv, datetime, os, statistics, subprocess, sys, time
import credence
work, rows, rounds, cores = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rank_args = sys.argv[5:]
corpus = f"{work}/corpus.csv"
with open(corpus, newline="", encoding="utf-8") as f:
    texts = [row["headline"] for row in csv.DictReader(f)]
scorer = credence.Scorer()
times = {"rank": [], "dicts": [], "lists": []}
rank_command = ["build/credence", "rank", corpus, *rank_args]

def timed(name, run):
    start = time.perf_counter()
    result = run()
    times[name].append(time.perf_counter() - start)
    return result

for r in range(rounds):
    out = f"{work}/ranked-{r}"
    timed("rank", lambda: subprocess.run(
        rank_command + ["--output", out], check=True,
        stderr=subprocess.DEVNULL))
    os.remove(out)
    dicts = timed("dicts", lambda: scorer.score_many(texts, threads=0,
                                                     brief=True))
    del dicts
    lists = timed("lists", lambda: scorer.brief_columns(texts, threads=0))
    del lists
best = {k: min(v) for k, v in times.items()}
median = {k: statistics.median(v) for k, v in times.items()}
size = os.path.getsize(corpus)
load = os.getloadavg()[0]
shown = " ".join(["credence", "rank", "FILE", *rank_args, "--output", "OUT"])
print("# command: " + (f"ROUNDS={rounds} " if rounds != 5 else "") +
      "bench/python_bench.sh" + (f" {rows}" if rows != 1000000 else ""))
print(f"# when: {datetime.date.today()}, {cores} cores shared with other "
      f"work (load average {load:.1f}); {rounds} rounds, interleaved")
print(f"# note: {rows:,} headlines ({size / 1e6:.0f} MB as CSV) from "
      "../shared/data; the Python calls score a list of str already in "
      "memory, threads=0 (every core); rank reads the CSV and writes its rows.")
print(f"# note: score_many(brief=True) / rank: "
      f"{best['dicts'] / best['rank']:.2f}x best, "
      f"{median['dicts'] / median['rank']:.2f}x median (target <= 1.5).")
print("run\tbest wall\tmedian wall\trows/s (best)")
labels = {"rank": f"`{shown}`",
          "dicts": "`Scorer().score_many(texts, threads=0, brief=True)` (a dict a row)",
          "lists": "`Scorer().brief_columns(texts, threads=0)` (four lists)"}
for name in ("rank", "dicts", "lists"):
    print(f"{labels[name]}\t{best[name]:.2f} s\t{median[name]:.2f} s\t"
          f"{rows / best[name]:,.0f}")
PY
cat "$work/results.tsv"
mkdir -p "$(dirname "$results")"
cp "$work/results.tsv" "$results.tmp-$$" && mv "$results.tmp-$$" "$results"
echo "wrote $results"
