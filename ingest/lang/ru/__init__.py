"""Russian: case folding (ё → е), lemmas from natasha's morphology (pymorphy dictionaries), and a light stemmer.

A lexicon word is stored under its lemma and its stem; a text token offers its surface form, the lemmas of its
likely parses and its stem — so России, Россией meet Россия; российской meets российский; провели meets провести.
Acronyms (США, РФ, ООН) are kept as they are. People's names are found and normalised with natasha.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

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


def _natasha():
    """The natasha package, imported with OpenBLAS on one thread unless the environment asks for more.

    natasha's NER multiplies small matrices (one batch of sentences at a time), and OpenBLAS's idle worker
    threads spin after each product: on two cores that tripled the CPU time of a Russian article and went on
    burning CPU through the articles that followed, in any language. The setting only takes effect when numpy
    is first imported, which natasha does here unless something in the process imported it before."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import natasha
    return natasha


@lru_cache(maxsize=1)
def morph():
    """natasha's MorphVocab (pymorphy dictionaries shipped in the package), loaded once per process."""
    return _natasha().MorphVocab()


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> tuple[str, ...]:
    """Normal forms of the likely parses of ``word`` (at most three), most likely first."""
    out: list[str] = []
    try:
        parses = morph().parse(word)[:3]
    except (KeyError, ValueError):     # pymorphy fails on characters that have no Unicode name
        return (word.lower(),)
    for p in parses:
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

    def entry_keys(self, word: str, sensitive: bool = False) -> tuple[str, ...]:
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
            first = morph().parse(word)[0]
            if first.tag.POS == "ADJF" and not {"Apro", "Anum"} & set(str(first.tag).replace(" ", ",").split(",")):
                # the adjective of a name in any case: Южная Корея → Южной Корее (not a pronoun: Того is no тот)
                keys.append(first.normal_form.replace("ё", "е"))
        else:
            keys = [lemmas(word)[0] if lemmas(word) else n]
        s = stem(word)
        if len(s) >= 4:
            keys.append(s)
        return tuple(dict.fromkeys(keys))

    def token_keys(self, word: str) -> tuple[str, ...]:
        return _token_keys(word)

    def nominal(self, word: str) -> bool:
        """A full participle ("предложенный план", "принятого решения") describes; it is not the act."""
        return _pos(word) == "PRTF"

    def infinitive(self, word: str) -> bool:
        return _pos(word) == "INFN"

    def future_tense(self, word: str) -> bool:
        return _future(word)

    def persons(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        return persons(text, spans)

    @cached_property
    def translit_table(self) -> dict[str, str]:
        """translit.tsv: letters (or letter pairs) → Latin, read once per process."""
        return {r["cyr"]: r["lat"] for r in self.rows("translit.tsv")}

    def to_latin(self, name: str) -> str:
        table = self.translit_table
        name = _GLUED_INITIAL.sub(" ", name)          # "М.Ю.Галузин" → "М. Ю. Галузин" → "M. Yu. Galuzin"
        return " ".join(_latin_word(w, table, self.known_names) for w in name.split())


_GLUED_INITIAL = re.compile(r"(?<=\b[А-ЯЁ]\.)(?=[А-ЯЁ])")


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
    """natasha's news NER tagger (its model and embeddings ship inside the packages), loaded once per process."""
    natasha = _natasha()
    return natasha.NewsNERTagger(natasha.NewsEmbedding())


def persons(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """People in the given spans of ``text`` by natasha's NER, names in the nominative (Фомина → Фомин).

    Only the sentences asked for are tagged (the extractor asks for those with a title in them): NER is the
    costliest step of Russian extraction.
    """
    if not spans:
        return []
    tagger = _ner()
    out = []
    for (start, end), markup in zip(spans, tagger.map([text[s:e] for s, e in spans])):
        for span in markup.spans:
            if span.type == "PER":
                s, e = start + span.start, start + span.stop
                out.append((s, e, nominative(text[s:e], _known_names())))
    return out


@lru_cache(maxsize=1)
def _known_names() -> tuple[str, ...]:
    from ..base import read_rows
    rows = read_rows(Path(__file__).resolve().parent / "names.tsv")
    return tuple(sorted({r["native"] for r in rows if r.get("native")}, key=len, reverse=True))


_NAME_TAGS = {"Name", "Surn", "Patr"}


# A man's surname in -ов/-ев/-ин/-ын in the oblique cases (Заева, Заеву, Заевым, Заеве → Заев): the dictionary
# often reads an unknown one as something else (заев "having eaten", Заева a woman's name)
_MALE_SURNAME = re.compile(r"^(?P<stem>.+(?:ов|ев|ёв|ин|ын))(?:а|у|ым|е)?$")


@lru_cache(maxsize=50_000)
def _nominative_word(word: str, gender: str | None) -> tuple[str, str | None]:
    try:
        parses = morph().parse(word)
    except (KeyError, ValueError):
        return word.lower(), None
    if gender in ("masc", None) and not any("Surn" in str(p.tag) for p in parses):
        m = _MALE_SURNAME.match(word.lower())
        if m and len(m["stem"]) >= 4 and (gender == "masc" or m["stem"] == word.lower()):
            return m["stem"], "masc"           # Заева (after Зорана), Заев
    if parses and word[-1:].lower() in "иуоеюэ" and not _known_word(parses[0]):
        return word.lower(), None        # a foreign name the dictionary does not know is not declined (Мусси)
    named = [p for p in parses if _NAME_TAGS & set(str(p.tag).replace(" ", ",").split(","))] or parses
    for p in named:
        if gender and p.tag.gender and p.tag.gender != gender and "ms-f" not in str(p.tag):
            continue
        for form in p.lexeme:
            tag = str(form.tag)
            if "nomn" in tag and "sing" in tag and (not gender or form.tag.gender in (gender, None) or "ms-f" in tag):
                return form.word, p.tag.gender
    return word.lower(), None


_CASE_ENDINGS = ("а", "у", "ом", "ем", "е", "ой", "ей", "ою", "ы", "и", "ю", "я", "ым", "им", "ого", "его", "ому",
                 "ему", "ую", "юю", "ой")


def _known_form(word: str, known: tuple[str, ...]) -> str | None:
    """A names.tsv name this word is a form of: the same word, or a name of four letters or more followed by a
    case ending (Самехом → Самех). The longest such name wins (of equals, the first in ``known``)."""
    index = _known_index(known)
    w = word.lower().replace("ё", "е")
    if w in index:
        return index[w][1]
    found = [index[w[:-len(e)]] for e in _CASE_ENDINGS if w.endswith(e) and len(w) - len(e) >= 4 and w[:-len(e)] in index]
    return min(found)[1] if found else None


@lru_cache(maxsize=4)
def _known_index(known: tuple[str, ...]) -> dict[str, tuple[int, str]]:
    """The names of ``known`` by lower-case form (ё as е): (position of the first with that form, the name)."""
    index: dict[str, tuple[int, str]] = {}
    for n, k in enumerate(known):
        index.setdefault(k.lower().replace("ё", "е"), (n, k))
    return index


def nominative(name: str, known: tuple[str, ...] = ()) -> str:
    """A person's name in the nominative, gender taken from the first name: "Марии Захаровой" → "Мария Захарова".
    A name of names.tsv wins when the word is one of its case forms (Самехом → Самех). Initials glued to the
    surname come apart: "М.Ю.Галузин" → "М. Ю. Галузин"."""
    words = _GLUED_INITIAL.sub(" ", name).split()
    out = []
    gender = None
    for w in words:
        k = _known_form(w, known) if "-" not in w and w[:1].isupper() else None
        if k is not None:
            out.append(k)
            continue
        parts = []
        for part in w.split("-"):
            nom, g = _nominative_word(part, gender)
            gender = gender or g
            parts.append(nom[:1].upper() + nom[1:] if part[:1].isupper() else nom)
        out.append("-".join(parts))
    return " ".join(out)


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


@lru_cache(maxsize=50_000)
def _pos(word: str) -> str | None:
    try:
        parses = morph().parse(word)
    except (KeyError, ValueError):
        return None
    return parses[0].tag.POS if parses else None


@lru_cache(maxsize=50_000)
def _future(word: str) -> bool:
    """A finite verb in the future tense by its most likely reading (проведут, встретятся; not провели)."""
    try:
        parses = morph().parse(word.lower())
    except (KeyError, ValueError):
        return False
    return bool(parses) and parses[0].tag.POS == "VERB" and parses[0].tag.tense == "futr"


def _known_word(parse) -> bool:
    """Whether pymorphy found the word in its dictionary rather than guessing from its ending."""
    return any(type(step[0]).__name__ == "DictionaryAnalyzer" for step in getattr(parse, "methods_stack", ()))
