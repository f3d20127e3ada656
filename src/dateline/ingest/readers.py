"""One reader per input format; each yields Article records, or a Skip for what it cannot read.

Nothing here raises for a bad input: a file or record that cannot be read becomes a Skip that
names it and says why, and the rest of the file still goes in.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from pathlib import Path

import trafilatura

from dateline.errors import E002, E003, E004, E005, E006, E007, E008, E010
from dateline.ingest.clean import article_id, clean_text, drop_leading_labels
from dateline.ingest.published import (
    collect_page_metadata,
    date_with_basis,
    page_published,
    split_date_line,
)
from dateline.model import Article, Skip

# A headline is one short line that does not end like a sentence or a quotation.
HEADLINE_MAX_CHARS = 160
HEADLINE_FORBIDDEN_ENDINGS = tuple(".?!:;,\"'”’»")
# A Markdown heading marker is layout, not part of the title.
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# Record fields: the first present key wins.
RECORD_DATE_KEYS = ("date", "published")
# Long article bodies exceed the csv module's default 128 KiB field limit.
CSV_FIELD_LIMIT = 16 * 1024 * 1024
_NEWLINES = re.compile(r"\r\n?")

Reader = Callable[[Path, str], Iterator[Article | Skip]]


def decode_text(data: bytes) -> str | None:
    """UTF-8 text (a BOM is dropped); None for binary data or another encoding."""
    if b"\x00" in data:  # text files never hold NUL bytes; binary files nearly always do
        return None
    try:
        return data.decode("utf-8-sig")  # plain UTF-8, with or without a BOM
    except UnicodeDecodeError:
        return None


def make_article(
    source: str,
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: date | None = None,
    basis: str = "none",
) -> Article | Skip:
    """Clean the text and key it by its content; E008 when nothing is left."""
    body = drop_leading_labels(drop_leading_title(clean_text(text), title))
    if not body:
        return Skip(source, E008)
    return Article(
        id=article_id(body),
        source=source,
        text=body,
        title=_clean_field(title),
        outlet=_clean_field(outlet),
        url=_clean_field(url),
        published=published,
        published_basis=basis,
    )


def drop_leading_title(body: str, title: str | None) -> str:
    """Remove a first line that only repeats the title (pages and records often do)."""
    if not title:
        return body
    first, _, rest = body.partition("\n")
    if " ".join(first.split()).lower() == " ".join(title.split()).lower():
        return rest.strip()
    return body


def is_headline(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) < HEADLINE_MAX_CHARS and not line.endswith(HEADLINE_FORBIDDEN_ENDINGS)


def split_headline(text: str) -> tuple[str | None, str]:
    """(headline, rest) when the first non-empty line is a headline with a body after it."""
    stripped = text.strip()
    first, _, rest = stripped.partition("\n")
    first = MARKDOWN_HEADING.sub("", first)
    if is_headline(first) and rest.strip():
        return " ".join(first.split()), rest
    return None, text


def read_plain_text(path: Path, content: str) -> Iterator[Article | Skip]:
    """.txt and .md: an optional date line, an optional headline, then the body."""
    source = str(path)
    date_value, rest = split_date_line(_NEWLINES.sub("\n", content))
    published, basis = date_with_basis(date_value, "dateline", source)
    # Clean first, so a prompt line above the headline does not hide it.
    title, body = split_headline(clean_text(rest))
    yield make_article(source, body, title=title, published=published, basis=basis)


def record_to_article(record: Mapping[str, object], path: Path, line: int) -> Article | Skip:
    """One JSONL or CSV record with keys id, title, text, date/published, url, outlet."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Skip(str(path), E005, line=line)
    record_id = _field(record, "id")
    source = f"{path}#{record_id}" if record_id else f"{path}#line-{line}"
    date_value = next((_field(record, key) for key in RECORD_DATE_KEYS if _field(record, key)), None)
    published, basis = date_with_basis(date_value, "record", source)
    article = make_article(
        source,
        text,
        title=_field(record, "title"),
        outlet=_field(record, "outlet"),
        url=_field(record, "url"),
        published=published,
        basis=basis,
    )
    if isinstance(article, Skip):
        article.line = line
    return article


def jsonl_records(source: str, content: str) -> Iterator[tuple[int, dict] | Skip]:
    """(line number, record) for each JSON object line; a Skip naming any other non-blank line."""
    # Split on newlines only: str.splitlines would also split on U+2028 inside JSON strings.
    for number, line in enumerate(_NEWLINES.sub("\n", content).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            yield Skip(source, E004.format(detail=_first_line(error)), line=number)
            continue
        if not isinstance(record, dict):
            detail = f"expected an object, got {type(record).__name__}"
            yield Skip(source, E004.format(detail=detail), line=number)
            continue
        yield number, record


def read_jsonl(path: Path, content: str) -> Iterator[Article | Skip]:
    for item in jsonl_records(str(path), content):
        yield item if isinstance(item, Skip) else record_to_article(item[1], path, item[0])


def read_csv(path: Path, content: str) -> Iterator[Article | Skip]:
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))  # process-wide setting
    rows = csv.reader(io.StringIO(content, newline=""))
    try:
        header = [name.strip().lower() for name in next(rows)]
    except (StopIteration, csv.Error) as error:
        yield Skip(str(path), E007.format(detail=_first_line(error) or "no header row"), line=1)
        return
    if "text" not in header:
        yield Skip(str(path), E007.format(detail="no 'text' column in the header"), line=1)
        return
    while True:
        start = rows.line_num + 1  # a quoted field may span lines: name the record's first
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            yield Skip(str(path), E007.format(detail=_first_line(error)), line=start)
            continue
        if any(cell.strip() for cell in row):
            yield record_to_article(dict(zip(header, row)), path, start)


def read_html(path: Path, content: str) -> Iterator[Article | Skip]:
    """Main text via trafilatura; title, outlet and date only from the page's own metadata."""
    source = str(path)
    text = trafilatura.extract(
        content, include_comments=False, include_tables=False, favor_precision=True
    )
    if not text or not text.strip():
        yield Skip(source, E006)
        return
    # trafilatura puts one block per line; blank lines make those blocks our paragraphs.
    text = "\n\n".join(line for line in text.splitlines() if line.strip())
    page = collect_page_metadata(content)
    published, basis = page_published(page, source)
    yield make_article(
        source,
        text,
        title=page.title,
        outlet=page.site_name,
        url=page.url,
        published=published,
        basis=basis,
    )


READERS: dict[str, Reader] = {
    ".txt": read_plain_text,
    ".md": read_plain_text,
    ".jsonl": read_jsonl,
    ".csv": read_csv,
    ".html": read_html,
    ".htm": read_html,
}
SUPPORTED_SUFFIXES = frozenset(READERS)


def read_file(path: Path) -> Iterator[Article | Skip]:
    """Read one file into its articles (many for .jsonl and .csv) and per-record skips."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield Skip(str(path), E002.format(suffix=path.suffix))
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield Skip(str(path), E010.format(detail=error.strerror or error))
        return
    content = decode_text(data)
    if content is None:
        yield Skip(str(path), E003)
        return
    if not content.strip():
        yield Skip(str(path), E008)
        return
    yield from reader(path, content)


def _field(record: Mapping[str, object], key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value).strip() or None


def _clean_field(value: str | None) -> str | None:
    """One line with single spaces; None for a missing or blank value."""
    if not value:
        return None
    return " ".join(value.split()) or None


def _first_line(error: Exception) -> str:
    return str(error).split("\n")[0]
