import json
from datetime import date
from pathlib import Path

from dateline.ingest.readers import read_file
from dateline.model import Article, Note, Skip

BODY = (
    "India's external affairs minister Subrahmanyam Jaishankar met his Afghan counterpart "
    "Mohammad Haneef Atmar in Dushanbe on Tuesday, on the sidelines of an SCO meeting.\n\n"
    "The two discussed the deteriorating security situation as the Taliban seized district "
    "after district in the north of the country."
)


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _one(path: Path) -> Article | Skip:
    items = list(read_file(path))
    assert len(items) == 1, items
    return items[0]


def test_readers_txt_with_date_line_and_headline(tmp_path):
    path = _write(tmp_path, "a.txt", f" date 2021-07-14 :\n\nJaishankar meets Atmar in Dushanbe\n\n{BODY}\n")
    article = _one(path)
    assert isinstance(article, Article)
    assert article.published == date(2021, 7, 14)
    assert article.published_basis == "dateline"
    assert article.title == "Jaishankar meets Atmar in Dushanbe"
    assert article.text == BODY
    assert article.source == str(path)


def test_readers_md_without_date_is_undated(tmp_path):
    article = _one(_write(tmp_path, "b.md", BODY))
    assert (article.published, article.published_basis, article.title) == (None, "none", None)
    assert article.text == BODY


def test_readers_txt_unparsable_date_line_still_ingested_with_a_note(tmp_path):
    path = _write(tmp_path, "c.txt", f"date 2021-13-45\n{BODY}")
    note, article = read_file(path)
    assert isinstance(article, Article)
    assert (article.published, article.published_basis) == (None, "none")
    assert article.text == BODY
    assert str(note) == f"note {path}: W002: unreadable date '2021-13-45'; stored undated"


def test_readers_txt_sentence_first_line_is_not_a_title(tmp_path):
    article = _one(_write(tmp_path, "d.txt", BODY))
    assert article.title is None and article.text.startswith("India's external")


def test_readers_same_text_same_id(tmp_path):
    one = _one(_write(tmp_path, "e.txt", f"date 2021-07-14\n{BODY}"))
    two = _one(_write(tmp_path, "f.txt", BODY.replace("\n\n", "\n\n\n   ")))
    assert one.id == two.id


def test_readers_jsonl_malformed_line_is_skipped_rest_kept(tmp_path):
    lines = [
        json.dumps({"id": "w1", "title": "Taliban take Kabul", "text": BODY, "date": "2021-08-15",
                    "url": "https://wire.example/w1", "outlet": "Wire"}),
        '{"id": "w2", "text": "broken',
        json.dumps({"id": "w3", "title": "No body", "text": "  "}),
        "",
        json.dumps({"text": "India sent wheat to Afghanistan via Pakistan.", "published": "not a date"}),
    ]
    path = _write(tmp_path, "wire-feed.jsonl", "\n".join(lines) + "\n")
    first, broken, empty, note, last = read_file(path)
    assert isinstance(first, Article)
    assert first.source == f"{path}#w1"
    assert (first.title, first.outlet, first.url) == ("Taliban take Kabul", "Wire", "https://wire.example/w1")
    assert (first.published, first.published_basis) == (date(2021, 8, 15), "record")
    assert isinstance(broken, Skip) and broken.line == 2 and broken.reason.startswith("E004")
    assert f"{path}:2" in str(broken)
    assert isinstance(empty, Skip) and empty.line == 3 and empty.reason.startswith("E005")
    assert last.source == f"{path}#line-5"
    assert (last.published, last.published_basis) == (None, "none")
    assert isinstance(note, Note) and str(note).startswith(f"note {path}:5: W002")


def test_readers_jsonl_text_repeating_title_drops_it(tmp_path):
    record = {"id": 7, "title": "Taliban take Kabul", "text": f"Taliban take Kabul\n{BODY}"}
    article = _one(_write(tmp_path, "g.jsonl", json.dumps(record)))
    assert article.source.endswith("#7") and article.text == BODY


