"""The mapping to RDF (ingest/to_rdf.py): N-Triples written straight from strings must be valid, escape every
literal, check language tags, and give the same triples as the rdflib view (``triples``)."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from ingest.model import Article, Event, Extraction, Mention, Official, Organization, StateRef, Statement
from ingest.resolve import Resolver
from ingest.to_rdf import ntriples, to_dataset, to_nquads, triples
from ontology import ID_BASE

TRICKY = 'Quotes " and \\ backslash\nnew line\r\ttab \u2028 — «ملف» and Россия <x> ^^ @en . '


def _extraction(title: str = TRICKY, lang: str = "en", published: str = "2024-03-05") -> Extraction:
    text = f"{title}\n{TRICKY} Sergei Lavrov met TASS."
    body = text.index("Sergei")
    article = Article.make(text, lang, title=title, published=published, source='TASS "wire"',
                           publisher="Outlet\\", url='https://example.org/a?b="c"&d=<e>')
    m = Mention(body, body + 13, "Sergei Lavrov", sentence=1)
    m0 = Mention(0, 6, text[:6], sentence=0)
    return Extraction(
        article=article,
        states=[StateRef("RU", [m0])],
        officials=[Official(name="Sergei Lavrov", state="RU", position="Minister of Foreign Affairs", role="minister",
                            portfolio="foreign-affairs", native='Лавров "С"', lang="ru", key="s.lvrv",
                            mentions=[m])],
        organizations=[Organization(id="committee-x", name='The "X" committee', kind="committee", states=("RU",),
                                    mentions=[m0])],
        events=[Event(type="CONSULT", states=["RU", "PK"], people=["Sergei Lavrov"], date="2024-03",
                      mentions=[m], sentences=[1], confidence=0.456)],
        statements=[Statement(quote='he said "no"\n', mention=m0, speaker="Sergei Lavrov", event=0)],
        topics=["state:PK"],
        sentences=[(0, len(title)), (len(title) + 1, len(text))],
    )


def test_ntriples_are_valid_and_literals_come_back_exactly():
    ex = _extraction()
    lines = ntriples(ex)
    assert all(line.endswith(" .\n") and "\n" not in line[:-1] for line in lines)
    parsed = list(ox.parse("".join(lines), ox.RdfFormat.N_TRIPLES))          # strict: IRIs and tags checked
    assert len(parsed) == len(lines)
    values = {t.object.value for t in parsed if isinstance(t.object, ox.Literal)}
    assert {TRICKY, 'TASS "wire"', "Outlet\\", 'https://example.org/a?b="c"&d=<e>', 'he said "no"\n',
            'Лавров "С"', 'The "X" committee', "0.46", "2024-03", "2024-03-05"} <= values
    rdflib_graph = Graph().parse(data="".join(lines), format="nt")             # rdflib reads them too
    assert len(rdflib_graph) == len(set(lines))


def test_triples_are_the_ntriples_as_rdflib_terms():
    ex = _extraction()
    terms = triples(ex)
    assert len(terms) == len(ntriples(ex))
    art = URIRef(f"{ID_BASE}article/{ex.article.id}")
    assert (art, URIRef("https://schema.org/headline"), Literal(TRICKY, lang="en")) in terms
    assert (art, URIRef("https://schema.org/datePublished"), Literal("2024-03-05", datatype=XSD.date)) in terms
    assert any(o == Literal("0.46", datatype=XSD.decimal) for _, _, o in terms)
    assert any(o == Literal("2024-03", datatype=XSD.gYearMonth) for _, _, o in terms)
    assert any(o == Literal(0) for _, _, o in terms)
    quads = list(ox.parse(to_nquads(ex), ox.RdfFormat.N_QUADS))
    assert len(quads) == len(terms) and {q.graph_name.value for q in quads} == {f"{ID_BASE}graph/article/{ex.article.id}"}
    assert len(to_dataset(ex)) == len(set(terms))


def test_resolved_identities_are_used():
    ex = _extraction()
    ident = Resolver(None).resolve(ex)
    ident.persons = [URIRef(f"{ID_BASE}person/RU-sergei.lavrov")]
    text = "".join(ntriples(ex, ident))
    assert f"<{ID_BASE}person/RU-sergei.lavrov> " in text
    assert f"<{ID_BASE}membership/RU-sergei.lavrov-RU-minister-foreign-affairs> " in text


@pytest.mark.parametrize("lang", ["e n", "en\n", "x_y"])
def test_a_bad_language_tag_is_refused(lang):
    with pytest.raises(ValueError, match="not a valid language tag"):
        ntriples(_extraction(lang=lang))


def test_a_bad_span_is_refused():
    ex = _extraction()
    ex.states[0].mentions.append(Mention(5, 2, "x"))
    with pytest.raises(ValueError, match="bad character span"):
        ntriples(ex)


@pytest.mark.parametrize("published, datatype", [("2024-03-05", "date"), ("2024-02-30", "date"),
                                                 ("2024-03", "gYearMonth"), ("2024", "gYear")])
def test_publication_dates(published, datatype):
    text = "".join(ntriples(_extraction(published=published)))
    assert f'"{published}"^^<http://www.w3.org/2001/XMLSchema#{datatype}>' in text
