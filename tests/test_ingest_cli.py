"""`dateline ingest` with the real stages on bad input: clear skips, the rest stored, nothing twice."""
import errno
import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.query import Database

GOOD = (" date 2022-06-03 :\nIndian team meets Taliban minister\n\n"
        "An Indian delegation met acting foreign minister Amir Khan Muttaqi in Kabul on Thursday, "
        "the Taliban's foreign ministry said. \"We discussed humanitarian aid,\" Muttaqi said.\n")


def test_ingest_cli_reports_each_bad_input_and_keeps_the_rest(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00")
    record = {"id": "r1", "title": "Aid", "date": "2021-12-13", "outlet": "Wire",
              "text": "India delivered medicines to Kabul on Saturday, officials said."}
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n{not json\n", encoding="utf-8")
    db = tmp_path / "d.duckdb"

    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith(f"skipped {folder / 'binary.txt'}: E003") for line in lines), lines
    assert any(line.startswith(f"skipped {folder / 'feed.jsonl'}:2: E004") for line in lines), lines
    assert lines[-1] == "2 ingested, 2 skipped"
    with Database(db) as database:
        stats = database.stats()
        assert stats["articles"] == 2
        assert any(e.type == "AID" and str(e.date) == "2021-12-11" for e in database.events())

    again = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert again.output.splitlines()[-1] == "0 ingested, 2 skipped, 2 unchanged"
    with Database(db) as database:
        assert database.stats() == stats


def test_ingest_cli_missing_path_is_one_clear_line_and_fails(tmp_path):
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "d.duckdb")])
    assert result.exit_code == 1
    assert "E001" in result.stdout
    assert result.stdout.splitlines()[-1] == "0 ingested, 1 skipped"
    assert result.stderr == "E014: nothing was ingested: no article could be read\n"


def test_ingest_cli_folder_of_only_bad_files_fails(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "d.duckdb")])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "0 ingested, 2 skipped"


def test_ingest_cli_unexpected_error_is_one_line_without_traceback(tmp_path, monkeypatch):
    from dateline import pipeline

    def broken(*args, **kwargs):
        raise ValueError("a bug of ours\nsecond line")

    monkeypatch.setattr(pipeline, "ingest", broken)
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(tmp_path / "d.duckdb")])
    assert result.exit_code == 2
    assert result.stderr == ("E099: unexpected error (ValueError: a bug of ours); "
                             "set DATELINE_DEBUG=1 to see where it happened\n")
    assert "Traceback" not in result.output


BODY = ("Pakistan reopened the Torkham border crossing with Afghanistan on Monday after talks "
        "between officials of both sides, traders said.")


def _bad_inputs(folder):
    """A folder with one of each kind of bad input beside three good articles."""
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_text("")
    (folder / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "latin1.txt").write_bytes(
        ("date 2022-03-01\nTalks in Bras\u00edlia\n\nBrazil hosted envoys of India and "
         "Afghanistan in Bras\u00edlia on Monday, the ministry said.").encode("latin-1"))
    (folder / "windows.txt").write_bytes(
        ("date 2022-03-02\n\u201cWe will reopen the road,\u201d a Taliban spokesman said on "
         "Tuesday \u2013 after India asked for the wheat convoys to pass.").encode("cp1252"))
    with (folder / "huge.txt").open("wb") as stream:
        stream.truncate(201 * 1024 * 1024)  # sparse: over the limit, taking no disk
    records = [json.dumps({"id": "ok", "text": BODY, "date": "2022-03-07"}),
               '{"id": "cut", "text": "Pakistan',
               json.dumps({"id": "when", "text": BODY.replace("Monday", "Friday"), "date": "someday"})]
    (folder / "feed.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    (folder / "table.csv").write_text('id,text\n1,"Talks in Kabul ended on Monday."\n2,three,fields\n'
                                      '3,"never closed\n', encoding="utf-8")
    (folder / "page.html").write_text(
        "<html><head><title>Aid convoy</title><script>alert('head')</script></head><body><article>"
        "<h1>Aid convoy</h1><script>document.write('<p>INJECTED</p>')</script>"
        "<p>India sent fifty trucks of wheat to Afghanistan through Pakistan on Tuesday, the "
        "foreign ministry said in a statement.</p><p>The convoy reached Jalalabad on Wednesday "
        "after crossing at Wagah and Torkham.</p></article></body></html>", encoding="utf-8")
    (folder / "date.txt").write_text("date 2021-02-30\n" + BODY.replace("Monday", "Sunday"), encoding="utf-8")


