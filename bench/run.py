"""`make bench`: run every benchmark and write the figures to docs/performance.md.

Each benchmark is a script in this folder that prints a Markdown section; this runner records
the machine and the commands beside the figures, so that anyone can reproduce them.
"""

import os
import platform
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "performance.md"
sys.path.insert(0, str(ROOT / "bench"))

from harness import processes_now  # noqa: E402 - the folder above is not a package

# (title, command relative to the repository root)
BENCHMARKS = [
    ("Organisation-name matching", [sys.executable, "bench/bench_matching.py"]),
    # Readers: the statement, archive and search pages under wrk, against nginx's ceiling.
    ("Readers' pages under load", [sys.executable, "bench/bench_web.py"]),
    # Search: 100,000 statements and 1,000,000 signatories, SQLite and PostgreSQL.
    ("Search at scale", [sys.executable, "bench/bench_search.py"]),
    # Sign-on rush: individual supporters signing up and confirming through crashes.
    ("Sign-on rush", [sys.executable, "bench/bench_signon.py"]),
    # Durability: what synchronous=FULL costs SQLite's sign-ups against NORMAL.
    ("SQLite durability", [sys.executable, "bench/bench_sqlite_sync.py"]),
    # Insights: 5,000 organisations, 100,000 statements; the maps' computation, pages from cache.
    ("Insights at scale", [sys.executable, "bench/bench_insights.py"]),
]


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB memory"
    system = f"{platform.platform()}; Python {platform.python_version()}"
    return f"{os.cpu_count()} cores ({cpu}){memory}; {system}"


def speed_probe() -> float:
    """Return the CPU time, in ms, of a fixed piece of pure-Python work.

    On a shared host the same work takes more CPU time when neighbours take the cores' caches
    and turbo away: the figures beside it (CPU per request, ms per search) grow with it. Taken
    before and after each benchmark so that figures from different hours can be compared.
    """
    started = time.process_time()
    total = 0
    for number in range(2_000_000):
        total += number % 7
    return (time.process_time() - started) * 1000


class OtherLoad(threading.Thread):
    """The share of the machine's cores that work other than a benchmark's took while it ran.

    The benchmark's work: its processes (this session and the sessions they start), Redis, and
    PostgreSQL's backends for databases named *bench*. Sampled every half second, so that a
    process that ends meanwhile still counts as the benchmark's.
    """

    TICKS = os.sysconf("SC_CLK_TCK")

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.done = threading.Event()
        self.first: dict[int, int] = {}
        self.last: dict[int, int] = {}
        self.ours_sessions = {os.getsid(0)}
        self.servers: set[int] = set()
        self.busy_start = self._busy()
        self.steal_start = self._ticks()[7]
        self.started = time.monotonic()
        self.load_start = os.getloadavg()[0]
        self._sample(baseline=True)

    @staticmethod
    def _ticks() -> list[int]:
        with open("/proc/stat") as stat:
            return [int(n) for n in stat.readline().split()[1:]]

    @classmethod
    def _busy(cls) -> int:
        ticks = cls._ticks()
        return sum(ticks) - ticks[3] - ticks[4]  # all but idle and iowait

    def _sample(self, *, baseline: bool = False) -> None:
        me = os.getpid()
        for pid, name, command, fields in processes_now():
            session, parent = int(fields[3]), int(fields[1])
            ticks = sum(int(n) for n in fields[11:13])
            if pid not in self.first:
                started_by_us = (
                    session in self.ours_sessions
                    or parent == me
                    or (parent in self.first and parent not in self.servers)
                )
                if started_by_us:
                    # A benchmark starts servers in sessions of their own: theirs are ours too.
                    self.ours_sessions.add(session)
                elif name == "redis-server" or (name == "postgres" and b"bench" in command):
                    self.servers.add(pid)
                else:
                    continue
                self.first[pid] = ticks if baseline else 0
            self.last[pid] = ticks

    def run(self) -> None:
        while not self.done.wait(0.5):
            self._sample()

    def stop(self) -> str:
        self.done.set()
        self._sample()
        elapsed = time.monotonic() - self.started
        ours = sum(self.last[pid] - first for pid, first in self.first.items())
        others = max(0, self._busy() - self.busy_start - ours)
        capacity = max(1.0, elapsed * self.TICKS * (os.cpu_count() or 1))
        share = others / capacity
        # Time the hypervisor gave this machine's cores to other machines: it counts as busy.
        stolen = (self._ticks()[7] - self.steal_start) / capacity
        return (
            f"the machine's other load meanwhile: {share:.0%} of its {os.cpu_count()} cores "
            f"({stolen:.0%} taken by the host), "
            f"load average {self.load_start:.1f} → {os.getloadavg()[0]:.1f}"
        )


def main() -> int:
    sections = []
    failed = False
    for title, command in BENCHMARKS:
        print(f"== {title}: {' '.join(command[1:])}", flush=True)
        started = time.monotonic()
        probe_before = speed_probe()
        others = OtherLoad()
        others.start()
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)  # noqa: S603
        load = others.stop()
        load += (
            f"; the speed probe (a fixed Python loop, see run.py) {probe_before:.0f} ms before, "
            f"{speed_probe():.0f} ms after"
        )
        print(result.stdout, end="")
        if result.returncode != 0:
            failed = True
            print(result.stderr, file=sys.stderr)
        command_text = " ".join(["python", *command[1:]])
        sections.append(
            f"## {title}\n\nCommand: `{command_text}` ({time.monotonic() - started:.0f} s; "
            f"{load})\n\n"
            + result.stdout.strip()
            + ("\n\n**This benchmark failed.**" if result.returncode else "")
            + "\n"
        )
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(
        "# Performance\n\n"
        f"Written by `make bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.\n\n"
        f"Machine: {machine()}.\n\n" + "\n".join(sections)
    )
    print(f"Figures written to {OUTPUT.relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
