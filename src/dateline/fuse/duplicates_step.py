"""Fusion's near-duplicate step: sign the new articles and tie them to the stored groups.

Only the band buckets the new articles fall in are read (`FusionReads.band_members`), and only
the groups they join are recomputed: their members, their pairs, their earliest version.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from dateline.fuse.duplicates import band_keys, originals, pairs_with_stored, signature
from dateline.model import NearDuplicate
from dateline.store.fusion_reads import FusionReads


@dataclass(slots=True)
class DuplicateChanges:
    signatures: dict[str, bytes]  # the new articles'
    pairs: list[tuple[str, str, float]]  # new pairs, each with a new article
    regrouped: list[str]  # the articles whose group was recomputed: their rows are replaced
    duplicates: list[NearDuplicate]  # the near-duplicates among them
    moved: set[str] = field(default_factory=set)  # stored articles whose original changed
    indexed: dict[str, bytes] = field(default_factory=dict)  # stored signatures to index

    def bands(self) -> list[tuple[int, bytes, str]]:
        signed = {**self.indexed, **self.signatures}
        return [(band, key, article_id) for article_id, sig in sorted(signed.items())
                for band, key in band_keys(sig)]

    def originals(self) -> dict[str, str]:
        """Article id -> its earliest version, for the regrouped articles."""
        found = {article_id: article_id for article_id in self.regrouped}
        found.update((d.article_id, d.original_id) for d in self.duplicates)
        return found


def refresh_duplicates(reads: FusionReads, texts: Mapping[str, str],
                       published: Mapping[str, date | None],
                       unbanded: Mapping[str, bytes]) -> DuplicateChanges:
    """Sign the articles of `texts` (the new ones) and regroup the groups they join.
    `unbanded` are stored signatures not in the band index (a store from before it was kept):
    they are indexed, not compared."""
    new = {article_id: signature(text) for article_id, text in texts.items()}
    if not new:
        return DuplicateChanges({}, [], [], [], indexed=dict(unbanded))
    pairs = pairs_with_stored(new, reads.band_members, reads.signatures_of)
    paired = {a for pair in pairs for a in pair[:2]}
    if not paired:
        return DuplicateChanges(new, [], [], [], indexed=dict(unbanded))
    stored_groups = reads.originals_of(paired - new.keys())
    stored_groups.update((a, a) for a in paired - new.keys() - stored_groups.keys())
    members = reads.groups(set(stored_groups.values()))
    regrouped = sorted(members.keys() | paired)
    stored_pairs = reads.pairs_of(members)
    days = {**{a: day for a, (_, day) in reads.published(set(members) - published.keys()).items()},
            **published}
    duplicates = originals(sorted(set(stored_pairs) | set(pairs)), days)
    after = {d.article_id: d.original_id for d in duplicates}
    moved = {a for a, original in members.items() if after.get(a, a) != original}
    return DuplicateChanges(new, pairs, regrouped, duplicates, moved, dict(unbanded))
