"""Views counted from nginx's log (engagement/viewlog.py): each reader once, none lost."""

import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import require
from undersigned.engagement import services, viewcount
from undersigned.engagement.models import StatementEngagement, ViewLogPosition
from undersigned.engagement.services import views_log_read

pytestmark = pytest.mark.usefixtures("english")

ROOT = Path(__file__).resolve().parents[3]
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
NOW = time.time()


@pytest.fixture
def statement(statement_factory):
    return statement_factory(translation__title="On the freedom of assembly")


def line(statement, address, *, agent=FIREFOX, purpose="-", key=None, slug=None, moment=NOW):
    """A line as nginx writes it in the `undersigned_views` format of deploy/nginx.conf."""
    slug = slug or statement.slug
    key = key or viewcount.beacon_key(slug)
    uri = f"/en/statements/{slug}/seen/{key}.gif"
    return f"{moment:.3f}\t{address}\t{uri}\t{agent}\t{purpose}\t-\t-\n"


def views(statement) -> int:
    row = StatementEngagement.objects.filter(statement=statement).first()
    return row.view_count if row else 0


def test_each_reader_in_the_log_counts_once_through_a_rotation_and_a_crash(
    statement, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    log = tmp_path / "undersigned.views.log"
    log.write_text(
        line(statement, "203.0.113.1")
        + line(statement, "203.0.113.2")
        + line(statement, "203.0.113.1")  # the same reader again that day
        + line(statement, "2001:db8::7")
        + line(statement, "203.0.113.9", agent="-")
        + line(statement, "203.0.113.9", agent="Mozilla/5.0 (compatible; Googlebot/2.1)")
        + line(statement, "203.0.113.9", purpose="prefetch;prerender")
        + line(statement, "203.0.113.9", key="0123456789abcdef")  # a made-up key
        + line(statement, "203.0.113.9", slug="made-up")
        + "not a line of ours\n"
        + line(statement, "203.0.113.4")[:20]  # nginx is writing this one now
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert views_log_read(path=log) == 3
    assert views(statement) == 3

    # The rest of the line; then logrotate renames the file, nginx writes a last line to it
    # before it reopens the log, and the new file begins.
    with log.open("a") as old:
        old.write(line(statement, "203.0.113.4")[20:])
    log.rename(tmp_path / "undersigned.views.log.1")
    with (tmp_path / "undersigned.views.log.1").open("a") as old:
        old.write(line(statement, "203.0.113.5"))
    log.write_text(line(statement, "203.0.113.6") + line(statement, "203.0.113.2"))

    # The worker dies after counting, before its transaction commits: nothing is kept.
    counted = services._readers_count

    def crash(batch):
        counted(batch)
        raise KeyboardInterrupt

    monkeypatch.setattr(services, "_readers_count", crash)
    with pytest.raises(KeyboardInterrupt):
        views_log_read(path=log)
    assert views(statement) == 3
    monkeypatch.setattr(services, "_readers_count", counted)

    assert views_log_read(path=log) == 3  # .4 and .5 from the old file, .6 from the new
    assert views_log_read(path=log) == 0
    assert views(statement) == 6
    assert ViewLogPosition.objects.count() == 2

    (tmp_path / "undersigned.views.log.1").unlink()  # rotated out
    with log.open("a") as new:
        new.write(line(statement, "203.0.113.7"))
    assert views_log_read(path=log) == 1
    assert views(statement) == 7
    assert list(ViewLogPosition.objects.values_list("path", flat=True)) == [str(log)]


def test_a_reader_whose_line_is_read_the_next_day_counts_for_the_day_of_the_view(
    statement, tmp_path
):
    log = tmp_path / "undersigned.views.log"
    yesterday = NOW - 86400
    log.write_text(
        line(statement, "203.0.113.1", moment=yesterday) + line(statement, "203.0.113.1")
    )
    assert views_log_read(path=log) == 2  # one reader on each of two days
    with log.open("a") as more:
        more.write(line(statement, "203.0.113.1", moment=yesterday))
    assert views_log_read(path=log) == 0


def test_nginx_answers_the_view_image_and_the_worker_counts_its_log(statement, tmp_path):
    """deploy/nginx-views.conf in a real nginx: no app behind it, every reader counted."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    require(Path(nginx).exists(), "nginx is missing (apt-get install nginx)")
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    http_part = re.search(r"^log_format undersigned_views .*?^}\n", site, re.S | re.M).group(0)
    views_conf = (ROOT / "deploy" / "nginx-views.conf").read_text()
    (tmp_path / "views.conf").write_text(views_conf.replace("/var/log/nginx/", f"{tmp_path}/"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (tmp_path / "nginx.conf").write_text(
        f"daemon off;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events {}\nhttp {\n"
        # Readers behind a proxy: their own addresses, as a CDN in front would pass them.
        "set_real_ip_from 127.0.0.1;\nreal_ip_header X-Forwarded-For;\n"
        f"access_log off;\n{http_part}"
        f"server {{\n listen 127.0.0.1:{port};\n include {tmp_path}/views.conf;\n}}\n}}\n"
    )
    for folder in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp_path / folder).mkdir()
    process = subprocess.Popen(
        [nginx, "-e", f"{tmp_path}/error.log", "-p", str(tmp_path), "-c", f"{tmp_path}/nginx.conf"],
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}/en/statements/{statement.slug}/seen/"
        url += f"{viewcount.beacon_key(statement.slug)}.gif"

        def get(address, **headers):
            request = urllib.request.Request(
                url, headers={"User-Agent": FIREFOX, "X-Forwarded-For": address, **headers}
            )
            for _attempt in range(50):
                try:
                    with urllib.request.urlopen(request, timeout=5) as response:
                        return response
                except urllib.error.URLError:
                    time.sleep(0.1)  # nginx is starting
            raise AssertionError(process.stderr.read() if process.poll() else "no answer")

        answer = get("198.51.100.1")
        assert answer.status == 200
        assert answer.headers["Content-Type"] == "image/gif"
        assert answer.headers["Cache-Control"] == "private, no-store"
        for number in range(2, 6):
            get(f"198.51.100.{number}", **{"Accept-Language": "hy\tru"})
        get("198.51.100.1")  # the first reader again
        get("198.51.100.9", Cookie="sessionid=staff")  # a coordinator checking the page
        get("198.51.100.9", **{"Sec-Purpose": "prefetch"})
    finally:
        process.terminate()
        process.wait(timeout=10)
    log = tmp_path / "undersigned.views.log"
    assert len(log.read_text().splitlines()) == 7  # not the signed-in visitor's
    assert views_log_read(path=log) == 5
    assert views(statement) == 5
