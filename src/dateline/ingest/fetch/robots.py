"""robots.txt, asked once per site (scheme, host and port) and obeyed.

What an answer means (RFC 9309, as search engines read it):
- 2xx: the rules it gives (parsed by protego) for our agent token "Dateline";
- 4xx (404, 410, 403, ...): no rules, everything may be fetched;
- 5xx or 429 after retries, a redirect loop, an answer over the size cap: the site is treated as
  disallowing everything, for ROBOTS_RETRY_S seconds (then asked again), since a server in
  trouble is the one not to load; each of its URLs is skipped with E033 meanwhile;
- a timeout or a connection that fails (E034), or an address refused (E032): the same, but its
  URLs are skipped with that very reason, which is what fetching them would have met.
Rules that were read are kept ROBOTS_KEEP_S seconds (a `dateline watch` running for days reads
a site's new rules once a day). A Crawl-delay above the fetcher's delay is honoured, up to
MAX_CRAWL_DELAY_S.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from dateline.errors import E033, FetchError
from dateline.model import Fetched

AGENT = "Dateline"  # the product token robots.txt groups are matched against
ROBOTS_KEEP_S = 24 * 3600.0
ROBOTS_RETRY_S = 600.0
MAX_CRAWL_DELAY_S = 60.0
MAX_ROBOTS_BYTES = 512 * 1024  # what Google reads of one (500 KiB)
PASSED_ON = ("E032:", "E034:")  # robots.txt failures that are the site's URLs' own reason too


@dataclass(slots=True)
class SiteRules:
    rules: object | None  # a protego.Protego, or None: everything may be fetched
    failure: str | None  # the skip reason of every URL there, when robots.txt could not be read
    read_at: float

    def crawl_delay(self) -> float | None:
        delay = self.rules.crawl_delay(AGENT) if self.rules is not None else None
        return min(float(delay), MAX_CRAWL_DELAY_S) if delay else None


class Robots:
    """The robots.txt rules of the sites met, read through `fetch` (the fetcher's own polite
    requests: it returns the final answer, 4xx included, or raises FetchError)."""

    def __init__(self, fetch: Callable[[str], Fetched], clock: Callable[[], float]):
        self._fetch = fetch
        self._clock = clock
        self._sites: dict[str, SiteRules] = {}

    def check(self, url: str) -> None:
        """Nothing when `url` may be fetched; E033 when its site's robots.txt forbids it."""
        site = self.rules_for(url)
        if site.failure is not None:
            raise FetchError(site.failure)
        if site.rules is not None and not site.rules.can_fetch(url, AGENT):
            path = urlsplit(url).path or "/"
            raise FetchError(E033.format(host=urlsplit(url).netloc, detail=f"disallows {path}"))

    def crawl_delay(self, url: str) -> float | None:
        site = self._sites.get(site_of(url))
        return site.crawl_delay() if site is not None else None

    def rules_for(self, url: str) -> SiteRules:
        key = site_of(url)
        site = self._sites.get(key)
        now = self._clock()
        if site is None or now - site.read_at > (ROBOTS_RETRY_S if site.failure else ROBOTS_KEEP_S):
            site = self._sites[key] = self.read(key + "/robots.txt", now)
        return site

    def read(self, robots_url: str, now: float) -> SiteRules:
        try:
            answer = self._fetch(robots_url)
        except FetchError as error:
            reason = str(error)
            if not reason.startswith(PASSED_ON):
                detail = f"could not be read ({reason}); nothing there is fetched for now"
                reason = E033.format(host=urlsplit(robots_url).netloc, detail=detail)
            return SiteRules(None, reason, now)
        if not 200 <= answer.status < 300:
            return SiteRules(None, None, now)
        from protego import Protego

        text = answer.content[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        return SiteRules(Protego.parse(text), None, now)


def site_of(url: str) -> str:
    """scheme://host[:port] of a URL, as robots.txt applies to it."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "", "", ""))
