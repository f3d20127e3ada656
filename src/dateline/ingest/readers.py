"""One reader per input format; each yields Article records, or a Skip for what it cannot read.

Nothing here raises for a bad input: a file or record that cannot be read becomes a Skip that
names it and says why, and the rest of the file still goes in. What was read all the same but
deserves a word (an encoding other than UTF-8, a date that did not parse) is a Note. A file's
bytes come from `ingest.files` (which refuses what is no regular file, or too big) and become
text in `ingest.decode`.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from functools import partial
from pathlib import Path

from dateline.errors import E002, E003, E004, E005, E006, E007, E008, E010, E012
from dateline.ingest.body_text import body_text
from dateline.ingest.clean import article_id, clean_text, drop_leading_labels, showable
from dateline.ingest.decode import decode_bytes, decode_rows, encoding_note, is_binary_text
from dateline.ingest.files import Refused, read_bytes
from dateline.ingest.path_dates import with_path_date
from dateline.ingest.published import (
    collect_page_metadata,
    date_with_basis,
    page_published,
    split_date_line,
)
from dateline.model import Article, Note, Skip

# A headline is one short line that does not end like a sentence or a quotation.
HEADLINE_MAX_CHARS = 160
HEADLINE_FORBIDDEN_ENDINGS = tuple(".?!:;,\"'”’»")
# A Markdown heading marker is layout, not part of the title.
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# Record fields: the first present key wins.
RECORD_DATE_KEYS = ("date", "published")
# Long article bodies exceed the csv module's default 128 KiB field limit.
CSV_FIELD_LIMIT = 16 * 1024 * 1024
# The longest news article in our benchmarks is 0.7 M characters; ten times a long report is no
# article, and its parse would need gigabytes.
MAX_ARTICLE_CHARS = 1_000_000
_NEWLINES = re.compile(r"\r\n?")

Item = Article | Skip | Note
Reader = Callable[[Path, str], Iterator[Item]]


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
    """Clean the text and key it by its content; E012 when it is too long to be one article,
    E008 when nothing is left."""
    if len(text) > MAX_ARTICLE_CHARS:
        return Skip(source, E012.format(length=len(text), limit=MAX_ARTICLE_CHARS))
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


def read_plain_text(path: Path, content: str) -> Iterator[Item]:
    """.txt and .md: an optional date line, an optional headline, then the body."""
    source = str(path)
    date_value, rest = split_date_line(_NEWLINES.sub("\n", content))
    published, basis, problem = date_with_basis(date_value, "dateline")
    if problem:
        yield Note(source, problem)
    # Clean first, so a prompt line above the headline does not hide it.
    title, body = split_headline(clean_text(rest))
    yield make_article(source, body, title=title, published=published, basis=basis)


def read_record(record: Mapping[str, object], path: Path, line: int) -> Iterator[Item]:
    """One JSONL or CSV record with keys id, title, text, date/published, url, outlet: its
    article or skip, after a note on a date that did not parse."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        yield Skip(str(path), E005, line=line)
        return
    record_id = _clean_field(_field(record, "id"))
    source = f"{path}#{record_id}" if record_id else f"{path}#line-{line}"
    date_value = next((_field(record, key) for key in RECORD_DATE_KEYS if _field(record, key)), None)
    published, basis, problem = date_with_basis(date_value, "record")
    if problem:
        yield Note(str(path), problem, line=line)
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
    yield article


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


def read_jsonl(path: Path, content: str) -> Iterator[Item]:
    for item in jsonl_records(str(path), content):
        if isinstance(item, Skip):
            yield item
        else:
            yield from read_record(item[1], path, item[0])


def read_csv(path: Path, content: str) -> Iterator[Item]:
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))  # process-wide setting
    # Strict: an unclosed quotation mark is an error to report, not a field that silently
    # swallows the rest of the file.
    rows = csv.reader(io.StringIO(content, newline=""), strict=True)
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
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header):]):
            detail = f"{len(row)} fields where the header has {len(header)}"
            yield Skip(str(path), E007.format(detail=detail), line=start)
        elif not any(cell.strip() for cell in row):
            continue
        elif is_binary_text(",".join(row)):
            yield Skip(str(path), E003, line=start)
        else:
            yield from read_record(dict(zip(header, row)), path, start)


def read_html(path: Path, content: str) -> Iterator[Item]:
    """Main text via trafilatura, else (none found, or nothing of it left after cleaning) the
    visible text of the body; title, outlet and date only from the page's own metadata."""
    return read_html_text(str(path), content)


def read_html_text(source: str, content: str) -> Iterator[Item]:
    """read_html of a page named `source` (a path, or the URL it was fetched from)."""
    page = collect_page_metadata(content)
    published, basis, problem = page_published(page)
    article_of = partial(make_article, source, title=page.title, outlet=page.site_name,
                         url=page.url, published=published, basis=basis)
    main = main_text(content)
    article = article_of(main) if main else None
    if article is None or article == Skip(source, E008):
        body = body_text(content)
        article = article_of(body) if body else article
    if article is None:
        yield Skip(source, E006)
        return
    if problem:
        yield Note(source, problem)
    yield article


def main_text(html: str) -> str:
    """The page's main text as trafilatura finds it, a paragraph a block; "" when it finds none
    (it gives up on a paragraph under thousands of nested elements, or beside a huge attribute)."""
    import trafilatura  # a tenth of a second to import: only when a page is read, not with `import dateline`

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    # trafilatura puts one block per line; blank lines make those blocks our paragraphs.
    return "\n\n".join(line for line in (text or "").splitlines() if line.strip())


READERS: dict[str, Reader] = {
    ".txt": read_plain_text,
    ".md": read_plain_text,
    ".jsonl": read_jsonl,
    ".csv": read_csv,
    ".html": read_html,
    ".htm": read_html,
}
SUPPORTED_SUFFIXES = frozenset(READERS)
# How a file's bytes become text, where not decode_bytes: a CSV row of binary data is that row's
# skip, not the file's.
DECODERS: dict[str, Callable[[bytes], tuple[str, str] | None]] = {".csv": decode_rows}


def read_file(path: Path, date_from_path: bool = False) -> Iterator[Item]:
    """Read one file into its articles (many for .jsonl and .csv), per-record skips and notes.

    With `date_from_path`, an article the file leaves undated takes the date its path gives
    (`ingest.path_dates`), if any."""
    path = Path(path)
    source = str(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield Skip(source, E002.format(suffix=path.suffix))
        return
    try:
        data = read_bytes(path)
    except OSError as error:
        yield Skip(source, E010.format(detail=error.strerror or error))
        return
    except Refused as error:
        yield Skip(source, str(error))
        return
    decoded = DECODERS.get(path.suffix.lower(), decode_bytes)(data)
    if decoded is None:
        yield Skip(source, E003)
        return
    content, encoding = decoded
    if not content.strip():
        yield Skip(source, E008)
        return
    note = encoding_note(source, encoding)
    if note:
        yield note
    items = reader(path, content)
    yield from with_path_date(items, path) if date_from_path else items


def _field(record: Mapping[str, object], key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value).strip() or None


def _clean_field(value: str | None) -> str | None:
    """One showable line with single spaces; None for a missing or blank value."""
    if not value:
        return None
    return " ".join(showable(value).split()) or None


def _first_line(error: Exception) -> str:
    return str(error).split("\n")[0]
