"""When an event happened: the time expression tied to its trigger, else the date its
narrative carries over from the sentence before. (Whether it happened is `status`.)

An event's date has a basis (`Event.date_basis`), strongest first:
  "text"         the time expression tied to its trigger in the parse;
  "inherited"    no expression of its own, but the sentence before it, in the same paragraph, is
                 dated ("X met Y on Tuesday. The two discussed ..."): see `Narrative`;
  None           nothing in the words dates it: no date, never a guess. The article's date still
                 tells fusion which happenings it can be (`fuse.reports.reported_span`), and
                 the reader sees it on every source, but it is not the day the event happened:
                 in real news most undated acts are background, not the day's news.
("publication", the article's date standing in, is what older stores hold.)
Which path gave the date is `EventDate.how`, one of the names below (the event's `found_by`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from dateline.analyze.events.intent import clause_verb, speech_verb
from dateline.analyze.nlp import doc_text
from dateline.analyze.tense import FUTURE, PAST, governing_verb, verb_direction
from dateline.model import TimeRef

# Dependents whose time expressions belong to another happening, not to this trigger.
FOREIGN_CLAUSES = frozenset({"ccomp", "relcl", "advcl", "parataxis", "acl", "csubj"})
DATED_TYPES = frozenset({"DATE", "TIME"})
# Dates fine enough to carry a narrative into the next sentence ("on Tuesday", "last week",
# "in July"); "this year" frames a story, it does not date the happenings told in it.
INHERITABLE_PRECISIONS = frozenset({"day", "week", "month"})
# How many sentences back a date carries. Further back, news writing has usually moved on to
# background or reaction, and the error costs more than the publication fallback does.
MAX_SENTENCES_BACK = 1
# Clauses that tell background to their sentence ("who met X on Monday", "after the vote on
# Monday"): a date in them is not the date the narrative goes on from.
BACKGROUND_CLAUSES = frozenset({"relcl", "acl", "advcl", "csubj", "parataxis", "pcomp"})
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

# The paths that date an event, by the names `found_by` gives them, in the order `date_of` tries them.
WHEN_CLAUSE = "time of its when-clause"  # "since 2005, when Washington withdrew its ambassador"
OWN_CLAUSE = "time expression in its clause"  # "met Y on Tuesday"
ON_ITS_VERB = "time expression on its verb"  # "held talks on Tuesday", "agreed on Monday to reopen"
REPORTED = "day it was reported"  # "said on Wednesday it was imposing sanctions"
INHERITED = "inherited from the sentence before"  # see `Narrative`
UNDATED = "none"

# Direct speech between quotation marks: an act inside it is told, not done, by the sentence.
QUOTE_PATTERN = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{12,}?)[\"\u201d]")


@dataclass(frozen=True, slots=True)
class EventDate:
    first: date | None
    last: date | None
    precision: str | None
    basis: str | None  # "text", "inherited" or "publication"; None when undated (see above)
    text: str | None
    value: str | None = None  # the TimeML value of the expression, partial ones included
    how: str = UNDATED  # which path dated it: one of the names above


def _clause_token_ids(head: Token) -> set[int]:
    ids = {head.i}
    for child in head.children:
        if child.dep_ in FOREIGN_CLAUSES:
            continue
        ids.update(_clause_token_ids(child))
    return ids


def _modifier_token_ids(head: Token) -> set[int]:
    """Tokens of a head's adverbial modifiers alone ("held talks on Tuesday": the "on Tuesday")."""
    ids: set[int] = set()
    for child in head.children:
        if child.dep_ in ("prep", "npadvmod", "advmod", "tmod", "obl"):
            ids.update(t.i for t in child.subtree)
    return ids


def _anchor_tokens(trigger: Token) -> list[Token]:
    """The trigger and the words whose clause it shares: its light verb, the verb it is chained to."""
    anchors = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "pobj"):
        anchors.append(trigger.head)
    if trigger.dep_ in ("conj", "xcomp") and trigger.head.i != trigger.i:
        anchors.append(trigger.head)
    return anchors


