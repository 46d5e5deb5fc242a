"""The hand-written test graph (fixture.nq): its IRIs, and how to load it into a store."""
from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).resolve().parent / "fixture.nq"

ID = "https://w3id.org/legation/id/"
E1 = ID + "event/CONSULT-PK-RU-2023-11-13"
E2 = ID + "event/AGREE-PK-RU-2023-11-14"
E3 = ID + "event/ACCUSE-PK-RU-2024-02"
E4 = ID + "event/COOPERATE-CN-RU-2024-03-01"
E5 = ID + "event/ASSAULT-IN-PK-2024-05-10"
E6 = ID + "event/MOBILIZE-RU"
FOMIN = ID + "person/RU-l.fmn"
MUNIR = ID + "person/PK-s.mnr"
SCRIPT = "<script>alert(1)</script>"
BOLD = "<b>bold</b>"


def state(code: str) -> str:
    return f"{ID}state/{code}"


def fixture_graphs() -> dict[str, str]:
    """fixture.nq as N-Triples text per named graph (each line's last term is its graph)."""
    graphs: dict[str, list[str]] = {}
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        triple, graph = line[:-1].rstrip().rsplit(" ", 1)
        graphs.setdefault(graph.strip("<>"), []).append(triple + " .")
    return {graph: "\n".join(lines) + "\n" for graph, lines in graphs.items()}


def load_fixture(store) -> None:
    """Put each named graph of fixture.nq into ``store``."""
    for graph, text in fixture_graphs().items():
        store.put_graph(graph, text)
