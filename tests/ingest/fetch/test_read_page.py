"""A fetched page as an article: the right character set, the page's date before the feed's,
the final URL as source and url, the canonical link."""
from datetime import date

from dateline.ingest.fetch.pages import canonical_link, page_text, read_page
from dateline.model import Article, FeedEntry, Note, Skip
from web_fakes import article_page, fetched

TEXT = ("The council’s “emergency” vote — held on Monday — approved the café’s new licence. "
        "Officials said the decision would take effect next week.\n"
        "Residents welcomed the move, according to a statement.")


def articles(items):
    return [item for item in items if isinstance(item, Article)]


def test_a_windows_1252_page_without_charset_reads_right():
    body = article_page("Council vote", TEXT, "2026-12-01").encode("cp1252")
    items = list(read_page(fetched(body, "text/html")))
    (article,) = articles(items)
    assert "council’s “emergency” vote — held on Monday" in article.text
    assert "café’s" in article.text
    assert [str(n) for n in items if isinstance(n, Note)] == [
        "note http://news.test/a: W006: the page names no character set; decoded as cp1252"]


def test_the_header_charset_wins_then_the_meta_charset():
    body = article_page("Council vote", TEXT).replace("<head>", '<head><meta charset="windows-1252">')
    data = body.encode("cp1252")
    assert page_text(fetched(data, "text/html"))[0] == body  # the page's own <meta charset>
    assert page_text(fetched(data, "text/html; charset=windows-1252")) == (body, None)
    utf8 = article_page("Council vote", TEXT).encode("utf-8")
    assert page_text(fetched(utf8, "text/html")) == (utf8.decode("utf-8"), None)


def test_the_page_date_wins_over_the_feed_date():
    entry = FeedEntry("http://news.test/a", date(2026, 12, 6))
    (dated,) = articles(read_page(fetched(article_page("T", TEXT, "2026-12-01")), entry))
    assert (dated.published, dated.published_basis) == (date(2026, 12, 1), "metadata")
    (undated,) = articles(read_page(fetched(article_page("T", TEXT)), entry))
    assert (undated.published, undated.published_basis) == (date(2026, 12, 6), "feed")
    (alone,) = articles(read_page(fetched(article_page("T", TEXT))))
    assert (alone.published, alone.published_basis) == (None, "none")


def test_source_and_url_are_the_final_url():
    page = fetched(article_page("T", TEXT))
    page.final_url = "https://news.test/2026/council-vote"
    (article,) = articles(read_page(page))
    assert article.source == article.url == "https://news.test/2026/council-vote"
    assert article.title == "T"


def test_the_canonical_link_is_made_absolute():
    page = fetched(article_page("T", TEXT, canonical="/2026/council-vote"))
    assert canonical_link(page, page.content.decode()) == "http://news.test/2026/council-vote"
    assert canonical_link(fetched(article_page("T", TEXT)), article_page("T", TEXT)) is None


def test_what_is_no_html_page_is_a_skip():
    assert list(read_page(fetched(b"%PDF-1.4 ...", "application/pdf"))) == [
        Skip("http://news.test/a", "E037: not a web page (application/pdf); only HTML pages are read")]
    (skip,) = read_page(fetched("<html><body></body></html>"))
    assert skip.reason.startswith("E006: ")
