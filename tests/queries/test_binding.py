"""Parameter values become typed RDF terms, written into the query as one term each: a bad value is a
ParameterError, and no value — quotes, braces, `} UNION {`, newlines, `>` — can change the query's shape."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Literal, Namespace, URIRef

import queries as lib
from legation.errors import ParameterError, QueryError

ID = "https://w3id.org/legation/id/"
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")   # not rdflib's DefinedNamespace: pytest's collection warns

PROBE = lib.parse("""\
#+ summary: every type once
#+ params:
#+   - s: {type: state, example: RU}
#+   - d: {type: date, example: 2024-01-31}
#+   - n: {type: int, example: 5}
#+   - l: {type: lang, example: ar}
#+   - t: {type: type, example: CONSULT}
#+   - topic: {type: topic, example: counter-terrorism}
#+   - place: {type: place, example: moscow}
#+   - org: {type: org, example: sco}
#+   - e: {type: event, example: CONSULT-PK-RU-2024-11-19}
#+   - pol: {type: polarity, example: friction}
#+   - name: {type: name, example: Fomin}
#+   - str: {type: string, example: x}
#+   - iri: {type: iri, example: "https://example.org/a#b"}
SELECT * WHERE { ?x ?y ?_s , ?_d , ?_n , ?_l , ?_t , ?_topic , ?_place , ?_org , ?_e , ?_pol , ?_name , ?_str , ?_iri }
""", "probe")
EXAMPLES = {p.name: p.example for p in PROBE.params}


def test_values_become_typed_terms():
    t = lib.terms(PROBE, {**EXAMPLES, "s": " pk ", "l": "RU", "pol": "Friction", "name": "  Sergey \n Lavrov "})
    assert t["s"] == URIRef(ID + "state/PK")
    assert t["d"] == Literal("2024-01-31", datatype=XSD.date)
    assert t["n"] == Literal(5, datatype=XSD.integer)
    assert t["l"] == Literal("ru")
    assert t["t"] == URIRef(ID + "plover/CONSULT")
    assert t["topic"] == URIRef(ID + "topic/counter-terrorism")
    assert t["place"] == URIRef(ID + "place/moscow")
    assert t["org"] == URIRef(ID + "org/sco")
    assert t["e"] == URIRef(ID + "event/CONSULT-PK-RU-2024-11-19")
    assert t["pol"] == Literal("friction")
    assert t["name"] == Literal("Sergey Lavrov")
    assert t["iri"] == URIRef("https://example.org/a#b")
    assert lib.terms(PROBE, {**EXAMPLES, "e": ID + "event/X-1"})["e"] == URIRef(ID + "event/X-1")


def test_bound_text():
    text = lib.bind(PROBE, EXAMPLES)
    assert f"<{ID}state/RU>" in text
    assert '"2024-01-31"^^<http://www.w3.org/2001/XMLSchema#date>' in text
    assert " 5 ," in text                                   # an integer as its digits: LIMIT ?_n works
    assert '"ar"' in text and '"Fomin"' in text
    assert "?_" not in text and "#+" not in text
    ox.Store().query(text)


def test_limit_parameter():
    q = lib.parse("#+ params:\n#+   - n: {type: int, example: 2}\nSELECT ?x WHERE { VALUES ?x { 1 2 3 } } LIMIT ?_n\n",
                  "limit")
    assert len(list(ox.Store().query(lib.bind(q, {"n": "2"})))) == 2


@pytest.mark.parametrize("param, value", [
    ("s", "XX"), ("s", "RUS"), ("s", "R U"), ("s", "RU> } UNION { <x"), ("s", ""),
    ("d", "2024-13-01"), ("d", "2024-02-30"), ("d", "yesterday"), ("d", "2024-1-1"), ("d", '2024-01-01"'),
    ("n", "-1"), ("n", "1e3"), ("n", "ten"), ("n", "1 } UNION {"), ("n", "12345678901"),
    ("l", "fr"), ("l", "en-GB"), ("l", '"en"'),
    ("t", "MEET"), ("topic", "weather"), ("place", "atlantis"), ("org", "spectre"),
    ("e", "a b"), ("e", "X> . ?s ?p ?o . <y"), ("e", "E{1}"), ("e", ""), ("e", 'E"1'),
    ("pol", "hostile"),
    ("name", ""), ("name", "   \n "), ("name", "a\x00b"), ("str", "bell\x07"),
    ("iri", "not an iri"), ("iri", "http://x/> } UNION { <y"), ("iri", "http://x/a b"), ("iri", "http://x/{a}"),
    ("iri", 'http://x/"a'), ("iri", "http://x/a\nb"), ("iri", "relative/path"),
])
def test_bad_values_are_parameter_errors(param, value):
    with pytest.raises(ParameterError, match=f"parameter {param}"):
        lib.terms(PROBE, {**EXAMPLES, param: value})


def test_missing_and_unknown_parameters():
    q = lib.get("meetings-between")
    with pytest.raises(ParameterError, match="parameter b .* is required, e.g. --param b=PK"):
        lib.bind(q, {"a": "RU"})
    with pytest.raises(ParameterError, match="unknown parameter.*colour"):
        lib.bind(q, {"a": "RU", "b": "PK", "colour": "red"})
    assert issubclass(ParameterError, QueryError)


PAYLOADS = [
    '"', "'", '\\', '\\"', '"""', "'''", "x\" } UNION { ?s ?p ?o } #", "} UNION {", "{", "}",
    'a"\n} UNION { ?s ?p ?o }\n#', "line\nbreak", "carriage\rreturn", "tab\there", ">", "<", "<http://x/>",
    "?_name", "$_name", "# comment", '") } ; DROP ALL ; SELECT * { ("', "a\u2028b\u2029c", "Фомин", "فومين",
    '"@en', '"^^<http://x>', "\\u0022 } UNION {", "\\n",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_string_value_is_one_literal_that_cannot_change_the_query(payload):
    q = lib.get("official-statements")
    values = {p.name: p.example for p in q.params}
    benign = lib.bind(q, {**values, "name": "x"})
    bound = lib.bind(q, {**values, "name": payload})
    value = lib.terms(q, {**values, "name": payload})["name"]
    assert str(value) == " ".join(payload.split())          # a name's white space is folded, nothing else
    term = lib.sparql_term(value)
    assert "\n" not in term and "\r" not in term
    # the text outside the substituted term is exactly the benign query's
    assert bound == benign.replace('"x"', term)
    assert benign.count('"x"') == 1
    # the term reads back as exactly the value, as one literal
    (solution,) = list(ox.Store().query(f"SELECT ?v WHERE {{ BIND({term} AS ?v) }}"))
    assert solution["v"] == ox.Literal(str(value))
    # and the query still parses and runs, selecting nothing from an empty store
    assert list(ox.Store().query(bound)) == []


