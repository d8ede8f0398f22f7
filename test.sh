#!/usr/bin/env bash
# Quick start, step 2: run the whole test suite (after setup.sh). Ends with
# the line "N passed, N failed, N skipped", counting GoogleTest cases.
set -uo pipefail
cd "$(dirname "$0")"
ninja -C build >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
meson test -C build --print-errorlogs "$@"
status=$?
python3 - build/meson-logs/testlog.junit.xml <<'PY'
import sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for case in ET.parse(sys.argv[1]).getroot().iter('testcase'):
    if case.find('failure') is not None or case.find('error') is not None:
        failed += 1
    elif case.find('skipped') is not None:
        skipped += 1
    else:
        passed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
