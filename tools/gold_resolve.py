#!/usr/bin/env python3
"""Turns annotation sheets into a gold file (credence-gold 1).

usage: gold_resolve.py --root ROOT SHEET... > gold.tsv

Each sheet (written by gold_draft.py, edited as docs/annotation.md says)
holds `# [N START-END] TEXT` claim lines, `@N BACKING[^|^>] | SPEAKER`
lines and `+ CATEGORY | TEXT[#K]` cue lines. Every speaker and cue text is
looked up in the article and written with its code point offsets; a text
that is not found, a bad backing or category, or an article whose SHA-256
changed is an error naming SHEET:LINE.
"""
import argparse
import hashlib
import os
import re
import sys

BACKINGS = ("official", "institution", "named", "media", "anonymous", "vague",
            "social", "none")
CATEGORIES = ("hedge", "booster", "anonymous_source", "vague_attribution",
              "named_source", "official_confirmation", "denial",
              "media_report", "unverified_social", "speculation",
              "doubt_marker")


class SheetError(Exception):
    pass


def find(text, span, needle):
    """Code point span of the K-th occurrence of needle inside span."""
    k = 1
    m = re.fullmatch(r"(.*)#(\d+)", needle)
    if m:
        needle, k = m.group(1), int(m.group(2))
    words = needle.split()
    if not words:
        raise SheetError("empty text")
    # A text that begins or ends with a word character matches whole words
    # only: "he" is not the end of "the".
    pattern = re.compile((r"(?<!\w)" if re.match(r"\w", words[0]) else "") +
                         r"\s+".join(re.escape(w) for w in words) +
                         (r"(?!\w)" if re.search(r"\w$", words[-1]) else ""))
    hits = [h for h in pattern.finditer(text, span[0], span[1])]
    if len(hits) < k:
        raise SheetError(f'"{needle}" occurs {len(hits)} times in the claim')
    return hits[k - 1].span()


class Sheet:
    def __init__(self, path):
        self.path = path
        self.header = {}
        self.claims = {}  # index -> (start, end)
        self.entries = []  # (line, kind, fields)
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                self.read_line(n, line.rstrip("\n"))

    def read_line(self, n, line):
        m = re.match(r"# (article|sha256|split|group): (.*)$", line)
        if m:
            self.header[m.group(1)] = m.group(2).strip()
            return
        m = re.match(r"# \[(\d+) (\d+)-(\d+)\]", line)
        if m:
            self.claims[int(m.group(1))] = (int(m.group(2)), int(m.group(3)))
            return
        if not line.strip() or line.startswith("#"):
            return
        m = re.match(r"@(\d+)\s+(\w+)(\^>?)?\s*(?:\|\s*(.*))?$", line)
        if m:
            self.entries.append((n, "claim", m.groups()))
            return
        m = re.match(r"\+\s*(\w+)\s*\|\s*(.+)$", line)
        if m:
            self.entries.append((n, "cue", m.groups()))
            return
        raise SheetError(f"{self.path}:{n}: cannot read this line")


def speaker_span(text, claims, index, carry, speaker):
    if not carry:
        return find(text, claims[index], speaker)
    order = (range(index - 1, -1, -1) if carry == "^" else
             range(index + 1, max(claims) + 1))
    for other in order:
        try:
            return find(text, claims[other], speaker)
        except SheetError:
            continue
    raise SheetError(f'"{speaker}" is in no {"earlier" if carry == "^" else "later"} claim')


def resolve(sheet, root):
    path = sheet.header.get("article")
    with open(path, "rb") as f:
        data = f.read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != sheet.header.get("sha256"):
        raise SheetError(f"{sheet.path}: {path} changed since it was drafted")
    text = data.decode("utf-8")
    rel = os.path.relpath(path, root)
    lines = ["\t".join(["article", rel, digest, sheet.header["split"],
                        sheet.header["group"]])]
    claim, seen = None, set()
    for n, kind, fields in sheet.entries:
        try:
            if kind == "claim":
                claim = int(fields[0])
                lines.append(claim_line(text, sheet.claims, fields))
                seen.add(claim)
            else:
                if claim is None:
                    raise SheetError("a cue before any claim")
                lines.append(cue_line(text, sheet.claims[claim], fields))
        except (SheetError, KeyError) as e:
            raise SheetError(f"{sheet.path}:{n}: {e}") from None
    missing = sorted(set(sheet.claims) - seen)
    if missing:
        raise SheetError(f"{sheet.path}: claims without a line: {missing}")
    return lines


def claim_line(text, claims, fields):
    index, backing, carry, speaker = int(fields[0]), fields[1], fields[2], fields[3]
    if backing not in BACKINGS:
        raise SheetError(f"unknown backing '{backing}'")
    span = claims[index]
    if backing == "none":
        if speaker or carry:
            raise SheetError("backing none takes no speaker")
        return "\t".join(["claim", str(span[0]), str(span[1]), "none", "0",
                          "-", "-", "-"])
    if not speaker:
        raise SheetError(f"backing {backing} needs a speaker")
    s, e = speaker_span(text, claims, index, carry, speaker.strip())
    return "\t".join(["claim", str(span[0]), str(span[1]), backing,
                      "1" if carry else "0", str(s), str(e), text[s:e]])


def cue_line(text, span, fields):
    category, needle = fields
    if category not in CATEGORIES:
        raise SheetError(f"unknown category '{category}'")
    s, e = find(text, span, needle.strip())
    return "\t".join(["cue", str(s), str(e), category, text[s:e]])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", required=True)
    ap.add_argument("sheets", nargs="+")
    args = ap.parse_args()
    out = ["credence-gold\t1", "categories\t" + ",".join(CATEGORIES)]
    try:
        for path in args.sheets:
            block = resolve(Sheet(path), args.root)
            # Cues sort into text order inside the article's lines.
            head, rest = block[0], block[1:]
            claims = [l for l in rest if l.startswith("claim")]
            cues = sorted((l for l in rest if l.startswith("cue")),
                          key=lambda l: (int(l.split("\t")[1]),
                                         int(l.split("\t")[2])))
            out += [head] + claims + cues
    except (SheetError, OSError) as e:
        print(f"gold_resolve: {e}", file=sys.stderr)
        return 1
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
