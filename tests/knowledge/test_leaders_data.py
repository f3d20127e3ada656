"""Checks on the office holders and groups the knowledge ships (leaders.json, people.json, groups.json):
dates in order, one person per name, one holder at a time of a state's single-holder office, known
country codes, and spot checks of who held an office on a day."""
from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest

from dateline.knowledge import load_knowledge, normalize
from dateline.knowledge.building import parse_role_date
from dateline.knowledge.sections import DATA_DIR
from dateline.model import SECTORS

PEOPLE_FILES = ("people.json", "leaders.json")
# Offices one person holds at a time in a state; a handover may take a day or two either way.
SINGLE_HOLDER_TITLES = ("president", "prime minister", "foreign minister", "king")
HANDOVER_DAYS = 7
# Two claimants at once, as history had them: rival governments and a co-premiership.
DUAL_CLAIMS = {
    frozenset({"Laurent Gbagbo", "Alassane Ouattara"}),  # Ivory Coast, the 2010-2011 crisis
    frozenset({"Hun Sen", "Norodom Ranariddh"}),  # Cambodia's two prime ministers, 1993-1997
    frozenset({"Michel Aoun", "Selim al-Hoss"}),  # Lebanon's rival governments, 1988-1990
}
# States that no longer exist (ISO 3166-3), which countries.json does not list.
FORMER_STATES = {"SUN", "DDR", "YUG"}


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def read_people() -> list[dict]:
    return [person for name in PEOPLE_FILES
            for person in json.loads((DATA_DIR / name).read_text(encoding="utf-8"))["people"]]


def certain_span(role: dict) -> tuple[date, date]:
    """The days a role surely covers: a date known only to its year or month may start as late
    as that year's or month's last day and end as early as its first."""
    return _latest(role.get("since")), _earliest(role.get("until"))


def _latest(value: str | None) -> date:
    return parse_role_date(value, last=True, owner="test") if value else date.min


def _earliest(value: str | None) -> date:
    return parse_role_date(value, last=False, owner="test") if value else date.max


def test_leaders_data_every_role_starts_before_it_ends(kb):
    for actor in kb.actors.values():
        for role in actor.roles:
            assert (role.since or date.min) <= (role.until or date.max), (actor.name, role)


def test_leaders_data_no_two_people_share_a_name_or_alias(kb):
    owners: dict[str, str] = {}
    for actor in kb.actors.values():
        if actor.kind != "person":
            continue
        for name in {normalize(text) for text in (actor.name, *actor.aliases)}:
            assert owners.setdefault(name, actor.id) == actor.id, (name, owners[name], actor.id)


def test_leaders_data_every_person_has_a_country_and_a_sector():
    for person in read_people():
        assert "country" in person and person.get("sector") in SECTORS, person["name"]


def test_leaders_data_a_state_office_has_one_holder_at_a_time(kb):
    holders: dict[tuple[str, str], list[tuple[date, date, str]]] = {}
    for person in read_people():
        for role in person.get("roles", ()):
            owner = role.get("country") or ""
            title = kb.canonical_title(role["title"], owner)
            if title in SINGLE_HOLDER_TITLES and re.fullmatch(r"[A-Z]{3}", owner):
                holders.setdefault((title, owner), []).append((*certain_span(role), person["name"]))
    overlaps = []
    for office, spans in holders.items():
        for i, (start, end, name) in enumerate(spans):
            for other_start, other_end, other in spans[i + 1:]:
                shared = min(end, other_end) - max(start, other_start)
                if name != other and shared > timedelta(days=HANDOVER_DAYS) and {name, other} not in DUAL_CLAIMS:
                    overlaps.append((office, name, other, shared.days))
    assert not overlaps


def test_leaders_data_every_country_code_is_a_known_country(kb):
    countries = {actor.id for actor in kb.actors.values() if actor.kind == "country"} | FORMER_STATES
    for actor in kb.actors.values():
        if actor.kind in ("person", "group") and actor.country is not None:
            assert actor.country in countries, (actor.id, actor.country)
        for role in actor.roles:
            owner = role.country
            assert owner is None or owner in countries or owner in kb.actors, (actor.id, owner)


