"""Officials: a title (post + state) next to a name, in any of the three languages.

A title run is a stretch of title words (roles, modifiers, portfolios, state bodies, connectors, ranks) and state
or organisation mentions that holds at least one role: "Russian Deputy Defence Minister", "نائب وزير الدفاع
الروسي", "заместитель министра обороны России". The name follows it (or, in apposition, precedes it after a comma).
Names come from the language's recogniser when it has one (natasha for Russian, normalised to the nominative),
otherwise from capitalised words (English) or the words up to a stop word (Arabic). Later bare surnames resolve
to the full name seen in the article.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ontology import refdata

from ..model import Official
from ..translit import name_key
from .doc import Doc, Sent
from .entities import EntMention, token_in
from .known import gazetteer as known_gazetteer
from .known import FAMILY_NAME_FIRST
from .known import by_bare_surname as known_by_bare_surname
from .known import by_surname as known_by_surname
from .known import lookup as known_person
from .known import post_at
from .known import surnames as known_surnames

ROLE_KINDS = ("role", "role+portfolio", "modifier+role", "counterpart")
HOST_ROLES = {"ambassador", "envoy", "special-representative", "charge-d-affaires", "consul", "defence-attache"}
TITLE_KINDS = ROLE_KINDS + ("modifier", "portfolio", "body", "conn", "rank")
MAX_NAME_WORDS = 5


@dataclass
class TitleRun:
    sent: Sent
    start: int
    end: int
    role: str | None = None
    modifiers: list[str] = field(default_factory=list)
    portfolio: str | None = None
    state: str | None = None
    host: str | None = None
    org: str | None = None
    counterpart: bool = False
    style: str = ""               # "secretary": a cabinet secretary (US, UK) rather than a minister


@dataclass
class PersonMention:
    official: Official
    sent: Sent
    start: int
    end: int


def _labels(doc: Doc, sent: Sent, ents: list[EntMention]) -> list[tuple[str, object] | None]:
    """Per token: ("T", entry) for title words, ("S", code) states, ("O", org id) organisations, None else."""
    lab: list[tuple[str, object] | None] = [None] * len(sent.tokens)
    for m in sent.titles:
        e = m.first()
        for i in range(m.start, m.end):
            lab[i] = ("T", e)
    lang = doc.lex.lang
    for em in sent.ems:
        if _host_capital(em, lab):
            # "السفير الباكستاني في موسكو", "ambassador in Moscow": the capital names the host state
            lab[em.start:em.end] = [("S", em.state if em.kind == "place" else em.value)] * (em.end - em.start)
            continue
        if em.kind not in ("state", "org") or em.sub in ("people", "capital", "seat"):
            continue
        if doc.article.lang == "en" and em.start > 0 and lab[em.start - 1] and lab[em.start - 1][0] == "T" \
                and lab[em.start - 1][1].kind != "conn" and _first_name_like_a_state(doc, sent, em.start, set()):
            continue             # "Foreign Minister Israel Katz": a first name, not the minister's state
        if em.sub == "adj" and em.start > 0 and not lang.agrees(sent.tokens[em.start - 1].text,
                                                                  sent.tokens[em.start].text):
            continue
        for i in range(em.start, em.end):
            if lab[i] is None or lab[i][1].kind == "conn":
                lab[i] = ("S", em.value) if em.kind == "state" else ("O", em.value)
    return lab


def _host_capital(em, lab) -> bool:
    """A capital right after a title's host connector ("in", "في", "в")."""
    capital = (em.kind == "place" and em.sub == "capital" and em.state) or \
        (em.kind == "state" and em.sub in ("capital", "seat"))
    if not capital or em.start == 0 or lab[em.start - 1] is None:
        return False
    kind, e = lab[em.start - 1]
    return kind == "T" and e.kind == "conn" and e.value == "host"


