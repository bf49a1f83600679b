"""Ingest over the shared TimeML corpora (skipped when ../shared/data is absent)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from timeline.ingest import load_paths
from timeline.timeml import parse_timeml

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
TBAQ = DATA / "tbaq"
SILVER = DATA / "te3-silver"

pytestmark = pytest.mark.slow


@pytest.mark.skipif(not TBAQ.is_dir(), reason=f"shared TimeBank+AQUAINT data not found at {TBAQ}")
def test_tbaq_every_document_loads_with_its_dct() -> None:
    result = load_paths([TBAQ])
    timeml = [a for a in result.articles if a.format == "timeml"]
    assert result.errors == ()
    assert len(timeml) == len(list(TBAQ.rglob("*.tml"))) >= 250
    assert len({a.id for a in timeml}) == len(timeml), "TimeML ids collide"
    for article in timeml:
        doc = parse_timeml(Path(article.path).read_text(encoding="utf-8"))
        assert article.id == Path(article.path).stem
        assert article.text == doc.text
        assert (article.published, article.published_from) == (doc.dct, "metadata"), article.id
        covered = sum(s.end - s.start for s in article.regions())
        assert covered >= 0.8 * len(article.text.strip()), f"{article.id}: body covers too little"


@pytest.mark.skipif(not SILVER.is_dir(), reason=f"shared TE3 silver data not found at {SILVER}")
def test_te3_silver_sample_dct_is_metadata_near_the_file_name_date() -> None:
    folder = sorted(p for p in SILVER.iterdir() if p.is_dir())[0]
    files = sorted(folder.glob("*.tml"))[:60]
    result = load_paths(files)
    assert result.errors == () and len(result.articles) == len(files)
    for article in result.articles:
        stamp = re.search(r"_(\d{4})(\d{2})(\d{2})", article.id)
        assert stamp and article.published is not None and article.published_from == "metadata", article.id
        named = dt.date(*map(int, stamp.groups()))
        assert abs((article.published - named).days) <= 2, article.id  # wire DCTs lag the file name by a day at most
