"""Actor mentions: every span of an article that names a person, country, organisation or group.

Steps, in order:
0. places that name a meeting or process ("the Moscow Format") are set aside (not_names);
1. find office titles ("foreign minister", "FM", "external affairs minister") and what surrounds them:
   a qualifier before ("India's", "the Afghan", "the Taliban's"), a name after ("... Bakhtiyor Saidov");
2. a title with a qualifier and no name after is a role phrase: a mention of whoever held the office on
   the article's date;
3. named entities from the parse resolve through the knowledge (names, aliases, handles, demonyms,
   capitals); a title before a name codes an unknown person's country and sector;
4. short names ("Atmar", "President Assad") resolve to the one person the article's evidence points
   to (bare_names: a full name in the article, the title and the date, the article's countries);
   entities that name no one are dropped (not_names); what is left becomes a new person or
   organisation, a bare name one of this article alone;
5. handles ("@MHaneefAtmar") resolve through the knowledge or a tweet's attribution line;
6. a title before a name ("Foreign Minister Amir Khan Muttaqi") is a role its holder is seen in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from dateline.analyze.bare_names import NameContext, bearer, ever_held, named_in_full
from dateline.analyze.handles import add_handle_mentions
from dateline.analyze.nlp import doc_ents, doc_text, entity_starting
from dateline.analyze.not_names import (DETERMINERS, is_no_name, name_end, names_a_body, process_name_tokens,
                                        without_describers)
from dateline.analyze.roles import observed_roles, phrase_actor, with_roles
from dateline.knowledge import Knowledge, normalize, slugify
from dateline.knowledge.names import name_parts
from dateline.model import Actor, Mention, scoped_id

ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
POSSESSIVES = ("'s", "\u2019s", "'")
# Acronym titles match only in capitals: "PM" is a prime minister, "5 pm" is not.
ACRONYM_MAX_LENGTH = 3


@dataclass(slots=True)
class TitleUse:
    """One office title in the text, with the words around it that say whose office it is."""

    key: str  # the title as written, normalized
    start: int  # token span of the whole phrase (determiner, qualifier, modifiers, title)
    end: int
    owner: str | None = None  # the qualifier's actor id
    past: bool = False  # "former", "then": a past holder, unknown without a date
    named: Span | None = None  # the name right after ("Foreign Minister Bakhtiyor Saidov")
    qualifier: tuple[int, int] | None = None  # token span of the qualifier
    host: tuple[int, int] | None = None  # token span of a posting's host ("ambassador to Qatar")


@dataclass
class _Article:
    """What one call of find_mentions has learnt so far."""

    doc: Doc
    kb: Knowledge
    published: date | None
    sentence_of: list[int]
    text: str  # the doc's text, joined once: spaCy rebuilds `doc.text` from the tokens on every call
    scope: str = ""  # the article's id, for names that mean someone only within it
    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    claimed: set[int] = field(default_factory=set)  # tokens already inside a mention or a qualifier
    people: list[Actor] = field(default_factory=list)  # persons named in full, in order

    def add(self, start_char: int, end_char: int, actor: Actor, how: str) -> None:
        token = self.doc.char_span(start_char, end_char, alignment_mode="expand")
        sentence = self.sentence_of[token.start] if token is not None else 0
        text = self.text[start_char:end_char]
        actor = self.kb.mentioned_as(actor)
        self.mentions.append(Mention(start_char, end_char, text, actor.id, sentence, how))
        self.actors.setdefault(actor.id, actor)
        if actor.kind == "person" and how in ("name", "alias", "handle") and actor not in self.people:
            self.people.append(actor)


def find_mentions(doc: Doc, kb: Knowledge, published: date | None,
                  scope: str = "") -> tuple[list[Mention], list[Actor]]:
    """Every actor mention in a parsed article, and the actor records the mentions point to.

    `scope` (the article's id) keeps apart what a name means only within its article: a bare
    surname that names no one known becomes a person of this article alone, for fusion to join
    to a full name found elsewhere.
    """
    article = _Article(doc, kb, published, _sentence_index(doc), doc_text(doc), scope)
    article.claimed.update(process_name_tokens(doc, kb))
    titles = find_titles(doc, kb)
    add_role_mentions(article, titles)
    coded = {(use.named.start, use.named.end): use for use in titles if use.named is not None}
    deferred = add_entity_mentions(article, coded)
    add_short_name_mentions(article, deferred, coded)
    add_handle_mentions(article)
    article.mentions.sort(key=lambda mention: (mention.start, mention.end))
    roles = observed_roles(titles, article.mentions, article.actors, kb, published)
    return article.mentions, [with_roles(actor, roles.get(actor.id, ())) for actor in article.actors.values()]


def _sentence_index(doc: Doc) -> list[int]:
    sentence_of = [0] * len(doc)
    for index, sentence in enumerate(doc.sents):
        sentence_of[sentence.start : sentence.end] = [index] * len(sentence)
    return sentence_of


# 1. Titles and their qualifiers


def find_titles(doc: Doc, kb: Knowledge) -> list[TitleUse]:
    uses = []
    for match in _title_pattern(kb).finditer(doc_text(doc)):
        written = match.group(0)
        if len(written.replace(".", "")) <= ACRONYM_MAX_LENGTH and not written.isupper():
            continue
        span = doc.char_span(match.start(), match.end())
        if span is None or _inside_entity(span, kb):
            continue
        uses.append(_describe_title(doc, kb, span))
    return uses


_TITLE_PATTERNS: dict[int, tuple[Knowledge, re.Pattern]] = {}


def _title_pattern(kb: Knowledge) -> re.Pattern:
    cached = _TITLE_PATTERNS.get(id(kb))
    if cached is None or cached[0] is not kb:
        keys = set(kb.title_synonyms) | {synonym for _owner, synonym in kb.owner_titles}
        words = [r"\s+".join(map(re.escape, key.split())) for key in sorted(keys, key=len, reverse=True)]
        cached = (kb, re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE))
        _TITLE_PATTERNS[id(kb)] = cached
    return cached[1]


def _inside_entity(span: Span, kb: Knowledge) -> bool:
    """Whether the title is part of a name ("Prime Minister's Office"). An organisation the NER
    made of a capitalised title ("Interior" of "Interior Minister") and the knowledge does not
    know is the NER's mistake, and the title stands."""
    for ent in _entities_over(span):
        if ent.label_ not in ("ORG", "NORP") or kb.lookup(ent.text) is not None:
            return True
        if ent.end > span.end:
            return True
    return False


def _entities_over(span: Span) -> list[Span]:
    return [ent for ent in doc_ents(span.doc) if ent.start < span.end and span.start < ent.end]


def _describe_title(doc: Doc, kb: Knowledge, span: Span) -> TitleUse:
    use = TitleUse(normalize(span.text), span.start, span.end)
    use.named = _name_after(doc, kb, span.end)
    _extend_posting(doc, kb, use)
    position = _skip_modifiers(doc, kb, use)
    _find_qualifier(doc, kb, use, position)
    return use


def _name_after(doc: Doc, kb: Knowledge, index: int) -> Span | None:
    ent = entity_starting(doc, index)
    if ent is None:
        return None
    is_person = ent.label_ == "PERSON" or getattr(kb.lookup(ent.text), "kind", None) == "person"
    return ent if is_person else None


def _extend_posting(doc: Doc, kb: Knowledge, use: TitleUse) -> None:
    """ "ambassador to Afghanistan": the host country is part of the title."""
    if kb.canonical_title(use.key) != "ambassador" or use.end + 1 >= len(doc):
        return
    if doc[use.end].lower_ in ("to", "in"):
        host = entity_starting(doc, use.end + 1)
        if host is not None and kb.lookup(host.text) is not None:
            use.key = f"{use.key} to {host.text}"  # canonical_title names the host by its id
            use.end, use.host = host.end, (host.start, host.end)


def _skip_modifiers(doc: Doc, kb: Knowledge, use: TitleUse) -> int:
    """Step left over "acting", "former" ...; return the index just left of them."""
    current = {normalize(word) for word in kb.current_modifiers}
    past = {normalize(word) for word in kb.past_modifiers}
    position = use.start - 1
    while position >= 0 and doc[position].lower_ in current | past | {"-"}:
        use.past = use.past or doc[position].lower_ in past
        use.key = f"{doc[position].lower_} {use.key}" if doc[position].lower_ in current else use.key
        position -= 1
    return position


def _find_qualifier(doc: Doc, kb: Knowledge, use: TitleUse, position: int) -> None:
    """The qualifier before the title ("India's", "Afghan", "UN") or after it ("of India")."""
    if position >= 0 and doc[position].text in POSSESSIVES:
        position -= 1
    owner = _entity_ending(doc, position)
    if owner is None and position >= 0 and doc[position].ent_iob_ in ("B", "I"):
        owner = doc[position : position + 1]  # "Kyrgyz" of an entity "Kyrgyz Interior" run into the title
    actor = kb.lookup(owner.text) if owner is not None else None
    if actor is not None:
        use.owner, use.qualifier = actor.id, (owner.start, owner.end)
        use.start = owner.start
        if owner.start > 0 and doc[owner.start - 1].lower_ in DETERMINERS:
            use.start = owner.start - 1
        return
    if use.named is None and use.end + 1 < len(doc) and doc[use.end].lower_ == "of":
        after = entity_starting(doc, use.end + 1)
        actor = kb.lookup(after.text) if after is not None else None
        if actor is not None:
            use.owner, use.qualifier, use.end = actor.id, (after.start, after.end), after.end
            if use.start > 0 and doc[use.start - 1].lower_ in DETERMINERS:
                use.start -= 1


def _entity_ending(doc: Doc, index: int) -> Span | None:
    return next((ent for ent in doc_ents(doc) if ent.end - 1 == index), None) if index >= 0 else None


# 2. Role phrases


def add_role_mentions(article: _Article, titles: list[TitleUse]) -> None:
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


def _add_title_qualifiers(article: _Article, use: TitleUse) -> None:
    """The owner and a posting's host named inside a title phrase are mentions of their own
    (how "qualifier"): they code the phrase, and the phrase's holder is who acts."""
    doc = article.doc
    for span, actor in ((use.qualifier, article.kb.actors.get(use.owner or "")),
                        (use.host, article.kb.lookup(doc[use.host[0]:use.host[1]].text) if use.host else None)):
        if span is not None and actor is not None:
            start, end = span
            article.add(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), actor, "qualifier")
            article.claimed.update(range(start, end))


