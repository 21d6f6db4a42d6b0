"""Build the MIME form of a batch's mail once, and each recipient's message from it.

Building and serializing a text-and-HTML message with Python's email package (every header
parsed into an object and folded again, each part choosing its transfer encoding) took some
3 of the 4 ms of CPU a batched supporter's mail cost the worker (bench/bench_mail_batch.py).
A batch's mails (core.outbox.mail_batch) differ only in the address, the Message-ID and the
bodies, so `MimeTemplate` has Django build one message with placeholders for those, serialized
as the SMTP backend serializes, and a recipient's message is those bytes with their values put
in: the bytes are cut at the placeholders once, so nothing a recipient's values hold is ever
taken for one.

That is exact only where a value goes into the bytes as it is, so the template keeps to that:

- the bodies are sent as 8bit UTF-8, where a placeholder is never split or encoded (quoted-
  printable or base64 would); 8bit allows lines of up to 998 octets (RFC 5322 §2.1.1), so a
  body with a longer line is refused;
- an address goes in only when it is a plain ASCII dot-atom@domain whose To line needs no
  folding, which the header folder would leave as it is;
- the Message-ID's placeholder is one of the same form and length as the real ones;
- the Subject and every other header (the Date too) are the same for the whole batch, and so
  is the multipart boundary, so a body that holds it is refused.

A recipient the template refuses gets a message built the usual way (SiteMail). Django itself,
up to 5.2, sent UTF-8 bodies so (8bit; quoted-printable only for lines past 998 octets), and
Django 6 still does when every line is short (up to 78 octets, base64 or quoted-printable
past that); neither declares BODY=8BITMIME, which smtplib leaves to the caller.

The messages still go through Django's mail backend: `PreparedMail` is a SiteMail (subject,
bodies and headers kept for backends that read them) whose `message()` gives the backend the
bytes already made.
"""

import email.policy
import logging
import re
import secrets
from collections.abc import Mapping
from functools import cached_property

from undersigned.core.addresses import PLAIN_ADDRESS
from undersigned.core.mailheaders import SiteMail
from undersigned.core.messageid import message_id_for

logger = logging.getLogger(__name__)

LINE_LIMIT = 998  # octets per line in an 8bit body (RFC 5322 §2.1.1), CRLF not counted
HEADER_WIDTH = 78  # what the policy folds longer header lines at


class SerializedMessage:
    """A message already serialized: the backend's as_bytes() gets the bytes as they are.

    Anything else read from it (headers, parts) comes from those bytes parsed, on first use.
    """

    def __init__(self, data: bytes, policy: email.policy.Policy):
        self.policy = policy
        # Made with CRLF, as SMTP wants; the console and file backends ask for "\n".
        linesep = policy.linesep
        self._data = data if linesep == "\r\n" else data.replace(b"\r\n", linesep.encode())

    def as_bytes(self, unixfrom: bool = False, policy=None) -> bytes:
        return self._data

    def as_string(self, unixfrom: bool = False, maxheaderlen=None, policy=None) -> str:
        return self._data.decode("utf-8", "surrogateescape")

    __bytes__ = as_bytes

    def __str__(self) -> str:
        return self.as_string()

    @cached_property
    def _parsed(self):
        return email.message_from_bytes(self._data, policy=self.policy)

    def __getattr__(self, name):
        if name.startswith("_"):  # not the parsed message's (copy and pickle ask for some)
            raise AttributeError(name)
        return getattr(self._parsed, name)

    def __getitem__(self, name):
        return self._parsed[name]

    def __contains__(self, name) -> bool:
        return name in self._parsed

    def __iter__(self):
        return iter(self._parsed)

    def __len__(self) -> int:
        return len(self._parsed)


class PreparedMail(SiteMail):
    """A SiteMail whose MIME form was made already (by MimeTemplate.fill), or None when not.

    The backend sends those bytes; the subject, bodies and headers are kept as well, for
    backends that read them instead.
    """

    def __init__(self, *, mime: bytes | None, **kwargs):
        super().__init__(**kwargs)
        self.mime = mime

    def message(self, *, policy=email.policy.default):
        if self.mime is None:
            return super().message(policy=policy)
        return SerializedMessage(self.mime, policy)


