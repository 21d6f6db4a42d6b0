"""Mail abuse: one mailbox, however spelt, gets a few mails an hour from the whole site; every
per-address limit counts the mailbox; refusals say when to come back (Retry-After)."""

import itertools
import re
from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from tests.conftest import mail_parts, mail_text, supporter_link
from undersigned.core.addresses import mailbox
from undersigned.core.models import OutgoingMail
from undersigned.core.safetext import defused, plain_name
from undersigned.engagement.models import Comment, FriendMessage, Subscriber
from undersigned.signatures import services
from undersigned.signatures.models import SignOnRequest, SignOnToken, Supporter
from undersigned.signatures.selectors import domain_matches
from undersigned.statements.versions import statement_text_hash

_addresses = itertools.count(1)


def client() -> Client:
    """A visitor from an address of their own, so that only per-mailbox limits apply."""
    return Client(REMOTE_ADDR=f"198.51.100.{next(_addresses) % 250 + 1}")


@pytest.fixture
def open_for_signature(statement_factory):
    return statement_factory(
        status="open", published_at=None, translation__title="On the right to protest"
    )


@pytest.fixture
def published(statement_factory):
    return statement_factory(translation__title="On the freedom of assembly")


def sign_on_data(statement, email, **overrides):
    return {
        "organization_name": "Goris Press Club",
        "contact_name": "Lusine Hakobyan",
        "contact_role": "Director",
        "contact_email": email,
        "declaration": "on",
        "new_kind": "ngo",
        "version": statement_text_hash(statement=statement),
        **overrides,
    }


def post_sign_on(statement, email, **overrides):
    return client().post(
        f"/en/statements/{statement.slug}/sign/", sign_on_data(statement, email, **overrides)
    )


def post_support(statement, email, name="Ani Sargsyan"):
    data = {"name": name, "place": "Gyumri", "email": email, "show_name": "on"}
    return client().post(f"/en/statements/{statement.slug}/support/", data)


def post_newsletter(email):
    return client().post("/en/newsletter/", {"email": email, "language": "en"})


def post_comment(statement, email):
    data = {"name": "Anahit", "email": email, "body": "We stand with you."}
    return client().post(f"/en/statements/{statement.slug}/comment/", data)


def post_friend(statement, email):
    data = {"sender_name": "Anahit", "recipient": email}
    return client().post(f"/en/statements/{statement.slug}/send/", data)


# Normalisation.


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("Victim@Example.AM", "victim@example.am"),
        ("victim+news@example.am", "victim@example.am"),
        ("vic.tim@example.am", "vic.tim@example.am"),  # dots count at most providers
        ("Vic.Tim+1@gmail.com", "victim@gmail.com"),
        ("v.i.c.t.i.m@googlemail.com", "victim@gmail.com"),
        (" victim@example.am. ", "victim@example.am"),
    ],
)
def test_an_address_is_counted_as_the_mailbox_it_reaches(address, expected):
    assert mailbox(address) == expected


# The cap on one recipient.


@pytest.mark.django_db(transaction=True)
def test_one_mailbox_gets_at_most_the_cap_whatever_form_or_spelling(
    open_for_signature, published, mail_over_smtp, settings
):
    settings.MAIL_PER_RECIPIENT_PER_HOUR = 3
    assert post_sign_on(open_for_signature, "victim@gmail.com").status_code == 302
    assert post_support(published, "Vic.Tim+1@gmail.com").status_code == 302
    assert post_newsletter("victim+2@googlemail.com").status_code == 302
    # Over the cap: the submission is kept, and the person is told the mail was not sent.
    refused = post_comment(published, "v.i.c.t.i.m+3@gmail.com")
    assert refused.status_code == 302
    refused = post_friend(published, "VICTIM@gmail.com")
    assert refused.status_code == 302
    held = post_support(published, "victim+4@gmail.com", name="Ani")  # same supporter row
    assert held.status_code == 200
    assert "we did not send the email" in held.content.decode()

    assert len(mail_over_smtp.wait_for(3)) == 3
    assert OutgoingMail.objects.filter(status=OutgoingMail.Status.REFUSED).count() == 3
    assert all(m["To"] != "" for m in mail_over_smtp.messages)
    # Nothing the people typed is lost.
    assert SignOnRequest.objects.count() == 1
    assert Supporter.objects.count() == 1
    assert Subscriber.objects.count() == 1
    assert Comment.objects.count() == 1
    assert FriendMessage.objects.count() == 1
    assert len(mail_over_smtp.messages) == 3


@pytest.mark.django_db(transaction=True)
def test_a_form_whose_mail_was_held_says_so_in_the_persons_language(
    open_for_signature, mail_over_smtp, settings
):
    settings.MAIL_PER_RECIPIENT_PER_HOUR = 1
    assert post_sign_on(open_for_signature, "lusine@example.am").status_code == 302
    data = sign_on_data(open_for_signature, "lusine+2@example.am")
    response = client().post(f"/ru/statements/{open_for_signature.slug}/sign/", data)
    assert response.status_code == 200
    assert "письмо мы не отправили" in response.content.decode()
    assert SignOnRequest.objects.count() == 2
    assert len(mail_over_smtp.wait_for(1)) == 1


