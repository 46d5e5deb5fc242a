"""The embedded store served over SPARQL 1.1: the Oxigraph server (the ``oxigraph`` binary of the same version as
pyoxigraph) started on 127.0.0.1 over the store's directory, with the default graph as the union of the named
graphs — so that a server sees exactly what the embedded store sees.

    server = start_server("store-dir", port=7878)
    try:
        print(server.query_url)      # http://127.0.0.1:7878/query
        server.wait()                # until the server stops (or Ctrl-C)
    finally:
        server.stop()

The directory is locked by whoever writes it (RocksDB's LOCK): ``start_server`` opens the store once itself first
(which also finishes the recovery of an interrupted bulk load) and raises ``StoreLockedError`` when another
process holds it — in read-only mode too, since reading a store that another process writes is undefined in
RocksDB. A port in use, a missing binary, or a binary of another version than pyoxigraph raise ``ConfigError``;
any other early exit of the server raises ``StoreError`` with the first line of its error output.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from legation.errors import ConfigError, StoreError, StoreLockedError

HOST = "127.0.0.1"
DEFAULT_PORT = 7878


def find_oxigraph() -> str:
    """The ``oxigraph`` binary: next to the running Python (a virtual environment's bin), else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise ConfigError("the Oxigraph server (the `oxigraph` program) is not installed",
                      hint=f"pip install oxigraph=={_pyoxigraph_version()}")


def _pyoxigraph_version() -> str:
    import pyoxigraph
    return pyoxigraph.__version__


def server_version(binary: str) -> str:
    """The version the binary reports (``oxigraph --version`` → "0.5.13")."""
    try:
        done = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise ConfigError(f"{binary}: cannot run it: {e}") from None
    m = re.search(r"(\d+\.\d+\.\d+\S*)", done.stdout + done.stderr)
    if done.returncode != 0 or not m:
        raise ConfigError(f"{binary}: not an Oxigraph server (`--version` said {done.stdout.strip()!r})")
    return m.group(1)


def check_version(binary: str) -> str:
    """The binary's version; ConfigError unless it is pyoxigraph's (both read and write the same directory)."""
    version, wanted = server_version(binary), _pyoxigraph_version()
    if version != wanted:
        raise ConfigError(f"{binary} is Oxigraph {version} but pyoxigraph is {wanted}; they must be the same "
                          "version to share a store directory", hint=f"pip install oxigraph=={wanted}")
    return version


def port_in_use(port: int, host: str = HOST) -> bool:
    """Whether something listens on ``host:port`` (connections closing down do not count: the server binds
    with SO_REUSEADDR, as Rust's standard library does on Unix)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        if hasattr(socket, "SO_REUSEADDR") and os.name == "posix":
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return True
    return False


@dataclass
class OxigraphServer:
    """A running Oxigraph server started by ``start_server``."""

    process: subprocess.Popen
    port: int
    store: str
    read_only: bool
    host: str = HOST
    log: IO[bytes] | None = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def query_url(self) -> str:
        """The SPARQL 1.1 query endpoint."""
        return f"{self.base_url}/query"

    @property
    def update_url(self) -> str | None:
        """The SPARQL 1.1 update endpoint (None when read-only)."""
        return None if self.read_only else f"{self.base_url}/update"

    @property
    def page_url(self) -> str:
        """The web page to write and run queries in (YASGUI)."""
        return f"{self.base_url}/"

    def running(self) -> bool:
        return self.process.poll() is None

    def wait(self, timeout: float | None = None) -> int | None:
        """Wait until the server exits (at most ``timeout`` seconds); its exit status, or None if still running."""
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server: SIGTERM, then SIGKILL after ``timeout`` seconds. Idempotent."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)
        if self.log is not None:
            self.log.close()
            self.log = None

    def error_output(self) -> str:
        """What the server wrote on its standard error (for messages)."""
        if self.log is None:
            return ""
        self.log.flush()
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    def __enter__(self) -> "OxigraphServer":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _check_store(path: Path, read_only: bool) -> None:
    """Open the store once in this process: StoreLockedError when another process holds it."""
    from .config import StoreConfig
    from .oxigraph_store import OxigraphStore

    if read_only and not path.is_dir():
        raise StoreError(f"{path}: no store there (a read-only server needs an existing store)")
    store = OxigraphStore(StoreConfig(path=str(path)))
    store.close()
    del store


def _failure(server: OxigraphServer, status: int) -> Exception:
    output = server.error_output()
    lines = [ln.strip() for ln in output.splitlines() if ln.strip() and not ln.startswith(" ")]
    first = next((ln for ln in lines if not ln.startswith("Stack backtrace")), f"exit status {status}")
    low = output.lower()
    if "lock" in low or "temporarily unavailable" in low:
        return StoreLockedError(f"{server.store}: the store is in use by another process")
    if "address already in use" in low or "os error 98" in low:
        return ConfigError(f"port {server.port} on {server.host} is already in use", hint="choose another --port")
    return StoreError(f"the Oxigraph server stopped at once: {first}")


def _answering(url: str) -> bool:
    probe = url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    request = urllib.request.Request(probe, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, OSError):
        return False


def start_server(store: str | os.PathLike[str], port: int = DEFAULT_PORT, read_only: bool = False,
                 timeout: float = 60.0, binary: str | None = None) -> OxigraphServer:
    """Start the Oxigraph server over the store directory on 127.0.0.1:``port``; return once it answers."""
    if not 0 < int(port) < 65536:
        raise ConfigError(f"port {port} is not a TCP port (1-65535)")
    binary = binary or find_oxigraph()
    check_version(binary)
    path = Path(store).expanduser()
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: is a file, not a store directory")
    if port_in_use(port):
        raise ConfigError(f"port {port} on {HOST} is already in use", hint="choose another --port")
    _check_store(path, read_only)
    command = [binary, "serve-read-only" if read_only else "serve", "--location", str(path),
               "--bind", f"{HOST}:{port}", "--union-default-graph"]
    log = tempfile.TemporaryFile()
    env = dict(os.environ, RUST_BACKTRACE="0", RUST_LIB_BACKTRACE="0")
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env)
    except OSError as e:
        log.close()
        raise ConfigError(f"{binary}: cannot start it: {e}") from None
    server = OxigraphServer(process, port, str(path), read_only, log=log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = process.poll()
        if status is not None:
            error = _failure(server, status)
            server.stop()
            raise error
        if _answering(server.query_url):
            return server
        time.sleep(0.1)
    server.stop()
    raise StoreError(f"the Oxigraph server on port {port} did not answer within {timeout:.0f} s")
