"""The `fetches` table: one row per fetch of a URL (history kept; a URL's latest row is its
state), and what a run needs to know of the web before it starts (`KnownSources`), or
`dateline reextract` of the pages kept."""
from __future__ import annotations

import zlib
from collections.abc import Sequence

import duckdb

from dateline.model import FetchRecord, KeptPage, KnownSources
from dateline.store.rows import insert_rows

FETCH_COLUMNS = ("url", "final_url", "canonical", "kind", "status", "etag", "last_modified",
                 "fetched_at", "content_hash", "article_id", "found_in", "error", "raw",
                 "content_type")
# A URL's latest answered fetch (200 or 304), with what the last 200 said where a 304 did not.
_LATEST_GOOD = """
    SELECT url, final_url, canonical, kind, status, etag, last_modified, fetched_at, content_hash,
           article_id, found_in, error
    FROM fetches WHERE status IN (200, 304) AND error IS NULL
    QUALIFY row_number() OVER (PARTITION BY url ORDER BY fetched_at DESC) = 1"""
# The pages read into articles the store holds: by URL and by canonical link.
_STORED_PAGES = """
    SELECT f.url, f.canonical FROM fetches f JOIN articles a ON a.id = f.article_id
    WHERE f.kind = 'page'"""
# Each feed's or sitemap's last body.
_LISTINGS = """
    SELECT url, raw FROM fetches WHERE kind IN ('feed', 'sitemap') AND raw IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY url ORDER BY fetched_at DESC) = 1"""
# Each stored article's latest kept page, with the article's date and its basis.
_KEPT_PAGES = """
    SELECT f.article_id, f.final_url, f.content_type, f.raw, a.published, a.published_basis
    FROM fetches f JOIN articles a ON a.id = f.article_id
    WHERE f.kind = 'page' AND f.raw IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY f.article_id ORDER BY f.fetched_at DESC) = 1
    ORDER BY f.article_id"""


def write_fetches(con: duckdb.DuckDBPyConnection, records: Sequence[FetchRecord]) -> None:
    rows = [(r.url, r.final_url, r.canonical, r.kind, r.status, r.etag, r.last_modified,
             _naive(r.fetched_at), r.content_hash, r.article_id, r.found_in, r.error,
             zlib.compress(r.raw) if r.raw is not None else None, r.content_type)
            for r in records]
    insert_rows(con, "fetches", FETCH_COLUMNS, rows)


def known_sources(con: duckdb.DuckDBPyConnection) -> KnownSources:
    known = KnownSources()
    for row in con.execute(_LATEST_GOOD).fetchall():
        known.fetched[row[0]] = FetchRecord(*row)
    for url, canonical in con.execute(_STORED_PAGES).fetchall():
        known.pages.update(link for link in (url, canonical) if link)
    for url, raw in con.execute(_LISTINGS).fetchall():
        known.listings[url] = zlib.decompress(raw)
    return known


def kept_pages(con: duckdb.DuckDBPyConnection) -> list[KeptPage]:
    """Each stored article's latest kept page, by article id."""
    return [KeptPage(article_id, url, content_type, zlib.decompress(raw), published, basis)
            for article_id, url, content_type, raw, published, basis
            in con.execute(_KEPT_PAGES).fetchall()]


def _naive(moment):
    """A TIMESTAMP column holds UTC without a zone, as `articles.ingested_at` does."""
    from datetime import timezone

    if moment is not None and moment.tzinfo is not None:
        return moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


# An article's own rows, by the column naming it.
ARTICLE_TABLES = {"articles": "id", "sentences": "article_id", "times": "article_id",
                  "mentions": "article_id", "events": "article_id", "quotes": "article_id",
                  "article_copies": "article_id"}
# What fusion makes of the articles (schema.py's docstring): emptied so that the next fusion is
# one over the whole store, as fusion of a store with no fused tables yet is.
FUSED_TABLES = ("actor_links", "actor_keys", "actor_records", "fused_events",
                "fused_event_sources", "fused_event_dates", "event_fusion_keys",
                "article_signatures", "article_pairs", "near_duplicates", "article_bands",
                "story_features", "story_df", "stories", "story_articles")


def forget_articles(con: duckdb.DuckDBPyConnection, replaced: dict[str, str | None]) -> None:
    """Remove the articles `replaced` names (old id -> the id of the article its page now reads
    as, or None), their fetches pointed at the new one, and every fused table emptied."""
    old = sorted(replaced)
    for table, column in ARTICLE_TABLES.items():
        con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?))", [old])
    for old_id, new_id in replaced.items():
        con.execute("UPDATE fetches SET article_id = ? WHERE article_id = ?", [new_id, old_id])
    for table in FUSED_TABLES:
        con.execute(f"DELETE FROM {table}")
    con.execute("DELETE FROM meta WHERE key = 'fusion_version'")
