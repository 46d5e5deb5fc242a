"""English: case folding; verb and noun inflection generated for lexicon entries; case rules for names."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..base import Language, read_rows

_VOWELS = "aeiou"


def _verb_forms(v: str, irregular: dict[str, list[str]]) -> list[str]:
    if v in irregular:
        return [v] + irregular[v]
    if v.endswith("e"):
        return [v, v + "s", v + "d", v[:-1] + "ing"]
    if v.endswith("y") and len(v) > 2 and v[-2] not in _VOWELS:
        return [v, v[:-1] + "ies", v[:-1] + "ied", v + "ing"]
    if v.endswith(("s", "sh", "ch", "x", "z")):
        return [v, v + "es", v + "ed", v + "ing"]
    if (len(v) >= 3 and v[-1] not in _VOWELS + "wxy" and v[-2] in _VOWELS and v[-3] not in _VOWELS
            and len(v) <= 4):   # stop → stopped, ban → banned (short words only)
        return [v, v + "s", v + v[-1] + "ed", v + v[-1] + "ing"]
    if len(v) > 4 and v[-1] not in _VOWELS + "wxy" and v[-2] in _VOWELS and v[-3] not in _VOWELS:
        # the consonant doubles when the last syllable is stressed (expel → expelled, cancel → cancelled in
        # British spelling) but not otherwise (visit → visited): both spellings, the wrong one never occurs
        return [v, v + "s", v + "ed", v + "ing", v + v[-1] + "ed", v + v[-1] + "ing"]
    return [v, v + "s", v + "ed", v + "ing"]


def _noun_forms(n: str) -> list[str]:
    if n.endswith(("s", "sh", "ch", "x", "z")):
        return [n, n + "es"]
    if n.endswith("y") and len(n) > 2 and n[-2] not in _VOWELS:
        return [n, n[:-1] + "ies"]
    return [n, n + "s"]


@dataclass(frozen=True)
class Defaults(Language):
    code: str = "en"
    data_dir: Path = field(default=Path(__file__).resolve().parent)
    abbreviations: frozenset[str] = frozenset(
        "mr. mrs. ms. dr. gen. lt. col. maj. capt. sgt. adm. gov. sen. rep. st. jr. sr. prof. rev. no. vs. "
        "jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. inc. corp. co. ltd. e.g. i.e. etc.".split())

    @property
    def sentence_openers(self) -> frozenset[str]:
        return self.stopwords      # "The", "It", "But": the words that end a name begin a sentence

    def participle(self, word: str) -> bool:
        return len(word) > 5 and word.lower().endswith("ing")

    def plural_noun(self, word: str) -> bool:
        """"allies", "officials", "rebels", "forces": a plural in -s ("various", "previous", "business" are not)."""
        w = word.lower()
        return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ys")) and w.isalpha()

    def forms(self, phrase: str, kind: str) -> list[str]:
        """``kind`` "verb": inflect the first word (sign an agreement → signs/signed/signing an agreement);
        "noun": plural of the last word."""
        words = phrase.split()
        if kind in ("verb", "verb-inflected"):
            irregular = {r["verb"]: r["forms"].split("|") for r in read_rows(self.data_dir / "irregular_verbs.tsv")}
            forms = _verb_forms(words[0], irregular)
            if kind == "verb-inflected":
                forms = forms[1:]          # the base form is as often a noun ("a visit", "the attack")
            return [" ".join([f] + words[1:]) for f in forms]
        if kind == "noun":
            return [" ".join(words[:-1] + [f]) for f in _noun_forms(words[-1])]
        return [phrase]
