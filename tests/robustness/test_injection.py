"""Injection, end to end through `legation query` (issue 8; in this process, through click's runner): a parameter
value cannot change a query's shape.

Values with quotes, braces, `}` `UNION` payloads, comment marks, newlines and IRIs with spaces or angle brackets
either come back exactly as the one value they are (a literal or an IRI, echoed by the query), or are refused
with one line naming the parameter — never a different query. The store holds the reference graph only.
"""
from __future__ import annotations

import json
import re

import pytest

ECHO = """#+ summary: Echo a value (test query)
#+ params:
#+   - v: {{type: {type}, example: x}}
SELECT ?echo (COUNT(*) AS ?n) WHERE {{
  BIND(?_v AS ?echo)
}} GROUP BY ?echo
"""

# A filter over real data: any payload that escaped its literal would match everything (or break the query).
LABELS = """#+ summary: States whose English label is the value (test query)
#+ params:
#+   - v: {type: string, example: Russia}
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?s WHERE {
  ?s skos:prefLabel ?label .
  FILTER(STR(?label) = ?_v)
}
"""

STRING_PAYLOADS = [
    'x" } UNION { ?s ?p ?o } #',
    "x' } UNION { ?s ?p ?o } #",
    'Russia" || true || "',
    '") || STR(?label) != ("',
    '"""} ; DROP ALL ; INSERT DATA { <a:b> <a:c> <a:d> } #"""',
    "'''\\'''",
    "back\\slash \\\" and \\u0022 and \\n",
    "line one\nline two } UNION { ?s ?p ?o }",
    "tab\there\r\n# not a comment",
    "} } } { { {",
    "<https://w3id.org/legation/id/state/RU>",
    "?s ?p ?o",
    "$_v ?_v",
    "x\"^^<http://www.w3.org/2001/XMLSchema#integer>",
    "x\"@en . } UNION { ?s ?p ?o",
    "\u202eevil\u202c and ملف and Россия",
]

IRI_REFUSED = [
    "http://example.org/a b",
    "http://example.org/<a>",
    "http://example.org/> } UNION { ?s ?p ?o } #",
    "<http://example.org/x>",
    'http://example.org/"x',
    "http://example.org/{x}",
    "http://example.org/x\n} UNION {",
    "not an iri",
    "",
]


@pytest.fixture(scope="module")
def query_store(tmp_path_factory):
    """A store holding the reference graph (ingesting an empty folder loads it)."""
    from robust_cli import cli_env, run_cli
    tmp = tmp_path_factory.mktemp("injection")
    (tmp / "empty").mkdir()
    run = run_cli("ingest", tmp / "empty", "--store", tmp / "store", "-q", env=cli_env(tmp))
    assert run.code == 0, run.err
    return tmp / "store"


def query_file(tmp_path, name: str, text: str):
    path = tmp_path / f"{name}.rq"
    path.write_text(text, encoding="utf-8")
    return path


def rows(run) -> list[dict]:
    data = json.loads(run.out)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


@pytest.mark.parametrize("payload", STRING_PAYLOADS, ids=range(len(STRING_PAYLOADS)))
def test_string_values_stay_one_literal(payload, query_store, tmp_path, cli_here):
    echo = query_file(tmp_path, "echo", ECHO.format(type="string"))
    run = cli_here("query", echo, "--param", f"v={payload}", "--store", query_store, "--format", "json")
    assert run.code == 0, run.err
    assert json.loads(run.out)["head"]["vars"] == ["echo", "n"]
    assert rows(run) == [{"echo": payload, "n": "1"}]

    labels = query_file(tmp_path, "labels", LABELS)
    run = cli_here("query", labels, "--param", f"v={payload}", "--store", query_store, "--format", "json")
    assert run.code == 0, run.err
    assert rows(run) == []


def test_the_label_filter_does_match_a_real_label(query_store, tmp_path, cli_here):
    labels = query_file(tmp_path, "labels", LABELS)
    run = cli_here("query", labels, "--param", "v=Russia", "--store", query_store, "--format", "json")
    assert run.code == 0, run.err
    assert rows(run) == [{"s": "https://w3id.org/legation/id/state/RU"}]


@pytest.mark.parametrize("value", ["https://w3id.org/legation/id/state/RU", "urn:x:%7D%20UNION",
                                   "http://example.org/a?b=c&d=%22#f", "mailto:someone@example.org"])
def test_iri_values_stay_one_iri(value, query_store, tmp_path, cli_here):
    echo = query_file(tmp_path, "echo", ECHO.format(type="iri"))
    run = cli_here("query", echo, "--param", f"v={value}", "--store", query_store, "--format", "json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    [binding] = data["results"]["bindings"]
    assert binding["echo"] == {"type": "uri", "value": value}


@pytest.mark.parametrize("value", IRI_REFUSED, ids=range(len(IRI_REFUSED)))
def test_iris_with_spaces_brackets_or_braces_are_refused(value, query_store, tmp_path, cli_here):
    echo = query_file(tmp_path, "echo", ECHO.format(type="iri"))
    run = cli_here("query", echo, "--param", f"v={value}", "--store", query_store, "--format", "json")
    assert run.code != 0
    assert run.out == ""
    assert len(run.error_lines) == 1 and "parameter v" in run.error_lines[0], run.err
    assert len(run.err.strip().splitlines()) == 1, run.err


@pytest.mark.parametrize("param,value", [
    ("a", 'RU" } UNION { ?s ?p ?o } #'), ("a", "RU>"), ("a", "<https://w3id.org/legation/id/state/RU>"),
    ("a", "RU PK"), ("since", '2020-01-01" } UNION { ?s ?p ?o } #'), ("since", "2020-01-01\"^^xsd:string"),
    ("since", "2020-13-45"), ("until", "9999-12-31} UNION {"),
])
def test_named_query_refuses_values_that_are_not_of_their_type(param, value, query_store, cli_here):
    values = {"a": "RU", "b": "PK", param: value}
    args = [x for k, v in values.items() for x in ("--param", f"{k}={v}")]
    run = cli_here("query", "meetings-between", *args, "--store", query_store, "--format", "json")
    assert run.code != 0 and run.out == ""
    assert len(run.err.strip().splitlines()) == 1, run.err
    assert re.match(rf"Error: query meetings-between: parameter {param}\b", run.error_lines[0]), run.err


@pytest.mark.parametrize("value", ["1 } UNION { ?s ?p ?o }", "1e3", "0x10", "1; DROP ALL", "99999999999999999999"])
def test_integer_values_are_integers_or_refused(value, query_store, tmp_path, cli_here):
    echo = query_file(tmp_path, "echo", ECHO.format(type="int"))
    run = cli_here("query", echo, "--param", f"v={value}", "--store", query_store, "--format", "json")
    assert run.code != 0 and len(run.error_lines) == 1 and "parameter v" in run.error_lines[0], run.err


def test_unknown_and_malformed_parameters_are_one_line(query_store, cli_here):
    run = cli_here("query", "meetings-between", "--param", "a=RU", "--param", "b=PK", "--param", "x} UNION {=1",
              "--store", query_store)
    assert run.code != 0 and len(run.err.strip().splitlines()) == 1 and "unknown parameter" in run.err, run.err
    run = cli_here("query", "meetings-between", "--param", "a=RU", "--store", query_store)
    assert run.code != 0 and len(run.err.strip().splitlines()) == 1 and "parameter b" in run.err, run.err
