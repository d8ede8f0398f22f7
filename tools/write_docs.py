#!/usr/bin/env python3
"""Writes the figure tables of README.md and docs/ from their sources, so
that no figure is typed into the docs by hand.

Usage:
  tools/write_docs.py [--check] [--credence BINARY]

Each figure sits between two marker lines in a Markdown file:

  <!-- figures:begin NAME -->
  ...written by this script...
  <!-- figures:end -->

and NAME says where it comes from:
  model-*   the `meta` lines of models/default.model (tools/train_default.sh
            writes them): cross-validated figures, per-event figures, fit
  TSV stem  bench/results/NAME.tsv, written by the bench script its
            `# command:` line names
  sample, examples
            what BINARY (default build/credence) prints for the bundled
            sample article and for one-sentence examples

Without --check the blocks are rewritten in place. With --check nothing is
written; the script lists every block that differs from what it would write
and exits 1. Either way a block a file must hold (DOCS) and lacks is an
error, exit 1; exit 0 when all is well, 2 on a usage or input error.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL = "models/default.model"
RESULTS = "bench/results"
# Each file and the blocks it must hold (it may hold more).
DOCS = {
    "README.md": {"sample", "examples"},
    "docs/evaluation.md": {"model-fit", "model-cv", "model-events"},
    "docs/performance.md": {"rank", "order", "score", "batch", "python",
                            "linear", "tune", "dask"},
    "docs/annotation.md": {"agreement"},
    "docs/eval-judgment.md": {"judgment"},
}
BLOCK = re.compile(r"(<!-- figures:begin ([a-z0-9-]+) -->\n)(.*?)"
                   r"(<!-- figures:end -->)", re.S)

# What each development set is, how its folds mimic the held-back split,
# and the held-back test's target (from the evaluation brief).
SETS = {
    "conll2010_wiki_uncertainty_dev.csv":
        ("CoNLL-2010 Wikipedia", "sentence", "stratified", "0.85"),
    "pheme_veracity_dev.csv":
        ("PHEME", "tweet", "leave one event out", "0.60"),
    "fakenewsnet_titles_dev.csv":
        ("GossipCop titles", "headline",
         "stratified (PolitiFact itself is held back)", "0.65 on PolitiFact"),
    "clickbait_chakraborty2016_dev.csv":
        ("clickbait", "headline", "stratified", "0.92"),
    "liar_dev.csv": ("LIAR", "statement", "stratified", "none (sanity check)"),
    "fnn_buzzfeed_articles_dev.csv":
        ("BuzzFeed", "article", "stratified, article weights only", "0.78"),
    "news_articles_pool.csv":
        ("news articles, reputable vs low-credibility outlets", "article",
         "grouped by outlet, article weights only",
         "0.85 (held-back real articles)"),
}

# One-sentence examples for "how to read a score" in the README.
EXAMPLES = [
    ("no cue", "The port closed on Monday."),
    ("a hedge", "The port reportedly closed on Monday."),
    ("an official's on-record confirmation",
     "The ministry confirmed the port closed on Monday."),
]
SAMPLE = "fixtures/sample_article.txt"
SAMPLE_CLAIMS = [0, 9, 10]  # the excerpt's claims, by index


class InputError(Exception):
    pass


def read(path):
    try:
        with open(os.path.join(ROOT, path), encoding="utf-8") as f:
            return f.read()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})")


def fields(text):
    """'a=1 b=x' -> {'a': '1', 'b': 'x'}; words without '=' are skipped."""
    return dict(w.split("=", 1) for w in text.split() if "=" in w)


def model_meta():
    """The model's meta lines as (key, rest) pairs, in file order."""
    meta = []
    for line in read(MODEL).splitlines():
        if line.startswith("meta "):
            key, _, rest = line[5:].partition(" ")
            meta.append((key, rest))
    if not meta:
        raise InputError(f"{MODEL}: no meta lines (retrain it with "
                         "tools/train_default.sh)")
    return meta


def number(text, digits):
    return f"{float(text):.{digits}f}"


def auc_cell(m):
    auc, se = float(m["auc"]), float(m["auc_se"])
    if math.isnan(auc):
        return "(one class)"
    return f"{auc:.3f} ± {se:.3f}"


def table(header, rows):
    def line(cells):
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(header), "|" + "---|" * len(header)] +
                     [line(row) for row in rows]) + "\n"


