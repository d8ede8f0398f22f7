#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer
# in a debug build of its own (build-asan/; the release build/ is untouched):
#
#   bash tests/sanitize.sh [meson test options]
#
# Any sanitizer report stops the test program, so the suite fails. Ends
# with "sanitize: N passed, N failed, N skipped"; exits non-zero when a
# test fails or the build does.
set -uo pipefail
cd "$(dirname "$0")/.."
build=build-asan
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debug >/dev/null ||
    { echo "sanitize: meson setup failed"; exit 1; }
fi
ninja -C "$build" >/dev/null || { echo "sanitize: build failed"; exit 1; }
# Debug code under ASan runs several times slower than the release build.
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:strict_string_checks=1 \
  meson test -C "$build" --print-errorlogs --timeout-multiplier 4 "$@" \
  >"$build/sanitize.log" 2>&1
status=$?
if ((status != 0)); then
  # The failing tests and their sanitizer reports.
  grep -E 'FAIL|ERROR: |runtime error|SUMMARY' "$build/sanitize.log" |
    head -40
fi
python3 tests/count_cases.py --prefix "sanitize: " \
  "$build/meson-logs/testlog.junit.xml"
exit $status
