"""Readers' pages under load, in the production configuration, against nginx's static ceiling.

Run from the repository root: ``python bench/bench_web.py`` (``--duration``, ``--connections``
change the load). It needs PostgreSQL and Redis on 127.0.0.1 and Debian's nginx and wrk, and
sets up everything else itself, removing it at the end:

- a fresh PostgreSQL database (``undersigned_bench``) and Redis database 15, flushed;
- the production settings (UNDERSIGNED_PRODUCTION=1, a generated SECRET_KEY, DEBUG off, the
  manifest static storage collected into a temporary var dir, REDIS_URL for cache and sessions);
- 3,000 organisations, 300 published statements in English, Armenian and Russian, and one
  statement open for signature with 150 signatories in the three languages;
- gunicorn through ``undersigned serve`` and the worker through ``undersigned worker``;
- nginx serving the statement page's HTML, fetched once, as a static file (the ceiling),
  balancing over one or two single-worker app servers (the scale-out rows), and, as deployed,
  over two with its page cache (deploy/nginx-page-cache.conf) in front;
- the view image's crowd: nginx answers the image and logs it (deploy/nginx-views.conf), the
  worker counts the log (VIEWS_LOG); the log is rotated and the worker SIGKILLed during the
  load, and every line nginx wrote must be counted, once (``--views-only`` runs just this).

wrk drives the load from a second process on loopback. Every request to the app comes from
a new reader: no cookies, and a distinct User-Agent, so that each one is counted as a view,
and cannot be answered with 304 by the app or by nginx.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from harness import (
    NGINX,
    PAGE_CACHE_CONF,
    PG_SERVER,
    PROXY_CONF,
    ROOT,
    UNDERSIGNED,
    WRK,
    Machine,
    Processes,
    database_reset,
    fetch,
    free_port,
    page_cache_path,
    prepare,
    processes_now,
    production_env,
    redis_flush,
    serve,
    wait_for,
)

# BENCH_DB_PREFIX and BENCH_REDIS_URL name the scratch databases (say, per person on a shared
# server).
DB_NAME = f"{os.environ.get('BENCH_DB_PREFIX', 'undersigned')}_bench"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
SEED = 20260301
FEATURED = "open-letter-on-the-right-to-protest"
SEARCHES = ["human rights", "journalists", "Սևան", "выборы", "lake sevan mining", "защита прав"]

# Two cores: one gunicorn worker process per core, so that Python runs on both; a few threads
# each, so that a request waiting on Redis or PostgreSQL does not leave its core idle. More
# processes than cores only add switching (and memory); more threads only add GIL contention.
WORKERS = 2
THREADS = 4

# Each wrk connection is a stream of new readers: a distinct User-Agent on every request.
READERS_LUA = """
local counter = 0
local paths = {%(paths)s}
function setup(thread)
  thread:set("thread_id", tostring(math.random(1, 1000000000)))
