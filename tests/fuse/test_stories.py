"""Story clustering: short hand-written reports, and the sample corpus it was calibrated on."""
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from dateline.fuse.stories import (Member, StoryClusterer, cluster_stories, counted, extract_names,
                                   story_id, story_order)
from dateline.ingest import discover, read_file
from dateline.model import Article, StoryArticle

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"

MEETING_1 = StoryArticle("meet-1", date(2021, 7, 14), "Jaishankar meets Atmar in Dushanbe", (
    "External Affairs Minister Subrahmanyam Jaishankar met Afghan Foreign Minister Mohammad Haneef "
    "Atmar in Dushanbe on Tuesday, on the sidelines of the Shanghai Cooperation Organisation meeting. "
    "The two ministers discussed the surge in Taliban violence and the peace process in Afghanistan."))
MEETING_2 = StoryArticle("meet-2", date(2021, 7, 14), "Afghan and Indian foreign ministers hold talks", (
    "Afghan Foreign Minister Mohammad Haneef Atmar held talks with Subrahmanyam Jaishankar in "
    "Dushanbe yesterday. Atmar thanked India for its support, and Jaishankar said the violence "
    "in Afghanistan must end before the peace process can move forward."))
MEETING_3 = StoryArticle("meet-3", date(2021, 7, 15), None, (
    "In Dushanbe, Jaishankar and Atmar reviewed the security situation in Afghanistan during "
    "the Shanghai Cooperation Organisation gathering, officials said, as Taliban violence grew."))
QUAKE = StoryArticle("quake-1", date(2021, 7, 15), "Earthquake shakes Paktika province", (
    "A powerful earthquake struck Paktika province before dawn, flattening mud houses in remote "
    "villages. Rescue workers dug through rubble while hospitals in Sharana ran short of beds."))
MEETING_LATER = StoryArticle("meet-later", date(2021, 10, 20), "Jaishankar and Atmar meet again", (
    "Subrahmanyam Jaishankar met Mohammad Haneef Atmar again to discuss the peace process and "
    "Taliban violence in Afghanistan, on the sidelines of a regional meeting."))
UNDATED = StoryArticle("notebook", None, "Kabul notebook", (
    "A reflective piece on the visa queue in Kabul, where students wait for months for papers "
    "to study abroad."))
ALL = [MEETING_1, MEETING_2, MEETING_3, QUAKE, MEETING_LATER, UNDATED]


def story_with(stories, article_id):
    return next(story for story in stories if article_id in story.article_ids)


def test_stories_same_development_clusters():
    stories = cluster_stories([MEETING_1, MEETING_2, MEETING_3])
    assert len(stories) == 1
    assert stories[0].article_ids == ["meet-1", "meet-2", "meet-3"]
    assert (stories[0].first, stories[0].last) == (date(2021, 7, 14), date(2021, 7, 15))


def test_stories_different_topic_starts_new_story():
    stories = cluster_stories([MEETING_1, MEETING_2, QUAKE])
    assert story_with(stories, "quake-1").article_ids == ["quake-1"]
    assert story_with(stories, "meet-1").article_ids == ["meet-1", "meet-2"]


def test_stories_same_topic_after_long_gap_starts_new_story():
    stories = cluster_stories([MEETING_1, MEETING_2, MEETING_LATER])
    assert story_with(stories, "meet-later").article_ids == ["meet-later"]
    # the same words with no gap would have joined
    soon = StoryArticle("meet-soon", date(2021, 7, 15), MEETING_LATER.title, MEETING_LATER.text)
    assert story_with(cluster_stories([MEETING_1, MEETING_2, soon]), "meet-soon").article_ids == [
        "meet-1", "meet-2", "meet-soon"]


def test_stories_label_is_title_of_central_article_or_names():
    stories = cluster_stories(ALL)
    labels = {story.label for story in stories}
    assert all(label.strip() and "\n" not in label and len(label) <= 90 for label in labels)
    assert story_with(stories, "meet-1").label in {MEETING_1.title, MEETING_2.title}
    untitled = cluster_stories([StoryArticle(a.id, a.published, None, a.text) for a in ALL])
    label = story_with(untitled, "meet-1").label
    assert "Haneef Atmar" in label or "Jaishankar" in label, label


def test_stories_ids_stable_when_later_articles_are_added():
    before = {tuple(s.article_ids): s.id for s in cluster_stories([MEETING_1, MEETING_2])}
    after = cluster_stories(ALL)
    assert story_with(after, "meet-1").id == before[("meet-1", "meet-2")] == story_id("meet-1")
    assert len({story.id for story in after}) == len(after)


