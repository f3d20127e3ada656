"""The headers every answer of the web app carries, whatever its path, status or kind.

The pages need no script, load their styles from our own `/style.css`, draw charts as inline SVG
(styled by classes, never `style=`), and submit forms to their own server; the policy allows
exactly that. No page may be framed, and no link hands on a Referer: the URL `dateline serve`
prints can hold the token.
"""
from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'none'",  # no script, font, frame or fetch of any kind
    "style-src 'self'",  # /style.css only: no inline <style> or style= attribute
    "img-src 'self'",  # the browser's own favicon request, nothing else
    "form-action 'self'",  # the filter forms submit to this server only
    "frame-ancestors 'none'",
    "base-uri 'none'",
))
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


class SecurityHeaders:
    """ASGI middleware: sets `SECURITY_HEADERS` on every answer that passes through it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_secured)