def title_runs(doc: Doc, sent: Sent, ents: list[EntMention]) -> list[TitleRun]:
    """The sentence's title runs, from its title matches and entity mentions. Read-only; remembered on the
    sentence for as long as those two lists are the same objects (``find`` and ``unnamed`` both ask, and the
    pipeline gives a sentence new mentions only after both)."""
    memo = sent.runs
    if memo is not None and memo[0] is sent.titles and memo[1] is sent.ems:
        return memo[2]
    runs = _title_runs(doc, sent, ents)
    sent.runs = (sent.titles, sent.ems, runs)
    return runs


def _title_runs(doc: Doc, sent: Sent, ents: list[EntMention]) -> list[TitleRun]:
    lab = _labels(doc, sent, ents)
    runs: list[TitleRun] = []
    i, n = 0, len(lab)
    while i < n:
        if lab[i] is None or (lab[i][0] == "T" and lab[i][1].kind == "conn"):
            i += 1
            continue
        j = i
        while j < n and lab[j] is not None:
            j += 1
        # trim trailing connectors
        k = j
        while k > i and lab[k - 1][0] == "T" and lab[k - 1][1].kind == "conn":
            k -= 1
        run = _parse(sent, lab, i, k)
        if run is not None:
            runs.append(run)
        i = j
    return runs


@lru_cache(maxsize=None)
def _role_ranks() -> dict[str, int]:
    """roles.tsv: each role's rank (the lower, the more senior; 99 when not given)."""
    return {cid: int(c.extra.get("rank") or 99) for cid, c in refdata.roles().items()}


def _parse(sent: Sent, lab, i: int, j: int) -> TitleRun | None:
    run = TitleRun(sent, i, j)
    rank = _role_ranks()
    seen_entries = set()
    after_host = False
    best_rank = 999
    for t in range(i, j):
        kind, value = lab[t]
        if kind == "S":
            if after_host and value != run.state:
                run.host = run.host or value       # "ambassador to Israel", "سفيرها لدى إسرائيل"
            elif run.state is None:
                run.state = value
            continue
        if kind == "O":
            run.org = run.org or value
            continue
        e = value
        if id(e) in seen_entries and lab[t - 1] is not None and lab[t - 1][1] is e:
            continue
        seen_entries.add(id(e))
        if e.kind == "conn":
            after_host = after_host or e.value == "host"
        elif e.kind == "counterpart":
            run.counterpart = True
        elif e.kind in ("role", "role+portfolio", "modifier+role"):
            role, _, port = str(e.value).partition("/")
            if e.kind == "modifier+role":       # "замминистра": deputy + minister in one word
                (mod, role), port = (role, port), ""
                if mod not in run.modifiers and run.role is None:
                    run.modifiers.append(mod)
            r = rank.get(role, 50)
            if run.role is None or r < best_rank or (role != "head" and run.role == "head"):
                if not (run.role and run.role != "head" and role == "head"):
                    run.role, best_rank = role, r
                    run.style = e.sub or ""
            if port:
                run.portfolio = run.portfolio or port
        elif e.kind == "modifier":
            # "deputy" qualifies the role after it; "former", "acting" may also follow it (السابق، بالإنابة)
            if e.value not in run.modifiers and (run.role is None or e.value in ("former", "acting")):
                run.modifiers.append(e.value)
        elif e.kind == "portfolio":
            run.portfolio = run.portfolio or e.value
        elif e.kind == "body":
            kind_, _, port = str(e.value).partition("/")
            if port:
                run.portfolio = run.portfolio or port
    if run.role is None and not run.counterpart:
        return None
    if run.role == "head" and run.portfolio:
        run.role = "minister"
    if run.host and run.role not in HOST_ROLES and not run.state:
        run.state, run.host = run.host, None       # "Minister of Electricity of (في) the Republic of Iraq"
    if run.org and not run.state:
        org = refdata.organizations().get(run.org)
        if org and org.kind in ("armed-group", "party", "agency", "state-body") and org.state:
            run.state, run.org = org.state, None  # a Houthi spokesman speaks for Yemen's Houthis
    return run


