"""credence.score and Scorer: the CLI's JSON report, errors as Python
exceptions with the CLI's messages, score_many in input order."""
import json
import subprocess

import pytest

import credence


def cli_json(binary, text):
    out = subprocess.run([binary, "score", "--format", "json", "-"],
                         input=text.encode(), capture_output=True, check=True)
    return json.loads(out.stdout)


def same(a, b):
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


@pytest.mark.parametrize("text", [
    "Rain\nOfficials said it may rain.",
    "Élan\nMüller said it — may rain. She added it might not.",
    "One line only",
])
def test_score_is_the_cli_report(binary, text):
    assert same(credence.score(text), cli_json(binary, text))


def test_sample_article_is_the_cli_report(binary, fixtures):
    text = (fixtures / "sample_article.txt").read_text(encoding="utf-8")
    assert same(credence.score(text), cli_json(binary, text))


def test_version_is_the_cli_version(binary):
    out = subprocess.run([binary, "--version"], capture_output=True,
                         text=True, check=True).stdout
    assert out == f"credence {credence.__version__}\n"


def test_model_file_gives_the_built_in_scores(models):
    text = "Rain\nOfficials said it may rain."
    assert same(credence.score(text, model=models / "default.model"),
                credence.score(text))


@pytest.mark.parametrize("text, message", [
    ("", "empty input (nothing to score: give a headline line, then the "
         "article)"),
    ("Head\nNul\0byte", "2:4: NUL byte (binary data? credence reads UTF-8 "
                        "text)"),
])
def test_refused_text_is_value_error(text, message):
    with pytest.raises(ValueError) as error:
        credence.score(text)
    assert str(error.value) == message


@pytest.mark.parametrize("kwargs, path", [
    ({"model": "/nonexistent/x.model"}, "/nonexistent/x.model"),
    ({"lexicons": "/nonexistent/lexicons"}, "/nonexistent/lexicons"),
    ({"overlay": "/nonexistent/overlay"}, "/nonexistent/overlay"),
])
def test_unreadable_files_are_os_error(kwargs, path):
    with pytest.raises(OSError) as error:
        credence.Scorer(**kwargs)
    assert str(error.value).startswith(path + ":")


def test_score_many_is_score_in_input_order():
    texts = [f"Headline {i}\nOfficials said {i} may come." for i in range(50)]
    texts[7] = "Rain\nShe said it will rain."
    scorer = credence.Scorer()
    for threads in (1, 3, 0):
        assert scorer.score_many(texts, threads=threads) == [
            scorer.score(t) for t in texts]


def test_score_many_names_the_first_refused_text():
    texts = ["Fine\nText.", "", "Also fine", "Head\nNul\0"]
    with pytest.raises(ValueError) as error:
        credence.Scorer().score_many(texts, threads=2)
    assert str(error.value).startswith("texts[1]: empty input")


@pytest.mark.parametrize("threads", [-1, 1025])
def test_score_many_refuses_bad_thread_counts(threads):
    with pytest.raises(ValueError, match="threads must be between"):
        credence.Scorer().score_many(["a"], threads=threads)


# credence rank's rows for the same texts (score to 6 decimals).
BRIEF_CASES = [
    ("Police spokeswoman Ingrid Solberg said it may rain.",
     {"score": 0.611150, "backing": "official", "cue_category": "hedge",
      "cue": "may"}),
    ("Shocking! You won't believe what reportedly happened",
     {"score": 0.012380, "backing": "none", "cue_category": "hedge",
      "cue": "reportedly"}),
    ("Rain in Oslo",
     {"score": 0.707650, "backing": "none", "cue_category": "", "cue": ""}),
]


def test_brief_is_ranks_row():
    texts = [text for text, _ in BRIEF_CASES]
    got = credence.Scorer().score_many(texts, brief=True)
    for row, (_, expected) in zip(got, BRIEF_CASES):
        assert round(row.pop("score"), 6) == expected.pop("score")
        assert row == expected


