"""Figures: the timeline (PNG/SVG), the actor-event network and a self-contained HTML report.

Everything draws on matplotlib ``Figure`` objects with an Agg canvas (never pyplot's global
state) inside an ``rc_context``; files are written atomically and SVG is byte-identical
across runs.
"""

from timeline.render.figure import draw_timeline
from timeline.render.network import draw_network, network_graph
from timeline.render.output import save_network, save_timeline, svg_string, write_figure
from timeline.render.report import html_report

__all__ = [
    "draw_network",
    "draw_timeline",
    "html_report",
    "network_graph",
    "save_network",
    "save_timeline",
    "svg_string",
    "write_figure",
]
