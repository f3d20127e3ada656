"""Per-article events as fusion reads them: one `Report` each, with what matching compares.

A report holds its event's type family (`data/type_families.json`), its sides (`fuse.sides`),
the days it may have happened on, the content words of its sentence, its story, the article it
is a copy of, whether its act is symmetric and its place: computed once, compared many times
(`fuse.blocks`, `fuse.candidates`). Pure functions of records.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from importlib import resources

from dateline.days import shift_day
from dateline.errors import failure_detail
from dateline.fuse.sides import Side, event_sides
from dateline.model import Actor, Event
from dateline.words import latin_words_with_marks, read_word_list

SYMMETRIC_TYPES = frozenset({"AGREE", "COOPERATE"})
SYMMETRIC_CONSULT_MODES = frozenset({"meet", "talks", "call"})
# Types one report may code where another codes a neighbour: "handed over aid" / "supported".
TYPE_FAMILIES: dict[str, str] = json.loads(
    (resources.files("dateline.fuse") / "data" / "type_families.json").read_text(encoding="utf-8"))["families"]
# A report dated only by its publication is about something in the few days before it.
PUBLICATION_WINDOW = timedelta(days=3)
# Reports of one day differ by a day at times (time zones, "yesterday" written late at night):
# such dates still meet, and the fused event lists both.
DAY_SLACK = timedelta(days=1)
# The function words any two sentences share (the list's header says how it differs from others).
STOP_WORDS = read_word_list("dateline.fuse", "report_stop_words.txt")


@dataclass(slots=True)
class Report:
    """One per-article event with what matching compares, computed once."""

    index: int
    event: Event
    family: str
    source: str | None  # canonical actor ids
    target: str | None
    source_side: Side
    target_side: Side
    window: tuple[date, date] | None
    words: frozenset[str]
    story: str | None
    original: str  # the article, or the earliest version it is a near-duplicate of
    symmetric: bool
    place: tuple[str, str | None, bool] | None


def is_symmetric(event: Event) -> bool:
    return event.type in SYMMETRIC_TYPES or (
        event.type == "CONSULT" and event.mode in SYMMETRIC_CONSULT_MODES)


def is_planned(event: Event) -> bool:
    """A plan or a promise ("will send", "is to meet") is its own happening, not the deed."""
    return event.status in ("planned", "conditional")


def reported_span(event: Event, published: date | None) -> tuple[date, date] | None:
    """The days a report says the event happened on. A report whose words give no date is
    matched, not dated, by its article's date: it stands for the few days before it (news
    reports what just happened). None when neither dates it."""
    if event.date_basis == "publication" or event.date is None:
        day = published or event.date
        return (shift_day(day, -PUBLICATION_WINDOW), day) if day else None
    return event.date, max(event.date_end or event.date, event.date)


def match_window(event: Event, published: date | None) -> tuple[date, date] | None:
    """The interval an event may have happened in, for matching: its span, a worded day
    widened by DAY_SLACK; None when undated."""
    span = reported_span(event, published)
    if span is None or event.date_basis == "publication" or event.date_precision != "day":
        return span
    return shift_day(span[0], -DAY_SLACK), shift_day(span[1], DAY_SLACK)


def content_words(sentence: str) -> frozenset[str]:
    return frozenset(w for w in latin_words_with_marks(sentence) if w not in STOP_WORDS)


def place_of(event: Event, actors: Mapping[str, Actor]) -> tuple[str, str | None, bool] | None:
    """(name, country, whether the place is a whole country) of an event's location."""
    location = event.location
    if not (location and location.name):
        return None
    state = actors.get(location.country) if location.country else None
    return location.name, location.country, bool(state and state.name == location.name)


def make_reports(events: Sequence[Event], published: Mapping[str, date | None],
                 links: Mapping[str, str], actors: Mapping[str, Actor],
                 stories: Mapping[str, str], originals: Mapping[str, str],
                 failures: dict[str, str] | None = None) -> list[Report]:
    """One report per event, in order. An article any of whose events cannot be read for
    matching is left out whole, with why in `failures` (article id -> detail) when given, so
    that one poisoned article never stops the fusion of the others; without `failures`, the
    error is raised."""
    reports: list[Report] = []
    failed: dict[str, str] = {}
    for event in events:
        if event.article_id in failed:
            continue
        try:
            reports.append(_report(len(reports), event, published, links, actors, stories, originals))
        except Exception as error:  # fusion must go on without the article, and say so
            if failures is None:
                raise
            failed[event.article_id] = failure_detail(error)
    if failed:
        failures.update(failed)
        kept = [r for r in reports if r.event.article_id not in failed]
        return [replace(report, index=i) for i, report in enumerate(kept)]
    return reports


def _report(index: int, event: Event, published: Mapping[str, date | None],
            links: Mapping[str, str], actors: Mapping[str, Actor],
            stories: Mapping[str, str], originals: Mapping[str, str]) -> Report:
    source, target = event_sides(event, links, actors)
    return Report(
        index, event, TYPE_FAMILIES.get(event.type, event.type), source.actor, target.actor,
        source, target, match_window(event, published.get(event.article_id)),
        content_words(event.sentence_text), stories.get(event.article_id),
        originals.get(event.article_id, event.article_id), is_symmetric(event),
        place_of(event, actors))
