"""Actors the knowledge does not know: a new person, whose country and sector come from a title
before the name, a surname only one country's known people bear, or the words that describe
them ("British Defence Secretary Tom King", "Salah Sidhoum, Algeria's leading human rights
activist"); a new organisation, whose country a word of its name or the words around it give."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dateline.analyze.actors.bare_names import ever_held
from dateline.analyze.actors.context import ArticleActors, TitleUse
from dateline.analyze.nlp import doc_ents, entity_starting
from dateline.knowledge import normalize, slugify
from dateline.model import Actor, scoped_id


def owner_after(article: ArticleActors, ent: Span) -> str | None:
    """ "King Abdullah of Jordan", "the United Bus Company of Tehran": the country named (or by
    its capital) right after a name; the NER may have run the "of" into the name."""
    doc = article.doc
    of = ent.end - 1 if doc[ent.end - 1].lower_ == "of" else ent.end
    if of + 1 >= len(doc) or doc[of].lower_ != "of":
        return None
    after = entity_starting(doc, of + 1)
    actor = article.kb.lookup(after.text) if after is not None else None
    return actor.id if actor is not None and actor.kind == "country" else None


def new_person(article: ArticleActors, name: str, title: TitleUse | None, ent: Span | None = None) -> Actor:
    """Someone the knowledge does not know; a title before the name says whom they serve."""
    actor_id = "person:" + slugify(name)
    if len(name.split()) == 1 and article.scope:
        actor_id = scoped_id(actor_id, article.scope)  # "Kamil" here may not be "Kamil" elsewhere
    if actor_id in article.actors:
        return article.actors[actor_id]
    country, sector = None, None
    if title is not None:
        owner = article.kb.actors.get(title.owner) if title.owner else None
        country = owner.country if owner is not None else article.kb.title_owner(title.key)
        sector = article.kb.title_sectors.get(article.kb.canonical_title(title.key, country))
        if owner is not None and owner.country is None and owner.sector in ("IGO", "NGO"):
            sector = owner.sector  # the Arab League's secretary-general speaks for an IGO
    if country is None:
        country = _surname_country(article, name, title)
    if country is None and ent is not None:
        described_country, described_sector = _described_before(article, ent)
        if described_country is None:
            described_country, described_sector = _described_after(article, ent)
        country, sector = described_country, sector or described_sector
    return Actor(actor_id, name, "person", country, sector)


# How far left of a name its description may reach: "British Defence Secretary Tom King".
DESCRIPTION_MAX_TOKENS = 5


def _surname_country(article: ArticleActors, name: str, title: TitleUse | None) -> str | None:
    """ "President Bush" is one of two known Bushes who were presidents, but both are American.
    Only a bare surname says so, not too common a one, and under a title only when its bearers
    held it: "Francisco Franco" is no Brazilian for sharing a surname with one, nor "King
    Abdullah" an Afghan."""
    kb = article.kb
    if len(name.split()) != 1 or normalize(name) in kb.ambiguous_surnames:
        return None
    office = kb.canonical_title(title.key) if title is not None else None
    holders = [person for person in kb.surname_people(name) if office is None or ever_held(kb, person, office)]
    countries = {person.country for person in holders}
    return countries.pop() if len(countries) == 1 else None


def _described_before(article: ArticleActors, ent: Span) -> tuple[str | None, str | None]:
    """Country and sector from the words just before a name that no known title covers: a
    demonym or country ("British", "Syria's") and an agent noun ("Secretary", "General")."""
    country = sector = None
    doc = article.doc
    for token in reversed(doc[max(ent.start - DESCRIPTION_MAX_TOKENS, 0): ent.start]):
        if token.lower_ in ("of", "the", "for") or token.tag_ in ("VBG", "VBN") and token.is_lower:
            continue  # "Secretary of State", "Minister for Interior", "Jordan's visiting King"
        if token.pos_ not in ("PROPN", "NOUN", "ADJ", "PART") or token.is_lower and token.pos_ == "PROPN":
            break
        sector = sector or article.kb.agent_sectors.get(token.lemma_.lower())
        if token.text[:1].isupper():
            found = [article.kb.lookup(text) for text in (token.text, _entity_text(doc, token))]
            country = next((actor.id for actor in found if actor is not None and actor.kind == "country"), None)
            if country is not None:
                break
    return country, sector


def _entity_text(doc: Doc, token: Token) -> str:
    """The whole entity a token belongs to ("Ivory Coast" for "Coast"), else the token."""
    if token.ent_iob_ in ("B", "I"):
        ent = next((e for e in doc_ents(doc) if e.start <= token.i < e.end), None)
        if ent is not None:
            return ent.text
    return token.text


def _described_after(article: ArticleActors, ent: Span) -> tuple[str | None, str | None]:
    """Country and sector from an appositive after a name: "Salah Sidhoum, Algeria's leading
    human rights activist", "Kenzo Oshima, the United Nations relief coordinator"."""
    appositive = next((c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end), None)
    if appositive is None:
        return None, None
    sector = article.kb.agent_sectors.get(appositive.lemma_.lower())
    for token in appositive.subtree:
        if token.i >= appositive.i or not token.text[:1].isupper():
            continue
        found = article.kb.lookup(token.text)
        if found is not None and found.kind == "country":
            return found.id, sector
        if found is not None and found.country is None and found.sector in ("IGO", "NGO"):
            return None, found.sector
    return None, sector


def new_organisation(article: ArticleActors, name: str, ent: Span | None = None) -> Actor:
    """An organisation the knowledge does not know; "Indian Space Research Organisation" is India's."""
    actor_id = "org:" + slugify(name)
    if actor_id in article.actors:
        return article.actors[actor_id]
    # "Indian Space Research Organisation", "Radical French farmers": a word of the name is a country's
    words = [article.kb.lookup(word) for word in name.split()] if len(name.split()) > 1 else []
    country = next((word.id for word in words if word is not None and word.kind == "country"), None)
    if country is None and ent is not None:
        country, _ = _described_before(article, ent)  # "Rwanda's Senate", "the Kenyan Red Cross"
    if country is None and ent is not None:
        country = owner_after(article, ent)  # "the United Bus Company of Tehran"
    return Actor(actor_id, name, "organisation", country)
