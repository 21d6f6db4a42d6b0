"""Characters and small text predicates, organisation names and dates, in three languages."""

import datetime
import re

# ---------------------------------------------------------------------------------------------
# Characters and small text predicates
# ---------------------------------------------------------------------------------------------

_SPACE_LIKE = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_SPACE_LIKE += "\u202f\u205f\u3000\t\f\v"
_TRANSLATE = {ord(c): " " for c in _SPACE_LIKE} | {
    ord(c): None for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff"
}
_SPACES = re.compile(r" {2,}")
_LETTER = re.compile(r"[^\W\d_]")
_ARMENIAN_LETTER = re.compile(r"[\u0531-\u0587]")
_LATIN_OR_CYRILLIC = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]")
_UPPER = "A-Z\u00c0-\u00de\u0400-\u042f\u0531-\u0556"
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
# A sentence ends inside the line: a word of 3+ letters (so not an initial like "L.") + stop.
_INNER_SENTENCE = re.compile(rf"(?<=[^\W\d_]{{3}})[.!?\u0589]\s+[\"“«(]?[{_UPPER}]")
_TERMINAL = re.compile(r"[.!?…\u0589][\"'”»’)\]]*$")
_SALUTATION = re.compile(r"^(?:dear|to whom|уважаем|дорог|հարգել|սիրել)", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:We|we|Our|our|us|Мы|мы|Наш\w*|наш\w*|Մենք|մենք|Մեր|մեր)\b")
# Lower-case finite verbs: organisation names rarely contain them, sentences usually do.
_VERB = re.compile(
    r"\b(?:is|are|was|were|will|shall|has|have|had|must|should|can|could|would|calls|urges|"
    r"condemns|demands|expresses|supports|continues|remains|believes|considers|stands|hereby|"
    r"является|призывает|требует|осуждает|будет|է|են|էր|կոչ)\b"
)
_EXCERPT_END = re.compile(r"\s*\[\s*(?:…|\.\.\.)\s*\]\s*$")
_READ_MORE_END = re.compile(
    r"\s*(?:read more|continue reading|читать далее|подробнее|կարդալ ավելին)\s*[»›→.]*\s*$",
    re.IGNORECASE,
)
_LIST_MARKER = re.compile(
    r"^(?:(?P<bullet>[•·◦▪▫■□●○‣⁃∙⦁➢➤►▸▶✓✔*+\-–—])|(?P<number>[0-9]{1,3})[.)])\s+(?=\S)"
)
_FOOTNOTE = re.compile(r"^\[(?P<number>[0-9]{1,3})\]\s*(?P<text>\S.*)$")
_REFERENCE = re.compile(r"(?<!^)\[([0-9]{1,3})\]")


def _words(text: str) -> int:
    return len(text.split())


def _is_armenian(text: str) -> bool:
    return len(_ARMENIAN_LETTER.findall(text)) > len(_LATIN_OR_CYRILLIC.findall(text))


def _ends_colon(text: str) -> bool:
    # The Armenian full stop "։" is often typed for a colon in English or Russian text, and in
    # Armenian a one- to three-word line ending with it ("Ստորագրողներ։") is a heading. The
    # Armenian "՝" introduces what follows, as a colon does ("Պահանջում ենք՝").
    if text.endswith((":", "：", "\u055d")):
        return True
    return text.endswith("\u0589") and (not _is_armenian(text) or _words(text) <= 3)


def _ends_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text)) and not _ends_colon(text)


# ---------------------------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------------------------

