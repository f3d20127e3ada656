"""The fetcher against a small server on 127.0.0.1 of this file's own: what it sends, what it
returns, what it refuses and which requests never reached the server."""
from __future__ import annotations

import socket
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from dateline.errors import FetchError
from dateline.ingest.fetch import addresses
from dateline.ingest.fetch.client import Fetcher


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        self.server.log.append((self.path, dict(self.headers)))
        route = self.server.routes.get(self.path.split("?")[0])
        status, headers, body = route(self) if route else (404, {}, b"not here")
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if not isinstance(body, bytes):  # a generator of chunks: streamed without a length
            self.end_headers()
            try:
                for chunk in body:
                    self.wfile.write(chunk)
            except OSError:
                pass  # the client hung up, as it should past its cap
            return
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes, self.log = {}, []

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def paths(self) -> list[str]:
        return [path for path, _ in self.log]

    def handle_error(self, request, client_address):
        pass


@pytest.fixture
def server():
    httpd = Server()
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


class Waits:
    """An injected sleep that only writes down what it was asked to wait."""

    def __init__(self):
        self.asked = []

    def __call__(self, seconds):
        self.asked.append(seconds)


@pytest.fixture
def waits():
    return Waits()


@pytest.fixture
def fetcher(waits):
    with Fetcher(delay=0, allow_private=True, sleep=waits, timeout=5) as fetcher:
        yield fetcher


def page(body=b"<html><body><p>News.</p></body></html>", **headers):
    return lambda handler: (200, {"Content-Type": "text/html; charset=utf-8", **headers}, body)


def fails(message: str):
    return pytest.raises(FetchError, match=f"^{message}")


def test_fetch_client_answers_with_a_fetched_record_and_says_who_asks(server, fetcher):
    server.routes["/news/1"] = page(ETag='"v1"', **{"Last-Modified": "Mon, 07 Dec 2026 06:00:00 GMT"})
    fetched = fetcher.get(server.url("/news/1"))
    assert (fetched.status, fetched.final_url) == (200, server.url("/news/1"))
    assert fetched.content == b"<html><body><p>News.</p></body></html>"
    assert fetched.content_type == "text/html; charset=utf-8"
    assert (fetched.etag, fetched.last_modified) == ('"v1"', "Mon, 07 Dec 2026 06:00:00 GMT")
    assert not fetched.not_modified and fetched.fetched_at.tzinfo is None
    assert server.paths() == ["/robots.txt", "/news/1"]
    agent = server.log[-1][1]["User-Agent"]
    assert agent.startswith("Dateline/") and agent.endswith(" (+news timeline tool)")
    assert server.log[-1][1]["Host"] == f"127.0.0.1:{server.server_address[1]}"


