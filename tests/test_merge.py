"""Merging mentions into events, on hand-made mentions (the seed-level checks are in test_pipeline)."""

from __future__ import annotations

import dataclasses

from mentions import analysis, day, mention, span

from timeline.merge import cluster_mentions, merge
from timeline.model import EventDate

CALL = "In a phone call with Finnish President Sauli Niinisto, Putin called for immediate talks with NATO."
MACRON = "Putin reiterated the same demands in a phone call with French President Emmanuel Macron."


def test_same_call_in_four_outlets_is_one_event_with_four_sources():
    docs = [analysis(d, [mention(d, 10, "call", "meeting", day("2021-12-14"), "putin", ("niinisto",),
                                 sentence=CALL)]) for d in ("a", "b", "c", "d")]
    events = merge(docs)
    assert len(events) == 1
    assert events[0].sources == ("a", "b", "c", "d")
    assert len(events[0].mentions) == 4


def test_two_calls_same_day_same_agent_stay_apart_even_with_a_vague_mention_between():
    ms = [
        mention("a", 10, "call", "meeting", day("2021-12-14"), "putin", ("niinisto",), sentence=CALL),
        mention("a", 200, "call", "meeting", day("2021-12-14"), "putin", ("macron",), sentence=MACRON),
        # "Putin's calls reiterated ..." names no partner: compatible with both, must not glue them.
        mention("b", 50, "call", "meeting", day("2021-12-14"), "putin", (), sentence="Putin's calls reiterated."),
        mention("b", 90, "call", "meeting", day("2021-12-14"), "putin", ("niinisto",), sentence=CALL),
        mention("b", 300, "call", "meeting", day("2021-12-14"), "putin", ("macron",), sentence=MACRON),
    ]
    groups = cluster_mentions(ms)
    partners = [{a.actor for m in g for a in m.actors if a.role != "agent"} for g in groups]
    assert {"actor:niinisto"} in partners and {"actor:macron"} in partners
    assert all(len(p) <= 1 for p in partners), partners


def test_different_types_or_agents_are_not_merged():
    ms = [
        mention("a", 10, "warn", "warning", day("2021-12-13"), "ryabkov"),
        mention("b", 10, "warn", "warning", day("2021-12-13"), "biden"),
        mention("c", 10, "annex", "military", day("2021-12-13"), "ryabkov"),
    ]
    assert len(cluster_mentions(ms)) == 3


def test_dates_far_apart_are_different_events():
    ms = [mention("a", 10, "annex", "military", span("2014", "2014-01-01", "2014-12-31", "year"), "russia",
                  ("crimea",)),
          mention("b", 10, "annex", "military", day("2021-12-14"), "russia", ("crimea",))]
    assert len(cluster_mentions(ms)) == 2


def test_finer_grain_wins_and_year_mention_joins():
    sentence = "Russia annexed Crimea in 2014 after a disputed referendum."
    ms = [mention("a", 10, "annex", "military", span("2014", "2014-01-01", "2014-12-31", "year"), "russia",
                  ("crimea",), sentence=sentence),
          mention("b", 10, "annex", "military", span("2014-03", "2014-03-01", "2014-03-31", "month"), "russia",
                  ("crimea",), sentence=sentence)]
    events = merge([analysis("a", ms[:1]), analysis("b", ms[1:])])
    assert len(events) == 1
    assert events[0].value == "2014-03" and events[0].grain == "month"
    assert not events[0].conflicts


def test_outlets_disagreeing_on_the_day_keep_both_readings():
    sentence = "Deputy Foreign Minister Sergei Ryabkov warned Moscow could act militarily if talks fail."
    ms = [mention("a", 10, "warn", "warning", day("2021-12-13"), "ryabkov", sentence=sentence),
          mention("b", 10, "warn", "warning", day("2021-12-13"), "ryabkov", sentence=sentence),
          mention("c", 10, "warn", "warning", day("2021-12-12"), "ryabkov", sentence=sentence)]
    events = merge([analysis(d, [m]) for d, m in zip("abc", ms)])
    assert len(events) == 1
    assert events[0].value == "2021-12-13"
    assert [c.value for c in events[0].conflicts] == ["2021-12-12"]


