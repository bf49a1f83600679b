"""Figures: the timeline (PNG/SVG), the actor-event network and a self-contained HTML report.

How the timeline reads:

- **Time axis**: stretches with events, empty gaps cut out (hatched breaks labelled with the time
  they cut, "26 yr"); a dense month next to a sparse year gets its own scale (a "/ /" break that
  cuts nothing). Each piece is ticked at its own granularity: days, weeks, months, quarters, years.
- **Lanes**: the top actors by number of events (or the event types), the rest in "Other".
- **Marks**: a dot for an event dated to a day; a bar for a week, month or year, with faded ends
  when the date is fuzzy (mid-, early-, late-, around, before, after); a same-day stack for
  several events of one lane on one day; an "undated" slot at the right end.
- **Encoding**: colour by event type; filled = reported as happened, hollow dashed = planned,
  hollow dotted diamond = conditional, cross = denied; marker size and the number inside it =
  the number of documents reporting it; dotted ghost = another date an outlet gave; arrow = causes.
- **Labels**: placed in display coordinates so that none overlaps another label, a marker or a
  bar, or leaves the plot; a label that finds no room is shortened, then dropped.

Everything draws on matplotlib ``Figure`` objects with an Agg canvas (never pyplot's global
state) inside an ``rc_context``; files are written atomically; SVG keeps text as text, gives each
event marker ``id="<event id>"`` with a hover ``<title>``, and is byte-identical across runs.
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
