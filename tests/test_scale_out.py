"""Analysis in local worker processes and on a Dask cluster: the database a serial run makes,
table for table, from the real pipeline over the sample corpus."""
from pathlib import Path

import pytest
from click.testing import CliRunner
from distributed import LocalCluster

from dateline import executors
from dateline.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def exported(db: Path, out: Path) -> dict[str, str]:
    """Every table of the database as its JSON export: what a run stored, in a stable order."""
    result = CliRunner().invoke(main, ["export", "--format", "json", "--db", str(db), str(out)])
    assert result.exit_code == 0, result.output
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(out.iterdir())}


def ingest(db: Path, *flags: str) -> str:
    result = CliRunner().invoke(main, ["ingest", str(CORPUS), "--db", str(db), *flags])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()[-1]


@pytest.fixture(scope="module")
def serial_tables(corpus_db, tmp_path_factory):
    return exported(corpus_db, tmp_path_factory.mktemp("serial") / "export")


def test_two_worker_processes_store_what_one_process_stores(serial_tables, corpus_ingest, tmp_path):
    db = tmp_path / "pool.duckdb"
    assert ingest(db, "--workers", "2") == corpus_ingest[1].splitlines()[-1]
    tables = exported(db, tmp_path / "export")
    assert set(tables) == set(serial_tables)
    for name, text in serial_tables.items():
        assert tables[name] == text, name


def test_a_dask_cluster_of_two_workers_stores_what_one_process_stores(serial_tables, corpus_ingest, tmp_path):
    db = tmp_path / "dask.duckdb"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        line = ingest(db, "--scheduler", cluster.scheduler_address)
    assert line == corpus_ingest[1].splitlines()[-1]
    tables = exported(db, tmp_path / "export")
    assert len(tables) == len(serial_tables) == 5
    for name, text in serial_tables.items():
        assert tables[name] == text, name


def test_an_unreachable_scheduler_is_one_coded_line(tmp_path, monkeypatch):
    monkeypatch.setattr(executors, "SCHEDULER_TIMEOUT", "1s")
    db = tmp_path / "d.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(CORPUS), "--db", str(db), "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert result.output.startswith("E090: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert "Traceback" not in result.output


def test_workers_and_a_scheduler_exclude_each_other(tmp_path):
    result = CliRunner().invoke(main, ["ingest", str(CORPUS), "--workers", "2", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "exclude each other" in result.output