def test_disagreement_without_similar_wording_is_not_merged():
    ms = [mention("a", 10, "warn", "warning", day("2021-12-13"), "ryabkov", sentence="Ryabkov warned of war."),
          mention("b", 10, "warn", "warning", day("2021-12-11"), "ryabkov",
                  sentence="Separately, the minister cautioned journalists about leaks.")]
    assert len(cluster_mentions(ms)) == 2


def test_syndicated_copies_count_once_as_independent_sources():
    ms = [mention(d, 10, "call", "meeting", day("2021-12-14"), "putin", ("niinisto",), sentence=CALL)
          for d in "abc"]
    events = merge([analysis(m.doc, [m]) for m in ms], syndication={"a": "a", "b": "a", "c": "c"})
    assert events[0].sources == ("a", "b", "c")
    assert events[0].independent_sources == 2


def test_events_come_out_in_chronological_order_with_undated_last():
    undated = EventDate(None, None, None, None)
    ms = [mention("a", 10, "say", "statement", undated, "x"),
          mention("a", 20, "say", "statement", day("2021-12-14"), "y"),
          mention("a", 30, "sign", "agreement", span("1987", "1987-01-01", "1987-12-31", "year"), "z")]
    events = merge([analysis("a", ms)])
    assert [e.value for e in events] == ["1987", "2021-12-14", None]


def test_event_ids_are_stable_and_unique():
    ms = [mention("a", i, "say", "statement", day("2021-12-14"), f"actor{i}") for i in range(20)]
    first = [e.id for e in merge([analysis("a", ms)])]
    second = [e.id for e in merge([analysis("a", list(reversed(ms)))])]
    assert first == second
    assert len(set(first)) == 20


def test_blocking_keeps_a_common_actor_near_linear():
    # 3,000 mentions of one actor on 300 different days: the merge must not compare all pairs.
    import timeline.merge as merge_module

    ms = [mention("a", i, "say", "statement", day(f"20{10 + i % 10}-0{1 + i % 9}-1{i % 10}"), "putin")
          for i in range(3000)]
    pairs = sum(1 for _ in merge_module._candidate_pairs([merge_module._features(m) for m in ms]))
    assert pairs <= 3000 * merge_module.MAX_NEIGHBOURS
    assert pairs < 3000 * 2999 / 2 / 20


def _pub(d: str, value: str) -> EventDate:
    from mentions import D

    return EventDate(value, D.fromisoformat(value), D.fromisoformat(value), "day", source="publication")


def test_publication_day_readings_are_not_conflicts_and_the_earliest_wins():
    sentence = "The US and its allies have for weeks accused Russia of planning an invasion."
    ms = [mention("a", 10, "accuse", "accusation", _pub("a", "2021-12-14"), "us", ("russia",), sentence=sentence),
          mention("b", 10, "accuse", "accusation", _pub("b", "2021-12-17"), "us", ("russia",), sentence=sentence)]
    events = merge([analysis("a", ms[:1]), analysis("b", ms[1:], published="2021-12-17")])
    assert len(events) == 1
    assert events[0].value == "2021-12-14" and not events[0].conflicts


