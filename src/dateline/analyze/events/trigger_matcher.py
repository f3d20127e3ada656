"""Where triggers may be: one read of the doc's parts of speech, lower-case forms and lemmas finds
the verbs and nouns whose word or lemma the trigger lexicon holds, so the coder reads closely only
those tokens, not every one.

The candidates are a superset of what the coder accepts: each word the coder would try through
`verb_forms` (a lemmatizer slip such as "staged" -> "stag") is among the verb surfaces here.

They are the tokens a spaCy Matcher with one-token patterns (a part of speech and a word or lemma
among the lexicon's) would match, found with array lookups: the Matcher called a Python predicate
per token and pattern, a tenth of the rules' time.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from string import ascii_lowercase

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from dateline.analyze.events.intent import SPEECH_VERBS
from dateline.analyze.events.triggers import GENERIC_EVENT_HEADS, Lexicon

VERB_POS = ["VERB", "AUX"]
NOUN_POS = ["NOUN", "PROPN"]


class TriggerCandidates:
    """The doc's candidate trigger tokens, handed out sentence by sentence."""

    def __init__(self, doc: Doc, words: TriggerWords) -> None:
        self.doc = doc
        self.indices = words.candidates(doc)

    def within(self, sentence: Span) -> list[Token]:
        first = bisect_left(self.indices, sentence.start)
        last = bisect_left(self.indices, sentence.end)
        return [self.doc[i] for i in self.indices[first:last]]


@dataclass(frozen=True, slots=True)
class TriggerWords:
    """The ids (as spaCy's Matcher compares them) of the parts of speech, words and lemmas a
    candidate may have: a verb by its written form or lemma, a noun likewise."""

    verb_pos: numpy.ndarray
    verb_words: numpy.ndarray
    verb_lemmas: numpy.ndarray
    noun_pos: numpy.ndarray
    noun_words: numpy.ndarray
    noun_lemmas: numpy.ndarray

    def candidates(self, doc: Doc) -> list[int]:
        """Indices of the doc's candidate tokens, in order."""
        pos, lower, lemma = doc.to_array([POS, LOWER, LEMMA]).T
        verbs = _among(pos, self.verb_pos) & (_among(lower, self.verb_words)
                                              | _among(lemma, self.verb_lemmas))
        nouns = _among(pos, self.noun_pos) & (_among(lower, self.noun_words)
                                              | _among(lemma, self.noun_lemmas))
        return numpy.flatnonzero(verbs | nouns).tolist()


def _among(values: numpy.ndarray, ids: numpy.ndarray) -> numpy.ndarray:
    """Which values are among the sorted ids: a binary search each (numpy.isin sorted the
    lexicon's tens of thousands of ids again on every call)."""
    if not len(ids):
        return numpy.zeros(len(values), dtype=bool)
    places = numpy.searchsorted(ids, values).clip(max=len(ids) - 1)
    return ids[places] == values


def trigger_words(lexicon: Lexicon) -> TriggerWords:
    """The lexicon's words as sorted id arrays (some tens of milliseconds: build them once per
    lexicon, as `finder.EventFinder` does)."""
    verbs = set(lexicon.verbs)
    nouns = {key for key in lexicon.nouns if " " not in key}
    # "hunger strike": the head noun is the trigger, its modifier read by the coder.
    heads = nouns | {key.rsplit(" ", 1)[1] for key in lexicon.nouns if " " in key} | GENERIC_EVENT_HEADS
    return TriggerWords(
        verb_pos=_ids(VERB_POS), verb_words=_ids(_verb_surfaces(verbs)),
        verb_lemmas=_ids(_cased(verbs | SPEECH_VERBS)),
        noun_pos=_ids(NOUN_POS), noun_words=_ids(nouns), noun_lemmas=_ids(_cased(heads)),
    )


def _ids(strings) -> numpy.ndarray:
    """The strings as the ids a token's attributes hold (a part of speech's symbol, a word's hash),
    sorted and each once."""
    return numpy.array(sorted({get_string_id(string) for string in strings}), dtype=numpy.uint64)


def _verb_surfaces(verbs: set[str]) -> set[str]:
    """Every written form that `verb_forms` reads back to one of the verbs."""
    forms = set()
    for verb in verbs:
        forms |= {verb, verb + "s", verb + "ed", verb + "ing"}
        forms |= {verb + letter + ending for letter in ascii_lowercase for ending in ("ed", "ing")}
        if verb.endswith("e"):
            forms |= {verb + "d", verb[:-1] + "ing"}
        if verb.endswith("y"):
            forms.add(verb[:-1] + "ied")
    return forms


def _cased(words: set[str]) -> set[str]:
    """A lemma as the coder compares it (lowered): the lemmatizer keeps a proper noun's case."""
    return {form for word in words for form in (word, word.capitalize(), word.upper())}
