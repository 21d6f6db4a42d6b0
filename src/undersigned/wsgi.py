import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "undersigned.settings")
application = get_wsgi_application()

# Supporters' sign-ups and confirmations take a lean path before Django's middleware
# (signatures/rush.py); every other request, and every one that path leaves, goes to Django.
from undersigned.operations.middleware import observe_lean  # noqa: E402
from undersigned.signatures.rush import SupportersRush  # noqa: E402

application = SupportersRush(application, observe=observe_lean)

# What every request needs, loaded once here rather than in each worker (core/warmup.py).
from undersigned.core.warmup import warm_up  # noqa: E402

warm_up()
