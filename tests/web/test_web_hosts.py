"""The server answers only requests addressed to a host name it was started for: loopback names,
the --host it listens on and each --allowed-host. Anything else is 400 (E085), before the token
is even looked at, so a page elsewhere that rebinds its own name to 127.0.0.1 reads nothing."""
import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.query import Database
from dateline.web.app import create_app

TOKEN = "s3cret-token-of-24-chars"
LOOPBACK = ["localhost", "LocalHost:8000", "127.0.0.1", "127.0.0.1:8000", "127.8.9.10:80",
            "[::1]", "[::1]:8000"]
OTHERS = ["evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.1.evil.example",
          "128.0.0.1", "[::2]:8000", "0.0.0.0:8000", "192.168.1.20"]


@pytest.fixture(scope="module")
def summary(corpus_db):
    with Database(corpus_db) as db:
        return db.events()[0].summary


def ask(client, host, path="/timeline.json", **headers):
    return client.get(path, headers={"Host": host, **headers})


def assert_not_answered(response, host, allowed="localhost, 127.0.0.0/8, ::1"):
    name = host.rpartition(":")[0] if host.count(":") == 1 else host.strip("[]").split("]")[0]
    message = (f"E085: this server answers only the host names it was started for ({allowed});"
               f" start it with --allowed-host {name} to answer that one too")
    assert response.status_code == 400, (host, response.text[:200])
    assert "set-cookie" not in response.headers
    if response.headers["content-type"].startswith("application/json"):
        assert response.json() == {"error": message}
    else:
        assert message in response.text


def test_web_hosts_loopback_names_are_answered_and_no_others(client, summary):
    for host in LOOPBACK:
        assert ask(client, host).status_code == 200, host
    for host in OTHERS:
        for path in ("/timeline.json", "/timeline", "/style.css", "/no-such-page"):
            response = ask(client, host, path)
            assert_not_answered(response, host)
            assert summary not in response.text and "Jaishankar" not in response.text


def test_web_hosts_are_checked_before_the_token(corpus_db, local_client):
    guarded = local_client(create_app(corpus_db, token=TOKEN))
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    assert ask(guarded, "127.0.0.1:8000", **bearer).status_code == 200
    assert_not_answered(ask(guarded, "evil.example", **bearer), "evil.example")
    assert_not_answered(ask(guarded, "evil.example", f"/timeline?token={TOKEN}"), "evil.example")


def test_web_hosts_allowed_from_python(corpus_db, local_client):
    app = create_app(corpus_db, allowed_hosts=["Dateline.LAN", "2001:db8::5", "192.168.1.20:80"])
    browser = local_client(app)
    for host in ("dateline.lan:8000", "DATELINE.lan", "[2001:db8::5]:8000", "192.168.1.20",
                 "192.168.1.20:8000", *LOOPBACK):
        assert ask(browser, host).status_code == 200, host
    assert_not_answered(ask(browser, "other.lan"), "other.lan",
                        "localhost, 127.0.0.0/8, ::1, dateline.lan, 2001:db8::5, 192.168.1.20")


def serve(db, *args):
    return CliRunner().invoke(main, ["serve", "--db", str(db), *args])


def test_cli_serve_answers_its_host_and_each_allowed_host(started, corpus_db, local_client):
    assert serve(corpus_db).exit_code == 0
    assert serve(corpus_db, "--allowed-host", "dateline.lan", "--allowed-host",
                 "10.0.0.7").exit_code == 0
    assert serve(corpus_db, "--host", "192.168.1.20", "--token", TOKEN).exit_code == 0
    default, allowed, reachable = (local_client(app) for app, _, _ in started)
    assert_not_answered(ask(default, "dateline.lan:8000"), "dateline.lan:8000")
    for host in ("dateline.lan:8000", "10.0.0.7", "localhost:8000"):
        assert ask(allowed, host).status_code == 200, host
    assert_not_answered(ask(allowed, "192.168.1.20:8000"), "192.168.1.20:8000",
                        "localhost, 127.0.0.0/8, ::1, dateline.lan, 10.0.0.7")
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    assert ask(reachable, "192.168.1.20:8000", **bearer).status_code == 200
    assert_not_answered(ask(reachable, "evil.example", **bearer), "evil.example",
                        "localhost, 127.0.0.0/8, ::1, 192.168.1.20")
