"""Resolve every TimeBank+AQUAINT document and score it against the gold TIMEX3 (TempEval-3 Task A).

Usage: python benchmarks/eval_tbaq.py [--data ../shared/data/tbaq] [--split all|TimeBank|AQUAINT] [--errors N]
                                    [--wrong-values] [--write-results]
Prints the score table and, per rule, the spurious / wrong-value / missed counts with examples;
``--wrong-values`` lists every wrong value (doc, text, context, gold, ours, rule); ``--write-results``
also scores the TimeBank and AQUAINT halves separately.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from timeline.timeml import parse_timeml  # noqa: E402
from timeline.timex import resolve_text  # noqa: E402
from timeline.timex.evaluate import align, score  # noqa: E402

from _results import write_section  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "tbaq"


def _shown(path: Path) -> str:
    try:
        return "../" + str(path.resolve().relative_to(ROOT.parent))
    except ValueError:
        return str(path)


# Kinds of wrong value among the matched expressions, first that applies (gold value, system value) -> bool.
# They say how much of what is left is a convention of the gold rather than a misreading of the text.
ERROR_KINDS: tuple[tuple[str, Callable[[str, str], bool]], ...] = (
    ("gold leaves digits unspecified (1989-WXX, 1949-XX), ours is specific",
     lambda g, s: "X" in g and "X" not in s),
    ("gold ISO week without zero padding (2000-W7)", lambda g, s: bool(re.fullmatch(r"\d{4}-W\d", g))),
    ("same day, part of day or clock differs (Friday night: gold plain date or TEV)",
     lambda g, s: g[:10] == s[:10] and len(g) >= 10 and len(s) >= 10),
    ("duration in one, date/set in the other ('last week' P1W, 'the past year' 1997)",
     lambda g, s: g.startswith("P") != s.startswith("P")),
    ("another day (weekday taken in the other week, DCT not the story's day)",
     lambda g, s: bool(re.fullmatch(r"\d{4}-\d\d-\d\d", g[:10]) and re.fullmatch(r"\d{4}-\d\d-\d\d", s[:10]))),
    ("same year, another grain (a year ago: 1988 / 1988-Q3 / 1988-10-26)", lambda g, s: g[:4] == s[:4]),
    ("other", lambda g, s: True),
)


def error_kind(gold: str, system: str) -> str:
    return next(name for name, applies in ERROR_KINDS if applies(gold.upper(), system.upper()))


SPLITS = ("TimeBank", "AQUAINT")


def tml_files(data: Path, split: str = "all") -> list[Path]:
    """The corpus's TimeML files, or those of one half (its sub-folder ``TimeBank`` or ``AQUAINT``)."""
    files = sorted(data.rglob("*.tml"))
    return files if split == "all" else [f for f in files if split in f.relative_to(data).parts[:-1]]


