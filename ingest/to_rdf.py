"""An Extraction as RDF: one named graph per article, with our ontology's terms (see DESIGN.md "Ontology").

Everything an article says lives in its graph: the article node, its mentions (offsets into the original text,
the sentence), and every fact it attests about shared nodes (states, people, posts, organisations, events,
statements). The union of the graphs is the knowledge graph; removing an article's graph removes exactly what only
it attested. Triples are produced as rdflib terms; ``to_nquads`` writes them for a store.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from ontology import refdata
from ontology.iris import (article_iri, concept_iri, graph_iri, membership_iri, mention_iri, org_iri, place_iri,
                           post_iri, state_iri, statement_iri)
from ontology.vocab import GAF, LG, NIF, ORG, PROV, SCHEMA, SEM

from .model import Extraction, Mention
from .resolve import Identity, Resolver, post_key

Triple = tuple  # (subject, predicate, object)

ORG_CLASSES = {"igo": LG.InternationalOrganization, "alliance": LG.Alliance, "court": LG.Court,
               "armed-group": LG.ArmedGroup, "party": LG.PoliticalParty, "company": LG.Company,
               "agency": LG.NewsAgency, "state-body": LG.StateBody, "committee": ORG.Organization,
               "other": ORG.Organization}


# Terms every article uses, looked up once (an rdflib namespace builds its URIRef anew at each attribute access)
_MENTION, _BEGIN, _END, _ANCHOR = LG.Mention, NIF.beginIndex, NIF.endIndex, NIF.anchorOf
_IN_ARTICLE, _SENTENCE_INDEX, _SENTENCE, _DENOTED_BY = LG.inArticle, LG.sentenceIndex, LG.sentence, GAF.denotedBy


@lru_cache(maxsize=20_000)
def _int(n: int) -> Literal:
    """An xsd:integer literal; offsets and sentence numbers recur from article to article (Literal() is slow)."""
    return Literal(n)


def _date_literal(value: str) -> Literal:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value[:4], datatype=XSD.gYear)


def _topic_iri(tid: str) -> URIRef:
    if tid.startswith("state:"):
        return state_iri(tid[6:])
    return concept_iri("topic", tid)


def triples(ex: Extraction, ident: Identity | None = None) -> list[Triple]:
    """The triples of one article's named graph."""
    if ident is None:
        ident = Resolver(None).resolve(ex)
    a = ex.article
    art = article_iri(a.id)
    text = a.text
    sentences = ex.sentences
    out: list[Triple] = []
    add = out.append
    lang = a.lang

    add((art, RDF.type, SCHEMA.NewsArticle))
    add((art, SCHEMA.inLanguage, Literal(lang)))
    if a.title:
        add((art, SCHEMA.headline, Literal(a.title, lang=lang)))
    if a.published_date:
        add((art, SCHEMA.datePublished, _date_literal(a.published_date)))
    if a.publisher:
        add((art, SCHEMA.publisher, Literal(a.publisher, lang=lang)))
    if a.source:
        add((art, SCHEMA.isBasedOn, Literal(a.source, lang=lang)))
    if a.url:
        add((art, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))

    seen_mentions: set[URIRef] = set()
    confidences: dict[URIRef, float] = {}

    sentence_literals: dict[int, Literal] = {}

    def mention(m: Mention, confidence: float | None = None) -> URIRef:
        node = mention_iri(a.id, m.start, m.end)
        if node not in seen_mentions:
            seen_mentions.add(node)
            add((node, RDF.type, _MENTION))
            add((node, _BEGIN, _int(m.start)))
            add((node, _END, _int(m.end)))
            add((node, _ANCHOR, Literal(text[m.start:m.end])))
            add((node, _IN_ARTICLE, art))
            add((node, _SENTENCE_INDEX, _int(m.sentence)))
            if 0 <= m.sentence < len(sentences):
                if m.sentence not in sentence_literals:
                    s, e = sentences[m.sentence]
                    sentence_literals[m.sentence] = Literal(text[s:e], lang=lang)
                add((node, _SENTENCE, sentence_literals[m.sentence]))
        if confidence is not None:
            confidences[node] = max(confidence, confidences.get(node, 0.0))   # one value per mention
        return node

    for st in ex.states:
        node = state_iri(st.code)
        for m in st.mentions:
            add((node, _DENOTED_BY, mention(m)))
    for p in ex.places:
        for m in p.mentions:
            add((place_iri(p.id), _DENOTED_BY, mention(m)))

    org_nodes: dict[str, URIRef] = {}
    for o in ex.organizations:
        node = org_iri(o.id)
        org_nodes[o.id] = node
        add((node, RDF.type, ORG_CLASSES.get(o.kind, ORG.Organization)))
        if o.kind in ("committee", "state-body") or o.id not in refdata.organizations():
            add((node, RDFS.label, Literal(o.name, lang="en")))
            if o.native and lang != "en":
                add((node, RDFS.label, Literal(o.native, lang=lang)))
        if o.state and o.kind == "state-body":
            add((node, ORG.subOrganizationOf, state_iri(o.state)))
        for code in o.states:
            add((node, ORG.hasMember, state_iri(code)))
        for m in o.mentions:
            add((node, _DENOTED_BY, mention(m)))

    people: dict[str, URIRef] = {}
    for off, node in zip(ex.officials, ident.persons):
        people[off.name] = node
        add((node, RDF.type, LG.Person))
        # the English spelling when the article is English (or the name is a known one), else a transliteration
        latin_tag = "en" if off.lang in (None, "en") or off.known else f"{off.lang}-Latn"
        add((node, RDFS.label, Literal(off.name, lang=latin_tag)))
        if off.native and off.lang and off.lang != "en" and off.native != off.name:
            add((node, RDFS.label, Literal(off.native, lang=off.lang)))
        if off.key:
            add((node, LG.nameKey, Literal(off.key)))
        ms = [mention(m) for m in off.mentions]
        for m in ms:
            add((node, _DENOTED_BY, m))
        if off.role and (off.state or off.org):
            pkey = post_key(off)
            post = post_iri(pkey)
            add((post, RDF.type, ORG.Post))
            label = off.position or off.role
            if off.state:
                st = refdata.states().get(off.state)
                label = f"{label} of {st.label('en') if st else off.state}"
                add((post, ORG.postIn, state_iri(off.state)))
            else:
                add((post, ORG.postIn, org_iri(off.org)))
            add((post, RDFS.label, Literal(label, lang="en")))
            add((post, ORG.role, concept_iri("role", off.role)))
            if off.portfolio:
                add((post, LG.portfolio, concept_iri("portfolio", off.portfolio)))
            mem = membership_iri(f"{node.rsplit('/', 1)[-1]}-{pkey}")
            add((mem, RDF.type, ORG.Membership))
            add((mem, ORG.member, node))
            add((mem, ORG.organization, state_iri(off.state) if off.state else org_iri(off.org)))
            add((mem, ORG.role, concept_iri("role", off.role)))
            add((mem, LG.post, post))
            add((node, ORG.holds, post))
            for m in ms[:1]:
                add((mem, _DENOTED_BY, m))

    for n, (ev, node) in enumerate(zip(ex.events, ident.events)):
        add((node, RDF.type, LG.Meeting if ev.meeting else LG.Event))
        add((node, LG.eventType, concept_iri("plover", ev.type)))
        add((node, LG.context, concept_iri("context", ev.context)))
        for code in ev.states:
            add((node, SEM.hasActor, state_iri(code)))
        for name in ev.people:
            if name in people:
                add((node, SEM.hasActor, people[name]))
        for oid in ev.organizations:
            if oid in org_nodes:
                add((node, SEM.hasActor, org_nodes[oid]))
        date = ident.event_dates[n] if n < len(ident.event_dates) else ev.date
        if date:
            add((node, SEM.hasTimeStamp, _date_literal(date)))
        if ev.place:
            add((node, SEM.hasPlace, place_iri(ev.place)))
        for t in ev.topics:
            add((node, LG.topic, _topic_iri(t)))
        add((node, PROV.wasDerivedFrom, art))
        for m in ev.mentions:
            add((node, _DENOTED_BY, mention(m, ev.confidence)))

    # posts named without their holder: the holder found for the article's date
    for off, found in zip(ex.unnamed, ident.holders):
        if not found:
            continue
        node, latin, key = found
        add((node, RDF.type, LG.Person))
        add((node, LG.nameKey, Literal(key)))
        if latin:
            add((node, RDFS.label, Literal(latin, lang="en")))
        for m in off.mentions:
            add((node, _DENOTED_BY, mention(m)))
            for ev, enode in zip(ex.events, ident.events):
                if m.sentence in ev.sentences:
                    add((enode, SEM.hasActor, node))

    events = ident.events
    for n, s in enumerate(ex.statements):
        node = statement_iri(f"{a.id}-{s.mention.start}")
        add((node, RDF.type, LG.Statement))
        add((node, LG.quote, Literal(s.quote, lang=lang)))
        if s.speaker and s.speaker in people:
            add((node, LG.speaker, people[s.speaker]))
        if s.event is not None and s.event < len(events):
            add((node, LG.partOfEvent, events[s.event]))
        add((node, _DENOTED_BY, mention(s.mention)))
    for t in ex.topics:
        add((art, LG.topic, _topic_iri(t)))
    for node, value in confidences.items():
        add((node, LG.confidence, Literal(f"{value:.2f}", datatype=XSD.decimal)))
    return [t for t in out if t is not None]


def to_nquads(ex: Extraction, ident: Identity | None = None) -> str:
    """The article's graph as N-Quads text (its named graph IRI on every line)."""
    g = graph_iri(ex.article.id).n3()
    return "".join(f"{s.n3()} {p.n3()} {_n3(o)} {g} .\n" for s, p, o in triples(ex, ident))


def _n3(term) -> str:
    if isinstance(term, Literal):
        return term.n3()       # rdflib escapes quotes, backslashes and newlines
    return term.n3()


def to_dataset(ex: Extraction, ident: Identity | None = None) -> Dataset:
    ds = Dataset()
    g = ds.graph(graph_iri(ex.article.id))
    for t in triples(ex, ident):
        g.add(t)
    _bind(ds)
    return ds


def _bind(ds) -> None:
    from ontology.vocab import PREFIXES
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
