"""The web UI: each page of a Dateline database as HTML, and as JSON at its path plus `.json`.

Every request opens the database read-only and closes it before answering, so a running
server never holds the file and always shows what the last finished ingest stored. A request
must name a host the server answers, or gets 400; with a token, it must show it too, or gets 401
and nothing else (see `dateline.web.auth`). Every answer carries the headers of
`dateline.web.headers`: a strict Content-Security-Policy above all, so the pages hold no inline
style or script and load their one stylesheet from `/style.css`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from dateline.errors import E082, DatelineError, NotFound, QueryError
from dateline.query import Database
from dateline.web import pages
from dateline.web.auth import HostGate, TokenGate
from dateline.web.headers import SECURITY_HEADERS, SecurityHeaders
from dateline.web.pages import Filters, Page, Summary, Threshold
from dateline.web.templating import TEMPLATES, environment

NAVIGATION = (("/", "Overview"), ("/timeline", "Timeline"), ("/events", "Events"),
              ("/actors", "Actors"), ("/relations", "Relations"), ("/stories", "Stories"))
STYLESHEET = "/style.css"  # linked by every page; the single-file report holds it inline


def create_app(db_path: str | Path | None = None, token: str | None = None,
               allowed_hosts: Iterable[str] = ()) -> FastAPI:
    """The web app over one database file (default: $DATELINE_DB or ./dateline.duckdb), for
    requests to a loopback name or one of `allowed_hosts`; with a token, only for requests that
    show it."""
    # No interactive API docs: they load their scripts from a CDN, and the UI must work offline.
    app = FastAPI(title="Dateline", docs_url=None, redoc_url=None, openapi_url=None)
    templates = environment()
    # The last added runs first: headers on every answer, then the host, then the token.
    if token:
        app.add_middleware(TokenGate, token=token, public=(STYLESHEET,),
                           refuse=lambda wants_json: _refusal(templates, wants_json))
    app.add_middleware(HostGate, allowed=allowed_hosts,
                       refuse=lambda message, wants_json: _error_page(
                           templates, message, 400, wants_json, "Host not answered"))
    app.add_middleware(SecurityHeaders)
    # A crash is answered outside every middleware, so it carries the headers itself.
    app.add_exception_handler(Exception, _crash)
    stylesheet = (TEMPLATES / "style.css").read_text(encoding="utf-8")

    def answer(request: Request, build: Callable[[Database], Page]) -> Response:
        wants_json = request.url.path.endswith(".json")
        try:
            with Database(db_path) as db:
                page = build(db)
                if wants_json:
                    return JSONResponse(page.payload)
                html = templates.get_template(page.template).render(
                    **page.context, title=page.title, navigation=NAVIGATION,
                    here=request.url.path, json_url=_json_url(request),
                    show_all_url=_show_all_url(request))
        except DatelineError as error:
            return _error(templates, error, wants_json)
        return HTMLResponse(html)

    @app.get(STYLESHEET)
    def style() -> Response:
        return Response(stylesheet, media_type="text/css")

    # The lower decorator registers first, so each `.json` path is matched before the page's:
    # "/events/{event_id}" would take "x.json" as an id.
    @app.get("/")
    @app.get("/index.json")
    def overview(request: Request, threshold: Threshold = Depends(query_threshold)) -> Response:
        return answer(request, lambda db: pages.overview_page(db, threshold))

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
    def actor(request: Request, actor_id: str,
              threshold: Threshold = Depends(query_threshold)) -> Response:
        return answer(request, lambda db: pages.actor_page(db, actor_id, threshold))

    @app.get("/articles/{article_id}")
    @app.get("/articles/{article_id}.json")
    def article(request: Request, article_id: str) -> Response:
        return answer(request, lambda db: pages.article_page(db, article_id))

    @app.get("/relations")
    @app.get("/relations.json")
    def relations(request: Request, a: str = "", b: str = "", since: str = "", until: str = "",
                  threshold: Threshold = Depends(query_threshold)) -> Response:
        return answer(request, lambda db: pages.relations_page(db, a, b, since, until, threshold))

    @app.get("/stories")
    @app.get("/stories.json")
    def stories(request: Request) -> Response:
        return answer(request, pages.stories_page)

    return app


def query_threshold(show_all: str = Query(default="", alias="all"),
                    min_confidence: str = "") -> Threshold:
    """The confidence a page lists events from, as typed; it is checked when the page is built,
    so a bad one is answered as any other bad value (400)."""
    return Threshold(show_all, min_confidence)


def query_filters(actor: list[str] = Query(default=[]), type: str = "", since: str = "",
                  until: str = "", threshold: Threshold = Depends(query_threshold)) -> Filters:
    """The timeline's and the events page's filters, read from the query string."""
    return Filters.of(actor, type, since, until, threshold)


def _show_all_url(request: Request) -> str:
    """This page listing every event: its query kept, any threshold replaced by `all=1`."""
    kept = [(k, v) for k, v in request.query_params.multi_items()
            if k not in ("all", "min_confidence")]
    return f"{request.url.path}?{urlencode([*kept, ('all', '1')])}"


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


def _crash(request: Request, error: Exception) -> Response:
    return PlainTextResponse("Internal Server Error", status_code=500, headers=SECURITY_HEADERS)


def _error_page(templates, message: str, status: int, wants_json: bool, title: str) -> Response:
    if wants_json:
        return JSONResponse({"error": message}, status_code=status)
    html = templates.get_template("error.html").render(
        title=title, message=message, navigation=NAVIGATION, here="", json_url=None)
    return HTMLResponse(html, status_code=status)
