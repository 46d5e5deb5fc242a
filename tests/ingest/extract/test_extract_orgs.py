"""Organisations: international bodies by name and acronym in each language, bilateral commissions, and a
state's own ministries kept apart as state bodies."""
from __future__ import annotations

import pytest


def org_ids(ex) -> list[str]:
    return [o.id for o in ex.organizations]


@pytest.mark.parametrize("lang, text, oid, mention", [
    ("en", "The United Nations called for restraint.", "un", "United Nations"),
    ("en", "The UN called for restraint.", "un", "UN"),
    ("en", "NATO and Russia exchanged accusations.", "nato", "NATO"),
    ("en", "The Shanghai Cooperation Organization met in Astana.", "sco", "Shanghai Cooperation Organization"),
    ("en", "The SCO summit opened in Astana.", "sco", "SCO"),
    ("en", "BRICS leaders met in Johannesburg.", "brics", "BRICS"),
    ("en", "The International Atomic Energy Agency issued a report.", "iaea", "International Atomic Energy Agency"),
    ("en", "The Collective Security Treaty Organization held drills.", "csto", "Collective Security Treaty Organization"),
    ("en", "The European Union imposed sanctions on Belarus on Friday.", "eu", "European Union"),
    ("ar", "دعت الأمم المتحدة إلى ضبط النفس.", "un", "الأمم المتحدة"),
    ("ar", "عقد حلف الناتو اجتماعا في بروكسل.", "nato", "حلف الناتو"),
    ("ar", "عقد حلف شمال الأطلسي اجتماعا في بروكسل.", "nato", "حلف شمال الأطلسي"),
    ("ar", "افتتحت قمة منظمة شنغهاي للتعاون في أستانا.", "sco", "منظمة شنغهاي للتعاون"),
    ("ar", "اجتمع قادة بريكس في جوهانسبرغ.", "brics", "بريكس"),
    ("ar", "وصل مفتشو الوكالة الدولية للطاقة الذرية إلى طهران.", "iaea", "الوكالة الدولية للطاقة الذرية"),
    ("ar", "أعلنت منظمة معاهدة الأمن الجماعي عن مناورات.", "csto", "منظمة معاهدة الأمن الجماعي"),
    ("ar", "دعا الاتحاد الأوروبي إلى الحوار.", "eu", "الاتحاد الأوروبي"),
    ("ru", "ООН призвала к сдержанности.", "un", "ООН"),
    ("ru", "Организация Объединенных Наций призвала к сдержанности.", "un", "Организация Объединенных Наций"),
    ("ru", "НАТО расширяется на восток.", "nato", "НАТО"),
    ("ru", "Североатлантический альянс расширяется.", "nato", "Североатлантический альянс"),
    ("ru", "Саммит ШОС открылся в Астане.", "sco", "ШОС"),
    ("ru", "Шанхайская организация сотрудничества провела саммит.", "sco", "Шанхайская организация сотрудничества"),
    ("ru", "Россия председательствует в БРИКС.", "brics", "БРИКС"),
    ("ru", "Инспекторы МАГАТЭ прибыли в Тегеран.", "iaea", "МАГАТЭ"),
    ("ru", "ОДКБ провела учения.", "csto", "ОДКБ"),
    ("ru", "Евросоюз ввел новые санкции против России в понедельник.", "eu", "Евросоюз"),
])
def test_international_organisations(run, lang, text, oid, mention):
    ex = run(text, lang)
    assert org_ids(ex) == [oid]
    org = ex.organizations[0]
    assert [m.text for m in org.mentions] == [mention]
    assert org.kind in ("igo", "alliance")
    assert org.name.isascii()


@pytest.mark.parametrize("oid, name, acronym, kind", [
    ("un", "United Nations", "UN", "igo"),
    ("nato", "North Atlantic Treaty Organization", "NATO", "alliance"),
    ("sco", "Shanghai Cooperation Organisation", "SCO", "igo"),
    ("csto", "Collective Security Treaty Organization", "CSTO", "alliance"),
])
def test_one_english_name_whatever_the_language(run, oid, name, acronym, kind):
    texts = {
        "un": [("en", "The UN called for restraint."), ("ar", "دعت الأمم المتحدة إلى ضبط النفس."),
               ("ru", "ООН призвала к сдержанности.")],
        "nato": [("en", "NATO and Russia exchanged accusations."), ("ar", "عقد حلف الناتو اجتماعا في بروكسل."),
                 ("ru", "НАТО расширяется на восток.")],
        "sco": [("en", "The SCO summit opened in Astana."), ("ar", "افتتحت قمة منظمة شنغهاي للتعاون في أستانا."),
                ("ru", "Саммит ШОС открылся в Астане.")],
        "csto": [("en", "The Collective Security Treaty Organization held drills."),
                 ("ar", "أعلنت منظمة معاهدة الأمن الجماعي عن مناورات."), ("ru", "ОДКБ провела учения.")],
    }[oid]
    for lang, text in texts:
        org = run(text, lang).organizations[0]
        assert (org.id, org.name, org.acronym, org.kind) == (oid, name, acronym, kind), lang


