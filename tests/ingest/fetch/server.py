"""A small news site on 127.0.0.1 for the fetching tests: feeds, a news sitemap and article pages
of a made-up town, and routes that misbehave on purpose. Every request is logged (method, path,
headers, the status answered) so that a test can tell what was asked and what never was.

    with NewsServer() as site:
        site.url("/news")            # "http://127.0.0.1:PORT/news"
        site.requested("/private/secret.html")   # False, if robots.txt was obeyed

Routes (the kind of each is in the response, never in the path's spelling):
  /robots.txt              disallows /private/ for every agent
  /news                    RSS 2.0 (application/rss+xml): four of the town's articles, one with
                           tracking parameters, one page with no date of its own (its pubDate)
  /atom.html               Atom, served as application/atom+xml despite the .html name
  /feed.json               JSON Feed 1.1
  /sitemap-news            a news sitemap (application/xml) with news:publication_date
  /sitemap-index           a sitemapindex listing /sitemap-news
  /troubles                RSS listing every misbehaving link below, plus file:///etc/passwd
  /elsewhere               RSS listing links to private addresses (10.0.0.1, 192.168.1.1): read it
                           with a fetcher that refuses private addresses, never follow it
  /articles/<slug>.html    an article page, its date in <meta property="article:published_time">
  /amp/articles/<slug>.html the same page's AMP copy (canonical link to the plain page)
  /moved                   301 to /articles/harbour-bridge.html
  /missing.html            404
  /flaky.html              503 with Retry-After: 1 the first time, then an article page
  /down.html               503 with Retry-After: 0, always
  /loop/a, /loop/b         302 to each other, for ever
  /huge.html               30 MB of HTML streamed without a Content-Length (bytes sent: huge_sent)
  /huge-declared.html      the same with its Content-Length stated
  /archive/letters.html    a windows-1252 page served as text/html with no charset anywhere
  /private/secret.html     an article page robots.txt forbids (must never be requested)

Every feed and sitemap answers a conditional GET (If-None-Match with its ETag, or
If-Modified-Since not before its Last-Modified) with 304 Not Modified. `publish(slug)` adds a
held-back article to /news (and changes its ETag and Last-Modified), for a second round.
"""
from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

HUGE_BYTES = 30 * 2**20
ROBOTS = "User-agent: *\nDisallow: /private/\n"
FIRST_CHANGE = datetime(2026, 3, 8, 6, 0, tzinfo=timezone.utc)


@dataclass(frozen=True, slots=True)
class Request:
    """One request the server answered: headers keyed in lower case; `at` is time.monotonic()
    when it came in."""

    method: str
    path: str  # with its query string
    headers: dict[str, str]
    status: int
    at: float = 0.0

    @property
    def conditional(self) -> bool:
        return "if-none-match" in self.headers or "if-modified-since" in self.headers


@dataclass(slots=True)
class Story:
    """A made-up article: its page states `published` in its metadata unless `dated` is False;
    `feed_date` is the date the feeds give for it."""

    slug: str
    title: str
    published: date
    paragraphs: tuple[str, ...]
    dated: bool = True
    feed_date: date | None = None

    @property
    def path(self) -> str:
        return f"/articles/{self.slug}.html"


