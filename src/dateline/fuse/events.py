"""One event per real happening: grouping per-article events and merging each group.

Candidate reports are blocked and scored in `candidates`; the best-scoring pairs join first, and
two groups join only while every report of one is compatible with every report of the other (no
two different actors on a side, no two different places). A report naming one side only joins
no one when its candidates name different actors for the other side. Pure functions of records.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import NamedTuple

from dateline.fuse.candidates import (JOIN_SCORE, Report, actor_match, candidate_pairs,
                                      collapse_copies, location_conflict, make_reports, pair_score,
                                      same_sentence)
from dateline.fuse.confidence import fused_confidence
from dateline.fuse.dates import choose_date, date_claims, explain
from dateline.fuse.summary import summarize
from dateline.model import EVENT_STATUSES, Actor, Event, EventSource, FusedEvent

__all__ = ["ArticleRef", "choose_date", "fuse_events", "fused_id", "group_events", "merge_group"]


class ArticleRef(NamedTuple):
    source: str
    published: date | None


class _Groups:
    """Union-find over reports that also keeps each group's members, to test compatibility."""

    def __init__(self, reports: Sequence[Report]) -> None:
        self.reports = reports
        self.parent = list(range(len(reports)))
        self.members = {i: [i] for i in range(len(reports))}

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b or not self._compatible(root_a, root_b):
            return
        if root_a > root_b:
            root_a, root_b = root_b, root_a
        self.parent[root_b] = root_a
        self.members[root_a] += self.members.pop(root_b)

    def _compatible(self, root_a: int, root_b: int) -> bool:
        reports = self.reports
        return all(same_sentence(reports[i], reports[j]) or (
                       actor_match(reports[i], reports[j]) is not None
                       and not location_conflict(reports[i], reports[j]))
                   for i in self.members[root_a] for j in self.members[root_b])


def group_events(events: Sequence[Event], articles: Mapping[str, ArticleRef],
                 links: Mapping[str, str], actors: Mapping[str, Actor] | None = None,
                 stories: Mapping[str, str] | None = None,
                 originals: Mapping[str, str] | None = None) -> list[list[Event]]:
    """Partition events into happenings; each group and the list are in a stable order.

    `stories` maps an article to its story, `originals` a near-duplicate article to the earliest
    version; both are evidence, neither is needed.
    """
    events = sorted(events, key=lambda e: e.id)
    published = {article_id: ref.published for article_id, ref in articles.items()}
    reports = make_reports(events, published, links, actors or {}, stories or {}, originals or {})
    stand_ins = collapse_copies(reports)
    scored = []
    for a, b in candidate_pairs([reports[i] for i in sorted(stand_ins)]):
        score = pair_score(reports[a], reports[b])
        if score is not None and score >= JOIN_SCORE:
            scored.append((-score, a, b))
    scored = _without_ambiguous(reports, scored)
    groups = _Groups(reports)
    for _, a, b in sorted(scored):
        groups.join(a, b)
    for stand_in, members in stand_ins.items():
        for member in members[1:]:
            groups.parent[member] = stand_in  # a copy's report goes where its stand-in went
    by_root: dict[int, list[Event]] = {}
    for i, event in enumerate(events):
        by_root.setdefault(groups.find(i), []).append(event)
    return sorted(by_root.values(), key=lambda group: group[0].id)


def _without_ambiguous(reports: Sequence[Report], scored: list[tuple]) -> list[tuple]:
    """Drop the joins of a one-sided report whose candidates fill its empty side differently,
    unless the pair shares a sentence or an article's text. Candidates in the report's own
    article speak first: a follow-up sentence is about its article's happening."""
    fills: dict[tuple[int, str, bool], set[str]] = {}
    for _, a, b in scored:
        for one, other in ((reports[a], reports[b]), (reports[b], reports[a])):
            local = one.event.article_id == other.event.article_id
            for side, mine, theirs in (("source", one.source, other.source),
                                       ("target", one.target, other.target)):
                if mine is None and theirs is not None:
                    fills.setdefault((one.index, side, local), set()).add(theirs)
    ambiguous = set()
    for (index, side, local), actors in fills.items():
        if len(actors) > 1 and (local or (index, side, True) not in fills):
            ambiguous.add(index)
    return [item for item in scored
            if not ({item[1], item[2]} & ambiguous) or _close(reports[item[1]], reports[item[2]])]


def _close(a: Report, b: Report) -> bool:
    return same_sentence(a, b) or (a.original == b.original and a.event.article_id != b.event.article_id)


