"""`dateline.watch`: rounds of ingests of web addresses, numbered on in the store, reported one
line each, and stopped between rounds by a stop event or a signal. Here the ingest is a stand-in
(the web is tested end to end in tests/ingest/fetch and tests/cli/test_cli_watch.py)."""
from __future__ import annotations

import os
import signal
import threading

import duckdb
import pytest

from dateline.errors import InputError
from dateline.model import Note, Skip
from dateline.pipeline import IngestReport
from dateline.query import Database
from dateline.watch import check_sources, parse_every, shown_every, stopping_on_signals, watch

FEED = "http://news.example/feed"


class Ingests:
    """A stand-in for pipeline.ingest: each call answers the next report, and remembers what it
    was asked; `during(n)` runs on the n-th call (1-based), as a signal arriving mid-round."""

    def __init__(self, *reports: IngestReport, during=None) -> None:
        self.reports, self.calls, self.during = list(reports), [], during or {}

    def __call__(self, paths, **options) -> IngestReport:
        self.calls.append((tuple(paths), options))
        action = self.during.get(len(self.calls))
        if action:
            action()
        return self.reports[min(len(self.calls), len(self.reports)) - 1]


def report(ingested=0, unchanged=0, skipped=()) -> IngestReport:
    return IngestReport(ingested=ingested, unchanged=unchanged, skipped=list(skipped))


@pytest.mark.parametrize(("value", "seconds"), [
    ("30s", 30), ("15m", 900), ("1h", 3600), ("90", 90), ("1.5m", 90), (" 2H ", 7200), (0.5, 0.5)])
def test_every_takes_seconds_minutes_or_hours(value, seconds):
    assert parse_every(value) == seconds


@pytest.mark.parametrize("value", ["", "15 minutes", "-5m", "0s", "1d", "m", 0])
def test_every_refuses_anything_else_with_e068(value):
    with pytest.raises(InputError, match=r"^E068: --every must be a time such as 30s, 15m or 1h"):
        parse_every(value)


def test_every_is_shown_as_it_is_typed():
    assert [shown_every(s) for s in (30, 90, 900, 3600, 5400, 0.25)] == [
        "30s", "90s", "15m", "1h", "90m", "0.25s"]


def test_only_web_addresses_are_followed():
    assert check_sources([FEED, "HTTPS://x.example/s.xml"]) == [FEED, "HTTPS://x.example/s.xml"]
    for value in ("news/feed.xml", "file:///etc/passwd", "ftp://x.example/feed"):
        with pytest.raises(InputError, match=f"^E069: watch follows web addresses .*{value!r}"):
            check_sources([FEED, value])


def test_once_runs_one_round_of_ingest_by_url_and_keeps_it(tmp_path):
    db = tmp_path / "d.duckdb"
    ingest = Ingests(report(ingested=3, unchanged=2, skipped=[Skip("http://x/a", "E031: 503")]))
    seen, items = [], []
    rounds = watch([FEED], db=db, once=True, on_round=seen.append, on_item=items.append,
                   ingest=ingest, delay=0.0, allow_private=True)
    assert [r.line() for r in seen] == ["round 1: 3 new, 2 known, 1 failed"] == [
        r.line() for r in rounds]
    assert ingest.calls == [((), {"db": db, "urls": [FEED], "delay": 0.0, "allow_private": True})]
    assert [str(i) for i in items] == ["skipped http://x/a: E031: 503"]
    with Database(db) as database:
        (kept,) = database.sources().rounds
    assert (kept.number, kept.new, kept.known, kept.failed) == (1, 3, 2, 1)


def test_rounds_are_numbered_on_from_the_last_stored(tmp_path):
    """`watch --once` from cron: each run's round follows the last one kept."""
    db = tmp_path / "d.duckdb"
    for _ in range(2):
        watch([FEED], db=db, once=True, ingest=Ingests(report(unchanged=4)))
    with Database(db) as database:
        assert [r.number for r in database.sources().rounds] == [2, 1]