STORIES = (
    Story("harbour-bridge", "Brackwater opens its harbour bridge", date(2026, 3, 2), (
        "The harbour bridge in Brackwater opened on Monday, March 2, 2026, after four years of"
        " work on the estuary.",
        "Mayor Ilse Varga cut the ribbon before a crowd of about two thousand people, and the"
        " first ferry of the morning sounded its horn as it passed beneath the new span.",
        "The town council approved the project in June 2022, when the old swing bridge was"
        " closed to lorries after an inspection found cracked girders.",
        "Engineers from the Norland Construction Company expect the bridge to carry twelve"
        " thousand vehicles a day by the end of the year.",
    )),
    Story("ferry-levy", "Council votes to keep the ferry levy", date(2026, 3, 4), (
        "Brackwater town council voted on Wednesday, March 4, 2026, to keep the ferry levy for"
        " another two years despite the opening of the harbour bridge.",
        "Councillor Tomas Reyes said the levy would pay for repairs to the north pier, which was"
        " damaged in a storm in January 2025.",
        "The ferry operator, Estuary Lines, had asked the council in February to scrap the charge"
        " because passenger numbers fell by a third after the bridge opened.",
        "The levy will be reviewed again in March 2028, the council said.",
    )),
    Story("flood-warning", "Flood warning for the lower town", date(2026, 3, 5), (
        "The national weather office issued a flood warning for the lower town of Brackwater on"
        " Thursday, March 5, 2026, as the river rose after three days of rain.",
        "Residents of Quay Street were told to move cars and valuables to higher ground before"
        " the evening tide.",
        "The last serious flood in the town came in November 2019, when two hundred homes were"
        " damaged and the market was closed for a month.",
        "Mayor Ilse Varga said sandbags would be handed out at the fire station until midnight.",
    )),
    Story("market-hall", "The market hall reopens", date(2026, 3, 6), (
        "The covered market hall in Brackwater reopened to traders after a year of repairs to its"
        " roof and its iron columns.",
        "Stallholder Mira Holt, who has sold fish in the hall since 2004, said the new roof"
        " finally kept the rain off the cheese counters.",
        "The restoration was paid for by a heritage grant the town won in May 2024.",
        "A farmers' market will be held in the hall on the first Saturday of every month.",
    ), dated=False, feed_date=date(2026, 3, 6)),
    Story("school-roof", "School roof repaired before spring term", date(2026, 3, 7), (
        "Workers finished repairing the roof of Brackwater Primary School on Saturday, March 7,"
        " 2026, two days before the spring term begins.",
        "The roof was torn open by the storm in January 2025, and pupils have since been taught"
        " in portable classrooms on the playing field.",
        "Head teacher Anika Brandt thanked parents who raised money for new books to replace"
        " those soaked by the rain.",
        "The education authority said the repair cost four hundred thousand pounds.",
    )),
    Story("rail-strike", "Rail workers call a strike", date(2026, 3, 9), (
        "Rail workers on the Brackwater line voted on Monday, March 9, 2026, to strike for three"
        " days later this month over pay and staffing.",
        "The union said ninety per cent of its members in the region backed the action.",
        "Northern Coast Rail said it would run a reduced timetable and urged passengers to use"
        " the new harbour bridge buses.",
        "The last strike on the line, in October 2023, lasted a single day.",
    )),
    Story("secret-plan", "A page robots.txt forbids", date(2026, 3, 3), (
        "This page lies under /private/ and no polite fetcher may ever ask for it.",
        "If its text appears in a store, robots.txt was not obeyed on March 3, 2026.",
    )),
    Story("flaky", "The pier survey, at the second try", date(2026, 3, 8), (
        "A survey of the north pier in Brackwater, published on Sunday, March 8, 2026, found"
        " that two of its timber piles must be replaced before the summer.",
        "Divers from the harbour authority inspected the pier in February after the ferry"
        " operator reported that the landing stage had tilted.",
        "The work will close the pier to ferries for two weeks in April, the authority said.",
    )),
)
HELD_BACK = {"rail-strike"}  # in no feed until publish() is called

LETTERS = (
    "Letters to the editor: the café on Quay Street",
    "Sir — the café on Quay Street has served the town since 1962, and its owner’s plan to"
    " close it on March 31, 2026 has upset many of us.",
    "The council’s “regeneration” scheme promised to keep such places open; instead the rent"
    " has risen by half, to €1,200 a month.",
    "I first drank coffee there in the winter of 1979 — long before the bridge, the levy or the"
    " market hall’s new roof.",
    "Yours faithfully, Elsa Naumann, Harbour Row.",
)


