from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.errors import KnowledgeError
from dateline.knowledge import load_knowledge
from dateline.knowledge.petrarch import actor_sections, agent_entries, chosen_code, import_petrarch, readable_name
from dateline.knowledge.petrarch_read import petrarch_date, read_actor_dictionary, read_agent_dictionary

# Made-up actors and agents, written in PETRARCH's dictionary format.
ACTORS = """\
<!-- A made-up actor dictionary
# a block comment may span lines, and hide what looks like an entry:
HIDDEN_ACTOR [HID] -->
VALDORIA [VLD]  # trailing comment
+KINGDOM_OF_VALDORIA
+VALDORIAN
VALDORIAN_TROOPS [VLDMIL]
PRESIDENT_ANTON_R._VESK [VLDGOV] ; a TABARI comment
<!-- inline --> BORVIK_HARBOUR [VLDHBR]

MARTA_KESSLER_OFFICE
+KESSLER_BUREAU
\t[VLDGOV 19950101-20091231]
\t[VLDELI >100101]
\t[VLDMIL <941231]
OSTRAVIAN [ost]
NORTHERN_RIVERS_COMMISSION [IGOWAT]
HARBOUR_AID [NGO]
BLACK_LANTERN_BRIGADE [IMGREB]
NOBODY_IN_PARTICULAR [---]
BROKEN_ENTRY [VLD
+SYNONYM_OF_THE_BROKEN_ENTRY
ENTRY_WITHOUT_CODE
"""

AGENTS = """\
<!-- made-up agents -->
!CREW! = HAND, HANDS, CREW
DOCK!CREW! [~LAB]
HARBOUR_WARDEN {HARBOUR_WARDENS} [~COPHBR]  # a plural of its own
RIVER_MONITOR {} [  NGO~]
LANTERN_KEEPER [~LNT]
STORM!WATCH! [~GOV]
A LINE WITHOUT ANY CODE
"""

KNOWN = {"OST": ["Ostravia", "Republic of Ostravia"]}  # stands for our countries.json


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _sections(text: str = ACTORS):
    records, _skipped = read_actor_dictionary(text, "a.txt")
    sections, _unused = actor_sections(records, "a.txt", KNOWN)
    return sections


def _entry(sections, section: str, name: str) -> dict:
    return next(entry for entry in sections[section] if entry.get("name") == name)


def test_petrarch_reads_names_synonyms_and_skips_comments():
    records, _ = read_actor_dictionary(ACTORS, "a.txt")
    names = [record.name for record in records]
    assert names[:4] == ["VALDORIA", "VALDORIAN_TROOPS", "PRESIDENT_ANTON_R._VESK", "BORVIK_HARBOUR"]
    assert "HIDDEN_ACTOR" not in names
    valdoria = records[0]
    assert (valdoria.line, valdoria.synonyms) == (4, ["KINGDOM_OF_VALDORIA", "VALDORIAN"])
    assert [code.code for code in valdoria.codes] == ["VLD"]


def test_petrarch_date_restricted_codes_take_the_undated_or_the_latest():
    records, _ = read_actor_dictionary(ACTORS, "a.txt")
    kessler = next(record for record in records if record.name == "MARTA_KESSLER_OFFICE")
    assert kessler.synonyms == ["KESSLER_BUREAU"]
    assert [(c.code, c.start, c.end) for c in kessler.codes] == [
        ("VLDGOV", date(1995, 1, 1), date(2009, 12, 31)),
        ("VLDELI", date(2010, 1, 1), None),
        ("VLDMIL", None, date(1994, 12, 31)),
    ]
    assert chosen_code(kessler.codes) == "VLDELI"  # open-ended, so the latest
    records, _ = read_actor_dictionary("SOMEONE [VLD]\n\t[VLDGOV >20200101]\n", "a.txt")
    assert chosen_code(records[0].codes) == "VLD"  # the undated code is PETRARCH's default


def test_petrarch_dates_have_two_or_four_digit_years():
    assert petrarch_date("950601") == date(1995, 6, 1)
    assert petrarch_date("250101") == date(2025, 1, 1)
    assert petrarch_date("20040101") == date(2004, 1, 1)


