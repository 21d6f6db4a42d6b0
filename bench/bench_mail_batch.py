"""The worker's CPU per supporter's confirmation mail: supporter_mails_send on many waiting rows.

Run from the repository root: ``python bench/bench_mail_batch.py`` (``--supporters`` changes
how many rows want a mail, ``--profile`` prints cProfile's hot spots). It needs PostgreSQL and
Redis on 127.0.0.1 and uses a database and Redis database of its own (``--db``, ``--redis``,
or BENCH_MAIL_DB and BENCH_MAIL_REDIS; by default ``undersigned_bench_mail`` and database 13),
created and migrated if need be; each run replaces the benchmark's statement and supporters.
The mail goes by SMTP to an aiosmtpd sink in a process of its own, so the figure is the
worker's side alone: rendering, merging, records, MIME and the SMTP client.

One statement takes supporters, with its title in English, Armenian and Russian; the rows ask
for their mail in the three languages in turn (``--languages en`` for English alone), with
names in the three scripts. A first short run (not counted) loads templates, catalogues and URL
patterns, as a worker that has run once has them. The figure is this process's CPU time
(time.process_time) for supporter_mails_send over all the rows, divided by the mails sent; the
sink's count is checked against it.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import PG_SERVER, ROOT, free_port, wait_for_port

SLUG = "bench-supporters-mail"
TITLES = {
    "en": "Open letter for clean air at schools",
    "hy": "Բաց նամակ՝ դպրոցներում մաքուր օդի համար",
    "ru": "Открытое письмо за чистый воздух в школах",
}
NAMES = {"en": "Anna Smith", "hy": "Անի Պետրոսյան", "ru": "Анна Иванова"}

SINK = """
import sys, threading
from aiosmtpd.controller import Controller

out = open(sys.argv[2], "a", buffering=1)

class Handler:
    async def handle_DATA(self, server, session, envelope):
        for recipient in envelope.rcpt_tos:
            out.write(f"{recipient}\\t{len(envelope.content)}\\n")
        return "250 OK"

Controller(Handler(), hostname="127.0.0.1", port=int(sys.argv[1])).start()
threading.Event().wait()
"""


def configure(*, db_name: str, redis_url: str, smtp_port: int) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="undersigned.settings",
        DATABASE_URL=f"{PG_SERVER.replace('postgresql', 'postgres')}/{db_name}",
        REDIS_URL=redis_url,
        EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
        MAIL_FULL_COPIES="0",
        DEBUG="0",
        SITE_URL="https://undersigned.example",
        LOG_LEVEL="WARNING",
    )
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def database_prepare(db_name: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db_name])
        if found.fetchone() is None:
            connection.execute(f"CREATE DATABASE {db_name}")


def statement_fresh():
    """Return the benchmark's statement, new, with no supporters and no mail recorded."""
    from django.utils import timezone

    from undersigned.core.models import OutgoingMail
    from undersigned.core.text import render_markdown
    from undersigned.statements.models import Statement, StatementTranslation

    Statement.objects.filter(slug=SLUG).delete()
    OutgoingMail.objects.filter(topic__startswith="supporter:").delete()
    statement = Statement.objects.create(
        slug=SLUG,
        status=Statement.Status.PUBLISHED,
        published_at=timezone.now() - timezone.timedelta(hours=2),
        original_language="en",
    )
    for language, title in TITLES.items():
        body = f"{title}. " * 12
        StatementTranslation.objects.create(
            statement=statement,
            language=language,
            title=title,
            body=body,
            body_html=render_markdown(body),
        )
    return statement


def supporters_waiting(statement, count: int, start: int, languages: list[str]) -> None:
    """Insert rows that want their confirmation mail, as supporter_sign_up leaves them."""
    from django.conf import settings
    from django.utils import timezone

    from undersigned.core.addresses import mailbox
    from undersigned.signatures.models import SignOnToken, Supporter
    from undersigned.signatures.supporters import _supporter_confirm_token

    now = timezone.now()
    rows = []
    for number in range(start, start + count):
        language = languages[number % len(languages)]
        email = f"supporter{number}@mail.example.am"
        row = Supporter(
            statement=statement,
            name=f"{NAMES[language]} {number}",
            place="Gyumri",
            email=email,
            mailbox=mailbox(email),
            show_name=True,
            language=language,
            created_at=now,
            confirm_expires_at=now + timezone.timedelta(days=settings.SIGNON_TOKEN_DAYS),
            mail_wanted_at=now,
        )
        row.confirm_digest = SignOnToken.digest_of(_supporter_confirm_token(row))
        rows.append(row)
    Supporter.objects.bulk_create(rows, batch_size=1000)


def sink_wait(path: Path, count: int, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    received = 0
    while time.monotonic() < deadline:
        received = len(path.read_text().splitlines())
        if received >= count:
            break
        time.sleep(0.1)
    return received


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--supporters", type=int, default=2000)
    parser.add_argument("--warm-up", type=int, default=30)
    parser.add_argument("--languages", default="en,hy,ru", help="the rows' languages, in turn")
    parser.add_argument("--db", default=os.environ.get("BENCH_MAIL_DB", "undersigned_bench_mail"))
    parser.add_argument(
        "--redis", default=os.environ.get("BENCH_MAIL_REDIS", "redis://127.0.0.1:6379/13")
    )
    parser.add_argument("--profile", action="store_true", help="print cProfile's hot spots")
    parser.add_argument("--top", type=int, default=35)
    options = parser.parse_args()

    database_prepare(options.db)
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        received_log = Path(tmp) / "received.tsv"
        received_log.touch()
        sink = subprocess.Popen(  # noqa: S603
            [sys.executable, "-c", SINK, str(port), str(received_log)]
        )
        try:
            wait_for_port(port)
            configure(db_name=options.db, redis_url=options.redis, smtp_port=port)
            from django.core.cache import cache
            from django.core.management import call_command

            from undersigned.signatures.supporters import supporter_mails_send

            call_command("migrate", verbosity=0)
            cache.clear()
            statement = statement_fresh()
            languages = options.languages.split(",")
            supporters_waiting(statement, options.warm_up, start=0, languages=languages)
            supporter_mails_send(statement_id=statement.pk)
            supporters_waiting(
                statement, options.supporters, start=options.warm_up, languages=languages
            )

            profile = cProfile.Profile(time.process_time) if options.profile else None
            wall, cpu = time.perf_counter(), time.process_time()
            if profile:
                profile.enable()
            sent = supporter_mails_send(statement_id=statement.pk)
            if profile:
                profile.disable()
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            received = sink_wait(received_log, options.warm_up + sent) - options.warm_up
        finally:
            sink.terminate()
            sink.wait()
    print(f"mails sent: {sent}, received by the sink: {received}")
    print(f"CPU {cpu:.3f} s, {cpu / sent * 1000:.3f} ms per mail; wall {wall:.3f} s")
    if profile:
        stats = pstats.Stats(profile).strip_dirs()
        stats.sort_stats("tottime").print_stats(options.top)
        stats.sort_stats("cumulative").print_stats(options.top)
    if received != sent:
        sys.exit("The sink did not receive every mail sent.")


if __name__ == "__main__":
    main()
