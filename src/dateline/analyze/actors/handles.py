"""Social media handles: "@MHaneefAtmar" is a person, named by the knowledge, by the attribution
line of a pasted post ("— Mohammad Haneef Atmar (@MHaneefAtmar) July 13, 2021"), or else an
actor of its own that fusion joins to the person whose name it spells.
"""
from __future__ import annotations

import re

from dateline.analyze.actors.context import ArticleActors
from dateline.model import Actor

HANDLE = re.compile(r"(?<![\w@])@[A-Za-z_][A-Za-z0-9_]{1,30}(?!\w)")
ATTRIBUTION_GAP = re.compile(r"\s*\(\s*$")  # between a name and "(@handle)"


def add_handle_mentions(article: ArticleActors) -> None:
    text = article.text
    for match in HANDLE.finditer(text):
        start, end = match.span()
        if any(m.start < end and start < m.end for m in article.mentions):
            continue  # the entity ruler found it already
        known = article.kb.resolve(match.group(0))
        if known is not None and known[0].kind == "person":
            article.add(start, end, known[0], "handle")
            continue
        owner = _attributed(article, start)
        article.add(start, end, owner or handle_actor(match.group(0)), "handle")


def _attributed(article: ArticleActors, start: int) -> Actor | None:
    """The person named right before "(@handle)", as a pasted post signs itself."""
    gap = ATTRIBUTION_GAP.search(article.text, 0, start)
    if gap is None or gap.end() != start:
        return None
    for mention in reversed(article.mentions):
        if mention.end == gap.start():
            actor = article.actors.get(mention.actor_id)
            return actor if actor is not None and actor.kind == "person" else None
    return None


def handle_actor(handle: str) -> Actor:
    return Actor("handle:" + handle.lstrip("@").lower(), handle, "person")
