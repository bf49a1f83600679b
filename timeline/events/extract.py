"""``extract(article, timexes) -> DocumentAnalysis``: event mentions with actors, dates, modality.

Per sentence: find triggers (:mod:`triggers`), drop those inside quotations or inside what an
earlier reporting verb reports (:mod:`speech`), find roles (:mod:`roles`), modality
(:mod:`modality`); then date every candidate (:mod:`dating`) and label it (:mod:`labels`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from operator import attrgetter, itemgetter

from timeline.actors.gazetteer import actor_id
from timeline.actors.names import Found, Tokens, bits_of, tokenize_spans
from timeline.actors.recognise import Recognised, recognise
from timeline.actors.tables import MONTHS_AND_DAYS, NOT_NAMES
from timeline.events import dating, folding, roles
from timeline.events.labels import label, topic_of
from timeline.events.modality import future_is_planned, modality
from timeline.events.sentences import Sentence, split_sentences
from timeline.events.speech import clause_end, content_span, inside, is_circumstance, quote_spans
from timeline.events.triggers import NOUN, Hit, find_triggers, lead_offsets
from timeline.model import ActorMention, Article, DocumentAnalysis, EventDate, EventMention, Timex
from timeline.words import PerWord, bits_and_leads

# -s forms that are as often plural nouns ("security demands"): a verb only after a subject-like word.
AMBIGUOUS_S = frozenset("demands attacks visits comments signs exits claims warns talks".split())
SUBJECT_LIKE = frozenset("who which that also it he she they and now again still often repeatedly".split())
# A bare verb ("attack", "meet") is a verb only after a modal, "to", a negation or a subject.
BASE_AFTER = frozenset("will would could can may might must shall should to not n't did does do never also and "
                       "they we i you ’ll 'll".split())
IRREGULAR_PAST = frozenset("said told met spoke sent fought quit found withdrew held struck began led took".split())
DETERMINERS = frozenset("the a an its his her their our my your this these those same new ’s 's".split())
COMPLEMENT_VERB = re.compile(
    r"^\s+(?:could|would|will|was|is|has|had|must|should|may|might|can|wants?|wanted|needs?|were|are)\b"
)
NOUN_THAT = re.compile(r"^\s*(?:\w+\s+){0,2}that\b|^\s*:", re.IGNORECASE)
NO_DATE = EventDate(None, None, None, None)  # (frozen: one value shared by every undated event)
AGENT_WINDOW = 6  # sentences over which an actor's last dated event dates its next past-tense one
QUESTION = re.compile(r"\?[\"”’')\]]*\s*$")
# ", warning of ...", ", saying ...": reported content without an event of its own
PARTICIPLE_SPEECH = re.compile(r",\s+(?:warning|saying|claiming|accusing|blaming|insisting|arguing|adding|"
                               r"calling|demanding|threatening|urging)\b", re.IGNORECASE)
PLACE = re.compile(r"\b(?:in|at)\s+([A-Z][\w-]+)")
WORD_AT = re.compile(r"\w+")
_LAST_WORD_REVERSED = re.compile(r"\s*([\w’']+)")


def _last_word(text: str, start: int, end: int) -> str | None:
    """The last word of ``text[start:end]`` (a run of word characters and apostrophes, then only
    whitespace), read from the end: a search from the start would try every place."""
    m = _LAST_WORD_REVERSED.match(text[start:end][::-1])
    return m.group(1)[::-1] if m else None
TALKS_HELD = re.compile(r"\b(?:hold|holds|held|holding|began|begin|opened|open|resumed|after|during|in|at)\s+"
                        r"(?:\w+\s+){0,2}$", re.IGNORECASE)
ENDS_WITH_TO = re.compile(r"(?:with|to)$")
ENDS_WITH_ON = re.compile(r"(?:on|upon)$")
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:])")


@dataclass(slots=True)
class Candidate:
    hit: Hit
    sentence: Sentence
    agents: list[Found]
    objects: list[Found] = field(default_factory=list)
    object_role: str = "patient"
    content: tuple[int, int] | None = None
    circumstance: bool = False
    start: int = 0
    modality: str = "asserted"
    date: EventDate | None = None

    @property
    def id_start(self) -> int:
        return self.start or self.hit.start


# "after annexing it": an -ing form after these opens a clause whose subject is the main clause's.
GERUND_LEADS = frozenset("after before since while by upon without".split())
_WHICH = re.compile(r"(?:,|\u2014|\u2013)\s+(?:who|which)\b")


def _gerund_agent(text: str, found: list, sentence_start: int, position: int) -> list:
    """The subject of "…, which controls X after annexing it": the antecedent of the last who/which,
    else the first actor of the sentence."""
    clauses = list(_WHICH.finditer(text, sentence_start, position))
    if clauses:
        comma = clauses[-1].start()
        before = [f for f in found if sentence_start <= f.start and f.end <= comma and not text[f.end:comma].strip()]
        return before[-1:]
    first = [f for f in found if sentence_start <= f.start < position and not f.possessive]
    return first[:1]


def _reading(text: str, sentence_start: int, position: int) -> tuple[bool, bool]:
    """(noun use, gerund clause) of a verb trigger at ``position``, from the word before it and its own word.
    Noun use: "Russia's demands", "the talks": a determiner or a possessive makes a verb form a noun.
    Gerund clause: "after annexing it": an -ing form after a GERUND_LEADS word, whose subject is the
    main clause's."""
    last = _last_word(text, max(sentence_start, position - 20), position)
    trigger = WORD_AT.match(text, position)
    first = trigger.group().lower() if trigger else ""
    if last is None:
        return False, False
    word = last.lower()
    if first.endswith("ing") and word in GERUND_LEADS:
        return False, True
    if word in DETERMINERS or word.endswith(("’s", "'s", "s’", "s'")):
        return True, False
    if first in AMBIGUOUS_S and last[0].islower():
        return word not in SUBJECT_LIKE and not word.endswith("ly"), False
    if first and not first.endswith(("s", "ed")) and first not in IRREGULAR_PAST:  # a bare form
        return not (word in BASE_AFTER or last[0].isupper() or word.endswith("n't")), False
    return False, False


