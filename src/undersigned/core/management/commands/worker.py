import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from undersigned.core.worker import WorkerCompanion, worker_id_new


class Command(db_worker.Command):
    help = (
        "Run the background worker that sends email and does other queued work; it books the "
        "periodic tasks (core/periodic.py), records its heartbeat and puts back in the queue "
        "the tasks of workers that died (core/worker.py)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # Named at start-up after the machine and the process, so others can tell it is gone.
        parser.set_defaults(worker_id=None)
        parser.add_argument(
            "--no-periodic",
            action="store_false",
            dest="periodic",
            help="Do not book the periodic tasks (another worker or cron runs them).",
        )

    def handle(self, *args, worker_id, periodic, **options):
        # django-tasks-db's own command runs the worker loop; the companion runs beside it in
        # the process that runs tasks (with --reload, the child, not the watching parent).
        worker_id = worker_id or worker_id_new()
        companion = None
        reloads = options["reload"] and not options["batch"]  # as db_worker decides
        if not reloads or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            companion = WorkerCompanion(
                worker_id=worker_id,
                backend_name=options["backend_name"],
                interval=options["interval"],
                # A batch run works off what is queued and stops: it books nothing new.
                periodic=periodic and not options["batch"],
            )
            companion.start()
        try:
            super().handle(*args, worker_id=worker_id, **options)
        finally:
            if companion is not None:
                companion.stop()