def _holder(article: _Article, use: TitleUse) -> Actor | None:
    """The office's holder on the article's date; None without a qualifier, for a past holder, or
    when nobody known held it (no mention is better than an invented one)."""
    if use.owner is None or use.past:
        return None
    for owner in article.kb.office_owners(use.owner, article.published):
        holder = article.kb.role_holder(use.key, owner, article.published)
        if holder is not None:
            return holder
    return None


# 3. Named entities


def add_entity_mentions(article: _Article, coded: dict[tuple[int, int], TitleUse]) -> list[tuple[Span, int, int]]:
    """Mention every entity the knowledge knows; return the others (with where their name starts
    and ends)."""
    deferred = []
    for ent in doc_ents(article.doc):
        if ent.label_ not in ACTOR_LABELS or any(token.i in article.claimed for token in ent):
            continue
        start, end = _name_start(article, ent), name_end(article.text, ent)
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


def _named_person(article: _Article, text: str) -> Actor | None:
    """The one person this article has named in full whose surname this word is."""
    found = named_in_full(article.people, name_parts(text))
    return found[0] if len(found) == 1 else None


def _name_start(article: _Article, ent: Span) -> int:
    """Where the name starts once a leading "the", a verb or a describing noun of a headline
    ("Targeting Assad", "Activist Hadi Abdullah"), honorifics and titles are dropped."""
    ent = without_describers(article.kb, ent)
    text = ent.text
    if ent.label_ == "PERSON":
        stripped = article.kb.strip_honorifics(text)
        if article.kb.resolve(stripped) is not None or article.kb.spelled_alike(stripped) is not None:
            return ent.end_char - len(stripped)  # "Amir Khan Muttaqi": a name, though "Amir" is a title
        match = _title_pattern(article.kb).match(stripped)
        if match and match.end() < len(stripped):
            stripped = stripped[match.end() :].lstrip()
        return ent.end_char - len(stripped)
    if text[:4].lower() == "the " and len(text) > 4:
        return ent.start_char + 4
    return ent.start_char


