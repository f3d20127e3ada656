"""Where an act happens, and the places a noun phrase names: read off "in"/"at" phrases and
looked up in the knowledge."""
from __future__ import annotations

from spacy.tokens import Token

from dateline.analyze.events.syntax import phrase_tokens, pobj_of
from dateline.analyze.word_lists import read_word_lists
from dateline.analyze.nlp import doc_ents
from dateline.model import Location, Mention

# Prepositions whose object is where an act happens ("in Kabul"): data/places.json.
LOCATION_PREPS: frozenset[str] = frozenset(read_word_lists("places", __package__)["location_preps"])


def location_of(token: Token, kb) -> Location | None:
    """A place named in an "in"/"at" phrase on the trigger (or on its light verb); for a verb, else
    in a when-clause that tells the same act ("killed 23 people when they blew themselves up in
    Tel Aviv")."""
    return place_in_phrase(token, kb) or place_in_when_clause(token, kb)


def place_in_phrase(token: Token, kb) -> Location | None:
    """A place named in an "in"/"at" phrase on the token, or on the word it is the object of
    (its light verb, the verb it is chained to)."""
    for holder in (token, token.head):
        place = place_phrase(holder, kb)
        if place is not None:
            return place
        if holder.dep_ not in ("dobj", "pobj", "xcomp", "conj"):
            break
    return None


def place_in_when_clause(token: Token, kb) -> Location | None:
    """For a verb, a place in a when-clause that tells the same act."""
    if token.pos_ in ("VERB", "AUX"):
        for child in token.children:
            if child.dep_ == "advcl" and _is_when_clause(child):
                place = place_phrase(child, kb)
                if place is not None:
                    return place
    return None


def place_phrase(holder: Token, kb, deeper: bool = True) -> Location | None:
    """The place of an "in"/"at" phrase on a token; else of the happening that phrase names
    ("killed in a gunbattle in southeastern Serbia")."""
    for child in holder.children:
        if child.dep_ == "prep" and child.lower_ in LOCATION_PREPS:
            pobj = pobj_of(child)
            if pobj is not None:
                place = place_named(pobj, kb) or (place_phrase(pobj, kb, False) if deeper else None)
                if place is not None:
                    return place
    return None


def _is_when_clause(clause: Token) -> bool:
    return any(c.lower_ == "when" and c.dep_ in ("advmod", "mark") for c in clause.children)


def place_named(head: Token, kb) -> Location | None:
    """The place a noun phrase names, trying the longest name first ("Mazar-i-Sharif city")."""
    tokens = sorted(phrase_tokens(head), key=lambda t: t.i)
    names = []
    if head.ent_type_ in ("GPE", "LOC", "FAC"):
        ent = next((e for e in doc_ents(head.doc) if e.start <= head.i < e.end), None)
        if ent is not None:
            names.append(ent.text)
    names.append(head.doc[tokens[0].i: tokens[-1].i + 1].text)
    names.append(head.text)
    for name in names:
        cleaned = name.removeprefix("the ").removesuffix(" city")
        place = kb.place(cleaned)
        if place is not None:
            return place
    return None


def place_country(token: Token, kb) -> Mention | None:
    """"seized Kandahar", "evacuated staff from Herat": a place that is no actor stands for its country."""
    place = place_named(token, kb)
    if place is None or place.country is None or place.country not in kb.actors:
        return None
    return Mention(token.idx, token.idx + len(token), place.name, place.country, -1, "place")
