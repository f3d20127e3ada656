"""Groups of a country's people and its missions, named through a demonym.

"Afghan civilians", "Afghan students", "Afghan Sikhs" and "Afghans" are not Afghanistan, and
"the Afghan embassy in New Delhi" is an actor of its own. This step runs after event coding,
which codes such phrases as CAMEO does (the country, with the sector of its noun: AFG CVL); here
the mentions that name them are turned into mentions of the group or mission, so that the
actors a reader sees keep them apart from the state.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dateline.analyze.word_lists import read_word_lists
from dateline.analyze.nlp import doc_ents, doc_text, entity_starting
from dateline.knowledge import Knowledge, slugify
from dateline.model import Actor, Mention

# The sectors and nouns of a country's people and of its missions, each list with what it is for:
# data/collectives.json.
_WORDS = read_word_lists("collectives", __package__)
# Sectors of people rather than of a state's institutions.
POPULATION_SECTORS: frozenset[str] = frozenset(_WORDS["population_sectors"])
# Nouns for a country's people at large: all of them name one group, its civilians.
CIVILIAN_NOUNS: frozenset[str] = frozenset(_WORDS["civilian_nouns"])
MISSION_NOUNS: frozenset[str] = frozenset(_WORDS["mission_nouns"])  # "the Afghan embassy in New Delhi"


class CollectiveNamer:
    """Groups and missions named through a demonym, read against one knowledge (its demonyms, agent
    nouns and places). Built once for the knowledge."""

    def __init__(self, kb: Knowledge) -> None:
        self.kb = kb

    def __call__(self, doc: Doc, mentions: list[Mention]) -> tuple[list[Mention], list[Actor]]:
        """The mentions with each demonym that names a group or mission replaced by a mention of it,
        and the group and mission actors they point to."""
        found: dict[str, Actor] = {}
        replaced: list[tuple[int, int, Mention]] = []  # character span the new mention covers
        text = doc_text(doc)
        for ent in doc_ents(doc):
            named = _collective(doc, self.kb, ent)
            if named is None:
                continue
            end, actor = named
            found.setdefault(actor.id, actor)
            start_char, end_char = ent.start_char, doc[end - 1].idx + len(doc[end - 1])
            sentence = next((m.sentence for m in mentions if m.start == ent.start_char), None)
            if sentence is None:
                sentence = sum(1 for s in doc.sents if s.end <= ent.start)
            replaced.append((start_char, end_char, Mention(start_char, end_char, text[start_char:end_char],
                                                           actor.id, sentence, "name")))
        if not replaced:
            return mentions, []
        kept = [m for m in mentions if not any(start <= m.start and m.end <= end for start, end, _ in replaced)]
        result = sorted(kept + [mention for _, _, mention in replaced], key=lambda m: (m.start, m.end))
        return result, list(found.values())


def _collective(doc: Doc, kb: Knowledge, ent: Span) -> tuple[int, Actor] | None:
    """The group or mission an entity names: a demonym with the noun it qualifies ("Afghan
    students"), a plural demonym on its own ("Afghans"), or both run into one entity by the NER
    ("Afghan Sikhs"). Returns the token its phrase ends before, and the actor."""
    known = kb.resolve(ent.text)
    if known is not None:
        if known[1] != "demonym" or known[0].kind != "country":
            return None
        noun = doc[ent.end] if ent.end < len(doc) else None
        if noun is not None and noun.pos_ in ("NOUN", "PROPN") and ent.root.head.i == noun.i:
            return _qualified(doc, kb, ent.text, known[0], noun)
        if ent.root.tag_ in ("NNS", "NNPS") and ent.root.dep_ not in ("amod", "compound"):
            adjective = ent.text[:-1] if ent.text.endswith("s") else ent.text
            return ent.end, _population(known[0], adjective, "civilians", "CVL")
        return None
    if len(ent) < 2:
        return None
    head = kb.resolve(ent[:-1].text)
    if head is None or head[1] != "demonym" or head[0].kind != "country":
        return None
    return _qualified(doc, kb, ent[:-1].text, head[0], ent[-1])


def _qualified(doc: Doc, kb: Knowledge, adjective: str, country: Actor, noun: Token
               ) -> tuple[int, Actor] | None:
    lemma = noun.lemma_.lower()
    if lemma in MISSION_NOUNS:
        return _mission(doc, kb, adjective, country, noun)
    sector = kb.agent_sectors.get(lemma)
    if sector not in POPULATION_SECTORS:
        return None
    if noun.tag_ not in ("NNS", "NNPS") and lemma not in ("people", "population"):
        return None  # "an Afghan student": one person, not the group
    if lemma in CIVILIAN_NOUNS:
        plural = "civilians"
    else:
        plural = noun.text if noun.text[:1].isupper() else noun.text.lower()
    return noun.i + 1, _population(country, adjective, plural, sector)


def _population(country: Actor, adjective: str, plural: str, sector: str) -> Actor:
    return Actor(f"group:{country.id.lower()}-{slugify(plural)}", f"{adjective} {plural}", "group",
                 country.id, sector)


def _mission(doc: Doc, kb: Knowledge, adjective: str, country: Actor, noun: Token) -> tuple[int, Actor]:
    """ "the Afghan embassy in New Delhi": a state's mission, named with its seat when given."""
    end, name = noun.i + 1, f"{adjective} {noun.text.lower()}"
    if end + 1 < len(doc) and doc[end].lower_ == "in":
        seat = entity_starting(doc, end + 1)
        if seat is not None and kb.place(seat.text) is not None:
            name, end = f"{name} in {seat.text}", seat.end
    return end, Actor("org:" + slugify(name), name, "organisation", country.id, "GOV")
