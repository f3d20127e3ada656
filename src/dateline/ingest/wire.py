"""The dateline or byline a wire story opens with, before its first sentence's own words:
"KABUL —", "VENICE, Louisiana --", "El Salvador (CNN) --", "(Reuters) -" or its tail "Reuters) -"
left by a sentence split, "By the CNN Wire Staff".

They stay in the article's text (its id is a hash of the text, and the place is worth keeping);
each stored sentence records how much of it is such an opening (`store` asks `wire_opening`), so
that a view quoting the sentence can leave it out.
"""
from __future__ import annotations

import re

_OPEN, _CLOSE, _DASH = r"(?:\(|-LRB-)", r"(?:\)|-RRB-)", r"(?:--|—|–|-|:)"  # PTB brackets too
# Tried in this order, each once, each on what the ones before left.
OPENINGS = (
    re.compile(r"^By (?:the )?[A-Z][\w.' ]{0,30}? (?:Wire )?Staff\s+"),
    re.compile(rf"^[A-Z][A-Z.'/-]+(?:\s+[A-Z][A-Z.'/-]+)*(?:\s*,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
               rf"(?:\s*{_OPEN}[^()]{{1,30}}?{_CLOSE})?\s*{_DASH}\s+"),
    re.compile(rf"^[A-Z][\w.']+(?:\s+[A-Z][\w.']+){{0,3}}\s*{_OPEN}[^()]{{1,30}}?{_CLOSE}\s*{_DASH}+\s+"),
    re.compile(rf"^(?:{_OPEN}\s*)?[A-Z][\w.&' ]{{0,25}}?\s*{_CLOSE}\s*{_DASH}+\s+"),
)


def one_line(text: str) -> str:
    """The text with every run of whitespace one space: how a sentence is quoted."""
    return " ".join(text.split())


def wire_opening(sentence: str) -> int:
    """How many characters at the start of the sentence, quoted on one line (`one_line`), are a
    wire story's dateline or byline rather than its words; 0 for almost every sentence."""
    quoted = rest = one_line(sentence)
    for opening in OPENINGS:
        rest = opening.sub("", rest, count=1)
    return len(quoted) - len(rest)