def test_name_and_acronym_together_are_one_organisation(run):
    ex = run("عقد حلف شمال الأطلسي (الناتو) قمة في بروكسل.", "ar")
    assert org_ids(ex) == ["nato"]
    assert [m.text for m in ex.organizations[0].mentions] == ["حلف شمال الأطلسي", "الناتو"]


@pytest.mark.parametrize("lang, text, oid, state", [
    ("en", "The Russian Defence Ministry said the drills had ended.", "ru-ministry-of-defence", "RU"),
    ("en", "The Pakistani Ministry of Foreign Affairs summoned the envoy.", "pk-ministry-of-foreign-affairs", "PK"),
    ("en", "The Ministry of Foreign Affairs of Pakistan summoned the envoy.", "pk-ministry-of-foreign-affairs", "PK"),
    ("ar", "قالت وزارة الدفاع الروسية إن المناورات انتهت.", "ru-ministry-of-defence", "RU"),
    ("ar", "استدعت وزارة الخارجية الباكستانية السفير.", "pk-ministry-of-foreign-affairs", "PK"),
    ("ru", "Министерство обороны России сообщило об окончании учений.", "ru-ministry-of-defence", "RU"),
    ("ru", "Минобороны России сообщило об окончании учений.", "ru-ministry-of-defence", "RU"),
    ("ru", "МИД Пакистана вызвал посла.", "pk-ministry-of-foreign-affairs", "PK"),
])
def test_ministries_are_state_bodies(run, lang, text, oid, state):
    ex = run(text, lang)
    bodies = [o for o in ex.organizations if o.kind == "state-body"]
    assert [o.id for o in bodies] == [oid]
    assert bodies[0].state == state
    assert bodies[0].name.startswith("Ministry of ")
    assert all(o.kind == "state-body" for o in ex.organizations)


@pytest.mark.parametrize("lang, text", [
    ("en", "The Russian-Pakistani intergovernmental commission met in Moscow."),
    ("ar", "اجتمعت اللجنة الحكومية الروسية الباكستانية المشتركة في موسكو."),
    ("ru", "Российско-пакистанская межправительственная комиссия собралась в Москве."),
])
def test_bilateral_commission(run, lang, text):
    ex = run(text, lang)
    assert len(ex.organizations) == 1
    org = ex.organizations[0]
    assert org.kind == "committee"
    assert set(org.states) == {"RU", "PK"}
    assert org.name.startswith("Russian-Pakistani ")
    assert "ommission" in org.name


@pytest.mark.parametrize("lang, text, oid, kind, state", [
    ("en", "Hamas and Israel exchanged fire.", "hamas", "armed-group", "PS"),
    ("en", "Gazprom signed a deal with CNPC.", "gazprom", "company", "RU"),
    ("ar", "وقعت شركة غازبروم صفقة.", "gazprom", "company", "RU"),
])
def test_groups_and_companies(run, lang, text, oid, kind, state):
    org = next(o for o in run(text, lang).organizations if o.id == oid)
    assert (org.kind, org.state) == (kind, state)


@pytest.mark.parametrize("lang, text", [
    ("en", "Officials from the Shanghai Cooperation Organisation (SCO) met in Tashkent on Friday."),
    ("ru", "Евросоюз ввел новые санкции против России в понедельник."),
])
def test_organisations_take_part_in_events(run, lang, text):
    ex = run(text, lang)
    assert len(ex.events) == 1
    assert ex.events[0].organizations == org_ids(ex)


@pytest.mark.parametrize("text", [
    "ومع ذلك، يرى مؤيدو الاتفاق أنه الثمن الذي يجب دفعه.",        # ومع "and with" is not the Moroccan agency
    "ودفعت الأزمة بنا إلى مراجعة السياسات.",                       # بنا "us" is not the Bahraini agency
])
def test_common_arabic_words_are_no_agency_acronyms(run, text):
    assert [o.id for o in run(text, "ar").organizations] == []
