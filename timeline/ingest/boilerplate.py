"""Which lines of an article are the story: boilerplate rules as a table, and the body spans.

Each rule is a name, a pattern that must match a whole line (surrounding spaces ignored) and a
scope: ``line`` drops the line, ``next`` also drops the next non-blank line (the title under
"Watch video 02:11"), ``block`` drops the following lines up to a blank line (the bullets under
"Sign in to unlock member-only benefits!"), ``rest`` drops everything to the end ("You might
also like", the comments section).

Besides the table, four context rules drop a line: ``title`` (the headline, which is marked by
``Article.title_span`` instead; a first line ending in a full stop is a sentence, not a headline,
and stays), ``title-repeat`` (the headline printed again), ``dateline``
(the line the publication date was read from) and ``duplicate`` (a line repeating an earlier
one, as image captions often do).  Trailing photo credits ("... Copyright Alexander
Zemlianichenko / AP", "(AFP photo)") are cut off the end of a kept line.

Photo captions that describe events ("Russian President Vladimir Putin attends his annual news
conference in Moscow, Russia, Thursday, Dec. 23, 2021.") are *kept*: they are sentences about
the story and often its only dated statement.  Stand-firsts and crossheads are kept too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.ingest.dateline import HEAD_LINES, WrittenDate, segment_date
from timeline.ingest.textfile import Line
from timeline.model import Span

SCOPES = ("line", "next", "block", "rest")


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str  # must match the whole stripped line
    scope: str = "line"  # one of SCOPES


BOILERPLATE_RULES: tuple[Rule, ...] = (
    Rule("you-are-here", r"(?i)you are here:?"),
    Rule("find-us", r"(?i)find us(?: on \w+)?"),
    Rule("visit-new-site", r"(?i)visit the new \S+ website"),
    Rule("beta-site-blurb", r"(?i)take a look at the beta version of .*"),
    Rule("nav-list-item", r"\d{1,2}\.\s+[^\s.!?]+(?:\s+[^\s.!?]+){0,3}"),
    Rule("byline", r"(?:Written\s+)?[Bb]y(?:\s+[A-Z][\w.'’-]*)+(?:\s+(?:with|and|in)\s+[A-Z][\w.'’-]*)*"),
    Rule("byline-empty", r"(?i)written by\s*\|?"),
    Rule(
        "published-updated",
        r"(?i)(?:published|updated|last updated)(?:\s+on)?(?:\s+(?:published|updated)(?:\s+on)?)*",
    ),
    Rule("watch-video", r"(?i)watch video \d{1,2}:\d{2}", "next"),
    Rule("audios-videos", r"(?i)audios and videos on the topic", "rest"),
    Rule("dw-initials-credit", r"[a-z]{1,4}(?:/[a-z]{1,4})+\s*(?:\([^)]*\))?"),
    Rule("share-article", r"(?i)share this article.*"),
    Rule("embed-link", r"(?i)copy/paste the article video embed link.*"),
    Rule("copyright-credit", r"(?:Copyright|©|\(c\))\s*\S+(?:\s+\S+){0,8}"),
    Rule("photo-credit", r"(?i)(?:photo|image|picture)(?:\s+credit)?\s*:\s*\S+(?:\s+\S+){0,6}"),
    Rule("also-read", r"(?i)(?:also read|read also|read more|see also)\s*:.*"),
    Rule("section-link", r"(?:Explainer|Analysis|Opinion|Explained|Live|Watch|Listen|Related)\s*\|.*"),
    Rule(
        "you-might-also-like",
        r"(?i)(?:you might also like|you may also like|related (?:stories|articles)):?",
        "rest",
    ),
    Rule("sign-in-blurb", r"(?i)sign in to unlock.*", "block"),
    Rule("sign-in", r"(?i)(?:sign in|sign up|log in|login|subscribe|register)"),
    Rule("slide-counter", r"\d+\s*/\s*\d+"),
    Rule("comments-heading", r"(?i)(?:comments|leave a comment|\d+ comments?|post a comment)", "rest"),
    Rule("comments-policy", r"(?i)comments have to be in english.*"),
    Rule("commenting-platform", r"(?i)we have migrated to a new commenting platform.*"),
    Rule("article-categories", r"(?i)article categories:?"),
    Rule("email-not-published", r"(?i)your email address will not be published\.?.*"),
    Rule("votes-count", r"(?i)\d+ users? (?:have|has) voted\.?"),
    Rule("newsletter-blurb", r"(?i)get top stories .*emailed to you.*"),
)

# Credits glued to the end of a kept line: cut from the span.
TRAILING_CREDITS: tuple[tuple[str, str], ...] = (
    ("copyright-credit", r"\s+(?:Copyright|©)\s.*$"),
    ("agency-photo", r"\s*\((?:AFP|AP|Reuters|EPA|Getty Images|dpa)(?:\s+photo)?\)\s*$"),
)

CONTEXT_RULES = ("title", "title-repeat", "dateline", "duplicate")


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def match_rule(line_text: str) -> Rule | None:
    """The first boilerplate rule matching the whole (stripped) line, or None."""
    stripped = line_text.strip()
    if not stripped:
        return None
    for rule in BOILERPLATE_RULES:
        if _compiled(rule.pattern).fullmatch(stripped):
            return rule
    return None


def content_end(line: Line) -> int:
    """Offset where a kept line's content ends: before trailing spaces and glued photo credits."""
    text = line.text.rstrip()
    for _name, pattern in TRAILING_CREDITS:
        match = _compiled(pattern).search(text)
        if match and match.start() > 0:
            text = text[: match.start()].rstrip()
    return line.start + len(text)


