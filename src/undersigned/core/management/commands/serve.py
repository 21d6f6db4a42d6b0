import os
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
        command = [
            sys.executable, "-m", "gunicorn", "undersigned.wsgi:application",
            "--bind", f"{host}:{port}",
            "--workers", str(workers),
            "--threads", str(threads),
            "--worker-class", "gthread",
            "--access-logfile", "-",
            "--forwarded-allow-ips", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
            "--graceful-timeout", "20",
            "--max-requests", "5000", "--max-requests-jitter", "500",
        ]  # fmt: skip
        self.stdout.write(f"Serving Undersigned on http://{host}:{port}/ with {workers} workers")
        sys.stdout.flush()
        os.execv(sys.executable, command)  # noqa: S606 - replace this process with gunicorn