def dated_times(doc: Doc, times: list[TimeRef]) -> list[tuple[TimeRef, Token]]:
    """The document's dates with the token each hangs from, found once for all its triggers."""
    rooted = []
    for ref in times:
        if ref.type not in DATED_TYPES:
            continue
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is not None and len(span):
            rooted.append((ref, span.root))
    return rooted


# "November 4-5", "4 to 6 March": a run of days inside one month, in the expression's own words.
_DAY_RUN = re.compile(r"\b(\d{1,2})\s*(?:-|–|to|and)\s*(\d{1,2})\b")


def date_value(ref: TimeRef) -> str:
    """The expression's TimeML value; a run of days without a year ("November 4-5") as an ISO
    interval, "XXXX-11-04/XXXX-11-05", so that the run survives where no calendar date can."""
    run = _DAY_RUN.search(ref.text)
    if ref.first_day is None and run and re.fullmatch(r"XXXX-\d{2}-\d{2}", ref.value) and int(run[1]) == int(ref.value[-2:]):
        last = int(run[2])
        if int(run[1]) < last <= 31:
            return f"{ref.value}/{ref.value[:-2]}{last:02d}"
    return ref.value


def _time_of_when_clause(trigger: Token, times: list[tuple[TimeRef, Token]]) -> TimeRef | None:
    """ "Since 2005, when Washington withdrew its ambassador": a when-clause hung on a time
    expression happened at that time."""
    verb = trigger.head if trigger.pos_ in ("NOUN", "PROPN") and trigger.head.pos_ in ("VERB", "AUX") else trigger
    if verb.dep_ not in ("relcl", "advcl", "acl") or not any(c.lower_ == "when" for c in verb.children):
        return None
    return next((ref for ref, root in times if root.i == verb.head.i), None)


def own_date(trigger: Token, times: list[tuple[TimeRef, Token]]) -> EventDate | None:
    """The date of the time expression tied to the trigger in the parse, or None when none is."""
    when_time = _time_of_when_clause(trigger, times)
    if when_time is not None and when_time.first_day is not None:
        return EventDate(when_time.first_day, when_time.last_day or when_time.first_day, when_time.precision,
                         "text", when_time.text, date_value(when_time), WHEN_CLAUSE)
    for anchor in _anchor_tokens(trigger):
        clause = _clause_token_ids(anchor) if anchor is trigger else _modifier_token_ids(anchor)
        tied = [(abs(root.i - trigger.i), ref) for ref, root in times if root.i in clause]
        if tied:
            ref = min(tied, key=lambda pair: pair[0])[1]
            how = OWN_CLAUSE if anchor is trigger else ON_ITS_VERB
            if ref.first_day is None:
                # Tied to a date the text could not fix (an undated article's "on Tuesday"): no guess.
                return EventDate(None, None, None, None, ref.text, date_value(ref), how)
            return EventDate(ref.first_day, ref.last_day or ref.first_day, ref.precision, "text", ref.text,
                             date_value(ref), how)
    return None


def _is_past_perfect(verb: Token) -> bool:
    """ "had attacked": an act before the time the sentence speaks of."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD"
                                      for c in verb.children)


def reported_on(trigger: Token, times: list[tuple[TimeRef, Token]]) -> EventDate | None:
    """ "The Treasury said on Wednesday it was imposing sanctions", "Activists said on Friday
    troops killed 13 people": an act reported with no date of its own, told in the past or
    present (not one that had happened before, not one still to come), happened when it was
    reported."""
    verb = clause_verb(trigger)
    speech = speech_verb(verb)
    if speech is None or _is_past_perfect(verb) or verb_direction(verb) == FUTURE:
        return None
    said = own_date(speech, times)
    return replace(said, how=REPORTED) if said is not None else None


def date_of(trigger: Token, times: list[tuple[TimeRef, Token]],
            narrative: Narrative | None = None) -> EventDate:
    """The trigger's own time expression (from `dated_times`); else the date its narrative carries
    over from the sentence before (with a `narrative`); else nothing, never a guess."""
    own = own_date(trigger, times) or reported_on(trigger, times)
    if own is not None:
        return own
    carried = narrative.inherited_date(trigger) if narrative is not None else None
    if carried is not None:
        return EventDate(carried.first_day, carried.last_day or carried.first_day, carried.precision,
                         "inherited", carried.text, date_value(carried), INHERITED)
    return EventDate(None, None, None, None, None)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of direct speech, quotation marks included."""
    return [match.span() for match in QUOTE_PATTERN.finditer(text)]


