"""Dates in text: absolute (29 September 2021, September 29, 2021, 29.09.2021, 2021-09-29, сентябре 2021) and
relative (today, yesterday, on Wednesday, أمس, в среду), resolved against the publication date.

Month, weekday and relative-day words come from each language's ``dates.tsv`` (Levantine month names included).
Bare years and durations are not dates of events and are not returned.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass

from ..text import Token
from .gazetteer import Gazetteer

_NUMERIC = [
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$"), ("d", "m", "y")),
]
_SEPARATORS = {",", "/", "-", "،", "(", ")", "."}
_YEAR_WORDS = {"года", "году", "год", "г", "م", "عام", "لعام", "عاما", "سنة"}


@dataclass(frozen=True)
class DateExpr:
    start: int            # token index
    end: int
    value: str | None     # ISO date, "YYYY-MM" or None when it cannot be resolved (relative, no publication date)
    kind: str             # absolute | partial | partial-year | relative | weekday | same (the day last named)
    offset: int = 0       # for "same": days from the day last named ("the next day": 1)


def _iso(y: int, m: int, d: int | None = None) -> str | None:
    try:
        if d is None:
            dt.date(y, m, 1)
            return f"{y:04d}-{m:02d}"
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _year(tok: Token) -> int | None:
    t = tok.text
    if t.isdecimal() and len(t) == 4 and 1000 <= int(t) <= 2999:
        return int(t)
    return None


def _day(tok: Token) -> int | None:
    t = tok.text
    if t.isdecimal() and len(t) <= 2 and 1 <= int(t) <= 31:
        return int(t)
    return None


def _guess_year(month: int, day: int | None, published: dt.date | None) -> int | None:
    if published is None:
        return None
    # news reports mostly what happened: the latest such date no more than two months after publication
    for y in (published.year + 1, published.year, published.year - 1):
        try:
            cand = dt.date(y, month, day or 1)
        except ValueError:
            continue
        if (cand - published).days <= 62:
            return y
    return None


FUTURE_REACH = 6     # a future marker this many tokens from a weekday makes it point forward


def find_dates(tokens: list[Token], keys: list[tuple[str, ...]], gaz: Gazetteer, published: dt.date | None,
               future: Collection[int] = (), starts: list[int] | None = None) -> list[DateExpr]:
    """Date expressions in a sentence's tokens. ``future``: token positions of future markers ("will", "в
    следующую", "سوف"); a weekday near one points forward ("will meet on Friday"), any other one back to the
    latest such day on or before publication ("on Friday rejected …, and said that Kyiv would not …").
    ``starts``: the tokens' masks from the language's StartIndex (see ``Gazetteer.find``), when known."""
    # normalise digits (Arabic-Indic) through the keys' first form
    texts = [k[0] for k in keys]
    words = {m.start: m for m in gaz.find(tokens, keys, starts=starts)}
    out: list[DateExpr] = []
    i, n = 0, len(tokens)

    def month_at(j: int):
        m = words.get(j)
        if m:
            e = m.first("date")
            if e and e.sub == "month":
                return m, int(e.value)
        return None, None

    def skip_sep(j: int) -> int:
        while j < n and texts[j] in _SEPARATORS:
            j += 1
        return j

    def skip_alt_month(j: int) -> int:
        """29 سبتمبر/أيلول: a second month name after a slash."""
        if j < n and texts[j] == "/":
            m2, _ = month_at(j + 1)
            if m2:
                return m2.end
        return j

    while i < n:
        if i not in words and not texts[i][:1].isdecimal():
            i += 1            # a date starts with a number or a lexicon word (month, weekday, relative day)
            continue
        tok = Token(tokens[i].start, tokens[i].end, texts[i])
        # numeric forms
        done = False
        for rx, order in _NUMERIC:
            mm = rx.match(texts[i])
            if mm:
                parts = dict(zip(order, map(int, mm.groups())))
                value = _iso(parts["y"], parts["m"], parts["d"])
                if value:
                    out.append(DateExpr(i, i + 1, value, "absolute"))
                    done = True
                break
        if done:
            i += 1
            continue
        d = _day(tok)
        if d is not None:
            m, month = month_at(skip_sep(i + 1) if texts[i + 1:i + 2] == ["-"] else i + 1)
            if m:
                j = skip_alt_month(m.end)
                j2 = skip_sep(j)
                y = _year(Token(0, 0, texts[j2])) if j2 < n else None
                if y:
                    j = j2 + 1
                    if j < n and texts[j] in _YEAR_WORDS:
                        j += 1
                year = y or _guess_year(month, d, published)
                value = _iso(year, month, d) if year else None
                out.append(DateExpr(i, j, value, "absolute" if y else "partial-year"))
                i = j
                continue
        m, month = month_at(i)
        if m:
            j = skip_alt_month(m.end)
            j2 = j
            while j2 < n and texts[j2] in {".", ","}:
                j2 += 1
            d = _day(Token(0, 0, texts[j2])) if j2 < n else None
            if d is not None and not (j2 + 1 < n and texts[j2 + 1] in {"%"}):
                j = j2 + 1
                j3 = skip_sep(j)
                y = _year(Token(0, 0, texts[j3])) if j3 < n else None
                if y:
                    j = j3 + 1
                year = y or _guess_year(month, d, published)
                out.append(DateExpr(i, j, _iso(year, month, d) if year else None, "absolute" if y else "partial-year"))
                i = j
                continue
            j3 = skip_sep(j)
            y = _year(Token(0, 0, texts[j3])) if j3 < n else None
            if y:
                out.append(DateExpr(i, j3 + 1, _iso(y, month), "partial"))
                i = j3 + 1
                continue
            i = m.end
            continue
        w = words.get(i)
        e = w.first("date") if w else None
        if e and e.sub == "same":
            out.append(DateExpr(i, w.end, None, "same", int(e.value)))   # "on the same day": the reader knows which
            i = w.end
            continue
        if e and e.sub in ("relative", "weekday"):
            value = None
            if published is not None:
                try:
                    if e.sub == "relative":
                        value = (published + dt.timedelta(days=int(e.value))).isoformat()
                    else:
                        delta = (published.weekday() - int(e.value)) % 7
                        day = published - dt.timedelta(days=delta)
                        if delta and any(abs(p - i) <= FUTURE_REACH for p in future):
                            day = published + dt.timedelta(days=7 - delta)
                        value = day.isoformat()
                except OverflowError:      # a publication date at the edge of the calendar (year 1 or 9999)
                    value = None
            out.append(DateExpr(i, w.end, value, e.sub))
            i = w.end
            continue
        i += 1
    return _merge(out, texts)


def _merge(exprs: list[DateExpr], texts: list[str]) -> list[DateExpr]:
    """"today, Wednesday, 29 September 2021": adjacent expressions are one date; the most explicit wins."""
    rank = {"absolute": 4, "partial-year": 3, "partial": 2, "relative": 1, "same": 1, "weekday": 0}
    out: list[DateExpr] = []
    for e in exprs:
        if out and (e.start == out[-1].end or (e.start - out[-1].end == 1 and texts[out[-1].end] in _SEPARATORS)):
            prev = out[-1]
            best = e if rank[e.kind] > rank[prev.kind] and e.value else prev
            out[-1] = DateExpr(prev.start, e.end, best.value or e.value or prev.value, best.kind)
        else:
            out.append(e)
    return out


def parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
