"""What a fetched URL is: a page, a feed (RSS, Atom, RDF, JSON Feed) or a sitemap, told from the
response's content type and the body's first element, never from the URL's spelling."""
from __future__ import annotations

import json
import re

from dateline.model import Fetched

# The body's first element (after an XML declaration, comments, processing instructions and a
# doctype): its local name decides.
_PROLOGUE = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>|\s)*", re.S | re.I)
_FIRST_ELEMENT = re.compile(rb"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
FEED_ELEMENTS = frozenset({"rss", "feed", "rdf"})
SITEMAP_ELEMENTS = frozenset({"urlset", "sitemapindex"})
SNIFF_BYTES = 4096
_BOMS = (b"\xef\xbb\xbf",)


def source_kind(fetched: Fetched) -> str:
    """"feed", "sitemap" or "page" (anything else: a page, for the page reader to judge)."""
    body = fetched.content[:SNIFF_BYTES]
    for bom in _BOMS:
        body = body.removeprefix(bom)
    content_type = (fetched.content_type or "").split(";")[0].strip().lower()
    if body.lstrip().startswith(b"{") or content_type.endswith("json"):
        return "feed" if is_json_feed(fetched.content) else "page"
    element = first_element(body)
    if element in FEED_ELEMENTS:
        return "feed"
    if element in SITEMAP_ELEMENTS:
        return "sitemap"
    return "page"


def first_element(body: bytes) -> str | None:
    """The local name of the first element of an XML or HTML body, lower-cased."""
    start = _PROLOGUE.match(body)
    found = _FIRST_ELEMENT.match(body, start.end() if start else 0)
    return found.group(2).decode("ascii").lower() if found else None


def is_json_feed(content: bytes) -> bool:
    """A JSON object whose `version` names jsonfeed.org."""
    try:
        data = json.loads(content)
    except ValueError:
        return False
    return isinstance(data, dict) and "jsonfeed.org" in str(data.get("version", ""))
