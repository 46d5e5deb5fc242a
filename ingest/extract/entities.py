"""States, places and organisations in each sentence, with the role each mention plays.

A state is mentioned by its name, an adjective or demonym (Russian, الروسية, российский), its people, a compound
prefix (Sino-, российско-), a seat of government (the Kremlin) or its capital used for the government
("Moscow and Islamabad agreed"). A capital after a locative word ("in Islamabad", "في إسلام أباد", "в Москве"), in a
dateline, or after "capital" is a place. A state after a subject frame ("the situation in Afghanistan", "الوضع في
أفغانستان", "ситуация в Афганистане") is a subject of discussion, not a participant.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ontology import refdata

from .doc import Doc, Sent
from .gazetteer import Match


@dataclass
class EntMention:
    kind: str                 # state | place | org
    value: str                # state code, place id, org id
    sub: str                  # name | adj | people | prefix | seat | capital | city | region | acronym ...
    sent: Sent
    start: int                # token indexes
    end: int
    state: str | None = None  # for places: their state; for orgs: the state of a state body
    as_topic: bool = False    # subject of discussion
    locative: bool = False    # a place (or an adjective qualifying a place: "the Pakistani capital")
    attribution: bool = False # inside "..., an Egyptian newspaper said"
    dateline: bool = False
    in_place: bool = False    # a state named as where something happens ("strikes in Syria and Iraq")


def token_in(doc: Doc, sent: Sent, i: int, cls: str) -> bool:
    """Whether token i (by any of its keys) belongs to a word class of words.tsv."""
    if i < 0 or i >= len(sent.tokens):
        return False
    return cls in token_classes(doc, sent)[i]


def token_classes(doc: Doc, sent: Sent) -> list[frozenset[str]]:
    """The word classes of each token of the sentence (words.tsv), looked up once per sentence: scans over every
    token read this list instead of calling ``token_in`` per token."""
    classes = sent.classes
    if classes is None:
        classes = sent.classes = doc.lex.token_classes(sent.norms, sent.keys)
    return classes


def phrase_before(doc: Doc, sent: Sent, i: int, cls: str, span: int = 3) -> bool:
    """Whether a (possibly multi-word) phrase of class ``cls`` ends right before token i."""
    words = doc.lex.word_classes[cls]
    norms = sent.norms
    for n in range(1, min(span, i) + 1):
        # (one word, the usual case, without building a list and a string)
        if (norms[i - 1] if n == 1 and i <= len(norms) else " ".join(norms[i - n:i])) in words:
            return True
    return False


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    """The place ids of the states' capitals (reference data: the same for every article)."""
    return frozenset(st.capital for st in refdata.states().values() if st.capital)


def find(doc: Doc) -> list[EntMention]:
    capitals = _capitals()
    named = _states_named(doc)
    out: list[EntMention] = []
    for sent in doc.sents:
        for m in sent.ents:
            e = _choose(m, named)
            if e is None:
                continue
            em = EntMention(e.kind, e.value, e.sub, sent, m.start, m.end)
            if e.kind == "place":
                em.state = e.data
                em.locative = _is_locative(doc, sent, m) or _fused_locative(doc, sent, m, e.value)
                em.dateline = _is_dateline(doc, sent, m)
                if e.value in capitals and not em.locative and not em.dateline and e.data:
                    # the capital stands for the state ("Moscow and Islamabad agreed")
                    out.append(EntMention("state", e.data, "capital", sent, m.start, m.end))
                    em.locative = False
                out.append(em)
                continue
            if e.kind == "org":
                org = refdata.organizations().get(e.value)
                em.state = org.state if org else None
            if e.kind == "state":
                if _currency(doc, sent, m):
                    continue
                if e.sub == "adj" and (_ethnic(doc, sent, m) or _artifact(doc, sent, m)):
                    continue      # "ethnic Albanians", "Russian-made rockets": not the state
                if e.sub == "people" and not doc.lex.lang.adjective_after_noun and \
                        _is_state_adj(sent, m.start - 1) and _state_at(sent, m.start - 1) != e.value:
                    continue      # "Bosnian Serbs", "Kosovo Albanians": a people of another state
                if e.sub == "adj" and m.start > 0 and _title_before(sent, m) and \
                        not doc.lex.lang.agrees(sent.tokens[m.start - 1].text, sent.tokens[m.start].text):
                    continue      # "الرئيس جورجي إيفانوف": a name after a title, not a nisba
                em.as_topic = _is_subject(doc, sent, m)
                em.locative = e.sub == "adj" and _qualifies_place(doc, sent, m)
                if _city_state(e.value) and _qualifies_act(doc, sent, m):
                    em.locative = em.in_place = True    # "the Singapore summit", "قمة سنغافورة": where, not who
            out.append(em)
    _mark_attribution(doc, out)
    _mark_in_place(doc, out)
    return out


