#!/usr/bin/env python3
"""The straightforward peer of `credence rank`: the csv module, one compiled
regular expression alternation of the cue phrases, a logistic score, and
id,score written out sorted. Usage: rank_peer.py CUES CORPUS.csv > out.csv"""
import csv
import math
import re
import sys


def main():
    cues = [line.strip() for line in open(sys.argv[1], encoding="utf-8")
            if line.strip()]
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(c.lower())
                                             for c in cues) + r")\b")
    scored = []
    with open(sys.argv[2], newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            hits = len(pattern.findall(row["headline"].lower()))
            scored.append((1 / (1 + math.exp(-(0.5 - 0.8 * hits))), row["id"]))
    scored.sort(key=lambda s: -s[0])
    out = csv.writer(sys.stdout)
    out.writerow(["id", "score"])
    for score, row_id in scored:
        out.writerow([row_id, "%.6f" % score])


if __name__ == "__main__":
    main()
