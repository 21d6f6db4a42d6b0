"""/metrics: Prometheus text for staff or a token bearer, parsed by Prometheus's own parser."""

import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.tasks import task
from django_tasks_db.models import DBTaskResult
from prometheus_client.parser import text_string_to_metric_families

from tests.operations.signup import confirm, sign_on
from undersigned.operations import health, metrics

TOKEN = "a-metrics-token-of-forty-characters-long"


@task()
def later() -> None:
    """A task for the queue gauges; never run here."""


def scrape(client, **headers) -> dict[str, list]:
    response = client.get("/metrics", headers=headers)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/plain")
    assert "no-store" in response["Cache-Control"]
    families = text_string_to_metric_families(response.content.decode())
    return {family.name: family.samples for family in families}


def value(samples, name, **labels) -> float:
    found = [
        s.value
        for s in samples
        if s.name == name and all(s.labels.get(k) == v for k, v in labels.items())
    ]
    return sum(found)


@pytest.fixture
def token(settings):
    settings.METRICS_TOKEN = TOKEN
    return {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.django_db
def test_metrics_are_closed_to_anonymous_readers_and_wrong_tokens(client, settings):
    settings.METRICS_TOKEN = TOKEN
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert client.get("/metrics", headers={"Authorization": TOKEN}).status_code == 401
    settings.METRICS_TOKEN = ""  # no token configured: no token opens it
    assert client.get("/metrics", headers={"Authorization": "Bearer "}).status_code == 401


@pytest.mark.django_db
def test_staff_can_read_the_metrics_without_a_token(admin_client):
    assert "undersigned_sign_on_requests" in scrape(admin_client)


@pytest.mark.django_db(transaction=True)
def test_a_scrape_counts_requests_sign_ups_mails_queue_cache_and_search(
    client, token, open_statement, statement_factory, mail_over_smtp, settings
):
    before = scrape(client, **token)
    sign_on(client, open_statement)
    [message] = mail_over_smtp.wait_for(1)
    confirm(client, message, settings)
    published = statement_factory(translation__title="On clean air")
    for _ in range(3):
        assert client.get(f"/en/statements/{published.slug}/").status_code == 200
    assert client.get("/en/search/?q=air").status_code == 200
    assert client.get("/en/no-such-page/").status_code == 404
    cache.set(health.HEARTBEAT_KEY, time.time() - 5, timeout=None)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    later.enqueue()
    # A supporter signs up while the worker is away: their mail waits in the queue.
    support = client.post(
        f"/en/statements/{published.slug}/support/",
        {"name": "Ani Sargsyan", "place": "Gyumri", "email": "ani@mail.example.am"},
    )
    assert support.status_code == 302

    after = scrape(client, **token)
    requests = "undersigned_http_requests_total"
    grew = value(after["undersigned_http_requests"], requests, view="signatures:sign", status="302")
    assert (
        grew
        - value(before["undersigned_http_requests"], requests, view="signatures:sign", status="302")
        == 1
    )
    assert value(after["undersigned_http_requests"], requests, status="404") >= 1
    hits = value(
        after["undersigned_page_cache_requests"],
        "undersigned_page_cache_requests_total",
        outcome="hit",
    )
    hits_before = value(
        before.get("undersigned_page_cache_requests", []),
        "undersigned_page_cache_requests_total",
        outcome="hit",
    )
    assert hits - hits_before >= 2  # the second and third visits
    search = after["undersigned_search_duration_seconds"]
    assert value(search, "undersigned_search_duration_seconds_count", view="search") >= 1
    sign_ons = after["undersigned_sign_on_requests"]
    assert value(sign_ons, "undersigned_sign_on_requests", status="pending") == 1
    assert (
        value(after["undersigned_sign_on_confirmations"], "undersigned_sign_on_confirmations") == 1
    )
    mails = after["undersigned_mails"]
    assert value(mails, "undersigned_mails", state="sent") == 1
    assert value(mails, "undersigned_mails", state="failed") == 0
    assert value(mails, "undersigned_mails", state="queued") == 1  # the supporter's, not `later`
    assert value(after["undersigned_mail_retries"], "undersigned_mail_retries") == 0
    # `later`, due now; the supporters' mail batch is booked for the end of its period.
    assert value(after["undersigned_tasks"], "undersigned_tasks", state="queued") == 1
    assert DBTaskResult.objects.filter(task_path__endswith="supporter_mails_task").count() == 1
    supporters = after["undersigned_supporters"]
    assert value(supporters, "undersigned_supporters", state="unconfirmed") == 1
    assert value(supporters, "undersigned_supporters", state="confirmed") == 0
    oldest = value(
        after["undersigned_task_oldest_queued_seconds"], "undersigned_task_oldest_queued_seconds"
    )
    assert 0 <= oldest < 60
    age = value(
        after["undersigned_worker_heartbeat_age_seconds"],
        "undersigned_worker_heartbeat_age_seconds",
    )
    assert 4 <= age < 60


_WORKER = """
import os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "undersigned.settings"
django.setup()
from django.test import Client
client = Client()
for _ in range({count}):
    assert client.get("/healthz").status_code == 200
"""


def test_requests_answered_by_several_worker_processes_are_added_up(tmp_path, monkeypatch):
    """Two processes, as gunicorn's workers, count into one multiprocess directory."""
    directory = tmp_path / "metrics"
    directory.mkdir()
    env = {"PROMETHEUS_MULTIPROC_DIR": str(directory), "PATH": "/usr/bin:/bin"}
    src = Path(__file__).resolve().parents[2]
    for count in (3, 4):
        subprocess.run(
            [sys.executable, "-c", _WORKER.format(count=count)],
            env={**env, "PYTHONPATH": str(src)},
            check=True,
            timeout=120,
            capture_output=True,
        )
    assert len(list(directory.glob("*.db"))) >= 2  # one file per process and kind
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(directory))
    collected = {family.name: family.samples for family in metrics._request_metrics().collect()}
    assert (
        value(
            collected["undersigned_http_requests"],
            "undersigned_http_requests_total",
            view="operations:healthz",
            status="200",
        )
        == 7
    )


def test_an_exited_worker_s_counts_are_kept_when_its_files_are_folded_away(tmp_path, monkeypatch):
    directory = tmp_path / "metrics"
    directory.mkdir()
    src = Path(__file__).resolve().parents[2]
    env = {
        "PROMETHEUS_MULTIPROC_DIR": str(directory),
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(src),
    }
    for count in (2, 5):
        subprocess.run(
            [sys.executable, "-c", _WORKER.format(count=count)],
            env=env, check=True, timeout=120, capture_output=True,
        )  # fmt: skip
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(directory))

    def healthz_total() -> float:
        collected = {family.name: family.samples for family in metrics._request_metrics().collect()}
        return value(
            collected["undersigned_http_requests"],
            "undersigned_http_requests_total",
            view="operations:healthz",
        )

    assert healthz_total() == 7
    pids = sorted({int(path.stem.split("_")[1]) for path in directory.glob("counter_*.db")})
    assert len(pids) == 2
    for pid in pids:
        metrics.worker_metrics_retire(pid=pid, directory=str(directory))
        assert healthz_total() == 7
    assert sorted(path.name for path in directory.iterdir()) == [
        "counter_archive.db",
        "histogram_archive.db",
    ]