def test_fetch_client_conditional_get_costs_a_304(server, fetcher):
    def feed(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return 304, {}, b""
        return 200, {"ETag": '"v1"', "Content-Type": "application/rss+xml"}, b"<rss/>"

    server.routes["/feed"] = feed
    first = fetcher.get(server.url("/feed"))
    again = fetcher.get(server.url("/feed"), etag=first.etag,
                        last_modified="Mon, 07 Dec 2026 06:00:00 GMT")
    assert again.not_modified and again.content == b"" and again.etag == '"v1"'
    assert again.last_modified == "Mon, 07 Dec 2026 06:00:00 GMT"
    sent = server.log[-1][1]
    assert sent["If-None-Match"] == '"v1"'
    assert sent["If-Modified-Since"] == "Mon, 07 Dec 2026 06:00:00 GMT"


def test_fetch_client_a_404_is_a_skip_at_once(server, fetcher, waits):
    with fails("E031: 404 Not Found"):
        fetcher.get(server.url("/gone"))
    assert server.paths() == ["/robots.txt", "/gone"] and waits.asked == []


def test_fetch_client_a_503_then_200_waits_the_retry_after(server, fetcher, waits):
    answers = iter([(503, {"Retry-After": "1"}, b"busy"), (200, {}, b"at last")])
    server.routes["/busy"] = lambda handler: next(answers)
    assert fetcher.get(server.url("/busy")).content == b"at last"
    assert waits.asked == [1.0]
    assert server.paths() == ["/robots.txt", "/busy", "/busy"]


def test_fetch_client_gives_up_after_its_tries_backing_off(server, fetcher, waits):
    server.routes["/down"] = lambda handler: (503, {}, b"down")
    with fails("E031: 503 after 3 tries$"):
        fetcher.get(server.url("/down"))
    assert server.paths().count("/down") == 3 and waits.asked == [1.0, 2.0]


def test_fetch_client_a_long_retry_after_ends_the_tries_for_now(server, fetcher, waits):
    server.routes["/later"] = lambda handler: (429, {"Retry-After": "3600"}, b"")
    with fails("E031: 429 after 1 try; the server asks to wait 3600 s"):
        fetcher.get(server.url("/later"))
    assert server.paths().count("/later") == 1 and waits.asked == []


def test_fetch_client_follows_redirects_to_the_final_url(server, fetcher):
    server.routes["/old"] = lambda handler: (301, {"Location": "/newer?x=1"}, b"")
    server.routes["/newer"] = lambda handler: (302, {"Location": server.url("/news/2")}, b"")
    server.routes["/news/2"] = page()
    fetched = fetcher.get(server.url("/old"))
    assert (fetched.url, fetched.final_url) == (server.url("/old"), server.url("/news/2"))
    assert server.paths() == ["/robots.txt", "/old", "/newer?x=1", "/news/2"]


def test_fetch_client_a_redirect_loop_is_a_skip(server, fetcher):
    server.routes["/a"] = lambda handler: (302, {"Location": "/b"}, b"")
    server.routes["/b"] = lambda handler: (302, {"Location": "/a"}, b"")
    with fails("E034: redirect loop back to http://127.0.0.1:"):
        fetcher.get(server.url("/a"))
    assert server.paths() == ["/robots.txt", "/a", "/b"]


def test_fetch_client_counts_redirects(server, fetcher):
    server.routes.update({f"/hop{n}": (lambda n: lambda handler: (
        307, {"Location": f"/hop{n + 1}"}, b""))(n) for n in range(10)})
    with fails("E034: more than 5 redirects"):
        fetcher.get(server.url("/hop0"))
    assert server.paths()[1:] == [f"/hop{n}" for n in range(6)]


def test_fetch_client_a_redirect_to_a_file_url_is_refused(server, fetcher):
    server.routes["/sneaky"] = lambda handler: (302, {"Location": "file:///etc/passwd"}, b"")
    with fails("E030: not an http or https URL: file:///etc/passwd"):
        fetcher.get(server.url("/sneaky"))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "javascript:alert(1)",
                                 "http:///nohost", "news"])
def test_fetch_client_refuses_other_schemes_before_any_request(url, fetcher):
    with fails("E030: not an http or https URL"):
        fetcher.get(url)


def test_fetch_client_refuses_loopback_unless_allowed(server, waits):
    server.routes["/news/1"] = page()
    with Fetcher(delay=0, sleep=waits) as careful, fails("E032: 127.0.0.1 is a private, loopback"):
        careful.get(server.url("/news/1"))
    assert server.log == []  # not even robots.txt was asked


def test_fetch_client_checks_every_hop_address(server, fetcher, waits, monkeypatch):
    """A public page that redirects to a private address: refused before connecting to it
    (127.0.0.1 stands for the public server here, 127.0.0.2 for the private one)."""
    monkeypatch.setattr(addresses, "is_public", lambda address: str(address) == "127.0.0.1")
    port = server.server_address[1]
    server.routes["/out"] = lambda handler: (302, {"Location": f"http://127.0.0.2:{port}/x"}, b"")
    with Fetcher(delay=0, sleep=waits) as careful, fails("E032: 127.0.0.2 is a private"):
        careful.get(server.url("/out"))
    assert server.paths() == ["/robots.txt", "/out"]


def test_fetch_client_reads_no_further_than_the_cap(server, waits):
    server.routes["/huge"] = lambda handler: (200, {"Content-Type": "text/html"},
                                              (b"x" * 65536 for _ in range(480)))  # 30 MiB
    started = time.monotonic()
    with Fetcher(delay=0, allow_private=True, sleep=waits, max_bytes=2**20) as fetcher:
        with fails(r"E034: the answer is over the limit of 1 MiB \(--max-mb\); not read further"):
            fetcher.get(server.url("/huge"))
    assert time.monotonic() - started < 10


def test_fetch_client_refuses_a_declared_length_over_the_cap(server, waits):
    server.routes["/big"] = lambda handler: (200, {}, b"y" * 4096)
    with Fetcher(delay=0, allow_private=True, sleep=waits, max_bytes=1024) as fetcher:
        with fails("E034: the answer is over the limit"):
            fetcher.get(server.url("/big"))


