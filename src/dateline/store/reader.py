"""Reading stored records back as model objects (for fusion and queries)."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import duckdb

from dateline.model import Actor, ActorSplit, Correction, Event, Location, Role, StoryArticle
from dateline.store.schema import CORRECTION_COLUMNS, EVENT_COLUMNS


def event_from_row(row: Sequence[object]) -> Event:
    values = dict(zip(EVENT_COLUMNS, row))
    name, country = values.pop("location_name"), values.pop("location_country")
    location = Location(name, country) if name else None
    values["evidence"] = tuple(filter(None, (values["evidence"] or "").split(",")))
    return Event(location=location, **values)


def read_events(con: duckdb.DuckDBPyConnection) -> list[Event]:
    rows = con.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events ORDER BY id").fetchall()
    return [event_from_row(row) for row in rows]


def read_article_refs(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, date | None]]:
    """Article id -> (source, published): what a citation needs."""
    rows = con.execute("SELECT id, source, published FROM articles").fetchall()
    return {article_id: (source, published) for article_id, source, published in rows}


def read_roles(con: duckdb.DuckDBPyConnection,
               actor_ids: Sequence[str] | None = None) -> dict[str, list[Role]]:
    """Roles by actor id; all of them, or those of the given actors."""
    sql = "SELECT actor_id, title, country, since, until, coalesce(basis, 'knowledge') FROM actor_roles"
    params: list[object] = []
    if actor_ids is not None:
        if not actor_ids:
            return {}
        sql += " WHERE actor_id IN (SELECT unnest(?))"
        params = [list(actor_ids)]
    roles: dict[str, list[Role]] = {}
    for actor_id, title, country, since, until, basis in con.execute(
            sql + " ORDER BY since NULLS LAST, title, basis", params).fetchall():
        roles.setdefault(actor_id, []).append(Role(title, country, since, until, basis))
    return roles


def read_article_actors(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """Article id -> the ids of the actors it mentions."""
    together: dict[str, set[str]] = {}
    for article_id, actor_id in con.execute("SELECT DISTINCT article_id, actor_id FROM mentions").fetchall():
        together.setdefault(article_id, set()).add(actor_id)
    return together


def read_aliases(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    aliases: dict[str, list[str]] = {}
    for actor_id, alias in con.execute(
            "SELECT actor_id, alias FROM actor_aliases ORDER BY actor_id, alias").fetchall():
        aliases.setdefault(actor_id, []).append(alias)
    return aliases


def read_actors(con: duckdb.DuckDBPyConnection, overrides: bool = True) -> list[Actor]:
    """Every stored actor with its aliases (the name excluded) and roles; with `overrides`, what
    a user's correction sets of a canonical actor (`actor_overrides`) over what is stored."""
    aliases = read_aliases(con)
    roles = read_roles(con)
    changes = read_overrides(con) if overrides else {}
    actors = []
    for actor_id, name, kind, country, sector in con.execute(
            "SELECT id, name, kind, country, sector FROM actors ORDER BY id").fetchall():
        own = tuple(a for a in aliases.get(actor_id, ()) if a != name)
        actor = Actor(actor_id, name, kind, country, sector, own, tuple(roles.get(actor_id, ())))
        actors.append(overridden(actor, changes[actor_id]) if actor_id in changes else actor)
    return actors


def overridden(actor: Actor, change: Correction) -> Actor:
    """An actor's record with the name, country and sector a set correction gives; a name it
    replaces stays an alias."""
    name = change.name or actor.name
    aliases = tuple(a for a in (*actor.aliases, actor.name) if a != name)
    return Actor(actor.id, name, actor.kind, change.country or actor.country,
                 change.sector or actor.sector, tuple(dict.fromkeys(aliases)), actor.roles)


def read_overrides(con: duckdb.DuckDBPyConnection) -> dict[str, Correction]:
    """Canonical actor id -> the set correction fusion last gave its record."""
    rows = con.execute("SELECT actor_id, name, country, sector FROM actor_overrides ORDER BY actor_id")
    return {actor_id: Correction("set", actor_id, name=name, country=country, sector=sector)
            for actor_id, name, country, sector in rows.fetchall()}


def read_corrections(con: duckdb.DuckDBPyConnection) -> list[Correction]:
    """The user's corrections fusion last applied, in order."""
    columns = ", ".join(CORRECTION_COLUMNS)
    return [Correction(*row) for row in con.execute(
        f"SELECT {columns} FROM actor_corrections ORDER BY position").fetchall()]


def read_actor_splits(con: duckdb.DuckDBPyConnection) -> list[ActorSplit]:
    """Every actor id a split correction renamed in an article, with the id analysis gave."""
    return [ActorSplit(*row) for row in con.execute(
        "SELECT article_id, actor_id, original_id FROM actor_splits"
        " ORDER BY article_id, actor_id").fetchall()]


def read_fusion_keys(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT event_id, key FROM event_fusion_keys").fetchall())


def read_fused_members(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    members: dict[str, list[str]] = {}
    for fused_id, event_id in con.execute(
            "SELECT fused_id, event_id FROM fused_event_sources ORDER BY fused_id, event_id").fetchall():
        members.setdefault(fused_id, []).append(event_id)
    return members


def read_unsigned_texts(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("""SELECT id, text FROM articles WHERE id NOT IN
        (SELECT article_id FROM article_signatures) ORDER BY id""").fetchall())


def read_signatures(con: duckdb.DuckDBPyConnection) -> dict[str, bytes]:
    return {article_id: bytes(signature) for article_id, signature in con.execute(
        "SELECT article_id, signature FROM article_signatures").fetchall()}


def read_article_pairs(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, float]]:
    return [tuple(row) for row in con.execute(
        "SELECT a, b, similarity FROM article_pairs ORDER BY a, b").fetchall()]


def read_story_articles(con: duckdb.DuckDBPyConnection) -> list[StoryArticle]:
    return [StoryArticle(*row) for row in con.execute(
        "SELECT id, published, title, text FROM articles ORDER BY id").fetchall()]


def read_story_assignments(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT article_id, story_id FROM story_articles").fetchall())
