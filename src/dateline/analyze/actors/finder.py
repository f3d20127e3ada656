"""Actor mentions: every span of an article that names a person, country, organisation or group.

Steps, in order:
0. places that name a meeting or process ("the Moscow Format") are set aside (not_names);
1. find office titles ("foreign minister", "FM", "external affairs minister") and what surrounds them:
   a qualifier before ("India's", "the Afghan", "the Taliban's"), a name after ("... Bakhtiyor Saidov")
   (titles);
2. a title with a qualifier and no name after is a role phrase: a mention of whoever held the office on
   the article's date (role_phrases);
3. named entities from the parse resolve through the knowledge (names, aliases, handles, demonyms,
   capitals); a title before a name codes an unknown person's country and sector (entities);
4. short names ("Atmar", "President Assad") resolve to the one person the article's evidence points
   to (bare_names: a full name in the article, the title and the date, the article's countries);
   entities that name no one are dropped (not_names); what is left becomes a new person or
   organisation, a bare name one of this article alone (short_names, unknown_actors);
5. handles ("@MHaneefAtmar") resolve through the knowledge or a tweet's attribution line (handles);
6. a title before a name ("Foreign Minister Amir Khan Muttaqi") is a role its holder is seen in (roles).
"""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from dateline.analyze.actors.context import ArticleActors
from dateline.analyze.actors.entities import add_entity_mentions
from dateline.analyze.actors.handles import add_handle_mentions
from dateline.analyze.actors.not_names import process_name_tokens
from dateline.analyze.actors.role_phrases import add_role_mentions
from dateline.analyze.actors.roles import observed_roles, with_roles
from dateline.analyze.actors.short_names import add_short_name_mentions
from dateline.analyze.actors.titles import find_titles, title_pattern
from dateline.knowledge import Knowledge
from dateline.model import Actor, Mention


class ActorFinder:
    """The actor mentions of parsed articles, read against one knowledge. Built once for the
    knowledge: it holds the pattern of every title the knowledge knows."""

    def __init__(self, kb: Knowledge) -> None:
        self.kb = kb
        self.titles = title_pattern(kb)

    def __call__(self, doc: Doc, published: date | None, scope: str = "") -> tuple[list[Mention], list[Actor]]:
        """Every actor mention in a parsed article, and the actor records the mentions point to.

        `scope` (the article's id) keeps apart what a name means only within its article: a bare
        surname that names no one known becomes a person of this article alone, for fusion to join
        to a full name found elsewhere.
        """
        kb = self.kb
        article = ArticleActors.start(doc, kb, published, scope)
        article.claimed.update(process_name_tokens(doc, kb))
        titles = find_titles(doc, kb, self.titles)
        add_role_mentions(article, titles)
        coded = {(use.named.start, use.named.end): use for use in titles if use.named is not None}
        deferred = add_entity_mentions(article, self.titles)
        add_short_name_mentions(article, deferred, coded)
        add_handle_mentions(article)
        article.mentions.sort(key=lambda mention: (mention.start, mention.end))
        roles = observed_roles(titles, article.mentions, article.actors, kb, published)
        return article.mentions, [with_roles(actor, roles.get(actor.id, ())) for actor in article.actors.values()]
