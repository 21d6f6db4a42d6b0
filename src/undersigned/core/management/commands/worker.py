import os

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from undersigned.core.worker import RecoveringWorker, worker_id_new


class Command(db_worker.Command):
    help = (
        "Run the background worker that sends email and does other queued work; it puts back "
        "in the queue the tasks of workers that died (see core/worker.py)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # Named at start-up after the machine and the process, so others can tell it is gone.
        parser.set_defaults(worker_id=None)

    # db_worker's own handle, with the worker that recovers lost tasks.
    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ):
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = RecoveringWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id or worker_id_new(),
            excluded_queue_names=excluded_queue_names,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only in the child that runs the tasks
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
