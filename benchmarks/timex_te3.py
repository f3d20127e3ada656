"""Score Dateline's time tagger on TempEval-3, Task A (extraction and normalization), TE3-style.

    .venv/bin/python benchmarks/timex_te3.py [--set platinum|train|both] [--errors N]

Reads the TimeML files in ../shared/benchmarks/tempeval3 (`te3-platinum` is the test set,
`TBAQ-cleaned` the training and development set), tags the text of each <TEXT> against the
document creation time, and prints, per set:
- strict extraction P/R/F1 (exact span) and relaxed P/R/F1 (any overlap);
- type F1 and value F1: the relaxed F1 times the share of relaxed matches with the gold attribute
  (the TE3 definition; TE3 ranked systems by value F1);
- the cost of tagging next to the spaCy parse it needs, measured side by side in this run.
With --errors N it also lists up to N misses, spurious expressions and wrong values.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dateline.analyze.tense import clause_direction
from dateline.analyze.timex import find_times
from dateline.analyze.timex.tagging import load_parser

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "tempeval3"
SETS = {"platinum": [DATA / "te3-platinum"],
        "train": [DATA / "TBAQ-cleaned" / "TimeBank", DATA / "TBAQ-cleaned" / "AQUAINT"]}
TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


@dataclass(slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(slots=True)
class Document:
    name: str
    dct: date
    text: str
    gold: list[Timex]


def read_document(path: Path) -> Document:
    """The plain text of <TEXT> with its gold TIMEX3 spans as character offsets into it."""
    raw = path.read_text(encoding="utf-8")
    dct_value = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S).group(1)
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    pieces: list[str] = []
    length = 0
    gold: list[Timex] = []
    open_timex: tuple[int, dict] | None = None
    cursor = 0
    for tag in TAG.finditer(body):
        chunk = html.unescape(body[cursor:tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        cursor = tag.end()
        closing, name = tag.group(1), tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(ATTRIBUTE.findall(tag.group(3))))
        elif open_timex is not None:
            start, attributes = open_timex
            text = "".join(pieces)[start:length]
            gold.append(Timex(start, length, text, attributes.get("type", ""), attributes.get("value", "")))
            open_timex = None
    pieces.append(html.unescape(body[cursor:]))
    return Document(path.stem, date.fromisoformat(dct_value[:10]), "".join(pieces), gold)


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    misses: list = field(default_factory=list)
    spurious: list = field(default_factory=list)
    wrong: list = field(default_factory=list)


def overlap(a: Timex, b: Timex) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def score_document(doc: Document, system: list[Timex], score: Score) -> None:
    score.gold += len(doc.gold)
    score.system += len(system)
    taken: set[int] = set()
    for gold in doc.gold:
        candidates = [(overlap(gold, s), i) for i, s in enumerate(system) if i not in taken and overlap(gold, s)]
        if not candidates:
            score.misses.append((doc.name, gold, context(doc.text, gold)))
            continue
        _, index = max(candidates)
        taken.add(index)
        found = system[index]
        score.relaxed += 1
        score.strict += (found.start, found.end) == (gold.start, gold.end)
        score.type_ok += found.type == gold.type
        if found.value == gold.value:
            score.value_ok += 1
        else:
            score.wrong.append((doc.name, gold, found, context(doc.text, gold)))
    for i, found in enumerate(system):
        if i not in taken:
            score.spurious.append((doc.name, found, context(doc.text, found)))


def context(text: str, timex: Timex, width: int = 60) -> str:
    left = text[max(0, timex.start - width):timex.start].replace("\n", " ")
    right = text[timex.end:timex.end + width].replace("\n", " ")
    return f"{left}[[{text[timex.start:timex.end]}]]{right}"


def f1(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    both = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, both


def run_set(folders: list[Path]) -> tuple[Score, float, float]:
    nlp = load_parser()
    score, parse_seconds, tag_seconds = Score(), 0.0, 0.0
    for path in sorted(p for folder in folders for p in folder.glob("*.tml")):
        doc = read_document(path)
        started = time.perf_counter()
        parsed = nlp(doc.text)
        parse_seconds += time.perf_counter() - started
        started = time.perf_counter()
        refs = find_times(doc.text, doc.dct, clause_direction(parsed))
        tag_seconds += time.perf_counter() - started
        system = [Timex(r.start, r.end, r.text, r.type, r.value) for r in refs]
        score_document(doc, system, score)
    return score, parse_seconds, tag_seconds


def report(name: str, score: Score, parse_seconds: float, tag_seconds: float, errors: int) -> None:
    strict = f1(score.strict, score.system, score.gold)
    relaxed = f1(score.relaxed, score.system, score.gold)
    accuracy_type = score.type_ok / score.relaxed if score.relaxed else 0.0
    accuracy_value = score.value_ok / score.relaxed if score.relaxed else 0.0
    print(f"== {name}: {score.gold} gold, {score.system} tagged")
    print(f"strict   P {strict[0]:.4f}  R {strict[1]:.4f}  F1 {strict[2]:.4f}")
    print(f"relaxed  P {relaxed[0]:.4f}  R {relaxed[1]:.4f}  F1 {relaxed[2]:.4f}")
    print(f"type F1  {relaxed[2] * accuracy_type:.4f}  (accuracy {accuracy_type:.4f})")
    print(f"value F1 {relaxed[2] * accuracy_value:.4f}  (accuracy {accuracy_value:.4f})")
    print(f"cost: tagging {tag_seconds * 1000:.0f} ms, spaCy parse {parse_seconds * 1000:.0f} ms, "
          f"ratio {tag_seconds / parse_seconds:.3f}")
    if errors:
        print("-- misses")
        for doc, gold, where in score.misses[:errors]:
            print(f"  {doc}: {gold.type} {gold.value}: {where}")
        print("-- spurious")
        for doc, found, where in score.spurious[:errors]:
            print(f"  {doc}: {found.type} {found.value}: {where}")
        print("-- wrong value (gold -> ours)")
        for doc, gold, found, where in score.wrong[:errors]:
            print(f"  {doc}: {gold.type} {gold.value} -> {found.type} {found.value} [{found.text}]: {where}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=("platinum", "train", "both"), default="both")
    parser.add_argument("--errors", type=int, default=0, help="list up to N errors of each kind")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"TempEval-3 data not found at {DATA}", file=sys.stderr)
        return 2
    names = ["train", "platinum"] if args.set == "both" else [args.set]
    for name in names:
        report(name, *run_set(SETS[name]), args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
