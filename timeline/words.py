"""One per-word table for what two stages ask of the same word.

Actor recognition asks each word of a sentence for its bits (:func:`timeline.actors.names.word_bits`)
and trigger search for its lead offsets (:func:`timeline.events.triggers.lead_offsets`).  Looked up
in two tables, a word costs two look-ups, each mostly missing the processor's cache after the date
resolver has run over the article.  A :class:`PerWord` keeps, per word, the pair of what its two
functions give, so one look-up serves both stages; :meth:`PerWord.columns` gives the two lists for
a sentence's words.  The module knows neither stage: the caller hands it the functions.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter

_FIRST, _SECOND = itemgetter(0), itemgetter(1)


class PerWord(dict):
    """word -> ``(first(word), second(word))``, computed on first sight (both must be pure
    functions of the word, with hashable values).  Equal pairs are one shared tuple: the words of a
    text have a few dozen pairs between them, which stay in the processor's cache, so a look-up
    reads the table and its key but seldom a pair of its own."""

    def __init__(self, first: Callable[[str], object], second: Callable[[str], object]):
        super().__init__()
        self._first, self._second = first, second
        self._pairs: dict[tuple, tuple] = {}

    def __missing__(self, word: str) -> tuple:
        pair = (self._first(word), self._second(word))
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
