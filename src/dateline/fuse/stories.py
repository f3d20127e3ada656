"""Stories: articles about one development, clustered online and in time order.

After Miranda et al. (2018), "Multilingual clustering of streaming news": each article becomes a
TF-IDF vector over its content words and capitalized multi-word names; it is compared with the
centroid of every story still active, the cosine is multiplied by a time decay on the gap between
the article's date and the story's latest date, and the article joins the best story when that
score reaches a threshold, else starts a new one.

    clusterer = StoryClusterer()
    for article in sorted(articles, key=story_order):
        clusterer.add(article)
    clusterer.stories()

Document frequencies grow as articles arrive: the IDF an article is weighed with counts only the
articles clustered before it, so the result is a deterministic function of the ordered article
set. An article's vector depends only on the articles before it, so fusion resumes clustering
(`StoryClusterer.resume`) from what it stored: the vectors of the stories still open at the
first new article, and the document frequencies then; each article's features are counted once
(`counted`) and stored, so no text is read again.

Undated articles are clustered after every dated one (see `story_order`) and without a time
decay: nothing says how far they are from a story, so they join one only on their words.
"""
from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from dateline.model import Story, StoryArticle, StoryCounts
from dateline.words import latin_words, read_word_list

# Calibrated as a set on examples/corpus: there the reports of one happening score 0.21 or more
# with their story and unrelated pieces 0.11 or less; 0.15 to 0.2 and widths of 5 to 10 days all
# give the same stories. The threshold sits at the top of that range because lower ones chain a
# whole topic into one story at scale (benchmarks/stories_tls.py: 0.15 makes a 512-article story).
THRESHOLD = 0.2  # least decayed cosine for an article to join a story
DECAY_DAYS = 7.0  # Gaussian width: a gap of 3 days keeps 91% of the cosine, 7 days 61%, 14 days 14%
TOP_TERMS = 80  # features kept per article, the heaviest by TF-IDF (40 splits stories, 150 = 80)
TITLE_WEIGHT = 2.0  # a word in the title counts as this many in the body
NAME_WEIGHT = 1.5  # a multi-word name weighs this much more than a word
RETIRED_TERMS = 100  # centroid features a story keeps once no dated article can join it
LABEL_MAX_CHARS = 90
LABEL_TERMS = 3  # names or words in a label when no article of the story has a title

# Words that tell no story from another (the list's header says how it differs from others).
STOP_WORDS = read_word_list("dateline.fuse", "story_stop_words.txt")

_POSSESSIVE = re.compile(r"['’]s$")
# A run of capitalized tokens: "Ashraf Ghani", "Ministry of External Affairs", "Bashar al-Assad".
# (No \b before it: the regex is twice as fast without, and a capital inside a word is rare.)
_NAME_RUN = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+(?:of[ \t]+|al-|el-)?[A-Z][\w'’.-]*)+")
_NAME_MARK = "#"  # name features are keyed "#ashraf ghani"; words are plain


def counted(article: StoryArticle) -> StoryCounts:
    counts, surfaces = feature_counts(article.title, article.text or "")
    return StoryCounts(article.id, article.published, article.title, dict(counts), surfaces)


@dataclass(slots=True)
class Member:
    """A clustered article as a resumed story holds it: its vector as it was weighed."""

    id: str
    published: date | None
    title: str | None
    vector: dict[str, float]
    surfaces: dict[str, str]


def story_order(article: StoryArticle | StoryCounts | Member) -> tuple:
    """The order articles are clustered in: by publication date (undated last), then by id."""
    return (article.published is None, article.published or date.min, article.id)


def story_id(first_article_id: str) -> str:
    """A story is named by its first article, so later articles never rename it."""
    return hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:12]


def count_words(text: str) -> Counter:
    """Lowercase content words and their counts: no stop words, numbers or tokens under 3 letters."""
    counts = Counter(latin_words(text))
    for word in [word for word in counts if len(word) < 3 or word in STOP_WORDS]:
        del counts[word]
    return counts


