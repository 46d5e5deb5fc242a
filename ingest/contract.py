"""The JSON Lines contract of ``legation extract --format jsonl`` (see the shared eval README): names, positions,
places and topics in English; states as ISO codes; organisations apart from state bodies."""
from __future__ import annotations

from ontology import refdata

from .model import Extraction


def topic_label(tid: str) -> str:
    if tid.startswith("state:"):
        st = refdata.states().get(tid[6:])
        return st.label("en") if st else tid[6:]
    c = refdata.topics().get(tid)
    return c.label("en") if c else tid.replace("-", " ")


def place_label(pid: str | None) -> str | None:
    if not pid:
        return None
    p = refdata.places().get(pid)
    return p.label("en") if p else pid


def to_json(ex: Extraction, path: str | None = None) -> dict:
    a = ex.article
    orgs = [o for o in ex.organizations if o.kind != "state-body"]
    bodies = [o for o in ex.organizations if o.kind == "state-body"]
    return {
        "path": path or a.path,
        "id": a.id,
        "lang": a.lang,
        "title": a.title,
        "published": a.published_date,
        "source": a.source,
        "publisher": a.publisher,
        "states": [s.code for s in ex.states],
        "officials": [{"name": o.name, "position": o.position, "state": o.state, "native": o.native}
                      for o in ex.officials],
        "organizations": [{"name": o.name, "acronym": o.acronym, "kind": o.kind} for o in orgs],
        "state_bodies": [{"name": o.name, "state": o.state} for o in bodies],
        "events": [{"type": e.type, "context": e.context, "date": e.date, "place": place_label(e.place),
                    "states": e.states, "people": e.people, "topics": [topic_label(t) for t in e.topics],
                    "confidence": e.confidence,
                    "evidence": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions[:3]]}
                   for e in ex.events],
        "statements": [{"speaker": s.speaker, "quote": s.quote, "start": s.mention.start, "end": s.mention.end}
                       for s in ex.statements],
        "topics": [topic_label(t) for t in ex.topics],
        "places": [p.name for p in ex.places],
    }
