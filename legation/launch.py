"""The ``legation`` program: chooses the memory allocator (legation/allocator.py), then runs the command line.

Kept apart from legation/cli.py so that a restart with mimalloc happens before the commands are imported."""
from __future__ import annotations


def main() -> None:
    from .allocator import use_mimalloc
    use_mimalloc()
    from .cli import main as run
    run()
