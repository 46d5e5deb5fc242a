"""Officials: a name next to a post and its state, the name in Latin script, later bare surnames resolved to the
full name, posts of international organisations, and posts named without a person."""
from __future__ import annotations

import re

import pytest

from ingest.translit import name_key

LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ' .\-]+$")


def only_official(ex):
    assert len(ex.officials) == 1, [o.name for o in ex.officials]
    return ex.officials[0]


@pytest.mark.parametrize("lang, text, name, state, position, native", [
    ("en", "Russian Deputy Foreign Minister Mikhail Lebedev met the Pakistani envoy.",
     "Mikhail Lebedev", "RU", "Deputy Minister of Foreign Affairs", "Mikhail Lebedev"),
    ("en", "Pakistan's Interior Minister Tariq Hameed opened the meeting.",
     "Tariq Hameed", "PK", "Minister of Interior", "Tariq Hameed"),
    ("en", "Igor Sokolov, Russia's ambassador to Pakistan, said the talks went well.",
     "Igor Sokolov", "RU", "Ambassador to Pakistan", "Igor Sokolov"),
    ("ar", "قال نائب وزير الدفاع الروسي ألكسندر فومين إن التعاون يتطور.",
     "Alexander Fomin", "RU", "Deputy Minister of Defence", "ألكسندر فومين"),
    ("ar", "قال وزير الخارجية الباكستاني طارق حميد إن البلدين يعملان معا.",
     "Tariq Hamid", "PK", "Minister of Foreign Affairs", "طارق حميد"),
    ("ar", "التقى السفير الروسي لدى باكستان دانيلا غانيتش وزير الداخلية الباكستاني.",
     None, "RU", "Ambassador to Pakistan", "دانيلا غانيتش"),
    ("ru", "Заместитель министра иностранных дел России Михаил Лебедев встретился с послом Пакистана.",
     "Mikhail Lebedev", "RU", "Deputy Minister of Foreign Affairs", "Михаил Лебедев"),
    ("ru", "Посол Пакистана в России Тарик Хамид вручил верительные грамоты.",
     "Tariq Hamid", "PK", "Ambassador to Russia", "Тарик Хамид"),
    # a capital after the host connector names the host state
    ("ar", "وقال السفير الباكستاني في موسكو محمد خالد جمالي للصحفيين إن العلاقات جيدة.",
     None, "PK", "Ambassador to Russia", "محمد خالد جمالي"),
    ("ru", "Посол Пакистана в Москве Мухаммад Халид Джамали заявил, что отношения хорошие.",
     None, "PK", "Ambassador to Russia", "Мухаммад Халид Джамали"),
    # the name in apposition after the title, and after the name with "the"
    ("en", "The minister met the Russian ambassador, Igor Sokolov, on Monday.",
     "Igor Sokolov", "RU", "Ambassador", "Igor Sokolov"),
    ("en", "The talks were attended by Igor Sokolov, the Russian envoy.", "Igor Sokolov", "RU", "Envoy", "Igor Sokolov"),
    # a lower-case particle joined by a hyphen stays inside the name
    ("en", "Egyptian President Abdel Fattah al-Sisi met Saudi officials.",
     "Abdel Fattah el-Sisi", "EG", "President", "Abdel Fattah al-Sisi"),
    # a first name that is also a state's name, right after the title
    ("en", "Israeli Foreign Minister Israel Katz summoned the ambassador.",
     "Israel Katz", "IL", "Minister of Foreign Affairs", "Israel Katz"),
    ("en", "Pakistani Interior Minister Jordan Hameed met officials.",
     "Jordan Hameed", "PK", "Minister of Interior", "Jordan Hameed"),
    ("en", "The Minister of Foreign Affairs of Jordan Ayman Safadi arrived.",
     "Ayman Safadi", "JO", "Minister of Foreign Affairs", "Ayman Safadi"),
    # "замминистра" is one word for "deputy minister"
    ("ru", "По словам замминистра обороны РФ Алексея Кривошеина, переговоры прошли успешно.",
     "Alexei Krivoshein", "RU", "Deputy Minister of Defence", "Алексей Кривошеин"),
])
def test_title_and_name(run, lang, text, name, state, position, native):
    off = only_official(run(text, lang))
    if name is not None:
        assert off.name == name
    assert LATIN.match(off.name), off.name
    assert (off.state, off.position, off.native) == (state, position, native)
    assert off.lang in (None, lang)


