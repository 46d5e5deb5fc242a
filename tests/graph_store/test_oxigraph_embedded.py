"""The embedded store's own behaviour: opening, read-only, the bulk path of put_graphs and its journal."""
from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph_store.config import StoreConfig
from graph_store.oxigraph_store import BULK_MIN_TRIPLES, CHUNK_MIN_TRIPLES, JOURNAL_NAME, OxigraphStore, _chunks
from legation.errors import StoreError, StoreLockedError
from ontology import ID_BASE

REPO = Path(__file__).resolve().parents[2]
P = "https://w3id.org/legation/ontology#p"


def article(i: int) -> str:
    return f"{ID_BASE}article/{i}"


def text(i: int, size: int, tag: str = "x", blank: bool = False) -> str:
    subject = "_:b" if blank else f"<{ID_BASE}s/{i}>"
    return "".join(f'{subject} <{P}> "{tag} {i} {k}" .\n' for k in range(size))


def on_disk(path: Path, **options) -> OxigraphStore:
    return OxigraphStore(StoreConfig(path=str(path), **options))


def test_path_that_is_a_file(tmp_path):
    file = tmp_path / "file"
    file.write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        on_disk(file)
    with pytest.raises(StoreError, match="cannot create"):
        on_disk(file / "store")


def test_close_reopen_and_in_process_lock(tmp_path):
    store = on_disk(tmp_path / "s")
    store.put_graph(article(1), text(1, 3))
    with pytest.raises(StoreLockedError, match="already open in this process"):
        on_disk(tmp_path / "s")
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.graphs()
    with on_disk(tmp_path / "s") as again:
        assert again.graphs() == [article(1)]
        assert again.count_triples() == 3


def test_read_only(tmp_path):
    with on_disk(tmp_path / "s") as store:
        store.put_graph(article(1), text(1, 2))
    with on_disk(tmp_path / "s", read_only=True) as store:
        assert store.graphs() == [article(1)]
        for write in (lambda: store.put_graph(article(2), text(2, 1)), lambda: store.remove_graph(article(1)),
                      lambda: store.update("CLEAR ALL"), lambda: store.put_graphs({})):
            with pytest.raises(StoreError, match="read-only"):
                write()
    with pytest.raises(StoreError):
        OxigraphStore(StoreConfig(path=None, read_only=True))
    with pytest.raises(StoreError, match="no store"):
        on_disk(tmp_path / "missing", read_only=True)


def test_graphs_ignores_foreign_and_empty_graphs():
    store = OxigraphStore()
    store.update('INSERT DATA { GRAPH <http://example.org/other> { <http://a> <http://b> "c" } }')
    store.update(f"CREATE GRAPH <{article(9)}>")
    store.put_graph(article(1), text(1, 2))
    assert store.graphs() == [article(1)]
    assert store.count_triples() == 2
    assert not store.has_graph(article(9))


def test_bulk_put_graphs_on_disk(tmp_path):
    size = 100
    count = BULK_MIN_TRIPLES // size + 50
    with on_disk(tmp_path / "s") as store:
        store.put_graph(article(0), text(0, 5, "old"))
        graphs = {article(i): text(i, size, "new", blank=(i % 10 == 0)) for i in range(count)}
        graphs[article(1)] = text(1, size).replace(" .\n", f" <{ID_BASE}ignored> .\n")   # N-Quads input
        store.put_graphs(graphs)
        assert not (tmp_path / "s" / JOURNAL_NAME).exists()
        assert len(store.graphs()) == count
        assert store.count_triples() == count * size
        assert store.select(f'SELECT ?o WHERE {{ GRAPH <{article(0)}> {{ ?s ?p ?o FILTER(STRSTARTS(?o, "old")) }} }}'
                            ).rows == []                                         # replaced
        blanks = store.select(f"SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE {{ ?b <{P}> ?o FILTER(isBlank(?b)) }}")
        assert int(blanks.rows[0][0]) == len([i for i in range(count) if i % 10 == 0])   # one per graph


