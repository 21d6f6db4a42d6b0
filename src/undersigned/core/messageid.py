"""Give every attempt at one mail the same Message-ID, derived from the mail's key.

A mail sent again after a crash (the server took it, the worker died before recording so) then
carries the Message-ID of the first copy: mail servers and programs that collapse duplicates
show it once, and anyone reading both can see it is the same mail.
"""

import hashlib
from email.utils import parseaddr

from django.conf import settings
from django.core.mail.utils import DNS_NAME


def message_id_for(key: str) -> str:
    """Return the Message-ID of the mail whose idempotency key this is."""
    digest = hashlib.sha256(f"undersigned-mail:{key}".encode()).hexdigest()[:40]
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or str(DNS_NAME)
    return f"<{digest}@{domain}>"
