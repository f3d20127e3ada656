"""Publication dates: the date line atop a text file, and explicit metadata in a web page.

A page's date is taken only from metadata the publisher wrote for it (meta tags, microdata,
JSON-LD, a <time datetime> inside the <article>), never guessed from the URL or the body.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser

from dateline.errors import W002
from dateline.ingest.markup import feed_page
from dateline.months import month_numbers

# Month names and abbreviations in any case ("July", "SEPT", "jan") -> the month's number.
MONTHS = month_numbers()

_WEEKDAY_PREFIX = re.compile(r"^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.I)
_ORDINAL = r"(?:st|nd|rd|th)?"
# Date value shapes, each matched against the whole value; the named groups say which is which.
DATE_VALUE_PATTERNS = {
    # ISO date, optionally followed by a time and zone: the date as the publisher wrote it.
    "iso": r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?:[T ].*)?",
    "slashed": r"(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})",
    "month_day_year": rf"(?P<month_name>[a-z]+)\.? (?P<day>\d{{1,2}}){_ORDINAL},? (?P<year>\d{{4}})",
    "day_month_year": rf"(?P<day>\d{{1,2}}){_ORDINAL} (?P<month_name>[a-z]+)\.?,? (?P<year>\d{{4}})",
}
_DATE_VALUES = [re.compile(pattern, re.IGNORECASE) for pattern in DATE_VALUE_PATTERNS.values()]

# ` date 2021-07-14 :`, `Date: July 14, 2021`. The value must look like a date, so a first
# line such as "Date palms grew..." is never mistaken for one. Scraped dumps often go on with the
# first sentence on the same line (` date 2021-07-13 In the wake of...`, `Date: July 14, 2021 —
# India...`); then the value must also parse, so "Date 12 was..." stays text.
DATE_LINE = re.compile(
    r"\s*date\s*:?\s*(?P<value>\d{1,2}\w* [a-z]+\.?,? \d{4}|[a-z]+\.? \d{1,2}\w*,? \d{4}|[\d][\d\-/.]*\d)"
    r"(?:\s*(?::|—|–|--|-|\|)\s*|\s+|$)(?P<rest>.*)",
    re.IGNORECASE,
)

# Meta tags (property, name or itemprop, lowercased) that state the publication time, best first.
PUBLISHED_META_KEYS = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "publish-date",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
)


def parse_date(value: str) -> date | None:
    """Parse one date value in the forms news sources write; None when it is not a real date."""
    value = _WEEKDAY_PREFIX.sub("", " ".join(value.split()))
    for pattern in _DATE_VALUES:
        found = pattern.fullmatch(value)
        if found:
            return _to_date(found.groupdict())
    return None


def _to_date(parts: dict[str, str | None]) -> date | None:
    month_name = parts.get("month_name")
    month = MONTHS.get(month_name.lower()) if month_name else int(parts["month"] or 0)
    if not month:
        return None
    try:
        return date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        return None


def split_date_line(text: str) -> tuple[str | None, str]:
    """Split a leading date line off the text: (its date value, the rest), or (None, text)."""
    lines = text.split("\n")
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None, text
    found = DATE_LINE.fullmatch(lines[first])
    if not found:
        return None, text
    same_line = found.group("rest").strip()
    if not same_line:
        return found.group("value"), "\n".join(lines[first + 1 :])
    if parse_date(found.group("value")) is None:
        return None, text
    return found.group("value"), "\n".join([same_line, *lines[first + 1 :]])


def date_with_basis(value: str | None, basis: str) -> tuple[date | None, str, str | None]:
    """Parse a stated date: (date, basis, None). An unreadable one leaves the article undated and
    comes back as the W002 warning that says so, for the reader to report."""
    if value is None or not str(value).strip():
        return None, "none", None
    parsed = parse_date(str(value))
    if parsed is None:
        return None, "none", W002.format(value=value)
    return parsed, basis, None


@dataclass(slots=True)
class PageMetadata:
    """What a page says about itself in its markup."""

    title: str | None = None
    site_name: str | None = None
    url: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # first value per lowercased key
    article_times: list[str] = field(default_factory=list)  # <time datetime> inside <article>
    json_ld: list[str] = field(default_factory=list)  # raw JSON-LD script bodies


class _PageMetadataParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageMetadata()
        self._article_depth = 0
        self._in_title = False
        self._title_parts: list[str] = []
        self._json_ld_parts: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): (value or "").strip() for name, value in attrs}
        if tag == "article":
            self._article_depth += 1
        elif tag == "title" and self.page.title is None:
            self._in_title = True
        elif tag == "time" and self._article_depth and values.get("datetime"):
            self.page.article_times.append(values["datetime"])
        elif tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._json_ld_parts = []
        elif tag == "link" and values.get("rel", "").lower() == "canonical" and values.get("href"):
            self.page.meta.setdefault("canonical", values["href"])
        key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
        content = values.get("content") or values.get("datetime")
        if key and content:
            self.page.meta.setdefault(key, content)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._article_depth:
            self._article_depth -= 1
        elif tag == "title" and self._in_title:
            self._in_title = False
            self.page.title = " ".join("".join(self._title_parts).split()) or None
        elif tag == "script" and self._json_ld_parts is not None:
            self.page.json_ld.append("".join(self._json_ld_parts))
            self._json_ld_parts = None

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)
        elif self._json_ld_parts is not None:
            self._json_ld_parts.append(data)


def collect_page_metadata(html: str) -> PageMetadata:
    """Read title, site name, URL and date candidates from a page's markup."""
    parser = _PageMetadataParser()
    feed_page(parser, html)
    page = parser.page
    page.title = page.meta.get("og:title") or page.title
    page.site_name = page.meta.get("og:site_name")
    page.url = page.meta.get("og:url") or page.meta.get("canonical")
    return page


def published_candidates(page: PageMetadata) -> list[str]:
    """Explicit publication date values, most trustworthy first."""
    values = [page.meta[key] for key in PUBLISHED_META_KEYS if key in page.meta]
    for body in page.json_ld:
        values.extend(_json_ld_dates(body))
    return values + page.article_times


def _json_ld_dates(body: str) -> list[str]:
    try:
        data = json.loads(body)
    except ValueError:
        return []
    found: list[str] = []
    stack = [data]
    while stack:
        node = stack.pop(0)
        if isinstance(node, dict):
            if isinstance(node.get("datePublished"), str):
                found.append(node["datePublished"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def page_published(page: PageMetadata) -> tuple[date | None, str, str | None]:
    """The first explicit date that parses, with basis "metadata"; else (None, "none"), with the
    W002 warning for the first unreadable one when the page stated any."""
    unreadable = None
    for value in published_candidates(page):
        parsed = parse_date(value)
        if parsed is not None:
            return parsed, "metadata", None
        unreadable = unreadable or W002.format(value=value)
    return None, "none", unreadable
