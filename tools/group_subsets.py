#!/usr/bin/env python3
"""Pooled AUC over every K-subset of a file's groups, from out-of-fold
predictions: what a held-back split of K unseen groups (news events) could
score.

Usage:
  credence tune DATA.csv ... --group-column event --predictions oof.csv ...
  tools/group_subsets.py oof.csv DATA.csv [--group-column event] [--k 3]

Rows are matched on the id column (DATA.csv's `id`, the predictions' `id`)
of the rows that came from DATA.csv. Prints each subset's rows, rows
labeled 1 and AUC (ties count half; '-' with one class), then the range
and median over the subsets with both classes.
"""
import argparse
import csv
import itertools
import statistics
import sys


def auc(scores, labels):
    """Mann-Whitney AUC with mid-ranks for ties; None with one class."""
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    positives = sum(labels)
    negatives = len(labels) - positives
    if positives == 0 or negatives == 0:
        return None
    rank_sum, i = 0.0, 0
    while i < len(order):
        j = i
        while j < len(order) and scores[order[j]] == scores[order[i]]:
            j += 1
        mid_rank = (i + 1 + j) / 2
        rank_sum += mid_rank * sum(labels[order[k]] for k in range(i, j))
        i = j
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("predictions")
    parser.add_argument("data")
    parser.add_argument("--group-column", default="event")
    parser.add_argument("--k", type=int, default=3)
    args = parser.parse_args()

    rows = []
    try:
        with open(args.data, newline="", encoding="utf-8") as f:
            group_of = {r["id"]: r[args.group_column]
                        for r in csv.DictReader(f)}
        with open(args.predictions, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                if r["file"] == args.data and r["id"] in group_of:
                    rows.append((group_of[r["id"]], float(r["probability"]),
                                 int(r["label"])))
    except (OSError, KeyError, ValueError) as e:
        sys.exit(f"group_subsets: {e!r} (expects a credence --predictions "
                 "file and a CSV with id and group columns)")
    if not rows:
        sys.exit(f"group_subsets: no predictions for {args.data} "
                 "(the path must be spelled as it was given to tune)")
    groups = sorted({g for g, _, _ in rows})
    results = []
    for subset in itertools.combinations(groups, args.k):
        chosen = [(p, y) for g, p, y in rows if g in subset]
        value = auc([p for p, _ in chosen], [y for _, y in chosen])
        results.append((value, subset, len(chosen), sum(y for _, y in chosen)))
    results.sort(key=lambda r: (r[0] is None, r[0] if r[0] is not None else 0))
    for value, subset, n, positives in results:
        shown = "  -  " if value is None else f"{value:.3f}"
        print(f"{shown}  {n:6d} rows  {positives:5d} labeled 1  {', '.join(subset)}")
    values = [r[0] for r in results if r[0] is not None]
    if values:
        print(f"{len(values)} subsets of {args.k} with both classes: AUC "
              f"{min(values):.3f}-{max(values):.3f}, median "
              f"{statistics.median(values):.3f}")


if __name__ == "__main__":
    main()
