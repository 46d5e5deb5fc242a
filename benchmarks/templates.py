"""Sentence templates of the synthetic corpus, one table per language, written for this project.

Each language has the same story kinds (``KINDS``) and the same sentence roles (lead, quote, topics, background,
next step, membership, reaction, detail), so that the same story can be told in Arabic, Russian and English — as
wire services do — and identity resolution has cross-language work to do.

Slots (filled by ``generate.py``):
  {offA} {offB} {offC}   post + name of an official of state A / B / C, in the language's word order
  {nameA} {surA}         the full name and the surname of A's official (same for B, C)
  {A} {B} {C}            state names (nominative)       {Aadj} {Badj} {Cadj}   demonym adjective (en, ar)
  {Agen} {Bgen}          genitive of the state name (ru)  {placeIn}              "в Москве" (ru), the place (en, ar)
  {place}                place name                      {when} {whenPast}      "on Tuesday", "اليوم الثلاثاء", "во "
                                                                                "вторник"
  {t1} {t2} {t3}         topic labels                    {org}                   an organisation both belong to
  {n} {m} {money}        numbers                         {month} {year}         a month name and a year (background)
  {weapon} {agency}
"""
from __future__ import annotations

KINDS = ("meeting", "call", "agreement", "exercise", "arms", "aid", "sanctions", "expulsion", "condemnation",
         "clash", "threat", "appeal")

# Which officials a story of each kind prefers: (role, portfolio) pairs, best first.
PREFERRED_POSTS = {
    "meeting": [("minister", "foreign-affairs"), ("president", None), ("prime-minister", None)],
    "call": [("president", None), ("minister", "foreign-affairs"), ("prime-minister", None)],
    "agreement": [("minister", "foreign-affairs"), ("prime-minister", None), ("minister", "trade"),
                  ("minister", "energy")],
    "exercise": [("minister", "defence"), ("chief-of-general-staff", None), ("commander", None)],
    "arms": [("minister", "defence"), ("deputy-minister", "defence"), ("director", None)],
    "aid": [("minister", "emergencies"), ("minister", "foreign-affairs"), ("prime-minister", None)],
    "sanctions": [("minister", "foreign-affairs"), ("minister", "finance"), ("president", None)],
    "expulsion": [("minister", "foreign-affairs"), ("spokesperson", "foreign-affairs"), ("spokesperson", None)],
    "condemnation": [("minister", "foreign-affairs"), ("spokesperson", None), ("president", None)],
    "clash": [("minister", "defence"), ("chief-of-general-staff", None), ("president", None)],
    "threat": [("president", None), ("minister", "defence"), ("minister", "foreign-affairs")],
    "appeal": [("minister", "foreign-affairs"), ("president", None), ("prime-minister", None)],
}

TOPICS_BY_KIND = {
    "meeting": ["diplomatic-relations", "economic-cooperation", "regional-security", "counter-terrorism", "trade",
                "energy", "military-cooperation", "transport", "investment", "regional-stability"],
    "call": ["diplomatic-relations", "regional-stability", "ceasefire", "peace-process", "energy-security",
             "humanitarian-aid", "counter-terrorism"],
    "agreement": ["trade", "investment", "energy", "nuclear-energy", "infrastructure", "transport", "visas",
                  "education", "culture", "oil-and-gas", "food-security", "science-and-technology"],
    "exercise": ["joint-exercises", "counter-terrorism", "military-cooperation", "naval-cooperation",
                 "maritime-security", "border-security"],
    "arms": ["arms-trade", "military-technical-cooperation", "defence-industry", "missile-defence",
             "military-cooperation"],
    "aid": ["humanitarian-aid", "natural-disasters", "food-security", "refugees", "reconstruction",
            "public-health"],
    "sanctions": ["sanctions", "nuclear-programme", "human-rights", "cyber-security", "arms-control",
                  "drug-trafficking"],
    "expulsion": ["diplomatic-relations", "intelligence-sharing", "sanctions", "cyber-security"],
    "condemnation": ["sovereignty", "international-law", "human-rights", "territorial-dispute", "war-crimes"],
    "clash": ["border-security", "territorial-dispute", "ceasefire", "regional-stability"],
    "threat": ["missile-defence", "arms-control", "sovereignty", "regional-security", "nuclear-non-proliferation"],
    "appeal": ["prisoner-exchange", "hostages", "ceasefire", "peace-process", "refugees", "mediation"],
}

AGENCIES = {
    "en": ["Meridian", "Northgate Press", "Eastwire", "Caspian News Service", "Orbis Wire", "Harbour Press"],
    "ru": ["Меридиан", "Восточный экспресс", "Интерфакс-Регион", "Каспий-Информ", "Орбис"],
    "ar": ["المرصد الآسيوي", "وكالة الأنباء المشرقية", "الخبر الدولي", "شبكة الساحل الإخبارية", "وكالة أوربيس"],
}