_ORG_KEYWORD = re.compile(
    r"\b(?:NGOs?|CSOs?|NPOs?|INGOs?|LLC|Ltd|Inc|e\.V|gGmbH|"
    r"(?i:foundations?|funds?|cent(?:er|re)s?|clubs?|unions?|coalitions?|associations?|"
    r"alliances?|networks?|initiatives?|assembl(?:y|ies)|institutes?|institutions?|councils?|"
    r"committees?|societ(?:y|ies)|federations?|organi[sz]ations?|movements?|platforms?|"
    r"groups?|leagues?|chambers?|trusts?|agenc(?:y|ies)|partnerships?|forums?|consortium|"
    r"cooperatives?|collectives?|observator(?:y|ies)|watch|academ(?:y|ies)|bureau|"
    r"secretariat|commissions?|charit(?:y|ies)|human rights|helsinki|journalists?|lawyers?|"
    r"defenders?|media|press))\b"
    r"|\b(?:ՀԿ|Հ/Կ|НКО|НПО|ОО|РОО|АНО)\b"
    r"|\b(?i:հիմնադրամ|կենտրոն|միություն|կոալիցիա|ասոցիացիա|ակումբ|նախաձեռնություն|ցանց|"
    r"ասամբլեա|դաշինք|ինստիտուտ|ընկերակցություն|կազմակերպություն|խորհուրդ|ֆոնդ|"
    r"фонд|центр|клуб|союз|коалици|ассоциаци|альянс|сет[ьи]|инициатив|ассамбле|институт|"
    r"движени|обществ|комитет|совет|платформ|организаци|объединени|лига|палат|партн[её]рств|"
    r"форум)"
)
# Plural collective nouns that describe signers without naming one ("Statement by NGOs").
_GENERIC_ORGS = re.compile(
    r"^(?:the\s+)?(?:armenian\s+|local\s+|international\s+|russian\s+)?(?:ngos|csos|"
    r"(?:civil society|human rights|public|non-governmental)\s+organi[sz]ations|civil society|"
    r"organi[sz]ations|human rights defenders|нко|общественные организации|հկ-ներ|"
    r"հասարակական կազմակերպություններ)$",
    re.IGNORECASE,
)
_STATEMENT_BY = re.compile(
    r"^(?:joint\s+)?(?:statement|appeal|open letter|заявление|обращение|հայտարարություն)"
    r"(?:\s+(?:by|of|from))?\s+",
    re.IGNORECASE,
)
# "Governing Board of the X Network:" names the publishing organisation X.
_BOARD_OF = re.compile(
    r"^(?:the\s+)?(?:(?:governing|executive|management|coordinating|coordination|steering|"
    r"supervisory)\s+)?(?:board|council|committee|secretariat|members?|member organi[sz]ations)"
    r"\s+of\s+(?:the\s+)?(?P<org>.+?)\s*[:：\u0589]?$",
    re.IGNORECASE,
)
_SIGNATORY_HEADING = re.compile(
    r"sign|endorse|joined by|supported by|on behalf of|board of|council of|committee of|"
    r"members of|following organi[sz]ations|подпис|присоедин|поддержал|ստորագր|միաց",
    re.IGNORECASE,
)
# A whole line that heads a signatory list, or a group of it, with or without its colon.
_SIGNATORY_HEADING_LINE = re.compile(
    r"^(?:the\s+)?(?:full\s+)?(?:list\s+of\s+)?(?:signatories|signatures|signatory|signers|"
    r"(?:signatory|signing|supporting|participating|member|endorsing)\s+organi[sz]ations|"
    r"(?:co-?)?signed(?:\s+by)?|endorsed\s+by|endorsements?|supported\s+by|joined\s+by|"
    r"undersigned|organi[sz]ations|individuals|individual\s+signatories|"
    r"подписавшие(?:\s+организации)?|подписали|подписи|подписанты|подписано|"
    r"список\s+(?:подписантов|подписавших)(?:\s+организаций)?|организации|"
    r"(?:физические|частные)\s+лица|присоединились|присоединившиеся(?:\s+организации)?|"
    r"поддержали|"
    r"ստորագրողներ|ստորագրեցին|ստորագրել\s+են|ստորագրող\s+կազմակերպություններ|"
    r"կազմակերպություններ|անհատներ|ֆիզիկական\s+անձինք|միացել\s+են|միացած\s+կազմակերպություններ)"
    r"(?:\s+(?:of|to)\s+(?:the|this)\s+(?:statement|appeal|letter))?"
    r"(?:\s*\([^()]{1,40}\))?\s*[:：\u0589\u055d.]?$",
    re.IGNORECASE,
)


def is_heading_line(text: str) -> bool:
    """Tell whether a whole line only heads a list of signatories (or a group of one).

    The importer asks it of every printed line, so that a heading is never made an
    organisation, whatever a page's layout let through.
    """
    return bool(_SIGNATORY_HEADING_LINE.match(text.strip()))


