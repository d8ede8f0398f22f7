#!/usr/bin/env bash
# credence score --jsonl over 10,000 real-length articles: the development
# sets' article bodies (../shared/data: BuzzFeed articles, headline line then
# body; the news_articles pool), repeated to 10,000 lines of one JSON Lines
# file in a temporary folder (the data never enters the repository). Times
# the brief form at 1 and 2 threads and the full report at 2, the best of
# three runs each, all in one run so the ratios compare like with like,
# with the CPU time per MB of article text and the 2-thread/1-thread ratio;
# counts instructions per MB with valgrind's callgrind where it is; and
# writes RESULTS (default bench/results/batch.tsv; tools/write_docs.py puts
# it in docs/performance.md).
# Usage: [RESULTS=FILE] [ARTICLES=10000] bench/batch_bench.sh (after the
# build: build/credence).
set -euo pipefail
cd "$(dirname "$0")/.."
results=${RESULTS:-bench/results/batch.tsv}
count=${ARTICLES:-10000}
data=../shared/data
if [ ! -d "$data" ]; then
  echo "batch_bench: $data is absent (the benchmark needs real articles)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$data" "$work/articles.jsonl" "$count" > "$work/bytes" <<'PY'
import csv, json, os, sys
data, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
csv.field_size_limit(1 << 30)
texts = []
with open(f"{data}/fnn_buzzfeed_articles/fnn_buzzfeed_articles_dev.csv",
          newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        texts.append(row["title"].strip() + "\n" + row["text"])
folder = f"{data}/news_articles/articles"
for name in sorted(os.listdir(folder)):
    with open(f"{folder}/{name}", encoding="utf-8") as f:
        texts.append(f.read())
total = 0
with open(out, "w", encoding="utf-8") as f:
    for i in range(count):
        text = texts[i % len(texts)]
        total += len(text.encode("utf-8"))
        f.write(json.dumps({"id": str(i), "text": text}) + "\n")
print(total, len(texts))
PY
read -r text_bytes distinct < "$work/bytes"
# Instructions per MB of article text, from valgrind's callgrind at one
# thread (a count the machine's load does not change): the first DISTINCT
# articles less the first one alone (the start-up: loading the lexicons),
# for each form. Left out where valgrind is absent.
head -n "$distinct" "$work/articles.jsonl" > "$work/distinct.jsonl"
head -n 1 "$work/articles.jsonl" > "$work/first.jsonl"
distinct_bytes=$(python3 -c '
import json, sys
print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1], encoding="utf-8")))
' "$work/distinct.jsonl")
first_bytes=$(python3 -c '
import json, sys
print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1], encoding="utf-8")))
' "$work/first.jsonl")
instructions() {  # form, input: callgrind's instruction count
  valgrind --tool=callgrind --callgrind-out-file=/dev/null build/credence \
    score --jsonl "$2" --format "$1" --threads 1 --output "$work/cg.out" \
    2>&1 >/dev/null | sed -n 's/.*I *refs: *//p' | tr -d ,
}
: > "$work/instructions"
if command -v valgrind >/dev/null; then
  for form in brief json; do
    all=$(instructions "$form" "$work/distinct.jsonl")
    one=$(instructions "$form" "$work/first.jsonl")
    echo "$form $(( (all - one) * 1000000 / (distinct_bytes - first_bytes) ))" \
      >> "$work/instructions"
  done
fi
# Each form: the best wall time of three runs and that run's CPU time
# (user + system), which the other work on a shared machine inflates less.
python3 - "$work" "$text_bytes" "$distinct" "$count" "$(nproc)" \
  > "$work/results.tsv" <<'PY'
import datetime, os, resource, subprocess, sys
work, text, distinct, count, cores = sys.argv[1], *map(int, sys.argv[2:5]), sys.argv[5]
instructions = dict(line.split() for line in open(f"{work}/instructions"))

def run(*args):
    best = None
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = datetime.datetime.now()
        subprocess.run(["build/credence", "score", "--jsonl",
                        f"{work}/articles.jsonl", *args, "--output",
                        f"{work}/out.jsonl"], check=True,
                       stderr=subprocess.DEVNULL)
        wall = (datetime.datetime.now() - start).total_seconds()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if best is None or wall < best[0]:
            best = (wall, cpu)
    return best

b1 = run("--format", "brief", "--threads", "1")
b2 = run("--format", "brief", "--threads", "2")
f2 = run("--format", "json", "--threads", "2")
full_bytes = os.path.getsize(f"{work}/out.jsonl")
mb = text / 1e6
load = os.getloadavg()[0]
print("# command: bench/batch_bench.sh")
print(f"# when: {datetime.date.today()}, {cores} cores shared with other "
      f"work (load average {load:.1f}); each figure the best of three runs")
print(f"# note: {count:,} articles ({distinct} distinct, repeated), "
      f"{mb:.1f} MB of article text; MB/s counts the article text; CPU "
      "time is user + system of the run with the best wall time, the "
      "figure a loaded machine changes least; instructions per MB from "
      "callgrind at one thread over the distinct articles, start-up "
      "left out.")
print(f"# note: brief, 2 threads / 1: {b1[0] / b2[0]:.2f}x the speed by "
      f"wall time (target >= 1.6), CPU time {b2[1] / b1[1]:.2f}x (the cost "
      "of the threading; 1.00 is none).")
print("form\tthreads\twall time\tarticle text\tarticles/s\tCPU time\t"
      "CPU s per MB\tinstructions per MB")
for form, threads, (wall, cpu), key in [("brief", 1, b1, "brief"),
                                        ("brief", 2, b2, None),
                                        ("full", 2, f2, "json")]:
    per_mb = (f"{int(instructions[key]) / 1e6:.1f} M" if key in instructions
              else "")
    print(f"{form}\t{threads}\t{wall:.2f} s\t{mb / wall:.1f} MB/s\t"
          f"{count / wall:,.0f}\t{cpu:.2f} s\t{cpu / mb:.3f}\t{per_mb}")
print(f"full report output\t\t{full_bytes / 1e6:.0f} MB\t\t\t\t\t")
PY
cat "$work/results.tsv"
mkdir -p "$(dirname "$results")"
cp "$work/results.tsv" "$results.tmp-$$" && mv "$results.tmp-$$" "$results"
echo "wrote $results"
