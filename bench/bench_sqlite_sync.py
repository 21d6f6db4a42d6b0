"""What SQLite's synchronous=FULL costs: supporters' sign-ups per second, NORMAL against FULL.

Run from the repository root: ``python bench/bench_sqlite_sync.py`` (``--seconds`` per round,
``--rounds``). It makes a SQLite database of its own in a temporary folder (as `make run` has
it: WAL, the site's settings), migrates it, and publishes one statement. Each sign-up is the
site's own service (`supporter_sign_up`, signatures/supporters.py): the supporter's row, which
asks for its mail (the batch is booked once a second), committed before the next begins, as
one app server does under a rush. The two modes take turns, so that a change in the machine's
load weighs on both.

With NORMAL in WAL mode a commit is not synced to disk: a power cut may lose the last
confirmed signatures. FULL syncs the log at every commit. Prints a Markdown section.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup(folder: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["UNDERSIGNED_VAR_DIR"] = str(folder)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "undersigned.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def publish_statement():
    from django.utils import timezone

    from undersigned.statements.models import Statement, StatementTranslation

    statement = Statement.objects.create(
        slug="bench-sync", status=Statement.Status.PUBLISHED, published_at=timezone.now()
    )
    StatementTranslation.objects.create(
        statement=statement, language="en", title="On durability", body="We sign."
    )
    return statement


def sign_ups_per_second(statement, mode: str, seconds: float, start: int) -> tuple[float, int]:
    """Sign up new supporters for `seconds` with the given mode; return the rate and count."""
    from django.db import connection

    from undersigned.signatures.supporters import supporter_sign_up

    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA synchronous={mode}")
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == {"NORMAL": 1, "FULL": 2}[mode]
    done = 0
    began = time.perf_counter()
    while (elapsed := time.perf_counter() - began) < seconds:
        supporter_sign_up(
            statement=statement,
            name=f"Reader {start + done}",
            place="Yerevan",
            email=f"reader{start + done}@example.am",
            show_name=True,
            language="en",
        )
        done += 1
    return done / elapsed, done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="length of one round")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of each mode")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="undersigned-bench-sync-") as folder:
        setup(Path(folder))
        from django.db import connection

        statement = publish_statement()
        rates: dict[str, list[float]] = {"NORMAL": [], "FULL": []}
        total = 0
        for _ in range(args.rounds):
            for mode in ("NORMAL", "FULL"):
                rate, done = sign_ups_per_second(statement, mode, args.seconds, total)
                rates[mode].append(rate)
                total += done
        connection.close()
    normal = sum(rates["NORMAL"]) / len(rates["NORMAL"])
    full = sum(rates["FULL"]) / len(rates["FULL"])
    print(
        f"One process signing up supporters through `supporter_sign_up` on SQLite (WAL), "
        f"{args.rounds} rounds of {args.seconds:g} s per mode, taking turns; {total} sign-ups.\n"
    )
    print("| `PRAGMA synchronous` | sign-ups per second | ms per sign-up |")
    print("| --- | ---: | ---: |")
    for mode, rate in (("NORMAL", normal), ("FULL (the site's setting)", full)):
        print(f"| {mode} | {rate:,.0f} | {1000 / rate:.2f} |")
    print(f"\nFULL keeps {full / normal:.0%} of NORMAL's rate.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
