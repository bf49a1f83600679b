"""Event labels: the corpus of (label parts -> expected label) is the specification.

A label is a short headline: agent, verb, object or topic; cut at a phrase boundary, never on a
function word, a possessive or a word left over from a removed date; first-person quotes give their
topic or nothing.  Each row gives ``label()`` what extract passes it (predicate, type, say-verb,
agents, other actors, the reported content with its dates already removed, topic).
"""

from __future__ import annotations

import pytest

from timeline.events.labels import BAD_END, FIRST_PERSON, MAX_CHARS, POSSESSIVE, label, topic_of
from timeline.model import Actor


def person(name: str) -> Actor:
    return Actor(id="actor:" + name.lower().replace(" ", "-"), name=name, category="person")


def body(name: str, category: str = "country") -> Actor:
    return Actor(id="actor:" + name.lower().replace(" ", "-"), name=name, category=category)


PUTIN, NIINISTO, LAVROV, BAERBOCK = person("Vladimir Putin"), person("Sauli Niinistö"), person("Sergei Lavrov"), \
    person("Annalena Baerbock")
RUSSIA, WEST, UKRAINE = body("Russia"), body("The West", "group"), body("Ukraine")

# (why, predicate, type, say, agents, others, rest, topic or "auto" (topic_of(rest)), expected)
ROWS = (
    ("object is a relative gap", "deny", "denial", "denies", [person("Sergei Ryabkov")], [],
     "was Russia's\nintent.", "auto", "Ryabkov issues denial"),
    ("object is a relative gap, other verb", "deny", "denial", "denies", [RUSSIA], [],
     "had been the plan all along.", "auto", "Russia issues denial"),
    ("'since' left by a removed date", "accuse", "accusation", "accuses", [WEST], [RUSSIA],
     "of backing pro-Moscow separatists since.", "auto", "The West accuses Russia of backing pro-Moscow separatists"),
    ("'in' left by a removed date", "accuse", "accusation", "accuses", [UKRAINE], [RUSSIA],
     "of shelling villages in.", "auto", "Ukraine accuses Russia of shelling villages"),
    ("cut mid-phrase after an adverb", "tell", "statement", "tells", [PUTIN], [NIINISTO],
     'Moscow wants "to immediately launch negotiations with the United States and NATO in order to develop '
     'international legal guarantees for the security of our country", the Kremlin said in a statement.', "auto",
     "Putin tells Niinistö Moscow wants to launch negotiations"),
    ("adverb dropped, phrase kept whole", "say", "statement", "says", [person("Olaf Scholz")], [],
     "Berlin wants to urgently resume gas deliveries with Moscow", "auto", "Scholz says Berlin wants to resume gas deliveries"),
    ("a noun waiting for 'to': topic instead", "tell", "statement", "tells", [LAVROV], [BAERBOCK],
     'of the "necessity to provide our country with security guarantees" against NATO expansion, Moscow said.', "auto",
     "Lavrov tells Baerbock about security guarantees"),
    ("first-person frame, topic", "say", "statement", "says", [PUTIN], [],
     "In this regard, I would like to stress that on the whole, we have seen a positive reaction so far, our "
     "American partners tell us that they are ready to start this discussion in Geneva,\"", "auto",
     "Putin comments on talks"),
    ("first person, no topic", "say", "statement", "says", [person("Klaus Kinkel")], [],
     '"We are a country that likes foreigners,"', "auto", "Kinkel makes statement"),
    ("first person, topic", "say", "statement", "says", [person("Volodymyr Zelensky")], [],
     "“Germany has recently prevented us from getting anti-drone rifles and anti-sniper systems from NATO, which "
     "are exclusively defence tools,”", "auto", "Zelensky comments on weapons"),
    ("'our aim is to'", "say", "statement", "says", [person("Karen Donfried")], [],
     "“Our aim is to support Ukraine as we work to de-escalate tensions due to Russia’s build-up,”", "auto",
     "Donfried aims to support Ukraine"),
    ("participle waiting for its preposition", "warn", "warning", "warns", [PUTIN], [],
     "the discussion focused on Moscow's demand needs to produce quick results.", "auto", "Putin warns over talks"),
    ("dangling preposition, adverb", "say", "statement", "says", [RUSSIA], [],
     "it is also concerned about\nNATO members setting up military training operations in Ukraine", "auto",
     "Russia says it is concerned about NATO members"),
    ("copula and adjective waiting for 'to'", "respond", "statement", "responds", [person("Jen Psaki")], [],
     "Washington is willing to discuss the security proposals, but disagrees with part of them.", "auto",
     "Psaki comments on security proposals"),
    ("dangling possessive", "call", "appeal", "calls on", [person("Josep Borrell")], [RUSSIA],
     "to \"de-escalate\" and respect Ukraine's sovereignty and territorial integrity once again.", "auto",
     "Borrell calls on Russia to de-escalate"),
    ("participial tail cut", "deny", "denial", "denies", [RUSSIA], [],
     "such accusations claiming its stance is purely defensive, instead blaming Ukraine.", "auto",
     "Russia denies such accusations"),
    ("a quote's capital", "say", "statement", "says", [person("Lamberto Dini")], [],
     '"There is no mandate for disarming rebels or anything else of that nature,"', "auto",
     "Dini says there is no mandate for disarming rebels"),
    ("a number's comma is no boundary", "say", "statement", "says", [body("France")], [],
     "it was sending 1,000", "auto", "France says it was sending 1,000"),
    ("'should' inside a clause", "say", "statement", "says", [person("Klaus Kinkel")], [],
     'politicians should "watch their language."', "auto", "Kinkel says politicians should watch their language"),
    ("inverted 'should' ends the clause", "say", "statement", "says", [person("Sergei Ryabkov")], [],
     "the talks will fail should NATO refuse to engage.", "auto", "Ryabkov says the talks will fail"),
    ("addressee opens the content", "tell", "statement", "tells", [person("Franz Vranitzky")], [],
     'journalists, adding that the soldiers should be on the ground "in the space of 10 or 14 days."', "auto",
     "Vranitzky tells journalists"),
    ("content is only circumstance", "tell", "statement", "tells", [person("Alfred Moisiu")], [],
     "in Tirana on.", "auto", "Moisiu makes statement"),
    ("nothing reported", "say", "statement", "says", [body("South Korea")], [], ".", None, "South Korea says"),
    ("clause cut at 'after'", "say", "statement", "says", [body("OSCE", "organisation")], [],
     "after talks in Rome with Italian Foreign Minister Lamberto Dini.", "auto", "OSCE says"),
    ("no comment", "say", "statement", "says", [body("Foreign Ministry of Germany", "organisation")], [],
     "it could not comment “on the confidential decisions at the heart of the [NATO] alliance at this stage”.",
     "auto", "Foreign Ministry of Germany declines to comment"),
    ("articles dropped to fit", "announce", "statement", "announces", [person("Pierre Bolongo")], [],
     'the formation of a "national salvation" government which includes two generals.', "auto",
     "Bolongo announces formation of national salvation government"),
    ("a removed date's possessive", "say", "statement", "says", [person("Kenneth Bacon")], [],
     "the issue was not a focus of 's talks.", "auto", "Bacon says the issue was not a focus of talks"),
    ("verb waiting for 'to'", "say", "statement", "says", [person("Severino Saldarini")], [],
     '"This unique and unsettling image continues to call to all people as a gift made by God"', "auto",
     "Saldarini makes statement"),
    ("several agents agree in number", "warn", "warning", "warns", [body("European Union", "organisation"),
                                                                   body("G7", "organisation")], [],
     "would be an unprecedented economic sanctions regime if Russia attacks.", "auto",
     "European Union and G7 warn of sanctions"),
    ("whole short clause", "say", "statement", "says", [body("Lithuania")], [], "talks could resume.", "auto",
     "Lithuania says talks could resume"),
    ("an acronym is no relative pronoun", "say", "statement", "says", [person("Julie Hall")], [],
     "WHO will continue to assist China in curbing the epidemic in.", "auto", "Hall says WHO will continue to assist China"),
    ("a leading subordinate clause is skipped", "say", "statement", "says", [person("Stjepan Mesic")], [],
     '"Once the land border is identified, the sea border can be identified with mathematical precision by applying '
     'the principles,"', "auto", "Mesic says the sea border can be identified"),
    ("addressee with its article", "tell", "statement", "tells", [person("Hilario Padilla")], [],
     "a press briefing that the Cessna trainer jet crashed.", "auto", "Padilla tells a press briefing"),
    ("a clause is due, a noun phrase came", "say", "statement", "says", [body("Kazakhstan")], [],
     "Yin Juntai, deputy general-manager of China Petroleum Exploration and Development Company.", "auto",
     "Kazakhstan makes statement"),
    ("an adjective in -ly stays", "say", "statement", "says", [body("WHO", "organisation")], [],
     "the deadly virus spreads fast.", "auto", "WHO says the deadly virus spreads fast"),
    ("non-speech: dangling 'in'", "quit", "withdrawal", "quits", [body("United States")], [], "the pact in.", None,
     "United States quits the pact"),
    ("non-speech: three words", "fire", "military", "fires", [body("North Korea")], [],
     "two ballistic missiles on, South Korea's military said.", None, "North Korea fires two ballistic missiles"),
)


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_label(row):
    _why, predicate, type_, say, agents, others, rest, topic, expected = row
    if topic == "auto":
        topic = topic_of(rest)[1]
    assert label(predicate, type_, say, agents, others, rest, topic, None) == expected


def _clean(text: str) -> str | None:
    """Why ``text`` is not a clean headline, or None."""
    words = text.split()
    if len(text) > MAX_CHARS + 5:
        return "too long"
    if words[-1].lower() in BAD_END or POSSESSIVE.search(words[-1]):
        return f"ends on {words[-1]!r}"
    if any(w.lower() in FIRST_PERSON and w != "US" for w in words):
        return "first person"
    if any(w[:1].isupper() and words[i - 1].lower() in ("says", "tells") for i, w in enumerate(words[1:], 1)
           if w in ("There", "The", "This", "It", "We", "Our", "I")):
        return "a quote's capital"
    return None


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_row_labels_are_clean_headlines(row):
    _why, predicate, type_, say, agents, others, rest, topic, _expected = row
    if topic == "auto":
        topic = topic_of(rest)[1]
    text = label(predicate, type_, say, agents, others, rest, topic, None)
    assert _clean(text) is None, f"{text!r}: {_clean(text)}"


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_seed_labels_are_clean_headlines(key):
    from tests.test_events_seeds import analysis

    bad = [(m.label, _clean(m.label)) for m in analysis(key).mentions if _clean(m.label)]
    assert not bad, bad
