"""Paths the tests share: the source tree's fixtures and models, and the
built credence binary (CREDENCE_BINARY, set by tests/meson.build)."""
import os
import pathlib

import pytest

SOURCE = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def fixtures():
    return SOURCE / "fixtures"


@pytest.fixture
def models():
    return SOURCE / "models"


@pytest.fixture
def binary():
    return os.environ["CREDENCE_BINARY"]
