"""Near-duplicate articles: syndicated copies and light rewrites of one story.

An agency story reprinted under a new headline, or run through a rewriting tool, should count as one
source, not several. Each article gets a MinHash signature of its word shingles (small, stored next to
the article); bands of the signatures find candidate pairs without comparing every article with every
other one, and each candidate is then checked against `THRESHOLD`. Pure: no database, no spaCy.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from dateline.model import NearDuplicate
from dateline.words import split_words

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
# Words per shingle. Three, not five: each changed word breaks SHINGLE shingles, so rewrites lose
# similarity faster with longer shingles, while a different article sharing names and stock phrases
# still shares next to no 3-word runs. Measured on the texts in tests/fuse/test_duplicates.py (exact
# Jaccard; 3 vs 5 words): the light rewrite 0.68 vs 0.55, the other write-up of the same meeting
# 0.03 vs 0.007; one word in twelve swapped at random 0.58 vs 0.47. Tune together with THRESHOLD.
SHINGLE = 3
# Estimated Jaccard at or above which two articles are near-duplicates. On the test texts (3-word
# shingles): a copy with a new headline and footer 0.79, the light rewrite 0.68, the other write-up
# of the same meeting 0.01-0.03. A random swap of one word in nine averages 0.47: about the heaviest
# rewrite still caught. The estimate's noise at 128 permutations is about +-0.045 near 0.5.
THRESHOLD = 0.5
# A fixed seed gives every process the same permutations, so stored signatures stay comparable.
SEED = 1
# "affine32" (datasketch's default since 2.0) named explicitly: a future default must not silently
# make new signatures incomparable with stored ones.
SCHEME = "affine32"
# Signatures are stored little-endian, whatever the machine.
DTYPE = np.dtype("<u4")
# LSH bands x rows. Bands of 3 make a pair at exactly THRESHOLD a candidate with probability
# 1 - (1 - 0.5**3)**42 > 0.99, and at 0.6 > 0.9999; extra candidates only cost one cheap check.
# Fixed here: signatures are stored, and their bands must mean the same in every run.
LSH_BANDS, LSH_ROWS = 42, 3
# Members of one group of near-duplicates a band's bucket keeps. More find no more groups: every
# later copy agrees with the first few as well as with the rest; fewer lose the odd rewrite that
# agrees with one early member on one band only.
BUCKET_MEMBERS = 4


def words(text: str) -> list[str]:
    """The text's words, lowercased, so case, punctuation and spacing changes do not count as edits."""
    return split_words(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str) -> set[bytes]:
    """Every run of SHINGLE consecutive words; a shorter text is one shingle of all its words."""
    tokens = words(text)
    size = min(SHINGLE, len(tokens))
    if size == 0:
        return set()
    return {" ".join(tokens[i:i + size]).encode() for i in range(len(tokens) - size + 1)}


def signature(text: str) -> bytes:
    """The MinHash signature of the text: NUM_PERM little-endian uint32 values, 512 bytes.

    An empty text keeps datasketch's empty state (every value at the maximum); it matches nothing.
    """
    minhash = _minhash()
    minhash.update_batch(sorted(shingles(text)))
    return minhash.hashvalues.astype(DTYPE).tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two articles' shingle sets (0.0 when either is empty)."""
    values_a, values_b = _values(a), _values(b)
    if _is_empty(values_a) or _is_empty(values_b):
        return 0.0
    return float(np.count_nonzero(values_a == values_b)) / NUM_PERM


def similar_pairs(new: Mapping[str, bytes], stored: Mapping[str, bytes],
                  known: Iterable[tuple[str, str, float]] = ()) -> list[tuple[str, str, float]]:
    """Near-duplicate pairs (a, b, similarity), a < b, each with an article in `new`, that tie
    every new article to every group of near-duplicates it belongs to; sorted.

    Groups are the connected parts of the pairs: `known` (stored) pairs first, then the new ones
    as they are found. A new article is checked against a candidate only when the two are not in
    one group already, so a burst of N copies of one story costs N checks, not N squared, and
    stores N - 1 pairs. Which articles make up a group never depends on the batch or the order
    in which the articles came, only the choice of pairs that ties a group together may.
    (`pairs_with_stored` over the stored signatures held in memory.)
    """
    groups = _Groups()
    for a, b, _ in known:
        groups.union(a, b)
    buckets: dict[tuple[int, bytes], list[tuple[int, bytes, str, str]]] = {}
    for article_id in sorted(stored):
        for band, key in band_keys(stored[article_id]):
            buckets.setdefault((band, key), []).append((band, key, article_id, groups.find(article_id)))

    def stored_in(keys: Sequence[tuple[int, bytes]]) -> list[tuple[int, bytes, str, str]]:
        return sorted((row for key in keys for row in buckets.get(key, ())), key=lambda row: row[2])

    return pairs_with_stored(new, stored_in, lambda ids: {i: stored[i] for i in ids})


