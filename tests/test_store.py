"""The store of per-article results: hits for unchanged articles, misses for changed ones, safe on damage."""

from __future__ import annotations

import dataclasses
import sqlite3

from mentions import analysis, day, mention

import timeline.api as api
from timeline.model import DocumentAnalysis
from timeline.store import Store, article_key, pipeline_version


def _docs(n: int) -> list[DocumentAnalysis]:
    return [analysis(f"d{i}", [mention(f"d{i}", 5, "say", "statement", day("2021-12-14"), "putin")],
                     text=f"article number {i} " * 20) for i in range(n)]


def test_round_trip_and_content_key(tmp_path):
    docs = _docs(3)
    with Store(tmp_path / "s.sqlite") as store:
        store.put_many(docs)
    with Store(tmp_path / "s.sqlite") as store:
        found = store.get_many([d.article for d in docs])
        assert found == {d.article.id: d for d in docs}
        changed = dataclasses.replace(docs[0].article, text=docs[0].article.text + " more")
        assert store.get_many([changed]) == {}
        assert (store.hits, store.misses) == (3, 1)


def test_key_depends_on_content_and_date_not_on_path():
    a = _docs(1)[0].article
    assert article_key(a) == article_key(dataclasses.replace(a, path="elsewhere/x.txt"))
    assert article_key(a) != article_key(dataclasses.replace(a, published=None))
    assert len(pipeline_version()) == 16


def test_other_pipeline_version_is_a_miss(tmp_path):
    docs = _docs(2)
    with Store(tmp_path / "s.sqlite") as store:
        store.put_many(docs)
    with Store(tmp_path / "s.sqlite") as store:
        store.version = "another-version"
        assert store.get_many([d.article for d in docs]) == {}


def test_damaged_store_is_set_aside_and_rebuilt(tmp_path):
    path = tmp_path / "s.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with Store(path) as store:
        assert store.get_many([d.article for d in _docs(1)]) == {}
        store.put_many(_docs(1))
    assert (tmp_path / "s.sqlite.corrupt").exists()
    assert sqlite3.connect(path).execute("select count(*) from analyses").fetchone() == (1,)


def test_analyse_all_redoes_only_new_articles(tmp_path, monkeypatch):
    docs = _docs(12)
    by_id = {d.article.id: d for d in docs}
    calls: list[str] = []

    def fake_analyse(article):
        calls.append(article.id)
        return by_id[article.id]

    monkeypatch.setattr(api, "analyse", fake_analyse)
    cache = tmp_path / "cache.sqlite"
    first = api.analyse_all([d.article for d in docs[:10]], cache=cache)
    assert len(calls) == 10
    calls.clear()
    second = api.analyse_all([d.article for d in docs], cache=cache)
    assert sorted(calls) == ["d10", "d11"]
    assert second[:10] == first
    assert [a.article.id for a in second] == [d.article.id for d in docs]


def test_a_store_busy_with_another_build_is_kept_not_set_aside(tmp_path):
    path = tmp_path / "s.sqlite"
    docs = _docs(2)
    with Store(path) as store:
        store.put_many(docs[:1])
    other = sqlite3.connect(path)
    other.execute("begin exclusive")  # another build in the middle of its write
    try:
        with Store(path, timeout=0.2) as store:
            assert set(store.get_many([d.article for d in docs])) <= {docs[0].article.id}
            store.put_many(docs[1:])
            assert store.trouble and "locked" in store.trouble
            assert "not all kept" in store.summary()
    finally:
        other.rollback()
        other.close()
    assert not list(tmp_path.glob("*.corrupt"))
    with Store(path) as store:
        assert set(store.get_many([d.article for d in docs])) == {docs[0].article.id}