def _talks_are_event(text: str, sentence_start: int, hit: Hit) -> bool:
    """Talks are an event when held, opened, or the sentence's subject; not when demanded."""
    before = text[max(sentence_start, hit.start - 30) : hit.start]
    if hit.start - sentence_start <= 4:
        return True
    return bool(TALKS_HELD.search(before))


def _object(text: str, found: list[Found], hit: Hit, end: int, quotes) -> Found | None:
    obj = roles.first_object(text, found, hit.end, end, quotes)
    if obj is not None and hit.row.reporting and COMPLEMENT_VERB.match(text[obj.end : obj.end + 12]):
        return None  # "warned Moscow could act": the complement's subject, not the one warned
    return obj


def _candidates(
    text: str, sent: Sentence, found: list[Found], people_before: list[Found], quotes: list[tuple[int, int]],
    hits: list[Hit],
) -> list[Candidate]:
    """``quotes``: the sentence's :func:`quote_spans`; ``hits``: its :func:`find_triggers`."""
    s, e = sent.start, sent.end
    if not hits or QUESTION.search(text, s, e):
        return []  # "Will Russia attack Ukraine?": a question reports no event
    contents = [(m.end(), clause_end(text, m.end(), e)) for m in PARTICIPLE_SPEECH.finditer(text, s, e)] if (
        PARTICIPLE_SPEECH.search(text, s, e)) else []  # (most sentences have none: no list to build)
    out: list[Candidate] = []
    for hit in hits:
        row = hit.row
        if quotes and inside(hit.start, quotes):  # (most sentences quote nothing: no call)
            continue
        gerund = False
        if row.pos != NOUN:
            noun_use, gerund = _reading(text, s, hit.start)
            if noun_use and row.name != "call":
                continue
        if row.name == "talks" and not _talks_are_event(text, s, hit):
            continue
        circ = row.pos == NOUN and row.type == "meeting" and is_circumstance(text, s, hit.start)
        if not circ and contents and inside(hit.start, contents):
            continue
        if row.pos == NOUN:
            agents = roles.noun_agent(text, found, hit.start, hit.end, s, e)
            if not agents and not circ:
                agents = roles.verb_agent(text, found, hit.start, s, quotes, people_before)
        elif gerund:
            agents = _gerund_agent(text, found, s, hit.start)
        else:
            agents = roles.verb_agent(text, found, hit.start, s, quotes, people_before)
            if not agents and row.reporting:
                agents = roles.inverted_agent(text, found, hit.end, e)
        cand = Candidate(hit, sent, agents, circumstance=circ)
        extra: list[Candidate] = []
        if row.object == "participant":
            groups = roles.participants(text, found, hit.end, e, quotes)
            if row.pos != NOUN and not ENDS_WITH_TO.search(text[hit.start : hit.end]):
                direct = roles.first_object(text, found, hit.end, e, quotes)  # "met Macron in Paris"
                if direct is not None and not any(direct in g for g in groups):
                    groups = [[direct], *groups]
            cand.object_role = "participant"
            if groups:
                cand.objects = groups[0]
                for group in groups[1:]:
                    extra.append(Candidate(hit, sent, agents, group, "participant", circumstance=circ,
                                           start=group[0].start))
        elif row.object:
            obj = _object(text, found, hit, e, quotes)
            if obj is None and row.name == "sanction":  # "imposed sanctions on Belarus"
                obj = roles.first_object(text, found, hit.end, e, quotes, lead=r"\s*(?:on|against)\s+")
            cand.object_role = row.object
            cand.objects = [obj] if obj else []
        # a reporting trigger without a speaker is dropped (_keep): its content matters only to the
        # triggers after it in the sentence (they may be inside it)
        if row.reporting and (agents or hit is not hits[-1]):
            after = cand.objects[-1].end if cand.objects else hit.end
            if row.pos != NOUN or NOUN_THAT.match(text[hit.end : e]) or any(q[1] <= hit.start for q in quotes):
                cand.content = content_span(text, (s, e), (hit.start, hit.end), after, quotes)
                if row.pos == NOUN and cand.content and cand.content[0] > hit.start and not NOUN_THAT.match(
                    text[hit.end : e]
                ):
                    cand.content = None
            if cand.content:
                contents.append(cand.content)
        out.extend([cand, *extra])  # modality: set on the kept ones, see extract
    return _settings(out)


