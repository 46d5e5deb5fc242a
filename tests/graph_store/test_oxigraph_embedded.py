"""The embedded store's own behaviour: opening, read-only, the bulk path of put_graphs and its journal."""
from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from graph_store.config import StoreConfig
from graph_store.oxigraph_store import BULK_MIN_TRIPLES, JOURNAL_NAME, OxigraphStore
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
    store = OxigraphStore(StoreConfig(path=sys.argv[1]))
    print("ready", flush=True)
    batch = 0
    while True:
        batch += 1
        store.put_graphs({f"{base}{sys.argv[2]}/{batch}/{g}":
                          "".join(f'<{base}s/{g}> <{base}p> "{k}" .\\n' for k in range(400)) for g in range(100)})
""")


@pytest.mark.slow
def test_sigkill_during_bulk_put_graphs(tmp_path):
    """Kill a child in the middle of bulk loads: after reopening, every graph is complete or absent."""
    path = tmp_path / "s"
    complete = 0
    for round_, delay in enumerate((0.8, 1.5, 2.5)):
        writer = subprocess.Popen([sys.executable, "-c", BULK_WRITER, str(path), f"r{round_}"], cwd=REPO,
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
