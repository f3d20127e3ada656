"""What a full-text search answers: one hit per matching article, event or actor."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SEARCH_KINDS = ("articles", "events", "actors")  # what `dateline search --kind` names


@dataclass(slots=True)
class SearchHit:
    """One record that matches a search, best first: what it is, how to open it, and the words
    that matched in a snippet of its text.

    `kind` is "article", "event" or "actor", and `id` opens it (`dateline article ID`, ...).
    `marks` are the (start, end) character spans of the matched words in `snippet`.
    """

    kind: str
    id: str
    title: str  # the article's headline, the event's summary, the actor's name
    score: float  # BM25, higher is better; comparable within one search only
    snippet: str
    marks: list[tuple[int, int]] = field(default_factory=list)
    outlet: str | None = None  # an article's outlet
    date: date | None = None  # an article's publication day, an event's date
    source: str | None = None  # an article's path or URL, which names it where it has no headline

    @property
    def label(self) -> str:
        """What names the hit in a list: its title, else (an article without a headline) its
        path, else its id."""
        return self.title or self.source or self.id

    def marked_snippet(self, before: str = "[", after: str = "]",
                       shown=lambda text: text) -> str:
        """The snippet with each matched word between `before` and `after`, each piece of the
        snippet passed through `shown` (the escaping of a terminal's `shown_name`), the marks
        not."""
        parts, last = [], 0
        for start, end in self.marks:
            parts += [shown(self.snippet[last:start]), before, shown(self.snippet[start:end]), after]
            last = end
        return "".join(parts) + shown(self.snippet[last:])
