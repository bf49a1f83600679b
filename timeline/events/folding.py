"""Case-insensitive patterns, run faster on lower-cased text.

A pattern compiled with ``re.IGNORECASE`` compares every character case-insensitively and cannot
skip ahead to a literal first character; the same pattern compiled without the flag and searched in
``text.lower()`` finds the same places -- when the pattern's own letters are lower case (checked by
tests/test_events_fastpaths.py) and the text has none of the four characters that match an ASCII
letter case-insensitively without being one ("İ ı ſ K", see :data:`LOOKALIKES`; every other
character lower-cases to one character of the same class: checked there over all of Unicode).
Only where a match is (and whether there is one) carries over: its text is the lower-cased text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

LOOKALIKES = re.compile("[\u0130\u0131\u017f\u212a]")


class Folded(NamedTuple):
    plain: re.Pattern[str]  # with re.IGNORECASE, for any text
    lower: re.Pattern[str]  # without it, for lower-cased text (see lowerable)
    words: tuple[str, ...] = ()  # lower case; every match holds one of them ((): no such words given)


def folded(pattern: str, flags: int = 0, words: tuple[str, ...] = ()) -> Folded:
    """``words``: lower-case words one of which every match of ``pattern`` holds (a cheap test first:
    str.find rules most texts out before the regex runs; tests check the words of each use)."""
    return Folded(re.compile(pattern, flags | re.IGNORECASE), re.compile(pattern, flags), words)


def lowerable(text: str) -> bool:
    """May a folded pattern's ``lower`` run on ``text.lower()``?"""
    return text.isascii() or LOOKALIKES.search(text) is None


def search(f: Folded, text: str) -> re.Match[str] | None:
    """``f.plain.search(text)``'s place (a match's text is lower case when text was lowerable)."""
    if not lowerable(text):
        return f.plain.search(text)
    low = text.lower()
    if f.words and not _holds_any(low, f.words):
        return None
    return f.lower.search(low)


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    for word in words:
        if word in text:
            return True
    return False
