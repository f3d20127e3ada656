"""The pages of the web UI, each answered as HTML at its path and as JSON at its path plus
`.json` (`/` at `/index.json`), by one `answer`.

Every request opens the database read-only and closes it before answering, so a running server
never holds the file and always shows what the last finished ingest stored. `/timeline?summary=1`
is the old address of the key dates: it redirects to `/key-dates`, its query kept. An event asked
for by the start of its id (`/events/b101f564`) redirects (307) to its full id's page.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment

from dateline.errors import DatelineError
from dateline.query import Database
from dateline.web import pages
from dateline.web.error_pages import error_answer
from dateline.web.pages import Filters, KeyDatesAsked, Page, Threshold
from dateline.web.paging import Paging
from dateline.web.search_page import search_page

STYLESHEET = "/style.css"  # linked by every page; a standalone file holds it inline


@dataclass(frozen=True, slots=True)
class Site:
    """What every page is answered from: the database file, the templates, the stylesheet."""

    db_path: str | Path | None
    templates: Environment
    stylesheet: str


def answer(request: Request, build: Callable[[Database], Page]) -> Response:
    """The page `build` makes of the database, as HTML, or its payload for a `.json` path."""
    site: Site = request.app.state.site
    wants_json = request.url.path.endswith(".json")
    try:
        with Database(site.db_path) as db:
            page = build(db)
            if page.canonical:
                return _moved(request, page.canonical)
            if wants_json:
                return JSONResponse(page.payload)
            html = site.templates.get_template(page.template).render(
                **page.context, title=page.title, here=request.url.path,
                json_url=_json_url(request), show_all_url=_show_all_url(request),
                clear_about_url=_without(request, "about", "page", "month"),
                page_url=lambda number: _page_url(request, number))
    except DatelineError as error:
        return error_answer(site.templates, error, wants_json)
    return HTMLResponse(html)


def query_threshold(show_all: str = Query(default="", alias="all"),
                    min_confidence: str = "") -> Threshold:
    """The confidence a page lists events from, as typed; it is checked when the page is built,
    so a bad one is answered as any other bad value (400)."""
    return Threshold(show_all, min_confidence)


def query_filters(actor: list[str] = Query(default=[]), type: str = "", since: str = "",
                  until: str = "", threshold: Threshold = Depends(query_threshold),
                  overlapping: str = "", about: str = "") -> Filters:
    """The timeline's, the key dates' and the events page's filters, from the query string."""
    return Filters.of(actor, type, since, until, threshold, overlapping, about)


# The pages, by the name of their `dateline` command.


def style(request: Request) -> Response:
    return Response(request.app.state.site.stylesheet, media_type="text/css")


def overview(request: Request, threshold: Threshold = Depends(query_threshold)) -> Response:
    return answer(request, lambda db: pages.overview_page(db, threshold))


def query_paging(page: str = "", per_page: str = "", month: str = "") -> Paging:
    """Which page of the timeline, the events or the actors the URL asked for, as typed
    (web.paging; the actors have no months)."""
    return Paging(page, per_page, month)


def timeline(request: Request, filters: Filters = Depends(query_filters),
             paging: Paging = Depends(query_paging), summary: str = "") -> Response:
    if summary.strip() not in ("", "0"):  # the key dates' old address
        return _moved_to_key_dates(request)
    return answer(request, lambda db: pages.timeline_page(db, filters, paging))


def key_dates(request: Request, filters: Filters = Depends(query_filters), dates: str = "",
              sentences: str = "", query: str = "") -> Response:
    asked = KeyDatesAsked(dates, sentences, query)
    return answer(request, lambda db: pages.key_dates_page(db, filters, asked))


def events(request: Request, filters: Filters = Depends(query_filters),
           paging: Paging = Depends(query_paging)) -> Response:
    return answer(request, lambda db: pages.events_page(db, filters, paging))


def event(request: Request, event_id: str) -> Response:
    return answer(request, lambda db: pages.event_page(db, event_id))


