"""Calendar arithmetic that stands in for dateparser gives exactly dateparser's reading (a sample of the checked grid)."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.timex.lexicon import FULL_MONTHS
from timeline.timex.reading import CHECKED_YEARS, month_day_found, month_day_year, numeric_day, parse_absolute

# (month, day, year): leap days, impossible days, the ends of the checked years, ordinary days
DAYS = [
    (2, 29, 1900), (2, 29, 2000), (2, 29, 2021), (2, 29, 2024), (2, 30, 2020), (2, 28, 2099),
    (4, 31, 1999), (4, 30, 1999), (6, 31, 2021), (12, 31, 2099), (1, 1, 1000), (12, 14, 2021),
    (9, 11, 2001), (7, 4, 1776), (10, 31, 1517), (11, 30, 1066), (3, 1, 1600), (5, 17, 1999),
]


@pytest.mark.parametrize("month,day,year", DAYS, ids=[f"{y}-{m}-{d}" for m, d, y in DAYS])
def test_month_day_year_reads_as_dateparser(month, day, year):
    name = FULL_MONTHS[month - 1].capitalize()
    got = parse_absolute.__wrapped__(f"{name} {day}, {year}", None)
    expected = got if got is not None and (got.month, got.day) == (month, day) else None
    assert year in CHECKED_YEARS
    assert month_day_year(name, month, day, year) == expected


def test_month_day_year_outside_the_checked_years_asks_dateparser():
    assert month_day_year("December", 12, 14, 2200) == dt.date(2200, 12, 14)
    assert month_day_year("February", 2, 29, 2200) is None


# (month, day, publication date): year-less days near ordinary and extreme publication dates
NEAR = [
    (12, 14, dt.date(2021, 12, 14)), (1, 31, dt.date(2021, 12, 14)), (4, 30, dt.date(1, 1, 1)),
    (2, 28, dt.date(9999, 12, 31)), (2, 29, dt.date(2021, 3, 1)), (4, 31, dt.date(2021, 3, 1)),
    (11, 30, dt.date(2000, 2, 29)), (6, 1, dt.date(1899, 12, 31)),
]


@pytest.mark.parametrize("month,day,pub", NEAR, ids=[f"{m}-{d}@{p}" for m, d, p in NEAR])
def test_month_day_found_as_dateparser(month, day, pub):
    name = FULL_MONTHS[month - 1].capitalize()
    got = parse_absolute.__wrapped__(f"{name} {day}", pub, "current_period")
    assert month_day_found(name, month, day, pub) == (got is not None and got.day == day)


# (first number, second number, year, order, month, day) as numeric_date builds them
NUMERIC = [
    ("12", "14", "2021", "MDY", 12, 14), ("14", "12", "2021", "DMY", 12, 14), ("01", "02", "1999", "MDY", 1, 2),
    ("5", "6", "2020", "DMY", 6, 5), ("2", "29", "2000", "MDY", 2, 29), ("31", "12", "2099", "DMY", 12, 31),
    ("1", "2", "0050", "MDY", 1, 2), ("7", "4", "1000", "MDY", 7, 4),
]


@pytest.mark.parametrize("num1,num2,year,order,month,day", NUMERIC, ids=[f"{r[0]}/{r[1]}/{r[2]}" for r in NUMERIC])
def test_numeric_day_reads_as_dateparser(num1, num2, year, order, month, day):
    got = parse_absolute.__wrapped__(f"{num1}/{num2}/{year}", None, order=order)
    expected = got if got is not None and (got.month, got.day) == (month, day) else None
    assert numeric_day(num1, num2, year, order, month, day) == expected
