"""Events: who did what, when, as each article reports it.

``extract(article, timexes) -> DocumentAnalysis`` is the stage's one entry point.
"""

from timeline.events.extract import extract

__all__ = ["extract"]
