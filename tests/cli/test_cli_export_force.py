"""`dateline export --force` replaces an earlier export, and `dateline export` without OUT writes
./dateline-export, over real DuckDB files."""
from cli_runs import invoke, ok


def contents(folder):
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_cli_export_force_overwrites_as_a_fresh_export(db, tmp_path):
    out = tmp_path / "out"
    ok("export", out, "--format", "csv", "--db", db, "--min-confidence", "0.9")
    again = invoke("export", out, "--format", "csv", "--db", db)
    assert again.exit_code == 1
    assert again.output == (f"E081: {out} exists and is not an empty folder; name a new or empty "
                            "folder for the export, or add --force to replace the export in it\n")
    printed = ok("export", out, "--format", "csv", "--db", db, "--force")
    assert printed.splitlines()[0] == f"wrote {out / 'events.csv'}"
    ok("export", tmp_path / "fresh", "--format", "csv", "--db", db)
    assert contents(out) == contents(tmp_path / "fresh")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    kept = invoke("export", out, "--format", "csv", "--db", db, "--force")
    assert kept.exit_code == 1 and kept.output.startswith(f"E067: {out} holds notes.txt, which")
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_cli_export_without_out_writes_dateline_export(db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    printed = ok("export", "--format", "json", "--db", db)
    assert printed.splitlines()[0] == "wrote dateline-export/events.json"
    assert (tmp_path / "dateline-export" / "events.json").is_file()
