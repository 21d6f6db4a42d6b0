"""What the load benchmarks share: their processes, ports, the production environment, a
scratch PostgreSQL database and Redis database, and the CPU others took meanwhile."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
UNDERSIGNED = str(VENV_BIN / "undersigned")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
WRK = shutil.which("wrk") or "/usr/bin/wrk"

# PostgreSQL for the benchmarks' own databases; BENCH_PG_SERVER names another (its Unix socket,
# say: postgresql://postgres@%2Fvar%2Frun%2Fpostgresql).
PG_SERVER = os.environ.get("BENCH_PG_SERVER", "postgresql://postgres@127.0.0.1:5432")

# The load balancer's side of deploy/nginx.conf, included in each proxied location.
PROXY_CONF = """
proxy_http_version 1.1;
proxy_set_header Connection "";
proxy_set_header Host $host;
proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
proxy_set_header X-Forwarded-Proto $scheme;
proxy_buffers 16 16k;
"""

# Readers' pages kept by nginx, exactly as deployed; the http block needs PAGE_CACHE_PATH.
PAGE_CACHE_CONF = (ROOT / "deploy" / "nginx-page-cache.conf").read_text()


def page_cache_path(folder: Path) -> str:
    """Return nginx's proxy_cache_path line for a cache kept in the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o777)  # nginx's worker processes run as another user
    return (
        f"proxy_cache_path {folder} levels=1:2 keys_zone=undersigned_pages:20m "
        "max_size=1g inactive=1d use_temp_path=off;"
    )


_HANDED_OUT: set[int] = set()


def free_port() -> int:
    """Return a free loopback port, never one this run has handed out already.

    The probe's port is free again once the probe closes, so two calls before anything listens
    could otherwise return the same port (nginx and the SMTP sink once did).
    """
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port not in _HANDED_OUT:
            _HANDED_OUT.add(port)
            return port


class Processes:
    """Processes a benchmark started, each in its own group, stopped in reverse order."""

    def __init__(self, logs: Path):
        self.logs = logs
        self.started: list[tuple[str, subprocess.Popen]] = []

    def start(
        self, name: str, command: list[str], env: dict[str, str], **popen
    ) -> subprocess.Popen:
        # Appended to: a process started again under its name (after a fault) keeps one log.
        log = (self.logs / f"{name}.log").open("ab")
        popen.setdefault("stdout", log)
        process = subprocess.Popen(  # noqa: S603 - our own commands
            command, cwd=ROOT, env=env, stderr=log, start_new_session=True, **popen
        )
        self.started.append((name, process))
        return process

    def kill(self, process: subprocess.Popen) -> None:
        """SIGKILL the process and its whole group (gunicorn's master and workers): a crash."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        self.started = [(n, p) for n, p in self.started if p is not process]

    def stop(self, process: subprocess.Popen) -> None:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        # Whatever of its group outlived it (a gunicorn worker whose master died) goes too.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        self.started = [(n, p) for n, p in self.started if p is not process]

    def stop_all(self) -> None:
        for _name, process in reversed(self.started):
            self.stop(process)


def wait_for(url: str, timeout: float = 60.0, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    problem = "no answer"
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError as error:
            problem = str(error)
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server for {url} stopped (exit {process.returncode})")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer within {timeout:.0f} s: {problem}")
        time.sleep(0.2)


def wait_for_port(port: int, timeout: float = 30.0, process: subprocess.Popen | None = None):
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server for port {port} stopped (exit {process.returncode})")
        if time.monotonic() > deadline:
            raise RuntimeError(f"nothing listens on port {port} after {timeout:.0f} s")
        time.sleep(0.1)


def fetch(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "Mozilla/5.0 bench-setup"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        return response.read()


def processes_now() -> Iterator[tuple[int, str, bytes, list[str]]]:
    """Yield each running process's pid, name, command line and /proc/PID/stat fields.

    The fields start after the name: fields[3] is the session, fields[11:15] the CPU ticks.
    """
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            command = Path(entry.path, "cmdline").read_bytes()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        yield int(entry.name), name, command, stat[stat.rindex(")") + 2 :].split()


class Machine:
    """How much of the CPU processes other than this benchmark's took: the machine is shared."""

    TICKS = os.sysconf("SC_CLK_TCK")

    def __init__(self, processes: Processes, db_name: str):
        self.processes = processes
        self.db_name = db_name

    @staticmethod
    def _busy() -> int:
        with open("/proc/stat") as stat:
            ticks = [int(n) for n in stat.readline().split()[1:]]
        return sum(ticks) - ticks[3] - ticks[4]  # all but idle and iowait

    def _ours(self) -> int:
        """Ticks of this benchmark's processes, their children, Redis and our database."""
        sessions = {process.pid for _name, process in self.processes.started}
        sessions.add(os.getsid(0))
        total = 0
        for _pid, name, command, fields in processes_now():
            if (
                int(fields[3]) in sessions
                or name == "redis-server"
                or (name == "postgres" and self.db_name.encode() in command)
            ):
                total += sum(int(n) for n in fields[11:15])  # utime stime cutime cstime
        return total

    def start(self) -> tuple[int, int, float]:
        return self._busy(), self._ours(), time.monotonic()

    def others_since(self, mark: tuple[int, int, float]) -> float:
        """The others' share of all cores since start() gave mark."""
        busy, ours, started = mark
        elapsed = time.monotonic() - started
        others = (self._busy() - busy) - (self._ours() - ours)
        return max(0.0, others / (elapsed * self.TICKS * (os.cpu_count() or 1)))

    def others_during(self, measure):
        """Run measure(); return its result and the others' share of all cores meanwhile."""
        mark = self.start()
        result = measure()
        return result, self.others_since(mark)


