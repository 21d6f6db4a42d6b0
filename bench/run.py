"""`make bench`: run every benchmark and write the figures to docs/performance.md.

Each benchmark is a script in this folder that prints a Markdown section; this runner records
the machine and the commands beside the figures, so that anyone can reproduce them.
"""

import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "performance.md"

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


def main() -> int:
    sections = []
    failed = False
    for title, command in BENCHMARKS:
        print(f"== {title}: {' '.join(command[1:])}", flush=True)
        started = time.monotonic()
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)  # noqa: S603
        print(result.stdout, end="")
        if result.returncode != 0:
            failed = True
            print(result.stderr, file=sys.stderr)
        command_text = " ".join(["python", *command[1:]])
        sections.append(
            f"## {title}\n\nCommand: `{command_text}` ({time.monotonic() - started:.0f} s)\n\n"
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
