"""The look of the figures, as data: colours, modality styles, fuzzy edges, sizes.

Every visual decision that a reader might want to change lives in a table here; the
drawing modules only look things up.
"""

from __future__ import annotations

from dataclasses import dataclass

# Colour per event type (Okabe-Ito + Tol muted: readable for colour-blind readers and in print).
TYPE_COLOURS: dict[str, str] = {
    "meeting": "#0072B2",
    "statement": "#56B4E9",
    "warning": "#D55E00",
    "appeal": "#009E73",
    "accusation": "#CC79A7",
    "military": "#882255",
    "sanctions": "#E69F00",
    "agreement": "#44AA99",
    "treaty": "#44AA99",
    "annexation": "#882255",
    "talks": "#0072B2",
    "election": "#999933",
}
# Types not in the table get these, in order of first appearance (sorted type names).
SPARE_COLOURS = ("#332288", "#117733", "#AA4499", "#661100", "#6699CC", "#888888", "#DDCC77", "#117777")
OTHER_COLOUR = "#777777"


@dataclass(frozen=True)
class ModalityStyle:
    """How a modality is drawn: marker shape and fill, outline dash, span hatch, label suffix."""

    name: str
    marker: str
    filled: bool
    linestyle: str  # outline of markers and spans
    hatch: str | None  # hatch of span bars
    italic: bool
    suffix: str  # appended to the label
    legend: str


MODALITY_STYLES: dict[str, ModalityStyle] = {
    s.name: s
    for s in (
        ModalityStyle("asserted", "o", True, "solid", None, False, "", "reported as happened"),
        ModalityStyle("planned", "o", False, "dashed", "////", True, "", "planned / future (hollow, dashed)"),
        ModalityStyle("conditional", "D", False, "dotted", "....", True, " (if)", "conditional (hollow, dotted)"),
        ModalityStyle("denied", "X", True, "solid", "xxxx", False, " (denied)", "denied (cross)"),
    )
}


def modality_style(modality: str | None) -> ModalityStyle:
    """The style of a modality; unknown modalities are drawn as asserted."""
    return MODALITY_STYLES.get(modality or "asserted", MODALITY_STYLES["asserted"])


# Fuzzy edges of a span, by TIMEX3 mod: (core start, core end) as fractions of the span.
# Outside the core the bar fades out: "mid-November" is not the 15th, nor the 1st-30th.
FUZZY_CORES: dict[str, tuple[float, float]] = {
    "MID": (0.33, 0.67),
    "START": (0.0, 0.33),
    "EARLY": (0.0, 0.33),
    "END": (0.67, 1.0),
    "LATE": (0.67, 1.0),
    "APPROX": (0.2, 0.8),
    "BEFORE": (0.85, 1.0),
    "ON_OR_BEFORE": (0.85, 1.0),
    "AFTER": (0.0, 0.15),
    "ON_OR_AFTER": (0.0, 0.15),
}
FADE_STEPS = 6  # rectangles of falling opacity that draw a fading edge


def fuzzy_core(mod: str | None) -> tuple[float, float]:
    """The solid part of a span for a TIMEX3 ``mod``; ``(0, 1)`` (all solid) when it is exact."""
    return FUZZY_CORES.get((mod or "").upper(), (0.0, 1.0))


@dataclass(frozen=True)
class Metrics:
    """Sizes in inches (geometry) and points (type)."""

    width: float = 13.0  # figure width for a small timeline; grows with the number of events
    max_width: float = 20.0
    title_height: float = 0.75
    axis_height: float = 0.55  # two rows of tick labels under the axes
    legend_row: float = 0.2
    footer_line: float = 0.15
    margin: float = 0.25
    lane_label_width: float = 1.6
    gap: float = 0.32  # width of an axis break
    undated_width: float = 0.7
    min_segment: float = 0.75
    point_row: float = 0.16
    span_row: float = 0.13
    span_height: float = 0.075
    label_row: float = 0.17
    lane_pad: float = 0.12
    stack_max: int = 5  # markers drawn in one same-day stack before they overlap
    marker_pt: float = 7.0  # marker diameter for one source, points
    label_pt: float = 7.5
    tick_pt: float = 7.5
    title_pt: float = 13.0
    footer_pt: float = 6.5
    label_chars: int = 46  # labels are cut to this many characters (with an ellipsis)
    short_chars: int = 22  # the fallback label when the full one finds no room


METRICS = Metrics()

# rcParams used while drawing and saving: text kept as text in SVG, fixed hash salt, plain fonts.
RC = {
    "font.family": "DejaVu Sans",
    "svg.fonttype": "none",
    "svg.hashsalt": "timeline",
    "path.simplify": True,
    "axes.unicode_minus": False,
}
# Metadata written into SVG: no date, so two renders are byte-identical.
SVG_METADATA = {"Date": None, "Creator": "timeline", "Type": None, "Format": None}
PNG_METADATA = {"Software": "timeline"}

LANE_SHADES = ("#f4f4f4", "#ffffff")
GRID_COLOUR = "#dddddd"
TEXT_COLOUR = "#222222"
MUTED_COLOUR = "#666666"
LINK_COLOUR = "#444444"


def source_marker_pt(n_sources: int, metrics: Metrics = METRICS) -> float:
    """Marker diameter (points) for an event reported by ``n_sources`` documents."""
    n = max(1, min(n_sources, 9))
    return metrics.marker_pt * (1.0 + 0.5 * (n - 1)) ** 0.5


def type_colours(types: list[str]) -> dict[str, str]:
    """A colour for each type: the table's, else a spare colour in sorted order."""
    spare = iter(SPARE_COLOURS)
    out: dict[str, str] = {}
    for t in sorted(set(types), key=str):
        out[t] = TYPE_COLOURS.get(t) or next(spare, OTHER_COLOUR)
    return out