def test_undated_mentions_merge_across_articles_of_the_same_days_only():
    undated = EventDate(None, None, None, None)
    eu = ("The EU and G7 have also met to discuss actions.", "The EU and the G-7 met in recent days.")
    a = mention("a", 10, "meet", "meeting", undated, "eu", ("g7",), sentence=eu[0])
    b = mention("b", 10, "meet", "meeting", undated, "eu", ("g7",), sentence=eu[1])
    c = mention("c", 10, "meet", "meeting", undated, "eu", ("g7",), sentence=eu[1])
    events = merge([analysis("a", [a]), analysis("b", [b], published="2021-12-15"),
                    analysis("c", [c], published="2022-03-01")])
    assert sorted(e.sources for e in events) == [("a", "b"), ("c",)]
    lone = mention("d", 10, "meet", "meeting", undated, "eu", sentence="The EU met.")
    other = mention("e", 10, "meet", "meeting", undated, "eu", sentence="Ministers gathered in Brussels.")
    assert len(merge([analysis("d", [lone]), analysis("e", [other])])) == 2


def test_one_agent_doing_different_things_on_one_day_stays_apart():
    ms = [mention("a", 10, "say", "statement", day("2021-12-14"), "putin",
                  sentence="Putin said he wants immediate talks with NATO."),
          mention("a", 90, "deny", "denial", day("2021-12-14"), "putin",
                  sentence="The Russian leader denies planning an invasion."),
          mention("a", 160, "reiterate", "statement", day("2021-12-14"), "putin",
                  sentence="Putin reiterated the same demands later on Tuesday."),
          mention("b", 10, "vow", "warning", span("2021-W51", "2021-12-20", "2021-12-26", "week"), "putin",
                  sentence="Putin vowed appropriate retaliatory steps."),
          mention("b", 90, "warn", "warning", day("2021-12-23"), "putin",
                  sentence="He also warned the discussion must produce quick results.")]
    assert len(cluster_mentions(ms)) == 5


def test_the_same_act_reported_in_other_words_by_other_outlets_merges():
    ms = [mention("a", 10, "warn", "warning", day("2021-12-13"), "ryabkov",
                  sentence="Ryabkov warned Moscow could act militarily."),
          mention("b", 10, "say", "warning", day("2021-12-13"), "ryabkov",
                  sentence="Ryabkov said Russia may be forced to deploy missiles in Europe."),
          mention("c", 10, "respond", "statement", day("2021-12-23"), "psaki",
                  sentence="Psaki responded to the comments made by Putin."),
          mention("c", 90, "respond", "statement", day("2021-12-23"), "psaki",
                  sentence="Psaki responded that Washington is willing to discuss the proposals.")]
    groups = cluster_mentions(ms)
    assert sorted(len(g) for g in groups) == [2, 2]


def test_a_syndicated_copy_does_not_glue_two_events_of_its_article():
    said = mention("a", 10, "say", "statement", day("2021-12-14"), "putin", sentence="Putin said talks must start.")
    denied = mention("a", 90, "say", "statement", day("2021-12-14"), "putin", sentence="Putin said he denies it.")
    copies = [mention("b", m.start, m.predicate, m.type, m.date, "putin", sentence=m.sentence) for m in (said, denied)]
    docs = [analysis("a", [said, denied]), analysis("b", copies)]
    # Taken as two articles, a's first statement and b's second (a copy of a's) look like one event
    # told in two outlets; known as copies, they are held to one article's standard.
    events = merge(docs, syndication={"a": "a", "b": "a"})
    assert [len(e.sources) for e in events] == [2, 2]
    assert [e.independent_sources for e in events] == [1, 1]


def test_copies_of_an_article_add_sources_not_events():
    """The 2x/4x benchmark corpus in miniature: every event of a copy lands on its original's node."""
    from timeline.model import ActorMention

    undated = EventDate(None, None, None, None)
    original = [
        mention("a", 10, "say", "statement", day("2021-12-14"), "taiwan", sentence="A spokesman said Tuesday."),
        mention("a", 90, "talks", "meeting", undated, "fino", ("pangalos",), sentence="Fino held talks."),
        dataclasses.replace(mention("a", 160, "sign", "agreement", day("2021-12-13"), "x",
                                    sentence="An accord was signed on Monday in Khartoum."), actors=()),
    ]
    original[0] = dataclasses.replace(original[0], content=".")
    copy = [dataclasses.replace(m, id=f"b:{m.start}", doc="b",
                                actors=tuple(dataclasses.replace(x, doc="b") for x in m.actors))
            for m in original]
    assert all(isinstance(x, ActorMention) for m in copy for x in m.actors)
    events = merge([analysis("a", original), analysis("b", copy)], syndication={"a": "a", "b": "a"})
    assert len(events) == 3
    assert all(e.sources == ("a", "b") and e.independent_sources == 1 for e in events)


