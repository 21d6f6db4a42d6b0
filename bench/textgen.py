"""Generated statement texts in English, Armenian and Russian, for the benchmarks.

Real words of each language, drawn with a Zipf-like skew (a few words are everywhere, most are
rare, as in real statements), with place names spelled in each script. The grammar is random;
what matters to search and to page size is the vocabulary, the word lengths and their spread.
Everything is drawn from a `random.Random` the caller seeds, so a seed gives the same corpus.
"""

from __future__ import annotations

import random
from itertools import accumulate

from bench_matching import HY_LETTERS, PLACES, RU_LETTERS, spell_in

LANGUAGES = ("en", "hy", "ru")

# About a third of running text is small words that every statement has.
FUNCTION_WORDS = {
    "en": str.split("the of and to in we for is on are that with by"),
    "hy": str.split("և է որ են մենք ու այն համար մեր նաև"),
    "ru": str.split("и в на не что мы по для с о к это"),
}
FUNCTION_SHARE = 0.35
# Most frequent first: the order sets each word's weight.
WORDS = {
    "en": str.split(
        "rights human government we call the authorities law public civil society freedom "
        "organisations people citizens right protection state police people's justice "
        "independent court elections vote women children violence media journalists "
        "information access investigation accountability transparency parliament minister "
        "decision process participation community environment water mining lake forest "
        "pollution health education school university teachers students workers labour "
        "union wages pensions poverty housing refugees displaced persons border conflict "
        "peace security war prisoners detention torture trial lawyers judges prosecutor "
        "corruption procurement budget funds international obligations convention council "
        "europe commission recommendations reform constitution amendment referendum "
        "assembly protest demonstration arrest detained released charges dropped speech "
        "expression press censorship blocking internet surveillance privacy data personal "
        "disability accessibility inclusion equality discrimination gender minorities "
        "religion belief association registration foreign agents restrictions repression "
        "intimidation harassment threats defenders activists volunteers coalition network "
        "platform monitoring report findings evidence urgent immediately demand condemn "
        "solidarity support appeal letter open joint undersigned concern deeply alarmed "
        "welcome commitment implementation dialogue consultation draft legislation bill "
        "adopted rejected hearing committee ombudsman defender office mandate independence "
        "sevan amulsar gold cascade energy climate heat drought agriculture farmers land "
        "seizure property compensation eviction demolition heritage monument church "
        "language culture artists theatre museum library archive memory genocide "
        "remembrance victims survivors families missing soldiers army conscription service "
        "military alternative objectors health-care hospitals doctors vaccines pandemic "
        "quarantine emergency martial order decree curfew lockdown transport roads bridge"
    ),
    "hy": str.split(
        "իրավունքներ մարդու կառավարություն մենք կոչ ենք անում իշխանություններ օրենք "
        "հանրային քաղաքացիական հասարակություն ազատություն կազմակերպություններ մարդիկ "
        "քաղաքացիներ իրավունք պաշտպանություն պետություն ոստիկանություն արդարություն "
        "անկախ դատարան ընտրություններ քվեարկություն կանայք երեխաներ բռնություն "
        "լրատվամիջոցներ լրագրողներ տեղեկատվություն մատչելիություն քննություն "
        "հաշվետվողականություն թափանցիկություն խորհրդարան նախարար որոշում գործընթաց "
        "մասնակցություն համայնք շրջակա միջավայր ջուր հանքարդյունաբերություն լիճ անտառ "
        "աղտոտում առողջություն կրթություն դպրոց համալսարան ուսուցիչներ ուսանողներ "
        "աշխատողներ աշխատանք արհմիություն աշխատավարձ կենսաթոշակ աղքատություն բնակարան "
        "փախստականներ տեղահանված անձինք սահման հակամարտություն խաղաղություն "
        "անվտանգություն պատերազմ բանտարկյալներ կալանք խոշտանգում դատավարություն "
        "փաստաբաններ դատավորներ դատախազ կոռուպցիա գնումներ բյուջե միջոցներ միջազգային "
        "պարտավորություններ կոնվենցիա խորհուրդ եվրոպա հանձնաժողով առաջարկություններ "
        "բարեփոխում սահմանադրություն փոփոխություն հանրաքվե հավաք բողոք ցույց ձերբակալում "
        "կալանավորված ազատ արձակված մեղադրանք խոսք արտահայտում մամուլ գրաքննություն "
        "համացանց հսկողություն մասնավոր կյանք տվյալներ հաշմանդամություն ներառում "
        "հավասարություն խտրականություն սեռ փոքրամասնություններ կրոն միավորում գրանցում "
        "սահմանափակումներ ճնշումներ ահաբեկում սպառնալիքներ պաշտպաններ ակտիվիստներ "
        "կամավորներ կոալիցիա ցանց հարթակ մշտադիտարկում զեկույց փաստեր անհապաղ պահանջում "
        "դատապարտում համերաշխություն աջակցություն դիմում նամակ բաց համատեղ ներքոստորագրյալ "
        "մտահոգություն ողջունում երկխոսություն խորհրդակցություն նախագիծ օրենսդրություն "
        "ընդունված մերժված լսումներ մարդու իրավունքների պաշտպան գրասենյակ անկախություն "
        "Սևան Ամուլսար ոսկի էներգետիկա կլիմա երաշտ գյուղատնտեսություն ֆերմերներ հող "
        "սեփականություն փոխհատուցում վտարում քանդում ժառանգություն հուշարձան եկեղեցի "
        "լեզու մշակույթ արվեստագետներ թատրոն թանգարան գրադարան արխիվ հիշողություն "
        "ցեղասպանություն զոհեր ընտանիքներ անհետ կորածներ զինվորներ բանակ զորակոչ "
        "ծառայություն այլընտրանքային հիվանդանոցներ բժիշկներ պատվաստումներ համավարակ "
        "արտակարգ դրություն ռազմական կարգ հրամանագիր տրանսպորտ ճանապարհներ կամուրջ"
    ),
    "ru": str.split(
        "права человека правительство мы призываем власти закон общественный гражданское "
        "общество свобода организации люди граждане право защита государство полиция "
        "правосудие независимый суд выборы голосование женщины дети насилие сми журналисты "
        "журналистов информация доступ расследование подотчетность прозрачность парламент "
        "министр решение процесс участие сообщество окружающая среда вода добыча озеро "
        "озера лес загрязнение здоровье образование школа университет учителя студенты "
        "работники труд профсоюз зарплаты пенсии бедность жилье беженцы перемещенные лица "
        "граница конфликт мир безопасность война заключенные задержание пытки процесс "
        "адвокаты судьи прокурор коррупция закупки бюджет средства международные "
        "обязательства конвенция совет европы комиссия рекомендации реформа конституция "
        "поправки референдум собрание протест демонстрация арест задержанных освобождены "
        "обвинения слова выражения пресса цензура блокировка интернет слежка частная жизнь "
        "данные инвалидность доступность инклюзия равенство дискриминация гендер "
        "меньшинства религия убеждения объединения регистрация иностранные агенты "
        "ограничения репрессии запугивание преследование угрозы правозащитники активисты "
        "волонтеры коалиция сеть платформа мониторинг доклад выводы доказательства "
        "срочно немедленно требуем осуждаем солидарность поддержка обращение письмо "
        "открытое совместное нижеподписавшиеся обеспокоенность приветствуем диалог "
        "консультации проект законодательство законопроект принят отклонен слушания "
        "комитет омбудсмен защитник офис мандат независимость Севан Амулсар золото "
        "энергетика климат засуха сельское хозяйство фермеры земля собственность "
        "компенсация выселение снос наследие памятник церковь язык культура художники "
        "театр музей библиотека архив память геноцид жертвы семьи пропавшие солдаты армия "
        "призыв служба альтернативная больницы врачи вакцины пандемия чрезвычайное "
        "положение военное указ комендантский час транспорт дороги мост свободы правам "
        "правах защиты защиту выборов журналистам организаций гражданского общества"
    ),
}
# Every statement mentions a place now and then, in the reader's script.
PLACE_NAMES = {
    "en": PLACES,
    "hy": [spell_in(place, HY_LETTERS) for place in PLACES],
    "ru": [spell_in(place, RU_LETTERS) for place in PLACES],
}
# Beyond the common words, a long tail of rarer ones, as real texts have (names, technical
# terms, inflected forms): made of each script's letters, the same for a given language.
TAIL_SIZE = 30_000
_ONSETS = {
    "en": str.split("b c d f g h k l m n p r s t v w br cl dr fl gr pl pr st tr ch sh th"),
    "hy": list("բգդզթժլխծկհձղճմյնշչպջռսվտրցփքֆ"),
    "ru": str.split("б в г д ж з к л м н п р с т ф х ц ч ш щ бр вл гр др кр пр ст тр"),
}
_NUCLEI = {
    "en": str.split("a e i o u ai ea ee io ou"),
    "hy": str.split("ա ե է ը ի ո օ ու"),
    "ru": str.split("а е и о у ы я ю ё"),
}
_CODAS = {
    "en": str.split("_ _ n r s t l m nd st ng ck rd"),
    "hy": str.split("_ _ ն ր ս տ լ մ ք ց ղ"),
    "ru": str.split("_ _ н р с т л м к й ть"),
}


