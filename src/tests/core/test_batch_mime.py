"""A batch's mail made from its MIME template reads as the one SiteMail builds alone; what the
template cannot carry is built as before; the SMTP backend's quick address check agrees with
Django's."""

import email
import email.policy

import pytest
from django.core.mail.backends.smtp import EmailBackend as DjangoSMTPBackend

from undersigned.core.batchmime import LINE_LIMIT, MimeTemplate, PreparedMail
from undersigned.core.mailheaders import SiteMail
from undersigned.core.messageid import message_id_for
from undersigned.core.outbox import list_headers
from undersigned.core.smtp import EmailBackend

SENDER = "Undersigned <no-reply@undersigned.example>"
HEADERS = {"Auto-Submitted": "auto-generated", "Content-Language": "ru"}
SUBJECT = "Подтвердите поддержку: О праве на свободу мирных собраний и свободу выражения мнения"
# Lines past 78 octets, which SiteMail sends quoted-printable or base64, and the template 8bit.
TEXT = (
    "Здравствуйте, Анна!\n\nВы попросили поддержать «О праве на свободу мирных собраний». "
    "Чтобы подтвердить, что этот адрес ваш, откройте эту ссылку:\n\n"
    "https://undersigned.example/ru/support/confirm/Zm9vYmFyYmF6cXV4/\n\n— Архив\n"
)
HTML = (
    '<p style="font-weight:700;margin:0 0 1rem;">Архив</p>\n'
    "<p>Здравствуйте, &lt;script&gt;Анна&lt;/script&gt; &amp; Co!</p>\n"
)


def template(html: bool = True) -> MimeTemplate:
    return MimeTemplate(subject=SUBJECT, from_email=SENDER, headers=HEADERS, html=html)


def alone(*, to, message_id, text, html, headers=HEADERS) -> email.message.EmailMessage:
    message = SiteMail(
        subject=SUBJECT,
        body=text,
        from_email=SENDER,
        to=[to],
        headers={**headers, "Message-ID": message_id},
    )
    if html:
        message.attach_alternative(html, "text/html")
    return parsed(message.message(policy=email.policy.SMTP).as_bytes())


