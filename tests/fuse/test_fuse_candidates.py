import json
from importlib import resources

from dateline.fuse import candidates


def test_candidates_weights_come_from_the_data_file_each_with_why_and_what_a_nudge_does():
    weights = json.loads((resources.files("dateline.fuse") / "data" / "pair_weights.json")
                         .read_text(encoding="utf-8"))["weights"]
    assert set(weights) == set(candidates.WEIGHTS)
    for name, entry in weights.items():
        assert getattr(candidates, name) == entry["value"] == candidates.WEIGHTS[name]
        assert entry["chosen"].strip() and "fusion_gold" in entry["nudged"] and "realnews_gold" in entry["nudged"]


def test_candidates_the_type_and_both_sides_reach_the_join_one_side_does_not():
    both = candidates.SAME_TYPE + 2 * candidates.PER_SIDE
    one = candidates.SAME_TYPE + candidates.PER_SIDE
    assert one < candidates.JOIN_SCORE <= both
    assert candidates.SAME_SENTENCE + candidates.NEIGHBOUR_TYPE >= candidates.JOIN_SCORE
    assert candidates.NEAR_DUPLICATE + candidates.SAME_TYPE >= candidates.JOIN_SCORE
