"""One readable line per fused event: "Subrahmanyam Jaishankar (IND) met Mohammad Haneef Atmar (AFG) in Dushanbe".

`summarize` writes it in four steps:
1. Choose the phrase: the mode's row (TYPED_PHRASES before PHRASES, for modes whose words depend
   on the type); a refusal, threat or pledge of another type's act wraps that act (WRAPPERS); a
   mode no row knows reads the trigger's own clause when it can, else its type's row.
2. Choose the voice: with a doer, the active (its `alone` form when there is no target); with
   none, the passive (its `bare` form when there is no target either). A doer is never invented.
3. Bend the verb for the status (ACTIVE_FORMS, PASSIVE_FORMS), agreeing with a plural subject.
4. Fill in the names and the place; a sentence starts with a capital letter.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from dateline.model import Actor, Location


class Phrase(NamedTuple):
    """How one kind of act reads. "{t}" stands for the target; "was"/"were" is the passive's
    auxiliary, which the status bends ("is to be", "was reportedly", "was not", "may be")."""

    past: str  # active, simple past; the target follows: "held talks with"
    base: str  # active, bare infinitive, for "is to", "did not", "may": "hold talks with"
    passive: str  # no doer: "Talks were held with {t}"
    # (past, base) with no target, where the verb would otherwise dangle ("met" -> "held a
    # meeting"); by default the phrase less its last preposition ("held talks with" -> "held talks").
    alone: tuple[str, str] | None = None
    # No doer and no target, where `passive` makes the target its subject ("{t} was attacked");
    # by default `passive` less its closing "with {t}".
    bare: str | None = None


# mode -> phrase: every mode the trigger lexicon (analyze/lexicon/event_triggers.json) and the
# event coder produce. tests/fuse/test_summary.py checks each reads as English in every form.
PHRASES: dict[str, Phrase] = {
    # CONSULT
    "meet": Phrase("met", "meet", "A meeting was held with {t}", ("held a meeting", "hold a meeting")),
    "talks": Phrase("held talks with", "hold talks with", "Talks were held with {t}"),
    "call": Phrase("spoke with", "speak with", "A phone call was made to {t}",
                   ("made a phone call", "make a phone call")),
    "visit": Phrase("visited", "visit", "A visit was paid to {t}", ("paid a visit", "pay a visit")),
    "host": Phrase("hosted", "host", "{t} was hosted", ("received a delegation", "receive a delegation"),
                   "A delegation was received"),
    "mediate": Phrase("mediated talks with", "mediate talks with", "Talks were mediated with {t}"),
    "negotiate": Phrase("negotiated with", "negotiate with", "Negotiations were held with {t}"),
    "consult": Phrase("consulted", "consult", "{t} was consulted", ("held consultations", "hold consultations"),
                      "Consultations were held"),
    # AGREE
    "agree": Phrase("agreed with", "agree with", "An agreement was reached with {t}",
                    ("reached an agreement", "reach an agreement")),
    "offer": Phrase("made an offer to", "make an offer to", "An offer was made to {t}"),
    "promise": Phrase("made a pledge to", "make a pledge to", "A pledge was made to {t}"),
    "reach_agreement": Phrase("reached an agreement with", "reach an agreement with",
                              "An agreement was reached with {t}"),
    "accept": Phrase("accepted a proposal from", "accept a proposal from", "A proposal from {t} was accepted",
                     bare="A proposal was accepted"),
    "assurance": Phrase("gave assurances to", "give assurances to", "Assurances were given to {t}"),
    # SUPPORT
    "praise": Phrase("praised", "praise", "{t} was praised", ("expressed praise", "express praise"),
                     "Praise was expressed"),
    "support": Phrase("backed", "back", "{t} was backed", ("expressed support", "express support"),
                      "Support was expressed"),
    "sign": Phrase("signed an agreement with", "sign an agreement with", "An agreement was signed with {t}"),
    "recognize": Phrase("recognized", "recognize", "{t} was recognized", ("granted recognition", "grant recognition"),
                        "Recognition was granted"),
    "ties": Phrase("improved ties with", "improve ties with", "Ties were improved with {t}"),
    "defend": Phrase("defended", "defend", "{t} was defended", ("defended its position", "defend its position"),
                     "A position was defended"),
    "apologize": Phrase("apologized to", "apologize to", "An apology was made to {t}"),
    "forgive": Phrase("forgave", "forgive", "{t} was forgiven", ("offered forgiveness", "offer forgiveness"),
                      "Forgiveness was offered"),
    "appoint": Phrase("appointed", "appoint", "{t} was appointed", ("made an appointment", "make an appointment"),
                      "An appointment was made"),
    # COOPERATE
    "cooperate": Phrase("cooperated with", "cooperate with", "Cooperation was extended to {t}"),
    "reopen": Phrase("reopened its mission in", "reopen its mission in", "A mission in {t} was reopened",
                     bare="A mission was reopened"),
    "share_information": Phrase("shared information with", "share information with", "Information was shared with {t}"),
    "extradite": Phrase("extradited suspects to", "extradite suspects to", "Suspects were extradited to {t}"),
    "joint_exercise": Phrase("held joint exercises with", "hold joint exercises with",
                             "Joint exercises were held with {t}"),
    "train": Phrase("provided military training to", "provide military training to",
                    "Military training was provided to {t}"),
    # AID
    "aid": Phrase("sent aid to", "send aid to", "Aid was sent to {t}"),
    "economic_aid": Phrase("gave economic aid to", "give economic aid to", "Economic aid was given to {t}"),
    "military_aid": Phrase("sent military aid to", "send military aid to", "Military aid was sent to {t}"),
    "humanitarian_aid": Phrase("sent humanitarian aid to", "send humanitarian aid to",
                               "Humanitarian aid was sent to {t}"),
    "peacekeeping": Phrase("sent peacekeepers to", "send peacekeepers to", "Peacekeepers were sent to {t}"),
    "asylum": Phrase("granted asylum to", "grant asylum to", "Asylum was granted to {t}"),
    # CONCEDE
    "yield": Phrase("yielded to", "yield to", "Concessions were made to {t}"),
    "accept_demand": Phrase("accepted demands from", "accept demands from", "Demands from {t} were accepted",
                            bare="Demands were accepted"),
    "ease_restrictions": Phrase("eased restrictions on", "ease restrictions on", "Restrictions on {t} were eased",
                                bare="Restrictions were eased"),
    "allow": Phrase("granted permission to", "grant permission to", "Permission was granted to {t}"),
    "call_off": Phrase("called off a protest against", "call off a protest against",
                       "A protest against {t} was called off", bare="A protest was called off"),
    # RETREAT
    "access": Phrase("granted access to", "grant access to", "Access was granted to {t}"),
    "evacuate": Phrase("evacuated staff from", "evacuate staff from", "Staff were evacuated from {t}"),
    "withdraw": Phrase("withdrew from", "withdraw from", "Forces were withdrawn from {t}"),
    "close": Phrase("closed its mission in", "close its mission in", "A mission in {t} was closed",
                    bare="A mission was closed"),
    "ease_curfew": Phrase("eased a curfew in", "ease a curfew in", "A curfew in {t} was eased", bare="A curfew was eased"),
    "ease_emergency": Phrase("lifted a state of emergency in", "lift a state of emergency in",
                             "A state of emergency in {t} was lifted", bare="A state of emergency was lifted"),
    "ease_sanctions": Phrase("eased sanctions on", "ease sanctions on", "Sanctions on {t} were eased",
                             bare="Sanctions were eased"),
    "ease_blockade": Phrase("eased a blockade of", "ease a blockade of", "A blockade of {t} was eased",
                            bare="A blockade was eased"),
    "release": Phrase("released prisoners from", "release prisoners from", "Prisoners from {t} were released",
                      bare="Prisoners were released"),
    "return_property": Phrase("returned property to", "return property to", "Property was returned to {t}"),
    "compensate": Phrase("paid compensation to", "pay compensation to", "Compensation was paid to {t}"),
    "ceasefire": Phrase("declared a ceasefire with", "declare a ceasefire with", "A ceasefire was declared with {t}"),
    "disarm": Phrase("disarmed", "disarm", "{t} was disarmed", ("disbanded its forces", "disband its forces"),
                     "Forces were disbanded"),
    "surrender": Phrase("surrendered to", "surrender to", "Arms were surrendered to {t}"),
    "resign": Phrase("resigned from", "resign from", "A resignation from {t} was announced",
                     bare="A resignation was announced"),
    # REQUEST
    "urge": Phrase("urged", "urge", "An appeal was made to {t}", ("made an appeal", "make an appeal")),
    "demand": Phrase("made demands of", "make demands of", "Demands were made of {t}"),
    # ACCUSE
    "accuse": Phrase("accused", "accuse", "{t} was accused", ("made accusations", "make accusations"),
                     "Accusations were made"),
    "allege": Phrase("presented evidence against", "present evidence against", "Evidence was presented against {t}"),
    "condemn": Phrase("condemned", "condemn", "{t} was condemned", ("issued a condemnation", "issue a condemnation"),
                      "A condemnation was issued"),
    "criticize": Phrase("criticized", "criticize", "{t} was criticized", ("voiced criticism", "voice criticism"),
                        "Criticism was voiced"),
    "disapprove": Phrase("objected to", "object to", "Objections were raised to {t}"),
    "investigate": Phrase("investigated", "investigate", "{t} was investigated",
                          ("opened an investigation", "open an investigation"), "An investigation was opened"),
    "complain": Phrase("lodged a complaint against", "lodge a complaint against", "A complaint was lodged against {t}"),
    "summon": Phrase("summoned the envoy of", "summon the envoy of", "The envoy of {t} was summoned",
                     bare="An envoy was summoned"),
    "sue": Phrase("sued", "sue", "{t} was sued", ("filed a lawsuit", "file a lawsuit"), "A lawsuit was filed"),
    "indict": Phrase("charged", "charge", "{t} was charged", ("brought charges", "bring charges"),
                     "Charges were brought"),
    # REJECT
    "reject": Phrase("rejected", "reject", "{t} was rebuffed", ("rejected a proposal", "reject a proposal"),
                     "A proposal was rejected"),
    "deny": Phrase("denied claims by", "deny claims by", "Claims by {t} were denied", bare="Claims were denied"),
    "rule_out": Phrase("turned down", "turn down", "{t} was turned down",
                       ("turned down a proposal", "turn down a proposal"), "A proposal was turned down"),
    "veto": Phrase("vetoed a proposal by", "veto a proposal by", "A proposal by {t} was vetoed",
                   bare="A proposal was vetoed"),
    "postpone": Phrase("postponed a meeting with", "postpone a meeting with", "A meeting with {t} was postponed",
                       bare="A meeting was postponed"),
    "defy": Phrase("defied", "defy", "{t} was defied", ("defied an order", "defy an order"), "An order was defied"),
    # THREATEN
    "threaten": Phrase("threatened", "threaten", "{t} was threatened", ("issued a threat", "issue a threat"),
                       "A threat was issued"),
    "warn": Phrase("warned", "warn", "{t} was warned", ("issued a warning", "issue a warning"), "A warning was issued"),
    "ultimatum": Phrase("issued an ultimatum to", "issue an ultimatum to", "An ultimatum was issued to {t}"),
    # PROTEST
    "protest": Phrase("rallied against", "rally against", "A protest was held against {t}"),
    "hunger_strike": Phrase("went on hunger strike against", "go on hunger strike against",
                            "A hunger strike was held against {t}"),
    "strike": Phrase("went on strike against", "go on strike against", "A strike was held against {t}"),
    "riot": Phrase("rioted against", "riot against", "Riots were staged against {t}"),
    "obstruct": Phrase("blocked roads in protest against", "block roads in protest against",
                       "Roads were blocked in protest against {t}", bare="Roads were blocked in protest"),
    # MOBILIZE
    "deploy": Phrase("deployed forces against", "deploy forces against", "Forces were deployed against {t}"),
    "alert": Phrase("put forces on alert against", "put forces on alert against", "Forces were put on alert against {t}"),
    "troops": Phrase("massed troops against", "mass troops against", "Troops were massed against {t}"),
    "police": Phrase("deployed police against", "deploy police against", "Police were deployed against {t}"),
    # SANCTION
    "expel": Phrase("expelled", "expel", "{t} was expelled", ("carried out expulsions", "carry out expulsions"),
                    "Expulsions were carried out"),
    "break_ties": Phrase("cut ties with", "cut ties with", "Ties with {t} were cut", bare="Ties were cut"),
    "cut_aid": Phrase("cut aid to", "cut aid to", "Aid to {t} was cut", bare="Aid was cut"),
    "halt_talks": Phrase("halted talks with", "halt talks with", "Talks with {t} were halted", bare="Talks were halted"),
    # COERCE
    "sanction": Phrase("imposed sanctions on", "impose sanctions on", "Sanctions were imposed on {t}"),
    "restrict": Phrase("imposed restrictions on", "impose restrictions on", "Restrictions were imposed on {t}"),
    "ban": Phrase("banned", "ban", "{t} was banned", ("imposed a ban", "impose a ban"), "A ban was imposed"),
    "curfew": Phrase("imposed a curfew on", "impose a curfew on", "A curfew was imposed on {t}"),
    "martial-law": Phrase("declared martial law in", "declare martial law in", "Martial law was declared in {t}"),
    "arrest": Phrase("arrested", "arrest", "{t} was arrested", ("made arrests", "make arrests"), "Arrests were made"),
    "deport": Phrase("deported", "deport", "{t} was deported", ("carried out deportations", "carry out deportations"),
                     "Deportations were carried out"),
    "blockade": Phrase("blockaded", "blockade", "{t} was blockaded", ("imposed a blockade", "impose a blockade"),
                       "A blockade was imposed"),
    "occupy": Phrase("occupied", "occupy", "{t} was occupied", ("occupied territory", "occupy territory"),
                     "Territory was occupied"),
    # ASSAULT
    "attack": Phrase("attacked", "attack", "{t} was attacked", ("carried out an attack", "carry out an attack"),
                     "An attack was carried out"),
    "kill": Phrase("killed", "kill", "{t} was killed", ("carried out killings", "carry out killings"),
                   "Killings were carried out"),
    "seize": Phrase("seized", "seize", "{t} was seized", ("seized territory", "seize territory"),
                    "Territory was seized"),
    "destroy_property": Phrase("destroyed property of", "destroy property of", "Property of {t} was destroyed",
                               bare="Property was destroyed"),
    "repress": Phrase("cracked down on", "crack down on", "A crackdown was carried out on {t}"),
    "crack_down": Phrase("cracked down on", "crack down on", "A crackdown was carried out on {t}"),
    "abduct": Phrase("abducted", "abduct", "{t} was abducted", ("took hostages", "take hostages"),
                     "Hostages were taken"),
    "beat": Phrase("beat", "beat", "{t} was beaten", ("carried out beatings", "carry out beatings"),
                   "Beatings were carried out"),
    "torture": Phrase("tortured", "torture", "{t} was tortured", ("used torture", "use torture"), "Torture was used"),
    "explosives": Phrase("bombed", "bomb", "{t} was bombed", ("carried out a bombing", "carry out a bombing"),
                         "A bombing was carried out"),
    "assassinate": Phrase("assassinated", "assassinate", "{t} was assassinated",
                          ("carried out an assassination", "carry out an assassination"),
                          "An assassination was carried out"),
    "fight": Phrase("clashed with", "clash with", "A battle was fought against {t}"),
    "firearms": Phrase("opened fire on", "open fire on", "Shots were fired at {t}"),
    "heavy-weapons": Phrase("bombarded", "bombard", "{t} was bombarded",
                            ("carried out a bombardment", "carry out a bombardment"), "A bombardment was carried out"),
    "violate_ceasefire": Phrase("violated a ceasefire with", "violate a ceasefire with",
                                "A ceasefire with {t} was violated", bare="A ceasefire was violated"),
    "massacre": Phrase("massacred", "massacre", "{t} was massacred", ("carried out a massacre", "carry out a massacre"),
                       "A massacre was carried out"),
    "cleansing": Phrase("carried out ethnic cleansing against", "carry out ethnic cleansing against",
                        "Ethnic cleansing was carried out against {t}"),
}

# Modes the lexicon files under two types with different acts: asking for asylum is not granting
# it, confiscating goods (COERCE) is not capturing a town (ASSAULT), recalling an envoy (SANCTION)
# is not a retreat.
TYPED_PHRASES: dict[tuple[str, str], Phrase] = {
    ("REQUEST", "asylum"): Phrase("sought asylum in", "seek asylum in", "Asylum was sought in {t}"),
    ("COERCE", "seize"): Phrase("confiscated property of", "confiscate property of", "Property of {t} was confiscated",
                                bare="Property was confiscated"),
    ("SANCTION", "withdraw"): Phrase("withdrew its staff from", "withdraw its staff from", "Staff were withdrawn from {t}"),
}

# A mode the table does not know (a user's lexicon, an older database) reads as its PLOVER type.
TYPE_PHRASES: dict[str, Phrase] = {
    "AGREE": PHRASES["reach_agreement"],
    "CONSULT": PHRASES["consult"],
    "SUPPORT": Phrase("expressed support for", "express support for", "Support was expressed for {t}"),
    "CONCEDE": Phrase("made concessions to", "make concessions to", "Concessions were made to {t}"),
    "COOPERATE": PHRASES["cooperate"],
    "AID": PHRASES["aid"],
    "RETREAT": PHRASES["withdraw"],
    "REQUEST": Phrase("made a request to", "make a request to", "A request was made to {t}"),
    "ACCUSE": PHRASES["accuse"],
    "REJECT": PHRASES["reject"],
    "THREATEN": PHRASES["threaten"],
    "PROTEST": PHRASES["protest"],
    "SANCTION": Phrase("downgraded relations with", "downgrade relations with", "Relations with {t} were downgraded",
                       bare="Relations were downgraded"),
    "MOBILIZE": Phrase("mobilized forces against", "mobilize forces against", "Forces were mobilized against {t}"),
    "COERCE": PHRASES["restrict"],
    "ASSAULT": PHRASES["attack"],
}
# Not a PLOVER type at all: still a sentence.
UNKNOWN_TYPE = Phrase("took action against", "take action against", "Action was taken against {t}")


class Wrapper(NamedTuple):
    """An act refused, threatened or pledged: the coder files "refused to meet" under REJECT and
    "threatened to attack" under THREATEN, keeping the mode of the act itself ("meet", "attack")."""

    past: str
    base: str
    passive: str  # "{act}" is the act's base form with its target
    own_modes: frozenset[str]  # the type's own acts, which need no wrapping


WRAPPERS: dict[str, Wrapper] = {
    "REJECT": Wrapper("refused to", "refuse to", "A proposal to {act} was rejected",
                      frozenset({"reject", "deny", "rule_out", "veto", "postpone", "defy"})),
    "THREATEN": Wrapper("threatened to", "threaten to", "A threat was made to {act}",
                        frozenset({"threaten", "warn", "ultimatum"})),
    "AGREE": Wrapper("pledged to", "pledge to", "A pledge was made to {act}",
                     frozenset({"agree", "offer", "promise", "reach_agreement", "accept", "assurance"})),
}

# status -> the active verb, for a singular and a plural doer.
ACTIVE_FORMS: dict[str, tuple[str, str]] = {
    "occurred": ("{past}", "{past}"),
    "planned": ("is to {base}", "are to {base}"),
    "claimed": ("reportedly {past}", "reportedly {past}"),
    "denied": ("did not {base}", "did not {base}"),
    "conditional": ("may {base}", "may {base}"),
}
# status -> what the passive's "was" and "were" become.
PASSIVE_FORMS: dict[str, tuple[str, str]] = {
    "occurred": ("was", "were"),
    "planned": ("is to be", "are to be"),
    "claimed": ("was reportedly", "were reportedly"),
    "denied": ("was not", "were not"),
    "conditional": ("may be", "may be"),
}

# Modes whose place is where the act goes ("visited Dushanbe", "evacuated staff from Kandahar"):
# with no target, the place takes the target's slot.
PLACE_MODES = frozenset({"visit", "evacuate", "withdraw", "close", "reopen"})
# Modes whose target is people: a country there stands for its people ("killed people from India").
PEOPLE_MODES = frozenset({"kill", "abduct", "beat", "torture", "assassinate", "massacre", "arrest", "deport"})

PREPOSITIONS = frozenset({"with", "to", "from", "in", "of", "against", "on", "for", "at", "by", "about", "over",
                          "into", "upon"})
# A group's last word ending so is a plural noun ("Houthis", "Afghan civilians"); a name that only
# ends in s ("Hamas", "Abu Sayyaf" does not) or an acronym ("BRICS") stays singular.
_SINGULAR_ENDINGS = ("ss", "us", "as")


def actor_label(actor: Actor) -> str:
    """"name (COUNTRY)" for people and organisations with a country; a country is just its name."""
    if actor.country and actor.kind != "country":
        return f"{actor.name} ({actor.country})"
    return actor.name


def is_plural(actor: Actor) -> bool:
    """Whether a verb agrees with the actor as with a plural: only groups named by a plural noun."""
    last = actor.name.split()[-1] if actor.name.split() else ""
    return (actor.kind == "group" and last.endswith("s") and not last.isupper()
            and not last.lower().endswith(_SINGULAR_ENDINGS))


def choose_phrase(type_: str, mode: str) -> tuple[Phrase, bool]:
    """The phrase for a type and mode, and whether it wraps another type's act (see WRAPPERS)."""
    phrase = TYPED_PHRASES.get((type_, mode)) or PHRASES.get(mode)
    if phrase is None:
        return TYPE_PHRASES.get(type_, UNKNOWN_TYPE), False
    wrapper = WRAPPERS.get(type_)
    if wrapper is None or mode in wrapper.own_modes:
        return phrase, False
    return _wrapped(wrapper, phrase), True


