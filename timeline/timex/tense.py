"""Tense of the clause governing a temporal expression: past, future, present or unknown.

A small cue table: the cue nearest to the expression inside its sentence wins; cues
after the expression count at a penalty (news clauses put the verb before the date:
"said on Tuesday", "will meet on Monday").
"""

from __future__ import annotations

import re

# (cue regex, tense). Order does not matter; the nearest cue wins.
TENSE_CUES: tuple[tuple[str, str], ...] = (
    (r"will|'ll|shall|won't|wo n't", "future"),
    (r"(?:is|are|am|was|were)\s+(?:going|expected|set|scheduled|due|slated|planned|poised|likely|about)\s+to", "future"),
    (r"(?:is|are)\s+(?:expected|scheduled|due|slated|planned|set)", "future"),
    (r"expected|scheduled|planned|planning|upcoming|plans?\s+to|intends?\s+to|aims?\s+to|(?:is|are)\s+to|set\s+to"
     r"|ready\s+to|due\s+to", "future"),
    (r"would|could|might|may|should", "future"),
    (r"said|says|told|reported|announced|added|stated|claimed|confirmed|noted|wrote", "past"),
    (r"was|were|had|did|didn't|ago|earlier|took|met|came|went|began|spoke|held|made|left|gave|won|lost"
     r"|fell|rose|hit|sent|saw|got|rang|brought|sold|bought|paid|led|ran|struck|killed|died|became|broke"
     r"|chose|drew|flew|fought|found|froze|grew|heard|kept|knew|meant|put|quit|read|sat|shot|shut|spent"
     r"|stood|stole|swore|taught|thought|threw|wore|\w+ed", "past"),
    (r"is|are|am|has|have|does|do", "present"),
)
_NOT_PAST = frozenset({"expected", "scheduled", "planned", "need", "speed", "indeed", "red", "bed", "seed", "feed",
                       "shed", "hundred", "united", "limited", "related", "based", "proposed", "so-called",
                       "reed", "breed", "weed", "creed", "embed"})
_CUE = re.compile("|".join(f"(?P<c{i}>\\b(?:{p})\\b)" for i, (p, _) in enumerate(TENSE_CUES)), re.I)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'])|\n\s*\n")
WINDOW_BEFORE, WINDOW_AFTER, AFTER_PENALTY = 120, 50, 45


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - WINDOW_BEFORE)
    hi = min(len(text), end + WINDOW_AFTER)
    for m in _SENTENCE_END.finditer(text, lo, start):
        lo = m.end()
    m = _SENTENCE_END.search(text, end, hi)
    if m:
        hi = m.start()
    return lo, hi


def tense_at(text: str, start: int, end: int) -> str | None:
    """The tense of the clause around ``text[start:end]``; None when no cue is near."""
    lo, hi = _sentence(text, start, end)
    best: tuple[int, str] | None = None
    for m in _CUE.finditer(text, lo, hi):
        if start <= m.start() < end:
            continue
        word = m.group(0).lower()
        tense = TENSE_CUES[int(m.lastgroup[1:])][1]  # type: ignore[index]
        if tense == "past" and word in _NOT_PAST:
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end + AFTER_PENALTY
        if best is None or distance < best[0]:
            best = (distance, tense)
    return best[1] if best else None
