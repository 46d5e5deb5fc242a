"""Counts of what a store holds (``legation stats``)."""
from __future__ import annotations

from ontology import ID_BASE
from ontology.vocab import GAF, LG, ORG, SCHEMA


def stats(store) -> dict[str, int]:
    """articles, triples, mentions, and distinct events, people, states, organisations (those attested by an
    article: reference data alone does not count), statements."""
    def count(pattern: str, var: str = "x") -> int:
        q = f"SELECT (COUNT(DISTINCT ?{var}) AS ?n) WHERE {{ {pattern} }}"
        rows = store.select(q).rows
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0

    return {
        "articles": count(f"?x a <{SCHEMA.NewsArticle}>"),
        "triples": store.count_triples(),
        "mentions": count(f"?x <{LG.inArticle}> ?a"),        # lg:Mention, by lg:inArticle's domain
        "events": count(f"?x <{LG.eventType}> ?t"),
        "meetings": count(f"?x a <{LG.Meeting}>"),
        "people": count(f"?x a <{LG.Person}>"),
        "states": count(f"?x <{GAF.denotedBy}> ?m . FILTER(STRSTARTS(STR(?x), \"{ID_BASE}state/\"))"),
        "organizations": count(f"?x <{GAF.denotedBy}> ?m . FILTER(STRSTARTS(STR(?x), \"{ID_BASE}org/\"))"),
        "statements": count(f"?x a <{LG.Statement}>"),
        "posts": count(f"?x a <{ORG.Post}>"),
    }
