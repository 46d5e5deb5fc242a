"""Offsets: every mention of every kind points at exactly its text in ``article.text``, inside the sentence it
names — in articles with diacritics, Arabic-Indic digits, CRLF line ends, quotes, emoji and decomposed input."""
from __future__ import annotations

import unicodedata

import pytest

ARTICLES = [
    ("ar", "مُوسْكُو - التقى وزيرُ الخارجيةِ الروسيُّ سيرغي لافروف نظيرَه الباكستانيَّ في موسكو أمس.\r\n"
           "وقال لافروف: «إن البلدين سيعززان التعاون العسكري».\n\n"
           "وأجرت القوات الروسية والباكستانية مناورات ـــ مشتركة في ١٥ آذار ٢٠٢٤، بحضور ممثلي منظمة شنغهاي للتعاون.\n"
           "واتهمت الخارجية الروسية الولايات المتحدة بتقويض الاستقرار في المنطقة."),
    ("ar", "قال نائب وزير الدفاع الروسي ألكسندر فومين إن اللجنة الحكومية الروسية الباكستانية المشتركة ستجتمع "
           "في إسلام أباد يوم الخميس. وأضاف فومين أن الجانبين بحثا الوضع في أفغانستان ومكافحة الإرهاب."),
    ("ru", "МОСКВА, 12 марта. Министр иностранных дел России Сергей Лавров встретился с пакистанским коллегой. "
           "«Мы обсудили ситуацию в Афганистане», — сказал Лавров.\n"
           "Ёлки: Российско-пакистанские учения пройдут в Исламабаде, сообщило Минобороны России. "
           "ЕС ввел санкции против Белоруссии в пятницу, а НАТО и ОДКБ провели консультации."),
    ("ru", "Президент провел переговоры с заместителем министра обороны России Михаилом Лебедевым в среду. "
           "Лебедев отметил, что военно-техническое сотрудничество с Индией развивается."),
    ("en", "ISLAMABAD, March 12 (Reuters) - Russian Deputy Defence Minister Alexander Fomin met Pakistani officials "
           "on Tuesday.\n\n“We will strengthen military cooperation,” Fomin said.  The U.S. and NATO expressed "
           "concern. Café owners in Moscow 🙂 said the SCO summit was held on 10.03.2024."),
    ("en", "Sino-Russian ties: the Kremlin said Chinese President Xi Jinping and Vladimir Putin spoke on Monday. "
           "The Russian-Pakistani intergovernmental commission met in the Russian capital, Moscow, on 5 March 2024, "
           "and the Pakistani Foreign Office accused India of violating the ceasefire."),
    # decomposed input (Article.make normalises to NFC; offsets refer to the normalised text)
    ("ru", unicodedata.normalize("NFD", "Посол России Игорь Соколов встретился с министром иностранных дел Пакистана "
                                        "в Исламабаде во вторник. Соколов назвал переговоры плодотворными.")),
    ("en", unicodedata.normalize("NFD", "Ségolène Dupont, France’s ambassador to Russia, met officials in Moscow "
                                        "on Monday. Dupont said the talks were useful.")),
]


def all_mentions(ex):
    for s in ex.states:
        yield from (("state", m) for m in s.mentions)
    for o in ex.officials + ex.unnamed:
        yield from (("official", m) for m in o.mentions)
    for o in ex.organizations:
        yield from (("organization", m) for m in o.mentions)
    for p in ex.places:
        yield from (("place", m) for m in p.mentions)
    for e in ex.events:
        yield from (("event", m) for m in e.mentions)
    for _, m in ex.dates:
        yield ("date", m)
    for s in ex.statements:
        yield ("statement", s.mention)


@pytest.fixture(scope="module")
def extractions(run):
    return [run(text, lang) for lang, text in ARTICLES]


def test_every_mention_points_at_its_text(extractions):
    checked = 0
    for ex in extractions:
        text = ex.article.text
        for kind, m in all_mentions(ex):
            assert 0 <= m.start < m.end <= len(text), (kind, m)
            assert text[m.start:m.end] == m.text, (kind, m, text[m.start:m.end])
            assert m.text == m.text.strip(), (kind, m)
            checked += 1
    assert checked > 100


def test_every_mention_lies_in_its_sentence(extractions):
    for ex in extractions:
        for kind, m in all_mentions(ex):
            start, end = ex.sentences[m.sentence]
            assert start <= m.start and m.end <= end, (kind, m, ex.sentences)


def test_sentences_are_ordered_and_disjoint(extractions):
    for ex in extractions:
        assert len(ex.sentences) >= 2
        prev_end = 0
        for start, end in ex.sentences:
            assert prev_end <= start < end <= len(ex.article.text)
            prev_end = end


def test_every_kind_is_represented(extractions):
    kinds = {kind for ex in extractions for kind, _ in all_mentions(ex)}
    assert kinds == {"state", "official", "organization", "place", "event", "date", "statement"}


def test_statement_quote_is_its_mention(extractions):
    quotes = [s for ex in extractions for s in ex.statements]
    assert quotes
    for s in quotes:
        assert s.quote == s.mention.text


def test_decomposed_input_is_normalised(extractions):
    ex = extractions[-2]
    assert unicodedata.is_normalized("NFC", ex.article.text)
    off = next(o for o in ex.officials if o.native == "Игорь Соколов")
    assert [m.text for m in off.mentions] == ["Игорь Соколов", "Соколов"]


def test_mentions_of_arabic_words_with_diacritics_and_clitics(extractions):
    ex = extractions[0]
    texts = {m.text for _, m in all_mentions(ex)}
    assert {"الروسيُّ", "الباكستانيَّ", "والباكستانية", "١٥ آذار ٢٠٢٤", "سيرغي لافروف", "لافروف"} <= texts


def test_decomposed_latin_name_with_curly_apostrophe(extractions):
    ex = extractions[-1]
    off, = ex.officials
    assert (off.name, off.state, off.position) == ("Ségolène Dupont", "FR", "Ambassador to Russia")
    assert [m.text for m in off.mentions] == ["Ségolène Dupont", "Dupont"]
