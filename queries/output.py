"""Query results as text: an aligned table, CSV, TSV, SPARQL 1.1 Query Results JSON, or Markdown."""
from __future__ import annotations

import csv
import io
import json

from rdflib import BNode, Literal, URIRef

FORMATS = ("table", "csv", "tsv", "json", "markdown")


def plain(term) -> str:
    """A term as a person reads it: IRIs as they are, literals by their lexical form."""
    if term is None:
        return ""
    return str(term)


def _json_term(term) -> dict | None:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal):
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = str(term.datatype)
    return out


def render(result, fmt: str) -> str:
    """``result``: a SelectResult (vars, rows), or a bool for ASK."""
    if isinstance(result, bool):
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result})
        return "true" if result else "false"
    vars_, rows = result.vars, result.rows
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(vars_, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": vars_}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1)
    cells = [[plain(t) for t in row] for row in rows]
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(vars_)
        w.writerows([[c.replace("\t", " ").replace("\n", " ") if fmt == "tsv" else c for c in r] for r in cells])
        return buf.getvalue().rstrip("\n")
    if fmt == "markdown":
        esc = lambda c: c.replace("|", "\\|").replace("\n", " ")  # noqa: E731
        lines = ["| " + " | ".join(vars_) + " |", "|" + "|".join("---" for _ in vars_) + "|"]
        lines += ["| " + " | ".join(esc(c) for c in r) + " |" for r in cells]
        return "\n".join(lines)
    widths = [max([len(v)] + [min(len(r[i]), 60) for r in cells]) for i, v in enumerate(vars_)]
    clip = lambda c, w: c if len(c) <= w else c[: w - 1] + "…"  # noqa: E731
    lines = ["  ".join(v.ljust(w) for v, w in zip(vars_, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(clip(c.replace("\n", " "), w).ljust(w) for c, w in zip(r, widths)) for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
