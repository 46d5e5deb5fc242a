"""The SHACL shapes accept a well-formed graph and catch each kind of defect; validate() reports, never raises."""
from __future__ import annotations

import re

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SH

from ontology import ONTOLOGY_NS
from ontology.graphs import ontology_graph, shapes_graph
from ontology.iris import graph_iri
from ontology.validate import ValidationReport, Violation, validate

LG = Namespace(ONTOLOGY_NS)
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

PREFIXES = """
@prefix lg:     <https://w3id.org/legation/ontology#> .
@prefix id:     <https://w3id.org/legation/id/> .
@prefix sem:    <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix org:    <http://www.w3.org/ns/org#> .
@prefix schema: <https://schema.org/> .
@prefix time:   <http://www.w3.org/2006/time#> .
@prefix nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix gaf:    <http://groundedannotationframework.org/gaf#> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
@prefix owl:    <http://www.w3.org/2002/07/owl#> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
"""

VALID = PREFIXES + """
<https://w3id.org/legation/id/article/abc123> a schema:NewsArticle ;
    schema:headline "نائب وزير الدفاع الروسي يزور إسلام آباد"@ar ;
    schema:datePublished "2021-09-29"^^xsd:date ;
    schema:inLanguage "ar" ;
    schema:publisher <https://w3id.org/legation/id/org/sana> ;
    schema:url <https://example.org/news/1> .

<https://w3id.org/legation/id/article/abc123#char=0,24> a lg:Mention ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "24"^^xsd:nonNegativeInteger ;
    nif:anchorOf "نائب وزير الدفاع الروسي" ;
    lg:inSentence <https://w3id.org/legation/id/article/abc123#sentence=0> ;
    lg:inArticle <https://w3id.org/legation/id/article/abc123> ;
    lg:confidence 0.9 .

<https://w3id.org/legation/id/article/abc123#sentence=0>
    lg:sentenceIndex 0 ;
    lg:sentenceText "نائب وزير الدفاع الروسي ألكسندر فومين يزور إسلام آباد"@ar .

# as the article graphs have it: the mention's class and offsets implied (lg:inArticle, the IRI), not stated
<https://w3id.org/legation/id/article/abc123#char=25,38>
    nif:anchorOf "ألكسندر فومين" ;
    lg:inArticle <https://w3id.org/legation/id/article/abc123> .

<https://w3id.org/legation/id/article/abc123#char=39,54> a lg:Mention ;
    nif:beginIndex 39 ; nif:endIndex 54 ; nif:anchorOf "يزور إسلام آباد" ;
    lg:inArticle <https://w3id.org/legation/id/article/abc123> .

<https://w3id.org/legation/id/state/RU> a lg:State ;
    skos:notation "RU" ; owl:sameAs <http://www.wikidata.org/entity/Q159> .
<https://w3id.org/legation/id/state/PK> a lg:State ; skos:notation "PK" .

<https://w3id.org/legation/id/person/fmn> a lg:Person ;
    rdfs:label "Alexander Fomin"@en , "ألكسندر فومين"@ar ;
    lg:nameKey "fmn" ;
    org:holds <https://w3id.org/legation/id/post/RU-deputy-minister-defence> ;
    gaf:denotedBy <https://w3id.org/legation/id/article/abc123#char=25,38> .

<https://w3id.org/legation/id/post/RU-deputy-minister-defence> a org:Post ;
    rdfs:label "Deputy Minister of Defence of Russia"@en ;
    org:postIn <https://w3id.org/legation/id/state/RU> ;
    org:role <https://w3id.org/legation/id/role/deputy-minister> ;
    lg:portfolio <https://w3id.org/legation/id/portfolio/defence> .

<https://w3id.org/legation/id/membership/m1> a org:Membership ;
    org:member <https://w3id.org/legation/id/person/fmn> ;
    org:organization <https://w3id.org/legation/id/state/RU> ;
    org:role <https://w3id.org/legation/id/role/deputy-minister> ;
    lg:post <https://w3id.org/legation/id/post/RU-deputy-minister-defence> ;
    org:memberDuring [ a time:Interval ;
        time:hasBeginning [ a time:Instant ; time:inXSDDate "2021-09-29"^^xsd:date ] ;
        time:hasEnd [ a time:Instant ; time:inXSDgYearMonth "2021-10"^^xsd:gYearMonth ] ] .

<https://w3id.org/legation/id/org/sana> a org:Organization , lg:NewsAgency ; rdfs:label "SANA"@en .

<https://w3id.org/legation/id/place/islamabad> a schema:Place , schema:City ;
    rdfs:label "Islamabad"@en ; lg:inState <https://w3id.org/legation/id/state/PK> .

<https://w3id.org/legation/id/event/e1> a lg:Event , lg:Meeting ;
    lg:eventType <https://w3id.org/legation/id/plover/CONSULT> ;
    lg:context <https://w3id.org/legation/id/context/military> ;
    lg:topic <https://w3id.org/legation/id/topic/military-cooperation> , <https://w3id.org/legation/id/state/AF> ;
    sem:hasActor <https://w3id.org/legation/id/state/RU> , <https://w3id.org/legation/id/state/PK> ,
        <https://w3id.org/legation/id/person/fmn> ;
    sem:hasPlace <https://w3id.org/legation/id/place/islamabad> ;
    sem:hasTimeStamp "2021-09-29"^^xsd:date ;
    gaf:denotedBy <https://w3id.org/legation/id/article/abc123#char=39,54> ;
    prov:wasDerivedFrom <https://w3id.org/legation/id/article/abc123> ;
    lg:confidence "0.75"^^xsd:decimal .

<https://w3id.org/legation/id/event/e2> a lg:Event ;
    lg:eventType <https://w3id.org/legation/id/plover/AGREE> ;
    sem:hasActor <https://w3id.org/legation/id/state/RU> ;
    sem:hasTimeStamp "2021-09"^^xsd:gYearMonth ;
    gaf:denotedBy <https://w3id.org/legation/id/article/abc123#char=39,54> .

<https://w3id.org/legation/id/statement/s1> a lg:Statement ;
    lg:speaker <https://w3id.org/legation/id/person/fmn> ;
    lg:quote "نحن مستعدون لتعزيز التعاون"@ar ;
    lg:partOfEvent <https://w3id.org/legation/id/event/e1> ;
    lg:topic <https://w3id.org/legation/id/topic/regional-stability> ;
    gaf:denotedBy <https://w3id.org/legation/id/article/abc123#char=0,24> .
"""

