"""Writing a timeline's output files, and keeping the ones that would come out the same.

A build records, in ``.timeline-outputs.json`` in the output folder, a key for each file it wrote
(the timeline's key, the format and drawing options, the version of the drawing and export code)
and a hash of the bytes written. With ``reuse``, a file whose key is unchanged and whose bytes
still hash the same is kept as it is instead of being drawn again; a file that was deleted,
edited or written by other options is written again. A timeline without a key (built without a
store, or put together by hand) is always written in full.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.api import Timeline

log = logging.getLogger("timeline")
MANIFEST = ".timeline-outputs.json"
OUTPUT_CODE = ("model.py", "api.py", "outputs.py", "graph.py", "export.py", "render")
FIGURE_FORMATS = ("png", "svg", "html", "network")


@dataclass(frozen=True)
class Saved:
    """The output files of one save: written now, or kept from an earlier build (unchanged)."""

    written: tuple[Path, ...]
    kept: tuple[Path, ...] = ()

    @property
    def paths(self) -> list[Path]:
        return [*self.written, *self.kept]


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class Manifest:
    """What was written into one output folder, with which key."""

    def __init__(self, out: Path):
        self.path = out / MANIFEST
        try:
            entries = json.loads(self.path.read_text(encoding="utf-8"))
            self.entries: dict[str, dict] = entries if isinstance(entries, dict) else {}
        except (OSError, ValueError):
            self.entries = {}

    def fresh(self, path: Path, key: str | None) -> bool:
        entry = self.entries.get(path.name)
        return (key is not None and isinstance(entry, dict) and entry.get("key") == key
                and entry.get("sha256") == _digest(path))

    def record(self, path: Path, key: str | None) -> None:
        digest = _digest(path)
        if key is None or digest is None:
            self.entries.pop(path.name, None)
        else:
            self.entries[path.name] = {"key": key, "sha256": digest}

    def forget(self, paths: Sequence[Path]) -> None:
        """Drop the entries of files about to be rewritten (a killed run must not vouch for them)."""
        for path in paths:
            self.entries.pop(path.name, None)

    def save(self) -> None:
        from timeline.atomic import write_text_atomic

        write_text_atomic(self.path, json.dumps(self.entries, indent=1, sort_keys=True) + "\n")


def _file_key(timeline_key: str | None, name: str, settings: dict) -> str | None:
    if timeline_key is None:
        return None
    from importlib.metadata import version

    from timeline.store import code_version

    text = repr((timeline_key, name, sorted((k, repr(v)) for k, v in settings.items()),
                 code_version(OUTPUT_CODE), version("matplotlib"), version("networkx")))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def save_outputs(tl: Timeline, out_dir: str | Path, formats: Sequence[str], dpi: int = 150, reuse: bool = False,
                 **options) -> Saved:
    """Write the requested formats of ``tl`` into ``out_dir`` (see :meth:`timeline.api.Timeline.save`)."""
    from timeline.api import sweep_leftovers
    from timeline.export import FORMATS, WRITERS

    out = Path(out_dir)
    unknown = [f for f in formats if f not in FORMATS and f not in FIGURE_FORMATS]
    if unknown:
        raise ValueError(f"unknown format(s): {', '.join(unknown)}")
    sweep_leftovers(out)
    settings = {"title": tl.title, **options}
    groups: list[tuple[str, list[Path], dict]] = []  # (what, files written together, what shapes them)
    if any(f in formats for f in ("png", "svg")):
        groups.append(("timeline", [out / f"timeline.{f}" for f in ("png", "svg") if f in formats],
                       {"dpi": dpi, **settings}))
    if "network" in formats:
        groups.append(("network", [out / "network.png", out / "network.svg"], {"dpi": dpi, **settings}))
    if "html" in formats:
        groups.append(("html", [out / "report.html"], settings))
    groups += [(f, [out / WRITERS[f][0]], {}) for f in formats if f in FORMATS]

    manifest = Manifest(out) if tl.key is not None else None
    keys = {path: _file_key(tl.key, path.name, extra) for _, paths, extra in groups for path in paths}
    stale = [(what, paths) for what, paths, _ in groups
             if not (reuse and manifest and all(manifest.fresh(p, keys[p]) for p in paths))]
    if manifest is not None and stale:
        manifest.forget([p for _, paths in stale for p in paths])
        manifest.save()
    written: list[Path] = []
    for what, paths in stale:
        log.info("writing %s", ", ".join(p.name for p in paths))
        _write(tl, what, paths, dpi, options)
        written += paths
    if manifest is not None and stale:
        for path in written:
            manifest.record(path, keys[path])
        manifest.save()
    kept = tuple(p for _, paths, _ in groups for p in paths if p not in written)
    return Saved(tuple(written), kept)


def _write(tl: Timeline, what: str, paths: list[Path], dpi: int, options: dict) -> None:
    from timeline.atomic import write_text_atomic

    if what == "timeline":
        from timeline.render import save_timeline

        save_timeline(tl.drawn_events(), paths, dpi=dpi, **tl._figure_options(options))
    elif what == "network":
        from timeline.render import save_network

        save_network(tl.drawn_events(), tl.actors, tl._figure_options({})["links"], paths)
    elif what == "html":
        write_text_atomic(paths[0], tl.html(**options))
    else:
        from timeline.export import export

        export(tl.graph, paths[0].parent, (what,))