def test_stories_resumed_from_stored_vectors_equals_clustering_all():
    """What fusion keeps (each article's vector, the document frequencies) is all clustering needs
    to go on from any dated article: the stories open there, with their members' vectors."""
    ordered = sorted(ALL, key=story_order)
    full = StoryClusterer()
    assigned = [full.add(article) for article in ordered]
    for cut, first in enumerate(ordered):
        if first.published is None:
            break
        done = ordered[:cut]
        df = Counter(f for article in done for f in counted(article).counts)
        since = first.published - timedelta(days=int(full.horizon_days))
        open_stories: dict[str, list[Member]] = {}
        for article, sid in zip(done, assigned):
            open_stories.setdefault(sid, []).append(
                Member(article.id, article.published, article.title, full.vectors[article.id],
                       counted(article).surfaces))
        still_open = {sid: members for sid, members in open_stories.items()
                      if max(m.published for m in members) >= since}
        resumed = StoryClusterer.resume(cut, df, still_open.items())
        assert [resumed.add(article) for article in ordered[cut:]] == assigned[cut:]
        touched = set(assigned[cut:])
        assert [resumed.story(sid) for sid in sorted(touched)] == [
            s for s in sorted(full.stories(), key=lambda s: s.id) if s.id in touched]


def test_stories_input_order_does_not_matter():
    assert cluster_stories(ALL) == cluster_stories(list(reversed(ALL)))
    assert cluster_stories(ALL) == cluster_stories(ALL[3:] + ALL[:3])


def test_stories_empty_text_does_not_crash():
    empty = [StoryArticle("e1", date(2021, 7, 14), None, ""), StoryArticle("e2", None, "", "  \n ")]
    stories = cluster_stories(empty + [MEETING_1])
    assert sorted(aid for story in stories for aid in story.article_ids) == ["e1", "e2", "meet-1"]
    assert all(story.label for story in stories)


def test_stories_undated_clustered_last_without_decay():
    assert [a.id for a in sorted(ALL, key=story_order)][-1] == "notebook"
    late_undated = StoryArticle("undated-meeting", None, None, MEETING_LATER.text)
    stories = cluster_stories([MEETING_1, MEETING_2, late_undated])
    assert story_with(stories, "undated-meeting").article_ids == ["meet-1", "meet-2", "undated-meeting"]
    assert story_with(cluster_stories([UNDATED]), "notebook").first is None


def test_stories_out_of_order_add_is_refused():
    clusterer = StoryClusterer()
    clusterer.add(MEETING_3)
    with pytest.raises(ValueError, match="story_order"):
        clusterer.add(MEETING_1)


def test_stories_names_are_multiword_capitalized_runs():
    names = extract_names("The UN Security Council met. President Ashraf Ghani's plane left Kabul. "
                          "NEW DELHI — Officials said so. BP CEO Tony Hayward spoke.")
    assert "UN Security Council" in names and "Security Council" in names
    assert "Ashraf Ghani" in names and "President Ashraf Ghani" in names and "Tony Hayward" in names
    assert not any("Kabul" in name or "DELHI" in name or "Officials" in name for name in names)


def corpus_articles():
    files, _ = discover([CORPUS])
    for item in (item for path in files for item in read_file(path)):
        if isinstance(item, Article):
            key = Path(item.source).name  # "wire-feed.jsonl#cw-0001" for a feed record
            yield StoryArticle(key, item.published, item.title, item.text)


def test_stories_sample_corpus_reports_of_one_happening_share_a_story():
    stories = cluster_stories(corpus_articles())
    dushanbe = story_with(stories, "2021-07-14-hindustan-dispatch-dushanbe.txt")
    gurdwara = story_with(stories, "2022-06-19-delhi-daybook-gurdwara-attack.txt")
    assert sorted(dushanbe.article_ids) == ["2021-07-14-hindustan-dispatch-dushanbe.txt",
                                            "2021-07-14-pamir-post-dushanbe.txt", "wire-feed.jsonl#cw-0001"]
    assert sorted(gurdwara.article_ids) == ["2022-06-19-delhi-daybook-gurdwara-attack.txt",
                                            "2022-06-19-pamir-post-gurdwara.txt"]
    suspends = story_with(stories, "2023-10-02-hindustan-dispatch-afghan-embassy-suspends.txt")
    assert suspends.article_ids == ["2023-10-02-hindustan-dispatch-afghan-embassy-suspends.txt"]
    assert max(len(story.article_ids) for story in stories) <= 3
