"""Records as table rows: what each record writes, and how a batch of rows goes in.

The writer (`store.writer`) decides what to write and when; this module only turns records into
rows and inserts them. Pure but for `insert_rows`, which takes the connection to write with.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

import duckdb

from dateline.ingest.wire import wire_opening
from dateline.model import Actor, Analysis, Event, FusedEvent, Role


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str],
                rows: Sequence[Sequence[object]], conflict: str = "") -> None:
    """Insert rows as one list parameter per column, unnested side by side: one statement with a
    handful of parameters, where a VALUES row per record cost 150 us a row to bind. `conflict` is
    an ON CONFLICT clause."""
    if not rows:
        return
    column_list = ", ".join(columns)
    unnested = ", ".join(f"unnest(${i})" for i in range(1, len(columns) + 1))
    values = [list(column) for column in zip(*rows)]
    con.execute(f"INSERT INTO {table} ({column_list}) SELECT {unnested} {conflict}", values)


class BatchRows:
    """The rows of one write, gathered per table before they are inserted together."""

    def __init__(self) -> None:
        self.articles: list[tuple] = []
        self.sentences: list[tuple] = []
        self.times: list[tuple] = []
        self.mentions: list[tuple] = []
        self.events: list[tuple] = []
        self.quotes: list[tuple] = []
        self.actors: dict[str, Actor] = {}
        self.aliases: dict[tuple[str, str], str] = {}  # (actor id, alias) -> how
        self.roles: dict[str, list[Role]] = {}

    def add(self, analysis: Analysis, ingested_at: datetime) -> None:
        article = analysis.article
        self.articles.append((article.id, article.source, article.outlet, article.title,
                              article.url, article.text, article.published,
                              article.published_basis, ingested_at))
        aid = article.id
        self.sentences += [(aid, s.index, s.start, s.end, s.text, wire_opening(s.text))
                           for s in analysis.sentences]
        self.times += [(aid, t.start, t.end, t.text, t.type, t.value, t.first_day, t.last_day,
                        t.precision, t.basis, t.anchor) for t in analysis.times]
        self.mentions += [(aid, m.start, m.end, m.text, m.actor_id, m.sentence, m.how)
                          for m in analysis.mentions]
        self.events += [event_row(event) for event in analysis.events]
        self.quotes += [(q.id, aid, q.speaker, q.text, q.sentence, q.said_on)
                        for q in analysis.quotes]
        for actor in analysis.actors:
            self.add_actor(actor)
        for mention in analysis.mentions:
            self.aliases.setdefault((mention.actor_id, mention.text), mention.how)

    def add_actor(self, actor: Actor) -> None:
        known = self.actors.get(actor.id)
        if known is None:
            self.actors[actor.id] = replace(actor)  # a copy: the caller's record stays as it was
        else:  # whatever order the analyses come in, the record is the same (see store.writer)
            known.name = min(known.name, actor.name)
            known.country = _least(known.country, actor.country)
            known.sector = _least(known.sector, actor.sector)
        self.aliases.setdefault((actor.id, actor.name), "name")
        for alias in actor.aliases:
            self.aliases.setdefault((actor.id, alias), "alias")
        roles = self.roles.setdefault(actor.id, [])
        roles += [role for role in actor.roles if role not in roles]


def _least(a: str | None, b: str | None) -> str | None:
    """The smaller of two values, a missing one aside (SQL's least)."""
    return min(a, b) if a is not None and b is not None else a if a is not None else b


def event_row(event: Event) -> tuple:
    location = event.location
    return (event.id, event.article_id, event.type, event.mode, event.cameo, event.quad_class,
            event.intensity, event.source_actor, event.target_actor, event.trigger,
            event.sentence, event.sentence_text, event.status,
            location.name if location else None, location.country if location else None,
            event.date, event.date_end, event.date_precision, event.date_basis, event.date_text,
            event.confidence, event.source_text, event.source_sector, event.target_text,
            event.target_sector, event.date_value, ",".join(event.evidence),
            json.dumps(event.found_by) if event.found_by else None)


def fused_row(event: FusedEvent) -> tuple:
    location = event.location
    return (event.id, event.type, event.mode, event.cameo, event.quad_class, event.intensity,
            event.status, event.source_actor.id if event.source_actor else None,
            event.target_actor.id if event.target_actor else None,
            location.name if location else None, location.country if location else None,
            event.date, event.date_end, event.date_precision, event.date_basis, event.summary,
            event.date_note, event.confidence, event.date_value, event.source_sector,
            event.target_sector)


def source_rows(event: FusedEvent) -> list[tuple[str, str, bool]]:
    """Every member, marked whether it is the cited one of its sentence."""
    cited = {s.event_id for s in event.sources}
    members = event.members or sorted(cited)
    return [(event.id, member, member in cited) for member in members]
