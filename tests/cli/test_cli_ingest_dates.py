"""`dateline ingest` on articles with no publication date: one W004 note a file and the W005
count; `--date-from-path`; the progress display on a terminal, and none when piped."""
import io
from datetime import date

from cli_runs import invoke, ok
from rich.console import Console
from samples import fake_analyzer, write_dated

from dateline import pipeline
from dateline.cli.commands_ingest import progress_display
from dateline.query import Database

TEXT = "An Indian delegation met Taliban officials in Kabul on Thursday, the ministry said."


def undated(path, text=TEXT):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_cli_ingest_dates_notes_each_undated_file_once_and_counts(tmp_path):
    folder = tmp_path / "in"
    write_dated(folder, "dated.txt", "2022-06-03", TEXT)
    undated(folder / "notebook.txt", TEXT.replace("Thursday", "Friday"))
    (folder / "feed.jsonl").write_text(
        '{"id": "a", "text": "India sent wheat to Kabul on Monday."}\n'
        '{"id": "b", "text": "India sent medicine to Kabul on Tuesday."}\n', encoding="utf-8")
    db = tmp_path / "d.duckdb"
    lines = ok("ingest", folder, "--db", db).splitlines()
    assert lines == [
        f"note {folder / 'feed.jsonl'}: W004: no publication date (2 of its articles); its "
        "relative dates stay unresolved",
        f"note {folder / 'notebook.txt'}: W004: no publication date; its relative dates stay "
        "unresolved",
        'W005: 3 of 4 new articles had no publication date; see "Preparing your files" in the '
        "README",
        "4 ingested, 0 skipped",
    ]
    # Stored already, nothing new: nothing to say again.
    assert ok("ingest", folder, "--db", db).splitlines() == ["0 ingested, 0 skipped, 4 unchanged"]


def test_cli_ingest_dates_from_path_in_each_form_and_the_file_wins(tmp_path):
    root = tmp_path / "dump"
    undated(root / "2022-06-03" / "a.txt")
    undated(root / "2022" / "06" / "04" / "b.txt", TEXT.replace("Thursday", "Friday"))
    undated(root / "20220605_c.txt", TEXT.replace("Thursday", "Saturday"))
    write_dated(root / "2022-06-06", "d.txt", "2022-05-30", TEXT.replace("Thursday", "Sunday"))
    undated(root / "2022-02-30" / "e.txt", TEXT.replace("Thursday", "Monday"))  # no such day
    db = tmp_path / "d.duckdb"
    lines = ok("ingest", root, "--db", db, "--date-from-path").splitlines()
    assert lines[-1] == "5 ingested, 0 skipped"
    assert [line for line in lines if "W00" in line] == [
        f"note {root / '2022-02-30' / 'e.txt'}: W004: no publication date; its relative dates "
        "stay unresolved",
        'W005: 1 of 5 new articles had no publication date; see "Preparing your files" in the '
        "README"]
    with Database(db) as database:
        dated = {a.source.removeprefix(str(root) + "/"): (a.published, a.published_basis)
                 for a in (database.article(h.id) for h in database.article_heads().values())}
    assert dated == {"2022-06-03/a.txt": (date(2022, 6, 3), "path"),
                     "2022/06/04/b.txt": (date(2022, 6, 4), "path"),
                     "20220605_c.txt": (date(2022, 6, 5), "path"),
                     "2022-06-06/d.txt": (date(2022, 5, 30), "dateline"),  # its own date line
                     "2022-02-30/e.txt": (None, "none")}


def test_cli_ingest_dates_path_is_not_read_without_the_flag(tmp_path):
    db = tmp_path / "d.duckdb"
    output = ok("ingest", undated(tmp_path / "2022-06-03" / "a.txt"), "--db", db)
    assert "W004" in output and "W005: 1 of 1" in output
    # Its folder names a day: the count says so, and which flag would read it.
    assert ("no publication date; 1 of them lie in a folder or file named for a day:"
            " --date-from-path would date them; see") in output
    with Database(db) as database:
        assert [h.published for h in database.article_heads().values()] == [None]


def test_cli_ingest_dates_progress_shows_each_stage_on_a_terminal(tmp_path):
    write_dated(tmp_path / "in", "a.txt", "2022-06-03", TEXT)
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=100)
    with progress_display(console) as progress:
        pipeline.ingest([tmp_path / "in"], db=tmp_path / "d.duckdb", progress=progress,
                        analyzer=fake_analyzer)
    drawn = screen.getvalue()
    assert "reading files" in drawn and "analysing articles" in drawn and "fusing events" in drawn


def test_cli_ingest_dates_no_progress_when_piped(tmp_path, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich would take it for a terminal; we do not
    write_dated(tmp_path / "in", "a.txt", "2022-06-03", TEXT)
    result = invoke("ingest", tmp_path / "in", "--db", tmp_path / "d.duckdb")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout == "1 ingested, 0 skipped\n"
    assert progress_display(None).__enter__() is None
