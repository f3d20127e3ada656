"""A server with a token answers only requests that show it, and `dateline serve` will not listen
where others can reach it without one: it refuses a short token, and makes one when none is
given."""
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dateline.cli import main
from dateline.query import Database
from dateline.web.app import create_app
from dateline.web.auth import COOKIE, cookie_value, is_loopback

TOKEN = "s3cret-token-of-24-chars"
JAISHANKAR = "person:subrahmanyam-jaishankar"


@pytest.fixture(scope="module")
def guarded_app(corpus_db):
    return create_app(corpus_db, token=TOKEN)


@pytest.fixture
def guarded(guarded_app, local_client):
    """A fresh browser: no cookie yet."""
    return local_client(guarded_app)


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


def test_web_token_in_the_url_sets_a_cookie_that_then_lets_links_work(guarded, guarded_app,
                                                                      local_client):
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
    assert_refused(local_client(guarded_app).get("/events"))


def test_web_token_gate_lets_the_stylesheet_through_so_its_refusal_is_styled(guarded, client):
    refusal = guarded.get("/timeline")
    assert_refused(refusal)
    assert '<link rel="stylesheet" href="/style.css">' in refusal.text
    style = guarded.get("/style.css")
    assert style.status_code == 200 and style.headers["content-type"].startswith("text/css")
    assert style.text == client.get("/style.css").text and "set-cookie" not in style.headers


def test_web_token_in_the_url_is_not_a_filter(guarded, client):
    everything = client.get("/events.json").json()
    assert guarded.get(f"/events.json?token={TOKEN}").json() == everything
    filtered = guarded.get(f"/timeline.json?actor={JAISHANKAR}&type=CONSULT&token={TOKEN}")
    assert filtered.json() == client.get(f"/timeline.json?actor={JAISHANKAR}&type=CONSULT").json()
    assert 0 < len(filtered.json()["events"]) < len(everything["events"])
    html = guarded.get(f"/relations?a=India&token={TOKEN}&b=Afghanistan").text
    assert "<h1>India and Afghanistan</h1>" in html
    json_link = re.search(r'class="json-link" href="([^"]+)"', html).group(1)
    assert json_link == "/relations.json?a=India&amp;b=Afghanistan"


# `dateline serve`: uvicorn.run is replaced by a recorder (the `started` fixture), so nothing binds.

def serve(db, *args, env=None):
    return CliRunner().invoke(main, ["serve", "--db", str(db), *args], env=env)


def printed_url(result) -> str:
    return re.match(r"Dateline at (\S+) \(Ctrl-C to stop\)\n", result.output).group(1)


def opened(result, app) -> TestClient:
    """A browser that opened the URL `dateline serve` printed: it asks for the host named there."""
    url = urlsplit(printed_url(result))
    return TestClient(app, base_url=f"{url.scheme}://{url.netloc}")


def test_cli_serve_makes_a_token_for_a_reachable_host_and_asks_for_it(started, corpus_db):
    made = set()
    for host in ("0.0.0.0", "::", "192.168.1.20", "example.org"):
        result = serve(corpus_db, "--host", host)
        assert result.exit_code == 0, result.output
        [token] = parse_qs(urlsplit(printed_url(result)).query)["token"]
        assert len(token) >= 16 and token not in made
        made.add(token)
        assert f"others can reach --host {host}, so this run made the token above" in result.output
        browser = opened(result, started[-1][0])
        assert_refused(browser.get("/timeline.json"))
        assert_refused(browser.get("/timeline", headers={"Authorization": "Bearer "}))
        bearer = {"Authorization": f"Bearer {token}"}
        assert browser.get("/timeline.json", headers=bearer).status_code == 200
        assert browser.get(printed_url(result)).status_code == 200
    assert [host for _, host, _ in started] == ["0.0.0.0", "::", "192.168.1.20", "example.org"]


def test_cli_serve_refuses_a_token_shorter_than_16_characters(started, corpus_db):
    for host in ("0.0.0.0", "127.0.0.1"):
        for token, length in (("a", 1), ("  ", 0), ("", 0), ("fifteen-chars-x", 15),
                              ("  fifteen-chars-x\t", 15)):
            result = serve(corpus_db, "--host", host, "--token", token)
            assert result.exit_code == 2, (host, token, result.output)
            assert f"E084: --token is {length} characters long; give a token of at least 16 " \
                   "characters" in result.output
    result = serve(corpus_db, env={"DATELINE_TOKEN": "short"})
    assert result.exit_code == 2 and "E084: --token is 5 characters long" in result.output
    assert not started
    assert serve(corpus_db, "--token", "sixteen-chars-ok").exit_code == 0
    assert len(started) == 1


def test_cli_serve_with_a_token_listens_anywhere_and_asks_for_it(started, corpus_db):
    result = serve(corpus_db, "--host", "0.0.0.0", "--token", f"  {TOKEN} ")
    assert result.exit_code == 0, result.output
    assert result.output == f"Dateline at http://0.0.0.0:8000/?token={TOKEN} (Ctrl-C to stop)\n"
    [(app, host, port)] = started
    assert (host, port) == ("0.0.0.0", 8000)
    assert_refused(opened(result, app).get("/timeline.json"))
    bearer = {"Authorization": f"Bearer {TOKEN}"}  # the token as given, less its blanks
    assert opened(result, app).get("/timeline.json", headers=bearer).status_code == 200


def test_cli_serve_reads_the_token_from_the_environment(started, corpus_db):
    result = serve(corpus_db, "--host", "0.0.0.0", env={"DATELINE_TOKEN": "from env&more, long"})
    assert result.exit_code == 0, result.output
    assert "/?token=from+env%26more%2C+long " in result.output  # quoted, so the printed URL works
    [(app, host, _)] = started
    assert opened(result, app).get("/?token=from env%26more, long").status_code == 200
    assert opened(result, app).get(printed_url(result)).status_code == 200


def test_cli_serve_listens_on_loopback_by_default_without_a_token(started, corpus_db):
    result = serve(corpus_db)
    assert result.exit_code == 0, result.output
    assert result.output == "Dateline at http://127.0.0.1:8000/ (Ctrl-C to stop)\n"
    [(app, host, _)] = started
    assert host == "127.0.0.1"
    assert opened(result, app).get("/timeline.json").status_code == 200


def test_cli_serve_loopback_may_have_a_token_too(started, corpus_db):
    for host in ("localhost", "::1", "127.0.0.2"):
        result = serve(corpus_db, "--host", host)
        assert result.exit_code == 0, host
        assert "token" not in result.output and opened(result, started[-1][0]).get("/").is_success
    result = serve(corpus_db, "--host", "::1", "--token", TOKEN)
    assert result.output.startswith(f"Dateline at http://[::1]:8000/?token={TOKEN} ")
    assert_refused(opened(result, started[-1][0]).get("/"))


def test_web_auth_loopback_is_this_machine_only():
    assert all(map(is_loopback, ("127.0.0.1", "127.8.0.1", "::1", "[::1]", "localhost",
                                 "LocalHost")))
    assert not any(map(is_loopback, ("0.0.0.0", "::", "10.0.0.1", "example.org",
                                     "localhost.evil.com", "128.0.0.1", "")))
