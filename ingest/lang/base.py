"""What every language module provides: normalisation, lexicon keys, and its data files.

A language is data plus a few small functions, the way spaCy keeps ``spacy/lang/<code>/``: the extraction engine
never branches on the language code; it asks the language for keys, inflected forms and lexicons.
"""
from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

# how a lexicon token constrains the case of the text token it matches
CASE_ANY, CASE_TITLE, CASE_EXACT = 0, 1, 2


def read_rows(path: Path) -> list[dict[str, str]]:
    """TSV rows (header line first; '#' lines and blank lines ignored). Missing file: no rows."""
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in
            csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def read_words(path: Path) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    with open(path, encoding="utf-8") as fh:
        return frozenset(w.strip() for w in fh if w.strip() and not w.startswith("#"))


@dataclass(frozen=True)
class Language:
    """Base language: case-folded tokens as keys. Subclasses override ``norm``, ``token_keys`` and ``forms``."""

    code: str
    data_dir: Path
    abbreviations: frozenset[str] = field(default_factory=frozenset)
    # token_keys strip more with each key (clitics, then the article): of the phrases matching the same tokens,
    # those read through the least stripped keys win
    stripping_keys: bool = False
    # adjectives follow the noun they qualify (الأزمة السورية) rather than precede it (the Syrian crisis)
    adjective_after_noun: bool = False
    # the subject may follow its verb (بحث الجانبان الوضع): what follows a verb is not only its object
    verb_first: bool = False
    # tokens of this many characters or more may be words run together (text that lost its spaces): 0, never
    glued_min: int = 0

    # --- normalisation -------------------------------------------------------------------------------
    def norm(self, word: str) -> str:
        """Surface normalisation used for comparing words (case, compatibility forms)."""
        return unicodedata.normalize("NFKC", word).casefold()

    def entry_keys(self, word: str, sensitive: bool = False) -> tuple[str, ...]:
        """The keys under which a lexicon word is stored (a phrase is stored under every combination).
        ``sensitive``: the word is a name that must match as written (no article stripping)."""
        return (self.norm(word),)

    def is_stopword(self, word: str) -> bool:
        return self.norm(word) in self.stopwords

    def name_word_ok(self, word: str, first: bool) -> bool:
        """Whether a word can be part of a person's name found after a title (languages add their rules)."""
        return True

    def agrees(self, noun: str, adjective: str) -> bool:
        """Whether ``adjective`` can qualify ``noun`` right before it (Arabic: definiteness must agree)."""
        return True

    def infinitive(self, word: str) -> bool:
        """Whether a cue word is an infinitive (the content of a verb before it); languages override."""
        return False

    def future_tense(self, word: str) -> bool:
        """Whether a verb form is itself in the future tense (Russian perfective проведут, подпишут), where the
        language marks the future in the verb rather than with a separate word; languages override."""
        return False

    def purpose_prefix(self, word: str) -> bool:
        """Whether a cue word carries a fused "in order to" (Arabic لـ + verbal noun)."""
        return False

    def conjoined(self, word: str) -> bool:
        """Whether a word carries a fused conjunction ("and"), so that it begins a new item of a list (Arabic
        وحرية); languages override."""
        return False

    def nominal(self, word: str) -> bool:
        """Whether a cue word is written as a noun (e.g. with an article); languages override."""
        return False

    def participle(self, word: str) -> bool:
        """Whether a cue word is an active participle ("a declaration demanding that ..."): a verb even after a
        noun; languages override."""
        return False

    def plural_noun(self, word: str) -> bool:
        """Whether a word between a determiner and a cue is a plural noun, the cue's subject ("its allies
        demanded"), not an adjective of a nominal cue ("a ceremonial welcome"); languages override."""
        return False

    def token_keys(self, word: str) -> tuple[str, ...]:
        """Candidate keys of a text token (the first is its plain normal form)."""
        return (self.norm(word),)

    def surface_keys(self, word: str) -> tuple[str, ...]:
        """The forms of a text token that "=" (surface-only) lexicon phrases may match: the word as written."""
        return (self.norm(word),)

    def case_rule(self, word: str) -> int:
        """How a lexicon word constrains the case of text tokens: acronyms exact, capitalised words title."""
        letters = [c for c in word if c.isalpha()]
        if not letters:
            return CASE_ANY
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return CASE_EXACT
        if letters[0].isupper():
            return CASE_TITLE
        return CASE_ANY

    @staticmethod
    def case_ok(rule: int, lexicon_word: str, text_word: str) -> bool:
        if rule == CASE_ANY:
            return True
        if rule == CASE_TITLE:
            return text_word[:1].isupper()
        return text_word.replace(".", "") == lexicon_word.replace(".", "")

    # --- inflection of lexicon entries -------------------------------------------------------------------
    def forms(self, phrase: str, kind: str) -> list[str]:
        """Surface forms of a lexicon phrase of a given kind ("name", "adj", "people", "verb" ...)."""
        return [phrase]

    # --- data --------------------------------------------------------------------------------------------
    def rows(self, name: str) -> list[dict[str, str]]:
        return read_rows(self.data_dir / name)

    def words(self, name: str) -> frozenset[str]:
        return frozenset(self.norm(w) for w in read_words(self.data_dir / name))

    @cached_property
    def stopwords(self) -> frozenset[str]:
        return self.words("stopwords.txt")

    @property
    def sentence_openers(self) -> frozenset[str]:
        """Words that begin a sentence after an initialism's full stop ("... the U.S. The ..."); empty where
        the script has no initialisms of capitals with stops; languages override."""
        return frozenset()

    @cached_property
    def known_names(self) -> dict[str, str]:
        """names.tsv: a name word as written in this language → its usual Latin spelling."""
        return {self.norm(r["native"]): r["latin"] for r in self.rows("names.tsv")}

    def to_latin(self, name: str) -> str:
        """A person's name in Latin script (the usual English spelling where known)."""
        return " ".join(w for w in name.split())

    def persons(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """(start, end, normalised name) of people in the given character spans of ``text``, found by a
        statistical recogniser where the language has one."""
        return []
