"""Correcting the actors fusion found: `dateline actors merge | split | set`, callable from Python.

    from dateline import merge_actors, set_actor, split_actor
    merge_actors("Omar Haddad", "Abu Yusuf", db="news.duckdb")  # a nom de guerre
    split_actor("Ahmad Khan", article="3f2a9c", db="news.duckdb")
    set_actor("Ahmad Khan", country="PAK", sector="MIL", db="news.duckdb")

Each:
1. resolves its actors as `dateline actor NAME` does (a name, an alias or an id; E046 when one
   fits several) and its article by its id or a unique prefix of it, in the database;
2. writes the correction, by the canonical actors' ids, into the user's knowledge file (the one
   given, else `$DATELINE_KNOWLEDGE`, else ./dateline-knowledge.json), keeping what it holds;
3. fuses the database again with every correction of that file, so that the actors, the
   timeline and the relations show it at once.

The knowledge file holds the corrections for good: `dateline ingest --knowledge FILE` applies
them to later articles and to a fresh database of the same files (`knowledge.corrections` says
what the file holds; `fuse.corrections`, how fusion applies it).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dateline.errors import E055, E056, E057, QueryError
from dateline.fuse import fuse_store
from dateline.knowledge.corrections import SET_FIELDS, add_correction, field_problem, knowledge_file
from dateline.model import Actor, Correction, shown_name
from dateline.query import Database
from dateline.store import Store

ARTICLE_CHOICES = 5  # article ids E056 lists when a prefix starts several


@dataclass(slots=True)
class CorrectionReport:
    """What a correction did: the correction as written, where, and the actors it is about as the
    database shows them now."""

    correction: Correction
    knowledge: Path  # the knowledge file it was written to
    actor: Actor  # the corrected actor (A), after fusion
    other: Actor | None = None  # the actor merged into A, or that A's mentions went into, as it was
    events: int = 0  # fused events in the database after fusion

    def summary(self) -> str:
        """One line saying what changed."""
        actor = _label(self.actor)
        if self.correction.kind == "merge":
            return f"merged {_label(self.other)} into {actor}"
        if self.correction.kind == "split":
            where = _label(self.other) if self.other else "an actor of that article alone"
            return f"split {actor} in article {self.correction.article}: its mentions there are {where}"
        fields = ", ".join(f"{field} {getattr(self.correction, field)}" for field in SET_FIELDS
                           if getattr(self.correction, field) is not None)
        return f"set {actor}: {fields}"


def merge_actors(a: str, b: str, db: str | Path | None = None,
                 knowledge: str | Path | None = None) -> CorrectionReport:
    """A and B are one actor: B's, and everything linked to it, join A, whose record is kept."""
    with Database(db) as database:
        first, second = _two_actors(database, a, b)
    return _correct(Correction("merge", first.id, other=second.id), db, knowledge, second)


def split_actor(a: str, article: str, into: str | None = None, db: str | Path | None = None,
                knowledge: str | Path | None = None) -> CorrectionReport:
    """In one article (its id, or a unique prefix of it), what names A is not A: it is an actor
    of that article alone, or `into`'s."""
    with Database(db) as database:
        actor = database._one_actor(a)
        other = _two_actors(database, a, into)[1] if into is not None else None
        article_id = article_of(database, article)
        if not any(m.article_id == article_id for m in database.mentions([actor.id])):
            raise QueryError(E056.format(value=article, detail=(
                f"it mentions no one that is {_label(actor)}")))
    return _correct(Correction("split", actor.id, other=other.id if other else None,
                               article=article_id), db, knowledge, other)


def set_actor(a: str, name: str | None = None, country: str | None = None,
              sector: str | None = None, db: str | Path | None = None,
              knowledge: str | Path | None = None) -> CorrectionReport:
    """A's record says this name, country (a 3-letter code) or sector (model.SECTORS), whatever
    the articles said."""
    typed = {"name": name, "country": country, "sector": sector}
    given = {field: value for field, value in typed.items() if value is not None}
    if not given:
        raise QueryError(E057.format(what="nothing", expected="give a name, a country or a sector"))
    given = {field: value.strip() if field == "name" else value.strip().upper()
             for field, value in given.items()}
    for field, value in given.items():
        problem = field_problem(field, value)
        if problem:
            raise QueryError(E057.format(what=f"{field} {typed[field]!r}", expected=problem))
    with Database(db) as database:
        actor = database._one_actor(a)
    return _correct(Correction("set", actor.id, **given), db, knowledge)


def article_of(database: Database, value: str) -> str:
    """The id of the one stored article whose id is `value` or starts with it; E056 otherwise."""
    wanted = value.strip().lower()
    ids = database.article_ids()
    if wanted in ids:
        return wanted
    found = sorted(i for i in ids if wanted and i.startswith(wanted))
    if len(found) == 1:
        return found[0]
    if not found:
        detail = ("no stored article has that id, or an id starting with it (the sources of"
                  " `dateline events --format json` give their articles' ids)")
    else:
        shown = ", ".join(found[:ARTICLE_CHOICES]) + (", ..." if len(found) > ARTICLE_CHOICES else "")
        detail = f"it starts {len(found)} article ids ({shown}); give more of it"
    raise QueryError(E056.format(value=value, detail=detail))


def _two_actors(database: Database, a: str, b: str) -> tuple[Actor, Actor]:
    """The two different actors two names mean; E055 when they mean one."""
    first, second = database._one_actor(a), database._one_actor(b)
    if first.id == second.id:
        raise QueryError(E055.format(a=a, b=b, actor=_label(first)))
    return first, second


def _correct(correction: Correction, db: str | Path | None, knowledge: str | Path | None,
             other: Actor | None = None) -> CorrectionReport:
    """Write the correction into the knowledge file, then fuse the database with all of them."""
    path = knowledge_file(knowledge)
    corrections = add_correction(correction, path)
    with Store(db) as store:
        fused = fuse_store(store, corrections)
    with Database(db) as database:
        return CorrectionReport(correction, path, database.actor(correction.actor), other,
                                fused.events)


def _label(actor: Actor | None) -> str:
    return f"{shown_name(actor.name)} ({shown_name(actor.id)})" if actor else "-"
