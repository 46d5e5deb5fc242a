"""An Extraction as RDF: one named graph per article, with our ontology's terms (see DESIGN.md "Ontology").

Everything an article says lives in its graph: the article node, its mentions (offsets into the original text,
its sentences), and every fact it attests about shared nodes (states, people, posts, organisations, events,
statements). The union of the graphs is the knowledge graph; removing an article's graph removes exactly what only
it attested. ``ntriples`` writes an article's triples as N-Triples lines, straight from strings (what ingest
stores); ``triples`` gives the same triples as rdflib terms, ``to_nquads`` and ``to_dataset`` the graph.
"""
from __future__ import annotations

import re

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from ontology import refdata
from ontology.iris import (article_iri, concept_iri, graph_iri, membership_iri, org_iri, place_iri, post_iri,
                           state_iri, statement_iri)
from ontology.vocab import GAF, LG, NIF, ORG, PROV, SCHEMA, SEM

from .model import Extraction, Mention
from .resolve import Identity, Resolver, post_key

Triple = tuple  # (subject, predicate, object)


def _t(term) -> str:
    return f"<{term}>"


# Every term of our vocabulary the mapping writes, as N-Triples
_TYPE, _LABEL = _t(RDF.type), _t(RDFS.label)
_NEWS_ARTICLE, _IN_LANGUAGE, _HEADLINE = _t(SCHEMA.NewsArticle), _t(SCHEMA.inLanguage), _t(SCHEMA.headline)
_DATE_PUBLISHED, _PUBLISHER, _IS_BASED_ON, _URL = (_t(SCHEMA.datePublished), _t(SCHEMA.publisher),
                                                   _t(SCHEMA.isBasedOn), _t(SCHEMA.url))
_ANCHOR = _t(NIF.anchorOf)
_IN_ARTICLE, _IN_SENTENCE = _t(LG.inArticle), _t(LG.inSentence)
_SENTENCE_INDEX, _SENTENCE_TEXT = _t(LG.sentenceIndex), _t(LG.sentenceText)
_DENOTED_BY = _t(GAF.denotedBy)
_SUB_ORGANIZATION_OF, _HAS_MEMBER = _t(ORG.subOrganizationOf), _t(ORG.hasMember)
_PERSON, _NAME_KEY = _t(LG.Person), _t(LG.nameKey)
_POST, _POST_IN, _ROLE, _PORTFOLIO = _t(ORG.Post), _t(ORG.postIn), _t(ORG.role), _t(LG.portfolio)
_MEMBERSHIP, _MEMBER, _ORGANIZATION, _LG_POST, _HOLDS = (_t(ORG.Membership), _t(ORG.member), _t(ORG.organization),
                                                         _t(LG.post), _t(ORG.holds))
_MEETING, _EVENT, _EVENT_TYPE, _CONTEXT = _t(LG.Meeting), _t(LG.Event), _t(LG.eventType), _t(LG.context)
_HAS_ACTOR, _HAS_TIME_STAMP, _HAS_PLACE, _TOPIC = (_t(SEM.hasActor), _t(SEM.hasTimeStamp), _t(SEM.hasPlace),
                                                   _t(LG.topic))
_WAS_DERIVED_FROM = _t(PROV.wasDerivedFrom)
_STATEMENT, _QUOTE, _SPEAKER, _PART_OF_EVENT, _CONFIDENCE = (_t(LG.Statement), _t(LG.quote), _t(LG.speaker),
                                                             _t(LG.partOfEvent), _t(LG.confidence))
_XSD_INTEGER, _XSD_DECIMAL, _XSD_ANY_URI = f"^^{_t(XSD.integer)}", f"^^{_t(XSD.decimal)}", f"^^{_t(XSD.anyURI)}"
_XSD_DATE, _XSD_YEAR_MONTH, _XSD_YEAR = f"^^{_t(XSD.date)}", f"^^{_t(XSD.gYearMonth)}", f"^^{_t(XSD.gYear)}"
ORG_CLASSES = {"igo": LG.InternationalOrganization, "alliance": LG.Alliance, "court": LG.Court,
               "armed-group": LG.ArmedGroup, "party": LG.PoliticalParty, "company": LG.Company,
               "agency": LG.NewsAgency, "state-body": LG.StateBody, "committee": ORG.Organization,
               "other": ORG.Organization}