def _mark_in_place(doc: Doc, ments: list[EntMention]) -> None:
    """States named after a locative word, and those coordinated with them ("in Syria and Iraq",
    "في سوريا والعراق", "в Сирии и Ираке")."""
    prev: EntMention | None = None
    for em in ments:
        if em.kind != "state" or em.sub != "name":
            continue
        sent = em.sent
        i = em.start
        while i > 0 and (token_in(doc, sent, i - 1, "direction") or            # "in northern Syria", "на севере Сирии"
                         (sent.tokens[i - 1].text == "-" and i > 1 and token_in(doc, sent, i - 2, "direction"))):
            i -= 1
        if phrase_before(doc, sent, i, "venue-prep"):
            em.in_place = True
        elif prev is not None and prev.in_place and prev.sent is sent:
            gap = range(prev.end, em.start)
            if all(token_in(doc, sent, t, "conj") or sent.tokens[t].text in {",", "،"} for t in gap):
                fused_and = not gap and doc.lex.lang.norm(sent.tokens[em.start].text)[:1] == "و"
                em.in_place = bool(gap) or fused_and
        prev = em


def _title_before(sent: Sent, m: Match) -> bool:
    return any(t.end == m.start for t in sent.titles)


def _ethnic(doc: Doc, sent: Sent, m: Match) -> bool:
    """"ethnic Albanians", "the Albanian population", "الجالية الروسية": a people, not the state."""
    noun = m.start - 1 if doc.lex.lang.adjective_after_noun else m.end
    return token_in(doc, sent, m.start - 1, "ethnic") or token_in(doc, sent, noun, "ethnic-noun")


def _currency(doc: Doc, sent: Sent, m: Match) -> bool:
    """"US $50 million", "U.S. dollars": a currency, not the state."""
    return token_in(doc, sent, m.end, "currency")


def _artifact(doc: Doc, sent: Sent, m: Match) -> bool:
    """"Russian-made", "Swedish-registered", "روسية الصنع", "российского производства"."""
    toks = sent.tokens
    j = m.end
    if j < len(toks) and toks[j].text in {"-", "–"}:
        j += 1
    return token_in(doc, sent, j, "artifact")


def _choose(m: Match, named: dict[str, int]):
    """Prefer a state reading, then an organisation, then a place; of two places of one name (Tripoli in Libya
    and in Lebanon), the one whose state the article names most, else the first listed."""
    for kind in ("state", "org", "place"):
        e = m.first(kind)
        if e is not None:
            if kind == "place":
                places = [x for x in m.entries if x.kind == "place"]
                if len({x.data for x in places}) > 1:
                    return max(places, key=lambda x: named.get(x.data, 0))    # max keeps the first of equals
            return e
    return None


def _states_named(doc: Doc) -> dict[str, int]:
    """How often the article names each state (by name, adjective, people ...)."""
    counts: dict[str, int] = {}
    for sent in doc.sents:
        for m in sent.ents:
            e = m.first("state")
            if e is not None:
                counts[e.value] = counts.get(e.value, 0) + 1
    return counts


def _fused_locative(doc: Doc, sent: Sent, m: Match, place_id: str) -> bool:
    """A preposition fused to the name (Arabic بإسلام أباد، لموسكو): asked of the language, when it has such."""
    fused = getattr(doc.lex.lang, "fused_preposition", None)
    if fused is None:
        return False
    place = refdata.places().get(place_id)
    firsts = [n.split()[0] for n in place.names.get(doc.lex.lang.code, ())] if place else []
    return fused(sent.tokens[m.start].text, firsts)


def _is_locative(doc: Doc, sent: Sent, m: Match) -> bool:
    i = m.start
    if phrase_before(doc, sent, i, "locative"):
        return True
    if token_in(doc, sent, i - 1, "capital") or (token_in(doc, sent, i - 2, "capital") and _is_state_adj(sent, i - 1)):
        return True
    return token_in(doc, sent, i - 2, "capital") and sent.tokens[i - 1].text in {",", "،"}


