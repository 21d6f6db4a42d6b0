"""Prometheus metrics: what each request did, counted in-process; the site's state, read at scrape.

Two kinds, chosen for several gunicorn worker processes:
- Events only a request sees (requests by view and status, their duration, page-cache hits,
  search latency) are prometheus-client counters and histograms. With PROMETHEUS_MULTIPROC_DIR
  set (`undersigned serve` and the systemd units set one directory per app server), every
  worker process writes them to memory-mapped files there and a scrape adds them up, so the
  answer is the same whichever worker takes the scrape.
- The state of the site (sign-ups and confirmations, mails queued/sent/failed/retried, the
  task queue and its oldest task, the worker's heartbeat) is read from the database and the
  shared cache when scraped: it is the same from every app server and machine, survives
  restarts, and the worker process needs no metrics endpoint of its own.
"""

import os
import time
from collections.abc import Iterator
from pathlib import Path

from django.utils import timezone
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.mmap_dict import MmapedDict
from prometheus_client.multiprocess import MultiProcessCollector

from undersigned.operations import health, outbox, selectors

CONTENT_TYPE = CONTENT_TYPE_LATEST

REQUESTS = Counter(
    "undersigned_http_requests",
    "HTTP requests answered, by view, method and status code.",
    ["view", "method", "status"],
)
REQUEST_SECONDS = Histogram(
    "undersigned_http_request_duration_seconds",
    "Time to answer a request, by view.",
    ["view"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
PAGE_CACHE = Counter(
    "undersigned_page_cache_requests",
    "Requests for cached readers' pages: hit (served from the cache), "
    "not_modified (a 304 from the generations alone) or miss (rendered).",
    ["outcome"],
)
SEARCH_SECONDS = Histogram(
    "undersigned_search_duration_seconds",
    "Time to answer a search (statements, organisations), by view.",
    ["view"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)


def request_observed(
    *, view: str, method: str, status: int, seconds: float, page_cache: str | None
) -> None:
    """Count one answered request."""
    REQUESTS.labels(view, method, str(status)).inc()
    REQUEST_SECONDS.labels(view).observe(seconds)
    if page_cache:
        PAGE_CACHE.labels(page_cache).inc()
    if "search" in view:
        SEARCH_SECONDS.labels(view).observe(seconds)


class SiteStateCollector:
    """Read the site's state from the database and the cache, at each scrape."""

    def collect(self) -> Iterator[Metric]:
        now = timezone.now()
        counts = selectors.sign_up_counts()
        sign_ons = GaugeMetricFamily(
            "undersigned_sign_on_requests",
            "Organisations' sign-on requests, by status.",
            labels=["status"],
        )
        for status, total in sorted(counts.sign_ons_by_status.items()):
            sign_ons.add_metric([status], total)
        yield sign_ons
        yield GaugeMetricFamily(
            "undersigned_sign_on_confirmations",
            "Sign-on requests whose email address was confirmed.",
            value=counts.sign_ons_confirmed,
        )
        supporters = GaugeMetricFamily(
            "undersigned_supporters", "Individual supporters, by state.", labels=["state"]
        )
        supporters.add_metric(["unconfirmed"], counts.supporters - counts.supporters_confirmed)
        supporters.add_metric(["confirmed"], counts.supporters_confirmed)
        yield supporters

        mail = outbox.outbox_state()
        queue = outbox.queue_state()
        mails = GaugeMetricFamily(
            "undersigned_mails",
            "Mails by state: queued (a task, or a supporter's row, waits for it to be sent), "
            "sending, sent, failed, refused (the recipient's hourly cap was reached).",
            labels=["state"],
        )
        # Supporters' mails are asked for on their own rows, sent by the worker's batches.
        mails.add_metric(["queued"], queue.mails_waiting + counts.supporters_mail_waiting)
        mails.add_metric(["sending"], mail.sending)
        mails.add_metric(["sent"], mail.sent)
        mails.add_metric(["failed"], mail.failed)
        mails.add_metric(["refused"], mail.refused)
        yield mails
        yield GaugeMetricFamily(
            "undersigned_mail_retries",
            "Delivery attempts after a mail's first (retries), over the outbox.",
            value=mail.retries,
        )

        tasks = GaugeMetricFamily(
            "undersigned_tasks", "Background tasks by state.", labels=["state"]
        )
        tasks.add_metric(["queued"], queue.ready)
        tasks.add_metric(["running"], queue.running)
        yield tasks
        oldest = (now - queue.oldest_due_at).total_seconds() if queue.oldest_due_at else 0.0
        yield GaugeMetricFamily(
            "undersigned_task_oldest_queued_seconds",
            "How long the oldest task that is due has waited for a worker (0: none waits).",
            value=max(oldest, 0.0),
        )
        beat = health.worker_heartbeat()
        yield GaugeMetricFamily(
            "undersigned_worker_heartbeat_age_seconds",
            "Seconds since the worker's last heartbeat (NaN: none recorded).",
            value=max(time.time() - beat, 0.0) if beat is not None else float("nan"),
        )


def worker_metrics_retire(*, pid: int, directory: str) -> None:
    """Fold an exited worker process's counts into the directory's archive files, then drop its own.

    prometheus-client keeps a file per process and kind for ever, and gunicorn replaces a worker
    every few thousand requests (max-requests): without this, a busy server's directory would
    grow by thousands of files a day, each read at every scrape. Run by gunicorn's master when a
    worker exits (deploy/gunicorn.conf.py, child_exit); the master is the archive's only writer.
    A scrape at that very moment may count the worker twice or not at all, once.
    """
    folder = Path(directory)
    for kind in ("counter", "histogram", "summary"):
        own = folder / f"{kind}_{pid}.db"
        if not own.exists():
            continue
        archive = MmapedDict(str(folder / f"{kind}_archive.db"))
        try:
            for key, value, timestamp, _position in MmapedDict.read_all_values_from_file(str(own)):
                archive.write_value(key, archive.read_value(key)[0] + value, timestamp)
        finally:
            archive.close()
        own.unlink()
    multiprocess.mark_process_dead(pid, directory)


def _request_metrics() -> CollectorRegistry:
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not directory:
        return REGISTRY  # one process: its own counters, and its process metrics
    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=directory)
    return registry


class _Scrape:
    """What one scrape exposes: the request metrics and the site's state."""

    def collect(self) -> Iterator[Metric]:
        yield from _request_metrics().collect()
        yield from SiteStateCollector().collect()


def exposition() -> bytes:
    """Return the metrics in Prometheus's text format."""
    return generate_latest(_Scrape())  # type: ignore[arg-type]
