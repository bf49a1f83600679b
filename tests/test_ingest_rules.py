"""The ingest rule tables, one test per corpus row: boilerplate lines, datelines, outlets."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from timeline.ingest.boilerplate import (
    BOILERPLATE_RULES,
    SCOPES,
    TRAILING_CREDITS,
    content_end,
    mark_lines,
    match_rule,
)
from timeline.ingest.dateline import DATE_FORMS, find_dateline, latest_date_near_top, line_dateline
from timeline.ingest.outlets import OUTLET_RULES, find_outlet
from timeline.ingest.textfile import Line, split_lines

# (rule name, a line it must drop)
BOILERPLATE_CORPUS = [
    ("you-are-here", "You are here"),
    ("find-us", "Find Us"),
    ("visit-new-site", "Visit the new DW website"),
    ("beta-site-blurb", "Take a look at the beta version of dw.com. We're not done yet! Your opinion can help us."),
    ("nav-list-item", "  1. Inhalt"),
    ("nav-list-item", "  6. Choose from 30 Languages"),
    ("byline", "By Euronews with AFP"),
    ("byline", "by Jean-Louis Pany"),
    ("byline-empty", "Written by |"),
    ("published-updated", "Published on Updated"),
    ("watch-video", "Watch video 02:11"),
    ("audios-videos", "Audios and videos on the topic"),
    ("dw-initials-credit", "js/fb (AFP, dpa, Reuters)"),
    ("share-article", "Share this articleComments"),
    ("share-article", "Share this articleClose Button"),
    ("embed-link", "Copy/paste the article video embed link below:Copy to clipboardCopied"),
    ("copyright-credit", "Copyright\u00a0Alexander Zemlianichenko / AP"),
    ("photo-credit", "Photo: Reuters/Maxim Shemetov"),
    ("also-read", "Also Read: Donbas | At the centre of the Ukraine crisis"),
    ("section-link", "Explainer | Tensions rise over Russian border build-up"),
    ("you-might-also-like", "You might also like"),
    ("sign-in-blurb", "Sign in to unlock member-only benefits!"),
    ("sign-in", "Sign in"),
    ("slide-counter", "0 / 0"),
    ("comments-heading", "Comments"),
    ("comments-heading", "Leave a Comment"),
    ("comments-policy", "Comments have to be in English, and in full sentences. They cannot be abusive."),
    ("commenting-platform", "We have migrated to a new commenting platform. If you are already a registered user"),
    ("article-categories", "Article Categories:"),
    ("email-not-published", "Your email address will not be published."),
    ("votes-count", "80 users have voted."),
    ("newsletter-blurb", "Get top stories and blog posts emailed to you each day."),
]

# Story lines no boilerplate rule may touch.
STORY_CORPUS = [
    "Russian President Vladimir Putin on Tuesday stepped up private and public calls on Western leaders.",
    "How does Moscow see NATO membership for Ukraine?",
    "Will Russia attack Ukraine?",
    "Ukraine accuses Germany ",
    "Russian leader denies planning invasion",
    "Russian President Vladimir Putin.",
    "She is expected in Moscow on Wednesday.",
    "80 users voted against the proposal in a referendum held in the village last year.",
    "By the end of the week, talks had stalled.",
    "Comments by the minister drew criticism from Kiev.",
    "1. The first demand is that NATO must not admit new members, the ministry said.",
    "Sign in sheets were collected at the border.",
    "Talks to de-escalate tensions are set to take place in Geneva next year.",
    "Copyright law in Russia was amended in 2014 after a long debate in the Duma about foreign media.",
]


@pytest.mark.parametrize("name,line", BOILERPLATE_CORPUS)
def test_boilerplate_rule_drops_line(name: str, line: str) -> None:
    rule = match_rule(line)
    assert rule is not None, f"no rule drops {line!r}"
    assert rule.name == name, f"{line!r} dropped by {rule.name}, expected {name}"


@pytest.mark.parametrize("line", STORY_CORPUS)
def test_story_line_is_not_boilerplate(line: str) -> None:
    rule = match_rule(line)
    assert rule is None, f"{line!r} wrongly dropped by {rule.name if rule else None}"


def test_boilerplate_table_is_well_formed() -> None:
    names = [rule.name for rule in BOILERPLATE_RULES]
    assert len(names) == len(set(names)), "duplicate rule names"
    for rule in BOILERPLATE_RULES:
        assert rule.scope in SCOPES, rule
        assert not re.compile(rule.pattern).fullmatch(""), f"{rule.name} matches the empty line"
    for name, pattern in TRAILING_CREDITS:
        assert not re.compile(pattern).fullmatch(""), name


def test_every_boilerplate_rule_has_an_example() -> None:
    covered = {name for name, _ in BOILERPLATE_CORPUS}
    missing = [rule.name for rule in BOILERPLATE_RULES if rule.name not in covered]
    assert not missing, f"rules without a corpus row: {missing}"


# (text, lines (1-based) that must be dropped with the rule that drops them); other non-blank lines are kept
SCOPE_CORPUS = [
    ("Story one.\nWatch video 02:11\n\nVideo title\nStory two.\n", {2: "watch-video", 4: "watch-video"}),
    ("Story.\nSign in to unlock member-only benefits!\n  • Save stories\n  • Access to comment\n\nStory two.\n",
     {2: "sign-in-blurb", 3: "sign-in-blurb", 4: "sign-in-blurb"}),
    ("Story.\nSign in to unlock member-only benefits!\n  • Save stories\nComments\nA reader's comment.\n\nMore.\n",
     {2: "sign-in-blurb", 3: "sign-in-blurb", 4: "comments-heading", 5: "comments-heading", 7: "comments-heading"}),
    ("Story.\n\nYou might also like\n\nOther headline\n\nAnother one\n",
     {3: "you-might-also-like", 5: "you-might-also-like", 7: "you-might-also-like"}),
    ("Caption of a photo.\nCaption of a photo. Copyright\u00a0Someone / AP\nStory.\n", {2: "duplicate"}),
]  # fmt: skip


@pytest.mark.parametrize("text,dropped", SCOPE_CORPUS)
def test_rule_scopes(text: str, dropped: dict[int, str]) -> None:
    got = {v.line.number: v.reason for v in mark_lines(split_lines(text)) if v.reason and not v.line.blank}
    assert got == dropped


# (line, text kept once the trailing credit is cut)
CREDIT_CORPUS = [
    (
        "Putin attends his news conference in Moscow, Thursday, Dec. 23, 2021. Copyright\u00a0A. Z. / AP",
        "Putin attends his news conference in Moscow, Thursday, Dec. 23, 2021.",
    ),
    ("Putin chairs a meeting outside Moscow on Tuesday (AFP photo)", "Putin chairs a meeting outside Moscow on Tuesday"),
    ("No credit here.   ", "No credit here."),
]


@pytest.mark.parametrize("line,kept", CREDIT_CORPUS)
def test_trailing_credit_is_cut(line: str, kept: str) -> None:
    row = Line(1, 10, 10 + len(line), line)
    assert line[: content_end(row) - row.start] == kept


# (dateline, expected date, expected time, DATE_FORMS rule)
DATELINE_CORPUS = [
    ("Putin makes repeated calls for ′immediate′ NATO talks | News | DW | 14.12.2021", "2021-12-14", None,
     "day-dot-month-dot-year"),
    ("Written by | Friday, December 17th, 2021", "2021-12-17", None, "month-day-year"),
    ("By AFP - Dec 14,2021 - Last updated at Dec 14,2021", "2021-12-14", None, "month-day-year"),
    ("December 14, 2021 10:55 pm | Updated 10:55 pm IST - Moscow", "2021-12-14", "22:55", "month-day-year"),
    ("Updated Dec 15, 2021 | Published Dec 14, 2021", "2021-12-14", None, "month-day-year"),
    ("14 December 2021", "2021-12-14", None, "day-month-year"),
    ("Published on 2021-12-14 09:05", "2021-12-14", "09:05", "iso-date"),
    ("Last Updated : Dec 14, 2021, 10:55 PM IST", "2021-12-14", "22:55", "month-day-year"),
    ("Posted: Tue 14 Dec 2021 10:55 GMT", "2021-12-14", "10:55", "day-month-year"),
    ("Dec. 14, 2021, 10:55 a.m. ET", "2021-12-14", "10:55", "month-day-year"),
    ("2021-12-14T22:55:00Z", "2021-12-14", "22:55", "iso-date"),
    ("Date: 14.12.2021 | Moscow", "2021-12-14", None, "day-dot-month-dot-year"),
]  # fmt: skip


@pytest.mark.parametrize("line,value,time,rule", DATELINE_CORPUS)
def test_dateline(line: str, value: str, time: str | None, rule: str) -> None:
    found = line_dateline(Line(1, 0, len(line), line))
    assert found is not None, f"no dateline in {line!r}"
    assert (found.date.isoformat(), found.time, found.rule) == (value, time, rule)


# Lines that are not datelines (a date inside a sentence, no year, not a date at all).
NOT_DATELINE_CORPUS = [
    "Russian President Vladimir Putin attends his annual news conference in Moscow, Russia, Thursday, Dec. 23, 2021.",
    "Russian president Vladimir Putin said Tuesday (14 December) in a phone call",
    "Watch video 02:11",
    "By AFP - Dec 14",
    "36 per cent | 2021",
    "Published on Updated",
    "2021-13-01",
    "Feb 29, 2021",
    "31.02.2021",
]


@pytest.mark.parametrize("line", NOT_DATELINE_CORPUS)
def test_not_a_dateline(line: str) -> None:
    assert line_dateline(Line(1, 0, len(line), line)) is None


def test_date_forms_do_not_match_empty() -> None:
    for name, form, _order in DATE_FORMS:
        assert not re.compile(form).fullmatch(""), name


def test_inferred_date_is_latest_full_date_near_top() -> None:
    text = "Headline\n\nCaption taken Monday, Dec. 20, 2021.\nAnother caption, Thursday, Dec. 23, 2021.\nStory.\n"
    lines = split_lines(text)
    assert find_dateline(lines) is None
    found = latest_date_near_top(lines)
    assert found is not None and found.date == dt.date(2021, 12, 23)


def test_date_far_down_is_not_read() -> None:
    text = "Headline\n" + "Story line.\n" * 30 + "December 14, 2021\n"
    lines = split_lines(text)
    assert find_dateline(lines) is None
    assert latest_date_near_top(lines) is None


# (head text, outlet or None)
OUTLET_CORPUS = [
    ("Putin makes calls | News | DW | 14.12.2021\n", "DW"),
    ("Headline\n\nBy Euronews with AFP\n", "Euronews"),
    ("Headline\n\nBy AFP - Dec 14,2021 - Last updated at Dec 14,2021\n", "AFP"),
    ("Headline\n\nBy Reuters\n", "Reuters"),
    ("Headline\n\nDecember 14, 2021 10:55 pm | Updated 10:55 pm IST - Moscow\n", None),
    ("Headline\n\nBy Apollo Jones\n", None),
]


@pytest.mark.parametrize("text,outlet", OUTLET_CORPUS)
def test_outlet(text: str, outlet: str | None) -> None:
    assert find_outlet(split_lines(text)) == outlet


def test_outlet_names_are_unique_rules() -> None:
    assert len(OUTLET_RULES) == len(set(OUTLET_RULES))
