"""`dateline report`: one self-contained HTML file with the key dates, the timeline, a relation
chart and sources.

Everything the file needs is inside it (styles inline, the chart as SVG, no scripts), so it
opens from a mail attachment with no network. Links between its parts are in-page anchors.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from dateline.errors import E080, ExportError
from dateline.model import ArticleHead, FusedEvent, KeyDate, Relation
from dateline.query import Database
from dateline.query.relations import busiest_pairs
from dateline.render.labels import events_by_month
from dateline.web.chart import relation_chart
from dateline.web.templating import environment


REPORT_KEY_DATES = 10


def build_report(db: Database, actors: Sequence[str] = (), since: str | date | None = None,
                 until: str | date | None = None, dates: int = REPORT_KEY_DATES,
                 min_confidence: float | None = None, overlapping: bool = False,
                 about: str | None = None) -> str:
    """The report's HTML: the events involving any of `actors` dated within `since`..`until`
    (or `overlapping` it) at or above `min_confidence` and about `about` (as `Database.events`
    has it), after the `dates` key dates of the same scope (none when `dates` is 0)."""
    scoped = {"actors": actors, "since": since, "until": until, "min_confidence": min_confidence,
              "about": about}
    events = db.timeline(**scoped, overlapping=overlapping)
    keys = db.key_dates(dates=dates, **scoped) if dates else []
    relation = report_relation(db, actors, events, since, until, min_confidence, overlapping,
                               about)
    cited = cited_articles(db, events, keys)
    scope = {"actors": [db.actor(i).name for name in actors for i in sorted(db.resolve_actor(name))],
             "since": str(since) if since else None, "until": str(until) if until else None,
             "about": about}
    return environment().get_template("report.html").render(
        title="Dateline report", scope=scope, months=events_by_month([e for e in events if e.date]),
        undated=[e for e in events if not e.date], count=len(events), relation=relation,
        chart=relation_chart(relation) if relation else None, articles=cited,
        source_count=sum(len(e.sources) for e in events), keys=keys,
        listed={e.id for e in events}, article_anchor=article_anchor,
        hidden=db.hidden(**scoped, overlapping=overlapping))


def article_anchor(article_id: str) -> str:
    """Where an article is in the report: its entry in the list of sources."""
    return f"#article-{article_id}"


def write_report(db: Database, out: str | Path, actors: Sequence[str] = (),
                 since: str | date | None = None, until: str | date | None = None,
                 dates: int = REPORT_KEY_DATES, min_confidence: float | None = None,
                 overlapping: bool = False, about: str | None = None) -> Path:
    html = build_report(db, actors, since, until, dates, min_confidence, overlapping, about)
    path = Path(out)
    try:
        path.write_text(html, encoding="utf-8")
    except OSError as error:
        raise ExportError(E080.format(path=path, detail=error.strerror or error)) from None
    return path


def report_relation(db: Database, actors: Sequence[str], events: Sequence[FusedEvent],
                    since: str | date | None = None, until: str | date | None = None,
                    min_confidence: float | None = None,
                    overlapping: bool = False, about: str | None = None) -> Relation | None:
    """The relation the report charts, over the report's period (and topic): between the first
    two actors asked for; else between the one asked for and its busiest partner; else the
    busiest pair among the events."""
    scope = {"since": since, "until": until, "min_confidence": min_confidence,
             "overlapping": overlapping, "about": about}
    if len(actors) >= 2:
        return db.relation(actors[0], actors[1], **scope)
    pairs = busiest_pairs(events, limit=len(events) or 1)
    if actors:
        wanted = db.resolve_actor(actors[0])
        pairs = [(a, b, n) for a, b, n in pairs if a.id in wanted or b.id in wanted]
    if not pairs:
        return None
    a, b, _ = pairs[0]
    if actors and b.id in db.resolve_actor(actors[0]):
        a, b = b, a
    return db.relation(a.id, b.id, **scope)


def cited_articles(db: Database, events: Sequence[FusedEvent],
                   keys: Sequence[KeyDate] = ()) -> list[ArticleHead]:
    """Every article a listed event or a key date's sentence cites, by publication date, each once."""
    ids = {source.article_id for event in events for source in event.sources}
    ids |= {sentence.article_id for key in keys for sentence in key.sentences}
    return [head for head in db.article_heads().values() if head.id in ids]
