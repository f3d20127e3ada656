"""One event per real happening: grouping per-article events and merging each group.

Grouping, in steps:
1. reports (`reports`) are blocked in `blocks` and scored in `candidates`;
2. a report with an unnamed side keeps only the joins that fill that side one way: its
   candidates name one actor there, or one side (a state and its own official), or the several
   actors of one sentence; candidates in its own article speak first;
3. the best-scoring pairs join first, and two groups join only while every report of one is
   compatible with every report of the other: no two actors on one side, no two places; an
   actor one report of either calls a state's government is that state's in all of them; a
   meeting that one sentence gives several guests takes the guests its article's other
   reports name.
Merging gives the group the lead report's codes and each side's most specific actor (an
official over the state). Pure functions of records.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from dateline.fuse.blocks import candidate_pairs, collapse_copies
from dateline.fuse.candidates import (GATHERING_TYPES, JOIN_SCORE, compatible, counterpart,
                                      gathering_pair, pair_score, same_sentence)
from dateline.fuse.confidence import fused_confidence
from dateline.fuse.dates import choose_date, date_claims, explain
from dateline.fuse.reports import Report, is_symmetric, make_reports
from dateline.fuse.sides import BETWEEN_PARTIES, NO_SIDE, Side, align, event_sides, side_match
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
        self.seats = {i: _seats(report) for i, report in enumerate(reports)}

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
        self.seats[root_a] = {**self.seats.pop(root_b), **self.seats[root_a]}

    def _compatible(self, root_a: int, root_b: int) -> bool:
        """No two actors on one side, no two places; but a meeting one sentence already gives
        several guests takes the guests the article's other reports of it name. An actor that
        one report of either group calls a state's government is that state's in all of them
        ("the Islamic Emirate's foreign ministry hosted" makes "the Taliban" of another report
        Afghanistan's, and so one side with its minister)."""
        seats = {**self.seats[root_b], **self.seats[root_a]}
        reports = {i: _seated(self.reports[i], seats)
                   for i in self.members[root_a] + self.members[root_b]}
        several = None
        for i in self.members[root_a]:
            for j in self.members[root_b]:
                if compatible(reports[i], reports[j]):
                    continue
                if several is None:
                    several = self._several_guests(root_a) or self._several_guests(root_b)
                if not (several and gathering_pair(reports[i], reports[j])):
                    return False
        return True

    def _several_guests(self, root: int) -> bool:
        """Whether one sentence of the group names two guests who are not one side."""
        guests: dict[tuple[str, int], list[Side]] = {}
        for i in self.members[root]:
            report = self.reports[i]
            if report.event.type in GATHERING_TYPES and report.target:
                sentence = (report.event.article_id, report.event.sentence)
                guests.setdefault(sentence, []).append(report.target_side)
        return any(side_match(a, b) is None for named in guests.values()
                   for k, a in enumerate(named) for b in named[k + 1:])


def _seats(report: Report) -> dict[str, str]:
    """The state seats a report gives actors other than states: a body it calls a government."""
    return {side.actor: side.seat for side in (report.source_side, report.target_side)
            if side.seat and side.actor and side.actor != side.seat}


def _seated(report: Report, seats: Mapping[str, str]) -> Report:
    """The report with each of its actors in the seat `seats` gives it."""
    if not seats:
        return report
    source, target = (side._replace(seat=seats[side.actor], serves=seats[side.actor])
                      if side.actor in seats and not side.seat else side
                      for side in (report.source_side, report.target_side))
    if (source, target) == (report.source_side, report.target_side):
        return report
    return replace(report, source_side=source, target_side=target)


def group_events(events: Sequence[Event], articles: Mapping[str, ArticleRef],
                 links: Mapping[str, str], actors: Mapping[str, Actor] | None = None,
                 stories: Mapping[str, str] | None = None,
                 originals: Mapping[str, str] | None = None,
                 blocks: Mapping[str, Iterable[str]] | None = None) -> list[list[Event]]:
    """Partition events into happenings; each group and the list are in a stable order.

    `stories` maps an article to its story, `originals` a near-duplicate article to the earliest
    version; both are evidence, neither is needed. `blocks` gives each stand-in's block (event
    ids) as a fusion of more events than these finds it (`blocks.Blocks` limits a block by
    positions among all the reports): the events here are whole parts of what those blocks join.
    """
    events = sorted(events, key=lambda e: e.id)
    published = {article_id: ref.published for article_id, ref in articles.items()}
    reports = make_reports(events, published, links, actors or {}, stories or {}, originals or {})
    stand_ins = collapse_copies(reports)
    chosen = [reports[i] for i in sorted(stand_ins)]
    scored = []
    for a, b in candidate_pairs(chosen) if blocks is None else _pairs_in(chosen, blocks):
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


def _pairs_in(reports: Sequence[Report], blocks: Mapping[str, Iterable[str]]) -> list[tuple[int, int]]:
    """Every pair of these reports that the given blocks put together, each once, in index order."""
    index = {r.event.id: r.index for r in reports}
    return sorted({(min(index[a], index[b]), max(index[a], index[b]))
                   for a in index for b in blocks[a] if b in index and b != a})


def _without_ambiguous(reports: Sequence[Report], scored: list[tuple]) -> list[tuple]:
    """Drop the joins of a report with an unnamed side that its candidates fill differently,
    unless the pair shares a sentence or an article's text. Candidates in the report's own
    article speak first: a follow-up sentence is about its article's happening. A symmetric
    report's side is read in the order it matches the candidate in ("India met" is filled by
    the host of "the Taliban hosted a meeting")."""
    fills: dict[tuple[int, int, bool], set[tuple[Side, tuple[str, int]]]] = {}
    for _, a, b in scored:
        for one, other in ((reports[a], reports[b]), (reports[b], reports[a])):
            if one.source is not None and one.target is not None:
                continue
            local = one.event.article_id == other.event.article_id
            sentence = (other.event.article_id, other.event.sentence)
            named = zip((one.source, one.target), counterpart(one, other))
            for side, (mine, theirs) in enumerate(named):
                if mine is None and theirs.actor is not None:
                    fills.setdefault((one.index, side, local), set()).add((theirs, sentence))
    ambiguous = set()
    for (index, side, local), actors in fills.items():
        if _disagree(actors) and (local or (index, side, True) not in fills):
            ambiguous.add(index)
    return [item for item in scored
            if not ({item[1], item[2]} & ambiguous) or _close(reports[item[1]], reports[item[2]])]


def _disagree(fills: set[tuple[Side, tuple[str, int]]]) -> bool:
    """Whether some two fills (a side, and the sentence naming it) are two candidates, not one:
    a state and its own minister fill one empty side alike, and so do the several actors one
    sentence names ("India hosted Russia and Iran" is one happening)."""
    listed = list(fills)
    return any(sentence != other_sentence and side_match(side, other) is None
               for i, (side, sentence) in enumerate(listed) for other, other_sentence in listed[i + 1:])


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
    lead = _lead([e for e in members if e.type == kind], links, actors)
    mode = lead.mode
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
    source, target = (_actor(side.actor, links, actors)
                      for side in _group_sides(members, lead, links, actors))
    source_sector = _side_sector(source, target, members, lead, links, own_first=True)
    target_sector = _side_sector(target, source, members, lead, links, own_first=False)
    if _acts_on_itself(lead.type, source, target, (source_sector, target_sector)):
        target = target_sector = None  # two names of one actor: "Syria held talks with Syria" says nothing
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
        confidence=fused_confidence(members, originals or {}, named_doer=source is not None,
                                    status=status),
        date_value=dated.date_value if dated else _partial_date_value(members),
        source_sector=source_sector, target_sector=target_sector)


