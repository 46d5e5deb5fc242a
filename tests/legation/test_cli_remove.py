"""``legation remove ARTICLE`` and re-ingesting: removing an article takes away its graph and every fact only it
attested (stats go down; facts another article also reports stay); ingesting it again restores the very same
graph; ingesting a file already in the store changes nothing.

One store goes through these steps once (module fixture); the tests look at what each step left.
"""
from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from user_cli import PAIR, SAMPLES, rel

ARTICLE_IRI = "https://w3id.org/legation/id/article/"
GRAPH = "https://w3id.org/legation/id/graph/article/"
A, B = PAIR                                                    # two reports of one meeting (ar, ru)
C = SAMPLES / "en" / "2025-03-28-indra-chennai.txt"            # an unrelated story


@pytest.fixture(scope="module")
def steps(tmp_path_factory, cli, pair) -> SimpleNamespace:
    store = tmp_path_factory.mktemp("remove") / "store"
    records = {p: json.loads(line) for p, line in zip((A, B, C), cli("extract", *map(rel, (A, B, C))).ok().lines)}

    def snapshot() -> SimpleNamespace:
        counts = cli("stats", "--store", store, "--format", "json").ok().json()
        quads = cli("export", "--format", "nq", "--store", store).ok().out.splitlines()
        return SimpleNamespace(counts=counts, quads=set(quads), n=len(quads))

    def meeting_sources(record) -> dict[str, str]:
        """meetings-between of the record's first two-state CONSULT: {event: sources}."""
        e = next(e for e in record["events"] if e["type"] == "CONSULT" and len(e["states"]) == 2)
        a, b = e["states"]
        out = cli("query", "meetings-between", "-p", f"a={a}", "-p", f"b={b}", "-p", f"since={e['date']}",
                  "-p", f"until={e['date']}", "--store", store, "--format", "json").ok().json()
        return {r["event"]["value"]: r["sources"]["value"] for r in out["results"]["bindings"]}

    s = SimpleNamespace(store=store, records=records)
    s.ingest = cli("ingest", *map(rel, (A, B, C)), "--store", store, "--quiet").ok()
    s.base = snapshot()
    s.base_meeting = meeting_sources(records[A])
    s.remove = cli("remove", records[B]["id"], "--store", store)
    s.removed = snapshot()
    s.removed_meeting = meeting_sources(records[A])
    s.remove_again = cli("remove", records[B]["id"], "--store", store)
    s.remove_unknown = cli("remove", "0" * 32, "--store", store)
    s.after_failed_removes = snapshot()
    s.reingest = cli("ingest", rel(B), "--store", store)
    s.reingested = snapshot()
    s.ingest_same = cli("ingest", rel(A), rel(B), "--store", store, "--quiet")
    s.same = snapshot()
    s.remove_iri = cli("remove", ARTICLE_IRI + records[C]["id"], "--store", store)
    s.without_c = snapshot()
    s.pair_quads = set(cli("export", "--format", "nq", "--store", pair.store).ok().out.splitlines())
    return s


def test_remove_reports_the_article_and_exits_0(steps):
    assert steps.remove.code == 0, str(steps.remove)
    assert steps.records[B]["id"] in steps.remove.err and steps.remove.error_lines == []


def test_stats_go_down_after_a_remove(steps):
    base, after = steps.base.counts, steps.removed.counts
    assert after["articles"] == base["articles"] - 1
    for key in ("triples", "mentions"):
        assert after[key] < base[key], key
    for key in ("events", "people", "states", "organizations"):
        assert after[key] <= base[key], key
    assert after["triples"] == steps.removed.n


def test_the_removed_articles_graph_is_gone_and_the_others_untouched(steps):
    gone = GRAPH + steps.records[B]["id"]
    assert not any(f"<{gone}>" in q for q in steps.removed.quads)
    for kept in (A, C):
        graph = f"<{GRAPH + steps.records[kept]['id']}> ."
        assert {q for q in steps.base.quads if q.endswith(graph)} == {q for q in steps.removed.quads
                                                                      if q.endswith(graph)}


def test_a_fact_another_article_also_reports_stays(steps):
    assert steps.base_meeting and set(steps.base_meeting.values()) == {"2"}
    assert steps.removed_meeting == dict.fromkeys(steps.base_meeting, "1")


def test_removing_an_article_not_in_the_store_is_one_error_line_and_changes_nothing(steps):
    for result, article in ((steps.remove_again, steps.records[B]["id"]), (steps.remove_unknown, "0" * 32)):
        assert result.code == 1, str(result)
        assert len(result.error_lines) == 1 and article in result.error_lines[0], result.err
    assert steps.after_failed_removes.quads == steps.removed.quads


def test_reingesting_the_removed_article_restores_the_identical_graph(steps):
    assert steps.reingest.code == 0 and "1 articles added, 0 unchanged" in steps.reingest.err, str(steps.reingest)
    assert steps.reingested.counts == steps.base.counts
    assert steps.reingested.quads == steps.base.quads


def test_ingesting_the_same_files_again_changes_nothing(steps):
    assert steps.ingest_same.code == 0, str(steps.ingest_same)
    assert "0 articles added, 2 unchanged, 0 failed" in steps.ingest_same.err
    assert steps.same.counts == steps.base.counts
    assert steps.same.quads == steps.base.quads


def test_remove_takes_the_article_iri_too_and_leaves_what_a_fresh_store_of_the_others_holds(steps):
    assert steps.remove_iri.code == 0, str(steps.remove_iri)
    assert steps.without_c.counts["articles"] == steps.base.counts["articles"] - 1
    assert steps.without_c.quads == steps.pair_quads        # the store of A and B alone, ingested afresh
