"""Start SPARQL servers for tests: an Oxigraph server and a Virtuoso 7, each in its own temporary directory,
on free ports of 127.0.0.1, stopped at the end.

    with tempfile.TemporaryDirectory() as d:
        server = start_oxigraph(Path(d))
        try:
            ...  # server.url is the SPARQL query URL
        finally:
            server.stop()

Both raise ``ServerUnavailable`` with the reason (binary missing, did not start in time + the tail of its
log). ``.ci/virtuoso.sh`` does the same as ``start_virtuoso`` from a shell, for CI.
"""
from __future__ import annotations

import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path


class ServerUnavailable(Exception):
    """A server could not be started (or its binary is missing)."""


@dataclass
class Server:
    """A running server: its SPARQL query URL, its process and working directory."""

    name: str
    url: str
    process: subprocess.Popen
    workdir: Path
    log: Path
    extra: dict[str, str] = field(default_factory=dict)

    def stop(self, timeout: float = 20.0) -> None:
        """Stop the server (SIGTERM, then SIGKILL after ``timeout`` seconds)."""
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout)


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def find_binary(*names: str) -> str | None:
    """The first of ``names`` found next to the running Python (a venv's bin) or on PATH."""
    here = Path(sys.executable).parent
    for name in names:
        if (here / name).exists():
            return str(here / name)
        found = shutil.which(name)
        if found:
            return found
    return None


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text("utf-8", "replace").splitlines()[-lines:])
    except OSError:
        return ""


def wait_until_answering(url: str, process: subprocess.Popen | None = None, log: Path | None = None,
                         timeout: float = 30.0) -> None:
    """Poll ``url`` with ``ASK {}`` until it answers 200; ServerUnavailable if the process dies or time runs out."""
    probe = url + ("&" if "?" in url else "?") + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            tail = _tail(log) if log else ""
            raise ServerUnavailable(f"{url}: the server exited with {process.returncode}:\n{tail}")
        try:
            request = urllib.request.Request(probe, headers={"Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.2)
    raise ServerUnavailable(f"{url}: no answer within {timeout:.0f} s:\n{_tail(log) if log else ''}")


def server_store(url: str, **options):
    """A graph_store store on the server at ``url``, with few and quick retries (tests should not wait)."""
    from graph_store import StoreConfig, open_store

    options.setdefault("retries", 2)
    options.setdefault("backoff", 0.05)
    return open_store(StoreConfig(backend="sparql", endpoint=url, **options))


def _stop_process(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
        process.wait(10)


# -- Oxigraph server ---------------------------------------------------------------------------------------

def start_oxigraph(workdir: Path, timeout: float = 30.0) -> Server:
    """``oxigraph serve --location workdir/data --bind 127.0.0.1:<free> --union-default-graph``."""
    binary = find_binary("oxigraph")
    if binary is None:
        raise ServerUnavailable("the `oxigraph` server binary is not installed (pip install oxigraph)")
    workdir.mkdir(parents=True, exist_ok=True)
    log = workdir / "oxigraph.log"
    last_error: ServerUnavailable | None = None
    for _ in range(3):                          # another process may take the port between probe and bind
        port = free_port()
        with open(log, "wb") as out:
            process = subprocess.Popen(
                [binary, "serve", "--location", str(workdir / "data"), "--bind", f"127.0.0.1:{port}",
                 "--union-default-graph"], stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}/query"
        try:
            wait_until_answering(url, process, log, timeout)
            return Server("oxigraph", url, process, workdir, log)
        except ServerUnavailable as e:
            _stop_process(process)
            last_error = e
    assert last_error is not None
    raise last_error


# -- Virtuoso 7 --------------------------------------------------------------------------------------------

VIRTUOSO_INI = """\
[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {dir}/virtuoso-temp.db
TransactionFile    = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort         = 127.0.0.1:{sql_port}
DisableUnixSocket  = 1
DisableTcpSocket   = 0
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode           = 2
DirsAllowed        = ., {dir}
NumberOfBuffers    = 10000
MaxDirtyBuffers    = 6000
MaxQueryMem        = 256M
ThreadsPerQuery    = 2
AsyncQueueMaxThreads = 4

[HTTPServer]
ServerPort         = 127.0.0.1:{http_port}
ServerRoot         = {dir}
ServerThreads      = 10
MaxClientConnections = 10
MaxKeepAlives      = 10
KeepAliveTimeout   = 10
Charset            = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 120
"""

# Updates and the Graph Store Protocol (/sparql-graph-crud) need SPARQL_UPDATE for the anonymous SPARQL user;
# the test user works through /sparql-auth and /sparql-graph-crud-auth with digest authentication.
VIRTUOSO_GRANTS = """\
GRANT SPARQL_UPDATE TO "SPARQL";
DB.DBA.USER_CREATE('{user}', '{password}');
GRANT SPARQL_UPDATE TO "{user}";
"""


def virtuoso_isql(port: int, statements: str, timeout: float = 60.0) -> str:
    """Run SQL statements through Virtuoso's isql as dba (the default password of a fresh database)."""
    isql = find_binary("isql-vt", "isql-v")
    if isql is None:
        raise ServerUnavailable("Virtuoso's isql (isql-vt) is not installed")
    done = subprocess.run([isql, f"127.0.0.1:{port}", "dba", "dba", f"exec={statements}"],
                          capture_output=True, text=True, timeout=timeout)
    output = done.stdout + done.stderr
    if done.returncode != 0 or "*** Error" in output:
        raise ServerUnavailable(f"isql failed: {output.strip()[-500:]}")
    return output


def start_virtuoso(workdir: Path, timeout: float = 90.0) -> Server:
    """Virtuoso 7 with its own virtuoso.ini in ``workdir`` (ports on 127.0.0.1), grants applied.

    ``server.extra`` holds ``user``/``password`` of a user that may update through ``/sparql-auth``.
    """
    binary = find_binary("virtuoso-t")
    if binary is None:
        raise ServerUnavailable("Virtuoso (virtuoso-t) is not installed")
    workdir.mkdir(parents=True, exist_ok=True)
    log = workdir / "virtuoso.out"
    last_error: ServerUnavailable | None = None
    for _ in range(3):
        sql_port, http_port = free_port(), free_port()
        ini = workdir / "virtuoso.ini"
        ini.write_text(VIRTUOSO_INI.format(dir=workdir, sql_port=sql_port, http_port=http_port), "utf-8")
        with open(log, "wb") as out:
            process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=workdir,
                                       stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{http_port}/sparql"
        try:
            wait_until_answering(url, process, log, timeout)
            user, password = "legation", secrets.token_urlsafe(12)
            virtuoso_isql(sql_port, VIRTUOSO_GRANTS.format(user=user, password=password))
            return Server("virtuoso", url, process, workdir, log,
                          {"user": user, "password": password, "sql_port": str(sql_port)})
        except (ServerUnavailable, subprocess.TimeoutExpired) as e:
            _stop_process(process)
            last_error = e if isinstance(e, ServerUnavailable) else ServerUnavailable(str(e))
    assert last_error is not None
    raise last_error
