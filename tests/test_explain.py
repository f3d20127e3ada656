"""The library behind `dateline explain`: a text explained before anything is stored, and a
stored event whose readings came from a version that kept no rules."""
import shutil
from datetime import date

import duckdb

from dateline.explain import explain_event, explain_text
from dateline.query import Database


def test_explain_text_gives_each_event_its_rules_and_weights():
    explanation = explain_text("Pakistan accused India of sheltering militants on Tuesday.", date(2022, 3, 2))
    assert explanation.fused is None
    [reading] = explanation.readings
    assert (reading.event.type, reading.event.date) == ("ACCUSE", date(2022, 3, 1))
    rules = dict(reading.event.found_by)
    assert (rules["trigger"], rules["source"], rules["target"]) == ("verb lexicon", "subject", "object")
    assert (reading.source_actor.id, reading.target_actor.id) == ("PAK", "IND")
    assert reading.weights[0][0] == "intercept" and len(reading.weights) == len(reading.event.evidence) + 1


def test_explain_event_finds_the_rules_an_older_store_did_not_keep(corpus_db, tmp_path):
    with Database(corpus_db) as db:
        event = next(e for e in db.events() if len(e.members) > 1)
        kept = {r.event.id: r.event.found_by for r in db.explain(event.id).readings}
    older = tmp_path / "older.duckdb"
    shutil.copy(corpus_db, older)
    con = duckdb.connect(str(older))
    con.execute("UPDATE events SET found_by = NULL")
    con.close()
    with Database(older) as db:
        assert all(not r.event.found_by for r in db.explain(event.id).readings)
        found = {r.event.id: r.event.found_by for r in explain_event(db, event.id).readings}
    assert found == kept and all(found.values())
