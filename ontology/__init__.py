"""The legation ontology: our terms, SKOS schemes, reference data (states, organisations, places), SHACL shapes."""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"

ONTOLOGY_NS = "https://w3id.org/legation/ontology#"
ID_BASE = "https://w3id.org/legation/id/"
