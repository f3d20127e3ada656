"""The text around a match, which readers look at to keep or drop it: the words before and after,
and whether it stands mid-sentence."""
from __future__ import annotations

import re

import dateline.analyze.timex.lexicon as lex

SENTENCE_OPENERS = ".!?\n\"'“‘(:"


def is_mid_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in SENTENCE_OPENERS


def next_word(text: str, end: int) -> str:
    found = re.match(r"\s+([A-Za-z]+)", text[end:end + 40])
    return found.group(1) if found else ""


def previous_word(text: str, start: int) -> str:
    found = re.search(r"([A-Za-z']+)\s+$", text[max(0, start - 40):start])
    return found.group(1).lower() if found else ""


def counts_things(text: str, end: int) -> bool:
    """Whether the number ending at `end` counts a noun after it ("rose to 2000 people")."""
    following = next_word(text, end)
    if following in lex.COUNT_NOUNS:
        return True
    return following.islower() and following.endswith("s") and \
        following not in lex.WORDS_ENDING_IN_S_THAT_ARE_NOT_NOUNS


def leaning(text: str, start: int) -> int:
    """+1 after words that point ahead when the clause has no tense ("as soon as Tuesday", "by May")."""
    before = " ".join(text[max(0, start - 20):start].lower().split())
    return 1 if any(before.endswith(words) for words in lex.FUTURE_LEANING_BEFORE) else 0


def context_word(text: str, start: int, allowed) -> str | None:
    """The word (or two) before an expression when it is one of `allowed` ("in", "as of")."""
    before = " ".join(text[max(0, start - 24):start].lower().split()).split(" ")
    for size in (2, 1):
        candidate = " ".join(before[-size:])
        if candidate in allowed:
            return candidate
    return None
