"""`dateline extract`: {"id", "text", "date"} records in, one {"id", "events"} line out per record."""
import json

from click.testing import CliRunner

from dateline.cli import main
from dateline.extract import extract_text

RECORDS = [
    {"id": "a1", "text": "Somali militants attacked a Kenyan army base near Mandera on Tuesday.", "date": "2021-07-14"},
    {"id": "a2", "text": "The weather in Nairobi was mild.", "date": "2021-07-14"},
    {"id": "a3", "text": "Kenya's foreign minister met his Ugandan counterpart in Kampala.", "date": "2021-07-14"},
]


def run(stdin):
    return CliRunner().invoke(main, ["extract", "-"], input=stdin)


def lines(result):
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_extract_prints_one_line_per_record_in_order():
    result = run("".join(json.dumps(r) + "\n" for r in RECORDS))
    assert result.exit_code == 0, result.stderr
    printed = lines(result)
    assert [p["id"] for p in printed] == ["a1", "a2", "a3"]
    assert printed[1]["events"] == []


def test_extract_codes_type_cameo_actors_with_country_and_sector_and_the_true_date():
    attack = lines(run(json.dumps(RECORDS[0]) + "\n"))[0]["events"][0]
    assert (attack["type"], attack["cameo"], attack["quad_class"]) == ("ASSAULT", "190", 4)
    assert attack["plover_mode"] is None and attack["mode"] == "attack"
    assert attack["intensity"] < 0
    assert attack["source_actor"]["country"] == "SOM" and attack["source_actor"]["sector"] == "REB"
    assert attack["target_actor"]["country"] == "KEN" and attack["target_actor"]["sector"] == "MIL"
    assert (attack["date"], attack["date_basis"], attack["status"]) == ("2021-07-13", "text", "occurred")
    assert attack["trigger"] == "attacked"
    assert attack["sentence"].startswith("Somali militants attacked")


def test_extract_reports_a_malformed_line_and_codes_the_rest():
    stdin = json.dumps(RECORDS[0]) + "\n{not json\n" + json.dumps({"id": "x"}) + "\n" + json.dumps(RECORDS[2]) + "\n"
    result = run(stdin)
    assert result.exit_code == 0
    assert [p["id"] for p in lines(result)] == ["a1", "a3"]
    assert "<stdin>:2: E004" in result.stderr
    assert "<stdin>:3: E005" in result.stderr


def test_extract_reads_a_file_and_a_user_knowledge_file(tmp_path):
    knowledge = tmp_path / "mine.json"
    knowledge.write_text(json.dumps({"groups": [{"id": "group:red-hand", "name": "Red Hand Brigade",
                                                 "country": "KEN", "sector": "REB"}]}), encoding="utf-8")
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"id": 7, "text": "The Red Hand Brigade attacked a police post in Garissa.",
                                   "date": "2021-07-14"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(records), "--knowledge", str(knowledge)])
    assert result.exit_code == 0, result.stderr
    event = lines(result)[0]["events"][0]
    assert event["source_actor"]["id"] == "group:red-hand"
    assert (event["source_actor"]["country"], event["source_actor"]["sector"]) == ("KEN", "REB")
    assert lines(result)[0]["id"] == "7"


def test_extract_text_is_the_same_coding_from_python():
    events = extract_text(RECORDS[0]["text"])
    assert events[0]["type"] == "ASSAULT" and events[0]["date"] is None


def test_extract_gives_the_plover_mode_beside_ours():
    events = extract_text("Israel released 40 Palestinian prisoners on Monday.")
    assert (events[0]["type"], events[0]["cameo"], events[0]["plover_mode"]) == ("RETREAT", "0841", "release")


def test_extract_lists_a_joint_act_once_per_direction():
    events = extract_text("Chile and Peru met in Lima on Monday.")
    pairs = [(e["source_actor"]["country"], e["target_actor"]["country"]) for e in events if e["type"] == "CONSULT"]
    assert sorted(pairs) == [("CHL", "PER"), ("PER", "CHL")]
    one_way = extract_text("Chile attacked Peru on Monday.")
    assert [(e["source_actor"]["country"], e["target_actor"]["country"]) for e in one_way] == [("CHL", "PER")]
