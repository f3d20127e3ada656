"""The token a server others can reach asks of every request, and what counts as loopback.

A request shows the token as `Authorization: Bearer TOKEN`, as `?token=TOKEN` (the URL that
`dateline serve` prints, for a browser), or as the cookie set when the query string showed it, so
that following the pages' links keeps working without the token in every link.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOKEN_PARAM = "token"
COOKIE = "dateline_token"
BEARER = "bearer "


def is_loopback(host: str) -> bool:
    """Whether an address to listen on answers this machine only: 127.0.0.0/8, ::1, localhost.

    Any other hostname counts as reachable: what it resolves to is not ours to trust.
    """
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def cookie_value(token: str) -> str:
    # A digest, not the token: hex is safe in a cookie whatever characters the token has.
    return hashlib.sha256(b"dateline-cookie:" + token.encode()).hexdigest()


def same_secret(offered: str | None, expected: str) -> bool:
    """Compared in constant time, so the answer's timing tells nothing of the secret."""
    return offered is not None and hmac.compare_digest(offered.encode(), expected.encode())


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    return header[len(BEARER):].strip() if header.lower().startswith(BEARER) else None


def without_token(query_string: bytes) -> bytes:
    """The query string less `token`, so that no page echoes it (its JSON link) or reads it."""
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    if all(key != TOKEN_PARAM for key, _ in pairs):
        return query_string  # as sent: only a query that showed the token is written anew
    return urlencode([(k, v) for k, v in pairs if k != TOKEN_PARAM]).encode("latin-1")


class TokenGate:
    """ASGI middleware: a request without the token gets `refuse(wants_json)`, whatever its path,
    so that not even whether a page exists is told before the token is shown."""

    def __init__(self, app: ASGIApp, token: str, refuse: Callable[[bool], Response]) -> None:
        self.app, self.token, self.refuse = app, token, refuse
        self.cookie = cookie_value(token)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # lifespan; the app serves no websockets
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        from_query = same_secret(request.query_params.get(TOKEN_PARAM), self.token)
        if not (from_query or same_secret(bearer_token(request), self.token)
                or same_secret(request.cookies.get(COOKIE), self.cookie)):
            await self.refuse(request.url.path.endswith(".json"))(scope, receive, send)
            return
        scope = {**scope, "query_string": without_token(scope["query_string"])}
        await self.app(scope, receive, self._remembering(send) if from_query else send)

    def _remembering(self, send: Send) -> Send:
        """`send`, setting the cookie on the answer to a request whose URL carried the token."""
        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.append("set-cookie",
                               f"{COOKIE}={self.cookie}; Path=/; HttpOnly; SameSite=Strict")
                # This page's URL holds the token: its links must not hand it on as a Referer.
                headers["referrer-policy"] = "no-referrer"
            await send(message)
        return send_with_cookie