def _side_sector(actor: Actor | None, other: Actor | None, members: Sequence[Event], lead: Event,
                 links: Mapping[str, str], own_first: bool) -> str | None:
    """The sector the reports' own words give an actor on one side of this event ("Syrian
    troops": MIL), the most common, the lead's on a tie; None when no report's words give one.
    A report that reads the act the other way round gives it from its other side, unless one
    state is on both sides ("Syrian forces killed Syrian civilians"): then each side keeps its own."""
    if actor is None:
        return None
    found = Counter()
    for event in members:
        sides = [(event.source_actor, event.source_sector), (event.target_actor, event.target_sector)]
        own, theirs = sides if own_first else sides[::-1]
        for actor_id, sector in (own,) if other is not None and other.id == actor.id else (own, theirs):
            if sector and actor_id and links.get(actor_id, actor_id) == actor.id:
                found[sector] += 1 + (event is lead) * 0.5
    return found.most_common(1)[0][0] if found else None


def _lead(reports: Sequence[Event], links: Mapping[str, str], actors: Mapping[str, Actor]) -> Event:
    """The report that supplies the codes and the actor order: of the most common mode, the one
    that names the most sides most precisely (an official over the state), then the one whose
    doer most other reports name as theirs (not one that reads the act the other way round)."""
    modes = Counter(e.mode for e in reports)
    sides = {e.id: (event_sides(e, links, actors), is_symmetric(e)) for e in reports}
    readings = Counter(sides.values())  # copies of one report read alike: each reading once

    def named(event: Event) -> int:
        return sum(_named(side.actor, {}, actors) for side in sides[event.id][0])

    def support(event: Event) -> int:
        mine, symmetric = sides[event.id]
        agreeing = 0
        for (theirs, other_symmetric), count in readings.items():
            agreement, swapped = align(mine, theirs, symmetric or other_symmetric)
            agreeing += count * (agreement is not None and not swapped and agreement[0] > 0)
        return agreeing

    return max(reports, key=lambda e: (modes[e.mode], named(e), support(e), e.id))