def test_scorer_is_shared_between_python_threads():
    import concurrent.futures
    scorer = credence.Scorer()
    texts = [f"Headline {i}\nOfficials said {i} may come." for i in range(40)]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        got = list(pool.map(scorer.score, texts))
    assert got == [scorer.score(t) for t in texts]


# A str with a lone surrogate has no UTF-8 form: ValueError at its line and
# column (code points from 1), as the CLI words invalid UTF-8.
SURROGATE = ("(not text UTF-8 can hold; decode the source with "
             "errors='replace', or drop it)")


@pytest.mark.parametrize("text, message", [
    ("\ud800", f"1:1: lone surrogate U+D800 {SURROGATE}"),
    ("Rain\nIt \udfff rains.", f"2:4: lone surrogate U+DFFF {SURROGATE}"),
    ("Rain\r\nÉ\ud83d", f"2:2: lone surrogate U+D83D {SURROGATE}"),
    ("Rain\rx\ry\udc80", f"3:2: lone surrogate U+DC80 {SURROGATE}"),
])
def test_lone_surrogate_is_value_error(text, message):
    with pytest.raises(ValueError) as error:
        credence.score(text)
    assert str(error.value) == message


@pytest.mark.parametrize("brief", [False, True])
def test_score_many_names_the_text_with_a_lone_surrogate(brief):
    with pytest.raises(ValueError) as error:
        credence.Scorer().score_many(["Fine", "a\ud800", "\udfff"],
                                     brief=brief)
    assert str(error.value) == f"texts[1]: 1:2: lone surrogate U+D800 " \
                               f"{SURROGATE}"


def test_brief_columns_names_the_text_with_a_lone_surrogate():
    with pytest.raises(ValueError, match=r"^texts\[0\]: 1:1: lone surrogate"):
        credence.Scorer().brief_columns(["\ud800"])


# Bytes are taken as UTF-8 text, as the CLI reads a file; other types are
# refused with TypeError.
def test_utf8_bytes_score_as_their_text():
    text = "Élan\nMüller said it may rain."
    scorer = credence.Scorer()
    assert scorer.score(text.encode()) == scorer.score(text)
    assert scorer.score_many([text.encode()]) == [scorer.score(text)]
    assert (scorer.score_many([text.encode()], brief=True) ==
            scorer.score_many([text], brief=True))


def test_bytes_not_utf8_is_value_error():
    with pytest.raises(ValueError) as error:
        credence.score(b"Head\nab\xff")
    assert str(error.value) == ("2:3: invalid UTF-8 (byte 0xFF; convert the "
                                "text to UTF-8, e.g. iconv -f latin1 -t "
                                "utf-8)")


@pytest.mark.parametrize("texts, message", [
    ([5], "texts[0]: a text is str or UTF-8 bytes, not int"),
    (["ok", None], "texts[1]: a text is str or UTF-8 bytes, not NoneType"),
])
def test_other_types_are_type_error(texts, message):
    with pytest.raises(TypeError) as error:
        credence.Scorer().score_many(texts, brief=True)
    assert str(error.value) == message


def test_score_of_a_non_text_is_type_error():
    with pytest.raises(TypeError) as error:
        credence.score(3.5)
    assert str(error.value) == "a text is str or UTF-8 bytes, not float"


def test_brief_columns_are_score_many_brief():
    texts = [text for text, _ in BRIEF_CASES] * 3
    scorer = credence.Scorer()
    rows = scorer.score_many(texts, brief=True, threads=2)
    columns = scorer.brief_columns(texts, threads=2)
    assert [list(c) for c in columns] == [
        [row[name] for row in rows] for name in credence.BRIEF_COLUMNS]


def test_score_many_takes_any_iterable():
    texts = [text for text, _ in BRIEF_CASES]
    scorer = credence.Scorer()
    expected = scorer.score_many(texts, brief=True)
    assert scorer.score_many(tuple(texts), brief=True) == expected
    assert scorer.score_many((t for t in texts), brief=True) == expected
    assert scorer.brief_columns(iter(texts)) == scorer.brief_columns(texts)