@pytest.mark.django_db(transaction=True)
def test_mail_a_coordinator_sends_is_not_held_by_the_cap(
    open_for_signature, mail_over_smtp, settings, admin_user
):
    settings.MAIL_PER_RECIPIENT_PER_HOUR = 1
    assert post_sign_on(open_for_signature, "lusine@example.am").status_code == 302
    sign_on = SignOnRequest.objects.get()
    sign_on.status = SignOnRequest.Status.PENDING
    sign_on.save(update_fields=["status"])
    services.sign_on_approve(sign_on=sign_on, by=admin_user)
    assert len(mail_over_smtp.wait_for(2)) == 2


# Per-address limits count the mailbox.


FORMS = {
    "sign-on": ("SIGNON_RATE_LIMIT_EMAIL", lambda s, p, email: post_sign_on(s, email)),
    "support": ("SUPPORTERS_RATE_LIMIT_EMAIL", lambda s, p, email: post_support(p, email)),
    "new link": (
        "SIGNON_RATE_LIMIT_EMAIL",
        lambda s, p, email: client().post("/en/sign-on/new-link/", {"email": email}),
    ),
    "newsletter": ("NEWSLETTER_RATE_LIMIT_EMAIL", lambda s, p, email: post_newsletter(email)),
    "comment": ("COMMENTS_RATE_LIMIT_EMAIL", lambda s, p, email: post_comment(p, email)),
    "friend": ("FRIEND_RATE_LIMIT_RECIPIENT", lambda s, p, email: post_friend(p, email)),
}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.django_db
def test_per_address_limits_count_the_mailbox_not_its_spelling(
    form, open_for_signature, published, settings
):
    setting, post = FORMS[form]
    setattr(settings, setting, "2/h")
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    for variant in ("victim+1@gmail.com", "Vic.Tim+2@googlemail.com"):
        assert post(open_for_signature, published, variant).status_code in (200, 302)
    refused = post(open_for_signature, published, "v.ictim+3@gmail.com")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3601
    assert "Too many requests have been made with this email address." in (refused.content.decode())


# 429 answers say when to come back.


@pytest.mark.django_db
def test_every_rate_limited_answer_carries_retry_after(open_for_signature, published, settings):
    for name in (
        "SIGNON_RATE_LIMIT_IP",
        "SIGNON_RATE_LIMIT_SEARCH",
        "SUPPORTERS_RATE_LIMIT_IP",
        "COMMENTS_RATE_LIMIT_IP",
        "FRIEND_RATE_LIMIT_IP",
        "NEWSLETTER_RATE_LIMIT_IP",
    ):
        setattr(settings, name, "0/h")
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    answers = {
        "sign-on": post_sign_on(open_for_signature, "a@example.am"),
        "support": post_support(published, "a@example.am"),
        "new link": client().post("/en/sign-on/new-link/", {"email": "a@example.am"}),
        "new link by token": client().post("/en/sign-on/confirm/some-token/new-link/"),
        "look-up": client().get("/en/sign-on/organisations.json?q=Goris"),
        "comment": post_comment(published, "a@example.am"),
        "friend": post_friend(published, "a@example.am"),
        "newsletter": post_newsletter("a@example.am"),
    }
    for name, response in answers.items():
        assert response.status_code == 429, name
        assert int(response["Retry-After"]) > 0, name


# New link.


@pytest.mark.django_db(transaction=True)
def test_new_link_sends_one_mail_with_the_newest_link_of_each_recent_request(
    statement_factory, mail_over_smtp, settings
):
    statements = [
        statement_factory(status="open", published_at=None, translation__title=f"Statement {n}")
        for n in range(3)
    ]
    email = "lusine.h@gmail.com"
    for statement in [statements[0], statements[0], statements[1], statements[2]]:
        assert post_sign_on(statement, email).status_code == 302
    old = SignOnRequest.objects.get(statement=statements[2])
    SignOnRequest.objects.filter(pk=old.pk).update(
        declared_at=timezone.now() - timedelta(days=settings.SIGNON_TOKEN_DAYS + 1)
    )
    mail_over_smtp.wait_for(4)

    response = client().post("/en/sign-on/new-link/", {"email": "Lusine.H+x@googlemail.com"})
    assert response.status_code == 200
    messages = mail_over_smtp.wait_for(5)
    assert len(messages) == 5
    text, _html = mail_parts(messages[-1])
    assert messages[-1]["Subject"] == "Your links to confirm your signatures"
    assert messages[-1]["To"] == email
    assert "Statement 0" in text
    assert "Statement 1" in text
    assert "Statement 2" not in text  # too old to be worth a link
    confirm_links = re.findall(r"/sign-on/confirm/([\w-]+)/", text)
    assert len(confirm_links) == 2
    # Each link belongs to the newest request for its statement.
    newest = {
        SignOnRequest.objects.filter(statement=statement).latest("pk").pk
        for statement in statements[:2]
    }
    linked = {
        SignOnToken.objects.get(digest=SignOnToken.digest_of(secret)).sign_on_id
        for secret in confirm_links
    }
    assert linked == newest


