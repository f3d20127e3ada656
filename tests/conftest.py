"""The bundled sample corpus ingested once per test run through the real CLI, for the tests that
only read it (corpus checks, web pages, the browser walk)."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


@pytest.fixture(scope="session")
def corpus_ingest(tmp_path_factory):
    """The sample corpus's database and what `dateline ingest` printed making it."""
    path = tmp_path_factory.mktemp("corpus") / "dateline.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(CORPUS), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path, result.output


@pytest.fixture(scope="session")
def corpus_db(corpus_ingest):
    return corpus_ingest[0]


@pytest.fixture(scope="module")
def mixed_database(tmp_path_factory):
    """The sample database with events of every sureness (tests/confidence_samples.py), open,
    and the fused event id of each type."""
    from confidence_samples import build_mixed_database

    from dateline.query import Database

    path = tmp_path_factory.mktemp("mixed") / "d.duckdb"
    ids = build_mixed_database(path)
    with Database(path) as database:
        yield database, ids
