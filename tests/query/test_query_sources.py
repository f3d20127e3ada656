"""`Database.sources`: the feeds and sitemaps followed, what they gave, and the watch rounds, read
from the store's `fetches` and `watch_rounds` tables; and `dateline stats`, which counts them."""
from __future__ import annotations

import json

import pytest
from cli_runs import ok
from sources_samples import FEED, SITEMAP, at, build_followed_store

from dateline.query import Database
from dateline.store import Store


@pytest.fixture(scope="module")
def followed(tmp_path_factory):
    path = tmp_path_factory.mktemp("followed") / "d.duckdb"
    build_followed_store(path)
    return path


def test_sources_counts_each_url_by_its_latest_fetch(followed):
    with Database(followed) as db:
        sources = db.sources()
    # a, c (failed, then read) and d were read; b and the unreachable feed failed last time.
    assert (sources.feeds, sources.sitemaps, sources.pages, sources.failed) == (1, 1, 3, 2)
    assert sources.last_fetch == at(7, 3) and sources.anything
    feed, sitemap = sources.sources
    assert (feed.url, feed.kind, feed.last_fetch, feed.status, feed.error) == (
        FEED, "feed", at(7, 0), 304, None)
    assert (feed.pages, feed.failures) == (2, 1)
    assert (sitemap.url, sitemap.kind, sitemap.pages, sitemap.failures) == (
        SITEMAP, "sitemap", 1, 0)
    assert [(r.number, r.started, r.new, r.known, r.failed) for r in sources.rounds] == [
        (2, at(7, 0), 2, 1, 1), (1, at(6, 0), 2, 0, 3)]
    with Database(followed) as db:
        assert [r.number for r in db.sources(rounds=1).rounds] == [2]


def test_a_store_that_fetched_nothing_has_no_sources(tmp_path):
    Store(tmp_path / "d.duckdb").close()
    with Database(tmp_path / "d.duckdb") as db:
        sources = db.sources()
        assert db.overview().sources == sources
    assert (sources.feeds, sources.pages, sources.failed, sources.last_fetch) == (0, 0, 0, None)
    assert sources.sources == [] and sources.rounds == [] and not sources.anything


def test_stats_counts_the_sources(followed):
    stats = json.loads(ok("stats", "--db", followed, "--format", "json"))
    assert stats["sources"] == {"feeds": 1, "sitemaps": 1, "pages_fetched": 3,
                                "failed_fetches": 2, "last_fetch": "2026-03-08T07:03:00"}
    with Database(followed) as db:
        assert {k: v for k, v in stats.items() if k != "sources"} == db.stats()
    table = ok("stats", "--db", followed)
    assert "Sources followed" in table
    for line in ("feeds", "sitemaps", "pages fetched", "failed fetches", "watch rounds"):
        assert line in table
    assert "2026-03-08 07:03 UTC" in table


def test_stats_of_a_store_that_fetched_nothing_shows_no_sources_table(tmp_path):
    Store(tmp_path / "d.duckdb").close()
    assert "Sources followed" not in ok("stats", "--db", tmp_path / "d.duckdb")