E1 = "<https://w3id.org/legation/id/event/e1>"
M1 = "<https://w3id.org/legation/id/article/abc123#char=0,24>"
M2 = "<https://w3id.org/legation/id/article/abc123#char=25,38>"
S0 = "<https://w3id.org/legation/id/article/abc123#sentence=0>"
ART = "<https://w3id.org/legation/id/article/abc123>"


def _graph(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


def _with(remove: list[str], add: str = "") -> Graph:
    """The valid graph, minus the triples matching ``remove`` (Turtle triple patterns, ?x any), plus ``add``."""
    graph = _graph(VALID)
    for pattern in remove:
        graph.remove(tuple(None if t.startswith("?") else _term(t) for t in pattern.split(" ", 2)))
    if add:
        graph.parse(data=PREFIXES + add, format="turtle")
    return graph


def _term(text: str):
    g = _graph(PREFIXES + f"<urn:s> <urn:p> {text} .")
    return next(iter(g.objects()))


def test_valid_graph_conforms():
    report = validate(_graph(VALID))
    assert report.conforms, report.text()
    assert report.violations == []
    assert report.text().startswith("conforms: yes")


def test_valid_dataset_is_validated_as_union_and_left_unchanged():
    ds = Dataset()
    graph = _graph(VALID)
    article = ds.graph(graph_iri("abc123"))
    people = ds.graph(URIRef("urn:other"))
    for s, p, o in graph:
        (people if (s, RDF.type, LG.Person) in graph else article).add((s, p, o))
    assert ds.default_union is False
    report = validate(ds)
    assert report.conforms, report.text()
    assert ds.default_union is False


def _caught(graph: Graph, focus: str, path=None) -> list[Violation]:
    report = validate(graph)
    assert isinstance(report, ValidationReport)
    assert not report.conforms
    hits = [v for v in report.violations if str(v.focus) == focus.strip("<>") and (path is None or v.path == path)]
    assert hits, report.text()
    return hits


def test_event_without_type():
    g = _with([f"{E1} lg:eventType ?o"])
    _caught(g, E1, LG.eventType)


def test_event_with_two_types_or_a_type_outside_plover():
    _caught(_with([], f"{E1} lg:eventType <https://w3id.org/legation/id/plover/AGREE> ."), E1, LG.eventType)
    g = _with([f"{E1} lg:eventType ?o"], f"{E1} lg:eventType <https://w3id.org/legation/id/topic/trade> .")
    _caught(g, E1, LG.eventType)


def test_meeting_must_be_consult():
    g = _with([f"{E1} lg:eventType ?o"], f"{E1} lg:eventType <https://w3id.org/legation/id/plover/ASSAULT> .")
    hits = _caught(g, E1, LG.eventType)
    assert any("CONSULT" in v.message for v in hits)


def test_event_without_actor_or_mention_and_with_bad_dates():
    SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _caught(_with([f"{E1} sem:hasActor ?o"]), E1, SEM.hasActor)
    _caught(_with([f"{E1} gaf:denotedBy ?o"]), E1, URIRef("http://groundedannotationframework.org/gaf#denotedBy"))
    _caught(_with([], f'{E1} sem:hasTimeStamp "2021-09-30"^^xsd:date .'), E1, SEM.hasTimeStamp)
    g = _with([f"{E1} sem:hasTimeStamp ?o"], f'{E1} sem:hasTimeStamp "29 September 2021" .')
    _caught(g, E1, SEM.hasTimeStamp)
    g = _with([f"{E1} sem:hasTimeStamp ?o"], f'{E1} sem:hasTimeStamp "2021-13-45"^^xsd:date .')
    _caught(g, E1, SEM.hasTimeStamp)


def test_mention_with_begin_after_end():
    g = _with([f"{M1} nif:beginIndex ?o"], f"{M1} nif:beginIndex 30 .")
    _caught(g, M1, NIF.beginIndex)


def test_mention_with_empty_span_negative_offset_or_no_article():
    _caught(_with([f"{M1} nif:beginIndex ?o"], f"{M1} nif:beginIndex 24 ."), M1, NIF.beginIndex)
    g = _with([f"{M1} nif:beginIndex ?o"], f"{M1} nif:beginIndex -1 .")
    _caught(g, M1, NIF.beginIndex)
    _caught(_with([f"{M1} lg:inArticle ?o"]), M1, LG.inArticle)
    _caught(_with([f"{M1} nif:anchorOf ?o"]), M1, NIF.anchorOf)
    _caught(_with([f"{M1} nif:endIndex ?o"], f'{M1} nif:endIndex "24" .'), M1, NIF.endIndex)


def test_state_with_bad_notation():
    ru = "<https://w3id.org/legation/id/state/RU>"
    _caught(_with([f"{ru} skos:notation ?o"], f'{ru} skos:notation "RUS" .'), ru)
    _caught(_with([f"{ru} skos:notation ?o"], f'{ru} skos:notation "ru" .'), ru)
    _caught(_with([f"{ru} skos:notation ?o"]), ru)
    bad = "<https://w3id.org/legation/id/state/Russia>"
    _caught(_with([], f'{bad} a lg:State ; skos:notation "RU" .'), bad)


def test_confidence_out_of_range():
    hits = _caught(_with([f"{E1} lg:confidence ?o"], f"{E1} lg:confidence 1.5 ."), E1, LG.confidence)
    assert hits[0].value == Literal("1.5", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))
    _caught(_with([f"{M1} lg:confidence ?o"], f"{M1} lg:confidence -0.1 ."), M1, LG.confidence)
    _caught(_with([f"{E1} lg:confidence ?o"], f'{E1} lg:confidence "high" .'), E1, LG.confidence)


