"""What a fetched URL is, told from the response (content type and first element), never the URL."""
import json

import pytest

from dateline.ingest.fetch.kinds import source_kind
from web_fakes import HTML, RSS, XML, article_page, fetched, rss

ATOM = '<?xml version="1.0"?>\n<!-- news --><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>'
RDF = '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>'
URLSET = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'
INDEX = '\ufeff<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></sitemapindex>'
JSON_FEED = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": []})


@pytest.mark.parametrize(("body", "content_type", "kind"), [
    (rss(("http://news.test/a", None)), RSS, "feed"),
    (rss(("http://news.test/a", None)), "text/html", "feed"),  # a server that calls its feed HTML
    (ATOM, "application/atom+xml", "feed"),
    (RDF, XML, "feed"),
    (JSON_FEED, "application/feed+json", "feed"),
    (JSON_FEED, None, "feed"),
    (URLSET, XML, "sitemap"),
    (INDEX, "text/xml", "sitemap"),
    (article_page("Title", "Text."), HTML, "page"),
    ("<!DOCTYPE html>\n<html><body>feed</body></html>", None, "page"),
    (json.dumps({"version": "1", "items": []}), "application/json", "page"),  # JSON, no JSON Feed
])
def test_the_kind_comes_from_the_body(body, content_type, kind):
    assert source_kind(fetched(body, content_type)) == kind


def test_the_url_does_not_decide():
    page = fetched(article_page("Title", "Text."), HTML, url="http://news.test/feed.xml")
    feed = fetched(rss(("http://news.test/a", None)), RSS, url="http://news.test/story.html")
    assert (source_kind(page), source_kind(feed)) == ("page", "feed")
