"""The actor filter of the timeline, key dates and events pages offers one entry per name, however
many actors share it, and choosing a shared name filters by all of them, as `--actor NAME` does.

The corpus names two Abdullahs of different countries, Bashar al-Assad (also called "Assad"),
Hafez al-Assad, and a bare "Assad" in each of three articles that fusion leaves apart.
"""
from __future__ import annotations

import json
import re
from datetime import date
from html import unescape

import pytest
from click.testing import CliRunner
from samples import event, make_article, mention, sentences_of

from dateline.cli import main
from dateline.fuse import fuse_store
from dateline.model import Actor, Analysis
from dateline.store import Store
from dateline.web.app import create_app

BASHAR = Actor("person:bashar-al-assad", "Bashar al-Assad", "person", "SYR", "GOV", ("Assad",))
HAFEZ = Actor("person:hafez-al-assad", "Hafez al-Assad", "person", "SYR", "GOV")
ABDULLAH_JOR = Actor("person:abdullah-jor", "Abdullah", "person", "JOR", "GOV")
ABDULLAH_SAU = Actor("person:abdullah-sau", "Abdullah", "person", "SAU", "GOV")
JORDAN = Actor("JOR", "Jordan", "country", "JOR")
OPTION = re.compile(r'<option value="([^"]*)"( selected)?>([^<]*)</option>')


def report(day: int, text: str, named: list[tuple[str, Actor]], events=()) -> Analysis:
    """One article of one sentence, naming each actor by the words given."""
    article = make_article(f"articles/{day:02d}.txt", text, date(2023, 1, day))
    (sentence,) = sentences_of(text)
    found = [event(article, sentence, trigger, type_, mode, source, target, confidence=0.9,
                   date=date(2023, 1, day), date_end=date(2023, 1, day), date_precision="day",
                   date_basis="text")
             for trigger, type_, mode, source, target in events]
    return Analysis(article, [sentence], [], [actor for _, actor in named],
                    [mention(words, text, sentence, actor) for words, actor in named], found, [])


@pytest.fixture(scope="module")
def namesakes(tmp_path_factory):
    analyses = [
        report(1, "Abdullah met envoys in Jordan", [("Abdullah", ABDULLAH_JOR), ("Jordan", JORDAN)],
               [("met", "CONSULT", "meet", ABDULLAH_JOR, JORDAN)]),
        report(2, "Abdullah threatened Jordan", [("Abdullah", ABDULLAH_SAU), ("Jordan", JORDAN)],
               [("threatened", "THREATEN", "threaten", ABDULLAH_SAU, JORDAN)]),
        report(3, "President Assad and Bashar al-Assad's aides met",
               [("Assad", BASHAR), ("Bashar al-Assad", BASHAR)],
               [("met", "CONSULT", "meet", BASHAR, JORDAN)]),
        report(4, "Hafez al-Assad was remembered in Qardaha", [("Hafez al-Assad", HAFEZ)]),
    ]
    for number in range(3):  # a bare Assad each, which fits both Assads: left unresolved
        bare = Actor(f"person:assad~bare{number}", "Assad", "person")
        analyses.append(report(10 + number, f"Assad was named in report {number}",
                               [("Assad", bare)]))
    for number, country in enumerate(("EGY", "IRQ", "LBN", "SYR")):  # four people of one name
        namesake = Actor(f"person:ali-hassan-{number}", "Ali Hassan", "person", country)
        analyses.append(report(20 + number, f"Ali Hassan spoke in report {number}",
                               [("Ali Hassan", namesake)]))
    path = tmp_path_factory.mktemp("namesakes") / "d.duckdb"
    with Store(path) as store:
        store.write(analyses)
        fuse_store(store)
    return path


@pytest.fixture(scope="module")
def client(namesakes, local_client):
    return local_client(create_app(namesakes))


def entries(html: str) -> list[tuple[str, bool, str]]:
    """The actor filter's options after "any actor": (value, selected, label)."""
    form = html[html.index('<select name="actor">'):]
    form = form[:form.index("</select>")]
    return [(unescape(value), bool(selected), unescape(label))
            for value, selected, label in OPTION.findall(form)][1:]


def page(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.text[:300])
    return response


def test_actor_filter_offers_one_entry_per_name(client):
    for path in ("/events", "/timeline", "/key-dates"):
        offered = entries(page(client, path).text)
        labels = [label for _, _, label in offered]
        assert len(labels) == len(set(labels)), path
        assert offered == [
            ("Abdullah", False, "Abdullah (JOR) / Abdullah (SAU) · 2 actors, 2 mentions"),
            ("Ali Hassan", False, "Ali Hassan (4 actors) · 4 mentions"),
            # the bare Assads are mentions left unresolved, not actors: no entry of their own
            (BASHAR.id, False, "Bashar al-Assad (SYR) · 2 mentions"),
            (HAFEZ.id, False, "Hafez al-Assad (SYR) · 1 mention"),
            ("JOR", False, "Jordan · 2 mentions")], path


def test_actor_filter_a_shared_name_filters_by_all_its_actors(client, namesakes):
    offered = entries(page(client, "/events?actor=Abdullah").text)
    assert ("Abdullah", True, "Abdullah (JOR) / Abdullah (SAU) · 2 actors, 2 mentions") in offered
    assert [e["type"] for e in page(client, "/events.json?actor=Abdullah").json()["events"]] == [
        "CONSULT", "THREATEN"]
    for path in ("/events", "/timeline"):
        cli = CliRunner().invoke(main, [path[1:], "--actor", "Abdullah", "--db", str(namesakes),
                                        "--format", "json"])
        assert page(client, f"{path}.json?actor=Abdullah").json()["events"] == json.loads(cli.stdout)
    assert 'id="count">2 events<' in page(client, "/timeline?actor=Abdullah").text


def test_actor_filter_keeps_an_id_or_a_name_typed_in_the_url(client):
    by_id = entries(page(client, f"/timeline?actor={ABDULLAH_SAU.id}").text)
    assert (ABDULLAH_SAU.id, True, "Abdullah (SAU) · 1 mention") in by_id
    assert [selected for _, selected, _ in by_id].count(True) == 1
    # Any case of a listed name, or an alias, selects the entry that filters by the same actors.
    for typed in ("abdullah", "Jordan", "assad"):
        offered = entries(page(client, f"/events?actor={typed}").text)
        chosen = [value for value, selected, _ in offered if selected]
        assert chosen == [{"abdullah": "Abdullah", "Jordan": "JOR", "assad": BASHAR.id}[typed]]


def test_actor_filter_a_page_for_a_shared_name_lists_the_choice(client):
    html = page(client, "/actors/Abdullah", status=400).text
    assert "E046: &#39;Abdullah&#39; matches 2 actors:\n  person:abdullah-jor" in html
    error = page(client, "/actors/Abdullah.json", status=400).json()["error"]
    assert error.splitlines()[-1] == (
        "best guess: Abdullah (person:abdullah-jor), 1 mention; name one by its id")
