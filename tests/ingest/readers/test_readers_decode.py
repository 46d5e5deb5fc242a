"""Bytes → text: BOMs, UTF-8, legacy code pages of Arabic and Russian, and files that are not text."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.model import Article
from ingest.readers import read_path
from ingest.readers.decode import decode, decode_with_encoding
from ingest.readers.lang import detect_lang, normalize_lang
from legation.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures" / "text"
UNDECODABLE = "cannot decode as UTF-8, UTF-16, windows-1256, windows-1251 or KOI8-R"


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name, encoding", [
    ("ar-mena.txt", "windows-1256"),
    ("ru-tass.txt", "windows-1251"),
    ("ru-tass.txt", "koi8-r"),
    ("ru-ria-no-year.txt", "windows-1251"),          # «guillemets» and the em dash of RIA's dateline
    ("en-ap-no-date.txt", "windows-1252"),
    ("ar-sputnik-levantine.txt", "utf-16"),          # Python writes the BOM
    ("ru-tass.txt", "utf-16-be"),
    ("en-reuters.txt", "utf-32"),
    ("ar-mena.txt", "utf-8-sig"),
])
def test_encodings_decode_to_the_original_text(tmp_path, name, encoding):
    text = fixture_text(name)
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(data)
    items = list(read_path(path))
    assert len(items) == 1 and isinstance(items[0], Article), items
    assert items[0].text == text
    utf8 = list(read_path(FIXTURES / name))[0]
    assert (items[0].title, items[0].published, items[0].source, items[0].body_start, items[0].body_end,
            items[0].id) == (utf8.title, utf8.published, utf8.source, utf8.body_start, utf8.body_end, utf8.id)


@pytest.mark.parametrize("text, encoding", [
    ("Привет", "windows-1251"), ("Привет", "koi8-r"),
    ("Да.", "windows-1251"), ("Да.", "koi8-r"),
    ("МИНИСТР ИНОСТРАННЫХ ДЕЛ РОССИИ", "windows-1251"),
    ("МИНИСТР ИНОСТРАННЫХ ДЕЛ РОССИИ", "koi8-r"),
    ("Щука, шёпот, чащоба", "koi8-r"),
    ("مرحبا", "windows-1256"),
    ("وَصَلَ الوَزِيرُ إلى مُوسكو", "windows-1256"),
    ("The minister said “talks” went well — café résumé.", "windows-1252"),
])
def test_short_legacy_texts(text, encoding):
    assert decode_with_encoding(text.encode(encoding)) == (text, encoding)


def test_declared_encoding_is_tried_after_utf8():
    data = "Привет, мир".encode("windows-1251")
    assert decode(data, declared="windows-1251") == "Привет, мир"
    assert decode("Привет".encode("utf-8"), declared="windows-1251") == "Привет"


@pytest.mark.parametrize("data, problem", [
    (b"", "empty file"),
    (b" \n\t\r\n", "empty file"),
    ("\u00a0\n\u200b\n".encode(), "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary content, not text"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary content, not text"),
    (b"abc\x01\x02\x03\x04def\x05\x06", "binary content, not text"),
    ("中华人民共和国外交部发言人今天表示，中方欢迎俄罗斯与巴基斯坦加强合作。".encode("gbk"), UNDECODABLE),
    ("日本の外務大臣は本日、ロシアとパキスタンの協力について述べた。".encode("shift_jis"), UNDECODABLE),
    (b"\xff\xfe" + b"\x00\xd8" + "a".encode("utf-16-le"), "invalid UTF-16 after its byte-order mark"),
    (b"\xff\xfe" + b"\x00\xd8", "empty file"),      # a surrogate cut at the very end is a truncated character
])
def test_not_text(data, problem):
    with pytest.raises(InputError) as info:
        decode(data, "x.txt")
    assert info.value.problem == problem
    assert info.value.path == "x.txt"


def test_zero_width_and_bidi_marks_are_kept():
    text = "\u202bموسكو\u202c \u200fتقول\u200f\u200d"
    assert decode(text.encode("utf-8")) == text


def test_bad_files_give_one_error_each_and_the_others_still_read(tmp_path):
    (tmp_path / "a-good.txt").write_text(fixture_text("ru-tass.txt"), encoding="utf-8")
    (tmp_path / "b-empty.txt").write_bytes(b"")
    (tmp_path / "c-binary.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    (tmp_path / "d-undecodable.txt").write_bytes("中华人民共和国外交部发言人今天表示".encode("gbk"))
    (tmp_path / "e-big.txt").write_bytes(b"word " * 3000)
    (tmp_path / "f-good.txt").write_bytes(fixture_text("ar-mena.txt").encode("windows-1256"))
    items = list(read_path(tmp_path, max_bytes=10_000))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "InputError", "InputError",
                                                 "InputError", "Article"]
    assert [i.problem for i in items if isinstance(i, InputError)] == [
        "empty file", "binary content, not text", UNDECODABLE, "larger than the 10,000 bytes limit"]
    assert items[5].title.startswith("مصر وروسيا")


def test_default_size_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:                  # sparse: nothing is written or read
        handle.truncate(20_000_001)
    items = list(read_path(path))
    assert len(items) == 1 and items[0].problem == "larger than the 20 MB limit"


@pytest.mark.parametrize("text, lang", [
    ("روسيا وباكستان تؤكدان استعدادهما", "ar"),
    ("Россия и Пакистан подтвердили готовность", "ru"),
    ("Russia and Pakistan confirm readiness", "en"),
    ("Шойгу встретился с Asif Khan в Исламабаде", "ru"),
    ("1234 !!!", "en"),
])
def test_detect_lang(text, lang):
    assert detect_lang(text) == lang


def test_explicit_lang_wins():
    assert detect_lang("Россия", explicit="ar") == "ar"
    assert detect_lang("Россия", explicit="EN-gb") == "en"
    assert detect_lang("Россия", explicit="xx") == "ru"
    assert normalize_lang("ru_RU") == "ru" and normalize_lang(42) is None
