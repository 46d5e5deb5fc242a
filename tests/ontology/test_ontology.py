"""legation.ttl: it parses, every own term is documented and declared, the alignment the design asks for holds."""
from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef

from ontology import ID_BASE, ONTOLOGY_NS
from ontology.graphs import ontology_graph
from ontology import iris

LG = Namespace(ONTOLOGY_NS)
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
KINDS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return ontology_graph()


def own_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_NS)
            and str(s) != ONTOLOGY_NS}


def test_parses_and_declares_an_ontology(onto):
    assert (URIRef(ONTOLOGY_NS.rstrip("#")), RDF.type, OWL.Ontology) in onto
    assert len(own_terms(onto)) >= 25


def test_every_own_term_has_a_kind_an_english_label_and_comment(onto):
    for term in own_terms(onto):
        assert set(onto.objects(term, RDF.type)) & KINDS, f"{term} has no OWL kind"
        labels = [o for o in onto.objects(term, RDFS.label) if o.language == "en"]
        comments = [o for o in onto.objects(term, RDFS.comment) if o.language == "en"]
        assert len(labels) == 1, f"{term} needs one English rdfs:label"
        assert comments and len(str(comments[0])) > 20, f"{term} needs an English rdfs:comment"


def test_no_own_term_is_used_without_being_defined(onto):
    used = {t for triple in onto for t in triple if isinstance(t, URIRef) and str(t).startswith(ONTOLOGY_NS)}
    defined = own_terms(onto) | {URIRef(ONTOLOGY_NS)}
    assert used <= defined, used - defined


@pytest.mark.parametrize("sub, sup", [
    (LG.State, SCHEMA.Country), (LG.Person, FOAF.Person), (LG.Event, SEM.Event), (LG.Meeting, LG.Event),
    (LG.Mention, NIF.Phrase),
])
def test_class_alignment(onto, sub, sup):
    assert (sub, RDFS.subClassOf, sup) in onto


@pytest.mark.parametrize("prop, domain, range_", [
    (LG.eventType, LG.Event, None), (LG.partOfEvent, LG.Statement, LG.Event), (LG.inArticle, LG.Mention,
    SCHEMA.NewsArticle), (LG.inState, SCHEMA.Place, LG.State), (LG.confidence, None, XSD.decimal),
    (LG.nameKey, LG.Person, XSD.string), (LG.speaker, LG.Statement, None), (LG.quote, LG.Statement, None),
    (LG.sentenceIndex, LG.Sentence, None), (LG.sentenceText, LG.Sentence, None),
    (LG.inSentence, LG.Mention, LG.Sentence), (LG.portfolio, None, None),
    (LG.context, LG.Event, None), (LG.topic, None, None),
])
def test_required_properties(onto, prop, domain, range_):
    assert set(onto.objects(prop, RDF.type)) & KINDS
    if domain is not None:
        assert (prop, RDFS.domain, domain) in onto
    if range_ is not None:
        assert (prop, RDFS.range, range_) in onto


def test_datatype_and_object_properties_are_used_consistently(onto):
    for prop in onto.subjects(RDF.type, OWL.DatatypeProperty):
        for rng in onto.objects(prop, RDFS.range):
            assert str(rng).startswith(str(XSD)), f"{prop} is a datatype property with range {rng}"
    assert (LG.eventType, RDFS.subPropertyOf, SEM.eventType) in onto


def test_iris_are_under_id_base_and_encode_what_is_unsafe():
    assert iris.state_iri("ru") == URIRef(ID_BASE + "state/RU")
    assert iris.concept_iri("plover", "CONSULT") == URIRef(ID_BASE + "plover/CONSULT")
    assert iris.concept_iri("topic", "regional-stability") == URIRef(ID_BASE + "topic/regional-stability")
    assert iris.person_iri("alexander fomin") == URIRef(ID_BASE + "person/alexander%20fomin")
    assert iris.person_iri("فومين") == URIRef(ID_BASE + "person/%D9%81%D9%88%D9%85%D9%8A%D9%86")
    assert iris.org_iri("a/b") == URIRef(ID_BASE + "org/a%2Fb")
    # the same key in composed and decomposed Unicode gives one IRI
    assert iris.person_iri("Jos\u00e9") == iris.person_iri("Jose\u0301")
    for make in (iris.person_iri, iris.org_iri, iris.place_iri, iris.event_iri, iris.post_iri,
                 iris.membership_iri, iris.statement_iri, iris.article_iri):
        iri = make("x y")
        assert isinstance(iri, URIRef) and str(iri).startswith(ID_BASE) and " " not in iri
    with pytest.raises(ValueError):
        iris.person_iri("  ")
    with pytest.raises(ValueError):
        iris.concept_iri("plovr", "CONSULT")


def test_mentions_and_graphs():
    assert iris.mention_iri("abc", 3, 10) == URIRef(ID_BASE + "article/abc#char=3,10")
    with pytest.raises(ValueError):
        iris.mention_iri("abc", 10, 3)
    g = iris.graph_iri("abc")
    assert iris.is_article_graph(g)
    assert not iris.is_article_graph(iris.REFERENCE_GRAPH)
    assert not iris.is_article_graph(iris.article_iri("abc"))
    assert g != iris.REFERENCE_GRAPH and str(iris.REFERENCE_GRAPH).startswith(ID_BASE)


def test_defined_namespace_rejects_unknown_terms():
    from ontology.namespace import LG as DLG
    assert DLG.eventType == LG.eventType
    assert DLG.Meeting == LG.Meeting
    with pytest.raises(AttributeError):
        DLG.evntType  # noqa: B018


def test_defined_namespace_lists_exactly_the_terms_of_the_ontology(onto):
    from ontology.namespace import LG as DLG
    names = {str(t)[len(ONTOLOGY_NS):] for t in own_terms(onto)}
    assert set(DLG.__annotations__) == names
