"""Writing figures: PNG and SVG by file suffix, atomically, byte-identical SVG across runs."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import matplotlib as mpl
from matplotlib.figure import Figure

from timeline.atomic import atomic_path
from timeline.model import Actor, Event, Link
from timeline.render.figure import quiet_glyphs
from timeline.render.style import PNG_METADATA, RC, SVG_METADATA
from timeline.render.texts import TOOLTIPS

FORMATS = {".png": "png", ".svg": "svg"}
PNG_COMPRESSION = 2  # zlib level: 6 (the default) costs half a second more on a 300-event figure


def add_tooltips(svg: str, tips: Mapping[str, str]) -> str:
    """Give each ``<g id="...">`` named in ``tips`` a ``<title>``: the browser shows it on hover."""
    if not tips:
        return svg

    def sub(match: re.Match) -> str:
        gid = html.unescape(match.group(1))
        tip = tips.get(gid)
        return match.group(0) if tip is None else f"{match.group(0)}\n  <title>{html.escape(tip, quote=False)}</title>"

    return re.sub(r'<g id="([^"]*)">', sub, svg)


def _svg_bytes(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata=_metadata("svg"))
    svg = add_tooltips(buf.getvalue().decode("utf-8"), getattr(fig, TOOLTIPS, {}))
    # in-page links (marker -> report row) stay in the page: matplotlib marks every link target="_blank"
    return re.sub(r'(<a xlink:href="#[^"]*") target="_blank"', r"\1", svg).encode("utf-8")


def _metadata(fmt: str) -> dict:
    return dict(SVG_METADATA if fmt == "svg" else PNG_METADATA)


def write_figure(fig: Figure, paths: Sequence[Path | str], dpi: float = 150) -> None:
    """Save ``fig`` to each path by its suffix (.png/.svg); each file appears whole or not at all."""
    targets = [Path(p) for p in paths]
    for path in targets:
        if path.suffix.lower() not in FORMATS:
            raise ValueError(
                f"{path}: cannot write a figure as {path.suffix or 'a file without suffix'}; "
                f"use one of {', '.join(FORMATS)}"
            )
    with mpl.rc_context(RC), quiet_glyphs():
        for path in targets:
            fmt = FORMATS[path.suffix.lower()]
            with atomic_path(path) as tmp, open(tmp, "wb") as fh:
                if fmt == "svg":
                    fh.write(_svg_bytes(fig))
                else:
                    fig.savefig(
                        fh,
                        format=fmt,
                        dpi=dpi,
                        metadata=_metadata(fmt),
                        pil_kwargs={"compress_level": PNG_COMPRESSION},
                    )


def figure_svg(fig: Figure) -> str:
    """The figure as SVG text (text kept as text, no date, fixed ids)."""
    with mpl.rc_context(RC), quiet_glyphs():
        return _svg_bytes(fig).decode("utf-8")


def save_timeline(events: Iterable[Event], paths: Sequence[Path | str], *, dpi: float = 150, **draw_options) -> None:
    """Draw the timeline once and write it to every path (.png and/or .svg).

    Example: ``save_timeline(events, [out / "timeline.png", out / "timeline.svg"], actors=actors, title="...")``
    """
    from timeline.render.figure import draw_timeline

    write_figure(draw_timeline(events, dpi=dpi, **draw_options), paths, dpi=dpi)


def svg_string(events: Iterable[Event], **draw_options) -> str:
    """The timeline as an SVG string (for notebooks' ``_repr_svg_`` and the HTML report)."""
    from timeline.render.figure import draw_timeline

    return figure_svg(draw_timeline(events, **draw_options))


def save_network(
    events: Iterable[Event],
    actors: Mapping[str, Actor],
    links: Iterable[Link] = (),
    paths: Sequence[Path | str] = (),
    *,
    dpi: float = 150,
    **draw_options,
) -> None:
    """Draw the actor-event network and write it to every path (.png and/or .svg)."""
    from timeline.render.network import draw_network

    write_figure(draw_network(events, actors, links, dpi=dpi, **draw_options), paths, dpi=dpi)
