"""A fake web for the tests of following sources: a fetcher that answers from a dict of pages
(as `ingest.fetch.client.Fetcher.get` would, without a network), and the pages and feeds it
serves."""
from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest

from dateline.errors import FetchError
from dateline.model import Fetched

HTML = "text/html; charset=utf-8"
RSS = "application/rss+xml"
XML = "application/xml"


@dataclass
class Page:
    body: bytes
    content_type: str | None = HTML
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None  # raised as FetchError instead of answering
    final_url: str | None = None  # where it ends after redirects


@dataclass
class FakeFetcher:
    """`get` answers from `pages`; a conditional request whose ETag matches is a 304. Every
    request is logged: (url, etag, last_modified)."""

    pages: dict[str, Page] = field(default_factory=dict)
    log: list[tuple[str, str | None, str | None]] = field(default_factory=list)

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        self.log.append((url, etag, last_modified))
        page = self.pages.get(url)
        if page is None:
            raise FetchError("E031: 404 Not Found")
        if page.error:
            raise FetchError(page.error)
        when = datetime(2026, 12, 7, 6, 0, tzinfo=timezone.utc)
        final = page.final_url or url
        if (etag and etag == page.etag) or (last_modified and last_modified == page.last_modified):
            return Fetched(url, final, 304, b"", None, page.etag, page.last_modified, when)
        return Fetched(url, final, 200, page.body, page.content_type, page.etag,
                       page.last_modified, when)

    def asked(self) -> list[str]:
        return [url for url, _, _ in self.log]


def fetched(body: bytes | str, content_type: str | None = HTML, url: str = "http://news.test/a") -> Fetched:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return Fetched(url, url, 200, data, content_type, None, None,
                   datetime(2026, 12, 7, tzinfo=timezone.utc))


def article_page(title: str, text: str, published: str | None = None, canonical: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n"))
    return (f"<html><head><title>{title}</title>{meta}{link}</head><body><article><h1>{title}</h1>"
            f"{paragraphs}</article></body></html>")


def rss(*items: tuple[str, str | None]) -> str:
    """An RSS 2.0 feed of (link, pubDate or None) items."""
    entries = "".join(
        f"<item><title>Item {n}</title><link>{link}</link>"
        + (f"<pubDate>{date}</pubDate>" if date else "") + "</item>"
        for n, (link, date) in enumerate(items))
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>News</title>'
            f"<link>http://news.test/</link>{entries}</channel></rss>")


TRACKING = ("utm_", "fbclid", "gclid")


def _minimal_normalize(url: str) -> str:
    """Until `ingest.fetch.urls` is merged: lower-case scheme and host, no fragment, no tracking
    parameters, the rest sorted."""
    parts = urlsplit(url)
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not k.startswith(TRACKING))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                       urlencode(query), ""))


@pytest.fixture
def fake_urls(monkeypatch):
    """`dateline.ingest.fetch.urls` as the fetch helper writes it, or a minimal stand-in."""
    try:
        import dateline.ingest.fetch.urls  # noqa: F401
    except ImportError:
        module = types.ModuleType("dateline.ingest.fetch.urls")
        module.normalize_url = _minimal_normalize
        monkeypatch.setitem(sys.modules, "dateline.ingest.fetch.urls", module)
