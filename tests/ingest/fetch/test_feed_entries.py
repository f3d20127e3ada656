"""A feed's or sitemap's links, with their dates; links that are no web pages are skips (E035)."""
import json
from datetime import date

from dateline.ingest.fetch.feeds import feed_entries, sitemap_entries
from dateline.model import FeedEntry, Skip
from web_fakes import RSS, XML, fetched, rss


def test_rss_entries_in_order_with_their_dates():
    feed = rss(("http://news.test/a", "Mon, 06 Dec 2026 10:00:00 GMT"), ("/b", None))
    assert feed_entries(fetched(feed, RSS, url="http://news.test/feed")) == [
        FeedEntry("http://news.test/a", date(2026, 12, 6), "Item 0"),
        FeedEntry("http://news.test/b", None, "Item 1"),  # relative: resolved against the feed
    ]


def test_atom_entries():
    atom = ('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            '<entry><title>One</title><link href="https://news.test/one"/>'
            '<published>2026-11-30T08:00:00Z</published></entry>'
            '<entry><title>Two</title><link rel="alternate" href="https://news.test/two"/>'
            '<updated>2026-12-01T08:00:00Z</updated></entry></feed>')
    assert feed_entries(fetched(atom, "application/atom+xml")) == [
        FeedEntry("https://news.test/one", date(2026, 11, 30), "One"),
        FeedEntry("https://news.test/two", date(2026, 12, 1), "Two"),
    ]


def test_json_feed_entries():
    body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": [
        {"id": "1", "url": "https://news.test/j1", "title": "J", "date_published": "2026-12-02T10:00:00+01:00"},
        {"id": "2", "content_text": "no link"},
        {"id": "3", "external_url": "https://elsewhere.test/x"}]})
    assert feed_entries(fetched(body, "application/feed+json")) == [
        FeedEntry("https://news.test/j1", date(2026, 12, 2), "J"),
        FeedEntry("https://elsewhere.test/x", None, None),
    ]


def test_links_that_are_no_web_pages_are_skips_and_the_rest_kept():
    feed = rss(("file:///etc/passwd", None), ("javascript:alert(1)", None), ("http://news.test/ok", None))
    listed = feed_entries(fetched(feed, RSS))
    skips = [item for item in listed if isinstance(item, Skip)]
    assert [skip.reason.split(":")[0] for skip in skips] == ["E035", "E035"]
    assert "(file:)" in skips[0].reason and skips[0].source == "file:///etc/passwd"  # as written
    assert "(javascript:)" in skips[1].reason
    assert [item.url for item in listed if isinstance(item, FeedEntry)] == ["http://news.test/ok"]


def test_a_body_that_is_no_feed_is_one_skip():
    (skip,) = feed_entries(fetched("<rss><channel><title>x</ti", RSS))
    assert skip.reason.startswith("E036: not a feed or sitemap that can be read: ")
    broken = feed_entries(fetched('{"version": "https://jsonfeed.org/version/1", "items": 3}', "application/json"))
    assert len(broken) == 1 and broken[0].reason.startswith("E036: ")


NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>http://news.test/s1</loc><lastmod>2026-12-05</lastmod>
    <news:news><news:publication><news:name>N</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2026-12-03T09:00:00+00:00</news:publication_date>
      <news:title>Storm</news:title></news:news></url>
  <url><loc>http://news.test/s2</loc><lastmod>2026-12-04T10:00:00Z</lastmod></url>
  <url><loc> ftp://news.test/s3 </loc></url>
</urlset>"""


def test_a_news_sitemap_dates_by_publication_date_else_lastmod():
    listed = sitemap_entries(fetched(NEWS_SITEMAP, XML))
    assert listed[:2] == [FeedEntry("http://news.test/s1", date(2026, 12, 3), "Storm"),
                          FeedEntry("http://news.test/s2", date(2026, 12, 4), None)]
    assert isinstance(listed[2], Skip) and listed[2].reason.startswith("E035: ")


def test_a_sitemap_index_lists_its_sitemaps():
    index = ('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             '<sitemap><loc>http://news.test/sitemap-1.xml</loc></sitemap></sitemapindex>')
    assert sitemap_entries(fetched(index, XML)) == [FeedEntry("http://news.test/sitemap-1.xml")]


def test_a_broken_sitemap_is_one_skip():
    (skip,) = sitemap_entries(fetched("<urlset><url>", XML))
    assert skip.reason.startswith("E036: ")
