"""Event extraction on one-sentence rows outside the seeds: the corpus is the specification.

Each row: the sentence, the dates its expressions denote (surface -> value, built as Timex objects here
so the rows test extraction only), and the expected (type, agent ids, other actor ids, date value,
modality, label).  Reference (publication) date: Tuesday 2021-12-14.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from timeline.events import extract
from timeline.model import Article, Timex

PUB = dt.date(2021, 12, 14)
DATES = {
    "Monday": ("2021-12-13", dt.date(2021, 12, 13), dt.date(2021, 12, 13)),
    "Tuesday": ("2021-12-14", dt.date(2021, 12, 14), dt.date(2021, 12, 14)),
    "Wednesday": ("2021-12-08", dt.date(2021, 12, 8), dt.date(2021, 12, 8)),
    "Thursday": ("2021-12-09", dt.date(2021, 12, 9), dt.date(2021, 12, 9)),
    "Friday": ("2021-12-10", dt.date(2021, 12, 10), dt.date(2021, 12, 10)),
    "Saturday": ("2021-12-18", dt.date(2021, 12, 18), dt.date(2021, 12, 18)),
    "Sunday": ("2021-12-12", dt.date(2021, 12, 12), dt.date(2021, 12, 12)),
    "next week": ("2021-W51", dt.date(2021, 12, 20), dt.date(2021, 12, 26)),
    "next year": ("2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
    "2020": ("2020", dt.date(2020, 1, 1), dt.date(2020, 12, 31)),
    "June": ("2021-06", dt.date(2021, 6, 1), dt.date(2021, 6, 30)),
}


def timexes(text: str) -> list[Timex]:
    out = []
    for surface, (value, earliest, latest) in DATES.items():
        for m in re.finditer(rf"\b{surface}\b", text):
            out.append(Timex(m.start(), m.end(), surface, "DATE", value, "day", earliest, latest))
    return out


# (sentence, type, agents, others, date value, modality, label)
ROWS = (
    ("Russia, which controls the peninsula after annexing it from Ukraine in 2020, denies any plan.", "military",
     "russia", "", "2020", "asserted", "Russia annexes it from Ukraine"),
    ("Russia did not attack Ukraine on Monday.", "military", "russia", "ukraine", "2021-12-13", "denied",
     "Russia attacks Ukraine"),
    ("If Russia invades Ukraine, the United States will impose sanctions.", "military", "russia", "ukraine", None,
     "conditional", "Russia invades Ukraine"),
    ("If Russia invades Ukraine, the United States will impose sanctions.", "sanctions", "united-states", "",
     None, "conditional", "United States imposes sanctions"),
    ("Putin will meet Biden in Geneva next week.", "meeting", "vladimir-putin", "joe-biden", "2021-W51", "planned",
     "Putin and Biden meet"),
    ("German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Friday.", "meeting",
     "olaf-scholz", "emmanuel-macron", "2021-12-10", "asserted", "Scholz and Macron meet"),
    ("China's foreign ministry said on Monday that it opposed the sanctions.", "statement",
     "foreign-ministry-of-china", "", "2021-12-13", "asserted", "Foreign Ministry of China says it opposed the sanctions"),
    ("Turkish President Recep Tayyip Erdogan visited Kyiv on Thursday.", "visit", "recep-tayyip-erdogan", "ukraine",
     "2021-12-09", "asserted", "Erdogan visits Ukraine"),
    ("NATO Secretary General Jens Stoltenberg urged Moscow to pull back its troops.", "appeal", "jens-stoltenberg",
     "russia", "2021-12-14", "asserted", "Stoltenberg urges Russia to pull back its troops"),
    ("Israel and the United Arab Emirates signed a peace accord in 2020.", "agreement",
     "israel united-arab-emirates", "", "2020", "asserted", "Israel and United Arab Emirates sign a peace accord"),
    ("The Kremlin denied on Wednesday that it planned to invade.", "denial", "russia", "", "2021-12-08", "asserted",
     "Russia denies it planned to invade"),
    ("Iran threatened to retaliate if Israel attacked its nuclear sites.", "warning", "iran", "", "2021-12-14",
     "asserted", "Iran threatens retaliation"),
    ("Biden and Xi held a video call on Monday.", "meeting", "joe-biden xi-jinping", "", "2021-12-13", "asserted",
     "Biden and Xi hold phone call"),
    ("North Korea fired two ballistic missiles on Wednesday, South Korea's military said.", "military",
     "north-korea", "", "2021-12-08", "asserted", "North Korea fires two ballistic missiles"),
    ("North Korea fired two ballistic missiles on Wednesday, South Korea's military said.", "statement",
     "south-korea", "", None, "asserted", "South Korea says"),
    ("The European Union imposed new sanctions on Belarus in June.", "sanctions", "european-union", "belarus",
     "2021-06", "asserted", "European Union imposes sanctions on Belarus"),
    ("Ukraine accused Russia on Tuesday of massing troops on its border.", "accusation", "ukraine", "russia",
     "2021-12-14", "asserted", "Ukraine accuses Russia of massing troops"),
    ("Britain withdrew from the European Union in 2020.", "withdrawal", "united-kingdom", "european-union", "2020",
     "asserted", "United Kingdom quits European Union"),
    ("Lithuanian President Gitanas Nauseda said talks could resume next year.", "statement", "gitanas-nauseda", "",
     "2021-12-14", "asserted", "Nauseda says talks could resume"),
    ("A survey published by the Pew Research Center on Monday found most Americans worried.", "poll",
     "pew-research-center", "", "2021-12-13", "asserted", "Pew Research Center poll"),
    ("Foreign ministers of the G7 are expected to meet in Liverpool on Saturday.", "meeting", "g7", "",
     "2021-12-18", "planned", "G7 meets"),
    ("President Emmanuel Macron spoke with Putin by phone on Sunday, the Elysee said.", "meeting",
     "emmanuel-macron", "vladimir-putin", "2021-12-12", "asserted", "Macron and Putin speak"),
)


def _ids(ev, roles):
    return {a.actor.removeprefix("actor:") for a in ev.actors if a.role in roles}


@pytest.mark.parametrize("row", ROWS, ids=[f"{r[1]}|{r[0][:40]}" for r in ROWS])
def test_row(row):
    text, type_, agents, others, value, modality, label = row
    events = extract(Article(id="row", text=text, published=PUB), timexes(text)).mentions
    typed = [m for m in events if m.type == type_]
    assert typed, f"no {type_} event; found {[(m.type, m.label) for m in events]}"
    ev = typed[0]
    assert _ids(ev, ("agent",)) == set(agents.split()), ev.actors
    assert _ids(ev, ("patient", "recipient", "participant")) == set(others.split()), ev.actors
    if value is not None:
        assert ev.date.value == value, ev.date
    assert ev.modality == modality
    assert ev.label == label


# Sentences with no event at all.
NOTHING = (
    "Tens of thousands of Russian troops are stationed near the border.",
    "The conflict has claimed more than 13,000 lives.",
    "Russia's demands included stopping NATO from expanding east.",
    "An attack on the capital would be a disaster.",
    "Share this article on Facebook.",
    "Sign in to unlock member-only benefits!",
)


@pytest.mark.parametrize("text", NOTHING)
def test_no_event(text):
    events = extract(Article(id="row", text=text, published=PUB), timexes(text)).mentions
    assert not events, [(m.type, m.label) for m in events]
