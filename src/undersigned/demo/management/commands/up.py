import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from undersigned.core.accounts import admin_login_show, admin_password_validate
from undersigned.core.services import admin_account_ensure


class Command(BaseCommand):
    help = (
        "Set up and serve the site: migrate, collect static files, load the demo once, "
        "create the admin account, then run the web server and the background worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-demo", action="store_true", help="Do not load demo content.")
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))

    def handle(self, *args, no_demo, port, host, **options):
        from undersigned.operations.upgrades import serving_refusal

        admin_password_validate()
        # In production, migrations are the administrator's step (after a backup), not ours.
        refusal = serving_refusal(production=settings.PRODUCTION)
        if refusal:
            raise CommandError(refusal)
        if not settings.PRODUCTION:
            call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        if not no_demo:
            call_command("demo")
        username, password, _created = admin_account_ensure()
        url = f"http://{host}:{port}/"
        self.stdout.write(self.style.SUCCESS(f"\nUndersigned is starting on {url}"))
        self.stdout.write(f"Back office: {url}en/admin/")
        admin_login_show(username=username, password=password, created=_created, out=self.stdout)
        self.stdout.write(
            f"Database: {settings.DATABASES['default']['NAME']}\nPress Ctrl-C to stop.\n"
        )
        sys.stdout.flush()

        manage = [sys.executable, "-m", "undersigned"]
        worker = subprocess.Popen([*manage, "worker"])  # noqa: S603
        server = subprocess.Popen([*manage, "serve", "--host", host, "--port", str(port)])  # noqa: S603

        def stop(signum, frame):
            for process in (server, worker):
                if process.poll() is None:
                    process.terminate()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            server.wait()
        finally:
            stop(None, None)
            worker.wait(timeout=30)
            server.wait(timeout=30)
