"""One document's actors: mentions with ids and the Actor table, from :mod:`timeline.actors.names`."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count

from rapidfuzz import fuzz, process

from timeline.actors.gazetteer import actor_id, fold, known_people
from timeline.actors.names import (
    FUZZY_SURNAME,
    Found,
    Tokens,
    first_pass,
    match_known,
    second_pass,
    tokenize_spans,
    within_reach,
    word_bits,
)
from timeline.actors.tables import KNOWN_ALIASES, TITLES
from timeline.model import Actor

HEAD_OF_STATE = frozenset(t.lower() for t, head in TITLES if head)
SURNAME_MIN_RATIO = 85


@dataclass(frozen=True)
class Recognised:
    """Per-sentence tokens and mentions (same order as the sentences given), and the actors."""

    tokens: tuple[Tokens, ...]
    mentions: tuple[tuple[Found, ...], ...]
    actors: dict[str, Actor]

    def actor_of(self, found: Found) -> str:
        return actor_id(found.key)


def _canonical_people(persons: list[Found]) -> dict[str, str]:
    """Surface name -> canonical key: the table of public figures first, else the longest form
    sharing a (fuzzy) surname within the document."""
    canon: dict[str, str] = {}
    local: list[str] = []
    for found in sorted(persons, key=lambda f: -len(f.text.split())):
        known = match_known(found.text)
        if known:
            canon[found.text] = known
            continue
        surname = fold(found.text.split()[-1])
        for full in local:
            if fuzz.ratio(surname, fold(full.split()[-1])) >= SURNAME_MIN_RATIO:
                canon[found.text] = full
                break
        else:
            local.append(found.text)
            canon[found.text] = found.text
    return canon


@lru_cache(maxsize=1)
def _known_surnames() -> dict[str, str]:
    """Folded surname or alias -> canonical name, for the table of public figures."""
    index = {fold(name.split()[-1]): name for name in known_people()}
    index.update({fold(alias): name for alias, name in KNOWN_ALIASES})
    return index


@lru_cache(maxsize=1)
def _known_surname_list() -> list[str]:
    return list(_known_surnames())


@lru_cache(maxsize=64)
def _known_of_length(n: int) -> list[str]:
    """The table's surnames, in order, that a word of ``n`` letters can score FUZZY_SURNAME against
    (names.within_reach; a new word is scored against a third of the table, on average)."""
    return [s for s in _known_surname_list() if within_reach(n, len(s), FUZZY_SURNAME)]


@lru_cache(maxsize=1 << 14)
def _closest_known(folded: str) -> tuple[str, float] | None:
    """names.closest_surname over the table of public figures alone: (surname, score) or None."""
    choices = _known_of_length(len(folded))
    best = process.extractOne(folded, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_SURNAME) if choices else None
    return (best[0], best[1]) if best else None


def _closest(folded: str, index: dict[str, str], extras: list[str]) -> str | None:
    """names.closest_surname(folded, index) for an index made by _surname_index, whose ``extras``
    are the surnames not in the table: the table's come first in it (so they win ties)."""
    known = _closest_known(folded)
    extra = process.extractOne(folded, extras, scorer=fuzz.ratio, score_cutoff=FUZZY_SURNAME) if extras else None
    if extra is not None and (known is None or extra[1] > known[1]):
        return index[extra[0]]
    return index[known[0]] if known is not None else None


def _surname_index(canon: dict[str, str]) -> dict[str, str]:
    index = dict(_known_surnames())
    for key in canon.values():
        index[fold(key.split()[-1])] = key
    return index


def _title_fits(role_title: str, person_title: str | None) -> bool:
    role, person = role_title.lower(), (person_title or "").lower()
    if role == person:
        return True
    return role in ("leader", "president") and person in HEAD_OF_STATE and role != "" and person != ""


def _resolve_role(found: Found, people: dict[str, tuple[str | None, str | None]]) -> Found | None:
    """"the Russian leader" -> the one Russian head of state named in the document, if exactly one."""
    _, affiliation, title = found.key.split(":", 2)
    fits = [k for k, (aff, t) in people.items() if aff == affiliation and _title_fits(title, t)]
    if len(fits) != 1:
        return None
    return found._replace(key=fits[0], category="person", affiliation=affiliation)


