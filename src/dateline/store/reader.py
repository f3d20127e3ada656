"""Reading stored records back as model objects (for fusion and queries); what an incremental
fusion reads is in `fusion_reads`."""
from __future__ import annotations

import json
from collections.abc import Sequence

import duckdb

from dateline.model import Actor, ActorSplit, Correction, Event, Location, Role
from dateline.store.schema import CORRECTION_COLUMNS, EVENT_COLUMNS


def event_from_row(row: Sequence[object]) -> Event:
    values = dict(zip(EVENT_COLUMNS, row))
    name, country = values.pop("location_name"), values.pop("location_country")
    location = Location(name, country) if name else None
    values["evidence"] = tuple(filter(None, (values["evidence"] or "").split(",")))
    # (part, rule) pairs as JSON; none in a store from before rules were kept.
    values["found_by"] = tuple(tuple(pair) for pair in json.loads(values["found_by"] or "[]"))
    return Event(location=location, **values)


def read_events(con: duckdb.DuckDBPyConnection) -> list[Event]:
    rows = con.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events ORDER BY id").fetchall()
    return [event_from_row(row) for row in rows]




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
