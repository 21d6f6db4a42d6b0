"""Headers and production defaults: CSP, Permissions-Policy, HSTS, cookies, check --deploy,
and a server that refuses to start with a weak secret or DEBUG."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "src" / "undersigned"

# Inline code the policy forbids: <script> without src, <style>, style="", onclick="" and kin.
INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "a <script> without src"),
    (re.compile(r"<style\b", re.I), "a <style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "a style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an inline event handler"),
    (re.compile(r"javascript:", re.I), "a javascript: URL"),
]


def site_templates() -> list[Path]:
    """Every template a browser receives (mail is read by mail programs, not under our CSP)."""
    return [
        path
        for path in sorted(PACKAGE.glob("*/templates/**/*.html"))
        if "/emails/" not in path.as_posix()
    ]


def test_no_template_carries_inline_script_or_style():
    templates = site_templates()
    assert len(templates) > 30
    found = []
    for path in templates:
        text = path.read_text()
        for pattern, what in INLINE:
            # application/json data blocks are not run, and the policy does not cover them.
            for match in pattern.finditer(text):
                if 'type="application/json"' in match.group(0):
                    continue
                found.append(f"{path.relative_to(PACKAGE)}: {what}")
    assert found == []


def test_pages_carry_a_strict_content_security_policy(client, db, statement_factory):
    statement = statement_factory()
    for url in ["/en/", statement.get_absolute_url(), "/en/statements/", "/en/admin/login/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = dict(
            part.strip().split(" ", 1)
            for part in response["Content-Security-Policy"].split(";")
            if part.strip()
        )
        assert policy["default-src"] == "'self'"
        assert policy["script-src"] == "'self'"
        assert policy["style-src"] == "'self'"
        assert policy["frame-ancestors"] == "'none'"
        assert policy["object-src"] == "'none'"
        assert "unsafe" not in response["Content-Security-Policy"]
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


def test_one_view_may_let_other_sites_frame_it(rf, settings):
    """The way an embeddable page opens frame-ancestors, keeping the rest of the policy."""
    from django.http import HttpResponse
    from django.middleware.csp import ContentSecurityPolicyMiddleware

    from undersigned.core.headers import csp_frame_ancestors

    @csp_frame_ancestors("https:")
    def embed(request):
        return HttpResponse("<p>embedded</p>")

    request = rf.get("/en/embed/")
    middleware = ContentSecurityPolicyMiddleware(embed)
    policy = middleware(request)["Content-Security-Policy"]
    assert "frame-ancestors https:" in policy
    assert "script-src 'self'" in policy
    assert "X-Frame-Options" not in embed(request)  # exempt from DENY, too
    assert settings.SECURE_CSP["frame-ancestors"] == ["'none'"]  # the site's default is intact


# Production: run as a deployment would, in a process of its own.


def documented_environment(tmp_path: Path) -> dict[str, str]:
    """The environment docs/deployment.md gives every app server, with a real secret."""
    text = (ROOT / "docs" / "deployment.md").read_text()
    block = text.split("Every app server gets the same environment", 1)[1].split("```sh", 1)[1]
    block = block.split("```", 1)[0]
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "UNDERSIGNED_", "DATABASE_", "REDIS_", "SECRET_"))
        and key not in {"DEBUG", "EMAIL_URL"}
    }
    for line in block.splitlines():
        match = re.match(r"^([A-Z_]+)=(\"[^\"]*\"|\S*)", line.strip())
        if match:
            name, value = match[1], match[2].strip('"')
            if name == "SECRET_KEY":
                value = secrets.token_urlsafe(64)
            env[name] = value.replace("…", "a-password")
    assert env["UNDERSIGNED_PRODUCTION"] == "1"
    env["UNDERSIGNED_VAR_DIR"] = str(tmp_path)
    return env


def undersigned(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "undersigned", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def test_check_deploy_with_the_documented_environment_reports_nothing(tmp_path):
    result = undersigned(
        "check", "--deploy", "--fail-level", "WARNING", env=documented_environment(tmp_path)
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


PROBE = """
import json, django
django.setup()
from django.test import Client
from django.conf import settings
client = Client()
plain = client.get("/robots.txt")
secure = client.get("/robots.txt", secure=True)
language = client.post("/i18n/setlang/", {"language": "hy", "next": "/hy/"}, secure=True)
cookie = language.cookies[settings.LANGUAGE_COOKIE_NAME]
print(json.dumps({
    "plain": [plain.status_code, plain.get("Location", "")],
    "hsts": secure.get("Strict-Transport-Security", ""),
    "csp": secure.get("Content-Security-Policy", ""),
    "cookie": {"secure": cookie["secure"], "samesite": cookie["samesite"],
               "httponly": cookie["httponly"]},
    "2fa": settings.STAFF_REQUIRE_2FA,
}))
"""


def test_production_sends_hsts_redirects_to_https_and_secures_the_language_cookie(tmp_path):
    env = documented_environment(tmp_path)
    env["DJANGO_SETTINGS_MODULE"] = "undersigned.settings"
    env["ALLOWED_HOSTS"] = "testserver"
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["plain"] == [301, "https://testserver/robots.txt"]
    assert seen["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert "script-src 'self'" in seen["csp"]
    assert seen["cookie"] == {"secure": True, "samesite": "Lax", "httponly": True}
    assert seen["2fa"] is True


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"SECRET_KEY": "changeme"}, "well-known example value"),
        ({"SECRET_KEY": "django-insecure-" + "x" * 60}, "well-known example value"),
        ({"SECRET_KEY": "Zq9-short-but-random"}, "too short"),
        ({"SECRET_KEY": "ab" * 40}, "too few characters"),
        ({"DEBUG": "1"}, "DEBUG is on"),
    ],
)
def test_production_refuses_to_start_with_a_weak_secret_or_debug(tmp_path, changes, message):
    env = {**documented_environment(tmp_path), **changes}
    for command in (["check"], ["serve", "--port", "0"]):
        result = undersigned(*command, env=env)
        assert result.returncode == 2
        assert message in result.stderr
        assert "Traceback" not in result.stderr


def test_a_local_run_may_keep_its_local_key(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"UNDERSIGNED_PRODUCTION", "SECRET_KEY", "DEBUG"}
    }
    env["UNDERSIGNED_VAR_DIR"] = str(tmp_path)
    assert undersigned("check", env=env).returncode == 0