def test_leaders_data_a_governing_group_governs_a_known_state(kb):
    for group, (state, _since) in kb._governs.items():
        assert kb.actors[state].kind == "country", group


@pytest.mark.parametrize(
    "title, owner, on, name",
    [
        ("foreign minister", "SYR", date(2011, 6, 1), "Walid Muallem"),
        ("president", "SYR", date(2011, 6, 1), "Bashar al-Assad"),
        ("prime minister", "SYR", date(2011, 6, 1), "Adel Safar"),
        ("defence minister", "SYR", date(2012, 10, 1), "Fahd Jassem al-Freij"),
        ("foreign minister", "TUR", date(2011, 6, 1), "Ahmet Davutoğlu"),
        ("foreign minister", "LBY", date(2011, 5, 1), "Abdul Ati al-Obeidi"),
        ("prime minister", "group:ntc", date(2011, 6, 1), "Mahmoud Jibril"),
        ("chairperson", "group:snc", date(2011, 12, 1), "Burhan Ghalioun"),
        ("secretary-general", "org:arab-league", date(2011, 11, 1), "Nabil Elaraby"),
        ("prime minister", "IRQ", date(2007, 1, 1), "Nouri al-Maliki"),
        ("foreign minister", "IRQ", date(2007, 1, 1), "Hoshyar Zebari"),
        ("foreign minister", "YEM", date(2011, 6, 1), "Abu Bakr al-Qirbi"),
        ("foreign minister", "EGY", date(2012, 1, 1), "Mohamed Kamel Amr"),
        ("king", "JOR", date(2011, 1, 1), "Abdullah II"),
        ("foreign minister", "AFG", date(2011, 6, 1), "Zalmai Rassoul"),
        ("foreign minister", "group:taliban", date(2000, 6, 1), "Wakil Ahmed Muttawakil"),
        ("external affairs minister", "IND", date(2000, 1, 1), "Jaswant Singh"),
        ("foreign minister", "ISR", date(2016, 1, 1), "Benjamin Netanyahu"),
        ("president", "RUS", date(2005, 1, 1), "Vladimir Putin"),
        ("prime minister", "RUS", date(2010, 1, 1), "Vladimir Putin"),
        ("foreign minister", "ITA", date(2011, 6, 1), "Franco Frattini"),
        ("premier", "PRK", date(2015, 1, 1), "Pak Pong-ju"),
    ],
)
def test_leaders_data_role_holder_on_a_day(kb, title, owner, on, name):
    assert kb.role_holder(title, owner, on).name == name


def test_leaders_data_a_transitional_council_office_is_the_state_once_it_governs(kb):
    """The NTC's prime minister after the fall of Tripoli is Libya's."""
    seat = kb.office_seat("group:ntc", date(2011, 9, 15))
    assert seat == "LBY"
    assert kb.role_holder("prime minister", seat, date(2011, 9, 15)).name == "Mahmoud Jibril"


@pytest.mark.parametrize(
    "name, group_id",
    [("Free Syrian Army", "group:fsa"), ("SNC", "group:snc"), ("NTC", "group:ntc"), ("Jabhat al-Nusra", "group:hts"),
     ("Hay'at Tahrir al-Sham", "group:hts"), ("YPG", "group:ypg"), ("SDF", "group:sdf"), ("Ansar Allah", "group:houthis"),
     ("al-Shabaab", "group:al-shabab"), ("ISWAP", "group:iswap"), ("Mahdi Army", "group:mahdi-army"),
     ("Popular Mobilization Forces", "group:pmf"), ("FARC", "group:farc")],
)
def test_leaders_data_groups_go_by_their_short_names(kb, name, group_id):
    assert kb.lookup(name).id == group_id
