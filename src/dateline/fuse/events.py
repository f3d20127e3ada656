"""One event per real happening: grouping per-article events and merging each group.

Two events are one happening when they share a PLOVER type, the same pair of (canonical) actors
(either order for symmetric types) and overlapping dates. Everything here is a pure function of
records, so it is tested without a database.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from dateline.fuse.summary import summarize
from dateline.model import DATE_BASES, EVENT_STATUSES, PRECISIONS, Actor, Event, EventSource, FusedEvent

SYMMETRIC_TYPES = frozenset({"AGREE", "COOPERATE"})
SYMMETRIC_CONSULT_MODES = frozenset({"meet", "talks", "call"})
# A report dated only by its publication is about something in the few days before it.
PUBLICATION_WINDOW = timedelta(days=3)
_PRECISION_RANK = {precision: rank for rank, precision in enumerate(PRECISIONS)}
# A report's own words beat a date carried over from a neighbouring sentence, which beats the
# publication date; an unknown basis ranks last.
_BASIS_RANK = {basis: rank for rank, basis in enumerate(DATE_BASES)}


class ArticleRef(NamedTuple):
    source: str
    published: date | None


def is_symmetric(event: Event) -> bool:
    return event.type in SYMMETRIC_TYPES or (
        event.type == "CONSULT" and event.mode in SYMMETRIC_CONSULT_MODES)


def match_window(event: Event, published: date | None) -> tuple[date, date] | None:
    """The interval an event may have happened in, for matching; None when undated."""
    if event.date_basis == "publication":
        day = published or event.date
        return (day - PUBLICATION_WINDOW, day) if day else None
    if event.date is None:
        return None
    return event.date, max(event.date_end or event.date, event.date)


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _join_overlapping(members: list[int], windows: list[tuple[date, date] | None],
                      article_ids: list[str], groups: _UnionFind) -> None:
    """Union the events whose windows overlap; undated ones only within one article."""
    dated = sorted((i for i in members if windows[i]), key=lambda i: windows[i])
    reach: tuple[date, int] | None = None  # the latest end seen so far, and whose it is
    for i in dated:
        start, end = windows[i]
        if reach and start <= reach[0]:
            groups.union(i, reach[1])
        if reach is None or end > reach[0]:
            reach = (end, i)
    first_undated: dict[str, int] = {}
    for i in members:
        if windows[i] is None:
            groups.union(i, first_undated.setdefault(article_ids[i], i))


def group_events(events: Sequence[Event], articles: Mapping[str, ArticleRef],
                 links: Mapping[str, str]) -> list[list[Event]]:
    """Partition events into happenings; each group and the list are in a stable order."""
    events = sorted(events, key=lambda e: e.id)
    windows = [match_window(e, _published(articles, e)) for e in events]
    classes: dict[tuple, list[int]] = {}  # events that may join, pairwise by their windows
    for i, event in enumerate(events):
        pair = (_canonical(event.source_actor, links), _canonical(event.target_actor, links))
        classes.setdefault((event.type, "ordered", pair), []).append(i)
        if is_symmetric(event):
            unordered = tuple(sorted(pair, key=lambda a: a or ""))
            classes.setdefault((event.type, "symmetric", unordered), []).append(i)
    groups = _UnionFind(len(events))
    article_ids = [e.article_id for e in events]
    for members in classes.values():
        _join_overlapping(members, windows, article_ids, groups)
    _absorb_partial(events, windows, links, groups)
    by_root: dict[int, list[Event]] = {}
    for i, event in enumerate(events):
        by_root.setdefault(groups.find(i), []).append(event)
    return sorted(by_root.values(), key=lambda group: group[0].id)


def _absorb_partial(events: Sequence[Event], windows: list[tuple[date, date] | None],
                    links: Mapping[str, str], groups: _UnionFind) -> None:
    """A report that names one side only ("the Taliban seized the city") joins the happening that
    names both, when exactly one such happening of its type and side overlaps it in time."""
    pairs = [(_canonical(e.source_actor, links), _canonical(e.target_actor, links)) for e in events]
    complete: dict[tuple, list[int]] = {}  # (type, side, actor) -> events naming both sides
    for j, (source, target) in enumerate(pairs):
        if source and target and windows[j]:
            complete.setdefault((events[j].type, "source", source), []).append(j)
            complete.setdefault((events[j].type, "target", target), []).append(j)
    for i, (source, target) in enumerate(pairs):
        if windows[i] is None or bool(source) == bool(target):
            continue
        side, known = ("source", source) if source else ("target", target)
        other_side = 1 if side == "source" else 0
        partners: dict[str, int] = {}
        for j in complete.get((events[i].type, side, known), ()):
            if _overlap(windows[i], windows[j]):
                partners.setdefault(pairs[j][other_side], j)
        if len(partners) == 1:
            groups.union(i, next(iter(partners.values())))


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _canonical(actor_id: str | None, links: Mapping[str, str]) -> str | None:
    return links.get(actor_id, actor_id) if actor_id else None


def _published(articles: Mapping[str, ArticleRef], event: Event) -> date | None:
    ref = articles.get(event.article_id)
    return ref.published if ref else None


def fused_id(members: Iterable[Event]) -> str:
    """A short hash of the member ids: re-fusing the same events gives the same id."""
    joined = "\n".join(sorted(e.id for e in members))
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


def _most_common(values: Iterable, order: Sequence = ()) -> object:
    """The most frequent value; ties go to the earlier one in `order`, else to the first seen."""
    counts = Counter(values)
    rank = {value: i for i, value in enumerate(order)}
    return min(counts, key=lambda v: (-counts[v], rank.get(v, len(rank))))


def choose_date(members: Sequence[Event]) -> Event | None:
    """The member with the most specific date: text over inherited over publication, then finer
    precision, then the commoner date."""
    dated = [e for e in members if e.date]
    if not dated:
        return None
    counts = Counter((e.date, e.date_end) for e in dated)
    return min(dated, key=lambda e: (_BASIS_RANK.get(e.date_basis, len(DATE_BASES)),
                                     _PRECISION_RANK.get(e.date_precision, len(PRECISIONS)),
                                     -counts[(e.date, e.date_end)], e.date))


def choose_status(members: Sequence[Event]) -> str:
    statuses = [e.status for e in members]
    return "occurred" if "occurred" in statuses else _most_common(statuses, EVENT_STATUSES)


def _actor(actor_id: str | None, links: Mapping[str, str],
           actors: Mapping[str, Actor]) -> Actor | None:
    if actor_id is None:
        return None
    canonical = links.get(actor_id, actor_id)
    # An id the store has no actor row for still shows, under its id.
    return actors.get(canonical) or Actor(canonical, canonical, "group")


def merge_group(members: Sequence[Event], articles: Mapping[str, ArticleRef],
                links: Mapping[str, str], actors: Mapping[str, Actor]) -> FusedEvent:
    """One fused event from a group of per-article events about the same happening."""
    mode = _most_common(e.mode for e in members)
    # The lead supplies the codes and the actor order: the report that names the most sides.
    lead = max((e for e in members if e.mode == mode),
               key=lambda e: (e.source_actor is not None) + (e.target_actor is not None))
    dated = choose_date(members)
    locations = [e.location for e in members if e.location and e.location.name]
    location = None
    if locations:
        name, country = _most_common((loc.name, loc.country) for loc in locations)
        location = next(loc for loc in locations if (loc.name, loc.country) == (name, country))
    status = choose_status(members)
    source = _actor(lead.source_actor, links, actors)
    target = _actor(lead.target_actor, links, actors)
    return FusedEvent(
        id=fused_id(members), type=lead.type, mode=mode, cameo=lead.cameo,
        quad_class=lead.quad_class, intensity=lead.intensity, status=status,
        source_actor=source, target_actor=target, location=location,
        date=dated.date if dated else None,
        date_end=(dated.date_end or dated.date) if dated else None,
        date_precision=dated.date_precision if dated else None,
        date_basis=dated.date_basis if dated else None,
        summary=summarize(lead.type, mode, status, source, target, location),
        sources=_sources(members, articles))


def _sources(members: Sequence[Event], articles: Mapping[str, ArticleRef]) -> list[EventSource]:
    sources = []
    for event in members:
        ref = articles.get(event.article_id) or ArticleRef(event.article_id, None)
        sources.append(EventSource(event.id, event.article_id, ref.source, ref.published,
                                   event.sentence_text))
    return sorted(sources, key=lambda s: (s.published or date.max, s.article_id, s.event_id))


def fuse_events(events: Sequence[Event], articles: Mapping[str, ArticleRef],
                links: Mapping[str, str], actors: Mapping[str, Actor]) -> list[FusedEvent]:
    """Every per-article event, fused into one event per happening."""
    return [merge_group(group, articles, links, actors)
            for group in group_events(events, articles, links)]
