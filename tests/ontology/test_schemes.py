"""The SKOS schemes: the TSV sources are complete and well-formed, and schemes.ttl is sound SKOS."""
from __future__ import annotations

import re

import pytest
from rdflib import RDF, SKOS, Graph, URIRef

from ontology import refdata
from ontology.graphs import schemes_graph
from ontology.iris import SCHEMES, concept_iri, scheme_iri

ARABIC = re.compile(r"[\u0600-\u06FF]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z]")

PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
CONTEXTS = ["diplomatic", "military", "economic", "political", "humanitarian", "legal", "security", "other"]
ROLES = """head-of-state president vice-president king emir crown-prince head-of-government prime-minister
deputy-prime-minister minister first-deputy-minister deputy-minister state-secretary ambassador envoy
special-representative charge-d-affaires consul chief-of-general-staff commander-in-chief commander defence-attache
spokesperson press-secretary secretary-general chairman speaker-of-parliament member-of-parliament senator governor
mayor national-security-adviser security-council-secretary intelligence-chief adviser head-of-delegation
foreign-policy-chief leader opposition-leader general admiral""".split()
PORTFOLIOS = """defence foreign-affairs interior finance economy trade energy oil justice health education emergencies
agriculture industry transport culture information communications labour environment security intelligence state
homeland-security development planning tourism water-resources electricity housing youth religious-affairs""".split()
TOPICS = """military-cooperation military-technical-cooperation regional-stability regional-security counter-terrorism
extremism arms-control disarmament nuclear-programme nuclear-non-proliferation nuclear-energy missile-defence
arms-trade joint-exercises defence-industry border-security maritime-security cyber-security energy-security energy
oil-and-gas trade investment economic-cooperation sanctions humanitarian-aid refugees migration human-rights
peace-process ceasefire territorial-dispute sovereignty elections covid-19-pandemic public-health climate-change
food-security water-resources drug-trafficking organised-crime intelligence-sharing peacekeeping space
infrastructure transport education culture tourism visas diplomatic-relations international-law war-crimes
prisoner-exchange hostages reconstruction naval-cooperation military-education alliance-membership
press-freedom""".split()

LOADERS = {"plover": refdata.plover_types, "context": refdata.contexts, "role": refdata.roles,
           "portfolio": refdata.portfolios, "topic": refdata.topics}


@pytest.fixture(scope="module")
def graph() -> Graph:
    return schemes_graph()


def test_plover_has_exactly_the_16_types_with_polarity_and_quad():
    types = refdata.plover_types()
    assert list(types) == PLOVER
    quads = {"verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict"}
    for concept in types.values():
        assert concept.extra["polarity"] in {"cooperation", "neutral", "friction"}
        assert concept.extra["quad"] in quads
    assert types["ASSAULT"].extra["polarity"] == "friction" and types["AGREE"].extra["polarity"] == "cooperation"
    assert {c.extra["quad"] for c in types.values()} == quads


@pytest.mark.parametrize("name, required, minimum", [
    ("context", CONTEXTS, 8), ("role", ROLES, 35), ("portfolio", PORTFOLIOS, 25), ("topic", TOPICS, 45),
])
def test_schemes_hold_the_required_concepts(name, required, minimum):
    concepts = LOADERS[name]()
    assert len(concepts) >= minimum
    assert set(required) <= set(concepts), set(required) - set(concepts)
    for cid in concepts:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", cid), cid


@pytest.mark.parametrize("name", list(LOADERS))
def test_every_concept_has_labels_in_three_scripts_and_a_definition(name):
    for cid, concept in LOADERS[name]().items():
        en, ar, ru = (concept.labels[lang] for lang in ("en", "ar", "ru"))
        assert en and ar and ru, f"{name}/{cid} lacks a label"
        for label in en:
            assert LATIN.search(label) and not ARABIC.search(label) and not CYRILLIC.search(label), label
        for label in ar:
            assert ARABIC.search(label) and not CYRILLIC.search(label) and not LATIN.search(label), label
        for label in ru:
            assert CYRILLIC.search(label) and not ARABIC.search(label), label
        assert len(concept.definition) > 15, f"{name}/{cid} lacks a definition"


