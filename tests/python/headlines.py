"""Invented headlines for the Dask tests and bench/dask_bench.sh: a
seeded mix of sources, hedges, boosters and plain claims, some holding
commas and quotes, so rows differ in score and many tie."""
import csv
import random

SOURCES = ["Police spokeswoman Ingrid Solberg said", "Officials confirmed",
           "Sources say", "Reuters reported that", "A tweet claims",
           "According to the ministry,", "Experts warn", "He said",
           "Anonymous insiders reportedly say", "The mayor denied that", ""]
SUBJECTS = ["the bridge", "rain in Oslo", "the new tax", "the vaccine",
            "65\" TVs", "the \"miracle\" diet", "the strike", "prices"]
CLAIMS = ["will close on Monday", "may double next year", "is shocking!",
          "could be linked to the outage", "definitely works", "rose 3%",
          "was cancelled, again", "is under review"]


def rows(count, seed=22):
    """count headlines, the same for the same seed."""
    pick = random.Random(seed).choice
    for _ in range(count):
        yield " ".join(w for w in (pick(SOURCES), pick(SUBJECTS),
                                   pick(CLAIMS)) if w)


def write(path, count, first=0, ids=True, seed=22):
    """A CSV of count rows: id (r<first + n>, when ids) and headline."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["id", "headline"] if ids else ["headline"])
        for n, text in enumerate(rows(count, seed), first + 1):
            out.writerow([f"r{n}", text] if ids else [text])