def _nothing_kept(text: str, sent: Sentence, hits: list[Hit], people_before: list[Found]) -> bool:
    """Does :func:`_candidates` keep (by :func:`_keep`) none of ``hits`` in a sentence that names no
    actor?  Without one, no trigger has an object and only a he/she after a person named before can be
    an agent (roles.verb_agent): unless the sentence has one, only a meeting opening the sentence is
    kept.  (Most such sentences: no candidates, no quotations to find.)"""
    if people_before and "he" in text[sent.start : sent.end].lower():  # verb_agent's pronoun guard
        return False
    s = sent.start
    for hit in hits:
        if hit.start - s <= 4 and hit.row.type == "meeting":
            return False
    return True


def _settings(cands: list[Candidate]) -> list[Candidate]:
    """A setting ("in a phone call with Macron") takes the main clause's agent; without a partner
    it is no event of its own."""
    if not any(c.circumstance for c in cands):  # most sentences: nothing to do
        return cands
    mains = [c for c in cands if not c.circumstance]
    kept = []
    for c in cands:
        if c.circumstance:
            main = min(mains, key=lambda m: abs(m.hit.start - c.hit.start), default=None)
            if main is not None and not c.agents:
                c.agents = main.agents
        kept.append(c)
    return kept


def _keep(text: str, c: Candidate) -> bool:
    if c.circumstance and not c.objects:
        return False
    if c.hit.row.reporting and not c.agents:
        return False  # "told RIA Novosti" with no speaker found: no event rather than "Someone"
    if c.agents or c.objects:
        return True
    # "Talks to de-escalate tensions are set to take place in Geneva next year."
    return c.hit.row.type == "meeting" and c.hit.start - c.sentence.start <= 4


def _date_sentence(text: str, cands: list[Candidate], timexes: list[Timex]) -> None:
    if not timexes and all(c.date is None for c in cands):  # nothing to assign or to share: no change
        return
    for c in cands:  # "told Baerbock Tuesday of ...": a date right after the object is not reported
        if c.content:
            lead = [t for t in timexes if c.content[0] <= t.start <= c.content[0] + 4]
            if lead:
                c.content = (lead[-1].end, c.content[1])
    start = cands[0].sentence.start if cands else 0
    assigned = dating.assign(timexes, [(c.hit.start, c.hit.end, c.content) for c in cands], text, start)
    for i, c in enumerate(cands):
        if i in assigned:
            c.date = dating.from_timex(assigned[i])
    # settings and their main clause share a date both ways
    for c in cands:
        if c.circumstance:
            mains = [m for m in cands if not m.circumstance]
            main = min(mains, key=lambda m: abs(m.hit.start - c.hit.start), default=None)
            if main is None:
                continue
            if c.date and not main.date:
                main.date = c.date
            elif main.date and not c.date:
                c.date = main.date
    # split-off meeting groups share their trigger's date
    for c in cands:
        if c.date is None:
            twin = next((o for o in cands if o.hit is c.hit and o.date), None)
            if twin:
                c.date = twin.date


