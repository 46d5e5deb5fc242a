"""Events: a cue (a verb or noun of the language's events.tsv) with its PLOVER type, and the states, people, date,
place and topics of its sentence — coded by the conventions in the shared eval README.

- Strong cues (verbs) make an event; weak cues (nouns: "talks", "sanctions") only with support nearby: a date or
  place in the sentence, an occurrence verb (held, عُقد, состоялся), or the headline.
- Markers change a cue: a counterfactual ("would have", "если бы") or a hope drops it; negation drops it,
  before a verb or on a noun's own predicate ("the talks did not take place"), and makes a refused act to come
  REJECT ("will never disarm", "disarmament won't come"); an announced future act or a hypothetical makes
  cooperation AGREE and force or coercion THREATEN (the README's conventions for intent and threats).
- Participants are the states acting in the sentence: named, by adjective or demonym, by seat or capital used for
  the government, through their officials, state bodies or bilateral committees — not states that are only a
  subject ("the situation in Afghanistan"), the place of the event, or the source of the report.
- Reports of one event in one article (same type and states, compatible dates) are one event with many mentions;
  a cue with no state of its own joins the latest event of its type.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ontology import refdata

from ..model import Event, Organization
from .dates import parse_iso
from .doc import Doc, Sent
from .entities import EntMention, city_of_state, phrase_before, token_classes, token_in
from .gazetteer import EXACT
from .people import PersonMention

PLOVER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
FORCE = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}
VERBAL = {"REJECT", "THREATEN", "ACCUSE", "REQUEST", "AGREE", "PROTEST"}
SPEECH = VERBAL - {"PROTEST"}      # acts done by saying
MILITARY_PORTFOLIOS = {"defence", "security", "intelligence"}
REFUSABLE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}   # a "will not" of them refuses
ON_PLACE = {"ASSAULT", "COERCE", "AID", "PROTEST", "MOBILIZE", "RETREAT"}   # the place's state takes part


def _markers(sent: Sent, kind: str) -> list[int]:
    by_kind = sent.markers
    if by_kind is None:          # the starts of the sentence's cues by each type they have, gathered once
        by_kind = sent.markers = {}
        for m in sent.cues:
            for value in {e.value for e in m.entries}:
                by_kind.setdefault(value, []).append(m.start)
    return list(by_kind.get(kind, ()))


def _flagged(sent: Sent, start: int, kind: str, flag: str) -> bool:
    """Whether the cue of type ``kind`` starting at ``start`` carries ``flag`` (events.tsv's flags column)."""
    return any(e.value == kind and flag in e.data[2] for m in sent.cues if m.start == start for e in m.entries)


def _near_before(positions: list[int], i: int, window: int, sent: Sent) -> bool:
    for p in positions:
        if i - window <= p < i and not any(sent.tokens[t].text in {",", "،", ";", ":"} for t in range(p, i)):
            return True
    return False


def _near_after(positions: list[int], i: int, window: int, sent: Sent) -> bool:
    """A marker just after the cue, in the same clause ("talks next week", "زيارة ... الأسبوع المقبل")."""
    for p in positions:
        if i <= p < i + window and not any(sent.tokens[t].text in {",", "،", ";", ":"} for t in range(i, p)):
            return True
    return False


def find(doc: Doc, ents: list[EntMention], people: list[PersonMention], orgs: list[Organization]) -> list[Event]:
    events: list[Event] = []
    both_sides: list[Event] = []     # acts of "the two sides", "الجانبان", "обе стороны": no state named
    discussed: list[str] = []        # topics of the sentences that say what was discussed
    context_date = None
    last_day = None                  # the day the text last named, in any paragraph
    for sent in doc.sents:
        if _paragraph_start(doc, sent):
            context_date = None
        if last_day and any(d.kind == "same" for d in sent.dates):
            # "On the same day, Japan lifted ...", "the next day"
            sent.dates = [replace(d, value=_days_after(last_day, d.offset)) if d.kind == "same" else d
                          for d in sent.dates]
        last_day = next((d.value for d in reversed(sent.dates) if d.value and len(d.value) == 10), last_day)
        reported = _reported_from(doc, sent)
        clauses = _clauses(doc, sent) if sent.dates else None
        relative = _relative_clauses(doc, sent, clauses) if sent.dates else []
        own = next((d.value for d in sent.dates if d.value and d.start < reported
                    and not any(a <= d.start < b for a, b in relative)), None)
        if own:
            context_date = own
        if _markers(sent, "DISCUSS"):
            actors, subjects, _, _ = _participants(doc, sent, ents, people, orgs)
            discussed += [e.value for m in sent.topics for e in m.entries if e.kind == "topic"]
            discussed += [f"state:{c}" for c in subjects + actors]    # the meeting's own parties are left out below
        # a blocking phrase (type NONE: "с помощью", "ردا على سؤال") hides any cue read over the same words
        cues = [(m, e) for m in sent.cues if not any(x.value == "NONE" for x in m.entries)
                for e in m.entries if e.value in PLOVER and _needs_met(doc, sent, m, e.data[2])]
        if not cues or _question(sent):
            continue          # "Why did Trump drop so many demands?": a question asserts no act
        actors_all, topic_states, places, located = _participants(doc, sent, ents, people, orgs)
        clauses = clauses if clauses is not None else _clauses(doc, sent)
        persons = []
        for pm in people:
            if pm.sent is sent and pm.official.name not in persons:
                persons.append(pm.official.name)
        date = context_date
        sentence_place = places[0] if places else None
        topics = list(dict.fromkeys(e.value for m in sent.topics for e in m.entries if e.kind == "topic"))
        topics += [f"state:{c}" for c in topic_states if f"state:{c}" not in topics]
        context = _context(doc, sent, people)
        occur = _markers(sent, "OCCUR")
        neg = _markers(sent, "NEG")
        fut = _markers(sent, "FUTURE")
        cond = _markers(sent, "COND")
        doubt = _markers(sent, "DOUBT")
        asked = [t for t, classes in enumerate(token_classes(doc, sent)) if "question" in classes]
        protesters = [c for c, e in cues if e.value == "PROTEST"]
        irreal = _markers(sent, "IRREAL")
        hoped = [c.end - 1 for c in sent.cues if any(e.value == "HOPE" for e in c.entries)]    # (its last word)
        chosen: dict[str, tuple] = {}
        attribution = _attribution_start(doc, sent)
        # "must": a demand; where the word also says "is due to" (Russian должен, Arabic يتعين), only in a
        # reported clause ("the US said Pyongyang must give up …", not "Macron is due to visit Novi Sad")
        must = [p for p in _markers(sent, "MUST") if p >= reported or not _flagged(sent, p, "MUST", "reported")]
        kept = []
        for m, e in cues:
            strength, cue_context, flags = e.data
            if not _needs_met(doc, sent, m, flags):
                continue
            weak = _weak(doc, sent, m, strength)
            if weak is None or m.start >= attribution or _in_compound(sent, m) or _is_complement(doc, sent, m, cues) \
                    or _proper_noun(doc, sent, m) or _reduced_relative(doc, sent, m) \
                    or (weak and (_example(doc, sent, m) or token_in(doc, sent, m.end, "noun-head")
                                  or _goal(doc, sent, m))):
                continue
            supported = _supported(sent, m, [p for p in occur if p < attribution], attribution) \
                or _place_after(sent, ents, m, states=e.value in ON_PLACE)
            if _subordinate(doc, sent, m) and not supported and e.value != "CONSULT":
                continue      # "after two days of fighting" is background; "after their talks" is a meeting
            kept.append((m, e, weak, supported))
        kept = _outside_fronted_phrase(doc, sent, kept)
        strong = [m for m, _, weak, _ in kept if not weak]
        sentence_support = bool(occur or sent.dates or sentence_place or sent.headline)
        first_weak: dict[tuple[int, int], object] = {}
        for m, _, weak, _ in kept:
            if weak:
                first_weak.setdefault(next(((a, b) for a, b in clauses if a <= m.start < b), (0, 0)), m)
        for m, e, weak, supported in kept:
            strength, cue_context, flags = e.data
            if _purpose(doc, sent, m, kept):
                continue
            if weak and not strong and m is not first_weak.get(next(((a, b) for a, b in clauses if a <= m.start < b),
                                                                      (0, 0))) and not _dated_after(sent, m):
                continue     # one nominal event per clause: "a hunger strike in protest of the refusal"
            if weak:
                if strong:
                    # a noun after a verb of its clause is that verb's object ("agreed to postpone the
                    # demonstration"); it is an event of its own only with its own date. A noun before every verb
                    # of the sentence is no object of theirs ("expressed its condemnation of the French position,
                    # warning that ...")
                    if any(s.start < m.start and _same_clause(clauses, s, m) for s in strong) \
                            or any(0 <= s.start - m.end <= 2 for s in strong):       # or its subject
                        continue
                    if not _dated_after(sent, m) and (
                            any(s.start < m.start for s in strong) or e.value == "CONSULT"
                            or not (supported or sentence_support)
                            or m is not first_weak.get(next(((a, b) for a, b in clauses if a <= m.start < b),
                                                            (0, 0)))):
                        continue
                elif not (supported or sentence_support):
                    continue
            etype = e.value
            if _near_before(doubt, m.start, 6, sent):
                continue         # "the court is unlikely to decide", "вряд ли примет решение": not told as done
            if _near_before(asked, m.start, 6, sent):
                continue         # "هل تؤيد انضمامنا", "doubts on whether turnout will meet ...": asked, not told
            if _near_before(irreal, m.start, 8, sent) or any(_flagged(sent, p, "IRREAL", "sentence") for p in irreal):
                continue         # "would have been killed", "если бы ..., не оказалась бы в тупике": not done
            if _near_before(hoped, m.start, 8, sent):
                continue         # "hopes the court will reopen the path", "надеясь, что суд поддержит": only hoped for
            if _near_before(neg, m.start, 3, sent):
                if etype == "AGREE" or (etype in REFUSABLE and _announced(doc, sent, m, fut, flags)):
                    etype = "REJECT"     # "will never disarm", "لن ننسحب", "не выведет войска": a refusal
                else:
                    continue
            elif weak or any(x.data[0] == "weak" for x in m.entries):      # (a noun reading of it)
                denied = _denied_after(doc, sent, m, neg, fut, occur)
                if denied == "future" and (etype == "AGREE" or etype in REFUSABLE):
                    etype = "REJECT"     # "disarmament won't come", "разоружения не будет": a refusal
                elif denied:
                    continue             # "the talks did not take place", "переговоры не состоялись"
            if etype != "THREATEN" and _in_condition(doc, sent, m):
                continue     # "if they do not agree to our membership, we can turn to ...": a condition, no act
            future = _announced(doc, sent, m, fut, flags) or _near_after(fut, m.end, 5, sent)
            # (Russian бы follows its verb: "ударили бы", "would strike")
            hypothetical = _near_before(cond, m.start, 6, sent) or m.end in cond \
                or (cond and min(cond) < m.start and "if" not in flags)
            if etype == "ACCUSE" and any(c.start < m.start and _same_clause(clauses, c, m) for c in protesters):
                etype = "PROTEST"        # "protesters condemned the decision", "المتظاهرين ... منددين": a protest
            if _near_before(must, m.start, 4, sent) and etype not in ("THREATEN", "REQUEST"):
                etype = "REQUEST"        # "X must hand over the suspects": a demand
            elif future or hypothetical:
                if etype in FORCE:
                    etype = "THREATEN"
                elif etype not in VERBAL:
                    etype = "AGREE"
            if etype == "SUPPORT" and token_in(doc, sent, m.start, "greeting") and \
                    any(pm.sent is sent and _titled_from(sent, m.end, pm.start) and not _possessive(sent, pm.end)
                        for pm in people) and \
                    not (doc.lex.lang.verb_first and not sent.tokens[m.end].text.startswith("ب")):
                # (where the verb comes first the one named after it is who welcomes, unless بـ marks the object)
                # "welcomed Zelensky on arrival": a reception, not an endorsement ("welcomed Reagan's statement")
                etype = "CONSULT"
            if etype == "SUPPORT" and token_in(doc, sent, m.start, "greeting") and \
                    any(token_in(doc, sent, t, "received") for t in range(max(0, m.start - 4), m.start)):
                etype = "CONSULT"        # "received a warm welcome", "حظي بترحيب": a reception
            if etype not in chosen or (chosen[etype][1] and not weak):
                chosen[etype] = (m, weak, cue_context, flags)
        for etype, (m, weak, cue_context, flags) in chosen.items():
            lo, hi = next(((a, b) for a, b in clauses if a <= m.start < b), (0, len(sent.tokens)))
            if etype in ("ACCUSE", "REJECT"):
                # "rejected the accusations that Chinese firms supply Russia's industry": what is said is not who
                # (in a demand, "demanded that Pyongyang give up ...", it is: the one asked)
                hi = next((t for t in range(m.end, hi) if token_in(doc, sent, t, "that")), hi)
            if etype != "CONSULT":
                # "demanded a Security Council meeting to discuss Croatia's advance": what is to be discussed
                # is a subject, not a party
                hi = next((d for d in _markers(sent, "DISCUSS") if m.end <= d < hi), hi)
            if etype == "REQUEST":
                # "demanded that Hamas renounce its struggle against Israel": the one asked is a party, what it
                # is asked to do names none
                hi = _asked_end(doc, sent, m, hi)
            rel = next(((a, c) for a, c in _relative_clauses(doc, sent, clauses) if a == lo and c < m.start
                        and a > 0 and sent.tokens[a - 1].text in {",", "،"}), None)
            if rel:
                # "China, which has close ties with Moscow, declined to attend": the main clause resumes after
                # the relative one, its subject before it
                before = next((a for a, b in clauses if b == lo), lo)
                actors = list(dict.fromkeys(_participants(doc, sent, ents, people, orgs, before, lo)[0]
                                            + _participants(doc, sent, ents, people, orgs, rel[1], hi)[0]))
            else:
                actors = _participants(doc, sent, ents, people, orgs, lo, hi)[0]
            told = next((c for c in sent.cues if lo <= c.start and c.end < reported < m.start
                         and token_in(doc, sent, c.start, "tell")), None)
            if told is not None:
                # "Mikati told Hochstein that Lebanon wanted Israel to stop ...": the one told, between a verb of
                # telling and "that", is no party to the act reported (unless the clause names it too)
                inner = _participants(doc, sent, ents, people, orgs, reported, hi)[0]
                kept = [c for c in actors if c in inner or
                        c not in _participants(doc, sent, ents, people, orgs, told.end, reported)[0]]
                if len(kept) >= 2:
                    actors = kept
            if not actors:
                # the clause names none: the sentence's parties (a state named as the venue of a meeting or a
                # promise elsewhere in the sentence is still no party; of strikes or threats it is the target)
                actors = actors_all
                if etype not in FORCE | VERBAL - {"AGREE", "REQUEST"}:
                    lo, hi = 0, len(sent.tokens)
            states_ = list(actors)
            paired = not states_ and _names_both_sides(doc, sent, lo, hi)
            topics_ = list(topics)
            # "visited Karachi", "shelled Kharkiv": the object is where; "discussed Gaza": what was talked about
            target = _object_place(doc, sent, m) if etype in ON_PLACE | {"CONSULT"} \
                and m.start not in _markers(sent, "DISCUSS") else None
            place = sentence_place or target        # "shelled Kharkiv", "visited Karachi": the cue's object
            if place and any(em.kind == "place" and em.value == place and _in_frame(doc, sent, em.start)
                             for em in sent.ems):
                place = None                         # "discussed the situation in Gaza": a subject, not a venue
            if etype == "CONSULT":
                for code in _discussed(doc, sent, ents, m):
                    if code in states_:
                        states_.remove(code)
                    if f"state:{code}" not in topics_:
                        topics_.append(f"state:{code}")
            if not states_ and place:
                where = refdata.places().get(place)
                if where and where.state:
                    states_ = [where.state]      # "the demonstration in Baku": Azerbaijan's
            if ("host" in flags or "from-place" in flags) and place:
                where = refdata.places().get(place)
                if where and where.state and where.state not in states_:
                    states_.append(where.state)     # "X hosted Y and Z in Niamey": Niger is the host
            if etype == "CONSULT" and len(states_) == 1 and lo > 0:
                # talks in a clause naming one side take the subject of the sentence before the clause ("Lula's
                # remarks came after a tour of Cairo, where he met President Sisi")
                before = _participants(doc, sent, ents, people, orgs, 0, lo)[0]
                if before and before[-1] not in states_:
                    states_.append(before[-1])
            if etype == "CONSULT" and len(states_) == 1 and place:
                # a visit or talks with one side named: the host is the venue's state ("Macron's visit to Belgrade")
                where = refdata.places().get(place)
                if where and where.state and where.state not in states_:
                    states_.append(where.state)
            if etype not in ON_PLACE and len(states_) >= 3:
                # a venue named as a state ("a summit in Singapore") is not a party to talks between two others
                # (unless it acts too: "Mikati welcomed the truce, a step towards stability in Lebanon")
                acting = {pm.official.state for pm in people if pm.sent is sent and lo <= pm.start < hi} | \
                    {em.value for em in sent.ems if em.kind == "state" and not em.in_place and lo <= em.start < hi}
                venue = {em.value for em in sent.ems if em.kind == "state" and em.in_place
                         and lo <= em.start < hi} - acting
                states_ = [c for c in states_ if c not in venue] if len(set(states_) - venue) >= 2 else states_
            elif etype not in ON_PLACE and len(states_) == 2:
                # a city-state named as where one state acted is a city ("Kim pledged in Singapore")
                city = {em.value for em in sent.ems if em.kind == "state" and em.in_place and lo <= em.start < hi
                        and city_of_state(em.value)} - {pm.official.state for pm in people if pm.sent is sent}
                if len(set(states_) - city) == 1:
                    states_ = [c for c in states_ if c not in city]
            if etype in ON_PLACE:
                states_ += [c for c in located if c not in states_]
            if etype in ON_PLACE and place:
                where = refdata.places().get(place)
                if where and where.state and where.state not in states_:
                    states_.append(where.state)
            ev = Event(type=etype, context=cue_context or context, states=sorted(states_), people=list(persons),
                       date=_nearest_date(doc, sent, m, reported, clauses) or date,
                       place=_nearest_place(sent, ents, m, places, _reported_from(doc, sent, say=True)) or target or _dateline_place(doc, sent, ents),
                       topics=topics_,
                       mentions=[doc.mention(sent, m.start, m.end)],
                       sentences=[sent.index], confidence=0.6 if weak else 0.8,
                       meeting=etype == "CONSULT" and "meeting" in flags)
            ev.organizations = [o.id for o in orgs if o.kind != "state-body"
                                and any(mm.sentence == sent.index for mm in o.mentions)]
            if etype == "CONSULT" and _anaphoric(doc, sent, m):
                # "X and Y met on Thursday. The talks, mediated by Z, ...": the same meeting, with more parties
                prev = next((o for o in reversed(events) if o.type == "CONSULT" and sent.index - 1 in o.sentences
                             and not (o.date and ev.date and o.date != ev.date)), None)
                if prev is not None:
                    prev.states = sorted(set(prev.states) | set(ev.states))
                    _merge_into(prev, ev)
                    continue
            if paired:
                both_sides.append(ev)      # the article's two states, once they are known (below)
                continue
            for part in _split_by_place(ev, sent, ents):
                _add(events, part)
    story = _story_date(doc)
    events = _absorb_fragments([e for e in events if e.states], story)
    _topics_of_the_talks(events, discussed)
    events = _absorb_fragments(_with_counterparts(doc, ents, events, both_sides), story)
    # talks need two sides: one state alone, with no organisation to meet, is half a meeting the text did not say
    events = [ev for ev in events if not (ev.type == "CONSULT" and len(ev.states) == 1 and not ev.organizations)]
    where = _story_place(doc, ents)
    for ev in events:
        if ev.date is None and story:
            ev.date = story            # news tells what happened on the day it is dated, unless it says otherwise
            ev.confidence = min(ev.confidence, 0.6)
        if ev.place is None and where and ev.date == story:
            ev.place = where           # and where it is datelined, for what happened that day
    return events


def _topics_of_the_talks(events: list[Event], discussed: list[str]) -> None:
    """"The situation in Afghanistan was discussed in depth": in an article that reports one meeting, what the
    article says was discussed is that meeting's topic."""
    meetings = [e for e in events if e.type == "CONSULT"]
    if len(meetings) == 1:
        meeting = meetings[0]
        parties = {f"state:{c}" for c in meeting.states}
        meeting.topics += [t for t in dict.fromkeys(discussed) if t not in meeting.topics and t not in parties]


def _story_place(doc: Doc, ents: list[EntMention]) -> str | None:
    """Where the story happens: its dateline's city, else the first city or capital named as a place in its lead."""
    body = [s for s in doc.sents if not s.headline][:3]
    for sent in body:
        for em in sent.ems:
            if em.kind == "place" and em.dateline and em.sub in ("capital", "city"):
                return em.value
    for sent in body:
        for em in sent.ems:
            if em.kind == "place" and em.locative and not em.attribution and em.sub in ("capital", "city"):
                return em.value
    return None


def _story_date(doc: Doc) -> str | None:
    """The date the story is about: the first date of its lead (the first sentences of the body) outside what
    the lead reports someone said, else the publication date."""
    body = [s for s in doc.sents if not s.headline][:3]
    for sent in body:
        reported = _reported_from(doc, sent)
        for d in sent.dates:
            if not (d.value and len(d.value) == 10) or d.start >= reported:
                continue
            if doc.published is None or abs((parse_iso(d.value) - doc.published).days) <= 7:
                return d.value          # a date of the story's own days, not a background date
    return doc.published.isoformat() if doc.published else None


DYADIC = {"AGREE", "SUPPORT", "CONSULT", "ACCUSE", "REQUEST", "REJECT", "THREATEN", "SANCTION", "COOPERATE",
          "AID", "RETREAT", "CONCEDE"}


def _main_dyad(ents: list[EntMention], events: list[Event]) -> tuple[str, str] | None:
    """The pair of states the article is about: the pair most often acting together in its events, else its two
    most mentioned states when they clearly lead."""
    pairs: dict[tuple[str, str], int] = {}
    for ev in events:
        if len(ev.states) == 2:
            key = tuple(sorted(ev.states))
            pairs[key] = pairs.get(key, 0) + len(ev.mentions)
    if pairs:
        best = max(pairs.items(), key=lambda kv: kv[1])
        return best[0]
    counts: dict[str, int] = {}
    for em in ents:
        if em.kind == "state" and not em.as_topic and not em.attribution:
            counts[em.value] = counts.get(em.value, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) >= 2 and (len(ranked) == 2 or ranked[1][1] > ranked[2][1]):
        return tuple(sorted((ranked[0][0], ranked[1][0])))
    return None


def _with_counterparts(doc: Doc, ents: list[EntMention], events: list[Event],
                       both_sides: list[Event] = ()) -> list[Event]:
    """A dyadic act (an agreement, a meeting, an accusation ...) reported with one state takes the article's
    main counterpart: "Minsk accused Kyiv ..." then "it also demanded ..." — the demand is Minsk's to Kyiv. An act
    of "the two sides" takes both."""
    if len(doc.sents) < 3:
        return events           # one sentence: nothing to borrow from
    dyad = _main_dyad(ents, events)
    if not dyad:
        return events
    for ev in events:
        if ev.type in DYADIC and len(ev.states) == 1 and ev.states[0] in dyad:
            other = dyad[1] if ev.states[0] == dyad[0] else dyad[0]
            ev.states = sorted(ev.states + [other])
            ev.confidence = min(ev.confidence, 0.6)
    for ev in both_sides:
        ev.states = list(dyad)
        ev.confidence = min(ev.confidence, 0.6)
        _add(events, ev)
    return events


def _names_both_sides(doc: Doc, sent: Sent, lo: int, hi: int) -> bool:
    """Whether tokens lo..hi name the two parties without naming them: a dual (الجانبان، البلدين) or a number
    before a noun of parties ("the two governments", "both sides", "обе стороны")."""
    return any(token_in(doc, sent, t, "pair")
               or (token_in(doc, sent, t, "pair-of") and token_in(doc, sent, t + 1, "pair-noun"))
               for t in range(lo, hi))


def _split_by_place(ev: Event, sent: Sent, ents: list[EntMention]) -> list[Event]:
    """Force used in several states at once ("strikes in Syria and Iraq") is one event per state struck, each
    with the acting states."""
    if ev.type not in ("ASSAULT", "COERCE", "MOBILIZE", "THREATEN"):
        return [ev]
    where = [em.value for em in sent.ems if em.kind == "state" and em.in_place]
    where = list(dict.fromkeys(c for c in where if c in ev.states))
    actors = [c for c in ev.states if c not in where]
    if len(where) < 2 or not actors:
        return [ev]
    import copy
    out = []
    for code in where:
        part = copy.copy(ev)
        part.states = sorted(actors + [code])
        part.mentions = list(ev.mentions)
        part.topics = list(ev.topics)
        part.people = list(ev.people)
        part.sentences = list(ev.sentences)
        out.append(part)
    return out


def _paragraph_start(doc: Doc, sent: Sent) -> bool:
    """A sentence that opens a paragraph (a line break before it)."""
    before = doc.article.text[max(0, sent.start - 3):sent.start]
    return "\n" in before or sent.start == 0


def _absorb_fragments(events: list[Event], story: str | None) -> list[Event]:
    """An event naming fewer states than another of the same type (and a compatible date) is part of it, in
    whichever order the article told them. An undated one is of the story's day (see ``find``): not part of
    an act dated months before ("Algeria recalls its ambassador" is not the recall of March 2022)."""
    events = _distribute_covered(events)
    out: list[Event] = []
    for ev in sorted(events, key=lambda e: -len(e.states)):
        date = ev.date or story
        host = next((o for o in out if o.type == ev.type and set(ev.states) < set(o.states)
                     and not (o.date and date and not _same_time(o.date, date))
                     # a dated act of other people is not part of an undated one
                     and not (bool(o.date) != bool(ev.date) and _other_people(o, ev))), None)
        if host is None:
            out.append(ev)
            continue
        _merge_into(host, ev)
    return sorted(out, key=lambda e: min(e.sentences or [0]))


def _other_people(a: Event, b: Event) -> bool:
    """Acts of one type by different people: "Katz summoned the Brazilian ambassador" and "Vieira summoned the
    Israeli one" are two acts (not meetings: a spokesman tells talks again as often as not)."""
    return a.type != "CONSULT" and bool(a.people) and bool(b.people) and not set(a.people) & set(b.people)


def _same_time(a: str, b: str) -> bool:
    """Whether two dates, either partial ("2022-03"), may name the same time."""
    return a.startswith(b) or b.startswith(a)


def _distribute_covered(events: list[Event]) -> list[Event]:
    """Force told once as strikes on each state ("strikes in Syria and Iraq": Turkey-Syria, Turkey-Iraq) and
    once with every state in one sentence is the same strikes: the whole joins its parts rather than the parts
    the whole."""
    out = list(events)
    for whole in events:
        if whole.type not in ON_PLACE or len(whole.states) < 3:
            continue
        parts = [e for e in out if e is not whole and e.type == whole.type and len(e.states) >= 2
                 and set(e.states) < set(whole.states) and not (e.date and whole.date and e.date != whole.date)]
        if len(parts) >= 2 and set().union(*(set(e.states) for e in parts)) == set(whole.states):
            for part in parts:
                part.mentions += [m for m in whole.mentions if m not in part.mentions]
                part.sentences += [i for i in whole.sentences if i not in part.sentences]
            out.remove(whole)
    return out


def _merge_into(old: Event, ev: Event) -> None:
    """``ev`` is another report of ``old``: its date, place, people, topics and mentions join it."""
    old.date = old.date or ev.date
    old.place = old.place or ev.place
    old.people += [p for p in ev.people if p not in old.people]
    old.topics += [t for t in ev.topics if t not in old.topics]
    old.organizations += [o for o in ev.organizations if o not in old.organizations]
    old.mentions += ev.mentions
    old.sentences += [s for s in ev.sentences if s not in old.sentences]
    old.confidence = max(old.confidence, ev.confidence)
    old.meeting = old.meeting or ev.meeting


def _discussed(doc: Doc, sent: Sent, ents: list[EntMention], cue) -> list[str]:
    """States talked about at a meeting: after the cue and a topic preposition ("talks on Sudan", "بحثا الوضع في
    سوريا", "обсудили ситуацию в Сирии"), and not named before the cue."""
    before = {em.value for em in sent.ems if em.kind == "state" and em.end <= cue.start}
    out = []
    # a verb of discussing takes its subject as object ("discussed Gaza", "обсудили Сирию"), not after "with"
    prep_seen = not doc.lex.lang.verb_first and cue.start in _markers(sent, "DISCUSS")
    for t in range(cue.end, len(sent.tokens)):
        if token_in(doc, sent, t, "topic-prep"):
            prep_seen = True
        elif token_in(doc, sent, t, "partner-prep"):
            prep_seen = False
        text = sent.tokens[t].text
        if text in {",", "،"} and t + 1 < len(sent.tokens) and (
                any(em.start == t + 1 for em in sent.ems) or token_in(doc, sent, t + 1, "conj")):
            continue          # a list: "on the Middle East, Sudan and bilateral ties"
        if text in {";", ".", ",", "،"} or token_in(doc, sent, t, "relative"):
            break
        if not prep_seen:
            continue
        for em in sent.ems:
            code = em.value if em.kind == "state" else em.state if em.kind == "place" else None
            if em.start == t and code and code not in before:
                out.append(code)      # "talks on Sudan", "discussed Gaza": Palestine's
    return out


def _dateline_place(doc: Doc, sent: Sent, ents: list[EntMention]) -> str | None:
    """The dateline's place for events of the lead sentence (the first sentence of the body)."""
    for em in sent.ems:
        if em.kind == "place" and em.dateline and em.value:
            info = refdata.places().get(em.value)
            if info and info.kind in ("capital", "city"):
                return em.value
    return None


def _reported_from(doc: Doc, sent: Sent, say: bool = False) -> int:
    """Where the sentence's first reported clause begins ("said that …", "заявил, что …", "أكد أن …"): the
    token of "that"; else the length of the sentence, or with ``say`` (for places: dates keep the stricter
    rule) after a verb of saying followed by a clause ("said Turkish jets had struck ...", past a date right
    after the verb: "said on Monday the ...")."""
    n = len(sent.tokens)
    classes = token_classes(doc, sent)
    that = next((t for t in range(1, n) if "that" in classes[t]), n)
    if that < n or not say:
        return that
    for c in sent.cues:
        if any(e.value == "SAY" for e in c.entries) and c.end < n - 3:
            end = c.end
            for d in sent.dates:
                if d.start == end:
                    end = d.end
            return end
    return n


def _nearest_date(doc: Doc, sent: Sent, cue, reported: int, clauses: list[tuple[int, int]]) -> str | None:
    """The date closest to the cue on its side of a reported clause: "X said on Monday that the drones came on
    Saturday" dates the saying on Monday and the drones on Saturday. Another relative clause dates what it
    describes: "... contrary to the declaration which the three states signed on 23 March 2015"."""
    inside = cue.start >= reported
    # "the step Niger took on 16 September, when it signed ...": "when" takes the date of the clause before it
    elsewhere = [(a, b) for a, b in _relative_clauses(doc, sent, clauses)
                 if not a <= cue.start < b
                 and not (b <= cue.start and any(token_in(doc, sent, t, "when") for t in range(b, cue.start)))]
    dated = [d for d in sent.dates if d.value and (d.start >= reported) == inside
             and not any(a <= d.start < b for a, b in elsewhere)]
    fronted = [d for d in dated if d.start <= 1 and d.end < len(sent.tokens) and sent.tokens[d.end].text in {",", "،"}
               and d.end <= cue.start]
    if fronted and not inside:
        return fronted[0].value         # "On 16 March, the spokesman announced ...": the time of the whole clause
    if not dated:
        return None
    return min(dated, key=lambda d: min(abs(d.start - cue.end), abs(cue.start - d.end))).value


def _days_after(iso: str, days: int) -> str | None:
    """``iso`` moved by ``days`` (a full date only: "the next day" after "in March 2024" is not a day)."""
    if days == 0:
        return iso
    try:
        return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return None


def _relative_clauses(doc: Doc, sent: Sent, clauses: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Token spans of the sentence's relative clauses: from the pronoun ("which", "الذي", "который") to the comma
    that closes it, or to its clause's end ("Восьмое заседание комиссий, которые возглавляют ..., прошло 19 апреля":
    the date is the meeting's)."""
    out = []
    for a, b in (clauses if clauses is not None else _clauses(doc, sent)):
        if token_in(doc, sent, a, "relative"):
            close = next((t for t in range(a + 1, b) if sent.tokens[t].text in {",", "،", ";"}), b)
            out.append((a, close))
    return out


def _denied_after(doc: Doc, sent: Sent, m, neg: list[int], fut: list[int], occur: list[int]) -> str | None:
    """A noun cue whose own predicate, right after it, is negated: a future one ("disarmament won't come",
    "разоружения не будет": "future") or one of occurrence ("the talks did not take place", "переговоры не
    состоялись": "occur"); else None. A negation with no such verb at it ("talks without preconditions") leaves
    the noun alone."""
    for n in neg:
        # (the noun's own predicate: within a few words, with no comma or other act between)
        if not (m.end <= n <= m.end + 6) or any(sent.tokens[t].text in {",", "،", ";", ":"} for t in range(m.end, n)) \
                or any(m.end <= c.start < n and any(e.value in PLOVER for e in c.entries) for c in sent.cues):
            continue
        if any(n - 1 <= p <= n + 1 for p in fut):
            return "future"
        # the verb right after the negation, or after an auxiliary ("will not be held")
        if any(p == n + 1 or (p == n + 2 and token_in(doc, sent, n + 1, "auxiliary")) for p in occur):
            return "occur"
    return None


def _announced(doc: Doc, sent: Sent, m, fut: list[int], flags) -> bool:
    """Whether a cue is told as to come: a future marker just before it ("will meet", "سوف", "لن"), the cue's
    own future form (Russian perfective "проведут"; not in headlines) or a cue that announces by itself. Where the
    verb comes first, the subject may stand between a wish and the act wished ("يريد كل من كيم والرئيس الأمريكي
    دونالد ترامب عقد قمة ثانية"): up to ten words, with no other act, negation or "that" among them."""
    if "future" in flags or _near_before(fut, m.start, 4, sent) \
            or (not sent.headline and doc.lex.lang.future_tense(sent.tokens[m.start].text)):
        return True
    if not doc.lex.lang.verb_first:
        return False
    far = [p for p in fut if m.start - 10 <= p < m.start - 4]
    if not far or not _near_before(far, m.start, 10, sent):
        return False
    first = max(far)
    return not any(first < c.start < m.start and any(e.value in PLOVER or e.value == "NEG" for e in c.entries)
                   for c in sent.cues) and first not in _markers(sent, "NEG") \
        and not any(token_in(doc, sent, t, "that") for t in range(first + 1, m.start))    # (يُنتظر أن يقوم ...)


def _nearest_place(sent: Sent, ents: list[EntMention], cue, places: list[str], reported: int) -> str | None:
    """The place nearest the cue on its side of a reported clause ("the statement, issued in Baghdad, said the
    strikes hit ...": Baghdad is where it was said). A city-state named as where ("a summit in Singapore", "the
    Singapore summit") is its city."""
    inside = cue.start >= reported
    cands = [(em, em.value) for em in sent.ems if em.kind == "place" and em.value in places] + \
            [(em, city_of_state(em.value)) for em in sent.ems if em.kind == "state" and em.in_place
             and not em.attribution and city_of_state(em.value) and not _act_between(sent, cue, em)]
    cands = [(em, value) for em, value in cands if (em.start >= reported) == inside]
    if not cands:
        return None
    return min(cands, key=lambda c: min(abs(c[0].start - cue.end), abs(cue.start - c[0].end)))[1]


def _act_between(sent: Sent, cue, em: EntMention) -> bool:
    """Whether the cue of an act of another type stands between a cue and a mention ("called on the US to keep
    the promises of the Singapore summit": the venue is the summit's, not the call's; "met at the Singapore
    summit": one act)."""
    acts = set(refdata.plover_types()) - {e.value for e in cue.entries}
    lo, hi = (cue.end, em.start) if cue.end <= em.start else (em.end, cue.start)
    return any(lo <= c.start and c.end <= hi and any(e.value in acts for e in c.entries) for c in sent.cues)


def _object_place(doc: Doc, sent: Sent, cue) -> str | None:
    """A city named right after the cue, as its object ("shelled Kharkiv", "strikes on Gaza", "visited Karachi",
    "обстреляли Харьков", "قصفت مدينة خاركيف"): where the act happened."""
    for em in sent.ems:
        if em.kind == "place" and em.sub in ("capital", "city") and not em.attribution \
                and 0 <= em.start - cue.end <= 2 \
                and all(token_in(doc, sent, t, "target-prep") or token_in(doc, sent, t, "locative")
                        for t in range(cue.end, em.start)):
            return em.value
    return None


def _place_after(sent: Sent, ents: list[EntMention], cue, states: bool = False) -> bool:
    """"talks in Moscow": a place just after the cue; with ``states``, also a state named as where ("ethnic
    cleansing in Montenegro"; not for talks: "a summit in Singapore" makes it no more a meeting of Singapore's)."""
    return any(((em.kind == "place" and em.locative) or (states and em.kind == "state" and em.in_place))
               and 0 <= em.start - cue.end <= 3 for em in sent.ems)


def _weak(doc: Doc, sent: Sent, m, strength: str) -> bool | None:
    """Whether a cue is weak (a noun), strong (a verb), or None (a base form that is no verb here)."""
    if strength == "base":
        if token_in(doc, sent, m.start - 1, "modal") or (m.start >= 2 and token_in(doc, sent, m.start - 2, "modal")
                                                          and token_in(doc, sent, m.start - 1, "auxiliary")):
            return False          # "will support", "to release", "would be released"
        return True               # "a visit", "the attack": a noun
    if strength == "gerund":
        # "is providing", "a declaration demanding that ...": a verb
        return not (token_in(doc, sent, m.start - 1, "auxiliary") or token_in(doc, sent, m.end, "that"))
    if strength == "weak" and any(token_in(doc, sent, t, "light-verb") for t in range(max(0, m.start - 3), m.start)):
        return False              # "expressed its condemnation", "جددت رفضها", "выразил протест": the act itself
    return strength != "strong" or _noun_use(doc, sent, m)


def _needs_met(doc: Doc, sent: Sent, m, flags) -> bool:
    """A cue flagged ``needs:<class>`` counts only with a word of that class soon after it: "summoned China's
    chargé d'affaires" is a protest, "summoned the courage" is not; one flagged ``unless:<class>`` only without
    one: أقر الاتفاقية (approved the agreement) is an endorsement, أقر ... بأن (acknowledged that) is not. The
    word needed is looked for within six words; the one that rules a cue out within twelve, since a subject
    with its titles or a relative clause may come between in verb-first order ("أقر هانز بيتر بارتلز، رئيس
    لجنة الدفاع بالبرلمان الألماني، بأن"). ``unless-near:<class>`` rules the cue out with such a word among the
    three after it: "meet the minimum turnout" is no meeting, "meet to discuss the minimum wage" is."""
    for flag in flags:
        kind, _, cls = flag.partition(":")
        if kind in ("needs", "unless", "unless-near"):
            reach = {"needs": 6, "unless": 12, "unless-near": 3}[kind]
            near = any(token_in(doc, sent, t, cls) for t in range(m.end, min(len(sent.tokens), m.end + reach)))
            if near != (kind == "needs"):
                return False
    return True


def _example(doc: Doc, sent: Sent, m) -> bool:
    """A noun given as an example of a field ("in areas such as joint exercises", "مثل التدريبات المشتركة",
    "такие как совместные учения") names a kind of activity, not an event."""
    return any(phrase_before(doc, sent, i, "example") for i in (m.start, m.start - 1) if i > 0)


def _goal(doc: Doc, sent: Sent, m) -> bool:
    """A noun of an act after "toward" or "capable of" ("a step toward denuclearization", "العمل نحو نزع
    السلاح", "на пути к разоружению", "кораблей, способных к развертыванию"), past an opening quote: an aim or
    a capability, not an act done; or one or two words after a word of its ending (إنهاء رسمي للحرب)."""
    i = m.start
    while i > 0 and not sent.tokens[i - 1].text[:1].isalnum() and sent.tokens[i - 1].text not in {",", "،", "."}:
        i -= 1
    # (an act whose end is sought or declared is not told as going on: "إنهاء رسمي للحرب الكورية")
    return phrase_before(doc, sent, i, "goal") or any(token_in(doc, sent, t, "ending") for t in range(max(0, i - 2), i))


def _purpose(doc: Doc, sent: Sent, m, kept) -> bool:
    """"staged demonstrations ... to demand reforms": an infinitive of purpose after another act is that act's
    aim, not a second event."""
    if m.start == 0:
        return False
    word = sent.tokens[m.start].text
    governed = any(c.end == m.start for c in sent.cues)    # "is obliged to negotiate", "должен посетить"
    if (phrase_before(doc, sent, m.start, "purpose") or doc.lex.lang.purpose_prefix(word)) and not governed:
        return any(other.start < m.start for other, _, _, _ in kept)
    if doc.lex.lang.infinitive(word) and not governed:
        # a Russian infinitive is the "to" form: after a verb of another act it is what that act is about
        # ("осудили решение пригласить его", "condemned the decision to welcome him"); after a modal or a
        # marker ("должен посетить", "может посетить") it is the main verb
        return any(other.start < m.start and not weak for other, _, weak, _ in kept)
    # a participle after a deed is its manner ("marched through Niamey demanding that ..."); after words, more
    # words ("expressed its condemnation, warning that ...")
    return doc.lex.lang.participle(sent.tokens[m.start].text) and \
        not token_in(doc, sent, m.start - 1, "auxiliary") and \
        any(other.start < m.start and e.value not in SPEECH for other, e, _, _ in kept)


def _reduced_relative(doc: Doc, sent: Sent, m) -> bool:
    """A participle after a noun, followed by "by" ("property seized by the forces", "a corvette, supported by
    patrol aircraft") or, after a plural noun, by a preposition ("marines stationed aboard the ship"): a
    description, not the act."""
    if m.start == 0:
        return False
    prev = sent.tokens[m.start - 1].text
    after_noun = prev[:1].isalpha() and not token_in(doc, sent, m.start - 1, "auxiliary") and \
        not any(c.end == m.start for c in sent.cues)
    if token_in(doc, sent, m.end, "passive-by"):
        return after_noun or prev in {",", "،"}
    # (the clause has its verb already: "was on a resupply run to marines stationed aboard", not "its allies
    # demanded on Monday")
    return after_noun and prev.islower() and doc.lex.lang.plural_noun(prev) and \
        sent.tokens[m.start].text.lower().endswith("ed") and token_in(doc, sent, m.end, "preposition") and \
        any(token_in(doc, sent, t, "auxiliary") for t in range(m.start - 1))


def _question(sent: Sent) -> bool:
    """The sentence asks (ends with "?" or "؟", before any closing quotes)."""
    for tok in reversed(sent.tokens):
        if tok.text in {"?", "؟"}:
            return True
        if tok.text not in {'"', "»", "”", "'", "’", ")", "."}:
            return False
    return False


def _in_condition(doc: Doc, sent: Sent, m) -> bool:
    """The cue is in a clause opened by "if" (إذا, если) with no comma between them."""
    for t in range(m.start - 1, max(-1, m.start - 9), -1):
        if sent.tokens[t].text in {",", "،", ";", ":"}:
            return False
        if token_in(doc, sent, t, "if"):
            return True
    return False


def _dated_after(sent: Sent, m) -> bool:
    return any(0 <= d.start - m.end <= 8 for d in sent.dates)


def _same_clause(clauses: list[tuple[int, int]], a, b) -> bool:
    for lo, hi in clauses:
        if lo <= a.start < hi:
            return lo <= b.start < hi
    return False


def _supported(sent: Sent, m, occur: list[int], limit: int | None = None) -> bool:
    """A date or an occurrence verb close after the cue (or an occurrence verb just before it):
    "talks held on Wednesday", "اجتماع ... الذي عقد اليوم", "состоялись переговоры"."""
    if any(-4 <= p - m.start <= 15 for p in occur):
        return True
    limit = len(sent.tokens) if limit is None else limit
    return any(0 <= d.start - m.end <= 15 and d.start < limit for d in sent.dates)


def _noun_use(doc: Doc, sent: Sent, m) -> bool:
    """A verb cue used as a noun or adjective: after a determiner ("a veto", "the besieged town") or a state
    adjective ("Palestinian armed groups")."""
    toks = sent.tokens
    if doc.lex.lang.nominal(toks[m.start].text) and not _listed_as_written(doc, sent, m):
        return True
    if token_in(doc, sent, m.start - 1, "determiner"):
        return True
    if m.start >= 2 and toks[m.start - 1].text.lower() == "s" and toks[m.start - 2].text in ("'", "’"):
        return True      # Shoukry's visit
    if m.start >= 2 and token_in(doc, sent, m.start - 2, "determiner") and toks[m.start - 1].text.isalpha() \
            and toks[m.start - 1].text.islower() and not any(c.start == m.start - 1 for c in sent.cues) \
            and not doc.lex.lang.plural_noun(toks[m.start - 1].text) and not doc.lex.lang.participle(toks[m.start].text):
        return True      # a ceremonial welcome (but "its allies demanded", "a declaration demanding")
    if doc.lex.lang.plural_noun(toks[m.start].text):
        # "in the final status talks with": a form in -s a few words after a preposition is a plural noun
        for t in range(m.start - 1, max(-1, m.start - 5), -1):
            if token_in(doc, sent, t, "preposition"):
                return True
            w = toks[t].text
            if not (w.isalpha() and w.islower()) or token_in(doc, sent, t, "modal") \
                    or token_in(doc, sent, t, "auxiliary") \
                    or any(c.start <= t < c.end and _acts(c) for c in sent.cues):
                break     # (an adjective that is only a marker, "of possible talks", does not stop the search)
    # (where adjectives follow their noun, one right before a verb qualifies the subject: "الرئيس الصربي عقد")
    return not doc.lex.lang.adjective_after_noun and \
        any(em.end == m.start and em.first("state") and em.first("state").sub == "adj" for em in sent.ents)


def _acts(cue) -> bool:
    """Whether a cue names an act (a PLOVER type or a verb of saying), not only a marker."""
    return any(e.value in PLOVER or e.value == "SAY" for e in cue.entries)


def _listed_as_written(doc: Doc, sent: Sent, m) -> bool:
    """The cue's first word is listed in events.tsv exactly as written ("=التقى": its ال is part of the verb,
    not the article of a verbal noun)."""
    return any(k.startswith(EXACT) and k in doc.lex.cues.root for k in sent.keys[m.start])


def _proper_noun(doc: Doc, sent: Sent, m) -> bool:
    """A lower-case cue written with a capital inside a sentence is a name ("March", "Welcome to Britain" in a
    headline is not one: headlines and sentence starts are capitalised anyway)."""
    if doc.article.lang == "ar" or m.start == 0 or sent.headline:
        return False
    tok = sent.tokens[m.start].text
    if not tok[:1].isupper():
        return False
    prev = sent.tokens[m.start - 1].text
    if prev in {'"', "«", "“", "(", ":", "-", "—"}:
        return False
    return True


def _in_compound(sent: Sent, m) -> bool:
    """Part of a hyphenated compound ("free-trade", "rebel-held")."""
    toks = sent.tokens
    before = m.start > 0 and toks[m.start - 1].text == "-" and toks[m.start - 1].end == toks[m.start].start
    after = m.end < len(toks) and toks[m.end].text == "-" and toks[m.end].start == toks[m.end - 1].end
    return before or after


def _is_complement(doc: Doc, sent: Sent, m, cues) -> bool:
    """The complement of an earlier cue ("agreed to lift", "offered to hand over", "threatened to cut off",
    "demanded that X end"): the earlier cue's type codes the act."""
    for other, e in cues:
        if other is m or other.end > m.start or e.value not in PLOVER:
            continue
        if e.data[0] not in ("strong", "gerund") or _noun_use(doc, sent, other):
            continue          # only a verb takes a complement ("the aggression will not pass" is not one)
        gap = range(other.end, m.start)
        if len(gap) <= 3 and doc.lex.lang.infinitive(sent.tokens[m.start].text):
            return True       # "призвал белорусские власти отвести войска": the call's content
        if len(gap) <= 3 and all(token_in(doc, sent, t, "complementizer") or token_in(doc, sent, t, "determiner")
                                 or sent.tokens[t].text in {"\"", "«", "“"} for t in gap):
            # "that X end": a subject may sit between "that" and the verb
            return True
        if 0 < len(gap) <= 6 and token_in(doc, sent, other.end, "complementizer") and \
                sent.tokens[other.end].text.lower() in ("that", "أن", "بأن", "что", "чтобы"):
            return True
    return False


def _outside_fronted_phrase(doc: Doc, sent: Sent, kept: list) -> list:
    """"In a letter handed over to the UN on Monday, Iraq said it would allow ...": an act inside a prepositional
    phrase before the sentence's first comma sets the scene for the main clause's act, which is the event (a
    meeting is kept: "During talks in Moscow, the two sides signed ...")."""
    if not token_in(doc, sent, 0, "preposition"):
        return kept
    comma = next((t for t, tok in enumerate(sent.tokens) if tok.text in {",", "،"}), None)
    if comma is None or not any(m.start > comma for m, _, _, _ in kept):
        return kept
    return [k for k in kept if k[0].start > comma or k[1].value == "CONSULT"]


def _new_subject_after(doc: Doc, sent: Sent, t: int) -> bool:
    """A conjunction at token t opening a clause with a subject of its own: "and Sudan backed", "а Китай",
    "فيما وصفت" (Arabic: the verb comes first, so the conjunction is enough)."""
    if not token_in(doc, sent, t, "clause-conj"):
        return False
    if doc.lex.lang.verb_first:
        return True
    return any(em.start in (t + 1, t + 2, t + 3) and (em.kind == "state" or em.state) for em in sent.ems)


def _titled_from(sent: Sent, a: int, b: int) -> bool:
    """Whether tokens a..b hold nothing but titles and state adjectives ("Ukrainian President")."""
    covered = {t for m in sent.titles for t in range(m.start, m.end)} | \
        {t for em in sent.ems if em.kind == "state" for t in range(em.start, em.end)}
    return 0 <= b - a <= 4 and all(t in covered for t in range(a, b))


def _in_frame(doc: Doc, sent: Sent, t: int) -> bool:
    """A name at token t after a subject frame: "the situation in Gaza", "обстановку в Газе", "الوضع في غزة"."""
    return token_in(doc, sent, t - 1, "prep-frame") and token_in(doc, sent, t - 2, "frame")


def _possessive(sent: Sent, t: int) -> bool:
    """"'s" at token t."""
    return t + 1 < len(sent.tokens) and sent.tokens[t].text in {"'", "’"} and sent.tokens[t + 1].text == "s"


def _anaphoric(doc: Doc, sent: Sent, m) -> bool:
    """A meeting noun opening its sentence ("The talks, ...", "Переговоры ...", "المحادثات"): the one just told."""
    return m.start == 0 or (m.start == 1 and token_in(doc, sent, 0, "determiner"))


def _clause_openers(doc: Doc, sent: Sent) -> list[bool]:
    """Whether each token opens a clause: a subordinator or relative pronoun, unless it begins an adverbial
    phrase ("once again", "as well", "as usual"). Computed once per sentence: the clause and subordinate-clause
    scans ask it of most tokens, some of them many times."""
    openers = sent.openers
    if openers is None:
        adverbs = doc.lex.word_classes["adverb"]
        norms = sent.norms
        n_tokens = len(sent.tokens)
        openers = sent.openers = [
            ("subordinator" in classes or "relative" in classes)
            and not any(" ".join(norms[t:t + n]) in adverbs for n in (2, 3) if t + n <= n_tokens)
            for t, classes in enumerate(token_classes(doc, sent))]
    return openers


def _subordinate(doc: Doc, sent: Sent, m) -> bool:
    """Inside a subordinate or relative clause: after "after", "as", "while", "which", "الذي", "который" with no
    comma in between."""
    classes = token_classes(doc, sent)
    openers = _clause_openers(doc, sent)
    for t in range(m.start - 1, -1, -1):
        tok = sent.tokens[t].text
        if tok in {",", "،", ";", ":"} or "that" in classes[t] or "main-clause" in classes[t]:
            # a comma, "that" or a main clause's conjunction (وقد) opens a new clause: "after the meeting, a
            # statement said that ..."
            return False
        if openers[t]:
            # ", where the three leaders signed ...": a new act at that place, not a background clause
            return not (t > 0 and sent.tokens[t - 1].text in {",", "،"} and token_in(doc, sent, t, "where"))
    return False


def _attribution_start(doc: Doc, sent: Sent) -> int:
    """Token index where a trailing attribution clause begins (", a state-owned newspaper said.", ", a human rights
    group charged on Saturday."), or the sentence's length: after the last comma, a reporting verb with nothing but
    its subject before it, or a subject introduced by an article and a verb of speech or accusation."""
    n = len(sent.tokens)
    commas = [i for i in range(n) if sent.tokens[i].text in {",", "،"}]
    if not commas or n - commas[-1] > 20:
        return n
    start = commas[-1]
    tail = [c for c in sent.cues if c.start > start]
    kinds = [{e.value for e in c.entries} for c in tail]
    if any("SAY" in k for k in kinds):
        say = next(c for c, k in zip(tail, kinds) if "SAY" in k)
        # (", a spokesman said on Tuesday.": little after the verb; ", said it would withdraw ..." reports an act)
        if not any(c.start < say.start and k - {"CTX", "SAY"} for c, k in zip(tail, kinds)) and n - say.end <= 7:
            return start
    if kinds and all(k <= {"ACCUSE", "CTX", "SAY"} for k in kinds) and token_in(doc, sent, start + 1, "determiner") \
            and len(tail) == 1 and not any(t.text in {"that"} for t in sent.tokens[start:]):
        return start          # ", a human rights organization charged on Saturday."
    return n


def _add(events: list[Event], ev: Event) -> None:
    """Merge into an earlier event of the article that reports the same thing, else append."""
    for old in reversed(events):
        if old.type != ev.type:
            continue
        same_states = set(old.states) == set(ev.states)
        # a later report naming fewer states ("the Russian side met ...") joins the fuller one
        joins = (not ev.states and old.states) or (ev.states and set(ev.states) < set(old.states)
                                                   and not (old.date and ev.date and old.date != ev.date))
        if not (same_states or joins):
            continue
        if old.date and ev.date and old.date != ev.date:
            continue
        if _other_people(old, ev):
            continue
        _merge_into(old, ev)
        return
    events.append(ev)


def _clauses(doc: Doc, sent: Sent) -> list[tuple[int, int]]:
    """Token ranges of the sentence's clauses: split at ; : — ( ) and before subordinators, relative pronouns
    ("after", "which", "بعد", "الذي", "после того как", "который") and conjunctions that open a main clause (وقد),
    and where a trailing attribution begins."""
    cuts = [0, _attribution_start(doc, sent)]
    toks = sent.tokens
    classes = token_classes(doc, sent)
    openers = _clause_openers(doc, sent)
    for t in range(1, len(toks)):
        text = toks[t].text
        if text in {";", ":", "—", "–"} or (text == "-" and toks[t - 1].end < toks[t].start):
            cuts.append(t)
        elif openers[t] or "main-clause" in classes[t]:
            cuts.append(t)
        elif text in {",", "،"} and _new_subject_after(doc, sent, t + 1):
            cuts.append(t + 1)    # "Egypt condemned the move, and Sudan backed Cairo": two clauses
    cuts.append(len(toks))
    cuts = sorted(set(c for c in cuts if 0 <= c <= len(toks)))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _participants(doc: Doc, sent: Sent, ents: list[EntMention], people: list[PersonMention],
                  orgs: list[Organization], lo: int = 0, hi: int | None = None
                  ) -> tuple[list[str], list[str], list[str], list[str]]:
    """Acting states of the sentence (or of tokens lo..hi), states that are only a subject, places, and states
    named only as where something is."""
    hi = len(sent.tokens) if hi is None else hi
    ents = [em for em in sent.ems if lo <= em.start < hi]
    people = [pm for pm in people if pm.sent is sent and lo <= pm.start < hi]
    actors: list[str] = []
    topic_states: list[str] = []
    places: list[str] = []
    located: list[str] = []     # "the Pakistani capital", "the Bosnian town": where, not who
    for em in ents:
        if em.sent is not sent:
            continue
        if em.kind == "place":
            if em.locative and not em.attribution and em.sub in ("capital", "city") and em.value not in places:
                places.append(em.value)
            elif em.locative and not em.attribution and em.sub == "region" and em.state \
                    and em.state not in located:
                located.append(em.state)     # "withdrawn from Karabakh", "strikes in Crimea": where, not who
            continue
        code = em.value if em.kind == "state" else em.state
        if not code or em.attribution:
            continue
        if em.kind == "state" and em.as_topic:
            if code not in topic_states:
                topic_states.append(code)
            continue
        if em.kind == "state" and em.locative:
            if code not in located:
                located.append(code)
            continue
        if code not in actors:
            actors.append(code)
    for pm in people:
        if pm.sent is sent and pm.official.state and pm.official.state not in actors:
            actors.append(pm.official.state)
    span = (sent.tokens[lo].start, sent.tokens[hi - 1].end) if hi > lo else (0, 0)
    for org in orgs:
        here = [m for m in org.mentions if m.sentence == sent.index and span[0] <= m.start < span[1]]
        if here:
            acting = org.kind in ("state-body", "armed-group", "party")
            codes = org.states or ((org.state,) if org.state and acting else ())
            info = refdata.organizations().get(org.id)
            if info and info.members and any(_as_members(doc, sent, m) for m in here):
                codes = tuple(codes) + info.members       # "the GCC states", "دول مجلس التعاون": its members act
            for code in codes:
                if code not in actors:
                    actors.append(code)
    topic_states = [c for c in topic_states if c not in actors]
    states = refdata.states()
    actors = [c for c in actors if c in states and states[c].status != "historical"] or \
             [c for c in actors if c in states]
    return actors, topic_states, places, [c for c in located if c not in actors]


def _as_members(doc: Doc, sent: Sent, mention) -> bool:
    """Whether an organisation's name stands for its member states: "the GCC states", "G7 countries", "the
    member states of the CSTO", "قادة دول مجلس التعاون", "страны G7" (word class member-states before the
    name, member-states-after after it)."""
    first = next((t for t, tok in enumerate(sent.tokens) if tok.start >= mention.start), None)
    if first is None:
        return False
    after = next((t for t in range(first, len(sent.tokens)) if sent.tokens[t].start >= mention.end), len(sent.tokens))
    return phrase_before(doc, sent, first, "member-states", span=4) or \
        (after < len(sent.tokens) and token_in(doc, sent, after, "member-states-after"))


def _asked_end(doc: Doc, sent: Sent, m, hi: int) -> int:
    """End of the party a demand is made of: the first state (or states joined by "and") after "that" (أن,
    чтобы), or ``hi`` when the demand has no "that"."""
    that = next((t for t in range(m.end, hi) if token_in(doc, sent, t, "that")), None)
    if that is None:
        # "called on the United States to keep the promises made in Singapore": the one asked is named before
        # "to" (إلى) or the infinitive; what it is asked to do names none
        to = next((t for t in range(m.end, hi) if token_in(doc, sent, t, "asked-to")
                   or doc.lex.lang.infinitive(sent.tokens[t].text)), None)     # призвал США выполнять ...
        if to is not None and any(m.end <= em.start < to and (em.kind == "state" or em.state)
                                  and not em.attribution for em in sent.ems):
            return to
        return hi
    named = sorted((em.start, em.end) for em in sent.ems if that < em.start < hi
                   and (em.kind == "state" or em.state) and not em.attribution)
    if not named:
        return hi
    end = named[0][1]
    for start, stop in named[1:]:
        gap = [sent.tokens[t].text.lower() for t in range(end, start)]
        if len(gap) > 2 or not all(w in {",", "،", "and", "و", "и", "the"} for w in gap):
            break
        end = stop
    return end


def _context(doc: Doc, sent: Sent, people: list[PersonMention]) -> str:
    ctx = [e.data[1] for m in sent.cues for e in m.entries if e.value == "CTX"]
    if "military" in ctx:
        return "military"
    for pm in people:
        if pm.sent is sent and pm.official.portfolio in MILITARY_PORTFOLIOS:
            return "military"
    if "economic" in ctx:
        return "economic"
    return "diplomatic"
