"""Events at the start of their id (`/events/PREFIX` redirects to the full id's page), and the
short ids the list pages show, each a link to its event."""
from html import escape

import pytest

from dateline.query import Database


@pytest.fixture(scope="module")
def meeting(corpus_db):
    with Database(corpus_db) as db:
        return next(e for e in db.events() if "Dushanbe" in e.summary)


def test_web_event_prefix_redirects_to_the_full_id(client, meeting):
    moved = client.get(f"/events/{meeting.short_id}?all=1", follow_redirects=False)
    assert moved.status_code == 307
    assert moved.headers["location"] == f"/events/{meeting.id}?all=1"
    page = client.get(f"/events/{meeting.short_id}")
    assert page.status_code == 200 and str(page.url).endswith(f"/events/{meeting.id}")
    assert escape(meeting.summary) in page.text


def test_web_event_prefix_json_redirects_to_the_full_id_json(client, meeting):
    moved = client.get(f"/events/{meeting.id[:5]}.json", follow_redirects=False)
    assert moved.status_code == 307 and moved.headers["location"] == f"/events/{meeting.id}.json"
    detail = client.get(f"/events/{meeting.id[:5]}.json").json()
    assert detail["id"] == meeting.id and detail["short_id"] == meeting.short_id
    assert {"title", "outlet", "path"} <= set(detail["sources"][0])


def test_web_event_full_id_answers_in_place(client, meeting):
    assert client.get(f"/events/{meeting.id}", follow_redirects=False).status_code == 200


def test_web_event_too_short_or_unknown_prefix(client):
    short = client.get("/events/ab.json")
    assert short.status_code == 400 and short.json()["error"].startswith("E059")
    assert client.get("/events/ffffffffff.json").status_code == 404


def test_web_lists_show_short_ids_linked_to_their_event(client, corpus_db):
    with Database(corpus_db) as db:
        events = db.events()
    for path in ("/timeline", "/events"):
        html = client.get(path).text
        for event in events:
            assert (f'<a class="event-id" href="/events/{event.id}"' in html
                    and f"<code>{event.short_id}</code>" in html), (path, event.id)
