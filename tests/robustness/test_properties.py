"""Property-based tests (issue 8) on the readers and on extraction: any input never crashes them, and every
mention's character offsets point at exactly its words in the article's text.

Texts are drawn two ways: any Unicode at all, and "news soup" — words that extraction reacts to (titles, states,
names, months, quote marks, datelines in Arabic, Russian and English) mixed with the characters that break
offset arithmetic (zero-width and bidi marks, combining accents, tatweel, Arabic-Indic digits, CR/LF, U+2028,
decomposed letters, emoji with modifiers).
"""
from __future__ import annotations

import codecs
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.extract import extract
from ingest.readers import read_bytes
from ingest.readers.compose import compose
from ingest.readers.text import read_text
from legation.errors import InputError
from robust_checks import check_article, check_offsets
from robust_corpus import AR_MONTHS, EN_MONTHS, RU_MONTHS, STATES

WORDS = sorted({w for s in STATES for w in (s[1], s[2], s[3], s[4], s[5], s[6], *s[7])} | set(EN_MONTHS)
               | set(AR_MONTHS) | set(RU_MONTHS) | {
    "Foreign Minister", "Deputy Defence Minister", "President", "Prime Minister", "Ambassador", "met", "talks",
    "visited", "signed an agreement", "said", "condemned", "the SCO", "NATO", "the UN Security Council", "in",
    "on Tuesday", "today", "MOSCOW, Nov 14 (TASS) -", "ISLAMABAD -", "(Reuters)", "2023", "14", "2021-09-29",
    "وزير الخارجية", "نائب وزير الدفاع", "الرئيس", "التقى", "بحث", "اليوم", "الثلاثاء", "وقال", "إن", "في",
    "موسكو", "أيلول", "٢٠٢٣", "١٤", "مع نظيره", "اتفاقية", "منظمة شنغهاي للتعاون", "القاهرة - (أ ش أ) -",
    "Министр иностранных дел", "заместитель министра обороны", "президент", "встретился", "переговоры",
    "заявил", "в", "Москве", "сегодня", "во вторник", "МОСКВА, 14 ноября. /ТАСС/.", "соглашение", "ШОС",
})
ODD = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c",
       "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u0301", "\u0308", "\u064e", "\u0651",
       "\u0640", "\u00a0", "\u2028", "\u2029", "\r\n", "\r", "\n", "\n\n", "\t", "\u0438\u0306", "e\u0301",
       "\U0001f1f7\U0001f1fa", "\U0001f44d\U0001f3fd", "\ufdfd", "\ufb01", "ǅ", "İ", "ß", "\u0130stanbul",
       "«", "»", "“", "”", "„", '"', "'", ":", ",", ".", "—", "-", "(", ")", "/", "\\", "<b>", "&amp;"]

news_soup = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD), st.text(max_size=6)),
                     min_size=1, max_size=60).map(lambda parts: " ".join(parts) if len(parts) % 3 else "".join(parts))
any_text = st.text(min_size=1, max_size=400)
texts = st.one_of(news_soup, any_text, st.tuples(news_soup, any_text, news_soup).map("".join))

# LEGATION_HYPOTHESIS_EXAMPLES=2000 for a longer search than the normal run's
SETTINGS = settings(max_examples=int(os.environ.get("LEGATION_HYPOTHESIS_EXAMPLES", "150")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _extract_and_check(article) -> None:
    check_article(article)
    check_offsets(extract(article))


@SETTINGS
@given(text=texts)
def test_extraction_offsets_point_at_their_words_in_plain_text(text):
    if not text.strip():
        return
    _extract_and_check(read_text(text, "prop.txt"))


@SETTINGS
@given(title=st.one_of(st.none(), texts), body=texts, lang=st.sampled_from([None, "ar", "ru", "en", "xx"]),
       published=st.one_of(st.none(), st.sampled_from(["2023-11-14", "0001-01-01", "9999-12-31"])))
def test_extraction_offsets_point_at_their_words_in_composed_articles(title, body, lang, published):
    if not body.strip():
        return
    _extract_and_check(compose(title, body, lang=lang, published=published, path="prop.jsonl:1"))


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "windows-1251", "windows-1256", "koi8-r",
             "latin-1"]
FORMATS = [("{}", ".txt"), ("<html><body><article><p>{}</p></article></body></html>", ".html"),
           ("<rss version='2.0'><channel><title>t</title><item><title>x</title><description>{}</description>"
            "</item></channel></rss>", ".rss"),
           ("<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>x</title><content>{}</content></entry></feed>",
            ".atom"),
           ('{{"text": {}}}', ".jsonl"), ("[{{\"text\": {}, \"published\": \"9999-12-31\"}}]", ".json")]


def _read(data: bytes, path: str) -> None:
    for item in read_bytes(data, path):
        if isinstance(item, InputError):
            assert str(item).startswith(path + ": "), str(item)
            assert item.problem.strip()
        else:
            _extract_and_check(item)


@SETTINGS
@given(text=texts, fmt=st.sampled_from(FORMATS), encoding=st.sampled_from(ENCODINGS), cut=st.integers(0, 8))
def test_readers_never_crash_on_any_text_in_any_encoding(text, fmt, encoding, cut):
    template, ext = fmt
    if ext in (".jsonl", ".json"):
        text = json.dumps(text)
    data = template.format(text).encode(encoding, errors="replace")
    if cut:
        data = data[:-cut]                           # truncated files, possibly inside a character
    _read(data, f"prop{ext}")


@SETTINGS
@given(data=st.binary(max_size=600), ext=st.sampled_from([".txt", ".html", ".rss", ".jsonl", ".json", ""]),
       bom=st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]))
def test_readers_never_crash_on_any_bytes(data, ext, bom):
    _read(bom + data, f"bytes{ext}")


@SETTINGS
@given(values=st.lists(st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.none(), st.booleans(),
                                 st.lists(st.integers(), max_size=3)), min_size=1, max_size=6),
       escapes=st.lists(st.sampled_from(["\\ud800", "\\udfff", "\\ud83d\\ude00", "\\u0000", "\\u202e", "\\\\",
                                         '\\"', "\\n"]), max_size=4))
def test_json_lines_never_crash_on_any_record(values, escapes):
    keys = ["text", "title", "published", "lang", "source", "url"]
    record = {k: v for k, v in zip(keys, values)}
    line = json.dumps(record)
    if escapes and isinstance(record.get("text"), str):
        line = line.replace('"text": "', '"text": "' + "".join(escapes) + " Foreign Minister ", 1)
    _read((line + "\n" + line[: len(line) // 2] + "\n").encode("utf-8"), "records.jsonl")
