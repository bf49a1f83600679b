"""The example corpus is the specification: one test per row of tests/corpus/*.tsv."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.timex import resolve_text

CORPUS = Path(__file__).parent / "corpus"


def _rows(name: str) -> list[list[str]]:
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


POSITIVE = [(row + [""] * 7)[:7] for row in _rows("timex_positive.tsv")]
NEGATIVE = [row[0] for row in _rows("timex_negative.tsv")]


@pytest.mark.parametrize("text,published,span,value,grain,mod,type_", POSITIVE, ids=[r[2] for r in POSITIVE])
def test_positive(text, published, span, value, grain, mod, type_):
    pub = dt.date.fromisoformat(published)
    start = text.index(span)
    end = start + len(span)
    found = resolve_text(text, pub)
    hits = [t for t in found if t.start < end and start < t.end]
    assert hits, f"no parse: {span!r} in {text!r}; found {[t.text for t in found]}"
    assert len(hits) == 1, f"{len(hits)} ambiguous parses for {span!r}: {[(t.text, t.value) for t in hits]}"
    t = hits[0]
    assert (t.start, t.end) == (start, end), f"partial span: {t.text!r} instead of {span!r} (rule {t.rule})"
    assert t.text == text[t.start : t.end]
    assert t.value == value, f"wrong value: {t.value!r} instead of {value!r} for {span!r} (rule {t.rule})"
    assert t.type == (type_ or "DATE"), f"wrong type: {t.type} instead of {type_ or 'DATE'} (rule {t.rule})"
    assert t.grain == (grain or None), f"wrong grain: {t.grain} instead of {grain or None} (rule {t.rule})"
    if mod:
        assert t.mod == mod, f"wrong mod: {t.mod} instead of {mod} (rule {t.rule})"
    assert t.rule, "every expression carries the name of its rule"


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text):
    found = resolve_text(text, dt.date(2021, 12, 14))
    assert not found, f"false positive in {text!r}: {[(t.text, t.value, t.rule) for t in found]}"
