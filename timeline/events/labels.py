"""Short readable labels ("Putin and Niinisto hold phone call", "Biden warns Putin of sanctions"),
and the topics of reported speech that sharpen a statement's type (a threat makes it a warning).
"""

from __future__ import annotations

import re

from timeline.actors.tables import KNOWN_ALIASES
from timeline.model import Actor

# (pattern over the content, type it gives a statement or None to keep it, topic for the label)
TOPICS: tuple[tuple[str, str | None, str], ...] = (
    (r"retaliat", "warning", "retaliation"),
    (r"respond militarily|act militarily|military (?:response|steps|action|means)|retaliat", "warning",
     "military response"),
    (r"(?:deploy|station)\w*[^.]{0,40}missiles", "warning", "missile deployment"),
    (r"sanctions", None, "sanctions"),
    (r"de-?escalat", None, "de-escalation"),
    (r"security guarantees|legal guarantees", None, "security guarantees"),
    (r"immediate\W{0,3}\s+(?:talks|negotiations)|talks|negotiations", None, "talks"),
    (r"could not comment|no comment|declined to comment", None, "no comment"),
    (r"invasion|invade", None, "invasion"),
    (r"drones|heavy weapons", None, "use of drones"),
)
_TOPICS = tuple((re.compile(p, re.IGNORECASE), t, topic) for p, t, topic in TOPICS)