@pytest.mark.parametrize("text, mention, native, name", [
    # natasha brings the name back to the nominative
    ("Президент провел переговоры с министром обороны Сергеем Шойгу в среду.",
     "Сергеем Шойгу", "Сергей Шойгу", "Sergei Shoigu"),
    ("Президент провел переговоры с заместителем министра обороны России Михаилом Лебедевым.",
     "Михаилом Лебедевым", "Михаил Лебедев", "Mikhail Lebedev"),
    ("Министр иностранных дел России встретился с заместителем министра иностранных дел Пакистана "
     "Тариком Хамидом.", "Тариком Хамидом", "Тарик Хамид", "Tariq Hamid"),
])
def test_russian_names_normalised_to_nominative(run, text, mention, native, name):
    ex = run(text, "ru")
    off = next(o for o in ex.officials if o.native == native)
    assert off.name == name
    assert [m.text for m in off.mentions] == [mention]


def test_russian_instrumental_keeps_post_and_state(run):
    ex = run("Президент провел переговоры с заместителем министра обороны России Михаилом Лебедевым.", "ru")
    off = only_official(ex)
    assert (off.state, off.position, off.portfolio) == ("RU", "Deputy Minister of Defence", "defence")


@pytest.mark.parametrize("lang, text, full, surname", [
    ("en", "Russian Deputy Foreign Minister Yuri Petrov spoke first. Petrov added that the visit was a success.",
     "Yuri Petrov", "Petrov"),
    ("ar", "قال السفير الروسي إيغور سوكولوف إن المحادثات كانت مثمرة. وأضاف سوكولوف أن الجانبين اتفقا على اللقاء مجددا.",
     "إيغور سوكولوف", "سوكولوف"),
    ("ru", "Посол России Игорь Соколов заявил, что переговоры были плодотворными. Соколов добавил, что стороны "
     "договорились встретиться снова.", "Игорь Соколов", "Соколов"),
])
def test_later_bare_surname_is_the_same_person(run, lang, text, full, surname):
    ex = run(text, lang)
    off = only_official(ex)
    assert [m.text for m in off.mentions] == [full, surname]
    assert off.mentions[1].sentence == 1


@pytest.mark.parametrize("text, lang", [
    ("Russian Ambassador Igor Sokolov met the minister.", "en"),
    ("التقى السفير الروسي إيغور سوكولوف الوزير.", "ar"),
    ("Посол России Игорь Соколов встретился с министром.", "ru"),
])
def test_one_cross_script_key_for_one_person(run, text, lang):
    off = only_official(run(text, lang))
    assert off.key == name_key("Igor Sokolov")
    assert off.state == "RU"
    assert off.role == "ambassador"
    assert LATIN.match(off.name)


@pytest.mark.parametrize("lang, text", [
    ("en", "Foreign Minister Sergei Lavrov of Russia met his counterpart from Pakistan."),
    ("ar", "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الباكستاني في موسكو امس."),
    ("ru", "Глава российского МИД Сергей Лавров встретился с министром иностранных дел Пакистана в Москве вчера."),
])
def test_known_person_gets_the_reference_spelling(run, lang, text):
    off = only_official(run(text, lang))
    assert off.known
    assert off.name == "Sergey Lavrov"
    assert (off.state, off.position) == ("RU", "Minister of Foreign Affairs")


@pytest.mark.parametrize("lang, text, name, org", [
    ("en", "U.S. Defense Secretary Lloyd Austin met NATO Secretary General Jens Stoltenberg in Brussels.",
     "Jens Stoltenberg", "nato"),
    ("ar", "دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى وقف إطلاق النار.", "António Guterres", "un"),
    ("ru", "Генеральный секретарь ООН Антониу Гутерриш призвал стороны к сдержанности.", "António Guterres", "un"),
])
def test_official_of_an_international_organisation(run, lang, text, name, org):
    off = next(o for o in run(text, lang).officials if o.name == name)
    assert off.org == org
    assert off.state is None
    assert off.role == "secretary-general"


