"""The page `/search` (`dateline search`, `Database.search`): the hits with their snippets, the
matched words marked, each linking to its article, event or actor page."""
from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

from dateline.model import SEARCH_KINDS, SearchHit
from dateline.query import Database
from dateline.query.serialize import search_hit_json
from dateline.web.marks import actor_href, event_href
from dateline.web.pages import Page, Threshold, _number
from dateline.web.templating import article_href

HREFS = {"article": article_href, "event": event_href, "actor": actor_href}


def search_page(db: Database, query: str, kinds: Sequence[str], limit: str,
                threshold: Threshold | None = None) -> Page:
    """The hits for a search, its events at or above the threshold as on every page; with no
    search typed, the empty form. E063 for a search with no words, E064 for an unknown kind,
    E051 for a bad limit."""
    query = query.strip()
    asked = {"kinds": [kind for kind in kinds if kind.strip()] or list(SEARCH_KINDS),
             "min_confidence": (threshold or Threshold()).value()}
    hits = (db.search(query, limit=_number(limit) if limit.strip() else 20, **asked)
            if query else [])
    scoped = urlencode({"about": query})
    context = {"query": query, "rows": [(hit, hit_href(hit), snippet_parts(hit)) for hit in hits],
               "hidden": db.search_hidden(query, **asked) if query else None,
               "scope_urls": [(f"/timeline?{scoped}", "the timeline"),
                              (f"/key-dates?{scoped}", "the key dates"),
                              (f"/events?{scoped}", "the events")] if query else []}
    return Page("search.html", context, [search_hit_json(hit) for hit in hits],
                f"Search: {query}" if query else "Search")


def hit_href(hit: SearchHit) -> str:
    """The page a hit opens."""
    return HREFS[hit.kind](hit.id)


def snippet_parts(hit: SearchHit) -> list[tuple[str, bool]]:
    """A hit's snippet as pieces of text, each saying whether it is a matched word."""
    parts, last = [], 0
    for start, end in hit.marks:
        parts += [(hit.snippet[last:start], False), (hit.snippet[start:end], True)]
        last = end
    return [part for part in [*parts, (hit.snippet[last:], False)] if part[0]]