# A heading of one group of signatories, which may follow a group printed without a heading.
_GROUP_HEADING = re.compile(
    r"^(?:organi[sz]ations|individuals|individual\s+signatories|организации|"
    r"(?:физические|частные)\s+лица|կազմակերպություններ|անհատներ|ֆիզիկական\s+անձինք)"
    r"\s*[:：\u0589\u055d]?$",
    re.IGNORECASE,
)
# "Signed by A, B and C." and its Armenian and Russian forms: the names follow on the line.
_SIGNED_INLINE = re.compile(
    r"^(?:(?:this|the)\s+(?:joint\s+)?(?:statement|appeal|letter)\s+(?:was|is|has\s+been)\s+)?"
    r"(?:(?:co-?)?signed\s+by|endorsed\s+by|supported\s+by|подписали|подписано|подписавшие|"
    r"(?:заявление|обращение)\s+подписали|(?:հայտարարությունը\s+|կոչը\s+)?ստորագրեցին|"
    r"(?:հայտարարությունը\s+|կոչը\s+)?ստորագրել\s+են)"
    r"\s*(?:the\s+following(?:\s+organi[sz]ations)?\s*)?[:：\u055d\u0589]?\s+(?P<names>\S.*)$",
    re.IGNORECASE,
)
# "A, B and C": the word before the last name of a list.
_CONJUNCTION = re.compile(r"\s+(?:and|&|и|և|ու)\s+(?=[\"“«„'(]?[^\W\d_])", re.IGNORECASE)
_QUOTED = re.compile(r"[«“„\"][^«»“”\"]{2,}[»”\"]")
_ACRONYM = re.compile(rf"\((?:[{_UPPER}][{_UPPER}\d&.\-]{{1,9}})\)|\b[{_UPPER}]{{2,6}}\b")
# A person's name, and perhaps a role after a comma: "Ani Grigoryan, lawyer".
_NAME_WORD = rf"[{_UPPER}][^\W\d_]+(?:[-’'][{_UPPER}]?[^\W\d_]+)?"
_PERSON = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}(?:\s*,\s*[^,]{{2,60}})?$")
# Calls to action open with a verb in the imperative (English) or the infinitive.
_IMPERATIVE = re.compile(
    r"^(?:release|stop|end|ensure|investigate|guarantee|provide|respect|withdraw|allow|lift|"
    r"restore|hold|take|bring|protect|adopt|repeal|drop|halt|conduct|uphold|condemn|refrain|"
    r"cease|return|publish|amend|establish|grant|implement|abolish|ratify|open|annul|suspend|"
    r"involve|reverse|reconsider|review|revoke|punish|prosecute|increase|reduce|include|"
    r"consult|invite|engage|let|make|put|give|keep|immediately|urgently|do|don't|recognise|"
    r"recognize|stand|join|sign|support|demand|call|reject|refuse|remove|introduce|"
    r"освободить|освободите|прекратить|прекратите|обеспечить|обеспечьте|провести|проведите|"
    r"отменить|отмените|вернуть|верните|опубликовать|опубликуйте|гарантировать|"
    r"привлечь|приостановить|расследовать|остановить|остановите|немедленно)\s",
    re.IGNORECASE,
)
# An infinitive or imperative: Russian "-ить/-ать/-ять/-еть/-ти" and "-ите/-йте" forms of at
# least six letters ("Память", a noun, is the one common false friend), Armenian lower-case
# words in "-ել/-ալ" and imperatives in "-եք" (often with the stress mark "՛"), capitalised
# only as a line's first word (a first name such as "Միքայել" ends the same way).
_RU_VERB = re.compile(r"^(?!память\b)[а-яё]{3,}(?:[аяеи]ть|ти|[иь]те|йте)\b", re.IGNORECASE)
_HY_VERB = re.compile(r"(?<![^\W\d_])[ա-ֆ]{2,}(?:ել|ալ)(?![^\W\d_])|[ա-ֆ]+ե\u055b?ք\b")
_HY_FIRST_VERB = re.compile(r"^[Ա-Ֆ][ա-ֆ]+(?:ել|ալ|ե\u055b?ք)\s")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z’'\-]{3,}")

_SECTION_HEADING = re.compile(
    r"^(?:statements?|news|announcements?|press releases?|blog|archive|home|publications?|"
    r"activities|заявления|новости|объявления|հայտարարություններ|նորություններ)$",
    re.IGNORECASE,
)


def _organisation_in(text: str) -> str | None:
    """Return the organisation a title fragment names, if it names a specific one."""
    text = _STATEMENT_BY.sub("", text.strip(" \"'“”«»")).strip()
    if not text or _words(text) > 10 or not _ORG_KEYWORD.search(text):
        return None
    if _GENERIC_ORGS.match(text) or _VERB.search(text) or _FIRST_PERSON.search(text):
        return None
    return text


def _publisher_from_title(title: str) -> str | None:
    head, sep, tail = title.rpartition(": ")
    if not sep:
        return None
    return _organisation_in(tail) or (_organisation_in(head) if _words(head) <= 8 else None)


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------