def set_info(path):
    name = os.path.basename(path)
    if name not in SETS:
        raise InputError(f"{MODEL}: no description of the set {name} "
                         "(add it to SETS in tools/write_docs.py)")
    return SETS[name]


def model_cv():
    meta = model_meta()
    inputs, articles = {}, []
    for key, rest in meta:
        if key in ("input", "article_input"):
            path, _, info = rest.partition(" ")
            inputs[path] = fields(info)
            if key == "article_input":
                articles.append(path)
    rows = []
    for key, rest in meta:
        if key not in ("cv_metrics", "article_cv_metrics"):
            continue
        path, _, info = rest.partition(" ")
        m = fields(info)
        if "group" in m:
            continue
        article = key == "article_cv_metrics"
        if article and path == "all" and len(articles) == 1:
            path = articles[0]
        if path == "all":
            positives = sum(int(f.get("labeled_1", 0))
                            for p, f in inputs.items()
                            if (p in articles) == article)
            rows.append([f"all {'article' if article else 'claim'} rows",
                         m["n"], str(positives)] +
                        metric_cells(m) + ["", ""])
            continue
        label, unit, folds, target = set_info(path)
        rows.append([f"{label} ({unit})", m["n"],
                     inputs.get(path, {}).get("labeled_1", "")] +
                    metric_cells(m) + [folds, target])
    cv = fields(dict(meta).get("cv", ""))
    return (f"Out of fold, {cv.get('folds', '?')} folds, seed "
            f"{cv.get('seed', '?')}; from the `meta cv_metrics` lines of "
            f"`{MODEL}`, which `tools/train_default.sh` writes:\n\n" +
            table(["set (unit)", "rows", "labeled 1", "AUC ± se", "accuracy",
                   "log loss", "ECE", "folds", "held-back target"], rows))


def metric_cells(m):
    return [auc_cell(m), number(m["accuracy"], 3), number(m["log_loss"], 3),
            number(m["ece"], 3)]


def model_events():
    rows = []
    for key, rest in model_meta():
        path, _, info = rest.partition(" ")
        m = fields(info)
        if key == "cv_metrics" and "group" in m:
            rows.append([m["group"], m["n"], auc_cell(m),
                         number(m["accuracy"], 3)])
    return ("Each event is the held-out fold of a model fitted without it "
            f"(`meta cv_metrics ... group=EVENT` in `{MODEL}`):\n\n" +
            table(["event", "tweets", "AUC ± se", "accuracy"], rows))


def model_fit():
    meta = dict(model_meta())
    rows = []
    for unit, prefix in (("claim", ""), ("article", "article_")):
        fit = fields(meta.get(prefix + "fit", ""))
        calibration = meta.get(prefix + "calibration", "")
        loss = re.search(r"log loss ([0-9.]+) raw, ([0-9.]+) with Platt",
                         calibration)
        platt = fields(calibration)
        rows.append([
            unit, f"{float(fit.get('l2', 'nan')):g}",
            fit.get("class_weight", ""),
            fit.get("file_weights", fit.get("file_weight", "")),
            fit.get("signs", ""), fit.get("iterations", ""),
            f"a={platt['a']} b={platt['b']}" if "a" in platt else "none",
            f"{loss.group(1)} → {loss.group(2)}" if loss else ""])
    return (f"From the `meta fit` and `meta calibration` lines of `{MODEL}`:"
            "\n\n" +
            table(["weights", "L2", "class weight", "file weights", "signs",
                   "Newton iterations", "Platt scaling",
                   "CV log loss raw → calibrated"], rows))


def results(name):
    """bench/results/NAME.tsv: '# command: ...', '# when: ...' and
    '# note: ...' lines, then a header row and data rows, tab-separated.
    A command without backticks is set in them."""
    path = f"{RESULTS}/{name}.tsv"
    command, when, notes, rows = "", "", [], []
    for line in read(path).splitlines():
        if line.startswith("# command: "):
            command = line[len("# command: "):]
        elif line.startswith("# when: "):
            when = line[len("# when: "):]
        elif line.startswith("# note: "):
            notes.append(line[len("# note: "):])
        elif line.strip():
            rows.append(line.split("\t"))
    if not command or len(rows) < 2:
        raise InputError(f"{path}: needs a '# command:' line, a header row "
                         "and at least one data row")
    if "`" not in command:
        command = f"`{command}`"
    text = command + (f" ({when})" if when else "") + ":\n\n"
    text += table(rows[0], rows[1:])
    for note in notes:
        text += "\n" + note + "\n"
    return text


