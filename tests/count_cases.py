"""Prints "[PREFIX]N passed, N failed, N skipped" for the GoogleTest cases of
a meson junit log: python3 tests/count_cases.py LOG [PREFIX]."""
import sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for case in ET.parse(sys.argv[1]).getroot().iter('testcase'):
    if case.find('failure') is not None or case.find('error') is not None:
        failed += 1
    elif case.find('skipped') is not None:
        skipped += 1
    else:
        passed += 1
prefix = sys.argv[2] if len(sys.argv) > 2 else ""
print(f"{prefix}{passed} passed, {failed} failed, {skipped} skipped")
