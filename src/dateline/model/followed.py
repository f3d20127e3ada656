"""What the store tells of the sources followed on the web (`Database.sources`): each feed or
sitemap with its latest fetch, the totals `dateline stats` counts, and the rounds of
`dateline watch`; the web overview's "Sources" section draws them."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(slots=True)
class SourceState:
    """A feed or sitemap followed: its latest fetch, and the pages it listed."""

    url: str
    kind: str  # "feed" or "sitemap"
    last_fetch: datetime
    status: int | None  # of the latest fetch (304 when it had not changed)
    error: str | None  # the latest fetch's skip reason, when it failed
    pages: int = 0  # pages it listed that were fetched and read
    failures: int = 0  # pages it listed whose latest fetch failed


@dataclass(slots=True)
class WatchRound:
    """One round of `dateline watch`, as stored (RoundReport's counts, and when it began)."""

    number: int
    started: datetime
    new: int
    known: int
    failed: int


@dataclass(slots=True)
class SourcesOverview:
    """Everything fetched from the web so far, counted: feeds and sitemaps followed, pages read,
    URLs whose latest fetch failed, the latest fetch, each source and the latest rounds."""

    feeds: int = 0
    sitemaps: int = 0
    pages: int = 0
    failed: int = 0
    last_fetch: datetime | None = None
    sources: list[SourceState] = field(default_factory=list)
    rounds: list[WatchRound] = field(default_factory=list)  # latest first

    @property
    def anything(self) -> bool:
        """Whether anything was ever fetched (or watched) into this store."""
        return bool(self.last_fetch or self.rounds)
