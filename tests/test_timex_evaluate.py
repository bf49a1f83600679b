"""TempEval-3 scoring: extents, type and value, on tiny hand-made files (and tbaq when present)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.model import Article
from timeline.timeml import parse_timeml, write_timeml
from timeline.timex import resolve_text
from timeline.timex.evaluate import align, doc_key, evaluate, score

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

GOLD = """<?xml version="1.0" ?>
<TimeML>
<DOCID>d1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-12-14" functionInDocument="CREATION_TIME">2021-12-14</TIMEX3></DCT>
<TEXT>Putin said on <TIMEX3 tid="t1" type="DATE" value="2021-12-14">Tuesday</TIMEX3> that talks start
<TIMEX3 tid="t2" type="DATE" value="2022">next year</TIMEX3> after <TIMEX3 tid="t3" type="DURATION" value="P3W">three weeks</TIMEX3>
of <TIMEX3 tid="t4" type="DATE" value="PAST_REF">recent</TIMEX3> tension.</TEXT>
</TimeML>
"""


def test_perfect_system_scores_one(tmp_path):
    gold = tmp_path / "gold" / "d1.tml"
    gold.parent.mkdir()
    gold.write_text(GOLD)
    system = tmp_path / "sys" / "d1.tml.TE3input"
    system.parent.mkdir()
    system.write_text(GOLD)
    r = evaluate([gold], [system])
    assert (r.gold, r.system) == (4, 4)
    assert r.strict_f1 == r.relaxed_f1 == r.value_f1 == r.type_f1 == 1.0
    assert "relaxed extent" in r.table() and r.as_dict()["value_f1"] == 1.0


def test_partial_system(tmp_path):
    doc = parse_timeml(GOLD)
    text = doc.text
    article = Article(id="d1", text=text, published=dt.date(2021, 12, 14))
    # system: "Tuesday" right, "next year" wrong value, "three" partial span, one spurious, "recent" missed
    from timeline.model import Timex

    s = [
        Timex(text.index("Tuesday"), text.index("Tuesday") + 7, "Tuesday", "DATE", "2021-12-14"),
        Timex(text.index("next year"), text.index("next year") + 9, "next year", "DATE", "2023"),
        Timex(text.index("three"), text.index("three") + 5, "three", "DURATION", "P3W"),
        Timex(text.index("Putin"), text.index("Putin") + 5, "Putin", "DATE", "1999"),
    ]
    (tmp_path / "g").mkdir()
    (tmp_path / "s").mkdir()
    (tmp_path / "g" / "d1.tml").write_text(GOLD)
    (tmp_path / "s" / "d1.tml").write_text(write_timeml(article, s))
    r = evaluate([tmp_path / "g" / "d1.tml"], [tmp_path / "s" / "d1.tml"])
    assert r.strict_precision == pytest.approx(2 / 4) and r.strict_recall == pytest.approx(2 / 4)
    assert r.relaxed_precision == pytest.approx(3 / 4) and r.relaxed_recall == pytest.approx(3 / 4)
    assert r.value_accuracy == pytest.approx(2 / 3)
    assert r.value_f1 == pytest.approx(0.75 * 2 / 3)
    assert r.type_accuracy == 1.0


def test_missing_system_document_counts_as_missed(tmp_path):
    (tmp_path / "d1.tml").write_text(GOLD)
    r = evaluate([tmp_path / "d1.tml"], [])
    assert r.missing_documents == ("d1.tml",)
    assert r.relaxed_recall == 0.0


def test_align_pairs_each_gold_once():
    a = align([(0, 5, {}), (10, 15, {})], [(0, 15, {})])
    assert len(a.matches) == 1 and len(a.missed) == 1 and not a.spurious


def test_doc_key():
    assert doc_key(Path("AP_20130322.tml.TE3input")) == doc_key(Path("out/AP_20130322.tml")) == "AP_20130322"


@pytest.mark.skipif(not (DATA / "tbaq").is_dir(), reason="shared data ../shared/data/tbaq absent")
def test_tbaq_sample_meets_the_floor():
    """A fixed tenth of TimeBank+AQUAINT: a floor well below the full-corpus figures in benchmarks/RESULTS.md."""
    files = sorted((DATA / "tbaq").rglob("*.tml"))[::10]
    docs = []
    for f in files:
        doc = parse_timeml(f.read_text(encoding="utf-8"))
        found = resolve_text(doc.text, doc.dct)
        docs.append((list(doc.timexes), [(t.start, t.end, {"type": t.type, "value": t.value}) for t in found]))
    r = score(docs)
    assert r.relaxed_f1 > 0.85, r.table()
    assert r.value_f1 > 0.7, r.table()
