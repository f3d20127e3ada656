"""Score `dateline extract` on hand-coded event sentences: PLOVER's gold records and PETRARCH's.

    .venv/bin/python benchmarks/plover_gold.py [--set plover|realnews|validate|all] [--errors N]

plover (../shared/benchmarks/plover-gsr-cameo/PLOVER_GSR_CAMEO.txt, 322 sentences): each sentence's
main event (the first `extract` lists: the trigger nearest the root of the parse) against the gold
type, its 2016 names mapped to today's (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE,
FIGHT -> ASSAULT). Type accuracy; type+source+target accuracy, where an actor matches when its
code (the country, or IGO/NGO for an organisation) is one of the gold actors' codes, and where
the gold has no target (compound actors: "X and Y agreed") ours may be none or another of the
gold sources.

realnews (../shared/benchmarks/petrarch2-gsr-realnews, 78 sentences) and validate
(../shared/benchmarks/udpetrarch-validate-2-02, 244 scored records, coded with PETRARCH's own
actor and agent dictionaries imported by `dateline actors import`): CAMEO triples
(event, source, target) matched one to one within a sentence. Events compare at CAMEO root level
(the first two digits); actors by their first three letters (country or IGO) and, for the strict
figure, by the whole code (country plus sector, e.g. USAGOV).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
PLOVER_FILE = SHARED / "plover-gsr-cameo" / "PLOVER_GSR_CAMEO.txt"
REALNEWS_FILE = SHARED / "petrarch2-gsr-realnews" / "PETR2_GSR_validation.xml"
VALIDATE_DIR = SHARED / "udpetrarch-validate-2-02"
VALIDATE_CATEGORIES = {"DEMO", "ACTOR", "VERB", "AGENT", "COMPOUND", "PATTERN", "DATE", "MODIFY", "SYNSET"}
RENAMED_2016 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
DATELINE = [sys.executable, "-m", "dateline.cli"]
MISSING = "---"  # PETRARCH's code for an actor a sentence does not name


def run_extract(records: list[dict], knowledge: Path | None = None) -> dict[str, list[dict]]:
    """`dateline extract` over the records, as a user runs it; id -> events."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
        handle.writelines(json.dumps(record) + "\n" for record in records)
    command = [*DATELINE, "extract", handle.name]
    if knowledge is not None:
        command += ["--knowledge", str(knowledge)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    Path(handle.name).unlink()
    results = (json.loads(line) for line in done.stdout.splitlines() if line.strip())
    return {result["id"]: result["events"] for result in results}


def actor_code(actor: dict | None, with_sector: bool = False) -> str | None:
    """The CAMEO-style code `extract` gives an actor: its country (or IGO/NGO) alone, or with the
    sector the sentence gives it when asked (USAGOV, AFGMIL)."""
    if actor is None or actor.get("code") is None:
        return None
    return actor["code"] if with_sector else actor["code"][:3]


# --- PLOVER gold records --------------------------------------------------------------------


def plover_records() -> list[dict]:
    records = json.loads(PLOVER_FILE.read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT" and r.get("text")]


def _gold_codes(actors) -> set[str]:
    return {a["code"] for a in actors or [] if isinstance(a, dict) and a.get("code")}


def _actors_match(event: dict, gold: dict) -> bool:
    sources, targets = _gold_codes(gold.get("source")), _gold_codes(gold.get("target"))
    source, target = actor_code(event["source_actor"]), actor_code(event["target_actor"])
    if source not in sources:
        return False
    if targets:
        return target in targets
    return target is None or target in sources - {source}


def score_plover(errors: int) -> None:
    gold = plover_records()
    found = run_extract([{"id": r["id"], "text": r["text"], "date": "2000-01-01"} for r in gold])
    typed = full = 0
    misses = []
    for record in gold:
        events = found.get(record["id"], [])
        want = RENAMED_2016.get(record["event"], record["event"])
        main = events[0] if events else None
        if main is not None and main["type"] == want:
            typed += 1
            if _actors_match(main, record):
                full += 1
                continue
        misses.append((record, want, main))
    total = len(gold)
    print(f"PLOVER gold records: {total} sentences")
    print(f"  event-type accuracy            {typed / total:.3f}  ({typed}/{total}; goal 0.80)")
    print(f"  type+source+target accuracy    {full / total:.3f}  ({full}/{total}; goal 0.60)")
    for record, want, main in misses[:errors]:
        got = "nothing" if main is None else (
            f"{main['type']} {actor_code(main['source_actor'])}->{actor_code(main['target_actor'])} "
            f"[{main['trigger']}]")
        print(f"  - want {want} {sorted(_gold_codes(record.get('source')))}->"
              f"{sorted(_gold_codes(record.get('target')))}, got {got}: {record['text'][:150]}")


# --- PETRARCH CAMEO triples --------------------------------------------------------------------

SENTENCE = re.compile(r'<Sentence\s+([^>]*?)/?>(.*?)(?=<Sentence\s|</Sentences>|\Z)', re.S)
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
CODING = re.compile(r"<EventCoding\s+([^>]*?)/?>")


def petrarch_records(path: Path, categories: set[str] | None = None) -> list[dict]:
    """Sentences with their gold triples, from PETRARCH's not-quite-XML files."""
    body = path.read_text(encoding="utf-8", errors="replace")
    records = []
    for header, rest in SENTENCE.findall(body):
        attrs = dict(ATTRIBUTE.findall(header))
        text = TEXT.search(rest)
        if attrs.get("evaluate") != "true" or text is None:
            continue
        if categories is not None and attrs.get("category") not in categories:
            continue
        triples = []
        for coding in CODING.findall(rest):
            values = dict(ATTRIBUTE.findall(coding))
            if "eventcode" in values:
                triples.append((values["eventcode"], values.get("sourcecode", ""), values.get("targetcode", "")))
        day = attrs.get("date", "")
        records.append({"id": attrs["id"], "text": " ".join(text.group(1).split()), "triples": triples,
                        "date": f"{day[:4]}-{day[4:6]}-{day[6:8]}" if len(day) == 8 else None})
    return records


def _ours(events: list[dict], strict: bool) -> list[tuple[str, str, str]]:
    """Our triples; an actor we could not code is PETRARCH's "---"."""
    return [(e["cameo"][:2], actor_code(e["source_actor"], strict) or MISSING,
             actor_code(e["target_actor"], strict) or MISSING) for e in events]


def _theirs(triples, strict: bool) -> list[tuple[str, str, str]]:
    cut = (lambda code: code) if strict else (lambda code: code[:3])
    return [(event[:2], cut(source), cut(target)) for event, source, target in triples]


def _matched(ours: list, theirs: list) -> int:
    left = list(ours)
    hits = 0
    for triple in theirs:
        if triple in left:
            left.remove(triple)
            hits += 1
    return hits


def score_triples(name: str, records: list[dict], found: dict[str, list[dict]], errors: int) -> None:
    gold_total = sum(len(r["triples"]) for r in records)
    print(f"{name}: {len(records)} sentences, {gold_total} gold triples")
    for strict in (False, True):
        hits = ours_total = 0
        for record in records:
            ours = _ours(found.get(record["id"], []), strict)
            ours_total += len(ours)
            hits += _matched(ours, _theirs(record["triples"], strict))
        recall = hits / gold_total if gold_total else 0.0
        precision = hits / ours_total if ours_total else 0.0
        label = "whole actor codes " if strict else "country-level codes"
        print(f"  {label}: triple recall {recall:.3f}, precision {precision:.3f} ({hits} of {gold_total} gold, "
              f"{ours_total} coded)")
    shown = 0
    for record in records:
        ours, theirs = _ours(found.get(record["id"], []), False), _theirs(record["triples"], False)
        if shown < errors and _matched(ours, theirs) < len(theirs):
            shown += 1
            print(f"  - {record['id']}: gold {theirs}, ours {ours}: {record['text'][:150]}")


def score_realnews(errors: int) -> None:
    records = petrarch_records(REALNEWS_FILE)
    found = run_extract([{"id": r["id"], "text": r["text"], "date": r["date"]} for r in records])
    score_triples("PETRARCH-2 real news (goal: recall 0.68 at CAMEO root level)", records, found, errors)


def score_validate(errors: int) -> None:
    records = petrarch_records(VALIDATE_DIR / "PETR_Validate_records_2_02.xml", VALIDATE_CATEGORIES)
    with tempfile.TemporaryDirectory() as folder:
        knowledge = Path(folder) / "petrarch-knowledge.json"
        subprocess.run([*DATELINE, "actors", "import", str(VALIDATE_DIR / "PETR_Validate_actors_2_02.txt"),
                        "--agents", str(VALIDATE_DIR / "PETR_Validate_agents_2_02.txt"),
                        "--format", "petrarch", "--into", str(knowledge)], check=True, capture_output=True)
        found = run_extract([{"id": r["id"], "text": r["text"], "date": r["date"]} for r in records], knowledge)
    score_triples("UD-PETRARCH validation suite, PETRARCH dictionaries imported "
                  "(UD-PETRARCH's own recall: 0.683)", records, found, errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("plover", "realnews", "validate", "all"), default="all")
    parser.add_argument("--errors", type=int, default=0, help="list this many misses per set")
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"benchmark data not found: {SHARED} (the shared folder beside the repository)")
    if args.set in ("plover", "all"):
        score_plover(args.errors)
    if args.set in ("realnews", "all"):
        score_realnews(args.errors)
    if args.set in ("validate", "all"):
        score_validate(args.errors)


if __name__ == "__main__":
    main()
