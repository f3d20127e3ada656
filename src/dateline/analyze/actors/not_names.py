"""What of an entity is no one's name: the words around a name that the NER runs into it, and the
entities that name no person, organisation or group at all.

- places that name a meeting or process ("the Moscow Format", "the Doha process", "Astana
  talks"): neither the place nor the noun is an actor there;
- leading words that describe rather than name ("Targeting Assad", "Under Mubarak", "Activist
  Hadi Abdullah", "BST LONDON") and trailing ones ("George Osborne's", "Assad The");
- entities that are no name: a common word heading a sentence ("Gunfire", "Morale"), a headline
  in title case ("Gunfire Rang Out"), a heading in capitals ("FUNDING & DIRECTING"), a capitalised
  agent noun ("the Army"), a run across a dateline; and a company's name taken for a person's
  ("Acme Holdings").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dateline.analyze.nlp import dictionary_words, doc_ents, entity_starting
from dateline.knowledge import Knowledge

DETERMINERS = ("the",)


def process_name_tokens(doc: Doc, kb: Knowledge) -> set[int]:
    """The tokens of places that name a meeting or process, with the noun the NER may take for
    a person ("Format" of "the Moscow Format")."""
    claimed: set[int] = set()
    for ent in doc_ents(doc):
        place = ent[1:] if ent[0].lower_ in DETERMINERS and len(ent) > 1 else ent
        if ent[-1].lower_ in kb.process_nouns and len(place) > 1 and _names_a_place(kb, place[:-1].text):
            claimed.update(range(ent.start, ent.end))
            continue
        if ent.end >= len(doc) or not _names_a_place(kb, place.text):
            continue
        noun = doc[ent.end]
        # "the Astana talks" names talks whatever the tagger says; "Moscow talks tough" is a verb
        determined = ent.start > 0 and doc[ent.start - 1].lower_ in DETERMINERS
        if noun.lower_ in kb.process_nouns and (determined or noun.pos_ in ("NOUN", "PROPN")):
            named = entity_starting(doc, ent.end)
            claimed.update(range(ent.start, named.end if named is not None else ent.end + 1))
    return claimed


def _names_a_place(kb: Knowledge, text: str) -> bool:
    """A city or a capital, not a state by its own name: "Moscow" (a format), not "Russia"."""
    known = kb.resolve(text)
    return known[1] == "capital" if known is not None else kb.place(text) is not None


# Leading words that describe rather than name: verbs, prepositions and articles of a headline.
DESCRIBING_TAGS = frozenset({"VB", "VBG", "VBN", "VBD", "VBZ", "VBP", "IN", "DT"})
# Trailing words of a sentence an entity runs into ("Assad The Arab League ...").
TRAILING_TAGS = frozenset({"DT", "IN", "CC", "TO"})
POSSESSIVE_ENDINGS = ("'s", "\u2019s", "'", "\u2019")


def without_describers(kb: Knowledge, ent: Span) -> Span:
    """The entity less the leading words that describe rather than name, which the NER runs into
    a name in headlines and captions: a verb or preposition ("Targeting Assad", "Under
    Mubarak"), an article, a noun of who someone is ("Activist Hadi Abdullah", "Lawyer Razan
    Zaitouna"), or the time zone of a wire dateline ("BST LONDON")."""
    start = ent.start
    while start < ent.end - 1 and _describes(kb, ent, ent.doc[start], ent.end - start - 1):
        start += 1
    if start == ent.start:
        return ent
    return Span(ent.doc, start, ent.end, label=ent.label_)


def _describes(kb: Knowledge, ent: Span, token: Token, left: int) -> bool:
    """Whether a leading word of an entity describes rather than names; `left` words follow it."""
    if token.is_punct or token.tag_ in DESCRIBING_TAGS or token.is_upper and token.lower_ in kb.non_actors:
        return True  # a dash of a dateline ("- Assad"), a verb or preposition, a time zone
    if ent.label_ != "PERSON" or token.lower_ in kb.given_names:
        return False  # "Mark Rutte", "Will Hutton": given names that are English words too
    if token.lower_ in kb.agent_sectors:
        return True
    # an English word before a name of two words ("Jockey Richard Hughes"), or a verb's -ing
    # form before any ("Defying Assad")
    words, word = dictionary_words(), token.lower_
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        return any(form in words for form in (stem, stem + "e", stem[:-1]))
    return left >= 2 and word in words


def name_end(text: str, ent: Span) -> int:
    """Where the name ends (a character offset in `text`, the doc's) once a possessive or a
    trailing word of the sentence the NER ran into it is dropped ("George Osborne's", "Assad
    The")."""
    end = ent.end
    while end - ent.start > 1 and (ent.doc[end - 1].tag_ in TRAILING_TAGS or ent.doc[end - 1].is_stop):
        end -= 1
    if end < ent.end:
        return ent.doc[end - 1].idx + len(ent.doc[end - 1])
    written = text[ent.start_char:ent.end_char]
    for ending in POSSESSIVE_ENDINGS:
        if written.endswith(ending) and len(written) > len(ending) + 1:
            return ent.end_char - len(ending)
    return ent.end_char


# Words no person's name holds, which a headline in title case runs into one ("Gunfire Rang Out
# Across Homs", "Assad Vows To Crush Revolt"): particles, "to", conjunctions.
HEADLINE_TAGS = frozenset({"RP", "TO", "CC"})
NAME_BREAKERS = (" — ", " – ", " - ", ":", "\n")


def is_no_name(kb: Knowledge, ent: Span, text: str) -> bool:
    """Whether an entity the knowledge does not know names no one: a headline in title case the
    NER took for a person's name, a heading in capitals, one word that is not a noun ("In",
    "Fierce") or is an English word no known person bears ("Gunfire", "Morale" heading a
    sentence; "Bush" stays, for fusion), a capitalised agent noun, or not a name's shape."""
    if ent.label_ == "PERSON" and any(token.tag_ in HEADLINE_TAGS for token in ent):
        return True
    if _shouted_words(ent) or _agent_noun(kb, text) or not looks_like_a_name(text):
        return True
    if len(text.split()) != 1:
        return False
    token = ent[-1]
    if token.tag_ not in ("NNP", "NNPS", "NN", "NNS"):
        return True
    words = dictionary_words()
    return (token.lower_ in words or token.lemma_.lower() in words) and not kb.surname_people(text)


def _shouted_words(ent: Span) -> bool:
    """A heading in capitals ("FUNDING & DIRECTING"): English words all, not an acronym's letters."""
    words = [token for token in ent if token.is_alpha]
    dictionary = dictionary_words()
    return len(words) > 1 and all(token.is_upper and token.lemma_.lower() in dictionary for token in words)


def _agent_noun(kb: Knowledge, name: str) -> bool:
    """ "the Army", "Parliament": a capitalised agent noun names whoever's the sentence is about,
    which the event coder reads from its agent nouns; it is no organisation's name."""
    return len(name.split()) == 1 and name.lower() in kb.agent_sectors


def names_a_body(kb: Knowledge, name: str) -> bool:
    """Whether a name the NER took for a person's is a company's or an institution's: it ends
    in a word such as "Holdings" or "Institute"."""
    words = name.replace(".", "").split()
    return len(words) > 1 and words[-1].lower() in kb.organisation_words


def looks_like_a_name(text: str) -> bool:
    """Capitalised at both ends: the NER's "delegation of" or "spokesman of Ministry" are not names."""
    words = text.split()
    if any(separator in text for separator in NAME_BREAKERS):
        return False  # "DUSHANBE — External Affairs": an entity run across a dateline is no name
    return len(text) > 1 and bool(words) and words[0][:1].isupper() and words[-1][:1].isupper()