# 4. Short names and unknown actors


def add_short_name_mentions(
    article: _Article, deferred: list[tuple[Span, int, int]], coded: dict[tuple[int, int], TitleUse]
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
            person = _new_person(article, text, coded.get((ent.start, ent.end)), ent)
            article.add(start, end, person, "name")
        elif ent.label_ in ("ORG", "PERSON"):  # a company the NER took for a person's name too
            article.add(start, end, _new_organisation(article, text, ent), "name")


def _parenthesized_alias(article: _Article, ent: Span) -> Actor | None:
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


def _person_by_short_name(article: _Article, context: NameContext, ent: Span, text: str,
                          title: TitleUse | None) -> Actor | None:
    """ "Atmar", "President Assad", "King Abdullah of Jordan": the one person the evidence of this
    article points to (bare_names.bearer), else None."""
    owner = title.owner if title is not None else None
    return bearer(context, text, title.key if title is not None else None, owner or _owner_after(article, ent))


def _owner_after(article: _Article, ent: Span) -> str | None:
    """ "King Abdullah of Jordan", "the United Bus Company of Tehran": the country named (or by
    its capital) right after a name; the NER may have run the "of" into the name."""
    doc = article.doc
    of = ent.end - 1 if doc[ent.end - 1].lower_ == "of" else ent.end
    if of + 1 >= len(doc) or doc[of].lower_ != "of":
        return None
    after = entity_starting(doc, of + 1)
    actor = article.kb.lookup(after.text) if after is not None else None
    return actor.id if actor is not None and actor.kind == "country" else None


def _new_person(article: _Article, name: str, title: TitleUse | None, ent: Span | None = None) -> Actor:
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


def _surname_country(article: _Article, name: str, title: TitleUse | None) -> str | None:
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


def _described_before(article: _Article, ent: Span) -> tuple[str | None, str | None]:
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


def _described_after(article: _Article, ent: Span) -> tuple[str | None, str | None]:
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


def _new_organisation(article: _Article, name: str, ent: Span | None = None) -> Actor:
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
        country = _owner_after(article, ent)  # "the United Bus Company of Tehran"
    return Actor(actor_id, name, "organisation", country)
