"""Article text and source sentences as HTML with their marks, every character escaped.

Marks may overlap (a date inside an actor's phrase), so the text is cut at every mark's edge
and each piece is wrapped in the marks that cover it; nothing from the article is ever emitted
unescaped.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from dateline.model import ArticleView
from dateline.query.articles import find_words


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # actor, time, trigger: the CSS class it is drawn with
    title: str  # shown on hover
    href: str | None = None


def article_marks(view: ArticleView) -> list[Mark]:
    """The marks of an article: actor mentions, time expressions, and the triggers of its events."""
    marks = [Mark(m.start, m.end, "actor", f"{m.actor_id} ({m.how})", actor_href(m.actor_id))
             for m in view.mentions]
    marks += [Mark(t.start, t.end, "time", f"{t.type} {t.value}") for t in view.times]
    marks += [Mark(e.start, e.end, "trigger", e.type, event_href(e.fused_id) if e.fused_id else None)
              for e in view.events if e.start is not None]
    return marks


def actor_href(actor_id: str) -> str:
    return "/actors/" + quote(actor_id, safe=":")


def event_href(event_id: str) -> str:
    return "/events/" + quote(event_id, safe="")


def marked_text(text: str, marks: Sequence[Mark], offset: int = 0) -> Markup:
    """`text` (starting at character `offset` of its article) with `marks` drawn in."""
    edges = {0, len(text)}
    for mark in marks:
        edges |= {min(max(mark.start - offset, 0), len(text)),
                  min(max(mark.end - offset, 0), len(text))}
    cuts = sorted(edges)
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [m for m in marks if m.start - offset <= start and end <= m.end - offset]
        pieces.append(_wrap(escape(text[start:end]), covering))
    return Markup("").join(pieces)


def _wrap(piece: Markup, marks: Sequence[Mark]) -> Markup:
    # The widest mark outermost, so a link around a phrase holds the marks inside it.
    for mark in sorted(marks, key=lambda m: m.end - m.start):
        tag = "a" if mark.href else "mark"
        href = Markup(' href="{}"').format(mark.href) if mark.href else Markup("")
        piece = Markup('<{tag} class="{kind}" title="{title}"{href}>{piece}</{tag}>').format(
            tag=Markup(tag), kind=mark.kind, title=mark.title, href=href, piece=piece)
    return piece


def sentence_marks(sentence: str, trigger: str | None, date_text: str | None) -> list[Mark]:
    """The trigger and the date words of a source sentence, found as written."""
    marks = []
    for words, kind, title in ((trigger, "trigger", "trigger"), (date_text, "time", "date")):
        span = find_words(sentence, words)
        if span:
            marks.append(Mark(span[0], span[1], kind, title))
    return marks


def marked_sentence(sentence: str, trigger: str | None, date_text: str | None) -> Markup:
    return marked_text(sentence, sentence_marks(sentence, trigger, date_text))
