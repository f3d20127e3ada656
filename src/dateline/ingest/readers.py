"""One reader per input format; each yields Article records, or a Skip for what it cannot read.

Nothing here raises for a bad input: a file or record that cannot be read becomes a Skip that
names it and says why, and the rest of the file still goes in. What was read all the same but
deserves a word (an encoding other than UTF-8, a date that did not parse) is a Note.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import stat
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from functools import partial
from pathlib import Path

import trafilatura

from dateline.errors import (E002, E003, E004, E005, E006, E007, E008, E010, E011, E012, E017,
                             W001)
from dateline.ingest.body_text import body_text
from dateline.ingest.clean import article_id, clean_text, drop_leading_labels, showable
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
# A file is read whole into memory; past this size it is refused before it is read.
DEFAULT_MAX_FILE_MB = 200
# The longest news article in our benchmarks is 0.7 M characters; ten times a long report is no
# article, and its parse would need gigabytes.
MAX_ARTICLE_CHARS = 1_000_000
# Text has few control characters besides tab, newline, carriage return and form feed; binary
# data without NUL bytes, read as a single-byte encoding, has many.
MAX_CONTROL_SHARE = 0.01
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc but \t \n \v \f \r
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")  # the same among undecoded bytes
# What stat calls the files that are not regular files, named as a user would know them.
SPECIAL_FILE_KINDS = (
    (stat.S_ISFIFO, "FIFO"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)
_NEWLINES = re.compile(r"\r\n?")

Item = Article | Skip | Note
Reader = Callable[[Path, str], Iterator[Item]]


def decode_text(data: bytes) -> str | None:
    """The text of `data` in whichever encoding `decode_bytes` finds; None for binary data."""
    decoded = decode_bytes(data)
    return decoded[0] if decoded else None


UNICODE_ENCODINGS = ("UTF-8", "UTF-16")  # the names decode_bytes gives; read without a note


def decode_bytes(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) with the encoding named as a user would know it; None for binary data.

    UTF-8 (a BOM is dropped) and UTF-16 with its BOM are read as such. Other text is taken for a
    Windows cp1252 or Latin-1 file, told apart by the bytes 0x80-0x9F, where cp1252 keeps its
    curly quotes and dashes and Latin-1 only control codes. UTF-8 with a few stray cp1252 bytes
    (a quotation pasted from another file) keeps its UTF-8 and reads just those bytes as cp1252.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _textual(data.decode("utf-16"), "UTF-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data:  # text files never hold NUL bytes; binary files nearly always do
        return None
    try:
        return _textual(data.decode("utf-8-sig"), "UTF-8")
    except UnicodeDecodeError:
        pass
    mixed = data.decode("utf-8-sig", errors="dateline-cp1252")
    if any(ord(char) > 0x7F for char in _utf8_parts(data)):
        return _textual(mixed, "UTF-8 with stray cp1252 bytes")
    encoding = "cp1252" if re.search(rb"[\x80-\x9f]", data) else "Latin-1"
    return _textual(mixed, encoding)


def decode_rows(data: bytes) -> tuple[str, str] | None:
    """decode_bytes for a file of rows (CSV), where binary bytes confined to some lines cost only
    those rows: the whole text, NULs kept for the reader to refuse row by row, when the first line
    and at least half of the lines are text; None for binary data."""
    decoded = decode_bytes(data)
    if decoded is not None or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decoded
    lines = data.split(b"\n")
    text_lines = [line for line in lines if not is_binary_line(line)]
    if is_binary_line(lines[0]) or 2 * len(text_lines) < len(lines):
        return None
    text_part = decode_bytes(b"\n".join(text_lines))  # names the encoding, and checks it is text
    if text_part is None:
        return None
    return data.decode("utf-8-sig", errors="dateline-cp1252"), text_part[1]


def is_binary_line(line: bytes) -> bool:
    """A line a text file would not hold: a NUL byte, or control codes where text would be."""
    return b"\x00" in line or len(_CONTROL_BYTES.findall(line)) > MAX_CONTROL_SHARE * len(line)


def is_binary_text(text: str) -> bool:
    """is_binary_line for decoded text (a CSV row)."""
    return "\x00" in text or len(_CONTROLS.findall(text)) > MAX_CONTROL_SHARE * len(text)


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes UTF-8 cannot read, read one by one as cp1252 (Latin-1 for
    the five cp1252 leaves undefined)."""
    bad = error.object[error.start:error.end]
    return "".join(_cp1252_char(byte) for byte in bad), error.end


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


codecs.register_error("dateline-cp1252", _cp1252_bytes)


def _utf8_parts(data: bytes) -> str:
    """What of `data` reads as UTF-8, the rest dropped."""
    return data.decode("utf-8-sig", errors="ignore")


def _textual(text: str, encoding: str) -> tuple[str, str] | None:
    controls = len(_CONTROLS.findall(text))
    return (text, encoding) if controls <= MAX_CONTROL_SHARE * len(text) else None


def max_file_megabytes() -> float:
    """The largest file read, in MiB: $DATELINE_MAX_FILE_MB, 200 unless set."""
    value = os.environ.get("DATELINE_MAX_FILE_MB", "")
    return float(value) if _is_number(value) else DEFAULT_MAX_FILE_MB


def _is_number(value: str) -> bool:
    try:
        return float(value) > 0
    except ValueError:
        return False


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
    source = str(path)
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


def read_file(path: Path) -> Iterator[Item]:
    """Read one file into its articles (many for .jsonl and .csv), per-record skips and notes."""
    path = Path(path)
    source = str(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield Skip(source, E002.format(suffix=path.suffix))
        return
    try:
        data = _read_bytes(path)
    except OSError as error:
        yield Skip(source, E010.format(detail=error.strerror or error))
        return
    except _Refused as error:
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
    yield from reader(path, content)


def encoding_note(source: str, encoding: str) -> Note | None:
    """The W001 note on a text that was not in a Unicode encoding; None for one that was."""
    return None if encoding in UNICODE_ENCODINGS else Note(source, W001.format(encoding=encoding))


class _Refused(Exception):
    """A file refused before it is read: over the size limit, or not a regular file."""


def special_file_kind(mode: int) -> str:
    """What a file that is not a regular one is, from its stat mode: "FIFO", "socket", ..."""
    return next((kind for is_kind, kind in SPECIAL_FILE_KINDS if is_kind(mode)), "special file")


def _read_bytes(path: Path) -> bytes:
    """The bytes of a regular file. Discovery refuses FIFOs and devices before the store is
    opened; this check closes the gap where one takes a file's place after that: the file is
    opened without blocking (a FIFO would wait for a writer) and read only if it is regular."""
    limit = max_file_megabytes()
    try:
        stream = open(path, "rb", opener=_open_without_blocking)
    except OSError:
        _refuse_special_file(path)  # a socket cannot be opened at all
        raise
    with stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise _Refused(E017.format(kind=special_file_kind(status.st_mode)))
        size = status.st_size / 2**20
        if size > limit:
            raise _Refused(E011.format(size=f"{size:.3g}", limit=f"{limit:g}"))
        os.set_blocking(stream.fileno(), True)
        return stream.read()


def _open_without_blocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))


def _refuse_special_file(path: Path) -> None:
    """Raise _Refused (E017) when `path` is a FIFO, socket or device."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise _Refused(E017.format(kind=special_file_kind(mode)))


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