def article_html(story: Story, base: str, amp: bool = False) -> str:
    meta = f'<meta property="article:published_time" content="{story.published}T08:00:00Z">'
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    amp_attr = " amp" if amp else ""
    return f"""<!doctype html>
<html lang="en"{amp_attr}><head><meta charset="utf-8">
<title>{escape(story.title)} | Brackwater Gazette</title>
<meta property="og:title" content="{escape(story.title)}">
<meta property="og:site_name" content="Brackwater Gazette">
{meta if story.dated else ""}
<link rel="canonical" href="{base}{story.path}">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{escape(story.title)}</h1>
{paragraphs}
</article>
<footer>Brackwater Gazette. All rights reserved.</footer>
</body></html>
"""


def letters_html() -> bytes:
    title, *paragraphs = LETTERS
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    page = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>\n{body}\n"
            "</article></body></html>\n")
    return page.encode("cp1252")


def rss(title: str, base: str, items: list[tuple[str, str, date | None]]) -> str:
    def item(link: str, name: str, day: date | None) -> str:
        when = ""
        if day is not None:
            moment = datetime(day.year, day.month, day.day, 9, tzinfo=timezone.utc)
            when = f"<pubDate>{format_datetime(moment, usegmt=True)}</pubDate>"
        return f"<item><title>{escape(name)}</title><link>{escape(link)}</link>{when}</item>"

    entries = "\n".join(item(*entry) for entry in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{escape(title)}</title><link>{base}/</link>
<description>News from Brackwater</description>
{entries}
</channel></rss>
"""


@dataclass(slots=True)
class Answer:
    status: int
    body: bytes = b""
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


class NewsServer:
    """The site, serving on 127.0.0.1 on a free port in a thread. Use as a context manager."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._log: list[Request] = []
        self.stories = {story.slug: story for story in STORIES}
        hidden = HELD_BACK | {"secret-plan", "flaky", "school-roof"}  # school-roof: sitemap only
        self.published = [s.slug for s in STORIES if s.slug not in hidden]
        self.changed = FIRST_CHANGE
        self.flaky_failures = 1  # how many 503s /flaky.html gives before it answers
        self._flaky_seen = 0
        self.huge_sent = 0  # bytes of /huge.html actually written before the client stopped
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.site = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    # --- running -------------------------------------------------------------------------------
    def start(self) -> NewsServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)

    def __enter__(self) -> NewsServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    # --- the log ---------------------------------------------------------------------------------
    @property
    def log(self) -> list[Request]:
        with self._lock:
            return list(self._log)

    def paths(self) -> list[str]:
        return [request.path for request in self.log]

    def requests_for(self, path: str) -> list[Request]:
        """The requests whose path (query string left out) is `path`."""
        return [r for r in self.log if r.path.split("?")[0] == path]

    def requested(self, path: str) -> bool:
        return bool(self.requests_for(path))

    def clear_log(self) -> None:
        with self._lock:
            self._log.clear()

    def record(self, request: Request) -> None:
        with self._lock:
            self._log.append(request)

    # --- changing the site between rounds ----------------------------------------------------
    def publish(self, slug: str) -> None:
        """Add a held-back story ("rail-strike") to /news: its ETag and Last-Modified change."""
        with self._lock:
            if slug not in self.published:
                self.published.append(slug)
                self.changed += timedelta(hours=1)

    # --- what each path answers ------------------------------------------------------------------
    def answer(self, path: str, headers: dict[str, str]) -> Answer:
        path = path.split("?")[0]
        route = ROUTES.get(path)
        if route is not None:
            return route(self, headers)
        for prefix, amp in (("/articles/", False), ("/amp/articles/", True), ("/private/", False)):
            if path.startswith(prefix) and path.endswith(".html"):
                slug = path[len(prefix):-len(".html")]
                story = self.stories.get(slug)
                if story is not None and (prefix == "/private/") == (slug == "secret-plan"):
                    return self.page(story, amp)
        missing = b"<html><body><h1>Not found</h1></body></html>"
        return Answer(404, missing, "text/html; charset=utf-8")

    def page(self, story: Story, amp: bool = False) -> Answer:
        return Answer(200, article_html(story, self.base, amp).encode(), "text/html; charset=utf-8")

    def listing(self, body: str, content_type: str, headers: dict[str, str]) -> Answer:
        """A feed or sitemap, answering a conditional GET with 304 when it has not changed."""
        data = body.encode()
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        modified = format_datetime(self.changed, usegmt=True)
        validators = {"ETag": etag, "Last-Modified": modified}
        if "if-none-match" in headers:
            unchanged = etag in [t.strip() for t in headers["if-none-match"].split(",")]
        else:
            unchanged = _not_before(headers.get("if-modified-since"), self.changed)
        if unchanged:
            return Answer(304, b"", None, validators)
        return Answer(200, data, content_type, validators)

    def feed_items(self) -> list[tuple[str, str, date | None]]:
        items = []
        for slug in self.published:
            story = self.stories[slug]
            link = self.url(story.path)
            if slug == "harbour-bridge":
                link += "?utm_source=rss&utm_medium=feed"
            items.append((link, story.title, story.feed_date or story.published))
        return items