def _state_at(sent: Sent, i: int) -> str | None:
    """The state a state mention at token i names."""
    for m in sent.ents:
        if m.start <= i < m.end:
            e = m.first("state")
            return e.value if e else None
    return None


def _is_state_adj(sent: Sent, i: int) -> bool:
    for m in sent.ents:
        if m.start <= i < m.end:
            e = m.first("state")
            return bool(e and e.sub == "adj")
    return False


def _is_dateline(doc: Doc, sent: Sent, m: Match) -> bool:
    """"MOSCOW, Feb 14 (TASS) -", "القاهرة - أ ش أ": a place at the very start of the body's first sentence,
    in capitals or followed by a comma/dash."""
    if m.start != 0:
        return False
    tok = sent.tokens[m.start]
    nxt = sent.tokens[m.end].text if m.end < len(sent.tokens) else ""
    letters = [c for c in tok.text if c.isalpha()]
    upper = bool(letters) and all(c.isupper() for c in letters) and len(letters) > 1
    if upper or nxt in {"-", "–", "—", "("}:
        return True
    # "Moscow, Feb 14 -" opens the body; "Seoul, in turn, said ..." later on is the state speaking
    lead = next((s for s in doc.sents if not s.headline), None)
    return nxt in {",", "،"} and sent is lead


def _is_subject(doc: Doc, sent: Sent, m: Match) -> bool:
    """The state follows a subject frame ("situation in", "الوضع في") or its adjective qualifies one
    ("the Syrian crisis", "الأزمة السورية", "сирийский кризис")."""
    i = m.start
    if token_in(doc, sent, i - 1, "prep-frame") and (token_in(doc, sent, i - 2, "frame") or phrase_before(doc, sent, i - 1, "frame")):
        return True
    e = m.first("state")
    if e and e.sub == "adj":
        noun = i - 1 if doc.lex.lang.adjective_after_noun else m.end     # the noun the adjective qualifies
        if token_in(doc, sent, noun, "frame"):
            return True
    return False


def _city_state(code: str) -> bool:
    return city_of_state(code) is not None


@lru_cache(maxsize=None)
def city_of_state(code: str) -> str | None:
    """The city a state is (Singapore, Monaco, the Vatican: its capital bears one of its names), else None."""
    st = refdata.states().get(code)
    place = refdata.places().get(st.capital) if st and st.capital else None
    return st.capital if place and set(place.names.get("en", ())) & set(st.names.get("en", ())) else None


def _qualifies_act(doc: Doc, sent: Sent, m: Match) -> bool:
    """The name qualifies a noun naming an act ("the Singapore summit", "the Singapore promises", "قمة سنغافورة",
    "сингапурский саммит"): for a city-state, the place where it was done."""
    acts = refdata.plover_types()
    for cue in sent.cues:
        if (cue.end == m.start) if doc.lex.lang.adjective_after_noun else (cue.start == m.end):
            if any(x.value in acts and x.data[0] == "weak" for x in cue.entries):
                return True
    return False


def _qualifies_place(doc: Doc, sent: Sent, m: Match) -> bool:
    """An adjective next to "capital"/"border"/"city": the Pakistani capital, العاصمة الباكستانية."""
    return token_in(doc, sent, m.start - 1, "capital") or token_in(doc, sent, m.end, "capital")


def _mark_attribution(doc: Doc, ments: list[EntMention]) -> None:
    """Mentions in a trailing attribution clause (", a state-owned Egyptian newspaper said.", "according to X")
    are the source of the report, not a subject of it."""
    by_sent: dict[int, list[EntMention]] = {}
    for em in ments:
        by_sent.setdefault(em.sent.index, []).append(em)
    for sent in doc.sents:
        says = [m for m in sent.cues if m.first() and m.first().value == "SAY"]
        if not says:
            continue
        n = len(sent.tokens)
        for say in says:
            # the clause: from the last comma before the SAY cue to the end of the sentence
            commas = [i for i in range(say.start) if sent.tokens[i].text in {",", "،"}]
            if not commas:
                continue
            start = commas[-1]
            # nothing but the attribution may follow: no event cue between the comma and the end
            later = [m for m in sent.cues if m.start > start and m.first() and m.first().value not in ("SAY", "CTX")]
            if later:
                continue
            if n - start > 14:
                continue
            for em in by_sent.get(sent.index, []):
                if em.start > start:
                    em.attribution = True
