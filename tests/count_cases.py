"""Prints "[PREFIX]N passed, N failed, N skipped" for the test cases of junit
logs (meson's, each GoogleTest case one; pytest's):
python3 tests/count_cases.py [--prefix PREFIX] LOG...
A log that is missing, unreadable or without a case (pytest found no test)
counts as one failed case."""
import argparse
import xml.etree.ElementTree as ET

parser = argparse.ArgumentParser()
parser.add_argument("--prefix", default="")
parser.add_argument("logs", nargs="+")
args = parser.parse_args()

passed = failed = skipped = 0
for log in args.logs:
    try:
        cases = list(ET.parse(log).getroot().iter('testcase'))
    except (OSError, ET.ParseError):
        cases = []
    if not cases:
        failed += 1
    for case in cases:
        if case.find('failure') is not None or case.find('error') is not None:
            failed += 1
        elif case.find('skipped') is not None:
            skipped += 1
        else:
            passed += 1
print(f"{args.prefix}{passed} passed, {failed} failed, {skipped} skipped")