def _not_before(value: str | None, changed: datetime) -> bool:
    if not value:
        return False
    try:
        since = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return False
    if since.tzinfo is None:
        since = since.replace(tzinfo=timezone.utc)
    return since >= changed


def _robots(site: NewsServer, headers) -> Answer:
    return Answer(200, ROBOTS.encode(), "text/plain")


def _news(site: NewsServer, headers) -> Answer:
    body = rss("Brackwater Gazette", site.base, site.feed_items())
    return site.listing(body, "application/rss+xml", headers)


def _atom(site: NewsServer, headers) -> Answer:
    entries = []
    for slug in ("harbour-bridge", "flood-warning"):
        story = site.stories[slug]
        entries.append(
            f"<entry><title>{escape(story.title)}</title><id>tag:brackwater,2026:{slug}</id>"
            f'<link href="{site.url(story.path)}"/>'
            f"<updated>{story.published}T09:00:00Z</updated>"
            f"<published>{story.published}T09:00:00Z</published></entry>")
    body = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Brackwater Gazette</title>
<id>tag:brackwater,2026:atom</id><updated>2026-03-05T09:00:00Z</updated>
<link href="{site.base}/atom.html" rel="self"/>
{chr(10).join(entries)}
</feed>
"""
    return site.listing(body, "application/atom+xml", headers)


def _json_feed(site: NewsServer, headers) -> Answer:
    story = site.stories["ferry-levy"]
    body = json.dumps({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Brackwater Gazette",
        "items": [{"id": story.slug, "url": site.url(story.path), "title": story.title,
                   "date_published": f"{story.published}T09:00:00Z"}],
    }, indent=1)
    return site.listing(body, "application/feed+json", headers)


def _sitemap(site: NewsServer, headers) -> Answer:
    urls = []
    for slug in ("school-roof", "ferry-levy"):
        story = site.stories[slug]
        link = site.url(("/amp" if slug == "ferry-levy" else "") + story.path)
        urls.append(
            f"<url><loc>{escape(link)}</loc><news:news><news:publication>"
            "<news:name>Brackwater Gazette</news:name><news:language>en</news:language>"
            f"</news:publication><news:publication_date>{story.published}</news:publication_date>"
            f"<news:title>{escape(story.title)}</news:title></news:news></url>")
    body = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{chr(10).join(urls)}
</urlset>
"""
    return site.listing(body, "application/xml", headers)


def _sitemap_index(site: NewsServer, headers) -> Answer:
    body = f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{site.url("/sitemap-news")}</loc><lastmod>2026-03-07</lastmod></sitemap>
