"""`undersigned serve` with several gunicorn workers: their request counts add up, and survive
a worker that exits (folded away by deploy/gunicorn.conf.py)."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from prometheus_client import CollectorRegistry
from prometheus_client.multiprocess import MultiProcessCollector

ROOT = Path(__file__).resolve().parents[3]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except OSError:
        return None


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _healthz_count(directory: Path) -> float:
    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=str(directory))
    return sum(
        sample.value
        for family in registry.collect()
        for sample in family.samples
        if sample.name == "undersigned_http_requests_total"
        and sample.labels.get("view") == "operations:healthz"
    )


@pytest.fixture
def served(tmp_path):
    """One `undersigned serve` of two workers, as deployed; yield its URL, pid and var dir."""
    port = _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "GUNICORN_", "PROMETHEUS_"))
    }
    env.update(
        UNDERSIGNED_VAR_DIR=str(tmp_path),
        ALLOWED_HOSTS="127.0.0.1",
        LOG_LEVEL="WARNING",
        GUNICORN_CMD_ARGS=f"--config {ROOT / 'deploy' / 'gunicorn.conf.py'}",
    )
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen(
        [Path(sys.executable).parent / "undersigned", "serve", "--port", str(port),
         "--workers", "2", "--threads", "1"],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while _status(f"{url}/healthz") != 200 or len(_children(server.pid)) < 2:
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    f"the app server did not start:\n{(tmp_path / 'serve.log').read_text()}"
                )
            time.sleep(0.1)
        yield url, server.pid, tmp_path
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_the_workers_of_one_app_server_count_into_one_total_that_outlives_them(served):
    url, master, var = served
    directory = var / "metrics" / url.rsplit(":", 1)[1]
    before = _healthz_count(directory)
    assert before >= 1  # the probes that waited for the server
    for _ in range(30):
        assert _status(f"{url}/healthz") == 200
    assert _healthz_count(directory) == before + 30
    # One file per worker that answered (which ones did is the kernel's choice).
    counted = {int(path.stem.split("_")[1]) for path in directory.glob("counter_*.db")}
    assert counted
    assert counted <= set(_children(master))

    worker = min(counted)
    os.kill(worker, signal.SIGTERM)  # gunicorn starts another in its place
    deadline = time.monotonic() + 20
    while not (directory / "counter_archive.db").exists() or worker in _children(master):
        assert time.monotonic() < deadline, "the exited worker's counts were not folded away"
        time.sleep(0.1)
    assert not (directory / f"counter_{worker}.db").exists()
    assert _healthz_count(directory) == before + 30
