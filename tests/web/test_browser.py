"""The sample corpus's timeline in a real headless Chromium (Debian's), driven by playwright-core.

`make test` installs both (see the Makefile's `browser` target). The walk itself is in
tests/browser/timeline.mjs; the screenshots it takes land in build/screenshots/. It also opens every
other kind of page and fails if one is unstyled or Chromium reports a Content-Security-Policy
violation (or a stylesheet refused under nosniff).
"""
import json
import re
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from dateline.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]
WALK = ROOT / "tests" / "browser" / "timeline.mjs"
PLAYWRIGHT = ROOT / "tests" / "browser" / "node_modules" / "playwright-core"
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "build" / "screenshots"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(corpus_db):
    """The web app on a loopback port, in a thread of this process, until the module ends."""
    port = free_port()
    app_server = uvicorn.Server(uvicorn.Config(create_app(corpus_db), host="127.0.0.1",
                                               port=port, log_level="warning"))
    thread = threading.Thread(target=app_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not app_server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the web app did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    app_server.should_exit = True
    thread.join(timeout=10)


def test_browser_filters_the_timeline_opens_an_event_searches_follows_a_short_id_and_pages_on(server):
    missing = [str(p) for p in (CHROMIUM, PLAYWRIGHT) if not p.exists()]
    assert not missing, f"run `make browser` first: missing {missing}"
    assert shutil.which("node"), "the browser test needs Node.js"
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    walk = subprocess.run(
        ["node", str(WALK), server, str(SCREENSHOTS), "person:subrahmanyam-jaishankar",
         "Subrahmanyam Jaishankar"],
        capture_output=True, text=True, timeout=120)
    assert walk.returncode == 0, walk.stderr or walk.stdout
    seen = json.loads(walk.stdout.strip().splitlines()[-1])
    assert 0 < seen["filtered"] < seen["all"]
    assert seen["sources"] >= 1 and seen["triggers"] >= 1 and "/events/" in seen["event"]
    assert seen["keyDates"] >= 1 and seen["quoted"] >= 1
    assert seen["searchHits"] >= 1 and seen["hitKind"] in ("article", "event", "actor")
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/events/[0-9a-f]{16}", seen["followed"])
    assert seen["followed"].rsplit("/", 1)[1].startswith(seen["shortId"])
    assert seen["secondPage"] >= 1 and "page 2 of" in seen["showing"]
    assert seen["styled"] == 9 and seen["refusals"] == []
    for name in ("timeline-filtered.png", "event.png", "key-dates.png", "search.png",
                 "timeline-page-2.png", "relations.png", "stories.png"):
        shot = SCREENSHOTS / name
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
