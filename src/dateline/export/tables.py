"""The five tables of a folder export (json, csv, parquet): their columns, rows and files.

Each table's columns and their DuckDB types are named once, in one tuple, so that a CSV header,
a Parquet schema and the keys of a JSON object cannot drift apart. Rows come out in the order
the database returns its records, so the same database gives byte-identical files.
"""
from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from dateline.model import Actor, ActorMention, Article, FusedEvent
from dateline.query.database import Database
from dateline.render.safe_csv import FIRST_SOURCE_HEADER, first_source_cells
from dateline.render.safe_csv import write_csv as write_rows
from dateline.query.serialize import actor_json, dumps, event_json

# Aliases and role labels are lists; a flat table holds them as one text joined by this.
LIST_SEPARATOR = " | "
# read_json refuses a record larger than its limit (16 MB by default); an article's text is one
# field, so the limit is raised well past any news article.
MAX_RECORD_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Table:
    name: str  # the file's stem: events.csv, events.parquet, events.json
    columns: tuple[tuple[str, str], ...]  # (column, DuckDB type), in file order

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)


EVENTS = Table("events", (
    ("id", "VARCHAR"), ("type", "VARCHAR"), ("mode", "VARCHAR"), ("cameo", "VARCHAR"),
    ("quad_class", "INTEGER"), ("intensity", "DOUBLE"), ("status", "VARCHAR"),
    ("summary", "VARCHAR"), ("date", "DATE"), ("date_end", "DATE"),
    ("date_precision", "VARCHAR"), ("date_basis", "VARCHAR"),
    ("source_actor_id", "VARCHAR"), ("source_actor_name", "VARCHAR"),
    ("source_actor_country", "VARCHAR"), ("source_actor_sector", "VARCHAR"),
    ("target_actor_id", "VARCHAR"), ("target_actor_name", "VARCHAR"),
    ("target_actor_country", "VARCHAR"), ("target_actor_sector", "VARCHAR"),
    ("location_name", "VARCHAR"), ("location_country", "VARCHAR"),
    ("sources", "INTEGER"),  # cited sources
    ("mentions", "INTEGER"),  # per-article events fused into this one
    ("date_note", "VARCHAR"),
    ("confidence", "DOUBLE"),  # 0..1, how sure we are it happened as shown
    ("date_value", "VARCHAR"),  # the TimeML value, partial ones too ("XXXX-11-04")
    # its first source (the earliest report): sentence, headline, outlet, path, published day
    *zip(FIRST_SOURCE_HEADER, ("VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DATE")),
))
# One row per cited source: the sentence an event was read from, so provenance survives.
EVENT_SOURCES = Table("event_sources", (
    ("event_id", "VARCHAR"), ("article_id", "VARCHAR"), ("path", "VARCHAR"),
    ("published", "DATE"), ("sentence_index", "INTEGER"), ("sentence", "VARCHAR"),
    ("trigger", "VARCHAR"), ("date_text", "VARCHAR"), ("title", "VARCHAR"), ("outlet", "VARCHAR"),
))
ACTORS = Table("actors", (
    ("id", "VARCHAR"), ("name", "VARCHAR"), ("kind", "VARCHAR"), ("country", "VARCHAR"),
    ("sector", "VARCHAR"), ("aliases", "VARCHAR"), ("roles", "VARCHAR"), ("mentions", "INTEGER"),
))
MENTIONS = Table("mentions", (
    ("article_id", "VARCHAR"), ("path", "VARCHAR"), ("published", "DATE"), ("start", "INTEGER"),
    ("end", "INTEGER"), ("text", "VARCHAR"), ("actor_id", "VARCHAR"), ("sentence", "INTEGER"),
    ("how", "VARCHAR"),
))
ARTICLES = Table("articles", (
    ("id", "VARCHAR"), ("source", "VARCHAR"), ("outlet", "VARCHAR"), ("title", "VARCHAR"),
    ("url", "VARCHAR"), ("published", "DATE"), ("published_basis", "VARCHAR"), ("text", "VARCHAR"),
))
TABLES = (EVENTS, EVENT_SOURCES, ACTORS, MENTIONS, ARTICLES)


def _actor_fields(actor: Actor | None) -> tuple:
    return (actor.id, actor.name, actor.country, actor.sector) if actor else (None,) * 4


def event_row(event: FusedEvent) -> tuple:
    place = event.location
    return (event.id, event.type, event.mode, event.cameo, event.quad_class, event.intensity,
            event.status, event.summary, event.date, event.date_end, event.date_precision,
            event.date_basis, *_actor_fields(event.source_actor),
            *_actor_fields(event.target_actor), place.name if place else None,
            place.country if place else None, len(event.sources), len(event.members),
            event.date_note, event.confidence, event.date_value, *first_source_cells(event))


