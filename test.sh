#!/usr/bin/env bash
# Quick start, step 2: build everything setup.sh left out (the tests, the
# benchmarks, the Python package) and run the whole test suite: meson's
# tests and, beside them, the Python package's pytest tests with Debian's
# python3.
# Build progress goes to stderr; stdout ends with the line "N passed, N
# failed, N skipped", counting GoogleTest and pytest cases (and each other
# script test as one). Exits non-zero on failure.
set -uo pipefail
cd "$(dirname "$0")"
build_failed() { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
[ -f build/build.ninja ] || meson setup build >&2 || build_failed
ninja -C build >&2 || build_failed
# The Python tests run beside meson's (two long tests, the browser's and
# the Dask cluster's, then overlap); their output follows meson's.
pytest_log=build/meson-logs/pytest.junit.xml
pytest_out=build/meson-logs/pytest.txt
rm -f "$pytest_log"
PYTHONPATH=build/python CREDENCE_BINARY=build/credence /usr/bin/python3 \
  -m pytest -q -p no:cacheprovider --junitxml="$pytest_log" tests/python \
  > "$pytest_out" 2>&1 &
pytest_pid=$!
meson test -C build --print-errorlogs "$@"
status=$?
# pytest exits 5 when it collects no test: that fails too.
wait "$pytest_pid" || status=1
cat "$pytest_out" >&2
python3 tests/count_cases.py build/meson-logs/testlog.junit.xml "$pytest_log"
exit $status
