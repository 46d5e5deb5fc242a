"""JSON Lines and JSON lists of articles: broken lines are reported, the others still read."""
from __future__ import annotations

import json
from pathlib import Path

from ingest.model import Article
from ingest.readers import read_bytes, read_path
from legation.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures" / "jsonl"


def test_mixed_jsonl_with_broken_lines():
    path = FIXTURES / "mixed.jsonl"
    items = list(read_path(path))
    kinds = [(type(i).__name__, i.path if isinstance(i, Article) else i.problem.split(":")[0]) for i in items]
    assert kinds == [
        ("Article", f"{path}:1"), ("Article", f"{path}:2"), ("Article", f"{path}:3"),
        ("InputError", "line 4"), ("InputError", "line 6"), ("InputError", "line 7"), ("Article", f"{path}:8"),
    ]
    ar, ru, en, broken, no_text, not_object, en2 = items
    assert ar.lang == "ar" and ar.title == "العراق وإيران يبحثان أمن الحدود"
    assert ar.text == ar.title + "\n\n" + "بغداد - (واع) - بحث مستشار الأمن الوطني العراقي مع وفد إيراني رفيع ملف أمن" \
                                          " الحدود المشتركة وسبل مكافحة التهريب."
    assert ar.text[ar.body_start:].startswith("بغداد") and ar.body_end == len(ar.text)
    assert (ar.published, ar.url, ar.publisher, ar.source) == (
        "2021-11-15", "https://ina.example.iq/1", "وكالة الأنباء الإقليمية", "واع")
    assert (ru.lang, ru.source, ru.published) == ("ru", "БелТА", "2021-11-15")
    assert (en.lang, en.title, en.body_start, en.text) == ("en", None, 0, "He said the ceasefire was holding.")
    assert broken.problem.startswith("line 4: invalid JSON (") and broken.path == str(path)
    assert no_text.problem == "line 6: no text"
    assert not_object.problem == "line 7: not a JSON object"
    assert (en2.lang, en2.source, en2.published) == ("en", "Reuters", "2021-11-16T09:00:00+00:00")


def test_explicit_lang_wins_over_the_script():
    line = json.dumps({"text": "Россия", "lang": "ar"}, ensure_ascii=False).encode()
    [art] = read_bytes(line, "one.jsonl")
    assert art.lang == "ar"


def test_json_list():
    path = FIXTURES / "list.json"
    items = list(read_path(path))
    assert [type(i) for i in items] == [Article, Article, InputError]
    assert items[0].lang == "ru" and items[0].path == f"{path}:1"
    assert items[1].published == "2021-10-21" and items[1].lang == "en"
    assert items[2].problem == "item 3: no text"


def test_single_pretty_printed_object():
    data = json.dumps({"title": "Заголовок", "text": "Текст статьи."}, ensure_ascii=False, indent=2).encode()
    [art] = read_bytes(data, "one.json")
    assert art.text == "Заголовок\n\nТекст статьи." and art.path == "one.json:1"


def test_invalid_json_list_gives_one_error():
    [err] = read_bytes(b'[{"text": "a"}, {"text": ', "bad.json")
    assert isinstance(err, InputError) and err.problem.startswith("invalid JSON (")


def test_wrong_field_types():
    data = b'{"text": "Body", "title": 7}\n{"text": ["a"]}\n'
    first, second = read_bytes(data, "types.jsonl")
    assert first.problem == "line 1: field 'title' must be a string"
    assert second.problem == "line 2: no text"


def test_offsets_survive_nfc_normalisation():
    title = "Cafe\u0301 talks"                      # decomposed é: NFC shortens the title by one character
    [art] = read_bytes(json.dumps({"title": title, "text": "Body."}).encode(), "nfc.jsonl")
    assert art.title == "Café talks"
    assert art.text[art.body_start:] == "Body."
