"""Arabic: orthographic normalisation, clitic stripping, nisba inflection.

Normalisation (per token, so offsets into the original text stay valid): diacritics, tatweel and ZWNJ removed;
alef variants (أ إ آ ٱ) → ا; alef maqsura ى → ي; teh marbuta ة → ه; hamza carriers ؤ → و, ئ → ي; Persian kaf/yeh
→ Arabic. Keys: a token also yields its forms without the proclitics و ف ب ل ك and the article ال / لل, so
that "والولايات" meets the lexicon's "الولايات".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from ...translit import capitalise, transliterate
from ..base import Language

# a preposition fused to a verbal noun of the taf'il pattern: بتسليط، لتعزيز، بتقديم
_PREPOSITION_VERBAL_NOUN = re.compile(r"^[بل]ت\w\wي\w$")
_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200c\u200d\u200e\u200f]")
_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
                        "ک": "ك", "ی": "ي", "ۀ": "ه", "ہ": "ه", "ڤ": "ف", "گ": "ك", "پ": "ب", "چ": "ج"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

CONJ = ("و", "ف")
PREP = ("ب", "ل", "ك")


def normalize(word: str) -> str:
    return _MARKS.sub("", word).translate(_TABLE).translate(_DIGITS)


_LIGHT = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه"})


def light(word: str) -> str:
    """A lighter normalisation than ``normalize``: ى stays apart from ي (على vs علي)."""
    return _MARKS.sub("", word.strip()).translate(_LIGHT)


def has_article(word: str) -> bool:
    """The definite article ال written with a bare alef (أل… as in ألماني, ألكسندر is not the article)."""
    bare = _MARKS.sub("", word)
    return bare.startswith("ال") and len(bare) > 3


def strip_article(w: str) -> str:
    if w.startswith("ال") and len(w) > 3:
        return w[2:]
    return w


ARTICLE_MARK = "~"     # keys of forms whose article was removed: "~دفاع" for الدفاع


@dataclass(frozen=True)
class Defaults(Language):
    code: str = "ar"
    data_dir: Path = field(default=Path(__file__).resolve().parent)
    abbreviations: frozenset[str] = frozenset()
    stripping_keys: bool = True
    adjective_after_noun: bool = True
    verb_first: bool = True
    glued_min: int = 14

    def norm(self, word: str) -> str:
        return normalize(word)

    def entry_keys(self, word: str, sensitive: bool = False) -> tuple[str, ...]:
        """A lexicon word matches with or without the article (وزير، الوزير) — unless ``sensitive``: names of
        states and places match only as written (مالي is Mali, المالي is "financial"; الجزائر needs its article)."""
        w = normalize(word)
        if sensitive:
            return (w,)
        base = w[2:] if has_article(word) else w
        return (base, ARTICLE_MARK + base)

    def token_keys(self, word: str) -> tuple[str, ...]:
        return _token_keys(word)

    @cached_property
    def surface_stopwords(self) -> frozenset[str]:
        """Stop words compared with ى kept apart from ي (على "on" is not the name علي)."""
        return frozenset(light(w) for w in (self.data_dir / "stopwords.txt").read_text(encoding="utf-8").split("\n")
                         if w.strip() and not w.startswith("#"))

    def is_stopword(self, word: str) -> bool:
        return light(word) in self.surface_stopwords

    def name_word_ok(self, word: str, first: bool) -> bool:
        """Names do not begin with the article (المجلس، المفرزة are nouns) nor with a preposition fused to a verbal
        noun (بتسليط), and carry no possessive suffix (وفدها) nor tanween (كثيرًا)."""
        bare = _MARKS.sub("", word)
        if bare[:1] == "و" and not first and (normalize(bare[1:]) in self.stopwords or
                                              normalize(bare) not in self.known_names):
            return False                     # "وقال", "وسكرتير" after a name start the next phrase
        if first and has_article(word):
            return False
        if "\u064b" in word:
            return False                     # tanween (كثيرًا، أيضاً): an adverb or indefinite noun, never a name
        w = normalize(word)
        if first and _PREPOSITION_VERBAL_NOUN.match(w) and w not in self.known_names:
            return False                     # بتسليط، لتعزيز: "by/for shedding, strengthening", not a name
        return not (len(w) > 4 and w.endswith(("ها", "هم", "هما", "كم")) and w not in self.known_names)

    def agrees(self, noun: str, adjective: str) -> bool:
        """An adjective after a definite noun carries the article too (الرئيس الروسي); "الرئيس جورجي إيفانوف" is
        a name, not "the Georgian president"."""
        return has_article(adjective) or not has_article(noun)

    def purpose_prefix(self, word: str) -> bool:
        """لـ fused to a verbal noun with its article (لتعزيز، للتفاوض) introduces a purpose."""
        w = _MARKS.sub("", word)
        return w.startswith("لل") or (w.startswith("ل") and len(w) > 4 and not w.startswith("لا"))

    def surface_keys(self, word: str) -> tuple[str, ...]:
        """As written, and without the conjunction or preposition fused to it — the article kept (والأحد، بالأمس
        meet =الأحد، =الأمس)."""
        return _surface_keys(word)

    def conjoined(self, word: str) -> bool:
        """و or ف fused to a word of more than two more letters (وحرية الصحافة "and press freedom")."""
        w = _MARKS.sub("", word)
        return w[:1] in CONJ and len(w) > 3

    def nominal(self, word: str) -> bool:
        """A verb form written with the article is a verbal noun (القصف "the shelling", not قصف "shelled")."""
        w = _MARKS.sub("", word)
        if w[:1] in CONJ and len(w) > 3:
            w = w[1:]
        if w[:1] in PREP and len(w) > 3 and w[1:3] == "ال":
            w = w[1:]
        return w.startswith("ال") or w.startswith("لل")

    def case_rule(self, word: str) -> int:
        return 0

    @cached_property
    def translit_table(self) -> dict[str, str]:
        """translit.tsv: letters (or letter pairs) → Latin, read once per process."""
        return {r["ar"]: r["lat"] for r in self.rows("translit.tsv")}

    def to_latin(self, name: str) -> str:
        """Known spellings first (names.tsv, longest phrase first: عبد الله → Abdullah), then letters."""
        table = self.translit_table
        known = self.known_names
        words = name.split()
        out = []
        i = 0
        while i < len(words):
            for n in (3, 2, 1):
                if i + n > len(words):
                    continue
                phrase = " ".join(normalize(w) for w in words[i:i + n])
                if phrase in known:
                    out.append(known[phrase])
                    i += n
                    break
            else:
                w = words[i]
                nw = normalize(w)
                if has_article(w):
                    rest = nw[2:]
                    out.append("al-" + (known.get(rest) or _latin(rest, table)))
                else:
                    out.append(_latin(nw, table))
                i += 1
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


@lru_cache(maxsize=200_000)
def _surface_keys(word: str) -> tuple[str, ...]:
    return tuple(k for k in _token_keys(word) if not k.startswith(ARTICLE_MARK))


@lru_cache(maxsize=200_000)
def _token_keys(word: str) -> tuple[str, ...]:
    """The token as written (normalised), then without the conjunctions و ف, the prepositions ب ل ك, and the
    article (those forms marked ~)."""
    w = normalize(word)
    out = [w]

    def add(x: str) -> None:
        if len(x) >= 2 and x not in out:
            out.append(x)

    bare = _MARKS.sub("", word)
    bases = [(w, bare)]
    if len(w) > 3 and w[0] in CONJ:
        bases.append((w[1:], bare[1:]))
    for b, raw in list(bases):
        if len(b) > 3 and b[0] in PREP and b[1] not in CONJ:     # لولا is not ل + ولا
            bases.append((b[1:], raw[1:]))
        if b.startswith("لل") and len(b) > 3:      # لل = ل + ال
            bases.append(("ال" + b[2:], "ال" + raw[2:]))
    for b, raw in bases:
        add(b)
        if raw.startswith("ال") and len(b) > 3:
            add(ARTICLE_MARK + b[2:])
    return tuple(out)