def _share_settings(cands: list[Candidate]) -> None:
    mains = [m for m in cands if not m.circumstance and m.date and m.date.value]
    for c in cands:
        if c.circumstance and (c.date is None or c.date.source in ("none", "publication")) and mains:
            main = min(mains, key=lambda m: abs(m.hit.start - c.hit.start))
            c.date = main.date


def _fallback(
    text: str, c: Candidate, article: Article, last: dict[int, EventDate], same_agent: EventDate | None
) -> EventDate:
    """Dates for a candidate without a date expression of its own (see :mod:`dating`, 3 and 4).
    (The cues are read only where they decide: an event not asserted has no date here, and the
    perfect is asked last, only when there is a date to inherit.)"""
    if c.modality != "asserted":
        return NO_DATE
    before = text[c.sentence.start : c.hit.start]
    earlier = bool(folding.search(dating.EARLIER_FOLDED, before))
    inherited = last.get(c.sentence.paragraph, same_agent)
    if inherited is not None and not earlier and dating.is_past(text[c.hit.start : c.hit.end]) and not (
            folding.search(dating.PERFECT_FOLDED, before)):
        return inherited
    if c.hit.row.reporting:
        return dating.publication(article.published, before=earlier)
    return NO_DATE


def _shift_dates(text: str, cands: list[Candidate], doc: str) -> None:
    for a, b in pairwise(cands):
        days = dating.shift_between(text, a.hit.end, b.hit.start)
        if days is None or a.date is None or b.date is None:
            continue
        if b.date.source != "timex" and a.date.value:
            b.date = dating.shift(a.date, -days, f"{doc}:{a.id_start}")
        elif a.date.source != "timex" and b.date.source == "timex":
            a.date = dating.shift(b.date, days, f"{doc}:{b.id_start}")


def _start(t: Timex) -> int:
    return t.start


def _without_dates(text: str, span: tuple[int, int], timexes: list[Timex]) -> str:
    """The text of ``span`` with its date expressions left out: a label does not repeat the date."""
    pieces, at = [], span[0]
    for t in sorted(timexes, key=_start) if len(timexes) > 1 else timexes:
        if span[0] <= t.start and t.end <= span[1]:
            pieces.append(text[at : t.start])
            at = t.end
    pieces.append(text[at : span[1]])
    # SPACE_BEFORE_PUNCTUATION.sub(r"\1", ...) of text whose only whitespace is single spaces
    single = " ".join(" ".join(pieces).split())
    return single.replace(" ,", ",").replace(" .", ".").replace(" ;", ";").replace(" :", ":").strip()


def _place(text: str, c: Candidate, found: list[Found]) -> str | None:
    """Where a meeting took place: a city named as a location in its sentence, else "in/at X" after it."""
    place = next((f.key for f in found if f.locative and f.category == "city"), None)
    if place is None:
        m = PLACE.search(text, c.hit.end, c.sentence.end)
        if m and m.group(1) not in NOT_NAMES and m.group(1).lower() not in MONTHS_AND_DAYS:
            place = m.group(1)
    return place


def _mention(
    article: Article, c: Candidate, rec: Recognised, found: list[Found], timexes: list[Timex]
) -> EventMention:
    text, doc = article.text, article.id
    hit, sent = c.hit, c.sentence
    row = hit.row
    by_id = rec.actors
    actors: list[ActorMention] = []
    agents, others = [], []  # the known actors among them, for the label
    for f in c.agents:
        i = actor_id(f.key)
        actors.append(_actor_mention(doc, f.start, f.end, f.text, i, "agent"))
        if i in by_id:
            agents.append(by_id[i])
    for f in c.objects:
        i = actor_id(f.key)
        actors.append(_actor_mention(doc, f.start, f.end, f.text, i, c.object_role))
        if i in by_id:
            others.append(by_id[i])
    content = text[c.content[0] : c.content[1]].strip() if c.content else None
    type_override, topic = topic_of(content) if content else (None, None)
    type_ = type_override if (type_override and row.type == "statement") else row.type
    # a label reads the place only for a meeting, and what follows the trigger only for other events
    place = _place(text, c, found) if type_ == "meeting" else None
    rest = None
    if type_ != "meeting":
        after = c.objects[-1].end if c.objects and c.objects[-1].start >= hit.end else hit.end
        span = c.content or (after, min(sent.end, after + 100))
        if row.pos == NOUN and row.name != "use":
            span = c.content if row.reporting else None
        rest = _without_dates(text, span, timexes) if span else None
    say = row.say
    if row.name == "expect":
        say = " ".join(text[hit.start : hit.end].split())
    if row.name == "call":
        say = "calls on" if ENDS_WITH_ON.search(text[hit.start : hit.end]) else "calls for"
    assert c.date is not None
    mod = future_is_planned(c.modality, c.date.earliest, article.published)
    return _event_mention(
        f"{doc}:{c.start or hit.start}", doc, hit.start, hit.end, row.name, type_, mod, c.date, tuple(actors),
        sent.start, sent.end, text[sent.start : sent.end], content,
        label(row.name, type_, say, agents, others, rest, topic, place),
    )


