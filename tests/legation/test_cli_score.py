"""The shared yardstick on the seed: ``python ../shared/eval/score.py ../shared/eval/dev``, run from the
repository root with the venv's python, as the shared README shows. It runs ``legation extract --format jsonl``
itself (found on PATH) and prints ``scope kind P R F1 tp/gold/pred`` rows, then ``F1: ...``.

The seed's done-when: F1 of at least 0.9 on every kind the seed's gold scores.
"""
from __future__ import annotations

import yaml

from user_cli import SEED_GOLD_DIR

SEED_F1 = 0.9


def _scored_kinds(gold_dir) -> set[str]:
    """The kinds the gold files annotate, with those derived from them (the scorer's rule)."""
    derived = {"officials": ("positions",), "events": ("event_links", "event_dates", "event_places")}
    kinds: set[str] = set()
    for path in gold_dir.glob("*.yaml"):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        annotated = gold.get("scored") or [k for k in ("states", "officials", "organizations", "events", "topics")
                                           if k in gold]
        kinds |= {k for kind in annotated for k in (kind, *derived.get(kind, ()))}
    return kinds


def test_score_py_reports_f1_of_at_least_0_9_on_every_kind_of_the_seed(shared_scorer):
    result, table, _ = shared_scorer(SEED_GOLD_DIR)
    assert set(table["all"]) == _scored_kinds(SEED_GOLD_DIR), "the scorer did not score every annotated kind"
    low = {(scope, kind): row["f1"] for scope, kinds in table.items() for kind, row in kinds.items()
           if row["f1"] < SEED_F1}
    assert not low, f"F1 below {SEED_F1} on the seed: {low}\n{result.out}"
    assert result.out.rstrip().splitlines()[-1].startswith("F1: ")


def test_score_py_scores_every_gold_fact_of_the_seed(shared_scorer):
    """The extractor's answer was read: every gold fact counted, something predicted for every kind."""
    _, table, scores = shared_scorer(SEED_GOLD_DIR)
    gold = {}
    for path in SEED_GOLD_DIR.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for kind in ("states", "officials", "organizations", "events", "topics"):
            gold[kind] = gold.get(kind, 0) + len(data.get(kind) or [])
    for kind, n in gold.items():
        assert table["all"][kind]["gold"] == n
        assert table["all"][kind]["pred"] > 0
    assert scores == table, "score.py's --json figures differ from its printed table"
