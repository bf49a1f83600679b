"""TimeML read/write: offsets, entities, DCT, round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.model import Article, Timex
from timeline.timeml import parse_timeml, write_timeml

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

SAMPLE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>wsj_0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1989-11-02" temporalFunction="false" functionInDocument="CREATION_TIME">11/02/89</TIMEX3></DCT>
<TITLE>AT&amp;T results</TITLE>
<TEXT>
AT&amp;T <EVENT eid="e1" class="OCCURRENCE">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1989-11-01">yesterday</TIMEX3> that
profits rose for <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3> &lt;sic&gt;.
</TEXT>
</TimeML>
"""


def test_parse_sample_offsets_and_entities():
    doc = parse_timeml(SAMPLE)
    assert doc.docid == "wsj_0001"
    assert doc.title == "AT&T results"
    assert doc.dct == dt.date(1989, 11, 2)
    assert doc.dct_value == "1989-11-02"
    assert "AT&T said yesterday" in doc.text
    assert "<sic>" in doc.text and "<EVENT" not in doc.text
    spans = [(doc.text[s:e], a["value"], a["type"]) for s, e, a in doc.timexes]
    assert spans == [("yesterday", "1989-11-01", "DATE"), ("three years", "P3Y", "DURATION")]


def test_write_then_parse_round_trip():
    text = 'On Tuesday <b> & "co" met for three years.'
    article = Article(id="x1", text=text, published=dt.date(2021, 12, 14), title="A & B")
    t1 = Timex(3, 10, "Tuesday", "DATE", "2021-12-14", "day")
    t2 = Timex(text.index("three"), text.index("three") + 11, "three years", "DURATION", "P3Y", mod="APPROX")
    xml = write_timeml(article, [t2, t1])
    doc = parse_timeml(xml)
    assert doc.text == text
    assert doc.dct == dt.date(2021, 12, 14)
    assert doc.title == "A & B"
    got = [(doc.text[s:e], a["tid"], a["value"], a.get("mod")) for s, e, a in doc.timexes]
    assert got == [("Tuesday", "t1", "2021-12-14", None), ("three years", "t2", "P3Y", "APPROX")]


def test_write_skips_overlaps_and_missing_dct():
    text = "last week and more"
    article = Article(id="x2", text=text)
    a = Timex(0, 9, "last week", "DATE", "2021-W50", "week")
    b = Timex(5, 9, "week", "DURATION", "P1W")
    xml = write_timeml(article, [a, b])
    doc = parse_timeml(xml)
    assert doc.dct is None and doc.dct_value == ""
    assert [(s, e) for s, e, _ in doc.timexes] == [(0, 9)]


@pytest.mark.skipif(not (DATA / "tbaq").is_dir(), reason="shared data ../shared/data/tbaq absent")
def test_tbaq_documents_parse():
    files = sorted((DATA / "tbaq").rglob("*.tml"))
    assert len(files) == 256
    total = 0
    for f in files[::8]:
        doc = parse_timeml(f.read_text(encoding="utf-8"))
        assert doc.dct is not None, f.name
        for s, e, attrs in doc.timexes:
            assert 0 <= s < e <= len(doc.text)
            assert "tid" in attrs and "type" in attrs
        total += len(doc.timexes)
    assert total > 100