def actors(request: Request, paging: Paging = Depends(query_paging)) -> Response:
    return answer(request, lambda db: pages.actors_page(db, paging))


def actor(request: Request, actor_id: str,
          threshold: Threshold = Depends(query_threshold)) -> Response:
    return answer(request, lambda db: pages.actor_page(db, actor_id, threshold))


def article(request: Request, article_id: str) -> Response:
    return answer(request, lambda db: pages.article_page(db, article_id))


def relations(request: Request, a: str = "", b: str = "", since: str = "", until: str = "",
              threshold: Threshold = Depends(query_threshold), overlapping: str = "",
              about: str = "") -> Response:
    return answer(request, lambda db: pages.relations_page(db, a, b, since, until, threshold,
                                                           overlapping, about))


def stories(request: Request, about: str = "") -> Response:
    return answer(request, lambda db: pages.stories_page(db, about.strip() or None))


def search(request: Request, q: str = "", kind: list[str] = Query(default=[]),
           limit: str = "", threshold: Threshold = Depends(query_threshold)) -> Response:
    return answer(request, lambda db: search_page(db, q, kind, limit, threshold))


PAGES: tuple[tuple[str, Callable[..., Response]], ...] = (
    ("/", overview), ("/timeline", timeline), ("/key-dates", key_dates), ("/events", events),
    ("/events/{event_id}", event), ("/actors", actors), ("/actors/{actor_id}", actor),
    ("/articles/{article_id}", article), ("/relations", relations), ("/stories", stories),
    ("/search", search))


def add_pages(app: FastAPI) -> None:
    """Every page at its path and at its path plus `.json`, the `.json` one registered first:
    "/events/{event_id}" would take "x.json" as an id."""
    app.get(STYLESHEET)(style)
    for path, endpoint in PAGES:
        app.get(_json_path(path))(endpoint)
        app.get(path)(endpoint)


def _json_path(path: str) -> str:
    return f"{'/index' if path == '/' else path}.json"


def _moved_to_key_dates(request: Request) -> Response:
    """`/timeline?summary=1` (and its `.json`) at the key dates' own address, its query kept."""
    # The query as it was written, less `summary`: the new page links its JSON with it as is.
    kept = "&".join(part for part in request.url.query.split("&")
                    if part and part.partition("=")[0] != "summary")
    path = "/key-dates.json" if request.url.path.endswith(".json") else "/key-dates"
    return RedirectResponse(f"{path}?{kept}" if kept else path, status_code=308)


def _moved(request: Request, path: str) -> Response:
    """A record asked for by another name, at its own address (its `.json` for a `.json` path),
    the query kept. 307, not 308: the start of an id may name another event once more are stored."""
    path += ".json" if request.url.path.endswith(".json") else ""
    query = f"?{request.url.query}" if request.url.query else ""
    return RedirectResponse(path + query, status_code=307)


def _show_all_url(request: Request) -> str:
    """This page listing every event: its query kept, any threshold replaced by `all=1`, from
    the start of its list (no page or month)."""
    return _this_page(request, ("all", "min_confidence", "page", "month"), ("all", "1"))


def _without(request: Request, *names: str) -> str:
    """This page with its query less these parameters (`about`: the page no longer scoped,
    and back at its first page, which the unscoped list surely has)."""
    return _this_page(request, names)


def _page_url(request: Request, number: int) -> str:
    """This page at page `number` of its list: its query kept, less any page or month asked."""
    return _this_page(request, ("page", "month"), *([("page", str(number))] if number > 1 else []))


def _this_page(request: Request, dropped: tuple[str, ...], *added: tuple[str, str]) -> str:
    """This page's address, its query less the `dropped` parameters and with `added` at the end."""
    pairs = [(k, v) for k, v in request.query_params.multi_items() if k not in dropped]
    pairs += added
    return f"{request.url.path}?{urlencode(pairs)}" if pairs else request.url.path


def _json_url(request: Request) -> str:
    path = "/index" if request.url.path == "/" else request.url.path
    query = f"?{request.url.query}" if request.url.query else ""
    return f"{path}.json{query}"
