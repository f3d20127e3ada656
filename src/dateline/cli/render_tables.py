"""What `dateline` prints as tables: Rich tables for a terminal and CSV for a spreadsheet, from the
same rows.

Every cell of a Rich table passes through `shown_name`, as `ingest`'s own lines do: a control
code in a file name is shown escaped ("\\x1b"), never obeyed by the terminal. CSV keeps the
stored text, with formula cells neutralized (`render.safe_csv`).
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence

from rich.table import Table
from rich.text import Text

from dateline.cli.render_text import cited_paths, shown_actor
from dateline.model import (Actor, FusedEvent, Quote, Relation, RelationMonth, SourcesOverview,
                            Story, shown_name)
from dateline.query import Database
from dateline.query.serialize import iso
from dateline.render.labels import UNDATED, short_id_label, when_label
from dateline.render.safe_csv import FIRST_SOURCE_HEADER, first_source_cells
from dateline.render.safe_csv import write_csv


def _name(actor: Actor | None) -> str:
    return actor.name if actor else ""


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    write_csv(out, header, rows, lineterminator="\n")
    return out.getvalue()


def counted(count: int, noun: str) -> str:
    """A table's title: "1 event", "2 events"."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _table(title: str, header: Sequence[str], rows: Iterable[Sequence[object]],
           whole: Sequence[str] = (), least: Mapping[str, int] | None = None) -> Table:
    """Every cell shown escaped and as plain Text: a "[red]" in a title is no Rich markup. The
    columns named in `whole` are never cut or wrapped (an id to type back, a type); those in
    `least` may wrap but never get narrower than it says (a day, YYYY-MM-DD, stays whole)."""
    cells = [[Text(shown_name("" if value is None else str(value))) for value in row]
             for row in rows]
    table = Table(title=title)
    for number, column in enumerate(header):
        kept = column in whole
        widest = max((len(row[number]) for row in cells), default=0) if kept else None
        table.add_column(column, no_wrap=kept, min_width=widest or (least or {}).get(column))
    for row in cells:
        table.add_row(*row)
    return table


# Events.

# The mode is left to `dateline event`, the JSON and the CSV: on an 80-column terminal every
# column more squeezes the summary.
EVENT_HEADER = ("id", "date", "type", "status", "conf", "summary", "sources")
EVENT_CSV_HEADER = ("id", "date", "date_end", "date_precision", "date_basis", "date_value", "type",
                    "mode", "cameo", "quad_class", "intensity", "status", "confidence",
                    "source_actor", "target_actor", "location", "summary", "sources",
                    *FIRST_SOURCE_HEADER)


def _confidence(event: FusedEvent) -> str:
    return "" if event.confidence is None else f"{event.confidence:.2f}"


def events_table(events: Sequence[FusedEvent]) -> Table:
    rows = [(short_id_label(e), when_label(e) or UNDATED.lower(), e.type, e.status,
             _confidence(e), e.summary, len(e.sources)) for e in events]
    return _table(counted(len(events), "event"), EVENT_HEADER, rows, whole=("id", "type"),
                  least={"date": len("YYYY-MM-DD")})


def events_csv(events: Sequence[FusedEvent]) -> str:
    rows = [(e.id, iso(e.date), iso(e.date_end), e.date_precision, e.date_basis, e.date_value,
             e.type, e.mode, e.cameo, e.quad_class, e.intensity, e.status, e.confidence,
             _name(e.source_actor), _name(e.target_actor), e.location.name if e.location else "",
             e.summary, len(e.sources), *first_source_cells(e)) for e in events]
    return _csv(EVENT_CSV_HEADER, rows)


# Actors, quotes, stories, counts.

ACTOR_HEADER = ("id", "name", "kind", "country", "sector", "mentions", "aliases")


def _actor_rows(actors: Sequence[tuple[Actor, int]]) -> list[tuple]:
    return [(a.id, a.name, a.kind, a.country, a.sector, count, "; ".join(a.aliases))
            for a, count in actors]


def actors_table(actors: Sequence[tuple[Actor, int]]) -> Table:
    return _table(counted(len(actors), "actor"), ACTOR_HEADER, _actor_rows(actors))


def actors_csv(actors: Sequence[tuple[Actor, int]]) -> str:
    return _csv(ACTOR_HEADER, _actor_rows(actors))


QUOTE_HEADER = ("said_on", "speaker", "text", "path")


def _quote_rows(quotes: Sequence[Quote], db: Database) -> list[tuple]:
    """A row per quote, its article's path looked up once for the whole listing."""
    paths = cited_paths(quotes, db)
    return [(iso(q.said_on), _name(db.actor(q.speaker)), q.text, paths.get(q.id)) for q in quotes]


def quotes_table(quotes: Sequence[Quote], db: Database) -> Table:
    return _table(counted(len(quotes), "quote"), QUOTE_HEADER, _quote_rows(quotes, db))


def quotes_csv(quotes: Sequence[Quote], db: Database) -> str:
    return _csv(QUOTE_HEADER, _quote_rows(quotes, db))


