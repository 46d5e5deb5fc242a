"""Reference tables of organisations and places: shape, coverage, scripts, spot checks."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from ontology import DATA
from ontology import refdata

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO2 = re.compile(r"^[A-Z]{2}$")
QID = re.compile(r"^Q[1-9][0-9]*$")
ARABIC = re.compile(r"[\u0600-\u06FF]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")

# ISO 3166-1 alpha-2 codes of the 193 UN member states.
UN_MEMBERS = """
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD CL CN CO KM
CG CD CR CI HR CU CY CZ KP DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU
IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC
MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR RO RU RW KN LC VC WS SM ST SA SN
RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN
YE ZM ZW
""".split()
OBSERVERS_AND_OTHERS = ["VA", "PS", "XK", "TW", "EH"]


@pytest.fixture(scope="module")
def orgs():
    return refdata.organizations()


@pytest.fixture(scope="module")
def places():
    return refdata.places()


def _raw_rows(name):
    return refdata.read_tsv(DATA / name)


# --- file shape ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name,header", [
    ("organizations.tsv", ["id", "kind", "state", "wikidata", "name_en", "acronym_en", "name_ar", "acronym_ar",
                           "name_ru", "acronym_ru", "members"]),
    ("places.tsv", ["id", "kind", "state", "wikidata", "name_en", "name_ar", "name_ru"]),
])
def test_header_and_column_count(name, header):
    lines = [ln.rstrip("\n") for ln in open(DATA / name, encoding="utf-8")
             if ln.strip() and not ln.startswith("#")]
    assert lines[0].split("\t") == header
    for ln in lines[1:]:
        assert ln.count("\t") == len(header) - 1, ln


@pytest.mark.parametrize("name", ["organizations.tsv", "places.tsv"])
def test_ids_unique_slugs_and_cells_clean(name):
    rows = _raw_rows(name)
    ids = [r["id"] for r in rows]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    for row in rows:
        assert SLUG.match(row["id"]), row["id"]
        assert row["wikidata"] == "" or QID.match(row["wikidata"]), row
        assert row["state"] == "" or ISO2.match(row["state"]), row
        for col, cell in row.items():
            if cell:
                parts = cell.split("|")
                assert all(p == p.strip() and p for p in parts), (row["id"], col, cell)
                assert len(parts) == len(set(parts)), (row["id"], col, cell)


@pytest.mark.parametrize("name", ["organizations.tsv", "places.tsv"])
def test_wikidata_ids_unique(name):
    qids = [r["wikidata"] for r in _raw_rows(name) if r["wikidata"]]
    assert [q for q, n in Counter(qids).items() if n > 1] == []


# --- scripts per language -----------------------------------------------------------------------------------

def _check_names(item_id, names, acronyms=None):
    assert names["en"] and names["ar"] and names["ru"], item_id
    for v in names["en"]:
        assert LATIN.search(v) and not ARABIC.search(v) and not CYRILLIC.search(v), (item_id, v)
    for v in names["ar"]:
        assert ARABIC.search(v) and not LATIN.search(v) and not CYRILLIC.search(v), (item_id, v)
    for v in names["ru"]:
        assert CYRILLIC.search(v) and not ARABIC.search(v), (item_id, v)
    if acronyms is not None:
        for v in acronyms["en"]:
            assert not ARABIC.search(v) and not CYRILLIC.search(v), (item_id, v)
        for v in acronyms["ar"]:
            assert not CYRILLIC.search(v), (item_id, v)
        for v in acronyms["ru"]:
            assert not ARABIC.search(v), (item_id, v)


def test_org_scripts(orgs):
    for o in orgs.values():
        _check_names(o.id, o.names, o.acronyms)


def test_place_scripts(places):
    for p in places.values():
        _check_names(p.id, p.names)


# --- organisations ------------------------------------------------------------------------------------------

def test_org_counts(orgs):
    kinds = Counter(o.kind for o in orgs.values())
    assert set(kinds) <= {"igo", "alliance", "court", "armed-group", "party", "company", "agency", "other"}
    assert len(orgs) >= 130
    assert kinds["igo"] + kinds["alliance"] >= 70
    assert kinds["court"] >= 3
    assert kinds["armed-group"] >= 25
    assert kinds["party"] >= 15
    assert kinds["company"] >= 20
    assert kinds["agency"] >= 25


def test_agencies_have_state_and_multinational_bodies_none(orgs):
    for o in orgs.values():
        if o.kind == "agency":
            assert o.state and ISO2.match(o.state), o.id
    assert not any(o.state for o in orgs.values() if o.kind in ("igo", "alliance", "court"))


def test_org_spot_checks(orgs):
    un = orgs["un"]
    assert un.kind == "igo" and un.wikidata == "Q1065" and un.acronym("ru") == "ООН"
    sco = orgs["sco"]
    assert sco.acronym() == "SCO" and sco.label("ar") == "منظمة شنغهاي للتعاون" and sco.acronym("ru") == "ШОС"
    nato = orgs["nato"]
    assert nato.kind == "alliance" and nato.acronym("ru") == "НАТО"
    assert {"حلف شمال الأطلسي", "الناتو", "حلف الناتو"} <= set(nato.names["ar"])
    assert "Североатлантический альянс" in nato.names["ru"]
    assert orgs["csto"].acronym("ru") == "ОДКБ" and orgs["cis"].acronym("ru") == "СНГ"
    assert orgs["eu"].acronym("ru") == "ЕС" and "Евросоюз" in orgs["eu"].names["ru"]
    assert {"جامعة الدول العربية", "الجامعة العربية"} <= set(orgs["arab-league"].names["ar"])
    assert orgs["arab-league"].acronym("ru") == "ЛАГ"
    assert "مجلس الأمن" in orgs["un-security-council"].names["ar"]
    assert orgs["un-security-council"].acronym("ru") == "СБ ООН"
    assert orgs["iaea"].label("ar") == "الوكالة الدولية للطاقة الذرية"
    assert {o.kind for o in (orgs["icj"], orgs["icc"], orgs["echr"])} == {"court"}
    assert orgs["taliban"].kind == "armed-group" and "طالبان" in orgs["taliban"].names["ar"]
    assert "Daesh" in orgs["islamic-state"].names["en"] and "داعش" in orgs["islamic-state"].names["ar"]
    assert "Ansar Allah" in orgs["houthis"].names["en"]
    assert orgs["tass"].kind == "agency" and orgs["tass"].state == "RU" and orgs["tass"].label("ru") == "ТАСС"
    assert {"ريا نوفوستي", "نوفوستي"} <= set(orgs["ria-novosti"].names["ar"])
    assert orgs["mena"].acronym("ar") == "أ ش أ" and orgs["mena"].state == "EG"
    # PTI: an Indian agency and a Pakistani party
    assert (orgs["pti-india"].kind, orgs["pti-india"].state) == ("agency", "IN")
    assert (orgs["pti-pakistan"].kind, orgs["pti-pakistan"].state) == ("party", "PK")
    assert orgs["united-russia"].label("ru") == "Единая Россия"
    assert orgs["rosoboronexport"].kind == "company" and orgs["rosoboronexport"].state == "RU"


# --- places -------------------------------------------------------------------------------------------------

def test_place_counts(places):
    kinds = Counter(p.kind for p in places.values())
    assert set(kinds) <= {"capital", "city", "region", "sea", "other"}
    assert kinds["city"] >= 150
    assert kinds["region"] >= 50
    assert kinds["sea"] >= 20


def test_every_state_has_a_capital(places):
    assert len(set(UN_MEMBERS)) == 193
    with_capital = {p.state for p in places.values() if p.kind == "capital"}
    missing = [c for c in UN_MEMBERS + OBSERVERS_AND_OTHERS if c not in with_capital]
    assert missing == []
    assert "hong-kong" in places


def test_place_states(places):
    for p in places.values():
        if p.kind in ("capital", "city"):
            assert p.state and ISO2.match(p.state), p.id
        if p.kind == "sea":
            assert p.state is None, p.id


def test_capital_ids_follow_the_slug_rule(places):
    for pid in ("moscow", "new-delhi", "washington", "kuala-lumpur", "abu-dhabi", "addis-ababa", "kyiv", "beijing",
                "tehran", "riyadh", "cairo", "damascus", "baghdad", "kabul", "islamabad", "ankara", "kuwait-city",
                "mexico-city", "panama-city", "guatemala-city", "vatican-city", "singapore", "luxembourg",
                "pristina", "taipei", "laayoune", "ramallah", "jerusalem"):
        assert places[pid].kind == "capital", pid


def test_place_spot_checks(places):
    isb = places["islamabad"]
    assert (isb.state, isb.wikidata) == ("PK", "Q1362") and {"إسلام أباد", "اسلام آباد"} <= set(isb.names["ar"])
    assert places["moscow"].label("ru") == "Москва" and places["moscow"].label("ar") == "موسكو"
    assert places["washington"].label("ar") == "واشنطن" and places["washington"].label("ru") == "Вашингтон"
    assert places["kyiv"].label("ar") == "كييف" and "Kiev" in places["kyiv"].names["en"]
    assert {"نيودلهي", "نيو دلهي"} <= set(places["new-delhi"].names["ar"])
    assert "Нью-Дели" in places["new-delhi"].names["ru"]
    assert places["riyadh"].label("ru") == "Эр-Рияд"
    assert {"سان بطرسبرغ", "سانت بطرسبورغ"} <= set(places["saint-petersburg"].names["ar"])
    assert {"Санкт-Петербург", "Петербург"} <= set(places["saint-petersburg"].names["ru"])
    assert places["chennai"].label("ar") == "تشيناي" and places["chennai"].label("ru") == "Ченнаи"
    gaza = places["gaza-strip"]
    assert (gaza.kind, gaza.state) == ("region", "PS") and gaza.label("ar") == "قطاع غزة"
    assert (places["east-jerusalem"].kind, places["east-jerusalem"].state) == ("region", "PS")
    assert places["crimea"].state == "UA" and places["golan-heights"].state == "SY"
    assert places["abkhazia"].state == "GE" and places["sahel"].state is None
    assert (places["tripoli"].state, places["tripoli-lebanon"].state) == ("LY", "LB")
    assert places["juba"].kind == "capital" and places["tashkent"].kind == "capital"
    gulf = places["persian-gulf"]
    assert gulf.kind == "sea" and {"الخليج العربي", "الخليج الفارسي"} <= set(gulf.names["ar"])
    assert places["suez-canal"].kind == "other"


def test_state_capitals_resolve_to_places(places):
    """states.tsv (another table) names capitals by place id: every one must exist here."""
    rows = refdata.read_tsv(DATA / "states.tsv")
    if not rows or "capital" not in rows[0]:
        pytest.skip("states.tsv has no capital column")
    unknown = sorted({r["capital"] for r in rows if r["capital"] and r["capital"] not in places})
    assert unknown == []


def test_state_codes_known_to_states_table(orgs, places):
    """Every state code used here is a row of states.tsv."""
    rows = refdata.read_tsv(DATA / "states.tsv")
    if len(rows) < 150:
        pytest.skip("states.tsv not filled yet")
    codes = {r["code"] for r in rows}
    unknown = sorted({(x.id, x.state) for t in (orgs, places) for x in t.values() if x.state and x.state not in codes})
    assert unknown == []


def test_members_are_known_states_of_multinational_groups():
    orgs = refdata.organizations()
    states = refdata.states()
    with_members = {o.id: o.members for o in orgs.values() if o.members}
    assert {"gcc", "g7", "csto"} <= set(with_members)
    for org_id, members in with_members.items():
        assert orgs[org_id].state is None and len(members) == len(set(members)) >= 2, org_id
        assert all(code in states for code in members), (org_id, members)
