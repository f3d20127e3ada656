"""The top-level Python API: `from dateline import ingest, Database` as the README shows it."""
import inspect
from importlib import import_module

from samples import fake_analyzer, fake_discover, fake_reader, write_sample_files

import dateline
from dateline import Database, ingest
from dateline.pipeline import ingest as run_ingest


def _fakes():
    return {"analyzer": fake_analyzer, "reader": fake_reader, "discoverer": fake_discover}


def test_package_api_ingest_callable_twice_after_its_submodules_load(tmp_path):
    write_sample_files(tmp_path / "in")
    db = tmp_path / "d.duckdb"
    first = dateline.ingest([tmp_path / "in"], db=db, **_fakes())
    import_module("dateline.ingest.readers")  # the import that used to take the name away
    second = dateline.ingest([tmp_path / "in"], db=db, **_fakes())
    third = ingest([tmp_path / "in"], db=db, **_fakes())
    assert (first.ingested, second.ingested, second.unchanged, third.unchanged) == (3, 0, 3, 3)
    with Database(db) as database:
        assert len(database.events(type="CONSULT")[0].sources) == 3


def test_package_api_ingest_is_also_the_reading_package():
    from dateline.ingest import discover, read_file

    assert dateline.ingest is ingest
    assert callable(read_file) and callable(discover)
    assert dateline.ingest.read_file is read_file
    assert inspect.signature(dateline.ingest) == inspect.signature(run_ingest)
