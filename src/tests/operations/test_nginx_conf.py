"""deploy/nginx.conf: valid for nginx, health checks and metrics never cached, passive checks."""

import re
import shutil
import subprocess
from pathlib import Path

from tests.conftest import require

ROOT = Path(__file__).resolve().parents[3]
CONF = (ROOT / "deploy" / "nginx.conf").read_text()
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def location(pattern: str) -> str:
    """Return the text of the location block that starts with `pattern`."""
    start = CONF.index(f"location {pattern} {{")
    return CONF[start : CONF.index("\n    }", start)]


def test_nginx_accepts_the_site_configuration(tmp_path):
    require(Path(NGINX).exists(), "nginx is missing (apt-get install nginx)")
    openssl = shutil.which("openssl")
    require(openssl is not None, "openssl is missing")
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         "/CN=statements.example.org", "-keyout", tmp_path / "key.pem",
         "-out", tmp_path / "cert.pem"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    (tmp_path / "cache").mkdir()
    certificates = "/etc/letsencrypt/live/statements.example.org"
    site = (
        CONF.replace(f"{certificates}/fullchain.pem", f"{tmp_path}/cert.pem")
        .replace(f"{certificates}/privkey.pem", f"{tmp_path}/key.pem")
        .replace("/srv/undersigned/deploy/", f"{ROOT}/deploy/")
        .replace("/var/cache/nginx/undersigned", f"{tmp_path}/cache")
        .replace("/var/log/nginx/", f"{tmp_path}/")
    )  # fmt: skip
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "main.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n include /etc/nginx/mime.types;\n include {tmp_path}/site.conf;\n}}\n"
    )
    result = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "main.conf")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_every_app_server_is_checked_passively():
    upstream = CONF[CONF.index("upstream undersigned_app {") :]
    upstream = upstream[: upstream.index("\n}")]
    servers = re.findall(r"^\s*server (\S+) (.*);", upstream, re.MULTILINE)
    assert len(servers) >= 2
    for _address, options in servers:
        assert "max_fails=" in options
        assert "fail_timeout=" in options
    assert "/readyz" in upstream  # the comment tells a probing load balancer what to ask


def test_health_checks_and_metrics_bypass_the_page_cache():
    for block in (location("~ ^/(healthz|readyz)$"), location("= /metrics")):
        assert "proxy_cache off;" in block
        assert "proxy_pass http://undersigned_app;" in block
        assert "include" not in block  # not the page cache's settings
    assert "deny all;" in location("= /metrics")


def test_the_request_id_goes_to_the_app_and_back():
    main = location("/")
    assert "proxy_set_header X-Request-ID $request_id;" in main
    assert "add_header X-Request-ID $request_id always;" in main
