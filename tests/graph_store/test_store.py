"""The store contract, on every back-end (``store`` fixture: oxigraph-memory, oxigraph-disk, oxigraph-server,
virtuoso), plus the failure modes: bad updates, dead endpoints, credentials, locks, SIGKILL mid-write."""
from __future__ import annotations

import gc
import io
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import rdflib
from rdflib import BNode, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from graph_store import StoreConfig, open_store
from graph_store.oxigraph_store import OxigraphStore
from legation.errors import EndpointError, StoreError, StoreLockedError
from ontology import ID_BASE, ONTOLOGY_NS
from servers import free_port, server_store

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")   # plain Namespaces: rdflib's DefinedNamespace makes
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")   # pytest's collection warn
LG = Namespace(ONTOLOGY_NS)
ID = Namespace(ID_BASE)
G1, G2 = str(ID["article/one"]), str(ID["article/two"])
REPO = Path(__file__).resolve().parents[2]


def nt(*triples: tuple) -> str:
    """N-Triples text for rdflib triples."""
    graph = rdflib.Graph()
    for triple in triples:
        graph.add(triple)
    return graph.serialize(format="nt")


def triples_of(store, graph: str) -> set[tuple]:
    rows = store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").rows
    return set(rows)


# -- writing graphs ----------------------------------------------------------------------------------------

def test_put_replace_remove(store):
    first = {(ID.ru, RDFS.label, Literal("Russia", lang="en")), (ID.ru, LG.code, Literal("RU"))}
    store.put_graph(G1, nt(*first))
    assert store.has_graph(G1)
    assert not store.has_graph(G2)
    assert store.graphs() == [G1]
    assert triples_of(store, G1) == first

    second = {(ID.pk, RDFS.label, Literal("Pakistan", lang="en"))}
    store.put_graph(G1, nt(*second))
    assert triples_of(store, G1) == second          # replaced, not merged

    store.put_graph(G2, nt(*first))
    assert store.graphs() == sorted([G1, G2])
    store.remove_graph(G1)
    assert not store.has_graph(G1)
    assert store.graphs() == [G2]
    store.remove_graph(G1)                            # removing what is not there is fine


def test_put_accepts_nquads_and_empty_text(store):
    store.put_graph(G1, f'<{ID.a}> <{LG.p}> "x" <{ID["elsewhere"]}> .\n')
    assert store.graphs() == [G1]                     # the text's own graph name is ignored
    store.put_graph(G1, "")
    assert not store.has_graph(G1)


def test_bad_graph_text_is_a_store_error_and_changes_nothing(store):
    good = {(ID.a, LG.p, Literal("kept"))}
    store.put_graph(G1, nt(*good))
    with pytest.raises(StoreError, match="article/one"):
        store.put_graph(G1, f'<{ID.a}> <{LG.p}> "broken .\n')
    assert triples_of(store, G1) == good


def test_union_default_graph(store):
    store.put_graph(G1, nt((ID.ru, LG.meets, ID.pk)))
    store.put_graph(G2, nt((ID.pk, RDFS.label, Literal("Pakistan", lang="en"))))
    rows = store.select(f"SELECT ?label WHERE {{ <{ID.ru}> <{LG.meets}> ?x . ?x <{RDFS.label}> ?label }}").rows
    assert rows == [(Literal("Pakistan", lang="en"),)]
    rows = store.select(f"SELECT ?s ?o WHERE {{ ?s <{LG.meets}>|<{RDFS.label}> ?o }}").rows
    assert set(rows) == {(ID.ru, ID.pk), (ID.pk, Literal("Pakistan", lang="en"))}


EXPECTED_TERMS = {
    "iri": ID["state/PK"],
    "plain": Literal("plain string"),
    "xsd_string": Literal("typed string"),                 # xsd:string comes back as a plain literal
    "en": Literal("Islamabad", lang="en"),
    "en_gb": Literal("colour", lang="en-gb"),              # language tags lower-cased
    "ar": Literal("نائب وزير الدفاع الروسي ألكسندر فومين", lang="ar"),
    "ru": Literal("Александр Фомин", lang="ru"),
    "integer": Literal("42", datatype=XSD.integer),
    "negative": Literal("-7", datatype=XSD.integer),
    "decimal": Literal("1.5", datatype=XSD.decimal),
    "double": Literal("0.25", datatype=XSD.double),
    "boolean": Literal("true", datatype=XSD.boolean),
    "date": Literal("2024-09-17", datatype=XSD.date),
    "year": Literal("2024", datatype=XSD.gYear),
    "datetime": Literal("2024-09-17T10:30:00Z", datatype=XSD.dateTime),
    "custom": Literal("x-1", datatype=URIRef("https://w3id.org/legation/ontology#code")),
}


