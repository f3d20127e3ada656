"""What was followed on the web, read from the store's `fetches` (one row per fetch, the latest
row per URL its state) and `watch_rounds` tables: `Database.sources`."""
from __future__ import annotations

import duckdb

from dateline.model import SourcesOverview, SourceState, WatchRound
from dateline.store.schema import existing_tables

# Each fetched URL's latest fetch, and the last kind it was found to be (a failed fetch has none).
LATEST = """
    SELECT url, max(fetched_at) AS last_fetch,
           arg_max_null(status, fetched_at) AS status, arg_max_null(error, fetched_at) AS error,
           arg_max(kind, fetched_at) FILTER (WHERE kind IS NOT NULL) AS kind,
           arg_max_null(found_in, fetched_at) AS found_in,
           bool_or(kind = 'page' AND error IS NULL) AS read
    FROM fetches GROUP BY url"""

SOURCES = f"""
    WITH latest AS ({LATEST})
    SELECT s.url, s.kind, s.last_fetch, s.status, s.error,
           count(p.url) FILTER (WHERE p.read),
           count(p.url) FILTER (WHERE p.error IS NOT NULL)
    FROM latest s LEFT JOIN latest p ON p.found_in = s.url
    WHERE s.kind IN ('feed', 'sitemap')
    GROUP BY ALL ORDER BY s.url"""

TOTALS = f"""
    WITH latest AS ({LATEST})
    SELECT count(*) FILTER (WHERE kind = 'feed'), count(*) FILTER (WHERE kind = 'sitemap'),
           count(*) FILTER (WHERE read), count(*) FILTER (WHERE error IS NOT NULL),
           max(last_fetch)
    FROM latest"""


def read_sources(con: duckdb.DuckDBPyConnection, rounds: int = 10) -> SourcesOverview:
    """The sources followed, the totals and the latest `rounds` rounds; all empty in a store
    that never fetched anything."""
    tables = existing_tables(con)
    overview = SourcesOverview()
    if "fetches" in tables:
        feeds, sitemaps, pages, failed, last = con.execute(TOTALS).fetchone()
        overview = SourcesOverview(feeds, sitemaps, pages, failed, last)
        overview.sources = [SourceState(*row) for row in con.execute(SOURCES).fetchall()]
    if "watch_rounds" in tables:
        overview.rounds = [WatchRound(*row) for row in con.execute(
            "SELECT number, started, new, known, failed FROM watch_rounds"
            " ORDER BY number DESC LIMIT ?", [rounds]).fetchall()]
    return overview
