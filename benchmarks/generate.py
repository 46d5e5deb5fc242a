"""A synthetic news corpus in Arabic, Russian and English, for benchmarks.

Every article tells a *story* (a meeting, a phone call, a signed agreement, an exercise, an arms delivery, aid,
sanctions, an expulsion, a condemnation, a border clash, a threat, an appeal) between two states, with officials
from ``ontology/data/people.tsv`` holding the posts they held that year (or invented ones where the table has
nobody), places from ``places.tsv``, topics, an organisation both belong to, quotes and a background paragraph.
About a quarter of the articles retell an earlier story — often in another language, as wire services do — so
that identity resolution has events and people to merge. The sentences come from ``templates.py``.

Deterministic: article ``i`` depends only on ``(seed, i)``, so the first 1,000 articles of a 10,000-article corpus
are the 1,000-article corpus of the same seed.

    python -m benchmarks.generate 10000 --out corpus-10k            # a directory of .txt files, 0000000-ru.txt …
    python -m benchmarks.generate 10000 --out corpus-10k --format jsonl --shards 4
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

if __package__ in (None, ""):                      # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import templates as T  # noqa: E402
from ontology import refdata  # noqa: E402

LANGS = ("ar", "ru", "en")
KIND_WEIGHTS = {"meeting": 5, "call": 3, "agreement": 3, "exercise": 2, "arms": 2, "aid": 1, "sanctions": 2,
                "expulsion": 1, "condemnation": 2, "clash": 1, "threat": 1, "appeal": 1}
ORGS = ("un", "sco", "brics", "oic", "arab-league", "csto", "asean", "african-union", "nato", "eu", "opec", "cis",
        "gcc", "g20", "osce", "eaeu")
FIRST_DAY, LAST_DAY = dt.date(2015, 1, 1), dt.date(2025, 6, 30)
FAMILY_NAME_FIRST = ("CN", "KP", "KR", "VN")
RETELL = 0.25                 # share of articles that retell an earlier story
TARGET_BYTES = (2600, 3400)   # an article's size in UTF-8 bytes, drawn uniformly


# --- the world: states, people, places ---------------------------------------------------------------------

@dataclass(frozen=True)
class Official:
    state: str
    role: str
    portfolio: str | None
    names: dict          # lang → tuple of spellings, preferred first


@lru_cache(maxsize=1)
def world() -> dict:
    states = refdata.states()
    people = refdata.people()
    by_state: dict[str, list] = {}
    for p in people.values():
        if p.state and all(p.names.get(lang) for lang in LANGS):
            by_state.setdefault(p.state, []).append(p)
    usable = [c for c, s in states.items() if s.status in ("un-member", "un-observer") and s.capital
              and s.adjectives.get("en") and s.adjectives.get("ar")]
    # a few states make most of the news: rank by how many office-holders the table knows, Zipf-like weights
    ranked = sorted(usable, key=lambda c: (-len(by_state.get(c, ())), c))
    weights = [1.0 / (rank + 2) ** 1.2 for rank in range(len(ranked))]
    places = refdata.places()
    cities: dict[str, list[str]] = {}
    for p in places.values():
        if p.state and p.kind in ("capital", "city") and all(p.names.get(lang) for lang in LANGS):
            cities.setdefault(p.state, []).append(p.id)
    orgs = [o for o in ORGS if o in refdata.organizations()]
    return {"states": ranked, "weights": weights, "people": by_state, "cities": cities, "orgs": orgs}


def _official(state: str, kind: str, year: int, rng: random.Random) -> Official:
    w = world()
    candidates = []
    for person in w["people"].get(state, ()):
        for post in person.posts:
            if post.org is None and post.covers(year):
                candidates.append((person, post))
    preferred = T.PREFERRED_POSTS[kind]
    for role, portfolio in preferred:
        fit = [(p, post) for p, post in candidates if post.role == role and (portfolio is None
                                                                          or post.portfolio == portfolio)]
        if fit and rng.random() < 0.85:
            person, post = rng.choice(fit)
            return Official(state, post.role, post.portfolio, dict(person.names))
    if candidates and rng.random() < 0.7:
        person, post = rng.choice(candidates)
        return Official(state, post.role, post.portfolio, dict(person.names))
    # nobody in the table: an invented official, the same one for the same state and post
    role, portfolio = preferred[0]
    h = sum(ord(ch) * (k + 1) for k, ch in enumerate(f"{state}/{role}/{portfolio}/{year // 4}"))
    given, surname = T.GIVEN[h % len(T.GIVEN)], T.SURNAMES[(h // 7) % len(T.SURNAMES)]
    names = {lang: (f"{given[k]} {surname[k]}",) for k, lang in enumerate(("en", "ru", "ar"))}
    return Official(state, role, portfolio, names)


# --- stories ------------------------------------------------------------------------------------------------

@dataclass
class Story:
    kind: str
    a: str
    b: str
    c: str
    date: dt.date
    off: dict           # "A" | "B" | "C" → Official
    place: str          # a place id
    topics: list
    org: str
    n: int
    m: int
    money: str
    back_month: int
    back_year: int
    lang: str           # the language the story was first told in


def _states(rng: random.Random, k: int) -> list[str]:
    w = world()
    out: list[str] = []
    while len(out) < k:
        code = rng.choices(w["states"], w["weights"])[0]
        if code not in out:
            out.append(code)
    return out


def story(seed: int, j: int) -> Story:
    rng = random.Random(f"{seed}/story/{j}")
    w = world()
    kind = rng.choices(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()))[0]
    a, b, c = _states(rng, 3)
    date = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    off = {"A": _official(a, kind, date.year, rng), "B": _official(b, kind, date.year, rng),
           "C": _official(c, "condemnation", date.year, rng)}
    host = a if kind not in ("meeting", "agreement", "aid") or rng.random() < 0.5 else b
    host_cities = w["cities"].get(host) or [refdata.states()[host].capital]
    capital = refdata.states()[host].capital
    place = capital if (kind in ("meeting", "agreement", "call", "sanctions", "expulsion", "appeal")
                        and capital in refdata.places() and rng.random() < 0.8) else rng.choice(host_cities)
    pool = T.TOPICS_BY_KIND[kind]
    first = rng.choice(pool)
    others = [t for t in rng.sample(list(refdata.topics()), 6) if t != first][:2]
    return Story(kind=kind, a=a, b=b, c=c, date=date, off=off, place=place, topics=[first] + others,
                 org=rng.choice(w["orgs"]), n=rng.randint(3, 60), m=rng.randint(12, 400),
                 money=f"{rng.randint(1, 9)}.{rng.randint(1, 9)}", back_month=rng.randrange(12),
                 back_year=rng.randint(2005, date.year - 1), lang=rng.choice(LANGS))


# --- language helpers ---------------------------------------------------------------------------------------

_RU_ADJ_GEN = (("ая", "ой"), ("яя", "ей"), ("ое", "ого"), ("ые", "ых"), ("ий", "ого"), ("ый", "ого"))


def ru_genitive(name: str) -> str:
    """A rough genitive of a Russian state name (good for the usual ones: России, Пакистана, Саудовской Аравии)."""
    words = name.split(" ")
    if len(words) > 1 and words[0][:1].isupper() and words[-1][:1].isupper():
        return " ".join(_ru_gen_word(w, adjective=k < len(words) - 1) for k, w in enumerate(words))
    return _ru_gen_word(name, adjective=False)


def _ru_gen_word(word: str, adjective: bool) -> str:
    if adjective:
        for end, gen in _RU_ADJ_GEN:
            if word.endswith(end):
                return word[: -len(end)] + gen
        return word
    if word.isupper() or "-" in word:
        return word                                     # США, ОАЭ, Гвинея-Бисау: left as they are
    if word.endswith("ия"):
        return word[:-2] + "ии"
    if word.endswith("ты"):
        return word[:-1] + "ов"                          # Штаты → Штатов, Эмираты → Эмиратов
    if word.endswith("а"):
        return word[:-1] + ("и" if word[-2:-1] in "гкхжшщч" else "ы")
    if word.endswith("я"):
        return word[:-1] + "и"
    if word.endswith("ь"):
        return word[:-1] + "я"                           # Израиль → Израиля
    if word.endswith("й"):
        return word[:-1] + "я"
    if word[-1] in "оеиуюэ":
        return word
    return word + "а"


def ru_locative(name: str) -> str:
    """«в Москве», «в Исламабаде», «в Нью-Дели»."""
    if " " in name or "-" in name or name[-1] in "оеиуюэ":
        return f"в {name}"
    if name.endswith("ия"):
        return f"в {name[:-2]}ии"
    if name.endswith(("а", "я")):
        return f"в {name[:-1]}е"
    if name.endswith("ь"):
        return f"в {name[:-1]}и"
    return f"в {name}е"


def _title(phrase: str) -> str:
    small = {"of", "the", "and", "for"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in phrase.split())


def en_post(o: Official) -> str:
    roles, portfolios = refdata.roles(), refdata.portfolios()
    p = portfolios[o.portfolio].label("en") if o.portfolio in portfolios else None
    short = {"foreign-affairs": "Foreign", "defence": "Defence", "interior": "Interior", "finance": "Finance",
             "trade": "Trade", "energy": "Energy"}
    if o.role in ("minister", "deputy-minister", "first-deputy-minister") and p:
        if o.portfolio == "state" and o.role == "minister":
            return "Secretary of State"
        prefix = {"minister": "", "deputy-minister": "Deputy ", "first-deputy-minister": "First Deputy "}[o.role]
        return f"{prefix}{short[o.portfolio]} Minister" if o.portfolio in short else f"{prefix}Minister of {p}"
    if o.role == "spokesperson" and o.portfolio == "foreign-affairs":
        return "Foreign Ministry spokesperson"
    label = roles[o.role].label("en") if o.role in roles else o.role.replace("-", " ")
    return _title(label)


def ru_post(o: Official, state_gen: str) -> str:
    roles, portfolios = refdata.roles(), refdata.portfolios()
    if o.role == "minister" and o.portfolio == "state":
        return f"госсекретарь {state_gen}"
    if o.role == "spokesperson" and o.portfolio == "foreign-affairs":
        return f"официальный представитель МИД {state_gen}"
    label = roles[o.role].label("ru") if o.role in roles else "министр"
    info = portfolios.get(o.portfolio) if o.portfolio else None
    tail = (info.extra.get("post_ru") or "").split("|")[0] if info else ""
    return " ".join(x for x in (label, tail, state_gen) if x)


def ar_nisba(state: str, feminine: bool = False) -> str:
    adj = refdata.states()[state].adjectives["ar"][0]
    return " ".join("ال" + (w + "ة" if feminine else w) for w in adj.split())


def ar_post(o: Official) -> str:
    roles, portfolios = refdata.roles(), refdata.portfolios()
    nisba = ar_nisba(o.state)
    if o.role == "spokesperson":
        return f"المتحدث باسم وزارة الخارجية {ar_nisba(o.state, feminine=True)}"
    label = roles[o.role].label("ar") if o.role in roles else "وزير"
    info = portfolios.get(o.portfolio) if o.portfolio else None
    if info is not None:
        tail = (info.extra.get("post_ar") or "").split("|")[0] or info.label("ar")
        return f"{label} {tail} {nisba}"
    if " " not in label and not label.startswith("ال"):
        label = "ال" + label
    return f"{label} {nisba}"


def _spelling(o: Official, lang: str, rng: random.Random) -> str:
    names = o.names.get(lang) or o.names["en"]
    return names[1] if len(names) > 1 and rng.random() < 0.2 else names[0]


def _state_name(code: str, lang: str, rng: random.Random) -> str:
    names = refdata.states()[code].names[lang]
    if lang == "en" or len(names) == 1 or rng.random() < 0.85:
        return names[0]
    short = [n for n in names[1:4] if len(n.split()) <= 2]
    return rng.choice(short) if short else names[0]


def _place_name(pid: str, lang: str) -> str:
    info = refdata.places().get(pid)
    return info.label(lang) if info else pid


# --- rendering ----------------------------------------------------------------------------------------------

def _slots(s: Story, lang: str, rng: random.Random, published: dt.date) -> dict:
    tab = T.TABLES[lang]
    states = {k: _state_name(code, lang, rng) for k, code in (("A", s.a), ("B", s.b), ("C", s.c))}
    slots: dict[str, str] = {k: v for k, v in states.items()}
    for k, code in (("A", s.a), ("B", s.b), ("C", s.c)):
        o = s.off[k]
        name = _spelling(o, lang, rng)
        slots[f"name{k}"] = name
        slots[f"sur{k}"] = name.split()[0 if code in FAMILY_NAME_FIRST else -1]
        if lang == "en":
            adj = refdata.states()[code].adjectives["en"][0]
            slots[f"{k}adj"] = adj
            slots[f"off{k}"] = (f"{adj} {en_post(o)} {name}" if rng.random() < 0.7
                                else f"{states[k]}'s {en_post(o)}, {name},")
        elif lang == "ru":
            gen = ru_genitive(states[k])
            slots[f"{k}gen"] = gen
            slots[f"{k}adj"] = refdata.states()[code].adjectives["ru"][0]
            slots[f"off{k}"] = f"{ru_post(o, gen)} {name}"
        else:
            slots[f"{k}adj"] = ar_nisba(code)
            slots[f"{k}adj_f"] = ar_nisba(code, feminine=True)
            slots[f"off{k}"] = f"{ar_post(o)} {name}"
    place = _place_name(s.place, lang)
    slots["place"] = place
    slots["PLACE"] = place.upper() if lang != "ar" else place
    slots["placeIn"] = ru_locative(place) if lang == "ru" else place
    topics = refdata.topics()
    for k, tid in enumerate(s.topics, 1):
        labels = topics[tid].labels.get(lang) or topics[tid].labels["en"]
        slots[f"t{k}"] = labels[0]
    org = refdata.organizations()[s.org]
    acr = org.acronym(lang)
    slots["org"] = acr if acr and lang != "ar" and rng.random() < 0.5 else org.label(lang)
    slots.update(n=str(s.n), m=str(s.m), money=s.money, year=str(s.back_year),
                 weapon=rng.choice(T.WEAPONS[lang]), agency=rng.choice(T.AGENCIES[lang]))
    months = tab["months_nom"] if lang == "ru" else (tab["months_levant"] if lang == "ar" and rng.random() < 0.3
                                                      else tab["months"])
    slots["month"] = months[s.back_month]
    slots["when"] = _when(s.date, published, lang, rng)
    slots["day"], slots["mon"] = str(published.day), (tab.get("months_short") or tab["months"])[published.month - 1]
    return slots


def _when(date: dt.date, published: dt.date, lang: str, rng: random.Random) -> str:
    wd = date.weekday()
    same = date == published
    if lang == "en":
        return rng.choice([f"on {T.EN['weekdays'][wd]}", "today" if same else "yesterday",
                           f"on {T.EN['months'][date.month - 1]} {date.day}"])
    if lang == "ru":
        return rng.choice([T.RU["weekdays"][wd], "сегодня" if same else "накануне",
                           f"{date.day} {T.RU['months'][date.month - 1]}"])
    day = T.AR["weekdays"][wd]
    return rng.choice([f"اليوم {day}" if same else f"أمس {day}", f"يوم {day}"])


def _fill(template: str, slots: dict) -> str:
    text = template.format(**slots)
    return text[:1].upper() + text[1:]


def _date_line(published: dt.date, lang: str) -> str:
    if lang == "en":
        return f"{T.EN['months'][published.month - 1]} {published.day}, {published.year}"
    if lang == "ru":
        return f"{published.day} {T.RU['months'][published.month - 1]} {published.year}"
    return f"{published.day} {T.AR['months'][published.month - 1]} {published.year}"


ROLES = ("quote", "context", "topics", "quote", "background", "analyst", "detail", "member", "program", "next",
         "reaction", "context", "analyst", "detail")


def article(seed: int, i: int, langs: tuple[str, ...] = LANGS) -> dict:
    """Article ``i`` of the corpus of ``seed``: a dict with title, text, published, lang, source, url."""
    rng = random.Random(f"{seed}/article/{i}")
    j = i - rng.randint(1, 40) if i > 0 and rng.random() < RETELL else i
    s = story(seed, max(j, 0))
    lang = s.lang if j == i and s.lang in langs else rng.choice(langs)
    published = s.date + dt.timedelta(days=rng.choice((0, 0, 1)))
    tab = T.TABLES[lang]
    slots = _slots(s, lang, rng, published)
    title = _fill(rng.choice(tab["headline"][s.kind]), slots)
    lead = _fill(tab["dateline"], slots) + _fill(rng.choice(tab["lead"][s.kind]), slots)
    target = rng.randint(*TARGET_BYTES)
    paragraphs, current = [lead], []
    size = len(title.encode()) + len(lead.encode()) + 60
    used: set[tuple[str, int]] = set()
    count = 1
    for role in ROLES:
        if size >= target and count >= 4:
            break
        choices = tab[role]
        options = [k for k in range(len(choices)) if (role, k) not in used]
        if not options:
            continue
        k = rng.choice(options)
        used.add((role, k))
        if role == "quote":
            q = {"q1": _fill(rng.choice(tab["q1"]), slots), "q2": rng.choice(tab["q2"]).format(**slots)}
            sentence = _fill(choices[k], {**slots, **q})
        else:
            sentence = _fill(choices[k], slots)
        current.append(sentence)
        size += len(sentence.encode()) + 1
        count += 1
        if len(current) == 2 or rng.random() < 0.4:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    credit = tab["credit"].format(**slots)
    text = "\n".join([title, _date_line(published, lang), "\n\n".join(paragraphs), credit]) + "\n"
    return {"title": title, "text": text, "published": published.isoformat(), "lang": lang,
            "source": slots["agency"], "url": f"https://news.example.org/{lang}/{seed}/{i:07d}"}


def articles(n: int, seed: int = 1, langs: tuple[str, ...] = LANGS, start: int = 0) -> Iterator[dict]:
    for i in range(start, start + n):
        yield article(seed, i, langs)


def write(n: int, out: str | os.PathLike, seed: int = 1, fmt: str = "txt", shards: int = 1,
          langs: tuple[str, ...] = LANGS) -> dict:
    """Write ``n`` articles under ``out``: ``txt`` (``out/<i>-<lang>.txt``, in input order; the whole text in the
    samples' layout)
    or ``jsonl`` (``shards`` files ``out/corpus-<k>.jsonl``, fields title/published/lang/source/url/text, the text
    without headline and date line). Returns counts and sizes."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    stats = {"articles": 0, "bytes": 0, "chars": 0, "by_lang": {}}
    files = []
    if fmt == "jsonl":
        files = [open(out / f"corpus-{k:03d}.jsonl", "w", encoding="utf-8") for k in range(shards)]
    try:
        for i, art in enumerate(articles(n, seed, langs)):
            text = art["text"]
            stats["articles"] += 1
            stats["bytes"] += len(text.encode("utf-8"))
            stats["chars"] += len(text)
            stats["by_lang"][art["lang"]] = stats["by_lang"].get(art["lang"], 0) + 1
            if fmt == "jsonl":
                body = text.split("\n", 2)[2]        # headline and date line go into their fields
                record = {k: art[k] for k in ("title", "published", "lang", "source", "url")}
                record["text"] = body
                files[i % shards].write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                (out / f"{i:07d}-{art['lang']}.txt").write_text(text, encoding="utf-8")
    finally:
        for f in files:
            f.close()
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write a synthetic ar/ru/en news corpus (see the module docstring).")
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    ap.add_argument("--shards", type=int, default=1, help="JSON Lines files to spread the articles over")
    ap.add_argument("--langs", default=",".join(LANGS), help="comma-separated subset of ar,ru,en")
    args = ap.parse_args(argv)
    langs = tuple(x for x in args.langs.split(",") if x)
    started = time.perf_counter()
    stats = write(args.n, args.out, args.seed, args.format, args.shards, langs)
    took = time.perf_counter() - started
    print(f"{stats['articles']} articles ({stats['by_lang']}) in {args.out}: mean "
          f"{stats['bytes'] / max(stats['articles'], 1):.0f} bytes / {stats['chars'] / max(stats['articles'], 1):.0f}"
          f" characters; {took:.1f} s ({stats['articles'] / took:.0f} articles/s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
