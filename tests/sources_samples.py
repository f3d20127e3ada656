"""A store that has followed two sources, built row by row: the `fetches` table as the fetching
code writes it (one row per fetch; the latest row per URL is its state) and two watch rounds."""
from __future__ import annotations

from datetime import datetime

from dateline.model import RoundReport
from dateline.store import Store

# The table as the store keeps it (issue 27's plan); made here only if the store has none.
FETCHES = """CREATE TABLE IF NOT EXISTS fetches (url VARCHAR, final_url VARCHAR, canonical VARCHAR,
    kind VARCHAR, status INTEGER, etag VARCHAR, last_modified VARCHAR, fetched_at TIMESTAMP,
    content_hash VARCHAR, article_id VARCHAR, found_in VARCHAR, error VARCHAR, raw BLOB)"""

FEED, SITEMAP = "http://news.example/feed", "http://news.example/sitemap.xml"
GONE = "http://gone.example/feed"


def at(hour: int, minute: int) -> datetime:
    return datetime(2026, 3, 8, hour, minute)


# (url, kind, status, fetched_at, article_id, found_in, error)
ROWS = [
    (FEED, "feed", 200, at(6, 0), None, None, None),
    (SITEMAP, "sitemap", 200, at(6, 1), None, None, None),
    ("http://news.example/a", "page", 200, at(6, 2), "a1", FEED, None),
    ("http://news.example/b", None, 503, at(6, 3), None, FEED, "E031: 503 after 3 tries"),
    ("http://news.example/c", None, 503, at(6, 4), None, SITEMAP, "E031: 503 after 3 tries"),
    (GONE, None, None, at(6, 5), None, None, "E034: cannot connect"),
    (FEED, "feed", 304, at(7, 0), None, None, None),
    ("http://news.example/b", None, 503, at(7, 1), None, FEED, "E031: 503 after 3 tries"),
    ("http://news.example/c", "page", 200, at(7, 2), "c1", SITEMAP, None),
    ("http://news.example/d", "page", 200, at(7, 3), "d1", FEED, None),
]


def build_followed_store(path) -> None:
    with Store(path) as store:
        con = store.connection
        con.execute(FETCHES)
        for url, kind, status, when, article, found_in, error in ROWS:
            con.execute("INSERT INTO fetches (url, final_url, kind, status, fetched_at, article_id,"
                        " found_in, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [url, url, kind, status, when, article, found_in, error])
        store.write_round(RoundReport(1, new=2, known=0, failed=3), at(6, 0))
        store.write_round(RoundReport(2, new=2, known=1, failed=1), at(7, 0))