def position_label(role: str | None, modifiers: list[str], portfolio: str | None, host: str | None,
                   org: str | None, style: str = "") -> str:
    """English post name: "Deputy Minister of Defence", "Minister of Foreign Affairs", "Ambassador to Egypt"."""
    roles = refdata.roles()
    ports = refdata.portfolios()

    def rl(rid: str) -> str:
        c = roles.get(rid)
        label = c.label("en") if c else rid.replace("-", " ")
        small = {"of", "the", "and", "to", "for", "in", "on"}
        return " ".join(w if w.isupper() or (n and w in small) else w[:1].upper() + w[1:]
                        for n, w in enumerate(label.split()))

    def pl(pid: str) -> str:
        c = ports.get(pid)
        return c.label("en") if c else pid.replace("-", " ").title()

    if role is None:
        return ""
    if role == "minister" and portfolio == "state":
        base = "Secretary of State"
    elif role == "minister" and style == "secretary" and portfolio:
        base = f"Secretary of {pl(portfolio)}"
    elif role in ("minister",) and portfolio:
        base = f"Minister of {pl(portfolio)}"
    elif role in ("spokesperson", "press-secretary") and portfolio:
        base = f"{rl(role)} of the Ministry of {pl(portfolio)}"
    elif role == "head" and org:
        base = "Head"
    elif role == "head":
        base = "Head"
    else:
        base = rl(role)
    mods = {"deputy": "Deputy", "first-deputy": "First Deputy", "assistant": "Assistant", "acting": "Acting",
            "former": "Former", "vice": "Vice"}
    prefix = " ".join(mods.get(m, m.title()) for m in modifiers if m != "former")
    label = f"{prefix} {base}".strip()
    if role == "ambassador" and host:
        st = refdata.states().get(host)
        label += f" to {st.label('en') if st else host}"
    if org and role in ("secretary-general", "chairman", "head", "special-representative", "envoy", "commander"):
        o = refdata.organizations().get(org)
        if o:
            label += f" of the {o.label('en')}"
    return label


# --- names ------------------------------------------------------------------------------------------------

def _blocked(doc: Doc, sent: Sent, ents: list[EntMention]) -> set[int]:
    out: set[int] = set()
    for em in sent.ems:
        out.update(range(em.start, em.end))
    for m in sent.titles:
        if m.first().kind != "rank":
            out.update(range(m.start, m.end))
    for m in sent.cues:
        if m.first().value not in ("CTX",):
            out.update(range(m.start, m.end))
    for d in sent.dates:
        out.update(range(d.start, d.end))
    return out


