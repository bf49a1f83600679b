"""The outlet (``Article.source``) when the text names it near the top.

Rows are (outlet, pattern searched in the head lines).  Only the head is read: an outlet named
in a comments blurb at the bottom ("registered user of The Hindu") is not a source claim.
"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.ingest.dateline import head
from timeline.ingest.textfile import Line

# Wire agencies last, so "By Euronews with AFP" is Euronews.
_OUTLET_NAMES: tuple[str, ...] = (
    "DW", "Euronews", "BBC", "CNN", "Al Jazeera", "The Guardian", "The Hindu", "Jordan Times",
    "Reuters", "AFP", "AP", "dpa", "UPI", "Xinhua", "TASS",
)  # fmt: skip

OUTLET_RULES: tuple[tuple[str, str], ...] = (
    ("DW", r"\|\s*DW\s*\||\bdw\.com\b|\bthe new DW website\b"),
    *((name, rf"^\s*(?:Written\s+)?[Bb]y\s+{re.escape(name)}\b") for name in _OUTLET_NAMES),
    *((name, rf"\|\s*{re.escape(name)}\s*(?:\||$)") for name in _OUTLET_NAMES),
)


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def find_outlet(lines: tuple[Line, ...]) -> str | None:
    """The first outlet (in table order) named in the head lines, or None."""
    top = head(lines)
    for outlet, pattern in OUTLET_RULES:
        if any(_compiled(pattern).search(line.text) for line in top):
            return outlet
    return None