WEAPONS = {
    "en": ["air defence systems", "helicopters", "armoured personnel carriers", "patrol boats", "fighter jets",
           "artillery systems", "drones"],
    "ru": ["зенитные ракетные комплексы", "вертолёты", "бронетранспортёры", "патрульные катера", "истребители",
           "артиллерийские системы", "беспилотники"],
    "ar": ["منظومات دفاع جوي", "مروحيات", "ناقلات جند مدرعة", "زوارق دورية", "طائرات مقاتلة", "منظومات مدفعية",
           "طائرات مسيرة"],
}

# --- English ------------------------------------------------------------------------------------------------

EN = {
    "months": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"],
    "months_short": ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"],
    "weekdays": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "dateline": "{PLACE}, {mon} {day} ({agency}) - ",
    "credit": "Source: {agency}",
    "headline": {
        "meeting": ["{A} and {B} agree to deepen {t1} after talks in {place}",
                    "{surA} and {surB} discuss {t1} and {t2} in {place}"],
        "call": ["{surA} and {surB} discuss {t1} by phone", "{A}, {B} leaders hold phone call on {t1}"],
        "agreement": ["{A} and {B} sign agreement on {t1}", "{A}, {B} seal {t1} deal in {place}"],
        "exercise": ["{A} and {B} begin joint military exercise near {place}",
                     "{Aadj} and {Badj} troops start drills focused on {t1}"],
        "arms": ["{A} to deliver {weapon} to {B} under new contract", "{A} says {weapon} for {B} on schedule"],
        "aid": ["{A} sends humanitarian aid to {B}", "{Aadj} aid for {B} arrives in {place}"],
        "sanctions": ["{A} imposes sanctions on {Badj} companies and officials",
                      "{A} widens sanctions against {B} over {t1}"],
        "expulsion": ["{A} expels {n} {Badj} diplomats", "{A} orders {Badj} diplomats to leave"],
        "condemnation": ["{A} condemns {Badj} move as breach of international law",
                         "{surA} criticises {B} over {t1}"],
        "clash": ["{n} soldiers killed in clash on {A}-{B} border", "{Aadj} and {Badj} forces exchange fire near "
        "{place}"],
        "threat": ["{A} warns {B} of response to troop deployment", "{surA} threatens retaliation against {B}"],
        "appeal": ["{A} urges {B} to resume talks on {t1}", "{surA} calls on {B} to release detained citizens"],
    },
    "lead": {
        "meeting": ["{offA} held talks with {offB} in {place} {when}, and the two sides agreed to deepen cooperation "
                    "in {t1} and {t2}, according to a joint statement released after the meeting.",
                    "{offA} met {offB} in {place} {when} for talks that officials on both sides described as "
                    "frank and constructive, covering {t1}, {t2} and preparations for a visit at the highest level."],
        "call": ["{offA} spoke by telephone with {offB} {when} to discuss {t1} and the situation in the region, "
                 "the {Aadj} foreign ministry said in a statement published on its website.",
                 "{offA} and {offB} held a telephone conversation {when}, exchanging views on {t1} and agreeing to "
                 "keep in close contact over the coming weeks, according to the {Aadj} side."],
        "agreement": ["{A} and {B} signed an agreement on {t1} in {place} {when} after talks between {offA} and "
                      "{offB}, who said the deal would open a new stage in relations between the two countries.",
                      "{offA} and {offB} signed a memorandum of understanding on {t1} and {t2} in {place} {when}, "
                      "crowning two days of negotiations between delegations of the two governments."],
        "exercise": ["Troops from {A} and {B} began a joint military exercise near {place} {when}, the {Aadj} defence "
                     "ministry said, with more than {n} servicemen, {m} armoured vehicles and aircraft taking part.",
                     "{A} and {B} started joint naval drills off {place} {when}, {offA} said, describing the "
                     "manoeuvres as a sign of growing trust between the armed forces of the two countries."],
        "arms": ["{A} will deliver {weapon} to {B} under a contract worth ${money} billion, {offA} said in {place} "
                 "{when}, adding that the first batch would be handed over before the end of the year.",
                 "{offA} said {when} that {A} had completed deliveries of {weapon} to {B} ahead of schedule and was "
                 "ready to discuss joint production of spare parts with {Badj} companies."],
        "aid": ["{A} sent {n} tonnes of humanitarian aid to {B} {when}, {offA} said, after floods in the south of the "
                "country left thousands of people without shelter, food or clean water.",
                "A plane carrying {n} tonnes of medicine, tents and food from {A} landed in {place} {when}, where it "
                "was met by {offB}, who thanked {A} for its help."],
        "sanctions": ["{A} imposed sanctions on {n} {Badj} companies and officials {when}, accusing them of "
        "involvement "
                      "in {t1}, {offA} announced at a news conference in {place}.",
                      "{offA} said {when} that {A} would freeze the assets of {n} {Badj} entities and ban their "
                      "executives from entering the country, in response to what he called {t1} violations."],
        "expulsion": ["{A} expelled {n} {Badj} diplomats {when} and summoned the {Badj} ambassador, {offA} said, "
                      "accusing them of activities incompatible with their diplomatic status.",
                      "{offA} said {when} that {n} employees of the {Badj} embassy in {place} had been declared "
                      "persona non grata and given 72 hours to leave {A}."],
        "condemnation": ["{offA} condemned {when} the decision by {B} on {t1}, calling it a violation of "
                         "international law and a direct threat to regional stability.",
                         "{offA} strongly criticised {B} {when} over its position on {t1}, accusing {offB} of "
                         "ignoring repeated calls for dialogue."],
        "clash": ["Border guards of {A} and {B} exchanged fire near {place} {when}, killing {n} soldiers, the {Aadj} "
                  "defence ministry said, blaming the {Badj} side for the attack.",
                  "{Badj} forces shelled positions of the {Aadj} army near {place} {when}, {offA} said, adding that "
                  "{n} servicemen had been wounded and that {A} had returned fire."],
        "threat": ["{offA} warned {when} that {A} would respond to any deployment of {Badj} forces near its border, "
                   "saying the country was ready to take retaliatory measures.",
                   "{offA} threatened {when} to suspend cooperation with {B} on {t1} if it went ahead with plans "
                   "to station new missile systems in the region."],
        "appeal": ["{offA} called on {B} {when} to release detained {Aadj} citizens and to resume talks on {t1}, "
                   "speaking at a news conference in {place}.",
                   "{offA} urged {offB} {when} to return to negotiations on {t1}, saying that {A} was ready to "
                   "host a new round in {place}."],
    },
    "quote": ['"{q1}, and {q2}," {surA} told reporters after the talks.',
              '"{q1}," {surA} said, adding that {q2}.',
              '"We believe that {q2}," {surB} said. "{q1}."'],
    "q1": ["Relations between our countries are developing steadily in every field",
           "We discussed the whole range of bilateral issues in detail",
           "Our position on {t1} has not changed",
           "This is an important step for the security of the whole region",
           "We are ready to work with our partners in {B} on {t1}",
           "The decision was taken after careful consideration"],
    "q2": ["the two sides will meet again before the end of the year",
           "nobody should doubt our commitment to {t2}",
           "cooperation with {B} does not depend on anyone's approval",
           "the agreements reached today must be implemented in full",
           "dialogue remains the only way to settle the differences"],
    "topics": ["The two sides also discussed {t2} and {t3}, as well as cooperation within the {org}, the statement "
               "said, without giving further details.",
               "According to officials familiar with the talks, {t2} and {t3} were also on the agenda, alongside "
               "the preparation of several intergovernmental agreements."],
    "background": ["{A} and {B} signed an agreement on {t2} in {month} {year}, and trade between them has grown "
                   "by about {m} percent since then, according to official figures.",
                   "The last meeting of the joint commission of the two countries took place in {month} {year} "
                   "in {place}, when the sides agreed on a programme of cooperation in {t2}."],
    "next": ["The next round of consultations is due to take place in {month} next year, {offB} said.",
             "{surB} is expected to visit {A} later this year to continue the talks on {t1}."],
    "member": ["Both {A} and {B} are members of the {org}, whose foreign ministers are due to meet later this month "
               "to discuss {t2}."],
    "reaction": ["{offC} welcomed the outcome of the talks, saying it would contribute to {t2}.",
                 "{offC} criticised the move, saying it would undermine {t2} in the region."],
    "context": ["Relations between {A} and {B} have grown markedly over the past decade, with regular contacts between "
                "their foreign and defence ministries and a joint commission that meets every year to review "
                "progress on {t1}, trade and investment.",
                "Diplomats in {place} said the visit had been prepared for several months and was intended to send a "
                "signal to other countries in the region that {A} and {B} intend to coordinate closely on {t2}."],
    "analyst": ["Analysts in {place} said the talks showed that both governments wanted to keep their relationship "
                "insulated from wider tensions, although differences remain over {t3} and over the terms of a "
                "long-discussed free trade agreement.",
                "Independent experts cautioned that many of the agreements signed between the two countries in "
                "recent years had not been implemented, pointing to delays in financing, logistics and customs "
                "procedures."],
    "program": ["The programme of the visit also included a meeting with business leaders, a wreath-laying ceremony "
                "and a lecture at a local university on the history of relations between the two peoples, the "
                "embassy of {B} said."],
    "detail": ["More than {m} officials and experts from the two countries took part in the sessions, which lasted "
               "{n} hours.",
               "The value of the projects discussed is estimated at ${money} billion over the next five years."],
}