def name_after(doc: Doc, sent: Sent, j: int, blocked: set[int]) -> tuple[int, int] | None:
    """Token span of a person's name starting at token j, or None."""
    lang = doc.lex.lang
    toks = sent.tokens
    n = len(toks)
    # skip a comma followed by ranks, and ranks ("General", "Mr")
    while j < n and any(m.start == j and m.first().kind == "rank" for m in sent.titles):
        j = next(m.end for m in sent.titles if m.start == j)
    if j >= n:
        return None
    cased = doc.article.lang != "ar"
    k = j
    words = 0
    while k < n and words < MAX_NAME_WORDS:
        t = toks[k].text
        if k in blocked and not (cased and t[:1].isupper() and words and not _is_entity_start(doc, sent, k)) \
                and not (doc.article.lang == "en" and words == 0 and _first_name_like_a_state(doc, sent, k, blocked)):
            break
        if cased:
            if t[:1].isupper() and (t.isalpha() or "-" in t or "'" in t) and lang.norm(t) not in lang.stopwords:
                words += 1
                k += 1
            elif len(t) == 1 and t.isupper() and k + 1 < n and toks[k + 1].text == ".":   # initial "V."
                k += 2
            elif t == "-" and words and k + 1 < n and toks[k + 1].text[:1].isupper():
                k += 1
            elif token_in(doc, sent, k, "name-particle") and words and k + 1 < n and (
                    toks[k + 1].text[:1].isupper()
                    or (toks[k + 1].text == "-" and k + 2 < n and toks[k + 2].text[:1].isupper())):
                k += 1           # "bin Salman", "al-Sisi", "el-Sisi"
            elif t in ("'",) and words and k + 1 < n and toks[k + 1].text[:1].isupper() and toks[k].end == toks[k + 1].start:
                k += 1
            else:
                break
        else:
            if not toks[k].is_word or lang.is_stopword(t) or k in blocked \
                    or not lang.name_word_ok(t, first=words == 0):
                break
            if token_in(doc, sent, k, "name-particle"):
                k += 1
                continue
            words += 1
            k += 1
    while k > j and (toks[k - 1].text in {"-", "."} or token_in(doc, sent, k - 1, "name-particle")):
        if toks[k - 1].text == "." and k - 2 >= j and len(toks[k - 2].text) == 1:
            break                # an initial ("V.") ends the name
        k -= 1                   # a trailing particle (bin, بن, al) is not the end of a name
    if words == 0:
        return None
    if any(token_in(doc, sent, t, "not-name") for t in range(j, k)):
        return None
    return j, k


def _infer_state(doc: Doc, sent: Sent, ents: list[EntMention], name: tuple[int, int] = (0, 0),
                 exclude: frozenset[str] = frozenset()) -> str | None:
    """The state of an official whose title names none: the one state acting in the sentence, else the state of
    the place in the sentence ("talks in Beirut with Prime Minister Najib Mikati"), else the dateline's state,
    else the state the article mentions most (when it clearly leads). Words of the person's own name (Братислав
    is not Bratislava) and the host of an ambassador do not count."""
    here = [em for em in sent.ems if not (em.start < name[1] and em.end > name[0]) and em.value not in exclude]
    acting = {em.value for em in here if em.kind == "state" and not em.as_topic and not em.attribution}
    if len(acting) == 1:
        return next(iter(acting))
    located = {em.state for em in here if em.kind == "place" and em.state and em.locative}
    if len(located) == 1 and not acting:
        return next(iter(located))
    for em in ents:
        if em.kind == "place" and em.dateline and em.state:
            return em.state
    counts: dict[str, int] = {}
    for em in ents:
        if em.kind == "state" and not em.as_topic and not em.attribution:
            counts[em.value] = counts.get(em.value, 0) + 1
    if counts:
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
            return ranked[0][0]
    return None


def _first_name_like_a_state(doc: Doc, sent: Sent, k: int, blocked: set[int]) -> bool:
    """"Foreign Minister Israel Katz", "Interior Minister Jordan Hameed": a one-word state name right after a
    title, followed by a capitalised word that is nothing else, is a first name."""
    toks = sent.tokens
    if k + 1 >= len(toks) or (k + 1) in blocked or not toks[k + 1].text[:1].isupper() \
            or not toks[k + 1].text.isalpha() or doc.lex.lang.norm(toks[k + 1].text) in doc.lex.lang.stopwords \
            or _is_entity_start(doc, sent, k + 1):
        return False
    return any(em.start == k and em.end == k + 1 and em.kind == "state" and em.sub not in ("adj", "people")
               for em in sent.ems)


def _is_entity_start(doc: Doc, sent: Sent, k: int) -> bool:
    return any(m.start == k for m in sent.ents) or any(m.start == k for m in sent.titles)


