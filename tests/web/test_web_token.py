"""A server with a token answers only requests that show it, and `dateline serve` will not listen
where others can reach it without one."""
import re

import pytest
import uvicorn
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dateline.cli import main
from dateline.query import Database
from dateline.web.app import create_app
from dateline.web.auth import COOKIE, cookie_value, is_loopback

TOKEN = "s3cret-token"
JAISHANKAR = "person:subrahmanyam-jaishankar"


@pytest.fixture(scope="module")
def guarded_app(corpus_db):
    return create_app(corpus_db, token=TOKEN)


@pytest.fixture
def guarded(guarded_app):
    """A fresh browser: no cookie yet."""
    return TestClient(guarded_app)


@pytest.fixture(scope="module")
def some_ids(corpus_db):
    with Database(corpus_db) as db:
        return db.events()[0].id, db.article_ids()[0]


def guarded_paths(some_ids):
    event, article = some_ids
    return ["/", "/timeline", "/events", f"/events/{event}", "/actors", f"/actors/{JAISHANKAR}",
            f"/articles/{article}", "/relations?a=India&b=Afghanistan", "/stories",
            "/index.json", "/timeline.json", f"/events/{event}.json", "/no-such-page",
            "/no-such-page.json", "/events/no-such-event"]


def assert_refused(response):
    assert response.status_code == 401, response.text[:200]
    assert response.headers["www-authenticate"] == "Bearer"
    assert "set-cookie" not in response.headers


def test_web_token_refuses_every_path_without_it(guarded, some_ids, corpus_db):
    with Database(corpus_db) as db:
        event = db.event(some_ids[0])
    for path in guarded_paths(some_ids):
        response = guarded.get(path)
        assert_refused(response)
        if ".json" in path:
            assert response.json() == {"error": response.json()["error"]}
            assert response.json()["error"].startswith("E082")
        else:
            assert response.headers["content-type"].startswith("text/html")
            assert "E082" in response.text
        # Nothing of the data: no event, no actor, and no hint whether the page exists.
        assert event.summary not in response.text and "Jaishankar" not in response.text
        assert "Not found" not in response.text


def test_web_token_wrong_token_is_refused_however_shown(guarded):
    assert_refused(guarded.get("/timeline", headers={"Authorization": "Bearer wrong"}))
    assert_refused(guarded.get("/timeline.json", headers={"Authorization": TOKEN}))  # not Bearer
    assert_refused(guarded.get("/timeline?token=wrong"))
    assert_refused(guarded.get(f"/timeline?token={TOKEN}x"))
    guarded.cookies.set(COOKIE, cookie_value("another server's token"))
    assert_refused(guarded.get("/timeline"))
    guarded.cookies.set(COOKIE, TOKEN)  # the cookie holds a digest, not the token itself
    assert_refused(guarded.get("/timeline"))


def test_web_token_in_the_header_answers_as_an_open_server(guarded, client, some_ids):
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    for path in guarded_paths(some_ids):
        shown, open_answer = guarded.get(path, headers=bearer), client.get(path)
        assert shown.status_code == open_answer.status_code, path
        assert shown.text == open_answer.text, path
        assert "set-cookie" not in shown.headers  # a script that sends the header needs none


def test_web_token_in_the_url_sets_a_cookie_that_then_lets_links_work(guarded, guarded_app):
    first = guarded.get(f"/timeline?token={TOKEN}")
    assert first.status_code == 200
    cookie = first.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}=") and TOKEN not in cookie
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    assert first.headers["referrer-policy"] == "no-referrer"
    # The page neither shows the token nor links it on: its JSON link is the plain path.
    assert TOKEN not in first.text
    assert 'class="json-link" href="/timeline.json"' in first.text
    # Following the page's links without the token works in that browser, and only there.
    for path in ("/events", "/actors", f"/actors/{JAISHANKAR}", "/events.json"):
        assert guarded.get(path).status_code == 200, path
    assert_refused(TestClient(guarded_app).get("/events"))