# --- Russian ------------------------------------------------------------------------------------------------

RU = {
    "months": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
               "ноября", "декабря"],
    "months_nom": ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре",
                   "ноябре", "декабре"],
    "weekdays": ["в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье"],
    "dateline": "{PLACE}, {day} {mon}. /{agency}/. ",
    "credit": "Источник: {agency}",
    "headline": {
        "meeting": ["{A} и {B} договорились расширить сотрудничество по итогам переговоров в городе {place}",
                    "{surA} и {surB} обсудили в городе {place} двустороннее сотрудничество"],
        "call": ["{surA} и {surB} провели телефонный разговор", "Лидеры стран обсудили по телефону ситуацию в регионе"],
        "agreement": ["{A} и {B} подписали соглашение о сотрудничестве", "{A} и {B} заключили новое соглашение"],
        "exercise": ["{A} и {B} начали совместные военные учения", "Военные двух стран проводят совместные учения"],
        "arms": ["{A} поставит {weapon} по новому контракту", "Поставки вооружений идут по графику, заявил {surA}"],
        "aid": ["Власти {Agen} направили гуманитарную помощь", "Самолёт с гуманитарной помощью прибыл в город {place}"],
        "sanctions": ["Власти {Agen} ввели санкции против {n} компаний", "Власти {Agen} расширили санкционный список"],
        "expulsion": ["Власти {Agen} высылают {n} дипломатов", "Власти {Agen} объявили {n} дипломатов персонами нон "
        "грата"],
        "condemnation": ["Власти {Agen} осудили решение властей страны", "{surA} раскритиковал действия соседней "
        "страны"],
        "clash": ["На границе произошла перестрелка, погибли {n} военных", "{A} и {B}: столкновение на границе"],
        "threat": ["Власти {Agen} пригрозили ответными мерами", "{surA} предупредил о возможных ответных мерах"],
        "appeal": ["Власти {Agen} призвали вернуться к переговорам", "{surA} призвал освободить задержанных граждан"],
    },
    "lead": {
        "meeting": ["{offA} и {offB} провели {when} {placeIn} переговоры, по итогам которых стороны договорились "
                    "расширить сотрудничество. Главные темы встречи: {t1} и {t2}.",
                    "{offA} {when} {placeIn} встретился с коллегой. {offB} прибыл с официальным визитом, в центре "
                    "внимания были {t1} и подготовка визита на высшем уровне."],
        "call": ["{offA} и {offB} {when} провели телефонный разговор, в ходе которого обсудили ситуацию в регионе. "
                 "Об этом сообщила пресс-служба министерства, отметив, что основная тема: {t1}.",
                 "{offA} {when} провёл телефонный разговор с коллегой. {offB} и он договорились поддерживать "
                 "тесные контакты, сообщили в министерстве."],
        "agreement": ["{offA} и {offB} подписали {when} {placeIn} соглашение о сотрудничестве, которое, по их словам, "
                      "откроет новый этап в отношениях двух стран. Тема соглашения: {t1}.",
                      "{A} и {B} {when} {placeIn} подписали меморандум о взаимопонимании по итогам двухдневных "
                      "переговоров правительственных делегаций."],
        "exercise": ["{A} и {B} {when} начали совместные военные учения, в которых участвуют более {n} военнослужащих "
                     "и {m} единиц бронетехники, сообщило министерство обороны.",
                     "{offA} заявил {when}, что совместные учения двух стран стали знаком растущего доверия между "
                     "вооружёнными силами, маневры проходят в районе города {place}."],
        "arms": ["{A} поставит {weapon} по контракту стоимостью {money} млрд долларов, заявил {when} {offA}, добавив, "
                 "что первая партия будет передана до конца года.",
                 "{offA} сообщил {when}, что поставки вооружений завершены досрочно и стороны готовы обсудить "
                 "совместное производство запасных частей."],
        "aid": ["Власти {Agen} {when} направили {n} тонн гуманитарной помощи пострадавшим от наводнения, сообщил "
        "{offA}, "
                "уточнив, что груз включает продовольствие, медикаменты и палатки.",
                "Самолёт с {n} тоннами гуманитарной помощи {when} приземлился в городе {place}, груз встретил "
                "{offB}, поблагодаривший за помощь."],
        "sanctions": ["Власти {Agen} {when} ввели санкции против {n} компаний и должностных лиц, обвинив их в "
        "причастности "
                      "к нарушениям, заявил {offA} на пресс-конференции.",
                      "{offA} объявил {when} о заморозке активов {n} организаций и запрете на въезд их "
                      "руководителям, назвав это ответом на враждебные действия."],
        "expulsion": ["Власти {Agen} {when} объявили персонами нон грата {n} дипломатов и вызвала посла в "
        "министерство, сообщил "
                      "{offA}, обвинив дипломатов в деятельности, несовместимой с их статусом.",
                      "{offA} заявил {when}, что {n} сотрудников посольства должны покинуть страну в течение 72 "
                      "часов."],
        "condemnation": ["{offA} {when} осудил решение властей соседней страны, назвав его нарушением норм "
                         "международного права и прямой угрозой региональной стабильности.",
                         "{offA} {when} резко раскритиковал позицию партнёров, обвинив их в игнорировании "
                         "призывов к диалогу."],
        "clash": ["Пограничники двух стран {when} вступили в перестрелку в районе города {place}, погибли {n} "
                  "военных, сообщили в министерстве обороны. Власти {Agen} возложили ответственность на соседнюю "
                  "страну.",
                  "{offA} заявил {when}, что в результате обстрела позиций армии ранены {n} военнослужащих и что "
                  "армия открыла ответный огонь."],
        "threat": ["{offA} {when} предупредил, что страна ответит на любое развёртывание иностранных войск у своих "
                   "границ, и заявил о готовности принять ответные меры.",
                   "{offA} пригрозил {when} приостановить сотрудничество, если партнёры разместят в регионе новые "
                   "ракетные комплексы."],
        "appeal": ["{offA} {when} призвал власти соседней страны освободить задержанных граждан и возобновить "
                   "переговоры, выступая на пресс-конференции {placeIn}.",
                   "{offA} {when} призвал коллег вернуться к переговорам и заявил, что страна готова провести "
                   "новый раунд {placeIn}."],
    },
    "quote": ["«{q1}, и {q2}», — сказал {surA} журналистам по итогам переговоров.",
              "«{q1}», — заявил {surA}, добавив, что {q2}.",
              "«Мы считаем, что {q2}», — отметил {surB}. «{q1}»."],
    "q1": ["Отношения между нашими странами поступательно развиваются во всех областях",
           "Мы подробно обсудили весь комплекс двусторонних вопросов",
           "Наша позиция по этому вопросу не изменилась",
           "Это важный шаг для безопасности всего региона",
           "Мы готовы работать с партнёрами по всем направлениям",
           "Решение было принято после тщательного анализа"],
    "q2": ["стороны встретятся вновь до конца года",
           "никто не должен сомневаться в нашей приверженности договорённостям",
           "наше сотрудничество не зависит от чьего-либо одобрения",
           "достигнутые сегодня договорённости должны быть выполнены в полном объёме",
           "диалог остаётся единственным способом урегулировать разногласия"],
    "topics": ["Кроме того, стороны обсудили другие вопросы повестки дня, в том числе: {t2}, {t3}, а также "
               "взаимодействие в рамках организации ({org}), говорится в заявлении.",
               "По словам источников, знакомых с ходом переговоров, на повестке дня стояли и другие темы: {t2}, "
               "{t3} и подготовка ряда межправительственных соглашений."],
    "background": ["Соглашение о сотрудничестве страны подписали в {month} {year} года, и с тех пор товарооборот "
                   "между ними вырос примерно на {m} процентов, по официальным данным.",
                   "Предыдущее заседание совместной комиссии двух стран прошло в {month} {year} года, тогда "
                   "стороны согласовали программу сотрудничества."],
    "next": ["Следующий раунд консультаций запланирован на {month} следующего года, сообщил {offB}.",
             "Ожидается, что {surB} посетит страну до конца года, чтобы продолжить переговоры."],
    "member": ["Обе страны входят в организацию ({org}), министры иностранных дел которой встретятся в конце "
               "месяца, чтобы обсудить региональную повестку."],
    "reaction": ["{offC} приветствовал итоги переговоров, заявив, что они будут способствовать стабильности.",
                 "{offC} раскритиковал это решение, заявив, что оно подорвёт безопасность в регионе."],
    "context": ["Отношения двух стран заметно укрепились за последнее десятилетие: регулярно проводятся контакты по "
                "линии министерств иностранных дел и обороны, ежегодно собирается межправительственная комиссия, "
                "которая рассматривает ход сотрудничества в торговле и инвестициях.",
                "Дипломаты отметили, что визит готовился несколько месяцев и должен был показать соседям по "
                "региону, что обе страны намерены тесно координировать свои действия."],
    "analyst": ["Эксперты считают, что переговоры показали стремление обоих правительств оградить двусторонние "
                "отношения от общей напряжённости, хотя разногласия по ряду вопросов и по условиям соглашения о "
                "свободной торговле сохраняются.",
                "Независимые аналитики напоминают, что многие подписанные в последние годы соглашения так и не были "
                "выполнены из-за задержек с финансированием, логистикой и таможенными процедурами."],
    "program": ["Программа визита включала также встречу с представителями деловых кругов, церемонию возложения "
                "венков и лекцию в местном университете об истории отношений двух народов, сообщили в посольстве."],
    "detail": ["В заседаниях приняли участие более {m} официальных лиц и экспертов двух стран, переговоры длились "
               "{n} часов.",
               "Стоимость обсуждавшихся проектов оценивается в {money} млрд долларов на ближайшие пять лет."],
}

