"""Longest-match lookup of lexicon phrases in tokenised text, through each language's keys.

A phrase is stored under the language's keys of each of its words (every combination, when a word has several
keys); a text token offers its candidate keys (surface form, clitic-stripped forms, lemmas, stem). Matching walks
the trie from every token, keeps the longest phrase that fits (respecting the lexicon words' case rules), and
returns non-overlapping matches from left to right.
"""
from __future__ import annotations

import itertools
from functools import lru_cache
from dataclasses import dataclass
from typing import Any, Iterable

from ..lang.base import Language
from ..text import Token, tokenize

_END = None        # trie key holding the entries that end at a node (keys are strings)
MAX_COMBINATIONS = 64
EXACT = "="       # prefix of keys that match a token's surface form only (no lemma, stem or clitic stripping)
MAX_REMEMBERED = 200_000   # key tuples whose "begins a phrase?" answer a gazetteer keeps (then starts afresh)


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str                  # state | org | place | role | modifier | portfolio | event | topic | date | ...
    value: Any                 # state code, org id, place id, event type, topic id, ...
    sub: str = ""              # subkind: name | adj | people | seat | prefix | ...
    data: Any = None           # anything else the consumer needs (immutable)


@dataclass(frozen=True, slots=True)
class Match:
    start: int                 # index of the first token
    end: int                   # index after the last token
    entries: tuple[Entry, ...]

    def first(self, kind: str | None = None) -> Entry | None:
        for e in self.entries:
            if kind is None or e.kind == kind:
                return e
        return None


def _cost(item: tuple[dict, int]) -> int:
    return item[1]


class _Bucket:
    """The phrases ending at a trie node: (entry, words, case rules) in the order added, and their entries alone
    when no phrase there has a case rule to check (most: the answer without looking at the text)."""
    __slots__ = ("items", "free")

    def __init__(self):
        self.items: list[tuple[Entry, tuple[str, ...], tuple[int, ...]]] = []
        self.free: tuple[Entry, ...] | None = ()

    def add(self, item: tuple[Entry, tuple[str, ...], tuple[int, ...]]) -> bool:
        if item in self.items:
            return False
        self.items.append(item)
        self.free = tuple(e for e, _, _ in self.items) if not any(any(r) for _, _, r in self.items) else None
        return True

    def __getstate__(self):
        return self.items, self.free

    def __setstate__(self, state):
        self.items, self.free = state


def token_keys(lang: Language, tokens: list[Token]) -> list[tuple[str, ...]]:
    """Every key a token offers: the language's keys, then its surface forms for "=" phrases."""
    keys = _word_keys(lang)
    return [keys(t.text) for t in tokens]


@lru_cache(maxsize=None)
def _word_keys(lang: Language):
    """The keys of a word in ``lang``, remembered per language (they depend on the word alone)."""
    @lru_cache(maxsize=200_000)
    def keys(word: str) -> tuple[str, ...]:
        return lang.token_keys(word) + tuple(EXACT + x for x in lang.surface_keys(word))
    return keys