@pytest.mark.parametrize("running", [True, False], ids=["collector-running", "collector-paused"])
def test_select_and_construct_pause_the_cycle_collector_and_leave_it_as_found(store, running):
    """A large answer is turned into rows with Python's cycle collector paused, and the collector is left as it
    was, after an answer as after an error. (Without the pause, the 3000 rows below start 17 collections in a
    select and 31 in a construct on the embedded store; with it, one each, outside the conversion.)"""
    store.put_graph(G1, "".join(f'<{ID["item/" + str(i)]}> <{LG.value}> "v{i}" .\n' for i in range(3000)))
    collections = []

    def count(phase, info):
        if phase == "start":
            collections.append(info["generation"])
    was_running = gc.isenabled()
    (gc.enable if running else gc.disable)()
    gc.callbacks.append(count)
    try:
        rows = store.select(f"SELECT ?item ?value WHERE {{ ?item <{LG.value}> ?value }}").rows
        assert len(rows) == 3000 and len(collections) < 3
        collections.clear()
        graph = store.construct(f"CONSTRUCT {{ ?item <{LG.value}> ?value }} WHERE {{ ?item <{LG.value}> ?value }}")
        assert len(graph) == 3000 and len(collections) < 3
        assert gc.isenabled() is running
        with pytest.raises(StoreError):
            store.select("SELECT ?x WHERE { ?x ?y")
        assert gc.isenabled() is running
    finally:
        gc.callbacks.remove(count)
        (gc.enable if was_running else gc.disable)()


def test_select_terms_equal_across_backends(store):
    text = "".join(
        f"<{ID['item/' + key]}> <{LG.value}> "
        + (f'"typed string"^^<{XSD.string}>' if key == "xsd_string" else term.n3()) + " .\n"
        for key, term in EXPECTED_TERMS.items())
    store.put_graph(G1, text)
    result = store.select(f"""
        SELECT ?item ?value ?missing WHERE {{
            ?item <{LG.value}> ?value .
            OPTIONAL {{ ?item <{LG.absent}> ?missing }}
        }}""")
    assert result.vars == ["item", "value", "missing"]
    got = {str(row["item"]).rsplit("/", 1)[1]: row["value"] for row in result.dicts()}
    assert got == EXPECTED_TERMS
    for key, term in got.items():                     # equal, and of the same kind and datatype
        assert type(term) is type(EXPECTED_TERMS[key])
        if isinstance(term, Literal):
            assert (term.datatype, term.language) == (EXPECTED_TERMS[key].datatype, EXPECTED_TERMS[key].language)
    assert all(row["missing"] is None for row in result.dicts())


def test_blank_nodes_are_local_to_a_graph(store):
    text = f'_:b0 <{LG.p}> "x" .\n'
    store.put_graph(G1, text)
    store.put_graph(G2, text)
    rows = store.select(f"SELECT DISTINCT ?b WHERE {{ ?b <{LG.p}> ?x }}").rows
    assert len(rows) == 2 and all(isinstance(row[0], BNode) for row in rows)


def test_ask_and_construct(store):
    store.put_graph(G1, nt((ID.ru, RDFS.label, Literal("Россия", lang="ru")), (ID.ru, LG.code, Literal("RU"))))
    assert store.ask(f"ASK {{ <{ID.ru}> <{LG.code}> \"RU\" }}") is True
    assert store.ask(f"ASK {{ <{ID.ru}> <{LG.code}> \"PK\" }}") is False
    graph = store.construct(f"CONSTRUCT {{ ?s <{RDFS.label}> ?l }} WHERE {{ ?s <{RDFS.label}> ?l }}")
    assert isinstance(graph, rdflib.Graph)
    assert set(graph) == {(ID.ru, RDFS.label, Literal("Россия", lang="ru"))}


def test_count_triples(store):
    assert store.count_triples() == 0
    store.put_graph(G1, nt((ID.a, LG.p, Literal("1")), (ID.a, LG.p, Literal("2"))))
    store.put_graph(G2, nt((ID.a, LG.p, Literal("1"))))
    assert store.count_triples() == 3                 # quads: the same triple in two graphs counts twice


def test_put_graphs_500(store):
    graphs = {str(ID[f"article/{i}"]): nt((ID[f"event/{i}"], LG.order, Literal(i)),
                                           (ID[f"event/{i}"], RDFS.label, Literal(f"встреча {i}", lang="ru")),
                                           (ID[f"event/{i}"], LG.blank, BNode()))
              for i in range(500)}
    store.put_graphs(graphs)
    assert len(store.graphs()) == 500
    assert store.count_triples() == 1500
    # Replace half of them and add new ones in the same call.
    again = {str(ID[f"article/{i}"]): nt((ID[f"event/{i}"], LG.order, Literal(-i))) for i in range(250, 750)}
    store.put_graphs(again)
    assert len(store.graphs()) == 750
    assert store.count_triples() == 250 * 3 + 500
    assert triples_of(store, str(ID["article/300"])) == {(ID["event/300"], LG.order, Literal(-300))}


