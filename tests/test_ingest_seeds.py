"""The five seed articles: publication dates, titles, outlets, and what the body keeps and drops."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.ingest import load_file, load_paths
from timeline.model import Article

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# (file stem, published, published_from, published_time, outlet)
SEED_DATES = [
    ("000_18216e440626299e", "2021-12-14", "text", None, "DW"),
    ("001_7833a452b3925789", "2021-12-17", "text", None, None),
    ("002_a857d38673279e34", "2021-12-14", "text", None, "AFP"),
    ("003_a25414dbe8528380", "2021-12-14", "text", "22:55", None),
    ("004_c9e6ca7e77c2894c", "2021-12-23", "inferred", None, "Euronews"),
]

SEED_TITLES = [
    ("000_18216e440626299e", "Putin makes repeated calls for ′immediate′ NATO talks"),
    ("001_7833a452b3925789", "Ukraine’s Red Lines: Putin Reiterates Call For ‘Immediate’ NATO Talks on Russia’s Security"),
    ("002_a857d38673279e34", "Putin wants 'immediate' talks with NATO on Russia's security"),
    ("003_a25414dbe8528380", "Putin wants ‘immediate’ talks with NATO on Russia’s security"),
    ("004_c9e6ca7e77c2894c", "Putin set to talk with US amid desire to stop NATO expansion in Europe"),
]

# (file stem, a line or part of one that must lie inside one body span)
KEPT = [
    ("000_18216e440626299e", "Russian President Vladimir Putin on Tuesday stepped up"),
    ("000_18216e440626299e", "As troops gather at the Ukrainian border, the Russian president is pushing"),
    ("000_18216e440626299e", "Russian President Vladimir Putin looks stern while seated at desk"),
    ("000_18216e440626299e", "How does Moscow see NATO membership for Ukraine?"),
    ("000_18216e440626299e", "The conflict has claimed more than 13,000 lives."),
    ("001_7833a452b3925789", "Russian president Vladimir Putin said Tuesday (14 December) in a phone call"),
    ("001_7833a452b3925789", "Washington quit the pact in\n2019 after complaining for years of alleged Russian violations."),
    ("002_a857d38673279e34", "Russian leader denies planning invasion"),
    ("002_a857d38673279e34", "Russian President Vladimir Putin chairs a meeting with members of the government"),
    ("002_a857d38673279e34", "MOSCOW — Russian President Vladimir Putin said on Tuesday"),
    ("002_a857d38673279e34", "found 36 per cent of Russians believe recent tensions between Moscow and Kiev could lead to war."),
    ("003_a25414dbe8528380", "Moscow wants it to stop expansion, weapons deployment"),
    ("003_a25414dbe8528380", "Mr. Putin reiterated the same demands in a phone call with French President Emmanuel Macron"),
    ("004_c9e6ca7e77c2894c", "Russian President Vladimir Putin attends his annual news conference in Moscow, Russia, Thursday, Dec. 23, 2021."),
    ("004_c9e6ca7e77c2894c", "Talks to de-escalate tensions are set to take place in Geneva next year."),
    ("004_c9e6ca7e77c2894c", "called on Moscow to \"de-escalate\" and respect Ukraine's sovereignty"),
]  # fmt: skip

# (file stem, boilerplate that must not overlap any body span)
DROPPED = [
    ("000_18216e440626299e", "Visit the new DW website"),
    ("000_18216e440626299e", "Take a look at the beta version of dw.com."),
    ("000_18216e440626299e", "  1. Inhalt"),
    ("000_18216e440626299e", "Choose from 30 Languages"),
    ("000_18216e440626299e", "Watch video 02:11"),
    ("000_18216e440626299e", "NATO FMs call on Russia to disperse troops"),
    ("000_18216e440626299e", "'US doesn't know if Russia plans to invade Ukraine'"),
    ("000_18216e440626299e", "Will the West stand by Ukraine against Putin?"),
    ("000_18216e440626299e", "js/fb (AFP, dpa, Reuters)"),
    ("000_18216e440626299e", "Audios and videos on the topic"),
    ("000_18216e440626299e", "| News | DW | 14.12.2021"),
    ("001_7833a452b3925789", "Written by | Friday, December 17th, 2021"),
    ("001_7833a452b3925789", "Article Categories:"),
    ("001_7833a452b3925789", "Leave a Comment"),
    ("001_7833a452b3925789", "Your email address will not be published."),
    ("002_a857d38673279e34", "You are here"),
    ("002_a857d38673279e34", "By AFP - Dec 14,2021 - Last updated at Dec 14,2021"),
    ("002_a857d38673279e34", "(AFP photo)"),
    ("002_a857d38673279e34", "80 users have voted."),
    ("002_a857d38673279e34", "Get top stories and blog posts emailed to you each day."),
    ("003_a25414dbe8528380", "December 14, 2021 10:55 pm | Updated 10:55 pm IST - Moscow"),
    ("003_a25414dbe8528380", "Also Read: Donbas | At the centre of the Ukraine crisis"),
    ("003_a25414dbe8528380", "Explainer | Tensions rise over Russian border build-up"),
    ("003_a25414dbe8528380", "0 / 0"),
    ("003_a25414dbe8528380", "Sign in to unlock member-only benefits!"),
    ("003_a25414dbe8528380", "Access 10 free stories every month"),
    ("003_a25414dbe8528380", "Comments have to be in English"),
    ("003_a25414dbe8528380", "registered user of The Hindu"),
    ("004_c9e6ca7e77c2894c", "Find Us"),
    ("004_c9e6ca7e77c2894c", "Copyright\u00a0Alexander Zemlianichenko / AP"),
    ("004_c9e6ca7e77c2894c", "By\u00a0Euronews with\u00a0AFP"),
    ("004_c9e6ca7e77c2894c", "Published on Updated"),
    ("004_c9e6ca7e77c2894c", "Share this articleComments"),
    ("004_c9e6ca7e77c2894c", "Copy/paste the article video embed link below"),
    ("004_c9e6ca7e77c2894c", "You might also like"),
    ("004_c9e6ca7e77c2894c", "Russian court issues arrest warrant for Yulia Navalnaya"),
]

_cache: dict[str, Article] = {}


def seed(stem: str) -> Article:
    if stem not in _cache:
        (article,) = load_file(SEEDS / f"{stem}.txt")
        _cache[stem] = article
    return _cache[stem]


def _all_occurrences(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


@pytest.mark.parametrize("stem,published,origin,time,outlet", SEED_DATES)
def test_seed_publication(stem: str, published: str, origin: str, time: str | None, outlet: str | None) -> None:
    article = seed(stem)
    assert article.published == dt.date.fromisoformat(published)
    assert article.published_from == origin
    assert article.published_time == time
    assert article.source == outlet


@pytest.mark.parametrize("stem,title", SEED_TITLES)
def test_seed_title_and_span(stem: str, title: str) -> None:
    article = seed(stem)
    assert article.title == title
    assert article.title_span is not None
    assert article.text[article.title_span.start : article.title_span.end] == title


@pytest.mark.parametrize("stem,needle", KEPT)
def test_story_kept_in_body(stem: str, needle: str) -> None:
    article = seed(stem)
    at = article.text.find(needle)
    assert at >= 0, "test corpus row not in the seed"
    assert any(s.start <= at and at + len(needle) <= s.end for s in article.body), f"{needle!r} not inside a body span"


@pytest.mark.parametrize("stem,needle", DROPPED)
def test_boilerplate_outside_body(stem: str, needle: str) -> None:
    article = seed(stem)
    places = _all_occurrences(article.text, needle)
    assert places, "test corpus row not in the seed"
    for at in places:
        overlapping = [s for s in article.body if s.start < at + len(needle) and at < s.end]
        assert not overlapping, f"{needle!r} at {at} overlaps body span {overlapping[0]}"


@pytest.mark.parametrize("stem", [row[0] for row in SEED_DATES])
def test_seed_text_is_the_file_unchanged(stem: str) -> None:
    path = SEEDS / f"{stem}.txt"
    article = seed(stem)
    assert article.text == path.read_bytes().decode("utf-8")
    assert article.id == stem and article.path == str(path) and article.format == "txt"


@pytest.mark.parametrize("stem", [row[0] for row in SEED_DATES])
def test_seed_spans_in_range_and_ordered(stem: str) -> None:
    article = seed(stem)
    assert article.body, "no body spans"
    previous_end = 0
    for span in article.body:
        assert previous_end <= span.start < span.end <= len(article.text)
        piece = article.text[span.start : span.end]
        assert piece == piece.strip(), f"span {span} has surrounding whitespace"
        previous_end = span.end


def test_seed_duplicate_caption_kept_once() -> None:
    article = seed("004_c9e6ca7e77c2894c")
    caption = "Russian President Vladimir Putin attends his annual news conference"
    places = _all_occurrences(article.text, caption)
    inside = [at for at in places if any(s.start <= at < s.end for s in article.body)]
    assert len(places) == 2 and len(inside) == 1


def test_seed_folder_loads_all_five_in_order() -> None:
    result = load_paths([SEEDS])
    assert result.errors == ()
    assert [a.id for a in result.articles] == [row[0] for row in SEED_DATES]
