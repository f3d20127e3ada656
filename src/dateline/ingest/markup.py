"""Reading a page's markup with the standard library's tokenizer, which builds no tree."""
from __future__ import annotations

from html.parser import HTMLParser


def feed_page(parser: HTMLParser, html: str) -> None:
    """Feed `parser` the whole page. CPython's tokenizer asserts on a marked section with no
    name ("<![ x", "<![]>") instead of reading it as text: what came before it is kept, and the
    page is still read."""
    try:
        parser.feed(html)
        parser.close()
    except AssertionError:
        pass
