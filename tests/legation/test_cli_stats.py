"""``legation stats [--format json]`` after ingesting two of the team's sample articles (the Arabic and the Russian
report of the Joint Military Consultative Committee meeting in Islamabad, 2023-11-14): the documented keys, each
count recomputed from the exported graph with rdflib, and from what the two articles report."""
from __future__ import annotations

import pytest
import rdflib
from rdflib.namespace import RDF

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")     # rdflib's own, about its Dataset API

LG = rdflib.Namespace("https://w3id.org/legation/ontology#")
SCHEMA = rdflib.Namespace("https://schema.org/")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
GAF = rdflib.Namespace("http://groundedannotationframework.org/gaf#")
ID = "https://w3id.org/legation/id/"
KEYS = ("articles", "triples", "mentions", "events", "people", "states", "organizations")


@pytest.fixture(scope="module")
def counts(pair, cli) -> dict:
    return cli("stats", "--store", pair.store, "--format", "json").ok().json()


@pytest.fixture(scope="module")
def graph(pair, cli) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(data=cli("export", "--format", "nq", "--store", pair.store).ok().out, format="nquads")
    return ds


def _subjects(ds, p, o=None) -> set:
    return {s for s, _, _, _ in ds.quads((None, p, o, None))}


def test_the_ingest_added_both_articles(pair):
    assert "2 articles added, 0 unchanged, 0 failed" in pair.ingest.err
    assert len(pair.records) == 2 and pair.records[0]["id"] != pair.records[1]["id"]


def test_json_has_the_documented_keys_with_counts(counts):
    assert set(KEYS) <= set(counts), f"missing: {set(KEYS) - set(counts)}"
    assert all(type(counts[k]) is int and counts[k] > 0 for k in KEYS), counts


def test_counts_are_those_of_the_exported_graph(counts, graph):
    """Recounted with rdflib from `legation export --format nq` of the same store."""
    assert counts["triples"] == sum(1 for _ in graph.quads((None, None, None, None)))
    assert counts["articles"] == len(_subjects(graph, RDF.type, SCHEMA.NewsArticle))
    # a mention's class is implied (lg:inArticle's domain): every mention is in an article and denotes something
    denoted_by = {o for _, _, o, _ in graph.quads((None, GAF.denotedBy, None, None))}
    assert counts["mentions"] == len(_subjects(graph, LG.inArticle)) == len(denoted_by)
    assert counts["events"] == len(_subjects(graph, LG.eventType))
    assert counts["people"] == len(_subjects(graph, RDF.type, LG.Person))
    denoted = {str(s) for s in _subjects(graph, GAF.denotedBy)}
    assert counts["states"] == len({s for s in denoted if s.startswith(ID + "state/")})
    assert counts["organizations"] == len({s for s in denoted if s.startswith(ID + "org/")})
    if "statements" in counts:
        assert counts["statements"] == len(_subjects(graph, RDF.type, LG.Statement))
    if "posts" in counts:
        assert counts["posts"] == len(_subjects(graph, RDF.type, ORG.Post))
    if "meetings" in counts:
        assert counts["meetings"] == len(_subjects(graph, RDF.type, LG.Meeting))


def test_counts_follow_from_what_the_two_articles_report(counts, pair):
    """Reports of one person, state or event in the two languages are one node each (README: "The graph")."""
    records = pair.records
    assert counts["articles"] == 2
    assert counts["states"] == len({s for r in records for s in r["states"]})
    assert counts["people"] == len({o["name"] for r in records for o in r["officials"]})
    events = {(e["type"], frozenset(e["states"]), e["date"], e["place"]) for r in records for e in r["events"]}
    assert counts["events"] == len(events) < sum(len(r["events"]) for r in records)
    if "statements" in counts:
        assert counts["statements"] == sum(len(r["statements"]) for r in records)


def test_the_meeting_both_articles_report_is_one_event_with_two_sources(pair, cli):
    first, second = ({(e["type"], frozenset(e["states"]), e["date"], e["place"]) for e in r["events"]}
                     for r in pair.records)
    shared = [k for k in first & second if k[0] == "CONSULT" and len(k[1]) == 2]
    assert shared, "the two reports have no meeting in common"
    for _, states, date, place in shared:
        a, b = sorted(states)
        rows = cli("query", "meetings-between", "-p", f"a={a}", "-p", f"b={b}", "-p", f"since={date}",
                   "-p", f"until={date}", "--store", pair.store, "--format", "json").ok().json()["results"]["bindings"]
        assert [(r["place"]["value"], r["sources"]["value"]) for r in rows] == [(place, "2")]


def test_the_table_shows_the_same_counts(counts, pair, cli):
    table = {}
    for line in cli("stats", "--store", pair.store).ok().lines:
        key, value = line.split()
        table[key] = int(value.replace(",", ""))
    assert table == counts