def test_statement_without_quote():
    s1 = "<https://w3id.org/legation/id/statement/s1>"
    _caught(_with([f"{s1} lg:quote ?o"]), s1, LG.quote)
    _caught(_with([f"{s1} gaf:denotedBy ?o"]), s1)
    _caught(_with([f"{s1} lg:partOfEvent ?o"], f"{s1} lg:partOfEvent <https://w3id.org/legation/id/place/x> ."), s1)


def test_article_in_language_de():
    _caught(_with([f"{ART} schema:inLanguage ?o"], f'{ART} schema:inLanguage "de" .'), ART, SCHEMA.inLanguage)
    _caught(_with([f"{ART} schema:inLanguage ?o"]), ART, SCHEMA.inLanguage)
    _caught(_with([], f'{ART} schema:inLanguage "en" .'), ART, SCHEMA.inLanguage)


def test_person_membership_post_context_topic():
    person = "<https://w3id.org/legation/id/person/fmn>"
    _caught(_with([f"{person} lg:nameKey ?o"]), person, LG.nameKey)
    _caught(_with([], f'{person} lg:nameKey "other" .'), person, LG.nameKey)
    _caught(_with([f"{person} rdfs:label ?o"]), person, RDFS.label)
    m1 = "<https://w3id.org/legation/id/membership/m1>"
    _caught(_with([f"{m1} org:organization ?o", f"{m1} org:role ?o"]), m1)
    _caught(_with([f"{m1} org:member ?o"]), m1)
    post = "<https://w3id.org/legation/id/post/RU-deputy-minister-defence>"
    _caught(_with([f"{post} org:postIn ?o"]), post)
    _caught(_with([f"{post} org:role ?o"], f"{post} org:role <https://w3id.org/legation/id/topic/trade> ."), post)
    _caught(_with([f"{E1} lg:context ?o"], f"{E1} lg:context <https://w3id.org/legation/id/context/sport> ."), E1)
    _caught(_with([], f'{E1} lg:topic "military cooperation" .'), E1, LG.topic)


