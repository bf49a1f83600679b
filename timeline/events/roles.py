"""Who does what: the agent, the object and the participants of a trigger, from actor mentions.

Rules, in order: a possessive or modifier right before a noun ("Kiev's use", "a Kremlin
statement"), "by X" after a noun ("a poll published by the Levada Centre"), else the nearest actor
to the left that is not inside a prepositional phrase or a quotation, or a pronoun between it and
the trigger (resolved to the last person named before it); objects are the first actor after the
trigger across at most a few modifiers; meeting participants follow "with"/"between".
"""

from __future__ import annotations

import re

from timeline.actors.names import Found
from timeline.events.speech import inside

PREPOSITIONS = frozenset(
    """of for with in at on to from near into against between over about toward towards under outside
    across along amid without through via during inside around like than""".split()
)
PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
# The same matches, beginning with a character set (the regex engine skips to those characters):
# under re.IGNORECASE "s" is also "ſ", and no other character is an "h" or an "e".
_PRONOUN = re.compile(r"[hHsSſ](?<!\w.)(?:(?<=[sSſ])[hH]|(?<=[hH]))[eE]\b")
OBJECT_GAP = re.compile(r"^(?:\s*(?:the|a|an|his|her|its|their|new|own|ally|allies|counterpart|"
                        r"[A-Z][\w-]*|[’']s|,|top|diplomat))*\s*$")
NOUN_MODIFIER_GAP = re.compile(r"^(?:[’']s)?\s*(?:(?!(?:the|a|an|his|her|its|their|during|in|at|of|on|with)\s)"
                               r"[\w-]+\s+)?$", re.IGNORECASE)
PARTICIPANT_WINDOW = 160
FIRST_LEAD = re.compile(r"\b(?:with|between)\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,5}$", re.IGNORECASE)
PARTICIPANT_LEAD = re.compile(r"(?:\bwith|\bbetween|\band|\bto|,)\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,5}$", re.IGNORECASE)


WORD_BEFORE = re.compile(r"([\w’']+)\W*$")
WORDS = re.compile(r"[\w’']+")
CONJOINED_TWO = re.compile(r"\s*(?:and|,\s*and)\s*(?:the\s+)?", re.IGNORECASE)
CONJOINED_MORE = re.compile(r"\s*,\s*(?:the\s+)?", re.IGNORECASE)
BY_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}by\s+(?:the\s+)?")
WHO_BEFORE = re.compile(r",\s+(?:who|which)\s+(?:\w+\s+)?$")
PARTICIPANTS_CUT = re.compile(r"(?<![A-Z])\.(?:\s|$)|[;:—“\"]|\bthat\b|,(?!\s*(?:and|then|later|\w+\s+and))")
WITH = re.compile(r"\bwith\b")


def _word_before(text: str, position: int, floor: int) -> str:
    m = WORD_BEFORE.search(text[max(floor, position - 30) : position])
    return m.group(1).lower() if m else ""


GROUP_HEADS = frozenset("ministers leaders officials members delegations representatives envoys diplomats "
                        "spokesman spokesperson spokeswoman".split())
PP_BEFORE = re.compile(r"\b(\w+)\s+(?:(?:the|a|an|[a-z][\w-]*)\s+){0,2}$")


def in_prepositional_phrase(text: str, found: Found, floor: int) -> bool:
    """"in eastern Ukraine", "with the United States", "for the Kremlin": not a subject."""
    if found.locative:
        return True
    before = text[max(floor, found.start - 40) : found.start]
    words = WORDS.findall(before)[-4:]
    for k, word in enumerate(words):
        if k == 0 and len(words) == 4:
            continue
        if word.lower() in PREPOSITIONS and all(w[0].islower() for w in words[k + 1 :]):
            # "ministers of the G7", "leaders of NATO": the group speaks through its members
            return not (word.lower() == "of" and k > 0 and words[k - 1].lower() in GROUP_HEADS)
    return False


def _free(text: str, found: Found, floor: int, quotes) -> bool:
    return not (quotes and inside(found.start, quotes)) and not in_prepositional_phrase(text, found, floor)


