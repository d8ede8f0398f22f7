"""credence on a Dask cluster: the same scores and ranking as the credence
command line, partition by partition on any Dask scheduler.

    import credence.dask as cd
    ddf = cd.read_csv("headlines-*.csv")         # text columns, bad rows kept
    scored = cd.score_frame(ddf, column="headline")  # lazy, 4 columns added
    best = cd.rank(ddf, column="headline", top=100)  # pandas frame
    every = cd.rank(ddf, column="headline")      # Dask frame, rank order
    reports = cd.score_articles("articles/*.txt")  # Dask Bag of reports

Scorers: each worker process builds one scorer per (model, lexicons,
overlay) on first use and keeps it. They are paths, made absolute on the
client: every worker must see those files at those paths (a shared
folder, or the same copy on every machine); None is the built-in model
and lexicons, which need no file. Each task scores with `threads`
threads (default 1: Dask runs one task per worker thread).
"""
import glob
import json
import os

# pandas, dask.bag and dask.dataframe are imported where used: the command
# line's block path needs none of them, and they take half a second.
from dask import delayed

from . import _scorers

__all__ = ["read_csv", "score_frame", "rank", "score_articles"]


def read_csv(paths, blocksize="64MB", **kwargs):
    """dask.dataframe.read_csv of CSV files (a path, a glob or a list),
    every column as text as credence rank reads it (no NA values, invalid
    UTF-8 kept as surrogates to be rejected), with two columns added:
    _credence_path (the file) and _credence_bad (why pandas could not read
    a row, "" for a good one). A row with more fields than the header
    stays in its place as a bad row. blocksize=None: one partition per
    file, needed when quoted fields hold line breaks (Dask cuts blocks at
    line breaks)."""
    from dask.dataframe.io.csv import read_pandas
    from . import _partition
    options = dict(dtype=str, keep_default_na=False,
                   encoding_errors="surrogateescape", on_bad_lines="warn")
    options.update(kwargs)
    return read_pandas(_partition.read_block, _expand(paths),
                       blocksize=blocksize,
                       include_path_column=_partition.PATH, **options)


def _expand(paths):
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    found = []
    for path in map(os.fspath, paths):
        matches = sorted(glob.glob(path)) if glob.has_magic(path) else [path]
        if not matches:
            raise OSError(f"{path}: no file matches")
        found.extend(matches)
    return found


def _scored(df, column, paths, threads):
    import credence
    return credence.rank_frame(df, column=column, threads=threads,
                               scorer=_scorers.scorer(paths))


def _reported(df, column, paths, threads):
    out = df.copy()
    out["report"] = _scorers.scorer(paths).score_many(
        df[column].tolist(), threads)
    return out


def score_frame(ddf, column="headline", model=None, lexicons=None,
                overlay=None, brief=True, threads=1):
    """ddf with the columns of credence rank added (score, backing,
    cue_category, cue), lazily, partition by partition: rank_frame on
    each. brief=False adds one column `report` instead: each text's full
    report (credence score --format json) as a dict."""
    import pandas as pd
    paths = _scorers.absolute_paths(model, lexicons, overlay)
    meta = ddf._meta.copy()
    if brief:
        meta = meta.assign(score=pd.Series(dtype="float64"),
                           backing=pd.Series(dtype=object),
                           cue_category=pd.Series(dtype=object),
                           cue=pd.Series(dtype=object))
        return ddf.map_partitions(_scored, column, paths, threads, meta=meta)
    meta["report"] = pd.Series(dtype=object)
    return ddf.map_partitions(_reported, column, paths, threads, meta=meta)


def rank(ddf, column="headline", id_column="id", top=None, model=None,
         lexicons=None, overlay=None, skip_bad_rows=False, threads=1,
         partitions=None, summary=False, as_text=False, progress=None):
    """The global ranking of credence rank: rows by score descending, ties
    in input order (partition order, then row order), with its columns
    rank, id (the id column, or 1-based row numbers), score, backing,
    cue_category, cue, text. top=N: the N best as a pandas frame, from
    each partition's N best. Else every row as a Dask frame whose
    `partitions` partitions (default: as many as ddf's) hold consecutive
    ranks. A bad row (read_csv's, invalid UTF-8, text the scorer refuses)
    raises ValueError, or with skip_bad_rows is left out. summary=True:
    (ranking, Summary) with the counts credence rank prints. as_text=True
    (without top): the ranking as a list of Delayed CSV texts, one a
    partition, without the header (what the command line writes).
    progress: called with the futures of the scoring, once submitted
    (distributed.progress shows a bar)."""
    from . import _partition, _rank
    if top is not None and top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    paths = _scorers.absolute_paths(model, lexicons, overlay)
    as_text = as_text and top is None
    prepared = [delayed(_partition.prepare)(part, column, id_column, paths,
                                            threads, skip_bad_rows, as_text)
                for part in ddf.to_delayed()]
    if top is not None:
        ranking, counts = _rank.top_rows(prepared, top)
    else:
        ranking, counts = _rank.full_rows(
            prepared, partitions or ddf.npartitions, as_text, progress)
    return (ranking, counts) if summary else ranking


def _articles_of(path, id_field, text_field):
    if not path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            return [("path", path, f.read())]
    with open(path, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f if line.strip()]
    return [("id", line[id_field], line[text_field]) for line in lines]


def _score_texts(texts, paths):
    return _scorers.scorer(paths).score_many(list(texts), 1)


def _report_all(articles, paths):
    scorer = _scorers.scorer(paths)
    return [{key: name, **scorer.score(text)} for key, name, text in articles]


def score_articles(bag_or_paths, model=None, lexicons=None, overlay=None,
                   id_field="id", text_field="text"):
    """Articles to full reports (credence score --format json), as a Dask
    Bag. bag_or_paths: a Bag of article texts, or files (a path, a glob
    or a list): .jsonl files hold one article a line ({id_field,
    text_field}), any other file is one article. Each report from files
    starts with "path" (articles) or "id" (JSON Lines), as credence score
    writes many articles."""
    import dask.bag as db
    paths = _scorers.absolute_paths(model, lexicons, overlay)
    if isinstance(bag_or_paths, db.Bag):
        return bag_or_paths.map_partitions(_score_texts, paths)
    files = db.from_sequence(_expand(bag_or_paths), partition_size=1)
    articles = files.map(_articles_of, id_field, text_field).flatten()
    return articles.map_partitions(_report_all, paths)
