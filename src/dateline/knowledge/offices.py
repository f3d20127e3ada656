"""Who held an office on a day, by the knowledge's dated roles: what tells apart the people one
bare surname may mean ("Assad" in 2011 is the president, not his late father, who held no office
after 2000)."""
from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from dateline.model import Actor


def serving(actor: Actor, day: date, titles: Collection[str] | None = None, of_state: bool = False) -> bool:
    """Whether the knowledge has the actor in an office (one of `titles`, when given; a state's,
    when `of_state`) that day."""
    return any(role.basis == "knowledge" and (titles is None or role.title in titles)
               and not (of_state and _of_a_body(role.country))
               and (role.since or date.min) <= day <= (role.until or date.max) for role in actor.roles)


def _of_a_body(owner: str | None) -> bool:
    """An office of an organisation or group ("org:un", "group:fsa"), not of a state ("SYR")."""
    return owner is not None and ":" in owner


def led_a_state(person: Actor, heads: Collection[str]) -> bool:
    """Whether the knowledge has the person leading a state at any time (a title in `heads`)."""
    return any(role.basis == "knowledge" and role.title in heads and role.country is not None
               and not _of_a_body(role.country) for role in person.roles)


def current_holder(people: Sequence[Actor], day: date | None, heads: Collection[str]) -> Actor | None:
    """The one of several people a bare name means on a day: the one leading a state then (a
    title in `heads`), else leading a movement, else holding any office then. None when no
    date, when none serves, or when two serve alike: guessing would swap one person for
    another. ("Assad" in 2012 is the president, not the rebel colonel Riad al-Asaad.)"""
    if day is None:
        return None
    for titles, of_state in ((heads, True), (heads, False), (None, False)):
        found = [person for person in people if serving(person, day, titles, of_state)]
        if found:
            return found[0] if len(found) == 1 else None
    return None


def last_head(people: Sequence[Actor], day: date | None, heads: Collection[str]) -> Actor | None:
    """Of people none of whom holds office that day, the one who led a state or movement last
    before it: a fallen leader keeps his bare surname ("Gaddafi" in September 2011)."""
    if day is None:
        return None
    ends = {}
    for person in people:
        ended = [role.until for role in person.roles if role.basis == "knowledge" and role.title in heads
                 and role.until is not None and role.until < day]
        if ended:
            ends[person.id] = max(ended)
    if not ends:
        return None
    latest = max(ends.values())
    found = [person for person in people if ends.get(person.id) == latest]
    return found[0] if len(found) == 1 else None
