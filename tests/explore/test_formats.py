"""explore.formats: GraphML and GEXF that networkx (and so Gephi) reads back."""
from __future__ import annotations

import networkx as nx
import pytest

from explore.formats import write
from explore.network import entity_graph, state_graph
from explore_data import E1, SCRIPT, state
from legation.errors import ParameterError


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_state_graph_round_trip(load, tmp_path, fmt, read):
    g = state_graph(load(), lang="ar")
    back = read(write(g, tmp_path / f"g.{fmt}", fmt))
    assert back.number_of_nodes() == 4 and back.number_of_edges() == 3
    edge = back.edges[state("RU"), state("PK")]
    assert int(edge["weight"]) == 3 and int(edge["friction"]) == 1
    assert edge["types"] == "ACCUSE:1 AGREE:1 CONSULT:1"
    assert "В феврале Москва раскритиковала Исламабад." in edge["evidence"]
    label = back.nodes[state("PK")].get("label")
    assert label == "باكستان"


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_entity_graph_round_trip(load, tmp_path, fmt, read):
    g = entity_graph(load())
    back = read(write(g, tmp_path / f"g.{fmt}", fmt))
    assert back.number_of_nodes() == g.number_of_nodes() == 15
    assert back.number_of_edges() == g.number_of_edges() == 22
    node = back.nodes[E1]
    assert node["kind"] == "event" and node["type"] == "CONSULT" and node["date"] == "2023-11-13"
    assert SCRIPT in node["evidence"]          # XML escaping is the writer's; the value comes back intact


def test_gexf_has_gephi_look(load, tmp_path):
    path = write(state_graph(load()), tmp_path / "g.gexf", "gexf")
    text = path.read_text(encoding="utf-8")
    assert "<viz:color" in text and "<viz:position" in text and "<viz:size" in text and "<viz:thickness" in text


def test_unknown_format(load, tmp_path):
    with pytest.raises(ParameterError):
        write(state_graph(load()), tmp_path / "g.dot", "dot")
