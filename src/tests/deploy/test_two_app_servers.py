"""Two real app servers sharing PostgreSQL and Redis, as docs/deployment.md describes.

Runs in the PostgreSQL pass of `make test`: the two gunicorn processes use the suite's own test
database, so nothing needs migrating; Redis database 13 holds their shared cache.
"""

import os
import pwd
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from tests.conftest import require

# Two app servers need a database they can share: these run in the PostgreSQL pass.
pytestmark = pytest.mark.postgres_only

REDIS_URL = "redis://127.0.0.1:6379/13"
LOOKUP_LIMIT = 6


def _redis_reachable() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, headers={"User-Agent": "Mozilla/5.0 (test reader)"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture
def shared_redis(settings):
    """Point this process's cache at the app servers' Redis, so its commits invalidate theirs."""
    import redis

    require(_redis_reachable(), f"Redis is not reachable at {REDIS_URL}")
    client = redis.Redis.from_url(REDIS_URL)
    client.flushdb()
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "undersigned",
        }
    }
    yield
    client.flushdb()


@pytest.fixture
def app_servers(transactional_db, shared_redis, tmp_path):
    """Start two `undersigned serve` processes on their own ports; yield their base URLs."""
    database = connection.settings_dict
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "GUNICORN_"))
    }
    env.update(
        DATABASE_URL=(
            f"postgres://{database['USER']}:{database['PASSWORD'] or ''}@{database['HOST']}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        ),
        REDIS_URL=REDIS_URL,
        ALLOWED_HOSTS="127.0.0.1",
        DEBUG="0",
        UNDERSIGNED_VAR_DIR=str(tmp_path),
        SIGNON_RATE_LIMIT_SEARCH=f"{LOOKUP_LIMIT}/d",
        LOG_LEVEL="WARNING",
    )
    command = Path(sys.executable).parent / "undersigned"
    servers, urls = [], []
    try:
        for name in ("a", "b"):
            port = _free_port()
            log = (tmp_path / f"{name}.log").open("wb")
            servers.append(
                subprocess.Popen(
                    [command, "serve", "--port", str(port), "--workers", "1", "--threads", "2"],
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 20
        for url, server in zip(urls, servers, strict=True):
            while _get_or_none(f"{url}/robots.txt") != 200:
                if server.poll() is not None or time.monotonic() > deadline:
                    logs = "\n".join(p.read_text() for p in tmp_path.glob("*.log"))
                    pytest.fail(f"an app server did not start:\n{logs[-3000:]}")
                time.sleep(0.1)
        yield urls
    finally:
        for server in servers:
            if server.poll() is None:
                os.killpg(server.pid, 15)
        for server in servers:
            server.wait(timeout=20)


def _get_or_none(url: str) -> int | None:
    try:
        return _get(url)[0]
    except OSError:
        return None


@pytest.mark.multiprocess
def test_a_change_committed_anywhere_reaches_both_app_servers_within_a_second(
    app_servers, statement_factory, signatory_factory, organization_factory
):
    statement = statement_factory(translation__title="On the right to protest")
    path = f"/en/statements/{statement.slug}/"
    first_a = _get(app_servers[0] + path)
    again_a = _get(app_servers[0] + path)
    first_b = _get(app_servers[1] + path)
    assert first_a[0] == again_a[0] == first_b[0] == 200
    # One shared cache: both processes name the page by the same generations.
    assert first_a[1]["ETag"] == again_a[1]["ETag"] == first_b[1]["ETag"]
    assert "Lori Youth Initiative" not in first_b[2]

    signatory_factory(
        statement=statement, organization=organization_factory(name="Lori Youth Initiative")
    )
    committed = time.monotonic()
    seen: dict[str, float] = {}
    while len(seen) < 2 and time.monotonic() - committed < 5:
        for url in app_servers:
            if url not in seen and "Lori Youth Initiative" in _get(url + path)[2]:
                seen[url] = time.monotonic() - committed
        time.sleep(0.02)
    assert set(seen) == set(app_servers), "a server kept the old page for 5 s"
    assert max(seen.values()) < 1.0
    assert _get(app_servers[0] + path)[1]["ETag"] != first_a[1]["ETag"]


@pytest.mark.multiprocess
def test_a_rate_limit_holds_across_both_app_servers(app_servers):
    def exhaust() -> list[int]:
        statuses = []
        for attempt in range(LOOKUP_LIMIT + 4):
            url = app_servers[attempt % 2] + "/en/sign-on/organisations.json?q=lori"
            statuses.append(_get(url)[0])
        return statuses

    day = int(time.time() // 86400)
    statuses = exhaust()
    if int(time.time() // 86400) != day:  # the limit's window turned at midnight meanwhile
        statuses = exhaust()
    # Six look-ups in all, whichever server took them; then both refuse.
    assert statuses == [200] * LOOKUP_LIMIT + [429] * 4


NGINX_CONF = """
daemon off;
user {user};
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/client_body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  proxy_cache_path {tmp}/cache levels=1:2 keys_zone=undersigned_pages:20m
                   max_size=100m inactive=1d use_temp_path=off;
  upstream undersigned_app {{
    least_conn;
    server {a};
    server {b};
    keepalive 8;
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://undersigned_app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      include {root}/deploy/nginx-page-cache.conf;
    }}
  }}
}}
"""


@pytest.fixture
def nginx_in_front(app_servers, tmp_path):
    """nginx on loopback, balancing over both app servers with deploy/nginx-page-cache.conf."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    require(Path(nginx).exists(), "nginx is not installed (Debian package nginx)")
    folder = tmp_path / "nginx"
    (folder / "cache").mkdir(parents=True)
    port = _free_port()
    (folder / "nginx.conf").write_text(
        NGINX_CONF.format(
            tmp=folder,
            user=pwd.getpwuid(os.geteuid()).pw_name,  # its workers can enter the test's folder
            root=Path(__file__).resolve().parents[3],
            port=port,
            a=app_servers[0].removeprefix("http://"),
            b=app_servers[1].removeprefix("http://"),
        )
    )
    process = subprocess.Popen(
        [nginx, "-e", str(folder / "nginx-error.log"), "-p", str(folder), "-c", "nginx.conf"],
        stdout=subprocess.DEVNULL,
        stderr=(folder / "nginx.out").open("wb"),
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 10
        while _get_or_none(f"{url}/robots.txt") != 200:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"nginx did not start: {(folder / 'nginx.out').read_text()}")
            time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.multiprocess
def test_nginx_serves_readers_pages_itself_and_shows_a_new_signatory_within_a_second(
    nginx_in_front, statement_factory, signatory_factory, organization_factory
):
    statement = statement_factory(translation__title="On the right to protest")
    url = f"{nginx_in_front}/en/statements/{statement.slug}/"
    statuses = [_get(url)[1].get("X-Cache-Status") for _ in range(3)]
    assert statuses[0] == "MISS"
    assert statuses[-1] in ("HIT", "REVALIDATED")  # from nginx, or a 304 from the app
    assert "Lori Youth Initiative" not in _get(url)[2]

    signatory_factory(
        statement=statement, organization=organization_factory(name="Lori Youth Initiative")
    )
    committed = time.monotonic()
    while "Lori Youth Initiative" not in _get(url)[2]:
        assert time.monotonic() - committed < 5, "nginx kept the old page for 5 s"
        time.sleep(0.01)
    # To the end of the second it was stored in, then one render: never a second more.
    assert time.monotonic() - committed < 1.0 + 0.5


@pytest.mark.multiprocess
def test_nginx_shares_the_support_form_but_never_a_signed_in_visitors_page(
    nginx_in_front, statement_factory
):
    statement = statement_factory(translation__title="On the right to protest")
    support = f"{nginx_in_front}/en/statements/{statement.slug}/support/"
    first, second = _get(support), _get(support)
    assert first[0] == second[0] == 200
    # The form carries no token and sets no cookie (its POST is checked by Origin and
    # Sec-Fetch-Site): one copy serves everyone, from nginx within its second.
    assert "csrfmiddlewaretoken" not in first[2]
    assert "Set-Cookie" not in first[1]
    assert second[1].get("X-Cache-Status") in ("HIT", "REVALIDATED", "UPDATING")
    assert first[2] == second[2]

    page = f"{nginx_in_front}/en/statements/{statement.slug}/"
    _get(page)
    request = urllib.request.Request(
        page, headers={"User-Agent": "Mozilla/5.0 (editor)", "Cookie": "sessionid=abc"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["X-Cache-Status"] == "BYPASS"


@pytest.mark.multiprocess
def test_nginx_keeps_one_confirmation_page_for_every_supporters_link(
    nginx_in_front, statement_factory, tasks_do_nothing
):
    from undersigned.signatures import supporters
    from undersigned.signatures.models import Supporter

    statement = statement_factory(translation__title="On the right to protest")
    tokens = []
    for email in ("ani@example.am", "aram@example.am"):
        supporters.supporter_sign_up(
            statement=statement, name="A", place="B", email=email, show_name=True, language="en"
        )
        tokens.append(supporters._supporter_confirm_token(Supporter.objects.get(email=email)))
    page = f"{nginx_in_front}/en/statements/{statement.slug}/support/confirm/"
    first, second = _get(f"{page}?token={tokens[0]}"), _get(f"{page}?token={tokens[1]}")
    assert first[0] == second[0] == 200
    # One copy for every link: nginx keeps it without the token, which is nowhere in it.
    assert first[1]["X-Cache-Status"] == "MISS"
    assert second[1]["X-Cache-Status"] in ("HIT", "REVALIDATED", "UPDATING")
    assert first[2] == second[2]
    assert not [token for token in tokens if token in first[2]]
    # The Confirm's POST reaches an app server with its own token, and confirms that one.
    request = urllib.request.Request(
        f"{page}?token={tokens[1]}",
        data=b"",
        method="POST",
        headers={"User-Agent": "Mozilla/5.0 (test reader)", "Sec-Fetch-Site": "same-origin"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
        assert "your support is confirmed" in response.read().decode()
    confirmed = Supporter.objects.filter(confirmed_at__isnull=False)
    assert list(confirmed.values_list("email", flat=True)) == ["aram@example.am"]
