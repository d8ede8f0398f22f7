#!/usr/bin/env python3
"""Writes a CSV corpus of ROWS headlines for the benchmarks.

usage: headline_corpus.py DATA ROWS OUT

The headlines of the GossipCop and clickbait development sets under DATA
(../shared/data), white space folded, repeated in order: columns id (r1,
r2, ...) and headline.
"""
import csv
import sys


def main():
    data, rows, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    texts = []
    for name in ("fakenewsnet_titles/fakenewsnet_titles_dev.csv",
                 "clickbait_chakraborty2016/clickbait_chakraborty2016_dev.csv"):
        with open(f"{data}/{name}", newline="", encoding="utf-8") as f:
            texts += [" ".join(r["text"].split()) for r in csv.DictReader(f)]
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "headline"])
        for i in range(rows):
            w.writerow([f"r{i + 1}", texts[i % len(texts)]])


if __name__ == "__main__":
    main()
