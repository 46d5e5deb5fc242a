"""The two networks of the page, built with networkx from ``Facts``.

- ``entity_graph``: states, people, organisations, events and topics. An event is linked to its participants
  (``actor``) and topics (``topic``); a person to the state of the posts held (``post``); an organisation to the
  state it is a body of (``part of``) or that is a member of it (``member``), when both ends are in the graph.
- ``state_graph``: states only; two states are linked when they take part in the same event, and the edge's
  ``weight`` is the number of such events. Its colour runs from cooperation to friction by the PLOVER types of
  those events (``score`` = (cooperation − friction) / events, from +1 to −1).

Every node has ``kind``, ``label`` (in the chosen language), ``iri``, ``weight`` (the number of selected events
it takes part in) and ``tip``: what its tooltip shows, as plain data (title, lines, evidence); the page turns it
into text nodes, never into HTML. ``min_weight`` drops light edges (state view) or nodes in fewer events
(entity view).
"""
from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx

from legation.errors import ParameterError
from ontology.iris import state_iri

from .facts import Event, Facts

KINDS = ("state", "person", "organization", "event", "topic")
MAX_EVIDENCE = 4            # evidence sentences in one tooltip
MAX_LINES = 12              # other lines in one tooltip


def _evidence(facts: Facts, event: Event, lang: str, limit: int = MAX_EVIDENCE) -> list[dict]:
    out = []
    for ev in event.evidence:
        if not ev.sentence:
            continue
        src = facts.sources.get(ev.article)
        source = []
        if src:
            source = [x for x in (src.publisher, src.agency if src.agency != src.publisher else "", src.headline,
                                  src.url) if x]
        out.append({"text": ev.sentence, "lang": ev.lang, "date": (src.published if src else "") or "",
                    "source": " — ".join(source), "event": _event_title(facts, event, lang)})
        if len(out) >= limit:
            break
    return out


def _event_title(facts: Facts, event: Event, lang: str) -> str:
    states = "–".join(event.states)
    parts = [facts.type_label(event.type, lang), event.date or "", states]
    return " · ".join(p for p in parts if p)


def _place(facts: Facts, event: Event, lang: str) -> str:
    return facts.label(event.place, lang) if event.place else ""


def _add_node(g: nx.Graph, iri: str, kind: str, label: str, **attrs) -> None:
    if iri not in g:
        g.add_node(iri, iri=iri, kind=kind, label=label, weight=0, **attrs)


def entity_graph(facts: Facts, lang: str = "en", min_weight: int = 1) -> nx.Graph:
    """States, people, organisations, events and topics of the selected events (see the module docstring)."""
    g = nx.Graph(view="entities", lang=lang, selection=facts.selection.describe())
    label = facts.labels.get
    events_of: dict[str, set[str]] = defaultdict(set)
    for ev in facts.sorted_events():
        for iri in _ends(ev):       # a state named as a topic is the state's own node
            events_of[iri].add(ev.iri)
    keep = {iri for iri, evs in events_of.items() if len(evs) >= max(1, min_weight)}

    for ev in facts.sorted_events():
        members = list(dict.fromkeys(iri for iri in _ends(ev) if iri in keep))
        actors = {str(state_iri(c)) for c in ev.states} | set(ev.people) | set(ev.organizations)
        if not members:
            continue
        short = f"{facts.type_label(ev.type, lang)} {ev.date or ''}".strip()
        _add_node(g, ev.iri, "event", short, meeting=ev.meeting, polarity=ev.polarity, type=ev.type,
                  date=ev.date or "", place=_place(facts, ev, lang), states=" ".join(ev.states))
        g.nodes[ev.iri]["weight"] = 1
        lines = [f"{facts.type_label(ev.type, lang)} ({ev.type}, {ev.polarity})"]
        if ev.date:
            lines.append(f"date: {ev.date}")
        if ev.place:
            lines.append(f"place: {_place(facts, ev, lang)}")
        names = [facts.state_label(c, lang) for c in ev.states] + [label(p, lang) for p in ev.people] \
            + [label(o, lang) for o in ev.organizations]
        if names:
            lines.append("participants: " + ", ".join(names))
        if ev.topics:
            lines.append("topics: " + ", ".join(label(t, lang) for t in ev.topics))
        g.nodes[ev.iri]["tip"] = {"title": _event_title(facts, ev, lang), "lines": lines,
                                  "evidence": _evidence(facts, ev, lang)}
        for iri in members:
            kind = _kind(iri)
            _add_node(g, iri, kind, label(iri, lang))
            relation = "topic" if iri in ev.topics and iri not in actors else "actor"
            g.add_edge(ev.iri, iri, relation=relation, weight=1)

    for iri, data in g.nodes(data=True):
        if data["kind"] == "event":
            continue
        data["weight"] = len(events_of.get(iri, ()))
        data["tip"] = _entity_tip(facts, iri, data["kind"], data["weight"], lang)

    for person in facts.people.values():
        if person.iri not in g:
            continue
        for post in person.posts:
            target = str(state_iri(post.state)) if post.state else None
            if target and target in g:
                if g.has_edge(person.iri, target):
                    g.edges[person.iri, target]["label"] += "; " + post.label
                else:
                    g.add_edge(person.iri, target, relation="post", label=post.label, weight=1)
    for link in facts.org_links:
        target = str(state_iri(link.state))
        if link.org in g and target in g and not g.has_edge(link.org, target):
            g.add_edge(link.org, target, relation="part of" if link.relation == "sub" else "member", weight=1)
    return g


