"""The seed articles as the specification of event extraction: one row per expected event.

Timexes are built by hand here (``SEED_TIMEXES``) so these rows test event extraction alone,
whatever the date resolver does; ``test_events_pipeline.py`` runs the real resolver.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from timeline.events import extract
from timeline.model import Article, DocumentAnalysis, EventMention, Timex

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PUBLISHED = {
    "000": dt.date(2021, 12, 14),
    "001": dt.date(2021, 12, 17),
    "002": dt.date(2021, 12, 14),
    "003": dt.date(2021, 12, 14),
    "004": dt.date(2021, 12, 23),
}
D = dt.date
# doc -> (surface, value, grain, earliest, latest, mod): every occurrence of the surface gets it.
SEED_TIMEXES: dict[str, tuple[tuple[str, str, str, dt.date, dt.date, str | None], ...]] = {
    "000": (
        ("Tuesday", "2021-12-14", "day", D(2021, 12, 14), D(2021, 12, 14), None),
        ("last week", "2021-W49", "week", D(2021, 12, 6), D(2021, 12, 12), None),
        ("Monday", "2021-12-13", "day", D(2021, 12, 13), D(2021, 12, 13), None),
        ("2014", "2014", "year", D(2014, 1, 1), D(2014, 12, 31), None),
    ),
    "001": (
        ("Tuesday", "2021-12-14", "day", D(2021, 12, 14), D(2021, 12, 14), None),
        ("14 December", "2021-12-14", "day", D(2021, 12, 14), D(2021, 12, 14), None),
        ("Monday", "2021-12-13", "day", D(2021, 12, 13), D(2021, 12, 13), None),
        ("13 December", "2021-12-13", "day", D(2021, 12, 13), D(2021, 12, 13), None),
        ("1987", "1987", "year", D(1987, 1, 1), D(1987, 12, 31), None),
        ("2019", "2019", "year", D(2019, 1, 1), D(2019, 12, 31), None),
    ),
    "002": (
        ("Tuesday", "2021-12-14", "day", D(2021, 12, 14), D(2021, 12, 14), None),
        ("last week", "2021-W49", "week", D(2021, 12, 6), D(2021, 12, 12), None),
        ("Monday", "2021-12-13", "day", D(2021, 12, 13), D(2021, 12, 13), None),
        ("Wednesday", "2021-12-15", "day", D(2021, 12, 15), D(2021, 12, 15), None),
        ("this week", "2021-W50", "week", D(2021, 12, 13), D(2021, 12, 19), None),
        ("October", "2021-10", "month", D(2021, 10, 1), D(2021, 10, 31), None),
        ("2014", "2014", "year", D(2014, 1, 1), D(2014, 12, 31), None),
    ),
    "003": (
        ("Tuesday", "2021-12-14", "day", D(2021, 12, 14), D(2021, 12, 14), None),
        ("2014", "2014", "year", D(2014, 1, 1), D(2014, 12, 31), None),
    ),
    "004": (
        ("Thursday", "2021-12-23", "day", D(2021, 12, 23), D(2021, 12, 23), None),
        ("Dec. 23, 2021", "2021-12-23", "day", D(2021, 12, 23), D(2021, 12, 23), None),
        ("next year", "2022", "year", D(2022, 1, 1), D(2022, 12, 31), None),
        ("last week", "2021-W50", "week", D(2021, 12, 13), D(2021, 12, 19), None),
        ("this week", "2021-W51", "week", D(2021, 12, 20), D(2021, 12, 26), None),
        ("mid-November", "2021-11", "month", D(2021, 11, 1), D(2021, 11, 30), "MID"),
        ("2014", "2014", "year", D(2014, 1, 1), D(2014, 12, 31), None),
    ),
}


def seed_path(key: str) -> Path:
    return next(SEEDS.glob(f"{key}_*.txt"))


def seed_article(key: str) -> Article:
    path = seed_path(key)
    return Article(id=path.stem, text=path.read_text(encoding="utf-8"), path=str(path), published=PUBLISHED[key])


def seed_timexes(key: str, text: str) -> list[Timex]:
    out = []
    for surface, value, grain, earliest, latest, mod in SEED_TIMEXES[key]:
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            out.append(Timex(m.start(), m.end(), surface, "DATE", value, grain, earliest, latest, mod,
                             anchor="publication", rule="test-table"))
    return sorted(out, key=lambda t: t.start)


_CACHE: dict[str, DocumentAnalysis] = {}


def analysis(key: str) -> DocumentAnalysis:
    if key not in _CACHE:
        article = seed_article(key)
        _CACHE[key] = extract(article, seed_timexes(key, article.text))
    return _CACHE[key]
