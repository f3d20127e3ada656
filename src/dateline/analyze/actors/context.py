"""What the steps of actor finding share while they read one article: the office titles found in
it (`TitleUse`) and what has been learnt so far (`ArticleActors`: mentions, actors, the tokens
already claimed, the people named in full)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from dateline.analyze.nlp import doc_text
from dateline.knowledge import Knowledge
from dateline.model import Actor, Mention


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
class ArticleActors:
    """What one call of ActorFinder has learnt so far."""

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

    @classmethod
    def start(cls, doc: Doc, kb: Knowledge, published: date | None, scope: str = "") -> ArticleActors:
        """Nothing learnt yet of a parsed article."""
        return cls(doc, kb, published, sentence_index(doc), doc_text(doc), scope)

    def add(self, start_char: int, end_char: int, actor: Actor, how: str) -> None:
        token = self.doc.char_span(start_char, end_char, alignment_mode="expand")
        sentence = self.sentence_of[token.start] if token is not None else 0
        text = self.text[start_char:end_char]
        actor = self.kb.mentioned_as(actor)
        self.mentions.append(Mention(start_char, end_char, text, actor.id, sentence, how))
        self.actors.setdefault(actor.id, actor)
        if actor.kind == "person" and how in ("name", "alias", "handle") and actor not in self.people:
            self.people.append(actor)


def sentence_index(doc: Doc) -> list[int]:
    """The sentence number of each token."""
    sentence_of = [0] * len(doc)
    for index, sentence in enumerate(doc.sents):
        sentence_of[sentence.start : sentence.end] = [index] * len(sentence)
    return sentence_of
