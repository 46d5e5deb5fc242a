"""Articles and hostile input for the robustness tests, generated into a directory (nothing big is committed).

- ``article(lang, n)``: the n-th small invented news article in ``lang`` ("en", "ar", "ru"); every n gives
  different text (so a different content hash) about a different pair of states and a different date.
- ``write_clean_corpus(dir, count)``: ``count`` such articles as files (for the crash tests).
- ``write_hostile_corpus(dir, ...)``: the hostile and broken cases (``CASES``), each a file or a few, with
  what must come of it: articles, or one clear error line naming the file and the problem.
"""
from __future__ import annotations

import codecs
import gzip
import json
import os
import random
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

# -- small invented articles -----------------------------------------------------------------------------------

# (ISO code, English name, English adjective, Arabic name, Arabic nisba (masc.), Russian name, Russian genitive,
#  foreign minister as written in en / ar / ru)
STATES = [
    ("RU", "Russia", "Russian", "روسيا", "الروسي", "Россия", "России",
     ("Sergei Lavrov", "سيرغي لافروف", "Сергей Лавров")),
    ("PK", "Pakistan", "Pakistani", "باكستان", "الباكستاني", "Пакистан", "Пакистана",
     ("Ishaq Dar", "إسحاق دار", "Исхак Дар")),
    ("EG", "Egypt", "Egyptian", "مصر", "المصري", "Египет", "Египта",
     ("Badr Abdelatty", "بدر عبد العاطي", "Бадр Абдель Ати")),
    ("IN", "India", "Indian", "الهند", "الهندي", "Индия", "Индии",
     ("Subrahmanyam Jaishankar", "سوبراهمانيام جايشانكار", "Субраманьям Джайшанкар")),
    ("TR", "Turkey", "Turkish", "تركيا", "التركي", "Турция", "Турции",
     ("Hakan Fidan", "هاكان فيدان", "Хакан Фидан")),
    ("IR", "Iran", "Iranian", "إيران", "الإيراني", "Иран", "Ирана",
     ("Abbas Araghchi", "عباس عراقجي", "Аббас Аракчи")),
    ("CN", "China", "Chinese", "الصين", "الصيني", "Китай", "Китая",
     ("Wang Yi", "وانغ يي", "Ван И")),
    ("DZ", "Algeria", "Algerian", "الجزائر", "الجزائري", "Алжир", "Алжира",
     ("Ahmed Attaf", "أحمد عطاف", "Ахмед Аттаф")),
]
CAPITALS = {"RU": ("Moscow", "موسكو", "Москве"), "PK": ("Islamabad", "إسلام آباد", "Исламабаде"),
            "EG": ("Cairo", "القاهرة", "Каире"), "IN": ("New Delhi", "نيودلهي", "Нью-Дели"),
            "TR": ("Ankara", "أنقرة", "Анкаре"), "IR": ("Tehran", "طهران", "Тегеране"),
            "CN": ("Beijing", "بكين", "Пекине"), "DZ": ("Algiers", "الجزائر", "Алжире")}
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
AR_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
             "ديسمبر"]
RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]
EN_TOPICS = ["counter-terrorism cooperation", "regional security", "trade in wheat", "arms control",
             "energy projects", "the situation in Afghanistan"]
AR_TOPICS = ["التعاون في مكافحة الإرهاب", "الأمن الإقليمي", "تجارة القمح", "الحد من التسلح", "مشاريع الطاقة",
             "الوضع في أفغانستان"]
RU_TOPICS = ["сотрудничество в борьбе с терроризмом", "региональную безопасность", "торговлю пшеницей",
             "контроль над вооружениями", "энергетические проекты", "ситуацию в Афганистане"]