def extract_names(text: str) -> list[str]:
    """Capitalized multi-word names as written; for a run of three or more, its pairs too.

    Leading stop words are dropped ("The Security Council" is "Security Council"); a single
    capitalized word is no name here (it may just open a sentence) but still counts as a word,
    and a run with two words of three or more capitals is a headline or a dateline ("CAP FOR
    LEAKING OIL", "NEW DELHI"), not a name ("UN Security Council", "BP CEO Tony Hayward").
    """
    names = []
    for run in _NAME_RUN.findall(text):
        tokens = run.split()
        if sum(len(token) > 2 and token.isupper() for token in tokens) > 1:
            continue
        for tokens in split_at_sentence_ends(tokens):
            while tokens and (tokens[0] == "of" or tokens[0].lower() in STOP_WORDS):
                tokens.pop(0)
            while tokens and tokens[-1] == "of":
                tokens.pop()
            if len(tokens) < 2:
                continue
            names.append(" ".join(tokens))
            if len(tokens) > 2:
                names.extend(f"{a} {b}" for a, b in zip(tokens, tokens[1:]) if "of" not in (a, b))
    return names


def split_at_sentence_ends(tokens: list[str]) -> list[list[str]]:
    """Cut a run after a word that ends a sentence ("India. President"), not after "U.S."."""
    parts: list[list[str]] = [[]]
    for token in tokens:
        ends = token.endswith(".") and len(token) > 2 and "." not in token[:-1]
        parts[-1].append(_POSSESSIVE.sub("", token[:-1] if ends else token))
        if ends:
            parts.append([])
    return parts


def feature_counts(title: str | None, text: str) -> tuple[Counter, dict[str, str]]:
    """Weighted counts of an article's features, and the written form of names and their words.

    Names come from the body only: a headline's capitals may be style. A word's written form is
    taken from a name it is the second or later word of ("Gadhafi" from "Moammar Gadhafi"), where
    a capital says more than at the start of a sentence.
    """
    counts = count_words(text)
    for word, count in count_words(title or "").items():
        counts[word] += TITLE_WEIGHT * count
    surfaces: dict[str, str] = {}
    for name in extract_names(text):
        key = _NAME_MARK + name.lower()
        counts[key] += 1
        if key not in surfaces:
            surfaces[key] = name
            for word in name.split()[1:]:
                if len(word) <= 4 or not word.isupper():  # "NATO", not "LIBYA"
                    surfaces.setdefault(word.lower(), word)
    return counts, surfaces


def gaussian_decay(gap_days: float, width: float) -> float:
    return math.exp(-0.5 * (gap_days / width) ** 2)


@dataclass(slots=True)
class _StoryState:
    id: str
    seq: tuple  # creation order (its first article's `story_order`): ties go to the older story
    first: date | None
    last: date | None
    centroid: dict[str, float] = field(default_factory=dict)  # sum of unit article vectors
    norm2: float = 0.0
    article_ids: list[str] = field(default_factory=list)
    titled: list[tuple[str, dict[str, float]]] = field(default_factory=list)  # (title, unit vector)
    central: tuple[float, str] | None = None  # the most central title when the story was retired
    active: bool = True  # in the index: a dated article may still join it
    surfaces: dict[str, str] = field(default_factory=dict)  # its features' forms, as its articles write them


