"""Plain-text articles: layout (switcher, headline, date line, body, publisher, credits) and datelines."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.readers import read_path
from ingest.readers.dates import parse_date, parse_date_line
from ingest.readers.layout import credit_kind, find_dateline, is_language_switcher, parse_layout
from ingest.model import Article

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "text"
REPO = HERE.parents[2]
SEED = REPO.parent / "shared" / "corpus" / "seed-ar-ru-pk-2021-09-29.txt"


def only_article(path) -> Article:
    items = list(read_path(path))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_seed_article():
    art = only_article(SEED)
    assert art.title == "روسيا وباكستان تؤكدان استعدادهما للتعاون العسكري"
    assert art.published == "2021-09-29"
    assert art.source == "نوفوستي"
    assert "مجموعة الرؤية الاستراتيجية" in art.publisher
    assert art.lang == "ar"
    assert art.text[art.body_start:].startswith("أكد نائب وزير الدفاع")
    assert art.text[art.body_end:].startswith(art.publisher)
    assert "المصدر: نوفوستي" in art.text[art.body_end:]
    assert art.path == str(SEED)


def test_seed_text_is_the_whole_file():
    art = only_article(SEED)
    assert art.text == SEED.read_text(encoding="utf-8")     # already NFC: offsets refer to the file


@pytest.mark.parametrize("name, expected", [
    ("ar-sputnik-levantine.txt", dict(
        lang="ar", title="لافروف يبحث مع نظيره السوري التسوية السياسية في موسكو", published="2021-10-13",
        source="سبوتنيك", publisher=None, body="موسكو - سبوتنيك. بحث", end="الصورة: وزارة")),
    ("ar-mena.txt", dict(
        lang="ar", title="مصر وروسيا تبحثان تعزيز التعاون العسكري والتدريبات المشتركة", published="2021-11-02",
        source="أ ش أ", publisher="بوابة الأخبار العربية", body="القاهرة - (أ ش أ) - التقى",
        end="بوابة الأخبار العربية")),
    ("ru-tass.txt", dict(
        lang="ru", title="Шойгу обсудил с министром обороны Пакистана военное сотрудничество",
        published="2021-09-29", source="ТАСС", publisher=None, body="МОСКВА, 29 сентября. /ТАСС/.",
        end="Фото: пресс-служба")),
    ("ru-ria-no-year.txt", dict(
        lang="ru", title="Лавров и Кураши обсудили ситуацию в Афганистане", published=None,
        source="РИА Новости", publisher=None, body="МОСКВА, 5 окт — РИА Новости.", end="Источник: РИА")),
    ("en-reuters.txt", dict(
        lang="en", title="Pakistan and Russia pledge closer defence ties after Islamabad talks",
        published="2021-09-29", source="Reuters", publisher=None, body="ISLAMABAD, Sept 29 (Reuters) -",
        end="(Reporting by Asif Shahzad")),
    ("en-ap-no-date.txt", dict(
        lang="en", title="US and India hold talks on maritime security", published=None, source="AP",
        publisher=None, body="WASHINGTON, Oct. 5 (AP) —", end="Photo: U.S.")),
])
def test_text_fixtures(name, expected):
    art = only_article(FIXTURES / name)
    assert art.lang == expected["lang"]
    assert art.title == expected["title"]
    assert art.published == expected["published"]
    assert art.source == expected["source"]
    assert art.publisher == expected["publisher"]
    assert art.text[art.body_start:].startswith(expected["body"])
    assert art.text[art.body_end:].startswith(expected["end"])
    assert art.text == (FIXTURES / name).read_text(encoding="utf-8")


def test_text_without_layout_is_still_an_article():
    art = only_article(FIXTURES / "en-no-layout.txt")
    assert art.title.startswith("The foreign ministers of Kazakhstan")
    assert art.published is None and art.source is None
    assert art.body_start == 0
    assert art.text[art.body_start:art.body_end].rstrip().endswith("priority for the region.")


def test_single_line_file(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("Переговоры продолжатся завтра", encoding="utf-8")
    art = only_article(path)
    assert art.title == "Переговоры продолжатся завтра"
    assert art.text[art.body_start:art.body_end] == "Переговоры продолжатся завтра"
    assert art.lang == "ru"


def test_date_line_above_the_headline():
    text = "2021-09-29\n\nIndia and Russia sign logistics pact\n\nNEW DELHI (AFP) - The two sides signed.\n"
    layout = parse_layout(text, "en")
    assert layout.title == "India and Russia sign logistics pact"
    assert layout.published == "2021-09-29"
    assert layout.source == "AFP"
    assert text[layout.body_start:].startswith("NEW DELHI (AFP)")


def test_dateline_day_month_takes_the_date_line_year_only_when_there_is_one():
    with_year = "Talks in Moscow\n29.09.2021\nMOSCOW, Sept 29 (Reuters) - Officials met.\n"
    assert parse_layout(with_year, "en").published == "2021-09-29"
    without = "Talks in Moscow\n\nMOSCOW, Sept 29 (Reuters) - Officials met.\n"
    assert parse_layout(without, "en").published is None


def test_ids_are_stable(tmp_path):
    content = (FIXTURES / "ru-tass.txt").read_bytes()
    (tmp_path / "a.txt").write_bytes(content)
    (tmp_path / "b.txt").write_bytes(content)
    first, second = only_article(tmp_path / "a.txt"), only_article(tmp_path / "b.txt")
    assert first.id == second.id == only_article(FIXTURES / "ru-tass.txt").id
    (tmp_path / "c.txt").write_bytes(content.replace("Шойгу".encode(), "Белоусов".encode()))
    assert only_article(tmp_path / "c.txt").id != first.id


@pytest.mark.parametrize("line, iso", [
    ("٢٩ سبتمبر ٢٠٢١", "2021-09-29"),
    ("٢٩ أيلول ٢٠٢١", "2021-09-29"),
    ("29 سبتمبر/أيلول 2021", "2021-09-29"),
    ("الأربعاء ١٣ تشرين الأول ٢٠٢١ - ١٠:٣٠", "2021-10-13"),
    ("٥ كانون الثاني ٢٠٢٢", "2022-01-05"),
    ("1 شباط 2022", "2022-02-01"),
    ("15 آذار 2022", "2022-03-15"),
    ("3 نيسان 2022", "2022-04-03"),
    ("9 أيار 2022", "2022-05-09"),
    ("30 حزيران 2022", "2022-06-30"),
    ("14 تموز 2022", "2022-07-14"),
    ("1 آب 2022", "2022-08-01"),
    ("۱۱ تشرين الثاني ۲۰۲۲", "2022-11-11"),
    ("31 كانون الأول 2022", "2022-12-31"),
    ("نشر في: 29/09/2021 - 10:15", "2021-09-29"),
    ("29 сентября 2021", "2021-09-29"),
    ("Среда, 29 сентября 2021 г., 14:30 МСК", "2021-09-29"),
    ("September 29, 2021", "2021-09-29"),
    ("Published: Wed 29 Sep 2021 10.15 BST", "2021-09-29"),
    ("2021-09-29", "2021-09-29"),
    ("29.09.2021", "2021-09-29"),
    ("09/29/2021", "2021-09-29"),
    ("29-Sep-2021", "2021-09-29"),                  # not in our patterns: dateparser's turn
])
def test_date_lines(line, iso):
    lang = "ar" if any("\u0600" <= ch <= "\u06ff" for ch in line) else "en"
    assert parse_date_line(line, lang) == iso


@pytest.mark.parametrize("line", [
    "Talks were held in Islamabad on September 29, 2021",
    "Ru En",
    "Переговоры состоялись 29 сентября 2021 года в Москве по инициативе сторон",
    "31.02.2021",
])
def test_not_date_lines(line):
    assert parse_date_line(line, "en") is None


def test_parse_date_fields():
    assert parse_date("2021-09-29T10:00:00Z", "en") == "2021-09-29T10:00:00+00:00"
    assert parse_date("2021-09-29", "en") == "2021-09-29"
    assert parse_date("٢٩ أيلول ٢٠٢١", "ar") == "2021-09-29"
    assert parse_date("not a date", "en") is None


@pytest.mark.parametrize("line, source, month_day, date", [
    ("MOSCOW, Sept 29 (Reuters) - Russia said", "Reuters", (9, 29), None),
    ("ISLAMABAD (AP) — Pakistan said", "AP", None, None),
    ("WASHINGTON, Sept. 29, 2021 (Reuters) - The", "Reuters", None, "2021-09-29"),
    ("МОСКВА, 29 сентября. /ТАСС/. Министр", "ТАСС", (9, 29), None),
    ("НЬЮ-ДЕЛИ, 6 декабря. /ТАСС/. Министры", "ТАСС", (12, 6), None),
    ("МОСКВА, 5 окт — РИА Новости. Глава", "РИА Новости", (10, 5), None),
    ("القاهرة - (أ ش أ) - التقى وزير", "أ ش أ", None, None),
    ("موسكو (رويترز) - قال الكرملين", "رويترز", None, None),
    ("موسكو - سبوتنيك. بحث وزير", "سبوتنيك", None, None),
    ("القاهرة في ٢٩ سبتمبر /أ ش أ/ أكد وزير", "أ ش أ", (9, 29), None),
])
def test_datelines(line, source, month_day, date):
    found = find_dateline(line)
    assert found is not None
    assert found.source == source
    assert found.month_day == month_day
    assert found.date == date


@pytest.mark.parametrize("line", [
    "Russia (officially the Russian Federation) - is a country",
    "The minister (Lavrov) - said",
    "Министр заявил, что переговоры прошли успешно.",
    "أكد نائب وزير الدفاع الروسي ألكسندر فومين",
])
def test_not_datelines(line):
    assert find_dateline(line) is None


@pytest.mark.parametrize("line, kind, value", [
    ("المصدر: نوفوستي", "source", "نوفوستي"),
    ("الصورة: مجلس الاتحاد الروسي", "photo", "مجلس الاتحاد الروسي"),
    ("صورة: أرشيفية", "photo", "أرشيفية"),
    ("المحرر: سليم حداد", "editor", "سليم حداد"),
    ("Источник: ТАСС", "source", "ТАСС"),
    ("Фото: пресс-служба Кремля", "photo", "пресс-служба Кремля"),
    ("Source: Reuters", "source", "Reuters"),
    ("Photo: AP", "photo", "AP"),
    ("(Reporting by Asif Shahzad; Editing by Mark Heinrich)", "editor",
     "Reporting by Asif Shahzad; Editing by Mark Heinrich"),
    ("© 2021 Reuters", "copyright", "© 2021 Reuters"),
])
def test_credit_lines(line, kind, value):
    assert credit_kind(line) == (kind, value)


def test_not_credit_lines():
    assert credit_kind("The source of the conflict is old.") is None
    assert credit_kind("وقال المصدر إن المحادثات مستمرة") is None


@pytest.mark.parametrize("line, expected", [
    ("Ru En", True), ("English | Русский", True), ("AR EN RU", True), ("العربية English Русский", True),
    ("Russia and Pakistan", False), ("EN: talks", False),
])
def test_language_switcher(line, expected):
    assert is_language_switcher(line) is expected


def test_zero_width_and_bidi_characters_are_kept(tmp_path):
    text = "\u200fعنوان الخبر\u200f\n\nنص\u200c الخبر هنا.\n"
    path = tmp_path / "bidi.txt"
    path.write_text(text, encoding="utf-8")
    art = only_article(path)
    assert art.text == text
    assert art.title == "\u200fعنوان الخبر\u200f"
    assert art.text[art.body_start:].startswith("نص\u200c")


@pytest.mark.parametrize("text, lang, published, title, body_opens", [
    # a masthead line carrying the date among a few words
    ("Gulf Monitor | Policy Notes\nNote No. 7 - 3 March 2025\n\nOman hosts talks on shipping\n\n"
     "Omani mediators hosted a fresh round of talks in Muscat on Sunday.\n", "en", "2025-03-03",
     "Gulf Monitor | Policy Notes", "Oman hosts talks"),
    # a newspaper's issue line above the headline
    ("Газета «Северный вестник» № 41 от 04.03.2025, стр. 2\n\nМинистры встретились в Осло\n\n"
     "Министры иностранных дел двух стран провели переговоры в Осло во вторник.\n", "ru", "2025-03-04",
     "Газета «Северный вестник» № 41 от 04.03.2025, стр. 2", "Министры встретились"),
    # the date line below a headline that follows a channel's banner: the headline is the title
    ("NORTH SEA RADIO | EUROPE\n\nNorway and Denmark agree on a joint patrol of their maritime border\n\n"
     "Posted 5 March 2025, 10:20 CET\n\nThe two governments announced the agreement on Wednesday.\n", "en",
     "2025-03-05", "Norway and Denmark agree on a joint patrol of their maritime border", "The two governments"),
    # a Levantine month glossed with the Egyptian name in brackets
    ("النشرة الدبلوماسية\nالثلاثاء 4 آذار (مارس) 2025\n\nمحادثات في عمّان\n\nعقد وزيرا الخارجية محادثات في عمّان.\n",
     "ar", "2025-03-04", "النشرة الدبلوماسية", "محادثات في عمّان"),
])
def test_publication_date_among_the_opening_lines(text, lang, published, title, body_opens):
    layout = parse_layout(text, lang)
    assert layout.published == published
    assert layout.title == title
    assert text[layout.body_start:].startswith(body_opens)


@pytest.mark.parametrize("text", [
    # a date in the first paragraph of the body is not the publication date
    "Talks in Oslo\n\nThe ministers met in Oslo on 3 March 2025 and agreed to meet again.\n",
    # nor is a date past the first long paragraph
    "Talks in Oslo\n\n" + "The ministers of the two states met in Oslo for a long round of talks that covered "
    "fisheries, the maritime border, energy and the war in Ukraine, officials said afterwards.\n\n"
    "Next round: 3 March 2026\n",
])
def test_no_publication_date_from_the_body(text):
    assert parse_layout(text, "en").published is None