def test_rounds_go_on_until_stopped_and_the_round_in_progress_finishes(tmp_path):
    stop = threading.Event()
    # The stop comes during the third round's ingest: that round still reports, no fourth begins.
    ingest = Ingests(report(ingested=2), report(unchanged=2), report(ingested=1, unchanged=2),
                     during={3: stop.set})
    seen = []
    rounds = watch([FEED], db=tmp_path / "d.duckdb", every=0.01, stop=stop,
                   on_round=seen.append, ingest=ingest)
    assert [r.line() for r in seen] == ["round 1: 2 new, 0 known, 0 failed",
                                        "round 2: 0 new, 2 known, 0 failed",
                                        "round 3: 1 new, 2 known, 0 failed"]
    assert len(ingest.calls) == 3 and rounds == seen


def test_a_stop_while_waiting_ends_the_wait_at_once(tmp_path):
    stop = threading.Event()
    timer = threading.Timer(0.2, stop.set)
    timer.start()
    rounds = watch([FEED], db=tmp_path / "d.duckdb", every=3600, stop=stop,
                   ingest=Ingests(report(unchanged=1)))
    timer.join()
    assert [r.number for r in rounds] == [1]


def test_a_round_where_every_source_failed_says_so_w008(tmp_path):
    skips = [Skip(FEED, "E031: 503 after 3 tries"),
             Skip("https://b.example/s.xml", "E034: timed out after 20 s")]
    items = []
    watch([FEED, "https://b.example/s.xml/"], db=tmp_path / "d.duckdb", once=True,
          on_item=items.append, ingest=Ingests(report(skipped=skips)))
    assert str(items[-1]) == ("note round 1: W008: none of the 2 sources could be fetched; each is"
                              " tried again next round")
    items.clear()
    watch([FEED, "https://b.example/s.xml"], db=tmp_path / "d.duckdb", once=True,
          on_item=items.append, ingest=Ingests(report(skipped=skips[:1])))
    assert not any(isinstance(i, Note) for i in items)


def test_a_round_longer_than_every_says_so_w009(tmp_path):
    ticks = iter([0.0, 125.0, 200.0, 201.0])  # round 1 takes 125 s of --every 60 s; round 2, 1 s
    stop = threading.Event()
    items = []
    watch([FEED], db=tmp_path / "d.duckdb", every=60, stop=stop, on_item=items.append,
          ingest=Ingests(report(), during={2: stop.set}), clock=lambda: next(ticks))
    assert [str(i) for i in items] == [
        "note round 1: W009: the round took 125s, longer than --every 1m; the next one begins"
        " at once"]


def test_sigterm_and_sigint_set_stop_then_a_second_one_interrupts():
    stop = threading.Event()
    before = signal.getsignal(signal.SIGTERM)
    with stopping_on_signals(stop):
        os.kill(os.getpid(), signal.SIGTERM)
        assert stop.is_set()
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
    assert signal.getsignal(signal.SIGTERM) is before


def test_a_signal_mid_round_stops_after_it(tmp_path):
    stop = threading.Event()
    seen = []
    with stopping_on_signals(stop):
        watch([FEED], db=tmp_path / "d.duckdb", every=0.01, stop=stop, on_round=seen.append,
              ingest=Ingests(report(ingested=1),
                             during={2: lambda: os.kill(os.getpid(), signal.SIGTERM)}))
    assert [r.number for r in seen] == [1, 2]


def test_the_rounds_table_is_made_in_an_older_store(tmp_path):
    db = tmp_path / "d.duckdb"
    watch([FEED], db=db, once=True, ingest=Ingests(report()))
    with duckdb.connect(str(db)) as con:
        con.execute("DROP TABLE watch_rounds")
    watch([FEED], db=db, once=True, ingest=Ingests(report()))
    with Database(db) as database:
        assert [r.number for r in database.sources().rounds] == [1]
