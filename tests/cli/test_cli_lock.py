"""Two ingests into one database, however each names it: the second is told to wait (E050)."""
from click.testing import CliRunner

from dateline.cli import main
from dateline.store import Store


def test_cli_lock_second_ingest_through_a_symlink_gets_e050(tmp_path, monkeypatch):
    # Regression: `dateline ingest --db link.duckdb` took a lock of its own beside the link and
    # wrote while another ingest held the real file; it died with "Duplicate key".
    (tmp_path / "data").mkdir()
    (tmp_path / "link.duckdb").symlink_to(tmp_path / "data" / "d.duckdb")
    (tmp_path / "a.txt").write_text("India met Nepal in Delhi on Monday.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with Store("data/d.duckdb"):  # the first ingest, still writing
        result = CliRunner().invoke(main, ["ingest", "a.txt", "--db", "link.duckdb"])
    assert result.exit_code == 1
    assert result.output.startswith("E050: another ingest is writing to link.duckdb")
