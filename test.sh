#!/usr/bin/env bash
# Quick start, step 2: run the whole test suite (after setup.sh). Ends with
# the line "N passed, N failed, N skipped", counting GoogleTest cases.
set -uo pipefail
cd "$(dirname "$0")"
ninja -C build >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
meson test -C build --print-errorlogs "$@"
status=$?
python3 tests/count_cases.py build/meson-logs/testlog.junit.xml
exit $status
