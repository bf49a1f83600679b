"""TempEval-3 Task A scoring of TIMEX3 annotations: extents, type, value.

``evaluate(gold_paths, system_paths)`` pairs documents by file name and reports
strict (same offsets) and relaxed (overlapping) extent precision/recall/F1, type and
value accuracy over the relaxed matches, and type/value F1 = relaxed F1 x accuracy,
the figures the TempEval-3 scorer prints.  ``score`` does the same on in-memory spans.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline.timeml import TimeMLDoc, parse_timeml

Annotation = tuple[int, int, dict]


@dataclass(frozen=True)
class Alignment:
    """One document's comparison: matched (gold, system) pairs and the leftovers."""

    matches: tuple[tuple[Annotation, Annotation], ...]
    missed: tuple[Annotation, ...]  # gold with no overlapping system annotation
    spurious: tuple[Annotation, ...]  # system with no overlapping gold annotation
    strict_gold: int  # gold annotations with a system annotation on exactly the same offsets
    strict_system: int


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class EvalResult:
    documents: int
    gold: int
    system: int
    strict_precision: float
    strict_recall: float
    strict_f1: float
    relaxed_precision: float
    relaxed_recall: float
    relaxed_f1: float
    type_accuracy: float
    value_accuracy: float
    type_f1: float
    value_f1: float
    missing_documents: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}

    def table(self) -> str:
        rows = [
            ("strict extent", self.strict_precision, self.strict_recall, self.strict_f1),
            ("relaxed extent", self.relaxed_precision, self.relaxed_recall, self.relaxed_f1),
        ]
        lines = [
            f"documents {self.documents}, gold timexes {self.gold}, system timexes {self.system}",
            "",
            "| measure | P | R | F1 | accuracy |",
            "|---|---|---|---|---|",
        ]
        lines += [f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | |" for name, p, r, f in rows]
        lines.append(f"| type | | | {self.type_f1:.3f} | {self.type_accuracy:.3f} |")
        lines.append(f"| value | | | {self.value_f1:.3f} | {self.value_accuracy:.3f} |")
        if self.missing_documents:
            lines.append(f"missing system documents: {len(self.missing_documents)}")
        return "\n".join(lines)


def align(gold: Sequence[Annotation], system: Sequence[Annotation]) -> Alignment:
    """Pair each gold annotation with the best-overlapping unused system annotation."""
    used: set[int] = set()
    matches = []
    missed = []
    for g in sorted(gold, key=lambda a: a[0]):
        best, best_overlap = None, 0
        for i, s in enumerate(system):
            if i in used:
                continue
            overlap = min(g[1], s[1]) - max(g[0], s[0])
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is None:
            missed.append(g)
        else:
            used.add(best)
            matches.append((g, system[best]))
    overlaps_gold = [s for s in system if any(min(g[1], s[1]) > max(g[0], s[0]) for g in gold)]
    spurious = tuple(s for s in system if s not in overlaps_gold)
    gold_offsets = {(g[0], g[1]) for g in gold}
    system_offsets = {(s[0], s[1]) for s in system}
    return Alignment(tuple(matches), tuple(missed), spurious, len(gold_offsets & system_offsets),
                     len(system_offsets & gold_offsets))


def score(documents: Iterable[tuple[Sequence[Annotation], Sequence[Annotation]]],
          missing: Sequence[str] = ()) -> EvalResult:
    """TempEval-3 figures over (gold annotations, system annotations) per document."""
    n_docs = n_gold = n_sys = strict = 0
    rel_gold = rel_sys = matched = type_ok = value_ok = 0
    for gold, system in documents:
        n_docs += 1
        a = align(gold, system)
        n_gold += len(gold)
        n_sys += len(system)
        strict += a.strict_gold
        rel_gold += len(gold) - len(a.missed)
        rel_sys += len(system) - len(a.spurious)
        matched += len(a.matches)
        type_ok += sum(g[2].get("type") == s[2].get("type") for g, s in a.matches)
        value_ok += sum(_same_value(g[2].get("value"), s[2].get("value")) for g, s in a.matches)
    sp, sr = strict / n_sys if n_sys else 0.0, strict / n_gold if n_gold else 0.0
    rp, rr = rel_sys / n_sys if n_sys else 0.0, rel_gold / n_gold if n_gold else 0.0
    rf = _f1(rp, rr)
    ta = type_ok / matched if matched else 0.0
    va = value_ok / matched if matched else 0.0
    return EvalResult(n_docs, n_gold, n_sys, sp, sr, _f1(sp, sr), rp, rr, rf, ta, va, rf * ta, rf * va,
                      tuple(missing))


def _same_value(gold: str | None, system: str | None) -> bool:
    return (gold or "").strip().upper() == (system or "").strip().upper() and gold is not None


def doc_key(path: Path) -> str:
    """File name without TimeML suffixes: ``AP_1.tml.TE3input`` and ``AP_1.tml`` pair up."""
    name = path.name
    for suffix in (".TE3input", ".te3input", ".xml", ".tml", ".TML"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


def _realign(gold: TimeMLDoc, system: TimeMLDoc) -> list[Annotation]:
    """System offsets mapped onto the gold text when the two texts differ (whitespace, entities)."""
    if gold.text == system.text:
        return list(system.timexes)
    matcher = difflib.SequenceMatcher(None, system.text, gold.text, autojunk=False)
    mapping: dict[int, int] = {}
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size + 1):
            mapping.setdefault(a + k, b + k)
    out = []
    for s, e, attrs in system.timexes:
        if s in mapping and e in mapping and mapping[e] > mapping[s]:
            out.append((mapping[s], mapping[e], attrs))
    return out


def evaluate(gold: Sequence[Path], system: Sequence[Path]) -> EvalResult:
    """Score system TimeML files against gold TimeML files, paired by file name."""
    by_key = {doc_key(Path(p)): Path(p) for p in system}
    docs = []
    missing = []
    for g in sorted(Path(p) for p in gold):
        gold_doc = parse_timeml(g.read_text(encoding="utf-8"))
        sys_path = by_key.get(doc_key(g))
        if sys_path is None:
            missing.append(g.name)
            docs.append((list(gold_doc.timexes), []))
            continue
        sys_doc = parse_timeml(sys_path.read_text(encoding="utf-8"))
        docs.append((list(gold_doc.timexes), _realign(gold_doc, sys_doc)))
    return score(docs, missing)
