"""What a request asks goes to the database as a value, never as SQL: SQL-looking filters and ids
get the answer any unknown name gets, and the database is as it was."""
from urllib.parse import quote

from dateline.query import Database

ALWAYS_TRUE, DROP = "' OR 1=1 --", "x'; DROP TABLE events; --"
UNION = "x' UNION SELECT id FROM articles --"


def sql_requests():
    """path -> the status an unknown value of that kind gets."""
    requests = {}
    for value in (ALWAYS_TRUE, DROP, UNION):
        v = quote(value, safe="")
        requests |= {
            f"/timeline.json?actor={v}": 404, f"/events?actor={v}": 404,
            f"/events.json?type={v}": 400, f"/timeline?since={v}": 400,
            f"/events.json?until={v}": 400, f"/events/{v}": 404, f"/events/{v}.json": 404,
            f"/articles/{v}.json": 404, f"/actors/{v}": 404, f"/relations.json?a={v}&b=India": 404,
            f"/relations?a=India&b={v}": 404,
        }
    return requests


def test_web_sql_looking_input_is_only_a_value(client, corpus_db):
    with Database(corpus_db) as db:
        before, events = db.stats(), [e.id for e in db.events()]
    for path, status in sql_requests().items():
        response = client.get(path)
        assert response.status_code == status, (path, response.text[:200])
        if path.partition("?")[0].endswith(".json"):
            assert response.json()["error"][:4] in {"E042", "E043", "E045", "E047"}, path
    with Database(corpus_db) as db:
        assert db.stats() == before and [e.id for e in db.events()] == events
    assert [e["id"] for e in client.get("/events.json?per_page=500").json()["events"]] == events


def test_web_sql_looking_id_matches_nothing_rather_than_everything(client):
    # An always-true condition pasted into SQL would answer the first record, not "no such id".
    answer = client.get(f"/events/{quote(ALWAYS_TRUE, safe='')}.json").json()
    assert answer == {"error": f'E047: no event has the id "{ALWAYS_TRUE}"'}
    assert client.get(f"/events.json?since=2099&actor={quote('India')}").json()["events"] == []
