"""`legation serve` and graph_store.server: the embedded store served by the Oxigraph server on 127.0.0.1 —
answers over HTTP with the stored data (default graph = union of the named graphs), read-only mode, one-line
errors for a locked store, a taken port, a missing or mismatched binary, and a clean stop on Ctrl-C."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph_store import StoreConfig, open_store
from graph_store.oxigraph_store import OxigraphStore
from graph_store.server import find_oxigraph, port_in_use, server_version, start_server
from legation.cli import cli
from legation.errors import ConfigError, StoreError, StoreLockedError
from servers import find_binary, free_port

ID = "https://w3id.org/legation/id/"
REPO = Path(__file__).resolve().parents[2]
COUNT_EVENTS = ("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e <https://w3id.org/legation/ontology#eventType> ?t }")


def _article(n: int, event: str, plover: str) -> str:
    return (f"<{ID}event/{event}> <https://w3id.org/legation/ontology#eventType> <{ID}plover/{plover}> .\n"
            f"<{ID}event/{event}> <http://www.w3.org/ns/prov#wasDerivedFrom> <{ID}article/x{n}> .\n")


DATA = {  # two article graphs saying the same about one event, a third about another
    ID + "graph/article/x1": _article(1, "E1", "CONSULT"),
    ID + "graph/article/x2": _article(2, "E1", "CONSULT"),
    ID + "graph/article/x3": _article(3, "E2", "AGREE"),
}

pytestmark = pytest.mark.server


@pytest.fixture(autouse=True)
def _needs_oxigraph():
    if find_binary("oxigraph") is None:
        if os.environ.get("LEGATION_REQUIRE_SERVERS") == "1":
            pytest.fail("the oxigraph binary is required (LEGATION_REQUIRE_SERVERS=1)", pytrace=False)
        pytest.skip("the `oxigraph` server binary is not installed")


@pytest.fixture
def store_dir(tmp_path) -> str:
    path = tmp_path / "store"
    store = open_store(StoreConfig(path=str(path)))
    store.put_graphs(DATA)
    store.close()
    return str(path)


def sparql(url: str, query: str) -> dict:
    request = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def count(url: str) -> int:
    return int(sparql(url, COUNT_EVENTS)["results"]["bindings"][0]["n"]["value"])


def update(url: str, text: str) -> int:
    request = urllib.request.Request(url, data=urllib.parse.urlencode({"update": text}).encode(), method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code


# -- the library -------------------------------------------------------------------------------------------

def test_serves_the_store_with_the_union_default_graph(store_dir):
    with start_server(store_dir, port=free_port()) as server:
        assert server.query_url == f"http://127.0.0.1:{server.port}/query"
        assert count(server.query_url) == 2
        with urllib.request.urlopen(server.page_url, timeout=10) as page:       # the web query page
            assert page.status == 200 and "text/html" in page.headers.get("Content-Type", "")
        # while it runs, the directory is the server's
        with pytest.raises(StoreLockedError):
            OxigraphStore(StoreConfig(path=store_dir))
        assert update(server.update_url, f"INSERT DATA {{ GRAPH <{ID}graph/article/x4> {{ <{ID}event/E3> "
                                         f"<https://w3id.org/legation/ontology#eventType> <{ID}plover/AID> }} }}") < 300
        assert count(server.query_url) == 3
    assert not server.running()
    store = OxigraphStore(StoreConfig(path=store_dir))               # lock released, the update kept
    assert store.select(COUNT_EVENTS).rows[0][0].toPython() == 3
    store.close()


def test_read_only(store_dir):
    with start_server(store_dir, port=free_port(), read_only=True) as server:
        assert server.update_url is None
        assert count(server.query_url) == 2
        assert update(f"{server.base_url}/update", f"DROP GRAPH <{ID}graph/article/x1>") >= 400
        assert count(server.query_url) == 2


class HeldByAnotherProcess:
    """A Python process that opens the store read-write (taking its lock) until the block ends."""

    def __init__(self, path: str):
        self.path = path

    def __enter__(self):
        code = ("import sys, time, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); print('held', flush=True); "
                "time.sleep(120)")
        self.process = subprocess.Popen([sys.executable, "-c", code, self.path], stdout=subprocess.PIPE, text=True)
        assert self.process.stdout.readline().strip() == "held"
        return self

    def __exit__(self, *exc):
        self.process.kill()
        self.process.wait(10)


def test_locked_store(store_dir):
    with HeldByAnotherProcess(store_dir):
        for read_only in (False, True):
            with pytest.raises(StoreLockedError, match="in use by another process"):
                start_server(store_dir, port=free_port(), read_only=read_only)
    with start_server(store_dir, port=free_port()) as server:     # free again
        assert count(server.query_url) == 2


def test_port_taken(store_dir):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert port_in_use(port)
        with pytest.raises(ConfigError, match=f"port {port} on 127.0.0.1 is already in use"):
            start_server(store_dir, port=port)


def test_missing_store_in_read_only_mode(tmp_path):
    with pytest.raises(StoreError, match="no store there"):
        start_server(tmp_path / "nothing", port=free_port(), read_only=True)


def test_missing_binary(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ConfigError, match="not installed") as info:
        find_oxigraph()
    assert "pip install oxigraph==" in info.value.hint


def test_version_must_match_pyoxigraph(tmp_path, store_dir):
    import pyoxigraph
    fake = tmp_path / "oxigraph"
    fake.write_text("#!/bin/sh\necho 'oxigraph 0.3.22'\n", encoding="utf-8")
    fake.chmod(0o755)
    assert server_version(str(fake)) == "0.3.22"
    with pytest.raises(ConfigError, match=f"is Oxigraph 0.3.22 but pyoxigraph is {pyoxigraph.__version__}"):
        start_server(store_dir, port=free_port(), binary=str(fake))
    assert server_version(find_oxigraph()) == pyoxigraph.__version__


# -- the command -------------------------------------------------------------------------------------------

def _start_command(*args: str) -> tuple[subprocess.Popen, dict[str, str]]:
    env = dict(os.environ, PYTHONPATH=str(REPO), LEGATION_ENDPOINT="")
    process = subprocess.Popen([sys.executable, "-m", "legation", "serve", *args], cwd=REPO, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    shown: dict[str, str] = {}
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        key, _, value = line.partition(":")
        shown[key.strip()] = value.strip()
        if line.startswith("Press Ctrl-C"):
            return process, shown
    process.kill()
    raise AssertionError(f"serve did not start: {shown} {process.stderr.read()}")


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_serve_command_answers_then_stops(store_dir, stop):
    port = free_port()
    process, shown = _start_command("--store", store_dir, "--port", str(port))
    try:
        assert shown["SPARQL endpoint"] == f"http://127.0.0.1:{port}/query"
        assert shown["Query page"] == f"http://127.0.0.1:{port}/"
        assert shown["SPARQL update"] == f"http://127.0.0.1:{port}/update"
        assert count(shown["SPARQL endpoint"]) == 2
        # the store directory is the server's meanwhile; `legation query --endpoint` reaches it (and, the graphs
        # having been written without an ingest, computes the derived graph the named queries read, through it)
        with pytest.raises(StoreLockedError, match="in use by another process"):
            OxigraphStore(StoreConfig(path=store_dir))
        result = CliRunner().invoke(cli, ["query", "event-types", "-p", "since=0001-01-01", "--endpoint",
                                          shown["SPARQL endpoint"], "--format", "csv"])
        assert result.exit_code == 0, result.output
        assert "derived graph is missing" in result.stderr
        assert result.stdout.splitlines()[1:] == ["AGREE,AGREE,,1,0,1,,", "CONSULT,CONSULT,,1,0,2,,"]
    finally:
        process.send_signal(stop)
        try:
            status = process.wait(30)
        finally:
            process.kill()
    assert status == 0, process.stderr.read()
    assert not port_in_use(port)
    OxigraphStore(StoreConfig(path=store_dir)).close()                   # the lock is released


def test_serve_command_read_only(store_dir):
    process, shown = _start_command("--store", store_dir, "--port", str(free_port()), "--read-only")
    try:
        assert "SPARQL update" not in shown and shown["Store"].endswith("(read-only)")
        assert count(shown["SPARQL endpoint"]) == 2
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(30)


def test_serve_command_errors_are_one_line(store_dir):
    with HeldByAnotherProcess(store_dir):
        result = CliRunner().invoke(cli, ["serve", "--store", store_dir, "--port", str(free_port())])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {store_dir}: the store is in use by another process (hint:")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = CliRunner().invoke(cli, ["serve", "--store", store_dir, "--port", str(taken.getsockname()[1])])
    assert result.exit_code == 1 and "is already in use (hint: choose another --port)" in result.output
    assert len(result.output.strip().splitlines()) == 1
    result = CliRunner().invoke(cli, ["serve", "--port", "7878"], env={"LEGATION_ENDPOINT": "http://127.0.0.1:1/query"})
    assert result.exit_code == 1 and "`legation serve` serves a store directory" in result.output
