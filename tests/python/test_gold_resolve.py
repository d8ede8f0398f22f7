"""tools/gold_resolve.py: annotation sheets of an invented article into
gold lines, offsets worked out by hand."""
import hashlib
import subprocess
import sys

from conftest import SOURCE

TOOL = SOURCE / "tools" / "gold_resolve.py"
# Code points: "Head" 0-4, "The mayor said so." 6-24, "Then he said it." 25-41.
ARTICLE = "Head\n\nThe mayor said so. Then he said it.\n"


def sheet(tmp_path, body):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    digest = hashlib.sha256(ARTICLE.encode()).hexdigest()
    path = tmp_path / "a.ann"
    path.write_text(
        f"# article: {article}\n# sha256: {digest}\n# split: dev\n"
        "# group: reputable\n# [0 0-4] Head\n"
        "# [1 6-24] The mayor said so.\n# [2 25-41] Then he said it.\n" + body,
        encoding="utf-8")
    return subprocess.run([sys.executable, str(TOOL), "--root", str(tmp_path),
                           str(path)], capture_output=True, text=True)


def test_claims_cues_and_a_carried_speaker(tmp_path):
    r = sheet(tmp_path, "@0 none\n@1 official | The mayor\n"
              "+ named_source | said\n@2 official^ | The mayor\n")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[2:] == [
        "article\ta.txt\t" + hashlib.sha256(ARTICLE.encode()).hexdigest() +
        "\tdev\treputable",
        "claim\t0\t4\tnone\t0\t-\t-\t-",
        "claim\t6\t24\tofficial\t0\t6\t15\tThe mayor",
        "claim\t25\t41\tofficial\t1\t6\t15\tThe mayor",
        "cue\t16\t20\tnamed_source\tsaid",
    ]


def test_a_short_word_matches_whole_words_only(tmp_path):
    # "he" is also the end of "Then" (26-28); the word is at 30-32.
    r = sheet(tmp_path, "@0 none\n@1 none\n@2 named | he\n"
              "+ named_source | he said\n")
    assert r.returncode == 0, r.stderr
    assert "claim\t25\t41\tnamed\t0\t30\t32\the" in r.stdout.splitlines()
    assert "cue\t30\t37\tnamed_source\the said" in r.stdout.splitlines()


def test_a_text_not_in_the_claim_names_the_sheet_line(tmp_path):
    r = sheet(tmp_path, "@0 none\n@1 none\n@2 none\n+ hedge | may\n")
    assert r.returncode == 1
    assert r.stderr.strip() == (
        f"gold_resolve: {tmp_path / 'a.ann'}:11: \"may\" occurs 0 times "
        "in the claim")