def _group_sides(members: Sequence[Event], lead: Event, links: Mapping[str, str],
                 actors: Mapping[str, Actor]) -> tuple[Side, Side]:
    """The fused event's doer and target: the lead's, each made as specific as the reports of
    its type allow (an official over the state: "India" and "J.P. Singh" make J.P. Singh), an
    unnamed one named by the reports that agree on it; a meeting whose reports name several
    guests names none of them."""
    mine = event_sides(lead, links, actors)
    found: tuple[list[Side], list[Side]] = ([], [])
    for event in members:
        if event.type != lead.type:
            continue
        theirs = event_sides(event, links, actors)
        _, swapped = align(mine, theirs, is_symmetric(lead) or is_symmetric(event))
        if swapped:
            theirs = (theirs[1], theirs[0])
        for side, named in zip(found, theirs):
            if named.actor is not None:
                side.append(named)
    chosen = []
    for number, (own, named) in enumerate(zip(mine, found)):
        several = any(side_match(a, b) is None for i, a in enumerate(named) for b in named[i + 1:])
        if several and (own.actor is None or number == 1 and lead.type in GATHERING_TYPES):
            chosen.append(NO_SIDE)  # no one of several guests is the meeting's one guest
        elif own.actor is None:
            chosen.append(_most_specific(named, own, actors))
        else:
            chosen.append(_most_specific([side for side in named if side_match(own, side) is not None],
                                         own, actors))
    return chosen[0], chosen[1]


def _most_specific(sides: Sequence[Side], own: Side, actors: Mapping[str, Actor]) -> Side:
    """Of the sides (and `own`), a person or body over a state; then `own`, then the most named."""
    counts = Counter(sides)
    return max([own, *sides],
               key=lambda side: (_named(side.actor, {}, actors), side == own, counts[side]))


def _partial_date_value(members: Sequence[Event]) -> str | None:
    """The most common date value of undated reports ("XXXX-11-04"), when their words gave one."""
    values = [e.date_value for e in members if e.date is None and e.date_value]
    return _most_common(values) if values else None


def _acts_on_itself(type_: str, source: Actor | None, target: Actor | None,
                    sectors: tuple[str | None, str | None] = (None, None)) -> bool:
    """Whether the target is the doer again. A state's forces acting on its people are two
    sides of one state ("Syrian forces killed 24 civilians": SYR MIL on SYR CVL)."""
    if source is None or target is None:
        return False
    if source.id == target.id:
        return not (all(sectors) and sectors[0] != sectors[1])
    return type_ in BETWEEN_PARTIES and target.kind == "country" and source.country == target.id


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
                originals: Mapping[str, str] | None = None,
                blocks: Mapping[str, Iterable[str]] | None = None) -> list[FusedEvent]:
    """Every per-article event, fused into one event per happening (`blocks`: see
    `group_events`).

    A near-duplicate article (in `originals`) adds sources to happenings, never happenings of
    its own: a group of its events alone is left out.
    """
    originals = originals or {}
    groups = group_events(events, articles, links, actors, stories, originals, blocks)
    return [merge_group(group, articles, links, actors, originals) for group in groups
            if any(e.article_id not in originals for e in group)]