def test_multilingual_and_awkward_literals_survive(store):
    awkward = 'He said "no",\nthen \\left\ttab; \'quote\' — end\r\n'
    terms = [Literal("روسيا وباكستان تعززان التعاون العسكري", lang="ar"),
             Literal("Россия и Пакистан укрепляют военное сотрудничество", lang="ru"),
             Literal(awkward), Literal("emoji 🇵🇰 and ZWJ \u200d")]
    triples = {(ID.s, LG[f"p{i}"], term) for i, term in enumerate(terms)}
    store.put_graph(G1, nt(*triples))
    assert triples_of(store, G1) == triples
    store.put_graph(G1, nt(*triples))                  # the replace path too
    assert triples_of(store, G1) == triples
    out = io.BytesIO()
    store.dump(out, "nq")
    dataset = rdflib.Dataset()
    dataset.parse(data=out.getvalue(), format="nquads")
    assert set(dataset.graph(URIRef(G1))) == triples


# -- dumps -------------------------------------------------------------------------------------------------

def _sample(store) -> dict[str, rdflib.Graph]:
    graphs = {}
    for graph, extra in ((G1, Literal("مؤتمر صحفي", lang="ar")), (G2, Literal(3))):
        g = rdflib.Graph()
        node = BNode()
        g.add((ID.meeting, LG.actor, ID["state/RU"]))
        g.add((ID.meeting, LG.mention, node))
        g.add((node, LG.anchor, extra))
        graphs[graph] = g
        store.put_graph(graph, g.serialize(format="nt"))
    return graphs


@pytest.mark.parametrize("fmt, parser", [("nq", "nquads"), ("trig", "trig")])
def test_dump_round_trip(store, fmt, parser):
    graphs = _sample(store)
    out = io.BytesIO()
    store.dump(out, fmt)
    dataset = rdflib.Dataset()
    dataset.parse(data=out.getvalue(), format=parser)
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names == {G1, G2}
    for name, expected in graphs.items():
        assert isomorphic(dataset.graph(URIRef(name)), expected)
    # and back into a fresh store
    copy = OxigraphStore()
    copy.put_graphs({name: dataset.graph(URIRef(name)).serialize(format="nt") for name in names})
    assert copy.count_triples() == store.count_triples()


@pytest.mark.parametrize("fmt, parser", [("nt", "nt"), ("ttl", "turtle"), ("jsonld", "json-ld")])
def test_dump_union_formats(store, fmt, parser):
    _sample(store)
    out = io.BytesIO()
    store.dump(out, fmt)
    graph = rdflib.Graph()
    graph.parse(data=out.getvalue(), format=parser)
    assert len(graph) == 5                            # the shared triple appears once in the union
    assert (ID.meeting, LG.actor, ID["state/RU"]) in graph


def test_dump_unknown_format(store):
    with pytest.raises(StoreError, match="dump format"):
        store.dump(io.BytesIO(), "xml")


# -- errors ------------------------------------------------------------------------------------------------

def test_update_syntax_error_names_the_store(store):
    with pytest.raises(StoreError) as caught:
        store.update(f"INSERT DATA {{ <{ID.a}> <{LG.p}> ")
    where = getattr(store, "update_endpoint", store.location)     # a server: its update URL
    assert str(caught.value).startswith(where)
    assert store.count_triples() == 0


def test_query_syntax_error_names_the_store(store):
    with pytest.raises(StoreError) as caught:
        store.select("SELECT ?x WHERE { ?x ")
    assert store.location in str(caught.value)


def test_update_and_query(store):
    store.update(f'INSERT DATA {{ GRAPH <{G1}> {{ <{ID.a}> <{LG.p}> "v" }} }}')
    assert store.graphs() == [G1]
    store.update(f"DELETE WHERE {{ GRAPH <{G1}> {{ ?s <{LG.p}> ?o }} }}")
    assert store.graphs() == []


def test_dead_port_gives_endpoint_error_after_retries():
    url = f"http://127.0.0.1:{free_port()}/query"
    store = server_store(url, retries=2, backoff=0.05)
    started = time.monotonic()
    with pytest.raises(EndpointError) as caught:
        store.select("SELECT * WHERE { ?s ?p ?o }")
    assert url in str(caught.value) and "3 attempt" in str(caught.value)
    assert time.monotonic() - started >= 0.05 + 0.1    # two backoffs: 0.05 s, then 0.1 s
    with pytest.raises(EndpointError):
        store.put_graph(G1, nt((ID.a, LG.p, Literal("x"))))


