"""`pipeline.ingest(urls=...)` with a fake web: fetches are recorded only once the articles they
gave are stored, so a run cut short fetches those pages again and loses nothing."""
import duckdb
import pytest

from dateline import pipeline
from samples import fake_analyzer
from web_fakes import RSS, FakeFetcher, Page, article_page, fake_urls, rss  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("fake_urls")
FEED = "http://news.test/feed"


def site() -> FakeFetcher:
    return FakeFetcher({
        FEED: Page(rss(("http://news.test/a", None), ("http://news.test/b", None)).encode(), RSS, etag='"1"'),
        "http://news.test/a": Page(article_page("A", "The bridge opened on Monday.").encode()),
        "http://news.test/b": Page(article_page("B", "The ferry stopped on Tuesday.").encode()),
    })


def count(db, sql) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def test_a_run_cut_short_records_no_fetch_and_the_next_run_fetches_again(tmp_path):
    db, web = tmp_path / "d.duckdb", site()

    def interrupted(article):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        pipeline.ingest([], db=db, urls=[FEED], fetcher=web, analyzer=interrupted)
    assert count(db, "SELECT count(*) FROM fetches") == 0
    web.log.clear()
    report = pipeline.ingest([], db=db, urls=[FEED], fetcher=web, analyzer=fake_analyzer)
    assert (report.ingested, report.unchanged, report.skipped) == (2, 0, [])
    assert web.asked() == [FEED, "http://news.test/a", "http://news.test/b"]
    assert web.log[0] == (FEED, None, None)  # nothing recorded, so nothing to ask conditionally
    assert count(db, "SELECT count(*) FROM fetches WHERE article_id IS NOT NULL") == 2


def test_urls_among_the_paths_are_fetched(tmp_path):
    web = site()
    report = pipeline.ingest(["http://news.test/a"], db=tmp_path / "d.duckdb", fetcher=web,
                             analyzer=fake_analyzer)
    assert report.ingested == 1 and web.asked() == ["http://news.test/a"]
