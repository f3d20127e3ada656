"""The DuckDB schema: tables, their columns, and the check that a file is ours.

Per-article tables hold exactly what `analyze` produced, but for the actor ids a user's split
correction renamed in one article (`actor_splits` lists each with the id analysis gave); the fused
tables (`actor_links`, `fused_events`, `fused_event_sources`, `fused_event_dates`,
`event_fusion_keys`, the near-duplicate and story tables, the `actor_corrections` applied and what
they make) are maintained by `fuse` and can always be recomputed from them.
"""
from __future__ import annotations

import os
import time

import duckdb

from dateline.errors import E040, E041, E049, StoreError
from dateline.ingest.wire import wire_opening

SCHEMA_VERSION = "1"

# Column lists are named once here so writer and reader agree on their order.
ARTICLE_COLUMNS = ("id", "source", "outlet", "title", "url", "text", "published", "published_basis",
                   "ingested_at")
SENTENCE_COLUMNS = ("article_id", "idx", "start_char", "end_char", "text", "wire_opening")
TIME_COLUMNS = ("article_id", "start_char", "end_char", "text", "type", "value", "first_day",
                "last_day", "precision", "basis", "anchor")
MENTION_COLUMNS = ("article_id", "start_char", "end_char", "text", "actor_id", "sentence", "how")
EVENT_COLUMNS = ("id", "article_id", "type", "mode", "cameo", "quad_class", "intensity",
                 "source_actor", "target_actor", "trigger", "sentence", "sentence_text", "status",
                 "location_name", "location_country", "date", "date_end", "date_precision",
                 "date_basis", "date_text", "confidence", "source_text", "source_sector",
                 "target_text", "target_sector", "date_value", "evidence", "found_by")
QUOTE_COLUMNS = ("id", "article_id", "speaker", "text", "sentence", "said_on")
FUSED_EVENT_COLUMNS = ("id", "type", "mode", "cameo", "quad_class", "intensity", "status",
                       "source_actor", "target_actor", "location_name", "location_country", "date",
                       "date_end", "date_precision", "date_basis", "summary", "date_note",
                       "confidence", "date_value", "source_sector", "target_sector")
DATE_CLAIM_COLUMNS = ("fused_id", "rank", "date", "date_end", "precision", "basis", "reports",
                      "support")
CORRECTION_COLUMNS = ("kind", "actor", "other", "article", "name", "country", "sector")

