"""Quotations and who said them.

A quote is text between double quotes of at least a few words. Its speaker is the subject of
a reporting verb outside the quote in the sentences that hold it ("...," Muttaqi said), or,
for a pronoun subject, the person mentioned last before it.
"""
from __future__ import annotations

import hashlib
from datetime import date

from spacy.tokens import Doc, Token

from dateline.analyze.events.actor_phrases import actor_of
from dateline.analyze.events.dates import QUOTE_PATTERN
from dateline.analyze.events.mention_index import MentionIndex
from dateline.analyze.nlp import doc_text
from dateline.analyze.word_lists import read_word_lists
from dateline.model import Mention, Quote

MIN_QUOTE_WORDS = 4
# Verbs of reporting whose subject is a quotation's speaker, and the pronoun subjects that stand for
# the person mentioned last before them: data/quotes.json.
_WORDS = read_word_lists("quotes")
REPORTING_VERBS: frozenset[str] = frozenset(_WORDS["reporting_verbs"])
PRONOUNS: frozenset[str] = frozenset(_WORDS["pronouns"])


def _quote_id(article_id: str, start: int) -> str:
    return hashlib.sha1(f"{article_id}:quote:{start}".encode()).hexdigest()[:16]


def _reporting_verbs(doc: Doc, start: int, end: int, quote_start: int, quote_end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [t for t in span if t.lemma_.lower() in REPORTING_VERBS and t.pos_ in ("VERB", "AUX")
            and not quote_start <= t.idx < quote_end]


def _last_person_before(index: MentionIndex, position: int, people: set[str]) -> Mention | None:
    before = [m for m in index.mentions if m.end <= position and m.actor_id in people]
    return before[-1] if before else None


def _speaker(verb: Token, index: MentionIndex, people: set[str]) -> Mention | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    if subject.lower_ in PRONOUNS:
        return _last_person_before(index, subject.idx, people)
    return actor_of(subject, index)


def find_quotes(doc: Doc, article_id: str, mentions: list[Mention], people: set[str],
                published: date | None) -> list[Quote]:
    index = MentionIndex(mentions)
    sentences = list(doc.sents)
    quotes = []
    for match in QUOTE_PATTERN.finditer(doc_text(doc)):
        text = match.group(1).strip().strip(",").strip()
        if len(text.split()) < MIN_QUOTE_WORDS:
            continue
        holding = [i for i, s in enumerate(sentences) if s.start_char < match.end() and s.end_char > match.start()]
        if not holding:
            continue
        first = holding[0]
        windows = [(sentences[first].start_char, sentences[holding[-1]].end_char)]
        following = holding[-1] + 1
        if following < len(sentences) and sentences[following].start_char - match.end() <= 3:
            # spaCy sometimes splits '"...." he said.' after the closing quote.
            windows.append((sentences[following].start_char, sentences[following].end_char))
        speaker = None
        for window_start, window_end in windows:
            for verb in _reporting_verbs(doc, window_start, window_end, match.start(), match.end()):
                speaker = _speaker(verb, index, people)
                if speaker is not None:
                    break
            if speaker is not None:
                break
        quotes.append(Quote(
            id=_quote_id(article_id, match.start()),
            article_id=article_id,
            speaker=speaker.actor_id if speaker else None,
            text=text,
            sentence=first,
            said_on=published,
        ))
    return quotes
