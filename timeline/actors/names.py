"""Find actor mentions in a text: gazetteer entries, titled person names, role phrases, metonyms.

Two passes over a document's sentences.  The first finds what stands on its own (gazetteer
entries, "Russian President Vladimir Putin", "Mr. Putin", "A spokesperson for the German foreign
ministry"); the second finds what needs the first (a bare "Putin", "Niinsto" for "Niinistö",
"the Russian leader" when exactly one Russian leader was named).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property, lru_cache
from itertools import accumulate, compress, count, pairwise
from operator import sub
from typing import NamedTuple

from rapidfuzz import fuzz, process

from timeline.actors.gazetteer import Entry, demonyms, first_words, fold, gazetteer, known_people, second_words
from timeline.actors.tables import HONORIFICS, MONTHS_AND_DAYS, NOT_NAMES, TITLES

# A token: an initialism (U.S.), a word with inner hyphens/apostrophes/dots, a possessive, or a sign.
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[-.]\w+|[’'](?![sS]\b)\w+)*|[’'][sS]\b|\S")
POSSESSIVE = ("’s", "'s", "’S", "'S")
LOCATIVE_PREPOSITIONS = frozenset(
    "in at near outside inside to from into across around toward towards via through".split()
)
# Heads after a nationality adjective that make the phrase an actor: (head words, kind)
# kind "state": the phrase stands for the state itself; "organisation": a body of that state.
# kind "organisation" names the body "<Head> of <country>" ("Foreign Ministry of Germany").
DEMONYM_HEADS: tuple[tuple[str, str, str], ...] = (
    ("foreign ministry", "organisation", "Foreign Ministry"), ("defence ministry", "organisation", "Defence Ministry"),
    ("defense ministry", "organisation", "Defence Ministry"), ("foreign office", "organisation", "Foreign Ministry"),
    ("embassy", "organisation", "Embassy"), ("parliament", "organisation", "Parliament"),
    ("central bank", "organisation", "Central Bank"),
    ("government", "state", ""), ("leadership", "state", ""), ("authorities", "state", ""), ("army", "state", ""),
    ("military", "state", ""), ("troops", "state", ""), ("forces", "state", ""), ("navy", "state", ""),
    ("officials", "state", ""), ("side", "state", ""),
)
# Last words that make a capitalised run an organisation ("the Pew Research Center", "Bank of England").
ORG_HEADS = frozenset(
    """Center Centre Institute Agency Ministry Council Committee Party Bank University Commission Organization
    Organisation Foundation Corporation Company Fund Office Association Union Court Federation Alliance Front
    Movement Army Guard Police Service Bureau Authority Parliament Assembly Senate Congress Group""".split()
)
ORG_INNER = frozenset({"of", "for", "the", "and", "on", "&"})
FUZZY_MIN_LENGTH = 6  # bare surnames at least this long may be misspelt
FUZZY_SURNAME = 88
SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative", "spokespeople"})
REPORTING_AFTER_NAME = frozenset(
    "said says told tells added warned warns accused denied urged asked wrote insisted".split()
)


class Tokens(NamedTuple):
    """One sentence's tokens as parallel lists: ``words[i]`` is ``text[starts[i]:ends[i]]``.

    (Lists rather than one object per token: building ~300 token objects per article cost more
    than everything first_pass does with them.)"""

    words: list[str]
    starts: list[int]
    ends: list[int]


class Found(NamedTuple):
    """One actor mention before ids are assigned.  ``key`` names the actor within the document.

    (Immutable like the frozen dataclasses of :mod:`timeline.model`; a named tuple because a document
    makes dozens and a frozen dataclass costs three times as much to build.)"""

    start: int
    end: int
    text: str
    key: str
    category: str
    affiliation: str | None = None
    title: str | None = None
    locative: bool = False
    possessive: bool = False


# Every non-space character is in some token, so the gaps between tokens are whitespace: one findall
# of gap-and-token pieces gives the tokens (each piece with its leading whitespace stripped), and
# running sums of the pieces' lengths give their ends.  The token pattern is TOKEN's, with a first
# alternative for the common case (a run of word characters that no [-.'] continues, which TOKEN's
# alternatives would also match whole) and possessive repeats (the first path of TOKEN's repeats
# always succeeds): the same tokens, a fifth faster.  (``\s`` and ``str.lstrip`` agree on what is
# whitespace: both ask ``str.isspace``.)
_GAP_TOKEN = re.compile(r"\s*+(?:\w++(?![-.’'])|(?:[A-Z]\.){2,}|\w++(?:[-.]\w++|[’'](?![sS]\b)\w++)*+|[’'][sS]\b|\S)")


def tokenize(text: str, start: int, end: int) -> Tokens:
    """The tokens of ``text[start:end]`` (the matches of :data:`TOKEN`, left to right)."""
    pieces = _GAP_TOKEN.findall(text, start, end)
    ends = list(accumulate(map(len, pieces), initial=start))
    del ends[0]
    words = list(map(str.lstrip, pieces))
    return Tokens(words, list(map(sub, ends, map(len, words))), ends)


def tokenize_spans(text: str, spans: list[tuple[int, int]]) -> list[Tokens]:
    """``[tokenize(text, s, e) for s, e in spans]`` for spans in text order, from one tokenize of
    the text they cover.  A span bounded by whitespace (or by the covered text's ends) has the same
    tokens either way: no token crosses whitespace, and a token's look-aheads see whitespace there
    as they see the end of the span.  Other spans are tokenized on their own."""
    if not spans or any(b[0] < a[1] for a, b in pairwise(spans)):
        return [tokenize(text, s, e) for s, e in spans]
    low, high = spans[0][0], spans[-1][1]
    words, starts, ends = tokenize(text, low, high)
    out = []
    i = 0
    make = tuple.__new__  # Tokens(...) without its Python-level __new__: a sentence costs less
    for s, e in spans:
        if (s == low or text[s - 1].isspace()) and (e == high or text[e].isspace()):
            i = bisect_left(starts, s, i)
            j = bisect_left(starts, e, i)
            out.append(make(Tokens, (words[i:j], starts[i:j], ends[i:j])))
            i = j
        else:
            out.append(tokenize(text, s, e))
    return out


def _index(rows) -> dict[str, list]:
    """Phrase rows (words, *payload) indexed by first word, longest phrase first."""
    index: dict[str, list] = {}
    for row in sorted(rows, key=lambda row: -len(row[0])):
        index.setdefault(row[0][0], []).append(row)
    return index


_TITLE_ROWS = _index([(tuple(t.lower().split()), t, head) for t, head in TITLES])
_HEAD_ROWS = _index([(tuple(h.split()), kind, name) for h, kind, name in DEMONYM_HEADS])
_HONORIFICS = frozenset(h.rstrip(".") for h in HONORIFICS)


@lru_cache(maxsize=1 << 16)
def is_name_token(text: str) -> bool:
    """A capitalised word that can be part of a person's name (not "The", "Tuesday", "RUSSIAN")."""
    if not text or not text[0].isupper() or text in NOT_NAMES or text.lower() in MONTHS_AND_DAYS:
        return False
    if len(text) > 1 and text.isupper():
        return False
    return text[0].isalpha() and all(c.isalpha() or c in "-’'" for c in text) and len(text) > 1


def _phrase_at(words: list[str], i: int, rows) -> tuple[int, object] | None:
    """The first (longest) of ``rows`` whose phrase the words at ``i`` spell, case-insensitively:
    (the position after it, its payload).  (The next word is lowered once for all the rows, which
    mostly differ there: "foreign minister", "foreign secretary".)"""
    if i >= len(words):
        return None
    candidates = rows.get(words[i].lower())
    if candidates is None:
        return None
    size = len(words)
    after = words[i + 1].lower() if i + 1 < size else None
    for phrase, *payload in candidates:
        n = len(phrase)  # rows are indexed by their first word: compare the others
        if n == 1:
            return i + 1, payload
        if phrase[1] == after and i + n <= size and (
                n == 2 or all(words[i + k].lower() == phrase[k] for k in range(2, n))):
            return i + n, payload
    return None


def title_at(words: list[str], i: int) -> tuple[int, str, bool] | None:
    hit = _phrase_at(words, i, _TITLE_ROWS)
    if hit is None:
        return None
    j, (title, head) = hit  # case-insensitive: "Deputy Foreign Minister", "deputy foreign minister"
    return j, title, head


def gazetteer_at(words: list[str], i: int) -> tuple[int, Entry] | None:
    first = words[i]
    counts = first_words().get(first)
    if not counts:
        return None
    table = gazetteer()
    # forms of several words need the right second word ("The Hague" is no lookup for "The talks")
    several = i + 1 < len(words) and words[i + 1] in second_words().get(first, ())
    if not several:  # only a form of one word can be here: the word itself
        entry = table.get(first)
        return None if entry is None else (i + 1, entry)
    for n in counts:
        if i + n > len(words) or (n > 1 and not several):
            continue
        surface = first if n == 1 else " ".join(words[i : i + n])
        entry = table.get(surface)
        if entry is not None:
            return i + n, entry
    return None


def _affiliation_at(words: list[str], i: int, hit: tuple[int, Entry] | None) -> tuple[int, str] | None:
    """A nationality or state before a title: "Russian", "US", "Russia's", "EU".
    ``hit``: ``gazetteer_at(words, i)``."""
    if i < len(words) and words[i] in demonyms():
        j = i + 1
        if j < len(words) and words[j] in POSSESSIVE:
            j += 1
        return j, demonyms()[words[i]]
    if hit and hit[1].category in ("country", "organisation", "group", "city"):
        j, entry = hit
        if j < len(words) and words[j] in POSSESSIVE:
            j += 1
        return j, entry.stands_for or entry.name
    return None


def _initial_at(words: list[str], j: int) -> bool:
    """"W." in "George W. Bush"."""
    t = words[j]
    return len(t) == 1 and t.isupper() and j + 2 < len(words) and words[j + 1] == "." and \
        is_name_token(words[j + 2])


def _names_at(words: list[str], i: int, limit: int = 3, bits_at: list[int] | None = None) -> int:
    """The end of the run of name words (and initials "W.") from ``i``, ``limit + 2`` words at most;
    ``i`` itself when the run would begin with a gazetteer form that is not a person.  ``bits_at``:
    the words' :func:`word_bits`, when known (read by position instead of asking the table)."""
    j = i
    stop = min(len(words), i + limit + 2)
    table = _BITS  # NAME: is_name_token (never a word of one letter: that may be an initial)
    while j < stop:
        word = words[j]
        if len(word) == 1:
            if j > i and _initial_at(words, j):
                j += 2
                continue
            break
        bits = table[word] if bits_at is None else bits_at[j]
        if not bits & NAME:
            break
        if j == i and bits & GAZETTEER:  # gazetteer_at finds nothing for a word no form begins with
            hit = gazetteer_at(words, j)
            if hit and hit[1].category != "person":
                break
        j += 1
    return j


@lru_cache(maxsize=1)
def _lower_starts() -> frozenset[str]:
    """Lower-case words that can begin a mention: title words ("deputy foreign minister") and
    lower-case gazetteer forms ("dpa", "the West")."""
    words = {row[0][0] for rows in _TITLE_ROWS.values() for row in rows}
    words |= {w.lower() for w in first_words() if not w[0].isupper()}
    return frozenset(words)


# What a word is to first_pass, as bits (0: no mention can begin with it).
UPPER, LOWER_START, HONORIFIC, NATIONALITY, TITLE, GAZETTEER, NAME, ORG_HEAD, GAZETTEER_ONE = (1 << k for k in range(9))
LEADS = HONORIFIC | NATIONALITY | TITLE | GAZETTEER
# A lower-case word that only begins gazetteer forms of several words ("the" of "the West"): without
# the right second word, first_pass finds nothing there.
ONLY_LONGER_FORMS = LOWER_START | GAZETTEER


class _WordBits(dict):
    """word -> its bits, computed on first sight: a pure function of the word and the tables.
    (A new word is met ~40 times per article: the two common cases come first, without calls.)"""

    @cached_property
    def _lower_starts(self) -> frozenset[str]:
        return _lower_starts()

    @cached_property
    def _table_words(self) -> frozenset[str]:
        return _table_words()

    def __missing__(self, word: str) -> int:
        if len(self) >= 1 << 18:  # a bound for long-running processes
            self.clear()
        if word[0].isupper():
            bits = UPPER
            if word[-1] != "." and word not in self._table_words:  # most new words: a name or not, little else
                lower = word.lower()
                bits |= TITLE if lower in _TITLE_ROWS else 0
                # _name_like, inline, with a word of letters only (most) spared its replacements
                bits |= NAME if (len(word) > 1 and not word.isupper() and (word.isalpha() or _name_like(word, lower))
                                 and word not in NOT_NAMES and lower not in MONTHS_AND_DAYS) else 0
                self[word] = bits
                return bits
        elif word.lower() not in self._lower_starts:  # most new words: no mention begins with them
            self[word] = 0
            return 0
        else:
            bits = LOWER_START
        if bits:  # only a word that can begin a mention is asked more
            bits |= HONORIFIC if word.rstrip(".") in _HONORIFICS else 0
            bits |= NATIONALITY if word in demonyms() else 0
            bits |= TITLE if word.lower() in _TITLE_ROWS else 0
            bits |= GAZETTEER if word in first_words() else 0
            bits |= GAZETTEER_ONE if 1 in first_words().get(word, ()) else 0  # a form of one word
            bits |= NAME if is_name_token(word) else 0
            bits |= ORG_HEAD if word in ORG_HEADS else 0
        self[word] = bits
        return bits


@lru_cache(maxsize=1)
def _table_words() -> frozenset[str]:
    """Every word that is an honorific (without its dots), a demonym, the first word of a gazetteer
    form or an organisation head: a capitalised word not ending in a dot and outside this set has at
    most the bits UPPER, TITLE (by its lower case) and NAME."""
    return frozenset(_HONORIFICS | set(demonyms()) | set(first_words()) | ORG_HEADS)


def _name_like(word: str, lower: str) -> bool:
    """is_name_token(word) for a capitalised ``word`` (``lower``: its lower case), without the cache
    and the per-character loop: a string of letters once its hyphens and apostrophes are dropped."""
    return (len(word) > 1 and not word.isupper() and word[0].isalpha()
            and word.replace("-", "").replace("’", "").replace("'", "").isalpha()
            and word not in NOT_NAMES and lower not in MONTHS_AND_DAYS)


_BITS = _WordBits()


bits_of = _BITS.__getitem__  # word -> its bits (words.bits_and_leads answers the common words without it)


def may_start(words: list[str]) -> list[int]:
    """Positions where a mention can begin: a capitalised word or one of :func:`_lower_starts`."""
    return list(compress(count(), map(_BITS.__getitem__, words)))  # the positions of non-zero bits


def word_bits(words: list[str]) -> list[int]:
    """Each word's bits, in order: first_pass and second_pass read a word's bits from this list by
    position (cheaper than asking the table again).  ``may_start(words)`` is
    ``list(compress(count(), word_bits(words)))``."""
    return list(map(_BITS.__getitem__, words))


def _is_locative(words: list[str], i: int) -> bool:
    k = i - 1
    if k >= 0 and words[k].lower() == "the":
        k -= 1
    return k >= 0 and words[k].lower() in LOCATIVE_PREPOSITIONS


def _listed_after_place(toks: Tokens, i: int, found: list[Found]) -> bool:
    """"a trip to Kiev, Moscow and EU capital Brussels": the list goes on being places."""
    if not found or not found[-1].locative:
        return False
    # the words starting at or after the last mention's end and before word i
    gap = toks.words[bisect_left(toks.starts, found[-1].end) : i]
    return 0 < len(gap) <= 4 and gap[0] in (",", "and", "or", "capital") and all(
        w in (",", "and", "or", "capital") or w[0].isupper() for w in gap
    )


def _possessive_after(words: list[str], j: int) -> bool:
    return j < len(words) and words[j] in POSSESSIVE


def _person(toks: Tokens, i, j, title=None, affiliation=None) -> Found:
    text = " ".join(toks.words[i:j]).replace(" .", ".")
    return Found(
        toks.starts[i], toks.ends[j - 1], text, text, "person", affiliation, title,
        possessive=_possessive_after(toks.words, j),
    )


def _titled(toks: Tokens, i: int, hit: tuple[int, Entry] | None,
            bits_at: list[int] | None = None) -> tuple[int, Found] | None:
    """[affiliation] title Name [Name [Name]], or a role phrase "the Russian leader".
    ``hit``: ``gazetteer_at(words, i)``; ``bits_at``: the words' :func:`word_bits`, when known."""
    words = toks.words
    affiliation = None
    k = i
    aff = _affiliation_at(words, i, hit)
    if aff is not None:
        k, affiliation = aff
    # "EU diplomatic chief", "Russia's deputy foreign minister": at most two words between.
    hit = title_at(words, k)
    if hit is None:
        return None
    j, title, _head = hit
    end = _names_at(words, j, bits_at=bits_at)
    if end > j:
        return end, _person(toks, j, end, title, affiliation)
    if affiliation and i > 0 and words[i - 1].lower() == "the":
        text = " ".join(words[i - 1 : j])
        role = Found(toks.starts[i - 1], toks.ends[j - 1], text, f"role:{affiliation}:{title.lower()}",
                     "role", affiliation, title)
        return j, role
    return None


def _demonym_body(toks: Tokens, i: int, hit: tuple[int, Entry] | None) -> tuple[int, Found] | None:
    """"the German foreign ministry", "the Ukrainian leadership", "Russian troops".
    ``hit``: ``gazetteer_at(words, i)``."""
    words = toks.words
    k = i + 1
    if words[i] in demonyms():
        country = demonyms()[words[i]]
    else:  # "China's foreign ministry", "South Korea's military"
        if hit is None or hit[1].category != "country" or not _possessive_after(words, hit[0]):
            return None
        country, k = hit[1].name, hit[0] + 1
    hit = _phrase_at(words, k, _HEAD_ROWS)
    if hit is None:
        return None
    j, (kind, head) = hit
    text = " ".join(words[i:j])
    start, end = toks.starts[i], toks.ends[j - 1]
    if kind == "organisation":
        return j, Found(start, end, text, f"{head} of {country}", "organisation", country)
    return j, Found(start, end, text, country, "country")


def _organisation_run(toks: Tokens, i: int) -> tuple[int, Found] | None:
    """A capitalised run ending in an organisation word: "Pew Research Center", "Bank of England"."""
    words = toks.words
    j, head = i, None
    while j < len(words) and j - i < 8:
        t = words[j]
        if t[0].isupper() and t != "The" and (t.isalpha() or "-" in t):
            if t in ORG_HEADS:
                head = j
        elif t not in ORG_INNER or j == i:
            break
        j += 1
    if head is None:
        return None
    end = head + 1
    # "Bank of England": a head may be followed by "of <Place>"
    if end + 1 < len(words) and words[end] == "of" and words[end + 1][0].isupper():
        end += 2
    if end - i < 2:
        return None
    text = " ".join(words[i:end])
    return end, Found(toks.starts[i], toks.ends[end - 1], text, text, "organisation")


def _spokes(toks: Tokens, i: int, found: Found) -> Found:
    """"a spokesperson for the German foreign ministry": the mention covers the speaker."""
    words = toks.words
    k = i - 1
    if k >= 0 and words[k].lower() == "the":
        k -= 1
    if k >= 1 and words[k].lower() in ("for", "of") and words[k - 1].lower() in SPOKES:
        start = toks.starts[k - 1]
        if k >= 2 and words[k - 2].lower() in ("a", "the", "an"):
            start = toks.starts[k - 2]
        return Found(start, found.end, found.text, found.key, found.category, found.affiliation)
    return found


def _head_within(heads: list[int], i: int, n: int) -> bool:
    """Is one of the (sorted) positions ``heads`` in ``[i, i + n)``?"""
    k = bisect_left(heads, i)
    return k < len(heads) and heads[k] < i + n


def first_pass(toks: Tokens, starts: list[int] | None = None, bits_at: list[int] | None = None) -> list[Found]:
    """Mentions that stand on their own.  ``starts``: :func:`may_start` of the words, ``bits_at``:
    their :func:`word_bits`, when known."""
    words = toks.words
    size = len(words)
    found: list[Found] = []
    if bits_at is None:
        bits_at = word_bits(words)
    if starts is None:
        starts = list(compress(count(), bits_at))
    seconds = second_words()
    table = gazetteer()
    reporting_after = REPORTING_AFTER_NAME
    heads = [k for k in starts if bits_at[k] & ORG_HEAD]  # where an organisation run can end
    done = 0  # words before this one are inside a mention found already
    for i in starts:
        if i < done:
            continue
        tok = words[i]
        bits = bits_at[i]
        if bits == ONLY_LONGER_FORMS and not (i + 1 < size and words[i + 1] in seconds.get(tok, ())):
            done = i + 1  # "the" not followed by "West", "Hague", ...: what the steps below conclude
            continue
        if not bits & (LEADS | NAME) and not (heads and bits & UPPER and _head_within(heads, i, 8)):
            done = i + 1  # a plain capitalised word ("The", "He", "Tuesday") outside an organisation's name
            continue
        nationality = bits & NATIONALITY
        hit = None  # the gazetteer form starting here, for all that follows
        if bits & LEADS:  # else none of these lookups can succeed
            if bits & HONORIFIC and bits & UPPER:
                j = i + 1 + (i + 1 < size and words[i + 1] == ".")
                end = _names_at(words, j, bits_at=bits_at)
                if end > j:
                    found.append(_person(toks, j, end))
                    done = end
                    continue
            # gazetteer_at finds nothing for a word that only begins forms of several words, unless the
            # next word is the second word of one of them; without that, it finds the word's own form
            if bits & GAZETTEER:
                if i + 1 < size and words[i + 1] in seconds.get(tok, ()):
                    hit = gazetteer_at(words, i)
                elif bits & GAZETTEER_ONE:
                    hit = i + 1, table[tok]
            # a title needs a nationality, a state or a title word first (see _affiliation_at)
            place = hit is not None and hit[1].category in ("country", "organisation", "group", "city")
            titled = None
            if bits & TITLE or (nationality or place):
                k = i + 1 if nationality else hit[0] if place and hit is not None else i  # where a title starts
                if (nationality or place) and k < size and words[k] in POSSESSIVE:
                    k += 1
                if k < size and bits_at[k] & TITLE:
                    titled = _titled(toks, i, hit, bits_at)
            if titled:
                done, mention = titled
                found.append(mention)
                continue
            body = None
            if nationality or (hit is not None and hit[1].category == "country"):
                # a body's head word follows the demonym, or the country and its possessive
                k = i + 1 if nationality else hit[0] + 1 if hit is not None else i
                if k < size and words[k].lower() in _HEAD_ROWS:
                    body = _demonym_body(toks, i, hit)
            if body:
                done, mention = body
                found.append(_spokes(toks, i, mention) if mention.category == "organisation" else mention)
                continue
        org = None
        if heads and bits & UPPER and _head_within(heads, i, 8):
            org = _organisation_run(toks, i)
        if org and (hit is None or hit[0] < org[0]):
            done, mention = org
            found.append(_spokes(toks, i, mention))
            continue
        if hit:
            j, entry = hit
            text = tok if j == i + 1 else " ".join(words[i:j])
            # the word before, "the" skipped: _is_locative and _spokes look at it first
            before = words[i - 1].lower() if i > 0 else ""
            if before == "the":
                before = words[i - 2].lower() if i > 1 else ""
            locative = before in LOCATIVE_PREPOSITIONS or (
                bool(found) and found[-1].locative and _listed_after_place(toks, i, found))
            key, category, affiliation = entry.name, entry.category, entry.affiliation
            if entry.stands_for and not locative:
                key, category, affiliation = entry.stands_for, "country", None
            if entry.category == "person":
                affiliation = entry.affiliation
            mention = Found(toks.starts[i], toks.ends[j - 1], text, key, category, affiliation, None,
                            locative, j < size and words[j] in POSSESSIVE)
            found.append(_spokes(toks, i, mention) if before in ("for", "of") else mention)
            done = j
            continue
        if bits & NAME and (i == 0 or not bits_at[i - 1] & UPPER):
            after_quote = i > 0 and words[i - 1] in ("”", '"', ",", "’")
            # a name of two words or more needs a name word (or an initial) next: else skip _names_at
            longer = i + 1 < size and (
                bits_at[i + 1] & NAME or (len(words[i + 1]) == 1 and _initial_at(words, i + 1)))
            if not (after_quote or longer):  # a name of one word, not after a quote: no mention here
                done = i + 1
                continue
            if reporting_after.isdisjoint(words[i + 1 : i + 7]):  # _names_at ends within 6 words: not before one
                done = i + 1
                continue
            end = _names_at(words, i, bits_at=bits_at)
            reporting = end < size and words[end] in REPORTING_AFTER_NAME
            if reporting and (end - i >= 2 or after_quote):
                found.append(_person(toks, i, end))
                done = end
                continue
        done = i + 1
    return found


def _surname(name: str) -> str:
    return fold(name.split()[-1])


@lru_cache(maxsize=1)
def _known_folded() -> tuple[list[str], list[str], list[str]]:
    """The table of public figures in its order: names, folded surnames, folded first words."""
    names = list(known_people())
    return names, [fold(n.split()[-1]) for n in names], [fold(n.split()[0]) for n in names]


def within_reach(n: int, m: int, cutoff: float) -> bool:
    """Can a word of ``n`` letters score ``cutoff`` against one of ``m`` letters?  fuzz.ratio is at
    most 100 * (1 - |n - m| / (n + m))."""
    return 100 * abs(n - m) <= (100 - cutoff) * (n + m)


@lru_cache(maxsize=64)
def _known_of_length(n: int) -> tuple[list[int], list[str]]:
    """The places and folded surnames in the table of public figures that a surname of ``n`` letters
    can score 85 against (:func:`within_reach`)."""
    surnames = _known_folded()[1]
    places = [k for k, s in enumerate(surnames) if within_reach(n, len(s), 85)]
    return places, [surnames[k] for k in places]


@lru_cache(maxsize=1 << 12)
def match_known(name: str) -> str | None:
    """The canonical name of a public figure this surface form denotes, misspellings included:
    the first in the table whose surname is close (ratio >= 85) and, for a name of several words,
    whose first name is too (ratio >= 75)."""
    parts = name.split()
    names, _, firsts = _known_folded()
    surname = fold(parts[-1])
    # the surname scored in one call (same fuzz.ratio) against the table's surnames of a length within
    # reach (see _known_of_length), kept in table order
    places, surnames = _known_of_length(len(surname))
    close = sorted(places[k] for _, _, k in process.extract(surname, surnames, scorer=fuzz.ratio,
                                                            score_cutoff=85, limit=None)) if surnames else ()
    for k in close:
        if len(parts) == 1 or fuzz.ratio(fold(parts[0]), firsts[k]) >= 75:
            return names[k]
    return None


def closest_surname(folded: str, people: dict[str, str]) -> str | None:
    """The key of the surname in ``people`` closest to ``folded`` (a misspelling), if close enough."""
    best = process.extractOne(folded, list(people), scorer=fuzz.ratio, score_cutoff=FUZZY_SURNAME)
    return people[best[0]] if best else None


def second_pass(toks: Tokens, taken: set[int], people: dict[str, str], starts: list[int] | None = None,
                closest=closest_surname, bits_at: list[int] | None = None) -> list[Found]:
    """Bare surnames of people already named (``people``: folded surname -> key).
    ``taken``: positions of the words inside mentions found already; ``starts``: the positions to
    look at, when known: any that has every name word (:func:`may_start`, or the words whose bits
    have NAME); ``closest(folded, people)``: what
    :func:`closest_surname` gives (recognise passes one that caches its work on the fixed table);
    ``bits_at``: :func:`word_bits` of the words, when known."""
    words = toks.words
    if bits_at is None:
        bits_at = word_bits(words)
    fold_ = fold
    person = people.get
    found = []
    for i in range(len(words)) if starts is None else starts:
        if not bits_at[i] & NAME or i in taken:  # a name token is capitalised
            continue
        if i > 0 and bits_at[i - 1] & NAME and i - 1 not in taken:
            continue
        word = words[i]
        folded = fold_(word)
        key = person(folded)
        if key is None and len(word) >= FUZZY_MIN_LENGTH:  # "Niinsto" for Niinistö
            key = closest(folded, people)
        if key is None:
            continue
        found.append(Found(toks.starts[i], toks.ends[i], word, key, "person",
                           possessive=_possessive_after(words, i + 1)))
    return found