TABLES = {
    "meta": "key VARCHAR PRIMARY KEY, value VARCHAR",
    # One line per round of `dateline watch` (dateline.watch): numbered on from the last.
    "watch_rounds": """number INTEGER PRIMARY KEY, started TIMESTAMP, new INTEGER, known INTEGER,
        failed INTEGER""",
    "articles": """id VARCHAR PRIMARY KEY, source VARCHAR, outlet VARCHAR, title VARCHAR,
        url VARCHAR, text VARCHAR, published DATE, published_basis VARCHAR,
        ingested_at TIMESTAMP""",
    "sentences": """article_id VARCHAR, idx INTEGER, start_char INTEGER, end_char INTEGER,
        text VARCHAR, wire_opening INTEGER, PRIMARY KEY (article_id, idx)""",
    "times": """article_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR,
        type VARCHAR, value VARCHAR, first_day DATE, last_day DATE, precision VARCHAR,
        basis VARCHAR, anchor DATE""",
    "actors": "id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR",
    "actor_aliases": "actor_id VARCHAR, alias VARCHAR, how VARCHAR, PRIMARY KEY (actor_id, alias)",
    "actor_roles": """actor_id VARCHAR, title VARCHAR, country VARCHAR, since DATE,
        until DATE, basis VARCHAR""",
    "mentions": """article_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR,
        actor_id VARCHAR, sentence INTEGER, how VARCHAR""",
    "events": """id VARCHAR PRIMARY KEY, article_id VARCHAR, type VARCHAR, mode VARCHAR,
        cameo VARCHAR, quad_class INTEGER, intensity DOUBLE, source_actor VARCHAR,
        target_actor VARCHAR, trigger VARCHAR, sentence INTEGER, sentence_text VARCHAR,
        status VARCHAR, location_name VARCHAR, location_country VARCHAR, date DATE,
        date_end DATE, date_precision VARCHAR, date_basis VARCHAR, date_text VARCHAR,
        confidence DOUBLE, source_text VARCHAR, source_sector VARCHAR, target_text VARCHAR,
        target_sector VARCHAR, date_value VARCHAR, evidence VARCHAR, found_by VARCHAR""",
    "quotes": """id VARCHAR PRIMARY KEY, article_id VARCHAR, speaker VARCHAR, text VARCHAR,
        sentence INTEGER, said_on DATE""",
    "actor_links": "actor_id VARCHAR PRIMARY KEY, canonical_id VARCHAR",
    # The keys each person is filed under (fuse.actors_step), and what fusion last made of each
    # canonical record.
    "actor_keys": "actor_id VARCHAR, key VARCHAR",
    "actor_records": "actor_id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR",
    "fused_events": """id VARCHAR PRIMARY KEY, type VARCHAR, mode VARCHAR, cameo VARCHAR,
        quad_class INTEGER, intensity DOUBLE, status VARCHAR, source_actor VARCHAR,
        target_actor VARCHAR, location_name VARCHAR, location_country VARCHAR, date DATE,
        date_end DATE, date_precision VARCHAR, date_basis VARCHAR, summary VARCHAR,
        date_note VARCHAR, confidence DOUBLE, date_value VARCHAR, source_sector VARCHAR,
        target_sector VARCHAR""",
    "fused_event_sources": "fused_id VARCHAR, event_id VARCHAR, cited BOOLEAN",
    "fused_event_dates": """fused_id VARCHAR, rank INTEGER, date DATE, date_end DATE,
        precision VARCHAR, basis VARCHAR, reports INTEGER, support INTEGER""",
    # What each event was last fused with (links, story, dates...): a changed key means refusing;
    # and the block it is matched in (its type family and the window of days it may be on).
    "event_fusion_keys": "event_id VARCHAR PRIMARY KEY, key VARCHAR, family VARCHAR, first DATE, last DATE",
    # Every file or record an article's text was read from; the article cites the first by name.
    "article_copies": ("article_id VARCHAR, source VARCHAR, outlet VARCHAR, title VARCHAR,"
                       " PRIMARY KEY (article_id, source)"),
    "article_signatures": "article_id VARCHAR PRIMARY KEY, signature BLOB",
    "article_pairs": "a VARCHAR, b VARCHAR, similarity DOUBLE, PRIMARY KEY (a, b)",
    "near_duplicates": "article_id VARCHAR PRIMARY KEY, original_id VARCHAR, similarity DOUBLE",
    # The buckets (band, values) each signature falls in: how new articles find their copies.
    "article_bands": "band SMALLINT, key BLOB, article_id VARCHAR",
    # Each article's story features, counted once, and its vector as clustering weighed it.
    "story_features": """article_id VARCHAR PRIMARY KEY, features VARCHAR[], counts DOUBLE[],
        surface_keys VARCHAR[], surfaces VARCHAR[], vector_features VARCHAR[],
        vector_weights DOUBLE[]""",
    # How many clustered articles hold each feature (the IDF's document frequency).
    "story_df": "feature VARCHAR PRIMARY KEY, count INTEGER",
    "stories": "id VARCHAR PRIMARY KEY, label VARCHAR, first DATE, last DATE",
    "story_articles": "article_id VARCHAR PRIMARY KEY, story_id VARCHAR, position INTEGER",
    # The user's corrections fusion last applied (model.Correction), in order; what a set makes of
    # a canonical record (read_actors puts it over the stored one); the ids a split renamed.
    "actor_corrections": """position INTEGER PRIMARY KEY, kind VARCHAR, actor VARCHAR,
        other VARCHAR, article VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR""",
    "actor_overrides": "actor_id VARCHAR PRIMARY KEY, name VARCHAR, country VARCHAR, sector VARCHAR",
    "actor_splits": """article_id VARCHAR, actor_id VARCHAR, original_id VARCHAR,
        PRIMARY KEY (article_id, actor_id)""",
    # One row per fetch of a URL (`ingest URL`, `watch`), history kept: the latest row of a URL is
    # its state. `raw` is a page's (or feed's) body, zlib-compressed; `content_type` the header
    # it came with, so that `reextract` decodes it as it was first decoded.
    "fetches": """url VARCHAR, final_url VARCHAR, canonical VARCHAR, kind VARCHAR, status INTEGER,
        etag VARCHAR, last_modified VARCHAR, fetched_at TIMESTAMP, content_hash VARCHAR,
        article_id VARCHAR, found_in VARCHAR, error VARCHAR, raw BLOB, content_type VARCHAR""",
}

# DuckDB lets one process write a file, or several read it, never both at once. Dateline's
# writers and readers each hold a file only briefly (a batch, a page) and wait for each other:
# this long, a reader for a write transaction; a writer for the pages being read.
LOCK_WAIT_SECONDS = {"read": 60.0, "write": 120.0}
LOCK_RETRY_SECONDS = (0.02, 0.5)  # first and longest pause between tries

