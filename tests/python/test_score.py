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
     {"score": 0.61114, "backing": "official", "cue_category": "hedge",
      "cue": "may"}),
    ("Shocking! You won't believe what reportedly happened",
     {"score": 0.01235, "backing": "none", "cue_category": "hedge",
      "cue": "reportedly"}),
    ("Rain in Oslo",
     {"score": 0.707812, "backing": "none", "cue_category": "", "cue": ""}),
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
