"""Offices the corpus shows people in: who held one on a day, and the periods a record lists.

A role phrase ("the Afghan foreign minister") names an office, not a person: fusion links it to
whoever the corpus shows in that office on its date (`holder_on`, over each holder's
`office_tenures`). A canonical actor's record lists the knowledge's roles, then one period per
office the text shows it in (`consolidate_roles`). Pure functions of records.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from dateline.model import Actor, Role


@dataclass(slots=True)
class Tenure:
    holder: str
    first: date
    last: date


def office_tenures(people: Iterable[Actor], holder_of: Callable[[str], str]
                   ) -> dict[tuple[str, str | None], list[Tenure]]:
    """(title, country) of every office the text shows someone in -> each holder's first and last
    sighting in it, in the order the holders come; `holder_of` gives a person's canonical id."""
    tenures: dict[tuple[str, str | None], dict[str, Tenure]] = {}
    for person in people:
        holder = holder_of(person.id)
        for role in person.roles:
            if role.basis == "text" and role.since:
                seen = tenures.setdefault((role.title, role.country), {})
                tenure = seen.setdefault(holder, Tenure(holder, role.since, role.since))
                tenure.first, tenure.last = min(tenure.first, role.since), max(tenure.last, role.until or role.since)
    return {office: list(seen.values()) for office, seen in tenures.items()}


def holder_on(tenures: list[Tenure], day: date | None) -> str | None:
    """Who held an office on a day, by when the corpus shows each holder in it: the one seen in it
    around that day, else the last one seen before it, as long as no one else was seen in it
    since. None when two fit, when nobody was seen in it by then, or when it changed hands
    somewhere between the last sighting and the next."""
    if day is None:
        return tenures[0].holder if len(tenures) == 1 else None
    serving = [t for t in tenures if t.first <= day <= t.last]
    if serving:
        return serving[0].holder if len(serving) == 1 else None
    before = [t for t in tenures if t.last < day]
    if not before:
        return None
    latest = max(before, key=lambda t: t.last)
    if any(t.first > latest.last for t in tenures if t is not latest):
        return None
    return latest.holder


def consolidate_roles(roles: Iterable[Role], country_of: Mapping[str, str | None] | None = None,
                      keep_phrases: bool = False) -> list[Role]:
    """The knowledge's roles, then one period per office the text shows a holder in (first to
    last sighting), unless a knowledge role of that office's owner (or of a body of its country:
    the MEA's spokesperson is India's) already covers it. A role phrase's own office is kept only
    on the phrase's actor."""
    roles = list(roles)
    country_of = country_of or {}
    known = [r for r in roles if r.basis == "knowledge"]
    owners = {k.country: {k.country, country_of.get(k.country or "")} for k in known}
    periods: dict[tuple[str, str | None], Role] = {}
    for role in roles:
        if role.basis != "text" or role.since is None:
            continue
        if any(role.country in owners[k.country] and (k.since or date.min) <= role.since <= (k.until or date.max)
               for k in known):
            continue
        key = (role.title, role.country)
        period = periods.get(key)
        if period is None:
            periods[key] = Role(role.title, role.country, role.since, role.until or role.since, "text")
        else:
            period.since, period.until = min(period.since, role.since), max(period.until, role.until or role.since)
    phrases = [r for r in roles if r.basis == "phrase"] if keep_phrases else []
    return known + sorted(periods.values(), key=lambda r: (r.since, r.title)) + phrases
