"""Following URLs: fetch each, tell what it is, and read it (a page into its article; a feed or
sitemap into the pages it lists, each fetched and read in turn).

    for item in follow(["https://example.org/feed.xml"], fetcher, known):
        ...  # Article, Skip, Note, FetchRecord (one per request, or per refused link), KnownLink

What the store already knows (`KnownSources`) spares requests: a listed page already read into a
stored article is not fetched again (a KnownLink instead), and a URL fetched before is asked
conditionally (ETag, Last-Modified), so an unchanged feed costs a 304; the entries of a feed that
answered 304 are listed again from its last body, so that a page that failed last time is tried
again. Nothing here raises for a bad URL: every failure is a Skip with its reason (`FetchError`'s
message, or E035-E038) and a FetchRecord saying so.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime, timezone

from dateline.errors import E038, FetchError
from dateline.ingest.fetch.feeds import feed_entries, sitemap_entries, web_link
from dateline.ingest.fetch.kinds import source_kind
from dateline.ingest.fetch.pages import read_page_and_canonical
from dateline.model import (Article, FeedEntry, Fetched, FetchRecord, KnownLink, KnownSources, Note,
                            Skip)

Followed = Article | Skip | Note | FetchRecord | KnownLink
# A source's listings nest this deep at most: a sitemapindex, its sitemaps, their pages.
MAX_DEPTH = 2
LISTINGS = {"feed": feed_entries, "sitemap": sitemap_entries}


def normalize_url(url: str) -> str:
    """`ingest.fetch.urls.normalize_url` (tracking parameters, AMP and mobile hosts folded)."""
    from dateline.ingest.fetch.urls import normalize_url as normalize

    return normalize(url)


def follow(urls: Iterable[str], fetcher, known: KnownSources | None = None) -> Iterator[Followed]:
    """Everything the URLs give, in order; each URL (normalized) fetched at most once a run.
    `fetcher.get(url, etag=None, last_modified=None)` returns a `Fetched` or raises FetchError."""
    walk = _Walk(fetcher, known or KnownSources())
    for url in urls:
        yield from walk.visit(url.strip(), None, None, 0)


class _Walk:
    def __init__(self, fetcher, known: KnownSources) -> None:
        self.fetcher, self.known = fetcher, known
        self.done: set[str] = set()

    def visit(self, url: str, entry: FeedEntry | None, found_in: str | None,
              depth: int) -> Iterator[Followed]:
        refused = web_link(url)
        if refused is not None:
            yield refused
            yield _record(url, found_in, error=refused.reason)
            return
        key = normalize_url(url)
        if key in self.done:
            return
        self.done.add(key)
        if found_in is not None and key in self.known.pages:
            yield KnownLink(key, found_in)
            return
        previous = self.known.fetched.get(key)
        try:
            fetched = self.fetcher.get(url, etag=previous and previous.etag,
                                       last_modified=previous and previous.last_modified)
        except FetchError as error:
            yield Skip(url, str(error))
            yield _record(key, found_in, error=str(error))
            return
        if fetched.not_modified:
            yield from self.unchanged(key, fetched, previous, found_in, depth)
            return
        kind = source_kind(fetched)
        if kind == "page":
            yield from _page(key, fetched, entry, found_in)
        else:
            yield from self.listing(key, kind, fetched, found_in, depth)

    def unchanged(self, key: str, fetched: Fetched, previous: FetchRecord | None,
                  found_in: str | None, depth: int) -> Iterator[Followed]:
        """A 304: recorded with what the last good fetch said; a feed's or sitemap's entries
        listed again from its last body, a page known."""
        kind = previous.kind if previous else None
        yield _fetch_record(key, fetched, found_in, kind=kind,
                            etag=fetched.etag or (previous and previous.etag),
                            last_modified=fetched.last_modified or (previous and previous.last_modified))
        body = self.known.listings.get(key)
        if kind in LISTINGS and body is not None:
            again = replace(fetched, status=200, content=body,
                            final_url=(previous and previous.final_url) or fetched.final_url)
            yield from self.entries(key, kind, again, depth)
        else:
            yield KnownLink(key, found_in)

    def listing(self, key: str, kind: str, fetched: Fetched, found_in: str | None,
                depth: int) -> Iterator[Followed]:
        if depth >= MAX_DEPTH:
            reason = E038.format(depth=MAX_DEPTH)
            yield Skip(fetched.final_url, reason)
            yield _fetch_record(key, fetched, found_in, kind=kind, error=reason)
            return
        yield _fetch_record(key, fetched, found_in, kind=kind, raw=fetched.content)
        yield from self.entries(key, kind, fetched, depth)

    def entries(self, key: str, kind: str, fetched: Fetched, depth: int) -> Iterator[Followed]:
        for listed in LISTINGS[kind](fetched):
            if isinstance(listed, Skip):
                yield listed
                yield _record(listed.source, key, error=listed.reason)
            else:
                yield from self.visit(listed.url, listed, key, depth + 1)


def _page(key: str, fetched: Fetched, entry: FeedEntry | None,
          found_in: str | None) -> Iterator[Followed]:
    """The page's article (or skip), then its FetchRecord with the article's id, canonical link
    and body."""
    items, canonical = read_page_and_canonical(fetched, entry)
    article = next((item for item in items if isinstance(item, Article)), None)
    skip = next((item for item in items if isinstance(item, Skip)), None)
    if canonical and web_link(canonical) is None:
        canonical = normalize_url(canonical)
    else:
        canonical = None
    yield from items
    yield _fetch_record(key, fetched, found_in, kind="page", canonical=canonical,
                        article_id=article.id if article else None,
                        error=None if article or skip is None else skip.reason,
                        raw=fetched.content)


def _fetch_record(key: str, fetched: Fetched, found_in: str | None, **fields) -> FetchRecord:
    values = dict(url=key, final_url=fetched.final_url, canonical=None, kind=None,
                  status=fetched.status, etag=fetched.etag, last_modified=fetched.last_modified,
                  fetched_at=fetched.fetched_at,
                  content_hash=hashlib.sha256(fetched.content).hexdigest() if fetched.content else None,
                  article_id=None, found_in=found_in, error=None,
                  content_type=fetched.content_type)
    return FetchRecord(**{**values, **fields})


def _record(url: str, found_in: str | None, *, error: str) -> FetchRecord:
    """The record of a URL refused or failed before any answer."""
    return FetchRecord(url=url, final_url=None, canonical=None, kind=None, status=None, etag=None,
                       last_modified=None, fetched_at=datetime.now(timezone.utc), content_hash=None,
                       article_id=None, found_in=found_in, error=error)
