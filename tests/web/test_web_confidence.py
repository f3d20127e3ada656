"""The confidence threshold in the web UI: every page that lists events shows the sure ones,
says how many it hid with a link that shows them all (keeping the page's other parameters),
honours `?all=1` and `?min_confidence=X`, and answers a bad threshold with 400; the event page
says how sure we are and why. Over a real DuckDB file (tests/confidence_samples.py)."""
import html
import re
import sys
from pathlib import Path

import pytest

TESTS = str(Path(__file__).resolve().parents[1])
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

from confidence_samples import (EVACUATION, MEETING, THREAT, THREAT_DATE_VALUE,  # noqa: E402
                                build_mixed_database)

from dateline.web.app import create_app  # noqa: E402

PARTIAL = "4 November (year not stated)"
NOTE = re.compile(r'<p class="muted hidden-note" id="hidden-note">(.*?) · '
                  r'<a id="show-all" href="([^"]*)">show all</a></p>')
# Each page that lists events, and how many events its default view hides.
LISTINGS = {
    "/timeline?actor=IND&since=2021": 1,  # India's evacuation; the threat is undated
    "/events?type=RETREAT": 1,
    "/key-dates?dates=5": 1,  # the evacuation's day is a key date
    "/actors/IND": 2,
    "/relations?a=India&b=Afghanistan": 1,
}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory, local_client):
    path = tmp_path_factory.mktemp("mixed") / "d.duckdb"
    ids = build_mixed_database(path)
    return local_client(create_app(path)), ids


def get(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.text[:300])
    return response


def note_of(page: str) -> tuple[str, str] | None:
    found = NOTE.search(page)
    return (found[1], html.unescape(found[2])) if found else None


def listed(page: str) -> set[str]:
    return set(re.findall(r'data-event="([^"]+)"', page))


@pytest.mark.parametrize("path", list(LISTINGS))
def test_web_every_listing_page_says_what_it_hid_and_links_to_all(mixed, path):
    client, _ = mixed
    count = LISTINGS[path]
    text, link = note_of(get(client, path).text)
    assert text == f"{count} more event{'' if count == 1 else 's'} below confidence 0.50"
    base, _, query = path.partition("?")
    assert link == f"{base}?{query + '&' if query else ''}all=1"  # its other parameters kept
    every = get(client, link).text
    assert note_of(every) is None
    answer = get(client, f"{base}.json?{link.partition('?')[2]}").json()
    assert len(answer["events"] if base in ("/timeline", "/events") else answer) >= 1


def test_web_all_and_min_confidence_choose_the_events_listed(mixed):
    client, ids = mixed
    assert listed(get(client, "/timeline").text) == {ids[MEETING]}
    assert listed(get(client, "/timeline?all=1").text) == set(ids.values())
    assert listed(get(client, "/timeline?min_confidence=0.25").text) == {ids[MEETING], ids[THREAT]}
    assert listed(get(client, "/timeline?all=0").text) == {ids[MEETING]}  # 0 is no
    text, link = note_of(get(client, "/timeline?min_confidence=0.9").text)
    assert text == "3 more events below confidence 0.90" and link == "/timeline?all=1"
    assert [e["type"] for e in get(client, "/events.json?all=1").json()["events"]] == [EVACUATION, MEETING,
                                                                             THREAT]
    assert listed(get(client, "/actors/IND?all=1").text) == {ids[EVACUATION], ids[THREAT]}


def test_web_filters_keep_the_threshold(mixed):
    client, _ = mixed
    page = get(client, "/timeline?all=1").text
    assert '<input type="checkbox" name="all" value="1" checked>' in page
    page = get(client, "/events?min_confidence=0.25").text
    assert '<input type="hidden" name="min_confidence" value="0.25">' in page
    keys = get(client, "/key-dates?all=1").text
    assert 'href="/timeline?all=1"' in keys  # the full timeline keeps showing every event


@pytest.mark.parametrize("value", ["abc", "1.5", "-1", "nan"])
def test_web_a_bad_threshold_is_a_400_that_says_why(mixed, value):
    client, _ = mixed
    for path in ("/timeline?", "/events?", "/actors/IND?", "/relations?a=India&b=Afghanistan&"):
        page = get(client, f"{path}min_confidence={value}", 400).text
        assert "E053: the confidence threshold must be a number from 0 to 1" in page
        base, _, query = path.partition("?")
        answer = get(client, f"{base}.json?{query}min_confidence={value}", 400)
        assert answer.json()["error"].startswith("E053")


def test_web_event_page_says_how_sure_and_why(mixed):
    client, ids = mixed
    page = get(client, f"/events/{ids[THREAT]}").text
    assert re.search(r'id="confidence">confidence 0\.30 <span class="muted">\(below 0\.50', page)
    readings = re.findall(r'<li class="reading"[^>]*>(.*?)</li>', page, re.S)
    assert len(readings) == 1
    said = html.unescape(re.sub(r"<[^>]+>", "", readings[0]))
    assert said == ("articles/c.jsonl:3: confidence 0.50; names who acted; names whom it was done "
                    "to; inside a quotation; hedged (could, would, may); no date given; told as "
                    "having happened")
    assert f'<span class="partial-date">{PARTIAL}</span>' in page
    detail = get(client, f"/events/{ids[THREAT]}.json").json()
    assert detail["confidence"] == 0.3 and detail["date_value"] == THREAT_DATE_VALUE
    assert detail["readings"][0]["evidence_words"][2] == "inside a quotation"
    meeting = get(client, f"/events/{ids[MEETING]}").text
    assert 'id="confidence">confidence 0.82</td>' in meeting


def test_web_undated_section_says_a_partial_date_in_words(mixed):
    client, ids = mixed
    page = get(client, "/timeline?all=1").text
    undated = page[page.index('id="undated"'):]
    assert f'<span class="partial-date">{PARTIAL}</span>' in undated
    assert ids[THREAT] in undated
    [threat] = [e for e in get(client, "/timeline.json?all=1").json()["events"] if e["type"] == THREAT]
    assert threat["date"] is None and threat["date_value"] == THREAT_DATE_VALUE