def content_start(line: Line) -> int:
    return line.start + (len(line.text) - len(line.text.lstrip()))


_QUOTES = str.maketrans({"′": "'", "‘": "'", "’": "'", "`": "'", "″": '"', "“": '"', "”": '"'})


def _normalise(text: str) -> str:
    """Comparison key for repeated lines: spaces collapsed, quotes unified, case folded."""
    return " ".join(text.translate(_QUOTES).split()).casefold()


@dataclass(frozen=True)
class Title:
    text: str
    span: Span
    line: int
    headline: bool = True  # False: a sentence standing first, which stays in the body


_CLOSERS = "\"'”’»)] \t"


HEADLINE_MAX_WORDS = 20


def looks_like_headline(text: str) -> bool:
    """Headlines are short and do not end in a full stop or exclamation mark; a first *sentence* does."""
    return len(text.split()) <= HEADLINE_MAX_WORDS and not text.rstrip(_CLOSERS).endswith((".", "!", "…"))


def title_segment(line: Line) -> tuple[int, int]:
    """Offsets of the headline in a title line: before " | " when the rest is section/outlet/date."""
    start, end = content_start(line), content_end(line)
    bar = line.text.find(" | ")
    if bar > 0 and segment_date(line.text.rsplit("|", 1)[-1], line) is not None:
        end = line.start + len(line.text[:bar].rstrip())
    return start, end


def find_title(lines: tuple[Line, ...], text: str) -> Title | None:
    """The headline: the first non-blank line near the top that is neither boilerplate nor only a date."""
    for line in lines[:HEAD_LINES]:
        if line.blank or match_rule(line.text) is not None:
            continue
        if segment_date(line.text.split("|")[0], line) is not None:
            continue
        start, end = title_segment(line)
        return Title(text[start:end], Span(start, end), line.number, looks_like_headline(text[start:end]))
    return None


def title_line(lines: tuple[Line, ...], text: str, title: str) -> Title | None:
    """The line near the top that is exactly ``title`` (a title given by metadata), if any."""
    key = _normalise(title)
    for line in lines[:HEAD_LINES]:
        start, end = title_segment(line)
        if not line.blank and _normalise(text[start:end]) == key:
            return Title(text[start:end], Span(start, end), line.number)
    return None


@dataclass(frozen=True)
class Verdict:
    """Why a line is left out of the body (``reason``), or None when it is story."""

    line: Line
    reason: str | None


def mark_lines(
    lines: tuple[Line, ...], title: Title | None = None, dateline: WrittenDate | None = None
) -> tuple[Verdict, ...]:
    """Each line with the rule that drops it, or None when it belongs to the story."""
    verdicts: list[Verdict] = []
    seen: set[str] = set()
    carry: tuple[str, str] | None = None  # (scope, rule name) still in force
    title_key = _normalise(title.text) if title and title.headline else None
    for line in lines:
        reason: str | None = None
        rule = match_rule(line.text)
        if carry and carry[0] == "rest":
            reason = carry[1]
        elif line.blank:
            if carry and carry[0] == "block":
                carry = None
        elif carry:
            reason = rule.name if rule is not None else carry[1]
            if rule is not None and rule.scope != "line":
                carry = (rule.scope, rule.name)  # e.g. a "rest" heading right under a block
            elif carry[0] == "next":
                carry = None
        else:
            reason = _line_reason(line, title, dateline, title_key, seen)
            if rule is not None and rule.scope != "line":
                carry = (rule.scope, rule.name)
        if not line.blank:
            seen.add(_normalise(line.text[: content_end(line) - line.start]))
        verdicts.append(Verdict(line, reason))
    return tuple(verdicts)


def _line_reason(
    line: Line, title: Title | None, dateline: WrittenDate | None, title_key: str | None, seen: set[str]
) -> str | None:
    if title is not None and title.headline and line.number == title.line:
        return "title"
    if dateline is not None and line.number == dateline.line:
        return "dateline"
    rule = match_rule(line.text)
    if rule is not None:
        return rule.name
    key = _normalise(line.text[: content_end(line) - line.start])
    if title_key and key == title_key:
        return "title-repeat"
    if key in seen:
        return "duplicate"
    return None


def body_spans(verdicts: tuple[Verdict, ...]) -> tuple[Span, ...]:
    """Spans of the story: runs of kept lines (a blank or dropped line ends a run)."""
    spans: list[Span] = []
    run: list[Line] = []

    def close() -> None:
        if run:
            start, end = content_start(run[0]), content_end(run[-1])
            if end > start:
                spans.append(Span(start, end))
            run.clear()

    for verdict in verdicts:
        if verdict.reason is None and not verdict.line.blank:
            if run and content_end(run[-1]) < run[-1].end:
                close()  # a credit was cut from the previous line: do not span across it
            run.append(verdict.line)
        else:
            close()
    close()
    return tuple(spans)
