"""The JSON Lines contract of ``legation extract --format jsonl`` (the keys the shared eval README lists):
English names, positions, places and topics; ISO state codes; state bodies apart from organisations."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from ingest.contract import place_label, to_json, topic_label
from ingest.extract.events import PLOVER
from ingest.extract.pipeline import extract
from ingest.model import Article
from legation.cli import cli

README_KEYS = {"path", "lang", "published", "states", "officials", "organizations", "events", "topics"}
OFFICIAL_KEYS = {"name", "position", "state"}
ORG_KEYS = {"name", "acronym"}
EVENT_KEYS = {"type", "context", "date", "place", "states", "people", "topics"}

ARTICLES = {
    "en": "Russian Deputy Defence Minister Alexander Fomin met Pakistani officials in Islamabad yesterday. "
          "The Russian Defence Ministry said the two sides discussed the situation in Afghanistan and the role "
          "of the Shanghai Cooperation Organisation.",
    "ar": "التقى نائب وزير الدفاع الروسي ألكسندر فومين مسؤولين باكستانيين في إسلام أباد امس. وقالت وزارة الدفاع "
          "الروسية إن الجانبين بحثا الوضع في أفغانستان ودور منظمة شنغهاي للتعاون.",
    "ru": "Заместитель министра обороны России Александр Фомин встретился с пакистанскими военными в Исламабаде "
          "вчера. Минобороны России сообщило, что стороны обсудили ситуацию в Афганистане и роль ШОС.",
}


@pytest.fixture(scope="module", params=sorted(ARTICLES))
def record(request):
    lang = request.param
    art = Article.make(ARTICLES[lang], lang, published="2024-03-12T08:00:00", path=f"{lang}.txt")
    rec = to_json(extract(art))
    return json.loads(json.dumps(rec, ensure_ascii=False))       # must survive a JSON round trip


def test_readme_keys(record):
    assert README_KEYS <= set(record)
    for off in record["officials"]:
        assert OFFICIAL_KEYS <= set(off)
    for org in record["organizations"]:
        assert ORG_KEYS <= set(org)
    for ev in record["events"]:
        assert EVENT_KEYS <= set(ev)


def test_values_follow_the_contract(record):
    assert record["path"] == f"{record['lang']}.txt"
    assert record["published"] == "2024-03-12"            # a date, not the full timestamp
    assert all(len(c) == 2 and c.isupper() for c in record["states"])
    for ev in record["events"]:
        assert ev["type"] in PLOVER
        assert ev["context"] in ("diplomatic", "military", "economic", "other")
        assert all(c in record["states"] for c in ev["states"])


def test_the_article_content(record):
    assert {"RU", "PK", "AF"} <= set(record["states"])
    assert [(o["name"], o["position"], o["state"]) for o in record["officials"]] == [
        ("Alexander Fomin", "Deputy Minister of Defence", "RU")]
    assert [(o["name"], o["acronym"]) for o in record["organizations"]] == [
        ("Shanghai Cooperation Organisation", "SCO")]
    consult = [e for e in record["events"] if e["type"] == "CONSULT"]
    assert len(consult) == 1
    ev = consult[0]
    assert (ev["states"], ev["date"], ev["place"], ev["people"]) == (["PK", "RU"], "2024-03-11", "Islamabad",
                                                                      ["Alexander Fomin"])
    assert "Afghanistan" in record["topics"]


def test_state_bodies_are_not_organisations(record):
    assert [(b["name"], b["state"]) for b in record["state_bodies"]] == [("Ministry of Defence of Russia", "RU")]
    assert all(o["kind"] != "state-body" for o in record["organizations"])


def test_english_labels_everywhere(record):
    texts = [o["name"] for o in record["officials"]] + [o["position"] for o in record["officials"]]
    texts += [o["name"] for o in record["organizations"]] + record["topics"] + record["places"]
    texts += [e["place"] for e in record["events"] if e["place"]]
    texts += [t for e in record["events"] for t in e["topics"]]
    assert texts and all(t.isascii() for t in texts), texts


def test_evidence_offsets(record):
    text = ARTICLES[record["lang"]]
    for ev in record["events"]:
        assert 1 <= len(ev["evidence"]) <= 3
        for m in ev["evidence"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_labels():
    assert topic_label("state:AF") == "Afghanistan"
    assert topic_label("joint-exercises") == "joint exercises"
    assert topic_label("no-such-topic") == "no such topic"
    assert place_label("islamabad") == "Islamabad"
    assert place_label(None) is None
    assert place_label("nowhere-at-all") == "nowhere-at-all"


def test_unknown_publication_date():
    rec = to_json(extract(Article.make("Russia and Pakistan held talks yesterday.", "en")), path="x.txt")
    assert rec["path"] == "x.txt"
    assert rec["published"] is None
    assert [(e["type"], e["date"]) for e in rec["events"]] == [("CONSULT", None)]


def test_cli_prints_one_object_per_file_in_order(tmp_path):
    files = []
    for name, body in [("b.txt", "Russian and Pakistani diplomats met in Moscow on 11 March 2024."),
                       ("a.txt", "The European Union imposed sanctions on Belarus on 8 March 2024.")]:
        p = tmp_path / name
        p.write_text(body + "\n", encoding="utf-8")
        files.append(str(p))
    result = CliRunner().invoke(cli, ["extract", "--format", "jsonl", *files])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert [r["path"] for r in lines] == files
    assert all(README_KEYS <= set(r) for r in lines)
    assert [(e["type"], e["states"], e["date"]) for e in lines[0]["events"]] == [("CONSULT", ["PK", "RU"], "2024-03-11")]
    assert [(e["type"], e["states"]) for e in lines[1]["events"]] == [("SANCTION", ["BY"])]
    assert [o["acronym"] for o in lines[1]["organizations"]] == ["EU"]
