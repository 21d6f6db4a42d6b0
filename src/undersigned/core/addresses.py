"""One spelling per mailbox, so that limits and "one per mailbox" rules see one person.

`v@example.org`, `V@Example.org` and `v+1@example.org` reach the same inbox at nearly every
provider (sub-addressing, RFC 5233), and Gmail ignores the dots of the local part too. Every
per-address rate limit, the site-wide cap on mail to one recipient and the rule of one
supporter per mailbox key on `mailbox(address)`; mail is still sent to the address as typed.
"""

import re

# Providers known to deliver a.b.c@ and abc@ to the same inbox.
DOTLESS_DOMAINS = frozenset({"gmail.com", "googlemail.com"})
# The same inboxes under another domain name.
DOMAIN_ALIASES = {"googlemail.com": "gmail.com"}
# The common address, in ASCII, with no quoting, comment or display name: a dot-atom local part
# and a domain of dot-separated labels (RFC 5322 §3.4.1). Python's email package prints it as
# it is, in a header and on the SMTP envelope (core/batchmime.py and core/smtp.py rely on it).
PLAIN_ADDRESS = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
)


def mailbox(address: str) -> str:
    """Return the normalised mailbox an address reaches: lower case, no +tag, no ignored dots."""
    local, at, domain = address.strip().lower().rpartition("@")
    if not at:
        return address.strip().lower()
    domain = domain.rstrip(".")
    domain = DOMAIN_ALIASES.get(domain, domain)
    local = local.split("+", 1)[0] or local
    if domain in DOTLESS_DOMAINS:
        local = local.replace(".", "") or local
    return f"{local}@{domain}"


def domains_of(normalised: str) -> list[str]:
    """Return the domains whose addresses reach this normalised mailbox (gmail: googlemail too)."""
    domain = normalised.rpartition("@")[2]
    return [domain, *(alias for alias, canonical in DOMAIN_ALIASES.items() if canonical == domain)]
