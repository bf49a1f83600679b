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


def folded(pattern: str, flags: int = 0) -> Folded:
    return Folded(re.compile(pattern, flags | re.IGNORECASE), re.compile(pattern, flags))


def lowerable(text: str) -> bool:
    """May a folded pattern's ``lower`` run on ``text.lower()``?"""
    return text.isascii() or LOOKALIKES.search(text) is None


def search(f: Folded, text: str) -> re.Match[str] | None:
    """``f.plain.search(text)``'s place (a match's text is lower case when text was lowerable)."""
    return f.lower.search(text.lower()) if lowerable(text) else f.plain.search(text)
