"""States: names, official forms, adjectives and demonyms in their inflections, compound prefixes, seats of
government and capitals used for the government — and capitals, artefacts and subjects that are not actors."""
from __future__ import annotations

import pytest


def codes(ex) -> set[str]:
    return {s.code for s in ex.states}


def mention_texts(ex, code: str) -> list[str]:
    return [m.text for s in ex.states if s.code == code for m in s.mentions]


@pytest.mark.parametrize("lang, text, expected", [
    # names and official forms
    ("en", "Russia and Pakistan exchanged notes.", {"RU", "PK"}),
    ("en", "The Russian Federation expressed concern.", {"RU"}),
    ("en", "The Islamic Republic of Iran denied the reports.", {"IR"}),
    ("en", "The U.S. and the UK criticised the decision.", {"US", "GB"}),
    ("ar", "أعربت روسيا الاتحادية عن موقفها.", {"RU"}),
    ("ar", "قالت جمهورية باكستان الإسلامية إنها توافق.", {"PK"}),
    ("ar", "أعلنت المملكة العربية السعودية موقفها.", {"SA"}),
    ("ru", "Российская Федерация выразила обеспокоенность.", {"RU"}),
    ("ru", "РФ и КНР подписали меморандум.", {"RU", "CN"}),
    ("ru", "Соединенные Штаты и Китайская Народная Республика провели консультации.", {"US", "CN"}),
    # adjectives and demonyms
    ("en", "The Pakistani delegation arrived.", {"PK"}),
    ("en", "Pakistan's envoy arrived.", {"PK"}),
    ("en", "The Americans and the Chinese met.", {"US", "CN"}),
    ("ar", "وصل الوفد الروسي.", {"RU"}),
    ("ar", "وصلت البعثة الروسية.", {"RU"}),
    ("ar", "وصل وفد روسي.", {"RU"}),
    ("ar", "اجتمع الخبراء الروس.", {"RU"}),
    ("ar", "اجتمع الخبراء الروسيون.", {"RU"}),
    ("ar", "التقى الضباط الباكستانيون نظراءهم.", {"PK"}),
    ("ar", "وصل الوفد الأميركي والوفد الصيني.", {"US", "CN"}),
    ("ru", "Россияне и пакистанцы давно знают друг друга.", {"RU", "PK"}),
    ("ru", "Он встретился с пакистанскими военными.", {"PK"}),
    # compounds: both states
    ("en", "Sino-Russian relations have improved.", {"CN", "RU"}),
    ("en", "Russo-Japanese talks resumed.", {"RU", "JP"}),
    ("en", "The Russia-Pakistan talks ended.", {"RU", "PK"}),
    ("ar", "تطورت العلاقات الروسية-الباكستانية.", {"RU", "PK"}),
    ("ar", "تطورت العلاقات الصينية الهندية.", {"CN", "IN"}),
    ("ru", "Российско-пакистанские учения завершились.", {"RU", "PK"}),
    ("ru", "Американо-российские отношения ухудшились.", {"US", "RU"}),
    # seats of government
    ("en", "The Kremlin welcomed the decision.", {"RU"}),
    ("ar", "رحب الكرملين بالقرار.", {"RU"}),
    ("ru", "Кремль приветствовал решение.", {"RU"}),
])
def test_state_forms(run, lang, text, expected):
    assert codes(run(text, lang)) == expected


@pytest.mark.parametrize("form", ["российская", "российского", "российскому", "российским", "российской",
                                  "российскую", "российские", "российских", "Российские"])
def test_russian_adjective_in_every_case(run, form):
    ex = run(f"Он упомянул {form} делегацию.", "ru")
    assert codes(ex) == {"RU"}
    assert mention_texts(ex, "RU") == [form]


@pytest.mark.parametrize("text, code", [
    ("КНДР пригрозила Южной Корее ядерным ударом.", "KR"),
    ("Пхеньян обвинил Южную Корею в провокации.", "KR"),
    ("Делегация Северной Македонии прибыла в Скопье.", "MK"),
    ("Власти Южного Судана подписали соглашение.", "SS"),
])
def test_russian_names_with_an_adjective_in_every_case(run, text, code):
    assert code in codes(run(text, "ru"))


