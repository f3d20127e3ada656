"""Following sources: `dateline watch` polls feeds and sitemaps round after round, ingesting only
what is new (`pipeline.ingest(urls=...)`: known pages are not fetched again, an unchanged feed
costs a 304), fusing after each round, and reporting each round as a `RoundReport`.

A stop (`stop.set()`, which SIGINT and SIGTERM do under `stopping_on_signals`) is obeyed between
rounds: the round in progress finishes, its articles stored in whole batches and fused, and no
other begins. A second signal interrupts at once (KeyboardInterrupt); the store's batches are
transactions, so nothing is half-written then either, and the next round picks up the rest.
"""
from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from dateline import pipeline
from dateline.errors import E068, E069, W008, W009, InputError
from dateline.model import Note, RoundReport, Skip
from dateline.store import Store

UNITS = {"s": 1, "m": 60, "h": 3600}
EVERY = re.compile(r"(\d+(?:\.\d+)?)\s*([smh]?)", re.IGNORECASE)
WEB = ("http://", "https://")

Ingest = Callable[..., "pipeline.IngestReport"]


def parse_every(value: str | float) -> float:
    """Seconds between rounds from "30s", "15m", "1h" or a bare number of seconds; E068 for
    anything else, or for no time at all."""
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        match = EVERY.fullmatch(value.strip())
        if match is None:
            raise InputError(E068.format(value=value))
        seconds = float(match[1]) * UNITS[(match[2] or "s").lower()]
    if not seconds > 0:
        raise InputError(E068.format(value=value))
    return seconds


def shown_every(seconds: float) -> str:
    """A time between rounds as --every takes it: 90 -> "90s", 900 -> "15m", 3600 -> "1h"."""
    for unit, size in (("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds / size:g}{unit}"
    return f"{seconds:g}s"


def check_sources(sources: Sequence[str]) -> list[str]:
    """The sources as given, each a web address; E069 for a path or any other scheme."""
    for source in sources:
        if not source.lower().startswith(WEB):
            raise InputError(E069.format(value=source))
    return list(sources)


def watch(sources: Sequence[str], db: str | Path | None = None, every: float = 900.0,
          once: bool = False, on_round: Callable[[RoundReport], None] | None = None,
          stop: threading.Event | None = None,
          on_item: Callable[[Skip | Note], None] | None = None,
          ingest: Ingest | None = None, clock: Callable[[], float] = time.monotonic,
          **options: object) -> list[RoundReport]:
    """Round after round, ingest what `sources` (feeds, sitemaps or pages) list that is new, until
    `stop` is set (or after one round with `once`); `every` seconds from one round's start to the
    next's. Each round's skips and notes go to `on_item` (a W008 note when nothing could be
    fetched, W009 when the round outlasted `every`), then its report to `on_round`; rounds are
    numbered on from the last stored in `db` (its `watch_rounds` table). `options` go to
    `pipeline.ingest` (delay, allow_private, workers, knowledge...). Returns the rounds run."""
    sources = check_sources(sources)
    stop = stop or threading.Event()
    ingest = ingest or pipeline.ingest
    tell_round = on_round or (lambda report: None)
    tell_item = on_item or (lambda item: None)
    rounds: list[RoundReport] = []
    while True:
        began = clock()
        started = datetime.now(timezone.utc).replace(tzinfo=None)
        report = ingest((), db=db, urls=list(sources), **options)
        done = _keep_round(db, report, started)
        rounds.append(done)
        for item in _round_items(report, done, sources):
            tell_item(item)
        took = clock() - began
        if took > every and not once:
            tell_item(Note(f"round {done.number}", W009.format(
                took=shown_every(round(took)), every=shown_every(every))))
        tell_round(done)
        if once or stop.is_set() or stop.wait(max(0.0, every - took)):
            return rounds


def round_report(number: int, report: pipeline.IngestReport) -> RoundReport:
    """A round's counts from what its ingest did: new articles stored, pages already stored
    (read again, or listed and known), and skips."""
    return RoundReport(number, new=report.ingested, known=report.unchanged,
                       failed=len(report.skipped))


def _keep_round(db: str | Path | None, report: pipeline.IngestReport,
                started: datetime) -> RoundReport:
    """Number the round on from the last stored, and store it."""
    with Store(db) as store:
        done = round_report(store.last_round() + 1, report)
        store.write_round(done, started)
    return done


def _round_items(report: pipeline.IngestReport, done: RoundReport,
                 sources: Sequence[str]) -> Iterator[Skip | Note]:
    """The round's notes and skips, and W008 when every source itself was a skip."""
    yield from report.notes
    yield from report.skipped
    failed = {_plain(skip.source) for skip in report.skipped}
    if sources and all(_plain(source) in failed for source in sources):
        yield Note(f"round {done.number}", W008.format(count=len(sources)))


def _plain(url: str) -> str:
    """A URL compared loosely: skips may name the normalized form of a source."""
    return url.strip().lower().rstrip("/")


@contextmanager
def stopping_on_signals(stop: threading.Event,
                        signals: Sequence[int] = (signal.SIGINT, signal.SIGTERM)) -> Iterator[None]:
    """While inside, the first SIGINT or SIGTERM sets `stop` (the watch ends after its round);
    a second one interrupts at once, as Ctrl-C does. The handlers are put back on leaving.
    Only the main thread may set signal handlers: elsewhere this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.getsignal(number) for number in signals}

    def handle(number: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    for number in signals:
        signal.signal(number, handle)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