def test_two_officials_of_two_states(run):
    ex = run("Pakistani Interior Minister Tariq Hameed met Russian Ambassador Igor Sokolov on Monday.", "en")
    got = {(o.name, o.state, o.role) for o in ex.officials}
    assert got == {("Tariq Hameed", "PK", "minister"), ("Igor Sokolov", "RU", "ambassador")}


def test_us_cabinet_secretary(run):
    ex = run("U.S. Defense Secretary Lloyd Austin met NATO Secretary General Jens Stoltenberg in Brussels.", "en")
    austin = next(o for o in ex.officials if o.name == "Lloyd Austin")
    assert (austin.state, austin.portfolio) == ("US", "defence")


@pytest.mark.parametrize("lang, text", [
    ("en", "The Pakistani defence minister arrived in Moscow."),
    ("ar", "وصل وزير الدفاع الباكستاني إلى موسكو."),
])
def test_post_without_a_name_is_unnamed(run, lang, text):
    ex = run(text, lang)
    assert ex.officials == []
    assert [(o.state, o.position) for o in ex.unnamed] == [("PK", "Minister of Defence")]


@pytest.mark.parametrize("lang, text, names", [
    ("en", "Vladimir Putin met Narendra Modi in Moscow on Monday.", {"Vladimir Putin", "Narendra Modi"}),
    ("ar", "التقى فلاديمير بوتين ناريندرا مودي في موسكو يوم الاثنين.", {"Vladimir Putin", "Narendra Modi"}),
    ("ru", "Владимир Путин встретился с Нарендрой Моди в Москве в понедельник.", {"Vladimir Putin", "Narendra Modi"}),
])
def test_well_known_full_names_without_titles(run, lang, text, names):
    ex = run(text, lang)
    assert {o.name for o in ex.officials} == names
    assert {o.state for o in ex.officials} == {"RU", "IN"}


def test_officials_make_their_states_present(run):
    ex = run("Владимир Путин встретился с Нарендрой Моди в Москве в понедельник.", "ru")
    assert {s.code for s in ex.states} == {"RU", "IN"}


@pytest.mark.parametrize("lang, text", [
    ("en", "Prime Minister Sharif visited China last week."),
    ("ru", "Премьер-министр Шариф посетил Китай на прошлой неделе."),
])
def test_a_titled_surname_is_the_one_holder_of_that_post_that_year(run, lang, text):
    off = only_official(run(text, lang))
    assert (off.name, off.state) == ("Shehbaz Sharif", "PK")       # not China, the state the sentence names


def test_a_short_surname_is_not_looked_up_alone(run):
    ex = run("وقال الرئيس لولا إن بلاده لن تتراجع.", "ar")
    assert [o.name for o in ex.officials] == ["Lula"]       # not Yoon Suk Yeol, whose surname's key is as short


@pytest.mark.parametrize("lang, text", [
    ("ar", "قال رئيس الوزراء شريف إن باكستان ستزور الصين."),           # the table's Arabic surname, not a Latin sound
    ("ar", "وصل رئيس الوزراء الباكستاني شريف إلى بكين."),
])
def test_a_titled_surname_in_arabic_script_is_looked_up_as_the_table_writes_it(run, lang, text):
    off = only_official(run(text, lang))
    assert (off.name, off.state) == ("Shehbaz Sharif", "PK")


def test_a_titled_surname_without_a_publication_date_is_the_one_who_ever_held_the_post(run):
    off = only_official(run("وقال الرئيس ترامب إن المحادثات كانت مثمرة مع كوريا الشمالية.", "ar", published=None))
    assert (off.name, off.state) == ("Donald Trump", "US")


def test_a_titled_name_runs_on_to_the_known_full_name(run):
    # إن usually ends a name ("said that"); the people table knows "مون جاي إن"
    ex = run("التقى رئيس كوريا الجنوبية مون جاي إن زعيم كوريا الشمالية في بانمونجوم.", "ar", published="2018-04-27")
    assert "Moon Jae-in" in {o.name for o in ex.officials}


def test_tanween_ends_an_arabic_name(run):
    off = only_official(run("وقال الرئيس ترامب كثيرًا إن الاتفاق ممكن مع كوريا الشمالية.", "ar",
                            published="2019-05-01"))
    assert off.name == "Donald Trump"


