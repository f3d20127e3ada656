"""A fetched web page as an article: its text in the right character set, main text and metadata
date as `ingest.readers` reads an .html file, the feed's date where the page states none.

The character set, first found first used: the response's Content-Type charset; a byte order
mark; the page's own <meta charset> (or http-equiv Content-Type) in its first bytes; UTF-8 when
the bytes are valid UTF-8; else detection (charset-normalizer), except that a guess of one of the
Western single-byte sets (cp1250, Latin-1...) reads as Windows cp1252, as `ingest.decode` reads
such files (its curly quotes and dashes kept), with a note (W006).
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from urllib.parse import urljoin

from dateline.errors import E003, E037, W006
from dateline.ingest.decode import decode_bytes
from dateline.ingest.published import collect_page_metadata
from dateline.ingest.readers import read_html_text
from dateline.model import Article, FeedEntry, Fetched, KeptPage, Note, Skip

Item = Article | Skip | Note
META_SNIFF_BYTES = 2048
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:\-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:\-]+)", re.I)
# charset-normalizer's guesses that mean "a Western single-byte page" on short texts.
WESTERN_GUESSES = frozenset(codecs.lookup(name).name for name in (
    "cp1250", "cp1252", "latin_1", "iso8859_15", "iso8859_2", "mac_roman", "cp850", "cp437",
    "iso8859_9", "cp1254", "mac_latin2"))
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


def read_page(fetched: Fetched, entry: FeedEntry | None = None) -> Iterator[Item]:
    """The page's article (source and url: the final URL), after a note on how it was decoded if
    the page did not say; a Skip for what is not an HTML page or has no text."""
    yield from read_page_and_canonical(fetched, entry)[0]


def read_page_and_canonical(fetched: Fetched, entry: FeedEntry | None = None
                            ) -> tuple[list[Item], str | None]:
    """What `read_page` yields, and the page's canonical link (`canonical_link`), the page
    decoded once for both; no link for what is not an HTML page or has no text."""
    source = fetched.final_url
    content_type = (fetched.content_type or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        return [Skip(source, E037.format(content_type=content_type))], None
    decoded = page_text(fetched)
    if decoded is None:
        return [Skip(source, E003)], None
    text, note = decoded
    items: list[Item] = [Note(source, note)] if note else []
    for item in read_html_text(source, text):
        if isinstance(item, Article):
            item.url = source
            if item.published is None and entry is not None and entry.published is not None:
                item.published, item.published_basis = entry.published, "feed"
        items.append(item)
    return items, canonical_link(fetched, text)


def page_text(fetched: Fetched) -> tuple[str, str | None] | None:
    """(text, W006 note or None) in the first character set found; None for binary data."""
    data = fetched.content
    stated = _header_charset(fetched.content_type) or _bom(data) or _meta_charset(data)
    if stated:
        return data.decode(stated, errors="replace"), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    guess = _detected(data)
    if guess and guess not in WESTERN_GUESSES:
        return data.decode(guess, errors="replace"), W006.format(encoding=guess)
    decoded = decode_bytes(data)
    return (decoded[0], W006.format(encoding=decoded[1])) if decoded else None


def canonical_link(fetched: Fetched, text: str) -> str | None:
    """The page's <link rel="canonical">, made absolute; None when it names none."""
    href = collect_page_metadata(text).meta.get("canonical")
    return urljoin(fetched.final_url, href) if href else None


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def _header_charset(content_type: str | None) -> str | None:
    found = _HEADER_CHARSET.search(content_type or "")
    return _known_codec(found.group(1)) if found else None


def _bom(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _meta_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:META_SNIFF_BYTES])
    return _known_codec(found.group(1).decode("ascii")) if found else None


def _detected(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return _known_codec(best.encoding) if best else None


def reread_page(kept: KeptPage) -> list[Item]:
    """A stored page read again (`dateline reextract`): as `read_page` read it when it was
    fetched, the date its feed gave kept where the page states none."""
    from datetime import datetime, timezone

    fetched = Fetched(kept.final_url, kept.final_url, 200, kept.body, kept.content_type, None, None,
                      datetime.now(timezone.utc))
    feed_date = kept.published if kept.published_basis == "feed" else None
    return list(read_page(fetched, FeedEntry(kept.final_url, published=feed_date)))