def name_before(doc: Doc, sent: Sent, i: int, blocked: set[int]) -> tuple[int, int] | None:
    """Apposition: "Ri Yong Ho, North Korea's foreign minister" — a capitalised name ending before ", " at i-1."""
    toks = sent.tokens
    if i >= 3 and token_in(doc, sent, i - 1, "determiner") and toks[i - 2].text == ",":
        i -= 1                   # "Igor Sokolov, the Russian envoy"
    if doc.article.lang == "ar" or i < 2 or toks[i - 1].text not in {",", "،"}:
        return None
    k = i - 1
    j = k
    while j > 0 and toks[j - 1].text[:1].isupper() and toks[j - 1].text.isalpha() and (j - 1) not in blocked \
            and doc.lex.lang.norm(toks[j - 1].text) not in doc.lex.lang.stopwords and k - j < MAX_NAME_WORDS:
        j -= 1
    if j == k or k - j < 2:
        return None
    return j, k


def unnamed(doc: Doc, ents: list[EntMention], mentions: list[PersonMention]) -> list[Official]:
    """Posts named without a person ("the foreign minister of Pakistan said", "وزير الخارجية الباكستاني"): a
    title run with a role and a state and no name next to it. The holder is looked up when the graph is written."""
    out: list[Official] = []
    taken = {(pm.sent.index, t) for pm in mentions for t in range(pm.start - 3, pm.end + 3)}
    named = {(pm.official.state, pm.official.position) for pm in mentions}
    for sent in doc.sents:
        for run in title_runs(doc, sent, ents):
            if not run.role or not run.state or run.counterpart or run.org or (sent.index, run.start) in taken \
                    or (sent.index, run.end - 1) in taken:
                continue
            if run.role in ("head", "leader", "adviser", "member-of-parliament", "general"):
                continue
            position = position_label(run.role, run.modifiers, run.portfolio, run.host, None, run.style)
            if (run.state, position) in named:
                continue        # the post of someone the article named: it refers back to that person
            out.append(Official(name="", state=run.state, position=position, role=run.role, portfolio=run.portfolio,
                                lang=doc.article.lang, mentions=[doc.mention(sent, run.start, run.end)]))
    return out


def find(doc: Doc, ents: list[EntMention]) -> tuple[list[Official], list[PersonMention]]:
    lang = doc.lex.lang
    officials: dict[str, Official] = {}
    mentions: list[PersonMention] = []
    last_role: tuple[str | None, str | None, list[str]] | None = None
    recognised: dict[int, list[tuple[int, int, str]]] = {s.index: [] for s in doc.sents}
    runs_by_sent = {s.index: title_runs(doc, s, ents) for s in doc.sents}
    wanted = [(s.start, s.end) for s in doc.sents if runs_by_sent[s.index]]
    if wanted:
        found = lang.persons(doc.article.text, wanted)
        for span in found:
            for s_ in doc.sents:
                if s_.start <= span[0] < s_.end:
                    recognised[s_.index].append(span)
                    break
    for sent in doc.sents:
        spans = recognised[sent.index]
        blocked = _blocked(doc, sent, ents)
        for run in runs_by_sent[sent.index]:
            span = _name_for(doc, sent, run, spans, blocked)
            if span is None:
                if run.role and not run.counterpart:
                    last_role = (run.role, run.portfolio, run.modifiers)
                continue
            (i, j), normal = span
            full = _known_full_name(doc, sent, i, j)
            if full is not None:
                (i, j), normal = full            # "مون جاي إن": the table's full name, past a word that ends names
            role, portfolio, modifiers = run.role, run.portfolio, list(run.modifiers)
            if run.counterpart and last_role:
                role = role if role not in (None, "counterpart") else last_role[0]
                portfolio = portfolio or last_role[1]
                modifiers = modifiers or list(last_role[2])
            if role is None:
                continue
            native = normal or doc.text_of(sent, i, j)
            latin = native if doc.article.lang == "en" else lang.to_latin(native)
            latin = _clean_latin(latin)
            position = position_label(role, modifiers, portfolio, run.host, run.org, run.style)
            state = run.state
            kb = known_person(lang.code, native, latin, state)
            if kb is None and not run.org and len(latin.split()) == 1:
                # "President Putin", "الرئيس ترامب": by the Latin form's sound, or as the table writes the surname
                year = doc.published.year if doc.published else None
                kb = known_by_surname(latin, role, year, state, lang.code, native)
            if kb is not None:
                latin = kb.label("en")
                if not run.org:
                    state = state or kb.state
            key = name_key(latin)
            if not key:
                continue
            if state is None and not run.org:
                state = _infer_state(doc, sent, ents, (i, j), frozenset(filter(None, [run.host])))
            off = _merge(officials, key, latin, native, state, position, role, portfolio, lang.code)
            off.known = off.known or kb is not None
            off.org = off.org or run.org
            m = doc.mention(sent, i, j)
            off.mentions.append(m)
            mentions.append(PersonMention(off, sent, i, j))
            last_role = (role, portfolio, modifiers)
    _known_untitled(doc, officials, mentions, {em.value for em in ents if em.kind == "state"})
    _resolve_surnames(doc, officials, mentions, recognised)
    return list(officials.values()), mentions


