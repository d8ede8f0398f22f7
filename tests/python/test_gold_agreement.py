"""tools/gold_agreement.py on two invented annotations of one article,
figures worked out by hand."""
import json
import subprocess
import sys

from conftest import SOURCE

TOOL = SOURCE / "tools" / "gold_agreement.py"
HEAD = "credence-gold\t1\ncategories\tnamed_source,hedge\n"
ARTICLE = "article\ta.txt\t" + "0" * 64 + "\tdev\treputable\n"
FIRST = HEAD + ARTICLE + (
    "claim\t0\t10\tofficial\t0\t0\t5\tAnna\n"
    "cue\t0\t5\tnamed_source\tAnna \n"
    "cue\t6\t9\thedge\tmay\n"
    "claim\t11\t20\tnone\t0\t-\t-\t-\n"
    "claim\t21\t30\tnamed\t0\t21\t25\tBoyd\n"
    "cue\t21\t25\tnamed_source\tBoyd\n")
SECOND = HEAD + ARTICLE + (
    "claim\t0\t10\tnamed\t0\t0\t4\tAnna\n"
    "cue\t0\t4\tnamed_source\tAnna\n"
    "claim\t11\t20\tnone\t0\t-\t-\t-\n"
    "claim\t21\t30\tnamed\t0\t26\t29\tsaid\n"
    "cue\t21\t25\tnamed_source\tBoyd\n"
    "cue\t26\t29\thedge\tsaid\n")


def run(tmp_path, first, second, *args):
    a, b = tmp_path / "a.tsv", tmp_path / "b.tsv"
    a.write_text(first, encoding="utf-8")
    b.write_text(second, encoding="utf-8")
    return subprocess.run([sys.executable, str(TOOL), str(a), str(b), *args],
                          capture_output=True, text=True)


def test_figures_of_two_annotations(tmp_path):
    r = run(tmp_path, FIRST, SECOND, "--format", "json")
    assert r.returncode == 0, r.stderr
    s = json.loads(r.stdout)
    assert s["articles"] == 1
    assert s["cues"]["named_source"] == {
        "first": 2, "second": 2, "first_agreed": 2, "second_agreed": 2,
        "f1": 1.0}
    # The two hedges do not overlap: 6-9 against 26-29.
    assert s["cues"]["hedge"]["f1"] == 0.0
    assert s["sourcing"]["f1"] == 1.0
    # official/named, none/none, named/named: observed 2/3; chance
    # (1*0 + 1*1 + 1*2) / 9 = 1/3; kappa (2/3 - 1/3) / (2/3) = 0.5.
    assert abs(s["backing"]["observed"] - 2 / 3) < 1e-12
    assert abs(s["backing"]["kappa"] - 0.5) < 1e-12
    assert s["backing"]["confusion"]["official"]["named"] == 1
    assert s["speaker"] == {"compared": 2, "agreed": 1}


def test_text_form_has_the_kappa(tmp_path):
    r = run(tmp_path, FIRST, SECOND)
    assert r.returncode == 0, r.stderr
    assert "observed 0.667, Cohen's kappa 0.500" in r.stdout


def test_no_article_in_common_is_an_error(tmp_path):
    other = SECOND.replace("a.txt", "b.txt")
    r = run(tmp_path, FIRST, other)
    assert r.returncode == 1
    assert r.stderr.strip().endswith(
        "b.tsv: no article in common with " + str(tmp_path / "a.tsv") +
        " (same path and sha256)")
