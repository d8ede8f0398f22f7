#!/usr/bin/env python3
"""Agreement between two annotations of the same articles (credence-gold 1).

usage: gold_agreement.py FIRST.tsv SECOND.tsv [--format text|json]

Compares the articles both files annotate (same path and sha256), by the
rules `credence eval --gold` uses between system and gold:
- cues, per category: two cues agree when they have the same category and
  their spans overlap by at least one code point; reported as the cues of
  each file, those of FIRST that SECOND also marks and those of SECOND
  that FIRST also marks, and F1 = the mean of the two shares (Dice);
- backing: each claim of FIRST against the claim of SECOND that overlaps
  it most (ties: the earlier); observed agreement, Cohen's kappa and the
  confusion table (rows FIRST, columns SECOND);
- speaker: claims both give a speaker span, agreeing when the spans
  overlap.
"""
import argparse
import json
import sys
from collections import Counter

BACKINGS = ["official", "institution", "named", "media", "anonymous",
            "vague", "social", "none"]
SOURCING = {"anonymous_source", "vague_attribution", "named_source",
            "official_confirmation", "denial", "media_report",
            "unverified_social"}


def read_gold(path):
    """{(article path, sha256): {"claims": [...], "cues": [...]}}."""
    articles, current = {}, None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            fields = line.rstrip("\n").split("\t")
            kind = fields[0]
            if kind == "article":
                current = {"claims": [], "cues": []}
                articles[(fields[1], fields[2])] = current
            elif kind == "claim":
                speaker = (None if fields[5] == "-" else
                           (int(fields[5]), int(fields[6])))
                current["claims"].append(
                    (int(fields[1]), int(fields[2]), fields[3], speaker))
            elif kind == "cue":
                current["cues"].append(
                    (int(fields[1]), int(fields[2]), fields[3]))
            elif kind not in ("credence-gold", "categories", "") and \
                    not kind.startswith("#"):
                sys.exit(f"{path}:{number}: unknown record {kind!r} "
                         "(a credence-gold 1 file?)")
    return articles


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def cue_agreement(pairs):
    rows = {}
    for first, second in pairs:
        for cat in {c[2] for c in first + second}:
            a = [c for c in first if c[2] == cat]
            b = [c for c in second if c[2] == cat]
            row = rows.setdefault(cat, Counter())
            row["first"] += len(a)
            row["second"] += len(b)
            row["first_agreed"] += sum(any(overlaps(x, y) for y in b)
                                       for x in a)
            row["second_agreed"] += sum(any(overlaps(x, y) for x in a)
                                        for y in b)
    return rows


def f1(row):
    shares = [row["first_agreed"] / row["first"] if row["first"] else None,
              row["second_agreed"] / row["second"] if row["second"] else None]
    shares = [s for s in shares if s is not None]
    return sum(shares) / len(shares) if shares else None


def best_match(claim, others):
    best, best_overlap = None, 0
    for other in others:
        overlap = min(claim[1], other[1]) - max(claim[0], other[0])
        if overlap > best_overlap:
            best, best_overlap = other, overlap
    return best


def backing_agreement(pairs):
    confusion = Counter()
    speakers = Counter()
    for first, second in pairs:
        for claim in first:
            other = best_match(claim, second)
            theirs = other[2] if other else "none"
            confusion[(claim[2], theirs)] += 1
            if claim[3] and other and other[3]:
                speakers["compared"] += 1
                speakers["agreed"] += overlaps(claim[3], other[3])
    n = sum(confusion.values())
    observed = sum(v for (a, b), v in confusion.items() if a == b) / n
    first = Counter(a for (a, _), v in confusion.items() for _ in range(v))
    second = Counter(b for (_, b), v in confusion.items() for _ in range(v))
    expected = sum(first[k] * second[k] for k in BACKINGS) / (n * n)
    kappa = (observed - expected) / (1 - expected) if expected < 1 else None
    return {"claims": n, "observed": observed, "kappa": kappa,
            "confusion": confusion, "speakers": speakers}


def summarize(first_path, second_path):
    first, second = read_gold(first_path), read_gold(second_path)
    common = sorted(set(first) & set(second))
    if not common:
        raise SystemExit(f"{second_path}: no article in common with "
                         f"{first_path} (same path and sha256)")
    cues = cue_agreement([(first[k]["cues"], second[k]["cues"])
                          for k in common])
    sourcing = Counter()
    for cat, row in cues.items():
        if cat in SOURCING:
            sourcing.update(row)
    backing = backing_agreement([(first[k]["claims"], second[k]["claims"])
                                 for k in common])
    return {"articles": len(common), "cues": cues, "sourcing": sourcing,
            "backing": backing}


def number(x):
    return "-" if x is None else f"{x:.3f}"


def write_text(s, out):
    out.write(f"articles in both: {s['articles']}\n\ncues (same category, "
              "spans overlapping by at least one code point)\n")
    out.write(f"{'category':<22}{'first':>7}{'second':>7}{'1st agreed':>11}"
              f"{'2nd agreed':>11}{'F1':>8}\n")
    rows = sorted(s["cues"].items()) + [("(sourcing)", s["sourcing"])]
    for cat, row in rows:
        out.write(f"{cat:<22}{row['first']:>7}{row['second']:>7}"
                  f"{row['first_agreed']:>11}{row['second_agreed']:>11}"
                  f"{number(f1(row)):>8}\n")
    b = s["backing"]
    out.write(f"\nbacking ({b['claims']} claims of the first file): observed "
              f"{number(b['observed'])}, Cohen's kappa {number(b['kappa'])}\n")
    out.write("  confusion, rows first, columns second:\n")
    out.write(" " * 14 + "".join(f"{k:>12}" for k in BACKINGS) + "\n")
    for a in BACKINGS:
        out.write(f"{a:>14}" + "".join(f"{b['confusion'][(a, c)]:>12}"
                                        for c in BACKINGS) + "\n")
    sp = b["speakers"]
    share = sp["agreed"] / sp["compared"] if sp["compared"] else None
    out.write(f"\nspeaker: {sp['agreed']} of {sp['compared']} agree "
              f"({number(share)})\n")


def as_json(s):
    b = s["backing"]
    return {
        "articles": s["articles"],
        "cues": {cat: dict(row, f1=f1(row))
                 for cat, row in sorted(s["cues"].items())},
        "sourcing": dict(s["sourcing"], f1=f1(s["sourcing"])),
        "backing": {"claims": b["claims"], "observed": b["observed"],
                    "kappa": b["kappa"],
                    "confusion": {a: {c: b["confusion"][(a, c)]
                                      for c in BACKINGS} for a in BACKINGS}},
        "speaker": dict(b["speakers"]),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("first")
    ap.add_argument("second")
    ap.add_argument("--format", choices=["text", "json"], default="text")
    args = ap.parse_args()
    try:
        s = summarize(args.first, args.second)
    except OSError as e:
        sys.exit(f"{e.filename}: {e.strerror}")
    if args.format == "json":
        json.dump(as_json(s), sys.stdout, indent=1, sort_keys=True)
        sys.stdout.write("\n")
    else:
        write_text(s, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