# Columns added after a table first shipped: a writable open adds them to an older file, whose
# rows read back as NULL there.
ADDED_COLUMNS = {
    "sentences": ("wire_opening INTEGER",),
    "events": ("source_text VARCHAR", "source_sector VARCHAR", "target_text VARCHAR",
               "target_sector VARCHAR", "date_value VARCHAR", "evidence VARCHAR", "found_by VARCHAR"),
    "actor_roles": ("basis VARCHAR",),
    "fused_events": ("date_note VARCHAR", "confidence DOUBLE", "date_value VARCHAR",
                     "source_sector VARCHAR", "target_sector VARCHAR"),
    "fused_event_sources": ("cited BOOLEAN",),
    "event_fusion_keys": ("family VARCHAR", "first DATE", "last DATE"),
    # each copy's own headline, so that a citation names the copy it cites by its own title
    "article_copies": ("title VARCHAR",),
}


def existing_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()
    return {name for (name,) in rows}


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table in an empty database and stamp it with the schema version, in one
    transaction: a reader never finds half a schema."""
    con.begin()
    for name, columns in TABLES.items():
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
    con.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                [SCHEMA_VERSION])
    con.commit()


def check_schema(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Raise E041 unless the database carries our meta table and schema version."""
    if "meta" not in existing_tables(con):
        raise StoreError(E041.format(path=path))
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None or row[0] != SCHEMA_VERSION:
        raise StoreError(E041.format(path=path))


def add_missing_parts(con: duckdb.DuckDBPyConnection) -> None:
    """Bring an older file up to date: tables and columns added since it was written."""
    for name, columns in TABLES.items():
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
    for table, columns in ADDED_COLUMNS.items():
        for column in columns:
            con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column}")
    _measure_wire_openings(con)


def _measure_wire_openings(con: duckdb.DuckDBPyConnection) -> None:
    """Each stored sentence's wire opening (`ingest.wire`), for sentences stored before it was
    measured as they were written."""
    rows = con.execute("SELECT article_id, idx, text FROM sentences WHERE wire_opening IS NULL").fetchall()
    if rows:
        measured = [(article_id, index, wire_opening(text or "")) for article_id, index, text in rows]
        con.execute("CREATE TEMP TABLE measured AS SELECT unnest(?) AS article_id, unnest(?) AS idx,"
                    " unnest(?) AS opening", [list(column) for column in zip(*measured)])
        con.execute("UPDATE sentences SET wire_opening = m.opening FROM measured m"
                    " WHERE sentences.article_id = m.article_id AND sentences.idx = m.idx")
        con.execute("DROP TABLE measured")


def is_current(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the file has every table and column this version reads."""
    if not set(TABLES) <= existing_tables(con):
        return False
    for table, columns in ADDED_COLUMNS.items():
        present = {row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()}
        if any(column.split()[0] not in present for column in columns):
            return False
    return True


def connect(path: str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a Dateline database; a writable open of a new or empty file creates the schema.

    A read-only open never creates a file: a missing one is E040. A file DuckDB cannot read as a
    database, or a DuckDB database without our meta table, is E041.
    """
    if read_only and not os.path.isfile(path):
        raise StoreError(E040.format(path=path, detail="no such file"))
    try:
        con = _open_when_free(path, read_only)
    except duckdb.Error as error:
        if "not a valid DuckDB database" in str(error):
            raise StoreError(E041.format(path=path)) from None
        raise StoreError(E040.format(path=path, detail=_first_line(error))) from None
    try:
        if not read_only and not existing_tables(con):
            create_schema(con)
        check_schema(con, path)
        if not is_current(con):
            if not read_only:
                add_missing_parts(con)
            else:
                # A file from an older version: add its missing (empty) parts once, then read it.
                con.close()
                connect(path).close()
                return connect(path, read_only=True)
    except BaseException:
        con.close()
        raise
    return con


def _open_when_free(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """duckdb.connect, waiting while another process holds the file (E049 once waited too long)."""
    wait = LOCK_WAIT_SECONDS["read" if read_only else "write"]
    deadline = time.monotonic() + wait
    pause, longest = LOCK_RETRY_SECONDS
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as error:
            if not is_lock_conflict(error):
                raise
            if time.monotonic() >= deadline:
                raise StoreError(E049.format(path=path, seconds=f"{wait:g}")) from None
        time.sleep(pause)
        pause = min(pause * 2, longest)


def is_lock_conflict(error: Exception) -> bool:
    return "Could not set lock" in str(error)


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
