"""Robustness on bad input (issue 7): nothing but a clear per-file error, everything else processed.

Three parts:

1. ingest on hostile files: huge, deeply nested, binary, wrong encodings, malformed JSON lines,
   duplicates, no date, junk-only folders, symlink loops and special files;
2. property tests (hypothesis): arbitrary bytes in every supported format load or raise
   ``IngestError`` only; the date resolver never raises on arbitrary text and dates;
3. the CLI end to end: an output folder that cannot be made is one line and exit code 1; a build
   interrupted by Ctrl-C or killed leaves only whole outputs and a readable store, and the
   next build succeeds.

Every big or odd file is generated in ``tmp_path``; nothing large is committed.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from files import write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.ingest import IngestError, load_file, load_paths
from timeline.ingest.formats import FORMATS, SIZE_LIMITS
from timeline.ingest.html import PARSER_DEPTH
from timeline.model import PUBLISHED_FROM, Article

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
MiB = 2**20
STORY = "Putin calls for talks\n\nMOSCOW -- The Kremlin said on Tuesday that talks would resume.\n"


def assert_sound(article: Article) -> None:
    """What every loaded article must satisfy, whatever the input."""
    assert isinstance(article, Article)
    assert article.text.strip()
    assert article.published_from in PUBLISHED_FROM
    assert (article.published is None) == (article.published_from == "missing")
    for span in [*article.body, *([article.title_span] if article.title_span else [])]:
        assert 0 <= span.start <= span.end <= len(article.text), (article.id, span)
    for value in (article.id, article.text, article.path, article.title, article.url, article.source):
        if value is not None:
            value.encode("utf-8")  # every output is UTF-8: no lone surrogates


def one_line(problem: str) -> bool:
    return bool(problem) and "\n" not in problem and "Traceback" not in problem


# ---------------------------------------------------------------- 1. huge files


def huge_text(path: Path, size: int) -> Path:
    """A real text file of ``size`` bytes (newline-separated sentences), written in big chunks."""
    line = b"The president said on Tuesday that talks with Moscow would resume in December 2021.\n"
    chunk = line * (MiB // len(line) + 1)
    with path.open("wb") as fh:
        left = size
        while left > 0:
            fh.write(chunk[: min(left, len(chunk))])
            left -= len(chunk)
    return path


def test_a_100_mb_text_file_is_one_size_error_naming_file_and_limit(tmp_path: Path) -> None:
    huge = huge_text(tmp_path / "dump.txt", 100 * MiB)
    write(tmp_path / "story.txt", STORY)
    started = time.perf_counter()
    result = load_paths([tmp_path])
    took = time.perf_counter() - started
    assert [a.id for a in result.articles] == ["story"]
    (error,) = result.errors
    assert error.path == str(huge)
    assert error.problem.startswith("file too large: 104,857,600 bytes (100 MiB)"), error.problem
    assert f"{SIZE_LIMITS['txt']:,}-byte" in error.problem and "max_bytes" in error.problem
    assert one_line(error.problem)
    assert took < 5, f"refusing a huge file should not read it ({took:.1f} s)"


def test_size_limit_is_per_format_and_max_bytes_changes_it(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", STORY * 40)  # ~3 KB
    assert load_file(path)[0].id == "story"
    with pytest.raises(IngestError) as caught:
        load_file(path, max_bytes=1000)
    assert "over the 1,000-byte" in caught.value.problem
    assert load_file(path, max_bytes=10**6)[0].text == STORY * 40
    assert set(SIZE_LIMITS) == {fmt for fmt, _ in FORMATS.values()}
    assert SIZE_LIMITS["json"] > SIZE_LIMITS["txt"]  # collections of records may be bigger


# Lines that made a pattern backtrack: each repeated to 64 KB, first as the top line (where the
# dateline is looked for), then as a body line.  Linear work is a fraction of a second.
PATHOLOGICAL_UNITS = [" ", "\t", "\u00a0", "| ", " - ", "Dec 14 2021 | ", "Monday, ", "2021-12-14T", "1.", "14, ",
                      "By ", "Updated ", "Photo: ", "(", "\"", "\r"]


@pytest.mark.parametrize("unit", PATHOLOGICAL_UNITS, ids=repr)
def test_pathological_lines_load_in_linear_time(tmp_path: Path, unit: str) -> None:
    run = unit * (64_000 // len(unit))
    for name, text in (("top.txt", f"Title {run}\n\nBody.\n"), ("body.txt", f"Title\n\nBody.\n{run}\n")):
        path = write(tmp_path / name, text)
        started = time.perf_counter()
        try:
            load_file(path)
        except IngestError as err:  # a line of white space is no text: fine, as long as it is quick
            assert one_line(err.problem)
        took = time.perf_counter() - started
        assert took < 5, f"{name}: {took:.1f} s for 64 KB"


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_every_format_is_size_checked_before_reading(tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path / f"big{suffix}", b"x" * 2000)
    with pytest.raises(IngestError) as caught:
        load_file(path, max_bytes=1999)
    assert caught.value.problem.startswith("file too large: 2,000 bytes"), caught.value.problem
    assert f"for {FORMATS[suffix][0]} files" in caught.value.problem


# ---------------------------------------------------------------- 1. nesting, binary, encodings


def nested_html(depth: int, inner: str = "div") -> str:
    para = "<p>The Kremlin said on Tuesday that talks with NATO would resume in Geneva next month.</p>"
    return f"<html><body>{f'<{inner}>' * depth}{para}{f'</{inner}>' * depth}</body></html>"


@pytest.mark.parametrize("depth", [PARSER_DEPTH + 100, 10_000, 100_000])
def test_deeply_nested_html_gives_its_text(tmp_path: Path, depth: int) -> None:
    (article,) = load_file(write(tmp_path / "deep.html", nested_html(depth)))
    assert "talks with NATO would resume" in article.text
    assert_sound(article)


def test_deeply_nested_html_without_layout_tags_is_one_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path / "deep.html", nested_html(10_000, inner="ul"))
    with pytest.raises(IngestError) as caught:
        load_file(path)
    assert caught.value.problem == (
        "no article text found in the HTML "
        f"(elements nested 10,003 deep; the HTML parser reads {PARSER_DEPTH} levels)"
    )


def test_deeply_nested_json_is_one_error(tmp_path: Path) -> None:
    path = write(tmp_path / "deep.json", "[" * 100_000 + "]" * 100_000)
    with pytest.raises(IngestError) as caught:
        load_file(path)
    assert caught.value.problem == "malformed JSON: nested too deeply"


# (file name, bytes) of real binary formats given article suffixes
BINARY = [
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
    ("archive.json", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256))),
    ("program.html", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256))),
    ("doc.tml", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256))),
    ("rows.jsonl", bytes(range(256)) * 4),
]


@pytest.mark.parametrize("name,data", BINARY)
def test_binary_file_is_one_error_and_the_rest_loads(tmp_path: Path, name: str, data: bytes) -> None:
    bad = write(tmp_path / name, data)
    write(tmp_path / "story.txt", STORY)
    result = load_paths([tmp_path])
    assert [a.id for a in result.articles] == ["story"]
    (error,) = result.errors
    assert error.path == str(bad) and one_line(error.problem)
    assert error.problem.startswith(("binary file", "not valid UTF-8")), error.problem


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_text_with_a_wide_byte_order_mark_is_decoded(tmp_path: Path, codec: str) -> None:
    mark = {"utf-16": b"", "utf-16-be": codecs.BOM_UTF16_BE, "utf-32": b""}[codec]
    path = write(tmp_path / "notepad.txt", mark + STORY.encode(codec))
    (article,) = load_file(path)
    assert article.text == STORY  # the mark is gone, offsets count characters
    assert article.title == "Putin calls for talks"
    assert_sound(article)


def test_utf16_json_and_html_are_decoded(tmp_path: Path) -> None:
    record = json.dumps({"id": "r1", "text": STORY, "published": "2021-12-14"})
    (article,) = load_file(write(tmp_path / "r.json", record.encode("utf-16")))
    assert (article.id, article.published) == ("r1", dt.date(2021, 12, 14))
    (page,) = load_file(write(tmp_path / "p.html", nested_html(3).encode("utf-16")))
    assert "talks with NATO would resume" in page.text


@pytest.mark.parametrize("name,codec", [("a.txt", "utf-16-le"), ("b.txt", "utf-16-be"), ("c.html", "utf-16-le")])
def test_utf16_without_a_byte_order_mark_is_named(tmp_path: Path, name: str, codec: str) -> None:
    path = write(tmp_path / name, (nested_html(1) if name.endswith(".html") else STORY).encode(codec))
    with pytest.raises(IngestError) as caught:
        load_file(path)
    kind = "HTML" if name.endswith(".html") else "text"
    offset = 1 if codec == "utf-16-le" else 0
    assert caught.value.problem == (f"not {kind} in UTF-8: it looks like UTF-16 without a byte-order mark "
                                    f"(NUL byte at offset {offset}); save it as UTF-8")


def test_broken_utf16_names_the_offset(tmp_path: Path) -> None:
    path = write(tmp_path / "cut.txt", STORY.encode("utf-16") + b"\x00")  # an odd byte at the end
    with pytest.raises(IngestError) as caught:
        load_file(path)
    offset = len(STORY.encode("utf-16"))
    assert caught.value.problem == (
        f"not valid UTF-16 text despite its byte-order mark (truncated data at offset {offset})"
    )


def test_latin1_is_an_error_naming_the_byte_offset(tmp_path: Path) -> None:
    text = "Merkel's successor Scholz met Macron in Paris.\n\nThe café meeting was short.\n"
    path = write(tmp_path / "latin1.txt", text.encode("latin-1"))
    offset = text.encode("latin-1").index(b"\xe9")
    with pytest.raises(IngestError) as caught:
        load_file(path)
    assert caught.value.problem.startswith(f"not valid UTF-8 text (byte 0xe9 at offset {offset})")
    assert "Latin-1" in caught.value.problem and one_line(caught.value.problem)


# ---------------------------------------------------------------- 1. records, duplicates, dates, folders


def test_jsonl_with_one_bad_line_in_a_thousand(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"a{n}", "text": f"Story {n}\n\nTalks resumed on day {n}."})
             for n in range(1000)]
    lines[616] = '{"id": "a616", "text": "cut off'
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    result = load_paths([path])
    assert len(result.articles) == 999
    assert "a616" not in {a.id for a in result.articles}
    (error,) = result.errors
    assert error.path == str(path)
    assert error.problem.startswith("line 617: malformed JSON: Unterminated string"), error.problem
    with pytest.raises(IngestError, match="line 617"):
        load_file(path)  # strict


# (file name, content, the one problem, or None when it loads)
ODD_JSON = [
    ("bigint.json", '{"text": "Talks.", "id": ' + "1" * 5000 + "}",
     "malformed JSON: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits"),
    ("deep-title.json", '{"text": "Talks.", "title": ' + "[" * 5000 + "]" * 5000 + "}",
     "malformed JSON: nested too deeply"),
    ("bigint.jsonl", '{"text": "Talks.", "id": ' + "1" * 5000 + '}\n{"text": "More talks."}\n',
     "line 1: malformed JSON: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits"),
    ("deep.jsonl", '{"text": "More talks."}\n' + "[" * 5000 + "]" * 5000 + "\n",
     "line 2: malformed JSON: nested too deeply"),
    ("bom.jsonl", '\ufeff{"text": "Talks."}\n', None),
    ("crlf.jsonl", '{"text": "Talks."}\r\n\r\n{"text": "More talks."}\r\n', None),
    ("huge-float.json", '{"text": "Talks.", "id": 1e400}', None),
    ("duplicate-key.json", '{"text": "Old.", "text": "Talks."}', None),
]


@pytest.mark.parametrize("name,content,problem", ODD_JSON, ids=[row[0] for row in ODD_JSON])
def test_odd_json_is_one_problem_or_loads(tmp_path: Path, name: str, content: str, problem: str | None) -> None:
    path = write(tmp_path / name, content)
    result = load_paths([path])
    for article in result.articles:
        assert_sound(article)
    if problem is None:
        assert result.articles and not result.errors
    else:
        assert [(e.path, e.problem) for e in result.errors] == [(str(path), problem)]


def test_duplicate_documents_both_load_with_distinct_ids(tmp_path: Path) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, tmp_path / "copy.txt")
    (tmp_path / "again").mkdir()
    shutil.copy(seed, tmp_path / "again" / "copy.txt")
    shutil.copy(seed, tmp_path / "other.txt")
    result = load_paths([tmp_path])
    assert not result.errors
    ids = [a.id for a in result.articles]
    assert len(ids) == 3 and len(set(ids)) == 3
    assert len({a.text for a in result.articles}) == 1
    assert {Path(a.path).name for a in result.articles} == {"copy.txt", "other.txt"}


NO_DATE = [
    ("plain.txt", "Talks with Moscow\n\nThe minister said talks would go on.\n"),
    ("record.json", json.dumps({"id": "r", "text": "Talks with Moscow\n\nTalks go on."})),
    ("page.html", nested_html(2)),
    ("doc.tml", "<TimeML><TEXT>Talks with Moscow went on.</TEXT></TimeML>"),
]


@pytest.mark.parametrize("name,data", NO_DATE)
def test_article_with_no_date_is_missing_never_today(tmp_path: Path, name: str, data: str) -> None:
    (article,) = load_file(write(tmp_path / name, data))
    assert article.published is None and article.published_from == "missing"
    assert article.published_time is None


def test_file_names_that_are_not_utf8_load_under_a_writable_id(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9 report.txt", "wb") as fh:
        fh.write(STORY.encode())
    with open(folder + b"/caf\xe8 report.txt", "wb") as fh:
        fh.write(STORY.encode())
    with open(folder + b"/bad\xff.json", "wb") as fh:
        fh.write(b"{")
    result = load_paths([tmp_path])
    assert sorted(a.id for a in result.articles) == ["caf\\xe8 report", "caf\\xe9 report"]
    for article in result.articles:
        assert_sound(article)
        assert article.path == f"{tmp_path}/{article.id}.txt"
    (error,) = result.errors
    assert error.path == f"{tmp_path}/bad\\xff.json" and error.problem.startswith("malformed JSON")


def test_lone_surrogates_in_json_become_replacement_characters(tmp_path: Path) -> None:
    path = write(tmp_path / "r.json", '{"id": "x\\ud800", "title": "T\\udfff", "text": "Talks \\ud83d went on.\\n"}')
    (article,) = load_file(path)
    assert (article.id, article.title, article.text) == ("x\ufffd", "T\ufffd", "Talks \ufffd went on.\n")
    assert_sound(article)


def test_folder_of_only_junk_is_one_error_per_file_and_one_for_the_folder(tmp_path: Path) -> None:
    junk = {
        "empty.txt": b"",
        "nul.txt": b"\x00\x00",
        "broken.json": b"{",
        "image.png": b"\x89PNG\r\n\x1a\n",
        "blank.jsonl": b"\n \n",
        "Makefile": b"all:\n",
    }
    for name, data in junk.items():
        write(tmp_path / name, data)
    result = load_paths([tmp_path])
    assert result.articles == ()
    assert sorted(Path(e.path).name for e in result.errors) == sorted(junk)
    assert all(one_line(e.problem) for e in result.errors)


def test_folder_with_no_article_files_at_all_is_one_error_naming_it(tmp_path: Path) -> None:
    write(tmp_path / ".hidden.txt", STORY)
    result = load_paths([tmp_path])
    assert result.articles == ()
    assert [e.path for e in result.errors] == [str(tmp_path)]
    assert result.errors[0].problem.startswith("no articles in this folder")


def test_symlink_loops_do_not_hang(tmp_path: Path) -> None:
    root = tmp_path / "articles"
    write(root / "story.txt", STORY)
    write(root / "sub" / "deeper.txt", STORY.replace("Putin", "Biden"))
    os.symlink(".", root / "sub" / "self")  # folder loop
    os.symlink("..", root / "sub" / "up")  # link to an ancestor
    os.symlink(root, root / "sub" / "absolute")  # the same, absolute
    os.symlink("b.txt", root / "a.txt")  # file loop
    os.symlink("a.txt", root / "b.txt")
    os.symlink("gone.txt", root / "dangling.txt")
    started = time.perf_counter()
    result = load_paths([root])
    assert time.perf_counter() - started < 10
    assert sorted(a.id for a in result.articles) == ["deeper", "story"]
    problems = {Path(e.path).name: e.problem for e in result.errors}
    assert problems == {
        "a.txt": "cannot read file (symbolic link loop)",
        "b.txt": "cannot read file (symbolic link loop)",
        "dangling.txt": "cannot read file (broken symbolic link)",
    }
    with pytest.raises(IngestError):
        load_file(root / "a.txt")


def test_folders_nested_deeper_than_the_recursion_limit(tmp_path: Path) -> None:
    depth = sys.getrecursionlimit() + 200
    chain = [tmp_path / "deep"]
    for _ in range(depth):
        chain.append(chain[-1] / "a")
    try:
        for folder in chain:
            folder.mkdir()
        write(chain[10] / "near.txt", STORY)
        write(chain[-1] / "bottom.txt", STORY)
        started = time.perf_counter()
        result = load_paths([chain[0]])
        assert time.perf_counter() - started < 10
        assert sorted(a.id for a in result.articles) == ["bottom", "near"] and not result.errors
    finally:  # bottom up: recursive removal would hit the same limit
        for folder in reversed(chain):
            for child in folder.glob("*.txt"):
                child.unlink()
            if folder.exists():
                folder.rmdir()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="running as root: file permissions deny root nothing")
def test_a_folder_that_cannot_be_listed_is_one_error(tmp_path: Path) -> None:
    write(tmp_path / "story.txt", STORY)
    locked = tmp_path / "locked"
    write(locked / "hidden-from-us.txt", STORY)
    locked.chmod(0)
    try:
        result = load_paths([tmp_path])
    finally:
        locked.chmod(0o700)
    assert [a.id for a in result.articles] == ["story"]
    assert [(e.path, e.problem) for e in result.errors] == [(str(locked), "cannot read folder (Permission denied)")]


def test_a_linked_folder_is_read_once(tmp_path: Path) -> None:
    write(tmp_path / "store" / "story.txt", STORY)
    (tmp_path / "articles").mkdir()
    os.symlink(tmp_path / "store", tmp_path / "articles" / "linked")
    os.symlink(tmp_path / "store", tmp_path / "articles" / "linked-again")
    result = load_paths([tmp_path / "articles"])
    assert [a.id for a in result.articles] == ["story"] and not result.errors


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_an_error_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    write(tmp_path / "story.txt", STORY)
    result = load_paths([tmp_path])
    assert [a.id for a in result.articles] == ["story"]
    assert [(Path(e.path).name, e.problem) for e in result.errors] == [
        ("pipe.txt", "not a regular file (a named pipe)")
    ]


# ---------------------------------------------------------------- 2. property tests

SUFFIXES = sorted(FORMATS)  # every supported extension
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
RECORD = st.fixed_dictionaries(
    {"text": st.text(min_size=1, max_size=200)},
    optional={
        "id": st.text(max_size=12) | st.integers(),
        "title": st.text(max_size=30) | JSON_VALUES,
        "published": st.text(max_size=30) | st.dates().map(str) | JSON_VALUES,
        "url": st.text(max_size=30),
        "source": st.text(max_size=10),
    },
)
TAG_SOUP = ["<html>", "<body>", "</body>", "<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<!--", "-->",
            "<![CDATA[", "]]>", "&amp;", "&#xD800;", "&#0;", "&nbsp;", "<meta charset='utf-16'>",
            "<meta property='article:published_time' content='2021-12-14T22:55:00'>", "<title>", "</title>",
            "<TIMEX3 tid='t1' type='DATE' value='2021-12-14'>", "</TIMEX3>", "<TEXT>", "</TEXT>", "<DCT>", "</DCT>",
            "<?xml version='1.0'?>", "<!DOCTYPE html>", "<br/>", "<table><tr><td>", "</td></tr></table>", "\ufeff"]
# Bytes that look like each format, so the fuzzing gets past the first check.
LOOKALIKE = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=400).map(str.encode),
    st.text(max_size=300).map(lambda t: t.encode("utf-16")),
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    RECORD.map(lambda r: json.dumps(r).encode()),
    st.lists(RECORD, max_size=4).map(lambda rs: "\n".join(json.dumps(r) for r in rs).encode()),
    st.text(max_size=200).map(lambda t: f"<html><body><p>{t}</p></body></html>".encode()),
    st.lists(st.sampled_from(TAG_SOUP) | st.text(max_size=20), max_size=60).map(lambda ts: "".join(ts).encode()),
    st.text(max_size=200).map(lambda t: f"<TimeML><DCT>{t[:20]}</DCT><TEXT>{t}</TEXT></TimeML>".encode()),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=LOOKALIKE, suffix=st.sampled_from(SUFFIXES), published=st.none() | st.dates())
def test_any_bytes_in_any_format_load_or_raise_ingest_error(
    tmp_path: Path, data: bytes, suffix: str, published: dt.date | None
) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        articles = load_file(path, published=published)
    except IngestError as err:
        assert err.path == str(path) and one_line(err.problem)
        return
    for article in articles:
        assert_sound(article)
        if published is not None:
            assert article.published is not None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.tuples(st.sampled_from(SUFFIXES), LOOKALIKE), min_size=1, max_size=5))
def test_load_paths_never_raises_and_accounts_for_every_file(tmp_path: Path, files: list) -> None:
    folder = tmp_path / "fuzz"
    shutil.rmtree(folder, ignore_errors=True)
    for n, (suffix, data) in enumerate(files):
        write(folder / f"f{n}{suffix}", data)
    result = load_paths([folder])
    from_files = {Path(a.path).name for a in result.articles} | {Path(e.path).name for e in result.errors}
    assert from_files == {f"f{n}{suffix}" for n, (suffix, _) in enumerate(files)}
    assert len({a.id for a in result.articles}) == len(result.articles)


def _resolver():
    try:
        from timeline.timex import resolve_text
    except ImportError as err:
        pytest.skip(f"timeline.timex.resolve_text is not importable yet ({err})")
    return resolve_text


DATE_WORDS = st.sampled_from([
    "Monday", "last week", "next year", "2021", "Dec. 14", "14 December 2021", "the 1990s", "Q4", "yesterday",
    "two days later", "since 2014", "mid-", "the end of", "9999", "0000", "31/12/9999", "0001-01-01", "1 BC",
    "12:00 p.m.", "century", "decade", "spring", "tonight", "this time next year", "in 10000 years",
    "February 30", "the 31st", "week 53", "W53", "-", "\u0663\u0660", "\n",
])
RESOLVER_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(DATE_WORDS, st.text(max_size=8), st.integers(-10**6, 10**6).map(str)), max_size=25)
    .map(" ".join),
)
# Publication dates anywhere in the calendar (its two ends are also tested row by row below).
ANY_DATE = st.none() | st.dates() | st.sampled_from([dt.date.min, dt.date.max, dt.date(2020, 2, 29)])


@settings(max_examples=200, deadline=None)
@given(text=RESOLVER_TEXT, published=ANY_DATE)
def test_resolver_never_raises(text: str, published: dt.date | None) -> None:
    resolve_text = _resolver()
    for timex in resolve_text(text, published):
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start:timex.end] == timex.text
        if published is None and timex.anchor == "publication":
            assert timex.earliest is None and timex.latest is None, timex  # no guessed date


@settings(max_examples=100, deadline=None)
@given(text=RESOLVER_TEXT, published=ANY_DATE,
       bounds=st.lists(st.tuples(st.integers(-5, 400), st.integers(-5, 400)), max_size=3))
def test_resolver_never_raises_on_any_regions(text: str, published: dt.date | None, bounds: list) -> None:
    from timeline.model import Span

    resolve_text = _resolver()
    for timex in resolve_text(text, published, [Span(a, b) for a, b in bounds] or None):
        assert text[timex.start:timex.end] == timex.text


# Relative expressions whose reading falls off the ends of Python's calendar (year 1, year 9999).
CALENDAR_EDGE_TEXTS = ("yesterday", "tomorrow", "last week", "this week", "next week", "earlier this week",
                       "this weekend", "last month", "next month", "last year", "next year", "last summer",
                       "next winter", "Dec. 14", "Jan. 1", "Monday", "last Monday", "next decade",
                       "a year ago", "in two years", "the next day", "Q4", "last quarter")
CALENDAR_EDGES = (dt.date.min, dt.date(1, 1, 7), dt.date(9999, 12, 25), dt.date.max)


@pytest.mark.parametrize("published", CALENDAR_EDGES, ids=str)
@pytest.mark.parametrize("text", CALENDAR_EDGE_TEXTS)
def test_resolver_at_the_ends_of_the_calendar(text: str, published: dt.date) -> None:
    resolve_text = _resolver()
    for sentence in (text, f"He said {text} that talks had failed."):
        for timex in resolve_text(sentence, published):
            assert sentence[timex.start:timex.end] == timex.text
            for day in (timex.earliest, timex.latest):
                assert day is None or isinstance(day, dt.date)


# ---------------------------------------------------------------- 3. the CLI end to end


def pipeline_missing() -> str | None:
    """Why ``timeline build`` cannot run yet (a stage still being written), or None."""
    try:
        from timeline.actors import unify  # noqa: F401
        from timeline.events import extract  # noqa: F401
        from timeline.render import save_timeline  # noqa: F401
        from timeline.timex import resolve  # noqa: F401
    except ImportError as err:
        return f"the build pipeline is not available yet ({err})"
    return None


needs_pipeline = pytest.mark.skipif(pipeline_missing() is not None, reason=str(pipeline_missing()))
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
STORE = ".timeline-cache.sqlite"


def invoke(*args: str | Path):
    from typer.testing import CliRunner

    from timeline.cli import app

    return CliRunner().invoke(app, [str(a) for a in args])


def assert_one_line_error(result, exit_code: int = 1) -> str:
    """The command failed cleanly: the exit code, no traceback, one ``error:`` line about the output."""
    assert result.exit_code == exit_code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and errors[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output
    return errors[0]


def seed_copies(folder: Path, copies: int) -> Path:
    """``copies`` x the five seeds under new names (same text, so the same articles again)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, folder / f"c{n:03d}_{seed.name}")
    return folder


