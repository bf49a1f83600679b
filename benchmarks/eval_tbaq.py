"""Resolve every TimeBank+AQUAINT document and score it against the gold TIMEX3 (TempEval-3 Task A).

Usage: python benchmarks/eval_tbaq.py [--data ../shared/data/tbaq] [--errors N] [--write-results]
Prints the score table and, per rule, the spurious / wrong-value / missed counts with examples.
"""

from __future__ import annotations

import argparse
import collections
import sys
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


def run(data: Path, errors: int, write_results: bool) -> None:
    files = sorted(data.rglob("*.tml"))
    docs = []
    spurious = collections.Counter()
    produced = collections.Counter()
    wrong = collections.Counter()
    missed = collections.Counter()
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
        for g, s in a.matches:
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
    print(result.table())
    print("\nper rule: produced, spurious (no gold overlap), wrong type or value among the matched")
    print("| rule | produced | spurious | wrong | right |")
    print("|---|---|---|---|---|")
    for rule, n in produced.most_common():
        print(f"| {rule} | {n} | {spurious[rule]} | {wrong[rule]} | {n - spurious[rule] - wrong[rule]} |")
    print("missed by gold type:", dict(missed.most_common()))
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
            + result.table() + "\n\n"
            "For comparison, HeidelTime on TimeBank (published): relaxed F1 0.916, value F1 0.792.\n",
        )
        print(f"\nwrote {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--errors", type=int, default=0, help="examples to print per error bucket")
    ap.add_argument("--write-results", action="store_true")
    args = ap.parse_args()
    if not args.data.is_dir():
        sys.exit(f"no TimeML data at {args.data}")
    run(args.data, args.errors, args.write_results)


if __name__ == "__main__":
    main()
