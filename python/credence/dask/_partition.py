"""What runs on the workers for the pandas path: reading a CSV block with
its bad rows kept in place, scoring and sorting one partition, and the
CSV text of ranked rows."""
import contextlib
import io
import re

import numpy as np
import pandas as pd

from . import _scorers

# Columns read_csv adds: the problem of a bad row ("" for a good one) and
# the file a row comes from.
BAD = "_credence_bad"
PATH = "_credence_path"
_SKIPPED = re.compile(r"Skipping line (\d+): (.*)")
_TEXT_ERROR = re.compile(r"texts\[(\d+)\]: (.*)", re.S)
_NOT_UTF8 = re.compile("[\udc80-\udcff]")
_CSV_SPECIAL = re.compile('[,"\r\n]')


def read_block(source, **kwargs):
    """pandas.read_csv of one block, each row pandas skips as malformed
    (too many fields) kept in its place as a row of empty fields whose BAD
    column says why. Place = the skipped line number, so it is exact when
    no earlier record of the block spans lines."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        df = pd.read_csv(source, **kwargs)
    skipped = [(int(m.group(1)), m.group(2))
               for m in _SKIPPED.finditer(err.getvalue())]
    df[BAD] = ""
    if not skipped:
        return df
    total = len(df) + len(skipped)
    places = [min(line - 2, total - len(skipped) + i)
              for i, (line, _) in enumerate(sorted(skipped))]
    df.index = np.setdiff1d(np.arange(total), places)
    df = df.reindex(np.arange(total), fill_value="")
    df.loc[places, BAD] = [f"line {line} of its block: {problem}"
                           for line, problem in sorted(skipped)]
    return df.reset_index(drop=True)


def _mark_bad(df, column, id_column):
    """The BAD column, with rows of text that is not UTF-8 marked."""
    bad = df[BAD].copy() if BAD in df.columns else pd.Series(
        "", index=df.index, dtype=object)
    for name in (column, id_column):
        if name is None:
            continue
        values = df[name]
        if not all(isinstance(v, str) for v in values):
            raise ValueError(f"column '{name}' holds values that are not "
                             f"text (read the CSV with dtype=str)")
        if _NOT_UTF8.search("".join(values)) is None:
            continue  # one scan of all the text; rows only when needed
        invalid = values.str.contains(_NOT_UTF8) & (bad == "")
        bad[invalid] = f"invalid UTF-8 in column '{name}'"
    return bad


def _score_rows(texts, paths, threads):
    """brief_columns of texts with the refused ones left out: (rows scored,
    their four columns, {row: problem} of the refused)."""
    keep = list(range(len(texts)))
    refused = {}
    while True:
        try:
            columns = _scorers.scorer(paths).brief_columns(
                [texts[i] for i in keep], threads)
            return keep, columns, refused
        except ValueError as error:
            match = _TEXT_ERROR.match(str(error))
            if not match:
                raise
            at = int(match.group(1))
            refused[keep[at]] = match.group(2)
            keep = keep[:at] + keep[at + 1:]


def prepare(df, column, id_column, paths, threads, skip_bad_rows,
            as_text=False):
    """One partition scored: (frame of its good rows sorted by score
    descending, ties in input order, with columns score, row (0-based in
    the partition), id (or None), text, backing, cue_category, cue; the
    number of records; the messages of its bad rows). Without
    skip_bad_rows a bad row raises ValueError. as_text: the columns are
    score, row, id (as a CSV field, or None) and line (the CSV fields
    from score to text), a third of the objects to move and format."""
    if column not in df.columns:
        names = [str(c) for c in df.columns if c not in (BAD, PATH)]
        raise ValueError(f"no column '{column}' (columns: "
                         f"{', '.join(names)})")
    id_column = id_column if id_column in df.columns else None
    bad = _mark_bad(df, column, id_column)
    good = np.flatnonzero((bad == "").to_numpy())
    texts = df[column].to_numpy()[good].tolist()
    keep, columns, refused = _score_rows(texts, paths, threads)
    for at, problem in refused.items():
        bad.iat[good[at]] = f"{problem} (column '{column}')"
    messages = _messages(df, bad)
    if messages and not skip_bad_rows:
        raise ValueError(messages[0] + " (--skip-bad-rows skips and counts "
                         "bad rows)")
    rows = good[keep]
    out = pd.DataFrame({
        "score": np.asarray(columns[0], dtype=np.float64),
        "row": rows.astype(np.int64),
        "id": None if id_column is None else df[id_column].to_numpy()[rows],
        "text": df[column].to_numpy()[rows],
        "backing": columns[1], "cue_category": columns[2], "cue": columns[3],
    })
    if as_text:
        out = _as_lines(out, id_column is not None)
    out = out.sort_values("score", ascending=False, kind="mergesort")
    return out.reset_index(drop=True), len(df), messages


def _as_lines(frame, has_ids):
    lines = [f"{s:.6f},{b},{c},{q},{t}" for s, b, c, q, t in zip(
        frame["score"].tolist(), frame["backing"].tolist(),
        frame["cue_category"].tolist(), csv_fields(frame["cue"]),
        csv_fields(frame["text"]))]
    return pd.DataFrame({
        "score": frame["score"], "row": frame["row"],
        "id": csv_fields(frame["id"]) if has_ids else None, "line": lines})


def _messages(df, bad):
    where = np.flatnonzero((bad != "").to_numpy())
    paths = df[PATH].to_numpy() if PATH in df.columns else None
    return [f"{paths[i] if paths is not None else 'partition'}: "
            f"{bad.iat[i]}" for i in where]


def csv_fields(values):
    """A list of text as CSV fields, as credence rank writes them: quoted,
    with quotes doubled, when holding a ',', '"', CR or LF. One regex scan
    over all the text finds the few values to quote."""
    values = list(values)
    joined = "\x00".join(values)  # text holds no NUL (the scorer's rule)
    specials = [m.start() for m in _CSV_SPECIAL.finditer(joined)]
    if not specials:
        return values
    ends = np.cumsum([len(v) + 1 for v in values])
    for i in np.unique(np.searchsorted(ends, specials, side="right")):
        values[i] = '"' + values[i].replace('"', '""') + '"'
    return values


def csv_text(ranked):
    """The CSV rows (no header) of a ranked frame with the RANKED columns:
    scores with 6 decimals, as credence rank writes them."""
    columns = [ranked["rank"].tolist(), csv_fields(ranked["id"]),
               ["%.6f" % score for score in ranked["score"].tolist()],
               ranked["backing"].tolist(), ranked["cue_category"].tolist(),
               csv_fields(ranked["cue"]), csv_fields(ranked["text"])]
    return "".join(f"{a},{b},{c},{d},{e},{f},{g}\n"
                   for a, b, c, d, e, f, g in zip(*columns))
