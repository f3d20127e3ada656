"""The sides of a happening: who did it, and to whom, as fusion compares them.

An actor is read as a side (`Side`): a state, or a body the report calls a state's government,
is that state; a person of a state, or one of its organs, acts for it, so "India" and "Ajit
Doval" may be one side, "Syria" and the rebels who fight it never. A symmetric act ("met")
matches either way round. An act between parties whose target is its doer's own state
("Doval hosted India") names no target. Pure functions of records.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from dateline.model import Actor, Event

# The sectors through which a state acts (its government, forces, police, spies, courts and
# legislature), as in query.relations: a rebel, a party or a journalist of a state is not its side.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# Acts between two parties: a state's own official does none of them to that state, so a report
# of one ("Ajit Doval (IND) hosted India": a misread venue) names its other party not at all.
BETWEEN_PARTIES = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID", "SUPPORT"})


class Side(NamedTuple):
    """An actor as one side of a happening: the state it is (a country, or a body the report
    calls that country's government) and the state it acts for (its own, for the state itself,
    its organs and its people not known to be anything else)."""

    actor: str | None  # canonical actor id
    seat: str | None = None
    serves: str | None = None


NO_SIDE = Side(None)


def event_sides(event: Event, links: Mapping[str, str],
                actors: Mapping[str, Actor]) -> tuple[Side, Side]:
    """An event's doer and target as sides. An act between parties whose target is the state
    its doer acts for ("Ajit Doval hosted India") names no target."""
    source = side_of(event.source_actor, event.source_sector, links, actors)
    target = side_of(event.target_actor, event.target_sector, links, actors)
    if event.type in BETWEEN_PARTIES and target.seat and source.serves == target.seat:
        target = NO_SIDE
    return source, target


def side_of(actor_id: str | None, sector: str | None, links: Mapping[str, str],
            actors: Mapping[str, Actor]) -> Side:
    """An event's actor as a side; `sector` is the one its mention gives, if any."""
    if actor_id is None:
        return NO_SIDE
    canonical = links.get(actor_id, actor_id)
    actor = actors.get(canonical)
    if actor is None or actor.country is None:
        return Side(canonical)
    if actor.kind == "country":
        return Side(canonical, actor.country, actor.country)
    sector = sector or actor.sector
    # A person of a state is taken for its official unless known to be something else; a body
    # (an armed group, a monitor) is the state's only when known to be one of its organs, and
    # is the state itself when called its government.
    of_state = sector in STATE_SECTORS or (sector is None and actor.kind == "person")
    seat = actor.country if sector == "GOV" and actor.kind != "person" else None
    return Side(canonical, seat, actor.country if of_state else None)


def side_match(a: Side, b: Side) -> float | None:
    """How well two reports' actors on one side agree: None is a conflict."""
    if a.actor is None or b.actor is None:
        return 0.0
    if a.actor == b.actor:
        return 1.0
    # A state and one of its own officials or organs ("India" / "Jaishankar", "the Islamic
    # Emirate's government" / "Muttaqi") may be one side.
    if (a.seat and a.seat == b.serves) or (b.seat and b.seat == a.serves):
        return 0.5
    return None


def align(sides: tuple[Side, Side], other: tuple[Side, Side], symmetric: bool
          ) -> tuple[tuple[float, float] | None, bool]:
    """How `other` agrees with `sides` (None: a conflict), and whether it does so read the
    other way round, which a symmetric act allows."""
    straight = _sides(*sides, *other)
    if symmetric and (straight is None or sum(straight) < 2.0):
        swapped = _sides(*sides, other[1], other[0])
        if swapped is not None and (straight is None or sum(swapped) > sum(straight)):
            return swapped, True
    return straight, False


def _sides(source: Side, target: Side, other_source: Side, other_target: Side
           ) -> tuple[float, float] | None:
    first = side_match(source, other_source)
    second = side_match(target, other_target)
    if first is None or second is None:
        return None
    return first, second