def fused_id(members: Iterable[Event]) -> str:
    """A short hash of the member ids: re-fusing the same events gives the same id."""
    joined = "\n".join(sorted(e.id for e in members))
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


def _most_common(values: Iterable, order: Sequence = ()) -> object:
    """The most frequent value; ties go to the earlier one in `order`, else to the first seen."""
    counts = Counter(values)
    rank = {value: i for i, value in enumerate(order)}
    return min(counts, key=lambda v: (-counts[v], rank.get(v, len(rank))))


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
                links: Mapping[str, str], actors: Mapping[str, Actor],
                originals: Mapping[str, str] | None = None) -> FusedEvent:
    """One fused event from a group of per-article events about the same happening;
    `originals` maps a near-duplicate article to its original (a copy is no second source)."""
    kind = _most_common(e.type for e in members)
    mode = _most_common(e.mode for e in members if e.type == kind)
    # The lead supplies the codes and the actor order: the report that names the most sides,
    # and names them most precisely (an official over the state).
    lead = max((e for e in members if e.type == kind and e.mode == mode),
               key=lambda e: (_named(e.source_actor, links, actors) + _named(e.target_actor, links, actors),
                              e.id))
    published = {e.article_id: (articles.get(e.article_id) or ArticleRef("", None)).published
                 for e in members}
    claims = date_claims(members, published)
    dated = claims[0][1] if claims else None
    locations = [e.location for e in members if e.location and e.location.name]
    location = None
    if locations:
        name, country = _most_common((loc.name, loc.country) for loc in locations)
        location = next(loc for loc in locations if (loc.name, loc.country) == (name, country))
    status = choose_status(members)
    source = _actor(lead.source_actor, links, actors)
    target = _actor(lead.target_actor, links, actors)
    if source is not None and target is not None and source.id == target.id:
        target = None  # two names of one actor: "Syria held talks with Syria" says nothing
    return FusedEvent(
        id=fused_id(members), type=lead.type, mode=mode, cameo=lead.cameo,
        quad_class=lead.quad_class, intensity=lead.intensity, status=status,
        source_actor=source, target_actor=target, location=location,
        date=dated.date if dated else None,
        date_end=(dated.date_end or dated.date) if dated else None,
        date_precision=dated.date_precision if dated else None,
        date_basis=dated.date_basis if dated else None,
        summary=summarize(lead.type, mode, status, source, target, location, trigger=lead.trigger,
                          sentence_text=lead.sentence_text),
        sources=_sources(members, articles), members=sorted(e.id for e in members),
        dates=[claim for claim, _ in claims], date_note=explain([claim for claim, _ in claims]),
        confidence=fused_confidence(members, originals or {}, named_doer=source is not None),
        date_value=dated.date_value if dated else _partial_date_value(members))


def _partial_date_value(members: Sequence[Event]) -> str | None:
    """The most common date value of undated reports ("XXXX-11-04"), when their words gave one."""
    values = [e.date_value for e in members if e.date is None and e.date_value]
    return _most_common(values) if values else None


def _named(actor_id: str | None, links: Mapping[str, str], actors: Mapping[str, Actor]) -> int:
    """2 for a named person or body, 1 for a state (or an actor not on record), 0 for none."""
    if actor_id is None:
        return 0
    actor = actors.get(links.get(actor_id, actor_id))
    return 1 if actor is None or actor.kind == "country" else 2


def _sources(members: Sequence[Event], articles: Mapping[str, ArticleRef]) -> list[EventSource]:
    """One source per sentence: two triggers in one sentence are one report."""
    sources: dict[tuple[str, int], EventSource] = {}
    for event in sorted(members, key=lambda e: e.id):
        ref = articles.get(event.article_id) or ArticleRef(event.article_id, None)
        sources.setdefault((event.article_id, event.sentence), EventSource(
            event.id, event.article_id, ref.source, ref.published, event.sentence_text))
    return sorted(sources.values(), key=lambda s: (s.published or date.max, s.article_id, s.event_id))


def fuse_events(events: Sequence[Event], articles: Mapping[str, ArticleRef],
                links: Mapping[str, str], actors: Mapping[str, Actor],
                stories: Mapping[str, str] | None = None,
                originals: Mapping[str, str] | None = None) -> list[FusedEvent]:
    """Every per-article event, fused into one event per happening.

    A near-duplicate article (in `originals`) adds sources to happenings, never happenings of
    its own: a group of its events alone is left out.
    """
    originals = originals or {}
    groups = group_events(events, articles, links, actors, stories, originals)
    return [merge_group(group, articles, links, actors, originals) for group in groups
            if any(e.article_id not in originals for e in group)]
