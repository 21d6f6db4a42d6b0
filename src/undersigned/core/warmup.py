"""Load, before the first request, what every request needs.

Gunicorn loads the app in its master and forks the workers from it (preload_app in
deploy/gunicorn.conf.py). Django itself imports the views, compiles the URL patterns, reads the
translation catalogues and compiles the templates only on the first requests that need them:
about a second of CPU in every worker, again each time one is recycled (max-requests) or
restarted, and in a rush the requests waiting behind it. Done once in the master, every worker
starts with them, shared copy-on-write.

Nothing here opens a connection: a database or Redis connection made before the fork would be
shared by every worker.
"""

from importlib import import_module

from django.conf import settings
from django.core.validators import validate_email
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation
from django.utils.module_loading import import_string

# The templates nearly every page extends or includes (each page's own template is compiled
# on its first use, as before).
TEMPLATES = ("base.html", "404.html", "signatures/support.html", "signatures/support_confirm.html")


def warm_up() -> None:
    # The cache and database backends' modules (a cache's client, a database's connection,
    # are made by each worker's threads when they first need one).
    for cache in settings.CACHES.values():
        import_string(cache["BACKEND"])
        if cache["BACKEND"].startswith("django_redis."):
            options = cache.get("OPTIONS", {})
            import_string(options.get("CLIENT_CLASS", "django_redis.client.DefaultClient"))
    for database in settings.DATABASES.values():
        import_module(f"{database['ENGINE']}.base")
    resolver = get_resolver()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Statements")  # reads the language's catalogues
            resolver.reverse_dict  # noqa: B018 - compiles the URL patterns for the language
    validate_email("warm-up@example.org")  # compiles the validators' patterns
    for name in TEMPLATES:
        try:
            get_template(name)
        except TemplateDoesNotExist:  # a template renamed: it is compiled on first use instead
            continue
