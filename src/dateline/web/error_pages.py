"""How the web UI answers what it cannot show: a user's mistake, a missing record, a database
that will not open, a request without the token, a crash; as a page, or as JSON for a `.json`
path."""
from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from jinja2 import Environment

from dateline.errors import E082, DatelineError, NotFound, QueryError
from dateline.web.headers import SECURITY_HEADERS


def error_answer(templates: Environment, error: DatelineError, wants_json: bool) -> Response:
    """A user's mistake as 400, a missing record as 404, a database that will not open as 503."""
    status = 404 if isinstance(error, NotFound) else 400 if isinstance(error, QueryError) else 503
    return error_page(templates, str(error), status, wants_json,
                      "Not found" if status == 404 else "Error")


def refusal(templates: Environment, wants_json: bool) -> Response:
    """401 for a request without the server's token: the message only, none of the data."""
    response = error_page(templates, E082, 401, wants_json, "Token needed")
    response.headers["WWW-Authenticate"] = "Bearer"
    return response


def crash(request: Request, error: Exception) -> Response:
    """A crash is answered outside every middleware, so it carries the headers itself."""
    return PlainTextResponse("Internal Server Error", status_code=500, headers=SECURITY_HEADERS)


def error_page(templates: Environment, message: str, status: int, wants_json: bool,
               title: str) -> Response:
    if wants_json:
        return JSONResponse({"error": message}, status_code=status)
    html = templates.get_template("error.html").render(
        title=title, message=message, here="", json_url=None)
    return HTMLResponse(html, status_code=status)
