from datetime import date
from itertools import permutations

import pytest

from dateline.fuse.duplicates import (NUM_PERM, THRESHOLD, originals, signature, similar_pairs,
                                      similarity)
from dateline.model import NearDuplicate

ORIGINAL = """India and Afghanistan discuss security on sidelines of SCO meeting

Indian External Affairs Minister Subrahmanyam Jaishankar met his Afghan counterpart Mohammad Haneef
Atmar in Dushanbe on Tuesday, as fighting between government forces and the Taliban spread across
northern Afghanistan.

The two ministers spoke for nearly an hour on the sidelines of a meeting of foreign ministers from the
Shanghai Cooperation Organisation, officials from both delegations said. Jaishankar told reporters
afterwards that India wanted a peaceful, sovereign and democratic Afghanistan, and that violence
against civilians had to end before any settlement could hold.

Atmar thanked India for its long support of Afghan schools, dams and roads, and asked New Delhi to
keep its consulates open despite the worsening situation. India pulled about fifty diplomats and
security staff out of its consulate in Kandahar over the weekend, citing heavy clashes near the city.

The meeting in the Tajik capital also brought together ministers from China, Russia, Pakistan and the
Central Asian republics. Several of them warned that a collapse of the Afghan state could push
refugees and armed groups across their borders. A joint statement is expected to call for talks
between the Afghan government and the Taliban to resume in Doha without further delay.

Diplomats said Jaishankar would travel on to Moscow later in the week for talks with Russian Foreign
Minister Sergei Lavrov, where Afghanistan is again expected to top the agenda.
"""

# The same agency copy as another outlet ran it: its own headline, a date line, a newsletter footer,
# and the line breaks, quotes and case of its own template.
SYNDICATED = """JAISHANKAR, ATMAR HOLD TALKS IN DUSHANBE AS TALIBAN ADVANCE

DUSHANBE, July 14 (Newswire) - Indian External Affairs Minister Subrahmanyam Jaishankar met his Afghan
counterpart Mohammad Haneef Atmar in Dushanbe on Tuesday, as fighting between government forces and
the Taliban spread across northern Afghanistan.

The two ministers spoke for nearly an hour on the sidelines of a meeting of foreign ministers from
the Shanghai Cooperation Organisation, officials from both delegations said. Jaishankar told
reporters afterwards that India wanted a "peaceful, sovereign and democratic" Afghanistan, and that
violence against civilians had to end before any settlement could hold.

Atmar thanked India for its long support of Afghan schools, dams and roads, and asked New Delhi to
keep its consulates open despite the worsening situation. India pulled about fifty diplomats and
security staff out of its consulate in Kandahar over the weekend, citing heavy clashes near the city.

The meeting in the Tajik capital also brought together ministers from China, Russia, Pakistan and
the Central Asian republics. Several of them warned that a collapse of the Afghan state could push
refugees and armed groups across their borders. A joint statement is expected to call for talks
between the Afghan government and the Taliban to resume in Doha without further delay.

Diplomats said Jaishankar would travel on to Moscow later in the week for talks with Russian
Foreign Minister Sergei Lavrov, where Afghanistan is again expected to top the agenda.

Sign up for The Asia Brief, our free morning newsletter, and get the day's top stories in your
inbox. Follow us on X and Facebook. (c) 2021 Newswire. All rights reserved.
"""

# The kind of copy a rewriting tool or a hurried editor makes: a word swapped here and there, a
# sentence of background added.
REWRITE = """India, Afghanistan discuss security on margins of SCO meeting

India's External Affairs Minister Subrahmanyam Jaishankar met his Afghan counterpart Mohammad Haneef
Atmar in Dushanbe on Tuesday, as fighting between government troops and the Taliban spread across
northern Afghanistan.

The two ministers talked for nearly an hour on the sidelines of a meeting of foreign ministers from
the Shanghai Cooperation Organisation, officials from both delegations said. Jaishankar told
journalists afterwards that India wanted a peaceful, sovereign and democratic Afghanistan, and that
violence against civilians had to stop before any settlement could hold.

Atmar thanked India for its long support of Afghan schools, dams and highways, and asked New Delhi
to keep its consulates open despite the worsening situation. India pulled about fifty diplomats and
security staff out of its consulate in Kandahar over the weekend, citing fierce clashes near the
city. It was the first time India had shut a mission in Afghanistan since the 1990s.

The meeting in the Tajik capital also brought together ministers from China, Russia, Pakistan and
the Central Asian republics. Several of them warned that a collapse of the Afghan state could push
refugees and armed groups over their borders. A joint statement is expected to call for talks
between the Afghan government and the Taliban to resume in Doha without further delay.

Diplomats said Jaishankar would travel on to Moscow later this week for talks with Russian Foreign
Minister Sergei Lavrov, where Afghanistan is once again expected to top the agenda.
"""