def production_env(var_dir: Path, *, db_name: str, redis_url: str) -> dict[str, str]:
    """The production settings, on a database and Redis database of the benchmark's own."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "UNDERSIGNED_", "DATABASE_", "REDIS_", "PAGE_CACHE"))
    }
    env.update(
        UNDERSIGNED_PRODUCTION="1",
        SECRET_KEY=secrets.token_urlsafe(50),
        DEBUG="0",
        # Plain HTTP to nginx on loopback: no redirect to HTTPS, which production makes.
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL="http://127.0.0.1",
        DATABASE_URL=f"postgres://{PG_SERVER.split('://', 1)[1]}/{db_name}",
        REDIS_URL=redis_url,
        UNDERSIGNED_MANIFEST_STATIC="1",
        UNDERSIGNED_VAR_DIR=str(var_dir),
        LOG_LEVEL="WARNING",
        GUNICORN_CMD_ARGS=f"--config {ROOT / 'deploy' / 'gunicorn.conf.py'}",
        PYTHONPATH=os.pathsep.join([str(BENCH), str(ROOT / "src")]),
    )
    return env


def database_reset(db_name: str, *, drop_only: bool = False) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {db_name} WITH (FORCE)")
        if not drop_only:
            connection.execute(f"CREATE DATABASE {db_name}")


def redis_flush(redis_url: str) -> None:
    import redis

    redis.Redis.from_url(redis_url).flushdb()


def prepare(env: dict[str, str]) -> None:
    """Migrate the fresh database and collect the static files, as a deployment does."""
    for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([UNDERSIGNED, *command], cwd=ROOT, env=env, check=True)  # noqa: S603


def serve(processes: Processes, env: dict, name: str, port: int, workers: int, threads: int):
    process = processes.start(
        name,
        [UNDERSIGNED, "serve", "--port", str(port), "--workers", str(workers),
         "--threads", str(threads)],
        env,
    )  # fmt: skip
    wait_for(f"http://127.0.0.1:{port}/en/", process=process)
    return process
