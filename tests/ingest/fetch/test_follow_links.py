"""Following URLs with a fake fetcher: what is fetched, what is skipped, what each fetch records,
and what a second round asks."""
from datetime import date

import pytest

from dateline.ingest.fetch.follow import follow
from dateline.model import Article, FetchRecord, KnownLink, KnownSources, Skip
from web_fakes import RSS, XML, FakeFetcher, Page, article_page, fake_urls, rss  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("fake_urls")
FEED = "http://news.test/feed"
STORY = ("The river burst its banks on Sunday, flooding the old town, officials said.\n"
         "Volunteers filled sandbags through the night.")


def site() -> FakeFetcher:
    listed = rss(("http://news.test/a?utm_source=feed", "Mon, 06 Dec 2026 10:00:00 GMT"),
                 ("file:///etc/passwd", None), ("http://news.test/gone", None),
                 ("http://news.test/busy", None))
    return FakeFetcher({
        FEED: Page(listed.encode(), RSS, etag='"v1"', last_modified="Mon, 06 Dec 2026 11:00:00 GMT"),
        "http://news.test/a?utm_source=feed": Page(article_page("Flood", STORY).encode()),
        "http://news.test/busy": Page(b"", error="E032: 503 after 3 tries"),
    })


def sorted_out(items):
    kinds = {Article: [], Skip: [], FetchRecord: [], KnownLink: []}
    for item in items:
        kinds[type(item)].append(item)
    return kinds


def test_a_feed_gives_its_pages_and_reports_what_failed():
    web = site()
    out = sorted_out(follow([FEED], web))
    (article,) = out[Article]
    assert (article.published, article.published_basis) == (date(2026, 12, 6), "feed")
    assert [str(skip) for skip in out[Skip]] == [
        "skipped file:///etc/passwd: E035: not an http or https link (file:); only web pages are fetched",
        "skipped http://news.test/gone: E031: 404 Not Found",
        "skipped http://news.test/busy: E032: 503 after 3 tries"]
    assert not any(url.startswith("file:") for url in web.asked())
    records = {record.url: record for record in out[FetchRecord]}
    assert records[FEED].kind == "feed" and records[FEED].etag == '"v1"' and records[FEED].raw
    page = records["http://news.test/a"]  # normalized: the tracking parameter is gone
    assert (page.kind, page.status, page.article_id, page.found_in) == ("page", 200, article.id, FEED)
    assert page.raw == web.pages["http://news.test/a?utm_source=feed"].body
    assert len(page.content_hash) == 64
    assert records["http://news.test/busy"].error == "E032: 503 after 3 tries"
    assert records["http://news.test/busy"].status is None


def known_after(items) -> KnownSources:
    """What the store would know after a round (store.fetches.known_sources, in short)."""
    known = KnownSources()
    for record in (item for item in items if isinstance(item, FetchRecord)):
        if record.error is None:
            known.fetched[record.url] = record
        if record.article_id:
            known.pages.add(record.url)
        if record.kind in ("feed", "sitemap"):
            known.listings[record.url] = record.raw
    return known


def test_a_second_round_asks_the_feed_conditionally_and_retries_only_what_failed():
    web = site()
    known = known_after(follow([FEED], web))
    web.log.clear()
    out = sorted_out(follow([FEED], web, known))
    assert web.log[0] == (FEED, '"v1"', "Mon, 06 Dec 2026 11:00:00 GMT")
    assert web.asked() == [FEED, "http://news.test/gone", "http://news.test/busy"]
    assert out[Article] == []
    assert out[KnownLink] == [KnownLink("http://news.test/a", FEED)]
    (feed,) = [r for r in out[FetchRecord] if r.url == FEED]
    assert (feed.status, feed.kind, feed.etag) == (304, "feed", '"v1"')


def test_a_page_seen_under_another_url_is_fetched_once_a_run():
    web = site()
    web.pages["http://news.test/a?utm_medium=x"] = web.pages["http://news.test/a?utm_source=feed"]
    out = sorted_out(follow(["http://news.test/a?utm_source=feed", "http://news.test/a?utm_medium=x",
                             "HTTP://NEWS.TEST/a#top"], web))
    assert len(out[Article]) == 1 and len(web.log) == 1


def test_a_sitemap_index_is_read_through_its_sitemaps():
    index = ('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
             '<loc>http://news.test/s1.xml</loc></sitemap></sitemapindex>')
    urlset = ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
              '<loc>http://news.test/a?utm_source=feed</loc><lastmod>2026-12-04</lastmod></url></urlset>')
    web = site()
    web.pages.update({"http://news.test/index.xml": Page(index.encode(), XML),
                      "http://news.test/s1.xml": Page(urlset.encode(), XML)})
    out = sorted_out(follow(["http://news.test/index.xml"], web))
    (article,) = out[Article]
    assert (article.published, article.published_basis) == (date(2026, 12, 4), "feed")
    assert [r.kind for r in out[FetchRecord]] == ["sitemap", "sitemap", "page"]


def test_sitemaps_nested_too_deep_are_a_skip():
    def index(n):
        return (f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
                f'<loc>http://news.test/i{n + 1}.xml</loc></sitemap></sitemapindex>').encode()
    web = FakeFetcher({f"http://news.test/i{n}.xml": Page(index(n), XML) for n in range(5)})
    out = sorted_out(follow(["http://news.test/i0.xml"], web))
    assert [str(s) for s in out[Skip]] == ["skipped http://news.test/i2.xml: E038: a sitemap nested over 2 deep; not read"]
    assert len(web.log) == 3


def test_a_url_that_is_no_web_page_is_refused_unasked():
    web = site()
    out = sorted_out(follow(["ftp://news.test/x", FEED], web))
    assert out[Skip][0].reason.startswith("E035: ") and web.asked()[0] == FEED
