"""Following the news end to end against the misbehaving site on 127.0.0.1 (server.py): feeds,
a news sitemap and pages go in through `pipeline.ingest(urls=...)`, each trouble is a reported
skip, robots.txt and the file: link are obeyed (the site's own log says what was asked), and a
second round asks only conditionally. Every test's requests stay on loopback (conftest's guard)."""
from __future__ import annotations

import re
from datetime import date

import duckdb
import pytest

from dateline.errors import FetchError
from dateline.pipeline import ingest

TOWN = {"Brackwater opens its harbour bridge": (date(2026, 3, 2), "metadata"),
        "Council votes to keep the ferry levy": (date(2026, 3, 4), "metadata"),
        "Flood warning for the lower town": (date(2026, 3, 5), "metadata"),
        "The market hall reopens": (date(2026, 3, 6), "feed")}  # its page gives no date
FEEDS = ("/news", "/atom.html", "/feed.json", "/sitemap-news")


def follow(site, db, *paths, **options):
    options = {"delay": 0.0, "allow_private": True, **options}
    return ingest((), db=db, urls=[site.url(p) for p in paths], **options)


def stored(db) -> dict[str, tuple]:
    """Each stored article by title: (url, published, basis, text)."""
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT title, url, published, published_basis, text FROM articles"
                           " ORDER BY title").fetchall()
    titles = [row[0] for row in rows]
    assert len(titles) == len(set(titles)), f"an article stored twice: {titles}"
    return {row[0]: row[1:] for row in rows}


def skip_lines(report) -> list[str]:
    return sorted(str(skip) for skip in report.skipped)


def test_a_feed_brings_in_its_pages_dated_by_their_metadata_or_the_feed(news_site, tmp_path):
    db = tmp_path / "d.duckdb"
    report = follow(news_site, db, "/news")
    assert report.skipped == [] and report.ingested == 4
    articles = stored(db)
    assert {title: (day, basis) for title, (_, day, basis, _) in articles.items()} == TOWN
    assert articles["The market hall reopens"][0] == news_site.url("/articles/market-hall.html")
    assert "twelve thousand vehicles a day" in articles["Brackwater opens its harbour bridge"][3]
    assert "All rights reserved" not in articles["Brackwater opens its harbour bridge"][3]
    agents = {r.headers.get("user-agent", "") for r in news_site.log}
    assert len(agents) == 1 and re.fullmatch(r"Dateline/\S+ \(\+news timeline tool\)", agents.pop())


def test_rss_atom_json_feed_and_news_sitemap_give_each_article_once(news_site, tmp_path):
    """The harbour bridge is listed with tracking parameters (RSS) and without (Atom); the ferry
    levy as its page (JSON Feed) and as its AMP copy (sitemap): one article each."""
    db = tmp_path / "d.duckdb"
    report = follow(news_site, db, *FEEDS)
    assert report.skipped == []
    articles = stored(db)
    assert set(articles) == set(TOWN) | {"School roof repaired before spring term"}
    school = articles["School roof repaired before spring term"]
    assert school[1:3] == (date(2026, 3, 7), "metadata")


def test_every_trouble_is_a_skip_and_the_rest_goes_in(news_site, tmp_path, loopback_only):
    db = tmp_path / "d.duckdb"
    report = follow(news_site, db, "/troubles")
    url = re.escape(news_site.base)
    expected = [rf"skipped {url}/missing\.html: E031: 404",
                rf"skipped {url}/down\.html: E031: 503 after 3 tries",
                rf"skipped {url}/loop/[ab]: E034: .*redirect",
                rf"skipped {url}/huge\.html: E034: the answer is over the limit of 10 MiB",
                rf"skipped {url}/private/secret-plan\.html: E033: .*robots\.txt disallows",
                # feedparser hands the link on as file://etc/passwd
                r"skipped file:/+etc/passwd: E03\d: .*file"]
    lines = skip_lines(report)
    assert len(lines) == len(expected), lines
    for pattern in expected:
        assert any(re.match(pattern, line) for line in lines), (pattern, lines)
    articles = stored(db)
    # /flaky.html answered at the second try, after the Retry-After second; /moved is the bridge.
    assert set(articles) == {"The pier survey, at the second try",
                             "Brackwater opens its harbour bridge",
                             "Letters to the editor: the café on Quay Street"}
    first, second = news_site.requests_for("/flaky.html")
    assert (first.status, second.status) == (503, 200) and second.at - first.at >= 0.9
    assert len(news_site.requests_for("/down.html")) == 3
    assert news_site.huge_sent < 30 * 2**20
    assert not news_site.requested("/private/secret-plan.html")
    assert not any("passwd" in path for path in news_site.paths())
    assert len(news_site.requests_for("/robots.txt")) == 1
    assert loopback_only == []


def test_a_windows_1252_page_without_a_charset_reads_right(news_site, tmp_path):
    db = tmp_path / "d.duckdb"
    follow(news_site, db, "/archive/letters.html")
    (url, published, basis, text), = stored(db).values()
    assert "Sir — the café on Quay Street" in text
    assert "The council’s “regeneration” scheme" in text and "€1,200" in text


def test_a_second_round_asks_only_conditionally_and_fetches_no_known_page(news_site, tmp_path):
    db = tmp_path / "d.duckdb"
    first = follow(news_site, db, *FEEDS)
    assert first.ingested == 5
    news_site.clear_log()
    again = follow(news_site, db, *FEEDS)
    assert again.ingested == 0 and again.skipped == []
    asked = [r for r in news_site.log if r.path != "/robots.txt"]
    assert sorted(r.path for r in asked) == sorted(FEEDS)
    assert all(r.conditional and r.status == 304 for r in asked)


def test_a_changed_feed_gives_only_its_new_page(news_site, tmp_path):
    db = tmp_path / "d.duckdb"
    follow(news_site, db, "/news")
    news_site.publish("rail-strike")
    news_site.clear_log()
    report = follow(news_site, db, "/news")
    assert report.ingested == 1
    (feed,) = news_site.requests_for("/news")
    assert feed.conditional and feed.status == 200
    pages = [p for p in news_site.paths() if p.startswith("/articles/")]
    assert pages == ["/articles/rail-strike.html"]
    assert stored(db)["Rail workers call a strike"][1:3] == (date(2026, 3, 9), "metadata")


def test_loopback_is_refused_unless_allowed_before_any_request(news_site, tmp_path):
    report = follow(news_site, tmp_path / "d.duckdb", "/news", allow_private=False)
    assert [re.sub(r":\d+", ":PORT", line) for line in skip_lines(report)] == [
        "skipped http://127.0.0.1:PORT/news: E032: 127.0.0.1 is a private, loopback or"
        " link-local address; --allow-private fetches it"]
    assert news_site.log == []


def test_links_to_private_addresses_are_refused_without_connecting(news_site, loopback_only):
    from dateline.ingest.fetch.client import Fetcher
    from dateline.ingest.fetch.feeds import feed_entries

    with Fetcher(delay=0, allow_private=True) as reader:
        entries = feed_entries(reader.get(news_site.url("/elsewhere")))
    links = [entry.url for entry in entries]
    assert links == ["http://10.0.0.1/x", "http://192.168.1.1/x",
                     "http://169.254.169.254/latest/meta-data/"]
    with Fetcher(delay=0, allow_private=False) as fetcher:
        for link in links:
            with pytest.raises(FetchError, match=r"^E032: "):
                fetcher.get(link)
    assert loopback_only == []
