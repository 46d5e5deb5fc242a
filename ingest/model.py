"""The data that flows through ingest: articles, mentions, and what is extracted from them.

Plain dataclasses, no behaviour beyond small helpers, so that every stage (readers, extract, resolve, to_rdf,
the JSON Lines contract) shares one vocabulary.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field


def content_id(text: str) -> str:
    """An article's identity: the SHA-256 of its NFC-normalised text (first 32 hex digits)."""
    norm = unicodedata.normalize("NFC", text).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Article:
    """One news article. ``text`` is what character offsets refer to (headline included when known)."""

    id: str
    text: str
    lang: str                      # "ar" | "ru" | "en"
    title: str | None = None
    published: str | None = None   # ISO date "YYYY-MM-DD" (or full ISO datetime), None when unknown
    source: str | None = None      # the credited agency (e.g. "Novosti", "TASS")
    publisher: str | None = None   # the outlet that published it
    url: str | None = None
    path: str | None = None        # where it was read from (file path, feed URL#entry, file.jsonl:line)
    body_start: int = 0            # offset of the body in ``text`` (after headline and date line)
    body_end: int | None = None    # offset where trailing credit lines begin

    @staticmethod
    def make(text: str, lang: str, **kw) -> "Article":
        text = unicodedata.normalize("NFC", text)
        return Article(id=content_id(text), text=text, lang=lang, **kw)

    @property
    def published_date(self) -> str | None:
        return self.published[:10] if self.published else None


@dataclass(frozen=True)
class Mention:
    """A span of the article's original text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str
    sentence: int = 0


@dataclass
class StateRef:
    code: str                              # ISO 3166-1 alpha-2 (or our own code for e.g. Kosovo "XK")
    mentions: list[Mention] = field(default_factory=list)
    as_topic: bool = False                 # "the situation in Afghanistan": the state is a subject of discussion


@dataclass
class Official:
    name: str                              # Latin-script name (usual English spelling)
    state: str | None = None               # ISO code of the state the post belongs to
    position: str | None = None            # English, e.g. "Deputy Minister of Defence"
    role: str | None = None                # role concept id, e.g. "deputy-minister"
    portfolio: str | None = None           # portfolio id, e.g. "defence"
    native: str | None = None              # the name as written (normalised), original script
    lang: str | None = None                # language of ``native``
    key: str | None = None                 # cross-script name key
    known: bool = False                    # the Latin name is a known spelling (reference table), not a transliteration
    org: str | None = None                 # the organisation of the post, for officials of international bodies
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Organization:
    id: str                                # our id (slug), e.g. "sco" or "committee-ru-pk-military-consultative"
    name: str                              # English name
    acronym: str | None = None
    native: str | None = None
    kind: str = "igo"                      # igo | alliance | committee | company | armed-group | party | state-body | other
    state: str | None = None               # the state a state body belongs to
    states: tuple[str, ...] = ()           # states of a bilateral commission
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Place:
    id: str                                # slug, e.g. "islamabad"
    name: str                              # English name
    state: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Statement:
    quote: str                             # the quoted words, original language
    mention: Mention                       # where the quote is
    speaker: str | None = None             # Official.name of the speaker
    speaker_state: str | None = None
    event: int | None = None               # index into Extraction.events


@dataclass
class Event:
    type: str                              # one of the 16 PLOVER types
    context: str = "diplomatic"            # diplomatic | military | economic | other
    states: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)        # Official.name
    organizations: list[str] = field(default_factory=list)  # Organization.id
    date: str | None = None                # ISO date, possibly partial ("2021-09")
    place: str | None = None               # Place.id
    topics: list[str] = field(default_factory=list)        # topic ids (or "state:XX")
    mentions: list[Mention] = field(default_factory=list)  # the cue words / sentences that attest it
    sentences: list[int] = field(default_factory=list)
    confidence: float = 0.5
    meeting: bool = False                  # CONSULT that is a meeting (talks, visit, session)


@dataclass
class Extraction:
    """Everything read from one article."""

    article: Article
    states: list[StateRef] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)        # topic ids, and "state:XX" for states as topics
    unnamed: list[Official] = field(default_factory=list)  # posts named without a person ("Pakistan's foreign
                                                           # minister said"): resolved to the holder at that date
    dates: list[tuple[str, Mention]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each sentence