def test_russian_name_in_every_case(run):
    ex = run("Россия, России, Россией, о России и Пакистан, Пакистана, Пакистану, в Пакистане.", "ru")
    assert mention_texts(ex, "RU") == ["Россия", "России", "Россией", "России"]
    assert mention_texts(ex, "PK") == ["Пакистан", "Пакистана", "Пакистану", "Пакистане"]


@pytest.mark.parametrize("nisba", ["الروسي", "الروسية", "الروسيين", "روسي", "روسية"])
def test_arabic_nisba_forms(run, nisba):
    ex = run(f"تحدث المسؤول عن الموقف {nisba} بوضوح.", "ar")
    assert "RU" in codes(ex)
    assert nisba in mention_texts(ex, "RU")


@pytest.mark.parametrize("lang, text, prefix, second", [
    ("en", "Sino-Indian border talks resumed.", "Sino", "Indian"),
    ("ru", "Китайско-российские отношения развиваются.", "Китайско", "российские"),
])
def test_compound_prefix_mentions(run, lang, text, prefix, second):
    ex = run(text, lang)
    texts = [m.text for s in ex.states for m in s.mentions]
    assert texts == [prefix, second]


# capitals: for the government when they act, a place when something happens in them

@pytest.mark.parametrize("lang, text, capital", [
    ("en", "Moscow rejected the proposal.", "Moscow"),
    ("ar", "رفضت موسكو الاقتراح.", "موسكو"),
    ("ru", "Москва отвергла предложение.", "Москва"),
])
def test_capital_as_metonym_is_the_state(run, lang, text, capital):
    ex = run(text, lang)
    assert mention_texts(ex, "RU") == [capital]
    assert [(e.type, e.states, e.place) for e in ex.events] == [("REJECT", ["RU"], None)]


@pytest.mark.parametrize("lang, text", [
    ("en", "Moscow and Beijing signed an agreement on Monday."),
    ("ar", "قالت موسكو إن العلاقات مع بكين تتطور."),
    ("ru", "Москва и Пекин подписали соглашение в понедельник."),
])
def test_two_capitals_as_two_states(run, lang, text):
    assert codes(run(text, lang)) == {"RU", "CN"}


@pytest.mark.parametrize("lang, text", [
    ("en", "He lives in Moscow."),
    ("ar", "يعيش في موسكو منذ سنوات."),
    ("ru", "Он живет в Москве."),
])
def test_capital_after_locative_is_a_place_only(run, lang, text):
    ex = run(text, lang)
    assert codes(ex) == set()
    assert [p.id for p in ex.places] == ["moscow"]
    assert ex.places[0].name == "Moscow" and ex.places[0].state == "RU"


@pytest.mark.parametrize("lang, text, where", [
    ("en", "Russia and Pakistan held talks in Islamabad on Wednesday.", "Islamabad"),
    ("ar", "أجرت روسيا وباكستان محادثات في إسلام أباد يوم الأربعاء.", "إسلام أباد"),
    ("ar", "عقدت روسيا وباكستان محادثات بإسلام أباد يوم الأربعاء.", "بإسلام أباد"),
    ("ru", "Россия и Пакистан провели переговоры в Исламабаде в среду.", "Исламабаде"),
])
def test_capital_as_venue_is_not_a_state_mention(run, lang, text, where):
    ex = run(text, lang)
    assert codes(ex) == {"RU", "PK"}
    assert where not in [m.text for s in ex.states for m in s.mentions]
    assert [p.id for p in ex.places] == ["islamabad"]


@pytest.mark.parametrize("lang, text, capital", [
    ("en", "Russia and Pakistan held consultations in the Russian capital, Moscow, on Thursday.", "Moscow"),
    ("ar", "عقدت روسيا وباكستان جولة مشاورات في العاصمة الروسية موسكو يوم الخميس.", "موسكو"),
    ("ru", "Россия и Пакистан провели консультации в российской столице Москве в четверг.", "Москве"),
])
def test_capital_named_after_capital_word_is_a_place(run, lang, text, capital):
    ex = run(text, lang)
    assert capital not in mention_texts(ex, "RU")
    assert [p.id for p in ex.places] == ["moscow"]


