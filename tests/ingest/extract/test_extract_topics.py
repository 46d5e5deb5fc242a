"""Topics from the topic scheme: named in the text in each language, states as subjects, and topics that the
reported events imply."""
from __future__ import annotations

import pytest

from ontology import refdata


@pytest.mark.parametrize("lang, text, topics", [
    ("en", "The ministers discussed counter-terrorism and border security.", ["counter-terrorism", "border-security"]),
    ("en", "The two sides reviewed military-technical cooperation and arms control.",
     ["military-technical-cooperation", "arms-control"]),
    ("en", "They talked about trade, investment and energy.", ["trade", "investment", "energy"]),
    ("en", "Officials discussed humanitarian aid for refugees.", ["humanitarian-aid", "refugees"]),
    ("en", "The ministers discussed the peace process and a possible ceasefire.", ["peace-process", "ceasefire"]),
    ("en", "The leaders addressed climate change and food security.", ["climate-change", "food-security"]),
    ("ar", "بحث الوزيران مكافحة الإرهاب وأمن الحدود.", ["counter-terrorism", "border-security"]),
    ("ar", "ناقش الجانبان التعاون العسكري التقني والحد من التسلح.", ["military-technical-cooperation", "arms-control"]),
    ("ar", "تناولت المحادثات التجارة والاستثمار والطاقة.", ["trade", "investment", "energy"]),
    ("ar", "ناقش المسؤولون المساعدات الإنسانية للاجئين.", ["humanitarian-aid", "refugees"]),
    ("ar", "ناقش الوزراء عملية السلام ووقف إطلاق النار.", ["peace-process", "ceasefire"]),
    ("ru", "Министры обсудили борьбу с терроризмом и охрану границ.", ["counter-terrorism", "border-security"]),
    ("ru", "Стороны рассмотрели военно-техническое сотрудничество и контроль над вооружениями.",
     ["military-technical-cooperation", "arms-control"]),
    ("ru", "Обсуждались торговля, инвестиции и энергетика.", ["trade", "investment", "energy"]),
    ("ru", "Чиновники обсудили гуманитарную помощь беженцам.", ["humanitarian-aid", "refugees"]),
    ("ru", "Министры обсудили мирный процесс и прекращение огня.", ["peace-process", "ceasefire"]),
])
def test_topics_named_in_text(run, lang, text, topics):
    assert run(text, lang).topics == topics


@pytest.mark.parametrize("lang, text", [
    ("en", "The talks focused on the situation in Afghanistan."),
    ("ar", "بحث الطرفان الوضع في أفغانستان."),
    ("ru", "Стороны обсудили ситуацию в Афганистане."),
])
def test_state_as_topic(run, lang, text):
    ex = run(text, lang)
    assert ex.topics == ["state:AF"]
    assert [(s.code, s.as_topic) for s in ex.states] == [("AF", True)]


@pytest.mark.parametrize("lang, text", [
    ("en", "The Russian Navy and the Pakistani Navy held a joint military exercise on 8 March."),
    ("ar", "أجرت القوات الروسية والباكستانية مناورات عسكرية مشتركة في 15 آذار 2024."),
    ("ru", "Российско-пакистанские учения прошли 15 марта 2024 года."),
])
def test_joint_exercise_topic_on_article_and_event(run, lang, text):
    ex = run(text, lang)
    assert ex.topics == ["joint-exercises"]
    assert [(e.type, e.topics) for e in ex.events] == [("COOPERATE", ["joint-exercises"])]


@pytest.mark.parametrize("lang, text", [
    ("en", "The United States imposed sanctions on Iran on Monday."),
    ("ar", "فرضت الولايات المتحدة عقوبات جديدة على روسيا يوم الاثنين."),
    ("ru", "Евросоюз ввел новые санкции против России в понедельник."),
])
def test_sanctions_topic(run, lang, text):
    assert "sanctions" in run(text, lang).topics


@pytest.mark.parametrize("lang, text", [
    ("en", "Russian forces shelled the city on Sunday."),
    ("ar", "قصفت القوات الروسية مدينة خاركيف يوم الأحد."),
])
def test_military_force_implies_regional_security(run, lang, text):
    assert "regional-security" in run(text, lang).topics


def test_two_military_meetings_imply_military_cooperation(run):
    ex = run("Russian Deputy Defence Minister Alexander Fomin met Pakistani officials in Islamabad on Tuesday. "
             "On Wednesday, the Russian and Pakistani defence ministers signed a memorandum.", "en")
    assert [(e.type, e.context) for e in ex.events] == [("CONSULT", "military"), ("SUPPORT", "military")]
    assert "military-cooperation" in ex.topics


def test_one_diplomatic_meeting_implies_nothing(run):
    ex = run("Russian and Pakistani diplomats met in Moscow on Monday.", "en")
    assert ex.topics == []


def test_topics_belong_to_the_scheme(run):
    scheme = refdata.topics()
    texts = [("en", "The ministers discussed counter-terrorism, trade and the situation in Syria."),
             ("ar", "بحث الوزيران مكافحة الإرهاب والتجارة والوضع في سوريا."),
             ("ru", "Министры обсудили борьбу с терроризмом, торговлю и ситуацию в Сирии.")]
    for lang, text in texts:
        ex = run(text, lang)
        assert ex.topics, lang
        for t in ex.topics:
            assert t in scheme or (t.startswith("state:") and t[6:] in refdata.states()), t
        assert len(ex.topics) == len(set(ex.topics))
        assert "state:SY" in ex.topics and "counter-terrorism" in ex.topics and "trade" in ex.topics


def test_no_topics_in_unrelated_text(run):
    assert run("Russia and Pakistan exchanged notes.", "en").topics == []


@pytest.mark.parametrize("lang, text", [
    ("en", "Exports to Egypt fell during the epidemic (COVID-19) last year."),
    ("en", "Exports to Egypt fell during the coronavirus epidemic last year."),
    ("ar", "تراجعت الصادرات إلى مصر خلال الوباء (كورونا) العام الماضي."),
    ("ru", "Экспорт в Египет сократился во время эпидемии коронавируса в прошлом году."),
])
def test_wider_topic_beside_a_narrower_one_is_one_topic(run, lang, text):
    """"the epidemic (COVID-19)" names the pandemic once: not public health as well."""
    topics = run(text, lang).topics
    assert "covid-19-pandemic" in topics and "public-health" not in topics


@pytest.mark.parametrize("lang, text, topics", [
    ("en", "They disagreed on human rights, press freedom and trade.", ["human-rights", "press-freedom", "trade"]),
    ("ar", "اختلفا بشأن حقوق الإنسان وحرية الصحافة والتجارة.", ["human-rights", "press-freedom", "trade"]),
    ("ru", "Они разошлись во мнениях по поводу прав человека, свободы печати и торговли.",
     ["human-rights", "press-freedom", "trade"]),
    ("en", "Vaccines were discussed; the pandemic was not.", ["public-health", "covid-19-pandemic"]),
])
def test_wider_topic_in_a_list_or_apart_from_a_narrower_one_stays(run, lang, text, topics):
    """A list names each item ("human rights, press freedom"), and a wider topic named apart is a topic too."""
    assert set(topics) <= set(run(text, lang).topics)