_ORG_CLASSES = {kind: _t(iri) for kind, iri in ORG_CLASSES.items()}
_ORGANIZATION_CLASS = _t(ORG.Organization)

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r]')
_LANG_TAG = re.compile(r"[a-zA-Z]+(?:-[a-zA-Z0-9]+)*")
_DAY, _MONTH = re.compile(r"\d{4}-\d{2}-\d{2}"), re.compile(r"\d{4}-\d{2}")

# The N-Triples form of the IRIs built from keys (ontology.iris: NFC, percent-encoded), by (kind, key); most
# recur from article to article. Built by ontology.iris's own functions, so that the IRIs are theirs.
_IRI_FUNCTIONS = {"state": state_iri, "place": place_iri, "org": org_iri, "post": post_iri,
                  "membership": membership_iri, "statement": statement_iri, "article": article_iri}
_iris: dict[tuple[str, object], str] = {}
_ints: dict[int, str] = {}


def _iri(kind: str, key) -> str:
    found = _iris.get((kind, key))
    if found is None:
        if len(_iris) > 200_000:
            _iris.clear()
        fn = _IRI_FUNCTIONS.get(kind)
        iri = fn(key) if fn is not None else concept_iri(kind, key)
        found = _iris[(kind, key)] = f"<{iri}>"
    return found


def _int(n: int) -> str:
    """An xsd:integer literal (offsets and sentence numbers: small, recurring)."""
    if type(n) is not int:
        return Literal(n).n3()
    found = _ints.get(n)
    if found is None:
        found = f'"{n}"{_XSD_INTEGER}'
        if len(_ints) < 100_000:
            _ints[n] = found
    return found


def _escaped(value: str) -> str:
    """``value`` with N-Triples' escapes; most strings need none, and finding that out (a regex scan) costs
    far less than ``str.translate``, which looks every character of a sentence up in a dict."""
    return value.translate(_ESCAPES) if _NEEDS_ESCAPE.search(value) else value


def _plain(value: str) -> str:
    return f'"{_escaped(value)}"'


_valid_tags: set[str] = set()


def _lang(value: str, tag: str) -> str:
    """A literal with a language tag (none when the tag is empty, as rdflib does); a tag N-Triples would not
    take raises ValueError."""
    if tag not in _valid_tags:
        if tag == "":
            return _plain(value)
        if not isinstance(tag, str) or not _LANG_TAG.fullmatch(tag):
            raise ValueError(f"'{tag}' is not a valid language tag!")
        _valid_tags.add(tag)
    return f'"{_escaped(value)}"@{tag}'


def _date_literal(value: str) -> str:
    if _DAY.fullmatch(value):
        return f'"{_escaped(value)}"{_XSD_DATE}'
    if _MONTH.fullmatch(value):
        return f'"{_escaped(value)}"{_XSD_YEAR_MONTH}'
    return f'"{_escaped(value[:4])}"{_XSD_YEAR}'


def _topic_iri(tid: str) -> str:
    if tid.startswith("state:"):
        return _iri("state", tid[6:])
    return _iri("topic", tid)


