"""Inputs that used to stall or lose a run (issue 21): FIFOs and devices, unreadable paths, a CSV
with binary bytes in one row, HTML whose main text the extractor cannot find."""
import errno
import os
import random
import signal
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from dateline.ingest import discover, read_file
from dateline.ingest.body_text import body_text
from dateline.model import Article, Skip

FIFO_SKIP = "E017: not a regular file (a FIFO); only regular files are read"
PARAGRAPH = ("India sent fifty trucks of wheat to Afghanistan through Pakistan on Tuesday, the "
             "foreign ministry said in a statement.")


@contextmanager
def at_most(seconds: int):
    """Fail, rather than hang the suite, when the block takes longer than `seconds`."""
    def overdue(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, overdue)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _good(folder: Path, name: str = "good.txt") -> Path:
    path = folder / name
    path.write_text(f"date 2022-03-01\n{PARAGRAPH}\n", encoding="utf-8")
    return path


# Only regular files are read.


def test_discover_fifo_named_or_inside_a_folder_is_a_skip_at_once(tmp_path):
    named = tmp_path / "p.txt"
    os.mkfifo(named)
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "q.md")
    good = _good(folder)
    started = time.monotonic()
    with at_most(5):
        files, skips = discover([named, folder])
    assert time.monotonic() - started < 1
    assert files == [good]
    assert [(skip.source, skip.reason) for skip in skips] == [
        (str(named), FIFO_SKIP), (str(folder / "q.md"), FIFO_SKIP)]


def test_discover_device_is_a_skip_and_a_link_to_a_file_is_read(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(_good(tmp_path))
    files, skips = discover([Path(os.devnull), link])
    assert files == [link]
    assert [skip.reason for skip in skips] == [
        "E017: not a regular file (a character device); only regular files are read"]


def test_readers_fifo_put_in_place_of_a_file_is_refused_without_waiting(tmp_path):
    """Discovery runs before reading; a FIFO that takes a file's place in between must not stall
    the reader (and the store's lock with it)."""
    fifo = tmp_path / "late.txt"
    os.mkfifo(fifo)
    with at_most(5):
        items = list(read_file(fifo))
    assert items == [Skip(str(fifo), FIFO_SKIP)]


def test_readers_device_in_place_of_a_file_is_refused(tmp_path):
    link = tmp_path / "null.txt"
    link.symlink_to(os.devnull)
    with at_most(5):
        [skip] = read_file(link)
    assert skip.reason == "E017: not a regular file (a character device); only regular files are read"


# A path that cannot be looked at is a skip, not the end of the run.


def test_discover_named_path_it_cannot_stat_is_a_skip(tmp_path, monkeypatch):
    """A file inside a folder the user may not enter: stat fails with EACCES, not ENOENT."""
    hidden = tmp_path / "locked" / "a.txt"
    good = _good(tmp_path)
    real_stat = os.stat

    def stat_refusing(path, *args, **kwargs):
        if os.fspath(path) == str(hidden):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat_refusing)
    files, skips = discover([hidden, good])
    assert files == [good]
    assert [str(skip) for skip in skips] == [f"skipped {hidden}: E010: cannot read file: Permission denied"]


# A CSV loses the rows with binary bytes, not the file.


def test_readers_csv_nul_in_one_cell_loses_only_that_row(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_bytes(b"id,text\n"
                     b"1,Talks in Kabul ended on Monday.\n"
                     b"2,\"Talks in Doha \x00 ended on Tuesday.\"\n"
                     b"3,Talks in Delhi ended on Wednesday.\n")
    items = list(read_file(path))
    assert [type(item) for item in items] == [Article, Skip, Article]
    assert str(items[1]) == f"skipped {path}:3: E003: binary data, not text"
    assert [item.text for item in items if isinstance(item, Article)] == [
        "Talks in Kabul ended on Monday.", "Talks in Delhi ended on Wednesday."]


def test_readers_csv_row_of_control_codes_is_skipped_and_cp1252_kept(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_bytes("id,text\n1,\"\u201cTalks ended\u201d, the envoy said.\"\n".encode("cp1252")
                     + b"2," + bytes(range(1, 9)) * 20 + b"\n")
    note, article, skip = read_file(path)
    assert note.message == "W001: not UTF-8; decoded as cp1252"
    assert article.text == "\u201cTalks ended\u201d, the envoy said."
    assert (skip.line, skip.reason) == (3, "E003: binary data, not text")


@pytest.mark.parametrize("data", [
    random.Random(21).randbytes(20_000),  # what a zip or an image is, as far as text goes
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(1).randbytes(4_000),
    "id,text\n1,Talks in Kabul ended on Monday.\n".encode("utf-16-le"),  # no BOM: NULs everywhere
    b"id,text\n1,\x00\n2,\x00\n3,\x00\n",  # more rows binary than text
], ids=["random", "png", "utf-16-without-bom", "mostly-binary-rows"])
def test_readers_csv_of_binary_data_is_still_refused_whole(tmp_path, data):
    path = tmp_path / "renamed.csv"
    path.write_bytes(data)
    assert list(read_file(path)) == [Skip(str(path), "E003: binary data, not text")]


# HTML: the text of the body when the main-text extractor finds none.


def _page(body: str) -> str:
    return (f"<html><head><title>Aid convoy</title><style>p {{ color: red }}</style></head><body>"
            f"<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>{body}"
            f"<script>document.write('INJECTED')</script><noscript>Enable JavaScript</noscript>"
            f"<template><p>TEMPLATE</p></template><footer>Copyright Example Times</footer></body></html>")


@pytest.mark.parametrize("depth", [10_000, 100_000])
def test_readers_html_paragraph_under_deep_nesting_is_read(tmp_path, depth):
    path = tmp_path / "deep.html"
    path.write_text(_page("<div>" * depth + f"<p>{PARAGRAPH}</p>" + "</div>" * depth), encoding="utf-8")
    with at_most(30):
        [article] = read_file(path)
    assert (article.text, article.title) == (PARAGRAPH, "Aid convoy")


def test_readers_html_paragraph_beside_a_huge_attribute_is_read(tmp_path):
    """The issue's case is a 50 MB attribute; past 10 MB the extractor's parser gives up alike."""
    path = tmp_path / "wide.html"
    path.write_text(_page(f'<div data-blob="{"a" * 11 * 2**20}"></div><p>{PARAGRAPH}</p>'), encoding="utf-8")
    with at_most(30):
        [article] = read_file(path)
    assert article.text == PARAGRAPH


def test_body_text_keeps_paragraphs_and_leaves_out_what_is_not_read():
    page = _page("<article><h1>Aid &amp; trade</h1><p>India sent <b>wheat</b>.</p>"
                 "<aside>Related: more news</aside><div><span>The convoy</span>  reached\n"
                 "Jalalabad.<br>On Wednesday.</div></article>")
    assert body_text(page) == ("Aid & trade\n\nIndia sent wheat.\n\nThe convoy reached Jalalabad."
                               "\n\nOn Wednesday.")


def test_body_text_unclosed_head_hides_nothing_of_the_body():
    assert body_text(f"<html><head><title>T</title><body><p>{PARAGRAPH}") == PARAGRAPH


def test_body_text_of_a_page_with_nothing_visible_is_empty():
    assert body_text("<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>") == ""
