"""Short readable labels ("Putin and Niinisto hold phone call", "Biden warns Putin of sanctions"),
and the topics of reported speech that sharpen a statement's type (a threat makes it a warning).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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
    (r"security (?:proposals|demands)", None, "security proposals"),
    (r"join\w* NATO|NATO membership", None, "NATO membership"),
    (r"NATO expansion|NATO\W?s eastward expansion|expand eastward", None, "NATO expansion"),
    (r"discussion|discuss", None, "talks"),
    (r"weapons|rifles|arms supplies", None, "weapons"),
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
_TOPIC_GUARDS = tuple((k, w) for k, words in enumerate(_TOPIC_WORDS) if words for w in words)  # (row, word)
_UNGUARDED = frozenset(k for k, words in enumerate(_TOPIC_WORDS) if words is None)


def literal_trie(words: Iterable[str]) -> str:
    """A regex for any of ``words`` as a trie (one branch per first character: at a place the regex
    engine follows one branch instead of trying every word); a word that continues a shorter one is
    left out (the shorter one matches there already)."""
    tails: dict[str, set[str]] = {}
    for word in words:
        tails.setdefault(word[0], set()).add(word[1:])
    return "|".join(re.escape(c) if "" in rest else re.escape(c) + f"(?:{literal_trie(rest)})"
                    for c, rest in sorted(tails.items()))


_ANY_GUARD = re.compile(literal_trie({w for _k, w in _TOPIC_GUARDS}))  # one test for "no row's word"
_ONLY_UNGUARDED = sorted(_UNGUARDED)
_ALNUM = re.compile(r"[^\W_]")  # str.isalnum (\w is exactly it and the underscore)
ASCII_LOOKALIKES = re.compile("[\u0130\u0131\u017f\u212a]")
# ---- phrases: where reported content may be cut --------------------------------------------------
# A clause ends at a relative or subordinating word, or at punctuation (not the comma inside "1,000";
# "should" only when it opens an inverted condition: "should Russia attack").
STOP_TAIL = re.compile(
    r"\b(?:that|which|who|if|when|as|after|because|while|but|over|amid|in order)\b"
    r"|\bshould(?=\s+(?:[A-Z]|the\b|a\b|an\b))|(?<!\d),|,(?!\d)|[;:.!?—(\[]"
)
# STOP_TAIL's places (only where a match starts is read), written so that every alternative begins
# with a literal character: the regex engine then skips to those characters instead of trying every
# alternative at every place.  (``\b`` before a word's first letter: no word character before it.)
_STOP_TAIL = re.compile(
    r"t(?<!\wt)hat\b|w(?<!\ww)(?:hich|ho|hen|hile)\b|i(?<!\wi)(?:f|n order)\b|a(?<!\wa)(?:s|fter|mid)\b"
    r"|b(?<!\wb)(?:ecause|ut)\b|o(?<!\wo)ver\b|s(?<!\ws)hould(?=\s+(?:[A-Z]|the\b|a\b|an\b))"
    r"|,(?:(?<!\d,)|(?!\d))|;|:|\.|!|\?|—|\(|\["
)
LEADING_FILLER = frozenset("here however also earlier now then today still meanwhile yet so".split())
# Adverbs that only pad a headline ("Russia says it is also concerned"); words in -ly go too (below).
FILLER_ADVERBS = frozenset("also still yet just even already again once very really clearly recently now then "
                           "further constantly increasingly immediately".split())
NOT_ADVERBS = frozenset("ally rally family supply assembly anomaly monopoly italy july multiply comply reply apply "
                        "rely imply daily weekly monthly yearly friendly elderly only early likely unlikely holy "
                        "fly belly bully jelly lily deadly costly timely lovely lively lonely orderly "
                        "scholarly worldly bodily ghastly heavenly neighborly neighbourly sickly stately ugly "
                        "silly chilly".split())
ARTICLES = frozenset("the a an".split())
PREPOSITIONS = frozenset("of to with in on for from by at about against into onto during since until till before "
                         "after toward towards between within without through across under over amid despite via "
                         "like than per upon among along around beyond".split())
CONJUNCTIONS = frozenset("and or but nor so yet as".split())
RELATIVES = frozenset("that which who whom whose where when while if because unless whether".split())
COPULAS = frozenset("is are was were be been being am".split())
AUXILIARIES = COPULAS | frozenset("has have had do does did will would can could shall should may might must "
                                  "won't can't don't doesn't didn't isn't wasn't".split())
PRONOUNS = frozenset("i we you he she it they me us him her them its his their our my your this these those "
                     "there such some any each every all no another other".split())
FIRST_PERSON = frozenset("i we us our ours my me mine myself ourselves".split())
FUNCTION_WORDS = ARTICLES | PREPOSITIONS | CONJUNCTIONS | RELATIVES | AUXILIARIES | PRONOUNS | {"not"}
# A label never ends on these (nor on a possessive): they promise words that were cut.
BAD_END = FUNCTION_WORDS | FILLER_ADVERBS | frozenset("made more most less least".split())
_BOUNDARIES = PREPOSITIONS | CONJUNCTIONS | RELATIVES  # a next word that may follow a cut (or -ing, -ed)
# Nouns whose meaning waits for "to ..." ("the necessity | to provide", "aspirations | to join").
TO_NOUNS = frozenset("willingness necessity need needs aspiration aspirations determination decision plan plans "
                     "attempt attempts effort efforts readiness intention intentions right ability refusal failure "
                     "bid commitment desire promise pledge threat move call calls demand demands resolve chance "
                     "opportunity way time order".split())
# Words that wait for "to ...": a label never ends on them ("image continues | to call", "is willing | to").
TO_VERBS = frozenset("continue continues want wants wanted need needs hope hopes hoped plan plans planned seek seeks "
                     "try tries tried intend intends fail fails refuse refuses agree agrees decide decides threaten "
                     "threatens vow vows aim aims expect expects appear appears seem seems begin begins start starts "
                     "wish wishes prepare prepares ready able willing going likely unlikely due set forced".split())
# Reporting verbs whose content is a clause: a bare noun phrase after them reads as a cut.
CLAUSE_VERBS = frozenset("says tells adds stresses claims warns insists argues notes explains emphasizes "
                         "emphasises believes reports writes thinks articulates said".split())
ADDRESSEE = re.compile(r"(?:(?:the|a|an)\s+)?(?:press briefing|press conference|news conference|news agency|"
                       r"reporters|journalists|lawmakers|legislators|parliament|press|state television|"
                       r"television|radio|newspaper|students|supporters)\b", re.IGNORECASE)
# First-person frames of a quote: "I would like to stress that ..." says nothing; "Our aim is to ..." is an aim.
SPEECH_FRAME = re.compile(
    r"(?:I|we)\s+(?:(?:would\s+like|want|wish|have|need)\s+to\s+|must\s+|should\s+)?"
    r"(?:stress|say|note|emphasi[sz]e|repeat|underline|point\s+out|add|reiterate|recall)(?:\s+that)?\s+",
    re.IGNORECASE,
)
AIM_FRAME = re.compile(
    r"(?:our|my)\s+(?:aim|goal|objective|intention|task|priority|purpose|mission)\s+is\s+(?=to\s)", re.IGNORECASE)
WORDS_PREFERRED = 5  # a chunk this long is enough ...
WORDS_AT_MOST = 9  # ... a longer one only when no shorter one ends well
MAX_CHARS = 60
QUOTES = "“”\"‘’«»„"
_QUOTES_TO_SPACES = str.maketrans(dict.fromkeys(QUOTES, " "))
INNER_APOSTROPHE = re.compile(r"(?<=\w)[’'](?=\w)")
_INNER_APOSTROPHE = re.compile(r"[’'](?<=\w[’'])(?=\w)")  # the same matches, found from the mark
COMMA = re.compile(r"(?<!\d),|,(?!\d)")
_COMMA = re.compile(r",(?:(?<!\d,)|(?!\d))")  # the same matches, found from the comma
SUBORDINATORS = frozenset("once if when although though while because unless whereas since after before as".split())
WAITING_PREPOSITIONS = frozenset("to on about at of for upon into from".split())
REMNANT = re.compile(r"'s?")  # "a focus of 's talks": the possessive of a date that was left out
POSSESSIVE = re.compile(r"(?:'s|s')$", re.IGNORECASE)
# POSSESSIVE.search of a word (no whitespace: "$" is its end): "s" ignoring case is "s", "S" or "ſ"
POSSESSIVE_ENDS = ("'s", "'S", "'ſ", "s'", "S'", "ſ'")
# Phrases for a topic when the content itself cannot be cut well: by predicate, "{obj}" the addressee.
TOPIC_VERBS = {"tell": "tells {obj} about", "warn": "warns {obj} over", "call": "calls for", "urge": "urges {obj} on",
               "demand": "demands"}
TOPIC_PHRASES = {"no comment": "declines to comment"}
# What a speaker does when nothing of the content survives (a quote in the first person, a relative gap).
FALLBACK = {"statement": "makes statement", "denial": "issues denial", "warning": "issues warning",
            "accusation": "makes accusation", "appeal": "makes appeal", "demand": "makes demands"}
MEETING_NOUNS = {"phone call": "phone call", "talks": "talks", "meeting": "meeting",
                 "news conference": "news conference", "video conference": "video conference"}


def topic_of(content: str | None) -> tuple[str | None, str | None]:
    """(type override, topic) for a piece of reported speech."""
    if not content:
        return None, None
    if not content.isascii() and ASCII_LOOKALIKES.search(content):
        rows: Iterable[int] = range(len(_TOPICS))
    else:  # the rows one of whose words the content has, in table order: one pass over the guards
        low = content.lower()
        if _ANY_GUARD.search(low) is None:  # most content: none of the words, only the unguarded rows
            rows = _ONLY_UNGUARDED
        else:
            rows = sorted({k for k, w in _TOPIC_GUARDS if w in low} | _UNGUARDED)
    for k in rows:
        pattern, type_, topic = _TOPICS[k]
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


def _words(text: str) -> tuple[list[str], bool]:
    """The content as words, without quotes, padding adverbs and a leading skippable part; and whether
    it opened with a quote (then its first word is capitalised only as a sentence start)."""
    cleaned = _INNER_APOSTROPHE.sub("'", text)
    quoted = cleaned.lstrip()[:1] in QUOTES
    return _clean_words(" ".join(_quotes_as_spaces(cleaned).split()), quoted), quoted


def _normal(text: str) -> str:
    """What _words reads: inner apostrophes straight, quotes as spaces, whitespace single spaces
    (_normal of its own result is itself)."""
    if "'" in text or "’" in text:  # (the only marks INNER_APOSTROPHE matches: most content has neither)
        text = _INNER_APOSTROPHE.sub("'", text)
    return " ".join(_quotes_as_spaces(text).split())


def _quotes_as_spaces(text: str) -> str:
    """``text.translate(_QUOTES_TO_SPACES)``: each quote mark it has replaced by a space (str.replace per
    mark: a translate table is read character by character, four times slower)."""
    for mark in QUOTES:
        if mark in text:
            text = text.replace(mark, " ")
    return text


def _clean_words(cleaned: str, quoted: bool) -> list[str]:
    """_words of a text whose :func:`_normal` is ``cleaned``, ``quoted`` if it opened with a quote."""
    m = _STOP_TAIL.search(cleaned)  # kept up to date with ``cleaned``
    for _ in range(3):  # "In this regard, I would like to stress that on the whole, ..."
        before = cleaned
        comma = _COMMA.search(cleaned)
        lead = cleaned[: comma.start()].split() if comma else []
        short_lead = m is not None and m.start() == comma.start() and len(lead) <= 3 if comma else False
        if lead and (_key(lead[0]) in SUBORDINATORS or short_lead and _key(lead[0]) in PREPOSITIONS | LEADING_FILLER):
            cleaned = cleaned[comma.end() :].strip()  # "On the whole, ...", "Once the border is drawn, ..."
        frame = SPEECH_FRAME.match(cleaned)
        if frame:
            cleaned = cleaned[frame.end() :]
        if cleaned == before:
            break
        m = _STOP_TAIL.search(cleaned)
    parts = (cleaned[: m.start()] if m else cleaned).split()
    while parts and _key(parts[0]) in LEADING_FILLER:
        parts.pop(0)
    parts = _kept_words(parts)
    if parts and quoted and _key(parts[0]) in FUNCTION_WORDS and _key(parts[0]) != "i":
        parts[0] = parts[0].lower()  # "“There is no mandate" -> "there is no mandate"
    return parts


def _key(word: str) -> str:
    """A word for the tables: lower case, but an acronym stays itself ("WHO" is no relative, "US" no "us")."""
    return word if len(word) > 1 and word.isupper() else word.lower()


def _keys_of(words: list[str]) -> list[str]:
    """``[_key(w) for w in words]`` in two C-level passes (lower case; then, only when a word is upper
    case, the acronyms kept).  No per-word cache: most words of a content are new to it, and a miss
    costs more than the key."""
    keys = list(map(str.lower, words))
    if True in map(str.isupper, words):
        return [w if len(w) > 1 and w.isupper() else k for w, k in zip(words, keys)]
    return keys


def _is_filler(word: str) -> bool:
    low = word.lower()
    if low in FILLER_ADVERBS:
        return True
    return word.islower() and len(low) >= 6 and low.endswith("ly") and low not in NOT_ADVERBS


def _dropped(word: str) -> bool:
    """Whether _words leaves the word out (a padding adverb, a remnant of a removed date)."""
    return _is_filler(word) or REMNANT.fullmatch(word) is not None




def _kept_words(parts: list[str]) -> list[str]:
    """``[w for w in parts if not _dropped(w)]``.  A dropped word is, in lower case, a filler adverb,
    a word in -ly, "'" or "'s": one C-level pass over the lower-cased words rules out most content
    at once; only then are the words read one by one, by the plain definition (no per-word cache:
    most words of a content are new to it, and a cache miss costs more than the test)."""
    lows = list(map(str.lower, parts))
    padded = f" {' '.join(lows)} "
    if "ly " not in padded and " ' " not in padded and " 's " not in padded and FILLER_ADVERBS.isdisjoint(lows):
        return parts
    return [w for w, low in zip(parts, lows) if not (
        low in FILLER_ADVERBS or (w.islower() and len(low) >= 6 and low.endswith("ly") and low not in NOT_ADVERBS)
        or w == "'" or w == "'s")]


def _first_person(keys: list[str]) -> int:
    """The position of the first first-person word among ``keys`` (their _key), else their length."""
    if FIRST_PERSON.isdisjoint(keys):  # most content
        return len(keys)
    return next((k for k, key in enumerate(keys) if key in FIRST_PERSON), len(keys))


def _cut_ok(words: list[str], i: int, keys: list[str] | None = None, first_person: int | None = None) -> bool:
    """May a label end after ``words[:i]``: at a phrase boundary, on a word that completes the phrase.
    ``keys``: the _key of (at least) ``words[:i + 1]``; ``first_person``: :func:`_first_person` of
    them, or any number >= i when none of ``words[:i]`` is one (phrase computes both once)."""
    if keys is None:
        keys = _keys_of(words[: i + 1])
    last, low = words[i - 1], keys[i - 1]
    nxt = keys[i] if i < len(words) else None
    if low in BAD_END or low.endswith(POSSESSIVE_ENDS):
        return False
    # _is_filler(last) where its key is not in BAD_END (which holds FILLER_ADVERBS): a lower-case word
    # in -ly (its key is its lower case), or an acronym (its key is itself) of a filler adverb
    if low.endswith("ly") and last.islower() and len(low) >= 6 and low not in NOT_ADVERBS or (
            last.isupper() and last.lower() in FILLER_ADVERBS):
        return False
    if (_first_person(keys[:i]) if first_person is None else first_person) < i:
        return False  # "Germany has prevented us": a quote's first person means nothing in a headline
    if nxt is None:
        return True
    boundary = nxt in PREPOSITIONS or nxt in CONJUNCTIONS or nxt in RELATIVES or (
        len(nxt) > 4 and nxt.endswith(("ing", "ed")) and low not in AUXILIARIES)
    if not boundary:
        return False
    if nxt in WAITING_PREPOSITIONS and i >= 2 and keys[i - 2] in COPULAS:
        return False  # "it is concerned | about", "Washington is willing | to"
    if nxt == "to" and low in TO_VERBS:
        return False
    if nxt in WAITING_PREPOSITIONS and len(low) > 4 and low.endswith(("ing", "ed")):
        return False  # "the discussion focused | on", "it was forced | to"
    return True


def _has_verb(words: list[str], keys: list[str] | None = None) -> bool:
    """A rough test that the words form a clause: an auxiliary, or a later word in -s / -ed.
    ``keys``: their _key (computed when not given)."""
    return not AUXILIARIES.isdisjoint(_keys_of(words) if keys is None else keys) or any(
        w.islower() and (w.endswith("ed") or w.endswith("s") and not w.endswith(("ss", "ness", "us", "is", "ics")))
        for w in words[1:])


def _strong(words: list[str], i: int, clause: bool = False, keys: list[str] | None = None) -> bool:
    """Does ``words[:i]`` say something: two content words, no noun left waiting for its "to ...", and
    a verb when a clause is due ("WHO says public awareness" is no headline).  ``keys``: the _key of
    (at least) ``words[:i + 1]`` (computed when not given)."""
    if keys is None:
        keys = _keys_of(words[: i + 1])
    if clause and not _has_verb(words[:i], keys[:i]):
        return False
    content = [k for k in keys[:i] if k not in FUNCTION_WORDS]
    if i < len(words) and keys[i] == "to" and keys[i - 1] in TO_NOUNS:
        return False
    if len(content) >= 2:
        return True
    whole_clause = i == len(words) and not AUXILIARIES.isdisjoint(keys[:i])  # "there is no famine"
    return len(content) == 1 and (whole_clause or keys[0] == "to")


def _fit(words: list[str], budget: int, keys: list[str] | None = None) -> str | None:
    """The words as text within ``budget`` characters, dropping articles (headline style) if need be.
    ``keys``: the _key of (at least) each word (computed when not given)."""
    text = " ".join(words)
    if len(text) <= budget:
        return text
    if keys is None:
        keys = _keys_of(words)
    text = " ".join(w for w, k in zip(words, keys) if k not in ARTICLES)
    return text if len(text) <= budget else None


def phrase(
    text: str | None, words: int = WORDS_PREFERRED, budget: int = MAX_CHARS, clause: bool = False
) -> tuple[str, str]:
    """(strong, weak): the longest cut of the content that ends well and says something (within
    ``words`` words, else within WORDS_AT_MOST), and the longest that merely ends well; "" for none."""
    if not text:
        return "", ""
    return _phrase_of(_words(text)[0], words, budget, clause)


def _phrase_of(parts: list[str], words: int, budget: int, clause: bool) -> tuple[str, str]:
    """:func:`phrase` of a content whose :func:`_words` are ``parts``."""
    keys = _keys_of(parts[: max(words, WORDS_AT_MOST) + 1])  # what _cut_ok, _fit and _strong look at, once
    if keys and keys[0] in AUXILIARIES:
        return "", ""  # "... something Ryabkov denied | was Russia's intent": the object is behind us
    first_person = _first_person(keys)
    strong = weak = ""
    tried = 0  # cuts up to this many words were tried with the shorter limit: trying them again changes nothing
    n = len(parts)
    for limit in (words, max(words, WORDS_AT_MOST)):
        for i in range(min(limit, n), tried, -1):
            # _cut_ok's first two tests read here (most cuts fail one): a bad last word, or a next word
            # that is no boundary (past BAD_END, which holds the auxiliaries, only the word decides)
            if keys[i - 1] in BAD_END or i < n and (nxt := keys[i]) not in _BOUNDARIES and not (
                    len(nxt) > 4 and nxt.endswith(("ing", "ed"))):
                continue
            if not _cut_ok(parts, i, keys, first_person):
                continue
            fitted = _fit(parts[:i], budget, keys)
            if fitted is None:
                continue
            if _strong(parts, i, clause, keys):
                return fitted, weak or fitted
            weak = weak or fitted
        if limit >= WORDS_AT_MOST:
            break
        tried = min(limit, len(parts))
    return strong, weak


def tail(text: str | None, words: int = WORDS_PREFERRED) -> str:
    """The first few words of a phrase, cut where it ends well ("" when nothing does)."""
    strong, weak = phrase(text, words)
    return strong or weak


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
    if len(names) <= 1:  # (most labels: one name or none, nothing to deduplicate)
        return names[0] if names else ""
    names = list(dict.fromkeys(names))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def label(*args, **kwargs) -> str:
    """The label with its first letter capitalised ("The West accuses Russia ...")."""
    text = _label(*args, **kwargs)
    return text[:1].upper() + text[1:]


CIRCUMSTANCE_PREPOSITIONS = PREPOSITIONS - {"of", "about", "to"}  # "told ... in Tirana"
WARNING_TOPICS = frozenset({topic for _p, type_, topic in TOPICS if type_ == "warning"} | {"sanctions", "invasion"})
SPEECH = frozenset({"statement", "denial", "appeal", "demand", "warning", "accusation"})


def _agree(verb: str, many: bool) -> str:
    return plural(verb) if many else verb


def _label(
    predicate: str, type_: str, say: str, agents: list[Actor], others: list[Actor], rest: str | None,
    topic: str | None, place: str | None,
) -> str:
    """``rest``: what the trigger reports or acts on (its content, else the words after its object)."""
    agent_names = list(map(short_name, agents))
    other_names = [name for a in others if (name := short_name(a)) not in agent_names and a.name not in MEDIA]
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
    many = len(agent_names) > 1
    say = _agree(say, many)
    obj = _join(other_names)
    if type_ == "warning" and topic in WARNING_TOPICS and predicate != "alarm":
        if predicate in ("vow", "threaten"):
            return " ".join(x for x in (subject, say, topic) if x)
        verb = _agree("warns", many) if predicate in ("say", "tell", "add", "warn", "statement") else say
        return " ".join(x for x in (subject, verb, obj, f"of {topic}") if x)
    if predicate == "statement":
        return f"{subject} {_agree('issues', many)} statement" + (f" on {topic}" if topic else "")
    speech = type_ in SPEECH
    if obj and not speech:
        return f"{subject} {say} {obj}"
    if not obj and say.endswith(" on"):
        say = say[:-3]
    if speech and rest:
        return _speech_label(predicate, type_, subject, say, obj, rest, topic, many)
    head = " ".join(x for x in (subject, say, obj) if x)
    strong, weak = phrase(rest, 5 if speech else 3, MAX_CHARS - len(head) - 1)
    return " ".join(x for x in (head, strong or weak) if x)


def _speech_label(
    predicate: str, type_: str, subject: str, say: str, obj: str, rest: str, topic: str | None, many: bool
) -> str:
    """Reported speech: the content cut where it ends well; else its topic; else what the speaker did."""
    text = _normal(rest)
    # _words(rest): ``text``, or a piece of it (already normal, opening with no quote)
    cleaned, quoted = text, rest.lstrip()[:1] in QUOTES
    aim = AIM_FRAME.match(text)
    if aim and predicate in ("say", "tell", "add", "statement"):  # "Our aim is to support Ukraine" -> aims to
        say, obj, rest = _agree("aims", many), "", text[aim.end() :]
        cleaned, quoted = _normal(rest), False
    verb = say.split()[0]  # (say is never blank)
    if not obj and verb in ("tells", "tell"):
        addressee = ADDRESSEE.match(text)  # "told reporters ...": the addressee opens the content
        if addressee:
            obj, rest = addressee.group(), text[addressee.end() :]
            cleaned, quoted = _normal(rest), False
    head = " ".join(filter(None, (subject, say, obj)))
    if not _ALNUM.search(rest):  # no character c with c.isalnum()
        return head  # nothing reported: "South Korea says"
    parts = _clean_words(cleaned, quoted)
    if not parts:
        return head  # the content is all circumstance: "sounded the alarm | over ..."
    clause = verb in CLAUSE_VERBS
    strong, weak = _phrase_of(parts, WORDS_PREFERRED, MAX_CHARS - len(head) - 1, clause)
    first = (rest.split(None, 1) or [""])[0].lower().strip(QUOTES)
    if clause and first in CIRCUMSTANCE_PREPOSITIONS:
        strong = weak = ""  # "told ... in Tirana": no content, only circumstances
    if strong:
        return f"{head} {strong}"
    if topic:
        return _topic_label(predicate, subject, obj, topic, many)
    addressee = verb == "tells" and weak[:1].isupper() and rest.lstrip()[:1] not in QUOTES
    if weak and (addressee or not clause):  # "China tells The Hague"
        return f"{head} {weak}"
    if obj:
        return head
    return f"{subject} {_agree(FALLBACK.get(type_, 'makes statement'), many)}"


def _topic_label(predicate: str, subject: str, obj: str, topic: str, many: bool) -> str:
    if topic in TOPIC_PHRASES:
        return f"{subject} {_agree(TOPIC_PHRASES[topic], many)}"
    verb = TOPIC_VERBS.get(predicate, "comments on")
    if "{obj}" in verb:
        verb = verb.replace("{obj}", obj) if obj else verb.replace(" {obj}", "") if predicate == "warn" else "comments on"
    return f"{subject} {_agree(verb, many)} {topic}"
