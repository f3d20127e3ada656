"""Time expressions of a bare text (no article around it): what `dateline timex` prints.

The tagger needs only the parse for the tense of each clause, so this pipeline leaves out the
named-entity recognizer and our knowledge rulers; the dependency parse is the same as in analysis.
"""
from __future__ import annotations

from datetime import date

from spacy.language import Language

from dateline.analyze.nlp import load_model
from dateline.analyze.tense import clause_direction
from dateline.analyze.timex.find import find_times
from dateline.model import TimeRef

_PARSER: list[Language] = []


def load_parser() -> Language:
    """The stock pipeline without the NER, loaded once per process."""
    if not _PARSER:
        nlp = load_model()
        if "ner" in nlp.pipe_names:
            nlp.disable_pipe("ner")
        _PARSER.append(nlp)
    return _PARSER[0]


def tag_times(text: str, dct: date | None = None) -> list[TimeRef]:
    """Every time expression in `text`, resolved against the document creation time `dct`.

    Without `dct`, an expression that needs an anchor keeps an underspecified value
    ("XXXX-11-04"): never a guess.
    """
    doc = load_parser()(text)
    return find_times(text, dct, clause_direction(doc))

