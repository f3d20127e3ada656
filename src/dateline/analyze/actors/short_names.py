"""Step 4 of actor finding: the entities the knowledge does not know by name. A short name
("Atmar", "President Assad") is the one person the article's evidence points to (bare_names); a
name in brackets after a mention is its short form; entities that name no one are dropped
(not_names); what is left becomes a new person or organisation (unknown_actors), a bare name one
of this article alone."""
from __future__ import annotations

from spacy.tokens import Span

from dateline.analyze.actors.bare_names import NameContext, bearer
from dateline.analyze.actors.context import ArticleActors, TitleUse
from dateline.analyze.actors.not_names import is_no_name, names_a_body
from dateline.analyze.actors.unknown_actors import new_organisation, new_person, owner_after
from dateline.knowledge import normalize
from dateline.model import Actor


def add_short_name_mentions(
    article: ArticleActors, deferred: list[tuple[Span, int, int]], coded: dict[tuple[int, int], TitleUse]
) -> None:
    # What tells short names apart: the article's people (a list that grows as full names are
    # found) and the countries it names, all mentioned by now.
    countries = {actor.id for actor in article.actors.values() if actor.kind == "country"}
    context = NameContext(article.kb, article.published, article.people, countries)
    for ent, start, end in deferred:
        text = article.text[start:end]
        if normalize(text) in article.kb.non_actors:
            continue
        named_before = _parenthesized_alias(article, ent)
        if named_before is not None:
            article.add(start, end, named_before, "alias")
            continue
        person = _person_by_short_name(article, context, ent, text, coded.get((ent.start, ent.end)))
        if person is not None:  # "Jai Prakash Singh" for "J.P. Singh" is a name; "Singh" a surname
            article.add(start, end, person, "surname" if len(text.split()) == 1 else "name")
        elif is_no_name(article.kb, ent, text):
            continue
        elif ent.label_ == "PERSON" and not names_a_body(article.kb, text):
            person = new_person(article, text, coded.get((ent.start, ent.end)), ent)
            article.add(start, end, person, "name")
        elif ent.label_ in ("ORG", "PERSON"):  # a company the NER took for a person's name too
            article.add(start, end, new_organisation(article, text, ent), "name")


def _parenthesized_alias(article: ArticleActors, ent: Span) -> Actor | None:
    """ "The Nigerian Union of Teachers (NUT)": a name in brackets right after a mention is that
    mention's short form."""
    doc = article.doc
    if ent.start < 2 or ent.end >= len(doc) or doc[ent.start - 1].text != "(" or doc[ent.end].text != ")":
        return None
    before = doc[ent.start - 2]
    for mention in reversed(article.mentions):
        if mention.end == before.idx + len(before):
            return article.actors.get(mention.actor_id)
    return None


def _person_by_short_name(article: ArticleActors, context: NameContext, ent: Span, text: str,
                          title: TitleUse | None) -> Actor | None:
    """ "Atmar", "President Assad", "King Abdullah of Jordan": the one person the evidence of this
    article points to (bare_names.bearer), else None."""
    owner = title.owner if title is not None else None
    return bearer(context, text, title.key if title is not None else None, owner or owner_after(article, ent))
