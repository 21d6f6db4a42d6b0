"""The insight pages are valid HTML by the Nu HTML Checker (vnu.jar from npm), in en, hy, ru."""

import json
import shutil
import subprocess
from pathlib import Path

from tests.conftest import require
from undersigned.insights import services

VNU = (
    Path(__file__).resolve().parents[3] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


def test_insight_pages_are_valid_html(client, archive, tmp_path):
    java = shutil.which("java")
    require(java is not None, "java not found (apt-get install default-jre-headless)")
    require(VNU.exists(), f"the Nu HTML Checker not found at {VNU} (npm install vnu-jar)")
    services.network_graph_compute(network=archive.network)
    services.overview_compute()
    statement = max(archive.statements, key=lambda s: len(archive.statements[s][2]))
    files = []
    for language in ("en", "hy", "ru"):
        for n, path in enumerate(
            (
                f"/{language}/insights/",
                f"/{language}/insights/?year=2023&category={archive.categories[2].slug}",
                f"/{language}/organisations/{archive.network.slug}/",
                f"/{language}/organisations/{archive.members[1].slug}/",
                f"/{language}/statements/{statement.slug}/",
            )
        ):
            response = client.get(path)
            assert response.status_code == 200, path
            file = tmp_path / f"{language}-{n}.html"
            file.write_bytes(response.content)
            files.append(file)
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [m for m in messages if m.get("type") == "error"]
    summary = sorted({(Path(m["url"]).name, m["message"]) for m in errors})
    assert errors == [], "\n".join(f"{f}: {m}" for f, m in summary[:40])