def test_bulk_put_graphs_with_a_bad_graph_changes_nothing(tmp_path):
    with on_disk(tmp_path / "s") as store:
        store.put_graph(article(0), text(0, 5))
        graphs = {article(i): text(i, 100) for i in range(1, BULK_MIN_TRIPLES // 100 + 10)}
        graphs[article(7)] = text(7, 3) + '<http://a> <http://b> "unterminated .\n'
        with pytest.raises(StoreError, match="article/7"):
            store.put_graphs(graphs)
        assert store.graphs() == [article(0)]
        assert not (tmp_path / "s" / JOURNAL_NAME).exists()


def test_chunks_are_consecutive_balanced_and_not_too_small():
    graphs = {article(i): text(i, 1 + i % 7) for i in range(40_000)}      # 159,994 triples of uneven graphs
    for count in (1, 2, 3, 4, 8):
        chunks = _chunks(graphs, count)
        assert len(chunks) == count
        assert [g for chunk in chunks for g in chunk] == list(graphs)      # all of them, in order
        sizes = [sum(t.count("\n") for t in chunk.values()) for chunk in chunks]
        assert max(sizes) - min(sizes) <= 2 * 7, sizes
    few = {article(i): text(i, 100) for i in range(3 * CHUNK_MIN_TRIPLES // 100 - 1)}
    assert len(_chunks(few, 8)) == 2                                  # no chunk under CHUNK_MIN_TRIPLES
    assert len(_chunks({article(1): text(1, 3)}, 4)) == 1


class RecordingStore:
    """A pyoxigraph store whose bulk loads are watched (which threads ran them, how many at once), none of them
    let go on before ``parties`` of them have begun."""

    def __init__(self, inner: ox.Store, parties: int):
        self.inner = inner
        self.threads: set[int] = set()
        self.running = self.most = 0
        self.guard = threading.Lock()
        self.started = threading.Barrier(parties, timeout=60)

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def bulk_load(self, *args, **kwargs):
        with self.guard:
            self.threads.add(threading.get_ident())
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            self.started.wait()
            return self.inner.bulk_load(*args, **kwargs)
        finally:
            with self.guard:
                self.running -= 1


def test_bulk_load_runs_chunks_on_parallel_threads(tmp_path):
    size, count = 100, 3 * CHUNK_MIN_TRIPLES // 100 + 30
    with on_disk(tmp_path / "s", load_threads=3) as store:
        assert store.load_threads == 3
        store._store = watched = RecordingStore(store._store, parties=3)
        store.put_graphs({article(i): text(i, size) for i in range(count)}, validated=True)
        assert watched.most == 3 and len(watched.threads) == 3 and threading.get_ident() not in watched.threads
        assert store.count_triples() == count * size and len(store.graphs()) == count
        assert not (tmp_path / "s" / JOURNAL_NAME).exists()


def test_a_call_may_ask_for_fewer_load_threads(tmp_path):
    """``put_graphs(..., threads=1)`` (what an ingest asks while its workers keep the cores busy) makes one bulk
    load of the whole batch, on the calling thread, whatever ``load_threads`` says."""
    size, count = 100, 3 * CHUNK_MIN_TRIPLES // 100 + 30
    with on_disk(tmp_path / "s", load_threads=3) as store:
        store._store = watched = RecordingStore(store._store, parties=1)
        store.put_graphs({article(i): text(i, size) for i in range(count)}, validated=True, threads=1)
        assert watched.most == 1 and watched.threads == {threading.get_ident()}
        assert store.count_triples() == count * size and len(store.graphs()) == count


@pytest.mark.parametrize("bad", [5, 160, 325])        # in the first, middle and last of three chunks
def test_one_failed_chunk_of_a_parallel_bulk_load_leaves_nothing(tmp_path, bad):
    """One of three concurrent loads fails while the others go on to the end: the whole call is undone (the
    graphs the others wrote too), the store keeps what it held, the error names the bad graph."""
    count = 3 * CHUNK_MIN_TRIPLES // 100 + 30
    with on_disk(tmp_path / "s", load_threads=3) as store:
        store.put_graph(article(10_000), text(10_000, 5))
        graphs = {article(i): text(i, 100) for i in range(count)}
        graphs[article(bad)] = text(bad, 3) + '<http://a> <http://b> "unterminated .\n'
        store._store = watched = RecordingStore(store._store, parties=3)
        with pytest.raises(StoreError, match=f"article/{bad}>"):
            store.put_graphs(graphs, validated=True)
        assert watched.most == 3
        assert store.graphs() == [article(10_000)] and store.count_triples() == 5
        assert not (tmp_path / "s" / JOURNAL_NAME).exists()
        store._store = watched.inner
        del graphs[article(bad)]
        store.put_graphs(graphs, validated=True)                # the same batch without it loads
        assert store.count_triples() == 5 + (count - 1) * 100


def test_pyoxigraph_concurrent_bulk_loads_one_failing(tmp_path):
    """What the store relies on: two bulk loads on one store at once, one of them bad input; the good one is
    complete, the bad one writes nothing (pyoxigraph 0.5 ingests a call's files only at its end)."""
    store = ox.Store(str(tmp_path / "s"))
    good = b"".join(b'<%s> {\n<http://s/%d> <http://p> "%d" .\n}\n' % (article(i).encode(), i, i)
                    for i in range(30_000))
    bad = good.replace(b"article/", b"article/bad-") + b'<http://g> { <http://a> <http://b> "open .\n}\n'
    errors: list[BaseException] = []

    def load(data):
        try:
            store.bulk_load(data, ox.RdfFormat.TRIG, lenient=True)
        except SyntaxError as e:
            errors.append(e)
    threads = [threading.Thread(target=load, args=(data,)) for data in (good, bad)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(errors) == 1 and errors[0].lineno == 90_001
    assert len(store) == 30_000
    assert {g.value for g in store.named_graphs()} == {article(i) for i in range(30_000)}


def test_interrupted_bulk_load_is_recovered_at_open(tmp_path):
    path = tmp_path / "s"
    with on_disk(path) as store:
        store.put_graph(article(1), text(1, 4))
        store.put_graph(article(2), text(2, 4))            # pretend article 2 was half-loaded in bulk
    (path / JOURNAL_NAME).write_text(f"{article(2)}\n{article(3)}\n")
    with pytest.raises(StoreError, match="interrupted"):
        on_disk(path, read_only=True)
    with on_disk(path) as store:
        assert store.recovered == [article(2), article(3)]
        assert store.graphs() == [article(1)]
        assert not (path / JOURNAL_NAME).exists()
    with on_disk(path) as store:
        assert store.recovered == []


BULK_WRITER = textwrap.dedent("""
    import sys
    from graph_store.config import StoreConfig
    from graph_store.oxigraph_store import OxigraphStore
    base = "https://w3id.org/legation/id/"
    store = OxigraphStore(StoreConfig(path=sys.argv[1], load_threads=int(sys.argv[3])))
    print("ready", flush=True)
    batch = 0
    while True:
        batch += 1
        store.put_graphs({f"{base}{sys.argv[2]}/{batch}/{g}":
                          "".join(f'<{base}s/{g}> <{base}p> "{k}" .\\n' for k in range(400)) for g in range(100)})
""")


@pytest.mark.slow
@pytest.mark.parametrize("threads", [1, 4])
def test_sigkill_during_bulk_put_graphs(tmp_path, threads):
    """Kill a child in the middle of bulk loads (one chunk, or four loaded at once): after reopening, every
    graph is complete or absent."""
    path = tmp_path / "s"
    complete = 0
    for round_, delay in enumerate((0.8, 1.5, 2.5)):
        writer = subprocess.Popen([sys.executable, "-c", BULK_WRITER, str(path), f"r{round_}", str(threads)],
                                  cwd=REPO,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
            time.sleep(delay)
        finally:
            writer.send_signal(signal.SIGKILL)
            writer.wait()
        with on_disk(path) as store:
            sizes = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows
            assert all(int(n) == 400 for _, n in sizes), "a graph is partial"
            assert not (path / JOURNAL_NAME).exists()
            complete = len(sizes)
    assert complete >= 100, "no bulk load ever completed: the test proves nothing"


@pytest.mark.parametrize("where", ["memory", "disk"])
def test_replace_writes_only_the_difference(tmp_path, where):
    store = OxigraphStore(StoreConfig(path=str(tmp_path / "s") if where == "disk" else None))
    lines = text(1, 10).splitlines(keepends=True)
    store.put_graph(article(1), "".join(lines))
    changed = "".join(lines[:8]) + f'<{ID_BASE}s/1> <{P}> "fresh" .\n'
    store.put_graph(article(1), changed)                          # 2 go, 1 comes: the difference path
    rows = store.select(f"SELECT ?o WHERE {{ GRAPH <{article(1)}> {{ ?s ?p ?o }} }}").rows
    assert sorted(str(o) for (o,) in rows) == sorted(line.split('"')[1] for line in changed.splitlines())
    store.put_graph(article(1), changed)                          # unchanged: nothing to write
    assert store.count_triples() == 9
    store.close()


def test_select_converts_each_distinct_term_once_to_the_same_rdflib_terms():
    """A SELECT's rows are the rdflib terms ``from_oxigraph`` gives (IRIs, plain, language-tagged and typed
    literals, blank nodes, unbound cells), the values repeated over rows converted once (the same object)."""
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import XSD

    from graph_store.terms import converter, from_oxigraph, iri
    store = OxigraphStore(StoreConfig(path=None))
    g = f"<{ID_BASE}graph/t>"
    store.put_graph(ID_BASE + "graph/t", f"""
        <{ID_BASE}e/1> <{ID_BASE}p> "x" {g} .
        <{ID_BASE}e/2> <{ID_BASE}p> "x" {g} .
        <{ID_BASE}e/2> <{ID_BASE}p> "Москва"@RU {g} .
        <{ID_BASE}e/3> <{ID_BASE}p> "007"^^<http://www.w3.org/2001/XMLSchema#integer> {g} .
        <{ID_BASE}e/3> <{ID_BASE}p> "x"^^<http://www.w3.org/2001/XMLSchema#string> {g} .
        _:b <{ID_BASE}p> <{ID_BASE}e/1> {g} .
    """)
    query = f"SELECT ?s ?o ?none WHERE {{ ?s <{ID_BASE}p> ?o }} ORDER BY STR(?s) STR(?o)"
    rows = store.select(query).rows
    expected = [tuple(from_oxigraph(t) for t in solution) for solution in store.store.query(
        query, use_default_graph_as_union=True)]
    assert rows == expected and len(rows) == 6
    assert all(type(a) is type(b) for got, want in zip(rows, expected) for a, b in zip(got, want))
    values = {row[1] for row in rows}
    assert values == {Literal("x"), Literal("Москва", lang="ru"), Literal("7", datatype=XSD.integer),
                      URIRef(ID_BASE + "e/1")}
    assert {row[2] for row in rows} == {None} and sum(isinstance(row[0], BNode) for row in rows) == 1
    xs = [row[1] for row in rows if row[1] == Literal("x")]
    assert len(xs) == 3 and all(x is xs[0] for x in xs)        # "x" and "x"^^xsd:string: one term
    assert iri(ID_BASE + "e/1") == URIRef(ID_BASE + "e/1") and type(iri("urn:a")) is URIRef
    convert = converter()
    assert convert(None) is None and convert(ox.NamedNode("urn:a")) == URIRef("urn:a")
    store.close()
