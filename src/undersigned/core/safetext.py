"""Names typed by strangers, made safe to show in mail: plain text, no links, no bidi tricks.

Organisation, contact and sender names reach other people's inboxes. A right-to-left override
(U+202E) can make "exe.pdf" read "fdp.exe", and a name such as "Visit evil.example" becomes a
link in most mail programs. `plain_name` is applied to names as they are typed (forms) and
`defused` wherever a name is put into a mail.
"""

import re

# Explicit directional formatting (embeddings, overrides, isolates, marks): never needed in a
# name, since each script's own letters carry their direction.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
# Other invisible or control characters that have no place in a one-line name.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
# Something a mail program would turn into a link: a scheme, www., or a dotted host name.
_SCHEME = re.compile(r"\b([a-z][a-z0-9+.-]*):/+", re.IGNORECASE)
_HOST = re.compile(r"(?<![\w.-])((?:[\w-]+\.)+[a-z][\w-]{1,62})\b", re.IGNORECASE)


def strip_bidi(text: str) -> str:
    """Remove bidirectional control characters."""
    return _BIDI.sub("", text)


def plain_name(text: str) -> str:
    """Return a name on one line, without control or bidi characters and extra spaces."""
    return " ".join(_CONTROL.sub(" ", strip_bidi(text)).split())


def defused(text: str) -> str:
    """Return a name as plain text no mail program turns into a link: example[.]com, hxxp[:]//."""
    text = plain_name(text)
    text = _SCHEME.sub(lambda match: f"{match.group(1)}[:]//", text)
    text = _HOST.sub(lambda match: match.group(1).replace(".", "[.]"), text)
    return text.replace("@", "[@]")