@needs_pipeline
@pytest.mark.parametrize("cache", [
    "--no-cache",
    "--cache",
])
def test_output_below_a_regular_file_is_one_line_and_exit_1(tmp_path: Path, cache: str) -> None:
    blocker = write(tmp_path / "report.pdf", b"%PDF-1.4\n")
    out = blocker / "out"
    options = ["--no-cache"] if cache == "--no-cache" else []  # default: the store inside -o
    line = assert_one_line_error(invoke("build", SEEDS / "000_18216e440626299e.txt", "-o", out, *options))
    assert str(out) in line or str(blocker) in line, line
    assert blocker.read_bytes() == b"%PDF-1.4\n"


@needs_pipeline
def test_output_that_is_a_regular_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    blocker = write(tmp_path / "timeline.json", "{}")
    line = assert_one_line_error(invoke("build", SEEDS / "000_18216e440626299e.txt", "-o", blocker, "--no-cache"))
    assert str(blocker) in line, line
    assert blocker.read_text() == "{}"


@needs_pipeline
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="running as root: file permissions deny root nothing")
def test_output_folder_without_write_permission_is_one_line_and_exit_1(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        line = assert_one_line_error(invoke("build", SEEDS / "000_18216e440626299e.txt", "-o", locked / "out"))
        assert str(locked) in line, line
    finally:
        locked.chmod(0o700)


def test_dates_timeml_output_below_a_regular_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    blocker = write(tmp_path / "notes.txt", "mine")
    line = assert_one_line_error(invoke("dates", SEEDS / "000_18216e440626299e.txt", "--format", "timeml",
                                        "-o", blocker / "tml"))
    assert str(blocker) in line, line
    assert blocker.read_text() == "mine"


def unwritable_system_folder() -> Path | None:
    """A folder where even root may not create anything (sysfs), or None on systems without one."""
    probe = Path("/sys/timeline-robustness-probe")
    try:
        probe.mkdir()
    except OSError:
        return probe
    probe.rmdir()
    return None


@needs_pipeline
@pytest.mark.skipif(unwritable_system_folder() is None, reason="no folder here that refuses root's writes")
def test_output_where_even_root_may_not_write_is_one_line_and_exit_1() -> None:
    out = unwritable_system_folder()
    line = assert_one_line_error(invoke("build", SEEDS / "000_18216e440626299e.txt", "-o", out))
    assert str(out) in line, line


@needs_pipeline
def test_build_reports_each_bad_file_once_and_processes_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copy(SEEDS / "002_a857d38673279e34.txt", write(folder / "x", "").parent / "good.txt")
    (folder / "x").unlink()
    bad = {
        "huge.txt": None,
        "binary.txt": bytes(range(256)),
        "latin1.txt": "Caf\xe9 talks".encode("latin-1"),
        "deep.json": b"[" * 50_000,
        "feed.jsonl": b'{"id": "r1", "text": "Talks were held on 3 May 2020.", "published": "2020-05-04"}\n{oops\n',
    }
    huge_text(folder / "huge.txt", SIZE_LIMITS["txt"] + 1)
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as fh:  # a file name that is not UTF-8
        fh.write((SEEDS / "000_18216e440626299e.txt").read_bytes())
    for name, data in bad.items():
        if data is not None:
            write(folder / name, data)
    out = tmp_path / "out"
    result = invoke("build", folder, "-o", out, "--no-cache")
    assert result.exit_code == 0, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert sorted(Path(line.split(": ")[1]).name for line in errors) == sorted(bad), result.stderr
    assert "Traceback" not in result.output
    assert_outputs_whole(out)
    graph = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    documents = {d["id"] for d in graph["graph"]["documents"]}
    assert documents == {"good", "r1", "caf\\xe9"}


def assert_outputs_whole(out: Path, *, expect: tuple[str, ...] = ("png", "svg", "json")) -> None:
    """Each ``timeline.*`` there is complete; no temporary file is left looking like an output."""
    import xml.etree.ElementTree as ET

    for suffix in expect:
        path = out / f"timeline.{suffix}"
        if not path.exists():
            continue
        data = path.read_bytes()
        if suffix == "png":
            assert data.startswith(PNG_SIGNATURE) and data.endswith(PNG_END), f"{path}: truncated PNG"
        elif suffix == "svg":
            ET.fromstring(data)  # raises on a truncated document
        elif suffix == "json":
            graph = json.loads(data)
            assert {"nodes", "edges"} <= set(graph), path
    visible_tmp = [p.name for p in out.glob("*") if p.name.endswith(".tmp") and not p.name.startswith(".")]
    assert not visible_tmp, visible_tmp


def assert_store_readable(out: Path) -> None:
    store = out / STORE
    if not store.exists():
        return
    with sqlite3.connect(store) as db:
        assert db.execute("pragma integrity_check").fetchone() == ("ok",)
        db.execute("select count(*) from analyses").fetchone()
    db.close()


def start_build(folder: Path, out: Path, *options: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "timeline", "build", str(folder), "-o", str(out), *options],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )


def first_temporary_file(out: Path, process: subprocess.Popen, timeout: float) -> bool:
    """Wait until the build starts writing an output (a temporary file appears); False if it never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and any(p.name.endswith(".tmp") for p in out.iterdir()):
            return True
        time.sleep(0.002)
    return False


def finish(process: subprocess.Popen, timeout: float = 120) -> tuple[int, str]:
    try:
        _, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        # The build and anything it left behind (worker processes hold its pipes) go together:
        # the build runs in a session of its own.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate(timeout=30)
        raise
    return process.returncode, err


@pytest.fixture(scope="module")
def previous_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A finished build of the seeds (outputs and store) that later builds are interrupted on top of."""
    if pipeline_missing():
        pytest.skip(pipeline_missing())
    out = tmp_path_factory.mktemp("previous") / "out"
    process = start_build(SEEDS, out)
    code, err = finish(process)
    assert code == 0, err
    assert_outputs_whole(out)
    return out


_DROPPED = re.compile(r"Exception ignored in:.*?\nKeyboardInterrupt: ?\n", re.DOTALL)


def uncaught(err: str) -> str:
    """stderr without Python's reports of a Ctrl-C dropped inside a finalizer ("Exception ignored in")."""
    return _DROPPED.sub("", err)


def interrupt(process: subprocess.Popen, sig: signal.Signals, *, group: bool = False) -> tuple[int, str]:
    """Send ``sig``; a Ctrl-C that Python dropped (it fell inside a ``__del__``) is pressed again,
    as a user would, up to five times a second apart."""
    for _ in range(5 if sig == signal.SIGINT else 1):
        if group:
            os.killpg(process.pid, sig)
        else:
            process.send_signal(sig)
        try:
            process.wait(timeout=1)
            break
        except subprocess.TimeoutExpired:
            continue
    return finish(process)


