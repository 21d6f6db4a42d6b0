"""The sign-on rush: members of the public supporting one statement at once, through crashes.

Run from the repository root: ``python bench/bench_signon.py`` (``--duration``, ``--clients``
change the load; ``--no-kill-worker`` leaves the worker alone, ``--no-faults`` kills nothing,
``--apps 1`` runs one app server instead of two). It needs PostgreSQL and Redis on 127.0.0.1,
Debian's nginx and pgbench, and sets up everything else itself, removing it at the end:

- a fresh PostgreSQL database and Redis database, flushed (``BENCH_SIGNON_DB``,
  ``BENCH_SIGNON_REDIS``; by default ``undersigned_bench_signon`` and database 14);
- the production settings (as bench_web.py), with the supporters' rate limit by address raised,
  since every client comes from 127.0.0.1, and mail sent by SMTP to a sink this benchmark runs
  in a process of its own (a bare asyncio SMTP server), which writes down each message's
  recipient and link;
- one published statement that takes supporters;
- two app servers (``undersigned serve``) behind nginx as load balancer with the page cache of
  deploy/nginx-page-cache.conf, and the worker.

A load generator in another process (asyncio, with a bare HTTP/1.1 client) plays many clients
at once. Each sign-up is a new visitor: GET the support form without cookies, POST it as a
browser does (Origin and Sec-Fetch-Site; the CSRF cookie and token too, should the form carry
one) with a new address, and take the redirect as the acceptance. When the sign-up's mail
reaches the sink, the visitor GETs the confirmation page and POSTs its Confirm button.

The CPU each part takes is read from /proc: over the whole run (rush and drain), and over a
steady window of the rush (from 5 s to the first fault) that no restart weighs on. After the
drain, pgbench measures PostgreSQL's own single-row insert rate on the same machine, for scale.

A third of the way in, one app server's gunicorn (master and workers) is SIGKILLed and started
again; nginx passes GETs that fail on to the other server, never POSTs. Two thirds of the way
in, the worker is SIGKILLed and started again: the tasks it held go back to the queue
(core/worker.py), and a mail sent again carries its first copy's Message-ID. A POST whose answer was
lost may have been stored: the client sends it again (a sign-up is idempotent per address), and
the integrity check after the run counts such addresses apart rather than calling them lost.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import os
import quopri
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from harness import (
    NGINX,
    PAGE_CACHE_CONF,
    PG_SERVER,
    PROXY_CONF,
    ROOT,
    UNDERSIGNED,
    Machine,
    Processes,
    database_reset,
    free_port,
    page_cache_path,
    prepare,
    processes_now,
    production_env,
    redis_flush,
    serve,
    wait_for,
    wait_for_port,
)

# Where the run keeps its data: its own database and Redis database (--db-name, --redis-url).
DB_NAME = os.environ.get("BENCH_SIGNON_DB", "undersigned_bench_signon")
REDIS_URL = os.environ.get("BENCH_SIGNON_REDIS", "redis://127.0.0.1:6379/14")
SLUG = "open-letter-for-clean-air"
FORM = f"/en/statements/{SLUG}/support/"
TARGET = 500  # accepted sign-ups per second for 60 s, through the faults (issue 17)
# Every client shares 127.0.0.1: the limit by address would otherwise stop the rush at 60/h.
RATE_LIMIT_IP = "100000000/m"

# Two app servers on two cores: one gunicorn worker process each, two threads so that a
# request waiting on PostgreSQL or Redis does not leave its core idle. More threads only
# contend for the interpreter: measured with 3,000 sign-ups (GET and POST) one after another
# from 8 clients, the app servers spent 1.45 ms of CPU per sign-up with 2 threads, 1.68 with
# 4 and 1.63 with 1.
WORKERS = 1
THREADS = 2

NGINX_CONF = """
daemon off;
worker_processes 1;
pid %(tmp)s/nginx.pid;
error_log %(tmp)s/nginx-error.log error;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path %(tmp)s/client_body;
  proxy_temp_path %(tmp)s/proxy;
  fastcgi_temp_path %(tmp)s/fastcgi;
  uwsgi_temp_path %(tmp)s/uwsgi;
  scgi_temp_path %(tmp)s/scgi;
  keepalive_requests 100000;
  %(page_cache_path)s

  upstream app_servers {
    least_conn;
%(servers)s
    keepalive 64;
  }
  server {
    listen 127.0.0.1:%(lb)s backlog=4096;
    location / {
      proxy_pass http://app_servers;
      include %(tmp)s/proxy.conf;
      # The readers' pages, the support form among them, kept by nginx as deployed.
      include %(tmp)s/page-cache.conf;
      # A GET that fails on a dead server is asked of the other; a POST never is (nginx
      # passes on non-idempotent requests only with "non_idempotent"), so its client learns.
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      proxy_read_timeout 30s;
    }
  }
}
"""


# --- the statement, made in a child process that has the production settings ---


def setup_statement() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "undersigned.settings")
    django.setup()
    from django.utils import timezone

    from undersigned.core.text import render_markdown
    from undersigned.statements.models import Statement, StatementTranslation

    statement = Statement.objects.create(
        slug=SLUG,
        status=Statement.Status.PUBLISHED,
        published_at=timezone.now() - timezone.timedelta(hours=2),
        original_language="en",
    )
    body = "We, the undersigned, ask the city to measure the air at every school. " * 12
    StatementTranslation.objects.create(
        statement=statement,
        language="en",
        title="Open letter for clean air at schools",
        body=body,
        body_html=render_markdown(body),
    )


# --- the SMTP sink, in a process of its own ---

# The link as mailed now (the token in the query string) or before (the token in the path).
CONFIRM_LINK = re.compile(r"https?://\S+/support/confirm/(?:\?token=[\w-]+|[^\s/?]+/)")


# The plain-text part of a message as Django writes it: its headers, then its body up to the
# next boundary.
TEXT_PART = re.compile(
    rb"Content-Type: text/plain[^\r]*\r\n((?:[^\r]+\r\n)*?)\r\n(.*?)\r\n--", re.DOTALL
)
MESSAGE_ID = re.compile(rb"^Message-ID:[ \t]*(\S+)", re.IGNORECASE | re.MULTILINE)


def smtp_sink(port: int, out: Path) -> None:
    """Receive mail on port; one line per message: time, recipient, kind, link, Message-ID.

    A bare SMTP server on asyncio's protocols, not aiosmtpd (which the tests use): aiosmtpd
    reads a message a line at a time in Python, which cost about as much CPU per mail as the
    whole sign-up on this 2-core machine and took it from the processes measured. A real mail
    server would sit on another machine. It speaks what Django's SMTP backend (smtplib) says,
    and reads each message's link and Message-ID from its bytes (the whole MIME parse only when
    the text is encoded so that the link is not found as it is).
    """
    import email
    import email.policy

    record = out.open("a", buffering=1)

    def received(content: bytes, recipients: list[str]) -> None:
        found = CONFIRM_LINK.search(content.decode("utf-8", "replace"))
        if found is None and (part := TEXT_PART.search(content)) is not None:
            headers, body = part[1].lower(), part[2]
            if b"transfer-encoding: base64" in headers:
                body = base64.b64decode(body)
            elif b"transfer-encoding: quoted-printable" in headers:
                body = quopri.decodestring(body)
            found = CONFIRM_LINK.search(body.decode("utf-8", "replace"))
        if found is None:
            message = email.message_from_bytes(content, policy=email.policy.default)
            body = message.get_body(preferencelist=("plain",))
            found = CONFIRM_LINK.search(body.get_content() if body is not None else "")
        link = found.group() if found else ""
        head = content.split(b"\r\n\r\n", 1)[0]
        message_id = MESSAGE_ID.search(head)
        for recipient in recipients:
            record.write(
                f"{time.time():.3f}\t{recipient.lower()}\t{'confirm' if link else 'other'}"
                f"\t{link}\t{message_id.group(1).decode() if message_id else ''}\n"
            )

    class Session(asyncio.Protocol):
        def connection_made(self, transport):
            self.transport, self.buffer, self.data, self.recipients = transport, b"", None, []
            transport.write(b"220 sink ESMTP\r\n")

        def data_received(self, chunk: bytes) -> None:
            self.buffer += chunk
            while True:
                if self.data is not None:
                    end = self.buffer.find(b"\r\n.\r\n")
                    if end < 0:
                        return
                    content = self.buffer[:end].replace(b"\r\n..", b"\r\n.")
                    self.buffer = self.buffer[end + 5 :]
                    self.data = None
                    received(content, self.recipients)
                    self.recipients = []
                    self.transport.write(b"250 OK\r\n")
                    continue
                line, found, rest = self.buffer.partition(b"\r\n")
                if not found:
                    return
                self.buffer = rest
                self.command(line)

        def command(self, line: bytes) -> None:
            verb = line[:4].upper()
            if verb == b"EHLO":
                self.transport.write(b"250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
            elif verb == b"RCPT":
                address = line.split(b":", 1)[1].strip().split(b" ")[0].strip(b"<>")
                self.recipients.append(address.decode())
                self.transport.write(b"250 OK\r\n")
            elif verb == b"DATA":
                self.data = b""
                self.transport.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
            elif verb == b"QUIT":
                self.transport.write(b"221 Bye\r\n")
                self.transport.close()
            else:  # HELO, MAIL, RSET, NOOP
                self.recipients = [] if verb in (b"MAIL", b"RSET") else self.recipients
                self.transport.write(b"250 OK\r\n")

    async def serve() -> None:
        server = await asyncio.get_running_loop().create_server(Session, "127.0.0.1", port)
        async with server:
            await server.serve_forever()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve())


# --- the load generator, in a process of its own ---

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LOST = "lost"  # no answer, or nginx's 502/504: the app may or may not have stored it


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class Http:
    """HTTP/1.1 with keep-alive on asyncio's streams: the load generator's client.

    aiohttp took about 0.35 ms of CPU per request on this 2-core machine, as much as nginx and
    PostgreSQL together, and took it from the processes measured; this reads only what the
    benchmark needs (status, body, the CSRF cookie). Connections are kept and reused as a
    browser's are; a GET that finds its kept connection closed is sent again on a new one.
    """

    def __init__(self, base: str):
        from urllib.parse import urlsplit

        address = urlsplit(base)
        self.host, self.port, self.netloc = address.hostname, address.port, address.netloc
        self.idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []

    async def request(
        self, method: str, path: str, headers: dict[str, str], body: bytes = b""
    ) -> tuple[int, bytes, str]:
        for attempt in range(2):
            kept = bool(self.idle)
            reader, writer = (
                self.idle.pop() if kept else await asyncio.open_connection(self.host, self.port)
            )
            try:
                return await asyncio.wait_for(
                    self._exchange(reader, writer, method, path, headers, body), 30
                )
            except (OSError, EOFError, asyncio.IncompleteReadError, TimeoutError):
                writer.close()
                if not (kept and method == "GET" and attempt == 0):
                    raise
        raise ConnectionError("no answer")

    async def _exchange(self, reader, writer, method, path, headers, body):
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.netloc}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        if body or method == "POST":
            lines.append(f"Content-Length: {len(body)}")
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        status_line = await reader.readline()
        if not status_line:
            raise EOFError("connection closed")
        status = int(status_line.split()[1])
        length, chunked, close, cookie = None, False, False, ""
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding":
                chunked = "chunked" in value.lower()
            elif name == "connection":
                close = value.lower() == "close"
            elif name == "set-cookie" and value.startswith("csrftoken="):
                cookie = value.split(";", 1)[0].split("=", 1)[1]
        if chunked:
            parts = []
            while size := int((await reader.readline()).split(b";")[0], 16):
                parts.append(await reader.readexactly(size))
                await reader.readline()
            await reader.readline()
            data = b"".join(parts)
        elif length is not None:
            data = await reader.readexactly(length)
        else:
            data, close = await reader.read(), True
        if close:
            writer.close()
        else:
            self.idle.append((reader, writer))
        return status, data, cookie


async def load(args) -> None:
    from urllib.parse import urlencode

    base = args.url
    out = Path(args.out)
    mail_file = Path(args.mail)
    drained_flag = Path(args.drained)
    # Keep-alive connections to nginx, as a browser keeps one to a site; no cookie jar: every
    # sign-up is a new visitor, and the CSRF cookie is carried by hand.
    http = Http(base)
    headers = {"Accept-Language": "en", "Accept": "text/html"}
    signups: list[dict] = []
    confirms: list[dict] = []
    errors: dict[str, int] = {}
    counter = iter(range(10**9))
    confirmed: set[str] = set()
    links_pending: asyncio.Queue = asyncio.Queue()

    def error(kind: str) -> None:
        errors[kind] = errors.get(kind, 0) + 1

    async def request(
        method: str, path: str, *, headers: dict[str, str] = headers, data: dict | None = None
    ) -> tuple[int, str, float, str]:
        """Return status (0: no answer), body, milliseconds, and the CSRF cookie if set."""
        started = time.monotonic()
        body = b""
        if data is not None:
            body = urlencode(data).encode()
            headers = {**headers, "Content-Type": "application/x-www-form-urlencoded"}
        try:
            status, answer, cookie = await http.request(method, path, headers, body)
        except (OSError, EOFError, asyncio.IncompleteReadError, TimeoutError) as problem:
            error(f"{method} {type(problem).__name__}")
            return 0, "", (time.monotonic() - started) * 1000, ""
        return status, answer.decode(errors="replace"), (time.monotonic() - started) * 1000, cookie

    async def form(path: str) -> tuple[int, float, str, str]:
        status, body, ms, cookie = await request("GET", path)
        found = CSRF_INPUT.search(body) if status == 200 else None
        return status, ms, cookie, found.group(1) if found else ""

    # What a browser sends with a form's POST to the site that showed it: the app checks these
    # where a form carries no CSRF token (core/origin.py).
    same_site = {**headers, "Origin": base, "Sec-Fetch-Site": "same-origin"}

    def post_headers(cookie: str) -> dict[str, str]:
        # A form with a token (the code before issue 17) is posted as before: nginx passes on
        # the Host without this port, so Django's CSRF check would refuse the Origin.
        return {**headers, "Cookie": f"csrftoken={cookie}"} if cookie else same_site

    async def sign_up(start: float, *, warm_up: bool = False) -> None:
        number = next(counter)
        email = f"supporter-{number}@rush.example"
        entry: dict = {"email": email, "t": time.monotonic() - start, "posts": []}
        if warm_up:
            entry["warm_up"] = True
        signups.append(entry)
        status, entry["get_ms"], cookie, token = await form(FORM)
        entry["get"] = status
        if status != 200 or bool(cookie) != bool(token):
            error(f"form GET {status or 'no answer'}")
            entry["outcome"] = "no form"
            return
        data = {
            "name": f"Supporter {number}",
            "place": "Yerevan",
            "email": email,
            "show_name": "on",
            "website": "",
            **({"csrfmiddlewaretoken": token} if token else {}),
        }
        for attempt in range(3):
            status, _body, ms, _cookie = await request(
                "POST", FORM, data=data, headers=post_headers(cookie)
            )
            entry["posts"].append([status, round(ms, 2)])
            if status in (302, 303):
                entry["outcome"] = "accepted"
                entry["t_accepted"] = time.monotonic() - start
                if attempt:
                    entry["retried"] = True
                if args.follow:
                    await request("GET", FORM.replace("/support/", "/support/sent/"))
                return
            if status in (0, 502, 504):
                error(f"sign-up POST {status or 'no answer'}")
                entry["outcome"] = LOST
                entry["retried"] = attempt < 2
                if attempt < 2:
                    await asyncio.sleep(0.5 * (attempt + 1))
                continue
            error(f"sign-up POST {status}")
            entry["outcome"] = f"refused {status}"
            return

    async def confirm(email: str, link: str, start: float) -> None:
        path = link.split("://", 1)[1]
        path = path[path.index("/") :]
        entry = {"email": email, "t": time.monotonic() - start}
        confirms.append(entry)

        def link_used(status: int) -> bool:
            # 404: a later mail replaced this link; 410: already confirmed (the page says so
            # for a link with its token in the path, the Confirm for one with it in the query).
            if status not in (404, 410):
                return False
            entry["outcome"] = f"link {status}"
            if status == 410 and entry.get("lost_post"):
                entry["outcome"] = "confirmed"
                confirmed.add(email)
            return True

        for _attempt in range(3):
            status, entry["get_ms"], cookie, token = await form(path)
            entry["get"] = status
            if link_used(status):
                return
            if status != 200 or bool(cookie) != bool(token):
                error(f"confirm GET {status or 'no answer'}")
                await asyncio.sleep(0.5)
                continue
            status, _body, entry["post_ms"], _cookie = await request(
                "POST",
                path,
                data={"csrfmiddlewaretoken": token} if token else {},
                headers=post_headers(cookie),
            )
            entry["post"] = status
            if link_used(status):
                return
            if 200 <= status < 300:
                entry["outcome"] = "confirmed"
                entry["t_confirmed"] = time.monotonic() - start
                confirmed.add(email)
                return
            error(f"confirm POST {status or 'no answer'}")
            if status in (0, 502, 504):
                entry["lost_post"] = True
                await asyncio.sleep(0.5)
                continue
            entry["outcome"] = f"refused {status}"
            return
        entry.setdefault("outcome", "gave up")

    async def mail_reader(stop: asyncio.Event) -> None:
        """Follow the sink's record; queue each confirmation link for its visitor."""
        position = 0
        buffer = b""
        while True:
            drained = drained_flag.exists()
            with mail_file.open("rb") as record:
                record.seek(position)
                chunk = record.read()
            position += len(chunk)
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            for line in lines:
                _t, email, kind, link, _message_id = line.decode().split("\t")
                if kind == "confirm" and email not in confirmed:
                    links_pending.put_nowait((email, link))
            if drained and not chunk:
                stop.set()
                return
            await asyncio.sleep(0.05)

    async def confirmer(start: float) -> None:
        while True:
            email, link = await links_pending.get()
            try:
                if email not in confirmed:
                    await confirm(email, link, start)
            finally:
                links_pending.task_done()

    async def client(deadline: float, start: float) -> None:
        while time.monotonic() < deadline:
            await sign_up(start)

    # A short warm-up: connections opened, the app servers' first sign-ups behind them (they
    # count in the checks, not in the rates).
    await asyncio.gather(*(sign_up(time.monotonic(), warm_up=True) for _ in range(8)))
    errors.clear()
    start = time.monotonic()
    deadline = start + args.duration
    print("STARTED", flush=True)
    stop = asyncio.Event()
    reader = asyncio.create_task(mail_reader(stop))
    confirmers = [asyncio.create_task(confirmer(start)) for _ in range(args.confirmers)]
    await asyncio.gather(*(client(deadline, start) for _ in range(args.clients)))
    rush_seconds = time.monotonic() - start
    print("RUSH-DONE", flush=True)
    await stop.wait()
    await reader
    await links_pending.join()
    for task in confirmers:
        task.cancel()
    out.write_text(
        json.dumps(
            {
                "rush_seconds": rush_seconds,
                "drain_seconds": time.monotonic() - start - rush_seconds,
                "signups": signups,
                "confirms": confirms,
                "errors": errors,
            }
        )
    )