def test_ingest_cli_every_kind_of_bad_input_gets_one_line_and_the_rest_goes_in(tmp_path):
    folder = tmp_path / "in"
    _bad_inputs(folder)
    db = tmp_path / "d.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    lines = result.stdout.splitlines()
    expected_starts = [
        f"note {folder / 'date.txt'}: W002: unreadable date '2021-02-30'; stored undated",
        f"note {folder / 'feed.jsonl'}:3: W002: unreadable date 'someday'; stored undated",
        f"note {folder / 'latin1.txt'}: W001: not UTF-8; decoded as Latin-1",
        f"note {folder / 'windows.txt'}: W001: not UTF-8; decoded as cp1252",
        f"skipped {folder / 'binary.md'}: E003: binary data, not text",
        f"skipped {folder / 'empty.txt'}: E008",
        f"skipped {folder / 'feed.jsonl'}:2: E004: malformed JSON",
        f"skipped {folder / 'huge.txt'}: E011: the file is 201 MiB, over the limit of 200 MiB",
        f"skipped {folder / 'table.csv'}:3: E007: malformed CSV: 3 fields where the header has 2",
        f"skipped {folder / 'table.csv'}:4: E007: malformed CSV: unexpected end of data",
        # The articles stored with no publication date: one note a file, and their count (W005).
        f"note {folder / 'date.txt'}: W004: no publication date;",
        f"note {folder / 'feed.jsonl'}: W004: no publication date;",
        f"note {folder / 'page.html'}: W004: no publication date;",
        f"note {folder / 'table.csv'}: W004: no publication date;",
        "W005: 4 of 8 new articles had no publication date",
    ]
    for start in expected_starts:
        assert sum(line.startswith(start) for line in lines) == 1, (start, lines)
    assert len(lines) == len(expected_starts) + 1
    # good, latin1, windows, page, date, and the two good records and one good row
    assert lines[-1] == "8 ingested, 6 skipped"
    with Database(db) as database:
        texts = {a.source.rsplit("/", 1)[-1]: a.text for a in database.articles()}
        assert "Bras\u00edlia" in texts["latin1.txt"]
        assert "\u201cWe will reopen the road,\u201d" in texts["windows.txt"]
        assert "INJECTED" not in texts["page.html"] and "alert" not in texts["page.html"]
        assert database.stats()["articles"] == 8


