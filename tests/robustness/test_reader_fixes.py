"""The reader bugs the hostile corpus found, one test each (fixed in ingest/readers and legation/options.py):

- JSON nested 100,000 deep raised RecursionError, and a number of 10,000 digits ValueError, out of the reader —
  stopping the whole batch; now each is one bad line (or file);
- escaped lone surrogates in JSON ("\\ud83d": half an emoji) made the article id crash (UTF-8 cannot encode
  them); now they become U+FFFD;
- a UTF-8/16/32 file cut in the middle of its last character was refused as undecodable (or, in UTF-8, read
  as windows-1251 mojibake); now it loses that incomplete character;
- a file name with a line break made the error two lines; error lines now escape controls and bidi overrides.
"""
from __future__ import annotations

import codecs
import json

import pytest

from ingest.readers import read_bytes
from ingest.readers.decode import decode
from legation.errors import InputError
from legation.options import one_line

TEXT = "Министр иностранных дел России Сергей Лавров провёл переговоры в Москве."


def items(data: bytes, path: str = "a.jsonl"):
    out = list(read_bytes(data, path))
    return [i for i in out if not isinstance(i, InputError)], [str(i) for i in out if isinstance(i, InputError)]


def test_deep_json_is_one_bad_line():
    good = json.dumps({"text": TEXT}, ensure_ascii=False)
    articles, errors = items(b"[" * 100_000 + b"]" * 100_000 + b"\n" + good.encode())
    assert [a.text for a in articles] == [TEXT]
    assert errors == ["a.jsonl: line 1: invalid JSON (nested too deeply)"]


def test_deep_json_list_file_is_one_bad_file():
    articles, errors = items(b"[" * 100_000 + b"]" * 100_000, "a.json")
    assert articles == [] and errors == ["a.json: invalid JSON (nested too deeply)"]


def test_huge_number_is_one_bad_line():
    articles, errors = items(b'{"text": "x", "n": ' + b"7" * 10_000 + b"}\n" + json.dumps({"text": TEXT}).encode())
    assert len(articles) == 1
    assert errors == ["a.jsonl: line 1: invalid JSON (number too long: value has 10000 digits)"]


def test_json_error_message_says_at_once():
    _, errors = items(b'{"text": "unterminated\n')
    assert errors == ["a.jsonl: line 1: invalid JSON (Unterminated string starting at column 10)"]


def test_lone_surrogates_become_replacement_characters():
    line = '{"text": "\\ud83d Talks \\udfff in Moscow", "title": "T\\ud800", "source": "\\ud83d\\ude00 Wire"}'
    [article], errors = items(line.encode())
    assert errors == []
    assert article.text == "T\ufffd\n\n\ufffd Talks \ufffd in Moscow"
    assert article.source == "\U0001f600 Wire"              # a proper pair is one character
    article.text.encode("utf-8")


@pytest.mark.parametrize("encode,cut", [
    (lambda t: t.encode("utf-8"), 1),
    (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), 1),
    (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), 1),
    (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), 1),
    (lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"), 3),
])
def test_a_file_cut_inside_its_last_character_loses_only_that_character(encode, cut):
    assert decode(encode(TEXT + "й")[:-cut]) == TEXT


@pytest.mark.parametrize("data", [
    "Привет".encode("utf-8")[:3] + "мир".encode("utf-8"),          # cut in the middle, not at the end
    codecs.BOM_UTF16_LE + b"\x00\xd8" + "a".encode("utf-16-le"),   # a lone surrogate in the middle
])
def test_invalid_sequences_elsewhere_are_still_refused(data):
    with pytest.raises(InputError):
        decode(data)


def test_error_lines_escape_line_breaks_controls_and_bidi_overrides():
    err = InputError("news/evil\nname\u202e.txt\x1b[31m", "binary content, not text")
    line = one_line(str(err))
    assert "\n" not in line and "\u202e" not in line and "\x1b" not in line
    assert line == "news/evil\\nname\\u202e.txt\\x1b[31m: binary content, not text"
    assert one_line("ملف «عربي» — Файл, tab\tkept") == "ملف «عربي» — Файл, tab\tkept"
