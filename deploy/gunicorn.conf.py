"""Gunicorn settings for `undersigned serve` (GUNICORN_CMD_ARGS="--config deploy/gunicorn.conf.py").

`undersigned serve` sets the address, workers, threads, worker class, access log and the
max-requests recycling on gunicorn's command line, which wins over this file; these are the
settings it leaves open. See docs/deployment.md.
"""

# Load Django once in the master and fork the workers from it: a worker recycled after its
# max-requests starts in milliseconds instead of importing Django again (about a second of CPU
# on a small machine, taken from the readers). Restart (not reload) to deploy new code.
preload_app = True

# nginx keeps connections to the app servers open (upstream keepalive); hold ours a little
# longer than its idle timeout so that nginx, not gunicorn, closes an idle one.
keepalive = 75

# Connections waiting for a worker during a rush, beyond which the kernel refuses new ones.
backlog = 2048


def child_exit(server, worker):
    """Fold an exited worker's request metrics into the server's totals (operations/metrics.py)."""
    import os

    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        from undersigned.operations.metrics import worker_metrics_retire

        worker_metrics_retire(pid=worker.pid, directory=directory)