class _Groups:
    """Union-find over article ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        return _root(self.parent, item)

    def union(self, a: str, b: str) -> None:
        self.find(a), self.find(b)
        _union(self.parent, a, b)


class _BandIndex:
    """Locality-sensitive hashing by bands of the signature (LSH_BANDS of LSH_ROWS values): two
    articles that agree on every value of one band are candidates.

    A band's bucket keeps at most BUCKET_MEMBERS articles of any one group: a burst of copies
    fills its buckets with one group, whose first few members find every later copy as well as
    all of them would.
    """

    def __init__(self, groups: _Groups) -> None:
        self.groups = groups
        self.buckets: dict[tuple[int, bytes], list[str]] = {}

    def add(self, article_id: str, sig: bytes) -> None:
        if _is_empty(_values(sig)):
            return
        group = self.groups.find(article_id)
        for key in _band_keys(sig):
            bucket = self.buckets.setdefault(key, [])
            if sum(self.groups.find(member) == group for member in bucket) < BUCKET_MEMBERS:
                bucket.append(article_id)

    def candidates(self, sig: bytes) -> list[str]:
        if _is_empty(_values(sig)):
            return []
        found = {member for key in _band_keys(sig) for member in self.buckets.get(key, ())}
        return sorted(found)


# (band, key) -> (article, its group) of every stored article in those buckets.
BandLookup = Callable[[Sequence[tuple[int, bytes]]], Iterable[tuple[int, bytes, str, str]]]
SignatureLookup = Callable[[Iterable[str]], Mapping[str, bytes]]


def pairs_with_stored(new: Mapping[str, bytes], stored_in: BandLookup,
                      stored_signatures: SignatureLookup) -> list[tuple[str, str, float]]:
    """`similar_pairs` against a stored band index (`band_keys` rows of every stored article,
    looked up by `stored_in`) instead of every stored signature: only the buckets the new
    articles fall in are read. A stored bucket offers at most BUCKET_MEMBERS articles of any one
    stored group, the first by id."""
    groups = _Groups()
    stored: dict[tuple[int, bytes], list[str]] = {}
    kept: dict[tuple[tuple[int, bytes], str], int] = {}
    keys = sorted({key for sig in new.values() if not _is_empty(_values(sig)) for key in _band_keys(sig)})
    for band, key, article_id, group in stored_in(keys):
        groups.parent[article_id] = group
        groups.parent.setdefault(group, group)
        bucket = (band, bytes(key))
        if kept.get((bucket, group), 0) < BUCKET_MEMBERS:
            kept[(bucket, group)] = kept.get((bucket, group), 0) + 1
            stored.setdefault(bucket, []).append(article_id)
    signatures = dict(stored_signatures({a for members in stored.values() for a in members}))
    signatures.update(new)
    index = _BandIndex(groups)
    pairs = []
    for article_id in sorted(new):
        sig = new[article_id]
        found = index.candidates(sig)
        if not _is_empty(_values(sig)):
            found = sorted(set(found).union(*(stored.get(key, ()) for key in _band_keys(sig))))
        for other in found:
            if groups.find(other) == groups.find(article_id):
                continue
            score = similarity(sig, signatures[other])
            if score >= THRESHOLD:
                groups.union(article_id, other)
                pairs.append((*_ordered(article_id, other), score))
        index.add(article_id, sig)
    return sorted(pairs)


def band_keys(sig: bytes) -> list[tuple[int, bytes]]:
    """The buckets a signature falls in (none for an empty text's)."""
    return [] if _is_empty(_values(sig)) else _band_keys(sig)


def _band_keys(sig: bytes) -> list[tuple[int, bytes]]:
    width = LSH_ROWS * DTYPE.itemsize
    return [(band, sig[band * width:(band + 1) * width]) for band in range(LSH_BANDS)]


def originals(pairs: Iterable[tuple[str, str, float]],
              published: Mapping[str, date | None]) -> list[NearDuplicate]:
    """For each article with an earlier near-duplicate, the earliest version of it, sorted by article.

    Near-duplication is taken transitively: in a chain of edits A ~ B ~ C every later version points
    to A, even where A and C differ more than THRESHOLD allows. Earliest means published first, undated
    last, then by id. The similarity is the article's best score with an article it was paired with.
    """
    best: dict[str, float] = {}
    parent: dict[str, str] = {}
    for a, b, sim in pairs:
        for article_id in (a, b):
            best[article_id] = max(best.get(article_id, 0.0), sim)
            parent.setdefault(article_id, article_id)
        _union(parent, a, b)
    components: dict[str, list[str]] = {}
    for article_id in parent:
        components.setdefault(_root(parent, article_id), []).append(article_id)
    duplicates = []
    for members in components.values():
        first, *later = sorted(members, key=lambda article_id: _age(article_id, published))
        duplicates += [NearDuplicate(article_id, first, best[article_id]) for article_id in later]
    return sorted(duplicates, key=lambda duplicate: duplicate.article_id)


def _minhash(sig: bytes | None = None) -> MinHash:
    """A MinHash sharing the module's permutations: fresh, or holding a stored signature."""
    from datasketch import MinHash

    values = None if sig is None else _values(sig)
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=values,
                   permutations=_permutations())


@cache
def _permutations() -> np.ndarray:
    """The seeded permutations, drawn once per process rather than once per article.

    datasketch is imported on first use: it loads scipy.integrate, about a second, which commands
    that never compare articles should not pay.
    """
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def _ordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _values(sig: bytes) -> np.ndarray:
    values = np.frombuffer(sig, dtype=DTYPE)
    if len(values) != NUM_PERM:
        raise ValueError(f"a signature holds {NUM_PERM} values, this one {len(values)}")
    return values


def _is_empty(values: np.ndarray) -> bool:
    return bool(np.all(values == np.iinfo(DTYPE).max))


def _age(article_id: str, published: Mapping[str, date | None]) -> tuple[bool, date, str]:
    """Sort key for "earliest version": dated before undated, then by date, then by id."""
    day = published.get(article_id)
    return (day is None, day or date.min, article_id)


def _root(parent: dict[str, str], article_id: str) -> str:
    while parent[article_id] != article_id:
        parent[article_id] = parent[parent[article_id]]
        article_id = parent[article_id]
    return article_id


def _union(parent: dict[str, str], a: str, b: str) -> None:
    root_a, root_b = _root(parent, a), _root(parent, b)
    parent[max(root_a, root_b)] = min(root_a, root_b)
