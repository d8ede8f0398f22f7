#!/usr/bin/env bash
# Times `python3 -m credence.dask rank` on a LocalCluster of 1 and of 2
# worker processes (one thread each) against `credence rank` on the same
# rows: ROWS (default 4,000,000) invented headlines from
# tests/python/headlines.py with ids, one CSV file. Each run is one
# command from start to end, with the load average before it (the machine
# may be shared): `--workers N` starts its LocalCluster inside the timed
# command; `--scheduler ADDRESS` runs on a LocalCluster of N started
# before the timing and kept across rounds (the multi-machine case, where
# the cluster outlives a job; its workers keep their scorers after the
# first round). Each run starts after `sync`, so that the writeback of the
# outputs before it is not timed with it; each cluster run's output is
# compared with credence rank's, then removed.
# Usage: [ROUNDS=1] [BLOCKSIZE=8MB] [RESULTS=FILE] bench/dask_bench.sh
# [ROWS] (after test.sh has built build/python). Writes the figures to
# RESULTS (default bench/results/dask.tsv, which tools/write_docs.py puts
# in docs/performance.md) once every output has been checked equal to
# credence rank's.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-4000000}
rounds=${ROUNDS:-1}
blocksize=${BLOCKSIZE:-8MB}
results=${RESULTS:-bench/results/dask.tsv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PYTHONPATH=$PWD/build/python
[ -f build/python/credence/dask/__init__.py ] ||
  { echo "dask_bench: build/python is missing (run test.sh)" >&2; exit 1; }

PYTHONPATH=tests/python /usr/bin/python3 -c \
  "import headlines, sys; headlines.write(sys.argv[1], int(sys.argv[2]))" \
  "$work/corpus.csv" "$rows"
size=$(stat -c %s "$work/corpus.csv")
echo "corpus: $rows rows, $size bytes; $(nproc) cores"

run() {  # name, command...: one timed run; appends "secs kb load" to NAME
  local name=$1 load; shift
  load=$(cut -d' ' -f1 /proc/loadavg)
  rm -f "$work/$name.csv"
  sync  # the runs before it written out: their writeback is not timed here
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/err" ||
    { cat "$work/err" >&2; exit 1; }
  echo "$(cat "$work/time") $load" >> "$work/$name.runs"
  echo "$name: $(cat "$work/time") (wall s, peak RSS KB of the largest process), load $load" >&2
  [ "$name" = credence ] && return
  cmp "$work/credence.csv" "$work/$name.csv" ||
    { echo "check FAILED: $name differs from credence rank" >&2; exit 1; }
  rm "$work/$name.csv"
}
cluster_pids=()
stop_clusters() {
  for pid in "${cluster_pids[@]}"; do
    kill "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
  done
}
trap 'stop_clusters; rm -rf "$work"' EXIT
start_cluster() {  # workers: a LocalCluster left running (in this shell,
  # not a subshell, so that its pid is kept); its address in cluster-N
  /usr/bin/python3 -c '
import logging, signal, sys, time
from distributed import LocalCluster
if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    cluster = LocalCluster(n_workers=int(sys.argv[1]), threads_per_worker=1,
                           processes=True, host="127.0.0.1",
                           dashboard_address=None,
                           silence_logs=logging.CRITICAL)
    print(cluster.scheduler_address, flush=True)
    try:
        while True:
            time.sleep(60)
    finally:
        cluster.close()' "$1" > "$work/cluster-$1" 2> /dev/null &
  cluster_pids+=($!)
  until [ -s "$work/cluster-$1" ]; do
    kill -0 "$!" 2> /dev/null ||
      { echo "dask_bench: the LocalCluster did not start" >&2; exit 1; }
    sleep 0.2
  done
}
start_cluster 1
start_cluster 2
address_1=$(cat "$work/cluster-1")
address_2=$(cat "$work/cluster-2")
for ((r = 0; r < rounds; r++)); do
  run credence build/credence rank "$work/corpus.csv" \
    --output "$work/credence.csv"
  for n in 1 2; do
    run "dask-$n" /usr/bin/python3 -m credence.dask rank "$work/corpus.csv" \
      --workers "$n" --blocksize "$blocksize" --output "$work/dask-$n.csv"
    address=address_$n
    run "running-$n" /usr/bin/python3 -m credence.dask rank \
      "$work/corpus.csv" --scheduler "${!address}" --blocksize "$blocksize" \
      --output "$work/running-$n.csv"
  done
done
echo "check: every cluster run wrote credence rank's bytes"

best() { sort -n "$work/$1.runs" | head -1 | cut -d' ' -f1; }
column() { cut -d' ' -f"$2" "$work/$1.runs" | paste -sd' '; }
row() {  # name, label
  printf '%s\t%s s\t%.0f\t%s\t%s\n' "$2" "$(best "$1")" \
    "$(awk -v r="$rows" -v s="$(best "$1")" 'BEGIN { print r / s }')" \
    "$(column "$1" 1)" "$(column "$1" 3)"
}
ratio() {  # prefix of the runs: the two target ratios
  awk -v c="$(best credence)" -v a="$(best "$1-1")" -v b="$(best "$1-2")" \
    -v what="$2" 'BEGIN {
  printf "%s: 1 worker / 2 workers %.2fx (target >= 1.6), 2 workers / credence rank %.2fx (target <= 2)", what, a / b, b / c }'
}
ratios="$(ratio dask "cluster started in the command"); $(ratio running "cluster already running")"
echo "$ratios"
command="bench/dask_bench.sh"
[ "$rows" = 4000000 ] || command="$command $rows"
{
  echo "# command: ROUNDS=$rounds BLOCKSIZE=$blocksize $command"
  echo "# when: $(date -u +%F), $(nproc) cores of a shared machine"
  echo "# note: $rows rows, $size bytes of invented headlines with ids, one file; each run a whole command (Python start-up included; with --workers the LocalCluster's start too; with --scheduler a LocalCluster started before the timing), best of $rounds, each after sync (each run's wall and the load average, 1 min, before it are listed: the machine may be shared); checked: every cluster run wrote the bytes of credence rank."
  echo "# note: $ratios."
  printf "run\tbest wall\trows/s (best)\twall of each run (s)\tload average before each run\n"
  row credence '`credence rank --output FILE`'
  row dask-1 '`python3 -m credence.dask rank --workers 1`'
  row dask-2 '`python3 -m credence.dask rank --workers 2`'
  row running-1 '`python3 -m credence.dask rank --scheduler ADDRESS` (1 worker, running)'
  row running-2 '`python3 -m credence.dask rank --scheduler ADDRESS` (2 workers, running)'
} > "$work/results.tsv"
mkdir -p "$(dirname "$results")"
cp "$work/results.tsv" "$results.tmp-$$" && mv "$results.tmp-$$" "$results"
echo "wrote $results"
