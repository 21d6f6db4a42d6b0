"""Every kind of public page, in every language, passes the W3C Nu Html Checker with no error."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import require
from tests.standards.pages import example_paths

VNU_JAR = (
    Path(__file__).resolve().parents[3] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


@pytest.fixture
def vnu() -> list[str]:
    java = shutil.which("java")
    require(java is not None, "Java is not installed (apt-get install default-jre-headless)")
    require(VNU_JAR.exists(), f"the Nu Html Checker is not at {VNU_JAR} (run npm install)")
    return [java, "-Xss4m", "-jar", str(VNU_JAR)]


def check_html(vnu: list[str], folder: Path) -> list[dict]:
    files = sorted(str(path) for path in folder.glob("*.html"))
    result = subprocess.run(
        [*vnu, "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return json.loads(result.stderr)["messages"]  # the checker always reports, even "no errors"


def test_every_kind_of_public_page_in_every_language_is_valid_html(
    client, db, vnu, tmp_path, settings
):
    settings.ARCHIVE_PAGE_SIZE = 2  # so that every list has a second page to check
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    shown: dict[str, str] = {}
    statuses: dict[str, set[int]] = {}
    for route, paths in example_paths().items():
        for path in paths:
            response = client.get(path)
            statuses.setdefault(route, set()).add(response.status_code)
            assert response.status_code in (200, 404), (path, response.status_code)
            assert response["Content-Type"].startswith("text/html"), path
            name = f"page{len(shown):04d}.html"
            (tmp_path / name).write_bytes(response.content)
            shown[name] = path
    # Every kind of page was seen with content, not only as "not found".
    empty = [route for route, codes in statuses.items() if 200 not in codes]
    assert empty == []
    (tmp_path / "page-not-found.html").write_bytes(client.get("/hy/no-such-page/").content)
    shown["page-not-found.html"] = "/hy/no-such-page/"

    errors = check_html(vnu, tmp_path)
    described = [
        f"{shown[Path(error['url']).name]}:{error.get('lastLine')}: {error['message']}"
        for error in errors
    ]
    assert described == []
