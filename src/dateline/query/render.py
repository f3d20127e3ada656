"""Human renderings of query results: Rich tables, CSV, and timelines as text, Markdown, HTML.

Every path, title, outlet and name a text, Markdown, HTML or table rendering shows passes through
`shown_name`, as `ingest`'s own lines do: a control code in a file name is shown escaped ("\\x1b"),
never obeyed by the terminal. CSV keeps the stored text, with formula cells neutralized.
"""
from __future__ import annotations

import html
import io
from collections.abc import Iterable, Sequence

from rich.markup import escape as escape_markup
from rich.table import Table
from rich.text import Text

from dateline.model import (Actor, ActorProfile, ArticleView, FusedEvent, Quote, Reading, Relation,
                            Story, shown_name)
from dateline.query.confidence import confidence_label, evidence_words
from dateline.query.database import Database
from dateline.query.dates import date_value_words
from dateline.query.render_csv import write_csv
from dateline.query.serialize import iso

UNDATED = "Undated"
# A season's first month gives its TimeML code (winter starts in December).
SEASON_CODES = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}
_TYPE_WIDTH = 10  # the longest PLOVER type (COOPERATE) plus a space


def date_label(event: FusedEvent) -> str:
    """The event's date as precisely as it is known: 2021-07-13, 2021-07, 2021-Q3, 2021."""
    if event.date is None:
        return ""
    day, precision = event.date, event.date_precision
    if precision == "month":
        return f"{day:%Y-%m}"
    if precision == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if precision == "year":
        return str(day.year)
    if precision == "season":
        return f"{day.year}-{SEASON_CODES[day.month]}"
    if precision == "half":
        return f"{day.year}-H{1 if day.month <= 6 else 2}"
    if precision == "decade":
        return f"{day.year // 10 * 10}s"
    if precision == "century":
        return f"{day.year // 100:02d}XX"
    return day.isoformat()


def undated_label(event: FusedEvent) -> str:
    """What an undated event's words say of its date: "4 November (year not stated)", or ""."""
    return "" if event.date else (date_value_words(event.date_value) or "")


def when_label(event: FusedEvent) -> str:
    """The event's date, or for an undated one what its words say of it, or ""."""
    return date_label(event) or undated_label(event)


def month_label(event: FusedEvent) -> str:
    return f"{event.date:%Y-%m}" if event.date else UNDATED


def sources_label(event: FusedEvent) -> str:
    count = len(event.sources)
    return f"[{count} source{'' if count == 1 else 's'}]"


def _name(actor: Actor | None) -> str:
    return actor.name if actor else ""


def _shown(actor: Actor | None) -> str:
    """The actor's name as a terminal may show it."""
    return shown_name(_name(actor))


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    write_csv(out, header, rows, lineterminator="\n")
    return out.getvalue()


