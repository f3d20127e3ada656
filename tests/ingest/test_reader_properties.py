"""Properties of the readers on any input: they raise nothing, and everything they yield is an
Article, a Skip or a Note with well-formed fields; a JSONL or CSV file gives one Article or Skip
per record (a Note may come before it).

Inputs are arbitrary text and bytes, and files built from records of arbitrary values (some lines
corrupted) so that the record parsers actually run.
"""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.ingest.readers import read_csv, read_file, read_html, read_jsonl, read_plain_text
from dateline.model import PUBLISHED_BASES, Article, Note, Skip

FAST = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
# trafilatura takes tens of milliseconds a page.
SLOW = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RECORD_FIELDS = ("id", "text", "title", "date", "published", "url", "outlet")
# Blank lines separate nothing in a JSONL file; readers split lines on \n, \r\n and \r only.
JSONL_LINES = re.compile(r"\r\n?|\n")


# Well-formedness.


def is_one_line(value: str) -> bool:
    return len(value.splitlines()) == 1 and value == value.strip()


def assert_article(article: Article) -> None:
    assert isinstance(article.id, str) and article.id, article
    assert isinstance(article.source, str) and article.source, article
    assert isinstance(article.text, str) and article.text.strip(), article
    for field in (article.title, article.outlet, article.url):
        assert field is None or (isinstance(field, str) and field and is_one_line(field)), article
    assert article.published is None or type(article.published) is date, article
    assert article.published_basis in PUBLISHED_BASES, article
    assert (article.published is None) == (article.published_basis == "none"), article


def assert_line(line: int | None) -> None:
    assert line is None or (type(line) is int and line >= 1), line


def assert_item(item) -> None:
    if isinstance(item, Article):
        assert_article(item)
    elif isinstance(item, Skip):
        assert re.match(r"E0\d\d: ", item.reason) and is_one_line(item.reason), item
        assert_line(item.line)
    else:
        assert isinstance(item, Note), item
        assert re.match(r"W0\d\d: ", item.message) and is_one_line(item.message), item
        assert_line(item.line)


def read_all(reader, name: str, content: str) -> list:
    items = list(reader(Path(name), content))
    for item in items:
        assert_item(item)
    return items


def outcomes(items: list) -> list:
    """The Articles and Skips: one per record, whatever notes come with them."""
    return [item for item in items if not isinstance(item, Note)]


# Strategies.

# Any JSON value a record field might hold, from the expected string to a nested list.
JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text())
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=5)
# Values that look like what a news record holds, so that some records are read through.
DATE_LIKE = st.one_of(st.dates().map(str), st.dates().map(lambda d: d.strftime("%B %d, %Y")),
                      st.sampled_from(["2021-13-45", "31/02/2021", "July 14 2021", "not a date", ""]))
TEXT_LIKE = st.one_of(st.text(), st.sampled_from(["India and Afghanistan held talks on Tuesday.",
                                                  "Subscribe to our newsletter", "  ", "\u2028"]))
FIELD_VALUES = {
    "id": st.one_of(st.text(max_size=8), st.integers()),
    "text": TEXT_LIKE,
    "title": st.text(max_size=40),
    "date": DATE_LIKE,
    "published": DATE_LIKE,
    "url": st.text(max_size=40),
    "outlet": st.text(max_size=20),
}


@st.composite
def records(draw) -> dict:
    """A record with some of the usual fields, each a likely value or any JSON value."""
    record = {}
    for field in draw(st.lists(st.sampled_from(RECORD_FIELDS), unique=True)):
        record[field] = draw(st.one_of(FIELD_VALUES[field], JSON_VALUES))
    return record


CORRUPT_LINES = st.one_of(
    st.text().map(lambda text: JSONL_LINES.sub(" ", text)),
    st.sampled_from(['{"text": "broken', "[1, 2]", '"a string"', "null", "{", "}", "1e400", "1" * 5000]),
)


@st.composite
def jsonl_files(draw) -> str:
    """Records as JSON lines, mixed with blank and corrupted lines and any line ending."""
    lines = []
    for kind in draw(st.lists(st.sampled_from(["record", "record", "blank", "corrupt", "truncated"]), max_size=8)):
        if kind == "blank":
            lines.append(draw(st.sampled_from(["", "   ", "\t"])))
        elif kind == "corrupt":
            lines.append(draw(CORRUPT_LINES))
        else:
            line = json.dumps(draw(records()), ensure_ascii=draw(st.booleans()))
            lines.append(line[:draw(st.integers(0, len(line) - 1))] if kind == "truncated" else line)
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)


@st.composite
def csv_files(draw) -> tuple[str, int]:
    """A well-formed CSV file (header with a text column, rows of any strings) and how many of its
    rows hold a non-blank cell."""
    extra = draw(st.lists(st.sampled_from([*RECORD_FIELDS, "body", " Text ", ""]), max_size=4))
    header = draw(st.permutations(["text", *extra]))
    rows = draw(st.lists(st.lists(st.one_of(st.text(), TEXT_LIKE, DATE_LIKE), min_size=0,
                                  max_size=len(header) + 1), max_size=6))
    buffer = io.StringIO(newline="")
    # The writer quotes a field holding only the characters of its own line terminator: with "\n"
    # a bare "\r" would end the record, so that terminator needs every field quoted.
    terminator, quoting = draw(st.sampled_from([("\r\n", csv.QUOTE_MINIMAL), ("\r\n", csv.QUOTE_ALL),
                                                ("\n", csv.QUOTE_ALL)]))
    writer = csv.writer(buffer, lineterminator=terminator, quoting=quoting)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue(), sum(any(cell.strip() for cell in row) for row in rows)


