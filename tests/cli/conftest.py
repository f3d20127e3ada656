"""Make the shared hand-built samples (tests/samples.py) importable from this folder, and give
each test that asks for `db` a fresh sample database of its own (tests may write to it)."""
import sys
from pathlib import Path

import pytest

TESTS = str(Path(__file__).resolve().parents[1])
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

from samples import build_database  # noqa: E402


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "d.duckdb"
    build_database(path)
    return str(path)
