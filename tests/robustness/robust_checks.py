"""Checks shared by the robustness tests: every mention of an extraction, and its offsets."""
from __future__ import annotations

import re
import unicodedata

from ingest.model import Article, Extraction, Mention

LANGS = ("ar", "ru", "en")


def all_mentions(ex: Extraction) -> list[tuple[str, Mention]]:
    """(kind, mention) for every span an extraction points at: states, officials, organisations, places, events,
    statements and dates."""
    out: list[tuple[str, Mention]] = []
    for kind, items in (("state", ex.states), ("official", ex.officials), ("organization", ex.organizations),
                        ("place", ex.places), ("event", ex.events)):
        for item in items:
            out += [(kind, m) for m in item.mentions]
    out += [("statement", s.mention) for s in ex.statements]
    out += [("date", m) for _, m in ex.dates]
    return out


def check_offsets(ex: Extraction) -> None:
    """Every mention's offsets point at exactly its words in the article's text; sentences lie inside it."""
    text = ex.article.text
    for kind, m in all_mentions(ex):
        assert isinstance(m.start, int) and isinstance(m.end, int), (kind, m)
        assert 0 <= m.start <= m.end <= len(text), f"{kind} mention {m} out of the text ({len(text)} chars)"
        assert text[m.start:m.end] == m.text, \
            f"{kind} mention {m.text!r} at {m.start}:{m.end}, but the text there is {text[m.start:m.end]!r}"
        if ex.sentences:
            assert 0 <= m.sentence < len(ex.sentences), f"{kind} mention {m} in no sentence"
    for st in ex.statements:
        assert st.quote == st.mention.text, (st.quote, st.mention)
    for start, end in ex.sentences:
        assert 0 <= start <= end <= len(text), (start, end, len(text))


def check_article(a: Article) -> None:
    """What every Article a reader gives must satisfy, whatever its input."""
    assert a.lang in LANGS, a.lang
    assert a.text.strip(), "an article without text"
    assert unicodedata.is_normalized("NFC", a.text), "the text is not NFC"
    assert not re.search("[\ud800-\udfff]", a.text), "a lone surrogate in the text"
    a.text.encode("utf-8")
    assert 0 <= a.body_start <= (a.body_end if a.body_end is not None else len(a.text)) <= len(a.text)
    if a.published:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", a.published), a.published
    for value in (a.title, a.source, a.publisher, a.url):
        if value is not None:
            assert isinstance(value, str)
            value.encode("utf-8")
