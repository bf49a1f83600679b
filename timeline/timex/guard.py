"""First-character guards: a speed-up that changes no match.

Every rule pattern opens with look-behinds (the left boundary ``B``), which the regex engine
tries at every position of a window before it reads a single character.  ``guarded(pattern)``
prefixes the pattern with a look-ahead on the characters its first consumed character can be
(``(?=[adfjmnos])`` for a month name), computed from the parsed pattern, so positions that
cannot start a match fail on one character test.  The look-ahead is implied by the pattern,
so the guarded pattern matches exactly what the plain one does; when the first character
cannot be bounded (a ``.``, a negated class, a back-reference), the pattern is left as it is.
"""

from __future__ import annotations

import re

try:  # the stdlib parser the re module itself uses (sre_parse before 3.11)
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - older or other Pythons: no guard, same matches
    _c = _p = None  # type: ignore[assignment]

_DIGITS = "\\d"  # stands for the class \d in a first-character set


def first_chars(items) -> tuple[set[str] | None, bool]:
    """(first characters, can be empty) of a parsed sequence; None when they cannot be bounded."""
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av))
            return out, False
        if op is _c.IN:
            chars = _class_chars(av)
            return (None, False) if chars is None else (out | chars, False)
        if op is _c.BRANCH:
            empty = False
            for alternative in av[1]:
                chars, can_be_empty = first_chars(alternative.data)
                if chars is None:
                    return None, False
                out |= chars
                empty = empty or can_be_empty
            if not empty:
                return out, False
        elif op is _c.SUBPATTERN:
            chars, can_be_empty = first_chars(av[-1].data)
            if chars is None:
                return None, False
            out |= chars
            if not can_be_empty:
                return out, False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, _high, sub = av
            chars, can_be_empty = first_chars(sub.data)
            if chars is None:
                return None, False
            out |= chars
            if low > 0 and not can_be_empty:
                return out, False
        elif op not in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):  # zero-width: the next item decides
            return None, False
    return out, True


def _class_chars(items) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < 64:
            chars.update(chr(x) for x in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            chars.add(_DIGITS)
        else:
            return None
    return chars


def starts_a_word(items) -> bool:
    """The parsed pattern opens with look-behinds that each exclude a word character just before.

    ``B`` (``(?<=\\bmid-)|...|(?<![\\w$...])``) and ``after("in", ...)`` (``(?<=\\bin\\s)|...``) do:
    every alternative is a look-behind ending on a non-word character, or a negative look-behind
    on a class holding ``\\w``.  Anything else: False (no extra guard).
    """
    if not items:
        return False
    op, av = items[0]
    alternatives = [alt.data for alt in av[1]] if op is _c.BRANCH else [[items[0]]]
    return all(len(alt) == 1 and _excludes_word_before(*alt[0]) for alt in alternatives)


def _excludes_word_before(op, av) -> bool:
    if op not in (_c.ASSERT, _c.ASSERT_NOT) or av[0] != -1 or not av[1].data:
        return False
    last_op, last_av = av[1].data[-1]
    if op is _c.ASSERT_NOT:  # (?<![\w...]): the character before is no word character
        return len(av[1].data) == 1 and last_op is _c.IN and (_c.CATEGORY, _c.CATEGORY_WORD) in last_av \
            and (_c.NEGATE, None) not in last_av
    if last_op is _c.LITERAL:  # (?<=\bmid-)
        return re.match(r"\w", chr(last_av)) is None
    return last_op is _c.IN and last_av == [(_c.CATEGORY, _c.CATEGORY_SPACE)]  # (?<=\bin\s)


def guarded(pattern: str, flags: int = re.I) -> str:
    """``pattern`` with a look-ahead on its possible first characters, or unchanged when unbounded.

    When its left context already excludes a word character just before (:func:`starts_a_word`),
    the guard also says so up front, so a position inside a word fails on one test instead of
    on each of the boundary look-behinds.
    """
    if _p is None:
        return pattern
    try:
        items = _p.parse(pattern, flags).data
        chars, can_be_empty = first_chars(items)
        left = r"(?<!\w)" if starts_a_word(items) else ""
    except (AttributeError, TypeError, ValueError, re.error):  # pragma: no cover - parser internals moved
        return pattern
    if chars is None or can_be_empty or not chars:
        return left + pattern
    klass = "".join(_DIGITS if c == _DIGITS else re.escape(c) for c in sorted(chars))
    return f"(?=[{klass}])" + left + pattern
