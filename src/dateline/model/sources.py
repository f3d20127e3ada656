"""Records of following the news on the web: what one request brought back, what the store keeps
of each fetched URL, a feed's or sitemap's entries, and one round of `dateline watch`.

The fetcher (`dateline.ingest.fetch`) answers a URL with a `Fetched`, or raises `FetchError`
(dateline.errors) whose message is the skip line's reason ("E031: 503 after 3 tries").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

SOURCE_KINDS = ("page", "feed", "sitemap")  # what a fetched URL turned out to be


@dataclass(slots=True)
class Fetched:
    """One answered request: the URL asked, where it ended after redirects, and what came back.
    A 304 (not modified since the ETag or Last-Modified given) has no content."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None
    fetched_at: datetime

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(slots=True)
class FeedEntry:
    """One link a feed or sitemap lists, with the date it gives for it (basis "feed")."""

    url: str
    published: date | None = None
    title: str | None = None


@dataclass(slots=True)
class FetchRecord:
    """What the store keeps of each fetched URL: enough to ask again politely (conditional GET),
    to know an article seen under another URL, and to read the page again (`dateline reextract`)
    without fetching it."""

    url: str  # normalized, as asked
    final_url: str | None
    canonical: str | None  # the page's own <link rel="canonical">, normalized
    kind: str | None  # SOURCE_KINDS; None when it failed before we could tell
    status: int | None
    etag: str | None
    last_modified: str | None
    fetched_at: datetime
    content_hash: str | None  # sha256 of the body, hex
    article_id: str | None  # the article a page gave
    found_in: str | None  # the feed or sitemap that listed it
    error: str | None  # the skip's reason, when it failed
    raw: bytes | None = None  # a page's or feed's body as fetched (stored zlib-compressed)
    content_type: str | None = None  # the Content-Type header it came with


@dataclass(slots=True)
class RoundReport:
    """One round of `dateline watch`: how many linked pages were new, already known, or failed."""

    number: int
    new: int = 0
    known: int = 0
    failed: int = 0

    def line(self) -> str:
        return f"round {self.number}: {self.new} new, {self.known} known, {self.failed} failed"


@dataclass(slots=True)
class KnownSources:
    """What the store knows of the web before a run (`Store.known_sources`): each normalized URL's
    latest good fetch (for a conditional GET), the pages already read into stored articles (by
    normalized URL and canonical link: those are not fetched again), and each feed's or sitemap's
    last body, to list its entries again when it answers 304."""

    fetched: dict[str, FetchRecord] = field(default_factory=dict)
    pages: set[str] = field(default_factory=set)
    listings: dict[str, bytes] = field(default_factory=dict)


@dataclass(slots=True)
class KnownLink:
    """A URL whose page is already stored: listed by a feed or sitemap (not fetched again), or
    asked again and answered 304 (not read again). An ingest counts it as unchanged."""

    url: str
    found_in: str | None = None


@dataclass(slots=True)
class KeptPage:
    """A stored article's page as last fetched (`dateline reextract` reads it again), with the
    article's publication date and its basis (a "feed" date stays when the page states none)."""

    article_id: str
    final_url: str
    content_type: str | None
    body: bytes
    published: date | None = None
    published_basis: str = "none"
