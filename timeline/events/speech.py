"""Reported speech: quotations, and the content a reporting verb carries.

"Putin said on Tuesday that he wants immediate talks" is one event (Putin's statement) whose
``content`` is "he wants immediate talks"; the talks inside it are not an event of their own.
"""

from __future__ import annotations

import re

DOUBLE_QUOTE = re.compile(r"[\"“”]")
QUOTE_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"), ("‘", "’"), ('"', '"'))
ANY_QUOTE = re.compile("[" + "".join(sorted({mark for pair in QUOTE_PAIRS for mark in pair})) + "]")
# Where a reported clause stops: the sentence end, or a clause hung on with these.
CONTENT_STOP = re.compile(
    r"\s+—\s|\s+–\s|;|,\s+(?:as|while|when|after|amid|saying|warning|claiming|blaming)\b|\s(?:when|because)\s|,\s+(?:who|which)\s"
)
# The same matches, written to begin with the one character every alternative begins with: the
# regex engine then skips to those characters instead of trying six alternatives at each place.
_CONTENT_STOP = re.compile(
    r"[\s;,](?:(?<=\s)\s*—\s|(?<=\s)\s*–\s|(?<=;)|(?<=,)\s+(?:as|while|when|after|amid|saying|warning|claiming|"
    r"blaming)\b|(?<=\s)(?:when|because)\s|(?<=,)\s+(?:who|which)\s)"
)
THAT = re.compile(r"\bthat\s+", re.IGNORECASE)
_THAT = re.compile(r"[tT](?<!\w.)[hH][aA][tT]\s+")  # the same matches, beginning with a character set
COLON_AFTER = re.compile(r"[^.:]{0,80}?:\s*")
WORD_BEFORE_SPACE = re.compile(r"(\S+)\s+$")
# Circumstances: "in a phone call with ...", "at his annual conference", "during his call".
CIRCUMSTANCE = re.compile(
    r"\b(?:in|during|at|following|after|on)\s+(?:(?:a|an|the|his|her|their|its|this|that|these)\s+)?"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted stretches (including the marks) inside ``text[start:end]``."""
    if not _has_quote_mark(text[start:end]):
        return []
    spans: list[tuple[int, int]] = []
    for opening, closing in QUOTE_PAIRS:
        at = start
        while True:
            o = text.find(opening, at, end)
            if o < 0:
                break
            if opening == "‘" and o + 1 < end and not text[o + 1].isalpha():
                at = o + 1
                continue
            c = text.find(closing, o + 1, end)
            if closing == "’":  # skip apostrophes inside the quote ("he’s")
                while 0 <= c < end - 1 and text[c + 1].isalpha():
                    c = text.find(closing, c + 1, end)
            if c < 0:
                break
            if not any(s <= o < e for s, e in spans):
                spans.append((o, c + 1))
            at = c + 1
    return sorted(spans + _unpaired(text, start, end, spans))


def _has_quote_mark(window: str) -> bool:
    """``ANY_QUOTE.search(window)``, as str.find per mark (three times faster over a sentence)."""
    return ('"' in window or "“" in window or "”" in window or "‘" in window or "’" in window or "«" in window
            or "»" in window or "„" in window)


def _unpaired(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quotation that began or goes on in another sentence: ``...look like," Psaki said.``"""
    q = -1  # the one double quote outside ``spans`` (none, or a second one: nothing unpaired)
    for at in _double_quotes(text, start, end):
        if not inside(at, spans):
            if q >= 0:
                return []
            q = at
    if q < 0:
        return []
    if q > start and text[q - 1] in ",.?!" and text[q] in "\"”":
        return [(start, q + 1)]
    if text[q] in "\"“" and q + 1 < end and not text[q + 1].isspace():
        return [(q, end)]
    return []


def _double_quotes(text: str, start: int, end: int) -> list[int]:
    """Where DOUBLE_QUOTE matches in ``text[start:end]``: by str.find of '"' when the window has no
    curly double quote (most newswire: the pattern's set holds characters past Latin-1, which the
    regex engine tests one by one over the whole window)."""
    if text.find("“", start, end) >= 0 or text.find("”", start, end) >= 0:
        return [m.start() for m in DOUBLE_QUOTE.finditer(text, start, end)]
    out = []
    at = text.find('"', start, end)
    while at >= 0:
        out.append(at)
        at = text.find('"', at + 1, end)
    return out


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    for s, e in spans:  # (a loop, not any() of a generator: most span lists are empty or short)
        if s <= position < e:
            return True
    return False


def is_circumstance(text: str, sentence_start: int, trigger_start: int) -> bool:
    """A meeting noun introduced by "in a", "during his", "at a" ... (a setting, not the report)."""
    return bool(CIRCUMSTANCE.search(text[max(sentence_start, trigger_start - 40) : trigger_start]))


def clause_end(text: str, start: int, end: int) -> int:
    window = text[start:end]
    if "," not in window and ";" not in window and "—" not in window and "–" not in window and (
            "when" not in window and "because" not in window):
        return end  # every stop holds one of these: most clauses have none, no search
    m = _CONTENT_STOP.search(text, start, end)
    return m.start() if m else end


def content_span(
    text: str, sentence: tuple[int, int], trigger: tuple[int, int], after: int, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """What a reporting trigger reports.  ``after``: where its object (if any) ends."""
    s, e = sentence
    # “...,” Zelensky said / “...” read a Kremlin statement: the quote before the speaker.
    for qs, qe in quotes:
        if 0 <= trigger[0] - qe <= 40 and not inside(trigger[0], quotes) and (qs <= s + 2 or qe - qs > 25):
            return qs, qe
    # said ...: “...”
    # (COLON_AFTER finds a colon among the next 81 characters: most have none, nothing to match)
    colon = COLON_AFTER.match(text[after:e]) if ":" in text[after : min(e, after + 81)] else None
    if colon:
        cs = after + colon.end()
        return (cs, clause_end(text, cs, e)) if cs < e else None
    first_stop = clause_end(text, after, e)
    that = _THAT.search(text, after, min(first_stop, after + 120))
    if that and that.start() > after + 1:
        before = WORD_BEFORE_SPACE.search(text[after : that.start()])
        if before and before.group(1)[0].islower():  # "missiles that he described": a relative clause
            that = None
    start = that.end() if that else after
    while start < e and text[start] in " ,":
        start += 1
    # the first stop from ``after`` is the first from ``start`` too unless it lies before ``start``
    # (where a match starts does not depend on where the search began)
    stop = first_stop if first_stop >= start else clause_end(text, start, e)
    if stop <= start:
        return None
    return start, stop
