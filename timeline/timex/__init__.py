"""The date resolver: temporal expressions found, typed and anchored (TIMEX3).

``resolve(article)`` and ``resolve_text(text, published, regions)`` are the API;
``timeline.timex.evaluate`` scores TimeML output against gold (TempEval-3 Task A).
"""

from timeline.timex.resolver import resolve, resolve_text
from timeline.timex.rules import RULES, Rule

__all__ = ["RULES", "Rule", "resolve", "resolve_text"]
