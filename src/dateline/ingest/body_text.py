"""The visible text of a page's body: what an HTML file gives when the main-text extractor finds
nothing in it (a paragraph under thousands of nested elements, beside a huge attribute).

1. stream the markup through the standard library's tokenizer: no tree is built, so no depth of
   nesting and no size of attribute meets a recursion or parser limit, and time stays linear,
2. leave out what a reader never sees as the page's text: the head, scripts, styles, templates,
   and navigation boilerplate (HIDDEN_ELEMENTS),
3. end a paragraph at each block element, and join a paragraph's words with single spaces.
"""
from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

from dateline.ingest.markup import feed_page

# Elements whose content is not the page's text. An unclosed one hides the rest of its parent;
# <body> always starts visible, so a <head> left open hides nothing of it.
HIDDEN_ELEMENTS = frozenset({
    "head", "title", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
    "nav", "header", "footer", "aside", "form", "button", "select", "datalist",
})
# Elements that start and end a paragraph.
BLOCK_ELEMENTS = frozenset({
    "address", "article", "blockquote", "body", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section",
    "table", "td", "th", "tr", "ul",
})
# Elements that never have content or an end tag.
VOID_ELEMENTS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
})


def body_text(html: str) -> str:
    """The visible text of the page's body, paragraphs apart by a blank line; "" when none."""
    parser = _BodyTextParser()
    feed_page(parser, html)
    return parser.text()


class _BodyTextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden: list[str] = []  # the hidden elements open around the current position
        self.open_hidden: Counter[str] = Counter()  # how many of each are open, to look one up
        self.paragraphs: list[list[str]] = [[]]

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "body":
            self._close_hidden(0)
        if tag in BLOCK_ELEMENTS:
            self._end_paragraph()
        if tag in HIDDEN_ELEMENTS and tag not in VOID_ELEMENTS:
            self.hidden.append(tag)
            self.open_hidden[tag] += 1

    def handle_endtag(self, tag: str) -> None:
        if self.open_hidden[tag]:  # it closes what was opened inside it, as browsers do
            self._close_hidden(_last_index(self.hidden, tag))
        if tag in BLOCK_ELEMENTS:
            self._end_paragraph()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.paragraphs[-1].append(data)

    def _close_hidden(self, start: int) -> None:
        """Close the hidden elements from the `start`th open one on (amortized: each was opened)."""
        for tag in self.hidden[start:]:
            self.open_hidden[tag] -= 1
        del self.hidden[start:]

    def _end_paragraph(self) -> None:
        if self.paragraphs[-1]:
            self.paragraphs.append([])

    def text(self) -> str:
        joined = (" ".join("".join(parts).split()) for parts in self.paragraphs)
        return "\n\n".join(paragraph for paragraph in joined if paragraph)


def _last_index(items: list[str], item: str) -> int:
    return next(index for index in range(len(items) - 1, -1, -1) if items[index] == item)