def test_petrarch_names_become_readable():
    assert readable_name("PRESIDENT_GEORGE_W._BUSH") == "President George W. Bush"
    assert readable_name("GAZA_CITY") == "Gaza City"
    assert readable_name("KINGDOM_OF_VALDORIA") == "Kingdom of Valdoria"
    assert readable_name("IMF") == "IMF" and readable_name("U.S.") == "U.S."


def test_petrarch_bare_code_is_a_country_with_aliases_and_demonyms():
    sections = _sections()
    valdoria = next(entry for entry in sections["countries"] if entry["code"] == "VLD")
    assert valdoria == {"code": "VLD", "name": "Valdoria", "aliases": ["Kingdom of Valdoria"],
                        "demonyms": ["Valdorian"]}
    # A country we know keeps our name; "[ost]" is OST; an adjective is a demonym, not a name.
    ostravia = next(entry for entry in sections["countries"] if entry["code"] == "OST")
    assert ostravia == {"code": "OST", "aliases": [], "demonyms": ["Ostravian"]}


def test_petrarch_country_and_sector_is_a_person_or_a_group():
    sections = _sections()
    vesk = _entry(sections, "people", "President Anton R. Vesk")
    assert (vesk["country"], vesk["sector"], vesk["code"]) == ("VLD", "GOV", "VLDGOV")
    assert vesk["aliases"] == ["Anton R. Vesk"]
    troops = _entry(sections, "groups", "Valdorian Troops")
    assert (troops["id"], troops["country"], troops["sector"]) == ("group:valdorian-troops", "VLD", "MIL")
    harbour = _entry(sections, "groups", "Borvik Harbour")  # HBR is no sector of ours: country only
    assert harbour["country"] == "VLD" and "sector" not in harbour
    office = _entry(sections, "groups", "Marta Kessler Office")
    assert (office["sector"], office["aliases"]) == ("ELI", ["Kessler Bureau"])


def test_petrarch_igo_ngo_and_other_non_state_codes():
    sections = _sections()
    commission = _entry(sections, "organisations", "Northern Rivers Commission")
    assert (commission["sector"], commission.get("country")) == ("IGO", None)
    assert _entry(sections, "organisations", "Harbour Aid")["sector"] == "NGO"
    brigade = _entry(sections, "groups", "Black Lantern Brigade")
    assert (brigade["sector"], brigade.get("country"), brigade["code"]) == ("REB", None, "IMGREB")


def test_petrarch_malformed_lines_and_null_codes_are_skipped_with_line_numbers():
    records, skipped = read_actor_dictionary(ACTORS, "a.txt")
    _sections_, unused = actor_sections(records, "a.txt", KNOWN)
    reasons = {skip.line: skip.reason for skip in skipped + unused}
    assert set(reasons) == {20, 21, 23}  # "[---]", "BROKEN_ENTRY [VLD", no code at all
    assert "null code" in reasons[20] and "unreadable code" in reasons[21]
    assert "no [CODE]" in reasons[23]
    assert str(skipped[0]) == "skipped a.txt:21: unreadable code '[VLD'"
    # The synonym under the broken entry went with it, not to the entry above.
    aliases = [alias for entries in _sections().values() for entry in entries for alias in entry["aliases"]]
    assert not any("Broken" in alias for alias in aliases)


def test_petrarch_agents_expand_markers_and_keep_known_sectors():
    records, unreadable = read_agent_dictionary(AGENTS, "g.txt")
    entries, unused = agent_entries(records, "g.txt")
    sectors = {entry["noun"]: entry["sector"] for entry in entries}
    assert sectors == {"dockhand": "LAB", "dockhands": "LAB", "dockcrew": "LAB",
                       "harbour warden": "COP", "river monitor": "NGO"}
    assert {skip.line: skip.reason for skip in unreadable} == {
        7: "undefined substitution marker !WATCH!",
        8: "not an agent line: 'A LINE WITHOUT ANY CODE'",
    }
    (lantern,) = unused
    assert lantern.line == 6 and "LNT" in lantern.reason


def invoke(*args, env=None):
    return CliRunner().invoke(main, [str(arg) for arg in args], env=env)


