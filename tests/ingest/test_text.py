"""Sentence splitting (ingest/text.py): full stops that end a sentence and those that do not."""
from __future__ import annotations

import pytest

from ingest.lang import get as get_language
from ingest.text import split_sentences


def _sentences(text: str, lang: str = "en") -> list[str]:
    language = get_language(lang)
    return [text[s:e] for s, e in split_sentences(text, 0, None, language.abbreviations, language.sentence_openers)]


@pytest.mark.parametrize("text, expected", [
    ("Serbia asked for a meeting of the U.N. Security Council on Monday.",
     ["Serbia asked for a meeting of the U.N. Security Council on Monday."]),
    ("Talks with U.S. Ambassador Jane Doe ended. They resume on Friday.",
     ["Talks with U.S. Ambassador Jane Doe ended.", "They resume on Friday."]),
    ("Moscow imposed sanctions on the U.S. The move follows talks.",
     ["Moscow imposed sanctions on the U.S.", "The move follows talks."]),
    ("Gen. Smith met Dr. Jones. It was brief.", ["Gen. Smith met Dr. Jones.", "It was brief."]),
])
def test_an_initialism_ends_a_sentence_only_before_a_sentence_opener(text, expected):
    assert _sentences(text) == expected


def test_without_openers_the_old_rule_holds():
    text = "A meeting of the U.N. Security Council."
    assert [text[s:e] for s, e in split_sentences(text)] == ["A meeting of the U.N.", "Security Council."]