def test_a_day_taken_from_the_article_date_is_a_bound_not_a_disagreement():
    ms = [mention("a", 10, "deny", "denial", _pub("a", "2021-12-14"), "russia",
                  sentence="Moscow denies such accusations, claiming its stance is purely defensive."),
          mention("b", 10, "deny", "denial", _pub("b", "2021-12-17"), "russia",
                  sentence="Moscow denies Western accusations of its plan to invade Ukraine.")]
    events = merge([analysis("a", ms[:1]), analysis("b", ms[1:], published="2021-12-17")])
    assert len(events) == 1 and events[0].value == "2021-12-14" and not events[0].conflicts
    far = [ms[0], dataclasses.replace(ms[1], date=_pub("b", "2021-12-20"))]
    assert len(merge([analysis("a", far[:1]), analysis("b", far[1:], published="2021-12-20")])) == 2


def test_outlets_wording_one_statement_differently_still_merge():
    ms = [mention("a", 10, "call", "appeal", day("2021-12-14"), "putin",
                  sentence='Putin called for "immediate" negotiations with NATO and the US.'),
          mention("b", 10, "say", "statement", day("2021-12-14"), "putin",
                  sentence='Putin said he wants "immediate" talks with the U.S. and NATO over security guarantees.')]
    ms = [dataclasses.replace(ms[0], content='"immediate" negotiations with NATO and the US.'),
          dataclasses.replace(ms[1], content='he wants "immediate" talks with the U.S. and NATO over security '
                                            'guarantees')]
    assert len(cluster_mentions(ms)) == 1


def test_said_alone_does_not_make_two_outlets_statements_one():
    ms = [mention("a", 10, "say", "statement", day("2021-12-14"), "putin",
                  sentence="Putin said the West was to blame for the tensions."),
          mention("b", 10, "say", "statement", day("2021-12-14"), "putin",
                  sentence="Putin said a new arsenal of hypersonic missiles was ready.")]
    assert len(cluster_mentions(ms)) == 2


def _before(iso: str) -> EventDate:
    """What a perfect with no date gets: on or before the article's day ("The EU and G7 have met")."""
    return EventDate(None, None, day(iso).latest, None, mod="BEFORE", source="publication")


MET = "The EU and G7 have also met to discuss actions to be taken in the event of Russian aggression."


def test_a_publication_day_and_an_earlier_cue_combine_to_on_or_before_the_first_day():
    accused = "The West has accused the Kremlin of backing separatists since 2014."
    pub_day = dataclasses.replace(day("2021-12-14"), source="publication")
    docs = [analysis("a", [mention("a", 10, "accuse", "accusation", pub_day, "west", ("russia",),
                                   sentence=accused)]),
            analysis("b", [mention("b", 10, "accuse", "accusation", _before("2021-12-16"), "west", ("russia",),
                                   sentence=accused)], published="2021-12-16")]
    events = merge(docs)
    assert len(events) == 1
    assert (events[0].value, events[0].latest, events[0].mod) == (None, day("2021-12-14").latest, "BEFORE")


def test_a_vague_reading_is_never_a_date_far_from_a_dated_one():
    docs = [analysis("a", [mention("a", 10, "meet", "meeting", _before("2021-12-14"), "eu", sentence=MET)]),
            analysis("b", [mention("b", 10, "meet", "meeting", day("2021-12-20"), "eu", sentence=MET)],
                     published="2021-12-21")]
    assert len(merge(docs)) == 2
