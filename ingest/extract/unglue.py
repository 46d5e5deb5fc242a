"""Words run together: text that lost its spaces ("التقىبومبيومعكيمجونغأون") cut back into words.

Web pages and PDF exports of Arabic news sometimes drop the spaces between words (a right-to-left rendering or
zero-width-joiner mishap); a whole line is then one token and nothing in it is read. A language that can suffer
this sets ``glued_min`` (the length from which a token is suspect). A suspect token unknown as a whole is cut at
the places that leave the fewest letters outside known words, the fewest pieces first among equals: known words
are those of the language's lexicons (states, places, cues, titles, names, stop words, word classes) and of
``common.txt``, and the words the same article writes apart elsewhere. The cut is kept only when most of the
token is then known; the pieces keep their offsets into the text as written.
"""
from __future__ import annotations

from ..text import Token

MAX_WORD = 16           # the longest piece tried (letters and marks)
UNKNOWN_SHARE = 0.3     # a cut leaving more of the token unknown than this is not kept
MAX_GLUED = 400         # longer tokens are left alone (a data blob, not a line: the cut is quadratic in it)
SURE_MIN = 17           # tokens this long are no single word; shorter suspects are cut only into known words
_PRONOUNS = ("هما", "ها", "هم", "ه", "نا", "كم")


def _is_mark(ch: str) -> bool:
    return "\u064b" <= ch <= "\u065f" or ch in "\u0670\u0640"


class Unglue:
    """Cuts the run-together tokens of one article. ``vocabulary``: normal forms of known words (see
    ``vocabulary``); ``article_words``: the normal forms the article writes as words of their own."""

    def __init__(self, lang, vocabulary: frozenset[str], article_words: frozenset[str] = frozenset()):
        self.lang = lang
        self.vocabulary = vocabulary
        self.article_words = article_words
        self._short = frozenset(w for w in lang.stopwords if len(w) == 2)     # في، من، مع …

    def known(self, piece: str) -> int:
        """0 for an unknown piece; 1 for a known word as written (with or without the article); 2 for one known
        only without a fused conjunction, preposition or pronoun suffix (كبومبيو, ومعكم: less likely cuts)."""
        plain = self.lang.norm(piece)
        for key in self.lang.token_keys(piece):
            k = key.lstrip("=~")
            rank = 1 if (k == plain or key.startswith("~")) else 2
            if len(k) >= 3 and (k in self.vocabulary or k in self.article_words):
                return rank
            if len(k) == 2 and k in self._short and len(plain) == 2:
                return 1         # في، من، مع … only standing alone
        for key in self.lang.token_keys(piece):
            k = key.lstrip("=~")
            for suffix in _PRONOUNS:
                if k.endswith(suffix) and len(k) - len(suffix) >= 3 and k[:-len(suffix)] in self.vocabulary:
                    return 2
        return 0

    def split(self, tok: Token) -> list[Token] | None:
        """The pieces of a run-together token, or None to keep it whole."""
        word = tok.text
        letters = sum(1 for ch in word if not _is_mark(ch))
        if letters < self.lang.glued_min or len(word) > MAX_GLUED or word.isascii() or self.known(word):
            return None          # (a Latin word, a number or a blob of a page is no line of this script)
        n = len(word)
        inf = float("inf")
        # up to each position: (unknown letters, pieces, pieces known only with a clitic taken off)
        best: list[tuple[float, int, int]] = [(inf, 0, 0)] * (n + 1)
        back: list[tuple[int, bool]] = [(0, False)] * (n + 1)
        best[0] = (0, 0, 0)
        for i in range(n):
            if best[i][0] == inf or (i and _is_mark(word[i])):
                continue
            for j in range(i + 1, min(n, i + MAX_WORD) + 1):
                if j < n and _is_mark(word[j]):
                    continue                 # a mark stays with its letter
                piece = word[i:j]
                rank = self.known(piece)
                # (an unknown stretch costs its letters and two more: cutting it into crumbs around short known
                # words gains nothing)
                unknown = 0 if rank else sum(1 for ch in piece if not _is_mark(ch)) + 2
                cost = (best[i][0] + unknown, best[i][1] + 1, best[i][2] + (rank == 2))
                ok = bool(rank)
                if cost < best[j]:
                    best[j] = cost
                    back[j] = (i, ok)
        cuts = self._cuts(back, n)
        unknown = sum(j - i for i, j, ok in cuts if not ok)
        if len(cuts) < 2 or unknown > UNKNOWN_SHARE * letters:
            return None
        if letters < SURE_MIN and (unknown or any(j - i < 3 and not self.known(word[i:j]) for i, j, _ in cuts)):
            return None          # a long word of its own (والبتروكيماويات) unless every piece is a known word
        return [Token(tok.start + i, tok.start + j, word[i:j], tok.sentence) for i, j, _ in cuts]

    @staticmethod
    def _cuts(back: list[tuple[int, bool]], n: int) -> list[tuple[int, int, bool]]:
        cuts = []
        j = n
        while j > 0:
            i, ok = back[j]
            cuts.append((i, j, ok))
            j = i
        return cuts[::-1]

    def tokens(self, toks: list[Token]) -> list[Token]:
        out: list[Token] = []
        for tok in toks:
            parts = self.split(tok) if len(tok.text) >= self.lang.glued_min else None
            out.extend(parts or (tok,))
        return out


def suspect(lang, toks: list[Token]) -> bool:
    """Whether any token is long enough to be words run together (cheap: lengths only)."""
    return bool(lang.glued_min) and any(len(t.text) >= lang.glued_min for t in toks)


def article_words(lang, text: str) -> frozenset[str]:
    """The normal forms of the short words (three to seven letters) an article writes apart: longer tokens of a
    text that lost spaces may be words run together themselves."""
    from ..text import tokenize
    return frozenset(lang.norm(t.text) for t in tokenize(text) if 3 <= len(t.text) <= 7 and t.is_word)


def vocabulary(lex) -> frozenset[str]:
    """Every word of the language's lexicons: the keys of its gazetteers' tries (each phrase's words), its name
    words, word classes, stop words and ``common.txt`` (frequent words of news, written for this purpose)."""
    lang = lex.lang
    words: set[str] = set()
    for g in (lex.entities, lex.titles, lex.cues, lex.topics, lex.dates, lex.orgwords, lex.people):
        stack = [g.root]
        while stack:
            node = stack.pop()
            for key, child in node.items():
                if key is None:
                    continue
                k = key.lstrip("=~")
                if len(k) >= 2:
                    words.add(k)
                stack.append(child)
    for name in lex.names:
        words.update(lang.norm(w) for w in name.split())
    for cls in lex.word_classes.values():
        for phrase in cls:
            words.update(phrase.split())
    words.update(lang.stopwords)
    words.update(lang.words("common.txt"))
    return frozenset(w for w in words if len(w) >= 2)
