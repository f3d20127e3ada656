"""--since/--until on the commands: events dated within the range, or with --overlapping any
that overlap it (crafted events of every width: tests/samples.py RANGE_EVENTS)."""
import json

import pytest
from cli_runs import invoke, ok
from samples import build_ranges_database, range_names

JUNE_3_4 = ("--since", "2011-06-03", "--until", "2011-06-04")
WITHIN = ["June 3-4", "day June 3", "day June 4"]
OVERLAPPING = ["2011", "June", "June 2-3", "June 3-4", "June 4-6", "day June 3", "day June 4",
               "week of May 30"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("ranges") / "d.duckdb"
    build_ranges_database(path)
    return path


@pytest.mark.parametrize("command", ["events", "timeline"])
def test_cli_date_ranges_within_by_default_overlapping_on_request(db, command):
    within = json.loads(ok(command, "--db", db, *JUNE_3_4, "--format", "json"))
    overlapping = json.loads(ok(command, "--db", db, *JUNE_3_4, "--overlapping", "--format", "json"))
    assert range_names(within) == WITHIN
    assert range_names(overlapping) == OVERLAPPING


def test_cli_date_ranges_the_week_of_may_30_is_not_within_june_3_4(db):
    table = ok("events", "--db", db, *JUNE_3_4)
    # A week is labelled as the week it is (May 30 - June 5, 2011 is ISO week 22), not its Monday.
    assert "2011-W22" not in table and "2011-06-03" in table
    assert "2011-W22" in ok("events", "--db", db, *JUNE_3_4, "--overlapping")


def test_cli_date_ranges_relations_and_report_take_overlapping(db, tmp_path):
    asked = ("relations", "group:delegation-6", "India", "--db", db, *JUNE_3_4, "--format", "json")
    assert json.loads(ok(*asked))["events"] == []
    assert len(json.loads(ok(*asked, "--overlapping"))["events"]) == 1
    ok("report", tmp_path / "r.html", "--db", db, *JUNE_3_4, "--dates", "0")
    ok("report", tmp_path / "o.html", "--db", db, *JUNE_3_4, "--dates", "0", "--overlapping")
    within, overlapping = ((tmp_path / name).read_text(encoding="utf-8") for name in ("r.html", "o.html"))
    assert "week of May 30" not in within and "week of May 30" in overlapping


def test_cli_date_ranges_overlapping_is_no_key_dates_flag(db):
    result = invoke("timeline", "--db", db, "--summary", "--overlapping")
    assert result.exit_code == 2 and "--overlapping is for events" in result.output


def test_cli_date_ranges_help_says_within_and_overlapping():
    text = " ".join(ok("events", "--help").split())
    assert "all their dates" in text and "--overlapping" in text
