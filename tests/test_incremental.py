"""Fusion is incremental and order-free: the sample corpus ingested file by file, newest first,
ends in the same events, sources, dates, stories and near-duplicates as one ingest of it all."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.pipeline import ingest
from dateline.cli import main
from dateline.ingest import discover

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def cli_json(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def snapshot(db: Path) -> dict:
    events = sorted(cli_json("events", "--db", db, "--format", "json"), key=lambda e: e["id"])
    stories = cli_json("stories", "--db", db, "--format", "json")
    stats = cli_json("stats", "--db", db, "--format", "json")
    return {"events": events, "stories": stories, "stats": stats}


@pytest.fixture(scope="module")
def at_once(tmp_path_factory):
    db = tmp_path_factory.mktemp("once") / "dateline.duckdb"
    ingest([CORPUS], db=db)
    return snapshot(db)


def test_incremental_reverse_file_by_file_equals_all_at_once(at_once, tmp_path):
    db = tmp_path / "dateline.duckdb"
    files, _ = discover([CORPUS])
    assert len(files) > 30
    for path in reversed(files):
        ingest([path], db=db)
    one_by_one = snapshot(db)
    assert one_by_one["stats"] == at_once["stats"]
    assert one_by_one["stories"] == at_once["stories"]
    assert one_by_one["events"] == at_once["events"]


def test_incremental_a_second_batch_refuses_only_what_it_reaches(tmp_path):
    """A later batch leaves the fused events it cannot reach exactly as they were stored."""
    db = tmp_path / "dateline.duckdb"
    files, _ = discover([CORPUS])
    early = [f for f in files if f.name.startswith("2021-07")]
    late = [f for f in files if f.name.startswith("2024-11")]
    ingest(early, db=db)
    before = {e["id"]: e for e in cli_json("events", "--db", db, "--format", "json")}
    ingest(late, db=db)
    after = {e["id"]: e for e in cli_json("events", "--db", db, "--format", "json")}
    assert len(after) > len(before)
    assert all(after[event_id] == event for event_id, event in before.items())


def test_incremental_stories_and_dates_are_shown(at_once):
    stories = at_once["stories"]
    assert stories and all(s["label"] and s["articles"] for s in stories)
    by_article = {a: s["id"] for s in stories for a in s["articles"]}
    dushanbe = next(e for e in at_once["events"] if e["type"] == "CONSULT" and e["location"]
                    and e["location"]["name"] == "Dushanbe" and len({s["article"] for s in e["sources"]}) == 3)
    assert len({by_article[s["article"]] for s in dushanbe["sources"]}) == 1  # one story
    assert dushanbe["dates"][0]["date"] == "2021-07-13"


ORIGINAL = """date 2022-06-24 :
India reopens its embassy in Kabul

India reopened its embassy in Kabul on Thursday with a small technical team, ten months after it
flew its diplomats out of Afghanistan. The Ministry of External Affairs said the team would oversee
the delivery of humanitarian aid and keep up India's engagement with the Afghan people. The Taliban
welcomed the decision and promised to provide security for the mission and its staff. Officials in
New Delhi said the move did not amount to recognition of the Taliban administration.
"""

REWRITE = """date 2022-06-25 :
New Delhi sends technical team back to Kabul embassy

India reopened its embassy in Kabul on Thursday with a small technical team, ten months after it
flew its diplomats out of Afghanistan. The Ministry of External Affairs said the team would oversee
the delivery of humanitarian help and keep up India's engagement with the Afghan people. The Taliban
welcomed the decision and promised to provide security for the mission and its staff. Officials in
New Delhi said the step did not amount to recognition of the Taliban administration.

Subscribe to our morning briefing for more news from the region.
"""


def test_incremental_a_rewritten_copy_is_an_extra_source_not_an_extra_event(tmp_path):
    (tmp_path / "a.txt").write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REWRITE, encoding="utf-8")
    alone, both = tmp_path / "alone.duckdb", tmp_path / "both.duckdb"
    ingest([tmp_path / "a.txt"], db=alone)
    ingest([tmp_path / "b.txt"], db=both)
    ingest([tmp_path / "a.txt"], db=both)
    stats = cli_json("stats", "--db", both, "--format", "json")
    assert stats["articles"] == 2 and stats["near_duplicates"] == 1
    single = cli_json("events", "--db", alone, "--format", "json", "--all")
    events = cli_json("events", "--db", both, "--format", "json", "--all")
    assert len(events) == len(single) > 0
    reopening = next(e for e in events if e["type"] == "COOPERATE")
    assert {Path(s["path"]).name for s in reopening["sources"]} == {"a.txt", "b.txt"}
