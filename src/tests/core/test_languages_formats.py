"""Dates, times and language names in the reader's language; SITE_URL follows the served port."""

import os
import re
import subprocess
import sys
from datetime import datetime, timedelta

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

MOMENT = datetime(2026, 12, 7, 15, 15)
ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?"
)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("hy", "7 դեկտեմբերի 2026 թ., 15:15"),
        ("ru", "7 декабря 2026 г. 15:15"),
        ("en", "7 December 2026, 15:15"),
    ],
)
def test_a_date_and_time_reads_as_the_language_writes_it(language, expected):
    with translation.override(language):
        assert date_format(MOMENT, "DATETIME_FORMAT") == expected


def test_armenian_dates_put_every_month_in_the_genitive():
    genitives = [
        "հունվարի",
        "փետրվարի",
        "մարտի",
        "ապրիլի",
        "մայիսի",
        "հունիսի",
        "հուլիսի",
        "օգոստոսի",
        "սեպտեմբերի",
        "հոկտեմբերի",
        "նոյեմբերի",
        "դեկտեմբերի",
    ]
    with translation.override("hy"):
        for month, genitive in enumerate(genitives, start=1):
            assert date_format(datetime(2026, month, 3), "DATE_FORMAT") == f"3 {genitive} 2026 թ."


@pytest.mark.parametrize("language", ["hy", "ru"])
def test_statement_page_shows_no_english_time_or_month(
    client, statement_factory, statement_translation_factory, language
):
    statement = statement_factory(
        slug="deadline-ahead",
        open_for_joining=True,
        published_at=timezone.make_aware(datetime(2026, 3, 14, 18, 0)),
        signature_deadline=timezone.now() + timedelta(days=3),
        translation__title="On an open deadline",
    )
    statement_translation_factory(statement=statement, language=language, title="Վերնագիր")
    response = client.get(f"/{language}/statements/deadline-ahead/")
    assert response.status_code == 200
    text = response.content.decode()
    body = text[text.index("<main") :]
    assert {"hy": "թ., ", "ru": " г. "}[language] in body  # the deadline is shown, in local form
    assert "a.m." not in body
    assert "p.m." not in body
    assert not ENGLISH_MONTHS.search(body), ENGLISH_MONTHS.search(body)


def test_english_sentence_ending_in_a_time_has_one_full_stop(client, statement_factory):
    statement_factory(
        slug="closing-soon",
        open_for_joining=True,
        signature_deadline=timezone.make_aware(datetime(2030, 1, 5, 18, 0)),
    )
    text = client.get("/en/statements/closing-soon/").content.decode()
    assert "Open for signature until 5 January 2030, 18:00." in text
    assert ".." not in text.replace("...", "")


@pytest.mark.parametrize(
    ("language", "name"), [("hy", "Ցուցադրման լեզուն՝ անգլերեն։"), ("ru", "текста: английский.")]
)
def test_fallback_notice_names_the_language_in_the_readers_language(
    client, statement_factory, language, name
):
    statement_factory(slug="english-only")
    text = client.get(f"/{language}/statements/english-only/").content.decode()
    assert name in text
    assert "English" not in text[text.index("<main") :]


def _settings_in_subprocess(env: dict[str, str], expression: str) -> str:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SITE_URL", "PORT", "HOST", "DJANGO_SETTINGS_MODULE")
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="undersigned.settings")
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {expression}"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def test_site_url_follows_port_when_it_is_not_set():
    printed = _settings_in_subprocess(
        {"PORT": "18800"}, "from django.conf import settings; print(settings.SITE_URL)"
    )
    assert printed == "http://127.0.0.1:18800"


def test_a_site_url_on_another_port_is_warned_about_at_start():
    printed = _settings_in_subprocess(
        {"PORT": "18800", "SITE_URL": "http://127.0.0.1:8000"},
        "from django.core import checks; "
        "print(sorted(m.id for m in checks.run_checks() if m.id.startswith('core.')))",
    )
    assert printed == "['core.W002']"


def test_a_site_url_outside_allowed_hosts_is_warned_about_at_start():
    printed = _settings_in_subprocess(
        {"SITE_URL": "https://statements.example.org"},
        "from django.core import checks; "
        "print(sorted(m.id for m in checks.run_checks() if m.id.startswith('core.')))",
    )
    assert printed == "['core.W001']"