def test_readers_csv_records_and_multiline_fields(tmp_path):
    content = (
        "id,title,text,published,outlet\n"
        f'c1,Talks in Dushanbe,"{BODY}",July 14 2021,The Hindu\n'
        "c2,Empty,,2021-08-01,X\n"
    )
    article, skip = read_file(_write(tmp_path, "h.csv", content))
    assert article.text == BODY and article.outlet == "The Hindu"
    assert (article.published, article.published_basis) == (date(2021, 7, 14), "record")
    assert isinstance(skip, Skip) and skip.line == 5 and skip.reason.startswith("E005")


def test_readers_csv_without_text_column_is_skipped(tmp_path):
    skip = _one(_write(tmp_path, "i.csv", "id,body\n1,hello\n"))
    assert isinstance(skip, Skip) and skip.reason.startswith("E007")


def test_readers_html_main_text_and_metadata(tmp_path):
    html = f"""<html><head><title>Site title</title>
    <meta property="og:title" content="Jaishankar meets Atmar">
    <meta property="og:site_name" content="Example Times">
    <meta property="article:published_time" content="2021-07-14T08:00:00+05:30">
    </head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
    <article><h1>Jaishankar meets Atmar</h1>
    {"".join(f"<p>{p}</p>" for p in BODY.split(chr(10) * 2))}
    <p>Share this article</p></article>
    <footer>Copyright 2021 Example Times. All rights reserved.</footer></body></html>"""
    article = _one(_write(tmp_path, "j.html", html))
    assert article.text == BODY
    assert (article.title, article.outlet) == ("Jaishankar meets Atmar", "Example Times")
    assert (article.published, article.published_basis) == (date(2021, 7, 14), "metadata")


def test_readers_html_date_never_from_url_or_body(tmp_path):
    html = f"""<html><head><meta property="og:url" content="https://x.example/2021/07/14/talks">
    </head><body><article><p>Published on July 14, 2021.</p>
    {"".join(f"<p>{p}</p>" for p in BODY.split(chr(10) * 2))}</article></body></html>"""
    article = _one(_write(tmp_path, "k.htm", html))
    assert (article.published, article.published_basis) == (None, "none")


def test_readers_html_without_text_is_skipped(tmp_path):
    skip = _one(_write(tmp_path, "l.html", "<html><head><script>var x = 1;</script></head><body></body></html>"))
    assert isinstance(skip, Skip) and skip.reason.startswith("E006")