def _event_mention(
    id: str, doc: str, start: int, end: int, predicate: str, type: str, modality: str, date: EventDate,  # noqa: A002
    actors: tuple[ActorMention, ...], sentence_start: int, sentence_end: int, sentence: str, content: str | None,
    label: str,
) -> EventMention:
    """``EventMention(...)`` of every field in order, set at once (see :func:`_actor_mention`; tested)."""
    ev = _new(EventMention)
    fields = ev.__dict__
    fields["id"] = id
    fields["doc"] = doc
    fields["start"] = start
    fields["end"] = end
    fields["predicate"] = predicate
    fields["type"] = type
    fields["modality"] = modality
    fields["date"] = date
    fields["actors"] = actors
    fields["sentence_start"] = sentence_start
    fields["sentence_end"] = sentence_end
    fields["sentence"] = sentence
    fields["content"] = content
    fields["label"] = label
    return ev


# word -> (its actor word bits, its trigger lead offsets): one look-up per word serves both stages
_WORDS = PerWord(bits_of, lead_offsets, bits_and_leads)


def _per_word(tokens: list[Tokens]) -> tuple[list[list[int]], list[list[tuple[int, ...]]]]:
    """Each sentence's word bits (names.word_bits) and its words' :func:`lead_offsets`, a word looked up once."""
    columns = _WORDS.columns
    bits, offsets = [], []
    for toks in tokens:
        b, o = columns(toks.words)
        bits.append(b)
        offsets.append(o)
    return bits, offsets


