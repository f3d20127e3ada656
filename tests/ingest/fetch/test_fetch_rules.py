"""The fetcher's rules without a server: one spelling per page, which addresses are refused,
what a Retry-After means, what a robots.txt answer means."""
from __future__ import annotations

import ipaddress
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from dateline.errors import FetchError
from dateline.ingest.fetch.addresses import check_addresses, check_url, is_public, resolve
from dateline.ingest.fetch.client import backoff, retry_after
from dateline.ingest.fetch.robots import Robots
from dateline.ingest.fetch.urls import normalize_url
from dateline.model import Fetched


@pytest.mark.parametrize("url, expected", [
    ("HTTP://Example.COM:80/news/story?b=2&a=1#comments", "http://example.com/news/story?a=1&b=2"),
    ("https://example.com/news/story?utm_source=rss&utm_medium=feed&fbclid=x&gclid=y",
     "https://example.com/news/story"),
    ("https://example.com/news/story?id=7&utm_campaign=z", "https://example.com/news/story?id=7"),
    ("https://amp.example.com/news/story", "https://example.com/news/story"),
    ("https://example.com/amp/news/story", "https://example.com/news/story"),
    ("https://example.com/news/story/amp", "https://example.com/news/story"),
    ("https://example.com/news/story/amp/", "https://example.com/news/story/"),
    ("https://example.com/news/story.amp.html", "https://example.com/news/story.html"),
    ("https://example.com/news/story?amp", "https://example.com/news/story"),
    ("https://example.com/news/story?outputType=amp", "https://example.com/news/story"),
    ("https://m.example.com/news/story", "https://example.com/news/story"),
    ("https://mobile.example.co.uk/news/story", "https://example.co.uk/news/story"),
    ("https://example.com:443", "https://example.com/"),
    ("http://example.com:8080/a", "http://example.com:8080/a"),
    ("  https://example.com/a  ", "https://example.com/a"),
])
def test_fetch_rules_normalize_url_folds_copies_of_a_page(url, expected):
    assert normalize_url(url) == expected
    assert normalize_url(expected) == expected


def test_fetch_rules_normalize_url_keeps_what_tells_pages_apart():
    assert normalize_url("https://m.com/a") == "https://m.com/a"  # a site named m, not a mobile copy
    assert normalize_url("https://example.com/ampere") == "https://example.com/ampere"
    assert normalize_url("https://example.com/a?page=2") != normalize_url("https://example.com/a")
    assert normalize_url("file:///etc/passwd") == "file:///etc/passwd"


@pytest.mark.parametrize("address", [
    "10.0.0.1", "192.168.1.1", "172.16.5.4", "127.0.0.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "224.0.0.1", "240.0.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1",
    "::ffff:10.0.0.1", "::"])
def test_fetch_rules_private_addresses_are_refused(address):
    assert not is_public(ipaddress.ip_address(address))
    shown = re.escape(str(ipaddress.ip_address(address)))
    with pytest.raises(FetchError, match=f"^E032: h is a private, loopback or link-local address"
                                         f" \\({shown}\\); --allow-private fetches it$"):
        check_addresses("h", [ipaddress.ip_address(address)], allow_private=False)


def test_fetch_rules_public_addresses_pass_and_one_private_among_them_fails_all():
    public = [ipaddress.ip_address("93.184.216.34"), ipaddress.ip_address("2606:2800:220:1::1")]
    assert check_addresses("h", public, allow_private=False) == public[0]
    with pytest.raises(FetchError, match="^E032:"):
        check_addresses("h", [*public, ipaddress.ip_address("10.0.0.1")], allow_private=False)
    with pytest.raises(FetchError, match=r"^E032: 10.0.0.1 is a private, loopback or link-local"
                                         r" address; --allow-private fetches it$"):
        check_addresses("10.0.0.1", [ipaddress.ip_address("10.0.0.1")], allow_private=False)
    assert str(check_addresses("h", [ipaddress.ip_address("10.0.0.1")], allow_private=True)) \
        == "10.0.0.1"


def test_fetch_rules_check_url_and_resolve_a_literal_address():
    assert check_url("HTTPS://Example.com/x") == ("https", "example.com", 443)
    assert check_url("http://10.0.0.1:8080/x") == ("http", "10.0.0.1", 8080)
    assert resolve("10.0.0.1", 80) == [ipaddress.ip_address("10.0.0.1")]  # no lookup for it
    for url in ("file:///etc/passwd", "data:text/html,hi", "//example.com/x", "http://[::1/x"):
        with pytest.raises(FetchError, match="^E030: not an http or https URL: "):
            check_url(url)


def test_fetch_rules_retry_after_in_seconds_or_as_a_date():
    assert retry_after("120") == 120.0
    assert retry_after(None) is None and retry_after("soon") is None
    later = datetime.now(timezone.utc) + timedelta(seconds=30)
    assert 25 <= retry_after(format_datetime(later, usegmt=True)) <= 30
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a date gone by: no wait
    assert [backoff(0, n) for n in (1, 2, 3)] == [1.0, 2.0, 4.0]
    assert [backoff(3, n) for n in (1, 2)] == [3.0, 6.0]


def answer(status: int, body: bytes = b"") -> Fetched:
    return Fetched("u", "u", status, body, "text/plain", None, None, datetime(2026, 12, 7))


class FakeSite:
    def __init__(self, *answers):
        self.answers, self.asked = list(answers), []

    def __call__(self, url):
        self.asked.append(url)
        found = self.answers.pop(0)
        if isinstance(found, Exception):
            raise found
        return found


def test_fetch_rules_robots_404_allows_all_and_is_asked_once_per_site():
    site = FakeSite(answer(404), answer(200, b"User-agent: *\nDisallow: /\n"))
    robots = Robots(site, clock=lambda: 0.0)
    robots.check("https://example.com/a")
    robots.check("https://example.com/b")
    with pytest.raises(FetchError, match="^E033: example.org's robots.txt disallows /a$"):
        robots.check("https://example.org/a")
    assert site.asked == ["https://example.com/robots.txt", "https://example.org/robots.txt"]


def test_fetch_rules_robots_failure_is_remembered_for_a_while_then_asked_again():
    now = [0.0]
    site = FakeSite(FetchError("E031: 500 after 3 tries"), answer(200, b""))
    robots = Robots(site, clock=lambda: now[0])
    for _ in range(2):
        with pytest.raises(FetchError, match=r"^E033: example.com's robots.txt could not be read"
                                             r" \(E031: 500 after 3 tries\)"):
            robots.check("https://example.com/a")
    now[0] = 601.0
    robots.check("https://example.com/a")
    assert len(site.asked) == 2


def test_fetch_rules_importing_ingest_loads_no_network_library():
    code = ("import sys, dateline.ingest, dateline.ingest.fetch; "
            "print(sorted(m for m in ('httpx', 'protego', 'courlan') if m in sys.modules))")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"
