"""Tokens and sentences with character offsets into the original text.

Tokens keep Arabic diacritics and tatweel inside words (so normalisation happens per token, and every offset
still points into the text as written). Abbreviations with dots (U.S., U.N.) are one token.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# letters, digits, combining marks (Arabic harakat, U+0640 tatweel) and in-word apostrophes; runs of either
# kind alternate (a word is the longest such stretch), which the regex engine scans far faster than char by char
_WORD = r"(?:[^\W_]+|[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200c]+)+"
TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}"                       # U.S. U.N. U.K.
    r"|\d+(?:[.,:/]\d+|-\d+(?=[-/.]\d))*(?:-\d+)?"   # numbers, 29.09.2021, 12:30, 2021-09-29, 10-3-2024
    r"|" + _WORD +
    r"|\S"                                   # any other single non-space char (punctuation)
)


# not frozen (nothing assigns to a token; hashable all the same): a frozen dataclass's __init__ sets each field
# through object.__setattr__, which made building the tokens twice as slow (every article makes thousands)
@dataclass(slots=True, unsafe_hash=True)
class Token:
    start: int
    end: int
    text: str
    sentence: int = 0

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha() or self.text[0] in "\u0640"

    @property
    def is_punct(self) -> bool:
        return not self.text[0].isalnum()


def tokenize(text: str, start: int = 0, end: int | None = None, sentence: int = 0) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(), sentence) for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end)]


_BOUNDARY = re.compile(r"[.!?؟…]+[\"'»”’)\]]*(?=\s)|\n\s*\n|\n(?=\s*\S)")


_INITIALISM = re.compile(r"(?:[A-Z]\.)+[A-Z]")


def split_sentences(text: str, start: int = 0, end: int | None = None,
                    abbreviations: frozenset[str] = frozenset(),
                    openers: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text[start:end]``; newlines end sentences (headlines, paragraphs).

    A full stop after a known abbreviation ("Gen.", "г.", "Dr.") or a single capital letter ("V.") does not end a
    sentence; nor does one followed by a lower-case letter; nor, when ``openers`` (words that begin sentences:
    "the", "it", "but"; compared in lower case) are given, the stop of an initialism ("U.N.", "U.S.") followed by a word not among them
    ("the U.N. Security Council").
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _BOUNDARY.finditer(text, start, end):
        stop = m.end()
        mark = m.group()
        if mark.startswith("."):
            # the word before the stop (as re.search(r"(\S+)$") would find it, without trying every position)
            before = text[cur:m.start()]
            if before.endswith("\n"):
                before = before[:-1]
            word = before.rsplit(None, 1)[-1] if before and not before[-1].isspace() else ""
            nxt = re.match(r"\s*(\S)", text[stop:stop + 8])
            if word and (word.lower().rstrip(".") + "." in abbreviations or (len(word) == 1 and word.isupper())):
                continue
            if nxt and nxt.group(1).islower():
                continue
            if openers and _INITIALISM.fullmatch(word):
                following = re.match(r"\s*([^\s.,;:!?\"'»”’)]+)", text[stop:stop + 40])
                if following and following.group(1).lower() not in openers:
                    continue
        if text[cur:stop].strip():
            spans.append(_trim(text, cur, stop))
        cur = stop
    if text[cur:end].strip():
        spans.append(_trim(text, cur, end))
    return spans


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
