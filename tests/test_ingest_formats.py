"""Every input format, every kind of bad input, ids and folders."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from files import write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.ingest import IngestError, LoadResult, load_file, load_paths
from timeline.ingest.records import parse_published
from timeline.model import Article, LoadError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
DAY = dt.date(2021, 12, 14)


def assert_spans_in_range(article: Article) -> None:
    spans = list(article.body) + ([article.title_span] if article.title_span else [])
    for span in spans:
        assert 0 <= span.start <= span.end <= len(article.text), (article.id, span)


# ---------------------------------------------------------------- txt


def test_txt_keeps_text_exactly(tmp_path: Path) -> None:
    raw = "Headline here\r\n\r\n  Story line one.\r\nStory line two.  \r\n"
    (article,) = load_file(write(tmp_path / "doc.txt", raw))
    assert article.text == raw
    assert article.title == "Headline here"
    assert article.text[article.body[0].start : article.body[0].end] == "Story line one.\r\nStory line two."


def test_txt_drops_only_a_leading_bom(tmp_path: Path) -> None:
    (article,) = load_file(write(tmp_path / "bom.txt", "\ufeffTitle\n\nBody text.\n".encode()))
    assert article.text == "Title\n\nBody text.\n"
    assert article.title == "Title"


# ---------------------------------------------------------------- bad input: (file name, bytes, problem prefix)
BAD_FILES = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t\n  ", "no text (the file is whitespace only)"),
    ("binary.txt", b"GIF89a\x00\x01\x02", "binary file, not text (NUL byte at offset 6)"),
    ("latin1.txt", b"Caf\xe9 au lait", "not valid UTF-8 text (byte 0xe9 at offset 3)"),
    ("truncated.txt", "Putin €".encode()[:-1], "not valid UTF-8 text (byte 0xe2 at offset 6)"),
    ("empty.json", b"", "empty file"),
    ("broken.json", b'{"text": "a", ', "malformed JSON: Expecting property name enclosed in double quotes"),
    ("number.json", b"42", "JSON must be a record or a list of records, not int"),
    ("emptylist.json", b"[]", "no records (empty JSON list)"),
    ("notext.json", b'{"id": "x", "title": "t"}', "record has no text"),
    ("baddate.json", b'{"text": "a b c", "published": "sometime soon"}', "cannot read published date 'sometime soon'"),
    ("noyear.json", b'{"text": "a b c", "published": "Dec 14"}', "cannot read published date 'Dec 14'"),
    ("badfield.json", b'{"text": "a b c", "title": ["x"]}', "field 'title' must be a string, not list"),
    ("blank.jsonl", b"\n\n", "no text (the file is whitespace only)"),
    ("empty.html", b"", "empty file"),
    ("binary.html", b"<html>\x00\x00", "binary file, not HTML (NUL byte at offset 6)"),
    ("nothing.html", b"<html><head><title>T</title></head><body></body></html>", "no article text found in the HTML"),
    ("script.html", b"<html><body><script>var x = 1;</script></body></html>", "no article text found in the HTML"),
    ("notext.tml", b"<TimeML><DCT><TIMEX3 value='2001-01-01'/></DCT></TimeML>", "TimeML without text"),
    ("notes.md", b"# Notes\n", "unknown file type '.md'"),
    ("README", b"Readme\n", "unknown file type '(no extension)'"),
]


@pytest.mark.parametrize("name,data,problem", BAD_FILES)
def test_bad_file_raises_ingest_error(tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    path = write(tmp_path / name, data)
    with pytest.raises(IngestError) as caught:
        load_file(path)
    assert caught.value.path == str(path)
    assert caught.value.problem.startswith(problem), caught.value.problem
    assert str(caught.value) == f"{path}: {caught.value.problem}"
    assert "\n" not in caught.value.problem


@pytest.mark.parametrize("name,data,problem", BAD_FILES)
def test_bad_file_is_one_load_error_and_the_rest_loads(tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    bad = write(tmp_path / name, data)
    good = write(tmp_path / "good.txt", "Headline\n\nStory.\n")
    result = load_paths([bad, good])
    assert [a.id for a in result.articles] == ["good"]
    assert len(result.errors) == 1
    assert result.errors[0].path == str(bad) and result.errors[0].problem.startswith(problem)


def test_missing_path(tmp_path: Path) -> None:
    result = load_paths([tmp_path / "nope.txt"])
    assert result == LoadResult((), (LoadError(str(tmp_path / "nope.txt"), "no such file or folder"),))
    with pytest.raises(IngestError, match="no such file"):
        load_file(tmp_path / "nope.txt")


def test_load_file_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="is a folder"):
        load_file(tmp_path)


# ---------------------------------------------------------------- folders


def test_folder_with_no_articles_is_an_error_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    write(folder / "notes.md", "# notes\n")
    write(folder / ".hidden.txt", "Hidden\n\nStory.\n")
    result = load_paths([folder])
    assert result.articles == ()
    assert [(e.path, e.problem.split(" (")[0]) for e in result.errors] == [
        (str(folder), "no articles in this folder"), (str(folder / "notes.md"), "unknown file type '.md'"),
    ]  # fmt: skip


def test_empty_folder_is_an_error_naming_it(tmp_path: Path) -> None:
    result = load_paths([tmp_path])
    assert result.articles == () and [e.path for e in result.errors] == [str(tmp_path)]


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for rel in ["b.txt", "a/z.txt", "a/c.txt", ".git/x.txt", "d/.secret.txt", "a.txt"]:
        write(tmp_path / rel, f"Headline {rel}\n\nStory.\n")
    result = load_paths([tmp_path])
    assert result.errors == ()
    assert [Path(a.path).relative_to(tmp_path).as_posix() for a in result.articles] == [
        "a/c.txt", "a/z.txt", "a.txt", "b.txt",
    ]  # fmt: skip


def test_same_file_twice_is_loaded_once(tmp_path: Path) -> None:
    path = write(tmp_path / "one.txt", "Headline\n\nStory.\n")
    result = load_paths([path, tmp_path, str(path)])
    assert [a.id for a in result.articles] == ["one"]


def test_duplicate_ids_are_disambiguated(tmp_path: Path) -> None:
    first = write(tmp_path / "x" / "report.txt", "First\n\nStory one.\n")
    second = write(tmp_path / "y" / "report.txt", "Second\n\nStory two.\n")
    write(tmp_path / "z" / "report.json", '[{"id": "report", "text": "Third."}, {"id": "report", "text": "Fourth."}]')
    result = load_paths([tmp_path])
    assert [(a.id, a.path) for a in result.articles][:2] == [("report", str(first)), ("report~2", str(second))]
    assert [a.id for a in result.articles] == ["report", "report~2", "report~3", "report~4"]
    assert len({a.id for a in result.articles}) == 4


def test_unknown_extension_inside_a_folder_is_one_error(tmp_path: Path) -> None:
    write(tmp_path / "story.txt", "Headline\n\nStory.\n")
    image = write(tmp_path / "image.png", b"\x89PNG\x00")
    result = load_paths([tmp_path])
    assert [a.id for a in result.articles] == ["story"]
    assert [(e.path, e.problem.split(" (")[0]) for e in result.errors] == [(str(image), "unknown file type '.png'")]


# ---------------------------------------------------------------- publication date sources


def test_missing_date_is_none_never_today(tmp_path: Path) -> None:
    (article,) = load_file(write(tmp_path / "nodate.txt", "Headline\n\nPutin spoke on Tuesday.\n"))
    assert (article.published, article.published_from, article.published_time) == (None, "missing", None)


def test_published_option_used_when_nothing_else(tmp_path: Path) -> None:
    path = write(tmp_path / "nodate.txt", "Headline\n\nPutin spoke on Tuesday.\n")
    (article,) = load_file(path, published=DAY)
    assert (article.published, article.published_from) == (DAY, "option")
    (article,) = load_paths([path], published=dt.datetime(2021, 12, 14, 9, 0)).articles
    assert (article.published, article.published_from) == (DAY, "option")


def test_dateline_beats_option(tmp_path: Path) -> None:
    path = write(tmp_path / "dated.txt", "Headline\n\nDecember 15, 2021\n\nStory.\n")
    (article,) = load_file(path, published=DAY)
    assert (article.published, article.published_from) == (dt.date(2021, 12, 15), "text")


def test_option_beats_inferred_caption_date(tmp_path: Path) -> None:
    path = write(tmp_path / "caption.txt", "Headline\n\nPutin at a news conference, Thursday, Dec. 23, 2021.\n")
    (article,) = load_file(path)
    assert (article.published, article.published_from) == (dt.date(2021, 12, 23), "inferred")
    (article,) = load_file(path, published=DAY)
    assert (article.published, article.published_from) == (DAY, "option")


def test_metadata_beats_dateline(tmp_path: Path) -> None:
    path = write(tmp_path / "r.json", '{"text": "Headline\\n\\nDecember 15, 2021\\n\\nStory.", "published": "2021-12-14"}')
    (article,) = load_file(path)
    assert (article.published, article.published_from) == (DAY, "metadata")


def test_dateline_time_completes_a_metadata_day(tmp_path: Path) -> None:
    text = "Headline\\n\\nDecember 14, 2021 10:55 pm | Updated\\n\\nStory."
    path = write(tmp_path / "r.json", f'[{{"text": "{text}", "published": "2021-12-14"}},'
                                      f' {{"text": "{text}", "published": "2021-12-13"}}]')
    same, other = load_file(path)
    assert (same.published, same.published_from, same.published_time) == (DAY, "metadata", "22:55")
    assert (other.published, other.published_time) == (dt.date(2021, 12, 13), None)


# ---------------------------------------------------------------- JSON / JSON Lines


# (record "published" value, date, time)
RECORD_DATES = [
    ("2021-12-14", "2021-12-14", None),
    ("2021-12-14T22:55:00Z", "2021-12-14", "22:55"),
    ("2021-12-14T22:55:00+01:00", "2021-12-14", "22:55"),
    ("2021-12-14 22:55", "2021-12-14", "22:55"),
    ("Dec 14, 2021 10:55 pm", "2021-12-14", "22:55"),
    ("14 December 2021", "2021-12-14", None),
    ("14.12.2021", "2021-12-14", None),
    ("12/14/2021", "2021-12-14", None),
]
BAD_RECORD_DATES = ["2021-13-01", "Dec 14", "soon", "2021"]


@pytest.mark.parametrize("value,date,time", RECORD_DATES)
def test_record_published_formats(value: str, date: str, time: str | None) -> None:
    assert parse_published(value) == (dt.date.fromisoformat(date), time)


@pytest.mark.parametrize("value", BAD_RECORD_DATES)
def test_record_published_rejects(value: str) -> None:
    with pytest.raises(ValueError, match="cannot read published date"):
        parse_published(value)


def test_json_list() -> None:
    articles = load_file(FIXTURES / "records.json")
    assert [a.id for a in articles] == ["kremlin-call", "records-1", "7"]
    first, second, third = articles
    assert (first.title, first.url, first.source, first.format) == (
        "Kremlin readout", "https://example.org/a", "Example Wire", "json",
    )  # fmt: skip
    assert (first.published, first.published_from) == (DAY, "metadata")
    assert (second.published, second.published_time) == (DAY, "22:55")
    assert (third.published, third.published_from) == (None, "missing")
    assert first.text == "Putin spoke with Niinisto on Tuesday.\nHe called for immediate talks."


def test_json_single_record_takes_the_file_stem() -> None:
    (article,) = load_file(FIXTURES / "single.json")
    assert (article.id, article.title, article.published) == ("single", "One record", dt.date(2021, 12, 23))


def test_jsonl_bad_lines_are_errors_naming_the_line() -> None:
    path = FIXTURES / "records.jsonl"
    result = load_paths([path])
    assert [a.id for a in result.articles] == ["a1", "records-4"]
    assert result.articles[0].published_time == "22:55" and result.articles[0].format == "jsonl"
    assert [(e.path, e.problem.split(":")[0]) for e in result.errors] == [
        (str(path), "line 2"), (str(path), "line 5"), (str(path), "line 6"),
    ]  # fmt: skip
    assert "malformed JSON" in result.errors[0].problem
    with pytest.raises(IngestError, match="line 2: malformed JSON"):
        load_file(path)


def test_json_list_bad_record_named_by_index(tmp_path: Path) -> None:
    path = write(tmp_path / "mixed.json", '[{"text": "Good one."}, {"title": "no text"}, "nope"]')
    result = load_paths([path])
    assert [a.id for a in result.articles] == ["mixed-0"]
    assert [e.problem for e in result.errors] == ["record 1: record has no text", "record 2: not a JSON object (str)"]


# ---------------------------------------------------------------- HTML


def test_html_text_and_metadata() -> None:
    (article,) = load_file(FIXTURES / "page.html")
    assert article.format == "html" and article.id == "page"
    assert article.title == "Putin and Niinisto discuss security"
    assert (article.published, article.published_from, article.published_time) == (DAY, "metadata", "18:30")
    assert article.url == "https://news.example.org/2021/12/14/putin-niinisto"
    assert article.source == "Example News"
    assert "held a phone call with Finnish President Sauli Niinisto" in article.text
    assert "Privacy" not in article.text and "Sport" not in article.text
    assert article.title_span is not None
    assert article.text[article.title_span.start : article.title_span.end] == article.title
    story = article.text.index("Russian President Vladimir Putin on Tuesday")
    assert any(s.start <= story < s.end for s in article.body)


def test_html_without_date_uses_option_or_missing() -> None:
    (article,) = load_file(FIXTURES / "nodate.html")
    assert (article.published, article.published_from) == (None, "missing")
    (article,) = load_file(FIXTURES / "nodate.html", published=DAY)
    assert (article.published, article.published_from) == (DAY, "option")


def test_html_in_a_declared_legacy_encoding(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Caf\xe9 talks</title></head><body><article>'
        "<h1>Caf\xe9 talks</h1><p>Ministers met at the Caf\xe9 de Paris on Tuesday to discuss the crisis in "
        "Ukraine and the security guarantees Russia demands from NATO and the United States.</p>"
        "<p>The talks are expected to continue next week in Geneva, diplomats said after the meeting.</p>"
        "</article></body></html>"
    )
    (article,) = load_file(write(tmp_path / "legacy.htm", page.encode("latin-1")))
    assert article.title == "Caf\xe9 talks" and "met at the Caf\xe9 de Paris" in article.text
    assert article.format == "html"


# ---------------------------------------------------------------- TimeML


def test_timeml_tml() -> None:
    (article,) = load_file(FIXTURES / "ABC19980108.1830.0711.tml")
    assert article.id == "ABC19980108.1830.0711" and article.format == "timeml"
    assert (article.published, article.published_from, article.published_time) == (
        dt.date(1998, 1, 8), "metadata", "18:30",
    )  # fmt: skip
    assert article.title == "A test title & more"
    assert article.text == "\nThe markets fell yesterday & traders said prices would recover <soon>.\n"


def test_timeml_te3input_keeps_tml_in_id() -> None:
    (article,) = load_file(FIXTURES / "AP_20130322.tml.TE3input")
    assert article.id == "AP_20130322.tml"
    assert (article.published, article.published_from) == (dt.date(2013, 3, 22), "metadata")
    assert "bridge would reopen next week" in article.text
    story = article.text.index("Officials said")
    assert any(s.start <= story < s.end for s in article.regions())


# ---------------------------------------------------------------- offsets, and the property test


def test_every_fixture_article_has_spans_in_range() -> None:
    result = load_paths([FIXTURES])
    assert len(result.articles) >= 9
    for article in result.articles:
        assert_spans_in_range(article)
        assert article.published_from in ("metadata", "text", "option", "inferred", "missing")
        assert (article.published is None) == (article.published_from == "missing")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600) | st.text(max_size=400).map(str.encode), suffix=st.sampled_from([".txt", ".json", ".html"]))
def test_any_bytes_load_or_raise_ingest_error(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        articles = load_file(path)
    except IngestError as err:
        assert err.path == str(path) and err.problem
        return
    assert all(isinstance(a, Article) for a in articles)
    for article in articles:
        assert_spans_in_range(article)


def test_same_stem_in_two_formats_is_disambiguated(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "single.json", tmp_path / "single.json")
    write(tmp_path / "sub" / "single.txt", "Headline\n\nStory.\n")
    write(tmp_path / "single~2.txt", "Taken\n\nStory.\n")
    result = load_paths([tmp_path])
    assert [(a.id, Path(a.path).name) for a in result.articles] == [
        ("single", "single.json"), ("single~2", "single~2.txt"), ("single~3", "single.txt"),
    ]  # fmt: skip
