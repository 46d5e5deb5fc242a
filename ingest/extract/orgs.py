"""Organisations: known international bodies, alliances, armed groups, parties, companies and agencies from the
reference table, and bilateral commissions and committees recognised by their pattern.

A committee name is a head word (committee, لجنة, комиссия) with the words of its kind around it (joint,
military, consultative, الاستشارية, межправительственная), state adjectives (Russian-Pakistani, الروسية -
الباكستانية, российско-пакистанская) and what it deals with (on defence and security, للدفاع والأمن, по
военно-техническому сотрудничеству). Its English name is composed from the language's orgwords.tsv.
State bodies (ministries, general staffs, parliaments, agencies) are kept apart: they belong to a state.
"""
from __future__ import annotations

import re

from ontology import refdata

from ..model import Organization
from .doc import Doc, Sent
from .entities import EntMention

IO_KINDS = {"igo", "alliance", "court", "armed-group", "party", "company", "other", "committee"}


def find(doc: Doc, ents: list[EntMention]) -> list[Organization]:
    orgs: dict[str, Organization] = {}
    for em in ents:
        if em.kind != "org":
            continue
        info = refdata.organizations().get(em.value)
        if info is None:
            continue
        org = orgs.get(info.id)
        if org is None:
            kind = "state-body" if info.kind == "agency" else info.kind
            org = orgs[info.id] = Organization(id=info.id, name=info.label("en"), acronym=info.acronym("en"),
                                               native=doc.text_of(em.sent, em.start, em.end), kind=kind,
                                               state=info.state)
        org.mentions.append(doc.mention(em.sent, em.start, em.end))
    for sent in doc.sents:
        for org in _committees(doc, sent, ents):
            known = orgs.get(org.id)
            if known:
                known.mentions.extend(org.mentions)
            else:
                orgs[org.id] = org
    for org in _state_bodies(doc, ents):
        if org.id in orgs:
            orgs[org.id].mentions.extend(org.mentions)
        else:
            orgs[org.id] = org
    return list(orgs.values())


def _committees(doc: Doc, sent: Sent, ents: list[EntMention]) -> list[Organization]:
    words = {m.start: m for m in doc.lex.orgwords.find(sent.tokens, sent.keys, starts=sent.starts)}
    states = {}
    for em in sent.ems:
        if em.kind == "state" and em.sub in ("adj", "prefix", "name"):
            for i in range(em.start, em.end):
                states[i] = em
    out = []
    toks = sent.tokens
    used: set[int] = set()
    for i, m in sorted(words.items()):
        head = m.first("orgword")
        if head is None or head.sub != "head" or i in used:
            continue
        # extend left (English, Russian: adjectives before the head) and right (Arabic; "on X" in all)
        lo = i
        while True:
            prev = _match_ending_at(words, lo)
            if prev is not None and prev.first().sub in ("adj", "of"):
                lo = prev.start
                continue
            if lo - 1 in states:
                lo = states[lo - 1].start
                continue
            if lo - 1 >= 0 and toks[lo - 1].text in {"-", "–"} and lo - 2 in states:
                lo = states[lo - 2].start
                continue
            break
        hi = m.end
        while hi < len(toks):
            nxt = words.get(hi)
            if nxt is not None and nxt.first().sub in ("adj", "of", "conn"):
                hi = nxt.end
                continue
            if hi in states:
                hi = states[hi].end
                continue
            if toks[hi].text in {"-", "–"} and hi + 1 in states:
                hi = states[hi + 1].end
                continue
            break
        while hi > m.end and (words.get(_start_of(words, hi - 1)) or m).first().sub == "conn":
            hi = _start_of(words, hi - 1)
        used.update(range(lo, hi))
        codes = []
        for t in range(lo, hi):
            if t in states and states[t].value not in codes:
                codes.append(states[t].value)
        parts = [words[t].first() for t in range(lo, hi) if t in words]
        adjs = [p.value for p in parts if p.sub == "adj"]
        ofs = [p.value for p in parts if p.sub == "of"]
        if not adjs and not ofs and not codes:
            continue          # a bare "the committee": not a name
        if doc.article.lang == "en":
            name = doc.text_of(sent, lo, hi)
            if not name[:1].isupper():
                continue
        else:
            name = _english_name(codes, adjs, head.value, ofs)
        oid = "committee-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        org = Organization(id=oid, name=name, native=doc.text_of(sent, lo, hi), kind="committee",
                           states=tuple(codes))
        org.mentions.append(doc.mention(sent, lo, hi))
        out.append(org)
    return out


def _match_ending_at(words, end: int):
    for m in words.values():
        if m.end == end:
            return m
    return None


def _start_of(words, t: int) -> int:
    for m in words.values():
        if m.start <= t < m.end:
            return m.start
    return t


def _english_name(codes: list[str], adjs: list[str], head: str, ofs: list[str]) -> str:
    """"Russian-Pakistani Military Consultative Committee on Defence and Security"."""
    states = refdata.states()
    adj_of = [(states[c].adjectives.get("en") or states[c].names.get("en") or (c,))[0] for c in codes if c in states]
    order = {"Joint": 0, "Intergovernmental": 1, "High": 2, "Permanent": 3, "Military": 4, "Consultative": 5}
    adjs = sorted(dict.fromkeys(a for a in adjs if a != "="), key=lambda a: order.get(a, 6))
    name = " ".join(filter(None, ["-".join(adj_of), " ".join(adjs), head]))
    ofs = [o for o in dict.fromkeys(ofs) if o != "="]
    if ofs:
        name += " on " + " and ".join(ofs)
    return name


def _state_bodies(doc: Doc, ents: list[EntMention]) -> list[Organization]:
    """Ministries, general staffs, armed forces, parliaments named with their state."""
    out = []
    ports = refdata.portfolios()
    for sent in doc.sents:
        for m in sent.titles:
            e = m.first()
            if e.kind != "body":
                continue
            kind, _, port = str(e.value).partition("/")
            state = None
            for em in sent.ems:
                if em.kind == "state" and (em.start in (m.end, m.end + 1) or em.end in (m.start, m.start - 1)):
                    state = em.value
                    break
            if state is None:
                continue
            if kind == "ministry" and port:
                label = ports[port].label("en") if port in ports else port.replace("-", " ").title()
                name = f"Ministry of {label}"
            elif kind == "ministry":
                continue
            else:
                name = kind.replace("-", " ").title()
            st = refdata.states().get(state)
            full = f"{name} of {st.label('en') if st else state}"
            oid = f"{state.lower()}-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            org = Organization(id=oid, name=full, kind="state-body", state=state,
                               native=doc.text_of(sent, m.start, m.end))
            org.mentions.append(doc.mention(sent, m.start, m.end))
            out.append(org)
    return out
