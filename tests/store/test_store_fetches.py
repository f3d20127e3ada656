"""The `fetches` table: its columns (what `dateline watch` and `stats` read), bodies kept
compressed, and what a run knows of the web from it."""
import zlib
from datetime import date, datetime, timezone

import duckdb

from dateline.model import Analysis, Article, FetchRecord
from dateline.store import Store

WHEN = datetime(2026, 12, 7, 6, 0, tzinfo=timezone.utc)
COLUMNS = [("url", "VARCHAR"), ("final_url", "VARCHAR"), ("canonical", "VARCHAR"), ("kind", "VARCHAR"),
           ("status", "INTEGER"), ("etag", "VARCHAR"), ("last_modified", "VARCHAR"),
           ("fetched_at", "TIMESTAMP"), ("content_hash", "VARCHAR"), ("article_id", "VARCHAR"),
           ("found_in", "VARCHAR"), ("error", "VARCHAR"), ("raw", "BLOB"), ("content_type", "VARCHAR")]


def record(url, **fields) -> FetchRecord:
    values = dict(url=url, final_url=url, canonical=None, kind="page", status=200, etag=None,
                  last_modified=None, fetched_at=WHEN, content_hash="h", article_id=None,
                  found_in=None, error=None)
    return FetchRecord(**{**values, **fields})


def test_the_table_has_the_agreed_columns(tmp_path):
    db = tmp_path / "d.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db), read_only=True)
    described = con.execute("DESCRIBE fetches").fetchall()
    assert [(row[0], row[1]) for row in described] == COLUMNS


def test_an_older_store_gets_the_table_when_opened_for_writing(tmp_path):
    db = tmp_path / "d.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE fetches")
    con.close()
    Store(db).close()
    assert duckdb.connect(str(db), read_only=True).execute("SELECT count(*) FROM fetches").fetchone() == (0,)


def test_bodies_are_kept_compressed_and_the_store_knows_what_it_has(tmp_path):
    db = tmp_path / "d.duckdb"
    body = b"<html><body><p>Storm.</p></body></html>" * 20
    article = Article(id="a1", source="http://news.test/a", text="Storm.", published=date(2026, 12, 6),
                      published_basis="feed")
    later = WHEN.replace(hour=7)
    with Store(db) as store:
        store.write([Analysis(article)])
        store.write_fetches([
            record("http://news.test/feed", kind="feed", etag='"v1"', raw=b"<rss/>"),
            record("http://news.test/a", canonical="http://news.test/story", article_id="a1", raw=body,
                   content_type="text/html", found_in="http://news.test/feed"),
            record("http://news.test/b", kind=None, status=None, error="E032: 503 after 3 tries"),
            record("http://news.test/feed", kind="feed", status=304, etag='"v1"', fetched_at=later),
        ])
        known = store.known_sources()
        (kept,) = store.kept_pages()
    assert known.pages == {"http://news.test/a", "http://news.test/story"}
    assert set(known.fetched) == {"http://news.test/feed", "http://news.test/a"}  # the failure is not
    assert known.fetched["http://news.test/feed"].status == 304  # the latest
    assert known.listings == {"http://news.test/feed": b"<rss/>"}
    assert (kept.article_id, kept.body, kept.content_type, kept.published_basis) == (
        "a1", body, "text/html", "feed")
    con = duckdb.connect(str(db), read_only=True)
    (raw,) = con.execute("SELECT raw FROM fetches WHERE url = 'http://news.test/a'").fetchone()
    assert zlib.decompress(raw) == body and len(raw) < len(body)
    assert con.execute("SELECT count(*) FROM fetches").fetchone() == (4,)  # history kept