def source_rows(event: FusedEvent) -> list[tuple]:
    return [(event.id, s.article_id, s.source, s.published, s.sentence_index, s.sentence,
             s.trigger, s.date_text, s.title, s.outlet) for s in event.sources]


def actor_row(actor: Actor, mentions: int) -> tuple:
    return (actor.id, actor.name, actor.kind, actor.country, actor.sector,
            LIST_SEPARATOR.join(actor.aliases),
            LIST_SEPARATOR.join(role.label() for role in actor.roles), mentions)


def mention_row(m: ActorMention) -> tuple:
    return (m.article_id, m.source, m.published, m.start, m.end, m.text, m.actor_id, m.sentence,
            m.how)


def article_row(a: Article) -> tuple:
    return (a.id, a.source, a.outlet, a.title, a.url, a.published, a.published_basis, a.text)


def _rows(events: list[FusedEvent], actors: list[tuple[Actor, int]],
          mentions: list[ActorMention], articles: list[Article]) -> dict[str, list[tuple]]:
    return {
        EVENTS.name: [event_row(e) for e in events],
        EVENT_SOURCES.name: [row for e in events for row in source_rows(e)],
        ACTORS.name: [actor_row(a, count) for a, count in actors],
        MENTIONS.name: [mention_row(m) for m in mentions],
        ARTICLES.name: [article_row(a) for a in articles],
    }


def table_rows(db: Database, min_confidence: float = 0.0) -> dict[str, list[tuple]]:
    """Every table's rows, values in column order: the export without files, for Python use.
    Every event is in it, unless `min_confidence` asks for only the surer ones."""
    return _rows(db.events(min_confidence=min_confidence), db.actors(), db.mentions(),
                 db.articles())


def write_tables(db: Database, fmt: str, folder: Path,
                 min_confidence: float = 0.0) -> tuple[list[Path], dict[str, int]]:
    """Write every table into `folder` as NAME.fmt; the files written and each table's rows.
    Every event is written, unless `min_confidence` asks for only the surer ones."""
    events, actors = db.events(min_confidence=min_confidence), db.actors()
    rows = _rows(events, actors, db.mentions(), db.articles())
    # The JSON of events and actors is the shape the CLI and web pages already give.
    nested = {EVENTS.name: lambda: [event_json(e) for e in events],
              ACTORS.name: lambda: [actor_json(a, count) for a, count in actors]}
    written = []
    for table in TABLES:
        path = folder / f"{table.name}.{fmt}"
        written.append(path)
        if fmt == "json":
            shaped = nested.get(table.name)
            write_json(path, shaped() if shaped else [_plain(table, r) for r in rows[table.name]])
        elif fmt == "csv":
            write_csv(path, table, rows[table.name])
        else:
            write_parquet(path, table, rows[table.name])
    return written, {table.name: len(rows[table.name]) for table in TABLES}


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _plain(table: Table, row: Sequence) -> dict:
    return {name: _iso(value) for name, value in zip(table.names, row)}


def write_json(path: Path, records: list) -> None:
    path.write_text(dumps(records) + "\n", encoding="utf-8")


def write_csv(path: Path, table: Table, rows: list[tuple]) -> None:
    """A header row, then one row per record; None is an empty field, dates are ISO, and a text
    cell that a spreadsheet would run as a formula begins with `'` (see `render.safe_csv`)."""
    # newline="" lets the csv module quote line breaks inside a field, so they read back whole.
    with path.open("w", encoding="utf-8", newline="") as file:
        write_rows(file, table.names, rows)


def write_parquet(path: Path, table: Table, rows: list[tuple]) -> None:
    """Typed Parquet through DuckDB, staged as JSON lines.

    JSON lines, unlike CSV, tell a null from an empty text, and DuckDB reads them in bulk: about
    2 s for 100,000 rows of 20 columns, where inserting row by row takes minutes.
    """
    encode = json.JSONEncoder(ensure_ascii=False, default=_iso).encode
    columns = ", ".join(f"{_sql_text(name)}: {_sql_text(kind)}" for name, kind in table.columns)
    with tempfile.TemporaryDirectory(prefix="dateline-export-") as scratch:
        staged = Path(scratch) / f"{table.name}.jsonl"
        with staged.open("w", encoding="utf-8") as file:
            file.writelines(encode(dict(zip(table.names, row))) + "\n" for row in rows)
        with duckdb.connect() as connection:
            # One thread keeps row groups, and so the file's bytes, the same on every run.
            connection.execute("SET threads = 1")
            connection.execute(
                f"COPY (SELECT * FROM read_json({_sql_text(str(staged))},"
                f" format = 'newline_delimited', columns = {{{columns}}},"
                f" maximum_object_size = {MAX_RECORD_BYTES}))"
                f" TO {_sql_text(str(path))} (FORMAT PARQUET)")


def _sql_text(value: str) -> str:
    """A SQL string literal: COPY takes no parameters for its file names."""
    return "'" + value.replace("'", "''") + "'"