@pytest.mark.parametrize("lang, text, name", [
    ("en", "Trump said the United States would keep talking to North Korea.", "Donald Trump"),
    ("ru", "Трамп заявил, что США продолжат переговоры с Северной Кореей.", "Donald Trump"),
    ("ar", "وقال ترامب إن الولايات المتحدة ستواصل الحوار مع كوريا الشمالية.", "Donald Trump"),
    # family name first: "Kim" is Kim Jong Un when North Korea is in the article
    ("en", "Kim has promised to work toward denuclearisation, North Korea said.", "Kim Jong Un"),
    ("ar", "وتعهد كيم بالعمل على نزع السلاح النووي، حسبما ذكرت كوريا الشمالية.", "Kim Jong Un"),
])
def test_a_leader_named_by_surname_alone_when_the_article_names_their_state(run, lang, text, name):
    ex = run(text, lang, published="2018-09-29")
    assert name in {o.name for o in ex.officials}


@pytest.mark.parametrize("lang, text", [
    ("en", "Trump Tower stood empty, a Moscow newspaper said."),           # the US not in the article
    ("ar", "أكد الأمين العام تضامن الجامعة الكامل مع مصر."),               # الكامل "complete", not Abbas Kamel
    ("en", "Said Jean-Robert Pierre, a shopkeeper: the United States must help."),   # not Karine Jean-Pierre
    ("en", "Prince Abdulaziz bin Salman bin Abdulaziz, Saudi Arabia's energy minister, spoke."),   # not King Salman
])
def test_no_leader_from_a_surname_alone_out_of_context(run, lang, text):
    ex = run(text, lang, published="2023-06-01")
    assert not {o.name for o in ex.officials} & {"Donald Trump", "Abbas Kamel", "Karine Jean-Pierre",
                                                  "Salman bin Abdulaziz"}


def test_family_name_first_resolves_later_mentions_by_the_family_name(run):
    # "هو" (he) and "إن" (that) are the last words of ري يونغ هو and مون جاي إن, not their surnames
    ex = run("قال وزير الخارجية الكوري الشمالي ري يونغ هو إن بلاده لن تتخلى عن سلاحها. وقال هو أيضا إن العقوبات "
             "لن تنجح.", "ar", published="2018-09-29")
    off = next(o for o in ex.officials if o.name == "Ri Yong Ho")
    assert [m.text for m in off.mentions] == ["ري يونغ هو"]


@pytest.mark.parametrize("name, nominative", [
    ("Зорана Заева", "Зоран Заев"),     # a man's surname in -ев the dictionary reads as a woman's name
    ("Зоран Заев", "Зоран Заев"),       # ... or, in the nominative, as "having eaten"
    ("Заев", "Заев"),
    ("Сергея Шойгу", "Сергей Шойгу"),
    ("Марии Захаровой", "Мария Захарова"),
])
def test_russian_surnames_in_ov_ev_to_the_nominative(name, nominative):
    from ingest.lang.ru import nominative as to_nominative
    assert to_nominative(name) == nominative


@pytest.mark.parametrize("text", [
    "وقام الوزير بتسليط الضوء على ثلاثة اجتماعات بين البلدين.",      # "shed light": a preposition + verbal noun
    "وصل الرئيس ذو الشخصية المؤثرة إلى العاصمة البوليفية.",           # ذو "having": no name begins with it
])
def test_arabic_phrases_after_a_title_are_not_names(run, text):
    assert run(text, "ar").officials == []


@pytest.mark.parametrize("lang, text", [
    ("en", "Russia's Consul General in Chennai, Valery Kuzmin, said the visit went well."),
    ("ru", "Генеральный консул России в Ченнаи Валерий Кузьмин заявил, что визит прошел хорошо."),
])
def test_the_city_of_a_post_stands_between_title_and_name(run, lang, text):
    off = only_official(run(text, lang))
    assert (off.name, off.state, off.position) == ("Valery Kuzmin", "RU", "Consul")


def test_russian_initials_glued_to_the_surname_come_apart():
    from ingest.lang import get
    from ingest.lang.ru import nominative
    assert nominative("М.Ю.Галузиным") == "М. Ю. Галузин"
    assert get("ru").to_latin("М. Ю. Галузин") == "M. Yu. Galuzin"
