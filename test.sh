#!/usr/bin/env bash
# Quick start, step 2: build everything setup.sh left out (the tests, the
# benchmarks) and run the whole test suite. Build progress goes to stderr;
# stdout ends with the line "N passed, N failed, N skipped", counting
# GoogleTest cases (and each script test as one). Exits non-zero on failure.
set -uo pipefail
cd "$(dirname "$0")"
build_failed() { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
[ -f build/build.ninja ] || meson setup build >&2 || build_failed
ninja -C build >&2 || build_failed
meson test -C build --print-errorlogs "$@"
status=$?
python3 tests/count_cases.py build/meson-logs/testlog.junit.xml
exit $status