class StoryClusterer:
    """Online story clustering; call `add` in `story_order`."""

    def __init__(self, threshold: float = THRESHOLD, decay_days: float = DECAY_DAYS,
                 top_terms: int = TOP_TERMS) -> None:
        if not 0 < threshold < 1 or decay_days <= 0 or top_terms < 1:
            raise ValueError("threshold must be in (0, 1), decay_days and top_terms positive")
        self.threshold = threshold
        self.decay_days = decay_days
        self.top_terms = top_terms
        # Beyond this gap no cosine (at most 1) can reach the threshold: such stories are retired.
        self.horizon_days = decay_days * math.sqrt(-2 * math.log(threshold))
        self._df: Counter = Counter()
        self._seen = 0
        self._stories: dict[str, _StoryState] = {}
        self._index: dict[str, set[str]] = {}  # feature -> active stories holding it
        self._expiry: list[tuple[date, tuple, str]] = []  # (story's last date, seq, id), lazily stale
        self._undated = False  # once undated articles start, every story is a candidate
        self._last_key: tuple | None = None
        self.vectors: dict[str, dict[str, float]] = {}  # article id -> its vector, as weighed

    @classmethod
    def resume(cls, seen: int, df: Counter, open_stories: Iterable[tuple[str, list[Member]]]
               ) -> StoryClusterer:
        """The state clustering reaches just before its next article: `seen` articles clustered,
        with document frequencies `df` (at least of every feature still to come), and the
        stories still open then (`open_stories`: id and members in `story_order`, each with its
        stored vector). Stories retired by then cannot take a dated article, so they are left
        out: resume only before a dated article."""
        clusterer = cls()
        clusterer._seen, clusterer._df = seen, df
        for sid, members in open_stories:
            for member in members:
                clusterer._join(member, member.vector, sid)
        return clusterer

    def add(self, article: StoryArticle | StoryCounts) -> str:
        """Cluster one article and return its story's id."""
        article = article if isinstance(article, StoryCounts) else counted(article)
        vector = self._prepare(article)
        best, best_score = None, self.threshold
        for story, score in self._candidates(vector, article.published):
            if score > best_score or (score == best_score and (best is None or story.seq < best.seq)):
                best, best_score = story, score
        return self._assign(article, vector, best.id if best else story_id(article.id))

    def stories(self) -> list[Story]:
        """Every story so far, in the order they started."""
        return [self.story(sid) for sid in self._stories]

    def story(self, sid: str) -> Story:
        s = self._stories[sid]
        return Story(s.id, self._label(s), s.first, s.last, list(s.article_ids))

    def has(self, sid: str) -> bool:
        return sid in self._stories

    def seq_of(self, sid: str) -> tuple:
        return self._stories[sid].seq

    # 1. check the order, weigh the article's features with the IDF of the articles before it
    def _prepare(self, article: StoryCounts) -> dict[str, float]:
        key = story_order(article)
        if self._last_key is not None and key <= self._last_key:
            raise ValueError(f"articles must come in story_order: {article.id!r} after {self._last_key[2]!r}")
        self._last_key = key
        if article.published is None and not self._undated:
            self._undated = True
            self._reindex_all()
        if article.published is not None:
            self._retire(article.published)
        log, df, log_seen = math.log, self._df, math.log(1 + self._seen) + 1
        weighted = []
        for feature, count in article.counts.items():
            weight = (1 + log(count)) * (log_seen - log(1 + df.get(feature, 0)))  # TF times IDF
            weighted.append((weight * NAME_WEIGHT if feature[0] == _NAME_MARK else weight, feature))
        top = [(feature, weight) for weight, feature in heapq.nlargest(self.top_terms, weighted)]
        norm = math.sqrt(sum(weight * weight for _, weight in top)) or 1.0
        return {feature: weight / norm for feature, weight in top}

    # 2. score the active stories that share a feature: cosine times the time decay
    def _candidates(self, vector: dict[str, float], published: date | None):
        dots: dict[str, float] = {}
        for feature, weight in vector.items():
            for sid in self._index.get(feature, ()):
                dots[sid] = dots.get(sid, 0.0) + weight * self._stories[sid].centroid[feature]
        for sid, dot in dots.items():
            story = self._stories[sid]
            cosine = dot / math.sqrt(story.norm2)
            if published is not None and story.last is not None:
                cosine *= gaussian_decay((published - story.last).days, self.decay_days)
            yield story, cosine

    # 3. join the story (or start it) and count the article's features for later IDFs
    def _assign(self, article: StoryCounts, vector: dict[str, float], sid: str) -> str:
        self._join(article, vector, sid)
        self.vectors[article.id] = vector
        self._df.update(article.counts.keys())
        self._seen += 1
        return sid

    def _join(self, article: StoryCounts | Member, vector: dict[str, float], sid: str) -> None:
        story = self._stories.get(sid)
        if story is None:
            story = _StoryState(sid, story_order(article), article.published, article.published)
            self._stories[sid] = story
        story.article_ids.append(article.id)
        if article.published is not None:
            story.first = story.first or article.published
            if story.last is None or article.published > story.last:
                story.last = article.published
            heapq.heappush(self._expiry, (story.last, story.seq, sid))
        for feature, surface in article.surfaces.items():
            story.surfaces.setdefault(feature, surface)
        for feature, weight in vector.items():
            old = story.centroid.get(feature, 0.0)
            story.centroid[feature] = old + weight
            story.norm2 += 2 * old * weight + weight * weight
            self._index.setdefault(feature, set()).add(sid)
        if article.title and vector:
            story.titled.append((article.title, vector))

    def _retire(self, today: date) -> None:
        """Take stories out of the index once their latest article is beyond the horizon."""
        while self._expiry and (today - self._expiry[0][0]).days > self.horizon_days:
            last, _, sid = heapq.heappop(self._expiry)
            story = self._stories[sid]
            if story.active and story.last == last:  # else a newer entry stands for it
                for feature in story.centroid:
                    holders = self._index[feature]
                    holders.discard(sid)
                    if not holders:
                        del self._index[feature]
                story.active = False
                self._freeze(story)

    def _freeze(self, story: _StoryState) -> None:
        """Keep what a retired story still needs: its label's title and its heaviest features.

        The centroid is cut to RETIRED_TERMS features (its norm stays), enough for its label and
        for matching undated articles, so memory grows with the active stories, not the archive.
        """
        story.central = self._central_title(story)
        story.titled = []
        if len(story.centroid) > RETIRED_TERMS:
            kept = heapq.nlargest(RETIRED_TERMS, story.centroid.items(), key=lambda item: (item[1], item[0]))
            story.centroid = dict(kept)
        story.surfaces = {f: story.surfaces[f] for f in story.centroid if f in story.surfaces}

    def _reindex_all(self) -> None:
        for story in self._stories.values():
            story.active = True
            for feature in story.centroid:
                self._index.setdefault(feature, set()).add(story.id)

    def _label(self, story: _StoryState) -> str:
        """The title of the story's most central article; else its heaviest names and words."""
        central = self._central_title(story)
        return shorten(central[1]) if central else self._term_label(story)

    @staticmethod
    def _central_title(story: _StoryState) -> tuple[float, str] | None:
        """(closeness to the centroid, title) of the closest titled article; the earliest on a tie."""
        best = story.central
        for title, vector in story.titled:
            centrality = sum(weight * story.centroid.get(feature, 0.0) for feature, weight in vector.items())
            if best is None or centrality > best[0]:
                best = (centrality, title)
        return best

    def _term_label(self, story: _StoryState) -> str:
        ranked = sorted(story.centroid.items(), key=lambda item: (-item[1], item[0]))
        chosen: list[str] = []
        for feature, _ in ranked:
            surface = story.surfaces.get(feature, feature)
            words = set(surface.lower().split())
            if any(words <= set(c.lower().split()) or words >= set(c.lower().split()) for c in chosen):
                continue  # "Ghani" after "Ashraf Ghani", or the other way round
            chosen.append(surface)
            if len(chosen) == LABEL_TERMS:
                break
        return ", ".join(chosen) or "(no words)"


def shorten(text: str, limit: int = LABEL_MAX_CHARS) -> str:
    """One line of at most `limit` characters, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-") + "…"


def cluster_stories(articles: Iterable[StoryArticle]) -> list[Story]:
    """Cluster a set of articles into stories (the order they are given in does not matter)."""
    clusterer = StoryClusterer()
    for article in sorted(articles, key=story_order):
        clusterer.add(article)
    return clusterer.stories()
