"""Sentences (and the paragraphs they sit in) inside an article's regions, by offsets.

A blank line ends a paragraph.  A single newline ends a sentence when the line before it is short
or ends like a sentence (wrapped newswire text keeps its long lines together).  Inside a line, a
sentence ends at ``. ! ?`` (and closing quotes) before a capitalised word, except after an
abbreviation or an initial ("Mr.", "U.S.", "Dec.", "J.").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from timeline.model import Article

WRAPPED_LINE_MIN = 70  # a line at least this long without final punctuation continues on the next
MAX_SENTENCE = 1200  # longer "sentences" (lists, tables) are cut into pieces of this size
ABBREVIATIONS = frozenset(
    """mr mrs ms dr st jr sr gen sen rep gov lt col capt sgt prof u.s u.k u.n e.u no inc corp co ltd vs
    etc jan feb mar apr jun jul aug sep sept oct nov dec approx est dept univ fig""".split()
)
SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9\u00C0-\u024F\u0400-\u04FF])")
# The same matches: "x+" written "xx*", so that the pattern begins with a character set and the regex
# engine skips to those characters instead of trying the pattern at every place (twice as fast).
_SENTENCE_END = re.compile("[.!?…]" + SENTENCE_END.pattern.replace("[.!?…]+", "[.!?…]*", 1))
# In a text without "!", "?" and "…" every match begins with a dot: the same pattern beginning with the
# literal dot, which the regex engine finds by a fast literal search (three times faster than the set).
_DOT_END = re.compile(r"\." + SENTENCE_END.pattern.replace("[.!?…]+", "[.!?…]*", 1))
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
WORD_BEFORE_DOT = re.compile(r"([\w.]+)$")
_WORD_CHARS = re.compile(r"[\w.]+")  # WORD_BEFORE_DOT's group, matched at the start of the reversed piece
TERMINAL = re.compile(r"[.!?…:][\"”’')\]]*\s*$")
CLOSERS = "\"”’')]"  # TERMINAL's closing marks


def _end_pattern(text: str) -> re.Pattern[str]:
    """_SENTENCE_END, or _DOT_END when ``text`` has no "!", "?" nor "…" (the same matches there)."""
    return _DOT_END if "!" not in text and "?" not in text and "…" not in text else _SENTENCE_END


def _terminal(text: str, start: int, end: int) -> bool:
    """``TERMINAL.search(text, start, end)``, read from the end: sentence punctuation, then closing
    marks, then whitespace (the regex and ``str.rstrip`` agree on what is whitespace)."""
    return _ends_terminal(text[start:end].rstrip())


def _ends_terminal(right_stripped: str) -> bool:
    body = right_stripped.rstrip(CLOSERS)
    return bool(body) and body[-1] in ".!?…:"


_new_tuple = tuple.__new__  # Sentence's own __new__ is a Python function around it


class Sentence(NamedTuple):  # immutable; a named tuple is cheaper to build than a frozen dataclass
    start: int
    end: int
    paragraph: int
    terminated: bool  # ends with sentence punctuation (headlines, captions, menus do not)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, at = [], start
    while at < end:
        nl = text.find("\n", at, end)
        stop = end if nl < 0 else nl
        spans.append((at, stop))
        at = stop + 1
    return spans


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines joined where a single newline does not end a sentence."""
    blocks: list[tuple[int, int]] = []
    last_line = ""  # the block's last line, right-stripped (it ends the block: its lines are not blank)
    for ls, le in _lines(text, start, end):
        line = text[ls:le]
        if not line.strip():
            continue
        if blocks:
            ps, pe = blocks[-1]
            if pe == ls - 1 and len(last_line) >= WRAPPED_LINE_MIN and not TERMINAL.search(last_line):
                blocks[-1] = (ps, le)
                last_line = line.rstrip()
                continue
        blocks.append((ls, le))
        last_line = line.rstrip()
    return blocks


def _is_abbreviation(text: str, dot: int) -> bool:
    # WORD_BEFORE_DOT.search(piece).group(1), read from the end: the longest run of [\w.] that ends the
    # piece, or its text before a final newline ("$"); a search from the start would try every place
    piece = text[max(0, dot - 12) : dot]
    word = _WORD_CHARS.match((piece[:-1] if piece[-1:] == "\n" else piece)[::-1])
    if word is None:
        return False
    w = word.group()[::-1].lower().rstrip(".")
    return w in ABBREVIATIONS or (len(w) == 1 and w.isalpha())


def _split_block(text: str, start: int, end: int, paragraph: int = 0, ends: re.Pattern[str] = _SENTENCE_END,
                 ) -> list[Sentence]:
    """The block's sentences, in ``paragraph``; ``ends``: _SENTENCE_END or its :func:`_end_pattern`."""
    out: list[Sentence] = []
    at = start
    for m in ends.finditer(text, start, end):
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        _add_piece(out, text, at, m.end(), True, paragraph)
        at = m.end()
    _add_piece(out, text, at, end, None, paragraph)
    return out


def _add_piece(out: list[Sentence], text: str, s: int, e: int, term: bool | None, paragraph: int = 0) -> None:
    """``text[s:e]`` without its surrounding whitespace (nothing when blank), in pieces of at most
    MAX_SENTENCE; ``term`` None: whether it ends like a sentence (:func:`_terminal`).  (Read in
    place, from both ends: no copy of the piece.)"""
    e2 = e
    while e2 > s and text[e2 - 1].isspace():  # what str.rstrip strips
        e2 -= 1
    s2 = s
    while s2 < e2 and text[s2].isspace():
        s2 += 1
    if term is None:  # _ends_terminal of text[s:e2]: the last character before the closing marks
        j = e2 - 1
        while j >= s2 and text[j] in CLOSERS:
            j -= 1
        term = j >= s2 and text[j] in ".!?…:"
    while e2 - s2 > MAX_SENTENCE:
        out.append(Sentence(s2, s2 + MAX_SENTENCE, paragraph, False))
        s2 += MAX_SENTENCE
    if e2 > s2:
        out.append(_new_tuple(Sentence, (s2, e2, paragraph, term)))


def split_sentences(article: Article) -> list[Sentence]:
    """Every sentence inside ``article.regions()``, in text order."""
    text = article.text
    ends = _end_pattern(text)
    sentences: list[Sentence] = []
    paragraph = 0
    for region in article.regions():
        rs, re_ = max(0, region.start), min(len(text), region.end)
        at = rs
        for brk in [*PARAGRAPH_BREAK.finditer(text, rs, re_), None]:
            stop = re_ if brk is None else brk.start()
            if text.find("\n", at, stop) < 0:  # one line: one block (a blank one has no sentence)
                if stop > at:
                    if ends.search(text, at, stop) is None:  # most: one sentence, no search for more
                        last = text[stop - 1]
                        if stop - at <= MAX_SENTENCE and not last.isspace() and not text[at].isspace():
                            # _add_piece of a piece with nothing to strip or cut, read at once
                            terminated = last in ".!?…:" or last in CLOSERS and _ends_terminal(text[at:stop])
                            sentences.append(_new_tuple(Sentence, (at, stop, paragraph, terminated)))
                        else:
                            _add_piece(sentences, text, at, stop, None, paragraph)
                    else:
                        sentences += _split_block(text, at, stop, paragraph, ends)
            else:
                for bs, be in _blocks(text, at, stop):
                    sentences += _split_block(text, bs, be, paragraph, ends)
            paragraph += 1
            at = re_ if brk is None else brk.end()
        paragraph += 1
    return sentences
