"""Who may ask the server: the host names it answers, the token a server others can reach asks
of every request, and what counts as loopback.

A request shows the token as `Authorization: Bearer TOKEN`, as `?token=TOKEN` (the URL that
`dateline serve` prints, for a browser), or as the cookie set when the query string showed it, so
that following the pages' links keeps working without the token in every link.

The `Host` a request names must be a loopback name or one the server was started for: a page on
any other site that rebinds its own name to 127.0.0.1 then gets nothing from a server without a
token (DNS rebinding), since the browser still sends that site's name.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Callable, Collection, Iterable
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dateline.errors import E085

TOKEN_PARAM = "token"
COOKIE = "dateline_token"
BEARER = "bearer "
TOKEN_LEAST = 16  # characters; a generated token has 32
LOOPBACK_NAMES = ("localhost", "127.0.0.0/8", "::1")  # always answered: how E085 names them


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


def host_name(value: str) -> str:
    """The name in a `Host` header or an allowed host, lowercased, without port or brackets; an
    IP address in its one canonical spelling."""
    name = value.strip().lower()
    if name.startswith("["):  # [::1] or [::1]:8000
        name = name[1:].partition("]")[0]
    elif name.count(":") == 1:  # name:port; a bare IPv6 address has more colons
        name = name.partition(":")[0]
    try:
        return str(ipaddress.ip_address(name))
    except ValueError:
        return name


def new_token() -> str:
    """A token for a server started without one where others can reach it."""
    return secrets.token_urlsafe(24)


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


class HostGate:
    """ASGI middleware: a request whose `Host` is neither loopback nor one of `allowed` gets
    `refuse(message, wants_json)` (E085), whatever its path and whether or not it shows a token."""

    def __init__(self, app: ASGIApp, allowed: Iterable[str],
                 refuse: Callable[[str, bool], Response]) -> None:
        self.app, self.refuse = app, refuse
        names = dict.fromkeys(host_name(name) for name in allowed)  # in order, once each
        self.allowed = frozenset(name for name in names if not is_loopback(name))
        self.described = ", ".join([*LOOPBACK_NAMES, *(n for n in names if n in self.allowed)])

    def allows(self, name: str) -> bool:
        return is_loopback(name) or name in self.allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        name = host_name(Headers(scope=scope).get("host", ""))
        if self.allows(name):
            await self.app(scope, receive, send)
            return
        message = E085.format(allowed=self.described, host=name or '""')
        await self.refuse(message, scope["path"].endswith(".json"))(scope, receive, send)


class TokenGate:
    """ASGI middleware: a request without the token gets `refuse(wants_json)`, whatever its path
    (bar the `public` ones, which hold no data), so that not even whether a page exists is told
    before the token is shown."""

    def __init__(self, app: ASGIApp, token: str, refuse: Callable[[bool], Response],
                 public: Collection[str] = ()) -> None:
        self.app, self.token, self.refuse, self.public = app, token, refuse, frozenset(public)
        self.cookie = cookie_value(token)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in self.public:  # lifespan; no websockets
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
                # This page's URL holds the token: `Referrer-Policy: no-referrer`, set on every
                # answer (dateline.web.headers), keeps its links from handing it on.
                headers.append("set-cookie",
                               f"{COOKIE}={self.cookie}; Path=/; HttpOnly; SameSite=Strict")
            await send(message)
        return send_with_cookie
