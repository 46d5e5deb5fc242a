"""The states reference table (ontology/data/states.tsv), read through ontology.refdata.states()."""
import re
import unicodedata

import pytest

from ontology import refdata

STATES = refdata.states()
LIVING = [s for s in STATES.values() if s.status != "historical"]

UN_MEMBERS = set("""
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD CL CN CO KM
CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU
IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MC MN
ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR MD RO RU RW KN LC VC WS SM ST SA SN
RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG UA AE GB TZ US UY UZ VU VE VN
YE ZM ZW
""".split())

# (state, language) pairs with no adjective on purpose: none in common use, or the only one is a common word
# (Arabic مالي "financial", قمري "lunar", صحراوي "desert"), or it is shared with a better-known state
# ("Dominican" → DO, "Congolese" → CD).
NO_ADJECTIVE = {
    ("DM", "en"), ("HK", "en"), ("HK", "ar"), ("MO", "ar"), ("MO", "ru"), ("ML", "ar"), ("KM", "ar"), ("EH", "ar"),
    ("GW", "ar"), ("PG", "ar"), ("MC", "ar"), ("SM", "ar"), ("ST", "ar"), ("ST", "ru"), ("LC", "ar"),
    ("KN", "ar"), ("KN", "ru"), ("VC", "ar"), ("VC", "ru"), ("SB", "ar"), ("SB", "ru"),
    ("CG", "en"), ("CG", "ar"), ("CG", "ru"),
}

ARABIC = re.compile(r"^[\u0600-\u06FF\u0750-\u077F ()\-]+$")
CYRILLIC = re.compile(r"^[А-Яа-яЁё0-9 \-—'’.()]+$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FIELDS = ("names", "adjectives", "people", "prefixes", "seats")


def values(state, lang):
    for f in FIELDS:
        yield from getattr(state, f)[lang]


def test_counts_and_statuses():
    by_status = {}
    for s in STATES.values():
        by_status.setdefault(s.status, set()).add(s.code)
    assert set(by_status) <= {"un-member", "un-observer", "other", "historical"}
    assert by_status["un-member"] == UN_MEMBERS
    assert by_status["un-observer"] == {"VA", "PS"}
    assert {"XK", "TW", "EH", "HK", "MO"} <= by_status["other"]
    assert {"SU", "YU", "CS", "DD"} <= by_status["historical"]


def test_codes():
    for code, s in STATES.items():
        assert re.fullmatch(r"[A-Z]{2}", code) and s.code == code
        assert re.fullmatch(r"[A-Z]{3}", s.iso3), code
    assert len({s.iso3 for s in STATES.values()}) == len(STATES)


def test_codes_unique_in_file():
    rows = refdata.read_tsv(refdata.DATA / "states.tsv")
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))


def test_wikidata_ids():
    ids = [s.wikidata for s in STATES.values() if s.wikidata]
    assert all(re.fullmatch(r"Q[1-9]\d*", q) for q in ids)
    assert len(ids) == len(set(ids))
    assert STATES["RU"].wikidata == "Q159" and STATES["US"].wikidata == "Q30"
    assert STATES["PK"].wikidata == "Q843" and STATES["AF"].wikidata == "Q889"


def test_capitals_are_slugs():
    for s in STATES.values():
        if s.capital:
            assert SLUG.fullmatch(s.capital), (s.code, s.capital)
    assert STATES["IL"].capital == "jerusalem" and STATES["PS"].capital == "ramallah"
    assert STATES["US"].capital == "washington" and STATES["IN"].capital == "new-delhi"
    assert all(s.capital for s in LIVING if s.status == "un-member")


@pytest.mark.parametrize("lang,pattern", [("ar", ARABIC), ("ru", CYRILLIC)])
def test_script_of_each_language(lang, pattern):
    for s in STATES.values():
        for v in values(s, lang):
            assert pattern.fullmatch(v), (s.code, lang, v)


def test_english_is_latin():
    for s in STATES.values():
        for v in values(s, "en"):
            assert all(unicodedata.name(c, "").startswith(("LATIN", "SPACE", "FULL STOP", "HYPHEN", "APOSTROPHE",
                                                          "RIGHT SINGLE", "AMPERSAND"))
                       for c in v), (s.code, v)


def test_no_blank_or_repeated_values():
    for s in STATES.values():
        for f in FIELDS:
            for lang in refdata.LANGS:
                vals = getattr(s, f)[lang]
                assert all(v and v == v.strip() and "  " not in v for v in vals), (s.code, f, lang)
                assert len(vals) == len(set(vals)), (s.code, f, lang)


def test_every_living_state_has_names_and_adjectives():
    for s in LIVING:
        for lang in refdata.LANGS:
            assert s.names[lang], (s.code, lang)
            if (s.code, lang) not in NO_ADJECTIVE:
                assert s.adjectives[lang], (s.code, lang)
    stale = {(c, lang) for c, lang in NO_ADJECTIVE if STATES[c].adjectives[lang]}
    assert not stale, f"remove from NO_ADJECTIVE: {stale}"


