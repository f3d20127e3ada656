"""The links a feed (RSS, Atom, RDF via feedparser; JSON Feed) or a sitemap (urlset, news sitemap,
sitemapindex) lists, each with the date it gives for it.

Only http and https links are kept: any other (file:, ftp:, javascript:...) comes back as a Skip
that names it (E035), beside the entries, and is never fetched. A body that is no readable feed or
sitemap is one Skip (E036).
"""
from __future__ import annotations

import json
import re
import time
from datetime import date, datetime
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

from dateline.errors import E035, E036
from dateline.ingest.published import parse_date
from dateline.model import FeedEntry, Fetched, Skip

Listed = FeedEntry | Skip
WEB_SCHEMES = ("http", "https")


def web_link(url: str) -> Skip | None:
    """None for an http(s) URL; else the E035 skip of it."""
    scheme = urlsplit(url).scheme.lower()
    return None if scheme in WEB_SCHEMES else Skip(url, E035.format(scheme=scheme or "no scheme"))


def feed_entries(fetched: Fetched) -> list[Listed]:
    """A feed's entries in its order (relative links resolved against its URL)."""
    if fetched.content.lstrip().startswith(b"{"):
        return _json_feed_entries(fetched)
    import feedparser  # only when a feed is read

    parsed = feedparser.parse(fetched.content, response_headers=_headers(fetched))
    if parsed.bozo and not parsed.entries:
        return [Skip(fetched.final_url, E036.format(detail=_first_line(parsed.get("bozo_exception"))))]
    listed: list[Listed] = []
    written = _links_as_written(fetched.content)
    for entry in parsed.entries:
        link = entry.get("link") or _alternate(entry)
        if link:
            published = _struct_date(entry.get("published_parsed") or entry.get("updated_parsed"))
            listed.append(_entry(fetched.final_url, written.get(link, link), published,
                                 entry.get("title")))
    return listed


# feedparser drops the slashes after "scheme://" (file:///etc/passwd comes out file://etc/passwd):
# a link is named as the feed wrote it.
_SCHEMED = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"']+")
_FEEDPARSER_FIX = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*://)(/*)")


def _links_as_written(content: bytes) -> dict[str, str]:
    """feedparser's spelling of each schemed link in the body -> the body's."""
    found = _SCHEMED.findall(content.decode("utf-8", errors="replace"))
    return {_FEEDPARSER_FIX.sub(r"\1", raw): raw for raw in found if "://" in raw}


def _alternate(entry: dict) -> str | None:
    for link in entry.get("links", ()):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return None


def _json_feed_entries(fetched: Fetched) -> list[Listed]:
    try:
        data = json.loads(fetched.content)
        items = data["items"]
        assert isinstance(items, list)
    except (ValueError, KeyError, TypeError, AssertionError) as error:
        return [Skip(fetched.final_url, E036.format(detail=f"JSON Feed: {_first_line(error)}"))]
    listed: list[Listed] = []
    for item in items:
        link = item.get("url") or item.get("external_url") if isinstance(item, dict) else None
        if isinstance(link, str) and link:
            published = _text_date(item.get("date_published") or item.get("date_modified"))
            listed.append(_entry(fetched.final_url, link, published, item.get("title")))
    return listed


SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def sitemap_entries(fetched: Fetched) -> list[Listed]:
    """A urlset's pages, dated by news:publication_date, else lastmod; a sitemapindex's
    sitemaps (undated), which the caller fetches and reads in turn."""
    try:
        root = ElementTree.fromstring(fetched.content)
    except ElementTree.ParseError as error:
        return [Skip(fetched.final_url, E036.format(detail=_first_line(error)))]
    listed: list[Listed] = []
    for node in root:
        if _local(node.tag) not in ("url", "sitemap"):
            continue
        link = _child_text(node, "loc")
        if not link:
            continue
        news = next((child for child in node if _local(child.tag) == "news"), None)
        stated = _child_text(news, "publication_date") if news is not None else None
        title = _child_text(news, "title") if news is not None else None
        published = _text_date(stated or _child_text(node, "lastmod"))
        listed.append(_entry(fetched.final_url, link, published, title))
    return listed


def _entry(base: str, link: str, published: date | None, title: object) -> Listed:
    link = link.strip()
    url = urljoin(base, link)
    skip = web_link(url)
    if skip is not None:
        return Skip(link, skip.reason)  # named as the feed wrote it
    return FeedEntry(url=url, published=published, title=str(title) if title else None)


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1].lower()


def _child_text(node: ElementTree.Element, name: str) -> str | None:
    for child in node:
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _struct_date(value: time.struct_time | None) -> date | None:
    return date(value.tm_year, value.tm_mon, value.tm_mday) if value else None


def _text_date(value: object) -> date | None:
    """A W3C/ISO date or datetime (sitemaps, JSON Feed); None when it is none."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        return parse_date(value)


def _headers(fetched: Fetched) -> dict[str, str]:
    return {"content-type": fetched.content_type} if fetched.content_type else {}


def _first_line(error: object) -> str:
    return str(error).strip().split("\n")[0] or type(error).__name__
