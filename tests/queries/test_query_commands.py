"""`legation queries` and `legation query` as a person runs them: every output format, one-line errors, and any
SPARQL 1.1 server as the store (--endpoint, or the environment)."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

import queries as lib
from graph_store import StoreConfig, open_store
from legation.cli import cli
from legation.commands import queries as queries_command
from legation.commands import query as query_command
from legation.commands import serve as serve_command

from queries_data import load_fixture

ID = "https://w3id.org/legation/id/"
MEETINGS = ["query", "meetings-between", "--param", "a=RU", "-p", "b=PK", "-p", "since=2020-01-01"]
HEADER = ["event", "date", "place", "people", "topics", "sources"]


def run(*args, env=None):
    return CliRunner().invoke(cli, list(args), env=env)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> str:
    """An embedded store on disk holding the fixture, closed again."""
    path = tmp_path_factory.mktemp("queries") / "store"
    store = open_store(StoreConfig(path=str(path)))
    load_fixture(store)
    store.close()
    return str(path)


def test_queries_lists_every_query_with_its_parameters():
    result = run("queries")
    assert result.exit_code == 0, result.output
    for q in lib.library().values():
        assert f"{q.name}  {q.summary}" in result.output
        for p in q.params:
            assert f"--param {p.name}=<{p.type}>" in result.output
    assert "rank by cooperation, neutral or friction" in result.output     # a description with commas, whole


def test_queries_json():
    result = run("queries", "--format", "json")
    listed = json.loads(result.output)
    assert [q["name"] for q in listed] == sorted(lib.library())
    meetings = next(q for q in listed if q["name"] == "meetings-between")
    assert meetings["params"][0] == {"name": "a", "type": "state", "required": True, "default": None,
                                     "example": "RU", "description": "one state (ISO 3166-1 alpha-2 code)"}
    assert all(q["summary"] and q["tags"] for q in listed)


def test_queries_shows_one_query_in_full():
    result = run("queries", "dyad-timeline")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("dyad-timeline  The timeline of a dyad")
    assert "tags: dyad, timeline" in result.output
    assert lines[-1] == "    example: legation query dyad-timeline --param a=RU --param b=PK"
    assert "dyad-topics" not in result.output
    result = run("queries", "dyad")
    assert result.exit_code == 1 and "did you mean dyad-timeline, dyad-topics?" in result.output


def test_query_table(store_dir):
    result = run(*MEETINGS, "--store", store_dir)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == HEADER and set(lines[1]) <= {"-", " "}
    assert lines[-1] == "(3 rows)"
    assert "Islamabad" in lines[4] and lines[4].rstrip().endswith("2")


def test_query_csv_and_tsv(store_dir):
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        result = run(*MEETINGS, "--store", store_dir, "--format", fmt)
        assert result.exit_code == 0, result.output
        table = list(csv.reader(io.StringIO(result.output), delimiter=delimiter))
        assert table[0] == HEADER and len(table) == 4
        assert table[1][:3] == [ID + "event/CONSULT-AF-PK-RU-2025-02", "2025-02", "Moscow"]
        assert table[3][5] == "2"


def test_query_json_is_sparql_results_json(store_dir):
    result = run(*MEETINGS, "--store", store_dir, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["head"]["vars"] == HEADER
    bindings = data["results"]["bindings"]
    assert len(bindings) == 3
    for binding in bindings:
        assert set(binding) <= set(HEADER)
        for term in binding.values():
            assert term["type"] in ("uri", "literal", "bnode") and isinstance(term["value"], str)
            assert not ("xml:lang" in term and "datatype" in term)
    first = bindings[0]
    assert first["event"] == {"type": "uri", "value": ID + "event/CONSULT-AF-PK-RU-2025-02"}
    assert first["sources"] == {"type": "literal", "value": "2",
                                "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert first["place"] == {"type": "literal", "value": "Moscow"}


def test_query_json_leaves_unbound_cells_out(store_dir):
    result = run("query", "meetings-between", "-p", "a=IN", "-p", "b=RU", "--store", store_dir, "--format", "json")
    (binding,) = json.loads(result.output)["results"]["bindings"]
    assert "date" not in binding and binding["people"]["value"] == "Sergey Lavrov"


def test_query_markdown(store_dir):
    result = run(*MEETINGS, "--store", store_dir, "--format", "markdown")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "| " + " | ".join(HEADER) + " |"
    assert lines[1] == "|---|---|---|---|---|---|"
    assert len(lines) == 5 and all(line.startswith("| ") and line.endswith(" |") for line in lines[2:])


def test_query_from_a_file(store_dir, tmp_path):
    path = tmp_path / "count.rq"
    path.write_text("#+ summary: count the events of a type\n#+ params:\n#+   - t: {type: type, example: CONSULT}\n"
                    "PREFIX lg: <https://w3id.org/legation/ontology#>\n"
                    "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e lg:eventType ?_t }\n", encoding="utf-8")
    result = run("query", str(path), "-p", "t=consult", "--store", store_dir, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.split() == ["n", "5"]


@pytest.mark.parametrize("args, message", [
    (["meetings-between", "-p", "a=RU", "-p", "b=XX"], "parameter b: 'XX' is not an ISO 3166-1 alpha-2 code"),
    (["meetings-between", "-p", "a=RU"], "parameter b (state) is required, e.g. --param b=PK"),
    (["meetings-between", "-p", "a=RU", "-p", "b=PK", "-p", "since=2024-13-01"],
     "parameter since: '2024-13-01' is not"),
    (["meetings-between", "-p", "a=RU", "-p", "b=PK", "-p", "colour=red"], "unknown parameter(s) colour"),
    (["meetings", "-p", "a=RU"], "no named query 'meetings'; did you mean meetings-between?"),
    (["active-pairs", "-p", "limit=-5"], "parameter limit: '-5' is not a whole number"),
])
def test_bad_values_are_one_line(store_dir, args, message):
    result = run("query", *args, "--store", store_dir)
    assert result.exit_code == 1
    assert result.output.startswith(("Error: query", "Error: no named query"))
    assert message in result.output and "(hint: `legation queries`" in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_param_must_be_name_equals_value(store_dir):
    result = run("query", "meetings-between", "-p", "a", "--store", store_dir)
    assert result.exit_code == 2 and "is not NAME=VALUE" in result.output


def test_commands_document_themselves():
    for command in (queries_command.command, query_command.command, serve_command.command):
        doc = command.callback.__doc__ or command.help
        assert doc and "Example:" in doc
        assert doc.strip().splitlines()[-1].strip().startswith("legation ")


# -- any SPARQL 1.1 server as the store ---------------------------------------------------------------------

@pytest.mark.server
def test_query_against_oxigraph_server_with_endpoint(fixture_in, oxigraph_server):
    fixture_in("oxigraph-server")
    result = run(*MEETINGS, "--endpoint", oxigraph_server, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert len(list(csv.reader(io.StringIO(result.output)))) == 4


@pytest.mark.server
def test_query_against_virtuoso_from_the_environment(fixture_in, virtuoso_server, tmp_path):
    fixture_in("virtuoso")
    result = run(*MEETINGS, "--format", "json", env={"LEGATION_ENDPOINT": virtuoso_server,
                                                     "LEGATION_CONFIG": "", "XDG_CONFIG_HOME": str(tmp_path)})
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data["results"]["bindings"]) == 3
    # Virtuoso's "typed-literal" comes out as SPARQL 1.1's "literal" with its datatype
    assert data["results"]["bindings"][0]["sources"] == {
        "type": "literal", "value": "2", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}


@pytest.mark.server
def test_query_against_virtuoso_from_a_config_file(fixture_in, virtuoso_server, tmp_path):
    fixture_in("virtuoso")
    config = tmp_path / "legation.toml"
    config.write_text(f'[store]\nendpoint = "{virtuoso_server}"\ntimeout = 30\n', encoding="utf-8")
    result = run(*MEETINGS, "--format", "tsv", env={"LEGATION_CONFIG": str(config), "LEGATION_ENDPOINT": "",
                                                    "LEGATION_STORE": ""})
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].split("\t") == HEADER and len(result.output.splitlines()) == 4


def _fixture_store(tmp_path, derived: str) -> str:
    """A store holding the fixture whose derived graph is as computed (``current``), missing, or of an older
    version (tenures only, the article count as its version)."""
    from legation.ingesting import DERIVED_GRAPH
    path = str(tmp_path / "store")
    store = open_store(StoreConfig(path=path))
    load_fixture(store)
    if derived == "missing":
        store.remove_graph(DERIVED_GRAPH)
    elif derived == "older":
        store.update(f"""DELETE WHERE {{ GRAPH <{DERIVED_GRAPH}> {{ ?s ?p ?o }} }} ;
            INSERT DATA {{ GRAPH <{DERIVED_GRAPH}> {{
              <{DERIVED_GRAPH}> <http://www.w3.org/2002/07/owl#versionInfo> "9" }} }}""")
    store.close()
    return path


@pytest.mark.parametrize("derived", ["missing", "older"])
def test_query_computes_a_missing_or_older_derived_graph_first(tmp_path, derived):
    """An older store (or one loaded by other means) has no digest: `legation query` computes it, says so, and
    answers as on a current store; the next query finds it current."""
    path = _fixture_store(tmp_path, derived)
    expected = run(*MEETINGS, "--store", _fixture_store(tmp_path / "current", "current"), "--format", "csv")
    first = CliRunner().invoke(cli, [*MEETINGS, "--store", path, "--format", "csv"])
    assert first.exit_code == 0, first.output + first.stderr
    assert f"derived graph is {'missing' if derived == 'missing' else 'stale'}" in first.stderr
    assert first.stdout == expected.stdout and len(first.stdout.splitlines()) == 4
    again = CliRunner().invoke(cli, [*MEETINGS, "--store", path, "--format", "csv"])
    assert again.exit_code == 0 and again.stderr == "" and again.stdout == expected.stdout
    refreshed = CliRunner().invoke(cli, [*MEETINGS, "--store", path, "--refresh-derived"])
    assert refreshed.exit_code == 0 and "derived graph computed" in refreshed.stderr


def test_query_says_when_the_derived_graph_cannot_be_computed(tmp_path):
    """The store is in use by another process (its lock held): one line saying what to do."""
    path = _fixture_store(tmp_path, "missing")
    holder = open_store(StoreConfig(path=path))           # holds the lock, as a running ingest would
    try:
        result = run(*MEETINGS, "--store", path)
    finally:
        holder.close()
    assert result.exit_code == 1
    note, error = result.output.strip().splitlines()
    assert note.startswith("note: ") and error.startswith("Error: ")
    assert "read the derived graph, which is missing in this store and could not be computed" in error
    assert "legation ingest" in error
