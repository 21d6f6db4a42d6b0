import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from undersigned.core.models import OutgoingMail
from undersigned.engagement.models import FriendMessage

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def statement(statement_factory):
    return statement_factory(slug="freedom-of-assembly", translation__title="On assembly & speech")


def share_hrefs(page: str) -> dict[str, str]:
    return {
        key: href.replace("&amp;", "&")
        for key, href in re.findall(r'class="share-link share-(\w+)" href="([^"]+)"', page)
    }


def test_share_links_are_plain_links_to_the_statement_without_third_party_scripts(
    client, statement
):
    page = client.get(statement.get_absolute_url()).content.decode()
    hrefs = share_hrefs(page)
    assert set(hrefs) == {"email", "facebook", "x", "telegram", "whatsapp", "linkedin"}
    address = "http://127.0.0.1:8000/en/statements/freedom-of-assembly/"
    assert parse_qs(urlsplit(hrefs["facebook"]).query)["u"] == [address]
    assert parse_qs(urlsplit(hrefs["x"]).query) == {
        "text": ["On assembly & speech"],
        "url": [address],
    }
    assert parse_qs(urlsplit(hrefs["telegram"]).query)["url"] == [address]
    assert parse_qs(urlsplit(hrefs["whatsapp"]).query)["text"] == [
        f"On assembly & speech {address}"
    ]
    assert parse_qs(urlsplit(hrefs["linkedin"]).query)["url"] == [address]
    assert hrefs["email"].startswith("mailto:?subject=On%20assembly%20%26%20speech&body=")
    # Nothing is loaded from elsewhere: scripts, frames and images are all our own.
    for tag in re.findall(r"<(?:script|iframe|img)[^>]*>", page):
        assert "src=" not in tag or 'src="/' in tag, tag


def test_sending_to_a_friend_mails_a_fixed_text_and_forgets_the_address(client, statement, mail):
    form = client.get(f"/en/statements/{statement.slug}/send/").content.decode()
    assert "You cannot add your own text" in form
    with mail.commit():
        response = client.post(
            f"/en/statements/{statement.slug}/send/",
            {"sender_name": "Anahit", "recipient": "friend@example.am", "message": "Buy pills!"},
        )
    assert response.status_code == 302
    (message,) = mail.wait_for(1)
    assert message["To"] == "friend@example.am"
    # The subject is the site's words and the title: nothing the sender typed.
    assert message["Subject"] == "A statement on Undersigned: On assembly & speech"
    assert "Anahit" in message.get_content()
    body = message.get_content()
    assert "http://127.0.0.1:8000/en/statements/freedom-of-assembly/" in body
    assert "Buy pills" not in body
    assert message["Reply-To"] is None
    sent = FriendMessage.objects.get()
    assert sent.sent_at is not None
    assert sent.recipient == ""
    assert OutgoingMail.objects.get(key=f"friend:{sent.pk}").to == ""


@pytest.mark.parametrize(
    ("name", "recipient"),
    [
        ("Visit www.pills.example", "friend@example.am"),
        ("Cheap https://pills.example", "friend@example.am"),
        ("Anahit", "one@example.am, two@example.am"),
        ("Anahit", "one@example.am\nBcc: two@example.am"),
    ],
    ids=["web address in name", "link in name", "two recipients", "header injection"],
)
def test_sending_to_a_friend_is_no_open_relay(client, statement, name, recipient):
    response = client.post(
        f"/en/statements/{statement.slug}/send/", {"sender_name": name, "recipient": recipient}
    )
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert not FriendMessage.objects.exists()


def test_sending_to_a_friend_is_rate_limited(statement, settings, db):
    settings.FRIEND_RATE_LIMIT_RECIPIENT = "1/d"
    url = f"/en/statements/{statement.slug}/send/"
    data = {"sender_name": "Anahit", "recipient": "friend@example.am"}
    assert Client(REMOTE_ADDR="203.0.113.1").post(url, data).status_code == 302
    again = Client(REMOTE_ADDR="203.0.113.2").post(url, data)
    assert again.status_code == 429
    assert int(again["Retry-After"]) > 0
    assert "Too many requests have been made with this email address" in again.content.decode()
    assert FriendMessage.objects.count() == 1