def _on_main_line(token: Token) -> bool:
    """Whether a token is on its sentence's main line (the main clause, or what a reporting verb
    reports) rather than in a background clause hanging from it."""
    current = token
    while current.head.i != current.i:  # spaCy makes a new Token object on each access: compare indices
        if current.dep_ in BACKGROUND_CLAUSES:
            return False
        current = current.head
    return True


def _tells_the_past(token: Token) -> bool:
    verb = governing_verb(token)
    return verb is not None and verb_direction(verb) == PAST


class Narrative:
    """The dates an article's narrative carries from one sentence into the next.

    News writing dates a happening once and goes on without repeating the date: "Jaishankar met
    Atmar in Dushanbe on Tuesday. The two discussed the security situation." The discussion took
    place on Tuesday. The rule is strict because the publication fallback admits that it is a
    stand-in (fusion matches it loosely) while an inherited date claims to be the day itself. A
    trigger inherits the date of the sentence just before its own only when all of these hold:
      - its own sentence holds no date or time expression at all: a sentence with a date of its
        own has its own time frame, even where the parse does not tie the date to this trigger;
      - it reports the past (a past or perfect verb): a plan or a present state does not take
        place on the day of the happening before it;
      - it is not inside quotation marks: direct speech keeps the speaker's own time frame;
      - no paragraph break separates it from the date: a new paragraph in news writing often
        turns to background, reaction or another day;
      - the sentence before holds one date (however often named) on its main line, not in a
        clause like "who met X on Monday" or "after the vote on Monday"; told in the past, at
        least as fine as a month, outside quotation marks, and not after the publication date.
        Two different dates there leave the narrative ambiguous, and a date the text could not
        fix (an undated article's "on Tuesday") is no date to inherit.
    Only a date the text sets carries over: an inherited date is not passed on again, so an
    error cannot spread down a paragraph.
    """

    def __init__(self, doc: Doc, times: list[tuple[TimeRef, Token]], published: date | None):
        self.text = doc_text(doc)
        self.published = published
        self.sentences: list[Span] = list(doc.sents)
        self._position = {sentence.start: i for i, sentence in enumerate(self.sentences)}
        self._times: list[list[tuple[TimeRef, Token]]] = [[] for _ in self.sentences]
        for ref, root in times:
            self._times[self._position[root.sent.start]].append((ref, root))
        self._quoted = quoted_spans(self.text)

    def inherited_date(self, trigger: Token) -> TimeRef | None:
        """The time expression whose date the trigger inherits, or None (see the class)."""
        position = self._position[trigger.sent.start]
        if self._times[position] or self._is_quoted(trigger.idx) or not _tells_the_past(trigger):
            return None
        for earlier in range(position - 1, max(position - MAX_SENTENCES_BACK, 0) - 1, -1):
            if self._times[earlier]:
                # The nearest dated sentence decides, whether or not its date carries over.
                carried = self._narrative_date(earlier)
                if carried is None or self._breaks_paragraph(carried.end, trigger.idx):
                    return None
                return carried
        return None

    def _narrative_date(self, position: int) -> TimeRef | None:
        carried = [ref for ref, root in self._times[position] if self._carries_over(ref, root)]
        if len({(ref.first_day, ref.last_day) for ref in carried}) != 1:
            return None
        return carried[-1]

    def _carries_over(self, ref: TimeRef, root: Token) -> bool:
        if ref.first_day is None or ref.precision not in INHERITABLE_PRECISIONS:
            return False
        if self.published is not None and ref.first_day > self.published:
            return False
        return not self._is_quoted(ref.start) and _on_main_line(root) and _tells_the_past(root)

    def _is_quoted(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self._quoted)

    def _breaks_paragraph(self, start: int, end: int) -> bool:
        # Measured between the date and the trigger: the parser may leave a paragraph's trailing
        # blank line inside the sentence before it, or fail to split sentences at a break at all.
        return PARAGRAPH_BREAK.search(self.text, start, end) is not None
