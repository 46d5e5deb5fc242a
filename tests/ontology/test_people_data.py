"""The people reference table (ontology/data/people.tsv), read through ontology.refdata.people()."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

import pytest

from ontology import DATA
from ontology import refdata

PEOPLE = refdata.people()
STATES = refdata.states()
ORGS = refdata.organizations()
ROLES = refdata.roles()
PORTFOLIOS = refdata.portfolios()

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID = re.compile(r"^Q[1-9][0-9]*$")
ARABIC = re.compile(r"[\u0600-\u06FF]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
ROMAN = re.compile(r"\b[IVX]+\b")                       # regnal numbers: Абдалла II, Карл XVI Густав

FIRST_YEAR, LAST_YEAR = 1950, 2025
# A post held by one person at a time in a state: two holders' terms may share only their first/last year.
SINGLE_HOLDER = {"president", "king", "emir", "sultan", "prime-minister", "head-of-government",
                 ("minister", "foreign-affairs"), ("minister", "defence"), ("minister", "state")}
# States with rival governments in the period, where two prime ministers did hold office at once.
RIVALS = {("LY", "prime-minister"), ("PS", "prime-minister")}

HEADS = {"president", "king", "emir", "sultan", "leader", "prime-minister", "head-of-government", "chairman"}
# States whose head of state or government, and whose foreign minister, must be in the table (2015-2025).
COVERED = """
AR AU BR CA CN FR DE IN ID IT JP KR MX RU SA ZA TR GB US
DZ BH DJ EG IQ JO KW LB LY MR MA OM PS QA SO SD SY TN AE YE
IR IL PK AF KZ UZ KG TJ TM AM AZ GE BY UA RS HU PL NO SE FI DK IS
NG ET KE ML NE BF VE CU KP VN PH
""".split()
HEADS_ONLY = {"KM", "NE", "BF", "SO"}                    # their foreign ministers are not (yet) listed
ORG_CHIEFS = {"un": "secretary-general", "nato": "secretary-general", "arab-league": "secretary-general",
              "gcc": "secretary-general", "oic": "secretary-general", "sco": "secretary-general",
              "csto": "secretary-general", "african-union": "chairman", "eu": "foreign-policy-chief",
              "european-commission": "president", "european-council": "president", "iaea": "director",
              "who": "director", "opec": "secretary-general"}


def slugify(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s.replace("'", "").replace(".", " ")).strip("-")


def overlaps(a: refdata.Post, b: refdata.Post) -> bool:
    """True when two terms share more than a boundary year."""
    a_end = a.to_year if a.to_year is not None else 10_000
    b_end = b.to_year if b.to_year is not None else 10_000
    return a.from_year < b_end and b.from_year < a_end


def state_posts(person):
    return [p for p in person.posts if p.org is None]


# ---- shape ---------------------------------------------------------------------------------------------

def test_count():
    assert len(PEOPLE) >= 450


def test_ids_unique_in_file():
    rows = refdata.read_tsv(DATA / "people.tsv")
    dupes = [i for i, n in Counter(r["id"] for r in rows).items() if n > 1]
    assert not dupes
    assert len(rows) == len(PEOPLE)


def test_columns():
    rows = refdata.read_tsv(DATA / "people.tsv")
    assert list(rows[0]) == ["id", "wikidata", "state", "org", "posts", "name_en", "name_ar", "name_ru"]


def test_ids_are_slugs_of_english_names():
    for pid, p in PEOPLE.items():
        assert SLUG.match(pid), pid
        assert p.id == pid
        assert pid == slugify(p.names["en"][0]), pid


def test_wikidata_ids():
    qids = [p.wikidata for p in PEOPLE.values() if p.wikidata]
    for q in qids:
        assert QID.match(q), q
    assert len(qids) == len(set(qids))


# ---- names ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "ar", "ru"])
def test_every_person_is_named_in_every_language(lang):
    missing = [pid for pid, p in PEOPLE.items() if not p.names[lang]]
    assert not missing


def test_name_scripts():
    for pid, p in PEOPLE.items():
        for name in p.names["en"]:
            assert LATIN.search(name) and not ARABIC.search(name) and not CYRILLIC.search(name), (pid, name)
        for name in p.names["ar"]:
            assert ARABIC.search(name) and not LATIN.search(name) and not CYRILLIC.search(name), (pid, name)
        for name in p.names["ru"]:
            assert CYRILLIC.search(name) and not ARABIC.search(name), (pid, name)
            assert not LATIN.search(ROMAN.sub("", name)), (pid, name)


def test_names_are_trimmed_and_not_repeated():
    for pid, p in PEOPLE.items():
        for lang, names in p.names.items():
            assert len(names) == len(set(names)), (pid, lang)
            for name in names:
                assert name == name.strip() and "  " not in name, (pid, name)


@pytest.mark.parametrize("lang", ["en", "ar", "ru"])
def test_preferred_names_are_unambiguous(lang):
    counts = Counter(p.names[lang][0] for p in PEOPLE.values())
    assert not [n for n, c in counts.items() if c > 1]


# ---- states, organisations, posts ----------------------------------------------------------------------

def test_states_and_orgs_exist():
    for pid, p in PEOPLE.items():
        assert p.state or p.org, pid
        if p.state:
            assert re.fullmatch(r"[A-Z]{2}", p.state), pid
            assert p.state in STATES and STATES[p.state].status != "historical", (pid, p.state)
        for org in p.orgs:
            assert org in ORGS, (pid, org)
        assert p.org == (p.orgs[0] if p.orgs else None)


def test_posts_parse_with_known_roles_and_portfolios():
    for pid, p in PEOPLE.items():
        assert p.posts, pid
        for post in p.posts:
            assert post.role in ROLES, (pid, post)
            assert post.portfolio is None or post.portfolio in PORTFOLIOS, (pid, post)
            if post.org is not None:
                assert post.org in p.orgs, (pid, post)
            else:
                assert p.state, (pid, post)


def test_post_years_are_plausible():
    for pid, p in PEOPLE.items():
        for post in p.posts:
            assert FIRST_YEAR <= post.from_year <= LAST_YEAR, (pid, post)
            if post.to_year is not None:
                assert post.from_year <= post.to_year <= LAST_YEAR, (pid, post)
        assert any(post.from_year <= LAST_YEAR and (post.to_year is None or post.to_year >= 2015)
                   for post in p.posts), f"{pid}: no post in 2015-2025"


def test_a_person_does_not_hold_one_post_twice_at_once():
    for pid, p in PEOPLE.items():
        for i, a in enumerate(p.posts):
            for b in p.posts[i + 1:]:
                if a[:2] == b[:2] and a.org == b.org:
                    assert not overlaps(a, b), (pid, a, b)


def test_single_holder_posts_do_not_overlap():
    terms = defaultdict(list)
    for pid, p in PEOPLE.items():
        for post in state_posts(p):
            key = post.role if post.role in SINGLE_HOLDER else (post.role, post.portfolio)
            if key in SINGLE_HOLDER and (p.state, post.role) not in RIVALS:
                terms[(p.state, key)].append((pid, post))
    clashes = []
    for key, held in terms.items():
        for i, (pa, a) in enumerate(held):
            for pb, b in held[i + 1:]:
                if pa != pb and overlaps(a, b):
                    clashes.append((key, pa, pb))
    assert not clashes


def test_parse_posts():
    posts = refdata.parse_posts("ambassador@1994-2004;minister/foreign-affairs@2004-")
    assert posts == (refdata.Post("ambassador", None, 1994, 2004),
                     refdata.Post("minister", "foreign-affairs", 2004, None))
    role, portfolio, start, end = posts[1][:4]
    assert (role, portfolio, start, end) == ("minister", "foreign-affairs", 2004, None)
    assert refdata.parse_posts("nato:secretary-general@2014-2024")[0].org == "nato"
    assert refdata.parse_posts("secretary-general@2017-", "un")[0].org == "un"
    for bad in ("minister/foreign-affairs", "minister@04-", "Minister@2004-", "minister@2004-05"):
        with pytest.raises(ValueError):
            refdata.parse_posts(bad)


def test_records_are_immutable():
    p = PEOPLE["sergey-lavrov"]
    with pytest.raises(Exception):
        p.state = "US"
    with pytest.raises(TypeError):
        p.names["en"] = ("x",)
    assert isinstance(p.posts, tuple)


# ---- coverage ------------------------------------------------------------------------------------------

def _in_period(post):
    return post.from_year <= LAST_YEAR and (post.to_year is None or post.to_year >= 2015)


@pytest.mark.parametrize("code", COVERED)
def test_coverage_of_states(code):
    people = [p for p in PEOPLE.values() if p.state == code]
    assert any(post.role in HEADS and _in_period(post) for p in people for post in state_posts(p)), code
    if code not in HEADS_ONLY:
        fm = ("state",) if code == "US" else ("foreign-affairs",)
        assert any(post.role == "minister" and post.portfolio in fm and _in_period(post)
                   for p in people for post in state_posts(p)), code


@pytest.mark.parametrize("org,role", sorted(ORG_CHIEFS.items()))
def test_coverage_of_organisations(org, role):
    assert any(post.org == org and post.role == role and _in_period(post)
               for p in PEOPLE.values() for post in p.posts), org


def test_g20_foreign_and_defence_ministers_over_the_period():
    g20 = "AR AU BR CA CN FR DE IN ID IT JP KR MX RU SA ZA TR GB US".split()
    for code in g20:
        for portfolio in ("defence", "state" if code == "US" else "foreign-affairs"):
            years = {y for p in PEOPLE.values() if p.state == code for post in state_posts(p)
                     if post.role == "minister" and post.portfolio == portfolio for y in range(2015, 2026)
                     if post.covers(y)}
            # every year 2015-2025 has a holder, but the few where the head of government held the post himself
            assert len(years) >= 9, (code, portfolio, sorted(set(range(2015, 2026)) - years))


# ---- spot checks ---------------------------------------------------------------------------------------

def _has(person, role, portfolio=None, start=None, end="any", org=None):
    return any(p.role == role and p.portfolio == portfolio and (start is None or p.from_year == start)
               and (end == "any" or p.to_year == end) and p.org == org for p in person.posts)


def test_lavrov():
    p = PEOPLE["sergey-lavrov"]
    assert p.state == "RU" and _has(p, "minister", "foreign-affairs", 2004, None)
    assert p.names["en"][0] == "Sergey Lavrov" and "Sergei Lavrov" in p.names["en"]
    assert "سيرغي لافروف" in p.names["ar"] and p.names["ru"][0] == "Сергей Лавров"
    assert [x.role for x in p.posts_in(2020)] == ["minister"]


def test_putin():
    p = PEOPLE["vladimir-putin"]
    assert p.state == "RU" and p.wikidata == "Q7747"
    assert _has(p, "president", None, 2000, 2008) and _has(p, "prime-minister", None, 2008, 2012)
    assert _has(p, "president", None, 2012, None)
    assert "فلاديمير بوتين" in p.names["ar"] and p.names["ru"][0] == "Владимир Путин"


def test_shoigu():
    p = PEOPLE["sergei-shoigu"]
    assert p.state == "RU" and _has(p, "minister", "defence", 2012, 2024)
    assert _has(p, "security-council-secretary", None, 2024, None)
    assert all("Shoigu" in n for n in p.names["en"]) and p.names["ru"][0] == "Сергей Шойгу"
    assert any("شويغو" in n for n in p.names["ar"])


def test_zakharova():
    p = PEOPLE["maria-zakharova"]
    assert p.state == "RU" and _has(p, "spokesperson", "foreign-affairs", 2015, None)
    assert p.names["ar"][0] == "ماريا زاخاروفا" and p.names["ru"][0] == "Мария Захарова"


def test_erdogan():
    p = PEOPLE["recep-tayyip-erdogan"]
    assert p.state == "TR" and _has(p, "president", None, 2014, None) and _has(p, "prime-minister", None, 2003, 2014)
    assert "Recep Tayyip Erdoğan" in p.names["en"]
    assert any("أردوغان" in n for n in p.names["ar"]) and "Эрдоган" in p.names["ru"][0]


def test_guterres():
    p = PEOPLE["antonio-guterres"]
    assert p.state is None and p.org == "un"
    assert _has(p, "secretary-general", None, 2017, None, org="un")
    assert any("غوتيريش" in n for n in p.names["ar"]) and p.names["ru"][0] == "Антониу Гутерриш"


def test_sisi():
    p = PEOPLE["abdel-fattah-el-sisi"]
    assert p.state == "EG" and _has(p, "president", None, 2014, None)
    assert p.names["ar"][0] == "عبد الفتاح السيسي" and p.names["ru"][0] == "Абдель Фаттах ас-Сиси"
    assert "Abdel Fattah al-Sisi" in p.names["en"]


def test_shoukry_and_his_successor():
    p = PEOPLE["sameh-shoukry"]
    assert p.state == "EG" and _has(p, "minister", "foreign-affairs", 2014, 2024)
    assert p.names["ar"][0] == "سامح شكري" and p.names["ru"][0] == "Самех Шукри"
    q = PEOPLE["badr-abdelatty"]
    assert _has(q, "minister", "foreign-affairs", 2024, None) and q.names["ar"][0] == "بدر عبد العاطي"


def test_org_posts_of_people_with_a_state():
    rutte = PEOPLE["mark-rutte"]
    assert rutte.state == "NL" and _has(rutte, "prime-minister", None, 2010, 2024)
    assert _has(rutte, "secretary-general", None, 2024, None, org="nato")
    tusk = PEOPLE["donald-tusk"]
    assert _has(tusk, "president", None, 2014, 2019, org="european-council")
    assert not any(p.role == "president" and p.org is None for p in tusk.posts)


def test_well_known_spokespeople_and_chiefs_are_present():
    for pid in ("dmitry-peskov", "ned-price", "matthew-miller", "john-kirby", "mao-ning", "wang-wenbin",
                "zhao-lijian", "nasser-kanaani", "valery-gerasimov", "mark-milley", "asim-munir",
                "mohammad-bagheri", "herzi-halevi", "yasar-guler", "alexander-fomin", "mikhail-bogdanov",
                "sergei-ryabkov", "alexander-grushko", "vasily-nebenzia", "anatoly-antonov",
                "linda-thomas-greenfield", "abdel-fattah-al-burhan", "mohamed-hamdan-dagalo",
                "khalifa-haftar", "abdul-hamid-dbeibah", "hibatullah-akhundzada", "mohammed-bin-salman",
                "faisal-bin-farhan"):
        assert pid in PEOPLE, pid
