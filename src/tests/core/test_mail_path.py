"""Every kind of mail goes through core.outbox.mail: long Armenian and Russian subjects arrive
over real SMTP exactly as meant (no lost spaces, no HTML escaping), with a Message-ID and an
outbox record."""

import secrets

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from tests.conftest import mail_text
from undersigned.core.models import OutgoingMail
from undersigned.engagement import services as engagement
from undersigned.engagement.models import Subscriber
from undersigned.signatures import services as signatures
from undersigned.signatures import supporters
from undersigned.statements.versions import statement_text_hash

pytestmark = pytest.mark.django_db(transaction=True)

# Long enough to be folded over several lines, with the characters autoescaping would spoil.
TITLES = {
    "hy": "Խաղաղ հավաքների ազատության և խոսքի ազատության իրավունքի մասին՝ «Երևան» & 'փողոց' "
    "Հայաստանի բոլոր մարզերում",
    "ru": "О праве на свободу мирных собраний и свободу выражения мнения: «Ереван» & 'улица' "
    "во всех регионах Армении",
}
SITE_NAMES = {
    "hy": "Հայաստանի քաղաքացիական հասարակության համատեղ հայտարարությունների արխիվ",
    "ru": "Архив совместных заявлений гражданского общества Армении",
}


@pytest.fixture(params=["hy", "ru"])
def language(request, settings, mail_over_smtp):
    settings.SITE_NAME = SITE_NAMES[request.param]
    settings.MAIL_PER_RECIPIENT_PER_HOUR = 100
    return request.param


@pytest.fixture
def statement(statement_factory, statement_translation_factory, language):
    statement = statement_factory(status="open", published_at=None, translation=False)
    statement_translation_factory(statement=statement, language=language, title=TITLES[language])
    return statement


def publish(statement):
    statement.status = "published"
    statement.published_at = timezone.now()
    statement.save()


def meant(language: str, msgid: str, **params) -> str:
    with translation.override(language):
        return gettext(msgid) % params


def received_as_meant(smtp, count: int, *, to: str, subject: str) -> None:
    """The newest mail to `to` arrived with this subject, its Message-ID and a SENT record."""
    messages = [m for m in smtp.wait_for(count) if m["To"] == to]
    message = messages[-1]
    assert message["Subject"] == subject
    assert "&#" not in message["Subject"]
    assert "&amp;" not in message["Subject"]
    record = OutgoingMail.objects.filter(to=to).order_by("pk").last()
    assert record is not None
    assert record.subject == subject
    assert record.status == OutgoingMail.Status.SENT
    assert message["Message-ID"] == record.message_id
    assert record.message_id.startswith("<")
    assert record.message_id.endswith("@undersigned.localhost>")


def sign_on(statement, language, email="lusine@gorispress.example.am"):
    return signatures.sign_on_submit(
        statement=statement,
        version_hash=statement_text_hash(statement=statement),
        language=language,
        organization=None,
        organization_name="Goris Press Club",
        contact_name="Lusine Hakobyan",
        contact_role="Director",
        contact_email=email,
    )


def test_sign_on_mails_keep_long_subjects(statement, language, mail_over_smtp, admin_user):
    title = TITLES[language]
    email = "lusine@gorispress.example.am"
    request = sign_on(statement, language, email)
    received_as_meant(
        mail_over_smtp,
        1,
        to=email,
        subject=meant(language, "Confirm your signature: %(title)s", title=title),
    )
    request.status = "pending"
    request.save(update_fields=["status"])
    signatures.sign_on_approve(sign_on=request, by=admin_user)
    received_as_meant(
        mail_over_smtp,
        2,
        to=email,
        subject=meant(language, "Your organisation is on the list: %(title)s", title=title),
    )
    other = sign_on(statement, language, "artur@helsinki.example.am")
    signatures.sign_on_reject(sign_on=other, by=admin_user, reason="Duplicate", notify=True)
    received_as_meant(
        mail_over_smtp,
        4,
        to="artur@helsinki.example.am",
        subject=meant(language, "Your signature was not accepted: %(title)s", title=title),
    )


def test_the_new_link_mail_keeps_its_subject(
    statement, statement_factory, statement_translation_factory, language, mail_over_smtp
):
    second = statement_factory(status="open", published_at=None, translation=False)
    statement_translation_factory(statement=second, language=language, title=TITLES[language])
    email = "lusine@gorispress.example.am"
    sign_on(statement, language, email)
    sign_on(second, language, email)
    signatures.sign_on_resend(email=email)
    received_as_meant(
        mail_over_smtp,
        3,
        to=email,
        subject=meant(language, "Your links to confirm your signatures"),
    )