def _known_full_name(doc: Doc, sent: Sent, i: int, j: int) -> tuple[tuple[int, int], str] | None:
    """A well-known person's full name (people table) over the titled name found at tokens i..j and beyond it:
    the name finder stops at words that usually end or precede no name (إن, هو, ري), the table knows "مون جاي إن"
    and "ري يونغ هو"."""
    for m in known_gazetteer(doc.article.lang).find(sent.tokens, sent.keys, max(0, i - 3), min(len(sent.tokens), j + 4),
                                                    starts=sent.starts):
        if m.start <= i and m.end >= j and (m.start, m.end) != (i, j):
            return (m.start, m.end), doc.text_of(sent, m.start, m.end)
        if m.start >= j:
            break
    return None


def _known_untitled(doc: Doc, officials: dict[str, Official], mentions: list[PersonMention],
                    states: set[str]) -> None:
    """Well-known office-holders named without a title ("Macron said", "ماكرون", "Макрона"): their post at the
    article's date comes from the people table. By the surname alone ("Trump", "ترامب", "Кима") only when one
    person of the table has it among the states the article names, and holds a post of that state then."""
    from ontology import refdata
    gaz = known_gazetteer(doc.article.lang)
    taken = {(pm.sent.index, t) for pm in mentions for t in range(pm.start, pm.end)}
    year = doc.published.year if doc.published else None
    people = refdata.people()
    for sent in doc.sents:
        for m in gaz.find(sent.tokens, sent.keys, starts=sent.starts):
            if any((sent.index, t) in taken for t in range(m.start, m.end)):
                continue
            person = people.get(m.first("person").value) if m.first("person") else None
            if person is not None:
                _add_known(doc, officials, mentions, person, sent, m.start, m.end, year)
                taken.update((sent.index, t) for t in range(m.start, m.end))
    cased = doc.article.lang != "ar"
    surnames = known_surnames(doc.article.lang)
    for sent in doc.sents:
        for t, tok in enumerate(sent.tokens):
            if (cased and not tok.text[:1].isupper()) or not tok.is_word or (sent.index, t) in taken:
                continue
            # Arabic keeps the article: "الكامل" (complete) is not كامل
            keys = doc.lex.lang.surface_keys(tok.text) if not cased else sent.keys[t]
            # most words are nobody's surname: that cheap test before the one of the words around
            if surnames.isdisjoint(keys) or _inside_longer_name(doc, sent, t, cased):
                continue
            person = known_by_bare_surname(doc.article.lang, keys, states, year)
            if person is not None:
                _add_known(doc, officials, mentions, person, sent, t, t + 1, year)
                taken.add((sent.index, t))


