"""The test site itself answers as its docstring says: the fetching tests lean on it."""
from __future__ import annotations

import socket

import httpx
import pytest


def get(site, path, **headers):
    return httpx.get(site.url(path), headers=headers, follow_redirects=False, timeout=10)


def test_feeds_and_pages_are_served_with_their_kind_in_the_content_type(news_site):
    assert "Disallow: /private/" in get(news_site, "/robots.txt").text
    assert get(news_site, "/news").headers["content-type"] == "application/rss+xml"
    assert get(news_site, "/atom.html").headers["content-type"] == "application/atom+xml"
    assert "jsonfeed.org" in get(news_site, "/feed.json").text
    assert "news:publication_date" in get(news_site, "/sitemap-news").text
    assert "<sitemapindex" in get(news_site, "/sitemap-index").text
    page = get(news_site, "/articles/harbour-bridge.html")
    assert 'article:published_time" content="2026-03-02' in page.text
    assert "utm_source=rss" in get(news_site, "/news").text
    assert "rail-strike" not in get(news_site, "/news").text
    assert "school-roof" not in get(news_site, "/news").text
    assert 'rel="canonical"' in get(news_site, "/amp/articles/ferry-levy.html").text


def test_a_feed_answers_a_conditional_get_with_304_until_it_changes(news_site):
    first = get(news_site, "/news")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert get(news_site, "/news", **{"If-None-Match": etag}).status_code == 304
    assert get(news_site, "/news", **{"If-Modified-Since": modified}).status_code == 304
    news_site.publish("rail-strike")
    changed = get(news_site, "/news", **{"If-None-Match": etag})
    assert changed.status_code == 200 and "rail-strike" in changed.text
    assert get(news_site, "/news", **{"If-Modified-Since": modified}).status_code == 200
    conditional = [r.conditional for r in news_site.requests_for("/news")]
    assert conditional == [False, True, True, True, True]


def test_the_misbehaving_routes(news_site):
    assert get(news_site, "/missing.html").status_code == 404
    busy = get(news_site, "/flaky.html")
    assert (busy.status_code, busy.headers["retry-after"]) == (503, "1")
    assert get(news_site, "/flaky.html").status_code == 200
    assert get(news_site, "/down.html").status_code == 503
    assert get(news_site, "/loop/a").headers["location"] == "/loop/b"
    assert get(news_site, "/loop/b").headers["location"] == "/loop/a"
    assert get(news_site, "/moved").headers["location"] == "/articles/harbour-bridge.html"
    letters = get(news_site, "/archive/letters.html")
    assert letters.headers["content-type"] == "text/html" and b"charset" not in letters.content
    assert "café".encode("cp1252") in letters.content and b"\x97" in letters.content
    troubles = get(news_site, "/troubles").text
    assert "file:///etc/passwd" in troubles and "/private/secret-plan.html" in troubles
    assert "http://10.0.0.1/x" in get(news_site, "/elsewhere").text
    assert get(news_site, "/private/secret-plan.html").status_code == 200  # only robots forbid it
    assert get(news_site, "/articles/secret-plan.html").status_code == 404


def test_the_huge_page_is_streamed_and_can_be_abandoned(news_site):
    with httpx.stream("GET", news_site.url("/huge.html"), timeout=10) as response:
        assert "content-length" not in response.headers
        received = 0
        for chunk in response.iter_bytes():
            received += len(chunk)
            if received > 2**20:
                break
    with httpx.stream("GET", news_site.url("/huge-declared.html"), timeout=10) as response:
        assert response.headers["content-length"] == str(30 * 2**20)
    assert news_site.huge_sent < 30 * 2**20


def test_the_log_keeps_method_path_headers_and_status(news_site):
    get(news_site, "/news?x=1", **{"User-Agent": "Dateline/test"})
    (request,) = news_site.log
    assert (request.method, request.path, request.status) == ("GET", "/news?x=1", 200)
    assert request.headers["user-agent"] == "Dateline/test"
    assert news_site.requested("/news") and not news_site.requested("/private/secret-plan.html")
    news_site.clear_log()
    assert news_site.paths() == []


def test_no_test_connects_beyond_loopback(loopback_only):
    with pytest.raises(OSError, match="beyond loopback"):
        socket.create_connection(("10.0.0.1", 80), timeout=1)
    assert loopback_only == [("10.0.0.1", 80)]
    loopback_only.clear()
