"""A tokenised article: sentences, tokens, keys and the lexicon matches of each sentence.

Built once per article; the extraction stages read it. Offsets are always into ``article.text``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model import Article, Mention
from ..text import Token, split_sentences, tokenize
from . import lexicon
from .dates import DateExpr, find_dates, parse_iso
from .gazetteer import Match


@dataclass
class Sent:
    index: int
    start: int
    end: int
    tokens: list[Token]
    keys: list[tuple[str, ...]]
    ents: list[Match] = field(default_factory=list)
    titles: list[Match] = field(default_factory=list)
    cues: list[Match] = field(default_factory=list)
    topics: list[Match] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)
    headline: bool = False

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character span of tokens i..j-1."""
        return self.tokens[i].start, self.tokens[j - 1].end

    def has_cue(self, kind: str) -> list[Match]:
        return [m for m in self.cues if any(e.value == kind for e in m.entries)]


@dataclass
class Doc:
    article: Article
    lex: lexicon.Lexicons
    sents: list[Sent]
    published: dt.date | None

    def mention(self, sent: Sent, i: int, j: int) -> Mention:
        s, e = sent.span(i, j)
        return Mention(s, e, self.article.text[s:e], sent.index)

    def text_of(self, sent: Sent, i: int, j: int) -> str:
        s, e = sent.span(i, j)
        return self.article.text[s:e]


def build(article: Article) -> Doc:
    lex = lexicon.get(article.lang)
    lang = lex.lang
    text = article.text
    end = article.body_end if article.body_end else len(text)
    published = parse_iso(article.published_date)
    sents: list[Sent] = []
    for n, (s, e) in enumerate(split_sentences(text, 0, end, lang.abbreviations)):
        toks = tokenize(text, s, e, n)
        if not toks:
            continue
        keys = [lang.token_keys(t.text) for t in toks]
        sent = Sent(len(sents), s, e, [Token(t.start, t.end, t.text, len(sents)) for t in toks], keys)
        sent.headline = article.title is not None and s < article.body_start
        sent.ents = lex.entities.find(sent.tokens, keys)
        sent.titles = lex.titles.find(sent.tokens, keys)
        sent.cues = lex.cues.find(sent.tokens, keys)
        sent.topics = lex.topics.find(sent.tokens, keys)
        future = bool(sent.has_cue("FUTURE"))
        sent.dates = find_dates(sent.tokens, keys, lex.dates, published, future=future)
        sents.append(sent)
    return Doc(article, lex, sents, published)
