"""The sample database (tests/samples.py) with events of every kind of sureness, for the tests of
what views hide, what they say they hid, and what exports keep.

Under the default threshold (0.50) only the meeting shows: India's evacuation (2021-07-11) and the
Taliban's threat (undated; its words said "November 4", no year) are too unsure.
"""
from __future__ import annotations

import duckdb
from samples import build_database

MEETING, EVACUATION, THREAT = "CONSULT", "RETREAT", "THREATEN"
CONFIDENCE = {MEETING: 0.82, EVACUATION: 0.2, THREAT: 0.3}
THREAT_DATE_VALUE = "XXXX-11-04"
# What each per-article reading rests on (dateline.evidence.EVIDENCE names).
EVIDENCE = {MEETING: "doer,target,main-clause,date-text,occurred",
            THREAT: "doer,target,quoted,hedged,undated,occurred"}


def build_mixed_database(path) -> dict[str, str]:
    """Build it at `path`; the fused event id of each type."""
    build_database(path)
    with duckdb.connect(str(path)) as con:
        for type_, confidence in CONFIDENCE.items():
            con.execute("UPDATE fused_events SET confidence = ? WHERE type = ?", [confidence, type_])
        con.execute("UPDATE fused_events SET date_value = ? WHERE type = ?",
                    [THREAT_DATE_VALUE, THREAT])
        for type_, evidence in EVIDENCE.items():
            con.execute("UPDATE events SET evidence = ? WHERE type = ?", [evidence, type_])
        return dict(con.execute("SELECT type, id FROM fused_events").fetchall())
