import os
from pathlib import Path

from dateline.ingest import discover, ingest_paths
from dateline.model import Article, Skip


def _tree(root: Path) -> None:
    (root / "corpus" / "2021").mkdir(parents=True)
    (root / "corpus" / ".cache").mkdir()
    (root / "corpus" / "b.txt").write_text("date 2021-07-14\nIndia and the Taliban talked in Doha.")
    (root / "corpus" / "2021" / "a.md").write_text("The Taliban entered Kabul on Sunday.")
    (root / "corpus" / "gold.json").write_text("{}")
    (root / "corpus" / "map.png").write_bytes(b"\x89PNG\x00")
    (root / "corpus" / ".hidden.txt").write_text("Hidden notes about Kabul.")
    (root / "corpus" / ".cache" / "c.txt").write_text("Cached copy of an article.")


def test_discover_recurses_sorted_ignoring_unsupported_and_hidden(tmp_path):
    _tree(tmp_path)
    files, skips = discover([tmp_path / "corpus"])
    names = [path.relative_to(tmp_path / "corpus").as_posix() for path in files]
    assert names == ["2021/a.md", "b.txt"]
    assert skips == []


def test_discover_explicit_missing_and_unsupported_paths_are_skips(tmp_path):
    _tree(tmp_path)
    missing = tmp_path / "nope.txt"
    gold = tmp_path / "corpus" / "gold.json"
    files, skips = discover([missing, str(gold), tmp_path / "corpus" / "b.txt"])
    assert files == [tmp_path / "corpus" / "b.txt"]
    assert [skip.reason[:4] for skip in skips] == ["E001", "E002"]
    assert skips[0].source == str(missing)


def test_discover_reads_a_file_named_twice_once(tmp_path):
    _tree(tmp_path)
    files, _ = discover([tmp_path / "corpus", tmp_path / "corpus" / "b.txt"])
    assert len(files) == 2


def test_discover_ingest_paths_yields_articles_and_skips(tmp_path):
    _tree(tmp_path)
    items = list(ingest_paths([tmp_path / "corpus", tmp_path / "missing"]))
    assert [type(item) for item in items] == [Skip, Article, Article]
    assert {item.text for item in items[1:]} == {
        "India and the Taliban talked in Doha.",
        "The Taliban entered Kabul on Sunday.",
    }


def test_discover_a_folder_it_cannot_list_is_a_skip(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("text")
    real_walk = os.walk

    def walk_meeting_a_locked_folder(top, onerror=None):
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "private")))
        yield from real_walk(top, onerror=onerror)

    monkeypatch.setattr(os, "walk", walk_meeting_a_locked_folder)
    files, skips = discover([tmp_path])
    assert files == [tmp_path / "a.txt"]
    assert [str(s) for s in skips] == [f"skipped {tmp_path / 'private'}: E016: cannot list the folder: Permission denied"]
