"""``legation extract FILE... --format jsonl|ttl|trig|jsonld``: the contract of ../shared/eval/README.md (one JSON
object per article, in input order), the RDF of each article, and a file that cannot be read reported in one
line naming it while the others are still extracted."""
from __future__ import annotations

import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
import rdflib
from rdflib.namespace import RDF, RDFS

from user_cli import SAMPLES, SEED, rel, require_shared

LG = rdflib.Namespace("https://w3id.org/legation/ontology#")
SCHEMA = rdflib.Namespace("https://schema.org/")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
GRAPH = "https://w3id.org/legation/id/graph/article/"

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
CONTEXTS = {"diplomatic", "military", "economic", "other"}
ISO = re.compile(r"^[A-Z]{2}$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")       # events may be dated to a month or a year only
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# one article per language from the team's samples (plain text, so that offsets can be checked against the file)
ARTICLES = [SAMPLES / "ar" / "2022-07-24-lavrov-shoukry-cairo.txt", SAMPLES / "ru" / "2025-02-18-dar-lavrov-moscow.txt",
            SAMPLES / "en" / "2025-02-11-s400-bengaluru.txt"]
MISSING = "samples/no-such-article.txt"

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")     # rdflib's own, about its Dataset API


def latin(text: str) -> bool:
    """Names, positions, places and topics are given in English, in Latin script."""
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in text)


def _str_or_none(value) -> bool:
    return value is None or (isinstance(value, str) and value != "")


def check_contract(rec: dict, text: str | None = None) -> None:
    """One line of `legation extract --format jsonl` against the contract (field names and types); with the
    article's text, the evidence and quotes must be where their offsets say."""
    assert isinstance(rec["path"], str) and isinstance(rec["id"], str) and rec["id"]
    assert rec["lang"] in ("ar", "ru", "en")
    assert rec["published"] is None or DAY.match(rec["published"]), rec["published"]
    for key in ("title", "source", "publisher"):
        assert _str_or_none(rec.get(key)), key
    for key in ("states", "officials", "organizations", "state_bodies", "events", "statements", "topics", "places"):
        assert isinstance(rec[key], list), key
    states = rec["states"]
    assert all(ISO.match(s) for s in states) and len(set(states)) == len(states), states
    names = set()
    for o in rec["officials"]:
        assert isinstance(o["name"], str) and o["name"].strip() == o["name"] != "" and latin(o["name"]), o
        assert _str_or_none(o["position"]) and latin(o["position"] or ""), o
        assert o["state"] is None or o["state"] in states, o
        names.add(o["name"])
    for o in rec["organizations"]:
        assert isinstance(o["name"], str) and o["name"] and latin(o["name"]) and _str_or_none(o.get("acronym")), o
    for b in rec["state_bodies"]:
        assert isinstance(b["name"], str) and b["name"] and (b["state"] is None or ISO.match(b["state"])), b
    assert all(isinstance(t, str) and t and latin(t) for t in rec["topics"])
    assert len(set(rec["topics"])) == len(rec["topics"])
    assert all(isinstance(p, str) and p and latin(p) for p in rec["places"])
    for e in rec["events"]:
        assert e["type"] in PLOVER and e["context"] in CONTEXTS, e
        assert e["date"] is None or DATE.match(e["date"]), e["date"]
        assert e["place"] is None or e["place"] in rec["places"], (e["place"], rec["places"])
        assert set(e["states"]) <= set(states), (e["states"], states)        # participants are states of the article
        assert set(e["people"]) <= names, (e["people"], names)              # people are officials it names
        assert all(isinstance(t, str) and t and latin(t) for t in e["topics"])
        assert isinstance(e["confidence"], (int, float)) and 0 <= e["confidence"] <= 1
        assert e["evidence"], "an event without evidence"
        for ev in e["evidence"]:
            assert isinstance(ev["start"], int) and isinstance(ev["end"], int) and 0 <= ev["start"] < ev["end"]
            if text is not None:
                assert text[ev["start"]:ev["end"]] == ev["text"], ev
    for s in rec["statements"]:
        assert s["speaker"] is None or s["speaker"] in names, s["speaker"]
        assert isinstance(s["quote"], str) and s["quote"]
        if text is not None:
            assert text[s["start"]:s["end"]] == s["quote"]


