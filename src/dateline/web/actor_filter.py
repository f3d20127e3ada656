"""The actor filter of the timeline, key dates and events pages: one entry per name.

A corpus can hold dozens of actors of one name (an "Assad" in each article that fusion could not
tell apart); an entry each would be a column of identical names. So the filter groups the
mentioned actors by name, any case, and offers:
1. a name only one actor answers to as that actor, filtering by its id:
   "Mohammad Haneef Atmar (AFG) · 3 mentions";
2. a name a few actors of different countries answer to as them all, filtering by the name:
   "Abdullah (JOR) / Abdullah (SAU) · 2 actors, 15 mentions";
3. any other shared name as one entry, filtering by the name: "Assad (12 actors) · 80 mentions".
A name filters as `--actor NAME` does (`Database.resolve_actor`): every actor whose id, name or
alias it is, so an entry counts those, and the page and its `.json` list the same events.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from dateline.errors import QueryError
from dateline.model import Actor
from dateline.query import Database

SPELLED_OUT = 3  # a shared name lists its actors by country up to this many; more are counted


@dataclass(slots=True)
class FilterChoice:
    """One entry of the actor filter: the `actor` value it sets and what it stands for."""

    value: str  # an actor id, or a name several actors answer to
    actors: list[Actor]  # the actors it filters by, the most mentioned first
    mentions: int  # theirs, together
    selected: bool = False  # what the page filters by now

    def label(self) -> str:
        mentions = f"{self.mentions:,} mention{'' if self.mentions == 1 else 's'}"
        if len(self.actors) == 1:
            return f"{_named(self.actors[0], self.actors[0].kind != 'country')} · {mentions}"
        if _spelled_out(self.actors):
            return (" / ".join(_named(a, True) for a in self.actors)
                    + f" · {len(self.actors)} actors, {mentions}")
        return f"{self.value} ({len(self.actors)} actors) · {mentions}"


def _named(actor: Actor, with_country: bool) -> str:
    return f"{actor.name} ({actor.country})" if with_country and actor.country else actor.name


def _spelled_out(actors: list[Actor]) -> bool:
    """Whether their countries tell these actors apart, and they are few enough to list."""
    countries = [a.country for a in actors]
    return len(actors) <= SPELLED_OUT and all(countries) and len(set(countries)) == len(countries)


def filter_choices(db: Database, chosen: Sequence[str], limit: int) -> list[FilterChoice]:
    """The entries of the actor filter, by label: those of the `limit` most mentioned names,
    and those the URL chose (`chosen`, as typed), marked selected, so the form keeps them."""
    # Every entry, the most mentioned first, depends on the database only: made once for it.
    mentions, by_actors = db.remembered("actor filter", lambda: every_choice(db.actors()))
    shown = {ids: replace(choice) for ids, choice in list(by_actors.items())[:limit]}
    for value in chosen:  # an id, a name of the list or any other the URL gave
        try:
            ids = frozenset(db.resolve_actor(value))
        except QueryError:
            continue
        choice = shown.get(ids)
        if choice is None and ids in by_actors:
            choice = replace(by_actors[ids])
        elif choice is None:
            actors = sorted((db.canonical_actors()[i] for i in ids),
                            key=lambda a: (-mentions.get(a.id, 0), a.name.lower(), a.id))
            choice = FilterChoice(value, actors, sum(mentions.get(i, 0) for i in ids))
        choice.selected = True
        shown[ids] = choice
    return sorted(shown.values(), key=lambda c: (c.label().lower(), c.value))


def every_choice(counted: list[tuple[Actor, int]]
                 ) -> tuple[dict[str, int], dict[frozenset[str], FilterChoice]]:
    """Mentions by actor id, and an entry for each mentioned name (by the ids of the actors it
    answers to), the most mentioned first, of every canonical actor, the most mentioned first."""
    mentions = {actor.id: count for actor, count in counted}
    answering: dict[str, list[Actor]] = {}  # a name, id or alias in lower case -> its actors
    for actor, _ in counted:
        for name in {n.lower() for n in (actor.id, actor.name, *actor.aliases)}:
            answering.setdefault(name, []).append(actor)
    by_actors: dict[frozenset[str], FilterChoice] = {}  # the most mentioned name first
    for actor, count in counted:
        actors = answering[actor.name.lower()]
        ids = frozenset(a.id for a in actors)
        if count and actor.name.strip() and ids not in by_actors:
            value = actor.id if len(actors) == 1 else actor.name
            by_actors[ids] = FilterChoice(value, actors, sum(mentions[a.id] for a in actors))
    ranked = sorted(by_actors.items(), key=lambda item: -item[1].mentions)
    return mentions, dict(ranked)
