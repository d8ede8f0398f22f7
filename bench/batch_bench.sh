#!/usr/bin/env bash
# credence score --jsonl over 10,000 real-length articles: the development
# sets' article bodies (../shared/data: BuzzFeed articles, headline line then
# body; the news_articles pool), repeated to 10,000 lines of one JSON Lines
# file in a temporary folder (the data never enters the repository). Times
# the brief form at 1 and 2 threads and the full report at 2, the best of
# three runs each, all in one run so the ratios compare like with like, and
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
# Each form: the best wall time of three runs and that run's CPU time
# (user + system), which the other work on a shared machine does not
# inflate.
python3 - "$work" "$text_bytes" "$distinct" "$count" "$(nproc)" \
  > "$work/results.tsv" <<'PY'
import datetime, os, resource, subprocess, sys
work, text, distinct, count, cores = sys.argv[1], *map(int, sys.argv[2:5]), sys.argv[5]

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
      f"{mb:.1f} MB of article text; MB/s counts the article text; "
      "MB per CPU second is the rate of one core running alone.")
print("form\tthreads\twall time\tarticle text\tarticles/s\tCPU time\t"
      "MB per CPU second")
for form, threads, (wall, cpu) in [("brief", 1, b1), ("brief", 2, b2),
                                   ("full", 2, f2)]:
    print(f"{form}\t{threads}\t{wall:.2f} s\t{mb / wall:.1f} MB/s\t"
          f"{count / wall:,.0f}\t{cpu:.2f} s\t{mb / cpu:.1f}")
print(f"brief, 2 threads / 1\t\t{b1[0] / b2[0]:.2f}x faster\t\t\t\t")
print(f"full report output\t\t{full_bytes / 1e6:.0f} MB\t\t\t\t")
PY
cat "$work/results.tsv"
mkdir -p "$(dirname "$results")"
cp "$work/results.tsv" "$results.tmp-$$" && mv "$results.tmp-$$" "$results"
echo "wrote $results"
