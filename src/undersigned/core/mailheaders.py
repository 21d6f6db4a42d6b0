"""Keep the spaces of a mail's Subject line when it is not ASCII.

Django 6 hands the Subject to Python's email package as a str under `email.policy.default`,
which folds it with `email._header_value_parser._refold_parse_tree`. On Python 3.12.1 that
folder can break a long non-ASCII subject between two RFC 2047 encoded words right at a space,
putting the space outside both words; RFC 2047 §6.2 tells readers to drop whitespace between
encoded words, so "Подтвердите поддержку: О праве на протест" arrives as
"…поддержку:О праве на протест" (CPython gh-92081, gh-120930, gh-144156: fixed piecemeal in
later releases). The older `email.header.Header` encoder splits the text into encoded words
that carry their own spaces, each within RFC 2047's 75 characters; SiteMail, which
core/outbox.py uses for every mail, uses it for non-ASCII subjects only, and every other header
and the bodies keep the policy they were given.
"""

import email.policy
from email.header import Header

from django.core.mail import EmailMultiAlternatives

_ATTRIBUTES = (
    "max_line_length",
    "linesep",
    "cte_type",
    "raise_on_defect",
    "mangle_from_",
    "message_factory",
    "verify_generated_headers",
    "utf8",
    "refold_source",
    "header_factory",
    "content_manager",
)


class WholeSubjectPolicy(email.policy.EmailPolicy):
    """An email policy that folds every header as usual, except a non-ASCII Subject."""

    def _encodes_subject(self, name: str, value) -> bool:
        return name.lower() == "subject" and not self.utf8 and not str(value).isascii()

    def _subject(self, name: str, value) -> str:
        encoded = Header(str(value), "utf-8", header_name=name, maxlinelen=76)
        return f"{name}: {encoded.encode(linesep=self.linesep)}{self.linesep}"

    def fold(self, name, value):
        if self._encodes_subject(name, value):
            return self._subject(name, value)
        return super().fold(name, value)

    def fold_binary(self, name, value):
        if self._encodes_subject(name, value):
            return self._subject(name, value).encode("ascii")
        return super().fold_binary(name, value)


def whole_subject(policy: email.policy.Policy) -> email.policy.Policy:
    """Return the same policy, but keeping a non-ASCII Subject's spaces."""
    if not isinstance(policy, email.policy.EmailPolicy) or isinstance(policy, WholeSubjectPolicy):
        return policy
    return WholeSubjectPolicy(
        **{name: getattr(policy, name) for name in _ATTRIBUTES if hasattr(policy, name)}
    )


class SiteMail(EmailMultiAlternatives):
    """A text and HTML mail whose Subject arrives as it was written, in any script."""

    def message(self, *, policy=email.policy.default):
        return super().message(policy=whole_subject(policy))
