"""`dateline ingest` with the real stages on bad input: clear skips, the rest stored, nothing twice."""
import json

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
