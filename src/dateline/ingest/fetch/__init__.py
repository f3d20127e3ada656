"""Fetching from the web, politely and safely: `Fetcher` (client.py) answers a URL with a
`Fetched` record or a `FetchError` whose message is the skip line's reason.

    from dateline.ingest.fetch.client import Fetcher
    with Fetcher(delay=1.0) as fetcher:
        page = fetcher.get("https://example.com/news/1")

The modules import httpx and protego themselves, so that importing `dateline.ingest` stays fast and
needs no network library: this package's own door imports nothing until a name is asked for.
"""
from __future__ import annotations

from importlib import import_module

_NAMES = {"Fetcher": "client", "normalize_url": "urls", "check_url": "addresses"}

__all__ = sorted(_NAMES)


def __getattr__(name: str):
    if name not in _NAMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_NAMES[name]}"), name)