def _inside_longer_name(doc: Doc, sent: Sent, t: int, cased: bool) -> bool:
    """Token t is inside a longer name: after "bin"/"بن" ("Prince Abdulaziz bin Salman bin Abdulaziz" is not King
    Salman bin Abdulaziz), or before another capitalised word (the surname ends a name) or, in an uncased script,
    another known name word."""
    toks = sent.tokens
    if t > 0 and token_in(doc, sent, t - 1, "name-particle"):
        return True
    if not cased:
        # uncased: a known name word right after it ("كيم جونغ أون" is not Jeong Kyeong-doo)
        return t + 1 < len(toks) and doc.lex.lang.norm(toks[t + 1].text) in doc.lex.names
    return t + 1 < len(toks) and toks[t + 1].is_word and toks[t + 1].text[:1].isupper()


def _add_known(doc: Doc, officials: dict[str, Official], mentions: list[PersonMention], person, sent: Sent,
               start: int, end: int, year: int | None) -> None:
    """An official for a person of the people table named at tokens start..end, with their post in ``year``."""
    latin = person.label("en")
    key = name_key(latin)
    post = post_at(person, year)
    role, portfolio = (post.role, post.portfolio) if post else (None, None)
    org = post.org if post else None
    state = None if org else person.state
    position = position_label(role, [], portfolio, None, org) if role else None
    if post and year and post.to_year is not None and post.to_year < year:
        position = f"Former {position}" if position else position
    native = doc.text_of(sent, start, end)
    if doc.article.lang != "en":
        native = (person.names.get(doc.article.lang) or (native,))[0]
    off = _merge(officials, key, latin, native, state, position, role, portfolio, doc.article.lang)
    off.known = True
    off.org = off.org or org
    off.mentions.append(doc.mention(sent, start, end))
    mentions.append(PersonMention(off, sent, start, end))


def _clean_latin(name: str) -> str:
    words = [w for w in name.replace("’", "'").split()]
    while words and words[-1].lower() in {"'s", "s"}:
        words.pop()
    return " ".join(w[:-2] if w.endswith("'s") else w for w in words)


def _name_for(doc: Doc, sent: Sent, run: TitleRun, spans, blocked) -> tuple[tuple[int, int], str | None] | None:
    toks = sent.tokens
    # a recognised person right after the run (Russian) or right before it in apposition
    if spans:
        after = run.end
        while after < len(toks) and any(m.start == after and m.first().kind == "rank" for m in sent.titles):
            after += 1
        # past the state and the city of the post: "Генеральный консул России в Ченнаи Валерий Кузьмин"
        starts = {after}
        k = after
        while k < len(toks) and k - after < 5 and (toks[k].text[:1].isupper() or token_in(doc, sent, k, "venue-prep")):
            k += 1
            starts.add(k)
        for s, e, normal in spans:
            k = next((k for k in starts if k < len(toks) and s == toks[k].start), None)
            if k is not None:
                j = _token_index_at(toks, e)
                return (k, j), normal
        for s, e, normal in spans:
            if run.start >= 2 and toks[run.start - 1].text == "," and e == toks[run.start - 2].end:
                i = _token_index_from(toks, s)
                return (i, run.start - 1), normal
        if doc.article.lang == "ru":
            return None
    span = name_after(doc, sent, run.end, blocked)
    if span:
        return span, None
    span = name_before(doc, sent, run.start, blocked)
    if span:
        return span, None
    return name_in_apposition(doc, sent, run.end, blocked)


def _past_post_city(doc: Doc, sent: Sent, j: int) -> int:
    """After a title, the token past the city of the post ("in Chennai", "в Ченнаи"): one to three capitalised
    words after a venue preposition; ``j`` itself when there is none."""
    toks = sent.tokens
    if j >= len(toks) or not token_in(doc, sent, j, "venue-prep"):
        return j
    k = j + 1
    while k < len(toks) and k - j <= 3 and toks[k].text[:1].isupper():
        k += 1
    return k if k > j + 1 else j