def test_fetch_client_robots_txt_is_read_once_and_obeyed(server, fetcher):
    server.routes["/robots.txt"] = lambda handler: (
        200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n")
    server.routes["/news/1"] = page()
    server.routes["/private/1"] = page()
    fetcher.get(server.url("/news/1"))
    with fails(r"E033: 127.0.0.1:\d+'s robots.txt disallows /private/1"):
        fetcher.get(server.url("/private/1"))
    fetcher.get(server.url("/news/1"))
    assert server.paths() == ["/robots.txt", "/news/1", "/news/1"]


def test_fetch_client_robots_txt_for_dateline_alone(server, fetcher):
    server.routes["/robots.txt"] = lambda handler: (
        200, {}, b"User-agent: Dateline\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    with fails("E033: .*disallows /news/1"):
        fetcher.get(server.url("/news/1"))
    assert server.paths() == ["/robots.txt"]


def test_fetch_client_a_failing_robots_txt_disallows_the_site(server, fetcher):
    server.routes["/robots.txt"] = lambda handler: (503, {}, b"")
    server.routes["/news/1"] = page()
    with fails(r"E033: .*robots.txt could not be read \(E031: 503 after 3 tries\)"):
        fetcher.get(server.url("/news/1"))
    with fails("E033: "):
        fetcher.get(server.url("/news/1"))
    assert server.paths() == ["/robots.txt"] * 3


def test_fetch_client_keeps_the_delay_between_requests_to_a_host(server, waits):
    server.routes["/news/1"] = page()
    with Fetcher(delay=1.5, allow_private=True, sleep=waits, clock=lambda: 100.0) as fetcher:
        fetcher.get(server.url("/news/1"))
        fetcher.get(server.url("/news/1"))
    assert waits.asked == [1.5, 1.5]  # before the page (after robots.txt), before the second


def test_fetch_client_honours_a_longer_crawl_delay(server, waits):
    server.routes["/robots.txt"] = lambda handler: (200, {}, b"User-agent: *\nCrawl-delay: 7\n")
    server.routes["/news/1"] = page()
    with Fetcher(delay=1, allow_private=True, sleep=waits, clock=lambda: 0.0) as fetcher:
        fetcher.get(server.url("/news/1"))
    assert waits.asked == [7.0]


def test_fetch_client_times_out(server, waits):
    def slow(handler):
        time.sleep(1.5)
        return 200, {}, b"late"

    server.routes["/slow"] = slow
    with Fetcher(delay=0, allow_private=True, sleep=waits, timeout=0.3) as fetcher:
        with fails("E034: timed out after 0.3 s"):
            fetcher.get(server.url("/slow"))


def test_fetch_client_a_refused_connection_is_a_skip(waits):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with Fetcher(delay=0, allow_private=True, sleep=waits) as fetcher:
        with fails(r"E034: connection failed \(ConnectError: .*refused"):
            fetcher.get(f"http://127.0.0.1:{port}/x")
        with fails(r"E034: connection failed"):  # remembered from robots.txt: not asked again
            fetcher.get(f"http://127.0.0.1:{port}/y")
    assert waits.asked == []


DATA = Path(__file__).parent / "data"  # a self-signed certificate for "localhost", for tests only


@pytest.fixture
def tls_server(server):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(DATA / "localhost-cert.pem", DATA / "localhost-key.pem")
    server.names = []
    context.sni_callback = lambda sock, name, _: server.names.append(name)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    return server


def test_fetch_client_https_connects_to_the_checked_address_under_the_site_name(tls_server, waits):
    """The request goes to the address checked (127.0.0.1), but TLS is spoken, and the
    certificate verified, for the name in the URL."""
    tls_server.routes["/news/1"] = page()
    url = f"https://localhost:{tls_server.server_address[1]}/news/1"
    with Fetcher(delay=0, allow_private=True, sleep=waits) as fetcher:
        with fails("E034: connection failed .*CERTIFICATE_VERIFY_FAILED"):
            fetcher.get(url)  # a certificate no authority signed
    with Fetcher(delay=0, allow_private=True, sleep=waits) as fetcher:
        trusting = ssl.create_default_context(cafile=DATA / "localhost-cert.pem")
        fetcher._clients[f"https://localhost:{tls_server.server_address[1]}"] = httpx.Client(
            verify=trusting, trust_env=False)
        assert fetcher.get(url).content == b"<html><body><p>News.</p></body></html>"
    assert set(tls_server.names) == {"localhost"}
    assert tls_server.paths() == ["/robots.txt", "/news/1"]