def stories_table(stories: Sequence[Story], db: Database) -> Table:
    """A row per story with the path of its first article, looked up once for all of them."""
    paths = db.article_sources(s.article_ids[0] for s in stories if s.article_ids)
    rows = [(iso(s.first) or "undated", iso(s.last) or "", len(s.article_ids), s.label,
             paths.get(s.article_ids[0]) if s.article_ids else "") for s in stories]
    return _table("Stories", ("first", "last", "articles", "story", "first article"), rows)


def stats_table(stats: dict) -> Table:
    return _table("Dateline database", ("what", "count"), stats.items())


def sources_table(sources: SourcesOverview) -> Table:
    """What was followed on the web, counted; the last fetch in UTC."""
    last = sources.last_fetch.strftime("%Y-%m-%d %H:%M UTC") if sources.last_fetch else "never"
    rounds = sources.rounds[0].number if sources.rounds else 0
    return _table("Sources followed", ("what", "count"), [
        ("feeds", sources.feeds), ("sitemaps", sources.sitemaps),
        ("pages fetched", sources.pages), ("failed fetches", sources.failed),
        ("last fetch", last), ("watch rounds", rounds)])


# Relations.

# The relation chart reads without colour: conflict bars grow left of the axis and are drawn with
# CONFLICT_MARK, cooperation bars grow right with COOPERATION_MARK, and every count is a number on
# its line. Colour (red, green) is added only where the console is a terminal.
RELATION_BAR = 16  # characters a side's bar may take: the busiest month's larger side fills it
AXIS, CONFLICT_MARK, COOPERATION_MARK = "│", "▒", "█"
LEFT = 9 + 9 + RELATION_BAR  # month, conflict count, conflict bar: everything left of the axis


def relation_chart(relation: Relation) -> Text:
    """Months with events between the two, one line each: the month, the conflict count, its
    bar growing left of the axis, the cooperation bar growing right, its count, the neutral
    count and the score. A run of quiet months is one line; a legend and each side follow."""
    chart = Text(f"{shown_actor(relation.a)} and {shown_actor(relation.b)}, month by month\n")
    if not relation.months:
        chart.append("No dated events between them.\n")
        chart.append(_legend(relation, 0))
        return chart
    chart.append(f"{'month':<9}{'conflict':>8} {'◀ conflict ' + CONFLICT_MARK:>{RELATION_BAR}}"
                 f"{AXIS}{COOPERATION_MARK + ' cooperation ▶':<{RELATION_BAR}} "
                 f"{'cooperation':<11} {'neutral':>7} {'score':>7}\n", style="bold")
    peak = max((max(m.cooperation, m.conflict) for m in relation.months), default=0)
    quiet: list[str] = []
    for month in relation.months:
        if not month.event_ids:
            quiet.append(month.month)
            continue
        _quiet_line(chart, quiet)
        quiet = []
        _month_line(chart, month, peak)
    chart.append(_legend(relation, peak))
    return chart


def _month_line(chart: Text, month: RelationMonth, peak: int) -> None:
    conflict, cooperation = _bar(month.conflict, peak), _bar(month.cooperation, peak)
    chart.append(f"{month.month:<9}{month.conflict:>8} {'':>{RELATION_BAR - conflict}}")
    chart.append(CONFLICT_MARK * conflict, style="red")
    chart.append(AXIS)
    chart.append(COOPERATION_MARK * cooperation, style="green")
    chart.append(f"{'':{RELATION_BAR - cooperation}} {month.cooperation:<11} {month.neutral:>7} "
                 f"{month.score:>+7g}\n")


def _quiet_line(chart: Text, months: list[str]) -> None:
    """A run of months with nothing between the two, as one line that keeps the axis."""
    if months:
        span = months[0] if len(months) == 1 else f"{months[0]} to {months[-1]}"
        chart.append(f"{span + '  no events':<{LEFT}}", style="dim")
        chart.append(f"{AXIS}\n")


def _legend(relation: Relation, peak: int) -> str:
    """What the marks, bars and score mean (when a month is charted), then who is on each side."""
    lines = [f"{CONFLICT_MARK} conflict (quad classes 3, 4) left of {AXIS}, {COOPERATION_MARK} "
             "cooperation (1, 2) right of it",
             f"bars to scale: a full bar is {peak} event{'' if peak == 1 else 's'}",
             "score: the sum of the month's Goldstein-style intensities; above 0 leans to "
             "cooperation"] if peak else []
    lines += [f"{shown_actor(actor)}'s side: {', '.join(map(shown_actor, side))}"
              for actor, side in ((relation.a, relation.a_side), (relation.b, relation.b_side))]
    undated = sum(1 for e in relation.events if not e.date)
    if undated:
        lines.append(f"{undated} undated event{'' if undated == 1 else 's'} not charted")
    return "\n".join(lines)


def _bar(count: int, peak: int) -> int:
    """A count's bar length: to scale, and at least one character for any event at all."""
    return max(1, round(RELATION_BAR * count / peak)) if count else 0
