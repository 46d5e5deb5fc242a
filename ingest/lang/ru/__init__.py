"""Russian: case folding (ё → е), lemmas from natasha's morphology (pymorphy dictionaries), and a light stemmer.

A lexicon word is stored under its lemma and its stem; a text token offers its surface form, the lemmas of its
likely parses and its stem — so России, Россией meet Россия; российской meets российский; провели meets провести.
Acronyms (США, РФ, ООН) are kept as they are. People's names are found and normalised with natasha.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import re

from ...translit import capitalise, transliterate
from ..base import Language

_REFLEXIVE = ("ся", "сь")
_ENDINGS = sorted("""
ыми ими его ого ему ому ая яя ое ее ие ые ой ей ий ый ую юю ом ем ым им ых их
ами ями иями ах ях иях ов ев ам ям иям ою ею ию ия ии ией ие ья ье ьи ью ь й
ать ять ить еть ыть уть ешь ет ем ете ут ют ит ите ат ят ал ала али ало ял яла яли яло ил ила или ило ел ела ели
а я о е ы и у ю
""".split(), key=len, reverse=True)


def stem(word: str) -> str:
    """Strip one inflectional ending (keeping at least three letters)."""
    w = word.casefold().replace("ё", "е")
    if len(w) <= 3 or not w.isalpha():
        return w
    for r in _REFLEXIVE:
        if w.endswith(r) and len(w) - 2 >= 4:
            w = w[:-2]
            break
    for e in _ENDINGS:
        if w.endswith(e) and len(w) - len(e) >= 3:
            return w[: -len(e)]
    return w


@lru_cache(maxsize=1)
def morph():
    """natasha's MorphVocab (pymorphy dictionaries shipped in the package), loaded once per process."""
    from natasha import MorphVocab
    return MorphVocab()


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> tuple[str, ...]:
    """Normal forms of the likely parses of ``word`` (at most three), most likely first."""
    out: list[str] = []
    for p in morph().parse(word)[:3]:
        nf = p.normal_form.replace("ё", "е")
        if nf not in out:
            out.append(nf)
    return tuple(out)


def is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


@dataclass(frozen=True)
class Defaults(Language):
    code: str = "ru"
    data_dir: Path = field(default=Path(__file__).resolve().parent)
    abbreviations: frozenset[str] = frozenset(
        "г. гг. т.е. т.д. т.п. др. пр. им. ул. см. млн. млрд. тыс. руб. долл. ген. адм. св. н.э. т.к. т.н. т.ч. стр.".split())

    def norm(self, word: str) -> str:
        return word.casefold().replace("ё", "е")

    def entry_keys(self, word: str) -> tuple[str, ...]:
        """Lower-case words: lemma and stem. Capitalised words (names): surface form, stem, and the lemma of a
        proper-name parse only (so that "Того" the state is not stored under "тот")."""
        n = self.norm(word)
        if is_acronym(word) or not word.isalpha():
            return (n,)
        if word[:1].isupper():
            keys = [n]
            for p in morph().parse(word)[:3]:
                if {"Geox", "Name", "Surn", "Orgn", "Patr"} & set(str(p.tag).replace(" ", ",").split(",")):
                    keys.append(p.normal_form.replace("ё", "е"))
                    break
        else:
            keys = [lemmas(word)[0] if lemmas(word) else n]
        s = stem(word)
        if len(s) >= 4:
            keys.append(s)
        return tuple(dict.fromkeys(keys))

    def token_keys(self, word: str) -> tuple[str, ...]:
        return _token_keys(word)

    def persons(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        return persons(text, start, end)

    def to_latin(self, name: str) -> str:
        table = {r["cyr"]: r["lat"] for r in self.rows("translit.tsv")}
        return " ".join(_latin_word(w, table, self.known_names) for w in name.split())


@lru_cache(maxsize=200_000)
def _token_keys(word: str) -> tuple[str, ...]:
    n = word.casefold().replace("ё", "е")
    if is_acronym(word) or not word.isalpha():
        return (n,)
    keys = [n]
    for k in lemmas(word) + (stem(word),):
        if k not in keys:
            keys.append(k)
    return tuple(keys)


@lru_cache(maxsize=1)
def _ner():
    """natasha's segmenter, news embeddings, NER and morphology taggers (models ship inside the packages)."""
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter
    emb = NewsEmbedding()
    return Segmenter(), NewsNERTagger(emb), NewsMorphTagger(emb)


def persons(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """People in text[start:end] by natasha, with names normalised to the nominative (Фомина → Фомин)."""
    from natasha import Doc as NDoc
    segmenter, ner, morph_tagger = _ner()
    chunk = text[start:end]
    doc = NDoc(chunk)
    doc.segment(segmenter)
    doc.tag_ner(ner)
    spans = [s for s in doc.spans if s.type == "PER"]
    if not spans:
        return []
    doc.tag_morph(morph_tagger)
    vocab = morph()
    out = []
    for s in spans:
        try:
            s.normalize(vocab)
            normal = s.normal or s.text
        except Exception:   # natasha's normaliser can fail on odd tokens; keep the text as written
            normal = s.text
        out.append((start + s.start, start + s.stop, normal))
    return out


def _latin_word(word: str, table: dict[str, str], known: dict[str, str]) -> str:
    w = word.casefold().replace("ё", "е") if "ё" not in word.casefold() else word.casefold()
    if w.replace("ё", "е") in known:
        return known[w.replace("ё", "е")]
    lat = transliterate(w, table)
    lat = re.sub(r"iy$", "y", lat)
    if w.startswith("е"):
        lat = "ye" + lat[1:]
    lat = re.sub(r"(?<=[aeiouy])e", "ye", lat) if False else lat
    return capitalise(lat)
