"""Warn at start-up when the public address and the served one disagree.

SITE_URL is the one address used everywhere (mail, feeds, canonical links, sitemaps): when the
server is reached under another name, the links it gives out would not lead back to it.
"""

import os
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.http.request import validate_host

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@checks.register()
def site_url_matches_the_server(app_configs, **kwargs) -> list[checks.CheckMessage]:
    warnings = []
    parts = urlsplit(settings.SITE_URL)
    host = parts.hostname or ""
    if not validate_host(host, settings.ALLOWED_HOSTS):
        warnings.append(
            checks.Warning(
                f"SITE_URL ({settings.SITE_URL}) names the host {host!r}, which ALLOWED_HOSTS "
                "does not admit: links in mail and feeds will not reach this server.",
                hint="Set SITE_URL to the public address, and ALLOWED_HOSTS to include its host.",
                id="core.W001",
            )
        )
    port = os.environ.get("PORT")
    site_port = parts.port or (443 if parts.scheme == "https" else 80)
    served_port = int(port) if port and port.isascii() and port.isdigit() else None
    if host in _LOOPBACK and served_port is not None and served_port != site_port:
        warnings.append(
            checks.Warning(
                f"SITE_URL ({settings.SITE_URL}) is on port {site_port}, but the server "
                f"serves on PORT={port}: links in mail and feeds use SITE_URL.",
                hint="Unset SITE_URL to follow PORT, or set it to the served address.",
                id="core.W002",
            )
        )
    return warnings
