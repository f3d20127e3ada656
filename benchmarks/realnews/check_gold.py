"""Check real-news gold files: every span is the file's text at its offsets, fields are well-formed.

    .venv/bin/python benchmarks/realnews/check_gold.py benchmarks/realnews/gold/*.json
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

TIMELINE17 = Path(__file__).resolve().parents[3] / "shared" / "benchmarks" / "tls-timeline17"
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
SECTORS = {"GOV", "MIL", "REB", "INS", "OPP", "PTY", "COP", "JUD", "LEG", "SPY", "IGO", "NGO", "MED",
           "BUS", "CVL", "REF", "LAB", "EDU", "HLH", "REL", "CRM", "ELI", "UAF", None}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")


def problems(path: Path) -> list[str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (TIMELINE17 / gold["file"]).read_text(encoding="utf-8")
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    found = []
    ids = set()
    for item in gold["happenings"]:
        where = f"{path.name} {item.get('id')}"
        if item["id"] in ids:
            found.append(f"{where}: repeated id")
        ids.add(item["id"])
        for kind in [item["type"], *item.get("alt_types", [])]:
            if kind not in TYPES:
                found.append(f"{where}: unknown type {kind}")
        if item["date"] is not None and not DATE.match(item["date"]):
            found.append(f"{where}: bad date {item['date']}")
        for role in ("source", "target"):
            actor = item.get(role)
            if actor is not None and actor.get("sector") not in SECTORS:
                found.append(f"{where}: bad {role} sector {actor.get('sector')}")
            if actor is not None and actor.get("country") is not None and not re.fullmatch(r"[A-Z]{3}", actor["country"]):
                found.append(f"{where}: bad {role} country {actor['country']}")
        if not item["mentions"]:
            found.append(f"{where}: no mentions")
        for mention in item["mentions"]:
            if text[mention["start"]:mention["end"]] != mention["span"]:
                found.append(f"{where}: span differs from text at {mention['start']}:{mention['end']}")
            line = mention["line"]
            if not 1 <= line <= len(line_starts) or not line_starts[line - 1] <= mention["start"] < (
                    line_starts[line] if line < len(line_starts) else len(text) + 1):
                found.append(f"{where}: offset {mention['start']} is not on line {line}")
    return found


if __name__ == "__main__":
    failures = [p for arg in sys.argv[1:] for p in problems(Path(arg))]
    print("\n".join(failures) or f"{len(sys.argv) - 1} file(s) ok")
    sys.exit(1 if failures else 0)