PAGE_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


@st.composite
def html_pages(draw) -> str:
    """A page with metadata and paragraphs of any text (markup characters included)."""
    paragraphs = "".join(f"<p>{draw(st.one_of(PAGE_TEXT, TEXT_LIKE))}</p>" for _ in range(draw(st.integers(0, 4))))
    return (f"<html><head><title>{draw(PAGE_TEXT)}</title>"
            f'<meta property="og:title" content="{draw(PAGE_TEXT)}">'
            f'<meta property="og:site_name" content="{draw(PAGE_TEXT)}">'
            f'<meta property="og:url" content="{draw(PAGE_TEXT)}">'
            f'<meta property="article:published_time" content="{draw(DATE_LIKE)}">'
            f'<script type="application/ld+json">{draw(st.one_of(PAGE_TEXT, JSON_VALUES.map(json.dumps)))}</script>'
            f"</head><body><article><time datetime=\"{draw(DATE_LIKE)}\"></time>{paragraphs}"
            f"{draw(PAGE_TEXT)}</article></body></html>")


# Markup fragments, broken ones included, for pages that stress the HTML parsers.
MARKUP_TOKENS = ["<", ">", "!", "/", "-", "?", "&", "#", ";", "[", "]", '"', "'", "=", " ", "\n", "<![CDATA[", "<!--",
                 "-->", "<p>", "</p>", "<article>", "</article>", "<title>", "</title>", "<![", "<![if", "<!DOCTYPE",
                 "<?xml", '<script type="application/ld+json">', "</script>", '<meta property="og:title" content="',
                 '<time datetime="', "&#x", "&#", "99999999999;", "Kabul fell on Tuesday. "]
MARKUP = st.lists(st.sampled_from(MARKUP_TOKENS), max_size=40).map("".join)


@st.composite
def plain_texts(draw) -> str:
    """A date line, a headline and a body, each optional and of any text."""
    date_line = draw(st.one_of(st.just(""), DATE_LIKE.map(lambda value: f"date: {value}\n")))
    headline = draw(st.one_of(st.just(""), st.text(max_size=40).map(lambda text: f"# {text}\n")))
    return date_line + headline + draw(st.one_of(st.text(), TEXT_LIKE))


# Properties.


@FAST
@given(content=st.one_of(st.text(), plain_texts()), suffix=st.sampled_from([".txt", ".md"]))
def test_reader_properties_plain_text_gives_one_article_or_skip(content, suffix):
    assert len(outcomes(read_all(read_plain_text, f"x{suffix}", content))) == 1


@FAST
@given(content=st.text())
def test_reader_properties_jsonl_takes_any_text(content):
    read_all(read_jsonl, "x.jsonl", content)


@FAST
@given(content=jsonl_files())
def test_reader_properties_jsonl_gives_one_article_or_skip_per_line(content):
    items = read_all(read_jsonl, "x.jsonl", content)
    numbered = [number for number, line in enumerate(JSONL_LINES.split(content), 1) if line.strip()]
    assert len(outcomes(items)) == len(numbered)
    skipped = [item.line for item in items if isinstance(item, Skip)]
    assert set(skipped) <= set(numbered) and skipped == sorted(skipped)


@FAST
@given(content=st.text())
def test_reader_properties_csv_takes_any_text(content):
    read_all(read_csv, "x.csv", content)


@FAST
@given(file=csv_files())
def test_reader_properties_csv_gives_one_article_or_skip_per_record(file):
    content, records_with_cells = file
    assert len(outcomes(read_all(read_csv, "x.csv", content))) == records_with_cells


@SLOW
@given(content=st.one_of(st.text(max_size=200), html_pages(), MARKUP))
def test_reader_properties_html_takes_any_page(content):
    assert len(outcomes(read_all(read_html, "x.html", content))) == 1


# Regressions the properties found.


def test_reader_properties_html_with_a_nameless_marked_section_is_read():
    """CPython's HTML parser raised AssertionError on "<![ x" and failed the whole ingest."""
    page = ('<html><head><meta property="og:title" content="Kabul falls"></head><body><article>'
            "<p>Kabul fell on Tuesday. The president fled the country.</p><![ x</article></body></html>")
    [article] = read_all(read_html, "x.html", page)
    assert isinstance(article, Article) and article.title == "Kabul falls"
    assert article.text.startswith("Kabul fell on Tuesday.")


@FAST
@given(data=st.one_of(st.binary(), st.text().map(lambda t: t.encode("utf-8", "surrogatepass")),
                      st.text(alphabet=st.characters(max_codepoint=0xFF)).map(lambda t: t.encode("latin-1"))),
       suffix=st.sampled_from([".txt", ".md", ".jsonl", ".csv"]))
def test_reader_properties_read_file_takes_any_bytes(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("bytes") / f"x{suffix}"
    path.write_bytes(data)
    for item in read_file(path):
        assert_item(item)
        assert item.source.startswith(str(path))
