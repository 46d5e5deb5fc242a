"""Per-language words the readers look for: month and weekday names, credit-line prefixes, news agencies,
language-switcher labels and the filler words of date lines.

Plain data, one table per kind of word, keyed by language where that matters, so that the layout code has
no ``if lang == ...`` branches. Arabic entries are written naturally; matching folds alef/yeh/teh-marbuta
variants (see ``dates.fold``).
"""
from __future__ import annotations

# Month names (full, genitive, abbreviated, regional) → month number.
MONTHS: dict[str, dict[str, int]] = {
    "en": {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
        "december": 12, "dec": 12,
    },
    "ru": {
        "январь": 1, "января": 1, "янв": 1, "февраль": 2, "февраля": 2, "фев": 2, "февр": 2,
        "март": 3, "марта": 3, "мар": 3, "апрель": 4, "апреля": 4, "апр": 4, "май": 5, "мая": 5,
        "июнь": 6, "июня": 6, "июн": 6, "июль": 7, "июля": 7, "июл": 7, "август": 8, "августа": 8, "авг": 8,
        "сентябрь": 9, "сентября": 9, "сен": 9, "сент": 9, "октябрь": 10, "октября": 10, "окт": 10,
        "ноябрь": 11, "ноября": 11, "ноя": 11, "нояб": 11, "декабрь": 12, "декабря": 12, "дек": 12,
    },
    "ar": {
        # Egyptian / Gulf names
        "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
        "يوليو": 7, "يوليه": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
        # Levantine / Iraqi names
        "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8,
        "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
        # Maghrebi names
        "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "أوت": 8,
    },
}

# The standard Arabic name of each month, which dateparser understands (Levantine names are mapped to it).
ARABIC_STANDARD_MONTH: dict[int, str] = {
    1: "يناير", 2: "فبراير", 3: "مارس", 4: "أبريل", 5: "مايو", 6: "يونيو",
    7: "يوليو", 8: "أغسطس", 9: "سبتمبر", 10: "أكتوبر", 11: "نوفمبر", 12: "ديسمبر",
}

# Weekday names: allowed in a date line besides the date itself.
WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
           "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"),
    "ru": ("понедельник", "вторник", "среда", "среду", "четверг", "пятница", "пятницу", "суббота", "субботу",
           "воскресенье", "пн", "вт", "ср", "чт", "пт", "сб", "вс"),
    "ar": ("الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
}

# Other words a date line may carry ("Published:", "г.", "GMT", "نشر في") — they do not make it a sentence.
DATE_LINE_FILLER: dict[str, tuple[str, ...]] = {
    "en": ("published", "updated", "posted", "last", "on", "at", "am", "pm", "gmt", "utc", "bst", "est", "edt",
           "et", "pt", "cet", "cest", "msk", "pkt", "ist", "date", "time", "modified"),
    "ru": ("опубликовано", "обновлено", "дата", "публикации", "г", "года", "год", "в", "мск", "время"),
    "ar": ("نشر", "نُشر", "في", "بتاريخ", "آخر", "تحديث", "التحديث", "تاريخ", "النشر", "الساعة", "بتوقيت",
           "غرينتش", "مكة", "المكرمة", "القاهرة", "ص", "م", "الموافق", "هـ"),
}

# Trailing credit lines: the prefix (before ":" or a dash) and what the line gives.
CREDIT_PREFIXES: dict[str, dict[str, tuple[str, ...]]] = {
    "source": {
        "ar": ("المصدر", "مصدر", "المصادر", "نقلا عن", "نقلاً عن"),
        "ru": ("Источник", "Источники", "По материалам"),
        "en": ("Source", "Sources"),
    },
    "photo": {
        "ar": ("الصورة", "صورة", "الصور", "تصوير", "الصورة الرئيسية", "مصدر الصورة"),
        "ru": ("Фото", "Фотография", "Фото на главной", "Иллюстрация", "Видео"),
        "en": ("Photo", "Photos", "Image", "Images", "Picture", "Photograph", "Photo credit", "Video"),
    },
    "editor": {
        "ar": ("المحرر", "تحرير", "إعداد", "ترجمة", "كتابة", "مراجعة", "الكاتب"),
        "ru": ("Редактор", "Автор", "Авторы", "Перевод", "Подготовил", "Подготовила"),
        "en": ("Editor", "Editing by", "Writing by", "Reporting by", "Additional reporting by", "Author",
               "Translated by", "Compiled by"),
    },
}

# Copyright markers that also end an article's body.
COPYRIGHT_MARKERS: tuple[str, ...] = ("©", "(c)", "copyright", "все права защищены", "جميع الحقوق محفوظة")

# News agencies recognised in a dateline written without parentheses or slashes ("موسكو - سبوتنيك",
# "МОСКВА, 29 сен — РИА Новости"). Agencies in "(Reuters)" or "/ТАСС/" need no entry here.
AGENCIES: dict[str, tuple[str, ...]] = {
    "ar": ("سبوتنيك", "نوفوستي", "تاس", "رويترز", "أ ف ب", "أ ش أ", "د ب أ", "واس", "وام", "قنا", "سانا",
           "كونا", "بترا", "الأناضول", "شينخوا", "إرنا", "فرانس برس", "أسوشيتد برس", "روسيا اليوم", "وكالات"),
    "ru": ("РИА Новости", "ТАСС", "Интерфакс", "INTERFAX.RU", "ПРАЙМ", "Спутник", "РБК", "Рейтер", "RT",
           "Sputnik"),
    "en": ("Reuters", "AP", "AFP", "TASS", "RIA Novosti", "Xinhua", "Anadolu", "UPI", "dpa", "Bloomberg",
           "PTI", "APP", "IRNA", "WAFA", "KUNA", "SPA", "WAM", "QNA", "SANA", "Sputnik"),
}

# Labels of a language-switcher line ("Ru En", "English | Русский", "AR EN RU"); compared case-folded.
LANGUAGE_LABELS: frozenset[str] = frozenset({
    "ar", "en", "ru", "fr", "de", "es", "tr", "fa", "ur", "zh", "cn", "it", "pt",
    "ara", "eng", "rus", "fra", "deu", "esp",
    "arabic", "english", "russian", "french", "german", "spanish", "turkish", "persian", "urdu", "chinese",
    "عربي", "عربى", "العربية", "الإنجليزية", "الانجليزية", "الروسية", "english", "русский", "рус", "англ",
    "английский", "арабский", "français", "deutsch", "español", "türkçe", "فارسی", "اردو", "中文",
})
