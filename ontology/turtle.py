"""A small deterministic Turtle writer for the generated files (schemes.ttl, reference.ttl).

rdflib's serializer is correct but its layout may change between versions; the generated files are committed,
so they are written here in a fixed order: subjects sorted, ``rdf:type`` first, then the predicates in a given
order, objects sorted. IRIs under ``ID_BASE`` are written relative to ``@base``. Blank nodes are not supported.
"""
from __future__ import annotations

import re
from typing import Iterable, Mapping, Sequence

from rdflib import RDF, XSD, Graph, Literal, URIRef

from . import ID_BASE

_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_RELATIVE_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-._~%/#=,]*$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


class TurtleWriter:
    def __init__(self, prefixes: Mapping[str, str], predicate_order: Sequence[URIRef] = ()):
        self.prefixes = dict(prefixes)
        self.order = {p: i for i, p in enumerate([RDF.type, *predicate_order])}

    def iri(self, iri: URIRef) -> str:
        text = str(iri)
        if iri == RDF.type:
            return "a"
        if text.startswith(ID_BASE) and _RELATIVE_SAFE.match(text[len(ID_BASE):]):
            return f"<{text[len(ID_BASE):]}>"
        for prefix, ns in self.prefixes.items():
            if text.startswith(ns) and _LOCAL.match(text[len(ns):]):
                return f"{prefix}:{text[len(ns):]}"
        return f"<{text}>"

    def literal(self, lit: Literal) -> str:
        body = '"' + "".join(_ESCAPES.get(ch, ch) for ch in str(lit)) + '"'
        if lit.language:
            return f"{body}@{lit.language}"
        if lit.datatype is None or lit.datatype == XSD.string:
            return body
        if lit.datatype == XSD.integer and re.fullmatch(r"-?\d+", str(lit)):
            return str(lit)
        return f"{body}^^{self.iri(lit.datatype)}"

    def term(self, term) -> str:
        if isinstance(term, URIRef):
            return self.iri(term)
        if isinstance(term, Literal):
            return self.literal(term)
        raise TypeError(f"cannot write {term!r} (blank nodes are not supported)")

    def _predicate_key(self, p: URIRef):
        return (self.order.get(p, len(self.order)), str(p))

    @staticmethod
    def _object_key(o):
        if isinstance(o, Literal):
            return (1, o.language or "", str(o.datatype or ""), str(o))
        return (0, "", "", str(o))

    def subject_block(self, graph: Graph, subject: URIRef) -> str:
        lines = []
        predicates = sorted(set(graph.predicates(subject)), key=self._predicate_key)
        for i, p in enumerate(predicates):
            objects = sorted(graph.objects(subject, p), key=self._object_key)
            objs = " ,\n        ".join(self.term(o) for o in objects)
            end = " ." if i == len(predicates) - 1 else " ;"
            lines.append(f"    {self.iri(p)} {objs}{end}")
        return self.iri(subject) + "\n" + "\n".join(lines) + "\n"

    def write(self, graph: Graph, header: Iterable[str] = (), subjects: Iterable[URIRef] | None = None) -> str:
        """The whole document; ``subjects`` gives the order of subjects (default: sorted by IRI)."""
        out = [f"# {line}".rstrip() for line in header]
        out.append(f"@base <{ID_BASE}> .")
        out += [f"@prefix {p}: <{ns}> ." for p, ns in sorted(self.prefixes.items())]
        order = list(subjects) if subjects is not None else sorted(set(graph.subjects()), key=str)
        blocks = [self.subject_block(graph, s) for s in order]
        return "\n".join(out) + "\n\n" + "\n".join(blocks)
