"""The command line's memory allocator: mimalloc, when its library is installed (the ``cmeel-mimalloc`` wheel,
a dependency on Linux).

Much of what the embedded store costs is allocation: glibc's ``malloc`` and ``free`` take about a third of a bulk
load's CPU, and Oxigraph's query engine allocates a tuple for every row it joins, groups or sorts. With mimalloc in
their place, on a quiet machine, the named queries at 10M triples take ~19 % less CPU in all, a 10k-article ingest
6 % less (13 % in the ingesting process) and the derived graph at 10M 12 % less time; on a busy machine loads and
queries gain more (BENCHMARKS.md, "End of the session of 2026-11-30, ninth"). An allocator can only be chosen
before a process starts, so ``legation`` starts itself again, once, with the library in ``LD_PRELOAD``: the same
interpreter and the same arguments (``sys.orig_argv``), before anything is read or written. The restarted process
then takes the library out of its environment again: the programs it starts (Chromium for screenshots, Oxigraph
server, Virtuoso) start with the user's environment, while the ingest's worker processes, forked from it, keep its
allocator. ``LEGATION_MALLOC=system`` keeps glibc's allocator; nothing changes where the library is missing, cannot
be loaded, or the system is not Linux.

The restart costs ~40 ms per command (a second start of the interpreter, before the commands are imported).
Only the command line does this: a program that imports legation keeps its own allocator.
"""
from __future__ import annotations

import os
import sys
import sysconfig
from pathlib import Path
from typing import Mapping, MutableMapping

LIBRARY = "libmimalloc.so"
OPT_OUT = "LEGATION_MALLOC"          # "system": glibc's allocator
TRIED = "LEGATION_MALLOC_TRIED"      # set on the restarted process: never restart twice


def mimalloc_library(search: list[str] | None = None) -> Path | None:
    """The installed mimalloc library: the wheel's copy in a site-packages directory on the path, else None."""
    for base in search if search is not None else [sysconfig.get_paths()["purelib"], *sys.path]:
        path = Path(base or ".") / "cmeel.prefix" / "lib" / LIBRARY
        if path.is_file():
            return path
    return None


def loaded(maps: str = "/proc/self/maps") -> bool:
    """Whether mimalloc is mapped into this process (preloaded by us or by the user)."""
    try:
        with open(maps, encoding="utf-8", errors="replace") as f:
            return any("libmimalloc" in line for line in f)
    except OSError:
        return False


def restart_command(environ: Mapping[str, str] = os.environ) -> tuple[list[str], dict[str, str]] | None:
    """The command and environment that start this process again with mimalloc preloaded, or None when it should
    go on as it is: not Linux, opted out, already restarted once, mimalloc already loaded, or not installed."""
    if not sys.platform.startswith("linux") or environ.get(OPT_OUT, "").lower() == "system" or environ.get(TRIED):
        return None
    library = mimalloc_library()
    if library is None or loaded():
        return None
    env = dict(environ)
    env["LD_PRELOAD"] = " ".join(p for p in (str(library), environ.get("LD_PRELOAD", "")) if p)
    env[TRIED] = "1"
    return list(sys.orig_argv), env


def forget_preload(environ: MutableMapping[str, str], library: Path | None) -> None:
    """Take the library (and the restart's mark) out of the environment that child programs will inherit."""
    environ.pop(TRIED, None)
    parts = environ.get("LD_PRELOAD", "").split()
    if library is not None and str(library) in parts:
        parts.remove(str(library))
        if parts:
            environ["LD_PRELOAD"] = " ".join(parts)
        else:
            environ.pop("LD_PRELOAD", None)


def use_mimalloc(environ: MutableMapping[str, str] = os.environ) -> None:
    """Start this process again with mimalloc (see the module's docstring); returns only when it goes on as it
    is: restarted (mimalloc loaded; the environment is the user's again), or not restarted, also when the new
    start fails or the library would not load (then with glibc's allocator)."""
    if environ.get(TRIED):
        if loaded():
            forget_preload(environ, mimalloc_library())
        return
    command = restart_command(environ)
    if command is None:
        return
    argv, env = command
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        os.execve(sys.executable, argv, env)
    except OSError:
        environ[TRIED] = "1"
