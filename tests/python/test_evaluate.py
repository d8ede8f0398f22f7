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


TUNE_ROWS = LABELED + """The ministry said in a statement that trains will run,1
Viral post claims aliens built the bridge,0
Reportedly the mayor might maybe resign,0
"""


def model_lines(path):
    """The model file without its command line (the CLI records argv)."""
    return [line for line in path.read_text().splitlines()
            if not line.startswith("meta command ")]


def test_tune_writes_the_cli_model(binary, tmp_path):
    data = tmp_path / "train.csv"
    data.write_text(TUNE_ROWS, encoding="utf-8")
    cli_model = tmp_path / "cli.model"
    subprocess.run([binary, "tune", str(data), "--folds", "2", "-o",
                    str(cli_model)], capture_output=True, check=True)
    py_model = tmp_path / "py.model"
    result = credence.tune(data, py_model, folds=2)
    assert model_lines(py_model) == model_lines(cli_model)
    assert result["model"] == str(py_model)
    assert result["article"] is None
    assert result["claim"]["n"] == 8
    assert result["claim"]["positives"] == 4
    # The report's cross-validated AUC line holds the dict's figure.
    assert f"{result['claim']['auc']:.3f}" in result["report"]


def test_tune_with_a_bad_option_writes_nothing(tmp_path):
    data = tmp_path / "train.csv"
    data.write_text(TUNE_ROWS, encoding="utf-8")
    with pytest.raises(ValueError, match="folds"):
        credence.tune(data, tmp_path / "m.model", folds=1)
    assert not (tmp_path / "m.model").exists()