def ntriples(ex: Extraction, ident: Identity | None = None) -> list[str]:
    """The triples of one article's named graph, as N-Triples lines ("<s> <p> o .\n").

    Written straight from strings (every IRI through ``ontology.iris``, literals escaped, language tags
    checked), which is several times faster than building rdflib terms; ``triples`` gives the same triples as
    rdflib terms."""
    if ident is None:
        ident = Resolver(None).resolve(ex)
    a = ex.article
    art = _iri("article", a.id)
    art_base = art[:-1]
    text = a.text
    sentences = ex.sentences
    out: list[str] = []
    add = out.append
    lang = a.lang

    add(f"{art} {_TYPE} {_NEWS_ARTICLE} .\n")
    add(f"{art} {_IN_LANGUAGE} {_plain(lang)} .\n")
    if a.title:
        add(f"{art} {_HEADLINE} {_lang(a.title, lang)} .\n")
    if a.published_date:
        add(f"{art} {_DATE_PUBLISHED} {_date_literal(a.published_date)} .\n")
    if a.publisher:
        add(f"{art} {_PUBLISHER} {_lang(a.publisher, lang)} .\n")
    if a.source:
        add(f"{art} {_IS_BASED_ON} {_lang(a.source, lang)} .\n")
    if a.url:
        add(f'{art} {_URL} "{_escaped(a.url)}"{_XSD_ANY_URI} .\n')

    seen_mentions: dict[tuple[int, int], str] = {}
    confidences: dict[str, float] = {}
    sentence_nodes: dict[int, str] = {}

    def sentence(n: int) -> str:
        """The node of the article's sentence ``n``: its position and (when the extraction has it) its text,
        written once for all the mentions in it."""
        node = sentence_nodes.get(n)
        if node is None:
            node = sentence_nodes[n] = f"{art_base}#sentence={n}>"
            add(f"{node} {_SENTENCE_INDEX} {_int(n)} .\n")
            if 0 <= n < len(sentences):
                s, e = sentences[n]
                add(f"{node} {_SENTENCE_TEXT} {_lang(text[s:e], lang)} .\n")
        return node

    def mention(m: Mention, confidence: float | None = None) -> str:
        start, end = int(m.start), int(m.end)
        node = seen_mentions.get((start, end))
        if node is None:
            if start < 0 or end < start:
                raise ValueError(f"bad character span {start},{end}")
            # its offsets are in its IRI (#char=B,E, as NIF's offset-based IRIs have them) and its class
            # (lg:Mention) is lg:inArticle's domain: neither is written again (see lg:Mention)
            node = seen_mentions[(start, end)] = f"{art_base}#char={start},{end}>"
            add(f"{node} {_ANCHOR} {_plain(text[m.start:m.end])} .\n")
            add(f"{node} {_IN_ARTICLE} {art} .\n")
            add(f"{node} {_IN_SENTENCE} {sentence(m.sentence)} .\n")
        if confidence is not None:
            confidences[node] = max(confidence, confidences.get(node, 0.0))   # one value per mention
        return node

    for st in ex.states:
        node = _iri("state", st.code)
        for m in st.mentions:
            add(f"{node} {_DENOTED_BY} {mention(m)} .\n")
    for p in ex.places:
        for m in p.mentions:
            add(f"{_iri('place', p.id)} {_DENOTED_BY} {mention(m)} .\n")

    org_nodes: dict[str, str] = {}
    for o in ex.organizations:
        node = _iri("org", o.id)
        org_nodes[o.id] = node
        add(f"{node} {_TYPE} {_ORG_CLASSES.get(o.kind, _ORGANIZATION_CLASS)} .\n")
        if o.kind in ("committee", "state-body") or o.id not in refdata.organizations():
            add(f"{node} {_LABEL} {_lang(o.name, 'en')} .\n")
            if o.native and lang != "en":
                add(f"{node} {_LABEL} {_lang(o.native, lang)} .\n")
        if o.state and o.kind == "state-body":
            add(f"{node} {_SUB_ORGANIZATION_OF} {_iri('state', o.state)} .\n")
        for code in o.states:
            add(f"{node} {_HAS_MEMBER} {_iri('state', code)} .\n")
        for m in o.mentions:
            add(f"{node} {_DENOTED_BY} {mention(m)} .\n")

    people: dict[str, str] = {}
    for off, person in zip(ex.officials, ident.persons):
        node = f"<{person}>"
        people[off.name] = node
        add(f"{node} {_TYPE} {_PERSON} .\n")
        # the English spelling when the article is English (or the name is a known one), else a transliteration
        latin_tag = "en" if off.lang in (None, "en") or off.known else f"{off.lang}-Latn"
        add(f"{node} {_LABEL} {_lang(off.name, latin_tag)} .\n")
        if off.native and off.lang and off.lang != "en" and off.native != off.name:
            add(f"{node} {_LABEL} {_lang(off.native, off.lang)} .\n")
        if off.key:
            add(f"{node} {_NAME_KEY} {_plain(off.key)} .\n")
        ms = [mention(m) for m in off.mentions]
        for m in ms:
            add(f"{node} {_DENOTED_BY} {m} .\n")
        if off.role and (off.state or off.org):
            pkey = post_key(off)
            post = _iri("post", pkey)
            add(f"{post} {_TYPE} {_POST} .\n")
            label = off.position or off.role
            if off.state:
                st = refdata.states().get(off.state)
                label = f"{label} of {st.label('en') if st else off.state}"
                add(f"{post} {_POST_IN} {_iri('state', off.state)} .\n")
            else:
                add(f"{post} {_POST_IN} {_iri('org', off.org)} .\n")
            add(f"{post} {_LABEL} {_lang(label, 'en')} .\n")
            role = _iri("role", off.role)
            add(f"{post} {_ROLE} {role} .\n")
            if off.portfolio:
                add(f"{post} {_PORTFOLIO} {_iri('portfolio', off.portfolio)} .\n")
            mem = _iri("membership", f"{person.rsplit('/', 1)[-1]}-{pkey}")
            add(f"{mem} {_TYPE} {_MEMBERSHIP} .\n")
            add(f"{mem} {_MEMBER} {node} .\n")
            add(f"{mem} {_ORGANIZATION} {_iri('state', off.state) if off.state else _iri('org', off.org)} .\n")
            add(f"{mem} {_ROLE} {role} .\n")
            add(f"{mem} {_LG_POST} {post} .\n")
            add(f"{node} {_HOLDS} {post} .\n")
            for m in ms[:1]:
                add(f"{mem} {_DENOTED_BY} {m} .\n")

    events = [f"<{e}>" for e in ident.events]
    for n, (ev, node) in enumerate(zip(ex.events, events)):
        add(f"{node} {_TYPE} {_MEETING if ev.meeting else _EVENT} .\n")
        add(f"{node} {_EVENT_TYPE} {_iri('plover', ev.type)} .\n")
        add(f"{node} {_CONTEXT} {_iri('context', ev.context)} .\n")
        for code in ev.states:
            add(f"{node} {_HAS_ACTOR} {_iri('state', code)} .\n")
        for name in ev.people:
            if name in people:
                add(f"{node} {_HAS_ACTOR} {people[name]} .\n")
        for oid in ev.organizations:
            if oid in org_nodes:
                add(f"{node} {_HAS_ACTOR} {org_nodes[oid]} .\n")
        date = ident.event_dates[n] if n < len(ident.event_dates) else ev.date
        if date:
            add(f"{node} {_HAS_TIME_STAMP} {_date_literal(date)} .\n")
        if ev.place:
            add(f"{node} {_HAS_PLACE} {_iri('place', ev.place)} .\n")
        for t in ev.topics:
            add(f"{node} {_TOPIC} {_topic_iri(t)} .\n")
        add(f"{node} {_WAS_DERIVED_FROM} {art} .\n")
        for m in ev.mentions:
            add(f"{node} {_DENOTED_BY} {mention(m, ev.confidence)} .\n")

    # posts named without their holder: the holder found for the article's date
    for off, found in zip(ex.unnamed, ident.holders):
        if not found:
            continue
        person, latin, key = found
        node = f"<{person}>"
        add(f"{node} {_TYPE} {_PERSON} .\n")
        add(f"{node} {_NAME_KEY} {_plain(key)} .\n")
        if latin:
            add(f"{node} {_LABEL} {_lang(latin, 'en')} .\n")
        for m in off.mentions:
            add(f"{node} {_DENOTED_BY} {mention(m)} .\n")
            for ev, enode in zip(ex.events, events):
                if m.sentence in ev.sentences:
                    add(f"{enode} {_HAS_ACTOR} {node} .\n")

    for n, s in enumerate(ex.statements):
        node = _iri("statement", f"{a.id}-{s.mention.start}")
        add(f"{node} {_TYPE} {_STATEMENT} .\n")
        add(f"{node} {_QUOTE} {_lang(s.quote, lang)} .\n")
        if s.speaker and s.speaker in people:
            add(f"{node} {_SPEAKER} {people[s.speaker]} .\n")
        if s.event is not None and s.event < len(events):
            add(f"{node} {_PART_OF_EVENT} {events[s.event]} .\n")
        add(f"{node} {_DENOTED_BY} {mention(s.mention)} .\n")
    for t in ex.topics:
        add(f"{art} {_TOPIC} {_topic_iri(t)} .\n")
    for node, value in confidences.items():
        add(f'{node} {_CONFIDENCE} "{value:.2f}"{_XSD_DECIMAL} .\n')
    return out


def triples(ex: Extraction, ident: Identity | None = None) -> list[Triple]:
    """The triples of one article's named graph, as rdflib terms (those ``ntriples`` writes)."""
    import pyoxigraph as ox
    out = []
    for t in ox.parse("".join(ntriples(ex, ident)), ox.RdfFormat.N_TRIPLES):
        out.append(tuple(_rdflib(term) for term in (t.subject, t.predicate, t.object)))
    return out


def _rdflib(term):
    import pyoxigraph as ox
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def to_nquads(ex: Extraction, ident: Identity | None = None) -> str:
    """The article's graph as N-Quads text (its named graph IRI on every line)."""
    g = f" <{graph_iri(ex.article.id)}> .\n"
    return "".join(line[:-3] + g for line in ntriples(ex, ident))


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
