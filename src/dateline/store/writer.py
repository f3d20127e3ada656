"""Writing analyses to DuckDB: one transaction per batch, idempotent per article."""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from dateline.model import (Actor, ActorSplit, Analysis, Article, Correction, Event, FusedEvent,
                            NearDuplicate, Role, Story, StoryCounts)
from dateline.store import reader
from dateline.store.lock import WriterLock
from dateline.store.schema import (ARTICLE_COLUMNS, CORRECTION_COLUMNS, DATE_CLAIM_COLUMNS,
                                   EVENT_COLUMNS, FUSED_EVENT_COLUMNS,
                                   MENTION_COLUMNS, QUOTE_COLUMNS, SENTENCE_COLUMNS, TIME_COLUMNS,
                                   connect)


def default_db_path() -> Path:
    """`$DATELINE_DB`, or `dateline.duckdb` in the working directory."""
    return Path(os.environ.get("DATELINE_DB") or "dateline.duckdb")


@dataclass(slots=True)
class WriteReport:
    new: int = 0  # articles stored by this write
    unchanged: int = 0  # articles already stored (or repeated within the batch): nothing written


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


class _Batch:
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
        self.sentences += [(aid, s.index, s.start, s.end, s.text) for s in analysis.sentences]
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
        else:  # whatever order the analyses come in, the record is the same (see _upsert_actors)
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