def credence(binary, args, stdin=None):
    try:
        run = subprocess.run([binary] + args, input=stdin, cwd=ROOT,
                             capture_output=True, text=True)
    except OSError as e:
        raise InputError(f"{binary}: cannot run ({e.strerror}; build it "
                         "with setup.sh or pass --credence)")
    if run.returncode != 0:
        raise InputError(f"{binary} {' '.join(args)}: exit "
                         f"{run.returncode}: {run.stderr.strip()}")
    return run.stdout


def sample(binary):
    report = credence(binary, ["score", SAMPLE])
    lines = report.splitlines()
    # The head (article score and backing summary) ends at a blank line.
    blank = lines.index("")
    claims, current = {}, None
    for line in lines[blank + 1:]:
        found = re.match(r"\[(\d+)\]", line)
        if found:
            current = int(found.group(1))
            claims[current] = []
        claims[current].append(line)
    parts = ["\n".join(claims[i]) for i in SAMPLE_CLAIMS]
    body = "\n".join(lines[:blank]) + "\n\n" + "\n...\n".join(parts)
    return (f"`build/credence score {SAMPLE}` (claims "
            f"{', '.join(map(str, SAMPLE_CLAIMS))} of {len(claims)}):\n\n"
            f"```\n{body}\n```\n")


def examples(binary):
    rows = []
    for what, sentence in EXAMPLES:
        report = json.loads(credence(binary, ["score", "-", "--format",
                                              "json"], sentence + "\n"))
        rows.append([f"\"{sentence}\"", what,
                     f"{report['claims'][0]['confidence']:.2f}"])
    return ("`echo SENTENCE | build/credence score -` with the built-in "
            "model:\n\n" + table(["sentence", "what it has", "confidence"],
                                  rows))


def agreement():
    """Agreement of the repository's two annotations of the same articles."""
    args = ["tools/gold_agreement.py", "fixtures/gold_news/gold.tsv",
            "fixtures/gold_news/agreement.tsv"]
    out = subprocess.run([sys.executable] + args, cwd=ROOT,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise InputError(f"{args[0]}: {out.stderr.strip()}")
    return (f"`python3 {' '.join(args)}`:\n\n```\n{out.stdout}```\n")


def generate(name, binary):
    makers = {"model-cv": model_cv, "model-events": model_events,
              "model-fit": model_fit}
    if name in makers:
        return makers[name]()
    if name == "sample":
        return sample(binary)
    if name == "agreement":
        return agreement()
    if name == "examples":
        return examples(binary)
    return results(name)


def rewrite(path, binary):
    """Returns (old text, new text, a line for each block that is missing
    or differs from its source)."""
    old = read(path)
    changed = [f"{path}: block '{name}' is missing"
               for name in sorted(DOCS[path])
               if f"<!-- figures:begin {name} -->" not in old]

    def replace(m):
        new = generate(m.group(2), binary)
        if new != m.group(3):
            changed.append(f"{path}: block '{m.group(2)}' differs from its "
                           "source (run tools/write_docs.py)")
        return m.group(1) + new + m.group(4)

    new = BLOCK.sub(replace, old)
    if old.count("<!-- figures:") != 2 * len(BLOCK.findall(old)):
        raise InputError(f"{path}: a figures:begin line without its "
                         "figures:end, or the other way round")
    return old, new, changed



def write_whole(path, text):
    """Writes through a temporary in the same folder, so a failed run
    leaves the previous file."""
    temporary = f"{path}.tmp-{os.getpid()}"
    try:
        with open(temporary, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(temporary, path)
    except OSError as e:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise InputError(f"{path}: cannot write ({e.strerror})")


def main():
    parser = argparse.ArgumentParser(
        description="Writes the figures of README.md and docs/.")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when a block is stale")
    parser.add_argument("--credence", default=os.path.join(ROOT, "build",
                                                           "credence"),
                        help="the binary that prints the README's examples")
    options = parser.parse_args()
    stale = []
    try:
        for path in DOCS:
            old, new, changed = rewrite(path, options.credence)
            stale += changed
            if new != old and not options.check:
                write_whole(os.path.join(ROOT, path), new)
    except InputError as e:
        print(f"write_docs: {e}", file=sys.stderr)
        return 2
    if not options.check:  # what is left cannot be written: missing blocks
        stale = [line for line in stale if line.endswith(" is missing")]
    for line in stale:
        print(line, file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