def noun_agent(text: str, mentions: list[Found], start: int, end: int, floor: int, ceiling: int) -> list[Found]:
    """"Putin's calls", "a Kremlin statement", "a poll published by the Levada Centre"."""
    before = [m for m in mentions if m.end <= start and NOUN_MODIFIER_GAP.match(text[m.end : start])]
    if before:
        return [before[-1]]
    by = BY_AFTER.match(text[end:ceiling])
    if by:
        at = end + by.end()
        after = [m for m in mentions if at <= m.start <= at + 40 and not m.possessive]
        if after:
            return [after[0]]
    return []


def verb_agent(
    text: str, mentions: list[Found], start: int, floor: int, quotes, people_before: list[Found]
) -> list[Found]:
    """The subject: the nearest free actor to the left, or a he/she after it."""
    who = WHO_BEFORE.search(text, floor, start)  # (no "^" in it: the same as on text[floor:start])
    if who:  # "separatists, who seized": the antecedent right before the comma, or nobody
        comma = who.start()
        before = [m for m in mentions if m.end <= comma and not text[m.end : comma].strip()
                  and _free(text, m, floor, quotes)]
        return before[-1:]
    # the free ones among these, found from the right only as far as needed (_free is the costly test)
    left = [m for m in mentions if m.end <= start and not m.possessive]
    k = len(left) - 1
    while k >= 0 and not _free(text, left[k], floor, quotes):
        k -= 1
    head = left[k] if k >= 0 else None
    since = head.end if head else floor
    pronouns = _PRONOUN.finditer(text, since, start) if "he" in text[since:start].lower() else ()  # a cheap guard
    for p in reversed(list(pronouns)):
        if not (quotes and inside(p.start(), quotes)):
            earlier = [m for m in people_before if m.start < p.start()]
            if not earlier:
                return []
            return [earlier[-1]._replace(start=p.start(), end=p.end(), text=p.group(), possessive=False)]
    if head is None:
        return []
    # the free actors joined to the head on its left: "The EU and G7", "Russia, Ukraine and the West"
    group = [head]
    k -= 1
    while True:
        while k >= 0 and not _free(text, left[k], floor, quotes):
            k -= 1
        if k < 0:
            break
        gap = text[left[k].end : group[0].start]
        if not (CONJOINED_TWO if len(group) == 1 else CONJOINED_MORE).fullmatch(gap):
            break
        group.insert(0, left[k])
        k -= 1
    return group


def inverted_agent(text: str, mentions: list[Found], end: int, ceiling: int) -> list[Found]:
    """"..., said Putin" / "..., says Russian deputy MFA Ryabkov"."""
    after = [m for m in mentions if end <= m.start <= end + 40 and m.category == "person"]
    return after[:1]


def first_object(
    text: str, mentions: list[Found], end: int, ceiling: int, quotes, lead: str | None = None
) -> Found | None:
    for m in mentions:
        if m.start < end or m.start >= ceiling or quotes and inside(m.start, quotes):
            continue
        gap = text[end : m.start]
        if lead:
            opened = re.match(lead, gap, re.IGNORECASE)
            gap = gap[opened.end() :] if opened else "!"
        if not OBJECT_GAP.match(gap):
            return None
        if m.possessive:
            continue
        return m
    return None


def participants(text: str, mentions: list[Found], end: int, ceiling: int, quotes) -> list[list[Found]]:
    """Actors after "with"/"between" following a meeting trigger, one group per "with"."""
    stop = min(ceiling, end + PARTICIPANT_WINDOW)
    cut = PARTICIPANTS_CUT.search(text[end:stop])
    if cut:
        stop = end + cut.start()
    groups: list[list[Found]] = []
    for m in mentions:
        if not (end <= m.start < stop) or quotes and inside(m.start, quotes) or m.possessive:
            continue
        lead = text[max(end - 8, m.start - 60) : m.start]
        if not groups and not FIRST_LEAD.search(lead):
            continue
        with_ = WITH.search(text[(groups[-1][-1].end if groups else end) : m.start])
        if groups and not with_:
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups
