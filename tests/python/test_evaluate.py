"""credence.evaluate: the object of `credence eval --format json`."""
import json
import subprocess

import pytest

import credence

LABELED = """text,label
Police spokeswoman Ingrid Solberg said it may rain.,1
Officials confirmed the bridge will reopen on Monday.,1
Shocking! You won't believe what reportedly happened,0
Sources say the minister could resign,0
Rain in Oslo,1
"""


@pytest.fixture
def labeled(tmp_path):
    path = tmp_path / "dev.csv"
    path.write_text(LABELED, encoding="utf-8")
    return path


def cli_eval(binary, *args):
    out = subprocess.run([binary, "eval", "--format", "json", *args],
                         capture_output=True, check=True).stdout
    return json.loads(out)


@pytest.mark.parametrize("kwargs, args", [
    ({}, []),
    ({"cues": True}, ["--cues"]),
])
def test_evaluate_is_the_cli_report(binary, labeled, kwargs, args):
    got = credence.evaluate(labeled, **kwargs)
    assert got == cli_eval(binary, str(labeled), *args)
    assert got["n"] == 5
    assert got["positives"] == 3


def test_missing_file_is_os_error(tmp_path):
    missing = tmp_path / "missing.csv"
    with pytest.raises(OSError) as error:
        credence.evaluate([missing])
    assert str(missing) in str(error.value)


def test_bad_unit_is_value_error(labeled):
    with pytest.raises(ValueError, match="unit"):
        credence.evaluate(labeled, unit="sentence")
