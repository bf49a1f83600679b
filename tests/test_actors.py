"""Actor recognition and cross-article unification: one row per surface form."""

from __future__ import annotations

import pytest

from timeline.actors import recognise, unify
from timeline.actors.gazetteer import actor_id, slug
from timeline.model import Actor, ActorMention, Article, DocumentAnalysis, EventDate, EventMention


def mentions(text: str) -> dict[str, str]:
    """surface -> actor id for every mention in a one-sentence text."""
    rec = recognise(text, [(0, len(text))])
    return {f.text: rec.actor_of(f) for fs in rec.mentions for f in fs}


# (sentence, surface, actor id)
RECOGNITION = (
    ("Russian President Vladimir Putin said on Tuesday.", "Vladimir Putin", "actor:vladimir-putin"),
    ("Mr. Putin reiterated the same demands.", "Putin", "actor:vladimir-putin"),
    ("He told President Sauli Niinsto that Moscow wants talks.", "Sauli Niinsto", "actor:sauli-niinisto"),
    ("He spoke to Finnish President Niinisto.", "Niinisto", "actor:sauli-niinisto"),
    ("He spoke to Finnish President Niinistö.", "Niinistö", "actor:sauli-niinisto"),
    ("Later Niinsto said no.", "Niinsto", "actor:sauli-niinisto"),
    ("Moscow denies such accusations.", "Moscow", "actor:russia"),
    ("The Kremlin says it is concerned.", "Kremlin", "actor:russia"),
    ("Washington quit the pact in 2019.", "Washington", "actor:united-states"),
    ("Kiev has been fighting an insurgency.", "Kiev", "actor:ukraine"),
    ("Kyiv has been fighting an insurgency.", "Kyiv", "actor:ukraine"),
    ("The U.S. and its allies accused Russia.", "U.S.", "actor:united-states"),
    ("The US and its allies accused Russia.", "US", "actor:united-states"),
    ("The United States and NATO met.", "United States", "actor:united-states"),
    ("The talks were held in Moscow on Monday.", "Moscow", "actor:moscow"),
    ("Russian Deputy Foreign Minister Sergey Ryabkov warned.", "Sergey Ryabkov", "actor:sergey-ryabkov"),
    ("Russia’s deputy foreign minister Sergei Ryabkov warned.", "Sergei Ryabkov", "actor:sergei-ryabkov"),
    ("A spokesperson for the German foreign ministry said so.", "A spokesperson for the German foreign ministry",
     "actor:foreign-ministry-of-germany"),
    ("The EU and the G-7 met in recent days.", "G-7", "actor:g7"),
    ("A poll by Russia's independent Levada Centre found this.", "Levada Centre", "actor:levada-center"),
    ("The West has long accused the Kremlin.", "The West", "actor:the-west"),
    ("Putin accused the Ukrainian leadership of using drones.", "Ukrainian leadership", "actor:ukraine"),
    ("EU diplomatic chief Josep Borrell called on Moscow.", "Josep Borrell", "actor:josep-borrell"),
    ("Press Secretary Jen Psaki responded.", "Jen Psaki", "actor:jen-psaki"),
    ("Ukraine’s President Volodymyr Zelensky accused Germany.", "Volodymyr Zelensky", "actor:volodymyr-zelensky"),
    ("Ukraine’s President Volodymyr Zelensky accused Germany.", "Germany", "actor:germany"),
    ("Soviet leader Mikhail Gorbachev and US President Ronald Reagan agreed.", "Ronald Reagan",
     "actor:ronald-reagan"),
    ("Foreign Minister Sergei Lavrov told his German counterpart Annalena Baerbock.", "Annalena Baerbock",
     "actor:annalena-baerbock"),
    ("Prime Minister Jacinda Ardern said the border would reopen.", "Jacinda Ardern", "actor:jacinda-ardern"),
    ("Chancellor Olaf Scholz met Президент Зеленский.", "Olaf Scholz", "actor:olaf-scholz"),
    ("Turkish President Recep Tayyip Erdoğan said on Wednesday he had spoken to Putin.", "Recep Tayyip Erdoğan",
     "actor:recep-tayyip-erdogan"),
    ("Ukraine’s President Volodymyr Zelenskyy met Poland’s leader in Kraków.", "Volodymyr Zelenskyy",
     "actor:volodymyr-zelensky"),
    ("Ukraine’s President Volodymyr Zelenskyy met Poland’s leader in Kraków.", "Kraków", "actor:krakow"),
)


