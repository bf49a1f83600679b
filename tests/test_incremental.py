"""A second build on unchanged input reads nothing again, merges nothing again, draws nothing again;
any change to a file, an option or an output file makes that part be done again."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from files import write
from typer.testing import CliRunner

import timeline.api as api
import timeline.ingest.load as load
import timeline.outputs as outputs
from timeline.cli import app
from timeline.ingest import load_paths
from timeline.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
runner = CliRunner()


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    return folder


def _counting(monkeypatch, module, name) -> list:
    calls: list = []
    real = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(args[0] if args else None)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def _touch_later(path: Path) -> None:
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


# --- loading -------------------------------------------------------------------------------

def test_unchanged_files_are_not_read_again(seeds, tmp_path, monkeypatch):
    with Store(tmp_path / "s.sqlite") as store:
        first = load_paths([seeds], memo=store)
        store.flush()
    reads = _counting(monkeypatch, load, "load_any")
    with Store(tmp_path / "s.sqlite") as store:
        second = load_paths([seeds], memo=store)
    assert reads == []
    assert second == first and len(second.articles) == 5


def test_a_changed_file_is_read_again_and_only_it(seeds, tmp_path, monkeypatch):
    with Store(tmp_path / "s.sqlite") as store:
        load_paths([seeds], memo=store)
        store.flush()
    changed = sorted(seeds.glob("*.txt"))[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA new last line.\n", encoding="utf-8")
    reads = _counting(monkeypatch, load, "load_any")
    with Store(tmp_path / "s.sqlite") as store:
        again = load_paths([seeds], memo=store)
    assert reads == [changed]
    assert again.articles[1].text.endswith("A new last line.\n")


def test_a_touched_file_or_other_options_are_read_again(seeds, tmp_path, monkeypatch):
    with Store(tmp_path / "s.sqlite") as store:
        load_paths([seeds], memo=store)
        store.flush()
    touched = sorted(seeds.glob("*.txt"))[0]
    _touch_later(touched)
    reads = _counting(monkeypatch, load, "load_any")
    with Store(tmp_path / "s.sqlite") as store:
        load_paths([seeds], memo=store)
        assert reads == [touched]
        reads.clear()
        load_paths([seeds], memo=store, max_bytes=10**7)
        assert len(reads) == 5


def test_files_with_problems_are_never_remembered(tmp_path, monkeypatch):
    bad = write(tmp_path / "in" / "feed.jsonl",
                '{"id": "a", "text": "Putin spoke on Tuesday.", "published": "2021-12-14"}\n{not json\n')
    with Store(tmp_path / "s.sqlite") as store:
        first = load_paths([bad], memo=store)
        store.flush()
    assert len(first.articles) == 1 and len(first.errors) == 1
    reads = _counting(monkeypatch, load, "load_any")
    with Store(tmp_path / "s.sqlite") as store:
        second = load_paths([bad], memo=store)
    assert reads == [bad] and second == first


# --- merging -------------------------------------------------------------------------------

def test_same_articles_reuse_the_merged_build(tmp_path, monkeypatch):
    articles = load_paths([SEEDS]).articles
    first = api.from_articles(articles, cache=tmp_path / "s.sqlite")
    merges = _counting(monkeypatch, api, "_combine")
    second = api.from_articles(articles, cache=tmp_path / "s.sqlite")
    assert merges == []
    assert second == first and second.key == first.key is not None
    assert [a.article for a in second.analyses] == list(articles)
    assert second.to_json() == api.from_articles(articles).to_json()


def test_one_more_article_merges_again_but_analyses_only_it(tmp_path, monkeypatch):
    articles = load_paths([SEEDS]).articles
    api.from_articles(articles[:4], cache=tmp_path / "s.sqlite")
    analysed = _counting(monkeypatch, api, "analyse")
    grown = api.from_articles(articles, cache=tmp_path / "s.sqlite")
    assert analysed == [articles[4]]
    assert grown.to_json() == api.from_articles(articles).to_json()


def test_a_moved_article_keeps_its_analysis_but_shows_its_new_path(tmp_path):
    articles = load_paths([SEEDS]).articles
    api.from_articles(articles, cache=tmp_path / "s.sqlite")
    moved = tuple(a.__class__(**{**a.__dict__, "path": f"elsewhere/{a.id}.txt"}) for a in articles)
    again = api.from_articles(moved, cache=tmp_path / "s.sqlite")
    assert [a.article.path for a in again.analyses] == [a.path for a in moved]
    assert again.key != api.from_articles(articles, cache=tmp_path / "s.sqlite").key


def test_filters_change_the_key_and_no_store_means_no_key(tmp_path):
    tl = api.from_articles(load_paths([SEEDS]).articles, cache=tmp_path / "s.sqlite")
    assert tl.filter(min_sources=2).key not in (None, tl.key)
    assert tl.filter(min_sources=2).key == tl.filter(min_sources=2).key
    assert tl.filter(min_sources=3).key != tl.filter(min_sources=2).key
    assert api.from_articles(load_paths([SEEDS]).articles).key is None


# --- drawing -------------------------------------------------------------------------------

@pytest.fixture
def built(tmp_path):
    return api.build([SEEDS], cache=tmp_path / "s.sqlite")


def _draws(monkeypatch) -> list:
    return _counting(monkeypatch, outputs, "_write")


def test_unchanged_outputs_are_kept(built, tmp_path, monkeypatch):
    out = tmp_path / "out"
    first = outputs.save_outputs(built, out, ("png", "svg", "json"), reuse=True)
    assert [p.name for p in first.written] == ["timeline.png", "timeline.svg", "timeline.json"]
    before = {p.name: p.read_bytes() for p in first.written}
    draws = _draws(monkeypatch)
    second = outputs.save_outputs(built, out, ("png", "svg", "json"), reuse=True)
    assert draws == [] and second.written == () and second.paths == first.paths
    assert {p.name: p.read_bytes() for p in second.kept} == before


FIGURES, JSON = ["timeline.png", "timeline.svg"], ["timeline.json"]


@pytest.mark.parametrize(("change", "redrawn"), [
    ("delete the png", [FIGURES]),
    ("edit the json", [JSON]),
    ("other dpi", [FIGURES]),
    ("other filter", [FIGURES, JSON]),
    ("no reuse", [FIGURES, JSON]),
])
def test_a_changed_output_or_option_is_drawn_again(built, tmp_path, monkeypatch, change, redrawn):
    out = tmp_path / "out"
    outputs.save_outputs(built, out, ("png", "svg", "json"), reuse=True)
    tl, dpi, reuse = built, 150, True
    if change == "delete the png":
        (out / "timeline.png").unlink()
    elif change == "edit the json":
        (out / "timeline.json").write_text("{}", encoding="utf-8")
    elif change == "other dpi":
        dpi = 90
    elif change == "other filter":
        tl = built.filter(min_sources=2)
    else:
        reuse = False
    draws = _draws(monkeypatch)
    saved = outputs.save_outputs(tl, out, ("png", "svg", "json"), dpi=dpi, reuse=reuse)
    assert [p.name for p in saved.written] == [name for group in redrawn for name in group]
    assert len(draws) == len(redrawn)
    assert json.loads((out / "timeline.json").read_text(encoding="utf-8"))["nodes"]
    again = outputs.save_outputs(tl, out, ("png", "svg", "json"), dpi=dpi, reuse=True)
    assert again.written == ()


def test_a_timeline_without_key_is_always_written(tmp_path, monkeypatch):
    tl = api.build([SEEDS])
    out = tmp_path / "out"
    outputs.save_outputs(tl, out, ("json",), reuse=True)
    draws = _draws(monkeypatch)
    outputs.save_outputs(tl, out, ("json",), reuse=True)
    assert len(draws) == 1 and not (out / outputs.MANIFEST).exists()


# --- the command line ----------------------------------------------------------------------

def test_second_cli_build_keeps_everything_and_matches_a_clean_build(seeds, tmp_path):
    out = tmp_path / "out"
    args = ["build", str(seeds), "-o", str(out), "--format", "png,json,html"]
    first = runner.invoke(app, args)
    second = runner.invoke(app, args)
    assert first.exit_code == second.exit_code == 0, second.output
    assert first.stdout.count("wrote ") == 3 and "kept" not in first.stdout
    assert second.stdout.count("kept ") == 3 and "wrote" not in second.stdout
    clean = runner.invoke(app, ["build", str(seeds), "-o", str(tmp_path / "clean"), "--format", "json",
                                "--no-cache"])
    assert clean.exit_code == 0
    assert (out / "timeline.json").read_bytes() == (tmp_path / "clean" / "timeline.json").read_bytes()


def test_deleted_files_are_forgotten(seeds, tmp_path):
    import sqlite3

    with Store(tmp_path / "s.sqlite") as store:
        load_paths([seeds], memo=store)
        store.flush()
    gone = sorted(seeds.glob("*.txt"))[2]
    gone.unlink()
    with Store(tmp_path / "s.sqlite") as store:
        assert len(load_paths([seeds], memo=store).articles) == 4
        store.flush()
    with sqlite3.connect(tmp_path / "s.sqlite") as db:
        names = [name for (name,) in db.execute("select name from files")]
    assert len(names) == 4 and not any(gone.name in name for name in names)
