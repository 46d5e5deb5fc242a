"""One article in, one Extraction out: the stages in order, each reading the tokenised document."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ontology import refdata

from ..lang.base import read_rows

from ..model import Article, Extraction, Place, StateRef
from . import doc as docmod
from . import entities, events, orgs, people, statements


@lru_cache(maxsize=1)
def _topic_rules() -> tuple[tuple[frozenset[str], str, str, int], ...]:
    rows = read_rows(Path(__file__).resolve().parent / "topic_rules.tsv")
    return tuple((frozenset(r["types"].split("|")), r["context"], r["topic"], int(r.get("min") or 1)) for r in rows)


def _implied_topics(evs) -> list[str]:
    """Topics the reported events imply (topic_rules.tsv)."""
    out = []
    for types, context, topic, minimum in _topic_rules():
        n = sum(1 for e in evs if e.type in types and (context == "*" or e.context == context))
        if n >= minimum:
            out.append(topic)
    return out


def _by_sentence(doc, ents) -> None:
    """Give each sentence its own entity mentions, so that per-sentence work does not scan the whole article."""
    for sent in doc.sents:
        sent.ems = []
    for em in ents:
        em.sent.ems.append(em)


def _outside_names(ents, person_mentions):
    """Drop state, place and organisation readings of words that belong to a person's name ("Братислав" is
    not Bratislava, "Jordan" in a name is not the state)."""
    taken = {(pm.sent.index, t) for pm in person_mentions for t in range(pm.start, pm.end)}
    return [em for em in ents if not any((em.sent.index, t) in taken for t in range(em.start, em.end))]


SPEECH_ACTS = {"AGREE", "REJECT", "ACCUSE", "THREATEN", "REQUEST", "SUPPORT", "PROTEST"}


def _speakers_take_part(evs, stmts) -> None:
    """"We are ready to expand our cooperation with Islamabad," said the Russian deputy minister: the speaker's
    state is a party to what the quote promises, refuses, demands or condemns."""
    for st in stmts:
        if not st.speaker_state:
            continue
        for ev in evs:
            if ev.type in SPEECH_ACTS and st.speaker_state not in ev.states and any(
                    st.mention.start <= m.start < st.mention.end for m in ev.mentions):
                ev.states = sorted(ev.states + [st.speaker_state])


def extract(article: Article) -> Extraction:
    doc = docmod.build(article)
    ents = entities.find(doc)
    _by_sentence(doc, ents)
    officials, person_mentions = people.find(doc, ents)
    anonymous = people.unnamed(doc, ents, person_mentions)
    ents = _outside_names(ents, person_mentions)
    _by_sentence(doc, ents)
    organizations = orgs.find(doc, ents)
    evs = events.find(doc, ents, person_mentions, organizations)
    stmts = statements.find(doc, person_mentions, evs)
    _speakers_take_part(evs, stmts)

    states: dict[str, StateRef] = {}
    for em in ents:
        code = em.value if em.kind == "state" else None
        if code is None or em.attribution:
            continue
        ref = states.setdefault(code, StateRef(code))
        ref.mentions.append(doc.mention(em.sent, em.start, em.end))
        ref.as_topic = ref.as_topic or em.as_topic
    for off in officials:
        if off.state and off.state not in states:
            states[off.state] = StateRef(off.state)
    for ev in evs:
        for code in ev.states:
            states.setdefault(code, StateRef(code))

    places: dict[str, Place] = {}
    for em in ents:
        if em.kind == "place" and not em.attribution:
            info = refdata.places().get(em.value)
            p = places.setdefault(em.value, Place(em.value, info.label("en") if info else em.value, em.state))
            p.mentions.append(doc.mention(em.sent, em.start, em.end))

    topics: list[str] = []
    for sent in doc.sents:
        for m in sent.topics:
            for e in m.entries:
                if e.kind == "topic" and e.value not in topics:
                    topics.append(e.value)
    for code, ref in states.items():
        if ref.as_topic and f"state:{code}" not in topics:
            topics.append(f"state:{code}")
    for tid in _implied_topics(evs):
        if tid not in topics:
            topics.append(tid)
    dates = [(d.value, doc.mention(s, d.start, d.end)) for s in doc.sents for d in s.dates if d.value]
    return Extraction(article=article, states=list(states.values()), officials=officials,
                      organizations=organizations, places=list(places.values()), events=evs, statements=stmts,
                      topics=topics, unnamed=anonymous, dates=dates,
                      sentences=[(s.start, s.end) for s in doc.sents])