def test_readers_binary_is_skipped(tmp_path):
    png = _one(_write(tmp_path, "m.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    # No NUL byte, but control codes everywhere: not text in any encoding.
    noise = _one(_write(tmp_path, "m2.md", bytes(range(1, 9)) * 50 + b"Kabul"))
    assert png.reason == noise.reason == "E003: binary data, not text"


def _decoded(tmp_path: Path, name: str, data: bytes) -> tuple[Article, str]:
    note, article = read_file(_write(tmp_path, name, data))
    assert isinstance(note, Note) and isinstance(article, Article), (note, article)
    return article, note.message


def test_readers_latin1_and_cp1252_are_decoded_with_a_note(tmp_path):
    text = "Caf\u00e9 talks in Kabul ended on Tuesday, the minister said."
    latin1, latin1_note = _decoded(tmp_path, "n.txt", text.encode("latin-1"))
    quoted = "\u201cWe will return,\u201d the envoy said \u2013 in Doha."
    cp1252, cp1252_note = _decoded(tmp_path, "n2.txt", quoted.encode("cp1252"))
    assert (latin1.text, latin1_note) == (text, "W001: not UTF-8; decoded as Latin-1")
    assert (cp1252.text, cp1252_note) == (quoted, "W001: not UTF-8; decoded as cp1252")


def test_readers_utf8_with_a_stray_cp1252_byte_keeps_its_utf8(tmp_path):
    data = "Jaishankar met Muttaqi in Kabul \u2014 a first.".encode() + b" \x93Historic\x94, he said."
    article, note = _decoded(tmp_path, "n3.txt", data)
    assert article.text == "Jaishankar met Muttaqi in Kabul \u2014 a first. \u201cHistoric\u201d, he said."
    assert note == "W001: not UTF-8; decoded as UTF-8 with stray cp1252 bytes"


def test_readers_utf16_with_bom_is_read(tmp_path):
    article = _one(_write(tmp_path, "n4.txt", ("date 2021-07-14\n" + BODY).encode("utf-16")))
    assert article.published == date(2021, 7, 14) and article.text == BODY


def test_readers_file_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:  # sparse: 201 MiB that take no disk
        stream.truncate(201 * 1024 * 1024)
    skip = _one(path)
    assert skip.reason == ("E011: the file is 201 MiB, over the limit of 200 MiB for one file; "
                           "split it, or raise $DATELINE_MAX_FILE_MB")
    monkeypatch.setenv("DATELINE_MAX_FILE_MB", "0.0001")
    small = _one(_write(tmp_path, "small.txt", BODY))
    assert small.reason.startswith("E011: the file is 0.000283 MiB, over the limit of 0.0001 MiB")


def test_readers_text_too_long_for_one_article_is_skipped(tmp_path):
    long_text = ("The talks went on. " * 60_000).strip()
    skip = _one(_write(tmp_path, "long.txt", long_text))
    assert skip.reason == f"E012: the text is {len(long_text):,} characters long, over the limit of 1,000,000 for one article"


def test_readers_record_with_unreadable_date_is_noted_by_line(tmp_path):
    lines = [json.dumps({"id": "a", "text": BODY, "date": "2021-07-14"}),
             json.dumps({"id": "b", "text": BODY + " More.", "date": "soon"})]
    path = _write(tmp_path, "dates.jsonl", "\n".join(lines))
    first, note, second = read_file(path)
    assert first.published == date(2021, 7, 14) and second.published is None
    assert str(note) == f"note {path}:2: W002: unreadable date 'soon'; stored undated"


def test_readers_utf8_bom_is_read(tmp_path):
    article = _one(_write(tmp_path, "o.txt", b"\xef\xbb\xbfdate 2021-07-14\n" + BODY.encode()))
    assert article.published == date(2021, 7, 14) and article.text == BODY


def test_readers_empty_after_cleaning_is_skipped(tmp_path):
    skip = _one(_write(tmp_path, "p.txt", "date 2021-07-14\n\nSubscribe to our newsletter\nADVERTISEMENT\n"))
    assert isinstance(skip, Skip) and skip.reason.startswith("E008")
    assert _one(_write(tmp_path, "q.txt", "")).reason.startswith("E008")


def test_readers_unreadable_path_and_unknown_suffix_are_skips(tmp_path):
    folder = tmp_path / "looks-like.txt"
    folder.mkdir()
    assert _one(folder).reason.startswith("E010")
    assert _one(_write(tmp_path, "notes.docx", "x")).reason.startswith("E002")


def test_readers_prompt_above_headline_does_not_hide_it(tmp_path):
    content = f"Date: July 14, 2021\nADVERTISEMENT\nIndia, Afghanistan discuss security\n{BODY}"
    article = _one(_write(tmp_path, "r.txt", content))
    assert article.title == "India, Afghanistan discuss security"
    assert article.text == BODY


def test_readers_md_heading_becomes_title(tmp_path):
    article = _one(_write(tmp_path, "s.md", f"date: 2021-08-15\n# Taliban enter Kabul\n\n{BODY}"))
    assert article.title == "Taliban enter Kabul" and article.text == BODY


def test_readers_jsonl_line_separator_inside_string_is_one_record(tmp_path):
    record = json.dumps({"id": "u", "text": "Kabul fell.\u2028The president fled."}, ensure_ascii=False)
    article = _one(_write(tmp_path, "t.jsonl", record + "\r\n"))
    assert isinstance(article, Article) and article.text == "Kabul fell.\nThe president fled."


def test_readers_txt_section_label_under_headline_is_dropped(tmp_path):
    content = f"date 2022-02-23\nWheat convoy leaves Attari | Frontier Times\nFrontier Times | South Asia desk\n\n{BODY}"
    article = _one(_write(tmp_path, "u.txt", content))
    assert article.title == "Wheat convoy leaves Attari | Frontier Times"
    assert article.text == BODY
