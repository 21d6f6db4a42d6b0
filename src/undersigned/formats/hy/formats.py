# Armenian writes the day, the month in the genitive ("7 դեկտեմբերի"), the year with "թ."
# (for թվական) and a 24-hour clock. The format character E takes the month's "alt. month" form,
# which our catalogue gives in the genitive (see undersigned.formats.months); F stays nominative.
DATE_FORMAT = "j E Y թ."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y թ., H:i"
YEAR_MONTH_FORMAT = "F Y թ."
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = [
    "%d.%m.%Y",  # '25.10.2006'
    "%d.%m.%y",  # '25.10.06'
    "%Y-%m-%d",  # '2006-10-25'
]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M:%S.%f",
    "%d.%m.%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # non-breaking space
NUMBER_GROUPING = 3
