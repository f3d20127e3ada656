"""The closed vocabularies the records' fields take their values from."""


# How an article's publication date was found: its date line, its page's metadata, its record's
# field, its path (`ingest --date-from-path`, only when the file itself gives none), the feed or
# sitemap entry that listed its page (only when the page gives none); "none": undated.
PUBLISHED_BASES = ("dateline", "metadata", "record", "path", "feed", "none")
# How a time expression was anchored (TimeRef.basis).
TIME_BASES = ("absolute", "publication-relative", "narrative-relative", "unresolved")
PRECISIONS = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century")
EVENT_STATUSES = ("occurred", "planned", "claimed", "denied", "conditional")
# How an event's date was found (Event.date_basis), strongest first: the time expression tied to
# its trigger; one carried over from the sentence before, in the same paragraph; the article's
# publication date (only in stores analyzed before version 0.2: its words never date an event).
# None when undated.
DATE_BASES = ("text", "inherited", "publication")
# The event types of PLOVER, the coding scheme every event is coded in (Event.type).
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
                "ASSAULT")
ACTOR_KINDS = ("person", "country", "organisation", "group")
# PLOVER's and CAMEO's sector codes: government, military, rebels, insurgents, opposition, party,
# police, judiciary, legislature, intelligence, IGO, NGO, media, business, civilians, refugees,
# labour, education, health, religion, criminals, elites, agriculture, environment, unaligned armed.
SECTORS = ("GOV", "MIL", "REB", "INS", "OPP", "PTY", "COP", "JUD", "LEG", "SPY", "IGO", "NGO", "MED",
           "BUS", "CVL", "REF", "LAB", "EDU", "HLH", "REL", "CRM", "ELI", "AGR", "ENV", "UAF")
