"""What `dateline` prints as tables: Rich tables for a terminal and CSV for a spreadsheet, from the
same rows.

Every cell of a Rich table passes through `shown_name`, as `ingest`'s own lines do: a control
code in a file name is shown escaped ("\\x1b"), never obeyed by the terminal. CSV keeps the
stored text, with formula cells neutralized (`render.safe_csv`).
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from rich.markup import escape as escape_markup
from rich.table import Table
from rich.text import Text

from dateline.cli.render_text import cited_paths, shown_actor
from dateline.model import Actor, FusedEvent, Quote, Relation, Story, shown_name
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


def _table(title: str, header: Sequence[str], rows: Iterable[Sequence[object]],
           whole: Sequence[str] = ()) -> Table:
    """Every cell shown escaped and as plain Text: a "[red]" in a title is no Rich markup. The
    columns named in `whole` are never cut or wrapped (an id to type back, a type)."""
    cells = [[Text(shown_name("" if value is None else str(value))) for value in row]
             for row in rows]
    table = Table(title=title)
    for number, column in enumerate(header):
        kept = column in whole
        widest = max((len(row[number]) for row in cells), default=0) if kept else None
        table.add_column(column, no_wrap=kept, min_width=widest)
    for row in cells:
        table.add_row(*row)
    return table


# Events.

EVENT_HEADER = ("id", "date", "type", "mode", "status", "confidence", "summary", "sources")
EVENT_CSV_HEADER = ("id", "date", "date_end", "date_precision", "date_basis", "date_value", "type",
                    "mode", "cameo", "quad_class", "intensity", "status", "confidence",
                    "source_actor", "target_actor", "location", "summary", "sources",
                    *FIRST_SOURCE_HEADER)


def _confidence(event: FusedEvent) -> str:
    return "" if event.confidence is None else f"{event.confidence:.2f}"


def events_table(events: Sequence[FusedEvent]) -> Table:
    rows = [(short_id_label(e), when_label(e) or UNDATED.lower(), e.type, e.mode, e.status,
             _confidence(e), e.summary, len(e.sources)) for e in events]
    return _table(f"{len(events)} events", EVENT_HEADER, rows, whole=("id", "type"))


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
    return _table(f"{len(actors)} actors", ACTOR_HEADER, _actor_rows(actors))


def actors_csv(actors: Sequence[tuple[Actor, int]]) -> str:
    return _csv(ACTOR_HEADER, _actor_rows(actors))


QUOTE_HEADER = ("said_on", "speaker", "text", "path")


def _quote_rows(quotes: Sequence[Quote], db: Database) -> list[tuple]:
    """A row per quote, its article's path looked up once for the whole listing."""
    paths = cited_paths(quotes, db)
    return [(iso(q.said_on), _name(db.actor(q.speaker)), q.text, paths.get(q.id)) for q in quotes]


def quotes_table(quotes: Sequence[Quote], db: Database) -> Table:
    return _table(f"{len(quotes)} quotes", QUOTE_HEADER, _quote_rows(quotes, db))


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


# Relations.

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
    return escape_markup(shown_actor(actor))


def _bar(count: int, peak: int) -> int:
    return round(RELATION_BAR * count / peak) if count else 0
