"""The model's attribute ruler and lemmatizer, asked once for each kind of token.

Both stock components answer the same question again for every token of the same kind: the
attribute ruler runs all its Matcher patterns over every token (about 180, all but a few reading
only the token itself: its tag, its lower-case form, its dependency label, whether it is space),
and the lemmatizer reads the lemma off the token's text, part of speech and morphology. Together
they took an eighth of the parse (`benchmarks/analysis_profile.py`). These replacements keep the
stock components' own rules and tables, ask them once for each kind of token and remember the
answer for the life of the pipeline, as the stock lemmatizer already does for some of its
answers; what they set on each token is what the stock components set.
"""
from __future__ import annotations

import re

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs

# The token attributes the ruler's one-token patterns may read; a rule reading anything else is
# matched in context, as the stock ruler matches it.
SELF_ATTRIBUTES = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
# Predicates on the lower-case form whose answer the memo can tell from the word's string.
WORD_PREDICATES = frozenset({"IN", "NOT_IN", "REGEX"})


class RememberedAttributes:
    """The stock attribute ruler, its one-token rules remembered per kind of token."""

    def __init__(self, stock: AttributeRuler) -> None:
        self.vocab = stock.vocab
        self.attrs = stock.attrs  # per rule, as the stock ruler normalized them
        self.indices = stock.indices
        self.alone = Matcher(self.vocab)  # the rules that read one token and set that token
        self.context = Matcher(self.vocab)  # the others
        words: set[str] = set()
        regexes: list[str] = []
        for rule, pattern in enumerate(stock.patterns):
            alone = _reads_itself(pattern)
            (self.alone if alone else self.context).add(str(rule), pattern["patterns"])
            if alone:
                _collect_words(pattern["patterns"], words, regexes)
        self.words = frozenset(words)
        self.regexes = [re.compile(regex) for regex in regexes]
        self.features = [TAG, LOWER, DEP, IS_SPACE]
        self.kinds: dict[int, object] = {}  # a LOWER hash -> what the rules can tell of it
        self.memo: dict[tuple, tuple[tuple[int, ...], dict]] = {}  # kind of token -> (rules, attrs)

    def __call__(self, doc: Doc) -> Doc:
        # Every match is found before any attribute is set, as the stock ruler does.
        in_context = self._context_rules(doc)
        rows = doc.to_array(self.features).tolist()
        for i, (tag, lower, dep, space) in enumerate(rows):
            kind = self.kinds.get(lower)
            if kind is None:
                kind = self.kinds[lower] = self._word_kind(lower)
            key = (tag, kind, dep, space)
            known = self.memo.get(key)
            if known is None:
                known = self.memo[key] = self._learn(doc[i : i + 1])
            rules, attrs = known
            if i in in_context:
                # Later rules win, as in the stock ruler's order (by rule, then position).
                for rule in sorted(rules + tuple(in_context[i])):
                    set_token_attrs(doc[i], self.attrs[rule])
            elif attrs:
                set_token_attrs(doc[i], attrs)
        return doc

    def _context_rules(self, doc: Doc) -> dict[int, list[int]]:
        """Token index -> the rules matched around it that set it."""
        found: dict[int, list[int]] = {}
        for match_id, start, end in self.context(doc, allow_missing=True):
            rule = int(self.vocab.strings[match_id])
            token = Span(doc, start, end)[self.indices[rule]]
            found.setdefault(token.i, []).append(rule)
        return found

    def _word_kind(self, lower: int) -> object:
        """The word itself where a rule names it, else only what the rules' regexes say of it:
        two words no rule names and every regex takes alike match the same rules."""
        word = self.vocab.strings[lower]
        if word in self.words:
            return word
        return tuple(bool(regex.search(word)) for regex in self.regexes)

    def _learn(self, token: Span) -> tuple[tuple[int, ...], dict]:
        """The one-token rules that match this token, in order, and what they set together."""
        rules = tuple(sorted(int(self.vocab.strings[m]) for m, _, _ in self.alone(token, allow_missing=True)))
        attrs: dict = {}
        for rule in rules:
            attrs.update(self.attrs[rule])
        return rules, attrs


def _reads_itself(pattern: dict) -> bool:
    """Whether every alternative of a rule is one token, read by its own attributes only, set
    itself, and reads its lower-case form only by word lists and regexes."""
    if pattern["index"] not in (0, -1) or "_" in pattern["attrs"]:
        return False
    for alternative in pattern["patterns"]:
        if len(alternative) != 1 or not set(alternative[0]) <= set(SELF_ATTRIBUTES):
            return False
        word = alternative[0].get("LOWER")
        if isinstance(word, dict) and not set(word) <= WORD_PREDICATES:
            return False
    return True


def _collect_words(alternatives: list, words: set[str], regexes: list[str]) -> None:
    for alternative in alternatives:
        word = alternative[0].get("LOWER")
        if isinstance(word, str):
            words.add(word)
        elif isinstance(word, dict):
            words.update(word.get("IN", ()), word.get("NOT_IN", ()))
            if "REGEX" in word and word["REGEX"] not in regexes:
                regexes.append(word["REGEX"])


class RememberedLemmas:
    """The stock rule lemmatizer, remembered per (text, part of speech, morphology): all that its
    rules read of a token."""

    def __init__(self, stock: Lemmatizer) -> None:
        stock._validate_tables()
        _index_as_sets(stock)
        self.stock = stock
        self.strings = stock.vocab.strings
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        overwrite = self.stock.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma and not overwrite:
                continue  # set by the attribute ruler, as the stock lemmatizer leaves it
            key = (orth, pos, morph)
            found = self.memo.get(key)
            if found is None:
                found = self.memo[key] = self.strings.add(self.stock.lemmatize(doc[i])[0])
            doc[i].lemma = found
        return doc


def _index_as_sets(stock: Lemmatizer) -> None:
    """The lemmatizer's word lists as sets: its rules ask whether a form is a known word, and a
    list of 57,000 nouns answered that a hundred times slower. The stock component is ours alone
    (it left the pipeline), and membership is all its rules ask of the lists."""
    index = stock.lookups.get_table("lemma_index", {})
    for key in list(index.keys()):
        index[key] = frozenset(index[key])


def is_rule_lemmatizer(component: object) -> bool:
    """A lemmatizer whose answer is a function of the token's text, part of speech and morphology."""
    return isinstance(component, Lemmatizer) and component.mode == "rule"