# Another reporter's story of the same meeting: the same people and places, its own words.
SAME_MEETING = """Atmar presses India for help as Afghan crisis dominates Dushanbe talks

Afghanistan's deepening crisis overshadowed a day of regional diplomacy in Tajikistan on Tuesday.
Foreign Minister Mohammad Haneef Atmar, who flew in from Kabul as Taliban fighters overran more
district centres, used a meeting with India's Subrahmanyam Jaishankar to ask for continued aid and
for pressure on Pakistan, which Kabul accuses of sheltering insurgent commanders.

Jaishankar said after the meeting in Dushanbe that New Delhi stood by the Afghan people. "The world
wants to see a peaceful, sovereign and democratic Afghanistan," he wrote on Twitter, adding that he
had discussed the security of Indian nationals with Atmar.

The talks came days after India evacuated staff from its consulate in Kandahar, where government
troops are battling to hold the city's outskirts. Officials in New Delhi described the step as
temporary and said local employees would keep the mission running.

Foreign ministers of the Shanghai Cooperation Organisation, which groups China, Russia, India,
Pakistan and four Central Asian states, are meeting in the Tajik capital through Wednesday. Russia's
Sergei Lavrov told the gathering that foreign troops had left Afghanistan in a hurry and that the
region now had to deal with the consequences.
"""

UNRELATED = """Heavy rain floods parts of western Germany

Rivers burst their banks across Rhineland-Palatinate and North Rhine-Westphalia on Wednesday after
two days of torrential rain, sweeping away cars and cutting power to tens of thousands of homes.
Rescue teams used boats and helicopters to reach residents trapped on rooftops in the Ahr valley,
and officials said dozens of people were missing. Weather services warned that more rain was due
overnight and that water levels on the Rhine could rise further before the weekend.
"""


def _signatures(**texts):
    return {name: signature(text) for name, text in texts.items()}


def test_duplicates_syndicated_copy_with_new_headline_and_footer():
    assert similarity(signature(ORIGINAL), signature(SYNDICATED)) >= THRESHOLD


def test_duplicates_light_rewrite():
    assert similarity(signature(ORIGINAL), signature(REWRITE)) >= THRESHOLD


def test_duplicates_same_meeting_in_other_words_is_not_a_duplicate():
    assert similarity(signature(ORIGINAL), signature(SAME_MEETING)) < THRESHOLD / 2
    assert similarity(signature(REWRITE), signature(SAME_MEETING)) < THRESHOLD / 2
    assert similarity(signature(ORIGINAL), signature(UNRELATED)) < THRESHOLD / 2


def test_duplicates_case_punctuation_and_spacing_do_not_matter():
    shouted = ORIGINAL.upper().replace(",", " ,").replace("\n", "  ")
    assert similarity(signature(ORIGINAL), signature(shouted)) == 1.0


def test_duplicates_signature_is_deterministic_and_compact():
    assert signature(ORIGINAL) == signature(ORIGINAL)
    assert len(signature(ORIGINAL)) == NUM_PERM * 4


def test_duplicates_signature_is_fixed_across_processes():
    """A stored signature must match one computed tomorrow in another process: no per-run salt."""
    assert signature("India and Afghanistan discuss security")[:8].hex() == _FIRST_VALUES


# The first two values of signature("India and Afghanistan discuss security"), as first computed.
_FIRST_VALUES = "ce78bc254ec31468"


def test_duplicates_empty_and_one_word_texts():
    empty, word = signature(""), signature("Breaking")
    assert len(empty) == len(word) == NUM_PERM * 4
    assert similarity(empty, empty) == 0.0
    assert similarity(empty, signature(ORIGINAL)) == 0.0
    assert similarity(word, signature("breaking!")) == 1.0
    assert similarity(signature("Talks resume"), signature("talks, resume.")) == 1.0
    sigs = _signatures(empty="", also_empty="  ... ", word="Breaking", article=ORIGINAL)
    assert similar_pairs(sigs, {}) == []
    assert similar_pairs({"word": word}, {"same_word": signature("BREAKING")})[0][2] == 1.0


def test_duplicates_similarity_rejects_foreign_bytes():
    with pytest.raises(ValueError):
        similarity(b"\x00" * 10, signature(ORIGINAL))


def test_duplicates_similar_pairs_finds_copies_not_the_other_story():
    sigs = _signatures(a=ORIGINAL, b=SYNDICATED, c=REWRITE, d=SAME_MEETING, e=UNRELATED)
    pairs = similar_pairs(sigs, {})
    # Two pairs tie the three versions together; the third is not needed to know they are one.
    assert _groups(pairs) == [{"a", "b", "c"}] and len(pairs) == 2
    assert all(sim == similarity(sigs[a], sigs[b]) >= THRESHOLD for a, b, sim in pairs)


