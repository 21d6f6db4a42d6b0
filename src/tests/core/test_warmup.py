"""The app loaded before the first request (core/warmup.py), for gunicorn to fork from."""

from django.urls import get_resolver

from undersigned.core.warmup import warm_up


def test_warm_up_compiles_every_languages_addresses_and_touches_no_database(settings):
    # No `db` fixture: pytest-django refuses any query, so a connection opened here, which
    # every worker forked from the master would share, fails the test.
    resolver = get_resolver()
    resolver._reverse_dict.clear()
    warm_up()
    languages = {code for code, _name in settings.LANGUAGES}
    assert languages <= set(resolver._reverse_dict)
