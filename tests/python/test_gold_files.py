"""The repository's gold files refer to the real articles by path and
sha256 and hold spans of their text: eval --gold reads each one whole
(every hash, every span) against ../shared/data/news_articles."""
import json
import subprocess

import pytest

from conftest import SOURCE

ROOT = SOURCE.parent / "shared" / "data" / "news_articles"
FILES = {"gold.tsv": 42, "holdout.tsv": 40, "agreement.tsv": 10}


@pytest.mark.parametrize("name", sorted(FILES))
def test_gold_file_matches_the_articles(binary, name):
    if not ROOT.is_dir():
        pytest.skip(f"{ROOT} is absent (the articles stay outside the repo)")
    r = subprocess.run([binary, "eval", "--gold",
                        str(SOURCE / "fixtures" / "gold_news" / name),
                        "--gold-root", str(ROOT), "--gold-split", "all",
                        "--format", "json"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["articles"] == FILES[name]
