"""Find actor mentions in a text: gazetteer entries, titled person names, role phrases, metonyms.

Two passes over a document's sentences.  The first finds what stands on its own (gazetteer
entries, "Russian President Vladimir Putin", "Mr. Putin", "A spokesperson for the German foreign
ministry"); the second finds what needs the first (a bare "Putin", "Niinsto" for "Niinistö",
"the Russian leader" when exactly one Russian leader was named).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
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


class Token(NamedTuple):
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Found:
    """One actor mention before ids are assigned.  ``key`` names the actor within the document."""

    start: int
    end: int
    text: str
    key: str
    category: str
    affiliation: str | None = None
    title: str | None = None
    locative: bool = False
    possessive: bool = False


_new_tuple = tuple.__new__  # Token(...) through its generated __new__ is a third slower


def tokenize(text: str, start: int, end: int) -> list[Token]:
    return [_new_tuple(Token, (m.start(), m.end(), m.group())) for m in TOKEN.finditer(text, start, end)]


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


def _phrase_at(tokens: list[Token], i: int, rows) -> tuple[int, object] | None:
    if i >= len(tokens):
        return None
    for words, *payload in rows.get(tokens[i].text.lower(), ()):
        n = len(words)  # rows are indexed by their first word: compare the others
        if i + n <= len(tokens) and all(tokens[i + k].text.lower() == words[k] for k in range(1, n)):
            return i + n, payload
    return None


def title_at(tokens: list[Token], i: int) -> tuple[int, str, bool] | None:
    hit = _phrase_at(tokens, i, _TITLE_ROWS)
    if hit is None:
        return None
    j, (title, head) = hit  # case-insensitive: "Deputy Foreign Minister", "deputy foreign minister"
    return j, title, head


def gazetteer_at(tokens: list[Token], i: int) -> tuple[int, Entry] | None:
    first = tokens[i].text
    counts = first_words().get(first)
    if not counts:
        return None
    table = gazetteer()
    # forms of several words need the right second word ("The Hague" is no lookup for "The talks")
    several = i + 1 < len(tokens) and tokens[i + 1].text in second_words().get(first, ())
    for n in counts:
        if i + n > len(tokens) or (n > 1 and not several):
            continue
        surface = tokens[i].text if n == 1 else " ".join([t.text for t in tokens[i : i + n]])
        entry = table.get(surface)
        if entry is not None:
            return i + n, entry
    return None


def _affiliation_at(tokens: list[Token], i: int, hit: tuple[int, Entry] | None) -> tuple[int, str] | None:
    """A nationality or state before a title: "Russian", "US", "Russia's", "EU".
    ``hit``: ``gazetteer_at(tokens, i)``."""
    if i < len(tokens) and tokens[i].text in demonyms():
        j = i + 1
        if j < len(tokens) and tokens[j].text in POSSESSIVE:
            j += 1
        return j, demonyms()[tokens[i].text]
    if hit and hit[1].category in ("country", "organisation", "group", "city"):
        j, entry = hit
        if j < len(tokens) and tokens[j].text in POSSESSIVE:
            j += 1
        return j, entry.stands_for or entry.name
    return None


def _initial_at(tokens: list[Token], j: int) -> bool:
    """"W." in "George W. Bush"."""
    t = tokens[j].text
    return len(t) == 1 and t.isupper() and j + 2 < len(tokens) and tokens[j + 1].text == "." and \
        is_name_token(tokens[j + 2].text)


def _names_at(tokens: list[Token], i: int, limit: int = 3) -> int:
    j = i
    while j < len(tokens) and j - i < limit + 2 and (is_name_token(tokens[j].text) or (j > i and _initial_at(
            tokens, j))):
        if _initial_at(tokens, j):
            j += 2
            continue
        if j == i:
            hit = gazetteer_at(tokens, j)
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


def _is_locative(tokens: list[Token], i: int) -> bool:
    k = i - 1
    if k >= 0 and tokens[k].text.lower() == "the":
        k -= 1
    return k >= 0 and tokens[k].text.lower() in LOCATIVE_PREPOSITIONS


def _listed_after_place(tokens: list[Token], i: int, found: list[Found]) -> bool:
    """"a trip to Kiev, Moscow and EU capital Brussels": the list goes on being places."""
    if not found or not found[-1].locative:
        return False
    gap = [t.text for t in tokens if found[-1].end <= t.start < tokens[i].start]
    return 0 < len(gap) <= 4 and gap[0] in (",", "and", "or", "capital") and all(
        w in (",", "and", "or", "capital") or w[0].isupper() for w in gap
    )


def _possessive_after(tokens: list[Token], j: int) -> bool:
    return j < len(tokens) and tokens[j].text in POSSESSIVE


def _person(tokens, i, j, title=None, affiliation=None) -> Found:
    text = " ".join(t.text for t in tokens[i:j]).replace(" .", ".")
    return Found(
        tokens[i].start, tokens[j - 1].end, text, text, "person", affiliation, title,
        possessive=_possessive_after(tokens, j),
    )


def _titled(tokens: list[Token], i: int, hit: tuple[int, Entry] | None) -> tuple[int, Found] | None:
    """[affiliation] title Name [Name [Name]], or a role phrase "the Russian leader".
    ``hit``: ``gazetteer_at(tokens, i)``."""
    affiliation = None
    k = i
    aff = _affiliation_at(tokens, i, hit)
    if aff is not None:
        k, affiliation = aff
    # "EU diplomatic chief", "Russia's deputy foreign minister": at most two words between.
    hit = title_at(tokens, k)
    if hit is None:
        return None
    j, title, _head = hit
    end = _names_at(tokens, j)
    if end > j:
        return end, _person(tokens, j, end, title, affiliation)
    if affiliation and i > 0 and tokens[i - 1].text.lower() == "the":
        text = " ".join(t.text for t in tokens[i - 1 : j])
        role = Found(tokens[i - 1].start, tokens[j - 1].end, text, f"role:{affiliation}:{title.lower()}",
                     "role", affiliation, title)
        return j, role
    return None


def _demonym_body(tokens: list[Token], i: int, hit: tuple[int, Entry] | None) -> tuple[int, Found] | None:
    """"the German foreign ministry", "the Ukrainian leadership", "Russian troops".
    ``hit``: ``gazetteer_at(tokens, i)``."""
    k = i + 1
    if tokens[i].text in demonyms():
        country = demonyms()[tokens[i].text]
    else:  # "China's foreign ministry", "South Korea's military"
        if hit is None or hit[1].category != "country" or not _possessive_after(tokens, hit[0]):
            return None
        country, k = hit[1].name, hit[0] + 1
    hit = _phrase_at(tokens, k, _HEAD_ROWS)
    if hit is None:
        return None
    j, (kind, head) = hit
    text = " ".join(t.text for t in tokens[i:j])
    if kind == "organisation":
        return j, Found(tokens[i].start, tokens[j - 1].end, text, f"{head} of {country}", "organisation", country)
    return j, Found(tokens[i].start, tokens[j - 1].end, text, country, "country")


def _organisation_run(tokens: list[Token], i: int) -> tuple[int, Found] | None:
    """A capitalised run ending in an organisation word: "Pew Research Center", "Bank of England"."""
    j, head = i, None
    while j < len(tokens) and j - i < 8:
        t = tokens[j].text
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
    if end + 1 < len(tokens) and tokens[end].text == "of" and tokens[end + 1].text[0].isupper():
        end += 2
    if end - i < 2:
        return None
    text = " ".join(t.text for t in tokens[i:end])
    return end, Found(tokens[i].start, tokens[end - 1].end, text, text, "organisation")


def _spokes(tokens: list[Token], i: int, found: Found) -> Found:
    """"a spokesperson for the German foreign ministry": the mention covers the speaker."""
    k = i - 1
    if k >= 0 and tokens[k].text.lower() == "the":
        k -= 1
    if k >= 1 and tokens[k].text.lower() in ("for", "of") and tokens[k - 1].text.lower() in SPOKES:
        start = tokens[k - 1].start
        if k >= 2 and tokens[k - 2].text.lower() in ("a", "the", "an"):
            start = tokens[k - 2].start
        return Found(start, found.end, found.text, found.key, found.category, found.affiliation)
    return found


def _head_within(heads: list[int], i: int, n: int) -> bool:
    """Is one of the (sorted) positions ``heads`` in ``[i, i + n)``?"""
    k = bisect_left(heads, i)
    return k < len(heads) and heads[k] < i + n


@lru_cache(maxsize=1 << 16)
def _may_lead(word: str) -> bool:
    """Can ``word`` begin an honorific, a title, a nationality or a gazetteer phrase?  (When it
    cannot, first_pass skips those lookups: each would find nothing.)"""
    return (word.rstrip(".") in _HONORIFICS or word in demonyms() or word in first_words()
            or word.lower() in _TITLE_ROWS)


def first_pass(tokens: list[Token]) -> list[Found]:
    found: list[Found] = []
    i = 0
    lower_starts = _lower_starts()
    heads = [k for k, t in enumerate(tokens) if t.text in ORG_HEADS]  # where an organisation run can end
    while i < len(tokens):
        tok = tokens[i]
        if not tok.text[0].isupper() and tok.text.lower() not in lower_starts:
            i += 1
            continue
        hit = None  # the gazetteer form starting here, for all that follows
        if _may_lead(tok.text):  # else no honorific, title, nationality or gazetteer phrase starts here
            if tok.text.rstrip(".") in _HONORIFICS and tok.text[0].isupper():
                j = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].text == ".")
                end = _names_at(tokens, j)
                if end > j:
                    found.append(_person(tokens, j, end))
                    i = end
                    continue
            hit = gazetteer_at(tokens, i)
            titled = _titled(tokens, i, hit)
            if titled:
                i, mention = titled
                found.append(mention)
                continue
            body = _demonym_body(tokens, i, hit)
            if body:
                j, mention = body
                found.append(_spokes(tokens, i, mention) if mention.category == "organisation" else mention)
                i = j
                continue
        org = None
        if tok.text[0].isupper() and _head_within(heads, i, 8):
            org = _organisation_run(tokens, i)
        if org and (hit is None or hit[0] < org[0]):
            j, mention = org
            found.append(_spokes(tokens, i, mention))
            i = j
            continue
        if hit:
            j, entry = hit
            text = tokens[i].text if j == i + 1 else " ".join(t.text for t in tokens[i:j])
            locative = _is_locative(tokens, i) or _listed_after_place(tokens, i, found)
            key, category, affiliation = entry.name, entry.category, entry.affiliation
            if entry.stands_for and not locative:
                key, category, affiliation = entry.stands_for, "country", None
            if entry.category == "person":
                affiliation = entry.affiliation
            mention = Found(tokens[i].start, tokens[j - 1].end, text, key, category, affiliation,
                            locative=locative, possessive=_possessive_after(tokens, j))
            found.append(_spokes(tokens, i, mention))
            i = j
            continue
        if is_name_token(tok.text) and (i == 0 or not tokens[i - 1].text[0].isupper()):
            end = _names_at(tokens, i)
            reporting = end < len(tokens) and tokens[end].text in REPORTING_AFTER_NAME
            after_quote = i > 0 and tokens[i - 1].text in ("”", '"', ",", "’")
            if reporting and (end - i >= 2 or after_quote):
                found.append(_person(tokens, i, end))
                i = end
                continue
        i += 1
    return found


def _surname(name: str) -> str:
    return fold(name.split()[-1])


@lru_cache(maxsize=1 << 12)
def match_known(name: str) -> str | None:
    """The canonical name of a public figure this surface form denotes, misspellings included."""
    parts = name.split()
    for canonical in known_people():
        cparts = canonical.split()
        if fuzz.ratio(fold(parts[-1]), fold(cparts[-1])) < 85:
            continue
        if len(parts) == 1 or fuzz.ratio(fold(parts[0]), fold(cparts[0])) >= 75:
            return canonical
    return None


def second_pass(tokens: list[Token], taken: set[int], people: dict[str, str]) -> list[Found]:
    """Bare surnames of people already named (``people``: folded surname -> key)."""
    found = []
    for i, tok in enumerate(tokens):
        if not tok.text[0].isupper() or tok.start in taken or not is_name_token(tok.text):
            continue
        if i > 0 and is_name_token(tokens[i - 1].text) and tokens[i - 1].start not in taken:
            continue
        key = people.get(fold(tok.text))
        if key is None and len(tok.text) >= FUZZY_MIN_LENGTH:  # "Niinsto" for Niinistö
            best = process.extractOne(fold(tok.text), list(people), scorer=fuzz.ratio, score_cutoff=FUZZY_SURNAME)
            key = people[best[0]] if best else None
        if key is None:
            continue
        found.append(Found(tok.start, tok.end, tok.text, key, "person",
                           possessive=_possessive_after(tokens, i + 1)))
    return found
