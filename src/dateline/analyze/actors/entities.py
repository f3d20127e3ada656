"""Step 3 of actor finding: named entities from the parse resolve through the knowledge (names,
aliases, handles, demonyms, capitals); what it does not know is left for step 4, with where its
name starts and ends once the words around it that name no one are dropped."""
from __future__ import annotations

import re

from spacy.tokens import Span

from dateline.analyze.actors.bare_names import named_in_full
from dateline.analyze.actors.context import ArticleActors
from dateline.analyze.actors.not_names import DETERMINERS, name_end, without_describers
from dateline.analyze.nlp import doc_ents
from dateline.knowledge.names import name_parts
from dateline.model import Actor

ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")


def add_entity_mentions(article: ArticleActors, titles: re.Pattern) -> list[tuple[Span, int, int]]:
    """Mention every entity the knowledge knows; return the others (with where their name starts
    and ends). `titles` is the knowledge's `title_pattern`, to strip a title before a name."""
    deferred = []
    for ent in doc_ents(article.doc):
        if ent.label_ not in ACTOR_LABELS or any(token.i in article.claimed for token in ent):
            continue
        start, end = _name_start(article, ent, titles), name_end(article.text, ent)
        text = article.text[start:end]
        # "Mullah Baradar" is an alias as a whole; the mention still starts at the name.
        known = article.kb.resolve(ent.text) or article.kb.resolve(text)
        # "William Hague ... Hague said": the man, not the seat of the Netherlands ("The Hague")
        determined = ent[0].lower_ in DETERMINERS or ent.start > 0 and ent.doc[ent.start - 1].lower_ in DETERMINERS
        bare = known is not None and known[1] == "capital" and not determined
        named = _named_person(article, text) if bare else None
        if named is not None:
            article.add(start, end, named, "surname")
        elif known is not None:
            article.add(start, end, known[0], known[1])
        elif known is None and ent.label_ != "PERSON" and article.kb.place(text) is not None:
            continue  # a city or region that is no actor: the event coder reads it as a location
        else:
            deferred.append((ent, start, end))
    return deferred


def _named_person(article: ArticleActors, text: str) -> Actor | None:
    """The one person this article has named in full whose surname this word is."""
    found = named_in_full(article.people, name_parts(text))
    return found[0] if len(found) == 1 else None


def _name_start(article: ArticleActors, ent: Span, titles: re.Pattern) -> int:
    """Where the name starts once a leading "the", a verb or a describing noun of a headline
    ("Targeting Assad", "Activist Hadi Abdullah"), honorifics and titles are dropped."""
    ent = without_describers(article.kb, ent)
    text = ent.text
    if ent.label_ == "PERSON":
        stripped = article.kb.strip_honorifics(text)
        if article.kb.resolve(stripped) is not None or article.kb.spelled_alike(stripped) is not None:
            return ent.end_char - len(stripped)  # "Amir Khan Muttaqi": a name, though "Amir" is a title
        match = titles.match(stripped)
        if match and match.end() < len(stripped):
            stripped = stripped[match.end() :].lstrip()
        return ent.end_char - len(stripped)
    if text[:4].lower() == "the " and len(text) > 4:
        return ent.start_char + 4
    return ent.start_char
