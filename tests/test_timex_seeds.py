"""The seed articles: the expressions the issue names, resolved against each article's publication date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.timex import resolve_text

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PUBLISHED = {"000": dt.date(2021, 12, 14), "001": dt.date(2021, 12, 17), "002": dt.date(2021, 12, 14),
             "003": dt.date(2021, 12, 14), "004": dt.date(2021, 12, 23)}

# (seed prefix, context the expression sits in, expression, value, grain, mod)
EXPECTED = [
    ("001", "said Tuesday (14 December)", "Tuesday (14 December)", "2021-12-14", "day", None),
    ("001", "on Monday\n(13 December)", "Monday\n(13 December)", "2021-12-13", "day", None),
    ("002", "expected in Moscow on Wednesday", "Wednesday", "2021-12-15", "day", None),
    ("002", "drones in October", "October", "2021-10", "month", None),
    ("004", "demands last week", "last week", "2021-W50", "week", None),
    ("004", "since mid-November", "mid-November", "2021-11", "month", "MID"),
    ("004", "in Geneva next year", "next year", "2022", "year", None),
    ("003", "December 14, 2021 10:55 pm", "December 14, 2021 10:55 pm", "2021-12-14T22:55", "minute", None),
]


def _seed(prefix: str) -> str:
    path = next(SEEDS.glob(f"{prefix}_*.txt"), None)
    if path is None:
        pytest.skip(f"seed {prefix} absent")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix,context,expr,value,grain,mod", EXPECTED, ids=[e[2].replace("\n", " ") for e in EXPECTED])
def test_seed_expression(prefix, context, expr, value, grain, mod):
    text = _seed(prefix)
    at = text.find(context)
    assert at >= 0, f"context {context!r} not in seed {prefix}"
    start = at + context.index(expr)
    end = start + len(expr)
    found = [t for t in resolve_text(text, PUBLISHED[prefix]) if t.start < end and start < t.end]
    assert found, f"no parse: {expr!r}"
    t = found[0]
    assert (t.start, t.end) == (start, end), f"partial span: {t.text!r} instead of {expr!r}"
    assert (t.value, t.grain) == (value, grain), f"wrong value: {t.value} {t.grain} for {expr!r}"
    if mod:
        assert t.mod == mod
    if "since" in context:
        assert t.latest is None and t.earliest == dt.date(2021, 11, 10)


def test_seed_false_positives_absent():
    text = _seed("004")
    found = resolve_text(text, PUBLISHED["004"])
    surfaces = [t.text for t in found]
    assert not any("13,000" in s or "100,000" in s for s in surfaces), surfaces
