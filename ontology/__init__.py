"""The legation ontology: our terms, SKOS schemes, reference data (states, organisations, places), SHACL shapes.

- ``legation.ttl``   our own terms (``lg:``) and their alignment with SEM, ORG, PROV-O, schema.org, SKOS, OWL-Time,
  NIF, GAF and FOAF; ``namespace.LG`` is the generated DefinedNamespace of these terms;
- ``data/*.tsv``     sources of the SKOS schemes and of the reference data (``refdata`` reads them);
- ``schemes.ttl``, ``reference.ttl``  generated from the TSVs by ``python -m ontology.build``;
- ``shapes.ttl``     SHACL shapes, checked by ``validate.validate``;
- ``iris``           the IRIs of instances; ``graphs`` the files above as rdflib graphs.
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"

ONTOLOGY_NS = "https://w3id.org/legation/ontology#"
ID_BASE = "https://w3id.org/legation/id/"
