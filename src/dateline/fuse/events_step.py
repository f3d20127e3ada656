"""Fusion's event step: fuse again the happenings a batch reaches, reading only them.

The walk of `fuse.incremental.plan_refusion`, over the store instead of every report: it starts
at the events whose fusion key changed (the new ones, and the stored ones whose actors, story or
near-duplicate original this fusion changed). Before it looks at a report it reads that
report's whole block (`Blocks.of`) from the store (`event_fusion_keys` keeps each event's type
family and window): for each tier of window lengths, every fused event of the family whose
window starts from the tier's longest window before the report's own up to its end; for an
undated report, the events of its article and of that article's near-duplicates. Positions
within a tier count the same over those as over all, so the walk reaches what a walk over
everything reaches, and the blocks it saw are the ones the reports reached are paired in
(`fuse_events(blocks=...)`): they fuse as one fusion of the whole store fuses them.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from dateline.days import shift_day
from dateline.fuse.blocks import Blocks, copy_key, tier_lengths, tier_of
from dateline.fuse.candidates import JOIN_SCORE, pair_score
from dateline.fuse.events import ArticleRef, fuse_events
from dateline.fuse.incremental import fusion_key
from dateline.fuse.reports import Report, make_reports
from dateline.model import Actor, Event, FusedEvent
from dateline.store.fusion_reads import FusionReads


@dataclass(slots=True)
class Context:
    """What a report reads beyond its event (links, actors, stories, originals, articles), as
    this fusion leaves it: what the fusion's earlier steps changed, else what is stored, read
    as events come in."""

    reads: FusionReads
    records: Callable[[set[str]], dict[str, Actor]]  # canonical ids -> their records
    links: dict[str, str]
    stories: dict[str, str]
    originals: dict[str, str]  # only near-duplicates: article -> its original
    regrouped: set[str]  # articles whose original this fusion decided (absent: not a copy)
    articles: dict[str, ArticleRef] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)

    def read_for(self, events: Iterable[Event]) -> None:
        events = list(events)
        articles = {e.article_id for e in events} - self.articles.keys()
        if articles:
            self.articles.update((a, ArticleRef(source, day))
                                 for a, (source, day) in self.reads.published(articles).items())
            self.stories.update((a, s) for a, s in self.reads.stories_of(articles - self.stories.keys()).items()
                                if a not in self.stories)
            self.originals.update((a, o) for a, o in self.reads.originals_of(articles - self.regrouped).items()
                                  if a not in self.originals)
        ids = {i for e in events for i in (e.source_actor, e.target_actor) if i} - self.links.keys()
        self.links.update(self.reads.links_of(ids))
        self.links.update((i, i) for i in ids - self.links.keys())
        wanted = {self.links.get(i, i) for e in events for i in (e.source_actor, e.target_actor) if i}
        wanted |= {e.location.country for e in events if e.location and e.location.country}
        self.actors.update(self.records(wanted - self.actors.keys()))

    @property
    def published(self) -> dict[str, date | None]:
        return {a: ref.published for a, ref in self.articles.items()}


@dataclass(slots=True)
class EventChanges:
    stale: list[str]  # stored fused event ids replaced
    fused: list[FusedEvent]
    keys: list[tuple[str, str, str, date | None, date | None]]  # (event, key, family, window)
    left_out: dict[str, str]  # article id -> why its events could not be fused


# Report indices here stand for an order of event ids (what a fusion of everything numbers its
# reports by), so that reports read at any time keep theirs: ids are short ASCII.
ORDER_WIDTH = 64


def order_key(event_id: str) -> int:
    """An integer that orders event ids as strings do."""
    raw = event_id.encode("ascii")
    if len(raw) > ORDER_WIDTH:
        raise ValueError(f"an event id of more than {ORDER_WIDTH} characters: {event_id!r}")
    return int.from_bytes(raw.ljust(ORDER_WIDTH, b"\0"), "big")


class _Universe:
    """The events read so far, as reports, with their classes of copies (`collapse_copies`,
    kept up to date as events come in)."""

    def __init__(self, context: Context, longest: dict[tuple[str, int], int],
                 view: Callable[[list[Event]], list[Event]]) -> None:
        self.context, self.longest, self.view = context, longest, view
        self.seen: set[str] = set()
        self.read_blocks: set[str] = set()
        self.left_out: dict[str, str] = {}
        self.by_id: dict[str, Report] = {}
        self.copies: dict[tuple, list[str]] = {}  # copy key -> its reports' event ids, sorted
        self.classes: dict[str, list[str]] = {}  # stand-in event id -> its class, itself first
        self.stand_in_of: dict[str, str] = {}

    def read(self, event_ids: Iterable[str]) -> None:
        missing = set(event_ids) - self.seen
        if missing:
            self.add(self.context.reads.events(missing))

    def add(self, events: list[Event]) -> None:
        events = [e for e in self.view(events) if e.id not in self.seen]
        self.seen.update(e.id for e in events)
        c = self.context
        c.read_for(events)
        failed: dict[str, str] = {}
        reports = make_reports(events, c.published, c.links, c.actors, c.stories, c.originals, failed)
        if failed:  # the article's events read before go too: it is left out whole
            self.left_out.update(failed)
            for report in [r for r in self.by_id.values() if r.event.article_id in failed]:
                self._drop(report)
        for report in reports:
            if report.event.article_id not in self.left_out:
                report.index = order_key(report.event.id)
                self._keep(report)

    def _keep(self, report: Report) -> None:
        event_id = report.event.id
        self.by_id[event_id] = report
        if report.window:
            days = (report.window[1] - report.window[0]).days
            key = (report.family, tier_of(days))
            self.longest[key] = max(self.longest.get(key, 0), days)
        key = copy_key(report)
        members = self.copies.setdefault(key, []) if key is not None else []
        bisect.insort(members, event_id)
        self._set_class(members or [event_id])

    def _drop(self, report: Report) -> None:
        event_id = report.event.id
        del self.by_id[event_id]
        stand_in = self.stand_in_of.pop(event_id)
        members = [m for m in self.classes.pop(stand_in) if m != event_id]
        key = copy_key(report)
        if key is not None:
            self.copies[key] = members
        if members:
            self._set_class(members)

    def _set_class(self, members: list[str]) -> None:
        for old in {self.stand_in_of.get(m) for m in members} - {None, members[0]}:
            self.classes.pop(old, None)
        self.classes[members[0]] = list(members)
        self.stand_in_of.update((m, members[0]) for m in members)

    def blocks(self) -> Blocks:
        return Blocks([self.by_id[s] for s in self.classes], self.longest)

    def read_blocks_of(self, event_ids: Iterable[str]) -> None:
        """Read the whole block of each of these events (see the module's note)."""
        todo = [self.by_id[i] for i in event_ids if i in self.by_id and i not in self.read_blocks]
        if not todo:
            return
        ranges = [(r.family, shift_day(r.window[0], -days), r.window[1], *tier_lengths(tier))
                  for r in todo if r.window
                  for (family, tier), days in self.longest.items() if family == r.family]
        reads = self.context.reads
        found = set(reads.blocked_in(ranges))
        undated = {r.event.article_id for r in todo if r.window is None}
        if undated:
            groups = set(self.context.originals.get(a, a) for a in undated)
            found |= set(reads.event_ids_of_articles(set(reads.groups(groups)) | undated))
        self.read_blocks.update(r.event.id for r in todo)
        self.read(found)


def _joins(a: Report, b: Report) -> bool:
    score = pair_score(a, b) if a.index < b.index else pair_score(b, a)
    return score is not None and score >= JOIN_SCORE


def refresh_events(context: Context, candidates: set[str],
                   view: Callable[[list[Event]], list[Event]]) -> EventChanges:
    """Fuse again what the `candidates` (event ids whose key may have changed) reach; `view`
    gives the events as fusion reads them (the user's splits applied)."""
    reads = context.reads
    universe = _Universe(context, _longest(reads), view)
    universe.read(candidates)
    stored = reads.fusion_keys(candidates)
    queue = {i for i in candidates if i in universe.by_id
             and stored.get(i) != fusion_key(universe.by_id[i], context.actors)}
    processed: set[str] = set()
    stale: set[str] = set()
    block: dict[str, list[str]] = {}  # stand-in -> its block, as a fusion of everything finds it
    while queue:
        universe.read_blocks_of(queue)
        todo = sorted({universe.stand_in_of[i] for i in queue if i in universe.stand_in_of} - processed)
        processed.update(todo)
        blocks = universe.blocks()
        reached: set[str] = set()
        for stand_in in todo:
            report = universe.by_id[stand_in]
            block[stand_in] = [o.event.id for o in blocks.of(report)]
            # what the walk has already reached need not be scored again
            reached.update(i for i in block[stand_in]
                           if universe.stand_in_of[i] not in processed and _joins(report, universe.by_id[i]))
        for fused_id, members in reads.fused_of(m for s in todo for m in universe.classes[s]).items():
            if fused_id not in stale:
                stale.add(fused_id)
                reached.update(members)
        universe.read(reached)
        queue = {i for i in reached if i in universe.stand_in_of and universe.stand_in_of[i] not in processed}
    chosen = sorted((universe.by_id[m] for s in processed for m in universe.classes[s]),
                    key=lambda r: r.event.id)
    fused = fuse_events([r.event for r in chosen], context.articles, context.links, context.actors,
                        context.stories, context.originals, block)
    keys = [(r.event.id, fusion_key(r, context.actors), r.family, *(r.window or (None, None)))
            for r in chosen]
    return EventChanges(sorted(stale), fused, keys, dict(universe.left_out))


def _longest(reads: FusionReads) -> dict[tuple[str, int], int]:
    """(family, tier) -> the longest window of a fused event in it."""
    longest: dict[tuple[str, int], int] = {}
    for family, days in reads.window_lengths():
        key = (family, tier_of(days))
        longest[key] = max(longest.get(key, 0), days)
    return longest


def candidates_for(reads: FusionReads, new_articles: Iterable[str], moved_articles: Iterable[str],
                   changed_actors: Iterable[str]) -> set[str]:
    """The events whose fusion key this fusion may have changed: those of new articles and of
    articles whose story or original changed, those naming an actor whose link or record
    changed, and any stored event not fused yet."""
    found = set(reads.event_ids_of_articles(set(new_articles) | set(moved_articles)))
    found |= set(reads.event_ids_of_actors(changed_actors))
    return found | set(reads.unfused_event_ids())
