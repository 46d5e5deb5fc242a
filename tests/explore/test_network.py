"""explore.network: node and edge counts, weights, filters and tooltips on the fixture graph."""
from __future__ import annotations

import pytest

from explore.network import build, entity_graph, polarity_score, state_graph
from explore_data import E1, E2, E3, FOMIN, ID, MUNIR, SCRIPT, state
from legation.errors import ParameterError


def edges(g):
    return {tuple(sorted(e)): d for *e, d in g.edges(data=True)}


def test_state_graph_weights_and_polarity(load):
    g = state_graph(load())
    assert set(g) == {state("RU"), state("PK"), state("CN"), state("IN")}
    e = edges(g)
    assert {k: d["weight"] for k, d in e.items()} == {
        (state("PK"), state("RU")): 3, (state("CN"), state("RU")): 1, (state("IN"), state("PK")): 1}
    rupk = e[(state("PK"), state("RU"))]
    assert (rupk["cooperation"], rupk["neutral"], rupk["friction"]) == (2, 0, 1)
    assert rupk["score"] == pytest.approx(1 / 3, abs=1e-3)
    assert rupk["types"] == {"CONSULT": 1, "AGREE": 1, "ACCUSE": 1}
    assert (rupk["first"], rupk["last"]) == ("2023-11-13", "2024-02")
    assert e[(state("IN"), state("PK"))]["score"] == -1.0
    assert e[(state("CN"), state("RU"))]["score"] == 1.0
    assert g.nodes[state("RU")]["weight"] == 5            # RU takes part in five events
    assert g.nodes[state("RU")]["label"] == "Russia"


@pytest.mark.parametrize("selection, min_weight, n_nodes, weights", [
    ({}, 2, 2, [3]),
    ({"states": ["RU"]}, 1, 3, [1, 3]),
    ({"states": ["RU", "PK"]}, 1, 2, [3]),
    ({"since": "2024"}, 1, 4, [1, 1, 1]),
    ({"until": "2023-12-31"}, 1, 2, [2]),
    ({"types": ["friction"]}, 1, 3, [1, 1]),
    ({"types": ["MOBILIZE"]}, 1, 0, []),                  # a one-state event links no pair
])
def test_state_graph_filters(load, selection, min_weight, n_nodes, weights):
    g = state_graph(load(**selection), min_weight=min_weight)
    assert g.number_of_nodes() == n_nodes
    assert sorted(d["weight"] for *_, d in g.edges(data=True)) == weights


def test_state_graph_of_one_state_keeps_only_its_links(load):
    g = state_graph(load(states=["PK"]))
    assert all(state("PK") in (a, b) for a, b in g.edges())
    assert set(g) == {state("PK"), state("RU"), state("IN")}


def test_entity_graph_counts(load):
    g = entity_graph(load())
    kinds = [d["kind"] for _, d in g.nodes(data=True)]
    assert {k: kinds.count(k) for k in set(kinds)} == {
        "event": 6, "state": 4, "person": 2, "organization": 1, "topic": 2}
    relations = [d["relation"] for *_, d in g.edges(data=True)]
    assert {r: relations.count(r) for r in set(relations)} == {"actor": 14, "topic": 2, "post": 2, "member": 4}
    assert g.edges[FOMIN, state("RU")]["label"] == "Deputy Minister of Defence of Russia"
    assert g.has_edge(MUNIR, state("PK"))
    assert g.nodes[state("RU")]["weight"] == 5 and g.nodes[FOMIN]["weight"] == 1
    assert g.nodes[E1]["meeting"] and g.nodes[E1]["type"] == "CONSULT" and g.nodes[E1]["place"] == "Islamabad"


def test_entity_graph_min_weight_and_pair(load):
    g = entity_graph(load(), min_weight=2)
    assert sorted(d["kind"] for _, d in g.nodes(data=True)).count("event") == 6
    assert {n for n, d in g.nodes(data=True) if d["kind"] != "event"} == {state("RU"), state("PK")}
    assert g.number_of_edges() == 9
    pair = entity_graph(load(states=["RU", "PK"]))
    assert {n for n, d in pair.nodes(data=True) if d["kind"] == "event"} == {E1, E2, E3}
    assert state("CN") not in pair        # an SCO member, but in none of these events: links add no nodes
    assert pair.edges[ID + "org/sco", state("RU")]["relation"] == "member"


def test_labels_follow_the_language(load):
    facts = load()
    assert entity_graph(facts, lang="ru").nodes[FOMIN]["label"] == "Александр Фомин"
    assert state_graph(facts, lang="ar").nodes[state("PK")]["label"] == "باكستان"
    assert entity_graph(facts, lang="ar").nodes[ID + "topic/military-cooperation"]["label"] == "التعاون العسكري"


def test_tooltips_carry_raw_evidence_and_source(load):
    g = entity_graph(load())
    tip = g.nodes[E1]["tip"]
    [ev] = tip["evidence"]
    assert SCRIPT in ev["text"] and "<b>bold</b>" in ev["text"]   # escaping is the page's job, not the data's
    assert ev["lang"] == "en" and ev["date"] == "2023-11-14"
    assert "Wire & Co" in ev["source"] and "https://news.example.org/a1" in ev["source"]
    assert any(line.startswith("place: Islamabad") for line in tip["lines"])
    e = edges(state_graph(load()))[(state("PK"), state("RU"))]["tip"]
    assert e["title"] in ("Pakistan – Russia", "Russia – Pakistan")
    assert [x["text"] for x in e["evidence"]][0] == "В феврале Москва раскритиковала Исламабад."   # newest first
    assert edges(state_graph(load()))[(state("IN"), state("PK"))]["tip"]["evidence"][0]["lang"] == "ar"


def test_polarity_score():
    from collections import Counter
    assert polarity_score(Counter()) == 0.0
    assert polarity_score(Counter(cooperation=3, friction=1)) == 0.5
    assert polarity_score(Counter(friction=2, neutral=2)) == -0.5


def test_unknown_view(load):
    with pytest.raises(ParameterError):
        build(load(), view="galaxy")