end
function request()
  counter = counter + 1
  local path = paths[(counter %% #paths) + 1]
  return wrk.format("GET", path, {
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0 reader-" ..
      thread_id .. "-" .. counter,
    ["Accept"] = "text/html",
    ["Accept-Language"] = "en",
  })
end
"""

# The view image's crowd: every request a new reader with an address of its own, passed as a
# CDN in front of nginx would (X-Forwarded-For, trusted from loopback only).
BEACON_LUA = """
local counter = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", string.format("%%x", threads))
end
function request()
  counter = counter + 1
  return wrk.format("GET", "%(path)s", {
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
    ["Accept"] = "image/avif,image/webp,*/*",
    ["X-Forwarded-For"] = string.format("fd00:%(run)x:%%s::%%x:%%x", thread_id,
      math.floor(counter / 65536), counter %% 65536),
  })
end
"""

NGINX_CONF = """
daemon off;
worker_processes %(workers)s;
pid %(tmp)s/nginx.pid;
error_log %(tmp)s/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; }
  default_type application/octet-stream;
  client_body_temp_path %(tmp)s/client_body;
  proxy_temp_path %(tmp)s/proxy;
  fastcgi_temp_path %(tmp)s/fastcgi;
  uwsgi_temp_path %(tmp)s/uwsgi;
  scgi_temp_path %(tmp)s/scgi;
  %(page_cache_path)s
  %(views_http)s

  # The ceiling: the statement page's HTML as a file.
  server {
    listen 127.0.0.1:%(static_port)s;
    root %(tmp)s/www;
  }

  # The load balancer of deploy/nginx.conf, over one app server and over two.
  upstream one_app_server {
    server 127.0.0.1:%(app_a)s;
    keepalive 64;
  }
  upstream two_app_servers {
    least_conn;
    server 127.0.0.1:%(app_a)s;
    server 127.0.0.1:%(app_b)s;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:%(lb_one)s;
    location / { proxy_pass http://one_app_server; include %(tmp)s/proxy.conf; }
  }
  server {
    listen 127.0.0.1:%(lb_two)s;
    location / { proxy_pass http://two_app_servers; include %(tmp)s/proxy.conf; }
  }
  # As deployed: the two app servers behind nginx with its page cache.
  server {
    listen 127.0.0.1:%(lb_cached)s;
    set_real_ip_from 127.0.0.1;
    real_ip_header X-Forwarded-For;
    include %(tmp)s/views.conf;
    location / {
      proxy_pass http://two_app_servers;
      include %(tmp)s/proxy.conf;
      include %(tmp)s/page-cache.conf;
    }
  }
}
"""


@dataclass
class Figures:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int
    timeouts: int
    others: float = 0.0

    @property
    def ok(self) -> bool:
        return self.errors == 0 and self.requests > 0


def _milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(url: str, *, duration: int, connections: int, script: Path | None) -> Figures:
    command = [WRK, "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "5s"]
    if script is not None:
        command += ["-s", str(script)]
    output = subprocess.run(  # noqa: S603
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write) (\d+)", output))
    timeouts = re.search(r"timeout (\d+)", output)
    if found := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(found.group(1))
    return Figures(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_milliseconds(latency["50"]),
        p99_ms=_milliseconds(latency["99"]),
        requests=int(re.search(r"(\d+) requests in", output).group(1)),
        errors=errors,
        timeouts=int(timeouts.group(1)) if timeouts else 0,
    )


# --- the view image's crowd, counted from nginx's log by the worker ---


class CpuByPart(threading.Thread):
    """CPU seconds each part takes from its start on, sampled from /proc every half second."""

    TICKS = os.sysconf("SC_CLK_TCK")

    def __init__(self, processes: Processes, parts: dict[str, str]):
        super().__init__(daemon=True)
        self.processes, self.parts = processes, parts
        self.first: dict[int, tuple[str, int]] = {}
        self.last: dict[int, int] = {}
        self.done = threading.Event()
        self.sample(baseline=True)

    def _part(self, session: int, name: str, command: bytes) -> str | None:
        for started_name, process in self.processes.started:
            if process.pid == session:
                return self.parts.get(started_name)
        if name == "postgres" and DB_NAME.encode() in command:
            return "PostgreSQL"
        return "Redis" if name == "redis-server" else None

    def sample(self, *, baseline: bool = False) -> None:
        for pid, name, command, fields in processes_now():
            ticks = int(fields[11]) + int(fields[12])
            if pid not in self.first:
                if (part := self._part(int(fields[3]), name, command)) is None:
                    continue
                self.first[pid] = (part, ticks if baseline else 0)
            self.last[pid] = ticks

    def run(self) -> None:
        while not self.done.wait(0.5):
            self.sample()

    def totals(self) -> dict[str, float]:
        self.done.set()
        self.sample()
        seconds: dict[str, float] = {}
        for pid, (part, first) in self.first.items():
            seconds[part] = seconds.get(part, 0.0) + (self.last[pid] - first) / self.TICKS
        return seconds


@dataclass
class Crowd:
    figures: Figures
    logged: int
    counted: int
    seconds_to_count: float
    counted_per_second: float
    cpu: dict[str, float]
    events: list[str]


def views_counted() -> int:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/{DB_NAME}") as connection:
        return connection.execute(
            "SELECT coalesce(sum(view_count), 0) FROM engagement_statementengagement"
        ).fetchone()[0]


def views_logged(log: Path) -> int:
    return sum(path.read_bytes().count(b"\n") for path in log.parent.glob(f"{log.name}*"))


def counted_all(log: Path, timeout: float, already: int) -> float | None:
    """Wait until every line nginx logged is counted; return when (monotonic), None if never.

    `already` is the views counted before the crowd (by the app's own image).
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if views_counted() - already == views_logged(log):
            return time.monotonic()
        time.sleep(0.25)
    return None


def crowd(
    url: str,
    args,
    tmp: Path,
    log: Path,
    env,
    processes: Processes,
    machine,
    nginx: subprocess.Popen,
    worker: list,
) -> Crowd:
    """Readers at the view image through nginx, the log rotated and the worker killed meanwhile."""

    def script(run: int) -> Path:
        path = tmp / f"beacon-{run}.lua"
        path.write_text(BEACON_LUA % {"path": urllib.parse.urlsplit(url).path, "run": run})
        return path

    # The views the app counted itself (the rows above) reach the database first.
    subprocess.run(  # noqa: S603
        [UNDERSIGNED, "flush_views"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    already = views_counted()
    run_wrk(url, duration=2, connections=args.connections, script=script(1))
    if counted_all(log, 120, already) is None:
        raise RuntimeError("the warm-up's views were not all counted within 120 s")
    before = views_counted()
    cpu = CpuByPart(processes, {"nginx": "nginx", "worker": "worker"})
    cpu.start()
    events: list[str] = []

    def faults() -> None:
        time.sleep(args.duration / 3)
        log.rename(log.with_name(log.name + ".1"))
        os.kill(nginx.pid, signal.SIGUSR1)  # nginx reopens its logs, as logrotate has it do
        events.append(f"the log rotated at {args.duration / 3:.0f} s")
        time.sleep(args.duration / 3)
        cpu.sample()
        processes.kill(worker[0])
        worker[0] = processes.start("worker", [UNDERSIGNED, "worker"], env)
        events.append(f"the worker SIGKILLed at {2 * args.duration / 3:.0f} s, started again")

    mark = machine.start()
    started = time.monotonic()
    fault = threading.Thread(target=faults)
    fault.start()
    figures = run_wrk(url, duration=args.duration, connections=args.connections,
                      script=script(2))  # fmt: skip
    fault.join()
    ended = time.monotonic()
    done = counted_all(log, 300, already)
    figures.others = machine.others_since(mark)
    counted = views_counted() - before
    return Crowd(
        figures=figures,
        logged=views_logged(log),
        counted=views_counted() - already,
        seconds_to_count=(done or time.monotonic()) - ended,
        counted_per_second=counted / ((done or time.monotonic()) - started),
        cpu=cpu.totals(),
        events=events,
    )


# --- the data, generated in a child process that has the production settings ---


def _alias_language(alias: str) -> str:
    if re.search("[\u0531-\u058f]", alias):
        return "hy"
    if re.search("[\u0400-\u04ff]", alias):
        return "ru"
    return "" if alias.isupper() else "en"


def generate(seed: int) -> None:
    """Fill the (empty, migrated) database with the benchmark's organisations and statements."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "undersigned.settings")
    django.setup()
    import textgen
    from bench_matching import make_registry
    from django.db import transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from undersigned.core.text import render_markdown
    from undersigned.organizations.models import Organization, OrganizationAlias
    from undersigned.signatures.models import Signatory
    from undersigned.statements.models import Category, Statement, StatementTranslation
    from undersigned.statements.search import search_rebuild

    rng = random.Random(seed)
    now = timezone.now()
    registry = make_registry(3000, rng)
    with transaction.atomic():
        organizations = Organization.objects.bulk_create(
            Organization(name=o.name, slug=f"{slugify(o.name)[:100]}-{i}", city=o.place or "")
            for i, o in enumerate(registry)
        )
        OrganizationAlias.objects.bulk_create(
            OrganizationAlias(
                organization=organization,
                name=alias,
                language=_alias_language(alias),
                is_acronym=alias.isupper(),
            )
            for organization, o in zip(organizations, registry, strict=True)
            for alias in dict.fromkeys(o.aliases)
        )
        categories = Category.objects.bulk_create(
            Category(slug=slug, name_en=slug.replace("-", " ").title())
            for slug in (
                "civic-space", "elections", "environment", "media-freedom", "justice",
                "social-rights", "peace-and-security", "equality",
            )
        )  # fmt: skip
        statements = [
            Statement(
                slug=f"statement-{i:04d}",
                status=Statement.Status.PUBLISHED,
                published_at=now - timezone.timedelta(days=2 + i * 8, hours=rng.randint(0, 23)),
                original_language=rng.choice(textgen.LANGUAGES),
            )
            for i in range(300)
        ]
        statements.append(
            Statement(
                slug=FEATURED,
                status=Statement.Status.PUBLISHED,
                published_at=now - timezone.timedelta(hours=5),
                open_for_joining=True,
            )
        )
        statements = Statement.objects.bulk_create(statements)
        translations, signatories, links, publishers = [], [], [], []
        for statement in statements:
            featured = statement.slug == FEATURED
            languages = (
                textgen.LANGUAGES
                if featured or rng.random() < 0.5
                else [statement.original_language, *rng.sample(textgen.LANGUAGES, 1)]
            )
            length = 600 if featured else rng.randint(150, 500)
            for language in dict.fromkeys(languages):
                body = textgen.body(rng, language, length)
                translations.append(
                    StatementTranslation(
                        statement=statement,
                        language=language,
                        title=textgen.title(rng, language),
                        body=body,
                        body_html=render_markdown(body),
                    )
                )
            chosen = rng.sample(organizations, 150 if featured else rng.randint(3, 25))
            signatories += [
                Signatory(statement=statement, organization=organization, position=n)
                for n, organization in enumerate(chosen, start=1)
            ]
            for category in rng.sample(categories, rng.randint(1, 2)):
                links.append(Statement.categories.through(statement=statement, category=category))
            publishers.append(
                Statement.publishers.through(statement=statement, organization=chosen[0])
            )
        StatementTranslation.objects.bulk_create(translations)
        Signatory.objects.bulk_create(signatories)
        Statement.categories.through.objects.bulk_create(links)
        Statement.publishers.through.objects.bulk_create(publishers)
    search_rebuild()


# --- the run ---


def row(name: str, figures: Figures, ceiling: Figures | None) -> str:
    ratio = f"{figures.requests_per_second / ceiling.requests_per_second:.2f}" if ceiling else "1"
    errors = "" if figures.ok else f" ({figures.errors} errors)"
    if figures.timeouts:
        errors += f" ({figures.timeouts} over 5 s)"
    return (
        f"| {name} | {figures.requests_per_second:,.0f}{errors} | {figures.p50_ms:.1f} ms "
        f"| {figures.p99_ms:.1f} ms | {ratio} | {figures.others:.0%} |"
    )


def print_crowd(views: Crowd, args) -> None:
    lost = views.logged - views.counted
    cpu = ", ".join(
        f"{part} {seconds:.1f} s ({seconds / max(views.counted, 1) * 1e6:.0f} µs)"
        for part, seconds in sorted(views.cpu.items(), key=lambda item: -item[1])
    )
    print(
        f"View counts under a crowd: every request a new reader (an address of its own, "
        f"passed in X-Forwarded-For as a CDN would), {args.connections} connections for "
        f"{args.duration} s; {'; '.join(views.events)}."
    )
    print()
    print("| measure | figure | target | met |")
    print("| --- | --- | --- | --- |")
    print(
        f"| readers answered per second (nginx) | {views.figures.requests_per_second:,.0f} "
        f"(p99 {views.figures.p99_ms:.1f} ms) | | |"
    )
    print(
        f"| readers counted per second, from the load's start to the last one counted "
        f"| {views.counted_per_second:,.0f} | ≥ 5,000 "
        f"| {'yes' if views.counted_per_second >= 5000 else '**no**'} |"
    )
    print(
        f"| lines nginx logged (warm-up included) / views counted | {views.logged:,} / "
        f"{views.counted:,} | equal | {'yes' if lost == 0 else '**no**'} |"
    )
    print(f"| the last view counted, after the load ended | {views.seconds_to_count:.1f} s | | |")
    print(f"| CPU by part, from the load's start to the last count (per reader) | {cpu} | | |")
    print(f"| others' CPU (share of all cores) | {views.figures.others:.0%} | | |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=15, help="seconds per measurement")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=WORKERS)
    parser.add_argument("--threads", type=int, default=THREADS)
    parser.add_argument("--keep", action="store_true", help="leave everything up (Ctrl-C ends)")
    parser.add_argument("--views-only", action="store_true", help="only the view image's crowd")
    parser.add_argument("--generate", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(SEED)
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="undersigned-bench-web-"))
    # nginx's worker processes run as another user: they must be able to read the page.
    tmp.chmod(0o755)
    for folder in ("www", "var", "logs"):
        (tmp / folder).mkdir()
    env = production_env(tmp / "var", db_name=DB_NAME, redis_url=REDIS_URL)
    # As deployed: nginx answers the view image and logs it; the worker counts the log.
    (tmp / "nginx-logs").mkdir()
    views_log = tmp / "nginx-logs" / "undersigned.views.log"
    env["VIEWS_LOG"] = str(views_log)
    processes = Processes(tmp / "logs")
    ports = {name: free_port() for name in ("app", "app_a", "app_b", "static", "lb1", "lb2", "lbc")}
    started = time.monotonic()
    try:
        database_reset(DB_NAME)
        redis_flush(REDIS_URL)
        prepare(env)
        subprocess.run(  # noqa: S603
            [sys.executable, __file__, "--generate"], cwd=ROOT, env=env, check=True
        )
        setup_seconds = time.monotonic() - started
        worker = [processes.start("worker", [UNDERSIGNED, "worker"], env)]
        app = serve(processes, env, "app", ports["app"], args.workers, args.threads)

        base = f"http://127.0.0.1:{ports['app']}"
        page = f"/en/statements/{FEATURED}/"
        html = fetch(base + page)
        (tmp / "www" / "statement.html").write_bytes(html)
        scripts = {}
        for name, paths in {
            "statement": [page],
            "archive": ["/en/statements/"],
            "search": [f"/en/search/?q={urllib.parse.quote(q)}" for q in SEARCHES],
        }.items():
            scripts[name] = tmp / f"{name}.lua"
            quoted = ", ".join(f'"{path}"' for path in paths)
            scripts[name].write_text(READERS_LUA % {"paths": quoted})
        beacon = re.search(rb'<img class="view-beacon" src="([^"]+)"', html).group(1).decode()
        scripts["beacon"] = tmp / "beacon.lua"
        scripts["beacon"].write_text(READERS_LUA % {"paths": f'"{beacon}"'})
        (tmp / "proxy.conf").write_text(PROXY_CONF)
        (tmp / "page-cache.conf").write_text(PAGE_CACHE_CONF)
        views_conf = (ROOT / "deploy" / "nginx-views.conf").read_text()
        (tmp / "views.conf").write_text(views_conf.replace("/var/log/nginx/", f"{tmp}/nginx-logs/"))
        site = (ROOT / "deploy" / "nginx.conf").read_text()
        views_http = re.search(r"^log_format undersigned_views .*?^}\n", site, re.S | re.M)
        (tmp / "nginx.conf").write_text(
            NGINX_CONF
            % {
                "tmp": tmp,
                "workers": os.cpu_count() or 1,
                "static_port": ports["static"],
                "app_a": ports["app_a"],
                "app_b": ports["app_b"],
                "lb_one": ports["lb1"],
                "lb_two": ports["lb2"],
                "lb_cached": ports["lbc"],
                "page_cache_path": page_cache_path(tmp / "page-cache"),
                "views_http": views_http.group(0),
            }
        )
        nginx = processes.start(
            "nginx", [NGINX, "-e", str(tmp / "nginx-error.log"), "-p", str(tmp), "-c",
                      str(tmp / "nginx.conf")], env
        )  # fmt: skip
        wait_for(f"http://127.0.0.1:{ports['static']}/statement.html", process=nginx)

        machine = Machine(processes, DB_NAME)

        def measure(url: str, script: Path | None) -> Figures:
            # A short warm-up fills caches and connection pools before the measurement.
            run_wrk(url, duration=2, connections=args.connections, script=script)
            figures, others = machine.others_during(
                lambda: run_wrk(
                    url, duration=args.duration, connections=args.connections, script=script
                )
            )
            figures.others = others
            return figures

        if args.keep:
            print(f"Up: app {base}, nginx static :{ports['static']}; logs in {tmp}/logs")
            with contextlib.suppress(KeyboardInterrupt):
                app.wait()
            return 0

        if args.views_only:
            views = crowd(f"http://127.0.0.1:{ports['lbc']}{beacon}", args, tmp, views_log, env,
                          processes, machine, nginx, worker)  # fmt: skip
            print_crowd(views, args)
            return 0 if views.logged == views.counted else 1

        static = f"http://127.0.0.1:{ports['static']}/statement.html"
        results = [("nginx, the statement page as a static file", measure(static, None), None)]
        ceiling = results[0][1]
        for label, path, script in (
            ("statement page, 150 signatories", page, "statement"),
            ("archive page", "/en/statements/", "archive"),
            (f"search, {len(SEARCHES)} queries in turn", "/en/search/", "search"),
            ("the page's view image, counted by the app (`make run`)", beacon, "beacon"),
        ):
            figures = measure(base + path, scripts[script])
            results.append((label, figures, ceiling))
        processes.stop(app)

        # Scale-out: single-worker app servers behind nginx, one and then two.
        serve(processes, env, "app_a", ports["app_a"], 1, args.threads)
        one = measure(f"http://127.0.0.1:{ports['lb1']}{page}", scripts["statement"])
        serve(processes, env, "app_b", ports["app_b"], 1, args.threads)
        two = measure(f"http://127.0.0.1:{ports['lb2']}{page}", scripts["statement"])

        # As deployed: nginx's page cache in front of the two app servers.
        cached_base = f"http://127.0.0.1:{ports['lbc']}"
        cached = []
        for label, path, script in (
            ("statement page, 150 signatories", page, "statement"),
            ("archive page", "/en/statements/", "archive"),
            (f"search, {len(SEARCHES)} queries in turn", "/en/search/", "search"),
        ):
            cached.append((label, measure(cached_base + path, scripts[script]), ceiling))
        views = crowd(cached_base + beacon, args, tmp, views_log, env, processes, machine, nginx,
                      worker)  # fmt: skip
        cached.append(("the page's view image (nginx; the worker counts)", views.figures, ceiling))
    finally:
        processes.stop_all()
        with contextlib.suppress(Exception):
            redis_flush(REDIS_URL)
        with contextlib.suppress(Exception):
            database_reset(DB_NAME, drop_only=True)
        shutil.rmtree(tmp, ignore_errors=True)

    print(
        f"Production settings on PostgreSQL and Redis; gunicorn (`undersigned serve`) with "
        f"{args.workers} worker processes × {args.threads} threads; the worker running. "
        f"Load: `wrk -t2 -c{args.connections} -d{args.duration}s --latency`, every request a "
        f"new reader (no cookies, its own User-Agent), after a 2 s warm-up. Data: 3,000 "
        f"organisations, 301 statements in en/hy/ru; the statement page is "
        f"{len(html) / 1024:.0f} KiB of HTML. Set-up took {setup_seconds:.0f} s."
    )
    print()
    print(
        "As deployed (deploy/nginx.conf): nginx with its page cache "
        "(deploy/nginx-page-cache.conf) in front of two app servers of one worker process each:"
    )
    print()
    print("| what | requests/s | p50 | p99 | ratio to nginx | others' CPU |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(row(*results[0]))
    for label, figures, base_figures in cached:
        print(row(label, figures, base_figures))
    print()
    print(
        "The page is the same for every reader, so nginx serves it from its cache until the "
        "end of the second and then revalidates with the app (a 304, or the new page after a "
        "change). Each reader's browser also fetches the view image, which nginx answers "
        "itself (deploy/nginx-views.conf) and writes to its views log; the worker counts the "
        "log every few seconds (engagement/viewlog.py)."
    )
    print()
    print_crowd(views, args)
    print()
    print(
        f"The app servers alone: one `undersigned serve` of {args.workers} worker processes "
        f"× {args.threads} threads, its own page cache in Redis, no nginx in front:"
    )
    print()
    print("| what | requests/s | p50 | p99 | ratio to nginx | others' CPU |")
    print("| --- | --- | --- | --- | --- | --- |")
    for label, figures, base_figures in results[1:]:
        print(row(label, figures, base_figures))
    print()
    print(
        "Targets: ratio ≥ 0.5 and p99 < 50 ms for the statement page at "
        f"{args.connections} connections. \"Others' CPU\" is the share of the machine's cores "
        "that processes other than this benchmark's (and its Redis and database) took during "
        "the measurement: on a shared machine, figures taken beside a busy neighbour are low."
    )
    print()
    print("Scale-out: app servers of one worker process each behind nginx (deploy/nginx.conf):")
    print()
    print("| app servers | requests/s | p50 | p99 | gain | others' CPU |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(row("one", one, None).replace("| 1 |", "| |"))
    gain = two.requests_per_second / one.requests_per_second
    print(row("two", two, None).replace("| 1 |", f"| ×{gain:.2f} |"))
    failed = (
        any(not figures.ok for _label, figures, _base in results + cached)
        or not (one.ok and two.ok)
        or views.logged != views.counted
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
