"""Builders of hand-made articles and event mentions for the merge, link and graph tests."""

from __future__ import annotations

import datetime as dt

from timeline.model import ActorMention, Article, DocumentAnalysis, EventDate, EventMention

D = dt.date


def day(iso: str) -> EventDate:
    d = D.fromisoformat(iso)
    return EventDate(iso, d, d, "day", source="timex")


def span(value: str, earliest: str, latest: str, grain: str) -> EventDate:
    return EventDate(value, D.fromisoformat(earliest), D.fromisoformat(latest), grain, source="timex")


def mention(doc: str, start: int, predicate: str, type_: str, date: EventDate, agent: str,
            others: tuple[str, ...] = (), sentence: str = "", label: str = "", modality: str = "asserted",
            sentence_start: int = 0, anchor: str | None = None) -> EventMention:
    actors = [ActorMention(doc, start, start + 1, agent, f"actor:{agent}", "agent")]
    actors += [ActorMention(doc, start + 2, start + 3, o, f"actor:{o}", "patient") for o in others]
    return EventMention(
        id=f"{doc}:{start}", doc=doc, start=start, end=start + len(predicate), predicate=predicate, type=type_,
        modality=modality, date=date, actors=tuple(actors), sentence_start=sentence_start,
        sentence_end=sentence_start + len(sentence), sentence=sentence,
        label=label or f"{agent} {predicate}",
    )


def analysis(doc: str, mentions: list[EventMention], text: str = "", published: str = "2021-12-14",
             actor_mentions: tuple[ActorMention, ...] = ()) -> DocumentAnalysis:
    article = Article(id=doc, text=text or "x" * 2000, published=D.fromisoformat(published),
                      published_from="text", source=f"outlet-{doc}")
    return DocumentAnalysis(article=article, mentions=tuple(mentions), actor_mentions=actor_mentions)
