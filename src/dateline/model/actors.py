"""Actors, their roles and their mentions; ids that hold only within one article."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


# Where a role comes from (Role.basis): the knowledge files; an article that names the holder
# with the title ("Foreign Minister Amir Khan Muttaqi", since and until its date); a role phrase
# ("the Afghan foreign minister") that stands for whoever held the office that day.
ROLE_BASES = ("knowledge", "text", "phrase")


@dataclass(slots=True)
class Role:
    title: str  # "external affairs minister"
    country: str | None  # the office's owner: ISO alpha-3, or an organisation or group id ("org:un")
    since: date | None = None
    until: date | None = None
    basis: str = "knowledge"  # one of ROLE_BASES

    def label(self) -> str:
        years = ""
        if self.since or self.until:
            years = f", {self.since.year if self.since else ''}-{self.until.year if self.until else ''}"
        where = f" of {self.country}" if self.country else ""
        return f"{self.title}{where}{years}"


# An actor id that means someone only within one article ("person:kamil~3f2a..."): a bare
# surname or a role phrase, which fusion resolves against the whole corpus.
SCOPE_MARK = "~"


def scoped_id(actor_id: str, scope: str) -> str:
    return f"{actor_id}{SCOPE_MARK}{scope[:12]}"


def unscoped_id(actor_id: str) -> str:
    return actor_id.split(SCOPE_MARK, 1)[0]


def is_unresolved(actor: Actor | None) -> bool:
    """A person known only by a bare name within one article ("Assad" where two Assads fit, a
    "Kamil" no one else names): a mention of someone, not an actor of the corpus. (A person a
    user split off in one article has a name of several words, and is one.)"""
    return (actor is not None and actor.kind == "person" and actor.id.startswith("person:")
            and SCOPE_MARK in actor.id and len(actor.name.split()) == 1)


@dataclass(slots=True)
class Actor:
    id: str  # stable key: "IND", "person:subrahmanyam-jaishankar", "org:sco"
    name: str
    kind: str  # one of ACTOR_KINDS
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    actor_id: str
    sentence: int  # Sentence.index
    how: str = "name"  # name, alias, surname, handle, role, demonym, capital
