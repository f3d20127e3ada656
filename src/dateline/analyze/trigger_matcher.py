"""Where triggers may be: one spaCy Matcher pass over the doc finds the verbs and nouns whose word
or lemma the trigger lexicon holds, so the coder reads closely only those tokens, not every one.

The matcher finds a superset of what the coder accepts: each word the coder would try through
`verb_forms` (a lemmatizer slip such as "staged" -> "stag") is among the verb surfaces here.
"""
from __future__ import annotations

from bisect import bisect_left
from string import ascii_lowercase

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from dateline.analyze.intent import SPEECH_VERBS
from dateline.analyze.triggers import GENERIC_EVENT_HEADS, Lexicon

VERB_POS = ["VERB", "AUX"]
NOUN_POS = ["NOUN", "PROPN"]


class TriggerCandidates:
    """The doc's candidate trigger tokens, handed out sentence by sentence."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.indices = sorted({start for _, start, _ in _matcher(doc.vocab, lexicon)(doc)})

    def within(self, sentence: Span) -> list[Token]:
        first = bisect_left(self.indices, sentence.start)
        last = bisect_left(self.indices, sentence.end)
        return [self.doc[i] for i in self.indices[first:last]]


_MATCHERS: dict[tuple[int, int], tuple[Lexicon, Vocab, Matcher]] = {}


def _matcher(vocab: Vocab, lexicon: Lexicon) -> Matcher:
    cached = _MATCHERS.get((id(vocab), id(lexicon)))
    if cached is not None and cached[0] is lexicon and cached[1] is vocab:
        return cached[2]
    verbs = set(lexicon.verbs)
    nouns = {key for key in lexicon.nouns if " " not in key}
    # "hunger strike": the head noun is the trigger, its modifier read by the coder.
    heads = nouns | {key.rsplit(" ", 1)[1] for key in lexicon.nouns if " " in key} | GENERIC_EVENT_HEADS
    matcher = Matcher(vocab)
    matcher.add("VERB", [
        [{"POS": {"IN": VERB_POS}, "LOWER": {"IN": sorted(_verb_surfaces(verbs))}}],
        [{"POS": {"IN": VERB_POS}, "LEMMA": {"IN": sorted(_cased(verbs | SPEECH_VERBS))}}],
    ])
    matcher.add("NOUN", [
        [{"POS": {"IN": NOUN_POS}, "LOWER": {"IN": sorted(nouns)}}],
        [{"POS": {"IN": NOUN_POS}, "LEMMA": {"IN": sorted(_cased(heads))}}],
    ])
    _MATCHERS[(id(vocab), id(lexicon))] = (lexicon, vocab, matcher)
    return matcher


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