def _ends(ev: Event) -> list[str]:
    return [str(state_iri(c)) for c in ev.states] + ev.people + ev.organizations + ev.topics


def _kind(iri: str) -> str:
    seg = iri.split("/")[-2]
    return {"state": "state", "person": "person", "org": "organization", "topic": "topic"}.get(seg, "topic")


def _entity_tip(facts: Facts, iri: str, kind: str, n_events: int, lang: str) -> dict:
    lines = [f"{kind}, in {n_events} event{'s' if n_events != 1 else ''}"]
    others = [text for tag, text in facts.labels.all(iri) if text != facts.labels.get(iri, lang)]
    if others:
        lines.append("also: " + ", ".join(dict.fromkeys(others[:6])))
    person = facts.people.get(iri)
    if person:
        for post in person.posts[:MAX_LINES]:
            lines.append(f"post: {post.label}")
    return {"title": facts.labels.get(iri, lang), "lines": lines, "evidence": []}


def polarity_score(counts: Counter) -> float:
    """(cooperation − friction) / all events: +1 all cooperation, −1 all friction."""
    total = sum(counts.values())
    if not total:
        return 0.0
    return (counts.get("cooperation", 0) - counts.get("friction", 0)) / total


def state_graph(facts: Facts, lang: str = "en", min_weight: int = 1) -> nx.Graph:
    """States linked by the events they share (see the module docstring)."""
    g = nx.Graph(view="states", lang=lang, selection=facts.selection.describe())
    focus = set(facts.selection.states)
    pairs: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for ev in facts.sorted_events():
        states = ev.states
        for i, a in enumerate(states):
            for b in states[i + 1:]:
                if focus and a not in focus and b not in focus:
                    continue
                pairs[(a, b)].append(ev)
    for (a, b), events in pairs.items():
        if len(events) < max(1, min_weight):
            continue
        for code in (a, b):
            iri = str(state_iri(code))
            _add_node(g, iri, "state", facts.state_label(code, lang), code=code)
        types = Counter(ev.type for ev in events)
        polarity = Counter(ev.polarity for ev in events)
        score = polarity_score(polarity)
        lines = [f"{len(events)} event{'s' if len(events) != 1 else ''}: "
                 + ", ".join(f"{polarity.get(p, 0)} {p}" for p in ("cooperation", "neutral", "friction")),
                 "types: " + ", ".join(f"{facts.type_label(t, lang)} ({t}) {n}" for t, n in types.most_common())]
        latest = sorted(events, key=lambda e: e.sort_key(), reverse=True)
        evidence: list[dict] = []
        for ev in latest:
            evidence.extend(_evidence(facts, ev, lang, limit=1))
            if len(evidence) >= MAX_EVIDENCE:
                break
        title = f"{facts.state_label(a, lang)} – {facts.state_label(b, lang)}"
        g.add_edge(str(state_iri(a)), str(state_iri(b)), weight=len(events), score=round(score, 3),
                   cooperation=polarity.get("cooperation", 0), neutral=polarity.get("neutral", 0),
                   friction=polarity.get("friction", 0), types=dict(types),
                   first=min((e.date for e in events if e.date), default=""),
                   last=max((e.date for e in events if e.date), default=""),
                   tip={"title": title, "lines": lines, "evidence": evidence})
    for iri, data in g.nodes(data=True):
        code = data["code"]
        n = len({ev.iri for ev in facts.events.values() if code in ev.states})
        data["weight"] = n
        partners = sorted(g[iri].items(), key=lambda kv: -kv[1]["weight"])
        lines = [f"state, in {n} selected event{'s' if n != 1 else ''}"]
        lines += [f"{g.nodes[other]['label']}: {d['weight']} event{'s' if d['weight'] != 1 else ''}"
                  for other, d in partners[:MAX_LINES]]
        data["tip"] = {"title": data["label"], "lines": lines, "evidence": []}
    return g


VIEWS = {"entities": entity_graph, "states": state_graph}


def build(facts: Facts, view: str = "entities", lang: str = "en", min_weight: int = 1) -> nx.Graph:
    """The graph of ``view`` (``entities`` or ``states``)."""
    if view not in VIEWS:
        raise ParameterError(f"unknown view {view!r}", hint=f"use one of {', '.join(VIEWS)}")
    return VIEWS[view](facts, lang=lang, min_weight=min_weight)
