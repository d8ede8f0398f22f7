#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, in build-fuzz/) if needed and runs
# each for SECONDS, one after another:
#
#   bash fuzz/run.sh SECONDS [TARGET...]   # default: every target
#
# Each target starts from its seeds in fixtures/fuzz/TARGET/ plus what
# earlier runs found (build-fuzz/corpus/TARGET/, never committed), with the
# tokens of fuzz/TARGET.dict. Prints a line a target: executions, and
# whether anything was found. A crash, leak, sanitizer report, broken
# invariant or an input slower than FUZZ_TIMEOUT seconds (default 10) is
# saved under build-fuzz/artifacts/TARGET/ and makes the script exit 1; a
# build failure exits 2.
set -uo pipefail
cd "$(dirname "$0")/.."

all_targets=(score_fuzzer csv_fuzzer model_fuzzer lexicon_fuzzer)
if (($# < 1)) || ! [[ $1 =~ ^[0-9]+$ ]] || (($1 < 1)); then
  echo "usage: fuzz/run.sh SECONDS [TARGET...] (targets: ${all_targets[*]})" >&2
  exit 2
fi
seconds=$1
shift
targets=("$@")
((${#targets[@]})) || targets=("${all_targets[@]}")

build=build-fuzz
if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ meson setup "$build" -Dfuzz=true \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debugoptimized >/dev/null ||
    { echo "fuzz: meson setup failed (is clang installed?)" >&2; exit 2; }
fi
ninja -C "$build" "${targets[@]/#/fuzz/}" >/dev/null ||
  { echo "fuzz: build failed" >&2; exit 2; }

status=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  artifacts="$build/artifacts/$t"
  log="$build/fuzz-$t.log"
  mkdir -p "$corpus" "$artifacts"
  dict=()
  [ -f "fuzz/$t.dict" ] && dict=(-dict="fuzz/$t.dict")
  # New inputs go to the first folder only: the seeds stay as they are.
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$build/fuzz/$t" -max_total_time="$seconds" -max_len=8192 \
    -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "${dict[@]}" "$corpus" "fixtures/fuzz/$t" \
    >"$log" 2>&1
  code=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  found=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log")
  if ((code == 0)) && [ -z "$found" ]; then
    echo "fuzz $t: ${execs:-?} executions in ${seconds} s, nothing found"
  else
    status=1
    echo "fuzz $t: FOUND a problem after ${execs:-?} executions" \
      "(exit $code; log $log)"
    { grep -m3 -E 'ERROR: |runtime error|invariant broken|SUMMARY' "$log" ||
      tail -n 3 "$log"; } | sed 's/^/  /'
    for f in $found; do
      echo "  reproduce: $build/fuzz/$t $f"
    done
  fi
done
exit $status