def assert_interrupted_cleanly(sig: signal.Signals, code: int, err: str, out: Path, *, may_finish: bool) -> None:
    if sig == signal.SIGINT:
        # 130: typer's exit code for Ctrl-C; 0 only when the build got to its end before the interrupt.
        assert code == 130 or (may_finish and code == 0), (code, err)
        assert "Traceback" not in uncaught(err), err
        assert not list(out.glob("*.tmp")) + list(out.glob(".*.tmp")), "Ctrl-C left a temporary file behind"
    else:
        assert code == -signal.SIGKILL, (code, err)
    assert_outputs_whole(out)
    assert_store_readable(out)


@needs_pipeline
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill"])
def test_interrupted_builds_leave_whole_outputs_and_a_readable_store(
    previous_build: Path, tmp_path: Path, sig: signal.Signals
) -> None:
    """On top of a finished build: interrupt one build early (750 articles, after 3 s: past the imports
    even on a loaded machine, long before the end even on a fast one) and one
    while it writes its outputs (the moment a temporary output file appears); after each the
    previous or the new outputs are whole, the store reads, and a build then succeeds."""
    out = tmp_path / "out"
    shutil.copytree(previous_build, out)

    process = start_build(seed_copies(tmp_path / "copies", 150), out)
    time.sleep(3.0)
    code, err = interrupt(process, sig)
    assert_interrupted_cleanly(sig, code, err, out, may_finish=False)

    # analyses come from the store and the outputs of the previous build would be kept as they are:
    # another resolution makes it draw again, so it soon writes
    process = start_build(SEEDS, out, "--dpi", "120")
    if not first_temporary_file(out, process, timeout=120):
        finish(process)
        pytest.fail("the build never wrote a temporary output file to interrupt")
    code, err = interrupt(process, sig)
    assert_interrupted_cleanly(sig, code, err, out, may_finish=True)

    rebuild(SEEDS, out)


