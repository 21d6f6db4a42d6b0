import os
import shutil
import sys

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the site with gunicorn, the production WSGI server."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", str((os.cpu_count() or 1) * 2 + 1))),
        )
        parser.add_argument("--threads", type=int, default=int(os.environ.get("THREADS", "4")))

    def handle(self, *args, host, port, workers, threads, **options):
        os.makedirs(settings.VAR_DIR, exist_ok=True)
        if "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
            # The workers' request metrics (operations/metrics.py), one directory per server:
            # emptied at start, as prometheus-client's multiprocess mode requires.
            metrics_dir = settings.VAR_DIR / "metrics" / str(port)
            shutil.rmtree(metrics_dir, ignore_errors=True)
            metrics_dir.mkdir(parents=True)
            os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
        command = [
            sys.executable, "-m", "gunicorn", "undersigned.wsgi:application",
            "--bind", f"{host}:{port}",
            "--workers", str(workers),
            "--threads", str(threads),
            "--worker-class", "gthread",
            # No access log: the app logs one line per request, with its id (operations/).
            "--forwarded-allow-ips", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
            "--graceful-timeout", "20",
            "--max-requests", "5000", "--max-requests-jitter", "500",
        ]  # fmt: skip
        self.stdout.write(f"Serving Undersigned on http://{host}:{port}/ with {workers} workers")
        sys.stdout.flush()
        os.execv(sys.executable, command)  # noqa: S606 - replace this process with gunicorn