# --- Arabic -------------------------------------------------------------------------------------------------

AR = {
    "months": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
               "ديسمبر"],
    "months_levant": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                      "تشرين الأول", "تشرين الثاني", "كانون الأول"],
    "weekdays": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
    "dateline": "{PLACE} - ({agency}) - ",
    "credit": "المصدر: {agency}",
    "headline": {
        "meeting": ["{A} و{B} تتفقان على تعزيز التعاون في مجال {t1} بعد محادثات في {place}",
                    "{surA} و{surB} يبحثان في {place} {t1} و{t2}"],
        "call": ["{surA} و{surB} يبحثان هاتفيا {t1}", "اتصال هاتفي بين {surA} و{surB} حول الوضع في المنطقة"],
        "agreement": ["{A} و{B} توقعان اتفاقا بشأن {t1}", "توقيع اتفاق بين {A} و{B} في {place}"],
        "exercise": ["{A} و{B} تبدآن تدريبات عسكرية مشتركة قرب {place}", "انطلاق مناورات مشتركة بين {A} و{B}"],
        "arms": ["{A} تسلم {B} {weapon} بموجب عقد جديد", "{surA}: توريد {weapon} إلى {B} يسير وفق الجدول"],
        "aid": ["{A} ترسل مساعدات إنسانية إلى {B}", "وصول طائرة مساعدات {Aadj} إلى {place}"],
        "sanctions": ["{A} تفرض عقوبات على شركات ومسؤولين من {B}", "{A} توسع عقوباتها على {B}"],
        "expulsion": ["{A} تطرد {n} دبلوماسيين من {B}", "{A} تأمر دبلوماسيين من {B} بمغادرة البلاد"],
        "condemnation": ["{A} تدين قرار {B} وتعتبره انتهاكا للقانون الدولي", "{surA} ينتقد موقف {B} من {t1}"],
        "clash": ["مقتل {n} جنود في اشتباك على الحدود بين {A} و{B}", "تبادل لإطلاق النار بين قوات {A} و{B} قرب "
        "{place}"],
        "threat": ["{A} تحذر {B} من الرد على أي نشر للقوات", "{surA} يهدد {B} بإجراءات انتقامية"],
        "appeal": ["{A} تدعو {B} إلى استئناف المحادثات", "{surA} يطالب {B} بالإفراج عن المواطنين المحتجزين"],
    },
    "lead": {
        "meeting": ["بحث {offA} مع {offB} {when} في {place} سبل تعزيز التعاون بين البلدين في مجالي {t1} و{t2}، "
                    "وفقا لبيان مشترك صدر في ختام اللقاء الذي وصفه الجانبان بأنه بناء وصريح.",
                    "استقبل {offA} {when} في {place} {offB} الذي يقوم بزيارة رسمية تستمر ثلاثة أيام، وتناول "
                    "اللقاء {t1} والتحضير لزيارة على أعلى مستوى."],
        "call": ["أجرى {offA} {when} اتصالا هاتفيا مع {offB} بحثا خلاله {t1} والوضع في المنطقة، حسبما ذكرت "
                 "وزارة الخارجية {Aadj_f} في بيان نشرته على موقعها الرسمي.",
                 "تلقى {offA} {when} اتصالا هاتفيا من {offB}، وتبادل الجانبان وجهات النظر حول {t1} واتفقا على "
                 "مواصلة التنسيق خلال الأسابيع المقبلة."],
        "agreement": ["وقعت {A} و{B} {when} في {place} اتفاقا بشأن {t1} في ختام محادثات بين {offA} و{offB}، "
                      "اللذين أكدا أن الاتفاق يفتح مرحلة جديدة في العلاقات بين البلدين.",
                      "وقع {offA} و{offB} {when} في {place} مذكرة تفاهم في مجالي {t1} و{t2}، تتويجا ليومين من "
                      "المفاوضات بين وفدي الحكومتين."],
        "exercise": ["بدأت قوات من {A} و{B} {when} تدريبات عسكرية مشتركة قرب {place} بمشاركة أكثر من {n} عسكري "
                     "و{m} مدرعة وطائرات، حسبما أعلنت وزارة الدفاع {Aadj_f}.",
                     "قال {offA} {when} إن المناورات البحرية المشتركة بين {A} و{B} قبالة {place} تعكس الثقة "
                     "المتنامية بين القوات المسلحة في البلدين."],
        "arms": ["قال {offA} {when} في {place} إن {A} ستسلم {B} {weapon} بموجب عقد قيمته {money} مليار دولار، "
                 "مضيفا أن الدفعة الأولى ستسلم قبل نهاية العام.",
                 "أعلن {offA} {when} أن {A} أنجزت توريد {weapon} إلى {B} قبل الموعد المحدد، وأنها مستعدة لبحث "
                 "الإنتاج المشترك لقطع الغيار مع شركات {Badj_f}."],
        "aid": ["أرسلت {A} {when} {n} طن من المساعدات الإنسانية إلى {B}، حسبما قال {offA}، بعد أن شردت الفيضانات "
                "في جنوب البلاد آلاف الأشخاص وتركتهم بلا مأوى أو غذاء أو مياه نظيفة.",
                "وصلت إلى {place} {when} طائرة تحمل {n} طن من الأدوية والخيام والمواد الغذائية من {A}، وكان في "
                "استقبالها {offB} الذي شكر {A} على مساعدتها."],
        "sanctions": ["فرضت {A} {when} عقوبات على {n} شركات ومسؤولين من {B} بتهمة التورط في {t1}، حسبما أعلن "
                      "{offA} في مؤتمر صحفي عقده في {place}.",
                      "أعلن {offA} {when} أن {A} ستجمد أصول {n} كيانات من {B} وتمنع مديريها من دخول البلاد، ردا على "
                      "ما وصفه بانتهاكات في مجال {t1}."],
        "expulsion": ["طردت {A} {when} {n} دبلوماسيين من {B} واستدعت سفير {B} لديها، حسبما قال {offA}، متهمة "
                      "الدبلوماسيين بممارسة أنشطة لا تتفق مع وضعهم الدبلوماسي.",
                      "قال {offA} {when} إن {n} من موظفي سفارة {B} في {place} أعلنوا أشخاصا غير مرغوب فيهم وأمهلوا "
                      "72 ساعة لمغادرة {A}."],
        "condemnation": ["أدان {offA} {when} قرار {B} بشأن {t1}، واعتبره انتهاكا للقانون الدولي وتهديدا مباشرا "
                         "للاستقرار الإقليمي.",
                         "انتقد {offA} {when} بشدة موقف {B} من {t1}، متهما {offB} بتجاهل الدعوات المتكررة إلى "
                         "الحوار."],
        "clash": ["تبادل حرس الحدود في {A} و{B} {when} إطلاق النار قرب {place}، ما أسفر عن مقتل {n} جنود، حسبما "
                  "أعلنت وزارة الدفاع {Aadj_f} التي حملت الجانب {Badj} مسؤولية الهجوم.",
                  "قال {offA} {when} إن قوات {B} قصفت مواقع للجيش {Aadj} قرب {place}، ما أدى إلى إصابة {n} "
                  "عسكريين، وإن الجيش رد على مصادر النيران."],
        "threat": ["حذر {offA} {when} من أن {A} سترد على أي نشر لقوات {B} قرب حدودها، مؤكدا استعداد بلاده لاتخاذ "
                   "إجراءات انتقامية.",
                   "هدد {offA} {when} بتعليق التعاون مع {B} في مجال {t1} إذا مضت في خططها لنشر منظومات صاروخية "
                   "جديدة في المنطقة."],
        "appeal": ["دعا {offA} {when} {B} إلى الإفراج عن المواطنين المحتجزين واستئناف المحادثات بشأن {t1}، وذلك "
                   "خلال مؤتمر صحفي في {place}.",
                   "طالب {offA} {when} {offB} بالعودة إلى المفاوضات بشأن {t1}، مؤكدا أن {A} مستعدة لاستضافة جولة "
                   "جديدة في {place}."],
    },
    "quote": ["وقال {surA} للصحفيين في ختام المحادثات إن \"{q1}، و{q2}\".",
              "وأضاف {surA} أن \"{q1}\"، مشيرا إلى أن {q2}.",
              "من جانبه قال {surB} إن \"{q2}\"، مضيفا: \"{q1}\"."],
    "q1": ["العلاقات بين بلدينا تتطور بثبات في جميع المجالات",
           "بحثنا بالتفصيل مجمل القضايا الثنائية",
           "موقفنا من {t1} لم يتغير",
           "هذه خطوة مهمة لأمن المنطقة بأسرها",
           "نحن مستعدون للعمل مع شركائنا في {B} في مجال {t1}",
           "القرار اتخذ بعد دراسة متأنية"],
    "q2": ["الجانبين سيلتقيان مجددا قبل نهاية العام",
           "لا ينبغي لأحد أن يشك في التزامنا بـ{t2}",
           "التعاون مع {B} لا يتوقف على موافقة أحد",
           "الاتفاقات التي تم التوصل إليها اليوم يجب أن تنفذ بالكامل",
           "الحوار يبقى السبيل الوحيد لتسوية الخلافات"],
    "topics": ["كما بحث الجانبان {t2} و{t3}، إضافة إلى التعاون في إطار {org}، حسبما جاء في البيان، دون أن يقدم "
               "مزيدا من التفاصيل.",
               "ووفقا لمسؤولين مطلعين على المحادثات، كان {t2} و{t3} أيضا على جدول الأعمال، إلى جانب التحضير لعدد "
               "من الاتفاقات الحكومية."],
    "background": ["وكانت {A} و{B} قد وقعتا اتفاقا في مجال {t2} في {month} {year}، ونما حجم التبادل التجاري "
                   "بينهما منذ ذلك الحين بنحو {m} في المئة، وفقا للأرقام الرسمية.",
                   "وعقد آخر اجتماع للجنة المشتركة بين البلدين في {month} {year} في {place}، حيث اتفق الجانبان "
                   "على برنامج للتعاون في مجال {t2}."],
    "next": ["ومن المقرر أن تعقد الجولة المقبلة من المشاورات في {month} من العام المقبل، حسبما قال {offB}.",
             "ومن المتوقع أن يزور {surB} {A} في وقت لاحق من هذا العام لمواصلة المحادثات بشأن {t1}."],
    "member": ["ويذكر أن {A} و{B} عضوان في {org}، التي يجتمع وزراء خارجيتها في وقت لاحق من هذا الشهر لبحث {t2}."],
    "reaction": ["ورحب {offC} بنتائج المحادثات، وقال إنها ستسهم في {t2}.",
                 "وانتقد {offC} هذه الخطوة، معتبرا أنها ستقوض {t2} في المنطقة."],
    "context": ["وشهدت العلاقات بين {A} و{B} تطورا ملحوظا خلال العقد الماضي، مع اتصالات منتظمة بين وزارتي "
                "الخارجية والدفاع في البلدين ولجنة مشتركة تجتمع سنويا لمراجعة التقدم في مجالات {t1} والتجارة "
                "والاستثمار.",
                "وقال دبلوماسيون في {place} إن التحضير للزيارة استغرق عدة أشهر، وإنها تهدف إلى توجيه رسالة إلى "
                "دول المنطقة بأن {A} و{B} عازمتان على التنسيق الوثيق بشأن {t2}."],
    "analyst": ["ورأى محللون أن المحادثات أظهرت رغبة الحكومتين في إبعاد العلاقات الثنائية عن التوترات الأوسع، "
                "رغم استمرار الخلافات حول {t3} وشروط اتفاق التجارة الحرة الذي طال النقاش حوله.",
                "وحذر خبراء مستقلون من أن كثيرا من الاتفاقات الموقعة بين البلدين في السنوات الأخيرة لم تنفذ، "
                "مشيرين إلى تأخيرات في التمويل والخدمات اللوجستية والإجراءات الجمركية."],
    "program": ["وتضمن برنامج الزيارة أيضا لقاء مع رجال الأعمال ومراسم لوضع إكليل من الزهور ومحاضرة في إحدى "
                "الجامعات المحلية حول تاريخ العلاقات بين الشعبين، حسبما ذكرت سفارة {B}."],
    "detail": ["وشارك في الجلسات أكثر من {m} من المسؤولين والخبراء من البلدين، واستمرت {n} ساعات.",
               "وتقدر قيمة المشاريع التي نوقشت بنحو {money} مليار دولار على مدى السنوات الخمس المقبلة."],
}

