"""One actor per real person: linking name variants of a person across articles.

Analyses of different articles may name the same person differently ("Haneef Atmar",
"Mohammad Haneef Atmar") and so give them different ids. A person whose name tokens are a strict
subset of exactly one fuller name (the same surname, no conflicting country) is that person.
Other kinds (countries, organisations, groups) come from the knowledge base with stable ids and
are linked only to themselves.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from dateline.model import Actor

_TOKEN = re.compile(r"[^\W_]+")


def name_tokens(name: str) -> frozenset[str]:
    return frozenset(token.lower() for token in _TOKEN.findall(name))


def last_token(name: str) -> str | None:
    tokens = _TOKEN.findall(name)
    return tokens[-1].lower() if tokens else None


def _compatible(a: Actor, b: Actor) -> bool:
    return a.country is None or b.country is None or a.country == b.country


def _fuller_names(person: Actor, people: list[Actor]) -> list[Actor]:
    """People whose name strictly contains this one's tokens, with its surname and country."""
    tokens, surname = name_tokens(person.name), last_token(person.name)
    return [other for other in people
            if other.id != person.id and last_token(other.name) == surname
            and tokens < name_tokens(other.name) and _compatible(person, other)]


def _fullest(candidates: list[Actor]) -> list[Actor]:
    """The candidates not contained in another candidate: the fullest forms of the name."""
    return [c for c in candidates
            if not any(name_tokens(c.name) < name_tokens(o.name) for o in candidates)]


def link_actors(actors: Iterable[Actor]) -> dict[str, str]:
    """Map every actor id to its canonical id (itself unless it is a shorter form of a person).

    A short form that fits two different full names ("Atmar" with two Atmars) stays unlinked:
    guessing would merge two people.
    """
    actors = list(actors)
    links = {actor.id: actor.id for actor in actors}
    by_surname: dict[str, list[Actor]] = {}  # only people sharing a surname can be linked
    for actor in actors:
        surname = last_token(actor.name)
        if actor.kind == "person" and surname:
            by_surname.setdefault(surname, []).append(actor)
    for person in (p for group in by_surname.values() for p in group):
        fullest = _fullest(_fuller_names(person, by_surname[last_token(person.name)]))
        if len(fullest) == 1:
            links[person.id] = fullest[0].id
    return links


def merge_linked(actors: Iterable[Actor], links: Mapping[str, str]) -> dict[str, Actor]:
    """Canonical actors keyed by id, with the aliases and roles of everyone linked to them."""
    by_id = {actor.id: actor for actor in actors}
    merged: dict[str, Actor] = {}
    for actor in sorted(by_id.values(), key=lambda a: (links.get(a.id, a.id) != a.id, a.id)):
        canonical_id = links.get(actor.id, actor.id)
        base = merged.get(canonical_id)
        if base is None:
            base = by_id.get(canonical_id, actor)
            merged[canonical_id] = Actor(base.id, base.name, base.kind, base.country, base.sector,
                                         tuple(base.aliases), tuple(base.roles))
            base = merged[canonical_id]
        if actor.id != base.id:
            names = [actor.name, *actor.aliases]
            base.aliases += tuple(n for n in names if n not in base.aliases and n != base.name)
            base.roles += tuple(r for r in actor.roles if r not in base.roles)
            base.country = base.country or actor.country
            base.sector = base.sector or actor.sector
    return merged
