"""Strings that can be written anywhere: every output is UTF-8, and Python strings can hold what UTF-8 cannot.

Two ways a lone surrogate (U+D800-U+DFFF) gets into a loaded string, and what ingest makes of it:

- a file name whose bytes are not UTF-8 (``caf\\xe9.txt`` from a Latin-1 system): Python keeps each
  bad byte as a surrogate.  Paths and the ids taken from file names show such a byte as ``\\xe9``
  (:func:`display_path`): readable, and two names differing only there stay two ids;
- a JSON string with an unpaired ``\\ud800`` escape, which ``json`` decodes as it is: the
  surrogate becomes U+FFFD (:func:`writable`), one character for one, so offsets do not move.

Without this, one odd file name made ``timeline build`` crash when the store or the JSON output
encoded the document id.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")


def writable(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (same length, so offsets hold)."""
    return _SURROGATE.sub(REPLACEMENT, text) if _SURROGATE.search(text) else text


def display_path(path: str | Path) -> str:
    """A path (or a name from one) as UTF-8-safe text: undecodable file-name bytes shown as ``\\xNN``."""
    text = os.fspath(path)
    if not _SURROGATE.search(text):
        return text
    try:
        raw = os.fsencode(text)  # the original bytes of the name
    except UnicodeEncodeError:  # surrogates that did not come from the file system
        return writable(text)
    return raw.decode("utf-8", "backslashreplace")
