"""``legation export --format ttl|trig|nq|nt|jsonld [--out FILE]``: what is written parses back with rdflib and
holds the store's graph — every quad of it in trig/nq (one named graph per article), every distinct triple in the
merged formats — the same whether written to standard output or to a file."""
from __future__ import annotations

import pytest
import rdflib

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")     # rdflib's own, about its Dataset API

GRAPH = "https://w3id.org/legation/id/graph/article/"
RDFLIB_FORMAT = {"ttl": "turtle", "trig": "trig", "nq": "nquads", "nt": "nt", "jsonld": "json-ld"}
QUADS = ("trig", "nq")               # keep the named graphs
MERGED = ("ttl", "nt", "jsonld")     # merge them


def _name(g) -> str | None:
    g = getattr(g, "identifier", g)
    return None if g is None or str(g).startswith("urn:x-rdflib:") else str(g)


def parse(text: str, fmt: str) -> set[tuple]:
    """Quads (trig, nq) or triples (the merged formats) of a serialisation."""
    if fmt in QUADS:
        ds = rdflib.Dataset()
        ds.parse(data=text, format=RDFLIB_FORMAT[fmt])
        return {(s, p, o, _name(g)) for s, p, o, g in ds.quads((None, None, None, None))}
    g = rdflib.Graph()
    g.parse(data=text, format=RDFLIB_FORMAT[fmt])
    return set(g)


@pytest.fixture(scope="module")
def counts(pair, cli) -> dict:
    return cli("stats", "--store", pair.store, "--format", "json").ok().json()


@pytest.fixture(scope="module")
def stdout_exports(pair, cli) -> dict[str, set]:
    out = {}
    for fmt in RDFLIB_FORMAT:
        result = cli("export", "--format", fmt, "--store", pair.store).ok()
        out[fmt] = parse(result.out, fmt)
    return out


@pytest.mark.parametrize("fmt", QUADS)
def test_quad_formats_hold_as_many_quads_as_the_store(fmt, stdout_exports, counts):
    assert len(stdout_exports[fmt]) == counts["triples"] > 0


@pytest.mark.parametrize("fmt", QUADS)
def test_quad_formats_keep_one_named_graph_per_article(fmt, stdout_exports, pair):
    graphs = {q[3] for q in stdout_exports[fmt]}
    assert None not in graphs, "a triple outside the named graphs"
    articles = {g for g in graphs if g.startswith(GRAPH)}
    assert articles == {GRAPH + r["id"] for r in pair.records}


def test_trig_and_nquads_hold_the_same_quads(stdout_exports):
    assert stdout_exports["trig"] == stdout_exports["nq"]


@pytest.mark.parametrize("fmt", MERGED)
def test_merged_formats_hold_every_distinct_triple_of_the_store(fmt, stdout_exports):
    distinct = {q[:3] for q in stdout_exports["nq"]}
    assert stdout_exports[fmt] == distinct


@pytest.mark.parametrize("fmt", ["ttl", "trig", "nq", "jsonld"])
def test_out_file_holds_what_standard_output_gets(fmt, stdout_exports, pair, cli, tmp_path):
    target = tmp_path / f"graph.{fmt}"
    result = cli("export", "--format", fmt, "--out", target, "--store", pair.store).ok()
    assert result.out == "", "--out also wrote to standard output"
    assert parse(target.read_text(encoding="utf-8"), fmt) == stdout_exports[fmt]
    assert [p.name for p in tmp_path.iterdir()] == [target.name], "a temporary file was left behind"


def test_out_replaces_an_existing_file(pair, cli, tmp_path, stdout_exports):
    target = tmp_path / "graph.nq"
    target.write_text("stale content that is not N-Quads\n", encoding="utf-8")
    cli("export", "--format", "nq", "--out", target, "--store", pair.store).ok()
    assert parse(target.read_text(encoding="utf-8"), "nq") == stdout_exports["nq"]


def test_default_format_is_trig(pair, cli, stdout_exports):
    assert parse(cli("export", "--store", pair.store).ok().out, "trig") == stdout_exports["trig"]


def test_exporting_leaves_the_store_as_it_was(pair, cli, counts, stdout_exports):
    assert cli("stats", "--store", pair.store, "--format", "json").ok().json() == counts


def test_out_in_a_missing_directory_is_one_error_line(pair, cli, tmp_path):
    target = tmp_path / "no-such-dir" / "graph.trig"
    result = cli("export", "--store", pair.store, "--out", str(target))
    assert result.code == 1
    assert result.error_lines == [line for line in result.err.splitlines() if line.strip()]
    assert len(result.error_lines) == 1 and result.error_lines[0].startswith(f"Error: {target}: ")
    assert not target.parent.exists()