# --- the run ---


def sql(query: str, *params) -> list[tuple]:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/{DB_NAME}") as connection:
        return connection.execute(query, params).fetchall()


INSERT_SCRIPT = "INSERT INTO bench_insert (email, created_at) VALUES ('x' || random(), now());\n"


def insert_rate(*, seconds: int, clients: int = 16) -> dict[str, float]:
    """PostgreSQL's own rate of single-row durable inserts on this machine now (pgbench).

    As the issue's reference: 16 clients, one INSERT a transaction, synchronous commits, into a
    table of the benchmark's database; with the CPU its server processes took per insert.
    """
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/{DB_NAME}", autocommit=True) as connection:
        connection.execute(
            "CREATE TABLE IF NOT EXISTS bench_insert"
            " (id bigserial PRIMARY KEY, email text, created_at timestamptz)"
        )
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as script:
        script.write(INSERT_SCRIPT)
    ticks = os.sysconf("SC_CLK_TCK")
    first: dict[int, int] = {}
    last: dict[int, int] = {}

    def sample(*, baseline: bool = False) -> None:
        for pid, name, command, fields in processes_now():
            if name == "postgres" and DB_NAME.encode() in command:
                used = int(fields[11]) + int(fields[12])
                first.setdefault(pid, used if baseline else 0)
                last[pid] = used

    sample(baseline=True)
    bench = subprocess.Popen(  # noqa: S603
        [shutil.which("pgbench") or "pgbench", "-h", "127.0.0.1", "-U", "postgres", "-n",
         "-c", str(clients), "-j", "2", "-T", str(seconds), "-f", script.name, DB_NAME],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    while bench.poll() is None:
        sample()
        time.sleep(0.2)
    stdout, stderr = bench.communicate()
    if bench.returncode:
        raise RuntimeError(f"pgbench failed: {stderr}")
    # Sampled while the clients' server processes lived: their last fifth of a second is missed.
    server = sum(last[pid] - first[pid] for pid in last) / ticks
    os.unlink(script.name)
    tps = float(re.search(r"tps = ([\d.]+)", stdout).group(1))
    inserted = tps * seconds
    return {"tps": tps, "clients": clients, "server_ms": server * 1000 / max(1.0, inserted)}


def tasks_waiting() -> tuple[int, int]:
    """The supporters' work still to do: tasks ready or running, and rows waiting for mail.

    A mail task that found another worker mailing books itself a moment later: it counts as
    waiting (the hourly recount, booked an hour ahead, does not), and so does a row that wants
    its mail while no task is due (its worker killed, say, before the next booking).
    """
    ((ready, running, wanted),) = sql(
        "SELECT count(*) FILTER (WHERE status = 'READY'"
        " AND run_after < now() + interval '1 minute'),"
        " count(*) FILTER (WHERE status = 'RUNNING'),"
        " (SELECT count(*) FROM signatures_supporter WHERE mail_wanted_at IS NOT NULL)"
        " FROM django_tasks_database_dbtaskresult WHERE task_path LIKE '%%supporter%%'"
    )
    return ready + wanted, running


def drain(*, timeout: float, stuck_after: float) -> tuple[bool, float, int]:
    """Wait for the queue to empty; return whether it did, how long it took, what was stuck."""
    started = time.monotonic()
    last, progressed = None, time.monotonic()
    while True:
        ready, running = tasks_waiting()
        if ready == 0 and running == 0:
            return True, time.monotonic() - started, 0
        if (ready, running) != last:
            last, progressed = (ready, running), time.monotonic()
        stalled = time.monotonic() - progressed > stuck_after
        if stalled or time.monotonic() - started > timeout:
            return False, time.monotonic() - started, ready + running
        time.sleep(0.5)


class Faults(threading.Thread):
    """Crash one app server a third of the way in (and the worker at two thirds, if asked)."""

    def __init__(self, *, processes, env, apps, ports, args, worker):
        super().__init__(daemon=True)
        self.processes, self.env, self.apps, self.ports = processes, env, apps, ports
        self.args, self.worker = args, worker
        self.log: list[str] = []
        self.spies: list[subprocess.Popen] = []
        self.problem: BaseException | None = None
        self.start_time = 0.0
        self.cpu: CpuByPart | None = None
        # CPU by part over the steady part of the rush (from 5 s to the first fault), and the
        # time it covers: the cost per sign-up without restarts.
        self.window: dict | None = None

    def run(self) -> None:
        try:
            self._run()
        except BaseException as problem:  # reported by the main thread
            self.problem = problem

    def _at(self, share: float) -> None:
        self._at_seconds(self.args.duration * share)

    def _at_seconds(self, seconds: float) -> None:
        time.sleep(max(0.0, self.start_time + seconds - time.monotonic()))

    def _run(self) -> None:
        if self.cpu is not None:
            self._at_seconds(5)
            first = self.cpu.totals()
            began = time.monotonic() - self.start_time
            self._at(1 / 3 if self.args.faults else 0.95)
            self.window = {
                "from": began,
                "to": time.monotonic() - self.start_time,
                "cpu": {k: v - first.get(k, 0.0) for k, v in self.cpu.totals().items()},
            }
        if not self.args.faults:
            return
        self._at(1 / 3)
        killed = time.monotonic()
        self.processes.kill(self.apps["app_a"])
        at = killed - self.start_time
        self.apps["app_a"] = serve(
            self.processes, self.env, "app_a", self.ports["app_a"], self.args.workers,
            self.args.threads,
        )  # fmt: skip
        down = time.monotonic() - killed
        if self.args.profile:
            # From here to the end of the rush: both servers warm, neither starting.
            seconds = self.start_time + self.args.duration - time.monotonic() - 1
            self.spies = profile(self.processes, self.env, self.apps, self.args, seconds)
            self.spies += spy(self.processes, self.env, "worker", self.worker[0].pid, self.args,
                              seconds)  # fmt: skip
        self.log.append(
            f"app server A (gunicorn master and workers) SIGKILLed at {at:.1f} s, "
            f"serving again {down:.1f} s later"
        )
        if self.args.kill_worker:
            self._at(2 / 3)
            at = time.monotonic() - self.start_time
            self.processes.kill(self.worker[0])
            self.worker[0] = self.processes.start("worker", [UNDERSIGNED, "worker"], self.env)
            self.log.append(f"worker SIGKILLed at {at:.1f} s and started again at once")


class CpuByPart(threading.Thread):
    """CPU seconds each part of the set-up takes from the rush on, sampled from /proc."""

    TICKS = os.sysconf("SC_CLK_TCK")
    PARTS = {"app": "app servers", "worker": "worker", "nginx": "nginx", "load": "load generator",
             "smtp": "SMTP sink", "py-spy": "py-spy"}  # fmt: skip

    def __init__(self, processes: Processes):
        super().__init__(daemon=True)
        self.processes = processes
        self.first: dict[int, tuple[str, int]] = {}
        self.last: dict[int, int] = {}
        self.done = threading.Event()
        self.sample(baseline=True)

    def part(self, session: int, name: str, command: bytes) -> str | None:
        for started_name, process in self.processes.started:
            if process.pid == session:
                return next(v for k, v in self.PARTS.items() if started_name.startswith(k))
        if name == "postgres" and DB_NAME.encode() in command:
            return "PostgreSQL"
        if name == "redis-server":
            return "Redis"
        return None

    def sample(self, *, baseline: bool = False) -> None:
        for pid, name, command, fields in processes_now():
            ticks = int(fields[11]) + int(fields[12])
            if pid not in self.first:
                part = self.part(int(fields[3]), name, command)
                if part is None:
                    continue
                self.first[pid] = (part, ticks if baseline else 0)
            self.last[pid] = ticks

    def run(self) -> None:
        while not self.done.wait(0.5):
            self.sample()

    def totals(self) -> dict[str, float]:
        self.sample()
        seconds: dict[str, float] = {}
        for pid, (part, first) in self.first.items():
            seconds[part] = seconds.get(part, 0.0) + (self.last[pid] - first) / self.TICKS
        return seconds


def profile(processes, env, apps, args, seconds: float) -> list[subprocess.Popen]:
    """Sample the Python that holds the GIL in each app server's workers, with py-spy."""
    spies = []
    for name, app in apps.items():
        children = Path(f"/proc/{app.pid}/task/{app.pid}/children").read_text().split()
        for pid in children:
            spies += spy(processes, env, name, int(pid), args, seconds)
    return spies


def spy(processes, env, name: str, pid: int, args, seconds: float) -> list[subprocess.Popen]:
    folder = Path(args.profile).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    command = [str(Path(sys.executable).parent / "py-spy"), "record", "--pid", str(pid)]
    command += ["--duration", str(max(3, int(seconds))), "--rate", "200", "--format", "raw"]
    command += ["--gil", "--output", str(folder / f"{name}-{pid}.txt"), "--nonblocking"]
    return [processes.start(f"py-spy-{name}-{pid}", command, env)]


def window_rates(times: list[float], duration: float, width: float = 10.0) -> list[float]:
    windows = int(duration // width)
    counts = [0] * windows
    for t in times:
        if 0 <= (index := int(t // width)) < windows:
            counts[index] += 1
    return [count / width for count in counts]


def integrity(result: dict, mails: list[tuple[str, ...]]) -> list[tuple[str, int, bool | None]]:
    """The checks after the run: (what, how many, passed)."""
    rows = dict(sql("SELECT email, confirmed_at IS NOT NULL FROM signatures_supporter"))
    ((shown,),) = sql("SELECT coalesce(sum(count), 0) FROM signatures_supportertally") or [(0,)]
    signups = result["signups"]
    accepted = {s["email"] for s in signups if s.get("outcome") == "accepted"}
    lost = {s["email"] for s in signups if s.get("outcome") == LOST}
    retried = {s["email"] for s in signups if len(s["posts"]) > 1}
    confirmed_ok = {c["email"] for c in result["confirms"] if c.get("outcome") == "confirmed"}
    # Each recipient's confirmation mails, told apart by Message-ID: a copy the worker sent
    # again after a crash between the SMTP server's acceptance and its record carries the first
    # one's Message-ID (at-least-once delivery, which mail programs show once).
    confirm_mails: dict[str, list[str]] = {}
    for email, kind, _link, message_id in mails:
        if kind == "confirm":
            confirm_mails.setdefault(email, []).append(message_id)
    twice = {email for email, ids in confirm_mails.items() if len(set(ids)) > 1}
    resent = {email for email, ids in confirm_mails.items() if len(ids) > len(set(ids))}
    confirmed_rows = {email for email, is_confirmed in rows.items() if is_confirmed}
    return [
        ("accepted sign-ups without a Supporter row", len(accepted - rows.keys()), True),
        (
            "Supporter rows without an accepted sign-up or a POST whose answer was lost",
            len(rows.keys() - accepted - lost),
            True,
        ),
        ("sign-ups whose answer was lost every time, stored", len(lost & rows.keys()), None),
        ("sign-ups whose answer was lost every time, not stored", len(lost - rows.keys()), None),
        (
            "accepted sign-ups without a confirmation mail",
            len(accepted - confirm_mails.keys()),
            True,
        ),
        (
            "confirmations answered 2xx without confirmed_at",
            len(confirmed_ok - confirmed_rows),
            True,
        ),
        ("recipients of two confirmation mails, sign-up POSTed once", len(twice - retried), True),
        ("recipients of one confirmation mail twice (same Message-ID)", len(resent), None),
        (
            "recipients of two confirmation mails, sign-up POSTed again after a lost answer",
            len(twice & retried),
            None,
        ),
        (
            "accepted sign-ups left unconfirmed after the drain",
            len(accepted - confirmed_rows),
            True,
        ),
        (
            f"supporter count shown ({shown:,}) minus confirmed rows ({len(confirmed_rows):,})",
            shown - len(confirmed_rows),
            True,
        ),
    ]


STEPS_SIGN_UPS = 2000
STEP_CLIENTS = 8


def step_costs(base: str, mail_file: Path, processes: Processes) -> list[tuple]:
    """Each step of a supporter's path on its own, after the rush: CPU per step, by part.

    STEPS_SIGN_UPS new visitors, STEP_CLIENTS at a time (threads, one kept connection each):
    all sign up (the form's GET and the POST), then their mails are waited for (the worker's
    batches), then every confirmation page is shown, then every Confirm is pressed. CPU is
    read from /proc before and after each step, so each step's cost is apart from the others'.
    """
    import http.client
    from concurrent.futures import ThreadPoolExecutor
    from urllib.parse import urlencode, urlsplit

    address = urlsplit(base)
    local = threading.local()
    same_site = {"Origin": base, "Sec-Fetch-Site": "same-origin", "Accept": "text/html"}

    def ask(method: str, path: str, body: str = "") -> int:
        if not hasattr(local, "connection"):
            local.connection = http.client.HTTPConnection(address.hostname, address.port)
        headers = same_site
        if method == "POST":
            headers = {**same_site, "Content-Type": "application/x-www-form-urlencoded"}
        local.connection.request(method, path, body=body, headers=headers)
        answer = local.connection.getresponse()
        answer.read()
        return answer.status

    def sign_up(number: int) -> int:
        ask("GET", FORM)
        data = {"name": f"Step {number}", "place": "Gyumri", "email": emails[number]}
        return ask("POST", FORM, urlencode({**data, "show_name": "on"}))

    def sampled() -> CpuByPart:
        # Sampled every half second, not only at the ends: a gunicorn worker recycled during
        # the step (--max-requests) keeps the CPU it took until then, its successor counts
        # from its start.
        cpu = CpuByPart(processes)
        cpu.start()
        return cpu

    def totals(cpu: CpuByPart) -> dict[str, float]:
        found = cpu.totals()
        cpu.done.set()
        return found

    def timed(name: str, work, items) -> None:
        cpu = sampled()
        started = time.monotonic()
        with ThreadPoolExecutor(STEP_CLIENTS) as pool:
            answers = list(pool.map(work, items))
        seconds = time.monotonic() - started
        steps.append((name, totals(cpu), len(items), seconds, answers))

    steps: list[tuple] = []
    stamp = time.time_ns()
    emails = [f"step-{stamp}-{number}@steps.example" for number in range(STEPS_SIGN_UPS)]
    timed("form (GET) and sign-up (POST)", sign_up, range(STEPS_SIGN_UPS))
    # The mail: from the last sign-up until every link has reached the sink.
    cpu, started, links = sampled(), time.monotonic(), {}
    wanted = set(emails)
    while len(links) < len(wanted) and time.monotonic() - started < 300:
        for line in mail_file.read_text().splitlines():
            _t, email, kind, link, _message_id = line.split("\t")
            if email in wanted and kind == "confirm":
                parts = urlsplit(link)
                links[email] = parts.path + (f"?{parts.query}" if parts.query else "")
        time.sleep(0.2)
    steps.append(("confirmation mail (the worker's batch)", totals(cpu), len(links),
                  time.monotonic() - started, [250] * len(links)))  # fmt: skip
    paths = list(links.values())
    timed("confirmation page (GET)", lambda path: ask("GET", path), paths)
    timed("Confirm (POST)", lambda path: ask("POST", path), paths)
    return steps


def report_steps(steps: list[tuple]) -> None:
    print()
    print(
        f"Each step on its own, after the rush ({STEPS_SIGN_UPS:,} new visitors, "
        f"{STEP_CLIENTS} at a time, one step after another; CPU per step, ms):"
    )
    print()
    print("| step | per second | answered as expected | " + " | ".join(SERVER_PARTS)
          + " | server total | SMTP sink |")  # fmt: skip
    print("| --- " * (len(SERVER_PARTS) + 5) + "|")
    totals = dict.fromkeys(SERVER_PARTS, 0.0)
    expected = {"form (GET) and sign-up (POST)": 302}
    for name, cpu, count, seconds, answers in steps:
        per = {part: cpu.get(part, 0.0) * 1000 / max(count, 1) for part in SERVER_PARTS}
        for part in SERVER_PARTS:
            totals[part] += per[part]
        good = sum(1 for answer in answers if answer == expected.get(name, 200))
        if name.startswith("confirmation mail"):
            good = count
        cells = " | ".join(f"{per[part]:.3f}" for part in SERVER_PARTS)
        sink = cpu.get("SMTP sink", 0.0) * 1000 / max(count, 1)
        print(f"| {name} | {count / seconds:,.0f} | {good:,} of {count:,} | {cells} | "
              f"**{sum(per.values()):.3f}** | {sink:.3f} |")  # fmt: skip
    cells = " | ".join(f"**{totals[part]:.3f}**" for part in SERVER_PARTS)
    print(f"| **a confirmed supporter** | | | {cells} | **{sum(totals.values()):.3f}** "
          f"(target ≤ 3) | |")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=60, help="seconds of rush")
    parser.add_argument("--clients", type=int, default=96, help="concurrent sign-ups")
    parser.add_argument("--confirmers", type=int, default=16, help="concurrent confirmations")
    parser.add_argument("--workers", type=int, default=WORKERS, help="per app server")
    parser.add_argument("--threads", type=int, default=THREADS, help="per gunicorn worker")
    parser.add_argument(
        "--kill-worker",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="SIGKILL the worker too, two thirds of the way in",
    )
    parser.add_argument("--follow", action="store_true", help="GET the page the POST redirects to")
    parser.add_argument("--apps", type=int, choices=(1, 2), default=2, help="app servers")
    parser.add_argument(
        "--faults",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="SIGKILL an app server a third of the way in (and the worker, see --kill-worker)",
    )
    parser.add_argument(
        "--insert-seconds",
        type=int,
        default=10,
        help="after the run, measure PostgreSQL's own single-row insert rate (pgbench) this long",
    )
    parser.add_argument(
        "--profile", metavar="DIR", help="py-spy the app servers' workers during the rush"
    )
    parser.add_argument(
        "--steps",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="after the rush, measure each step of a supporter's path on its own",
    )
    parser.add_argument("--logs", metavar="DIR", help="keep the processes' logs and mail here")
    parser.add_argument("--keep", action="store_true", help="leave everything up (Ctrl-C ends)")
    parser.add_argument("--setup", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--smtp-sink", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--load", action="store_true", help=argparse.SUPPRESS)
    args, _rest = parser.parse_known_args()
    if args.setup:
        setup_statement()
        return 0
    if args.smtp_sink:
        smtp_sink(args.smtp_sink, Path(_rest[0]))
        return 0
    if args.load:
        args.url, args.out, args.mail, args.drained = _rest
        asyncio.run(load(args))
        return 0
    return run(args)


def run(args) -> int:
    # Stopped from outside (SIGTERM, or SIGINT where a shell ignores it), clean up all the same.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    tmp = Path(tempfile.mkdtemp(prefix="undersigned-bench-signon-"))
    tmp.chmod(0o755)
    for folder in ("var", "logs"):
        (tmp / folder).mkdir()
    ports = {name: free_port() for name in ("app_a", "app_b", "lb", "smtp")}
    env = production_env(tmp / "var", db_name=DB_NAME, redis_url=REDIS_URL)
    env.update(
        SUPPORTERS_RATE_LIMIT_IP=RATE_LIMIT_IP,
        EMAIL_URL=f"smtp://127.0.0.1:{ports['smtp']}",
    )
    processes = Processes(tmp / "logs")
    mail_file = tmp / "mail.tsv"
    mail_file.touch()
    failed = False
    try:
        database_reset(DB_NAME)
        redis_flush(REDIS_URL)
        prepare(env)
        subprocess.run([sys.executable, __file__, "--setup"], cwd=ROOT, env=env, check=True)  # noqa: S603
        sink = processes.start(
            "smtp", [sys.executable, __file__, "--smtp-sink", str(ports["smtp"]), str(mail_file)],
            env,
        )  # fmt: skip
        wait_for_port(ports["smtp"], process=sink)
        worker = [processes.start("worker", [UNDERSIGNED, "worker"], env)]
        apps = {
            name: serve(processes, env, name, ports[name], args.workers, args.threads)
            for name in ("app_a", "app_b")[: args.apps]
        }
        servers = "\n".join(
            f"    server 127.0.0.1:{ports[name]} max_fails=1 fail_timeout=5s;" for name in apps
        )
        (tmp / "proxy.conf").write_text(PROXY_CONF)
        (tmp / "page-cache.conf").write_text(PAGE_CACHE_CONF)
        (tmp / "nginx.conf").write_text(
            NGINX_CONF
            % {
                "tmp": tmp,
                "servers": servers,
                "page_cache_path": page_cache_path(tmp / "page-cache"),
                **ports,
            }
        )
        nginx = processes.start(
            "nginx", [NGINX, "-e", str(tmp / "nginx-error.log"), "-p", str(tmp), "-c",
                      str(tmp / "nginx.conf")], env
        )  # fmt: skip
        base = f"http://127.0.0.1:{ports['lb']}"
        wait_for(base + FORM, process=nginx)
        if args.keep:
            print(f"Up: {base}{FORM}; mail in {mail_file}; logs in {tmp}/logs")
            with contextlib.suppress(KeyboardInterrupt):
                nginx.wait()
            return 0

        machine = Machine(processes, DB_NAME)
        out, drained_flag = tmp / "load.json", tmp / "drained"
        loader = processes.start(
            "load",
            [sys.executable, __file__, "--load", "--duration", str(args.duration), "--clients",
             str(args.clients), "--confirmers", str(args.confirmers),
             *(["--follow"] if args.follow else []),
             base, str(out), str(mail_file), str(drained_flag)],
            env, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        faults = Faults(
            processes=processes, env=env, apps=apps, ports=ports, args=args, worker=worker
        )
        if loader.stdout.readline().strip() != "STARTED":
            raise RuntimeError("the load generator did not start; see its log")
        mark = machine.start()
        cpu = CpuByPart(processes)
        cpu.start()
        faults.cpu = cpu
        faults.start_time = time.monotonic()
        faults.start()
        if loader.stdout.readline().strip() != "RUSH-DONE":
            raise RuntimeError("the load generator stopped during the rush; see its log")
        others = machine.others_since(mark)
        cpu_rush = cpu.totals()
        faults.join(timeout=120)
        for spy in faults.spies:
            spy.wait(timeout=60)
        faults.join(timeout=120)
        if faults.problem:
            raise faults.problem
        backlog = sum(tasks_waiting())
        drained, drain_seconds, stuck = drain(timeout=1800, stuck_after=60)
        drained_flag.touch()
        if loader.wait(timeout=600) != 0:
            raise RuntimeError("the load generator failed; see its log")
        cpu.done.set()
        cpu.join()
        cpu_all = cpu.totals()
        inserts = insert_rate(seconds=args.insert_seconds) if args.insert_seconds else None
        # Whatever the worker's batch has not counted yet, as cron would after an outage.
        subprocess.run(  # noqa: S603
            [UNDERSIGNED, "supporters_count"], cwd=ROOT, env=env, check=True,
            capture_output=True,
        )  # fmt: skip
        result = json.loads(out.read_text())
        result["tasks"] = sql(
            "SELECT split_part(task_path, '.', -1), status, count(*)"
            " FROM django_tasks_database_dbtaskresult GROUP BY 1, 2 ORDER BY 1, 2"
        )
        mails = [tuple(line.split("\t")[1:]) for line in mail_file.read_text().splitlines() if line]
        checks = integrity(result, mails)
        steps = step_costs(base, mail_file, processes) if args.steps else []
    except BaseException:
        failed = True
        raise
    finally:
        processes.stop_all()
        if failed:
            for log in sorted((tmp / "logs").glob("*.log")):
                tail = log.read_text(errors="replace")[-3000:]
                print(f"--- {log.name}\n{tail}", file=sys.stderr)
        with contextlib.suppress(Exception):
            redis_flush(REDIS_URL)
        with contextlib.suppress(Exception):
            database_reset(DB_NAME, drop_only=True)
        if args.logs:
            shutil.copytree(tmp / "logs", args.logs, dirs_exist_ok=True)
            shutil.copy(mail_file, args.logs)
            with contextlib.suppress(FileNotFoundError):
                shutil.copy(tmp / "load.json", args.logs)
        shutil.rmtree(tmp, ignore_errors=True)

    result["cpu"], result["cpu_all"] = cpu_rush, cpu_all
    result["window"] = faults.window
    failed_run = report(
        args, result, checks, faults.log, others=others, backlog=backlog, drained=drained,
        drain_seconds=drain_seconds, stuck=stuck, inserts=inserts,
    )  # fmt: skip
    if steps:
        report_steps(steps)
    return failed_run


SERVER_PARTS = ("app servers", "PostgreSQL", "Redis", "worker", "nginx")


def report(
    args, result, checks, faults, *, others, backlog, drained, drain_seconds, stuck, inserts
):
    rush = result["rush_seconds"]
    signups = result["signups"]
    rushed = [s for s in signups if not s.get("warm_up")]
    accepted = [s for s in rushed if s.get("outcome") == "accepted"]
    rate = len(accepted) / rush
    begun = len(rushed)
    windows = window_rates([s["t_accepted"] for s in accepted], rush)
    get_ms = [s["get_ms"] for s in rushed if s.get("get") == 200]
    post_ms = [ms for s in rushed for status, ms in s["posts"] if status in (302, 303)]
    confirmed = [c for c in result["confirms"] if c.get("outcome") == "confirmed"]
    during = [c for c in confirmed if c.get("t_confirmed", rush + 1) <= rush]
    lost_or_duplicated = sum(n for what, n, must in checks if must and n)
    sustained = rate >= TARGET and lost_or_duplicated == 0
    window_text = (
        f"{min(windows):,.0f} / {statistics.median(windows):,.0f}" if windows else "n/a (< 10 s)"
    )

    def met(ok: bool) -> str:
        return "yes" if ok else "**no**"

    print(
        f"Production settings on PostgreSQL and Redis; {args.apps} app server(s) "
        f"(`undersigned serve`, {args.workers} gunicorn worker × {args.threads} threads each) "
        f"behind nginx (least_conn, keepalive, the page cache of deploy/nginx-page-cache.conf; "
        f"`proxy_next_upstream error timeout` for GETs only), the "
        f"worker (`undersigned worker`) mailing over SMTP to a bare SMTP sink (asyncio) in its own "
        f"process. Load: {args.clients} concurrent clients in one asyncio process (a bare "
        f"HTTP/1.1 client) for "
        f"{args.duration} s, every sign-up a new visitor (GET the form without cookies, POST it "
        f"as a browser does, with its Origin and Sec-Fetch-Site (and a CSRF cookie and token "
        f"when the form has one) and a new address, the redirect taken as acceptance"
        f"{', then followed' if args.follow else ', not followed'}); {args.confirmers} more "
        f"clients confirm each link as its mail arrives (GET the page, POST Confirm). The "
        f"supporters' limit by address is raised to {RATE_LIMIT_IP} (every client is "
        f"127.0.0.1); the limit by email stays at its default."
    )
    print()
    print("Faults: " + ("; ".join(faults) if faults else "none") + ".")
    if not args.faults:
        print("No app server or worker was killed (`--no-faults`).")
    if not args.kill_worker:
        print("The worker's crash did not run (`--no-kill-worker`).")
    print()
    print("| measure | figure | target | met |")
    print("| --- | --- | --- | --- |")
    print(
        f"| sign-ups accepted per second, over the {rush:.0f} s | {rate:,.0f} "
        f"({len(accepted):,} of {begun:,} begun) | ≥ {TARGET:,} | {met(rate >= TARGET)} |"
    )
    print(
        f"| per 10 s window, min / median | {window_text} | ≥ {TARGET:,} "
        f"| {met(bool(windows) and min(windows) >= TARGET)} |"
    )
    print(
        f"| form GET, p50 / p99 | {percentile(get_ms, 0.5):.0f} / "
        f"{percentile(get_ms, 0.99):.0f} ms | | |"
    )
    print(
        f"| sign-up POST (accepted), p50 / p99 | {percentile(post_ms, 0.5):.0f} / "
        f"{percentile(post_ms, 0.99):.0f} ms | | |"
    )
    print(
        f"| confirmations per second during the rush | {len(during) / rush:,.1f} "
        f"({len(during):,}; {len(confirmed):,} with the drain) | | |"
    )
    errors = ", ".join(f"{kind}: {n:,}" for kind, n in sorted(result["errors"].items()))
    print(f"| errors by kind | {errors or 'none'} | | |")
    print(
        f"| mail queue after the rush | {backlog:,} tasks, drained in {drain_seconds:.0f} s"
        f"{'' if drained else f' (**{stuck:,} stuck**)'} | | |"
    )
    tasks = ", ".join(f"{path} {status.lower()}: {n:,}" for path, status, n in result["tasks"])
    print(f"| the worker's tasks at the end | {tasks} | | |")
    print(f"| others' CPU during the rush (share of both cores) | {others:.0%} | | |")
    accepted_n = max(1, len(accepted))
    parts = sorted(result["cpu"].items(), key=lambda item: -item[1])
    cpu_text = ", ".join(
        f"{part} {seconds:.1f} s ({seconds * 1000 / accepted_n:.1f} ms)" for part, seconds in parts
    )
    print(f"| CPU during the rush, by part (per accepted sign-up) | {cpu_text} | | |")
    parts = sorted(result["cpu_all"].items(), key=lambda item: -item[1])
    cpu_text = ", ".join(
        f"{part} {seconds:.1f} s ({seconds * 1000 / max(1, len(signups)):.1f} ms)"
        for part, seconds in parts
    )
    print(f"| CPU from the rush to the drain's end, by part (per sign-up) | {cpu_text} | | |")
    print(
        f"| zero lost or duplicated | {lost_or_duplicated:,} | 0 | {met(lost_or_duplicated == 0)} |"
    )
    everything_parts = result["cpu_all"]
    server_all = sum(everything_parts.get(part, 0.0) for part in SERVER_PARTS)
    confirmed_n = max(1, len(confirmed))
    per_confirmed = server_all * 1000 / confirmed_n
    print(
        f"| server CPU per confirmed supporter, rush to drain's end (app, PostgreSQL, Redis, "
        f"worker, nginx) | {per_confirmed:.2f} ms ({len(confirmed):,} confirmed) | ≤ 3 ms "
        f"| {met(per_confirmed <= 3)} |"
    )
    if window := result.get("window"):
        in_window = [s for s in accepted if window["from"] <= s["t_accepted"] < window["to"]]
        n = max(1, len(in_window))
        seconds = window["to"] - window["from"]
        parts = sorted(window["cpu"].items(), key=lambda item: -item[1])
        text = ", ".join(f"{part} {cpu * 1000 / n:.2f} ms" for part, cpu in parts)
        server = sum(window["cpu"].get(part, 0.0) for part in SERVER_PARTS) * 1000 / n
        print(
            f"| steady rush ({window['from']:.0f}–{window['to']:.0f} s, no restart): accepted "
            f"per second; CPU per accepted sign-up by part | {len(in_window) / seconds:,.0f}/s; "
            f"servers {server:.2f} ms: {text} | | |"
        )
    if inserts:
        rate_ratio = rate / inserts["tps"]
        print(
            f"| PostgreSQL's own single-row insert rate, measured after the drain (pgbench, "
            f"{inserts['clients']} clients, durable commits) | {inserts['tps']:,.0f}/s, "
            f"{inserts['server_ms']:.3f} ms of server CPU per insert; accepted sign-ups are "
            f"{rate_ratio:.1%} of it | | |"
        )
    print(
        f"| **the target: ≥ {TARGET:,}/s sustained, zero lost or duplicated** | | "
        f"| {met(sustained)} |"
    )
    ours = sum(seconds for part, seconds in result["cpu"].items() if part != "py-spy")
    everything = sum(seconds for part, seconds in result["cpu_all"].items() if part != "py-spy")
    # Every sign-up begun, warm-up included, was confirmed by the end of the drain.
    per_signup = everything / max(1, len(signups))
    print()
    per_accepted = ours / accepted_n
    print(
        f"What limits it: the CPU. This benchmark's processes took {ours / rush / 2:.0%} of both "
        f"cores during the rush and others {others:.0%}. During the rush every part together "
        f"spent {per_accepted * 1000:.1f} ms of CPU per accepted sign-up (with the restarts and "
        f"the mail and confirmations that kept up): two cores of its own would accept about "
        f"{2 / per_accepted:,.0f} sign-ups per second. From the rush's start to the drain's end "
        f"it spent {per_signup * 1000:.1f} ms per sign-up, mail and confirmation included: "
        f"about {2 / per_signup:,.0f} sign-ups per second, mailed and confirmed, on two cores."
    )
    print()
    print("Integrity after the run (the worker drained, every link confirmed):")
    print()
    print("| check | count | passed |")
    print("| --- | --- | --- |")
    for what, count, must in checks:
        passed = "(counted apart)" if must is None else met(count == 0)
        print(f"| {what} | {count:,} | {passed} |")
    ok = drained and lost_or_duplicated == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
