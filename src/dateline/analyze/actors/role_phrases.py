"""Step 2 of actor finding: a title with a qualifier and no name after ("India's foreign
minister") is a role phrase, a mention of whoever held the office on the article's date; the
qualifier and a posting's host inside a title phrase are mentions of their own."""
from __future__ import annotations

from dateline.analyze.actors.context import ArticleActors, TitleUse
from dateline.analyze.actors.roles import phrase_actor
from dateline.model import Actor


def add_role_mentions(article: ArticleActors, titles: list[TitleUse]) -> None:
    for use in titles:
        if use.named is not None:
            # The title introduces a name: the name is the actor of the phrase; the qualifier
            # ("MEA spokesperson", "US President") is a mention of its own that codes it.
            _add_title_qualifiers(article, use)
            article.claimed.update(range(use.start, use.end))
            continue
        holder = _holder(article, use) or phrase_actor(article.kb, use, article.published)
        if holder is None:
            continue
        doc = article.doc
        _add_title_qualifiers(article, use)  # "India's ambassador to Qatar" names India and Qatar too
        article.add(doc[use.start].idx, doc[use.end - 1].idx + len(doc[use.end - 1]), holder, "role")
        article.claimed.update(range(use.start, use.end))


def _add_title_qualifiers(article: ArticleActors, use: TitleUse) -> None:
    """The owner and a posting's host named inside a title phrase are mentions of their own
    (how "qualifier"): they code the phrase, and the phrase's holder is who acts."""
    doc = article.doc
    for span, actor in ((use.qualifier, article.kb.actors.get(use.owner or "")),
                        (use.host, article.kb.lookup(doc[use.host[0]:use.host[1]].text) if use.host else None)):
        if span is not None and actor is not None:
            start, end = span
            article.add(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), actor, "qualifier")
            article.claimed.update(range(start, end))


def _holder(article: ArticleActors, use: TitleUse) -> Actor | None:
    """The office's holder on the article's date; None without a qualifier, for a past holder, or
    when nobody known held it (no mention is better than an invented one)."""
    if use.owner is None or use.past:
        return None
    for owner in article.kb.office_owners(use.owner, article.published):
        holder = article.kb.role_holder(use.key, owner, article.published)
        if holder is not None:
            return holder
    return None