def _pair(n: int):
    host = STATES[n % len(STATES)]
    guest = STATES[(n // len(STATES) + n + 1) % len(STATES)]
    if guest[0] == host[0]:
        guest = STATES[(STATES.index(host) + 1) % len(STATES)]
    return host, guest


def article(lang: str, n: int) -> str:
    """The n-th invented article in ``lang``: a dated meeting of two foreign ministers, with a quote."""
    host, guest = _pair(n)
    day, month, year = 1 + n % 28, n % 12, 2015 + n % 10
    topic = n % len(EN_TOPICS)
    if lang == "en":
        city = CAPITALS[host[0]][0]
        return (f"{host[2]} and {guest[2]} foreign ministers discuss {EN_TOPICS[topic]} (item {n})\n"
                f"{EN_MONTHS[month]} {day}, {year}\n"
                f"{city.upper()}, {EN_MONTHS[month][:3]} {day} (Wire) - {host[2]} Foreign Minister {host[7][0]} met "
                f"his {guest[2]} counterpart {guest[7][0]} in {city} on {EN_MONTHS[month]} {day}, {year}, to "
                f"discuss {EN_TOPICS[topic]}, the ministry said.\n\n"
                f"\"Our countries share an interest in {EN_TOPICS[(topic + 1) % 6]},\" {host[7][0].split()[-1]} "
                f"told reporters after the talks. The two ministers agreed to meet again next year; {n * 7 + 3} "
                f"officials attended.\n")
    if lang == "ar":
        city = CAPITALS[host[0]][1]
        return (f"وزير الخارجية {host[4]} يبحث مع نظيره {guest[4]} {AR_TOPICS[topic]} (رقم {n})\n"
                f"{day} {AR_MONTHS[month]} {year}\n"
                f"{city} - التقى وزير الخارجية {host[4]} {host[7][1]} اليوم في {city} نظيره {guest[4]} "
                f"{guest[7][1]}، وبحث الجانبان {AR_TOPICS[topic]} و{AR_TOPICS[(topic + 1) % 6]}.\n\n"
                f"وقال {host[7][1].split()[-1]} إن \"العلاقات بين {host[3]} و{guest[3]} تشهد تطورا ملموسا\". "
                f"وحضر اللقاء {n * 7 + 3} مسؤولا.\n")
    if lang == "ru":
        city = CAPITALS[host[0]][2]
        return (f"Главы МИД {host[6]} и {guest[6]} обсудили {RU_TOPICS[topic]} (№ {n})\n"
                f"{day} {RU_MONTHS[month]} {year} года\n"
                f"Министр иностранных дел {host[6]} {host[7][2]} провёл в {city} переговоры с министром "
                f"иностранных дел {guest[6]} {guest[7][2]}. Стороны обсудили {RU_TOPICS[topic]} и "
                f"{RU_TOPICS[(topic + 1) % 6]}.\n\n"
                f"«Отношения наших стран развиваются», — заявил {host[7][2].split()[-1]} журналистам. "
                f"Во встрече участвовали {n * 7 + 3} человек.\n")
    raise ValueError(lang)


def write_clean_corpus(directory: Path, count: int, langs: tuple[str, ...] = ("en", "ar")) -> list[Path]:
    """``count`` small articles as UTF-8 text files, languages in turn; returns their paths in order."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        lang = langs[n % len(langs)]
        path = directory / f"{n:03d}-{lang}.txt"
        path.write_text(article(lang, n), encoding="utf-8")
        paths.append(path)
    return paths


# -- the hostile corpus --------------------------------------------------------------------------------------

@dataclass
class Case:
    """One hostile input: its file(s) and what must come of it.

    ``articles``: how many articles it must give; ``errors``: a regular expression for each error line it must
    give (the path and the problem; order as read). ``check``: more checks on its articles (a list of them).
    """

    name: str                                   # the file's name in the corpus directory
    what: str                                   # what the case is about (shown in test ids)
    articles: int = 0
    errors: tuple[str, ...] = ()
    check: Callable[[list], None] | None = None
    big: bool = False                           # written only when big files are asked for
    make: Callable[[Path], None] | None = None  # writes the file(s) itself (a FIFO, a link ...)
    data: bytes | None = None


LIMIT_MB = 20     # ingest.readers.MAX_BYTES


def _contains(*words: str, lang: str | None = None):
    def check(articles):
        for a in articles:
            for w in words:
                assert w in a.text, f"{w!r} not in the decoded text of {a.path}: {a.text[:200]!r}"
            if lang:
                assert a.lang == lang, f"{a.path}: language {a.lang}, expected {lang}"
    return check


def _all(*checks):
    def check(articles):
        for c in checks:
            c(articles)
    return check


def _no_bom(articles):
    for a in articles:
        assert "\ufeff" not in a.text, f"{a.path}: the byte-order mark is in the text"


def _published(expected):
    def check(articles):
        assert [a.published_date for a in articles] == expected, [a.published for a in articles]
    return check


def _rss(items: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}<rss version="2.0"><channel><title>Hostile Wire'
            f'</title><link>https://news.example.org/</link><description>d</description>{items}'
            f'</channel></rss>\n').encode("utf-8")


def _item(title: str, body: str, date: str = "Tue, 14 Nov 2023 13:40:00 GMT") -> str:
    return (f"<item><title>{title}</title><link>https://news.example.org/{abs(hash(title)) % 10**6}</link>"
            f"<pubDate>{date}</pubDate><description>{body}</description></item>")


def _html(title: str, body: str, head: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{head}<title>{title}</title></head><body>"
            f"<article><h1>{title}</h1>{body}</article></body></html>")


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>t</title><item><title>&lol9;</title><description>&lol9;</description></item>
</channel></rss>
"""


def _koi8(text: str) -> bytes:
    """KOI8-R bytes of Russian text (KOI8-R has no «», dashes or №: written the old way)."""
    for a, b in (("«", '"'), ("»", '"'), ("—", "-"), ("№", "N")):
        text = text.replace(a, b)
    return text.encode("koi8-r")


def _hostile_name(length: int = 2000) -> str:
    rng = random.Random(2000)
    words = []
    while sum(len(w) + 1 for w in words) < length:
        words.append(rng.choice("BCDFGKLMNPRSTVZ") + "".join(rng.choice("aeiou" "lmnrstk") for _ in range(9)))
    return " ".join(words)[:length].strip()


def _make_fifo(path: Path) -> None:
    os.mkfifo(path)


def _make_dangling_link(path: Path) -> None:
    os.symlink(path.parent / "no-such-target.txt", path)


def _make_link_loop(path: Path) -> None:
    os.symlink(path.name, path)                 # a link to itself


def _make_nested_dir(path: Path) -> None:
    inner = path / "a" / "b" / "c"
    inner.mkdir(parents=True)
    (inner / "deep.txt").write_text(article("en", 941), encoding="utf-8")


def _make_over_limit(path: Path) -> None:
    with open(path, "wb") as f:
        line = article("en", 942).replace("\n", " ").encode() + b"\n"
        size = LIMIT_MB * 1_000_000 + 1
        chunk = line * (1_000_000 // len(line) + 1)
        written = 0
        while written < size:
            part = chunk[: size - written]
            f.write(part)
            written += len(part)


def _make_50mb_line(path: Path) -> None:
    with open(path, "wb") as f:
        word = b"negotiations "
        block = word * (1_000_000 // len(word))
        for _ in range(50):
            f.write(block)
        f.write(b"\n")


def _cases() -> list[Case]:
    en, ar, ru = article("en", 900), article("ar", 901), article("ru", 902)
    rng = random.Random(8)
    cases = [
        # --- not text at all ---
        Case("empty.txt", "an empty file", errors=(r"empty\.txt: empty file",), data=b""),
        Case("blank.txt", "only whitespace", errors=(r"blank\.txt: empty file",), data=b" \n\t\r\n  \n"),
        Case("invisible.txt", "only zero-width and bidi marks", errors=(r"invisible\.txt: empty file",),
             data="\ufeff\u200b\u200c\u200d\u200e\u200f\u2060\n".encode("utf-8")),
        Case("image.png", "a PNG image", errors=(r"image\.png: binary content",),
             data=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(3000))),
        Case("random.bin", "random bytes", errors=(r"random\.bin: (binary content|cannot decode)",),
             data=bytes(rng.randrange(256) for _ in range(5000))),
        Case("article.txt.gz", "a gzipped article", errors=(r"article\.txt\.gz: (binary content|cannot decode)",),
             data=gzip.compress(en.encode("utf-8"), mtime=0)),
        Case("nul-inside.txt", "text with NUL bytes in it", errors=(r"nul-inside\.txt: binary content",),
             data=en.encode("utf-8")[:200] + b"\x00\x00\x00" + en.encode("utf-8")[200:]),
        Case("zlib.jsonl", "compressed data named .jsonl",
             errors=(r"zlib\.jsonl: (binary content|cannot decode)",), data=zlib.compress(b'{"text": "x"}' * 50)),
        # --- truncated ---
        Case("truncated-utf8.txt", "UTF-8 cut in the middle of a character", articles=1,
             check=_contains("Министр иностранных дел", lang="ru"),
             data=article("ru", 903).encode("utf-8")[:-6].rstrip(b"\n")[:-1]),
        Case("truncated.html", "HTML cut in the middle of a tag", articles=1,
             check=_contains("Foreign Minister"),
             data=_html("Talks in Cairo", _paragraphs(article("en", 904)))[:-60].encode("utf-8")),
        Case("truncated.rss", "a feed cut in the middle of its second item",
             articles=None, errors=None,   # the first entry may be read; either way one clear line at most
             data=_rss(_item("First item", article("en", 905).replace("\n", " "))
                       + _item("Second item", article("en", 906).replace("\n", " ")))[:-150]),
        Case("truncated.jsonl", "JSON Lines whose last line is cut", articles=2,
             errors=(r"truncated\.jsonl: line 3: invalid JSON",),
             data=("\n".join(json.dumps({"text": article("en", i)}, ensure_ascii=False) for i in (907, 908, 909))
                   [:-40]).encode("utf-8")),
        Case("truncated.json", "a JSON list cut short", errors=(r"truncated\.json: invalid JSON",),
             data=json.dumps([{"text": article("en", 910)}, {"text": article("en", 911)}]).encode()[:-30]),
        # --- size ---
        Case("over-limit.txt", f"one byte over the {LIMIT_MB} MB limit",
             errors=(rf"over-limit\.txt: larger than the {LIMIT_MB} MB limit",), make=_make_over_limit, big=True),
        Case("one-line-50mb.txt", "a 50 MB single line",
             errors=(rf"one-line-50mb\.txt: larger than the {LIMIT_MB} MB limit",), make=_make_50mb_line, big=True),
        Case("one-line-100kb.txt", "a 100 kB article on a single line", articles=1,
             data=((article("en", 912).replace("\n", " ") + " ") * 300)[:100_000].encode("utf-8")),
        Case("many-lines.txt", "200,000 empty lines around a short article", articles=1,
             check=_contains("Foreign Minister"), data=b"\n" * 100_000 + article("en", 913).encode() + b"\n" * 100_000),
        # --- encodings ---
        Case("utf16le-bom.txt", "Arabic in UTF-16 LE with BOM", articles=1,
             check=_contains("وزير الخارجية", lang="ar"), data=codecs.BOM_UTF16_LE + ar.encode("utf-16-le")),
        Case("utf16be-bom.txt", "Russian in UTF-16 BE with BOM", articles=1,
             check=_contains("Министр иностранных дел", lang="ru"), data=codecs.BOM_UTF16_BE + ru.encode("utf-16-be")),
        Case("utf8-bom.txt", "English in UTF-8 with BOM", articles=1,
             check=_all(_contains("Foreign Minister", lang="en"), _no_bom),
             data=codecs.BOM_UTF8 + article("en", 914).encode("utf-8")),
        Case("utf16-bom-truncated.txt", "UTF-16 with BOM cut in the middle of its last character",
             articles=1, check=_contains("وزير الخارجية", lang="ar"),
             data=codecs.BOM_UTF16_LE + article("ar", 915).encode("utf-16-le")[:-1]),
        Case("ar-windows-1256.txt", "Arabic in windows-1256", articles=1,
             check=_contains("وزير الخارجية", "نظيره", lang="ar"), data=article("ar", 916).encode("windows-1256")),
        Case("ru-windows-1251.txt", "Russian in windows-1251", articles=1,
             check=_contains("Министр иностранных дел", "переговоры", lang="ru"),
             data=article("ru", 917).encode("windows-1251")),
        Case("ru-koi8r.txt", "Russian in KOI8-R", articles=1,
             check=_contains("Министр иностранных дел", "переговоры", lang="ru"), data=_koi8(article("ru", 918))),
        Case("ar-windows-1256.html", "Arabic HTML in windows-1256 with <meta charset>", articles=1,
             check=_contains("وزير الخارجية", lang="ar"),
             data=_html("لقاء", _paragraphs(article("ar", 919)), head='<meta charset="windows-1256">')
             .replace('<meta charset="utf-8">', "").encode("windows-1256")),
        Case("ru-koi8r.html", "Russian HTML in KOI8-R, no charset declared", articles=1,
             check=_contains("Министр иностранных дел", lang="ru"),
             data=_koi8(_html("Переговоры", _paragraphs(article("ru", 920))).replace('<meta charset="utf-8">', ""))),
        Case("ru-windows-1251.jsonl", "JSON Lines in windows-1251", articles=2,
             check=_contains("переговоры", lang="ru"),
             data="\n".join(json.dumps({"text": article("ru", i)}, ensure_ascii=False) for i in (921, 922))
             .encode("windows-1251")),
        # --- scripts, marks and invisible characters ---
        Case("mixed-scripts.txt", "English with Arabic and Russian names inline", articles=1,
             data=(article("en", 923) + "\nThe Arabic press wrote لافروف and the Russian press wrote Лавров; "
                   "Ελληνικά, 日本語, עברית and emoji 🇷🇺🤝🇵🇰 appeared too.\n").encode("utf-8")),
        Case("bidi-marks.txt", "Arabic with RLM/LRM, embeddings, overrides and isolates", articles=1,
             check=_contains("\u202e", "\u2066"),
             data=article("ar", 924).replace("وزير", "\u200fوزير\u200e").replace("نظيره", "\u202eنظيره\u202c")
             .replace("الجانبان", "\u2066الجانبان\u2069").encode("utf-8")),
        Case("zero-width.txt", "zero-width spaces, joiners and word joiners inside names", articles=1,
             check=_contains("\u200b"),
             data=article("en", 925).replace("counterpart", "counter\u200bpart")
             .replace("Minister", "Mini\u200dster\u2060")
             .replace(" ", " \u200c", 5).encode("utf-8")),
        Case("decomposed.txt", "Russian in NFD (decomposed й, ё)", articles=1,
             check=_contains("й", "Зелёный"),
             data=unicodedata.normalize("NFD", article("ru", 926) + " Зелёный и новый.").encode()),
        Case("cr-only.txt", "old Mac line ends (CR only)", articles=1,
             data=article("en", 927).replace("\n", "\r").encode("utf-8")),
        Case("controls.txt", "a few C0 control characters in text", articles=1,
             data=article("en", 928).replace("the ministry", "the\x07 ministry\x1b").encode("utf-8")),
        # --- HTML ---
        Case("malformed.html", "unclosed and misnested tags", articles=1, check=_contains("Foreign Minister"),
             data=("<html><head><title>Talks</title><body><div><p>" + article("en", 929).replace("\n", "<p><b><i>")
                   + "</div></span></b></td><table><tr><td>x").encode("utf-8")),
        Case("script-only.html", "HTML with scripts and no text", errors=(r"script-only\.html: no article text",),
             data=b"<!DOCTYPE html><html><head><script>alert(1)</script></head>"
                  b"<body><script>x()</script></body></html>"),
        Case("xss.html", "HTML whose article carries script payloads", articles=1, check=_no_script_text,
             data=_html("Talks in Cairo", "<h2>Talks <script>document.title='pwned'</script></h2>"
                        + _paragraphs(article("en", 930)) + "<script>alert('pwned')</script>"
                        "<img src=x onerror=\"alert('pwned')\"><p>The minister said the talks were useful.</p>")
             .encode("utf-8")),
        Case("deep.html", "HTML nested 5,000 elements deep", articles=None, errors=None,
             data=("<!DOCTYPE html><html><body>" + "<div>" * 5000 + _paragraphs(article("en", 931))
                   + "</div>" * 5000 + "</body></html>").encode("utf-8")),
        Case("not-really.html", "a .html file holding plain text (the extension decides: not HTML)",
             errors=(r"not-really\.html: no article text found in the HTML",),
             data=article("en", 932).encode("utf-8")),
        # --- feeds ---
        Case("xxe-file.rss", "RSS with an external entity to a local file",
             errors=(r"xxe-file\.rss: the feed declares XML entities",),
             data=_rss(_item("&xxe;", "&xxe;"), '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')),
        Case("xxe-http.rss", "RSS with an external entity to a URL (nothing may be fetched)",
             errors=(r"xxe-http\.rss: the feed declares XML entities",),
             data=_rss(_item("&xxe;", "&xxe;"), '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{URL}/entity">]>\n')),
        Case("xxe-parameter.rss", "RSS with an external parameter entity",
             errors=(r"xxe-parameter\.rss: the feed declares XML entities",),
             data=_rss(_item("t", "b"), '<!DOCTYPE rss [<!ENTITY % remote SYSTEM "{URL}/param.dtd"> %remote;]>\n')),
        Case("external-dtd.rss", "RSS with an external DTD (not fetched)", articles=1,
             errors=(), data=_rss(_item("Talks", article("en", 933).replace("\n", " ")),
                                  '<!DOCTYPE rss SYSTEM "{URL}/rss.dtd">\n')),
        Case("billion-laughs.rss", "an entity expansion bomb",
             errors=(r"billion-laughs\.rss: the feed declares XML entities",),
             data=BILLION_LAUGHS.encode()),
        Case("quadratic.rss", "quadratic blow-up: one 50 kB entity used 5,000 times",
             errors=(r"quadratic\.rss: the feed declares XML entities",),
             data=_rss(_item("q", "&a;" * 5000), f'<!DOCTYPE rss [<!ENTITY a "{"x" * 50_000}">]>\n')),
        Case("empty-feed.rss", "a feed without items", errors=(r"empty-feed\.rss: no entries",), data=_rss("")),
        Case("feed-mixed.rss", "a feed with a good item and an empty one", articles=1,
             errors=(r"feed-mixed\.rss: entry 2: no text",),
             data=_rss(_item("Good", article("en", 934).replace("\n", " ")) + _item("Empty", ""))),
        Case("feed-cdata-script.rss", "a feed whose item carries script in CDATA", articles=1, check=_no_script_text,
             data=_rss(_item("Talks", "<![CDATA[<script>alert('pwned')</script><p>" + article("en", 935)
                             .replace("\n", " ") + "</p>]]>"))),
        # --- JSON Lines ---
        Case("broken-lines.jsonl", "JSON Lines with broken and wrong lines among good ones", articles=2,
             errors=(r"broken-lines\.jsonl: line 2: invalid JSON", r"broken-lines\.jsonl: line 3: not a JSON object",
                     r"broken-lines\.jsonl: line 4: no text", r"broken-lines\.jsonl: line 5: no text",
                     r"broken-lines\.jsonl: line 6: field 'title' must be a string"),
             data="\n".join([json.dumps({"text": article("en", 936)}), '{"text": "unterminated', "[1, 2, 3]",
                             '{"title": "no text"}', '{"text": 42}', json.dumps({"text": "x y", "title": ["a"]}), "",
                             json.dumps({"text": article("ar", 937), "lang": "ar"}, ensure_ascii=False)]).encode()),
        Case("deep-nesting.jsonl", "a JSON line nested 100,000 deep", articles=1,
             errors=(r"deep-nesting\.jsonl: line 1: invalid JSON",),
             data=b"[" * 100_000 + b"]" * 100_000 + b"\n" + json.dumps({"text": article("en", 938)}).encode()),
        Case("huge-number.jsonl", "a JSON line with a 10,000-digit number", articles=1,
             errors=(r"huge-number\.jsonl: line 1: invalid JSON",),
             data=b'{"text": "a", "n": ' + b"9" * 10_000 + b"}\n" + json.dumps({"text": article("en", 939)}).encode()),
        Case("surrogates.jsonl", "escaped lone surrogates and NUL in JSON strings", articles=1,
             check=_contains("\ufffdForeign"),
             data=(json.dumps({"text": article("en", 940).replace("Foreign", "\ud800Foreign\udfff")
                               .replace("ministry", "mini\u0000stry"), "title": "T\ud83d"}) + "\n").encode()),
        Case("year-0.jsonl", "published in the year 0", articles=1, check=_published([None]),
             data=json.dumps({"text": article("en", 943).split("\n", 2)[2], "published": "0000-01-01"}).encode()),
        Case("year-9999.jsonl", "published in the year 9999", articles=1, check=_published(["9999-12-31"]),
             data=json.dumps({"text": article("en", 944).split("\n", 2)[2], "published": "9999-12-31T23:59:59Z"})
             .encode()),
        Case("year-9999-tomorrow.jsonl", "published on 9999-12-31, about \"tomorrow\"", articles=1,
             data=json.dumps({"text": "Foreign Minister Sergei Lavrov will visit Cairo tomorrow, on Friday, and "
                              "met the Egyptian ambassador yesterday.", "published": "9999-12-31"}).encode()),
        Case("year-1-yesterday.jsonl", "published on 0001-01-01, about \"yesterday\"", articles=1,
             data=json.dumps({"text": "Foreign Minister Sergei Lavrov met the Egyptian ambassador yesterday, on "
                              "Tuesday, and will visit Cairo tomorrow.", "published": "0001-01-01"}).encode()),
        Case("dates-0-9999.txt", "dates of the year 0 and 9999 in the text", articles=1,
             data=(f"Talks on the calendar\nDecember 31, 9999\nMOSCOW - {article('en', 945).split(chr(10), 3)[3]}"
                   "The treaty of 1 January 0000 and of 00/00/0000 was cited; the talks of 31 December 9999 "
                   "were planned.\n").encode()),
        Case("long-names.txt", "names of 2,000 characters after a title", articles=1,
             data=(f"Foreign Minister {_hostile_name()} met Russian Foreign Minister Sergei Lavrov in Moscow.\n\n"
                   f"Deputy Defence Minister {_hostile_name(2001).upper()} said \"{_hostile_name(2002)}\".\n"
                   f"وزير الخارجية الروسي {'ل' * 2000} التقى نظيره.\n"
                   f"Министр обороны {'Ш' + 'а' * 1999} заявил.\n").encode("utf-8")),
        Case("long-title.jsonl", "a 2,000-character title and URL", articles=1,
             data=json.dumps({"title": "Summit " * 300, "url": "https://news.example.org/" + "a" * 2000,
                              "text": article("en", 946)}).encode()),
        Case("rdf-hostile.txt", "text that looks like N-Quads, SPARQL and HTML", articles=1,
             check=_contains('"> <https://evil.example/x> .'),
             data=(article("en", 947) + '\nHe wrote "> <https://evil.example/x> . } ; DROP ALL ; INSERT DATA { '
                   "<a> <b> <c> } and <script>alert(1)</script> and \\u0022 and \\\" .\n").encode()),
        # --- file-system oddities ---
        Case("fifo.txt", "a named pipe", errors=(r"fifo\.txt: not a regular file",), make=_make_fifo),
        Case("dangling.txt", "a link to nothing", errors=(r"dangling\.txt: no such file",), make=_make_dangling_link),
        Case("loop.txt", "a link to itself", errors=(r"loop\.txt: (no such file|cannot read)",), make=_make_link_loop),
        Case("nested", "articles deep in folders", articles=1, make=_make_nested_dir),
        Case("name with spaces & ünïcödé «ملف».txt", "a file name with spaces and non-ASCII", articles=1,
             data=article("en", 948).encode()),
        Case("line\nbreak.txt", "a file name with a newline in it (the error is still one line)",
             errors=(r"line\\nbreak\.txt: binary content",), data=b"\x00\x01\x02" * 100),
    ]
    return cases


def _no_script_text(articles):
    for a in articles:
        assert "alert(" not in a.text and "document.title" not in a.text, a.text[:300]


CASES = _cases()


def write_hostile_corpus(directory: Path, *, big: bool = False, url: str = "http://127.0.0.1:9") -> list[Case]:
    """Write every case (the big ones only with ``big``) into ``directory``; returns the cases written.

    ``url`` replaces ``{URL}`` in the feeds that reference external entities or DTDs (a server that counts
    requests, so that a test can prove nothing was fetched)."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for case in CASES:
        if case.big and not big:
            continue
        path = directory / case.name
        if case.make is not None:
            case.make(path)
        else:
            path.write_bytes((case.data or b"").replace(b"{URL}", url.encode()))
        written.append(case)
    return written