def test_the_algebra_does_not_change():
    """rdflib's algebra of the query is the same whatever the name, once the literal is put back."""
    from rdflib.plugins.sparql import prepareQuery

    q = lib.get("official-statements")
    values = {p.name: p.example for p in q.params}
    benign = prepareQuery(lib.bind(q, {**values, "name": "x"})).algebra
    for payload in ('x" } UNION { ?s ?p ?o } #', "a\n} UNION {\n", ">", "\\"):
        value = lib.terms(q, {**values, "name": payload})["name"]
        algebra = prepareQuery(lib.bind(q, {**values, "name": payload})).algebra
        assert repr(value) in repr(algebra)
        assert repr(algebra).replace(repr(value), repr(Literal("x"))) == repr(benign)


@pytest.mark.parametrize("payload", ['"', "a\nb", "} UNION {", "tab\there", "\\"])
def test_a_string_parameter_keeps_its_value_exactly(payload):
    q = lib.parse('#+ params:\n#+   - v: {type: string, example: x}\nSELECT ?v WHERE { BIND(?_v AS ?v) }\n', "s")
    (solution,) = list(ox.Store().query(lib.bind(q, {"v": payload})))
    assert solution["v"] == ox.Literal(payload)


def test_substitution_leaves_strings_and_iris_alone():
    q = lib.parse('#+ params:\n#+   - a: {type: state, example: RU}\n'
                  'SELECT ?x WHERE { ?x <http://x/?_a> "?_a" . ?x ?p ?_a } # ?_a\n', "t")
    text = lib.bind(q, {"a": "PK"})
    assert text.count("?_a") == 2                            # in the IRI and in the string
    assert f"?p <{ID}state/PK> }}" in text and "#" not in text


def test_sparql_term_refuses_what_it_cannot_write():
    with pytest.raises(ValueError):
        lib.sparql_term(URIRef("http://x/a b"))
    with pytest.raises(ValueError):
        lib.sparql_term(Literal("x", lang="en gb"))
    with pytest.raises(ValueError):
        lib.sparql_term(object())
    assert lib.sparql_term(Literal("a", lang="ar-Latn")) == '"a"@ar-Latn'
    assert lib.sparql_term(Literal("1.5", datatype=XSD.decimal)) == '"1.5"^^<http://www.w3.org/2001/XMLSchema#decimal>'
