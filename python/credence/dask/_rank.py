"""The global ranking from scored partitions: the top N by a tree of
per-partition heads, or every row by score ranges (each output partition
takes one range of scores from every input partition, so no row moves
twice and ties stay together)."""
import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
from dask import delayed

from ._output import RANKED, Summary

_SAMPLES = 64  # scores a partition contributes to choosing the ranges
_FAN_IN = 8


def _stats(prepared):
    frame, records, messages = prepared
    at = np.linspace(0, len(frame) - 1, min(len(frame), _SAMPLES))
    return records, messages, frame["score"].to_numpy()[at.astype(int)]


def _offsets(stats):
    """Each partition's first global row number, 1-based."""
    return 1 + np.concatenate([[0], np.cumsum([s[0] for s in stats])])[:-1]


def _with_ids(frame, offsets, first_rank):
    """frame (columns of prepare plus part) as the RANKED columns."""
    row_ids = (offsets[frame["part"].to_numpy()] + frame["row"].to_numpy())
    ids = frame["id"] if frame["id"].notna().all() else row_ids.astype(str)
    return pd.DataFrame({
        "rank": np.arange(first_rank, first_rank + len(frame), dtype=np.int64),
        "id": np.asarray(ids, dtype=object), "score": frame["score"],
        "backing": frame["backing"], "cue_category": frame["cue_category"],
        "cue": frame["cue"], "text": frame["text"]}).reset_index(drop=True)


def _merge(frames, top):
    """Frames of consecutive partitions, in partition order, as one sorted
    by score descending with ties in input order, cut to top rows."""
    merged = pd.concat(frames, ignore_index=True)
    merged = merged.sort_values("score", ascending=False, kind="mergesort")
    return merged if top is None else merged.head(top)


def _head(prepared, part, top):
    frame = prepared[0].head(top).copy()
    frame["part"] = part
    return frame


def top_rows(prepared, top):
    """The top `top` rows (a pandas frame of the RANKED columns) and the
    Summary, from prepare()'s delayed results."""
    level = [delayed(_head)(p, i, top) for i, p in enumerate(prepared)]
    while len(level) > 1:
        level = [delayed(_merge)(level[i:i + _FAN_IN], top)
                 for i in range(0, len(level), _FAN_IN)]
    best, stats = dask.compute(level[0], [delayed(_stats)(p)
                                          for p in prepared])
    return _with_ids(best, _offsets(stats), 1), Summary(stats)


def _cuts(stats, ranges):
    """Scores splitting the rows into about `ranges` ranges of equal size,
    descending, from each partition's samples weighted by its rows."""
    scores = np.concatenate([s[2] for s in stats])
    if ranges <= 1 or len(scores) == 0:
        return np.array([])
    weights = np.concatenate([np.full(len(s[2]), len(s[2]) and
                                      (s[0] - len(s[1])) / len(s[2]))
                              for s in stats])
    order = np.argsort(-scores, kind="mergesort")
    cumulative = np.cumsum(weights[order])
    at = np.searchsorted(cumulative,
                         cumulative[-1] * np.arange(1, ranges) / ranges)
    return np.unique(scores[order][np.minimum(at, len(scores) - 1)])[::-1]


def _bounds(scores, cuts):
    """Where each range of scores (descending) starts in a descending
    array: range j holds cuts[j] < score <= cuts[j - 1]."""
    return np.concatenate([[0], np.searchsorted(-scores, -cuts, "left"),
                           [len(scores)]])


def _counts(prepared, cuts):
    return np.diff(_bounds(prepared[0]["score"].to_numpy(), cuts))


def _range(j, cuts, first_rank, offsets, as_text, *prepared):
    """Output partition j: the rows of score range j from every partition,
    ranked from first_rank; as_text: as CSV text (prepare's as_text)."""
    parts = []
    for part, (frame, _, _) in enumerate(prepared):
        bounds = _bounds(frame["score"].to_numpy(), cuts)
        piece = frame.iloc[bounds[j]:bounds[j + 1]].copy()
        piece["part"] = part
        parts.append(piece)
    merged = _merge(parts, None)
    if not as_text:
        return _with_ids(merged, offsets, first_rank)
    ids = merged["id"].tolist() if merged["id"].notna().all() else (
        offsets[merged["part"].to_numpy()] + merged["row"].to_numpy()
    ).tolist()
    return "".join(f"{rank},{id_},{line}\n" for rank, id_, line in zip(
        range(first_rank, first_rank + len(merged)), ids,
        merged["line"].tolist()))


def full_rows(prepared, ranges, as_text=False, progress=None):
    """Every row, ranked, as a Dask DataFrame of the RANKED columns whose
    partitions follow in rank order (as_text: Delayed CSV texts, prepare
    having had as_text too), and the Summary. prepared is persisted
    first: its partitions are read three times; progress, if given, is
    called with them."""
    prepared = dask.persist(*prepared)
    if progress is not None:
        progress(list(prepared))
    stats = dask.compute(*[delayed(_stats)(p) for p in prepared])
    cuts = _cuts(stats, ranges)
    counts = np.sum(dask.compute(*[delayed(_counts)(p, cuts)
                                   for p in prepared]), axis=0)
    firsts = np.concatenate([[1], 1 + np.cumsum(counts)])[:-1]
    offsets = _offsets(stats)
    parts = [delayed(_range)(j, cuts, int(firsts[j]), offsets, as_text,
                             *prepared)
             for j in range(len(cuts) + 1)]
    if as_text:
        return parts, Summary(stats)
    meta = pd.DataFrame({name: pd.Series(dtype=object)
                         for name in RANKED})
    meta["rank"] = meta["rank"].astype(np.int64)
    meta["score"] = meta["score"].astype(np.float64)
    return dd.from_delayed(parts, meta=meta, verify_meta=False), \
        Summary(stats)