def _text(path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


@pytest.fixture(scope="module")
def batch(cli):
    """The three sample articles with a missing file in the middle: (run, records)."""
    paths = [rel(ARTICLES[0]), MISSING, rel(ARTICLES[1]), rel(ARTICLES[2])]
    result = cli("extract", *paths, "--format", "jsonl")
    return result, [json.loads(line) for line in result.lines]


@pytest.fixture(scope="module")
def seed_record(cli):
    require_shared(SEED)
    result = cli("extract", rel(SEED), "--format", "jsonl").ok()
    assert len(result.lines) == 1
    return json.loads(result.lines[0])


def test_jsonl_of_the_seed_follows_the_contract(seed_record):
    check_contract(seed_record, _text(SEED))
    assert seed_record["path"] == rel(SEED)                  # the path as given
    assert seed_record["lang"] == "ar"


def test_jsonl_gives_one_line_per_file_in_input_order_following_the_contract(batch):
    result, records = batch
    assert len(records) == 4
    assert [r["path"] for r in records] == [rel(ARTICLES[0]), MISSING, rel(ARTICLES[1]), rel(ARTICLES[2])]
    good = [records[0], records[2], records[3]]
    for rec, path in zip(good, ARTICLES):
        check_contract(rec, _text(path))
    assert [r["lang"] for r in good] == ["ar", "ru", "en"]
    assert len({r["id"] for r in good}) == 3


def test_a_missing_file_is_one_error_line_naming_it_and_the_others_are_extracted(batch):
    result, records = batch
    assert result.code != 0, str(result)
    assert len(result.error_lines) == 1, result.err
    assert result.error_lines[0].startswith(f"Error: {MISSING}: "), result.error_lines
    assert records[1]["path"] == MISSING and isinstance(records[1]["error"], str) and records[1]["error"]
    assert "events" not in records[1]


def test_the_same_files_without_the_missing_one_give_the_same_records_and_exit_0(batch, cli):
    _, records = batch
    result = cli("extract", *map(rel, ARTICLES), "--format", "jsonl")
    assert result.code == 0 and result.error_lines == [], str(result)
    assert [json.loads(line) for line in result.lines] == [records[0], records[2], records[3]]


def test_a_feed_gives_one_line_per_entry(cli):
    feed = SAMPLES / "feeds" / "wire.rss"
    entries = ET.parse(feed).getroot().findall("./channel/item")
    result = cli("extract", rel(feed), "--format", "jsonl").ok()
    records = [json.loads(line) for line in result.lines]
    assert len(records) == len(entries) > 1
    assert [r["title"] for r in records] == [e.findtext("title").strip() for e in entries]
    assert len({r["id"] for r in records}) == len(records)
    for rec in records:
        check_contract(rec)


def _types(ds: rdflib.Dataset) -> Counter:
    return Counter(o for s, o in {(s, o) for s, _, o, _ in ds.quads((None, RDF.type, None, None))})


def check_article_rdf(ds: rdflib.Dataset, rec: dict, named: bool = True) -> None:
    """The RDF of one article holds the classes its contract record implies, in the article's named graph
    (``named``; else merged into the default graph, as Turtle has it)."""
    graphs = {str(g) for _, _, _, g in ds.quads((None, None, None, None)) if g is not None}
    if named:
        assert GRAPH + rec["id"] in graphs, graphs
    else:
        assert not any(g.startswith(GRAPH) for g in graphs), graphs
    types = _types(ds)
    articles = [s for s, _, _, _ in ds.quads((None, RDF.type, SCHEMA.NewsArticle, None))]
    assert [str(a).rsplit("/", 1)[-1] for a in articles] == [rec["id"]]
    kinds = Counter("meeting" if e["type"] == "CONSULT" else "event" for e in rec["events"])
    assert types[LG.Meeting] == kinds["meeting"] and types[LG.Event] == kinds["event"], types
    assert types[LG.Statement] == len(rec["statements"])
    assert LG.Mention not in types           # implied by lg:inArticle's domain, not written
    mentions = {s for s, _, _, _ in ds.quads((None, LG.inArticle, None, None))}
    in_sentence = {s for s, _, _, _ in ds.quads((None, LG.inSentence, None, None))}
    assert mentions and mentions == in_sentence
    people = {s for s, _, _, _ in ds.quads((None, RDF.type, LG.Person, None))}
    person_labels = {str(o) for s, _, o, _ in ds.quads((None, RDFS.label, None, None)) if s in people}
    for official in rec["officials"]:
        assert official["name"] in person_labels, official["name"]
    if rec["officials"]:
        assert types[ORG.Membership] > 0 and types[ORG.Post] > 0


@pytest.mark.parametrize("fmt", ["ttl", "trig", "jsonld"])
def test_rdf_of_the_seed_parses_and_holds_the_expected_classes(fmt, seed_record, cli):
    result = cli("extract", rel(SEED), "--format", fmt).ok()
    ds = rdflib.Dataset()
    ds.parse(data=result.out, format={"ttl": "turtle", "trig": "trig", "jsonld": "json-ld"}[fmt])
    check_article_rdf(ds, seed_record, named=fmt != "ttl")


@pytest.mark.parametrize("fmt, parse_as", [("ttl", "turtle"), ("jsonld", "json-ld"), ("trig", "trig")])
def test_rdf_of_several_files_is_one_document(fmt, parse_as, batch, cli):
    _, records = batch
    result = cli("extract", *map(rel, ARTICLES), "--format", fmt).ok()
    ds = rdflib.Dataset()
    ds.parse(data=result.out, format=parse_as)
    wanted = {r["id"] for r in (records[0], records[2], records[3])}
    articles = {str(s).rsplit("/", 1)[-1] for s, _, _, _ in ds.quads((None, RDF.type, SCHEMA.NewsArticle, None))}
    assert articles == wanted
    graphs = {str(g).rsplit("/", 1)[-1] for _, _, _, g in ds.quads((None, None, None, None))
              if g is not None and str(g).startswith(GRAPH)}
    assert graphs == (set() if fmt == "ttl" else wanted)    # Turtle merges the articles' graphs


def test_trig_of_several_files_holds_one_named_graph_per_article(batch, cli):
    _, records = batch
    result = cli("extract", *map(rel, ARTICLES), "--format", "trig").ok()
    ds = rdflib.Dataset()
    ds.parse(data=result.out, format="trig")
    graphs = {str(g) for _, _, _, g in ds.quads((None, None, None, None)) if g is not None}
    assert {GRAPH + r["id"] for r in (records[0], records[2], records[3])} <= graphs
    assert len([g for g in graphs if g.startswith(GRAPH)]) == 3


@pytest.mark.parametrize("fmt", ["ttl", "jsonld"])
def test_rdf_with_a_missing_file_reports_it_and_extracts_the_other(fmt, batch, cli):
    _, records = batch
    result = cli("extract", MISSING, rel(ARTICLES[2]), "--format", fmt)
    assert result.code != 0, str(result)
    assert len(result.error_lines) == 1 and result.error_lines[0].startswith(f"Error: {MISSING}: "), result.err
    ds = rdflib.Dataset()
    ds.parse(data=result.out, format="turtle" if fmt == "ttl" else "json-ld")
    check_article_rdf(ds, records[3], named=fmt != "ttl")
