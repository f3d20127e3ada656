"""Fusion's actor step: link again only the actors a batch can change.

`fuse.actors` links a person only with people whose surnames fit theirs (one may be a form of
the other), or, for a surname that is an initial ("Marta K."), with people who share one of its
given names and whose surname it starts. So linking falls apart into parts, each decided on its
own. A batch can change the parts of the people its articles name, and of those named in
articles that moved to another story (a bare surname reads the story around it): those parts are
linked again whole, and every other person keeps its stored link. The handles, the missions and
the role phrases that could follow a relinked person are linked again against those links. The
store files each person under keys that find who may fit (`actor_keys`, see `person_keys`).

With corrections (a merge reaches across parts) everything is linked again (`fuse.apply`).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from dateline.fuse.actors import (MISSION_WORDS, given_keys, link_actors, merge_linked, name_words,
                                  surnames_fit)
from dateline.knowledge.names import name_word_keys
from dateline.model import Actor
from dateline.store.fusion_reads import FusionReads

# Key prefixes: the given names of a surname's letter (`_SurnameIndex`), those of a surname that
# is an initial, and the one key of a name of initials alone (linked by name to no one).
GIVEN_KEY, INITIAL_KEY, INITIALS_ONLY = "^", "!", "="


def person_keys(actor: Actor) -> set[str]:
    """The keys the store files a person under (none for other actors): its surname's, and its
    given names' under its surname's letter; for a surname that is an initial, only the latter."""
    words = name_words(actor.name) if is_named_person(actor) else []
    if not words:
        return set()
    surname = words[-1]
    given = given_keys(words)
    if len(surname) > 1:
        return name_word_keys(surname) | {f"{GIVEN_KEY}{surname[0]}~{key}" for key in given}
    return {f"{INITIAL_KEY}{surname}~{key}" for key in given} or {INITIALS_ONLY}


def is_named_person(actor: Actor) -> bool:
    return actor.kind == "person" and not actor.id.startswith(("handle:", "role:"))


@dataclass(slots=True)
class ActorChanges:
    links: dict[str, str]  # actor id -> canonical id, for every actor linked again
    keys: list[tuple[str, str]]  # (actor id, key) of the people the store has no keys of
    records: dict[str, Actor | None] = field(default_factory=dict)  # canonical records that may have changed


@dataclass(slots=True)
class Around:
    """What linking reads around the actors, as this fusion leaves it: the new articles' dates,
    the stories of the articles clustered again, and those whose story changed."""

    published: Mapping[str, date | None]
    stories: Mapping[str, str]
    moved: set[str] = field(default_factory=set)


def refresh_actors(reads: FusionReads, seeds: set[str], new_ids: set[str],
                   keyless: dict[str, set[str]], around: Around) -> tuple[ActorChanges, list[Actor]]:
    """Link again the parts `seeds` (actor ids) reach; `new_ids` are the actors no fusion has
    linked, `keyless` the people the store has no keys of yet, with theirs. Returns the
    changes and the actor rows read."""
    rows, fixed, together = _around_parts(reads, seeds, keyless)
    days = dict(around.published)
    days.update({a: day for a, (_, day) in reads.published(set(together) - days.keys()).items()})
    stories = {**reads.stories_of(set(together) - around.stories.keys()), **around.stories}
    links = link_actors(rows.values(), together, days, stories, fixed)
    links = {i: links[i] for i in rows}
    links.update((i, i) for i in new_ids - links.keys())  # nothing to link with: itself
    keys = [(i, key) for i, ks in sorted(keyless.items()) for key in sorted(ks)]
    return ActorChanges(links, keys), list(rows.values())


def _around_parts(reads: FusionReads, seeds: set[str], keyless: dict[str, set[str]]
                  ) -> tuple[dict[str, Actor], dict[str, str], dict[str, set[str]]]:
    """The rows linking reads (the people of the seeds' parts, and everything the handles,
    missions and role phrases of their offices are linked against), the stored links of the
    people among them outside those parts, and who is mentioned together where."""
    people = _parts(reads, seeds, keyless)
    rows = {a.id: a for a in reads.actors(people | (seeds - people))}
    offices = {(r.title, r.country) for a in rows.values() for r in a.roles if r.basis in ("text", "phrase")}
    handles = _handles(reads, people, seeds, rows.values())
    posts = reads.mentioned_in(reads.mentioning(handles))
    others = (set(reads.text_role_holders(offices)) | handles | _missions(reads, rows.values())
              | set(reads.people_with_handles(handles)) | {i for ids in posts.values() for i in ids})
    stored = reads.links_of(others - people)
    others |= set(stored.values())
    rows.update((a.id, a) for a in reads.actors(others - rows.keys()))
    fixed = {i: stored.get(i, i) for i, a in rows.items() if i not in people and is_named_person(a)}
    together = reads.mentioning(people)
    for article_id, ids in posts.items():
        together[article_id] = together.get(article_id, set()) | ids
    return rows, fixed, together


def _parts(reads: FusionReads, seeds: set[str], keyless: dict[str, set[str]]) -> set[str]:
    """The people of every part the seeds' people (and those without stored keys) are in: all
    whose surnames fit one another's, in either direction (`surnames_fit`), with the people
    whose surname is an initial of theirs and who share a given name. The keys find who may
    fit; the fit decides."""
    found = {i: (name, keys) for i, name, keys in reads.people_keyed(seeds - keyless.keys())}
    found.update((a.id, (a.name, keyless[a.id])) for a in reads.actors(keyless))
    surnames: dict[str, set[str]] = {}  # key -> the surnames of the part holding it
    for name, _ in found.values():
        _file(surnames, _surname(name))
    asked: set[str] = set()
    frontier = dict(found)
    while frontier:
        wanted = {k for _, keys in frontier.values() for k in _followed(keys)} - asked
        asked |= wanted
        frontier = {}
        by_given = {k for k in wanted if k[:1] in (GIVEN_KEY, INITIAL_KEY)}
        for person, name, keys in reads.people_with_keys(wanted):
            surname = _surname(name)
            if person not in found and (keys & by_given or any(
                    surnames_fit(surname, other) for key in name_word_keys(surname)
                    for other in surnames.get(key, ()))):
                frontier[person] = (name, keys)
        found.update(frontier)
        for name, _ in frontier.values():
            _file(surnames, _surname(name))
    return set(found)


def _file(surnames: dict[str, set[str]], surname: str) -> None:
    for key in name_word_keys(surname):
        surnames.setdefault(key, set()).add(surname)


def _surname(name: str) -> str:
    words = name_words(name)
    return words[-1] if words else ""


def _followed(keys: set[str]) -> set[str]:
    """The keys whose people a person's linking reads, or whose linking reads the person: those
    sharing its surname's keys; those with its given names and a surname that is the initial of
    its own, and the other way round."""
    followed = {k for k in keys if k[:1] not in (GIVEN_KEY, INITIAL_KEY, INITIALS_ONLY)}
    followed |= {INITIAL_KEY + k[1:] for k in keys if k[:1] == GIVEN_KEY}
    return followed | {GIVEN_KEY + k[1:] for k in keys if k[:1] == INITIAL_KEY}


def _handles(reads: FusionReads, people: set[str], seeds: set[str], rows: Iterable[Actor]) -> set[str]:
    """The handles whose links may change: new ones, or those named again; those named in an
    article with a person linked again; those a person linked again was given by a post."""
    given = {alias.lower() for a in rows if a.id in people for alias in (a.name, *a.aliases)
             if alias.startswith("@")}
    return ({i for i in seeds if i.startswith("handle:")} | set(reads.handles_beside(people))
            | set(reads.handles_named(given)))


def _missions(reads: FusionReads, rows: Iterable[Actor]) -> set[str]:
    """Every mission of a state a new or named-again mission is of: a mission joins only a
    fuller-named one of its own state."""
    states = {a.country for a in rows if a.kind == "organisation" and a.country
              and MISSION_WORDS & set(name_words(a.name))}
    if not states:
        return set()
    words = " OR ".join(f"lower(name) LIKE '%{word}%'" for word in sorted(MISSION_WORDS))
    return set(reads.actor_ids_where(f"kind = 'organisation' AND ({words}) AND country IN "
                                     f"({', '.join(repr(s) for s in sorted(states))})"))


def canonical_records(reads: FusionReads, rows: Iterable[Actor], links: Mapping[str, str],
                      canonical_ids: Iterable[str]) -> dict[str, Actor]:
    """The merged records of these canonical ids under `links` (the actors linked again) and
    the stored links (everyone else)."""
    canonical_ids = set(canonical_ids)
    stored = reads.linked_to(canonical_ids)
    members = {i: c for i, c in stored.items() if i not in links}
    members.update((i, c) for i, c in links.items() if c in canonical_ids)
    by_id = {a.id: a for a in rows}
    missing = (set(members) | canonical_ids) - by_id.keys()
    by_id.update((a.id, a) for a in reads.actors(missing))
    chosen = [by_id[i] for i in set(members) | canonical_ids if i in by_id]
    merged = merge_linked(chosen, {**{c: c for c in canonical_ids}, **members})
    return {c: merged[c] for c in canonical_ids if c in merged}