class Store:
    """A Dateline database opened for writing; use it as a context manager.

    The Store is the database's only writer while it is open (a second one is E050), but it holds
    DuckDB's file only while it works: `release` lets go of the file between batches, so that
    readers get in, and the next use opens it again, waiting for them if need be.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = str(path if path is not None else default_db_path())
        self._lock = WriterLock(self.path)
        self._lock.acquire()
        self._connection: duckdb.DuckDBPyConnection | None = None
        self._in_transaction_now = False
        try:
            self._open()  # creates or checks the schema now: a foreign file fails here
        except BaseException:
            self._lock.release()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The open connection, opened again (waiting for readers) after a `release`."""
        return self._open()

    def _open(self) -> duckdb.DuckDBPyConnection:
        if self._connection is None:
            self._connection = connect(self.path)
        return self._connection

    def release(self) -> None:
        """Close the file until the next use, so that readers can open it."""
        if self._connection is not None and not self._in_transaction_now:
            self._connection.close()
            self._connection = None

    def close(self) -> None:
        self.release()
        self._lock.release()

    def has_article(self, article_id: str) -> bool:
        row = self.connection.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None

    def article_ids(self) -> set[str]:
        return {article_id for (article_id,) in self.connection.execute("SELECT id FROM articles").fetchall()}

    def write(self, analyses: Iterable[Analysis]) -> WriteReport:
        """Store a batch of analyses in one transaction; stored articles are left as they are."""
        report = WriteReport()
        batch = _Batch()
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        seen: set[str] = set()
        for analysis in analyses:
            article_id = analysis.article.id
            if article_id in seen or self.has_article(article_id):
                report.unchanged += 1
                continue
            seen.add(article_id)
            batch.add(analysis, now)
            report.new += 1
        if report.new:
            with self.transaction():
                self._insert(batch)
        return report

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything written inside commits together or not at all; a write method called
        inside joins this transaction instead of committing on its own."""
        if self._in_transaction_now:
            yield
            return
        con = self.connection
        con.begin()
        self._in_transaction_now = True
        try:
            yield
        except BaseException:
            con.rollback()
            raise
        else:
            con.commit()
        finally:
            self._in_transaction_now = False

    def note_copies(self, articles: Sequence[Article]) -> None:
        """Record more places an already stored text was read from (a syndicated copy, the
        same file under two names): the article cites the first of them by name, so the
        citation does not depend on which copy came first."""
        if articles:
            with self.transaction():
                self._add_copies([(a.id, a.source, a.outlet) for a in articles])

    def _add_copies(self, copies: list[tuple]) -> None:
        con = self.connection
        insert_rows(con, "article_copies", ("article_id", "source", "outlet"), copies,
                    "ON CONFLICT DO NOTHING")
        con.execute("""UPDATE articles SET source = first.source, outlet = first.outlet
            FROM (SELECT article_id, min(source) AS source, arg_min(outlet, source) AS outlet
                  FROM article_copies WHERE article_id IN (SELECT unnest(?)) GROUP BY article_id) first
            WHERE articles.id = first.article_id AND articles.source <> first.source""",
                    [sorted({c[0] for c in copies})])

    def _insert(self, batch: _Batch) -> None:
        con = self.connection
        insert_rows(con, "articles", ARTICLE_COLUMNS, batch.articles)
        self._add_copies([(row[0], row[1], row[2]) for row in batch.articles])
        insert_rows(con, "sentences", SENTENCE_COLUMNS, batch.sentences,
                    "ON CONFLICT DO NOTHING")
        insert_rows(con, "times", TIME_COLUMNS, batch.times)
        insert_rows(con, "mentions", MENTION_COLUMNS, batch.mentions)
        insert_rows(con, "events", EVENT_COLUMNS, batch.events, "ON CONFLICT DO NOTHING")
        insert_rows(con, "quotes", QUOTE_COLUMNS, batch.quotes, "ON CONFLICT DO NOTHING")
        self._upsert_actors(batch)

    def _upsert_actors(self, batch: _Batch) -> None:
        con = self.connection
        rows = [(a.id, a.name, a.kind, a.country, a.sector) for a in batch.actors.values()]
        insert_rows(con, "actors", ("id", "name", "kind", "country", "sector"), rows,
                    # Analyses of several articles may name and code one actor id differently
                    # ("BP PLC", "BP Plc"): the record takes the least of each, so that it never
                    # depends on which article came first (and neither does fusion).
                    "ON CONFLICT (id) DO UPDATE SET name = least(actors.name, excluded.name),"
                    " country = least(actors.country, excluded.country),"
                    " sector = least(actors.sector, excluded.sector)")
        aliases = [(actor_id, alias, how) for (actor_id, alias), how in batch.aliases.items()]
        insert_rows(con, "actor_aliases", ("actor_id", "alias", "how"), aliases,
                    "ON CONFLICT DO NOTHING")
        stored = reader.read_roles(con, list(batch.roles))
        new_roles = [(actor_id, r.title, r.country, r.since, r.until, r.basis)
                     for actor_id, roles in batch.roles.items() for r in roles
                     if r not in stored.get(actor_id, ())]
        insert_rows(con, "actor_roles", ("actor_id", "title", "country", "since", "until", "basis"),
                    new_roles)

    # Reading back what was written.

    def events(self) -> list[Event]:
        return reader.read_events(self.connection)

    def actors(self) -> list[Actor]:
        """Every stored actor as stored, no user's correction over it."""
        return reader.read_actors(self.connection, overrides=False)

    # What fusion makes.

    def write_links(self, links: Mapping[str, str], keys: Sequence[tuple[str, str]],
                    records: Mapping[str, tuple | None]) -> None:
        """Set these actors' canonical ids, file the new people's name keys, and keep the
        canonical records fusion made (None: no such record any more)."""
        with self.transaction():
            con = self.connection
            insert_rows(con, "actor_links", ("actor_id", "canonical_id"), sorted(links.items()),
                        "ON CONFLICT (actor_id) DO UPDATE SET canonical_id = excluded.canonical_id")
            con.execute("DELETE FROM actor_keys WHERE actor_id IN (SELECT unnest(?))",
                        [sorted({actor_id for actor_id, _ in keys})])
            insert_rows(con, "actor_keys", ("actor_id", "key"), list(keys))
            con.execute("DELETE FROM actor_records WHERE actor_id IN (SELECT unnest(?))", [sorted(records)])
            insert_rows(con, "actor_records", ("actor_id", "name", "kind", "country", "sector"),
                        [(i, *fields) for i, fields in sorted(records.items()) if fields])

    def write_fused(self, stale: Sequence[str], fused: Sequence[FusedEvent],
                    keys: Sequence[tuple], version: str) -> None:
        """Drop the `stale` fused events, add `fused`, record the keys and blocks (event, key,
        family, first, last) their members were fused with, and the fusion version."""
        with self.transaction():
            con = self.connection
            if stale:
                for table, column in (("fused_events", "id"), ("fused_event_sources", "fused_id"),
                                      ("fused_event_dates", "fused_id")):
                    con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?))", [list(stale)])
            insert_rows(con, "fused_events", FUSED_EVENT_COLUMNS, [fused_row(f) for f in fused])
            insert_rows(con, "fused_event_sources", ("fused_id", "event_id", "cited"),
                        [row for f in fused for row in source_rows(f)])
            insert_rows(con, "fused_event_dates", DATE_CLAIM_COLUMNS,
                        [(f.id, rank, c.date, c.date_end, c.precision, c.basis, c.reports, c.support)
                         for f in fused for rank, c in enumerate(f.dates)])
            insert_rows(con, "event_fusion_keys", ("event_id", "key", "family", "first", "last"),
                        list(keys), "ON CONFLICT (event_id) DO UPDATE SET key = excluded.key,"
                        " family = excluded.family, first = excluded.first, last = excluded.last")
            con.execute("INSERT INTO meta VALUES ('fusion_version', ?) ON CONFLICT (key) DO UPDATE"
                        " SET value = excluded.value", [version])

    # The user's corrections of actors (fuse.corrections).

    def corrections(self) -> list[Correction]:
        """The corrections fusion last applied."""
        return reader.read_corrections(self.connection)

    def overrides(self) -> dict[str, Correction]:
        return reader.read_overrides(self.connection)

    def actor_splits(self) -> list[ActorSplit]:
        return reader.read_actor_splits(self.connection)

    def update_corrections(self, corrections: Sequence[Correction],
                           overrides: Mapping[str, Correction], splits: Sequence[ActorSplit],
                           split_actors: Sequence[Actor]) -> None:
        """Record the corrections applied and the records they set, and bring the split articles'
        rows from the last splits to `splits`: each renamed id back first, then each new one, with
        an actor row (`split_actors`) for each id a split makes; in one transaction."""
        with self.transaction():
            con = self.connection
            old = reader.read_actor_splits(con)
            for split in set(old) - set(splits):
                self._rename_actor(split.article_id, split.actor_id, split.original_id)
            for split in set(splits) - set(old):
                self._rename_actor(split.article_id, split.original_id, split.actor_id)
            gone = sorted({s.actor_id for s in old} - {s.actor_id for s in splits})
            for table, column in (("actors", "id"), ("actor_aliases", "actor_id"),
                                  ("actor_roles", "actor_id"), ("actor_links", "actor_id"),
                                  ("actor_keys", "actor_id"), ("actor_records", "actor_id")):
                con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?))", [gone])
            insert_rows(con, "actors", ("id", "name", "kind", "country", "sector"),
                        [(a.id, a.name, a.kind, a.country, a.sector) for a in split_actors],
                        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,"
                        " country = excluded.country, sector = excluded.sector")
            insert_rows(con, "actor_aliases", ("actor_id", "alias", "how"),
                        [(a.id, a.name, "name") for a in split_actors], "ON CONFLICT DO NOTHING")
            for table in ("actor_splits", "actor_overrides", "actor_corrections"):
                con.execute(f"DELETE FROM {table}")
            insert_rows(con, "actor_splits", ("article_id", "actor_id", "original_id"),
                        [(s.article_id, s.actor_id, s.original_id) for s in splits])
            insert_rows(con, "actor_overrides", ("actor_id", "name", "country", "sector"),
                        [(i, c.name, c.country, c.sector) for i, c in overrides.items()])
            insert_rows(con, "actor_corrections", ("position", *CORRECTION_COLUMNS),
                        [(i, *(getattr(c, f) for f in CORRECTION_COLUMNS))
                         for i, c in enumerate(corrections)])

    def _rename_actor(self, article_id: str, old_id: str, new_id: str) -> None:
        """One article's mentions, events and quotes of actor `old_id` as `new_id`'s."""
        for table, column in (("mentions", "actor_id"), ("events", "source_actor"),
                              ("events", "target_actor"), ("quotes", "speaker")):
            self.connection.execute(f"UPDATE {table} SET {column} = ?"
                                    f" WHERE article_id = ? AND {column} = ?",
                                    [new_id, article_id, old_id])

    # Near-duplicates and stories.

    def write_duplicates(self, signatures: Mapping[str, bytes], bands: Sequence[tuple[int, bytes, str]],
                         pairs: Sequence[tuple[str, str, float]], regrouped: Sequence[str],
                         duplicates: Sequence[NearDuplicate]) -> None:
        """Store new signatures, their buckets and pairs, and the near-duplicates of the
        `regrouped` articles in place of what was stored of them."""
        with self.transaction():
            con = self.connection
            insert_rows(con, "article_signatures", ("article_id", "signature"),
                        list(signatures.items()), "ON CONFLICT DO NOTHING")
            insert_rows(con, "article_bands", ("band", "key", "article_id"), list(bands))
            insert_rows(con, "article_pairs", ("a", "b", "similarity"), list(pairs), "ON CONFLICT DO NOTHING")
            con.execute("DELETE FROM near_duplicates WHERE article_id IN (SELECT unnest(?))", [list(regrouped)])
            insert_rows(con, "near_duplicates", ("article_id", "original_id", "similarity"),
                        [(d.article_id, d.original_id, d.similarity) for d in duplicates])

    def write_stories(self, counted: Sequence[StoryCounts], vectors: Mapping[str, Mapping[str, float]],
                      assigned: Mapping[str, str], stories: Sequence[Story], gone: Sequence[str]) -> None:
        """Store the story features of every article clustered (`counted`: the new ones, and
        the stored ones clustered again, whose vectors were weighed again), the new articles'
        features' document frequencies, and the stories that changed (whole) in place of what
        was stored of them."""
        with self.transaction():
            con = self.connection
            con.execute("DELETE FROM story_features WHERE article_id IN (SELECT unnest(?))",
                        [[c.id for c in counted if c.stored]])
            insert_rows(con, "story_features", ("article_id", "features", "counts", "surface_keys",
                                                "surfaces", "vector_features", "vector_weights"),
                        [(c.id, list(c.counts), list(c.counts.values()), list(c.surfaces),
                          list(c.surfaces.values()), list(vectors[c.id]), list(vectors[c.id].values()))
                         for c in counted])
            df: dict[str, int] = {}
            for c in counted:
                for feature in ([] if c.stored else c.counts):
                    df[feature] = df.get(feature, 0) + 1
            insert_rows(con, "story_df", ("feature", "count"), sorted(df.items()),
                        "ON CONFLICT (feature) DO UPDATE SET count = story_df.count + excluded.count")
            changed = sorted({s.id for s in stories} | set(gone))
            con.execute("DELETE FROM stories WHERE id IN (SELECT unnest(?))", [changed])
            con.execute("DELETE FROM story_articles WHERE story_id IN (SELECT unnest(?))"
                        " OR article_id IN (SELECT unnest(?))", [changed, sorted(assigned)])
            insert_rows(con, "stories", ("id", "label", "first", "last"),
                        [(s.id, s.label, s.first, s.last) for s in stories])
            insert_rows(con, "story_articles", ("article_id", "story_id", "position"),
                        [(a, s.id, i) for s in stories for i, a in enumerate(s.article_ids)])


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