def parsed(data: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(data, policy=email.policy.default)


def content(message, kind: str) -> str:
    """Return a part's text with its lines ending in "\\n" (as a mail program reads them)."""
    return message.get_body((kind,)).get_content().replace("\r\n", "\n")


def reading(message) -> dict:
    """What a mail program shows of a message: headers decoded, parts and their text."""
    parts = [
        (
            part.get_content_type(),
            part.get_content_charset(),
            content(part, part.get_content_subtype()),
        )
        for part in message.walk()
        if not part.is_multipart()
    ]
    # Not the Date and boundary of the moment, nor the transfer encoding, which mail programs undo.
    unread = {"Date", "Content-Type", "Content-Transfer-Encoding"}
    headers = [(name, str(value)) for name, value in message.items() if name not in unread]
    return {"headers": headers, "type": message.get_content_type(), "parts": parts}


LIST = list_headers(
    unsubscribe_url="https://undersigned.example/ru/updates/unsubscribe/" + "Zm9v" * 20 + "/",
    list_id="Undersigned <updates.undersigned.example>",
)


@pytest.mark.parametrize(("html", "headers"), [(HTML, HEADERS), ("", HEADERS), (HTML, LIST)])
def test_a_mail_made_from_the_template_reads_as_the_one_built_alone(html, headers):
    mime = MimeTemplate(subject=SUBJECT, from_email=SENDER, headers=headers, html=bool(html))
    message_id = message_id_for("supporter:7:mail:1")
    made = mime.fill(to="anna@mail.example.am", message_id=message_id, text=TEXT, html=html)
    assert made is not None
    received = parsed(made)
    built = alone(
        to="anna@mail.example.am", message_id=message_id, text=TEXT, html=html, headers=headers
    )
    assert reading(received) == reading(built)
    assert received["Subject"] == SUBJECT
    assert not [part.defects for part in received.walk() if part.defects]
    for part in received.walk():
        if not part.is_multipart():
            assert part["Content-Transfer-Encoding"] == "8bit"
            assert part.get_content_charset() == "utf-8"
    assert all(len(line) <= LINE_LIMIT for line in made.split(b"\r\n"))
    assert b"\n" not in made.replace(b"\r\n", b"")


def test_each_recipient_gets_only_their_own_values():
    mime = template()
    one = mime.fill(to="a@x.am", message_id=message_id_for("1"), text="Текст А\n", html="<p>А</p>")
    two = mime.fill(to="b@x.am", message_id=message_id_for("2"), text="Текст Б\n", html="<p>Б</p>")
    assert one is not None
    assert two is not None
    first, second = parsed(one), parsed(two)
    assert (first["To"], first["Message-ID"]) == ("a@x.am", message_id_for("1"))
    assert (second["To"], second["Message-ID"]) == ("b@x.am", message_id_for("2"))
    assert content(first, "plain") == "Текст А\n"
    assert content(second, "html") == "<p>Б</p>\n"


def test_text_that_looks_like_a_placeholder_is_sent_as_it_is():
    mime = template()
    text = "UNDERSIGNEDTEXT UNDERSIGNEDHTML undersigned-to-@example.invalid\n"
    made = mime.fill(to="a@x.am", message_id=message_id_for("1"), text=text, html=text)
    assert made is not None
    message = parsed(made)
    assert content(message, "plain") == text
    assert content(message, "html") == text


@pytest.mark.parametrize(
    "to",
    [
        "Ани@mail.example.am",  # not ASCII
        "ani@մեյլ.հայ",  # an internationalised domain, sent as punycode
        '"ani sargsyan"@mail.example.am',  # quoted
        "a" * 70 + "@mail.example.am",  # a To line to be folded
    ],
)
def test_an_address_the_template_cannot_print_as_it_is_is_left_to_the_usual_build(to):
    assert template().fill(to=to, message_id=message_id_for("1"), text=TEXT, html=HTML) is None


def test_a_line_too_long_for_8bit_is_left_to_the_usual_build():
    mime = template()
    message_id = message_id_for("1")
    longest = "ы" * (LINE_LIMIT // 2)  # 998 octets: still 8bit
    assert mime.fill(to="a@x.am", message_id=message_id, text=longest, html=HTML) is not None
    too_long = longest + "ы"
    assert mime.fill(to="a@x.am", message_id=message_id, text=too_long, html=HTML) is None
    assert mime.fill(to="a@x.am", message_id=message_id, text=TEXT, html=too_long) is None


def test_a_body_holding_the_boundary_is_left_to_the_usual_build():
    mime = template()
    boundary = parsed(
        mime.fill(to="a@x.am", message_id=message_id_for("1"), text=TEXT, html=HTML) or b""
    ).get_boundary()
    text = f"--{boundary}\nContent-Type: text/html\n\n<p>forged</p>\n"
    assert mime.fill(to="a@x.am", message_id=message_id_for("1"), text=text, html=HTML) is None


def test_a_prepared_mail_gives_its_bytes_and_reads_as_a_message():
    mime = template()
    made = mime.fill(to="a@x.am", message_id=message_id_for("1"), text=TEXT, html=HTML)
    mail = PreparedMail(mime=made, subject=SUBJECT, body=TEXT, from_email=SENDER, to=["a@x.am"])
    assert mail.message(policy=email.policy.SMTP).as_bytes() == made
    # The console and file backends ask for the default policy: lines end in "\n" there.
    shown = mail.message()
    assert b"\r\n" not in shown.as_bytes()
    assert shown["Message-ID"] == message_id_for("1")
    assert content(shown, "plain") == TEXT
    # Built the usual way when there are no bytes.
    usual = PreparedMail(mime=None, subject=SUBJECT, body=TEXT, from_email=SENDER, to=["a@x.am"])
    assert usual.message()["Subject"] == SUBJECT


ADDRESSES = [
    "supporter17@mail.example.am",
    "Ani.Sargsyan+tag@Mail.Example.AM",
    "o'brien@example.ie",
    "a!#$%&'*+/=?^_`{|}~-z@x",
    "-a-@-b-.c",
    "Undersigned <no-reply@undersigned.example>",
    '"ani sargsyan"@mail.example.am',
    "ani@մեյլ.հայ",
    "a..b@example.am",
    ".a@example.am",
    "a@example.am.",
    "a@[127.0.0.1]",
    "a@b@c",
    "a@b, c@d",
    "a@b\nBcc: c@d",
    "Ани@mail.example.am",
    "a b@example.am",
    "",
]


def check(backend, address, force_ascii):
    try:
        return backend.prep_address(address, force_ascii=force_ascii)
    except ValueError:
        return ValueError


@pytest.mark.parametrize("force_ascii", [True, False])
def test_the_backend_checks_addresses_as_djangos_does(settings, force_ascii):
    options = {"host": "127.0.0.1", "port": 25, "alias": "default"}
    ours, djangos = EmailBackend(**options), DjangoSMTPBackend(**options)
    for _twice in range(2):  # the second time from what the backend kept
        for address in ADDRESSES:
            assert check(ours, address, force_ascii) == check(djangos, address, force_ascii), (
                address
            )


def test_the_console_backend_prints_a_prepared_mail_readably(settings):
    from io import StringIO

    from django.core.mail import mailers

    stream = StringIO()
    backend = "django.core.mail.backends.console.EmailBackend"
    settings.MAILERS = {"default": {"BACKEND": backend, "OPTIONS": {"stream": stream}}}
    made = template().fill(to="a@x.am", message_id=message_id_for("1"), text=TEXT, html=HTML)
    mail = PreparedMail(mime=made, subject=SUBJECT, body=TEXT, from_email=SENDER, to=["a@x.am"])
    assert mailers["default"].send_messages([mail]) == 1
    printed = stream.getvalue()
    assert "\r" not in printed
    assert "Здравствуйте, Анна!" in printed
    assert f"Message-ID: {message_id_for('1')}" in printed
