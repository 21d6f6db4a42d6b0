"""/healthz and /readyz: JSON, never cached, no secrets, 503 naming the failed check."""

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import cache
from django.tasks import task
from django.utils import timezone

from undersigned.core.models import OutgoingMail
from undersigned.operations import health


@task()
def nothing() -> None:
    """A task for the queue checks; never run here."""


@pytest.fixture
def worker_alive():
    cache.set(health.HEARTBEAT_KEY, time.time(), timeout=None)


def readyz(client, query=""):
    response = client.get(f"/readyz{query}")
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    return response, response.json()


def test_healthz_answers_without_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_ok_when_every_check_passes(client, worker_alive):
    response, body = readyz(client)
    assert response.status_code == 200, body
    assert body["status"] == "ok"
    assert body["failed"] == []
    assert set(body["checks"]) == {"database", "cache", "migrations", "worker", "outbox"}
    assert set(body["checks"].values()) == {"ok"}


@pytest.mark.django_db
def test_readyz_names_the_worker_without_a_heartbeat(client):
    response, body = readyz(client)
    assert response.status_code == 503
    assert body["failed"] == ["worker"]
    assert body["checks"]["worker"] == "no heartbeat"


@pytest.mark.django_db
def test_readyz_fails_when_the_heartbeat_is_over_a_minute_old(client):
    cache.set(health.HEARTBEAT_KEY, time.time() - 61, timeout=None)
    response, body = readyz(client)
    assert response.status_code == 503
    assert body["checks"]["worker"] == "heartbeat too old"
    cache.set(health.HEARTBEAT_KEY, time.time() - 30, timeout=None)
    assert readyz(client)[0].status_code == 200


@pytest.mark.django_db
def test_readyz_fails_when_a_mail_is_stuck_in_sending(client, worker_alive):
    mail = OutgoingMail.objects.create(
        key="stuck", kind="confirm", to="x@example.org", subject="s", body_text="t",
        body_html="h", language="en", status=OutgoingMail.Status.SENDING,
    )  # fmt: skip
    assert readyz(client)[0].status_code == 200  # just queued: not stuck
    OutgoingMail.objects.filter(pk=mail.pk).update(
        created_at=timezone.now() - timedelta(minutes=settings.OUTBOX_STUCK_MINUTES + 1)
    )
    response, body = readyz(client)
    assert response.status_code == 503
    assert body["failed"] == ["outbox"]
    assert body["checks"]["outbox"] == "mail stuck in sending"
    # Nothing secret in the answer: no address, no database name, no key.
    text = response.content.decode()
    assert "x@example.org" not in text
    assert str(settings.DATABASES["default"]["NAME"]) not in text
    assert settings.SECRET_KEY not in text


@pytest.mark.django_db
def test_readyz_fails_when_a_due_task_waits_too_long_for_a_worker(client, worker_alive, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    result = nothing.enqueue()
    assert readyz(client)[0].status_code == 200
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - timedelta(minutes=settings.OUTBOX_STUCK_MINUTES + 1)
    )
    response, body = readyz(client)
    assert response.status_code == 503
    assert body["checks"]["outbox"] == "tasks waiting"
    # A task deferred to later is not waiting.
    DBTaskResult.objects.filter(pk=result.id).update(run_after=timezone.now() + timedelta(hours=1))
    assert readyz(client)[0].status_code == 200


@pytest.mark.django_db
def test_a_load_balancer_may_leave_out_the_site_wide_checks(client):
    response, body = readyz(client, "?skip=worker,outbox")
    assert response.status_code == 200
    assert set(body["checks"]) == {"database", "cache", "migrations"}


def test_an_unknown_check_to_skip_is_a_clear_400(client):
    response = client.get("/readyz?skip=wroker")
    assert response.status_code == 400
    assert response.json()["unknown"] == ["wroker"]


@pytest.mark.django_db
def test_readyz_notices_unapplied_migrations(client, worker_alive, monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)
    monkeypatch.setattr(health, "unapplied_migrations", lambda: ["statements.0099_new"])
    response, body = readyz(client)
    assert response.status_code == 503
    assert body["checks"]["migrations"] == "unapplied"


@pytest.mark.django_db
def test_readyz_is_never_kept_by_the_page_cache_or_nginx(client, worker_alive):
    first = client.get("/readyz")
    cache.delete(health.HEARTBEAT_KEY)
    second = client.get("/readyz")
    assert (first.status_code, second.status_code) == (200, 503)
    for response in (first, second):
        assert "X-Accel-Expires" not in response
        assert "ETag" not in response
        assert "private" in response["Cache-Control"]


def test_every_response_carries_a_request_id_and_a_sane_one_is_kept(client):
    made = client.get("/healthz")["X-Request-ID"]
    assert len(made) == 32
    kept = client.get("/healthz", headers={"X-Request-ID": "nginx-3f2a9c1b7e"})
    assert kept["X-Request-ID"] == "nginx-3f2a9c1b7e"
    for bad in ("a b c d e f g h", "x" * 300, "<script>alert(1)</script>", "+37410123456"):
        assert client.get("/healthz", headers={"X-Request-ID": bad})["X-Request-ID"] != bad