def test_supporter_mails_keep_long_subjects(statement, language, mail_over_smtp):
    publish(statement)
    email = "ani.sargsyan@mail.example.am"
    arguments = {"name": "Ani", "place": "Gyumri", "email": email, "show_name": False}
    supporters.supporter_sign_up(statement=statement, language=language, **arguments)
    title = TITLES[language]
    received_as_meant(
        mail_over_smtp,
        1,
        to=email,
        subject=meant(language, "Confirm your support: %(title)s", title=title),
    )
    statement.supporters.update(confirmed_at=statement.published_at)
    supporters.supporter_sign_up(statement=statement, language=language, **arguments)
    received_as_meant(
        mail_over_smtp,
        2,
        to=email,
        subject=meant(language, "You already support: %(title)s", title=title),
    )


def test_newsletter_mails_keep_long_subjects(statement, language, mail_over_smtp, settings):
    email = "reader@example.am"
    site_name = settings.SITE_NAME
    engagement.newsletter_subscribe(email=email, language=language)
    received_as_meant(
        mail_over_smtp,
        1,
        to=email,
        subject=meant(language, "Confirm your subscription to %(site_name)s", site_name=site_name),
    )
    Subscriber.objects.update(status=Subscriber.Status.ACTIVE)
    engagement.newsletter_subscribe(email=email, language=language)
    received_as_meant(
        mail_over_smtp,
        2,
        to=email,
        subject=meant(language, "You are already subscribed to %(site_name)s", site_name=site_name),
    )
    publish(statement)
    engagement.newsletter_issue_deliver(statement_id=statement.pk)
    received_as_meant(
        mail_over_smtp,
        3,
        to=email,
        subject=meant(language, "New statement: %(title)s", title=TITLES[language]),
    )
    assert mail_over_smtp.messages[-1]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_comment_mails_keep_long_subjects(
    statement, language, mail_over_smtp, settings, coordinator
):
    publish(statement)
    engagement.comment_submit(
        statement=statement,
        name="Anahit",
        email="anahit@example.am",
        body="We stand with you.",
        language=language,
    )
    smtp = mail_over_smtp
    received_as_meant(
        smtp,
        2,
        to="anahit@example.am",
        subject=meant(
            language, "Confirm your comment on %(site_name)s", site_name=settings.SITE_NAME
        ),
    )
    # The coordinators read the site's default language; the title falls back to the text's.
    received_as_meant(
        smtp,
        2,
        to="coordinator@network.example.am",
        subject=meant(
            "en",
            "A comment awaits moderation: “%(statement_title)s”",
            statement_title=TITLES[language],
        ),
    )


def test_the_friend_mail_keeps_its_long_subject(statement, language, mail_over_smtp, settings):
    publish(statement)
    engagement.friend_message_create(
        statement=statement, sender_name="Anahit", recipient="friend@example.am", language=language
    )
    [message] = mail_over_smtp.wait_for(1)
    subject = meant(
        language,
        "A statement on %(site_name)s: %(title)s",
        site_name=settings.SITE_NAME,
        title=TITLES[language],
    )
    assert message["Subject"] == subject
    record = OutgoingMail.objects.get(kind="friend")
    assert (record.subject, record.status, record.to) == (subject, OutgoingMail.Status.SENT, "")
    assert message["Message-ID"] == record.message_id
    assert "Anahit" in mail_text(message)


def test_no_other_code_builds_a_mail_message():
    """Only core/outbox.py (through core/mailheaders.py) makes an EmailMessage.

    Defining a send_mail method (operations/errors.py's handler hands the report to the
    outbox there) builds nothing; calling Django's send_mail would.
    """
    import re
    from pathlib import Path

    import undersigned

    root = Path(undersigned.__file__).parent
    builder = re.compile(
        r"EmailMessage\(|EmailMultiAlternatives|(?<!def )\b(send_mail|mail_admins)\("
    )
    builders = sorted(
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "migrations" not in path.parts and builder.search(path.read_text(encoding="utf-8"))
    )
    assert builders == ["core/mailheaders.py"]


def test_the_sender_name_is_cleaned_of_newlines_and_bidi_controls(settings):
    from undersigned.core.outbox import sender

    settings.DEFAULT_FROM_EMAIL = '"Under\u202esigned \t Team" <no-reply@example.am>'
    assert sender() == "Undersigned Team <no-reply@example.am>"


def test_a_subject_never_spans_lines():
    from undersigned.core.outbox import subject_line

    line = subject_line("Confirm\r\nBcc: x@evil.example \u202e " + secrets.token_hex(2))
    assert line.startswith("Confirm Bcc: x@evil.example ")
    assert "\u202e" not in line
