"""`export(..., force=True)`: an earlier export in the folder is replaced, only once the new one is
complete, and only an export's own files are touched; and where an export goes by default."""
import pytest

from dateline.errors import ExportError
from dateline.export import DEFAULT_OUT, export


def contents(folder):
    """Every file in the folder, by name, as bytes: two exports compared whole."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.mark.parametrize("fmt", ["json", "csv", "parquet"])
def test_export_force_replaces_an_earlier_export_as_a_fresh_one(db, tmp_path, fmt):
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    export(db, "json" if fmt != "json" else "csv", out)  # another format's tables, to go
    export(db, fmt, out, min_confidence=0.9, force=True)  # a smaller one, in another format
    assert {path.suffix for path in out.iterdir()} == {f".{fmt}"}  # the other format's went
    (out / f"events.{fmt}").write_text("edited by hand", encoding="utf-8")
    report = export(db, fmt, out, force=True)
    assert report.files == [str(out / name) for name in
                            (f"{table}.{fmt}" for table in ("events", "event_sources", "actors",
                                                            "mentions", "articles"))]
    export(db, fmt, fresh)
    assert contents(out) == contents(fresh)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh", "out"]  # no staging left


def test_export_without_force_still_refuses_and_says_how(db, tmp_path):
    out = tmp_path / "out"
    export(db, "csv", out)
    before = contents(out)
    with pytest.raises(ExportError, match=r"^E081: .*out exists and is not an empty folder; .*"
                                          r"or add --force to replace the export in it$"):
        export(db, "csv", out)
    assert contents(out) == before


def test_export_force_into_a_new_or_empty_folder_is_a_plain_export(db, tmp_path):
    (tmp_path / "empty").mkdir()
    assert export(db, "csv", tmp_path / "empty", force=True).rows["events"] == 3
    assert export(db, "csv", tmp_path / "new", force=True).rows["events"] == 3
    assert contents(tmp_path / "empty") == contents(tmp_path / "new")


@pytest.mark.parametrize("stranger", ["notes.txt", "events.txt", "events.csv/"])
def test_export_force_never_touches_what_no_export_writes(db, tmp_path, stranger):
    out = tmp_path / "out"
    export(db, "json", out)
    if stranger.endswith("/"):
        (out / stranger).mkdir()
    else:
        (out / stranger).write_text("mine", encoding="utf-8")
    before = {path.name for path in out.iterdir()}
    with pytest.raises(ExportError, match=f"^E067: .*out holds {stranger.rstrip('/')}, which no "
                                          "export writes; --force replaces only"):
        export(db, "csv", out, force=True)
    assert {path.name for path in out.iterdir()} == before
    assert not (out / "events.csv").is_file()


def test_export_force_onto_a_file_is_e081_and_leaves_it(db, tmp_path):
    out = tmp_path / "file.csv"
    out.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="^E081: .*file.csv exists and is not an empty folder; "
                                          "name a new or empty folder for the export$"):
        export(db, "csv", out, force=True)
    assert out.read_text(encoding="utf-8") == "x"


def test_export_force_failing_midway_keeps_the_earlier_export(db, tmp_path, fill_disk):
    out = tmp_path / "out"
    export(db, "csv", out, min_confidence=0.9)
    before = contents(out)
    written = fill_disk()
    with pytest.raises(ExportError, match="^E080: cannot write .*event_sources.csv: No space left"):
        export(db, "csv", out, force=True)
    assert written and written[0].parent != out  # it wrote beside OUT, not into it
    assert contents(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # the partial folder is gone


def test_export_without_out_goes_to_dateline_export(db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert DEFAULT_OUT == {"json": "dateline-export", "csv": "dateline-export",
                           "parquet": "dateline-export", "gdelt": "dateline-export.tsv"}
    report = export(db, "csv")
    assert report.files[0] == "dateline-export/events.csv"
    assert (tmp_path / "dateline-export" / "articles.csv").is_file()
    assert export(db, "gdelt").files == ["dateline-export.tsv"]
    assert (tmp_path / "dateline-export.tsv").is_file()