def test_duplicates_similar_pairs_groups_do_not_depend_on_batch_or_order():
    sigs = _signatures(a=ORIGINAL, b=SYNDICATED, c=REWRITE, d=SAME_MEETING)
    expected = _groups(similar_pairs(sigs, {}))
    for order in permutations(sigs):
        for split in range(1, len(order) + 1):
            # Articles before `split` were stored by earlier batches, with the pairs found then.
            found: list = []
            for i in range(split - 1, len(order)):
                batch = order[i:i + 1] if i >= split else order[:split]
                stored = order[:i] if i >= split else ()
                found += similar_pairs({k: sigs[k] for k in batch}, {k: sigs[k] for k in stored}, found)
            assert _groups(found) == expected


def test_duplicates_a_burst_of_copies_is_one_group_of_linear_pairs():
    """Hundreds of outlets printing one agency story: every copy joins one group, through one
    pair each, and no copy is compared with every other."""
    copies = {f"copy{i:03d}": f"{ORIGINAL}\nPrinted by the Valley Courier {i}, edition {i * 7}."
              for i in range(300)}
    sigs = _signatures(other=SAME_MEETING, **copies)
    pairs = similar_pairs(sigs, {})
    assert _groups(pairs) == [set(copies)]
    assert len(pairs) == len(copies) - 1
    published = {article_id: date(2021, 7, 14) for article_id in copies} | {"copy000": date(2021, 7, 13)}
    assert {d.original_id for d in originals(pairs, published)} == {"copy000"}


def test_duplicates_a_burst_arriving_after_its_original_joins_it():
    sigs = _signatures(orig=ORIGINAL, **{f"c{i}": f"{ORIGINAL} Copy {i}." for i in range(40)})
    first = similar_pairs({"orig": sigs["orig"]}, {})
    later = similar_pairs({k: v for k, v in sigs.items() if k != "orig"}, {"orig": sigs["orig"]}, first)
    assert _groups(first + later) == [set(sigs)]


def _groups(pairs) -> list[set[str]]:
    """The connected parts of the pairs, as sets, in a stable order."""
    parts: list[set[str]] = []
    for a, b, _ in pairs:
        touching = [part for part in parts if a in part or b in part]
        merged = {a, b}.union(*touching)
        parts = [part for part in parts if part not in touching] + [merged]
    return sorted(parts, key=min)


def test_duplicates_similar_pairs_leave_stored_pairs_alone():
    sigs = _signatures(a=ORIGINAL, b=SYNDICATED, d=SAME_MEETING)
    assert similar_pairs({"d": sigs["d"]}, {"a": sigs["a"], "b": sigs["b"]}) == []
    assert [p[:2] for p in similar_pairs({"b": sigs["b"]}, {"a": sigs["a"]})] == [("a", "b")]


def test_duplicates_originals_point_to_the_earliest_version():
    pairs = [("a", "b", 0.9), ("a", "c", 0.6), ("b", "c", 0.7)]
    published = {"a": date(2021, 7, 14), "b": date(2021, 7, 13), "c": date(2021, 7, 15)}
    assert originals(pairs, published) == [NearDuplicate("a", "b", 0.9), NearDuplicate("c", "b", 0.7)]


def test_duplicates_originals_chain_points_to_the_first():
    pairs = [("b", "c", 0.6), ("a", "b", 0.8)]  # a and c too far apart to pair directly
    published = {"a": date(2021, 7, 13), "b": date(2021, 7, 14), "c": date(2021, 7, 15)}
    assert originals(pairs, published) == [NearDuplicate("b", "a", 0.8), NearDuplicate("c", "a", 0.6)]


def test_duplicates_originals_undated_sort_last_then_by_id():
    pairs = [("a", "b", 0.9), ("b", "c", 0.8), ("x", "y", 0.7)]
    published = {"a": None, "b": date(2021, 7, 20), "c": date(2021, 7, 20)}
    assert originals(pairs, published) == [
        NearDuplicate("a", "b", 0.9), NearDuplicate("c", "b", 0.8), NearDuplicate("y", "x", 0.7)]


def test_duplicates_originals_do_not_depend_on_input_order():
    pairs = [("a", "b", 0.9), ("c", "d", 0.55), ("b", "c", 0.6), ("e", "f", 0.7)]
    published = {"a": date(2021, 7, 16), "b": None, "c": date(2021, 7, 14), "d": date(2021, 7, 14),
                 "e": date(2021, 7, 1)}
    expected = originals(pairs, published)
    assert [d.original_id for d in expected] == ["c", "c", "c", "e"]
    for order in permutations(pairs):
        assert originals(list(order), dict(reversed(published.items()))) == expected


def test_duplicates_end_to_end_copies_point_to_the_first_published():
    sigs = _signatures(orig=ORIGINAL, synd=SYNDICATED, rewrite=REWRITE, other=SAME_MEETING)
    published = {"orig": date(2021, 7, 13), "synd": date(2021, 7, 14), "rewrite": None,
                 "other": date(2021, 7, 12)}
    found = originals(similar_pairs(sigs, {}), published)
    assert [(d.article_id, d.original_id) for d in found] == [("rewrite", "orig"), ("synd", "orig")]