def test_credentials_never_in_messages():
    port = free_port()
    config = StoreConfig.resolve(endpoint=f"http://alice:s3cr%40t-pw@127.0.0.1:{port}/sparql",
                                 env={"LEGATION_CONFIG": os.devnull})
    assert (config.user, config.password) == ("alice", "s3cr@t-pw")
    for text in (repr(config), str(config), config.endpoint, config.update_endpoint, config.gsp_endpoint):
        assert "s3cr" not in text and "alice" not in text
    store = open_store(config.with_(retries=0))
    assert "s3cr" not in repr(store) and "s3cr" not in store.name
    for call in (lambda: store.select("SELECT * {}"), lambda: store.update("CLEAR ALL"),
                 lambda: store.put_graph(G1, "")):
        with pytest.raises(EndpointError) as caught:
            call()
        message = f"{caught.value} {caught.value.hint}"
        assert "s3cr" not in message and "alice" not in message


# -- the embedded store on disk: locks and crashes --------------------------------------------------------

HOLDER = textwrap.dedent("""
    import sys, time
    from graph_store.config import StoreConfig
    from graph_store.oxigraph_store import OxigraphStore
    store = OxigraphStore(StoreConfig(path=sys.argv[1]))
    print("ready", flush=True)
    time.sleep(60)
""")


def _python(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_store_locked_by_another_process(tmp_path):
    path = tmp_path / "store"
    holder = _python(HOLDER, str(path))
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLockedError) as caught:
            OxigraphStore(StoreConfig(path=str(path)))
        message = str(caught.value)
        assert str(path) in message and "another process" in message and "\n" not in message
        assert caught.value.hint
    finally:
        holder.kill()
        holder.wait()
    with OxigraphStore(StoreConfig(path=str(path))) as store:        # free again once the holder is gone
        assert store.graphs() == []


WRITER = textwrap.dedent("""
    import sys
    from graph_store.config import StoreConfig
    from graph_store.oxigraph_store import OxigraphStore
    path, graph, size, tag, every = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
    store = OxigraphStore(StoreConfig(path=path))
    def version(tag):  # every `every`-th triple carries the tag, the others stay the same
        return "".join(f'<https://w3id.org/legation/id/s/{i}> <https://w3id.org/legation/ontology#v> '
                       f'"{tag if i % every == 0 else "same"}" .\\n' for i in range(size))
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        store.put_graph(graph, version(f"{tag}-{n}"))
        print("wrote", n, flush=True)
""")


def _check_old_or_new(path: Path, graph: str, size: int) -> str | None:
    """The version the graph holds (None: no graph yet); fails if it is partial or mixes versions."""
    with OxigraphStore(StoreConfig(path=str(path))) as store:
        rows = store.select(f"SELECT ?o (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} GROUP BY ?o").rows
    if not rows:
        return None
    counts = {str(o): int(n) for o, n in rows}
    same = counts.pop("same", 0)
    assert len(counts) == 1, f"graph mixes versions: {rows}"
    (version, tagged), = counts.items()
    assert tagged + same == size and tagged in (size, -(-size // 3)), f"graph {version} is partial: {rows}"
    return version


@pytest.mark.slow
def test_sigkill_during_put_graph_leaves_old_or_new(tmp_path):
    """A child replaces one large graph again and again; SIGKILL it at several moments: the graph must then
    hold one complete version (once it has existed, it never disappears, and it never mixes versions).
    Rounds 0-2 change a third of the triples (delete + insert the difference), rounds 3-5 all of them
    (drop + insert)."""
    path, graph, size = tmp_path / "store", G1, 20_000
    seen: list[str | None] = []
    for round_, delay in enumerate((0.1, 0.7, 1.3, 0.4, 1.0, 1.9)):
        every = "3" if round_ < 3 else "1"
        writer = _python(WRITER, str(path), graph, str(size), f"round{round_}", every)
        try:
            assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
            # one write done first (however busy the machine), then a kill at some moment of a later one
            assert writer.stdout.readline().startswith("wrote"), writer.stderr.read()
            time.sleep(delay)
        finally:
            writer.send_signal(signal.SIGKILL)
            writer.wait()
        version = _check_old_or_new(path, graph, size)
        assert version is not None or not any(seen), "the graph vanished"
        seen.append(version)
    assert len(set(seen) - {None}) >= 2, f"too few completed writes to be a test: {seen}"