def run(data: Path, errors: int, write_results: bool, split: str = "all", wrong_values: bool = False) -> None:
    files = tml_files(data, split)
    docs = []
    spurious = collections.Counter()
    produced = collections.Counter()
    wrong = collections.Counter()
    missed = collections.Counter()
    kinds = collections.Counter()
    matched = 0
    examples: dict[str, list[str]] = collections.defaultdict(list)
    for f in files:
        doc = parse_timeml(f.read_text(encoding="utf-8"))
        found = resolve_text(doc.text, doc.dct)
        system = [(t.start, t.end, {"type": t.type, "value": t.value or "", "rule": t.rule}) for t in found]
        gold = list(doc.timexes)
        docs.append((gold, system))
        a = align(gold, system)
        produced.update(t.rule for t in found)
        for s in a.spurious:
            spurious[s[2]["rule"]] += 1
            examples["spurious " + s[2]["rule"]].append(f"{f.name}: {doc.text[s[0]:s[1]]!r} {s[2]['value']}")
        matched += len(a.matches)
        for g, s in a.matches:
            if (g[2].get("value") or "").upper() != (s[2]["value"] or "").upper():
                kind = error_kind(g[2].get("value") or "", s[2]["value"] or "")
                kinds[kind] += 1
                if wrong_values:
                    ctx = doc.text[max(0, min(g[0], s[0]) - 60):max(g[1], s[1]) + 40].replace("\n", " ")
                    print(f"WRONG\t{f.parent.name}/{f.name}\tdct={doc.dct}\t{doc.text[g[0]:g[1]]!r}\t"
                          f"gold={g[2].get('type')} {g[2].get('value')}\tours={doc.text[s[0]:s[1]]!r} {s[2]['type']} "
                          f"{s[2]['value']}\trule={s[2]['rule']}\tkind={kind[:20]}\t| {ctx}")
            if (g[2].get("value") or "").upper() != (s[2]["value"] or "").upper() or g[2].get("type") != s[2]["type"]:
                wrong[s[2]["rule"]] += 1
                examples["wrong " + s[2]["rule"]].append(
                    f"{f.name} dct={doc.dct}: gold {doc.text[g[0]:g[1]]!r} {g[2].get('type')} {g[2].get('value')}"
                    f" | sys {doc.text[s[0]:s[1]]!r} {s[2]['type']} {s[2]['value']}")
        for g in a.missed:
            key = doc.text[g[0]:g[1]].lower()
            missed[g[2].get("type")] += 1
            ctx = doc.text[max(0, g[0] - 30):g[1] + 20].replace("\n", " ")
            examples["missed " + g[2].get("type", "")].append(f"{f.name}: {key!r} {g[2].get('value')} | {ctx}")
    result = score(docs)
    if split != "all":
        print(f"split {split}: {len(files)} documents")
    print(result.table())
    print("\nper rule: produced, spurious (no gold overlap), wrong type or value among the matched")
    print("| rule | produced | spurious | wrong | right |")
    print("|---|---|---|---|---|")
    for rule, n in produced.most_common():
        print(f"| {rule} | {n} | {spurious[rule]} | {wrong[rule]} | {n - spurious[rule] - wrong[rule]} |")
    print("missed by gold type:", dict(missed.most_common()))
    kinds_table = "| kind of wrong value | count |\n|---|---|\n" + "".join(
        f"| {name} | {kinds[name]} |\n" for name, _ in ERROR_KINDS)
    notation = sum(kinds[name] for name, _ in ERROR_KINDS[:2])
    ceiling = (f"If the {notation} values of the first two kinds (gold digits left unspecified or an unpadded week: no other date) counted as "
               f"right, value F1 would be {result.relaxed_f1 * (result.value_accuracy + notation / matched):.3f}"
               " (a ceiling for comparison, not a score).\n") if matched else ""
    print("\n" + kinds_table + "\n" + ceiling)
    if errors:
        for key in sorted(examples):
            print(f"\n== {key} ({len(examples[key])})")
            for line in examples[key][:errors]:
                print("  ", line)
    if write_results:
        out = write_section(
            "tbaq",
            f"## TempEval-3 Task A on {data.name} ({len(files)} documents)\n\n"
            f"`python benchmarks/eval_tbaq.py --data {_shown(data)} --write-results`: text from `parse_timeml`, the DCT as\n"
            "publication date (the DCT itself is outside TEXT and not scored); relaxed = overlapping extents;\n"
            "type/value accuracy over relaxed matches; type/value F1 = relaxed F1 x accuracy.\n\n"
            + result.table() + "\n\n" + _halves(data) + "\n\n"
            "For comparison, HeidelTime on TimeBank (published): relaxed F1 0.916, value F1 0.792.\n\n"
            f"The {sum(kinds.values())} wrong values among the matched expressions, by kind:\n\n" + kinds_table
            + "\n" + ceiling,
        )
        print(f"\nwrote {out}")


def _halves(data: Path) -> str:
    """Value F1 on each half: rules are studied on one half, the other shows whether they generalise."""
    rows = ["Value rules were written from the TimeBank half's errors (a few from every other AQUAINT file's and from",
            "te3-silver); the AQUAINT half, above all its other files, shows whether they generalise (`--split AQUAINT`).",
            "",
            "| half | documents | relaxed F1 | type accuracy | value accuracy | value F1 |", "|---|---|---|---|---|---|"]
    for split in SPLITS:
        files = tml_files(data, split)
        docs = []
        for f in files:
            doc = parse_timeml(f.read_text(encoding="utf-8"))
            found = resolve_text(doc.text, doc.dct)
            docs.append((list(doc.timexes), [(t.start, t.end, {"type": t.type, "value": t.value or ""}) for t in found]))
        r = score(docs)
        rows.append(f"| {split} | {len(files)} | {r.relaxed_f1:.3f} | {r.type_accuracy:.3f} | {r.value_accuracy:.3f} "
                    f"| {r.value_f1:.3f} |")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--errors", type=int, default=0, help="examples to print per error bucket")
    ap.add_argument("--split", choices=("all", *SPLITS), default="all", help="score one half of the corpus")
    ap.add_argument("--wrong-values", action="store_true", help="print every wrong value with its context and rule")
    ap.add_argument("--write-results", action="store_true")
    args = ap.parse_args()
    if not args.data.is_dir():
        sys.exit(f"no TimeML data at {args.data}")
    run(args.data, args.errors, args.write_results, args.split, args.wrong_values)


if __name__ == "__main__":
    main()
