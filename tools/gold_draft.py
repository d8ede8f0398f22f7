#!/usr/bin/env python3
"""Writes an annotation sheet for one article (docs/annotation.md).

usage: gold_draft.py ARTICLE [--credence build/credence] [--split dev]
                     [--group reputable] > SHEET

The sheet lists the article's claims as credence splits them: for each, a
comment line `# [N START-END] TEXT` and a line `@N none` to edit. It shows
nothing else credence found, so that it does not lead the annotator.
"""
import argparse
import hashlib
import json
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article")
    ap.add_argument("--credence", default="build/credence")
    ap.add_argument("--split", default="dev", choices=["dev", "test"])
    ap.add_argument("--group", default="-")
    args = ap.parse_args()
    with open(args.article, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    out = subprocess.run([args.credence, "score", args.article, "--format",
                          "json"], check=True, capture_output=True, text=True)
    report = json.loads(out.stdout)
    print(f"# article: {args.article}")
    print(f"# sha256: {digest}")
    print(f"# split: {args.split}")
    print(f"# group: {args.group}")
    for claim in report["claims"]:
        text = " ".join(claim["text"].split())
        print(f"# [{claim['index']} {claim['start']}-{claim['end']}] {text}")
        print(f"@{claim['index']} none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
