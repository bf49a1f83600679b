"""The trigger table: which words report an event, of which coarse type, with which frame.

One row per predicate: a name (the lemma, carried as ``EventMention.predicate``), the coarse
type, a case-insensitive regex over the sentence, the part of speech, what the first actor after
the trigger is (``recipient``/``patient``/``participant``), whether the verb reports speech (its
complement is ``content``), and the verb used in labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple
from itertools import compress, count

from timeline.actors.names import Tokens, tokenize

VERB, NOUN = "verb", "noun"
SPACE = r"\s+"  # a space in a pattern matches any run of whitespace (wrapped lines)


@dataclass(frozen=True)
class Row:
    name: str
    type: str
    pattern: str
    pos: str = VERB
    object: str | None = None  # role of the first actor after the trigger
    reporting: bool = False
    say: str = ""  # label verb, 3rd person present ("warns"); nouns use the name


def _r(name, type_, pattern, pos=VERB, object=None, reporting=False, say=""):
    return Row(name, type_, pattern, pos, object, reporting, say or name + "s")


TRIGGERS: tuple[Row, ...] = (
    # statements
    _r("say", "statement", r"said|says|say", reporting=True),
    _r("tell", "statement", r"told|tells", object="recipient", reporting=True),
    _r("claim", "statement", r"claim(?:s|ed)", reporting=True),
    _r("suggest", "statement", r"suggest(?:s|ed)", reporting=True),
    _r("articulate", "statement", r"articulated|articulates", reporting=True),
    _r("reiterate", "statement", r"reiterat(?:es|ed)", reporting=True),
    _r("emphasise", "statement", r"emphasi[sz](?:es|ed)", reporting=True),
    _r("stress", "statement", r"stress(?:es|ed)", reporting=True, say="stresses"),
    _r("announce", "statement", r"announc(?:es|ed)", reporting=True),
    _r("insist", "statement", r"insist(?:s|ed)", reporting=True),
    _r("respond", "statement", r"respond(?:s|ed)|repl(?:ied|ies)", reporting=True),
    _r("reaffirm", "statement", r"reaffirm(?:s|ed)", reporting=True),
    _r("ask", "appeal", r"ask(?:s|ed)(?=\s+(?:the\s+)?[A-Z])", object="recipient", reporting=True),
    _r("statement", "statement", r"statement", NOUN, reporting=True, say="issues statement"),
    _r("comments", "statement", r"comments|remarks", NOUN, reporting=True, say="comments"),
    # appeals and demands
    _r("urge", "appeal", r"urg(?:es|ed|e)", object="recipient", reporting=True),
    _r("call", "appeal", r"call(?:s|ed)? (?:on|upon|for)", object="recipient", reporting=True),
    _r("demand", "demand", r"demand(?:s|ed)", object="recipient", reporting=True),
    _r("present", "demand", r"present(?:s|ed)(?=[^.]{0,60}\b(?:demands|proposals)\b)", object="recipient"),
    # warnings and threats
    _r("warn", "warning", r"warn(?:s|ed)?", object="recipient", reporting=True),
    _r("threaten", "warning", r"threaten(?:s|ed)?", object="recipient", reporting=True),
    _r("vow", "warning", r"vow(?:s|ed)", reporting=True),
    _r("alarm", "warning", r"sound(?:s|ed)? the alarm", reporting=True, say="sounds the alarm"),
    # accusations and denials
    _r("accuse", "accusation", r"accus(?:es|ed|e)", object="patient", reporting=True),
    _r("blame", "accusation", r"blam(?:es|ed)", object="patient", reporting=True),
    _r("criticise", "accusation", r"critici[sz](?:es|ed|e)|condemn(?:s|ed)?", object="patient", reporting=True),
    _r("deny", "denial", r"denies|denied|deny", reporting=True, say="denies"),
    _r("reject", "denial", r"reject(?:s|ed)?", object="patient", reporting=True),
    # meetings
    _r("meet", "meeting", r"(?<!was\x20)(?<!were\x20)(?<!been\x20)(?<!be\x20)met|meets|meet", object="participant", say="meet"),
    _r("phone call", "meeting", r"(?:phone|telephone|video) (?:calls?|conversations?)|calls? with|"
       r"conversations? with", NOUN, object="participant"),
    _r("talks", "meeting", r"talks|negotiations", NOUN, object="participant"),
    _r("meeting", "meeting", r"meeting|summit", NOUN, object="participant"),
    _r("speak", "meeting", r"(?:spoke|speaks|talked) (?:with|to)", object="participant", say="speak"),
    _r("news conference", "meeting", r"(?:news|press) conference|annual (?:news )?conference",
       NOUN, object="participant"),
    _r("video conference", "meeting", r"video (?:conference|link)", NOUN, object="participant"),
    # visits
    _r("visit", "visit", r"visit(?:s|ed)?", object="patient"),
    _r("send", "visit", r"sen[dt]s?(?=[^.]{0,160}\bon an? (?:trip|tour|visit|mission)\b)", object="patient",
       say="sends"),
    _r("expect", "visit", r"(?:is|are) expected (?:in|to arrive|to visit|to travel)", say="is expected"),
    _r("arrive", "visit", r"arriv(?:es|ed)"),
    # military
    _r("annex", "military", r"annex(?:es|ed|ing)?", object="patient", say="annexes"),
    _r("invade", "military", r"invad(?:es|ed|e)", object="patient"),
    _r("attack", "military", r"attack(?:s|ed)?", object="patient"),
    _r("deploy", "military", r"deploy(?:s|ed)?", object="patient"),
    _r("fight", "military", r"(?:is|are|was|were|been) fighting|fought", object="patient", say="fights"),
    _r("seize", "military", r"seiz(?:es|ed|e)", object="patient"),
    _r("fire", "military", r"fire[sd]?(?=\s+(?:[\w-]+\s+){0,3}(?:missiles?|rockets?|shells?|artillery|shots|salvos?))",
       say="fires"),
    _r("launch", "military", r"launch(?:es|ed)?(?=\s+(?:[\w-]+\s+){0,3}(?:missiles?|rockets?|attacks?|offensive|"
       r"strikes?|invasion|operation|raids?))", say="launches"),
    _r("shell", "military", r"shell(?:s|ed)|bomb(?:s|ed)|struck|strikes", object="patient"),
    _r("use", "military", r"use of(?=[^.]{0,60}\b(?:drones|weapons|missiles|force|artillery|troops)\b)",
       NOUN, say="uses"),
    # sanctions, agreements
    _r("sanction", "sanctions", r"(?:impos(?:es|ed|e)|slapp?ed) (?:new |fresh |further |tough )?sanctions|sanctioned",
       object="patient", say="imposes sanctions on"),
    _r("agree", "agreement", r"(?:treaty|pact|accord|agreement|deal) (?:agreed|signed)", NOUN,
       object="participant", say="agree"),
    _r("sign", "agreement", r"sign(?:s|ed)?|agreed (?:to|on|with)", object="participant"),
    _r("quit", "withdrawal", r"quit|withdr(?:ew|aws) from|pull(?:s|ed) out of|exit(?:s|ed)", object="patient",
       say="quits"),
    # polls
    _r("poll", "poll", r"poll|survey", NOUN, say="poll"),
)


class Hit(NamedTuple):  # immutable; a named tuple is cheaper to build than a frozen dataclass
    row: Row
    start: int
    end: int


def _split_top(pattern: str) -> list[str]:
    """Alternatives of a pattern at nesting depth 0."""
    parts, depth, at = [], 0, 0
    for i, c in enumerate(pattern):
        if c == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif c == ")" and pattern[i - 1] != "\\":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[at:i])
            at = i + 1
    parts.append(pattern[at:])
    return parts


def leads(pattern: str) -> set[str]:
    """The first (up to three) letters a match of ``pattern`` can start with."""
    out: set[str] = set()
    for alt in _split_top(pattern):
        while alt.startswith("(?<"):
            alt = alt[alt.index(")") + 1 :]
        if alt.startswith("(?:"):
            depth, end = 0, 0
            for i, c in enumerate(alt):
                depth += c == "("
                depth -= c == ")"
                if depth == 0:
                    end = i
                    break
            out |= leads(alt[3:end])
            continue
        m = re.match(r"[a-z]+", alt)
        if not m:
            raise ValueError(f"trigger pattern without a literal start: {alt!r}")
        out.add(m.group()[:3])
    return out


def heads(pattern: str) -> list[tuple[str, bool]]:
    """The literal text each match of ``pattern`` begins with, per alternative (groups of
    alternatives at the start expanded): (text, whether the alternative is all literal).  A space
    stands for the whitespace it matches in a trigger.  ``("is fighting", True)``, ``("call", False)``."""
    from re import _constants, _parser  # type: ignore[attr-defined]  # the standard library's reading

    def walk(items) -> list[tuple[str, bool]]:
        out = [("", True)]
        for op, av in items:
            if not any(more for _, more in out):
                break
            if op is _constants.LITERAL:
                out = [(h + chr(av), True) if more else (h, more) for h, more in out]
            elif op in (_constants.ASSERT, _constants.ASSERT_NOT) and out == [("", True)]:
                continue  # a look-behind before the first letter matches no text
            elif op in (_constants.BRANCH, _constants.SUBPATTERN):
                parts = [walk(list(a)) for a in av[1]] if op is _constants.BRANCH else [walk(list(av[3]))]
                out = list(dict.fromkeys((h + t, more2) if more else (h, more)
                                         for h, more in out for part in parts for t, more2 in part))
            else:
                out = [(h, False) for h, _ in out]
                break
        return out

    return walk(list(_parser.parse(pattern)))


@lru_cache(maxsize=1)
def _word_heads() -> tuple[frozenset[str], dict[str, tuple[str, ...]], tuple[str, ...]] | None:
    """What a word (lower case, from where a trigger would start in it) must be for some row to
    match there: one of the first words of heads that go on after a space, or begin with a head of
    one word -- (those first words, heads of one word by their first three letters, shorter heads).
    None when a row has an alternative without literal start (no such filter then)."""
    exact, prefixes = set(), set()
    for row in TRIGGERS:
        for head, _whole in heads(row.pattern):
            if not head:
                return None
            if " " in head:
                exact.add(head.split(" ")[0].lower())
            else:
                prefixes.add(head.lower())
    by_three: dict[str, tuple[str, ...]] = {}
    for p in sorted(prefixes):
        if len(p) >= 3:
            by_three[p[:3]] = (*by_three.get(p[:3], ()), p)
    return frozenset(exact), by_three, tuple(sorted(p for p in prefixes if len(p) < 3))


def _may_begin(rest: str) -> bool:
    """Can a trigger start at the start of ``rest`` (the rest of a word)?  For ASCII: its lower case
    must fit a head (see _word_heads); other text may match case-insensitively in other ways."""
    table = _word_heads()
    if table is None or not rest.isascii():
        return True
    exact, by_three, short = table
    rest = rest.lower()
    return rest in exact or rest.startswith(by_three.get(rest[:3], ())) or rest.startswith(short)


@lru_cache(maxsize=1)
def _leads() -> frozenset[str]:
    return frozenset(lead for row in TRIGGERS for lead in leads(row.pattern))


ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
LEADS_3, LEADS_2, LEADS_1 = (frozenset(lead for lead in _leads() if len(lead) == n) for n in (3, 2, 1))


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], dict[str, Row]]:
    spaced = [row.pattern.replace(" ", SPACE) for row in TRIGGERS]
    groups = "|".join(f"(?P<t{i}>{pattern})" for i, pattern in enumerate(spaced))
    return re.compile(rf"\b(?:{groups})\b", re.IGNORECASE), {f"t{i}": row for i, row in enumerate(TRIGGERS)}


def _ascii_trie(words: set[str]) -> str:
    """A case-insensitive (ASCII only: [sS], never "ſ") regex for any of the lower-case ``words``."""
    tails: dict[str, set[str]] = {}
    for word in words:
        tails.setdefault(word[0], set()).add(word[1:])
    alts = []
    for c, rest in sorted(tails.items()):
        sub = _ascii_trie({r for r in rest if r})
        sub = f"(?:{sub})" if sub else ""
        alts.append(f"[{c}{c.upper()}]" + (f"{sub}?" if sub and "" in rest else sub))
    return "|".join(alts)


def _lead_pattern() -> str:
    """A lead, in ASCII letters of either case (a lead of one letter is that one-letter word)."""
    longer = _ascii_trie({lead for lead in _leads() if len(lead) > 1})
    single = [f"[{c}{c.upper()}](?![A-Za-z])" for c in sorted(lead for lead in _leads() if len(lead) == 1)]
    return "|".join(filter(None, [longer, *single]))


@lru_cache(maxsize=1)
def _scanner() -> re.Pattern[str]:
    """The trigger pattern tried only where a run of ASCII letters (a WORD) starts with a lead:
    one finditer does what a loop over WORDs with the lead filter and ``pattern.match`` did."""
    pattern, _ = _compiled()
    return re.compile(rf"(?<![A-Za-z])(?=(?-i:{_lead_pattern()})){pattern.pattern}", re.IGNORECASE)


@lru_cache(maxsize=1)
def _word_start() -> re.Pattern[str]:
    """For a word of ASCII letters: ``_lead_at(word, 0) and _may_begin(word)`` as one match (heads
    of lower-case letters as a trie, ASCII-case-insensitive like the leads)."""
    table = _word_heads()
    heads = ""
    if table is not None:
        exact, by_three, short = table
        prefixes = {p for ps in by_three.values() for p in ps} | set(short)
        if all(re.fullmatch("[a-z]+", w) for w in prefixes | exact):
            heads = f"{_ascii_trie(prefixes)}|(?:{_ascii_trie(set(exact))})\\Z"
        else:
            escaped = [*map(re.escape, sorted(prefixes)), f"(?:{'|'.join(map(re.escape, sorted(exact)))})\\Z"]
            heads = "(?i:" + "|".join(escaped) + ")"
    return re.compile(rf"(?=(?:{_lead_pattern()}))(?:{heads})")


ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


class _LeadOffsets(dict):
    """word -> offsets inside it where a trigger can start: an ASCII letter not preceded by one
    in the word, followed by a lead, where the rest of the word fits a head (_may_begin).  Every
    place the scanner can match is the start of a word or such an offset, since the text between
    words is whitespace."""

    @cached_property
    def _word_start(self) -> re.Pattern[str]:
        return _word_start()

    def __missing__(self, word: str) -> tuple[int, ...]:
        if word.isascii() and word.isalpha():  # most words: only their start
            offsets: tuple[int, ...] = (0,) if self._word_start.match(word) else ()
        else:  # the starts of runs of ASCII letters with a lead, found by one scan of the word
            offsets = tuple(k for k in map(_START_OF, _lead_run().finditer(word)) if _may_begin(word[k:]))
        if len(self) >= 1 << 18:  # a bound for long-running processes
            self.clear()
        self[word] = offsets
        return offsets


@lru_cache(maxsize=1)
def _lead_run() -> re.Pattern[str]:
    """Where a run of ASCII letters starts with a lead: the places k of a word where ``word[k]`` is
    an ASCII letter that none precedes and :func:`_lead_at` holds."""
    return re.compile(rf"(?<![A-Za-z])(?=(?:{_lead_pattern()}))")


_START_OF = re.Match.start


def _lead_at(word: str, k: int) -> bool:
    """Does a lead start at ``word[k]``, in ASCII letters of either case?  (What the scanner's
    look-ahead asks; leads have at most three letters, a lead of one letter is a word of its own.)"""
    three, two = word[k : k + 3], word[k : k + 2]
    return ((three.isascii() and three.lower() in LEADS_3) or (two.isascii() and two.lower() in LEADS_2)
            or (bool(LEADS_1) and word[k].lower() in LEADS_1 and word[k + 1 : k + 2] not in ASCII_LETTERS))


_LEAD_OFFSETS = _LeadOffsets()


@lru_cache(maxsize=1)
def _row_leads() -> tuple[re.Pattern[str], ...]:
    """Per row, a pattern for the letters its matches can start with (case as the row matches)."""
    return tuple(re.compile("|".join(sorted(leads(row.pattern))), re.IGNORECASE) for row in TRIGGERS)


@lru_cache(maxsize=1)
def _row_scanners() -> tuple[re.Pattern[str], ...]:
    """Per row of TRIGGERS, the scanner with that row as its only alternative and without the lead
    look-ahead (find_triggers tries it only where :func:`_lead_at` holds)."""
    return tuple(re.compile(rf"(?<![A-Za-z])\b(?:{row.pattern.replace(' ', SPACE)})\b", re.IGNORECASE)
                 for row in TRIGGERS)


class _ByStart(dict):
    """The first three characters at a place -> the rows (indices into TRIGGERS) that can match
    there: a row whose leads cannot match those characters cannot match there.  Trying these rows'
    scanners in table order finds what the full scanner's alternation finds: its first row that
    matches (each alternative is tried with the closing ``\b`` before the next one)."""

    def __missing__(self, key: str) -> tuple[int, ...]:
        rows = tuple(i for i, lead in enumerate(_row_leads()) if lead.match(key))
        self[key] = rows
        return rows


_BY_START = _ByStart()


lead_offsets = _LEAD_OFFSETS.__getitem__  # word -> the offsets inside it where a trigger can start


def find_triggers(text: str, start: int, end: int, tokens: Tokens | None = None,
                  offsets: list[tuple[int, ...]] | None = None) -> list[Hit]:
    """Every trigger match in ``text[start:end]``, left to right, the first matching row of the table
    at one place (what ``_scanner().finditer(text, start, end)`` finds).  ``tokens``: the span's
    :func:`timeline.actors.names.tokenize`, ``offsets``: its words' :func:`lead_offsets`, when
    already made."""
    toks = tokens if tokens is not None else tokenize(text, start, end)
    words, starts = toks.words, toks.starts
    by_start, scanners = _BY_START, _row_scanners()
    hits: list[Hit] = []
    done = start  # matches do not overlap: the next one starts at or after the last one's end
    per_word = offsets if offsets is not None else list(map(_LEAD_OFFSETS.__getitem__, words))
    for i in compress(count(), per_word):  # words with a lead
        for k in per_word[i]:
            at = starts[i] + k
            if at < done:
                continue
            for row in by_start[text[at : min(at + 3, end)]]:
                m = scanners[row].match(text, at, end)
                if m:
                    hits.append(Hit(TRIGGERS[row], at, m.end()))
                    done = m.end()
                    break
    return hits