def test_tenure_with_a_bad_date():
    g = _graph(VALID)
    g.parse(data=PREFIXES + """<https://w3id.org/legation/id/membership/m2> a org:Membership ;
        org:member <https://w3id.org/legation/id/person/fmn> ; org:role <https://w3id.org/legation/id/role/minister> ;
        org:memberDuring [ time:hasBeginning [ time:inXSDDate "2021" ] ] .""", format="turtle")
    _caught(g, "<https://w3id.org/legation/id/membership/m2>")


def test_report_text_lists_each_violation():
    g = _with([f"{E1} lg:eventType ?o", f"{ART} schema:inLanguage ?o"], f'{ART} schema:inLanguage "de" .')
    report = validate(g)
    assert report.count("Violation") == len(report.violations) >= 2
    text = report.text()
    assert text.startswith("conforms: no")
    assert "lg:eventType" in text and "schema:inLanguage" in text
    assert len(report.text(limit=1).splitlines()) == 3


def test_reference_option_supplies_state_notations():
    g = _graph(VALID)
    g.remove((None, URIRef("http://www.w3.org/2004/02/skos/core#notation"), None))
    assert not validate(g).conforms
    assert validate(g, reference=True).conforms


def test_every_subclass_is_targeted_with_its_superclass():
    """Targets avoid RDFS inference: a shape that targets a class must also target its subclasses of legation.ttl."""
    onto, shapes = ontology_graph(), shapes_graph()
    for shape in set(shapes.subjects(SH.targetClass, None)):
        targets = set(shapes.objects(shape, SH.targetClass))
        for target in targets:
            for sub in onto.transitive_subjects(RDFS.subClassOf, target):
                assert sub in targets, f"{shape} targets {target} but not its subclass {sub}"


