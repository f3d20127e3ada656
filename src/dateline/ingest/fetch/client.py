"""The polite, careful HTTP client every web fetch goes through.

`Fetcher.get(url)` answers one URL:
1. the URL must be http(s) (E030) and its host's resolved addresses public, unless
   `allow_private` (E032); the request goes to the very address checked;
2. the site's robots.txt is read once (robots.py) and obeyed (E033);
3. one request at a time, and `delay` seconds (or the site's Crawl-delay) between two requests to
   one host; conditional headers (If-None-Match, If-Modified-Since) when given, so an unchanged
   feed costs a 304;
4. 429 and 5xx are tried again, `tries` times in all, after the Retry-After the server asks
   (seconds or an HTTP date; more than MAX_RETRY_AFTER_S and we give up for now, to come back
   next round) or else after an exponential backoff; then E031 "503 after 3 tries";
5. redirects are followed here, each hop checked as in 1 and 2, at most `max_redirects`, a loop
   refused (E034); another 4xx is E031 at once;
6. the body is streamed and read no further than `max_bytes` (E034), within a total deadline.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from dateline.errors import E030, E031, E034, FetchError, failure_detail
from dateline.ingest.fetch.addresses import check_addresses, check_url, resolve, shorten
from dateline.ingest.fetch.robots import Robots, site_of
from dateline.model import Fetched

REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_RETRY_AFTER_S = 60.0  # the longest Retry-After waited for; a longer one ends the tries
ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
          "application/feed+json,application/json;q=0.9,application/xml;q=0.9,*/*;q=0.8")
DEADLINE_TIMEOUTS = 3  # a whole answer must arrive within this many `timeout`s


@dataclass(slots=True)
class Answer:
    url: str
    status: int
    reason: str
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes = b""


class Fetcher:
    """Fetches URLs one at a time, politely (robots.txt, a delay per host, conditional GET,
    backoff) and safely (http(s) only, no private addresses, capped size and redirects). Use it
    as a context manager, or call `close()`."""

    def __init__(self, *, delay: float = 1.0, allow_private: bool = False, timeout: float = 20.0,
                 max_bytes: int = 10 * 2**20, max_redirects: int = 5, tries: int = 3,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        self.delay, self.allow_private, self.timeout = delay, allow_private, timeout
        self.max_bytes, self.max_redirects, self.tries = max_bytes, max_redirects, max(1, tries)
        self._sleep, self._clock = sleep, clock
        self.user_agent = user_agent()
        self._clients: dict[str, httpx.Client] = {}
        self._last: dict[str, float] = {}  # host -> clock when its last answer ended
        self._lock = threading.Lock()
        self._robots = Robots(self._fetch_robots, clock)

    def get(self, url: str, etag: str | None = None,
            last_modified: str | None = None) -> Fetched:
        """The answer to `url` (status 2xx, or 304 with no content when the ETag or
        Last-Modified given still holds); FetchError("E03x: ...") for anything else."""
        url, headers = url.strip(), {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        with self._lock:
            answer = self._follow(url, headers, robots=True)
        if answer.status != 304 and not 200 <= answer.status < 300:
            raise FetchError(E031.format(status=f"{answer.status} {answer.reason}".strip()))
        fetched = fetched_from(url, answer)
        if answer.status == 304:
            fetched.etag = fetched.etag or etag
            fetched.last_modified = fetched.last_modified or last_modified
        return fetched

    def close(self) -> None:
        for client in self._clients.values():
            client.close()
        self._clients.clear()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _fetch_robots(self, url: str) -> Fetched:
        return fetched_from(url, self._follow(url, {}, robots=False))

    def _follow(self, url: str, headers: dict[str, str], robots: bool) -> Answer:
        """The final answer after the redirects, each hop checked and counted."""
        seen, current = [], url
        for hop in range(self.max_redirects + 1):
            seen.append(current)
            answer = self._request(current, headers, robots)
            location = answer.headers.get("location")
            if answer.status not in REDIRECTS or not location:
                return answer
            current = urljoin(current, location.strip())
            if current in seen:
                raise FetchError(E034.format(detail=f"redirect loop back to {shorten(current)}"))
        raise FetchError(E034.format(detail=f"more than {self.max_redirects} redirects"))

    def _request(self, url: str, headers: dict[str, str], robots: bool) -> Answer:
        """One URL asked (no redirects followed), 429 and 5xx tried again."""
        _, host, port = check_url(url)
        address = check_addresses(host, resolve(host, port), self.allow_private)
        if robots:
            self._robots.check(url)
        for attempt in range(1, self.tries + 1):
            self._wait_turn(url)
            answer = self._send(url, str(address), headers)
            if answer.status != 429 and answer.status < 500:
                return answer
            wait = retry_after(answer.headers.get("retry-after"))
            if wait is not None and wait > MAX_RETRY_AFTER_S:
                raise FetchError(E031.format(status=f"{answer.status} after {tries(attempt)};"
                                             f" the server asks to wait {wait:.0f} s"))
            if attempt < self.tries:
                self._sleep(wait if wait is not None else backoff(self.delay, attempt))
        raise FetchError(E031.format(status=f"{answer.status} after {tries(self.tries)}"))

    def _wait_turn(self, url: str) -> None:
        gap = max(self.delay, self._robots.crawl_delay(url) or 0.0)
        last = self._last.get(host_of(url))
        if last is not None and (wait := gap - (self._clock() - last)) > 0:
            self._sleep(wait)

    def _send(self, url: str, address: str, headers: dict[str, str]) -> Answer:
        try:
            target = httpx.URL(url)
        except (httpx.InvalidURL, UnicodeError):
            raise FetchError(E030.format(url=shorten(url))) from None
        extensions = ({"sni_hostname": target.raw_host.decode("ascii")}  # the name, not the address
                      if target.scheme == "https" else None)
        client = self._client(site_of(url))
        request = client.build_request("GET", target.copy_with(host=address), extensions=extensions,
                                       headers={"Host": target.netloc.decode("ascii"), **headers})
        started = self._clock()
        try:
            response = client.send(request, stream=True)
            try:
                return self._read(url, response, started)
            finally:
                response.close()
        except httpx.TimeoutException:
            raise FetchError(E034.format(detail=f"timed out after {self.timeout:g} s")) from None
        except (httpx.HTTPError, httpx.StreamError) as error:
            raise FetchError(E034.format(detail=f"connection failed ({failure_detail(error)})")
                             ) from None
        finally:
            self._last[host_of(url)] = self._clock()

    def _read(self, url: str, response: httpx.Response, started: float) -> Answer:
        """The answer, its body read (for a 2xx only) up to `max_bytes` and the deadline."""
        headers = {name.lower(): value for name, value in response.headers.items()}
        answer = Answer(url, response.status_code, response.reason_phrase, headers)
        if not 200 <= answer.status < 300:
            return answer
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise FetchError(E034.format(detail=too_big(self.max_bytes)))
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(E034.format(detail=too_big(self.max_bytes)))
            if self._clock() - started > self.timeout * DEADLINE_TIMEOUTS:
                raise FetchError(E034.format(
                    detail=f"timed out: the answer took over {self.timeout * DEADLINE_TIMEOUTS:g} s"))
            chunks.append(chunk)
        answer.content = b"".join(chunks)
        return answer

    def _client(self, site: str) -> httpx.Client:
        """One client per site, so that a kept-alive connection (to an address, with the site's
        name in its TLS handshake) is only ever reused for that site."""
        if site not in self._clients:
            self._clients[site] = httpx.Client(
                timeout=self.timeout, follow_redirects=False, trust_env=False,
                headers={"User-Agent": self.user_agent, "Accept": ACCEPT})
        return self._clients[site]


def fetched_from(url: str, answer: Answer) -> Fetched:
    return Fetched(url=url, final_url=answer.url, status=answer.status, content=answer.content,
                   content_type=answer.headers.get("content-type"),
                   etag=answer.headers.get("etag"),
                   last_modified=answer.headers.get("last-modified"),
                   fetched_at=datetime.now(timezone.utc).replace(tzinfo=None))


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (a number of seconds or an HTTP date)."""
    if not value or not (value := value.strip()):
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def backoff(delay: float, attempt: int) -> float:
    """The wait before try `attempt + 1` when the server named none: 1 s, 2 s, 4 s, ... (or
    the delay, doubled each time, when it is longer)."""
    return max(delay, 1.0) * 2 ** (attempt - 1)


def tries(count: int) -> str:
    return "1 try" if count == 1 else f"{count} tries"


def too_big(limit: int) -> str:
    return f"the answer is over the limit of {limit / 2**20:g} MiB (--max-mb); not read further"


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def user_agent() -> str:
    """`Dateline/<version> (+news timeline tool)`, the version the installed package says."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"Dateline/{version('dateline')} (+news timeline tool)"
    except PackageNotFoundError:
        return "Dateline (+news timeline tool)"