def test_ingest_cli_control_codes_never_reach_the_terminal(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    record = {"id": "x\x1b]0;owned\x07", "title": "\x1b[2JAid \u202eyalp\u202c convoy",
              "outlet": "Wire\x1b[0m", "date": "2022-02-22",
              "text": "India sent \x1b[31mwheat\x1b[0m to Afghanistan on Tuesday\x07, officials said."}
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (folder / "evil\x1b[2J.txt").write_text("")
    db = str(tmp_path / "d.duckdb")
    ingested = CliRunner().invoke(main, ["ingest", str(folder), "--db", db])
    assert ingested.exit_code == 0, ingested.output
    assert f"skipped {folder}/evil\\x1b[2J.txt: E008" in ingested.stdout
    shown = [CliRunner().invoke(main, [*command, "--db", db]).output
             for command in (["timeline"], ["events"], ["events", "--format", "json"], ["actors"])]
    for output in [ingested.output, *shown]:
        assert not any(char in output for char in "\x1b\x07\u202e\u202c"), output
    with Database(db) as database:
        [article] = database.articles()
    assert (article.title, article.outlet) == ("[2JAid yalp convoy", "Wire[0m")
    assert article.text == "India sent [31mwheat[0m to Afghanistan on Tuesday, officials said."
    assert article.source == f"{folder}/feed.jsonl#x]0;owned"


def test_ingest_cli_fifo_named_or_in_a_folder_is_skipped_and_the_rest_goes_in(tmp_path):
    """A FIFO once hung the run forever, holding the database's lock (issue 21)."""
    fifo = tmp_path / "p.txt"
    os.mkfifo(fifo)
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "q.md")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    db = tmp_path / "d.duckdb"
    # In a process of its own: a hang fails this test instead of stalling the suite.
    result = subprocess.run([sys.executable, "-m", "dateline.cli", "ingest", str(fifo),
                             str(tmp_path / "good.txt"), str(folder), "--db", str(db)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"skipped {fifo}: E017: not a regular file (a FIFO); only regular files are read",
        f"skipped {folder / 'q.md'}: E017: not a regular file (a FIFO); only regular files are read",
        "1 ingested, 2 skipped",
    ]
    with Database(db) as database:
        assert database.stats()["articles"] == 1


@pytest.fixture
def lock(monkeypatch):
    """chmod 000 a path. Root reads such a path all the same, so when the tests run as root the
    calls a user would have refused on it (access, open, listing) are refused likewise."""
    locked: list[str] = []

    def refusing(call):
        def call_unless_locked(path, *args, **kwargs):
            if isinstance(path, (str, os.PathLike)) and os.path.abspath(path) in locked:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
            return call(path, *args, **kwargs)
        return call_unless_locked

    if os.geteuid() == 0:
        for name in ("open", "scandir"):
            monkeypatch.setattr(os, name, refusing(getattr(os, name)))
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda path, mode, **kwargs: (
            os.path.abspath(path) not in locked and real_access(path, mode, **kwargs)))

    def lock_path(path):
        path.chmod(0)
        locked.append(os.path.abspath(path))

    yield lock_path
    for path in locked:
        os.chmod(path, 0o755)


def test_ingest_cli_unreadable_file_or_folder_named_is_a_skip_and_the_rest_goes_in(tmp_path, lock):
    """Named on the command line, these once ended the run (exit 2) with nothing ingested."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked.txt").write_text(GOOD.replace("Thursday", "Friday"), encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(GOOD.replace("Thursday", "Monday"), encoding="utf-8")
    lock(tmp_path / "locked.txt")
    lock(tmp_path / "locked")
    db = tmp_path / "d.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "locked.txt"), str(tmp_path / "locked"),
                                       str(tmp_path / "good.txt"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"skipped {tmp_path / 'locked'}: E016: cannot list the folder: Permission denied",
        f"skipped {tmp_path / 'locked.txt'}: E010: cannot read file: Permission denied",
        "1 ingested, 2 skipped",
    ]
    with Database(db) as database:
        assert [article.source for article in database.articles()] == [str(tmp_path / "good.txt")]


@pytest.mark.parametrize("date_line", [" date 2021-07-14 : ", " date 2021-07-14 "])
def test_ingest_reads_a_date_line_followed_by_the_first_sentence(tmp_path, date_line):
    text = (date_line + "External affairs minister S Jaishankar and his Afghan counterpart Mohammad Haneef "
            "Atmar on Tuesday discussed the security situation in Dushanbe.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "d.duckdb"

    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", str(db)])

    assert result.exit_code == 0, result.output
    with Database(db) as database:
        [article] = database.articles()
        assert str(article.published) == "2021-07-14"
        assert article.text.startswith("External affairs minister")
        consult = [e for e in database.events() if e.type == "CONSULT"]
        assert consult and all(str(e.date) == "2021-07-13" for e in consult)


def test_an_undated_article_keeps_the_days_its_words_give(tmp_path):
    (tmp_path / "a.txt").write_text(
        "External affairs minister S Jaishankar met Afghan foreign minister Amir Khan Muttaqi in Kabul "
        "during the November 4-5 visit.\n", encoding="utf-8")
    db = tmp_path / "d.duckdb"
    assert CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", str(db)]).exit_code == 0

    timeline = CliRunner().invoke(main, ["timeline", "--db", str(db)])
    events = json.loads(CliRunner().invoke(main, ["events", "--db", str(db), "--format", "json"]).output)

    assert "4-5 November (year not stated)" in timeline.output, timeline.output
    assert {e["date_value"] for e in events if e["type"] == "CONSULT"} == {"XXXX-11-04/XXXX-11-05"}
    assert all(e["date"] is None for e in events)