@pytest.mark.parametrize("name", list(LOADERS))
def test_broader_concepts_exist_and_form_no_cycle(name):
    concepts = LOADERS[name]()
    for cid, concept in concepts.items():
        seen = {cid}
        while concept.broader:
            assert concept.broader in concepts, f"{name}/{cid}: unknown broader {concept.broader}"
            assert concept.broader not in seen, f"{name}/{cid}: cycle"
            seen.add(concept.broader)
            concept = concepts[concept.broader]


def test_topic_labels_are_lower_case_except_proper_names():
    for cid, concept in refdata.topics().items():
        for word in re.split(r"[\s-]+", concept.label("en")):
            assert word == word.lower() or word == word.upper(), f"topic {cid}: {concept.label('en')!r}"
    assert refdata.topics()["covid-19-pandemic"].label("en") == "COVID-19 pandemic"
    assert refdata.topics()["regional-stability"].label("en") == "regional stability"


def test_roles_are_ranked_and_kinds_of_their_broader_role():
    roles = refdata.roles()
    for cid, role in roles.items():
        assert re.fullmatch(r"[1-9]", role.extra["rank"]), cid
    assert roles["president"].broader == "head-of-state"
    assert roles["head-of-state"].extra["rank"] == "1"
    assert int(roles["deputy-minister"].extra["rank"]) > int(roles["minister"].extra["rank"])
    assert int(roles["minister"].extra["rank"]) > int(roles["prime-minister"].extra["rank"])


def test_portfolio_labels_fit_post_names():
    portfolios = refdata.portfolios()
    assert portfolios["defence"].label("en") == "Defence"
    assert portfolios["foreign-affairs"].label("en") == "Foreign Affairs"
    assert portfolios["state"].label("en") == "State"
    for cid, portfolio in portfolios.items():
        assert portfolio.label("en")[0].isupper(), cid


def test_schemes_ttl_is_sound_skos(graph):
    for name in SCHEMES:
        scheme = scheme_iri(name)
        assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
        members = set(graph.subjects(SKOS.inScheme, scheme))
        assert members == {concept_iri(name, cid) for cid in LOADERS[name]()}
        assert set(graph.objects(scheme, SKOS.hasTopConcept)) == set(graph.subjects(SKOS.topConceptOf, scheme))
        pref_seen: dict[tuple[str, str], URIRef] = {}
        for concept in members:
            assert (concept, RDF.type, SKOS.Concept) in graph
            assert graph.value(concept, SKOS.notation) is not None
            prefs = list(graph.objects(concept, SKOS.prefLabel))
            assert sorted(p.language for p in prefs) == ["ar", "en", "ru"], concept   # one per language
            alts = set(graph.objects(concept, SKOS.altLabel)) | set(graph.objects(concept, SKOS.hiddenLabel))
            assert not alts & set(prefs), concept                                       # SKOS S13
            for p in prefs:
                key = (p.language, str(p))
                assert key not in pref_seen, f"{concept} and {pref_seen.get(key)} share the prefLabel {p!r}"
                pref_seen[key] = concept
            has_broader = graph.value(concept, SKOS.broader) is not None
            assert has_broader != ((concept, SKOS.topConceptOf, scheme) in graph), concept


def test_concept_iris_and_extra_properties(graph):
    lg = "https://w3id.org/legation/ontology#"
    consult = URIRef("https://w3id.org/legation/id/plover/CONSULT")
    assert (consult, SKOS.notation, None) in graph
    assert str(graph.value(consult, URIRef(lg + "polarity"))) == "cooperation"
    assert str(graph.value(consult, URIRef(lg + "quadClass"))) == "verbal-cooperation"
    deputy = URIRef("https://w3id.org/legation/id/role/deputy-minister")
    assert graph.value(deputy, URIRef(lg + "rank")).toPython() == 4
    assert (URIRef("https://w3id.org/legation/id/role/president"), SKOS.broader,
            URIRef("https://w3id.org/legation/id/role/head-of-state")) in graph
    for iri in ("topic/regional-stability", "portfolio/defence", "context/military"):
        assert (URIRef("https://w3id.org/legation/id/" + iri), RDF.type, SKOS.Concept) in graph
    defence = URIRef("https://w3id.org/legation/id/portfolio/defence")
    assert "обороны" in {str(o) for o in graph.objects(defence, SKOS.hiddenLabel)}
