"""The actor mentions of one document, looked up by the tokens they cover, and the nouns of
agents ("officials", "troops") that a demonym or a place before them makes a country's."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from dateline.analyze.actors.sectors import mention_sector
from dateline.analyze.events.syntax import noun_forms
from dateline.analyze.word_lists import read_word_lists
from dateline.model import Mention

# Heads that stand for their country when a demonym modifies them ("Indian officials"), and
# collectives that stand for whoever qualifies them ("opposition groups"): data/mention_index.json.
ACTOR_NOUNS: frozenset[str] = frozenset(read_word_lists("mention_index", __package__)["actor_nouns"])


class MentionIndex:
    """Actor mentions of one document, looked up by the tokens they cover."""

    def __init__(self, mentions: list[Mention], actor_nouns: frozenset[str] = ACTOR_NOUNS, kb=None, placed=None,
                 doc=None):
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.actor_nouns = actor_nouns
        self.kb = kb
        self._placed = placed  # actor id -> whether it belongs to a country or is an IGO/NGO
        self.doc = doc  # the parse, for the sectors of mentions
        self._starts = [m.start for m in self.mentions]
        self._longest = max((m.end - m.start for m in self.mentions), default=0)

    def sector_of(self, mention: Mention) -> str | None:
        """The sector the agent noun around a mention gives it ("Georgian demonstrators": CVL)."""
        if self.doc is None or self.kb is None:
            return None
        return mention_sector(mention, self.doc, self.kb.agent_sectors)

    def is_placed(self, actor_id: str) -> bool:
        return self._placed is None or self._placed(actor_id)

    def covering(self, token: Token) -> Mention | None:
        # Mentions may nest ("Foreign Minister of India" around "India"): look back as far as the
        # longest mention could reach, innermost first.
        i = bisect_right(self._starts, token.idx) - 1
        while i >= 0 and self._starts[i] > token.idx - self._longest:
            if token.idx < self.mentions[i].end:
                return self.mentions[i]
            i -= 1
        return None

    def antecedent(self, pronoun: Token, people: bool) -> Mention | None:
        """The nearest earlier mention in this or the previous sentence that a pronoun can stand for:
        a person for "he"/"she", anything else for "they"/"it" (a group, a country, an office)."""
        sentence_start = pronoun.sent.start
        earliest = pronoun.doc[sentence_start - 1].sent.start_char if sentence_start > 0 else pronoun.sent.start_char
        for mention in reversed(self.mentions):
            if mention.end > pronoun.idx or mention.start < earliest:
                continue
            if mention.how == "capital":
                continue  # "they" after "seized Kabul" is the seizer, not the city
            if mention.actor_id.startswith("person:") == people:
                return mention
        return None

    def place_qualifier(self, head: Token, phrase: list[Token]) -> Mention | None:
        """ "Darfur rebels", "Gaza militants": a place naming an agent noun gives its country."""
        if self.kb is None:
            return None
        for token in sorted(phrase, key=lambda t: t.i):
            if token.i >= head.i or not token.text[:1].isupper():
                continue
            place = self.kb.place(token.text)
            if place is not None and place.country in self.kb.actors:
                return Mention(token.idx, token.idx + len(token), token.text, place.country, -1, "place")
        return None

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect_right(self._starts, start - 1)
        found = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                found.append(self.mentions[i])
            i += 1
        return found


def is_actor_noun(token: Token, index: MentionIndex) -> bool:
    return not noun_forms(token).isdisjoint(index.actor_nouns)