def name_in_apposition(doc: Doc, sent: Sent, j: int, blocked: set[int]) -> tuple[tuple[int, int], None] | None:
    """"the Russian ambassador, Igor Sokolov, said", "Russia's Consul General in Chennai, Valery Kuzmin, said": a
    name of two words or more set off by commas after the title and the place of its post (capitalised scripts
    only: Arabic commas do not set names off this way)."""
    toks = sent.tokens
    if doc.article.lang != "ar" and j < len(toks) and toks[j].text != ",":
        j = _past_post_city(doc, sent, j)        # "Russia's Consul General in Chennai, Valery Kuzmin, said"
    if doc.article.lang == "ar" or j >= len(toks) or toks[j].text != ",":
        return None
    span = name_after(doc, sent, j + 1, blocked)
    if span is None or span[1] - span[0] < 2:
        return None
    closed = span[1] == len(toks) or toks[span[1]].text in {",", ".", ";", ")"}
    return (span, None) if closed else None


def _token_index_at(toks, end_char: int) -> int:
    for n, t in enumerate(toks):
        if t.end >= end_char:
            return n + 1
    return len(toks)


def _token_index_from(toks, start_char: int) -> int:
    for n, t in enumerate(toks):
        if t.start >= start_char:
            return n
    return len(toks)


def _merge(officials: dict[str, Official], key: str, latin: str, native: str, state, position, role, portfolio,
           code: str) -> Official:
    """One Official per person in an article; a later, fuller name or post enriches the first."""
    surname = key.split(".")[-1]
    for k, off in officials.items():
        if k == key or (k.split(".")[-1] == surname and ("." not in k or "." not in key)):
            if len(latin) > len(off.name) and not off.known:
                off.name, off.native = latin, native
            off.state = off.state or state
            if position and (not off.position or len(position) > len(off.position)):
                off.position, off.role, off.portfolio = position, role, portfolio
            return off
    off = Official(name=latin, state=state, position=position, role=role, portfolio=portfolio, native=native,
                   lang=code, key=key)
    officials[key] = off
    return off


def _resolve_surnames(doc: Doc, officials: dict[str, Official], mentions: list[PersonMention], recognised) -> None:
    """Later mentions by surname alone (Фомин, فومين, Fomin) or by the full name without a title."""
    lang = doc.lex.lang
    taken = {(pm.sent.index, t) for pm in mentions for t in range(pm.start, pm.end)}
    surnames: dict[str, Official] = {}
    for off in officials.values():
        # the family name: the last word, the first in states that put it first (كيم جونغ أون: كيم, not أون)
        at = 0 if off.state in FAMILY_NAME_FIRST else -1
        native_words = (off.native or off.name).split()
        if native_words and len(native_words[at]) >= 3:
            for key in lang.token_keys(native_words[at]):
                surnames.setdefault(key, off)
            surnames.setdefault(lang.norm(native_words[at]), off)
        if doc.article.lang != "en":
            latin_last = off.name.split()[at] if off.name else ""
            if len(latin_last) >= 3:
                surnames.setdefault(lang.norm(latin_last), off)
    if not surnames:
        return
    cased = doc.article.lang != "ar"
    for sent in doc.sents:
        for t, tok in enumerate(sent.tokens):
            # pure tests, the cheapest and most often failing first: most words are nobody's surname
            keys = sent.keys[t]
            if (cased and not tok.text[:1].isupper()) or surnames.keys().isdisjoint(keys) or not tok.is_word \
                    or (sent.index, t) in taken:
                continue
            off = next(surnames[k] for k in keys if k in surnames)
            # extend left over the first name when it is there
            i = t
            if t > 0 and (sent.index, t - 1) not in taken and sent.tokens[t - 1].is_word:
                first = (off.native or off.name).split()[0]
                if any(k in lang.token_keys(first) for k in sent.keys[t - 1]) and len((off.native or off.name).split()) > 1:
                    i = t - 1
            off.mentions.append(doc.mention(sent, i, t + 1))
            mentions.append(PersonMention(off, sent, i, t + 1))
            taken.update((sent.index, x) for x in range(i, t + 1))