def required_words(pattern: str) -> tuple[str, ...] | None:
    """Lower-case words one of which every match of ``pattern`` contains: per top-level alternative,
    its longest run of literal characters.  None when an alternative has none (or the pattern
    cannot be read): then the pattern has no cheap guard."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]  # the standard library's reading

        items = list(_parser.parse(pattern))
        alternatives = items[0][1][1] if len(items) == 1 and items[0][0] is _constants.BRANCH else [items]
        words = []
        for alternative in alternatives:
            best = run = ""
            for op, av in alternative:
                run = run + chr(av) if op is _constants.LITERAL else ""
                best = max(best, run, key=len)
            if not best:
                return None
            words.append(best.lower())
        return tuple(words)
    except Exception:  # noqa: BLE001 - a guard is an optimisation: without one, the pattern is tried
        return None


# A row is tried only when one of its words is in the content's lower case: most reported speech
# names no topic at all.  Exact unless the content has one of the four characters that match an
# ASCII letter case-insensitively without being one ("İ ı ſ K"; checked over all of Unicode by
# tests/test_events_fastpaths.py): then every row is tried.
_TOPIC_WORDS = tuple(required_words(p) for p, _t, _topic in TOPICS)
ASCII_LOOKALIKES = re.compile("[\u0130\u0131\u017f\u212a]")
STOP_TAIL = re.compile(
    r"\b(?:that|which|who|should|if|when|as|after|because|while|but|over|amid|in order)\b|[,;:.!?—(]",
    re.IGNORECASE,
)
LEADING_FILLER = frozenset("here however also earlier now then today still meanwhile".split())
DROP_AT_END = frozenset("the a an of to with and in on for its his her their from by made".split())
QUOTES = "“”\"‘’«»„"
_QUOTES_TO_SPACES = str.maketrans(dict.fromkeys(QUOTES, " "))
INNER_APOSTROPHE = re.compile(r"(?<=\w)[’'](?=\w)")
MEETING_NOUNS = {"phone call": "phone call", "talks": "talks", "meeting": "meeting",
                 "news conference": "news conference", "video conference": "video conference"}


def topic_of(content: str | None) -> tuple[str | None, str | None]:
    """(type override, topic) for a piece of reported speech."""
    if not content:
        return None, None
    low = None if ASCII_LOOKALIKES.search(content) else content.lower()
    for (pattern, type_, topic), words in zip(_TOPICS, _TOPIC_WORDS):
        if low is not None and words is not None and not any(w in low for w in words):
            continue
        if pattern.search(content):
            return type_, topic
    return None, None


MEDIA = frozenset({"RIA Novosti", "TASS", "Interfax", "La Repubblica", "AFP", "Reuters", "AP", "dpa",
                   "Bloomberg"})


SHORT_FORMS = {name: alias for alias, name in KNOWN_ALIASES}


def short_name(actor: Actor) -> str:
    if actor.name in SHORT_FORMS:
        return SHORT_FORMS[actor.name]
    if actor.category == "person":
        return actor.name.split()[-1]
    return actor.name


def tail(text: str | None, words: int = 5) -> str:
    """The first few words of a phrase, without quotes, cut before a new clause."""
    if not text:
        return ""
    cleaned = INNER_APOSTROPHE.sub("'", text).translate(_QUOTES_TO_SPACES)
    cleaned = " ".join(cleaned.split())
    m = STOP_TAIL.search(cleaned)
    if m and m.group() == "," and len(cleaned[: m.start()].split()) <= 3:  # "In this regard, I would ..."
        cleaned = cleaned[m.end() :].strip()
        m = STOP_TAIL.search(cleaned)
    if m:
        cleaned = cleaned[: m.start()]
    parts = cleaned.split()
    while parts and parts[0].lower() in LEADING_FILLER:
        parts.pop(0)
    parts = parts[:words]
    while parts and parts[-1].lower() in DROP_AT_END:
        parts.pop()
    return " ".join(parts)


def plural(verb: str) -> str:
    """"warns" -> "warn", "denies" -> "deny", "is expected" -> "are expected" (first word only)."""
    first, _, rest = verb.partition(" ")
    if first == "is":
        first = "are"
    elif first.endswith("ies"):
        first = first[:-3] + "y"
    elif first.endswith(("sses", "shes", "ches", "xes")):
        first = first[:-2]
    elif first.endswith("s") and not first.endswith("ss"):
        first = first[:-1]
    return f"{first} {rest}".strip()


def predicate_noun(rest: str | None) -> str:
    return "treaty"


def _join(names: list[str]) -> str:
    names = list(dict.fromkeys(names))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def label(*args, **kwargs) -> str:
    """The label with its first letter capitalised ("The West accuses Russia ...")."""
    text = _label(*args, **kwargs)
    return text[:1].upper() + text[1:]


def _label(
    predicate: str, type_: str, say: str, agents: list[Actor], others: list[Actor], rest: str | None,
    topic: str | None, place: str | None,
) -> str:
    """``rest``: what the trigger reports or acts on (its content, else the words after its object)."""
    agent_names = [short_name(a) for a in agents]
    other_names = [short_name(a) for a in others if short_name(a) not in agent_names and a.name not in MEDIA]
    if type_ == "meeting":
        noun = MEETING_NOUNS.get(predicate, predicate)
        names = _join(agent_names + other_names)
        count = len(agent_names + other_names)
        if predicate in ("meet", "speak"):
            return f"{names} {say if count > 1 else predicate + 's'}"
        if not names:
            where = f" in {place}" if place else ""
            return f"{noun[0].upper()}{noun[1:]}{where}"
        return f"{names} {'hold' if count > 1 else 'holds'} {noun}"
    if not agent_names and type_ == "agreement":
        return f"{_join(other_names)} agree {predicate_noun(rest)}".strip()
    subject = _join(agent_names) or "Someone"
    if len(agent_names) > 1:
        say = plural(say)
    obj = _join(other_names)
    if type_ == "warning" and topic and predicate != "alarm":
        if predicate in ("vow", "threaten"):
            return " ".join(x for x in (subject, say, topic) if x)
        verb = "warns" if predicate in ("say", "tell", "add", "warn", "statement") else say
        return " ".join(x for x in (subject, verb, obj, f"of {topic}") if x)
    if predicate == "statement":
        return f"{subject} issues statement" + (f" on {topic}" if topic else "")
    speech = type_ in ("statement", "denial", "appeal", "demand", "warning", "accusation")
    if obj and not speech:
        return f"{subject} {say} {obj}"
    if not obj and say.endswith(" on"):
        say = say[:-3]
    return " ".join(x for x in (subject, say, obj, tail(rest, 5 if speech else 3)) if x)
