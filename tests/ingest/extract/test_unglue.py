"""Words run together (text that lost its spaces) are cut back into words; long words of their own are not."""
from __future__ import annotations

from ingest.extract import lexicon
from ingest.extract.unglue import Unglue
from ingest.text import tokenize


def _cut(word: str, article: str = "") -> list[str] | None:
    lex = lexicon.get("ar")
    tok = tokenize(word)[0]
    parts = Unglue(lex.lang, lex.vocabulary).split(tok)
    return [p.text for p in parts] if parts else None


def test_a_line_without_spaces_is_cut_into_its_words():
    assert _cut("التقىوزيرالخارجيةالروسيمعنظيرهالتركيفيأنقرة") == \
        ["التقى", "وزير", "الخارجية", "الروسي", "مع", "نظيره", "التركي", "في", "أنقرة"]


def test_long_words_of_their_own_are_kept():
    assert _cut("والبتروكيماويات") is None          # petrochemicals: no string of known words
    assert _cut("والاستراتيجيات") is None
    assert _cut("الأنثروبولوجيا") is None


def test_pieces_keep_their_offsets():
    lex = lexicon.get("ar")
    text = "قال المتحدث: استقبلالرئيسالمصريوزيرالخارجيةالسعودي."
    toks = Unglue(lex.lang, lex.vocabulary).tokens(tokenize(text))
    assert all(text[t.start:t.end] == t.text for t in toks)
    assert "المصري" in [t.text for t in toks]


def test_an_article_that_lost_its_spaces_is_read(run):
    glued = ("التقىوزيرالخارجيةالروسيمعنظيرهالتركيفيأنقرةيومالاثنين. "
             "وقال الوزيران إن البلدين سيواصلان التعاون.")
    ex = run(glued, "ar")
    assert {"RU", "TR"} <= {s.code for s in ex.states}
    assert ("CONSULT", ["RU", "TR"]) in [(e.type, e.states) for e in ex.events]


def test_latin_words_numbers_and_blobs_are_left_alone():
    assert _cut("internationalisation") is None
    assert _cut("12345678901234567890") is None
    assert _cut("التقىالوزير" * 60) is None            # 660 characters: a blob, not a line
