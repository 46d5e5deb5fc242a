"""Arabic: orthographic normalisation, clitic stripping, nisba inflection.

Normalisation (per token, so offsets into the original text stay valid): diacritics, tatweel and ZWNJ removed;
alef variants (أ إ آ ٱ) → ا; alef maqsura ى → ي; teh marbuta ة → ه; hamza carriers ؤ → و, ئ → ي; Persian kaf/yeh
→ Arabic. Keys: a token also yields its forms without the proclitics و ف ب ل ك and the article ال / لل, so
that "والولايات" meets the lexicon's "الولايات".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ...translit import capitalise, transliterate
from ..base import Language

_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200c\u200d\u200e\u200f]")
_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
                        "ک": "ك", "ی": "ي", "ۀ": "ه", "ہ": "ه", "ڤ": "ف", "گ": "ك", "پ": "ب", "چ": "ج"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

CONJ = ("و", "ف")
PREP = ("ب", "ل", "ك")


def normalize(word: str) -> str:
    return _MARKS.sub("", word).translate(_TABLE).translate(_DIGITS)


def strip_article(w: str) -> str:
    if w.startswith("ال") and len(w) > 3:
        return w[2:]
    return w


@dataclass(frozen=True)
class Defaults(Language):
    code: str = "ar"
    data_dir: Path = field(default=Path(__file__).resolve().parent)
    abbreviations: frozenset[str] = frozenset()

    def norm(self, word: str) -> str:
        return normalize(word)

    def entry_keys(self, word: str) -> tuple[str, ...]:
        return (strip_article(normalize(word)),)

    def token_keys(self, word: str) -> tuple[str, ...]:
        w = normalize(word)
        out = [w]

        def add(x: str) -> None:
            if len(x) >= 2 and x not in out:
                out.append(x)

        bases = [w]
        if len(w) > 3 and w[0] in CONJ:
            bases.append(w[1:])
        for b in list(bases):
            if len(b) > 3 and b[0] in PREP:
                bases.append(b[1:])
            if b.startswith("لل") and len(b) > 3:      # لل = ل + ال
                bases.append("ال" + b[2:])
        for b in bases:
            add(b)
            add(strip_article(b))
        return tuple(out)

    def case_rule(self, word: str) -> int:
        return 0

    def to_latin(self, name: str) -> str:
        table = {r["ar"]: r["lat"] for r in self.rows("translit.tsv")}
        known = self.known_names
        words = name.split()
        out = []
        for n, w in enumerate(words):
            nw = normalize(w)
            if nw in known:
                out.append(known[nw])
                continue
            if _MARKS.sub("", w).startswith("ال") and len(nw) > 3:     # the article (bare alef), not أل…
                rest = nw[2:]
                out.append("al-" + (known.get(rest) or _latin(rest, table)))
                continue
            out.append(_latin(nw, table))
        return " ".join(capitalise(w) if not w.startswith("al-") else w for w in out)

    def fused_preposition(self, word: str, names: list[str]) -> bool:
        """Whether ``word`` is one of ``names`` with a preposition fused to it (بموسكو، لإسلام، بالقاهرة)."""
        w = normalize(word)
        if w[:1] in CONJ and len(w) > 3:
            w = w[1:]
        for name in map(normalize, names):
            for prep in ("ب", "ل"):
                if w == prep + name:
                    return True
                if name.startswith("ال") and w in (prep + name, "لل" + name[2:]):
                    return True
        return False

    def forms(self, phrase: str, kind: str) -> list[str]:
        """Nisba adjectives: masculine, feminine, dual and plural forms (روسي → روسية، روسيان، روسيين، روسيون)."""
        if kind != "adj":
            return [phrase]
        words = phrase.split()
        head, rest = words[-1], words[:-1]
        forms = [head, head + "ة", head + "ان", head + "ين", head + "ون", head + "تان", head + "تين"]
        return [" ".join(rest + [f]) for f in forms]


_CONS = set("بتثجحخدذرزسشصضطظعغفقكلمنهءة")


def _latin(word: str, table: dict[str, str]) -> str:
    """Letters to Latin; و and ي read as vowels (o, i) between consonants, ا as a; ة at the end as a."""
    out = []
    for i, ch in enumerate(word):
        prev = word[i - 1] if i else ""
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if ch == "و" and i > 0 and prev in _CONS and (nxt in _CONS or not nxt):
            out.append("o" if nxt else "u")
        elif ch == "ي" and i > 0 and prev in _CONS and (nxt in _CONS or not nxt):
            out.append("i")
        elif ch == "ي" and i == 0:
            out.append("y")
        else:
            out.append(transliterate(ch, table))
    return capitalise("".join(out)) if out else word