@pytest.mark.parametrize("text,surface,expected", RECOGNITION, ids=[f"{r[1]}|{r[0][:30]}" for r in RECOGNITION])
def test_recognition(text, surface, expected):
    found = mentions(text)
    assert surface in found, f"no mention {surface!r}; found {found}"
    assert found[surface] == expected


# (sentence, surface forms that must not be actors)
NEGATIVE = (
    ("The Russian president emphasized the importance.", ("The Russian", "Russian", "The")),
    ("She is expected in Moscow on Wednesday.", ("She", "Wednesday")),
    ("“Is Russian society ready to pay?” he asked.", ("Is Russian", "Is", "Russian society")),
    ("By AFP - Dec 14,2021 - Last updated at Dec 14,2021", ("Dec", "Last")),
    ("PUTIN WARNS THE WEST OVER NATO EXPANSION", ("PUTIN WARNS", "THE WEST")),
    ("Tensions rose in October and December.", ("October", "December", "Tensions")),
    ("Watch video 02:11", ("Watch",)),
    ("Comments have to be in English, and in full sentences.", ("English", "Comments")),
    # the bad inputs: all-caps headlines, lists, quotes within quotes, other scripts, long sentences
    ("THE RUSSIAN PRESIDENT SAID ON TUESDAY THAT MOSCOW WANTS TALKS.",
     ("THE RUSSIAN", "THE RUSSIAN PRESIDENT", "RUSSIAN", "TUESDAY", "MOSCOW WANTS")),
    ("- Russia\n- Ukraine\n- Monday\n- Tuesday\n- Dec", ("Monday", "Tuesday", "Dec", "-")),
    ("“He told me ‘Russia will not attack,’ and I believed him,” she said.", ("He", "I", "She", "‘Russia")),
    ("Владимир Путин заявил во вторник, что Россия не нападет.", ("Владимир", "Путин заявил", "Россия не")),
    ("Is Russian aggression inevitable? Dec. 14. The Russian said no. She said yes. Wednesday was calm.",
     ("Is Russian", "Is", "Dec", "The Russian", "She", "Wednesday")),
    ("On Monday, Tuesday and Wednesday the Russian delegation met the Ukrainian delegation, " * 20 + "and it ended.",
     ("Monday", "Tuesday", "Wednesday", "The Russian", "Russian", "On Monday")),
)


@pytest.mark.parametrize("text,forbidden", NEGATIVE, ids=[r[0][:30] for r in NEGATIVE])
def test_no_garbage(text, forbidden):
    rec = recognise(text, [(0, len(text))])
    names = {f.text for fs in rec.mentions for f in fs} | {a.name for a in rec.actors.values()}
    assert not names & set(forbidden), names


def test_role_phrase_needs_one_candidate():
    text = "Russian President Vladimir Putin spoke. Later the Russian leader denied it."
    rec = recognise(text, [(0, 39), (40, len(text))])
    assert [rec.actor_of(f) for f in rec.mentions[1]] == ["actor:vladimir-putin"]
    text = "The Russian leader denied it."
    assert recognise(text, [(0, len(text))]).mentions == ((),)


def test_slug_and_ids_are_stable():
    assert slug("Sauli Niinistö") == "sauli-niinisto"
    assert actor_id("U.S. Congress") == "actor:u-s-congress"
    assert recognise("Moscow denies it.", [(0, 17)]).actors == recognise("Moscow denies it.", [(0, 17)]).actors


def _analysis(doc: str, *actors: Actor) -> DocumentAnalysis:
    mention = EventMention(
        id=f"{doc}:0", doc=doc, start=0, end=4, predicate="say", type="statement", modality="asserted",
        date=EventDate(None, None, None, None),
        actors=tuple(ActorMention(doc, 0, 4, a.name, a.id) for a in actors),
    )
    return DocumentAnalysis(article=Article(id=doc, text="text"), mentions=(mention,), actors=actors)


def _person(name: str, affiliation: str | None = None) -> Actor:
    return Actor(actor_id(name), name, "person", affiliation, (name,))