def recognise(text: str, sentences: list[tuple[int, int]], tokens: list[Tokens] | None = None,
              bits: list[list[int]] | None = None) -> Recognised:
    """Find every actor mention in the given sentence spans of ``text``.  ``tokens``: the spans'
    :func:`tokenize_spans`, ``bits``: each one's :func:`word_bits`, when already made."""
    if tokens is None:
        tokens = tokenize_spans(text, sentences)
    if bits is None:
        bits = [word_bits(toks.words) for toks in tokens]
    starts = [list(compress(count(), b)) for b in bits]  # may_start of each sentence's words
    first = [first_pass(toks, st, b) for toks, st, b in zip(tokens, starts, bits)]
    persons = [f for fs in first for f in fs if f.category == "person"]
    canon = _canonical_people(persons)
    index = _surname_index(canon)
    known_surnames = _known_surnames()
    extras = [k for k in index if k not in known_surnames]

    seen: dict[str, str | None] = {}  # a misspelt name comes back in the same article

    def closest(folded: str, people: dict[str, str]) -> str | None:
        if folded not in seen:
            seen[folded] = _closest(folded, people, extras)
        return seen[folded]

    people: dict[str, tuple[str | None, str | None]] = {}
    for f in persons:
        key = canon[f.text]
        old = people.get(key, (None, None))
        if key in known_people():
            people[key] = known_people()[key]
        else:
            people[key] = (old[0] or f.affiliation, old[1] or f.title)
    mentions: list[tuple[Found, ...]] = []
    for toks, fs, st, b in zip(tokens, first, starts, bits):
        taken = _taken(toks, fs) if fs else set()
        out: list[Found] = []
        for f in fs:
            if f.category == "person":
                key = canon[f.text]
                out.append(f if f.key == key else Found(f.start, f.end, f.text, key, f.category, f.affiliation,
                                                        f.title, f.locative, f.possessive))
            elif f.category == "role":
                resolved = _resolve_role(f, people)
                if resolved:
                    out.append(resolved)
            else:
                out.append(f)
        for f in second_pass(toks, taken, index, st, closest, b):
            out.append(f)
            aff, title = known_people().get(f.key, (None, None))
            people.setdefault(f.key, (aff, title))
        if len(out) > 1:
            mentions.append(tuple(sorted([_with_text(f, text) for f in out], key=_start)))
        else:
            mentions.append((_with_text(out[0], text),) if out else ())
    return Recognised(tuple(tokens), tuple(mentions), _actors(mentions, people))


def _taken(toks: Tokens, found: list[Found]) -> set[int]:
    """Positions of the words inside the mentions ``found``."""
    starts = toks.starts
    taken: set[int] = set()
    for f in found:
        taken.update(range(bisect_left(starts, f.start), bisect_left(starts, f.end)))
    return taken


def _start(f: Found) -> int:
    return f.start


def _with_text(f: Found, text: str) -> Found:
    """``f`` with its text as written."""
    if f.text == text[f.start : f.end]:
        return f
    return Found(f.start, f.end, text[f.start : f.end], f.key, f.category, f.affiliation, f.title, f.locative,
                 f.possessive)


def _actors(mentions: list[tuple[Found, ...]], people) -> dict[str, Actor]:
    aliases: dict[str, set[str]] = {}
    kinds: dict[str, tuple[str, str | None]] = {}
    for fs in mentions:
        for f in fs:
            key = f.key
            texts = aliases.get(key)
            if texts is None:  # (setdefault would build a set for every mention)
                aliases[key] = {f.text}
            else:
                texts.add(f.text)
            kind = kinds.get(key)
            if kind is None or kind[0] != "person":
                kinds[key] = (f.category, f.affiliation)
    actors = {}
    for key, (category, affiliation) in kinds.items():
        title = None
        if category == "person":
            affiliation, title = people.get(key, (affiliation, None))
        ident = actor_id(key)
        actors[ident] = _actor(ident, key, category, actor_id(affiliation) if affiliation else None,
                               tuple(sorted(aliases[key] | {key})), title)
    return actors


@lru_cache(maxsize=1 << 14)
def _actor(ident: str, name: str, category: str, affiliation: str | None, aliases: tuple[str, ...],
           title: str | None) -> Actor:
    """The Actor with these fields: one frozen object for all the articles that make the same one
    (two in three of te3-silver's do: the same country with the same spellings)."""
    return Actor(id=ident, name=name, category=category, affiliation=affiliation, aliases=aliases, title=title)
