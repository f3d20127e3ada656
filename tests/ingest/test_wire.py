"""A wire story's opening dateline or byline, measured on each sentence as it is stored."""
import duckdb
import pytest

from dateline.ingest.wire import one_line, wire_opening
from dateline.store import Store
from dateline.store.schema import connect


@pytest.mark.parametrize("opening, text", [
    ("KABUL — ", "Diplomats from India met the acting foreign minister."),
    ("NEW DELHI (Capital Wire) - ", "India evacuated its embassy staff."),
    ("VENICE , Louisiana -- ", "BP 's chairman defended the company 's safety record ."),
    ("El Salvador -LRB- CNN -RRB- -- ", "President Barack Obama spoke ."),
    ("Reuters -RRB- - ", "Violent unrest spread to the capital ."),
    ("By the CNN Wire Staff ", "Gadhafi appeared on Libyan television ."),
    ("By the CNN Wire Staff\nTRIPOLI , Libya -LRB- CNN -RRB- -- ", "Gadhafi spoke ."),
])
def test_wire_opening_is_the_dateline_or_byline_before_the_words(opening, text):
    assert wire_opening(opening + text) == len(one_line(opening)) + 1  # and the space after it
    assert one_line(opening + text)[wire_opening(opening + text):] == text


@pytest.mark.parametrize("text", [
    "Diplomats from India met the acting foreign minister in Kabul.",
    "Obama - the president - said so .",
    "The United Nations said on Monday it would send aid.",
    "",
])
def test_wire_opening_of_an_ordinary_sentence_is_none(text):
    assert wire_opening(text) == 0


def test_wire_opening_is_measured_for_sentences_of_an_older_store(tmp_path):
    path = tmp_path / "older.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE sentences DROP COLUMN wire_opening")
    con.execute("INSERT INTO sentences VALUES ('a', 0, 0, 30, 'KABUL — The Taliban took the city.')")
    con.execute("INSERT INTO sentences VALUES ('a', 1, 31, 50, 'Nobody resisted.')")
    con.close()
    con = connect(str(path))  # a writable open brings the file up to date
    rows = con.execute("SELECT idx, wire_opening FROM sentences ORDER BY idx").fetchall()
    con.close()
    assert rows == [(0, len("KABUL — ")), (1, 0)]