@needs_pipeline
def test_ctrl_c_at_a_terminal_stops_parallel_workers_cleanly(previous_build: Path, tmp_path: Path) -> None:
    """At a terminal Ctrl-C goes to the whole process group: the build and its worker processes."""
    out = tmp_path / "out"
    shutil.copytree(previous_build, out)
    process = start_build(seed_copies(tmp_path / "copies", 150), out, "--workers", "2")
    time.sleep(3.0)
    code, err = interrupt(process, signal.SIGINT, group=True)
    assert_interrupted_cleanly(signal.SIGINT, code, err, out, may_finish=False)


STORE_WRITER = """
import sys
from timeline.model import Article, DocumentAnalysis
from timeline.store import Store
with Store(sys.argv[1]) as store:
    n = 0
    while True:
        batch = [DocumentAnalysis(Article(id=f"a{n}-{i}", text="x" * 20000 + str(n))) for i in range(200)]
        store.put_many(batch)
        n += 1
        print(n, flush=True)
"""


def test_a_store_killed_while_writing_stays_readable(tmp_path: Path) -> None:
    from timeline.model import Article
    from timeline.store import Store

    path = tmp_path / STORE
    writer = subprocess.Popen([sys.executable, "-c", STORE_WRITER, str(path)], cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    for _ in range(3):  # a few transactions committed, then killed inside the next one
        assert writer.stdout.readline(), writer.stderr.read() if writer.stderr else ""
    time.sleep(0.05)
    writer.kill()
    writer.communicate()
    assert_store_readable(tmp_path)
    with Store(path) as store:
        found = store.get_many([Article(id="a0-0", text="x" * 20000 + "0")])
        assert "a0-0" in found  # a committed transaction survived the kill
    assert not (tmp_path / f"{STORE}.corrupt").exists()


def _analyses(count: int, tag: str = "") -> list:
    from timeline.model import Article, DocumentAnalysis

    return [DocumentAnalysis(Article(id=f"a{n}", text=f"Talks {tag} {n}. " * 500)) for n in range(count)]


def test_a_store_that_is_not_a_database_is_set_aside(tmp_path: Path) -> None:
    from timeline.store import Store

    path = write(tmp_path / STORE, b"SQLite format 3\x00" + b"garbage" * 100)
    with Store(path) as store:
        store.put_many(_analyses(3))
        assert set(store.get_many([a.article for a in _analyses(3)])) == {"a0", "a1", "a2"}
    assert (tmp_path / f"{STORE}.corrupt").exists()
    assert_store_readable(tmp_path)


def test_a_store_with_damaged_pages_is_set_aside(tmp_path: Path) -> None:
    """Not something a killed run does (transactions see to that), but disks and copies do."""
    from timeline.store import Store

    path = tmp_path / STORE
    with Store(path) as store:
        store.put_many(_analyses(40))
    data = bytearray(path.read_bytes())
    for page in range(2, len(data) // 4096):  # scribble over every page but the first (the schema)
        for at in range(200, 4096, 97):
            data[page * 4096 + at] ^= 0x5A
    path.write_bytes(bytes(data))
    with Store(path) as store:
        store.get_many([a.article for a in _analyses(40)])
        store.put_many(_analyses(40, "again"))
        assert set(store.get_many([a.article for a in _analyses(40, "again")])) == {f"a{n}" for n in range(40)}


def rebuild(folder: Path, out: Path) -> None:
    """A build after an interruption succeeds, with whole outputs and the store intact."""
    code, err = finish(start_build(folder, out))
    assert code == 0, err
    assert_outputs_whole(out)
    for suffix in ("png", "svg", "json"):
        assert (out / f"timeline.{suffix}").exists(), suffix
    assert_store_readable(out)
    assert not (out / f"{STORE}.corrupt").exists(), "the interrupted run left a store that could not be read"
