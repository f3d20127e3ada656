"""Web tests run the app in-process over real DuckDB files made by real ingests.

Their clients ask for http://127.0.0.1, as a browser on this machine does: the app answers
loopback host names only, unless it was started for others (tests/web/test_web_hosts.py).
"""
import pytest
import uvicorn
from fastapi.testclient import TestClient

from dateline.pipeline import ingest
from dateline.web.app import create_app

HOSTILE_ARTICLE = """ date 2021-07-14 :
India sends aid <script>alert('title')</script> to Kabul <img src=x onerror=alert(1)>

External Affairs Minister S Jaishankar met Afghan Foreign Minister Mohammad Haneef Atmar in \
Dushanbe on Tuesday <script>alert(2)</script>.

India sent 50,000 tonnes of wheat to Afghanistan on Monday <img src=x onerror=alert(3)>, \
officials said.

"We stand with the Afghan people <script>alert(4)</script>," Jaishankar said.
"""
# A record can carry markup in its title and a script where its link should be.
HOSTILE_RECORD = (
    '{"id": "h-1", "title": "<script>alert(5)</script> Taliban talks", '
    '"url": "javascript:alert(6)", "date": "2021-08-20", "text": "Taliban leaders met Indian '
    'officials in Doha on Thursday <img src=x onerror=alert(7)>. India condemned the attack on '
    'Kabul <b onmouseover=alert(8)>airport</b> on Friday."}\n')


def local(app) -> TestClient:
    """A client on this machine, as a browser at http://127.0.0.1:8000 asks."""
    return TestClient(app, base_url="http://127.0.0.1:8000")


@pytest.fixture(scope="session")
def local_client():
    return local


@pytest.fixture(scope="session")
def client(corpus_db):
    return local(create_app(corpus_db))


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (folder / "feed.jsonl").write_text(HOSTILE_RECORD, encoding="utf-8")
    path = folder / "hostile.duckdb"
    report = ingest([folder], db=path)
    assert report.ingested == 2
    return path


@pytest.fixture(scope="session")
def hostile_client(hostile_db):
    return local(create_app(hostile_db))


@pytest.fixture
def started(monkeypatch):
    """The calls `dateline serve` made to uvicorn.run, (app, host, port): nothing binds."""
    calls = []
    monkeypatch.setattr(uvicorn, "run",
                        lambda app, host, port, **_: calls.append((app, host, port)))
    monkeypatch.delenv("DATELINE_TOKEN", raising=False)
    return calls
