"""Dates in the text: absolute and partial dates in each language (Levantine month names too), a missing year
guessed from the publication date, relative days, and no dates made of bare years, durations or quantities."""
from __future__ import annotations

import pytest


def dates(ex) -> list[tuple[str, str]]:
    return [(value, m.text) for value, m in ex.dates]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The meeting took place on 15 March 2024.", ("2024-03-15", "15 March 2024")),
    ("en", "The meeting took place on March 15, 2024.", ("2024-03-15", "March 15, 2024")),
    ("en", "The meeting took place on 15 Mar 2024.", ("2024-03-15", "15 Mar 2024")),
    ("en", "The meeting took place on 2024-03-10.", ("2024-03-10", "2024-03-10")),
    ("en", "The meeting took place on 12.03.2024.", ("2024-03-12", "12.03.2024")),
    ("en", "The meeting took place in March 2024.", ("2024-03", "March 2024")),
    ("ar", "عقد الاجتماع في 15 مارس 2024.", ("2024-03-15", "15 مارس 2024")),
    ("ar", "عقد الاجتماع في 15 آذار 2024.", ("2024-03-15", "15 آذار 2024")),
    ("ar", "زار الوفد موسكو في ١٥ آذار ٢٠٢٤.", ("2024-03-15", "١٥ آذار ٢٠٢٤")),
    ("ar", "وقعت الاتفاقية في 1 أيلول/سبتمبر 2021.", ("2021-09-01", "1 أيلول/سبتمبر 2021")),
    ("ar", "وقعت الاتفاقية في شباط 2020.", ("2020-02", "شباط 2020")),
    ("ru", "Встреча состоялась 15 марта 2024 года.", ("2024-03-15", "15 марта 2024 года")),
    ("ru", "Встреча состоялась 12.03.2024.", ("2024-03-12", "12.03.2024")),
    ("ru", "Встреча состоялась в марте 2024 года.", ("2024-03", "марте 2024")),
])
def test_absolute_and_partial_dates(run, lang, text, expected):
    assert dates(run(text, lang)) == [expected]


LEVANTINE = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
             "تشرين الثاني", "كانون الأول"]


@pytest.mark.parametrize("month", range(1, 13))
def test_levantine_month_names(run, month):
    name = LEVANTINE[month - 1]
    ex = run(f"وصل الوفد يوم 5 {name} 2023 إلى دمشق.", "ar")
    assert dates(ex) == [(f"2023-{month:02d}-05", f"5 {name} 2023")]


@pytest.mark.parametrize("month", range(1, 13))
def test_levantine_month_with_year_only(run, month):
    name = LEVANTINE[month - 1]
    ex = run(f"الاتفاق الموقع في {name} 2023 مهم.", "ar")
    assert dates(ex) == [(f"2023-{month:02d}", f"{name} 2023")]


@pytest.mark.parametrize("lang, text, published, value", [
    ("en", "The meeting took place on March 15.", "2024-03-12", "2024-03-15"),
    ("en", "The talks were held on December 28.", "2024-01-02", "2023-12-28"),
    ("ar", "عقد الاجتماع في 3 كانون الأول.", "2024-03-12", "2023-12-03"),
    ("ru", "Встреча состоялась 3 января.", "2024-03-12", "2024-01-03"),
])
def test_missing_year_taken_from_publication(run, lang, text, published, value):
    assert [v for v, _ in run(text, lang, published=published).dates] == [value]


def test_missing_year_without_publication_is_unknown(run):
    assert run("The meeting took place on March 15.", "en", published=None).dates == []


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The meeting took place today.", ("2024-03-12", "today")),
    ("en", "The meeting took place yesterday.", ("2024-03-11", "yesterday")),
    ("en", "The meeting took place on Wednesday.", ("2024-03-06", "Wednesday")),
    ("en", "The meeting will take place on Thursday.", ("2024-03-14", "Thursday")),
    ("ar", "عقد الاجتماع اليوم.", ("2024-03-12", "اليوم")),
    ("ar", "عقد الاجتماع أمس.", ("2024-03-11", "أمس")),
    ("ar", "عقد الاجتماع امس.", ("2024-03-11", "امس")),
    ("ar", "عقد الاجتماع يوم الأربعاء الماضي.", ("2024-03-06", "الأربعاء")),
    ("ar", "سيعقد الاجتماع يوم الخميس.", ("2024-03-14", "الخميس")),
    ("ru", "Встреча состоялась сегодня.", ("2024-03-12", "сегодня")),
    ("ru", "Встреча состоялась вчера.", ("2024-03-11", "вчера")),
    ("ru", "Встреча состоялась позавчера.", ("2024-03-10", "позавчера")),
    ("ru", "Встреча состоялась в среду.", ("2024-03-06", "в среду")),
    ("ru", "Встреча состоится в четверг.", ("2024-03-14", "в четверг")),
])
def test_relative_days(run, lang, text, expected):
    assert dates(run(text, lang)) == [expected]


