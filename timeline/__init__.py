"""timeline: turn a pile of news articles into a dated, sourced timeline of events."""

from timeline.model import Actor, Article, Event, EventMention, Link, LoadError, Timex

__version__ = "0.1.0"

__all__ = ["Actor", "Article", "Event", "EventMention", "Link", "LoadError", "Timex", "__version__", "build"]


def build(paths, **options):
    """Run the whole pipeline on files or folders; returns a :class:`timeline.api.Timeline`."""
    from timeline.api import build as _build

    return _build(paths, **options)
