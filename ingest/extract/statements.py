"""Statements: quoted words (in the original language) with their speaker and the event they belong to.

Quotes are «…», “…”, „…“, "…" of at least three words. The speaker is an official mentioned in the sentence outside
the quote; failing that, when the sentence attributes the quote without a name ("he added", "وأضاف", "добавил"),
the last speaker of the article.
"""
from __future__ import annotations

import re

from ..model import Event, Mention, Statement
from .doc import Doc
from .people import PersonMention

_QUOTES = re.compile(r"«([^«»]{3,}?)»|“([^“”]{3,}?)”|„([^„“”]{3,}?)[“”]|\"([^\"\n]{3,}?)\"")


def find(doc: Doc, people: list[PersonMention], events: list[Event]) -> list[Statement]:
    text = doc.article.text
    out: list[Statement] = []
    last_speaker = None
    by_sent: dict[int, list[PersonMention]] = {}
    for pm in people:
        by_sent.setdefault(pm.sent.index, []).append(pm)
    for sent in doc.sents:
        for q in _QUOTES.finditer(text, sent.start, sent.end):
            g = next(i for i in range(1, 5) if q.group(i) is not None)
            start, end = q.start(g), q.end(g)
            quote = text[start:end]
            if len(quote.split()) < 3:
                continue
            speakers = [pm for pm in by_sent.get(sent.index, [])
                        if not (start <= pm.sent.tokens[pm.start].start < end)]
            speaker = None
            if speakers:
                speaker = min(speakers, key=lambda pm: abs(pm.sent.tokens[pm.start].start - start)).official
            elif any(e.value == "SAY" for m in sent.cues for e in m.entries) and last_speaker is not None:
                speaker = last_speaker
            if speaker is not None:
                last_speaker = speaker
            ev = None
            for n, e in enumerate(events):
                if sent.index in e.sentences:
                    ev = n
                    break
            out.append(Statement(quote=quote, mention=Mention(start, end, quote, sent.index),
                                 speaker=speaker.name if speaker else None,
                                 speaker_state=speaker.state if speaker else None, event=ev))
        # a named person speaking without quotes still becomes the last speaker
        if by_sent.get(sent.index):
            last_speaker = by_sent[sent.index][-1].official
    return out
