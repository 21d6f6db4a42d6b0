"""Dates as statement pages print them: month names in English, Russian and Armenian, and the
numeric forms, with the words that may stand around a dateline.
"""

import datetime
import re

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
DATE_FILLER = re.compile(
    r"\b(?:date|dated|published|posted|updated|created|on|at|дата|опубликовано|обновлено|"
    r"ամսաթիվ|հրապարակվել է|հրապարակված|г|года|год|թ|թվականի|թվական|am|pm|a\.m|p\.m|"
    + _WEEKDAYS
    + r")\b",
    re.IGNORECASE,
)
TIME = re.compile(r"[0-9]{1,2}[:.][0-9]{2}(?:[:.][0-9]{2})?")


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


def find_date(text: str) -> tuple[datetime.date, int, int] | None:
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
