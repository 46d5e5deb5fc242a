"""legation/allocator.py: the command line restarts itself once with mimalloc preloaded, and only then."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from legation import allocator
from legation.allocator import OPT_OUT, TRIED, loaded, mimalloc_library, restart_command, use_mimalloc

INSTALLED = sys.platform.startswith("linux") and mimalloc_library() is not None


@pytest.fixture
def installed(monkeypatch, tmp_path):
    """A mimalloc library where the search looks, not yet loaded into this process."""
    library = tmp_path / "cmeel.prefix" / "lib" / allocator.LIBRARY
    library.parent.mkdir(parents=True)
    library.write_bytes(b"")
    monkeypatch.setattr(allocator, "mimalloc_library", lambda: library)
    monkeypatch.setattr(allocator, "loaded", lambda: False)
    monkeypatch.setattr(sys, "platform", "linux")
    return library


def test_the_library_is_found_in_a_site_packages_directory(tmp_path):
    assert mimalloc_library([str(tmp_path)]) is None
    library = tmp_path / "cmeel.prefix" / "lib" / "libmimalloc.so"
    library.parent.mkdir(parents=True)
    library.write_bytes(b"")
    assert mimalloc_library(["/nonexistent", str(tmp_path)]) == library


def test_loaded_reads_the_process_maps(tmp_path):
    maps = tmp_path / "maps"
    maps.write_text("7f00-7f10 r-xp 00000000 fd:01 1 /usr/lib/x86_64-linux-gnu/libc.so.6\n")
    assert not loaded(str(maps))
    maps.write_text(maps.read_text()
                    + "7f20-7f30 r-xp 00000000 fd:01 2 /site-packages/cmeel.prefix/lib/libmimalloc.so.3\n")
    assert loaded(str(maps))
    assert not loaded(str(tmp_path / "missing"))


def test_restart_preloads_the_library_before_the_users_and_runs_the_same_command(installed):
    argv, env = restart_command({"LD_PRELOAD": "/opt/libfoo.so", "HOME": "/home/x"})
    assert argv == list(sys.orig_argv)
    assert env["LD_PRELOAD"] == f"{installed} /opt/libfoo.so"
    assert env[TRIED] == "1" and env["HOME"] == "/home/x"
    _, env = restart_command({})
    assert env["LD_PRELOAD"] == str(installed)


@pytest.mark.parametrize("environ", [{OPT_OUT: "system"}, {OPT_OUT: "SYSTEM"}, {TRIED: "1"}],
                         ids=["opted-out", "opted-out-upper-case", "restarted-once"])
def test_no_restart_when_opted_out_or_already_restarted(installed, environ):
    assert restart_command(environ) is None


def test_no_restart_when_missing_already_loaded_or_not_linux(installed, monkeypatch):
    monkeypatch.setattr(allocator, "loaded", lambda: True)
    assert restart_command({}) is None
    monkeypatch.setattr(allocator, "loaded", lambda: False)
    monkeypatch.setattr(sys, "platform", "darwin")
    assert restart_command({}) is None
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(allocator, "mimalloc_library", lambda: None)
    assert restart_command({}) is None


def test_the_restarted_process_gives_the_children_the_users_environment(installed, monkeypatch):
    monkeypatch.setattr(allocator, "loaded", lambda: True)
    environ = {TRIED: "1", "LD_PRELOAD": f"{installed} /opt/libfoo.so", "HOME": "/home/x"}
    use_mimalloc(environ)
    assert environ == {"LD_PRELOAD": "/opt/libfoo.so", "HOME": "/home/x"}
    environ = {TRIED: "1", "LD_PRELOAD": str(installed)}
    use_mimalloc(environ)
    assert environ == {}


def test_a_restart_whose_library_did_not_load_is_not_tried_again(installed, monkeypatch):
    calls = []
    monkeypatch.setattr(os, "execve", lambda *a: calls.append(a))
    environ = {TRIED: "1", "LD_PRELOAD": str(installed)}       # ld.so ignored the library
    use_mimalloc(environ)
    assert calls == [] and environ[TRIED] == "1"


def test_a_failed_restart_goes_on_with_the_system_allocator(installed, monkeypatch):
    calls = []

    def execve(path, argv, env):
        calls.append((path, argv, env["LD_PRELOAD"]))
        raise OSError("exec format error")
    monkeypatch.setattr(os, "execve", execve)
    environ = {}
    use_mimalloc(environ)                      # returns instead of replacing the process
    assert calls == [(sys.executable, list(sys.orig_argv), str(installed))]
    assert environ[TRIED] == "1"
    use_mimalloc(environ)                      # and does not try again
    assert len(calls) == 1


@pytest.mark.skipif(not INSTALLED, reason="mimalloc (cmeel-mimalloc) is not installed here")
@pytest.mark.parametrize("opt_out", [False, True], ids=["mimalloc", "system"])
def test_a_real_restart_loads_mimalloc_once(opt_out):
    """A real process: restarts itself with the library loaded (the code after use_mimalloc runs once, in the
    restarted process), or, opted out, goes on with glibc's allocator."""
    env = {k: v for k, v in os.environ.items() if k not in (TRIED, OPT_OUT, "LD_PRELOAD")}
    if opt_out:
        env[OPT_OUT] = "system"
    env["LD_PRELOAD"] = ""
    code = ("from legation.allocator import use_mimalloc, loaded; import os, sys; use_mimalloc(); "
            "print(loaded(), sys.orig_argv[:2] == [sys.executable, '-c'] and len(sys.orig_argv) == 3, "
            "repr(os.environ.get('LD_PRELOAD')), repr(os.environ.get('LEGATION_MALLOC_TRIED')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    # restarted: loaded, same command, and the environment given back as it was (an empty LD_PRELOAD is not
    # restored: nothing to keep); opted out: not loaded, not touched
    assert done.stdout.split() == (["False", "True", "''", "None"] if opt_out else ["True", "True", "None", "None"])


@pytest.mark.skipif(not INSTALLED, reason="mimalloc (cmeel-mimalloc) is not installed here")
def test_the_program_runs_under_mimalloc():
    env = {k: v for k, v in os.environ.items() if k not in (TRIED, OPT_OUT, "LD_PRELOAD")}
    done = subprocess.run([sys.executable, "-m", "legation", "--version"], capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("legation, version"), done.stderr
    assert done.stderr == ""
