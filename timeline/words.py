"""One per-word table for what two stages ask of the same word.

Actor recognition asks each word of a sentence for its bits (:func:`timeline.actors.names.bits_of`)
and trigger search for its lead offsets (:func:`timeline.events.triggers.lead_offsets`).  Looked up
in two tables, a word costs two look-ups, each mostly missing the processor's cache after the date
resolver has run over the article.  A :class:`PerWord` keeps, per word, the pair of what its two
functions give, so one look-up serves both stages; :meth:`PerWord.columns` gives the two lists for
a sentence's words.

A new word costs more than all its later look-ups together (~44 new words per article on a sample
of te3-silver): :func:`bits_and_leads` gives the pair for the two stages above in one call, with the
common cases (a word of ASCII letters that is in no table) answered inline.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter

_FIRST, _SECOND = itemgetter(0), itemgetter(1)


class PerWord(dict):
    """word -> ``(first(word), second(word))``, computed on first sight (both must be pure
    functions of the word, with hashable values).  Equal pairs are one shared tuple: the words of a
    text have a few dozen pairs between them, which stay in the processor's cache, so a look-up
    reads the table and its key but seldom a pair of its own.

    ``pair``, when given, builds (on the first new word) a function that gives that same pair in
    one call (see :func:`bits_and_leads`)."""

    def __init__(self, first: Callable[[str], object], second: Callable[[str], object],
                 pair: Callable[[], Callable[[str], tuple]] | None = None):
        super().__init__()
        self._first, self._second = first, second
        self._build = pair
        self._pairs: dict[tuple, tuple] = {}

    def _pair(self, word: str) -> tuple:
        if self._build is not None:  # from now on, the built function (an attribute of the instance)
            self._pair = self._build()
            return self._pair(word)
        return self._first(word), self._second(word)

    def __missing__(self, word: str) -> tuple:
        pair = self._pair(word)
        pair = self._pairs.setdefault(pair, pair)
        if len(self) >= 1 << 18:  # a bound for long-running processes
            self.clear()
            self._pairs.clear()
        self[word] = pair
        return pair

    def columns(self, words: list[str]) -> tuple[list, list]:
        """``([first(w) for w in words], [second(w) for w in words])``, each word looked up once."""
        pairs = list(map(self.__getitem__, words))
        return list(map(_FIRST, pairs)), list(map(_SECOND, pairs))


def bits_and_leads() -> Callable[[str], tuple[int, tuple[int, ...]]]:
    """A function of a word giving ``(names.bits_of(word), triggers.lead_offsets(word))``.  For a word
    of ASCII letters it reads the tables itself: its lead offsets are its start or nothing, and its
    bits, unless it is a word of the actor tables, are UPPER with TITLE and NAME as its lower case
    and its form say, or 0 for a lower-case word that begins no mention.  Other words ask the two
    functions.  (Built once the tables exist: it binds them.)"""
    from timeline.actors import names
    from timeline.actors.tables import MONTHS_AND_DAYS, NOT_NAMES
    from timeline.events import triggers

    bits_of, lead_offsets, may_begin = names.bits_of, triggers.lead_offsets, triggers._may_begin
    leads_3, leads_2, leads_1 = triggers.LEADS_3, triggers.LEADS_2, triggers.LEADS_1
    table_words, title_rows, lower_starts = names._table_words(), names._TITLE_ROWS, names._lower_starts()
    upper, title, name = names.UPPER, names.TITLE, names.NAME
    start = (0,)

    def pair(word: str) -> tuple[int, tuple[int, ...]]:
        if not (word.isascii() and word.isalpha()):
            return bits_of(word), lead_offsets(word)
        lower = word.lower()
        offsets = (start if may_begin(lower) else ()) if (
            lower[:3] in leads_3 or lower[:2] in leads_2 or (leads_1 and lower in leads_1)) else ()
        if word[0].isupper():
            if word in table_words:
                return bits_of(word), offsets
            bits = upper | title if lower in title_rows else upper
            if len(word) > 1 and not word.isupper() and word not in NOT_NAMES and lower not in MONTHS_AND_DAYS:
                bits |= name
            return bits, offsets
        return (0 if lower not in lower_starts else bits_of(word)), offsets

    return pair
