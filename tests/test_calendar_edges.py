"""Articles dated at the calendar's edges, and times the calendar cannot hold, never break a
database: each is stored and fused like any other, and the next ingest works.

Python's dates run from year 1 to 9999. "date 0001-01-01" with "on Monday" used to fail fusion
(a window of a few days before year 1) and leave a store that failed every later ingest.
"""
import tempfile
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dateline.cli import main
from dateline.fuse import apply, reports
from dateline.pipeline import ingest
from dateline.query import Database

GOOD = " date 2021-07-14 :\nTalks in Kathmandu\n\nIndia and Nepal signed a water treaty in Kathmandu on Tuesday.\n"
# Relative expressions of every family the tagger resolves against the article's date.
RELATIVE = ("yesterday", "today", "tomorrow", "on Monday", "next Friday", "last week", "next week",
            "last month", "next month", "last year", "next year", "two days ago", "in three days",
            "five years ago", "in five years", "last decade", "next century", "this weekend",
            "on November 4", "in December", "last Christmas", "next Easter", "last winter",
            "next summer", "last quarter", "the first half of next year", "earlier this month",
            "the next day", "that year", "2,500 years ago", "in 9,000 years", "this week")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _dated(day: str, body: str) -> str:
    return f" date {day} :\nA report\n\n{body}\n"


def _ingest(runner: CliRunner, db: Path, *paths: Path):
    return runner.invoke(main, ["ingest", *map(str, paths), "--db", str(db)])


def test_calendar_a_year_one_article_is_stored_and_the_next_ingest_works(tmp_path):
    runner = CliRunner()
    db = tmp_path / "x.duckdb"
    old = _write(tmp_path, "old.txt", _dated("0001-01-01", "India met Nepal in Delhi on Monday to discuss trade."))
    first = _ingest(runner, db, old)
    assert first.exit_code == 0, first.output
    second = _ingest(runner, db, _write(tmp_path, "good.txt", GOOD))
    assert second.exit_code == 0, second.output
    assert "1 ingested" in second.output
    days = {e.date for e in Database(db).events()}
    assert date(1, 1, 1) in days and date(2021, 7, 13) in days


@pytest.mark.parametrize("day,words", [("0001-01-03", "last year"), ("0001-01-03", "yesterday"),
                                       ("9999-12-31", "tomorrow"), ("9999-12-30", "next week")])
def test_calendar_relative_times_past_the_edges_keep_no_date(tmp_path, day, words):
    runner = CliRunner()
    db = tmp_path / "x.duckdb"
    edge = _write(tmp_path, "edge.txt", _dated(day, f"Pakistan accused China of spying {words}."))
    assert _ingest(runner, db, edge).exit_code == 0
    assert _ingest(runner, db, _write(tmp_path, "good.txt", GOOD)).exit_code == 0
    for event in Database(db).events():
        assert event.date is None or date.min <= event.date <= date.max


def test_calendar_a_year_before_christ_keeps_its_value_and_no_date(tmp_path):
    runner = CliRunner()
    db = tmp_path / "x.duckdb"
    text = _dated("2011-04-27", "In 3000 BC, Egypt attacked Libya.")
    assert _ingest(runner, db, _write(tmp_path, "bc.txt", text)).exit_code == 0
    [event] = Database(db).events()
    assert event.type == "ASSAULT" and event.date is None and event.date_basis is None
    timex = runner.invoke(main, ["timex", "--dct", "2011-04-27", str(tmp_path / "bc.txt")])
    assert '"value": "BC3000"' in timex.output


def test_calendar_a_year_past_9999_is_never_read_as_this_year(tmp_path):
    runner = CliRunner()
    db = tmp_path / "x.duckdb"
    text = _dated("2021-04-27", "In the year 99999, India met Nepal in Delhi.")
    assert _ingest(runner, db, _write(tmp_path, "far.txt", text)).exit_code == 0
    [event] = Database(db).events()
    assert event.date is None and event.date_basis is None


