"""Every rendering a terminal shows escapes control codes in paths, titles, outlets and names, as
`ingest` does; CSV renderings neutralize formula cells instead."""
import csv
import io

import pytest
from hostile_samples import (RAW, SUM, build_hostile_database, control_analysis,
                             formula_analysis)
from rich.console import Console

from dateline.cli import render_html, render_tables, render_text
from dateline.model import Actor, shown_name
from dateline.query import Database

# How the control analysis's texts must show: escaped, as `ingest` shows a file name.
PATH = "in/evil\\x1b]0;pwned\\x07\\u202e\\n.txt"
TITLE = "Aid\\x1b]0;pwned\\x07 \\u202eyalp\\r convoy"
NAME = "Bad\\x1b]0;pwned\\x07\\u202eActor"
PLACE = "Kabul\\x1b]0;pwned\\x07"
# How its one source is cited: headline (its line break a space) — outlet, published day.
CITED = "Aid\\x1b]0;pwned\\x07 \\u202eyalp convoy — Wire\\x1b]0;pwned\\x07, 2024-03-05"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "control.duckdb"
    build_hostile_database(path, control_analysis())
    with Database(path) as database:
        yield database


def printed(table) -> str:
    """A Rich table as `print_table` prints it (no colours: any ESC in it came from the data)."""
    out = io.StringIO()
    Console(file=out, width=400).print(table)
    return out.getvalue()


def assert_escaped(output: str, *shown: str) -> None:
    assert not any(char in output for char in RAW), repr(output)
    for text in shown:
        assert text in output, (text, output)


def test_render_shown_name_escapes_what_a_terminal_obeys():
    assert shown_name("a\x1b]0;t\x07\u202eb\r\n\tc d") == "a\\x1b]0;t\\x07\\u202eb\\r\\n\\tc d"
    assert shown_name("Brasília, 東京 — “ok”") == "Brasília, 東京 — “ok”"


def test_render_texts_escape_paths_titles_and_names(db):
    [event] = db.events()
    [article] = db.articles()
    profile = db.actor_view("person:bad-actor")
    assert_escaped(render_text.event_text(event), NAME, PLACE, f"- {CITED}: ")
    assert_escaped(render_text.article_text(db.article_view(article.id), db), TITLE,
                   f"{PATH}; published", f"-> {NAME}")
    assert_escaped(render_text.profile_text(profile, db), NAME, "also: Alias\\r\\x1b]0;pwned\\x07",
                   f'"We\\x1b]0;pwned\\x07 met"  [{PATH}]')
    assert_escaped(render_text.timeline_text(db.timeline()), f"CONSULT   {NAME} (IND) held a meeting")


def test_render_md_and_html_escape_paths_and_names(db):
    events, keys = db.timeline(), db.key_dates()
    assert_escaped(render_text.timeline_md(events), f"CONSULT: {NAME}", f"({CITED})")
    assert_escaped(render_html.timeline_html(events), NAME, CITED)
    assert_escaped(render_text.key_dates_text(keys), f"CONSULT {NAME} -> -")
    assert_escaped(render_text.key_dates_md(keys), f"({CITED})", f"CONSULT: {NAME}")
    assert_escaped(render_html.key_dates_html(keys), CITED, NAME)


def test_render_tables_escape_every_cell(db):
    assert_escaped(printed(render_tables.events_table(db.events())), NAME)
    assert_escaped(printed(render_tables.actors_table(db.actors())), NAME, "Alias\\r\\x1b]0;pwned\\x07")
    assert_escaped(printed(render_tables.quotes_table(db.quotes(), db)), PATH, NAME)
    assert_escaped(printed(render_tables.stories_table(db.stories(), db)), PATH)
    assert_escaped(printed(render_tables.relation_chart(db.relation("person:bad-actor", "IND"))), NAME)


def test_render_tables_show_brackets_as_text_not_rich_markup():
    # Rich read a name's "[/]" as a closing tag and failed; "[red]" recoloured what followed.
    actor = Actor("person:x", "[red]Red[/] [/]", "person")
    assert "[red]Red[/] [/]" in printed(render_tables.actors_table([(actor, 1)]))


def test_render_csv_outputs_neutralize_formula_cells(tmp_path):
    path = tmp_path / "formula.duckdb"
    build_hostile_database(path, formula_analysis())
    with Database(path) as db:
        [event] = csv.DictReader(io.StringIO(render_tables.events_csv(db.events())))
        actors = {r["id"]: r for r in csv.DictReader(io.StringIO(render_tables.actors_csv(db.actors())))}
        [quote] = csv.DictReader(io.StringIO(render_tables.quotes_csv(db.quotes(), db)))
    assert (event["intensity"], event["source_actor"], event["location"]) == (
        "-4.4", "'" + SUM, "'\tTab Town")
    assert (actors["group:sum-1"]["name"], actors["IND"]["aliases"]) == ("'" + SUM, "'-2+3")
    assert (quote["speaker"], quote["text"], quote["path"]) == ("'" + SUM, "'=1+1", "'-2+3.txt")


def test_render_search_hits_escape_titles_outlets_and_snippets(db):
    from dateline.cli.commands_search import hit_text
    hits = db.search("convoy")
    assert {hit.kind for hit in hits} >= {"article"}
    for bold in (False, True):
        shown = "".join(hit_text(hit, bold) for hit in hits).replace("\x1b[1m", "").replace(
            "\x1b[0m", "")  # the bold a terminal gets is ours, not the data's
        assert_escaped(shown, "Aid\\x1b]0;pwned\\x07 \\u202eyalp\\r", "Wire\\x1b]0;pwned\\x07")