</sitemapindex>
"""
    return site.listing(body, "application/xml", headers)


TROUBLES = ("/missing.html", "/flaky.html", "/down.html", "/loop/a", "/huge.html",
            "/archive/letters.html", "/private/secret-plan.html", "/moved")


def _troubles(site: NewsServer, headers) -> Answer:
    items: list[tuple[str, str, date | None]] = [
        (site.url(path), f"Trouble at {path}", date(2026, 3, 8)) for path in TROUBLES]
    items.append(("file:///etc/passwd", "A local file", date(2026, 3, 8)))
    return site.listing(rss("Troubles", site.base, items), "application/rss+xml", headers)


def _elsewhere(site: NewsServer, headers) -> Answer:
    items: list[tuple[str, str, date | None]] = [
        ("http://10.0.0.1/x", "A private network", date(2026, 3, 8)),
        ("http://192.168.1.1/x", "A home router", date(2026, 3, 8)),
        ("http://169.254.169.254/latest/meta-data/", "A cloud metadata service", date(2026, 3, 8)),
    ]
    return site.listing(rss("Elsewhere", site.base, items), "application/rss+xml", headers)


def _moved(site: NewsServer, headers) -> Answer:
    return Answer(301, b"", None, {"Location": "/articles/harbour-bridge.html"})


def _flaky(site: NewsServer, headers) -> Answer:
    with site._lock:
        site._flaky_seen += 1
        failing = site._flaky_seen <= site.flaky_failures
    if failing:
        return Answer(503, b"busy", "text/plain", {"Retry-After": "1"})
    return site.page(site.stories["flaky"])


def _down(site: NewsServer, headers) -> Answer:
    return Answer(503, b"down", "text/plain", {"Retry-After": "0"})


def _loop(target: str):
    return lambda site, headers: Answer(302, b"", None, {"Location": target})


def _letters(site: NewsServer, headers) -> Answer:
    return Answer(200, letters_html(), "text/html")


ROUTES = {
    "/robots.txt": _robots, "/news": _news, "/atom.html": _atom, "/feed.json": _json_feed,
    "/sitemap-news": _sitemap, "/sitemap-index": _sitemap_index, "/troubles": _troubles,
    "/elsewhere": _elsewhere, "/moved": _moved, "/flaky.html": _flaky, "/down.html": _down,
    "/loop/a": _loop("/loop/b"), "/loop/b": _loop("/loop/a"), "/archive/letters.html": _letters,
    "/missing.html": lambda site, headers: Answer(404, b"gone", "text/plain"),
}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # one request per connection; bodies end when it closes

    def log_message(self, format, *args) -> None:  # noqa: A002 - quiet in tests
        pass

    def do_HEAD(self) -> None:
        self.do_GET(head=True)

    def do_GET(self, head: bool = False) -> None:
        site: NewsServer = self.server.site  # type: ignore[attr-defined]
        headers = {key.lower(): value for key, value in self.headers.items()}
        path, now = self.path.split("?")[0], time.monotonic()
        if path in ("/huge.html", "/huge-declared.html"):
            site.record(Request(self.command, self.path, headers, 200, now))
            return self._huge(site, declared=path == "/huge-declared.html", head=head)
        answer = site.answer(self.path, headers)
        site.record(Request(self.command, self.path, headers, answer.status, now))
        self.send_response(answer.status)
        if answer.content_type:
            self.send_header("Content-Type", answer.content_type)
        for key, value in answer.headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        if not head and answer.status != 304:
            self.wfile.write(answer.body)

    def _huge(self, site: NewsServer, declared: bool, head: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if declared:
            self.send_header("Content-Length", str(HUGE_BYTES))
        self.end_headers()
        if head:
            return
        chunk = b"<p>" + b"word " * 13106 + b"</p>\n"  # about 64 KiB
        sent = 0
        try:
            self.wfile.write(b"<html><body><article>")
            while sent < HUGE_BYTES:
                piece = chunk[: HUGE_BYTES - sent]
                self.wfile.write(piece)
                sent += len(piece)
                with site._lock:
                    site.huge_sent = sent
        except OSError:  # the client stopped reading at its cap and closed the connection
            pass