def _tail(language: str) -> list[str]:
    rng = random.Random(f"tail-{language}")
    known, tail = set(WORDS[language]), []
    while len(tail) < TAIL_SIZE:
        word = "".join(
            rng.choice(_ONSETS[language]) + rng.choice(_NUCLEI[language])
            for _ in range(rng.randint(2, 4))
        ) + rng.choice(_CODAS[language]).strip("_")
        if word not in known:
            known.add(word)
            tail.append(word)
    return tail


VOCABULARY = {language: [*words, *_tail(language)] for language, words in WORDS.items()}
# Zipf–Mandelbrot weights: the n-th most frequent word is drawn in proportion to 1/(n + 60),
# which puts the commonest subjects ("rights", "elections") in a fifth to a quarter of the
# statements and most words of the tail in a few hundred of 100,000.
_CUMULATIVE = {
    language: list(accumulate(1 / (rank + 60) for rank in range(len(words))))
    for language, words in VOCABULARY.items()
}


def words(rng: random.Random, language: str, count: int) -> list[str]:
    """Draw words of the language, frequent ones more often, a place name now and then."""
    drawn = rng.choices(VOCABULARY[language], cum_weights=_CUMULATIVE[language], k=count)
    small = FUNCTION_WORDS[language]
    for i in range(1, count):
        if rng.random() < FUNCTION_SHARE:
            drawn[i] = rng.choice(small)
    if count >= 8 and rng.random() < 0.2:
        drawn[rng.randrange(count)] = rng.choice(PLACE_NAMES[language])
    return drawn


def title(rng: random.Random, language: str) -> str:
    """Return a statement title of five to eleven words."""
    text = " ".join(words(rng, language, rng.randint(5, 11)))
    return text[:1].upper() + text[1:]


def paragraph(rng: random.Random, language: str, count: int) -> str:
    """Return sentences of six to eighteen words, about `count` words in all."""
    sentences = []
    while count > 0:
        length = min(count, rng.randint(6, 18))
        sentence = " ".join(words(rng, language, length))
        sentences.append(sentence[:1].upper() + sentence[1:] + ("." if language != "hy" else "։"))
        count -= length
    return " ".join(sentences)


def body(rng: random.Random, language: str, count: int) -> str:
    """Return Markdown paragraphs of about `count` words in all."""
    paragraphs = []
    while count > 0:
        length = min(count, rng.randint(40, 90))
        paragraphs.append(paragraph(rng, language, length))
        count -= length
    return "\n\n".join(paragraphs)