@pytest.mark.parametrize("lang, text", [
    ("en", "The two sides have cooperated for three years."),
    ("en", "The organisation was founded in 2001."),
    ("en", "Trade grew by 15 percent in 2023."),
    ("en", "The talks lasted 15 hours."),
    ("en", "Some 300 troops took part in drills that lasted 12 days."),
    ("ar", "تعاون البلدان منذ ثلاث سنوات."),
    ("ar", "تأسست المنظمة عام 2001."),
    ("ar", "يتعاون البلدان منذ عام 2015."),
    ("ru", "Стороны сотрудничают в течение двух лет."),
    ("ru", "Стороны сотрудничают уже три года."),
    ("ru", "Организация создана в 2001 году."),
    ("ru", "Стороны сотрудничают с 2015 года."),
    ("ru", "Переговоры длились 15 часов."),
    ("ru", "В 2023 году товарооборот вырос на 15 процентов."),
])
def test_no_dates_from_years_durations_or_quantities(run, lang, text):
    assert run(text, lang).dates == []


def test_relative_day_without_publication_is_not_a_date(run):
    assert run("The meeting took place yesterday.", "en", published=None).dates == []


def test_adjacent_expressions_are_one_date(run):
    ex = run("The meeting took place on Wednesday, 6 March 2024.", "en")
    assert [v for v, _ in ex.dates] == ["2024-03-06"]


def test_several_dates_in_order(run):
    ex = run("Talks began on 4 March 2024 and ended on 6 March 2024.", "en")
    assert dates(ex) == [("2024-03-04", "4 March 2024"), ("2024-03-06", "6 March 2024")]


def test_invalid_day_is_not_a_date(run):
    assert run("The report was numbered 31.02.2024.", "en").dates == []


# --- a dateline without a year ---------------------------------------------------------------------------------
# Read as a file (headline, then a body opening with the dateline), as an agency's wire copy arrives.

def _from_file(tmp_path, text: str, name: str):
    from ingest.extract.pipeline import extract
    from ingest.readers import read_path
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    article = next(iter(read_path(str(path))))
    return article, extract(article)


def test_dateline_in_figures_takes_its_year_from_today_weekday(tmp_path):
    # 5 March was a Tuesday in 2024 (and in 1957: the year the text recalls does not date it)
    text = ("المغرب واليابان يبحثان التعاون\n\n"
            "الرباط - 5 - 3 (كونا) -- استقبل وزير الخارجية المغربي اليوم الثلاثاء سفير اليابان لدى المملكة "
            "وبحثا العلاقات الثنائية القائمة منذ عام 1956.\n")
    article, ex = _from_file(tmp_path, text, "wire-ar.txt")
    assert article.published is None and article.source == "كونا"
    assert [e.date for e in ex.events if e.type == "CONSULT"] == ["2024-03-05"]


@pytest.mark.parametrize("dateline, weekday, expected", [
    ("Feb 15", "Wednesday", "2023-02-15"),     # a Wednesday in 2023; in 2024 the day before was one
    ("March 1", "Thursday", "2024-02-29"),     # a Thursday last in 2018; in 2024 the day before was one
])
def test_dateline_weekday_is_that_day_unless_only_the_day_before_is_recent(tmp_path, dateline, weekday, expected):
    text = ("Peru and Chile sign fisheries accord\n\n"
            f"LIMA, {dateline} (Reuters) - Peru and Chile signed a fisheries agreement in Lima on {weekday}, "
            "the foreign ministry said.\n")
    _, ex = _from_file(tmp_path, text, "wire-en.txt")
    assert [e.date for e in ex.events if e.type == "SUPPORT"] == [expected]


# --- "on the same day", "the next day": the day the text last named --------------------------------------------

@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Japan and South Korea met in Tokyo on 5 March.\n\nOn the same day, Japan lifted its export controls on "
           "South Korea.", "2024-03-05"),
    ("en", "Japan and South Korea met in Tokyo on 5 March.\n\nThe next day, Japan lifted its export controls on "
           "South Korea.", "2024-03-06"),
    ("ru", "Япония и Южная Корея провели переговоры в Токио 5 марта.\n\nВ тот же день Япония сняла ограничения на "
           "экспорт в Южную Корею.", "2024-03-05"),
    ("ar", "عقدت اليابان وكوريا الجنوبية محادثات في طوكيو في 5 مارس.\n\nوفي اليوم التالي رفعت اليابان القيود على "
           "الصادرات إلى كوريا الجنوبية.", "2024-03-06"),
])
def test_the_same_day_is_the_day_last_named(run, lang, text, expected):
    ex = run(text, lang)
    assert [e.date for e in ex.events if e.type == "CONCEDE"] == [expected]


def test_a_fronted_date_is_the_time_of_the_clause(run):
    # "in July 2019" is nearer the cue, but qualifies the controls
    ex = run("On 5 March, Japan lifted the controls it imposed in July 2019 on exports to South Korea.", "en")
    assert [e.date for e in ex.events if e.type == "CONCEDE"] == ["2024-03-05"]
