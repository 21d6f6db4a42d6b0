"""The month names that dates put after the day, in each language's own case.

Django's date format character E takes a month in its "alt. month" form; its Armenian catalogue
gives the nominative ("Դեկտեմբեր"), but a date needs the genitive ("7 դեկտեմբերի"). Naming the
messages here keeps them in our catalogue (makemessages collects them), which Django reads before
its own; the Russian entries repeat Django's genitive ("декабря") so that both stay in step.
"""

from django.utils.translation import pgettext_lazy

MONTHS_IN_DATES = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
