"""credence: how well-sourced is a piece of news, claim by claim.

    import credence
    report = credence.score("Rain\\nOfficials said it may rain.")
    report["article"]["score"]           # as `credence score --format json`

    scorer = credence.Scorer()           # reuse it; share it between threads
    scorer.score_many(texts, threads=0)  # reports, in input order
    scorer.score_many(rows, brief=True)  # score, backing, cue_category, cue
    credence.rank_frame(df, column="headline")  # the frame, 4 columns added
    credence.evaluate(["dev.csv"])       # as `credence eval --format json`
    credence.tune(["dev.csv"], "my.model")  # as `credence tune -o my.model`

model, lexicons and overlay name a model file, a lexicon folder and an
overlay folder (None: the built-in lexicons and model, no overlay). Text
the scorer refuses raises ValueError, files OSError, with the messages
of the credence command line. A text is a str or UTF-8 bytes (as the
command line reads a file; offsets count the decoded text's code
points); a str holding a lone surrogate ("\ud800", from a bad decode)
has no UTF-8 form and raises ValueError naming its line and column; any
other type raises TypeError.
"""
import json
import os

from . import _credence

__version__ = _credence.version()
__all__ = ["Scorer", "score", "rank_frame", "evaluate", "tune"]

# The columns rank_frame adds, as credence rank names them.
BRIEF_COLUMNS = ("score", "backing", "cue_category", "cue")


def _path(path):
    return "" if path is None else os.fspath(path)


def _sequence(texts):
    return texts if isinstance(texts, (list, tuple)) else list(texts)


class Scorer:
    """Lexicons and a model loaded once, for any number of texts."""

    def __init__(self, model=None, lexicons=None, overlay=None):
        self._scorer = _credence.Scorer(model=_path(model),
                                        lexicons=_path(lexicons),
                                        overlay=_path(overlay))

    def score(self, text):
        """The report of `credence score --format json`, as a dict."""
        return json.loads(self._scorer.score_json(text))

    def score_many(self, texts, threads=0, brief=False):
        """score() of each text, in input order, on `threads` threads (0:
        every core). brief=True scores each text as one claim, as
        `credence rank` scores a row, giving dicts of score, backing,
        cue_category and cue (the strongest cue; "" for none). A refused
        text raises ValueError naming it ("texts[3]: 1:5: ...")."""
        texts = _sequence(texts)
        if not brief:
            return [json.loads(report) for report in
                    self._scorer.score_json_many(texts, threads)]
        return self._scorer.brief_dicts(texts, threads)

    def brief_columns(self, texts, threads=0):
        """score_many(brief=True) as four lists: score, backing,
        cue_category, cue (for millions of rows: no dict a row)."""
        return self._scorer.brief_lists(_sequence(texts), threads)


def score(text, model=None, lexicons=None, overlay=None):
    """The report of `credence score --format json` for text, as a dict."""
    return Scorer(model, lexicons, overlay).score(text)


def rank_frame(df, column="headline", model=None, lexicons=None,
               overlay=None, threads=0, scorer=None):
    """A copy of the pandas frame df with the columns of `credence rank`
    added: score, backing, cue_category, cue (each row's text in `column`
    scored as one claim). Every column of df is kept, the rows in their
    order: sorting is df.sort_values("score"). `scorer` (a Scorer) takes
    the place of model, lexicons and overlay."""
    if column not in df.columns:
        raise ValueError(f"no column '{column}' (columns: "
                         f"{', '.join(map(str, df.columns))})")
    taken = [name for name in BRIEF_COLUMNS if name in df.columns]
    if taken:
        raise ValueError(f"column '{taken[0]}' exists (rank_frame adds "
                         f"{', '.join(BRIEF_COLUMNS)}: rename it)")
    texts = df[column].tolist()
    for row, text in enumerate(texts):
        if not isinstance(text, str):
            raise ValueError(f"row {row + 1}: column '{column}' holds "
                             f"{text!r}, not text (fill or drop it first)")
    scorer = scorer or Scorer(model, lexicons, overlay)
    out = df.copy()
    for name, values in zip(BRIEF_COLUMNS,
                            scorer.brief_columns(texts, threads)):
        out[name] = values
    return out


def evaluate(inputs, text_column="text", label_column="label", unit="claim",
             cues=False, model=None, lexicons=None, overlay=None):
    """The metrics of `credence eval --format json` on labeled CSV files
    (a path or a list of them), as a dict: n, auc, accuracy, f1, log_loss,
    brier, ece, reliability, files... A bad option raises ValueError, an
    unreadable file or a bad row OSError."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    return json.loads(_credence.evaluate_json(
        [os.fspath(path) for path in inputs], text_column, label_column, unit,
        cues, _path(model), _path(lexicons), _path(overlay)))


def tune(inputs, output, text_column="text", label_column="label",
         unit="claim", folds=5, l2=1.0, seed=1, lexicons=None, overlay=None):
    """Tunes a model on labeled CSV files as `credence tune` does and writes
    it to `output` (whole or not at all). Returns a dict: model (the path),
    report (the text report of credence tune), claim and article (each
    part's out-of-fold metrics over all its rows, None without rows)."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    return json.loads(_credence.tune_json(
        [os.fspath(path) for path in inputs], os.fspath(output), text_column,
        label_column, unit, folds, l2, seed, _path(lexicons), _path(overlay)))
