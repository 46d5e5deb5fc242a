"""The library of named queries: every .rq file documents itself (grlc-style header) and its parameters, and the
header parser rejects what would mislead `legation queries`."""
from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
import yaml

import queries as lib
from legation.errors import QueryError

NAMES = sorted(lib.library())
REQUIRED = {  # the queries the issue asks for, by what they answer
    "meetings-between", "state-relations", "state-officials", "who-met-whom", "dyad-topics", "dyad-timeline",
    "active-pairs", "official-statements", "event-sources", "state-organisations", "events-at-place",
    "single-language-events", "people-spellings",
}


def test_the_library_has_the_queries_the_issue_asks_for():
    assert len(NAMES) >= 16
    assert REQUIRED <= set(NAMES)
    for name in NAMES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", name), f"{name}: names are lower-case words joined by hyphens"


@pytest.mark.parametrize("name", NAMES)
def test_header(name):
    q = lib.get(name)
    assert q.summary and len(q.summary) <= 110 and not q.summary.endswith("."), q.summary
    assert len(q.description.split()) >= 15, f"{name}: describe what the rows are"
    assert q.tags and all(re.fullmatch(r"[a-z-]+", t) for t in q.tags)
    assert q.form == "SELECT"
    body = lib._strip_comments(q.text)
    used = set(re.findall(r"[?$]_([A-Za-z][A-Za-z0-9_]*)", body))
    assert used == {p.name for p in q.params}, f"{name}: every declared parameter is used and vice versa"
    for p in q.params:
        assert p.type in lib.TYPES, f"{name}.{p.name}: unknown type {p.type}"
        assert p.description and p.example is not None, f"{name}.{p.name}: needs a description and an example"
    prefixes = dict(re.findall(r"PREFIX\s+(\w*):\s*<([^>]*)>", q.text))
    assert all(lib.PREFIXES.get(k) == v for k, v in prefixes.items() if k in lib.PREFIXES), f"{name}: odd prefix"


@pytest.mark.parametrize("name", NAMES)
def test_examples_and_defaults_are_valid_values(name):
    q = lib.get(name)
    examples = {p.name: p.example for p in q.params}
    terms = lib.terms(q, examples)
    assert set(terms) == {p.name for p in q.params}
    defaults = {p.name: p.default for p in q.params if p.default is not None}
    lib.terms(q, {**examples, **defaults})
    for p in q.params:
        if p.type == "lang":
            assert p.default == "en", f"{name}: names default to English"
        if p.type == "date" and p.name == "since":
            assert p.default == "0001-01-01"
        if p.type == "date" and p.name == "until":
            assert p.default == "9999-12-31"


@pytest.mark.parametrize("name", NAMES)
def test_bound_query_parses(name):
    """The text sent to a store is valid SPARQL 1.1 (pyoxigraph's parser) and carries no comment."""
    q = lib.get(name)
    text = lib.bind(q, {p.name: p.example for p in q.params})
    assert "#+" not in text and "?_" not in text
    ox.Store().query(text)          # raises SyntaxError on a syntax error


def test_query_files_are_in_the_package_data():
    import configparser
    from pathlib import Path
    cfg = configparser.ConfigParser()
    cfg.read(Path(lib.HERE).parent / "setup.cfg")
    assert "*.rq" in cfg["options.package_data"]["queries"]


# -- the header parser ---------------------------------------------------------------------------------------

GOOD = """\
#+ summary: Test
#+ tags: [t]
#+ params:
#+   - a: {type: state, example: RU, description: "one, two"}
SELECT * WHERE { ?s ?p ?_a }
"""


def test_parse_reads_header():
    q = lib.parse(GOOD, "t")
    assert q.summary == "Test" and q.tags == ("t",)
    (p,) = q.params
    assert (p.name, p.type, p.example, p.description, p.required) == ("a", "state", "RU", "one, two", True)


@pytest.mark.parametrize("text, message", [
    (GOOD.replace('"one, two"', "one, two"), "unknown key"),          # an unquoted comma makes a new key
    (GOOD.replace("?_a }", "?_a ?_b }"), "used but not declared"),
    (GOOD.replace("#+ tags: [t]", "#+ tags: [t"), "malformed header"),
    (GOOD.replace("- a: {type", "- {type"), "one-key mapping"),
    (GOOD.replace("{type: state, example: RU, description: \"one, two\"}", "state"), "expected a mapping"),
])
def test_parse_rejects(text, message):
    with pytest.raises(QueryError, match=message):
        lib.parse(text, "t")


def test_unknown_type_is_a_query_error():
    q = lib.parse(GOOD.replace("type: state", "type: colour"), "t")
    with pytest.raises(QueryError, match="unknown type"):
        lib.terms(q, {"a": "RU"})


def test_get_by_path_and_unknown_names(tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text(GOOD, encoding="utf-8")
    assert lib.get(str(path)).name == "mine"
    with pytest.raises(QueryError, match="did you mean meetings-between"):
        lib.get("meetings")
    with pytest.raises(QueryError, match="no such query file"):
        lib.get(str(tmp_path / "missing.rq"))


def test_headers_are_yaml_that_grlc_would_read():
    """grlc reads the lines after '#+ ' as one YAML document: ours are, with no tab and no stray key."""
    for name in NAMES:
        header = "\n".join(line[3:] for line in lib.get(name).text.splitlines() if line.startswith("#+ "))
        meta = yaml.safe_load(header)
        assert set(meta) <= {"summary", "description", "tags", "params"}, name
