"""ontology/build.py: the committed generated files are up to date, deterministic and faithful to the TSVs."""
from __future__ import annotations

from types import MappingProxyType

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Namespace, URIRef
from rdflib.compare import isomorphic

from ontology import build, refdata
from ontology.graphs import REFERENCE_TTL, SCHEMES_TTL, reference_data, reference_graph, schemes_graph
from ontology.iris import org_iri, place_iri, state_iri
from ontology.validate import validate

LG = Namespace("https://w3id.org/legation/ontology#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")


def test_generated_files_are_up_to_date():
    assert build.outdated() == [], "run `python -m ontology.build` and commit the result"
    assert build.main(["--check"]) == 0


@pytest.fixture(scope="module")
def reference() -> Graph:
    return reference_graph()


def test_generated_turtle_is_what_the_sources_give(reference):
    assert isomorphic(schemes_graph(), build.build_schemes())
    assert isomorphic(reference, build.build_reference())


def test_rendering_is_deterministic():
    assert build.render_schemes() == build.render_schemes()
    assert build.render_namespace() == build.render_namespace()
    text = SCHEMES_TTL.read_text(encoding="utf-8")
    assert "@base <https://w3id.org/legation/id/> ." in text
    assert "file:" not in text and "file:" not in REFERENCE_TTL.read_text(encoding="utf-8")


def test_a_changed_source_makes_the_files_outdated(monkeypatch):
    topics = dict(refdata.topics())
    concept = topics["trade"]
    topics["trade"] = refdata.Concept(id="trade", labels=concept.labels, definition="changed")
    monkeypatch.setattr(build.SCHEMES["topic"], "concepts", lambda: MappingProxyType(topics))
    assert build.outdated() == [SCHEMES_TTL]


def test_reference_holds_every_state_org_and_place(reference):
    graph = reference
    for code, state in refdata.states().items():
        s = state_iri(code)
        assert (s, RDF.type, LG.State) in graph
        assert str(graph.value(s, SKOS.notation)) == code
        assert str(graph.value(s, SKOS.prefLabel)) in {n[0] for n in state.names.values() if n}
        if state.wikidata:
            assert (s, OWL.sameAs, URIRef("http://www.wikidata.org/entity/" + state.wikidata)) in graph
        names = {str(o) for o in graph.objects(s, RDFS.label)}
        assert names == {n for values in state.names.values() for n in values}
    for org in refdata.organizations().values():
        o = org_iri(org.id)
        assert (o, RDF.type, ORG.Organization) in graph
        acronyms = {a for values in org.acronyms.values() for a in values}
        assert acronyms <= {str(x) for x in graph.objects(o, SKOS.altLabel)}
    for place in refdata.places().values():
        p = place_iri(place.id)
        assert (p, RDF.type, SCHEMA.Place) in graph
        if place.state:
            assert (p, LG.inState, state_iri(place.state)) in graph
    tass = org_iri("tass")
    if "tass" in refdata.organizations():
        assert (tass, RDF.type, LG.NewsAgency) in graph and (tass, LG.homeState, state_iri("RU")) in graph


def test_capitals_are_linked(reference):
    graph = reference
    if "RU" in refdata.states() and "moscow" in refdata.places():
        assert (state_iri("RU"), LG.capital, place_iri("moscow")) in graph
    for state, place in graph.subject_objects(LG.capital):
        assert (place, RDF.type, SCHEMA.Place) in graph


def test_reference_data_satisfy_the_shapes():
    report = validate(reference_data())
    assert report.conforms, report.text(limit=20)


def test_build_copes_with_sparse_rows(monkeypatch):
    """Rows other helpers are still filling in: no Wikidata id, unknown kind, no state, no name in a language."""
    names = MappingProxyType({"en": ("Atlantis",), "ar": (), "ru": ()})
    empty = MappingProxyType({"en": (), "ar": (), "ru": ()})
    states = {"XA": refdata.StateInfo(code="XA", iso3="", wikidata="", status="", names=names, adjectives=empty,
                                      people=empty, prefixes=empty, seats=empty, capital="nowhere")}
    orgs = {"x": refdata.OrgInfo(id="x", kind="something-new", wikidata="bad", state=None, names=names,
                                 acronyms=empty)}
    places = {"p": refdata.PlaceInfo(id="p", kind="", state=None, wikidata="", names=names)}
    monkeypatch.setattr(build.refdata, "states", lambda: MappingProxyType(states))
    monkeypatch.setattr(build.refdata, "organizations", lambda: MappingProxyType(orgs))
    monkeypatch.setattr(build.refdata, "places", lambda: MappingProxyType(places))
    graph = build.build_reference()
    assert (state_iri("XA"), LG.capital, None) not in graph        # the capital is not among the places
    assert (org_iri("x"), OWL.sameAs, None) not in graph            # "bad" is no Wikidata id
    assert set(graph.objects(org_iri("x"), RDF.type)) == {ORG.Organization}
    text = build.render_reference()
    assert isomorphic(Graph().parse(data=text, format="turtle"), graph)


def test_iris_with_unsafe_keys_survive_the_writer():
    from ontology.turtle import TurtleWriter
    graph = Graph()
    s = org_iri("Министерство обороны/РФ")
    graph.add((s, RDFS.label, build.Literal('say "hi"\n\\', lang="en")))
    text = TurtleWriter(build.PREFIXES).write(graph)
    assert isomorphic(Graph().parse(data=text, format="turtle"), graph)


@pytest.mark.parametrize("name", ["schemes.ttl", "reference.ttl"])
def test_generated_files_parse_in_oxigraph(name, reference):
    pyoxigraph = pytest.importorskip("pyoxigraph")
    store = pyoxigraph.Store()
    path = SCHEMES_TTL if name == "schemes.ttl" else REFERENCE_TTL
    store.load(path.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(schemes_graph() if name == "schemes.ttl" else reference)
