"""Modality of a trigger: asserted, planned, conditional or denied, from cue words around it.

Cues are a table of (modality, where, pattern): ``before`` looks at the few words before the
trigger in its clause, ``after`` at the words right after it ("Talks ... are set to take place").
The first matching row wins, so negation outranks condition outranks plan.
"""

from __future__ import annotations

import datetime as dt
import re

from timeline.events.folding import folded, search

BEFORE_WINDOW = 40  # characters before the trigger, cut at the clause start
AFTER_WINDOW = 60

CUES: tuple[tuple[str, str, str], ...] = (
    ("denied", "before", r"\b(?:not|never|n[’']t|no longer|refused to|failed to|declined to)\s+(?:\w+\s+){0,2}$"),
    ("conditional", "before", r"\b(?:if|unless|should|could|might|may|would)\b[^,;]*$"),
    ("planned", "before", (r"\b(?:will|shall|[’']ll|going to|set to|expected to|plans? to|planned to|"
                           r"scheduled to|due to|is to|are to|to)\s+(?:\w+\s+){0,1}$")),
    ("planned", "before", (r"\b(?:planned|proposed|upcoming|expected|scheduled|future|possible|potential)\s+"
                           r"(?:\w+\s+){0,2}$")),
    ("planned", "after", r"^[^.,;]{0,40}?\b(?:are|is|were|was)\s+(?:set|expected|scheduled|due|planned|to be held)\b"),
    ("planned", "after", r"^[^.,;]{0,40}?\bwill\s+(?:take place|be held|begin|start)\b"),
    ("planned", "self", r"^(?:is|are) expected"),
)
CONDITIONAL_SENTENCE = re.compile(r"\s*(?:If|Unless|Should|Were)\b")
CLAUSE_START = re.compile(r".*(?:[;:—]|,\s+(?:and|but|while|as)\s|\b(?:that|who|which)\s)", re.DOTALL)


def _clause_start(before: str) -> re.Match[str] | None:
    """``CLAUSE_START.match(before)``, asked only when ``before`` holds what one of its clause starts
    holds (a ';', ':' or '—'; 'that', 'who' or 'which'; a comma and 'and', 'but', 'while' or 'as'):
    about half of the windows hold none, no match to try (three times faster over the windows)."""
    if ";" in before or ":" in before or "—" in before or "that" in before or "who" in before or (
            "which" in before) or "," in before and (
            "and" in before or "but" in before or "while" in before or "as" in before):
        return CLAUSE_START.match(before)
    return None


def _compiled():
    return [(mod, where, re.compile(p, re.IGNORECASE)) for mod, where, p in CUES]


_CUES = _compiled()
# Per window, one pattern matching where any of its cues does: most triggers have no cue at all.
_ANY_CUE = {where: re.compile("|".join(f"(?:{p})" for _mod, w, p in CUES if w == where), re.IGNORECASE)
            for where in ("before", "after", "self")}


# The same, run on lower-cased windows (see :mod:`timeline.events.folding`): three times faster.  Every
# "after" cue holds one of AFTER_WORDS: most windows have none, no search (the "before" cues hold "to"
# or "if" too often for a word test to pay).
AFTER_WORDS = ("set", "expected", "scheduled", "due", "planned", "held", "take place", "begin", "start")
_ANY_CUE_FOLDED = {where: folded("|".join(f"(?:{p})" for _mod, w, p in CUES if w == where),
                                 words=AFTER_WORDS if where == "after" else ())
                   for where in ("before", "after", "self")}


def modality(text: str, sentence_start: int, start: int, end: int, sentence_end: int) -> str:
    before = text[max(sentence_start, start - BEFORE_WINDOW) : start]
    clause = _clause_start(before)
    if clause:
        before = before[clause.end() :]
    after = text[end : min(sentence_end, end + AFTER_WINDOW)]
    trigger = text[start:end]
    conditional_sentence = CONDITIONAL_SENTENCE.match(text, sentence_start)
    cue = _ANY_CUE_FOLDED
    if not conditional_sentence and not (search(cue["before"], before) or search(cue["after"], after)
                                         or search(cue["self"], trigger)):
        return "asserted"
    for mod, where, pattern in _CUES:
        if conditional_sentence and mod != "denied":
            return "conditional"
        window = {"before": before, "after": after, "self": trigger}[where]
        if pattern.search(window):
            return mod
    return "asserted"


def future_is_planned(current: str, earliest: dt.date | None, published: dt.date | None) -> str:
    """An asserted event dated after publication is planned ("talks in Geneva next year")."""
    if current == "asserted" and earliest and published and earliest > published:
        return "planned"
    return current
