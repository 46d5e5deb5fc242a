"""A process that extracts freezes its objects (gc.freeze) once, after its first task: the language models,
lexicons and gazetteers loaded then are no longer scanned by every full collection; what later tasks make is
collected as usual."""
from __future__ import annotations

import gc
from pathlib import Path

from ingest.model import Extraction
from legation import ingesting

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "en"


def test_the_first_task_freezes_and_later_ones_do_not(monkeypatch):
    files = sorted(str(p) for p in SAMPLES.glob("*.txt"))[:2]
    assert len(files) == 2
    monkeypatch.setattr(ingesting, "_frozen_in", None)      # as in a new worker process
    gc.unfreeze()
    try:
        first = ingesting.extract_units(files[:1])
        frozen = gc.get_freeze_count()
        assert frozen > 0
        assert isinstance(first[0][0], Extraction)
        made_since = [[n] for n in range(1_000)]             # tracked objects a second freeze would take in
        second = ingesting.extract_units(files[1:])
        assert isinstance(second[0][0], Extraction)
        assert gc.get_freeze_count() == frozen
        assert made_since
    finally:
        gc.unfreeze()