def _wrapped(wrapper: Wrapper, act: Phrase) -> Phrase:
    alone = act.alone[1] if act.alone else _drop_trailing_preposition(act.base)
    return Phrase(f"{wrapper.past} {act.base}", f"{wrapper.base} {act.base}",
                  wrapper.passive.replace("{act}", f"{act.base} {{t}}"),
                  (f"{wrapper.past} {alone}", f"{wrapper.base} {alone}"), wrapper.passive.replace("{act}", alone))


def _drop_trailing_preposition(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    return head if head and last in PREPOSITIONS else phrase


def active_clause(phrase: Phrase, status: str, doer: str, plural: bool, target: str | None) -> str:
    """"India is to hold talks with Pakistan"; with no target, the phrase that reads alone."""
    if target is None:
        past, base = phrase.alone or (_drop_trailing_preposition(phrase.past), _drop_trailing_preposition(phrase.base))
    else:
        past, base = phrase.past, phrase.base
    verb = ACTIVE_FORMS.get(status, ACTIVE_FORMS["occurred"])[plural].format(past=past, base=base)
    if plural:
        verb = re.sub(r"\bits\b", "their", verb)
    return " ".join(part for part in (doer, verb, target) if part)


def passive_clause(phrase: Phrase, status: str, target: str | None, plural: bool) -> str:
    """"Kabul was attacked", "Talks are to be held with Taliban (AFG)", "An attack was carried out"."""
    if target is None:
        template = phrase.bare or re.sub(r" (\S+) \{t\}$", "", phrase.passive)
    else:
        template = phrase.passive
    # No doer owns the act: "A threat was made to close the mission in India", not "its mission".
    template = re.sub(r"\bits\b", "the", template)
    if plural and template.startswith("{t} was "):  # the target is the subject: "Houthis were attacked"
        template = "{t} were " + template[len("{t} was "):]
    singular, many = PASSIVE_FORMS.get(status, PASSIVE_FORMS["occurred"])
    template = re.sub(r"\b(was|were)\b", lambda m: singular if m[1] == "was" else many, template, count=1)
    return template.replace("{t}", target or "")


# Where a news sentence breaks into clauses; the event's own clause lies between two breaks.
_CLAUSE_BREAKS = re.compile(r"[;:,()\[\]\"“”]|\s[-–—]\s")
# A longer clause carries more than one happening, and a template reads better; set by reading
# the sample corpus, not calibrated.
MAX_CLAUSE_WORDS = 20


def own_clause(source: Actor, target: Actor | None, trigger: str, sentence_text: str) -> str | None:
    """The event's own words for a mode no phrase knows: the clause holding the trigger, from the
    doer's name on ("Hafez al-Assad (SYR) mobilized two brigades near Quneitra"), when it names the
    doer before the trigger, the target after it, and something follows the trigger."""
    for clause in _CLAUSE_BREAKS.split(sentence_text):
        found = re.search(rf"(?<!\w){re.escape(trigger)}(?!\w)", clause)
        if found is None or not clause[found.end():].strip(" .!?"):
            continue
        doer = _named(source, clause, 0, found.start())
        done_to = _named(target, clause, found.end(), len(clause)) if target else None
        if doer is None or (target is not None and done_to is None):
            continue
        words = clause[doer.start():].strip().rstrip(".!?").strip()
        if len(words.split()) > MAX_CLAUSE_WORDS:
            return None
        for actor, name in ((target, done_to), (source, doer)):
            if actor is not None and actor.kind != "country":  # a country's own word ("Indian") reads better
                words = words.replace(name[0], actor_label(actor), 1)
        return _capitalized(words)
    return None


def _named(actor: Actor, clause: str, start: int, end: int) -> re.Match | None:
    """Where the clause names the actor between start and end; a possessive ("Syria's army") names
    something else."""
    for name in (actor.name, *actor.aliases):
        found = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)(?!['’]s)").search(clause, start, end)
        if found is not None:
            return found
    return None


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def summarize(type_: str, mode: str, status: str, source: Actor | None, target: Actor | None,
              location: Location | None = None, *, trigger: str | None = None,
              sentence_text: str | None = None) -> str:
    """One sentence for an event; `trigger` and `sentence_text` (the lead report's) are read only
    for a mode no phrase knows, and only for an event that occurred: a claim or plan may be marked
    outside the clause."""
    known = mode in PHRASES or (type_, mode) in TYPED_PHRASES
    if not known and status == "occurred" and source is not None and trigger and sentence_text:
        words = own_clause(source, target, trigger, sentence_text)
        if words is not None:
            return words
    phrase, wraps = choose_phrase(type_, mode)
    if wraps and status in ("planned", "conditional"):
        status = "occurred"  # the status is the wrapped act's; the refusal, threat or pledge was made
    done_to, done_to_plural = _target_label(target, mode)
    place = location.name if location is not None and location.name else None
    if place in {actor.name for actor in (source, target) if actor is not None}:
        place = None
    if target is None and mode in PLACE_MODES and place:
        done_to, place = place, None
    if source is None:
        sentence = passive_clause(phrase, status, done_to, done_to_plural)
    else:
        sentence = active_clause(phrase, status, actor_label(source), is_plural(source), done_to)
    if place:
        sentence = f"{sentence} in {place}"
    return _capitalized(sentence)


def _target_label(target: Actor | None, mode: str) -> tuple[str | None, bool]:
    if target is None:
        return None, False
    if mode in PEOPLE_MODES and target.kind == "country":
        return f"people from {target.name}", True
    return actor_label(target), is_plural(target)