# (names in different articles, expected single canonical id or None when they must stay apart)
UNIFY = (
    (("Sauli Niinisto", "Sauli Niinistö", "Sauli Niinsto"), "actor:sauli-niinisto"),
    (("Sergey Ryabkov", "Sergei Ryabkov", "Sergei Ryabkov"), "actor:sergei-ryabkov"),
    (("Karen Donfried", "Donfried"), "actor:karen-donfried"),
    (("Jacinda Ardern", "Jacinda Arden"), None),  # 2 articles, 1 vote each: the longer/first name wins
    (("Joe Biden", "Hunter Biden"), "apart"),
    (("Vladimir Putin", "Putin"), "actor:vladimir-putin"),
)


@pytest.mark.parametrize("names,expected", UNIFY, ids=[" = ".join(r[0]) for r in UNIFY])
def test_unify_people(names, expected):
    analyses = [_analysis(f"d{i}", _person(n, "actor:x")) for i, n in enumerate(names)]
    out, table = unify(analyses)
    ids = {a.actor for an in out for m in an.mentions for a in m.actors}
    if expected == "apart":
        assert len(ids) == len(names)
        return
    assert len(ids) == 1, ids
    if expected:
        assert ids == {expected}
    actor = table[ids.pop()]
    assert set(names) <= set(actor.aliases)


def test_unify_keeps_different_affiliations_apart():
    analyses = [_analysis("a", _person("John Smith", "actor:united-kingdom")),
                _analysis("b", _person("Jon Smith", "actor:united-states"))]
    out, table = unify(analyses)
    assert len({m.actors[0].actor for an in out for m in an.mentions}) == 2
    assert set(table) == {"actor:john-smith", "actor:jon-smith"}


def test_unify_merges_metonyms_and_is_deterministic():
    russia_a = Actor("actor:russia", "Russia", "country", aliases=("Moscow", "Russia"))
    russia_b = Actor("actor:russia", "Russia", "country", aliases=("Kremlin",))
    first = unify([_analysis("a", russia_a), _analysis("b", russia_b)])
    second = unify([_analysis("a", russia_a), _analysis("b", russia_b)])
    assert first == second
    assert first[1]["actor:russia"].aliases == ("Kremlin", "Moscow", "Russia")


def test_unify_on_seeds_keeps_one_actor_per_entity():
    from test_events_seeds import PUBLISHED, analysis

    _out, table = unify([analysis(k) for k in sorted(PUBLISHED)])
    assert table["actor:sergei-ryabkov"].affiliation == "actor:russia"
    assert {"Sergey Ryabkov", "Sergei Ryabkov"} <= set(table["actor:sergei-ryabkov"].aliases)
    assert "actor:sergey-ryabkov" not in table
    assert {"Kiev", "Kyiv", "Ukraine"} <= set(table["actor:ukraine"].aliases)
    assert {"U.S.", "US", "United States", "Washington"} <= set(table["actor:united-states"].aliases)
    assert table["actor:sauli-niinisto"].name == "Sauli Niinistö"


def test_unify_is_idempotent_and_consistent_on_seeds():
    from test_events_seeds import PUBLISHED, analysis

    once, table = unify([analysis(k) for k in sorted(PUBLISHED)])
    twice, table2 = unify(once)
    assert table2 == table
    assert [a.mentions for a in twice] == [a.mentions for a in once]
    for an in once:
        known = {a.id for a in an.actors}
        used = {m.actor for ev in an.mentions for m in ev.actors} | {m.actor for m in an.actor_mentions}
        assert used <= known, used - known
        for actor in an.actors:
            assert actor.affiliation is None or actor.affiliation.startswith("actor:")


def test_cached_closest_surname_is_the_plain_one():
    """recognise's cached fuzzy surname match gives what names.closest_surname gives."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from timeline.actors.gazetteer import fold
    from timeline.actors.names import closest_surname
    from timeline.actors.recognise import _closest, _known_surnames, _surname_index

    known = sorted(_known_surnames())
    surnames = st.sampled_from(known) | st.text("abcdeilnorstuvyz", min_size=5, max_size=9)

    @settings(max_examples=200, deadline=None)
    @given(surnames, st.lists(st.sampled_from(known) | st.text("abeilnorsty", min_size=5, max_size=9), max_size=4))
    def check(query, people):
        index = _surname_index({p: p.title() for p in people})
        extras = [k for k in index if k not in _known_surnames()]
        for folded in (fold(query), fold(query)[:-1], fold(query) + "a", fold(query)[1:]):
            assert _closest(folded, index, extras) == closest_surname(folded, index)

    check()