def _table(title: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Table:
    """Every cell shown escaped and as plain Text: a "[red]" in a title is no Rich markup."""
    table = Table(title=title)
    for column in header:
        table.add_column(column)
    for row in rows:
        table.add_row(*(Text(shown_name("" if value is None else str(value))) for value in row))
    return table


# Events.

EVENT_HEADER = ("date", "type", "mode", "status", "confidence", "summary", "sources")
EVENT_CSV_HEADER = ("id", "date", "date_end", "date_precision", "date_basis", "date_value", "type",
                    "mode", "cameo", "quad_class", "intensity", "status", "confidence",
                    "source_actor", "target_actor", "location", "summary", "sources")


def _confidence(event: FusedEvent) -> str:
    return "" if event.confidence is None else f"{event.confidence:.2f}"


def events_table(events: Sequence[FusedEvent]) -> Table:
    rows = [(when_label(e) or UNDATED.lower(), e.type, e.mode, e.status,
             _confidence(e), e.summary, len(e.sources)) for e in events]
    return _table(f"{len(events)} events", EVENT_HEADER, rows)


def events_csv(events: Sequence[FusedEvent]) -> str:
    rows = [(e.id, iso(e.date), iso(e.date_end), e.date_precision, e.date_basis, e.date_value,
             e.type, e.mode, e.cameo, e.quad_class, e.intensity, e.status, e.confidence,
             _name(e.source_actor), _name(e.target_actor), e.location.name if e.location else "",
             e.summary, len(e.sources)) for e in events]
    return _csv(EVENT_CSV_HEADER, rows)


# Actors, quotes, counts.

ACTOR_HEADER = ("id", "name", "kind", "country", "sector", "mentions", "aliases")


def _actor_rows(actors: Sequence[tuple[Actor, int]]) -> list[tuple]:
    return [(a.id, a.name, a.kind, a.country, a.sector, count, "; ".join(a.aliases))
            for a, count in actors]


def actors_table(actors: Sequence[tuple[Actor, int]]) -> Table:
    return _table(f"{len(actors)} actors", ACTOR_HEADER, _actor_rows(actors))


def actors_csv(actors: Sequence[tuple[Actor, int]]) -> str:
    return _csv(ACTOR_HEADER, _actor_rows(actors))


def profile_text(profile: ActorProfile, db: Database) -> str:
    """One actor: who they are, what they are called, the offices they held, what they did and said."""
    actor = profile.actor
    coded = ", ".join(part for part in (actor.kind, actor.country, actor.sector) if part)
    lines = [f"{shown_name(actor.name)}  ({shown_name(coded)}; {actor.id})",
             f"{profile.mentions} mentions in {profile.articles} articles"]
    if actor.aliases:
        lines.append("also: " + "; ".join(shown_name(alias) for alias in actor.aliases))
    lines += [f"role: {shown_name(role.label())}"
              + (" (as the articles show it)" if role.basis == "text" else "")
              for role in actor.roles]
    lines += ["", f"{len(profile.events)} events"] + timeline_text(profile.events).splitlines()
    lines += ["", f"{len(profile.quotes)} quotes"]
    lines += [f"{iso(q.said_on) or 'undated':<10}  \"{shown_name(q.text)}\"  "
              f"[{shown_name(db.article_source(q.article_id))}]" for q in profile.quotes]
    return "\n".join(lines)


def event_text(event: FusedEvent, readings: Sequence[Reading] = ()) -> str:
    """One happening: what, who, where, when and why that date, how sure we are and why, then
    every source sentence."""
    where = shown_name(event.location.name) if event.location else "place not said"
    when = when_label(event) or "undated"
    lines = [f"{when}  {event.type}  {shown_name(event.summary)}",
             f"{_shown(event.source_actor) or '-'} -> {_shown(event.target_actor) or '-'}; "
             f"{where}; "
             f"{event.mode}, CAMEO {event.cameo}, quad class {event.quad_class}, "
             f"intensity {event.intensity:g}, {event.status}; {confidence_label(event.confidence)};"
             f" id {event.id}"]
    if event.date_note:
        lines.append(f"date: {event.date_note}")
    lines += [f"reading in {shown_name(r.source)}: {confidence_label(r.confidence)}; "
              f"{'; '.join(evidence_words(r.evidence)) or 'no evidence recorded'}" for r in readings]
    lines += ["", f"{len(event.sources)} source{'' if len(event.sources) == 1 else 's'}"]
    lines += [f"- {shown_name(s.source)} ({iso(s.published) or 'undated'}): {s.sentence}"
              for s in event.sources]
    return "\n".join(lines)


def article_text(view: ArticleView, db: Database) -> str:
    """An article's cleaned text, then what analysis found in it, each with its offsets."""
    article = view.article
    lines = [shown_name(article.title or article.source),
             f"{shown_name(article.source)}; published {iso(article.published) or 'undated'} "
             f"({article.published_basis}); id {article.id}", "", article.text, ""]
    lines += [f"actor  {m.start}-{m.end}  {m.text!r} -> {_shown(db.actor(m.actor_id))}"
              for m in view.mentions]
    lines += [f"time   {t.start}-{t.end}  {t.text!r} -> {t.value}" for t in view.times]
    lines += [f"event  sentence {e.sentence}  {e.trigger!r} -> {e.type} {e.fused_id or ''}"
              for e in view.events]
    return "\n".join(lines)


QUOTE_HEADER = ("said_on", "speaker", "text", "path")


def _quote_rows(quotes: Sequence[Quote], db: Database) -> list[tuple]:
    return [(iso(q.said_on), _name(db.actor(q.speaker)), q.text, db.article_source(q.article_id))
            for q in quotes]


def quotes_table(quotes: Sequence[Quote], db: Database) -> Table:
    return _table(f"{len(quotes)} quotes", QUOTE_HEADER, _quote_rows(quotes, db))


def quotes_csv(quotes: Sequence[Quote], db: Database) -> str:
    return _csv(QUOTE_HEADER, _quote_rows(quotes, db))


def stories_table(stories: Sequence[Story], db: Database) -> Table:
    rows = [(iso(s.first) or "undated", iso(s.last) or "", len(s.article_ids), s.label,
             db.article_source(s.article_ids[0]) if s.article_ids else "") for s in stories]
    return _table("Stories", ("first", "last", "articles", "story", "first article"), rows)


RELATION_BAR = 24  # characters a month's bar may take: the busiest month fills it


def relation_table(relation: Relation) -> Table:
    """Months with events between the two, a bar for each (cooperation green, conflict red);
    a run of quiet months shows as one dim line."""
    table = Table(title=f"{_markup(relation.a)} and {_markup(relation.b)}", title_justify="left")
    for column in ("month", "coop", "conflict", "neutral", "score", "cooperation █ / conflict █"):
        table.add_column(column, justify="right" if column in ("coop", "conflict", "neutral",
                                                               "score") else "left")
    peak = max((max(m.cooperation, m.conflict) for m in relation.months), default=0) or 1
    quiet = 0
    for month in relation.months:
        if not month.event_ids:
            quiet += 1
            continue
        if quiet:
            table.add_row(f"[dim]{quiet} quiet month{'' if quiet == 1 else 's'}[/]", "", "", "", "", "")
            quiet = 0
        bar = (f"[green]{'█' * _bar(month.cooperation, peak)}[/]"
               f"[red]{'█' * _bar(month.conflict, peak)}[/]")
        table.add_row(month.month, str(month.cooperation), str(month.conflict), str(month.neutral),
                      f"{month.score:+g}", bar)
    undated = sum(1 for e in relation.events if not e.date)
    caption = [f"{_markup(relation.a)}'s side: {', '.join(_markup(a) for a in relation.a_side)}",
               f"{_markup(relation.b)}'s side: {', '.join(_markup(b) for b in relation.b_side)}"]
    if undated:
        caption.append(f"{undated} undated event{'' if undated == 1 else 's'} not charted")
    table.caption, table.caption_justify = "\n".join(caption), "left"
    return table


def _markup(actor: Actor) -> str:
    """A name inside Rich markup: escaped for the terminal, its brackets no markup."""
    return escape_markup(_shown(actor))


def _bar(count: int, peak: int) -> int:
    return round(RELATION_BAR * count / peak) if count else 0


def stats_table(stats: dict) -> Table:
    return _table("Dateline database", ("what", "count"), stats.items())


# Timelines.


def timeline_text(events: Sequence[FusedEvent]) -> str:
    """One line per event; undated events under an "Undated" heading at the end."""
    dated = [e for e in events if e.date]
    undated = [e for e in events if not e.date]
    lines = [_timeline_line(date_label(e), e) for e in dated]
    if undated:
        lines += ["", UNDATED] if lines else [UNDATED]
        lines += [_timeline_line(undated_label(e), e) for e in undated]
    return "\n".join(lines)


def _timeline_line(when: str, event: FusedEvent) -> str:
    summary = shown_name(event.summary)
    return f"{when:<10}  {event.type:<{_TYPE_WIDTH}}{summary}  {sources_label(event)}"


def events_by_month(events: Sequence[FusedEvent]) -> dict[str, list[FusedEvent]]:
    months: dict[str, list[FusedEvent]] = {}
    for event in events:  # already in time order, undated last
        months.setdefault(month_label(event), []).append(event)
    return months


def timeline_md(events: Sequence[FusedEvent]) -> str:
    """A Markdown list grouped by month, each event citing its sources."""
    lines = ["# Timeline", ""]
    for month, members in events_by_month(events).items():
        lines += [f"## {month}", ""]
        for e in members:
            when = f"**{when_label(e)}** " if when_label(e) else ""
            cited = ", ".join(f"[{shown_name(s.source)}]" for s in e.sources)
            lines.append(f"- {when}{e.type}: {shown_name(e.summary)} ({cited})")
        lines.append("")
    return "\n".join(lines)


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Dateline timeline</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }}
li {{ margin: .4rem 0; }} .date {{ font-weight: bold; }} .type {{ color: #555; }}
.sources {{ font-size: .85em; color: #555; }}
</style>
</head>
<body>
<h1>Timeline</h1>
{body}
</body>
</html>
"""


def _html_event(event: FusedEvent) -> str:
    sources = "; ".join(f"{html.escape(shown_name(s.source))}: “{html.escape(s.sentence)}”"
                        for s in event.sources)
    return (f'<li><span class="date">{html.escape(when_label(event))}</span> '
            f'<span class="type">{event.type}</span> {html.escape(shown_name(event.summary))}'
            f'<div class="sources">{sources}</div></li>')


def timeline_html(events: Sequence[FusedEvent]) -> str:
    """A small standalone page: one list per month, every event with its cited sentences."""
    sections = []
    for month, members in events_by_month(events).items():
        items = "\n".join(_html_event(e) for e in members)
        sections.append(f"<h2>{html.escape(month)}</h2>\n<ul>\n{items}\n</ul>")
    body = "\n".join(sections) or "<p>No events.</p>"
    return _PAGE.format(body=body)
