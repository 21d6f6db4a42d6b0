"""A sign-up through the public form and its confirmation link, as readers do it."""

import re

from tests.conftest import mail_text
from undersigned.signatures.models import SignOnRequest
from undersigned.statements.versions import statement_text_hash

EMAIL = "lusine@gorispress.example.am"
PHONE = "+374 10 123456"


def sign_on(client, statement, *, headers=None) -> SignOnRequest:
    """Sign on through the form, with an email address and a phone number."""
    response = client.post(
        f"/en/statements/{statement.slug}/sign/",
        {
            "organization_name": "Goris Press Club",
            "contact_name": "Lusine Hakobyan",
            "contact_role": "Director",
            "contact_email": EMAIL,
            "contact_phone": PHONE,
            "declaration": "on",
            "new_kind": "ngo",
            "version": statement_text_hash(statement=statement),
        },
        headers=headers or {},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return SignOnRequest.objects.latest("pk")


def confirm(client, message, settings) -> None:
    """Open the confirmation link of a received mail and press its button."""
    url = re.search(r"https?://\S+/sign-on/confirm/[\w-]+/", mail_text(message)).group(0)
    path = url.removeprefix(settings.SITE_URL)
    assert client.get(path).status_code == 200
    assert client.post(path).status_code in (200, 302)