def test_petrarch_cli_import_writes_a_file_the_loader_merges(tmp_path):
    actors, agents = _write(tmp_path, "a.txt", ACTORS), _write(tmp_path, "g.txt", AGENTS)
    into = tmp_path / "k.json"
    result = invoke("actors", "import", actors, "--agents", agents, "--format", "petrarch", "--into", into)
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"imported 9 actors (2 countries, 2 organisations, 4 groups, 1 person) "
                             f"and 5 agents into {into}; 6 lines skipped\n")
    assert result.stderr.splitlines()[0].startswith(f"skipped {actors}:20: [---]")
    kb = load_knowledge(into)
    vesk = kb.lookup("Anton R. Vesk")
    assert (vesk.kind, vesk.country, vesk.sector) == ("person", "VLD", "GOV")
    assert kb.resolve("Valdorian") == (kb.actors["VLD"], "demonym")
    assert kb.lookup("Kessler Bureau").sector == "ELI"
    assert kb.agent_sectors["harbour warden"] == "COP" and kb.agent_sectors["dockhand"] == "LAB"
    assert kb.lookup("India").id == "IND"  # ours are still there


def test_petrarch_reimport_merges_with_what_the_file_holds(tmp_path):
    actors = _write(tmp_path, "a.txt", ACTORS)
    into = tmp_path / "k.json"
    into.write_text(json.dumps({
        "about": "my own knowledge",
        "people": [{"name": "Ilse Marr", "country": "VLD", "sector": "GOV"}],
        "countries": [{"code": "VLD", "aliases": ["Old Valdoria"]}],
        "honorifics": ["Warden"],
    }), encoding="utf-8")
    for _ in range(2):  # importing twice changes nothing more
        import_petrarch(actors, into=into)
    payload = json.loads(into.read_text(encoding="utf-8"))
    assert payload["about"] == "my own knowledge" and payload["honorifics"] == ["Warden"]
    valdoria = [entry for entry in payload["countries"] if entry["code"] == "VLD"]
    assert valdoria == [{"code": "VLD", "aliases": ["Old Valdoria", "Kingdom of Valdoria"],
                         "name": "Valdoria", "demonyms": ["Valdorian"]}]
    assert len([entry for entry in payload["groups"] if entry["name"] == "Valdorian Troops"]) == 1
    kb = load_knowledge(into)
    assert kb.lookup("Ilse Marr").country == "VLD" and kb.lookup("Old Valdoria").id == "VLD"
    assert kb.lookup("Valdorian troops").sector == "MIL"


def test_petrarch_cli_default_file_is_dateline_knowledge(tmp_path, monkeypatch):
    actors = _write(tmp_path, "a.txt", "VALDORIA [VLD]\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATELINE_KNOWLEDGE", raising=False)
    assert invoke("actors", "import", actors, "--format", "petrarch").exit_code == 0
    assert (tmp_path / "dateline-knowledge.json").is_file()
    mine = tmp_path / "mine.json"
    result = invoke("actors", "import", actors, "--format", "petrarch", env={"DATELINE_KNOWLEDGE": str(mine)})
    assert result.stdout == (f"imported 1 actor (1 country, 0 organisations, 0 groups, 0 people) "
                             f"into {mine}; 0 lines skipped\n")
    assert mine.is_file()


def test_petrarch_cli_errors_are_one_coded_line(tmp_path):
    result = invoke("actors", "import", tmp_path / "absent.txt", "--format", "petrarch",
                    "--into", tmp_path / "k.json")
    assert result.exit_code == 1 and result.stderr.startswith("E022") and len(result.output.splitlines()) == 1
    broken = _write(tmp_path, "broken.json", "{not json")
    actors = _write(tmp_path, "a.txt", ACTORS)
    result = invoke("actors", "import", actors, "--format", "petrarch", "--into", broken)
    assert result.exit_code == 1 and result.stderr.startswith("E020")
    assert broken.read_text(encoding="utf-8") == "{not json"  # left as it was
    with pytest.raises(KnowledgeError, match="E022"):
        import_petrarch(tmp_path, into=tmp_path / "k.json")  # a folder is no dictionary


def test_petrarch_actors_without_a_subcommand_still_lists_from_the_database(tmp_path):
    result = invoke("actors", "--db", tmp_path / "missing.duckdb")  # the listing ran, and says why not
    assert result.exit_code == 1 and result.output.startswith("E040")
    assert "import" in invoke("actors", "--help").output
