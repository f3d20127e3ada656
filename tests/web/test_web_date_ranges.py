"""`since`/`until` on the web pages: events dated within the range, or with `?overlapping=1`
any that overlap it, as `dateline events --overlapping` (tests/samples.py RANGE_EVENTS)."""
import sys
from pathlib import Path

import pytest

TESTS = str(Path(__file__).resolve().parents[1])
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

from samples import build_ranges_database, range_names  # noqa: E402

from dateline.web.app import create_app  # noqa: E402

JUNE_3_4 = "since=2011-06-03&until=2011-06-04"
WITHIN = ["June 3-4", "day June 3", "day June 4"]
OVERLAPPING = ["2011", "June", "June 2-3", "June 3-4", "June 4-6", "day June 3", "day June 4",
               "week of May 30"]


@pytest.fixture(scope="module")
def client(tmp_path_factory, local_client):
    path = tmp_path_factory.mktemp("ranges") / "d.duckdb"
    build_ranges_database(path)
    return local_client(create_app(path))


@pytest.mark.parametrize("page", ["/events.json", "/timeline.json"])
def test_web_date_ranges_within_unless_overlapping(client, page):
    assert range_names(client.get(f"{page}?{JUNE_3_4}").json()["events"]) == WITHIN
    assert range_names(client.get(f"{page}?{JUNE_3_4}&overlapping=1").json()["events"]) == OVERLAPPING
    assert range_names(client.get(f"{page}?{JUNE_3_4}&overlapping=0").json()["events"]) == WITHIN


def test_web_date_ranges_form_keeps_the_box_ticked_and_links_keep_it(client):
    page = client.get(f"/timeline?{JUNE_3_4}&overlapping=1").text
    assert 'name="overlapping" value="1" checked' in page
    assert "overlapping=1" in client.get(f"/key-dates?{JUNE_3_4}&overlapping=1").text  # its links
    assert 'name="overlapping" value="1" checked' not in client.get(f"/timeline?{JUNE_3_4}").text


def test_web_date_ranges_relations_take_overlapping(client):
    asked = f"/relations.json?a=group:delegation-6&b=India&{JUNE_3_4}"
    assert client.get(asked).json()["events"] == []
    assert len(client.get(f"{asked}&overlapping=1").json()["events"]) == 1
