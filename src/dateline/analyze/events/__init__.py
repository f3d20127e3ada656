"""Event finding, one component: `finder.EventFinder`, built once from the knowledge and called
once per parsed article, gives the article's events.

Its modules, in the order an event is found:
  trigger_matcher  where triggers may be (array lookups over the doc);
  triggers         which words name an event, and its class (the lexicon, `data/event_triggers.json`);
  intent           acts asked for, alleged, forecast, committed to: no happening, or another class;
  arguments        who did it, to whom, and where: ordered lists of named rules, the first that answers wins;
  subjects, actor_phrases, mention_index, targets, places, syntax
                   the readings of the parse those rules call;
  setting          the parties the place or the article's country supplies where the words name none;
  pairs            one event per pair of actors a trigger joins;
  dates, status    when it happened, and whether;
  confidence       the evidence for a reading, and its score;
  coding           the events of one trigger, from all of the above;
  finder           the component: every sentence's triggers, coded, one event per happening.

Nothing is imported here: `dateline.analyze.events.finder` loads spaCy.
"""
