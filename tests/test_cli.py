"""The command line as a user meets it: outputs, exit codes, one-line errors for bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_dates_json_gives_the_five_publication_dates_and_follows_the_contract():
    result = invoke("dates", SEEDS, "--format", "json")
    assert result.exit_code == 0, result.output
    docs = json.loads(result.stdout)["documents"]
    assert [(d["id"][:3], d["published"]) for d in docs] == [
        ("000", "2021-12-14"), ("001", "2021-12-17"), ("002", "2021-12-14"), ("003", "2021-12-14"),
        ("004", "2021-12-23")]
    assert docs[4]["published_from"] == "inferred"
    text = {d["id"]: (SEEDS / f"{d['id']}.txt").read_text(encoding="utf-8") for d in docs}
    keys = {"start", "end", "text", "type", "value", "grain", "earliest", "latest", "mod", "anchor", "rule"}
    for d in docs:
        assert {"id", "path", "title", "published", "published_from", "timexes"} <= set(d)
        assert d["timexes"], d["id"]
        for t in d["timexes"]:
            assert keys <= set(t)
            assert text[d["id"]][t["start"]:t["end"]] == t["text"]
            assert t["type"] in {"DATE", "TIME", "DURATION", "SET"}


def test_dates_timeml_writes_one_file_per_document(tmp_path):
    result = invoke("dates", SEEDS, "--format", "timeml", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in tmp_path.glob("*.tml")) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert "<TIMEX3" in (tmp_path / "001_7833a452b3925789.tml").read_text(encoding="utf-8")


def test_bad_files_get_one_line_each_and_the_rest_is_processed(tmp_path):
    shutil.copy(SEEDS / "002_a857d38673279e34.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 story on Monday".encode("latin-1"))
    (tmp_path / "notes.xyz").write_text("what is this")
    (tmp_path / "records.jsonl").write_text('{"id": "r1", "text": "Talks were held on 3 May 2020.", '
                                            '"published": "2020-05-04"}\n{not json}\n')
    result = invoke("dates", tmp_path, "--format", "json")
    assert result.exit_code == 0, result.output
    ids = [d["id"] for d in json.loads(result.stdout)["documents"]]
    assert "good" in ids and "r1" in ids
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    for name in ("empty.txt", "binary.txt", "latin1.txt", "notes.xyz", "records.jsonl"):
        assert sum(name in line for line in lines) == 1, (name, lines)
    strict = invoke("dates", tmp_path, "--format", "json", "--strict")
    assert strict.exit_code == 1


def test_nothing_usable_is_a_failure(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = invoke("build", tmp_path, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr
    assert not (tmp_path / "out" / "timeline.png").exists()


def test_build_writes_every_requested_format(tmp_path):
    out = tmp_path / "out"
    result = invoke("build", SEEDS, "-o", out, "--format", "png,svg,json,html,network,graphml,gexf,cyjs,csv")
    assert result.exit_code == 0, result.output
    for name in ("timeline.png", "timeline.svg", "timeline.json", "report.html", "network.png", "network.svg",
                 "timeline.graphml", "timeline.gexf", "timeline.cyjs", "timeline.csv"):
        assert (out / name).stat().st_size > 0, name
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    data = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    assert "edges" in data and any(n["kind"] == "event" for n in data["nodes"])


def test_build_filters_and_unknown_format(tmp_path):
    result = invoke("build", SEEDS, "-o", tmp_path, "--format", "json", "--min-sources", "3")
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    events = [n for n in data["nodes"] if n["kind"] == "event"]
    assert events and all(len(n["sources"]) >= 3 for n in events)
    bad = invoke("build", SEEDS, "-o", tmp_path, "--format", "png,pdf")
    assert bad.exit_code == 1 and "pdf" in bad.stderr


def test_second_build_uses_the_store(tmp_path):
    first = invoke("build", SEEDS, "-o", tmp_path, "--format", "json")
    second = invoke("build", SEEDS, "-o", tmp_path, "--format", "json")
    assert first.exit_code == second.exit_code == 0
    assert (tmp_path / ".timeline-cache.sqlite").exists()
    fresh = invoke("build", SEEDS, "-o", tmp_path / "fresh", "--format", "json", "--no-cache")
    assert fresh.exit_code == 0
    assert not (tmp_path / "fresh" / ".timeline-cache.sqlite").exists()
    assert (tmp_path / "timeline.json").read_text() == (tmp_path / "fresh" / "timeline.json").read_text()


def test_events_json_and_csv():
    result = invoke("events", SEEDS / "004_c9e6ca7e77c2894c.txt", "--format", "json")
    assert result.exit_code == 0, result.output
    mentions = json.loads(result.stdout)["mentions"]
    assert mentions and all(m["doc"] == "004_c9e6ca7e77c2894c" for m in mentions)
    text = (SEEDS / "004_c9e6ca7e77c2894c.txt").read_text(encoding="utf-8")
    for m in mentions:
        assert text[m["sentence_start"]:m["sentence_end"]] == m["sentence"]
    csv_out = invoke("events", SEEDS / "004_c9e6ca7e77c2894c.txt", "--format", "csv")
    assert csv_out.stdout.splitlines()[0].startswith("doc,start,end,date")


@pytest.mark.parametrize("value", ["2021-13-01", "yesterday"])
def test_bad_published_option(value):
    result = invoke("dates", SEEDS, "--published", value)
    assert result.exit_code == 2
    assert "--published" in result.output


def test_build_type_modality_and_date_filters(tmp_path):
    result = invoke("build", SEEDS, "-o", tmp_path, "--format", "json", "--type", "meeting", "--modality",
                    "asserted", "--since", "2021-12-14", "--until", "2021-12-14", "--no-cache")
    assert result.exit_code == 0, result.output
    events = [n for n in json.loads((tmp_path / "timeline.json").read_text())["nodes"] if n["kind"] == "event"]
    assert events
    assert all(n["type"] == "meeting" and n["modality"] == "asserted" for n in events)
    assert all(n["earliest"] <= "2021-12-14" <= n["latest"] for n in events)
    bad = invoke("build", SEEDS, "-o", tmp_path, "--since", "2021-14-01")
    assert bad.exit_code == 2 and "--since" in bad.output


def test_build_figure_options(tmp_path):
    result = invoke("build", SEEDS, "-o", tmp_path, "--format", "svg,json", "--lanes", "type", "--max-lanes", "3",
                    "--no-collapse", "--no-cache")
    assert result.exit_code == 0, result.output
    svg = (tmp_path / "timeline.svg").read_text(encoding="utf-8")
    events = [n for n in json.loads((tmp_path / "timeline.json").read_text())["nodes"] if n["kind"] == "event"]
    assert all(f'id="{n["id"]}"' in svg for n in events)
    assert "Other" in svg  # three type lanes and the rest together


def test_stage_messages_are_logged_and_kept_off_a_redirected_stderr(tmp_path, caplog):
    import logging

    import timeline

    with caplog.at_level(logging.INFO, logger="timeline"):
        timeline.build(SEEDS, cache=tmp_path / "s.sqlite")
        timeline.build(SEEDS, cache=tmp_path / "s.sqlite")
    messages = [r.getMessage() for r in caplog.records if r.name == "timeline"]
    assert messages[:2] == [f"loading {SEEDS}", "analysing 5 articles (in this process); 0 from the store"]
    assert messages[2].startswith("merging ") and messages[2].endswith(" event mentions")
    assert messages[3:] == [f"loading {SEEDS}", "merged events of the same 5 articles taken from the store"]
    result = invoke("build", SEEDS, "-o", tmp_path / "out", "--format", "json")
    assert result.exit_code == 0 and "analysing" not in result.stderr
