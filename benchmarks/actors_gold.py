"""Score actor resolution on the sample corpus: are all of an entity's mentions one actor, and
only its mentions?

    .venv/bin/python benchmarks/actors_gold.py [--db FILE] [--errors N]

The gold mentions are found in each stored article's text from the actor gold written with the
corpus (`examples/corpus/gold.json`, "actors"): every occurrence of a gold actor's name or alias,
longest first, as a whole word. An alias in lower case only ("the embassy", "the council") is
anaphora, not a name, and is left out. A written alias that several gold actors may carry
(a surname such as "Singh") goes to the one of them named in full in that article; when that
does not single one out, the occurrence is not scored. A title written against its name
("External Affairs Minister S Jaishankar") is one mention. A place that begins the name of a
meeting or process ("the Moscow Format", "the Delhi Declaration") names that, not its state:
it is no mention.

Each gold mention takes the canonical actor of the stored mention that overlaps it most (of two
that overlap it alike, the shorter: the qualifier inside a role phrase); a gold
mention Dateline did not find is a cluster of its own. Over the gold mentions this prints the
pairwise precision and recall (pairs of mentions put in one actor) and B-cubed precision and
recall (per mention, averaged), with how many gold mentions were found at all.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from dateline import Database, ingest

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


@dataclass(slots=True)
class GoldMention:
    source: str  # the gold's file name, with "#record" for a record of a feed
    start: int
    end: int
    text: str
    gold: str  # the gold actor's name
    predicted: str | None = None  # the canonical actor id Dateline gave it


def source_key(path: str) -> str:
    """A stored source ("examples/corpus/wire-feed.jsonl#r2") as the gold writes it."""
    return Path(path).name


def gold_key(item: dict) -> str:
    return item["file"] + (f"#{item['record']}" if item.get("record") else "")


# A place's name that begins the name of a meeting or process names that, not the place's state
# ("the Moscow Format", "the Delhi Declaration", "the Astana talks").
MEETING_NAME = re.compile(r"\s+(?:Format|Declaration|Dialogue|Process|process|talks|Talks|Conference|Accords?)\b")


def is_name(alias: str) -> bool:
    return alias.startswith("@") or any(char.isupper() for char in alias)


def surface_pattern(surface: str) -> re.Pattern:
    """A whole-word pattern; the first letter may be either case ("The Taliban's ...")."""
    surface = surface.replace("\u2019", "'")
    first, rest = surface[0], surface[1:]
    head = f"[{re.escape(first.lower())}{re.escape(first.upper())}]" if first.isalpha() else re.escape(first)
    return re.compile(rf"(?<![\w@]){head}{re.escape(rest)}(?!\w)")


def gold_surfaces(actors: list[dict]) -> dict[str, set[str]]:
    """Each written surface and the gold actors that carry it as name or alias."""
    owners: dict[str, set[str]] = {}
    for actor in actors:
        for surface in (actor["name"], *actor.get("aliases", ())):
            if is_name(surface):
                owners.setdefault(surface, set()).add(actor["name"])
    return owners


def surname_holders(actors: list[dict]) -> dict[str, set[str]]:
    holders: dict[str, set[str]] = {}
    for actor in actors:
        if actor["kind"] == "person" and " " in actor["name"]:
            holders.setdefault(actor["name"].split()[-1], set()).add(actor["name"])
    return holders


def find_gold_mentions(source: str, text: str, actors: list[dict]) -> tuple[list[GoldMention], int]:
    """The gold mentions of one article, and how many occurrences could not be told apart."""
    text = text.replace("\u2019", "'")
    owners, holders = gold_surfaces(actors), surname_holders(actors)
    full_names = {a["name"] for a in actors if surface_pattern(a["name"]).search(text)}
    taken = [False] * len(text)
    found: list[GoldMention] = []
    unscored = 0
    for surface in sorted(owners, key=len, reverse=True):
        for match in surface_pattern(surface).finditer(text):
            if any(taken[match.start():match.end()]) or MEETING_NAME.match(text, match.end()):
                continue
            taken[match.start():match.end()] = [True] * (match.end() - match.start())
            candidates = owners[surface] | holders.get(surface, set())
            if len(candidates) > 1:  # the one named in this article, else the alias's own owner
                candidates = (candidates & full_names) or owners[surface]
            if len(candidates) != 1:
                unscored += 1
                continue
            found.append(GoldMention(source, match.start(), match.end(), match.group(0), candidates.pop()))
    found.sort(key=lambda m: m.start)
    return join_titles(found, text), unscored


def join_titles(mentions: list[GoldMention], text: str) -> list[GoldMention]:
    """Two mentions of one actor with only spaces between are one ("External Affairs Minister S
    Jaishankar")."""
    joined: list[GoldMention] = []
    for mention in mentions:
        last = joined[-1] if joined else None
        if last and last.gold == mention.gold and text[last.end:mention.start].strip() == "" \
                and "\n" not in text[last.end:mention.start]:
            last.end, last.text = mention.end, text[last.start:mention.end]
        else:
            joined.append(mention)
    return joined


def assign_predictions(gold: list[GoldMention], db: Database) -> None:
    stored: dict[str, list] = {}
    for mention in db.mentions():
        stored.setdefault(source_key(mention.source), []).append(mention)
    for item in gold:
        best, fit = None, (0, 0)
        for mention in stored.get(item.source, ()):
            shared = min(mention.end, item.end) - max(mention.start, item.start)
            # the most shared characters, then the tightest mention ("Taliban" inside a role phrase)
            if shared > 0 and (shared, mention.start - mention.end) > fit:
                best, fit = mention, (shared, mention.start - mention.end)
        item.predicted = best.actor_id if best else None


def pairs(count: int) -> int:
    return count * (count - 1) // 2


def scores(gold: list[GoldMention]) -> dict[str, float]:
    predicted = [m.predicted or f"missed:{i}" for i, m in enumerate(gold)]
    truth = [m.gold for m in gold]
    cells = Counter(zip(predicted, truth))
    by_predicted, by_truth = Counter(predicted), Counter(truth)
    together = sum(pairs(n) for n in cells.values())
    b3_precision = sum(cells[(p, t)] / by_predicted[p] for p, t in zip(predicted, truth)) / len(gold)
    b3_recall = sum(cells[(p, t)] / by_truth[t] for p, t in zip(predicted, truth)) / len(gold)
    return {
        "pairwise precision": together / max(sum(pairs(n) for n in by_predicted.values()), 1),
        "pairwise recall": together / max(sum(pairs(n) for n in by_truth.values()), 1),
        "B-cubed precision": b3_precision,
        "B-cubed recall": b3_recall,
    }


def print_errors(gold: list[GoldMention], limit: int) -> None:
    """Mentions whose predicted actor is not the one most of that gold actor's mentions got."""
    usual: dict[str, str | None] = {}
    for name in {m.gold for m in gold}:
        usual[name] = Counter(m.predicted for m in gold if m.gold == name).most_common(1)[0][0]
    wrong = [m for m in gold if m.predicted != usual[m.gold] or m.predicted is None]
    print(f"\n{len(wrong)} mentions apart from their actor's usual cluster:")
    for m in wrong[:limit]:
        print(f"  {m.source}:{m.start} {m.text!r}: gold {m.gold!r}, got {m.predicted!r} "
              f"(usually {usual[m.gold]!r})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing database of the corpus (default: ingest into a temporary one)")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="list N mis-clustered mentions")
    args = parser.parse_args(argv)
    gold_file = json.loads((CORPUS / "gold.json").read_text("utf-8"))
    with tempfile.TemporaryDirectory() as scratch:
        path = args.db or str(Path(scratch) / "actors.duckdb")
        if not args.db:
            ingest([CORPUS], db=path)
        with Database(path) as db:
            gold, unscored = [], 0
            for article_id in db.article_ids():
                article = db.article(article_id)
                found, skipped = find_gold_mentions(source_key(article.source), article.text,
                                                    gold_file["actors"])
                gold += found
                unscored += skipped
            assign_predictions(gold, db)
    print(f"{'gold mentions':24} {len(gold)} ({unscored} ambiguous occurrences not scored)")
    print(f"{'found by Dateline':24} {sum(m.predicted is not None for m in gold)}")
    print(f"{'gold actors':24} {len({m.gold for m in gold})}")
    for name, value in scores(gold).items():
        print(f"{name:24} {value:.3f}")
    if args.errors:
        print_errors(gold, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