TABLES = {"en": EN, "ru": RU, "ar": AR}

# Invented officials for states whose table of office-holders has nobody fitting: (en, ru, ar) given names and
# surnames, spelt consistently so that the cross-script key can join them.
GIVEN = [("Karim", "Карим", "كريم"), ("Omar", "Омар", "عمر"), ("Ivan", "Иван", "إيفان"),
         ("Daniel", "Даниэль", "دانيال"), ("Aliya", "Алия", "عالية"), ("Samir", "Самир", "سمير"),
         ("Pavel", "Павел", "بافل"), ("Nadia", "Надя", "نادية"), ("Rustam", "Рустам", "رستم"),
         ("Leila", "Лейла", "ليلى"), ("Marco", "Марко", "ماركو"), ("Tariq", "Тарик", "طارق")]
SURNAMES = [("Haddad", "Хаддад", "حداد"), ("Nasser", "Насер", "ناصر"), ("Petrov", "Петров", "بيتروف"),
            ("Morel", "Морель", "موريل"), ("Karimov", "Каримов", "كريموف"), ("Salem", "Салем", "سالم"),
            ("Novak", "Новак", "نوفاك"), ("Rahimi", "Рахими", "رحيمي"), ("Mendes", "Мендес", "منديس"),
            ("Osman", "Осман", "عثمان"), ("Farouk", "Фарук", "فاروق"), ("Kovac", "Ковач", "كوفاتش")]
