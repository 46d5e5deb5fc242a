"""A tokenised article: sentences, tokens, keys and the lexicon matches of each sentence.

Built once per article; the extraction stages read it. Offsets are always into ``article.text``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from ontology import refdata

from ..lang.base import Language
from ..model import Article, Mention
from ..readers.layout import find_dateline
from ..text import Token, split_sentences, tokenize
from . import lexicon
from .dates import DateExpr, find_dates, parse_iso
from .gazetteer import Match, token_keys
from .unglue import Unglue, article_words, suspect


@dataclass
class Sent:
    index: int
    start: int
    end: int
    tokens: list[Token]
    keys: list[tuple[str, ...]]
    norms: list[str]                           # each token's normal form (Language.norm)
    ents: list[Match] = field(default_factory=list)
    titles: list[Match] = field(default_factory=list)
    cues: list[Match] = field(default_factory=list)
    topics: list[Match] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)
    headline: bool = False
    ems: list = field(default_factory=list)    # the sentence's entity mentions (set by the pipeline)
    classes: list | None = field(default=None, repr=False, compare=False)   # each token's word classes
    markers: dict | None = field(default=None, repr=False, compare=False)  # cue type → starts (events.py)
    openers: list | None = field(default=None, repr=False, compare=False)  # tokens opening a clause (events.py)
    runs: tuple | None = field(default=None, repr=False, compare=False)   # title runs and their inputs (people.py)
    starts: list[int] | None = field(default=None, repr=False, compare=False)  # lexicon.Lexicons.starts masks

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
    published = parse_iso(article.published_date) or _first_full_date(article, lex) or _dateline_date(article, lex)
    norm = _word_norm(lang)
    sents: list[Sent] = []
    unglue = None
    for s, e in split_sentences(text, 0, end, lang.abbreviations, lang.sentence_openers):
        toks = tokenize(text, s, e, len(sents))
        if not toks:
            continue
        if suspect(lang, toks):
            # words run together ("التقىبومبيومعكيمجونغأون"): cut at known words (a rare repair, made lazily)
            unglue = unglue or Unglue(lang, lex.vocabulary, article_words(lang, text))
            toks = unglue.tokens(toks)
        keys = token_keys(lang, toks)
        sent = Sent(len(sents), s, e, toks, keys, [norm(t.text) for t in toks])
        sent.headline = article.title is not None and s < article.body_start
        sent.starts = starts = lex.starts.masks(keys)      # the tokens' keys looked up once for all gazetteers
        sent.ents = lex.entities.find(sent.tokens, keys, starts=starts)
        sent.titles = lex.titles.find(sent.tokens, keys, starts=starts)
        sent.cues = lex.cues.find(sent.tokens, keys, starts=starts)
        sent.topics = _most_specific(lex.topics.find(sent.tokens, keys, starts=starts), toks, lang)
        future = [m.start for m in sent.cues if any(e.value == "FUTURE" for e in m.entries)
                  or (not sent.headline and lex.lang.future_tense(sent.tokens[m.start].text))]
        sent.dates = find_dates(sent.tokens, keys, lex.dates, published, future=future, starts=starts)
        sents.append(sent)
    return Doc(article, lex, sents, published)


def _most_specific(found: list[Match], toks: list[Token], lang: Language) -> list[Match]:
    """Drop a topic named right beside one of its narrower topics, with nothing but brackets or quotes between:
    "the epidemic (coronavirus)", "эпидемия коронавируса", "وباء كورونا" name the COVID-19 pandemic once, not
    public health as well. A list ("human rights, press freedom") names both; so does a mention of the wider
    topic elsewhere in the sentence (Arabic joins a list's items with a fused و: حقوق الإنسان وحرية الصحافة)."""
    if len(found) < 2:
        return found

    def beside(a: Match, b: Match) -> bool:
        lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
        return lo <= hi and all(t.text in _BRACKETS for t in toks[lo:hi]) and not lang.conjoined(toks[hi].text)

    out = []
    for m in found:
        keep = tuple(e for e in m.entries if e.kind != "topic" or not any(
            n is not m and beside(m, n) and any(_narrower(f.value, e.value) for f in n.entries if f.kind == "topic")
            for n in found))
        if keep:
            out.append(m if len(keep) == len(m.entries) else Match(m.start, m.end, keep))
    return out


_BRACKETS = frozenset('()[]«»"“”„\'‘’-–')


@lru_cache(maxsize=4096)
def _narrower(topic: str, than: str) -> bool:
    """Whether ``topic`` lies under ``than`` in the topic scheme (broader, transitively)."""
    seen = set()
    concept = refdata.topics().get(topic)
    while concept is not None and concept.broader and concept.broader not in seen:
        if concept.broader == than:
            return True
        seen.add(concept.broader)
        concept = refdata.topics().get(concept.broader)
    return False


@lru_cache(maxsize=None)
def _word_norm(lang: Language) -> Callable[[str], str]:
    """``lang.norm``, remembered per language (Arabic normalisation is a chain of substitutions)."""
    return lru_cache(maxsize=200_000)(lang.norm)


def _first_full_date(article: Article, lex: lexicon.Lexicons) -> dt.date | None:
    """A full date (with its year) in the first lines, before or at the start of the body ("Live updates -
    Saturday, 13 January 2024."): the publication date the reader could not isolate."""
    head = article.text[: max(article.body_start, 0) + 200][:500]
    toks = tokenize(head)
    keys = token_keys(lex.lang, toks)
    for d in find_dates(toks, keys, lex.dates, None):
        if d.kind == "absolute" and d.value:
            return parse_iso(d.value)
    return None


def _dateline_date(article: Article, lex: lexicon.Lexicons) -> dt.date | None:
    """A dateline without a year ("MOSCOW, Feb 14 (Reuters) -", "مقديشو - 2 - 1 (كونا) --"): the latest year up to now
    in which that day, or the day after it, falls on the weekday the lead names ("said on Wednesday"; "today,
    Tuesday" names the day itself). None when the text gives no weekday."""
    lang = lex.lang
    start = article.body_start
    head = article.text[start:start + 600]
    toks = tokenize(head)
    toks = [Token(t.start + start, t.end + start, t.text) for t in toks]
    keys = token_keys(lang, toks)
    dateline = find_dateline(head.split("\n", 1)[0])
    if dateline and dateline.month_day:
        month, dnum = dateline.month_day          # also in figures: "مقديشو - 2 - 1 (كونا) --"
    else:
        found = find_dates(toks[:12], keys[:12], lex.dates, None)
        day = next((d for d in found if d.kind == "partial-year"), None)
        if day is None:
            return None
        month = next((int(e.value) for m in lex.dates.find(toks[day.start:day.end], keys[day.start:day.end])
                      for e in m.entries if e.sub == "month"), None)
        dnum = next((int(t.text) for t in toks[day.start:day.end] if t.text.isdecimal() and len(t.text) <= 2),
                    None)
    matches = lex.dates.find(toks, keys)
    weekday = next(((m, int(e.value)) for m in matches for e in m.entries if e.sub == "weekday"), None)
    if month is None or dnum is None or weekday is None:
        return None
    wm, wd = weekday
    # "today, Tuesday" names the dateline's own day; a bare weekday may be the day before ("said on Wednesday")
    relative = next((int(e.value) for m in matches if m.end == wm.start or m.start == wm.end
                     for e in m.entries if e.sub == "relative"), None)
    lags = (-relative,) if relative is not None else (0, 1)
    today = dt.date.today()
    cands = []
    for year in range(today.year, today.year - 40, -1):
        try:
            cand = dt.date(year, month, dnum)
        except ValueError:
            continue
        for lag in lags:
            if cand <= today and (cand - dt.timedelta(days=lag)).weekday() == wd:
                cands.append((year, lag, cand))
    if not cands:
        return None
    # the latest such year (years the text mentions are mostly the history it recalls, "relations established in
    # 1956", and any of them may happen to fit the weekday too); the weekday naming the dateline's own day unless
    # only a reading as the day before gives a recent year
    same = max((c for c in cands if c[1] == 0), default=None)
    before = max((c for c in cands if c[1] != 0), default=None)
    if same is None or (before is not None and before[0] - same[0] >= 3):
        return before[2]
    return same[2]