class Gazetteer:
    """A trie of lexicon phrases for one language."""

    def __init__(self, lang: Language):
        self.lang = lang
        self.root: dict = {}
        self.size = 0
        self._starts: dict[tuple[str, ...], bool] = {}     # see find
        self.bit = 0          # this gazetteer's bit in a StartIndex's masks (0: in none)

    def add(self, phrase: str, entry: Entry, sensitive: bool = False) -> None:
        """Store ``phrase``; a leading "=" stores it by surface form only (no article stripping, lemmas, stems)."""
        exact = phrase.startswith("=")
        words = [t.text for t in tokenize(phrase[1:] if exact else phrase)]
        if not words:
            return
        rules = tuple(self.lang.case_rule(w) for w in words)
        if exact:
            alternatives = [(EXACT + self.lang.norm(w),) for w in words]
        else:
            alternatives = [self.lang.entry_keys(w, sensitive) for w in words]
        for n, keys in enumerate(itertools.product(*alternatives)):
            if n >= MAX_COMBINATIONS:
                break
            if not all(keys):
                continue
            node = self.root
            for k in keys:
                node = node.setdefault(k, {})
            bucket = node.get(_END)
            if bucket is None:
                bucket = node[_END] = _Bucket()
            if bucket.add((entry, tuple(words), rules)):
                self.size += 1

    def add_all(self, phrases: Iterable[str], entry: Entry, sensitive: bool = False) -> None:
        for p in phrases:
            self.add(p, entry, sensitive)

    def find(self, tokens: list[Token], keys: list[tuple[str, ...]] | None = None,
             start: int = 0, end: int | None = None, starts: list[int] | None = None) -> list[Match]:
        """Non-overlapping longest matches in ``tokens[start:end]``. ``starts``: each token's mask from the
        StartIndex this gazetteer belongs to (``StartIndex.masks`` of the same keys), when the caller has it."""
        end = len(tokens) if end is None else end
        if keys is None:
            keys = token_keys(self.lang, tokens)
        out: list[Match] = []
        # most tokens start no phrase: skip them without walking the trie
        if starts is not None and self.bit:
            bit = self.bit
            may = [s & bit for s in starts[start:end]]
        else:
            # whether a token's keys begin any phrase, remembered per key tuple (words recur; a tuple hashes
            # faster than its keys are looked up)
            get = self._starts.get
            span = keys[start:end]
            may = [get(k) for k in span]
            if None in may:
                may = [self._may_start(k) if f is None else f for f, k in zip(may, span)]
        i = start
        for n in itertools.compress(range(start, end), may):
            if n < i:
                continue          # inside the previous match
            m = self.match_at(tokens, keys, n, end)
            if m:
                out.append(m)
                i = m.end
        return out

    def may_start(self, keys: tuple[str, ...]) -> bool:
        """Whether a token with these keys may begin one of the phrases."""
        return not self.root.keys().isdisjoint(keys)

    def _may_start(self, keys: tuple[str, ...]) -> bool:
        if len(self._starts) >= MAX_REMEMBERED:
            self._starts.clear()
        may = self._starts[keys] = self.may_start(keys)
        return may

    def match_at(self, tokens: list[Token], keys: list[tuple[str, ...]], i: int, end: int | None = None) -> Match | None:
        """The longest match starting at token ``i``, or None. In a language whose keys strip clitics one after
        another, of the phrases matching the same tokens those read through the least stripped keys win:
        وبحثا is و + بحثا "discussed", not و + ب + حثا "urged"."""
        end = len(tokens) if end is None else end
        if self.lang.stripping_keys:
            return self._match_ranked(tokens, keys, i, end)
        # without ranked keys every reading costs the same: of the phrases ending at the same token, those reached
        # first (in the order of the tokens' keys) come first
        best: tuple[Entry, ...] | None = None      # the entries of the longest match so far, ending at best_end
        best_end = 0
        # the nodes reached so far, in the order first reached; a list searched by identity: it rarely holds
        # more than two or three nodes
        frontier: list[dict] = [self.root]
        j = i
        while frontier and j < end:
            nxt: list[dict] = []
            for node in frontier:
                for k in keys[j]:
                    child = node.get(k)
                    if child is None:
                        continue
                    for seen in nxt:
                        if seen is child:
                            break
                    else:
                        nxt.append(child)
            frontier = nxt
            j += 1
            for node in frontier:
                ok = self._ending(node, tokens, i)
                if ok:
                    if best is None or best_end < j:
                        best, best_end = ok, j
                    else:
                        best = best + tuple(e for e in ok if e not in best)
        return None if best is None else Match(i, best_end, best)

    def _ending(self, node: dict, tokens: list[Token], i: int) -> tuple[Entry, ...]:
        """The entries of the phrases that end at trie ``node`` and whose case rules the tokens from ``i`` meet."""
        bucket = node.get(_END)
        if bucket is None:
            return ()
        return bucket.free if bucket.free is not None else self._case_checked(bucket, tokens, i)

    def _case_checked(self, bucket: _Bucket, tokens: list[Token], i: int) -> tuple[Entry, ...]:
        """The entries of a bucket whose words' case rules the text's tokens from ``i`` meet."""
        case_ok = self.lang.case_ok
        return tuple(e for e, words, rules in bucket.items
                     if not any(rules)          # every word CASE_ANY: nothing to check
                     or all(case_ok(r, w, tokens[i + n].text) for n, (w, r) in enumerate(zip(words, rules))))

    def _match_ranked(self, tokens: list[Token], keys: list[tuple[str, ...]], i: int, end: int) -> Match | None:
        """``match_at`` where keys are ranked: a reading costs the rank of each key it goes through."""
        best: tuple[Entry, ...] | None = None      # the entries of the best match so far, ending at best_end
        best_end = best_cost = 0
        # the nodes reached so far with their cost, in the order first reached (a node reached again keeps
        # its cheapest cost)
        frontier: list[tuple[dict, int]] = [(self.root, 0)]
        j = i
        while frontier and j < end:
            nxt: list[tuple[dict, int]] = []
            for node, cost in frontier:
                for rank, k in enumerate(keys[j]):
                    child = node.get(k)          # no phrase is stored under an empty key
                    if child is None:
                        continue
                    c = cost + rank if not k.startswith(EXACT) else cost
                    for n, (seen, seen_cost) in enumerate(nxt):
                        if seen is child:
                            if c < seen_cost:
                                nxt[n] = (child, c)
                            break
                    else:
                        nxt.append((child, c))
            frontier = nxt
            j += 1
            nodes = sorted(frontier, key=_cost) if len(frontier) > 1 else frontier     # cheapest first
            for node, cost in nodes:
                ok = self._ending(node, tokens, i)
                if ok:
                    if best is None or best_end < j or cost < best_cost:
                        best, best_end, best_cost = ok, j, cost
                    elif best_end == j and cost == best_cost:
                        best = best + tuple(e for e in ok if e not in best)
        return None if best is None else Match(i, best_end, best)


class StartIndex:
    """Which of a language's gazetteers each token may begin a phrase in, as a mask of their bits
    (``Gazetteer.bit``): a sentence's tokens are looked up once for all the gazetteers run over it, where each
    gazetteer alone would hash every token's keys again. Answers are remembered per key tuple (bounded)."""

    def __init__(self, gazetteers: Iterable[Gazetteer]):
        self.gazetteers = tuple(gazetteers)
        for n, g in enumerate(self.gazetteers):
            g.bit = 1 << n
        self._masks: dict[tuple[str, ...], int] = {}

    def masks(self, keys: list[tuple[str, ...]]) -> list[int]:
        get = self._masks.get
        out = [get(k) for k in keys]
        if None in out:
            out = [self._mask(k) if m is None else m for m, k in zip(out, keys)]
        return out

    def _mask(self, keys: tuple[str, ...]) -> int:
        if len(self._masks) >= MAX_REMEMBERED:
            self._masks.clear()
        mask = self._masks[keys] = sum(g.bit for g in self.gazetteers if g.may_start(keys))
        return mask
