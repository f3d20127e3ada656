"""Offices as the text shows them: who a title names, and role phrases the knowledge cannot fill.

"Foreign Minister Amir Khan Muttaqi" in an article of 2021-10-21 shows Muttaqi holding that office
that day: a role with basis "text", which fusion gathers over the corpus into periods of office.
"the Afghan foreign minister", when the knowledge knows no holder for the day, becomes an actor of
its own article (basis "phrase") that fusion resolves to whoever the corpus shows in office then.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from dateline.analyze.actors.context import TitleUse
from dateline.knowledge import Knowledge, slugify
from dateline.model import Actor, Mention, Role, scoped_id


def office_of(kb: Knowledge, use: TitleUse, owner: str | None, on: date | None) -> tuple[str, str] | None:
    """(canonical title, the office's seat) for a title use; None for a title many hold at once
    ("an official", "a minister"), which names no one office."""
    if owner is None:
        return None
    title = kb.canonical_title(use.key, owner)
    if title in kb.shared_titles:
        return None
    return title, kb.office_seat(owner, on)


def observed_roles(titles: Iterable[TitleUse], mentions: Sequence[Mention], actors: Mapping[str, Actor],
                   kb: Knowledge, published: date | None) -> dict[str, list[Role]]:
    """Actor id -> the offices this article's titles show them holding on its date."""
    seen: dict[str, list[Role]] = {}
    if published is None:
        return seen
    for use in titles:
        if use.named is None or use.past:
            continue
        holder = next((m.actor_id for m in mentions if use.named.start_char <= m.start < use.named.end_char
                       and actors[m.actor_id].kind == "person"), None)
        if holder is None:
            continue
        owner = use.owner or kb.title_owner(use.key) or actors[holder].country
        office = office_of(kb, use, owner, published)
        if office is not None and _may_hold(kb, office, holder, published):
            role = Role(office[0], office[1], published, published, "text")
            if role not in seen.setdefault(holder, []):
                seen[holder].append(role)
    return seen


def _may_hold(kb: Knowledge, office: tuple[str, str], holder: str, on: date) -> bool:
    """Whether the text may show this person in the office that day: not when the knowledge
    knows someone else held it then ("President Bush" in 2011 names a former president)."""
    known = kb.role_holder(office[0], office[1], on)
    return known is None or known.id == holder


def with_roles(actor: Actor, roles: Sequence[Role]) -> Actor:
    """The actor with roles added (a copy: a knowledge record is never changed)."""
    new = tuple(role for role in roles if role not in actor.roles)
    return replace(actor, roles=actor.roles + new) if new else actor


def phrase_actor(kb: Knowledge, use: TitleUse, published: date | None) -> Actor | None:
    """An actor for a role phrase whose holder the knowledge does not know: whoever held the office
    on the article's date, for fusion to name. None for a past holder or no single office."""
    if use.past or use.owner is None:
        return None
    office = office_of(kb, use, use.owner, published)
    if office is None:
        return None
    title, seat = office
    owner = kb.actors.get(seat)
    country = seat if owner is not None and owner.kind == "country" else getattr(owner, "country", None)
    actor_id = scoped_id(f"role:{slugify(title)}:{slugify(seat)}", published.isoformat() if published else "undated")
    name = f"{title} of {owner.name if owner else seat}"
    return Actor(actor_id, name, "person", country, kb.title_sectors.get(title),
                 roles=(Role(title, seat, published, published, "phrase"),))
