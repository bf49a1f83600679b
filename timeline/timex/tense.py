"""Tense of the clause governing a temporal expression: past, future, present or unknown.

A cue table over words: the cue nearest to the expression inside its sentence wins;
cues after the expression count at a penalty (news clauses put the verb before the
date: "said on Tuesday", "will meet on Monday").
"""

from __future__ import annotations

import re
# Single-word cues: (words, tense)
WORD_CUES: tuple[tuple[str, str], ...] = (
    ("will 'll shall won't wo expected scheduled upcoming intends intend aims would", "future"),
    ("said says told reported announced added stated claimed confirmed noted wrote "
     "was were had did didn't ago earlier took met came went began spoke held made left gave won lost fell rose "
     "hit sent saw got rang brought sold bought paid led ran struck killed died became broke chose drew flew fought "
     "found froze grew heard kept knew meant quit sat shot shut spent stood stole swore taught thought threw wore",
     "past"),
    ("is are am has have does do", "present"),
)
# Two-word cues that outrank their parts: (phrase, tense)
PHRASE_CUES: tuple[tuple[str, str], ...] = (
    ("set to", "future"),
    ("due to", "future"),
    ("ready to", "future"),
    ("going to", "future"),
    ("is to", "future"),
    ("are to", "future"),
    ("about to", "future"),
    ("plans to", "future"),
    ("plan to", "future"),
    ("planning to", "future"),
    ("planned to", "future"),  # an intention reported in the past: "planned to leave on Thursday"
)
# Verbs of plans, orders and promises: with a "to" soon after they look ahead whatever their own tense
# ("agreed to meet on Monday", "was ordered by a court to attend a hearing beginning August 19")
PLAN_VERBS = frozenset("agreed decided ordered voted pledged promised vowed threatened expected scheduled asked invited "
                       "urged".split())
PLAN_REACH = 5  # words from the verb to its "to"
# Signals right before the expression that point ahead whatever the verb: "as early as Tuesday", "until 9 a.m."
PROSPECTIVE_SIGNALS = ("as early as", "as soon as", "until", "till", "no later than", "in time for", "ahead of")
# ... also across a clock time between the signal and the day: "until 9 a.m. EST Tuesday"
_CLOCK = (r"(?:(?:about|around|approximately)\s+)?(?:(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?|noon|midnight|midday)"
          r"(?:\s+(?-i:[A-Z]{2,4}))?,?\s+(?:on\s+)?)?")
_PROSPECTIVE = re.compile(r"\b(?:" + "|".join(s.replace(" ", r"\s+") for s in PROSPECTIVE_SIGNALS) + r")\s+"
                          + _CLOCK + "$", re.I)

# Words ending in -ed that are no past tense
NOT_PAST = frozenset({"need", "speed", "indeed", "red", "bed", "seed", "feed", "shed", "hundred", "united", "limited",
                      "related", "based", "proposed", "so-called", "reed", "breed", "weed", "creed", "embed",
                      "expected", "scheduled", "planned", "armed", "advanced", "detailed", "alleged", "concerned"})

# Before an -ed word these make it a participle or adjective, no past tense: "would be paid", "a still unspecified date"
PASSIVE_AUX = frozenset({"be", "been", "being"})
DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "these", "those"})

_WORD_TENSE = {w: tense for words, tense in WORD_CUES for w in words.split()}
_PHRASE_TENSE = dict(PHRASE_CUES)
_WORD = re.compile(r"[A-Za-z']+")
# Abbreviations whose dot ends no sentence: "4 a.m. EDT Thursday", "Mr. Putin", "Sept. 30", "J. Smith"
ABBREVIATIONS = frozenset({"a.m", "p.m", "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt",
                           "capt", "jan", "feb", "aug", "sep", "sept", "oct", "nov", "dec", "vs"})
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'])|\n\s*\n")
_WORD_BEFORE_DOT = re.compile(r"(?:^|(?<=[^\w.]))([\w.]+)$")
WINDOW_BEFORE, WINDOW_AFTER, AFTER_PENALTY = 120, 50, 45


def _ends_sentence(text: str, m: re.Match) -> bool:
    """A full stop after an abbreviation or an initial ends no sentence."""
    if text[m.start()] != ".":
        return True
    w = _WORD_BEFORE_DOT.search(text, max(0, m.start() - 8), m.start())
    word = w.group(1) if w else ""
    return not (word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper()))


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - WINDOW_BEFORE)
    hi = min(len(text), end + WINDOW_AFTER)
    for m in _SENTENCE_END.finditer(text, lo, start):
        if _ends_sentence(text, m):
            lo = m.end()
    for m in _SENTENCE_END.finditer(text, end, hi):
        if _ends_sentence(text, m):
            hi = m.start()
            break
    return lo, hi


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence around ``text[start:end]`` (within a window; abbreviations end no sentence)."""
    return _sentence(text, start, end)


def _cue(word: str, following: str) -> str | None:
    phrase = _PHRASE_TENSE.get(f"{word} {following}")
    if phrase:
        return phrase
    tense = _WORD_TENSE.get(word)
    if tense:
        return tense
    if len(word) > 3 and word.endswith("ed") and word not in NOT_PAST:
        return "past"
    return None


def _plan_reaches(text: str, after: list[tuple[int, int, str]], start: int) -> bool:
    """A 'to' soon after a plan verb opens an infinitive clause that runs on to the expression (no comma between)."""
    return any(w == "to" and a < start and not re.search(r"[,;:]", text[a:start]) for a, _, w in after)


def _participle(words: list[tuple[int, int, str]], i: int) -> bool:
    """'be paid', 'a still unspecified date', 'the revised plan': a past form that is no finite verb."""
    before = [w for _, _, w in words[max(0, i - 2) : i]]
    if before and before[-1] in PASSIVE_AUX:
        return True
    adjective = words[i][2].endswith("ed") and before  # "the revised", "a still unspecified", "the newly elected"
    return bool(adjective) and (before[-1] in DETERMINERS or (len(before) == 2 and before[0] in DETERMINERS
                                                              and (before[1].endswith("ly") or before[1] == "still")))


def prospective(text: str, start: int) -> bool:
    """A signal right before ``start`` points ahead: "until Tuesday", "ahead of Tuesday's vote"."""
    return bool(_PROSPECTIVE.search(text, max(0, start - 40), start))


def tense_at(text: str, start: int, end: int) -> str | None:
    """The tense of the clause around ``text[start:end]``; None when no cue is near."""
    if prospective(text, start):
        return "future"
    lo, hi = _sentence(text, start, end)
    words = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text, lo, hi)]
    best: tuple[int, str] | None = None
    for i, (a, b, word) in enumerate(words):
        if start <= a < end:
            continue
        tense = _cue(word, words[i + 1][2] if i + 1 < len(words) else "")
        if word in PLAN_VERBS and b <= start and _plan_reaches(text, words[i + 1 : i + 1 + PLAN_REACH], start):
            tense = "future"
        if tense is None or (tense == "past" and (_participle(words, i) or text[a - 1 : a] == "-")):
            continue  # "will be paid in January": the auxiliary tells the tense; "inflation-adjusted" is no verb
        if tense == "future" and [w for _, _, w in words[max(0, i - 2) : i]] == ["had", "been"]:
            tense = "past"  # "had been scheduled to expire Friday": a plan of the past
        distance = start - b if b <= start else a - end + AFTER_PENALTY
        if best is None or distance < best[0]:
            best = (distance, tense)
    return best[1] if best else None
