"""Writing analyses to DuckDB: one transaction per batch, idempotent per article."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from dateline.model import (Actor, ActorSplit, Analysis, Article, Correction, Event, FetchRecord,
                            FusedEvent, KeptPage, KnownSources, NearDuplicate, RoundReport, Story,
                            StoryCounts)
from dateline.store import fetches, reader
from dateline.store.lock import WriterLock
from dateline.store.rows import BatchRows, fused_row, insert_rows, source_rows
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
        batch = BatchRows()
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
                self._add_copies([(a.id, a.source, a.outlet, a.title) for a in articles])

    def _add_copies(self, copies: list[tuple]) -> None:
        con = self.connection
        insert_rows(con, "article_copies", ("article_id", "source", "outlet", "title"), copies,
                    "ON CONFLICT DO NOTHING")
        con.execute("""UPDATE articles SET source = first.source, outlet = first.outlet
            FROM (SELECT article_id, min(source) AS source, arg_min(outlet, source) AS outlet
                  FROM article_copies WHERE article_id IN (SELECT unnest(?)) GROUP BY article_id) first
            WHERE articles.id = first.article_id AND articles.source <> first.source""",
                    [sorted({c[0] for c in copies})])

    def _insert(self, batch: BatchRows) -> None:
        con = self.connection
        insert_rows(con, "articles", ARTICLE_COLUMNS, batch.articles)
        self._add_copies([(row[0], row[1], row[2], row[3]) for row in batch.articles])
        insert_rows(con, "sentences", SENTENCE_COLUMNS, batch.sentences,
                    "ON CONFLICT DO NOTHING")
        insert_rows(con, "times", TIME_COLUMNS, batch.times)
        insert_rows(con, "mentions", MENTION_COLUMNS, batch.mentions)
        insert_rows(con, "events", EVENT_COLUMNS, batch.events, "ON CONFLICT DO NOTHING")
        insert_rows(con, "quotes", QUOTE_COLUMNS, batch.quotes, "ON CONFLICT DO NOTHING")
        self._upsert_actors(batch)

    def _upsert_actors(self, batch: BatchRows) -> None:
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

    # Following the web (store.fetches).

    def write_fetches(self, records: Sequence[FetchRecord]) -> None:
        """Record fetches (after the articles they gave are stored: a run cut short fetches
        those pages again, never loses them)."""
        if records:
            with self.transaction():
                fetches.write_fetches(self.connection, records)

    def known_sources(self) -> KnownSources:
        return fetches.known_sources(self.connection)

    def kept_pages(self) -> list[KeptPage]:
        return fetches.kept_pages(self.connection)

    def forget_articles(self, replaced: Mapping[str, str | None]) -> None:
        """Remove articles a page now reads differently as (`dateline reextract`); the next
        fusion is over the whole store."""
        if replaced:
            with self.transaction():
                fetches.forget_articles(self.connection, dict(replaced))

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


    def last_round(self) -> int:
        """The number of the last `dateline watch` round stored; 0 before the first."""
        return self.connection.execute("SELECT max(number) FROM watch_rounds").fetchone()[0] or 0

    def write_round(self, report: RoundReport, started: datetime) -> None:
        """Keep one round of `dateline watch` (the web overview lists the latest)."""
        with self.transaction():
            self.connection.execute(
                "INSERT INTO watch_rounds VALUES (?, ?, ?, ?, ?)",
                [report.number, started, report.new, report.known, report.failed])
