"""The web UI: each page of a Dateline database as HTML, and as JSON at its path plus `.json`.

Every request opens the database read-only and closes it before answering, so a running
server never holds the file and always shows what the last finished ingest stored. With a token,
every request must show it (see `dateline.web.auth`), or gets 401 and nothing else.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from dateline.errors import E082, DatelineError, NotFound, QueryError
from dateline.query import Database
from dateline.web import pages
from dateline.web.auth import TokenGate
from dateline.web.pages import Filters, Page, Summary
from dateline.web.templating import environment

NAVIGATION = (("/", "Overview"), ("/timeline", "Timeline"), ("/events", "Events"),
              ("/actors", "Actors"), ("/relations", "Relations"), ("/stories", "Stories"))


def create_app(db_path: str | Path | None = None, token: str | None = None) -> FastAPI:
    """The web app over one database file (default: $DATELINE_DB or ./dateline.duckdb); with a
    token, only for requests that show it."""
    # No interactive API docs: they load their scripts from a CDN, and the UI must work offline.
    app = FastAPI(title="Dateline", docs_url=None, redoc_url=None, openapi_url=None)
    templates = environment()
    if token:
        app.add_middleware(TokenGate, token=token,
                           refuse=lambda wants_json: _refusal(templates, wants_json))

    def answer(request: Request, build: Callable[[Database], Page]) -> Response:
        wants_json = request.url.path.endswith(".json")
        try:
            with Database(db_path) as db:
                page = build(db)
                if wants_json:
                    return JSONResponse(page.payload)
                html = templates.get_template(page.template).render(
                    **page.context, title=page.title, navigation=NAVIGATION,
                    here=request.url.path, json_url=_json_url(request))
        except DatelineError as error:
            return _error(templates, error, wants_json)
        return HTMLResponse(html)

    # The lower decorator registers first, so each `.json` path is matched before the page's:
    # "/events/{event_id}" would take "x.json" as an id.
    @app.get("/")
    @app.get("/index.json")
    def overview(request: Request) -> Response:
        return answer(request, pages.overview_page)

    @app.get("/timeline")
    @app.get("/timeline.json")
    def timeline(request: Request, filters: Filters = Depends(query_filters), summary: str = "",
                 dates: str = "", sentences: str = "", query: str = "") -> Response:
        if summary.strip() not in ("", "0"):
            asked = Summary(dates, sentences, query)
            return answer(request, lambda db: pages.key_dates_page(db, filters, asked))
        return answer(request, lambda db: pages.timeline_page(db, filters))

    @app.get("/events")
    @app.get("/events.json")
    def events(request: Request, filters: Filters = Depends(query_filters)) -> Response:
        return answer(request, lambda db: pages.events_page(db, filters))

    @app.get("/events/{event_id}")
    @app.get("/events/{event_id}.json")
    def event(request: Request, event_id: str) -> Response:
        return answer(request, lambda db: pages.event_page(db, event_id))

    @app.get("/actors")
    @app.get("/actors.json")
    def actors(request: Request) -> Response:
        return answer(request, pages.actors_page)

    @app.get("/actors/{actor_id}")
    @app.get("/actors/{actor_id}.json")
    def actor(request: Request, actor_id: str) -> Response:
        return answer(request, lambda db: pages.actor_page(db, actor_id))

    @app.get("/articles/{article_id}")
    @app.get("/articles/{article_id}.json")
    def article(request: Request, article_id: str) -> Response:
        return answer(request, lambda db: pages.article_page(db, article_id))

    @app.get("/relations")
    @app.get("/relations.json")
    def relations(request: Request, a: str = "", b: str = "", since: str = "",
                  until: str = "") -> Response:
        return answer(request, lambda db: pages.relations_page(db, a, b, since, until))

    @app.get("/stories")
    @app.get("/stories.json")
    def stories(request: Request) -> Response:
        return answer(request, pages.stories_page)

    return app


def query_filters(actor: list[str] = Query(default=[]), type: str = "", since: str = "",
                  until: str = "") -> Filters:
    """The timeline's and the events page's filters, read from the query string."""
    return Filters.of(actor, type, since, until)


def _json_url(request: Request) -> str:
    path = "/index" if request.url.path == "/" else request.url.path
    query = f"?{request.url.query}" if request.url.query else ""
    return f"{path}.json{query}"


def _error(templates, error: DatelineError, wants_json: bool) -> Response:
    """A user's mistake as 400, a missing record as 404, a database that will not open as 503."""
    status = 404 if isinstance(error, NotFound) else 400 if isinstance(error, QueryError) else 503
    return _error_page(templates, str(error), status, wants_json,
                       "Not found" if status == 404 else "Error")


def _refusal(templates, wants_json: bool) -> Response:
    """401 for a request without the server's token: the message only, none of the data."""
    response = _error_page(templates, E082, 401, wants_json, "Token needed")
    response.headers["WWW-Authenticate"] = "Bearer"
    return response


def _error_page(templates, message: str, status: int, wants_json: bool, title: str) -> Response:
    if wants_json:
        return JSONResponse({"error": message}, status_code=status)
    html = templates.get_template("error.html").render(
        title=title, message=message, navigation=NAVIGATION, here="", json_url=None)
    return HTMLResponse(html, status_code=status)