def test_web_token_in_the_url_is_not_a_filter(guarded, client):
    everything = client.get("/events.json").json()
    assert guarded.get(f"/events.json?token={TOKEN}").json() == everything
    filtered = guarded.get(f"/timeline.json?actor={JAISHANKAR}&type=CONSULT&token={TOKEN}")
    assert filtered.json() == client.get(f"/timeline.json?actor={JAISHANKAR}&type=CONSULT").json()
    assert 0 < len(filtered.json()) < len(everything)
    html = guarded.get(f"/relations?a=India&token={TOKEN}&b=Afghanistan").text
    assert "<h1>India and Afghanistan</h1>" in html
    json_link = re.search(r'class="json-link" href="([^"]+)"', html).group(1)
    assert json_link == "/relations.json?a=India&amp;b=Afghanistan"


# `dateline serve`: uvicorn.run is replaced by a recorder, so nothing binds.

@pytest.fixture
def started(monkeypatch):
    """The calls `dateline serve` made to uvicorn.run: (app, host, port)."""
    calls = []
    monkeypatch.setattr(uvicorn, "run",
                        lambda app, host, port, **_: calls.append((app, host, port)))
    monkeypatch.delenv("DATELINE_TOKEN", raising=False)
    return calls


def serve(db, *args, env=None):
    return CliRunner().invoke(main, ["serve", "--db", str(db), *args], env=env)


def test_cli_serve_refuses_a_reachable_host_without_a_token(started, corpus_db):
    for host in ("0.0.0.0", "::", "192.168.1.20", "example.org"):
        result = serve(corpus_db, "--host", host)
        assert result.exit_code == 2, result.output
        assert "E083" in result.output and "--token" in result.output and host in result.output
    assert not started
    result = serve(corpus_db, "--host", "0.0.0.0", "--token", "  ")
    assert result.exit_code == 2 and "E084" in result.output and not started


def test_cli_serve_with_a_token_listens_anywhere_and_asks_for_it(started, corpus_db):
    result = serve(corpus_db, "--host", "0.0.0.0", "--token", TOKEN)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Dateline at http://0.0.0.0:8000/?token={TOKEN} ")
    [(app, host, port)] = started
    assert (host, port) == ("0.0.0.0", 8000)
    assert_refused(TestClient(app).get("/timeline.json"))
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    assert TestClient(app).get("/timeline.json", headers=bearer).status_code == 200


def test_cli_serve_reads_the_token_from_the_environment(started, corpus_db):
    result = serve(corpus_db, "--host", "0.0.0.0", env={"DATELINE_TOKEN": "from env&more"})
    assert result.exit_code == 0, result.output
    assert "/?token=from+env%26more " in result.output  # quoted, so the printed URL works
    [(app, host, _)] = started
    assert TestClient(app).get("/?token=from env%26more").status_code == 200


def test_cli_serve_listens_on_loopback_by_default_without_a_token(started, corpus_db):
    result = serve(corpus_db)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Dateline at http://127.0.0.1:8000/ ")
    [(app, host, _)] = started
    assert host == "127.0.0.1"
    assert TestClient(app).get("/timeline.json").status_code == 200


def test_cli_serve_loopback_may_have_a_token_too(started, corpus_db):
    for host in ("localhost", "::1", "127.0.0.2"):
        assert serve(corpus_db, "--host", host).exit_code == 0, host
    result = serve(corpus_db, "--host", "::1", "--token", TOKEN)
    assert result.output.startswith(f"Dateline at http://[::1]:8000/?token={TOKEN} ")
    assert_refused(TestClient(started[-1][0]).get("/"))


def test_web_auth_loopback_is_this_machine_only():
    assert all(map(is_loopback, ("127.0.0.1", "127.8.0.1", "::1", "[::1]", "localhost",
                                 "LocalHost")))
    assert not any(map(is_loopback, ("0.0.0.0", "::", "10.0.0.1", "example.org",
                                     "localhost.evil.com", "128.0.0.1", "")))
