"""Find and hide contact data (email addresses, phone numbers) in text bound for logs and reports.

Data apart from algorithm: the two patterns are here, used by the log formatters and by the
error reports (Sentry's before_send, the mail to ADMINS).
"""

import re
from typing import Any

EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A phone number as people write them: international (+374 10 123456, +7 (495) 123-45-67),
# national with a leading 0 or 8 (010 12-34-56, 8 (495) 123-45-67), or 11 to 15
# bare digits (not a Unix time).
# Not inside a longer word, path or time, so ids, hashes, dates and timestamps stay readable.
PHONE = re.compile(
    r"(?<![\w/.:+-])"
    r"(?:\+\d[\d\s().-]{6,20}\d"
    r"|[08][\s(]{0,2}\d{1,4}\)?[\s.-]?\d[\d\s.-]{4,12}\d"
    r"|\d{9,15})"
    r"(?![\w/:])"
)
EMAIL_MARK = "[email]"
PHONE_MARK = "[phone]"


def scrub_text(text: str) -> str:
    """Return the text with email addresses and phone numbers replaced by markers."""
    if "@" in text:
        text = EMAIL.sub(EMAIL_MARK, text)
    return PHONE.sub(PHONE_MARK, text)


def scrub_data(value: Any, *, depth: int = 0) -> Any:
    """Return a copy of JSON-like data with contact data hidden.

    Dicts, lists and strings are walked; numbers, booleans and None kept; anything else (a
    request object a log record carries, say) is written as its text, hidden likewise.
    """
    if depth > 40:
        return "[too deep]"
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, dict):
        return {key: scrub_data(item, depth=depth + 1) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [scrub_data(item, depth=depth + 1) for item in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    return scrub_text(str(value))
