"""The web UI: each page of a Dateline database as HTML, and as JSON at its path plus `.json`.

The pages are in `dateline.web.routes`. A request must name a host the server answers, or gets
400; with a token, it must show it too, or gets 401 and nothing else (see `dateline.web.auth`).
Every answer carries the headers of `dateline.web.headers`: a strict Content-Security-Policy
above all, so the pages hold no inline style or script and load their one stylesheet from
`/style.css`.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from fastapi import FastAPI

from dateline.query import Database

from dateline.web.auth import HostGate, TokenGate
from dateline.web.error_pages import crash, error_page, refusal
from dateline.web.headers import SecurityHeaders
from dateline.web.routes import STYLESHEET, Site, add_pages
from dateline.web.templating import TEMPLATES, environment


def create_app(db_path: str | Path | None = None, token: str | None = None,
               allowed_hosts: Iterable[str] = ()) -> FastAPI:
    """The web app over one database file (default: $DATELINE_DB or ./dateline.duckdb), for
    requests to a loopback name or one of `allowed_hosts`; with a token, only for requests that
    show it."""
    # No interactive API docs: they load their scripts from a CDN, and the UI must work offline.
    app = FastAPI(title="Dateline", docs_url=None, redoc_url=None, openapi_url=None)
    templates = environment()
    app.state.site = Site(db_path, templates,
                          (TEMPLATES / "style.css").read_text(encoding="utf-8"))
    # The last added runs first: headers on every answer, then the host, then the token.
    if token:
        app.add_middleware(TokenGate, token=token, public=(STYLESHEET,),
                           refuse=lambda wants_json: refusal(templates, wants_json))
    app.add_middleware(HostGate, allowed=allowed_hosts,
                       refuse=lambda message, wants_json: error_page(
                           templates, message, 400, wants_json, "Host not answered"))
    app.add_middleware(SecurityHeaders)
    # A crash is answered outside every middleware, so it carries the headers itself.
    app.add_exception_handler(Exception, crash)
    add_pages(app)
    return app


def index_in_background(db_path: str | Path | None = None) -> threading.Thread:
    """Build the database's search index in a thread of its own while the server starts, so the
    first search (seconds on a store of thousands of articles) does not wait for it. A failure is
    left for that search to report, with its own message."""
    def build() -> None:
        try:
            with Database(db_path) as db:
                db.search_index()
        except Exception:  # noqa: BLE001 - the search page says what went wrong, when asked
            return

    thread = threading.Thread(target=build, name="search-index", daemon=True)
    thread.start()
    return thread