def _key(lang, text):
    text = text.casefold().replace("ё", "е")
    if lang == "ar":
        text = re.sub(r"[\u064B-\u0652\u0640]", "", text)
        text = text.translate(str.maketrans("أإآ", "ااا"))
        text = " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in text.split())
    return text


def test_names_point_to_one_state():
    for lang in refdata.LANGS:
        owner = {}
        for s in STATES.values():
            for f in ("names", "adjectives", "people", "seats"):
                for v in getattr(s, f)[lang]:
                    k = _key(lang, v)
                    assert owner.setdefault(k, s.code) == s.code, (lang, v, owner[k], s.code)


SPOT = {
    # code: (name_en, name_ar, name_ru, adj_en, adj_ar, adj_ru)
    "RU": ("Russia", "روسيا", "Россия", "Russian", "روسي", "российский"),
    "PK": ("Pakistan", "باكستان", "Пакистан", "Pakistani", "باكستاني", "пакистанский"),
    "US": ("United States", "الولايات المتحدة", "США", "American", "أمريكي", "американский"),
    "CN": ("China", "الصين", "Китай", "Chinese", "صيني", "китайский"),
    "EG": ("Egypt", "مصر", "Египет", "Egyptian", "مصري", "египетский"),
    "SA": ("Saudi Arabia", "السعودية", "Саудовская Аравия", "Saudi", "سعودي", "саудовский"),
    "AE": ("United Arab Emirates", "الإمارات", "ОАЭ", "Emirati", "إماراتي", "эмиратский"),
    "KP": ("North Korea", "كوريا الشمالية", "КНДР", "North Korean", "كوري شمالي", "северокорейский"),
    "KR": ("South Korea", "كوريا الجنوبية", "Южная Корея", "South Korean", "كوري جنوبي", "южнокорейский"),
    "GB": ("United Kingdom", "بريطانيا", "Великобритания", "British", "بريطاني", "британский"),
    "PS": ("Palestine", "فلسطين", "Палестина", "Palestinian", "فلسطيني", "палестинский"),
    "XK": ("Kosovo", "كوسوفو", "Косово", "Kosovar", "كوسوفي", "косовский"),
    "TW": ("Taiwan", "تايوان", "Тайвань", "Taiwanese", "تايواني", "тайваньский"),
}


@pytest.mark.parametrize("code", sorted(SPOT))
def test_spot_checks(code):
    s = STATES[code]
    name_en, name_ar, name_ru, adj_en, adj_ar, adj_ru = SPOT[code]
    assert name_en in s.names["en"] and name_ar in s.names["ar"] and name_ru in s.names["ru"]
    assert adj_en in s.adjectives["en"] and adj_ar in s.adjectives["ar"] and adj_ru in s.adjectives["ru"]


def test_spot_checks_variants_and_abbreviations():
    us, gb, ru = STATES["US"], STATES["GB"], STATES["RU"]
    assert {"US", "U.S.", "USA"} <= set(us.names["en"])
    assert {"أمريكي", "أميركي"} <= set(us.adjectives["ar"])
    assert {"Соединённые Штаты", "Соединенные Штаты"} <= set(us.names["ru"])
    assert {"UK", "U.K.", "Britain"} <= set(gb.names["en"]) and "المملكة المتحدة" in gb.names["ar"]
    assert {"Британия", "Соединённое Королевство"} <= set(gb.names["ru"])
    assert "РФ" in ru.names["ru"] and "Kremlin" in ru.seats["en"] and "Кремль" in ru.seats["ru"]
    assert {"White House", "Pentagon"} <= set(us.seats["en"]) and "البيت الأبيض" in us.seats["ar"]
    assert "Sino" in STATES["CN"].prefixes["en"] and "пакистано" in STATES["PK"].prefixes["ru"]
    assert "DPRK" in STATES["KP"].names["en"] and "ROK" in STATES["KR"].names["en"]
    assert "PRC" in STATES["CN"].names["en"] and "КНР" in STATES["CN"].names["ru"]
    assert "UAE" in STATES["AE"].names["en"] and "ЮАР" in STATES["ZA"].names["ru"]
    assert "جمهورية الكونغو الديمقراطية" in STATES["CD"].names["ar"]
    assert "أتراك" in STATES["TR"].people["ar"] and "россияне" in ru.people["ru"]


@pytest.mark.parametrize("alias,code", [
    ("Burma", "MM"), ("Zaire", "CD"), ("Kampuchea", "KH"), ("Swaziland", "SZ"), ("Ceylon", "LK"),
    ("Persia", "IR"), ("Siam", "TH"), ("USSR", "SU"), ("East Germany", "DD"), ("Czechoslovakia", "CS"),
    ("Yugoslavia", "YU"),
])
def test_historical_names(alias, code):
    assert alias in STATES[code].names["en"]