@pytest.mark.django_db(transaction=True)
def test_new_link_for_an_address_without_requests_sends_nothing(mail_over_smtp):
    response = client().post("/en/sign-on/new-link/", {"email": "nobody@example.am"})
    assert response.status_code == 200
    assert not OutgoingMail.objects.exists()


# Names in mail, and subjects.


def test_names_are_defused_and_stripped_of_bidi_controls():
    assert plain_name("Ani\u202e Sargsyan\u2066\n") == "Ani Sargsyan"
    assert defused("Visit evil.example now") == "Visit evil[.]example now"
    assert defused("https://phish.example/login") == "https[:]//phish[.]example/login"
    assert defused("write to boss@bank.example") == "write to boss[@]bank[.]example"
    assert defused("Dr. Hakobyan & Co.") == "Dr. Hakobyan & Co."


@pytest.mark.django_db(transaction=True)
def test_names_in_mail_are_plain_text_without_links_or_bidi(open_for_signature, mail_over_smtp):
    response = post_sign_on(
        open_for_signature,
        "lusine@example.am",
        organization_name="Bank Security Team https://phish.example",
        contact_name="Lusine \u202eevil.example",
    )
    assert response.status_code == 302
    sign_on = SignOnRequest.objects.get()
    assert "\u202e" not in sign_on.contact_name + sign_on.organization_name
    [message] = mail_over_smtp.wait_for(1)
    text, html = mail_parts(message)
    for part in (text, html, message["Subject"]):
        assert "\u202e" not in part
        assert "phish.example" not in part
        assert "evil.example" not in part
    assert "https[:]//phish[.]example" in text
    assert "Lusine evil[.]example" in text
    assert 'href="https://phish' not in html


@pytest.mark.django_db(transaction=True)
def test_no_subject_carries_what_a_visitor_typed(published, mail_over_smtp):
    assert post_friend(published, "friend@example.am").status_code == 302
    assert post_comment(published, "anahit@example.am").status_code == 302
    for message in mail_over_smtp.wait_for(1):
        assert "Anahit" not in message["Subject"]


# Supporters.


@pytest.mark.django_db(transaction=True)
def test_one_supporter_per_mailbox_and_a_waiting_one_is_never_overwritten(
    published, mail_over_smtp, settings
):
    assert post_support(published, "ani.sargsyan@gmail.com").status_code == 302
    first = mail_over_smtp.wait_for(1)[0]
    for variant in ("AniSargsyan+fake1@gmail.com", "a.n.i.sargsyan+fake2@googlemail.com"):
        assert post_support(published, variant, name="Fake Person").status_code == 302
    messages = mail_over_smtp.wait_for(3)
    supporter = Supporter.objects.get()
    assert supporter.name == "Ani Sargsyan"
    assert {m["To"] for m in messages} == {"ani.sargsyan@gmail.com"}
    links = {supporter_link(mail_text(m)) for m in messages}
    assert len(links) == 1  # the first link still works: the same one, sent again
    assert client().post(links.pop()).status_code == 200
    assert mail_text(first)


@pytest.mark.django_db
def test_the_database_refuses_a_second_supporter_for_one_mailbox(published):
    Supporter.objects.create(
        statement=published, name="A", place="B", email="ani@gmail.com", language="en"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Supporter.objects.create(
            statement=published, name="C", place="D", email="a.ni+2@gmail.com", language="en"
        )


# Auto-approval.


@pytest.mark.parametrize(
    ("email_domain", "registered", "matches"),
    [
        ("accessible-city.example.am", "accessible-city.example.am", True),
        ("mail.accessible-city.example.am", "accessible-city.example.am", True),
        ("example.am", "accessible-city.example.am", False),
        ("city.example.am", "accessible-city.example.am", False),
    ],
)
def test_a_domain_vouches_for_itself_and_its_subdomains_only(email_domain, registered, matches):
    assert domain_matches(email_domain, registered) is matches


@pytest.mark.parametrize(
    ("email", "approved"),
    [
        ("anyone@example.am", False),
        ("head@accessible-city.example.am", True),
        ("head@mail.accessible-city.example.am", True),
    ],
)
@pytest.mark.django_db
def test_auto_approval_trusts_the_registered_domain_never_a_parent(
    email, approved, open_for_signature, organization_factory, settings
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    open_for_signature.signon_auto_approve = True
    open_for_signature.save()
    organization = organization_factory(
        name="Accessible City", email_domains="accessible-city.example.am"
    )
    sign_on = services.sign_on_submit(
        statement=open_for_signature,
        version_hash=statement_text_hash(statement=open_for_signature),
        language="en",
        organization=organization,
        organization_name=organization.name,
        contact_name="Head",
        contact_role="Director",
        contact_email=email,
    )
    token = services.token_issue(sign_on=sign_on, purpose=SignOnToken.Purpose.CONFIRM)
    services.sign_on_confirm(token=token)
    sign_on.refresh_from_db()
    expected = SignOnRequest.Status.APPROVED if approved else SignOnRequest.Status.PENDING
    assert sign_on.status == expected