def _spaced(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with its runs of whitespace as single spaces, stripped."""
    return " ".join(text[start:end].split())


def _first_reading(text: str, start: int, end: int, words: list[str],
                   seen: dict[tuple[str, ...], list[tuple[int, int]]]) -> bool:
    """Is the sentence ``text[start:end]`` (``words``: its tokens) read for the first time: did no
    sentence before it have the same :func:`_spaced` text?  ``seen``: the sentences read so far, by
    their tokens (updated).  Sentences with the same spaced text have the same tokens (a token never
    holds whitespace, and any whitespace is a non-word character to the token pattern), so only a
    sentence whose tokens came before is compared by its text (most sentences have tokens of their
    own: no text to rebuild)."""
    key = tuple(words)
    same = seen.get(key)
    if same is None:
        seen[key] = [(start, end)]
        return True
    spaced = _spaced(text, start, end)
    if any(_spaced(text, s, e) == spaced for s, e in same):
        return False
    same.append((start, end))
    return True


_SPAN, _START, _ID = itemgetter(0, 1), attrgetter("start"), attrgetter("id")


def extract(article: Article, timexes: Sequence[Timex]) -> DocumentAnalysis:
    """Event mentions (with actors, dates, modality, labels) and actors of one article."""
    text = article.text
    sentences = split_sentences(article)
    spans = list(map(_SPAN, sentences))  # (start, end) of each
    tokenized = tokenize_spans(text, spans)
    bits, offsets = _per_word(tokenized)
    rec = recognise(text, spans, tokenized, bits)
    ordered = sorted(timexes, key=_START)
    timex_starts = list(map(_START, ordered))
    seen: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    people_before: list[Found] = []
    last_dated: dict[int, EventDate] = {}
    by_agent: dict[str, tuple[int, EventDate]] = {}  # actor -> (sentence index, its last day-dated event)
    events: list[EventMention] = []
    for index, (sent, found_t, tokens, offs) in enumerate(zip(sentences, rec.mentions, rec.tokens, offsets)):
        persons = [f for f in found_t if f.category == "person"] if found_t else []
        hits: list[Hit] = []  # triggers, in a sentence read for the first time
        if sent.terminated and _first_reading(text, sent.start, sent.end, tokens.words, seen):
            hits = find_triggers(text, sent.start, sent.end, tokens, offs)
            if hits and not found_t and _nothing_kept(text, sent, hits, people_before):
                hits = []
        quotes = quote_spans(text, sent.start, sent.end) if persons or hits else []
        if quotes:  # the persons named outside quotations
            persons = [f for f in persons if not inside(f.start, quotes)]
        cands = []
        if hits:
            found = list(found_t)
            cands = [c for c in _candidates(text, sent, found, people_before + persons, quotes, hits)
                     if _keep(text, c)]
            for c in cands:  # a pure function of the trigger's place: twins of one trigger share it
                c.modality = modality(text, sent.start, c.hit.start, c.hit.end, sent.end)
        if cands:
            in_sentence = ordered[bisect_left(timex_starts, sent.start) : bisect_left(timex_starts, sent.end)]
            _date_sentence(text, cands, in_sentence)
            for c in cands:
                if c.date is None:
                    recent = [by_agent[f.key] for f in c.agents if f.key in by_agent] if by_agent else []
                    recent = [d for i, d in recent if index - i <= AGENT_WINDOW] if recent else []
                    c.date = _fallback(text, c, article, last_dated, recent[0] if recent else None)
                past = c.date.earliest and (article.published is None or c.date.earliest <= article.published)
                if c.date.source == "timex" and c.modality == "asserted" and past:
                    last_dated[sent.paragraph] = c.date
            if len(cands) > 1:  # (a setting shares a main clause's date; a shift pairs two events)
                _share_settings(cands)
            cands = [c for c in cands if c.agents or c.objects or (c.date and c.date.source == "timex")]
            if len(cands) > 1:
                _shift_dates(text, cands, article.id)
            for c in cands:
                if c.date and c.date.source in ("timex", "event") and c.date.grain == "day" and (
                        c.modality == "asserted"):
                    by_agent.update({f.key: (index, c.date) for f in c.agents})
            events.extend(_mention(article, c, rec, found, in_sentence) for c in cands)
        people_before += persons
    return DocumentAnalysis(
        article=article,
        timexes=tuple(timexes),
        mentions=tuple(_unique(events)),
        actor_mentions=_actor_mentions(article, rec, events),
        actors=tuple(sorted(rec.actors.values(), key=_ID)),
    )


def _unique(events: list[EventMention]) -> list[EventMention]:
    """One mention per id; a meeting told twice in one article ("Following the phone call with
    the Finnish President") is kept once."""
    seen: set = set()
    out = []
    for ev in events:
        meeting = (ev.type, ev.predicate, frozenset(a.actor for a in ev.actors), ev.date.value)
        if ev.id in seen or (ev.type == "meeting" and meeting in seen):
            continue
        seen.add(ev.id)
        seen.add(meeting)
        out.append(ev)
    return out


def _actor_mentions(article: Article, rec: Recognised, events: list[EventMention]) -> tuple[ActorMention, ...]:
    doc = article.id
    by_span: dict[tuple[int, int], ActorMention] = {}
    for ev in events:
        for am in ev.actors:
            by_span.setdefault((am.start, am.end), am)
    for found in rec.mentions:
        for f in found:
            span = f[:2]  # (start, end)
            if span not in by_span:  # (not setdefault: it would build the mention first)
                by_span[span] = _actor_mention(doc, f.start, f.end, f.text, actor_id(f.key), "participant")
    return tuple(map(by_span.__getitem__, sorted(by_span)))


_new = object.__new__


def _actor_mention(doc: str, start: int, end: int, text: str, actor: str, role: str) -> ActorMention:
    """``ActorMention(doc, start, end, text, actor, role)``: the same frozen value, its fields set at
    once instead of by the dataclass's __init__ (one object.__setattr__ call per field: half the
    cost of a mention; an article makes a dozen).  Tested equal to the constructor's, field by field."""
    am = _new(ActorMention)
    fields = am.__dict__
    fields["doc"] = doc
    fields["start"] = start
    fields["end"] = end
    fields["text"] = text
    fields["actor"] = actor
    fields["role"] = role
    return am