# states only as the subject of discussion

@pytest.mark.parametrize("lang, text", [
    ("en", "Russian and Pakistani diplomats discussed the situation in Afghanistan in Moscow on Monday."),
    ("ar", "بحث دبلوماسيون من روسيا وباكستان الوضع في أفغانستان في موسكو يوم الاثنين."),
    ("ru", "Российские и пакистанские дипломаты обсудили ситуацию в Афганистане в Москве в понедельник."),
])
def test_state_as_subject_of_discussion(run, lang, text):
    ex = run(text, lang)
    af = [s for s in ex.states if s.code == "AF"]
    assert af and af[0].as_topic
    assert "state:AF" in ex.topics
    consult = [e for e in ex.events if e.type == "CONSULT"]
    assert len(consult) == 1
    assert consult[0].states == ["PK", "RU"]
    assert "state:AF" in consult[0].topics


# words that look like a state but are not one

@pytest.mark.parametrize("lang, text, absent", [
    ("en", "Russian-made helicopters were delivered to Mali.", "RU"),
    ("ar", "وصلت مروحيات روسية الصنع إلى مالي.", "RU"),
    ("ru", "Вертолеты российского производства поставлены в Мали.", "RU"),
    ("en", "The US dollar fell against the euro.", "US"),
    ("en", "The company paid US$5 million.", "US"),
    ("en", "The ethnic Albanian minority in Serbia protested.", "AL"),
    ("en", "Serb forces attacked the Albanian population of the province.", "AL"),
    ("ar", "تظاهرت الجالية الروسية في دبي أمس.", "RU"),
    ("ru", "Албанское население края покинуло свои дома.", "AL"),
    ("en", "Bosnian Serbs said their forces had withdrawn from Gorazde.", "RS"),
])
def test_not_a_state(run, lang, text, absent):
    assert absent not in codes(run(text, lang))


def test_the_mali_of_the_artefact_sentence_is_kept(run):
    assert codes(run("Russian-made helicopters were delivered to Mali.", "en")) == {"ML"}


def test_place_in_a_persons_name_is_not_a_place(run):
    # "Братислав" is a given name here, not Bratislava
    ex = run("Посол Сербии Братислав Петрович встретился с министром.", "ru")
    assert codes(ex) == {"RS"}
    assert ex.places == []
    assert [o.name for o in ex.officials] == ["Bratislav Petrovich"]


def test_a_capitalised_pronoun_is_not_togo(run):
    """Того, the state, is no form of the pronoun тот: То opening a sentence is not Togo."""
    assert "TG" not in codes(run("То, что решение суда было окончательным, признали обе стороны.", "ru"))


@pytest.mark.parametrize("lang, text, place, states", [
    ("en", "Lebanese troops deployed in Tripoli on Monday after clashes in the northern Lebanese city.",
     "tripoli-lebanon", ["LB"]),
    ("en", "Libyan troops deployed in Tripoli on Monday after clashes near the Libyan capital's airport.",
     "tripoli", ["LY"]),
    ("ar", "انتشر الجيش اللبناني في طرابلس يوم الاثنين بعد اشتباكات في شمال لبنان.", "tripoli-lebanon", ["LB"]),
    ("ru", "Ливанская армия вошла в Триполи в понедельник после столкновений на севере Ливана.",
     "tripoli-lebanon", ["LB"]),
])
def test_a_place_name_two_states_share_is_the_one_of_the_state_the_article_names(run, lang, text, place, states):
    ex = run(text, lang)
    assert [p.id for p in ex.places] == [place]
    assert [s.code for s in ex.states] == states


@pytest.mark.parametrize("lang, text", [
    ("en", "Morales, one of Latin America's most popular presidents, visited Chile on Monday."),
    ("ar", "زار موراليس، أحد أكثر رؤساء أمريكا اللاتينية شعبية، تشيلي يوم الاثنين."),
    ("ru", "Моралес, один из самых популярных президентов Латинской Америки, посетил Чили в понедельник."),
])
def test_latin_america_is_a_region_not_the_united_states(run, lang, text):
    assert [s.code for s in run(text, lang).states] == ["CL"]