DAYS = st.one_of(st.dates(date(1, 1, 1), date(1, 3, 1)), st.dates(date(9998, 11, 1), date(9999, 12, 31)),
                 st.dates(date(1, 1, 1), date(9999, 12, 31)))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(day=DAYS, words=st.lists(st.sampled_from(RELATIVE), min_size=3, max_size=8, unique=True))
@example(day=date(1, 1, 1), words=list(RELATIVE))
@example(day=date(9999, 12, 31), words=list(RELATIVE))
def test_calendar_any_date_with_any_relative_time_goes_through_the_whole_pipeline(day, words):
    actors = ("India", "Nepal", "China", "Pakistan", "Bhutan", "Iran", "Egypt", "Libya")
    sentences = [f"{actors[i % 8]} met {actors[(i + 3) % 8]} in Delhi {w}." for i, w in enumerate(words)]
    with tempfile.TemporaryDirectory() as tmp:
        folder, db = Path(tmp), Path(tmp) / "x.duckdb"
        edge = _write(folder, "edge.txt", _dated(day.isoformat(), " ".join(sentences)))
        first = ingest([edge], db=db)
        assert first.ingested == 1 and not first.skipped
        second = ingest([_write(folder, "good.txt", GOOD)], db=db)
        assert second.ingested == 1 and not second.skipped
        assert Database(db).stats()["articles"] == 2


def test_calendar_a_fusion_failure_rolls_back_and_the_next_ingest_works(tmp_path, monkeypatch):
    runner = CliRunner()
    db = tmp_path / "x.duckdb"
    assert _ingest(runner, db, _write(tmp_path, "good.txt", GOOD)).exit_code == 0
    before = [e.id for e in Database(db).events()]

    def fail_half_way(store, changes):
        found = changes.duplicates
        store.write_duplicates(found.signatures, found.bands(), found.pairs, found.regrouped, found.duplicates)
        store.connection.execute("DELETE FROM fused_events")
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(apply, "write_changes", fail_half_way)
    other = _write(tmp_path, "other.txt", _dated("2021-08-02", "Iran accused Iraq of shelling its border on Sunday."))
    failed = _ingest(runner, db, other)
    assert failed.exit_code != 0 and "E054" in failed.output and "disk trouble" in failed.output
    assert [e.id for e in Database(db).events()] == before  # fused tables as they were
    monkeypatch.undo()
    again = _ingest(runner, db, other)
    assert again.exit_code == 0, again.output
    assert len(Database(db).events()) == len(before) + 1


def test_calendar_an_article_fusion_cannot_read_is_named_and_left_out(tmp_path, monkeypatch):
    runner = CliRunner()
    db = tmp_path / "x.duckdb"
    real_window = reports.match_window

    def poisoned(event, published):
        if published == date(2021, 8, 2):
            raise OverflowError("date value out of range")
        return real_window(event, published)

    monkeypatch.setattr(reports, "match_window", poisoned)
    poison = _write(tmp_path, "poison.txt", _dated("2021-08-02", "Iran accused Iraq of shelling its border on Sunday."))
    result = _ingest(runner, db, _write(tmp_path, "good.txt", GOOD), poison)
    assert result.exit_code == 0, result.output
    assert "poison.txt: W003: left out of fusion (OverflowError: date value out of range)" in result.output
    [kept] = Database(db).events()
    assert [Path(source.source).name for source in kept.sources] == ["good.txt"]
    monkeypatch.undo()
    fixed = _ingest(runner, db, _write(tmp_path, "later.txt", _dated("2021-09-01", "Oman hosted talks.")))
    assert fixed.exit_code == 0 and "W003" not in fixed.output
    # Once fusion can read it, the article left out is fused like the others.
    names = {Path(s.source).name for e in Database(db).events(min_confidence=0) for s in e.sources}
    assert names == {"good.txt", "poison.txt", "later.txt"}