def test_shapes_list_every_plover_type_and_context():
    from ontology import refdata
    from ontology.iris import concept_iri
    text = shapes_graph().serialize(format="nt")
    for code in refdata.plover_types():
        assert f"<{concept_iri('plover', code)}>" in text
    listed = set(re.findall(r"<https://w3id\.org/legation/id/context/([a-z-]+)>", text))
    assert listed == set(refdata.contexts())


@pytest.mark.slow
def test_validation_is_fast_enough_for_large_graphs():
    import time
    big = Graph()
    base = _graph(VALID)
    n = 1000                                   # about 73,000 triples
    for i in range(n):
        for s, p, o in base:
            big.add((_rename(s, i), p, _rename(o, i)))
    start = time.perf_counter()
    report = validate(big)
    elapsed = time.perf_counter() - start
    assert report.conforms, report.text(limit=5)
    # about 7 s on a quiet 2-core machine; the bound only catches a pathological slow-down (e.g. inference)
    assert elapsed < 120, f"{len(big)} triples took {elapsed:.1f} s"


_SHARED = re.compile(r"/id/(state|plover|context|topic|role|portfolio)/")


def _rename(term, i):
    """The i-th copy of a node of VALID; states and concepts are shared by all copies."""
    if isinstance(term, URIRef) and "/id/" in term and not _SHARED.search(term):
        return URIRef(f"{term}-{i}" if "#" not in term else term.replace("abc123", f"abc123-{i}"))
    return term


def test_mention_offsets_must_be_integers_and_texts_plain_strings():
    _caught(_with([f"{M1} nif:endIndex ?o"], f"{M1} nif:endIndex 24.5 ."), M1, NIF.endIndex)
    _caught(_with([f"{M1} nif:beginIndex ?o"], f'{M1} nif:beginIndex "0" .'), M1, NIF.beginIndex)
    _caught(_with([f"{M1} nif:anchorOf ?o"], f'{M1} nif:anchorOf "نائب"@ar .'), M1, NIF.anchorOf)
    _caught(_with([f"{S0} lg:sentenceIndex ?o"], f'{S0} lg:sentenceIndex "first" .'), S0, LG.sentenceIndex)
    _caught(_with([f"{S0} lg:sentenceIndex ?o"]), S0, LG.sentenceIndex)
    _caught(_with([], f"{M1} lg:inSentence {ART} ."), M1, LG.inSentence)
    # a mention whose class is not stated is checked all the same
    _caught(_with([], f"{M2} nif:beginIndex -1 ."), M2, NIF.beginIndex)
    ok = _with([f"{M1} nif:beginIndex ?o", f"{M1} nif:endIndex ?o"], f"{M1} nif:beginIndex 0 ; nif:endIndex 24 .")
    assert validate(ok).conforms
    # as the article graphs have it: the offsets only in the IRI (#char=B,E)
    assert validate(_with([f"{M1} nif:beginIndex ?o", f"{M1} nif:endIndex ?o"])).conforms
    odd = "<https://w3id.org/legation/id/article/abc123#words>"
    _caught(_with([], f"{E1} gaf:denotedBy {odd} . {odd} nif:anchorOf \"x\" ; lg:inArticle {ART} ."), odd)


def test_literals_are_judged_by_their_lexical_form():
    """Literal(0.6, datatype=XSD.decimal) holds a Python float; as RDF it is a valid "0.6"^^xsd:decimal."""
    from decimal import Decimal
    from rdflib import XSD
    g = _graph(VALID)
    event = URIRef(E1.strip("<>"))
    g.set((event, LG.confidence, Literal(0.6, datatype=XSD.decimal)))
    report = validate(g)
    assert report.conforms, report.text()
    assert type(g.value(event, LG.confidence).value) is float       # the caller's graph is left as it was
    g.set((event, LG.confidence, Literal(Decimal("1.5"))))
    assert not validate(g).conforms
