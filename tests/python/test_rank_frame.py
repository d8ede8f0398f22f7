"""credence.rank_frame: the frame with credence rank's four columns added,
every original column and row kept in order; the rows equal rank's."""
import io
import subprocess

import pandas as pd
import pytest

import credence

ROWS = [
    (7, "Police spokeswoman Ingrid Solberg said it may rain.", "x"),
    (3, "Shocking! You won't believe what reportedly happened", "y"),
    (9, "Rain in Oslo", "z"),
]


def frame():
    return pd.DataFrame(ROWS, columns=["id", "headline", "extra"])


def test_adds_ranks_columns_in_input_order():
    out = credence.rank_frame(frame())
    assert list(out.columns) == ["id", "headline", "extra", "score",
                                 "backing", "cue_category", "cue"]
    assert out["id"].tolist() == [7, 3, 9]
    assert out["extra"].tolist() == ["x", "y", "z"]
    assert out["score"].round(6).tolist() == [0.61114, 0.01235, 0.707812]
    assert out["backing"].tolist() == ["official", "none", "none"]
    assert out["cue_category"].tolist() == ["hedge", "hedge", ""]
    assert out["cue"].tolist() == ["may", "reportedly", ""]


def test_equals_credence_rank(binary):
    df = frame()
    csv = df[["id", "headline"]].to_csv(index=False)
    ranked = subprocess.run([binary, "rank", "-"], input=csv.encode(),
                            capture_output=True, check=True).stdout
    rank = pd.read_csv(io.BytesIO(ranked), keep_default_na=False)
    rank = rank.set_index("id").loc[df["id"]]
    out = credence.rank_frame(df, threads=2)
    assert out["score"].round(6).tolist() == rank["score"].tolist()
    for name in ("backing", "cue_category", "cue"):
        assert out[name].tolist() == rank[name].tolist()


def test_leaves_the_input_frame_alone():
    df = frame()
    credence.rank_frame(df)
    assert list(df.columns) == ["id", "headline", "extra"]


def test_other_column_and_index_are_kept():
    df = frame().rename(columns={"headline": "title"}).set_index("id")
    out = credence.rank_frame(df, column="title")
    assert out.index.tolist() == [7, 3, 9]
    assert out["cue"].tolist() == ["may", "reportedly", ""]


@pytest.mark.parametrize("df, column, message", [
    (pd.DataFrame({"title": ["a"]}), "headline",
     "no column 'headline' (columns: title)"),
    (pd.DataFrame({"headline": ["a"], "score": [1]}), "headline",
     "column 'score' exists"),
    (pd.DataFrame({"headline": ["a", None]}), "headline",
     "row 2: column 'headline' holds None, not text"),
])
def test_bad_frames_are_value_errors(df, column, message):
    with pytest.raises(ValueError) as error:
        credence.rank_frame(df, column=column)
    assert message in str(error.value)