_MONTH_FORMS = (
    "january jan январь января янв հունվար հունվարի",
    "february feb февраль февраля фев февр փետրվար փետրվարի",
    "march mar март марта мар մարտ մարտի",
    "april apr апрель апреля апр ապրիլ ապրիլի",
    "may май мая մայիս մայիսի",
    "june jun июнь июня июн հունիս հունիսի",
    "july jul июль июля июл հուլիս հուլիսի",
    "august aug август августа авг օգոստոս օգոստոսի",
    "september sep sept сентябрь сентября сен сент սեպտեմբեր սեպտեմբերի",
    "october oct октябрь октября окт հոկտեմբեր հոկտեմբերի",
    "november nov ноябрь ноября ноя нояб նոյեմբեր նոյեմբերի",
    "december dec декабрь декабря дек դեկտեմբեր դեկտեմբերի",
)
_MONTHS = {form: n for n, forms in enumerate(_MONTH_FORMS, 1) for form in forms.split()}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th|-?(?:го|е|ого))?"
_YEAR = r"(?P<year>(?:19|20)[0-9]{2})"
_NOT_LETTER_BEFORE, _NOT_LETTER_AFTER = r"(?<![^\W\d_])", r"(?![^\W\d_])"
_DATE_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        # 2024-09-30, 2024/09/30, 2024-09-30T12:00:00+04:00
        r"(?<![0-9])" + _YEAR + r"(?P<sep>[-/.])(?P<month>[01]?[0-9])(?P=sep)(?P<day>[0-3]?[0-9])"
        r"(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?"
        r"(?![0-9])",
        # 30.09.2024, 30/09/2024, 30-09-2024, 30.09.24
        r"(?<![0-9.])(?P<a>[0-3]?[0-9])(?P<sep>[./-])(?P<b>[0-3]?[0-9])(?P=sep)"
        r"(?P<year>(?:19|20)[0-9]{2}|[0-9]{2})(?![0-9]|\.[0-9])",
        # 19 September 2023, 28 September, 2020, 19-Sep-2023, 19 сентября 2023 г.
        r"(?<![0-9])"
        + _DAY
        + r"[\s.\-]*"
        + _NOT_LETTER_BEFORE
        + _MONTH
        + _NOT_LETTER_AFTER
        + r"[\s,.\-]*"
        + _YEAR
        + r"(?![0-9])",
        # September 19, 2023 and Սեպտեմբեր 19, 2023
        _NOT_LETTER_BEFORE + _MONTH + r"\s*" + _DAY + r",?\s+" + _YEAR + r"(?![0-9])",
        # 2023 թ. սեպտեմբերի 19, 2023 г. 19 сентября is rarer but the same shape
        r"(?<![0-9])"
        + _YEAR
        + r"\s*(?:թ\.?|թվականի|г\.?|года)?,?\s*"
        + _NOT_LETTER_BEFORE
        + _MONTH
        + r"\s+"
        + _DAY
        + r"(?![0-9])",
    )
]
_WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|"
    "thurs|fri|sat|sun|понедельник|вторник|среда|среду|четверг|пятница|пятницу|суббота|"
    "субботу|воскресенье|пн|вт|ср|чт|пт|сб|вс|երկուշաբթի|երեքշաբթի|չորեքշաբթի|"
    "հինգշաբթի|ուրբաթ|շաբաթ|կիրակի"
)
_DATE_FILLER = re.compile(
    r"\b(?:date|dated|published|posted|updated|created|on|at|дата|опубликовано|обновлено|"
    r"ամսաթիվ|հրապարակվել է|հրապարակված|г|года|год|թ|թվականի|թվական|am|pm|a\.m|p\.m|"
    + _WEEKDAYS
    + r")\b",
    re.IGNORECASE,
)
_TIME = re.compile(r"[0-9]{1,2}[:.][0-9]{2}(?:[:.][0-9]{2})?")
_PLACE = re.compile(rf"^\s*[{_UPPER}][^\W\d_]+(?:[\s-][{_UPPER}][^\W\d_]+){{0,2}}\s*,\s*$")
_BY_AUTHOR = re.compile(r"\bby\s+\S+(?:\s+\S+)?\s*$", re.IGNORECASE)


def _date_from_match(match: re.Match) -> datetime.date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if year < 100:
        year += 2000
    if groups.get("a"):
        day, month = int(groups["a"]), int(groups["b"])
        if month > 12 >= day:  # 09/30/2024 is month-first
            day, month = month, day
    else:
        day = int(groups["day"])
        raw_month = groups["month"]
        month = int(raw_month) if raw_month.isdigit() else _MONTHS[raw_month.lower()]
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _find_date(text: str) -> tuple[datetime.date, int, int] | None:
    """Return the leftmost valid date in the text with its span."""
    best: tuple[datetime.date, int, int] | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if best and match.start() > best[1]:
                break
            date = _date_from_match(match)
            if date is None:
                continue
            if best is None or (match.start(), -match.end()) < (best[1], -best[2]):
                best = (date, match.start(), match.end())
            break
    return best


def _date_line(text: str) -> datetime.date | None:
    """Return the date if the line is a dateline (a date with only labels or a place around)."""
    if _words(text) > 10:
        return None
    found = _find_date(text)
    if found is None:
        return None
    date, start, end = found
    before, after = text[:start], _BY_AUTHOR.sub("", text[end:])
    if _PLACE.match(before):
        before = ""
    rest = _DATE_FILLER.sub(" ", _TIME.sub(" ", f"{before} {after}"))
    return None if re.search(r"\w", rest) else date


def _leading_date(text: str) -> datetime.date | None:
    found = _find_date(text[:40])
    return found[0] if found and found[1] == 0 else None
