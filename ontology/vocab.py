"""The namespaces of the vocabularies legation uses, in one place (rdflib Namespace objects)."""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from . import ONTOLOGY_NS
from .namespace import LG

SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
GAF = Namespace("http://groundedannotationframework.org/gaf#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES = {
    "lg": ONTOLOGY_NS, "sem": str(SEM), "org": str(ORG), "prov": str(PROV), "schema": str(SCHEMA),
    "time": str(TIME), "nif": str(NIF), "gaf": str(GAF), "foaf": str(FOAF), "skos": str(SKOS), "owl": str(OWL),
    "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "wd": str(WD),
}

__all__ = ["LG", "SEM", "ORG", "PROV", "SCHEMA", "TIME", "NIF", "GAF", "FOAF", "WD", "SKOS", "OWL", "RDF", "RDFS",
           "XSD", "PREFIXES"]
