"""Sample databases for export tests: the shared hand-built samples (tests/samples.py), and one
whose texts hold tabs and line breaks where a careless writer would split a row."""
import sys
from datetime import date
from pathlib import Path

import pytest

TESTS = str(Path(__file__).resolve().parents[1])
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

from samples import INDIA, article_id, build_database, event, sentences_of  # noqa: E402

from dateline.model import Actor, Analysis, Article, Location, Mention  # noqa: E402
from dateline.query import Database  # noqa: E402

ODD_ACTOR = Actor("person:odd-name", "Odd\tName\nJunior", "person", "IND", "GOV")


def odd_analysis() -> Analysis:
    """An article with a URL whose lead mentions a meeting in a country and whose third
    sentence, holding a tab and a line break, reports a meeting in a town of that name."""
    text = ("Officials met in Afghanistan on Monday. Nothing else happened. "
            "Odd\tName\nJunior met India in Port\tTown")
    article = Article(article_id(text), "odd\tfolder/odd.txt", text, title="Odd",
                      outlet="Odd Outlet", url="https://example.org/odd",
                      published=date(2024, 12, 31), published_basis="dateline")
    s0, _, s2 = sentences_of(text)
    dated = {"date": date(2024, 12, 30), "date_end": date(2024, 12, 30), "date_precision": "day",
             "date_basis": "text"}
    lead = event(article, s0, "met", "CONSULT", "meet", INDIA, None,
                 location=Location("Afghanistan", "AFG"), **dated)
    odd = event(article, s2, "met", "CONSULT", "meet", ODD_ACTOR, INDIA,
                location=Location("Port\nTown", "AFG"), **dated)
    start = s2.start
    return Analysis(article, sentences_of(text), [], [ODD_ACTOR, INDIA],
                    [Mention(start, start + 16, s2.text[:16], ODD_ACTOR.id, s2.index)],
                    [lead, odd], [])


@pytest.fixture
def fill_disk(monkeypatch):
    """Call it to make the CSV writer fail for want of space after its first table, as a full
    disk would; it returns the list of the paths written before that."""
    def fill() -> list:
        from dateline.export import tables
        written = []

        def full_disk(path, table, rows):
            if written:
                raise OSError(28, "No space left on device", str(path))
            written.append(path)
            path.write_text("partial", encoding="utf-8")

        monkeypatch.setattr(tables, "write_csv", full_disk)
        return written
    return fill


# Exports only read, so each test module shares one database and builds it once.
@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "d.duckdb"
    build_database(path)
    with Database(path) as database:
        yield database


@pytest.fixture(scope="module")
def odd_db(tmp_path_factory):
    from dateline.fuse import fuse_store
    from dateline.store import Store
    path = tmp_path_factory.mktemp("db") / "odd.duckdb"
    with Store(path) as store:
        store.write([odd_analysis()])
        fuse_store(store)
    with Database(path) as database:
        yield database


@pytest.fixture(scope="module")
def formula_db(tmp_path_factory):
    """One article whose texts begin like spreadsheet formulas (tests/hostile_samples.py)."""
    from hostile_samples import build_hostile_database, formula_analysis
    path = tmp_path_factory.mktemp("db") / "formula.duckdb"
    build_hostile_database(path, formula_analysis())
    with Database(path) as database:
        yield database