def body_8bit(text: str) -> bytes | None:
    """Return a body as an 8bit part carries it, or None when a line is too long for 8bit.

    The lines as Python's email package makes them (str.encode().splitlines(), any line end
    becoming CRLF), so the body reads as the one SiteMail would send.
    """
    lines = text.encode().splitlines()
    if lines and max(map(len, lines)) > LINE_LIMIT:
        return None
    return b"\r\n".join(lines) + b"\r\n"


class MimeTemplate:
    """One batch's message serialized with placeholders; `fill` makes a recipient's from it."""

    def __init__(
        self,
        *,
        subject: str,
        from_email: str,
        headers: Mapping[str, str],
        html: bool,
    ):
        token = secrets.token_hex(12)
        # Placeholders new for each batch, in ASCII that no encoding or folding touches.
        holders = {
            "to": f"undersigned-to-{token}@example.invalid",
            "message_id": message_id_for(f"undersigned-template:{token}"),
            "text": f"UNDERSIGNEDTEXT{token}",
            "html": f"UNDERSIGNEDHTML{token}",
        }
        message = SiteMail(
            subject=subject,
            body=holders["text"],
            from_email=from_email,
            to=[holders["to"]],
            headers={**headers, "Message-ID": holders["message_id"]},
        )
        if html:
            message.attach_alternative(holders["html"], "text/html")
        else:
            del holders["html"]
        mime = message.message(policy=email.policy.SMTP)
        for part in mime.walk():
            if not part.is_multipart():
                # The placeholder is ASCII, so Django chose 7bit; the bodies put in are 8bit.
                part.replace_header("Content-Transfer-Encoding", "8bit")
        data = mime.as_bytes()
        # The boundary was chosen not to occur in the placeholders; a body must not hold it.
        boundary = mime.get_boundary()
        self._boundary = boundary.encode() if boundary else None
        # A body's placeholder is its whole body, line end included; the others, a value.
        wanted = {
            "to": f"To: {holders['to']}\r\n".encode(),
            "message_id": holders["message_id"].encode(),
            "text": f"\r\n{holders['text']}\r\n".encode(),
        }
        if html:
            wanted["html"] = f"\r\n{holders['html']}\r\n".encode()
        pattern = b"|".join(re.escape(value) for value in wanted.values())
        pieces = re.split(b"(" + pattern + b")", data)
        names = {value: name for name, value in wanted.items()}
        # Literal bytes at even places, a placeholder's name at odd ones.
        self._pieces: list[bytes | str] = [
            names[piece] if index % 2 else piece for index, piece in enumerate(pieces)
        ]
        # Each placeholder once, as written, or the template is not used (nothing is filled).
        self.usable = sorted(self._pieces[1::2]) == sorted(wanted)
        if not self.usable:
            logger.warning("A batch's MIME template is not usable; its mails are built one by one.")
        self._to_width = HEADER_WIDTH - len("To: ")
        self._message_id_length = len(holders["message_id"])
        self._html = html

    def fill(self, *, to: str, message_id: str, text: str, html: str = "") -> bytes | None:
        """Return the recipient's message, or None when it must be built the usual way."""
        if not self.usable or not text or len(message_id) != self._message_id_length:
            return None
        if len(to) > self._to_width or not PLAIN_ADDRESS.fullmatch(to):
            return None
        values = {"to": f"To: {to}\r\n".encode(), "message_id": message_id.encode()}
        for name, body in (("text", text), ("html", html)) if self._html else (("text", text),):
            encoded = body_8bit(body)
            if encoded is None or (self._boundary and self._boundary in encoded):
                return None
            values[name] = b"\r\n" + encoded
        return b"".join(
            piece if isinstance(piece, bytes) else values[piece] for piece in self._pieces
        )
