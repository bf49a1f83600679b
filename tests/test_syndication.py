"""Syndicated copies (the same wire story in two outlets) are found without comparing all pairs."""

from __future__ import annotations

from pathlib import Path

from timeline.model import Article, Span
from timeline.syndication import syndication_groups

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

WIRE = ("Russian President Vladimir Putin said on Tuesday that he wants immediate talks with the United States "
        "and NATO over security guarantees, as tensions soar between Moscow and the West over Ukraine. The US "
        "and its allies have for weeks accused Russia of planning an invasion of its neighbour, warning of a "
        "massive coordinated sanctions response should Putin launch an attack. Tens of thousands of Russian "
        "troops are stationed near the borders of ex-Soviet Ukraine.")
OTHER = ("The central bank raised interest rates by half a point on Wednesday, citing stubborn inflation in "
         "services and a tight labour market, and signalled that further increases were likely next year as "
         "wage growth stayed well above the level consistent with its target of two per cent.")


def test_wire_copies_group_and_an_unrelated_story_does_not():
    articles = [
        Article("copy-a", "Outlet A header\n" + WIRE + "\nRead more at outlet A."),
        Article("copy-b", "Breaking news\n" + WIRE.replace("United States", "U.S.") + "\nComments (3)"),
        Article("other", OTHER),
    ]
    groups = syndication_groups(articles)
    assert groups["copy-a"] == groups["copy-b"] == "copy-a"
    assert groups["other"] == "other"


def test_only_the_body_regions_count():
    text = WIRE + "\n" + OTHER
    a = Article("a", text, body=(Span(0, len(WIRE)),))
    b = Article("b", text, body=(Span(len(WIRE) + 1, len(text)),))
    groups = syndication_groups([a, b])
    assert groups["a"] != groups["b"]


def test_seed_afp_copies_are_found():
    articles = [Article(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    groups = syndication_groups(articles)
    # 002 (Jordan Times) and 003 (The Hindu) both run the AFP story of 14 December.
    assert groups["002_a857d38673279e34"] == groups["003_a25414dbe8528380"]
    # Euronews' story of 23 December is a different text.
    assert groups["004_c9e6ca7e77c2894c"] == "004_c9e6ca7e77c2894c"
