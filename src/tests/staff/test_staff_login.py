"""The staff login: lockout after wrong passwords, the TOTP second factor, short sessions,
and Django's password rules for the admin account that `up` creates."""

import base64
import hashlib
import hmac
import io
import os
import sqlite3
import struct
import subprocess
import sys
import time
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import coordinator_create
from undersigned.core.accounts import admin_password_validate

LOGIN = "/en/admin/login/"
PASSWORD = "a-long-passphrase-for-tests"
DASHBOARD = "/en/staff/statements/"


@pytest.fixture
def coordinator(db):
    return coordinator_create("coordinator", password=PASSWORD)


def log_in(client, username, password, *, language="en", **extra):
    return client.post(
        f"/{language}/admin/login/",
        {"username": username, "password": password, "next": "/en/admin/", **extra},
        REMOTE_ADDR="203.0.113.7",
    )


def test_the_right_password_after_fifty_wrong_ones_is_refused(client, coordinator):
    answers = [log_in(client, "coordinator", f"wrong-{n}").status_code for n in range(50)]
    assert answers[:4] == [200] * 4  # the form again, with its error
    assert set(answers[4:]) == {429}  # the fifth mistake locks
    response = log_in(client, "coordinator", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Sign-in locked" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert client.get(DASHBOARD).status_code == 302  # still not signed in


def test_the_lockout_message_is_in_the_visitors_language(client, coordinator):
    for _attempt in range(6):
        response = log_in(client, "coordinator", "wrong", language="ru")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Sign-in locked" not in page
    assert 'lang="ru"' in page


def test_a_lockout_holds_one_account_from_one_address_not_everyone(client, coordinator, db):
    coordinator_create("colleague", password=PASSWORD)
    for _attempt in range(6):
        log_in(client, "coordinator", "wrong")
    response = log_in(client, "colleague", PASSWORD)
    assert response.status_code == 302


def test_a_successful_login_clears_the_count_of_earlier_mistakes(client, coordinator):
    for _attempt in range(4):
        log_in(client, "coordinator", "wrong")
    assert log_in(client, "coordinator", PASSWORD).status_code == 302
    client.logout()
    for _attempt in range(4):
        log_in(client, "coordinator", "wrong")
    assert log_in(client, "coordinator", PASSWORD).status_code == 302


def test_a_staff_session_lasts_a_working_day_not_two_weeks(client, coordinator, settings):
    assert log_in(client, "coordinator", PASSWORD).status_code == 302
    assert client.session.get_expiry_age() == 8 * 3600
    assert client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 8 * 3600


# The second factor (STAFF_REQUIRE_2FA, on by default in production).


def totp_now(otpauth_url: str, *, at: float | None = None) -> str:
    """Compute the code an authenticator app shows (RFC 6238), from the enrolment link."""
    query = parse_qs(urlparse(otpauth_url).query)
    secret = query["secret"][0]
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digits = int(query.get("digits", ["6"])[0])
    period = int(query.get("period", ["30"])[0])
    counter = int((time.time() if at is None else at) // period)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(code % 10**digits).zfill(digits)


def enrol(username: str) -> str:
    out = io.StringIO()
    call_command("staff_totp", username, "--no-qr", stdout=out)
    lines = [line for line in out.getvalue().splitlines() if line.startswith("otpauth://")]
    assert len(lines) == 1
    return lines[0]


@pytest.fixture
def two_factor(settings):
    settings.STAFF_REQUIRE_2FA = True


def test_with_two_factor_a_staff_member_signs_in_with_password_and_code(
    client, coordinator, two_factor
):
    url = enrol("coordinator")
    assert url.startswith("otpauth://totp/")
    response = log_in(client, "coordinator", PASSWORD, otp_token=totp_now(url))
    assert response.status_code == 302, response.context["form"].errors
    assert client.get(DASHBOARD).status_code == 200
    assert client.get("/en/admin/").status_code == 200


def test_with_two_factor_the_password_alone_does_not_sign_in(client, coordinator, two_factor):
    enrol("coordinator")
    response = log_in(client, "coordinator", PASSWORD)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert 'name="otp_token"' in response.content.decode()


def test_with_two_factor_a_wrong_or_old_code_is_refused(client, coordinator, two_factor):
    url = enrol("coordinator")
    stale = totp_now(url, at=time.time() - 600)
    response = log_in(client, "coordinator", PASSWORD, otp_token=stale)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_with_two_factor_an_account_without_a_device_cannot_sign_in(
    client, coordinator, two_factor
):
    response = log_in(client, "coordinator", PASSWORD, otp_token="123456")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_with_two_factor_a_session_without_the_code_reaches_no_staff_page(
    client, coordinator, two_factor
):
    client.force_login(coordinator)  # a session from before 2FA was turned on
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert client.get("/en/admin/").status_code == 302


def test_without_two_factor_make_run_signs_in_with_the_password(client, coordinator, settings):
    assert settings.STAFF_REQUIRE_2FA is False  # local default: not production
    assert log_in(client, "coordinator", PASSWORD).status_code == 302
    assert client.get(DASHBOARD).status_code == 200


def test_enrolment_refuses_a_second_device_unless_asked_to_replace(coordinator):
    first = enrol("coordinator")
    with pytest.raises(CommandError, match="--replace"):
        enrol("coordinator")
    out = io.StringIO()
    call_command("staff_totp", "coordinator", "--replace", stdout=out)
    assert "otpauth://" in out.getvalue()
    assert first not in out.getvalue()
    assert "█" in out.getvalue() or "▀" in out.getvalue()  # the QR code, drawn in the terminal


def test_enrolment_is_for_staff_accounts_only(django_user_model, db):
    django_user_model.objects.create_user("reader")
    with pytest.raises(CommandError, match="not a staff account"):
        enrol("reader")


# The admin password `up` sets from ADMIN_PASSWORD.


@pytest.mark.parametrize("weak", ["password", "12345678901", "short7x"])
def test_a_weak_admin_password_is_refused_with_the_reasons(monkeypatch, db, weak):
    monkeypatch.setenv("ADMIN_USERNAME", "admin")
    monkeypatch.setenv("ADMIN_PASSWORD", weak)
    with pytest.raises(CommandError, match="ADMIN_PASSWORD is too weak"):
        admin_password_validate()


def test_a_strong_admin_password_or_none_passes(monkeypatch, db):
    monkeypatch.setenv("ADMIN_PASSWORD", "violet-harbour-71-quietly")
    admin_password_validate()
    monkeypatch.delenv("ADMIN_PASSWORD")
    admin_password_validate()


def test_up_stops_before_anything_with_a_weak_admin_password(tmp_path):
    env = {
        **os.environ,
        "ADMIN_PASSWORD": "password",
        "UNDERSIGNED_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-m", "undersigned", "up", "--no-demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ADMIN_PASSWORD is too weak" in result.stderr
    assert "too common" in result.stderr
    assert "is starting" not in result.stdout
    database = tmp_path / "db.sqlite3"
    if database.exists():  # opened, perhaps, but nothing migrated
        with sqlite3.connect(database) as connection:
            tables = connection.execute("SELECT name FROM sqlite_master").fetchall()
        assert tables == []
