"""`dateline explain`: which rule found each part of an event, and what each piece of evidence
added to its confidence; of a sentence analyzed on the spot, and of a stored event."""
import json
import math

from cli_runs import invoke

from dateline.query import Database

MEETING = ("Indian External Affairs Minister S Jaishankar met Afghan Foreign Minister Mohammad "
           "Haneef Atmar in Dushanbe on Tuesday.")


def run(*args):
    result = invoke("explain", *args)
    return result.exit_code, result.output


def test_cli_explain_a_sentence_names_the_rule_of_each_part():
    code, out = run(MEETING, "--date", "2021-07-14")
    assert code == 0, out
    lines = {line.split()[0]: line for line in out.splitlines()[1:] if line.strip()}
    assert "“met”: CONSULT (meet, CAMEO 040), occurred" in lines["trigger"]
    assert lines["trigger"].endswith("[verb lexicon]")
    assert "Subrahmanyam Jaishankar (IND, GOV)" in lines["doer"] and lines["doer"].endswith("[subject]")
    assert "Mohammad Haneef Atmar (AFG, GOV)" in lines["target"] and lines["target"].endswith("[object]")
    assert lines["place"].endswith("Dushanbe (TJK)  [in/at phrase]")
    # "on Tuesday" in an article of Wednesday 14 July 2021 is the 13th.
    assert "2021-07-13 (day)" in lines["date"]
    assert "+0.34  names who acted" in out and "intercept" in out


def test_cli_explain_json_weights_sum_to_the_confidence():
    code, out = run(MEETING, "--date", "2021-07-14", "--format", "json")
    assert code == 0, out
    explained = json.loads(out)
    assert explained["event"] is None  # a sentence is explained before anything is stored
    [reading] = explained["readings"]
    assert set(reading["found_by"]) == {"trigger", "source", "target", "date", "location"}
    logit = sum(weight["weight"] for weight in reading["weights"])
    assert reading["weights"][0]["evidence"] == "intercept"
    assert round(1 / (1 + math.exp(-logit)), 3) == reading["confidence"]


def test_cli_explain_a_text_with_no_event_says_so():
    code, out = run("The weather in Kabul was mild and dry all week.")
    assert (code, out.strip()) == (0, "No event found in the text.")


def test_cli_explain_a_stored_event_explains_every_reading(corpus_db):
    with Database(corpus_db) as db:
        meeting = next(e for e in db.events() if e.type == "CONSULT" and len(e.sources) > 2)
    code, out = run(meeting.id, "--db", str(corpus_db))
    assert code == 0, out
    assert out.startswith(f"Event {meeting.id}: CONSULT")
    assert out.count("\nReading ") == len(meeting.members)
    assert "not recorded" not in out  # this version keeps the rules with each reading
    parts = [line.split()[0] for line in out.splitlines()
             if line.split()[:1] in (["trigger"], ["doer"], ["target"], ["place"], ["date"])]
    assert len(parts) == 5 * len(meeting.members)
    ruled = [line for line in out.splitlines() if line.split()[:1] == ["trigger"]]
    assert all(line.endswith("lexicon]") for line in ruled)


def test_cli_explain_an_unknown_id_is_a_clear_error(corpus_db):
    code, out = run("no-such-event", "--db", str(corpus_db))
    assert code == 1 and "E047" in out


def test_cli_explain_date_goes_with_a_sentence(corpus_db):
    code, out = run("abc123", "--date", "2021-07-14", "--db", str(corpus_db))
    assert code == 2 and "--date goes with a sentence" in out
