"""Cooperation and conflict between two actors, month by month (`dateline relations A B`)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from dateline.model import Actor, FusedEvent, Relation, RelationMonth

# The sectors through which a state acts: its government, armed forces, police, spies, courts and
# legislature. A citizen of a state (a journalist, a business) does not speak for it.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
COOPERATION_QUADS = frozenset({1, 2})
CONFLICT_QUADS = frozenset({3, 4})


def side_of(actor: Actor, actors: Iterable[Actor]) -> list[Actor]:
    """The actors that act for `actor`: itself and, for a state, its own organs and officials."""
    side = [actor]
    if actor.kind == "country":
        side += [other for other in actors if other.id != actor.id and other.country == actor.id
                 and other.sector in STATE_SECTORS]
    return sorted(side, key=lambda a: (a.id != actor.id, a.name.lower(), a.id))


def between(events: Iterable[FusedEvent], a_ids: set[str], b_ids: set[str]) -> list[FusedEvent]:
    """The events with one side on A's and the other on B's, either way round."""
    def ids(event: FusedEvent) -> tuple[str | None, str | None]:
        return (event.source_actor.id if event.source_actor else None,
                event.target_actor.id if event.target_actor else None)

    found = []
    for event in events:
        source, target = ids(event)
        if (source in a_ids and target in b_ids) or (source in b_ids and target in a_ids):
            found.append(event)
    return found


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def months_from_to(first: date, last: date) -> list[str]:
    """Every calendar month from first's to last's, so a chart shows quiet months as quiet."""
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def by_month(events: Sequence[FusedEvent]) -> list[RelationMonth]:
    """Dated events counted in the month they happened (their true date, not a publication)."""
    dated = [e for e in events if e.date]
    if not dated:
        return []
    months = {m: RelationMonth(m, 0, 0, 0, 0.0) for m in
              months_from_to(min(e.date for e in dated), max(e.date for e in dated))}
    for event in dated:
        row = months[month_of(event.date)]
        if event.quad_class in COOPERATION_QUADS:
            row.cooperation += 1
        elif event.quad_class in CONFLICT_QUADS:
            row.conflict += 1
        else:
            row.neutral += 1
        row.score = round(row.score + event.intensity, 2)
        row.event_ids.append(event.id)
    return list(months.values())


def relation(a: Actor, b: Actor, actors: Mapping[str, Actor],
             events: Sequence[FusedEvent]) -> Relation:
    """The relation of A and B over `events` (each side as `side_of` draws it).

    An actor on both sides (A is India, B is an Indian minister) counts for the narrower one:
    the events of India with its own minister are not a relation of India with itself.
    """
    a_side, b_side = side_of(a, actors.values()), side_of(b, actors.values())
    b_ids = {actor.id for actor in b_side}
    a_side = [actor for actor in a_side if actor.id == a.id or actor.id not in b_ids]
    a_ids = {actor.id for actor in a_side}
    b_side = [actor for actor in b_side if actor.id == b.id or actor.id not in a_ids]
    found = between(events, a_ids, {actor.id for actor in b_side})
    return Relation(a, b, a_side, b_side, by_month(found), found)


def busiest_pairs(events: Iterable[FusedEvent], limit: int = 10) -> list[tuple[Actor, Actor, int]]:
    """The pairs of actors with the most events between them, either way round."""
    return busiest_counted_pairs(((e.source_actor, e.target_actor, 1) for e in events), limit)


def busiest_counted_pairs(counted: Iterable[tuple[Actor | None, Actor | None, int]],
                          limit: int = 10) -> list[tuple[Actor, Actor, int]]:
    """`busiest_pairs` of events counted already: (source actor, target actor, events)."""
    counts: dict[tuple[str, str], int] = {}
    found: dict[str, Actor] = {}
    for source, target, events in counted:
        if not source or not target or source.id == target.id:
            continue
        found[source.id] = source
        found[target.id] = target
        pair = tuple(sorted((source.id, target.id)))
        counts[pair] = counts.get(pair, 0) + events
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [(found[a], found[b], count) for (a, b), count in ranked]
