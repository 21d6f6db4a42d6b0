import json
import subprocess
import sys
from io import StringIO

from django.core.management import call_command
from django.utils import translation

from undersigned.organizations.matching import compare


def run(*args) -> str:
    out = StringIO()
    call_command("orgs", *args, stdout=out)
    return out.getvalue()


def test_dedupe_prints_one_object_per_non_empty_line_in_input_order(tmp_path):
    names = tmp_path / "names.txt"
    names.write_text(
        "Helsinki Citizens' Assembly-Vanadzor\n\n"
        "Coalition For Equal Rights\n"
        "Helsinki Citizens Assembly – Vanadzor\n"
        "For Equal Rights NGO\n",
        encoding="utf-8",
    )
    rows = json.loads(run("dedupe", str(names), "--json"))
    assert [row["name"] for row in rows] == [
        "Helsinki Citizens' Assembly-Vanadzor",
        "Coalition For Equal Rights",
        "Helsinki Citizens Assembly – Vanadzor",
        "For Equal Rights NGO",
    ]
    assert all(set(row) == {"name", "cluster", "canonical"} for row in rows)
    assert rows[0]["cluster"] == rows[2]["cluster"]
    assert len({rows[0]["cluster"], rows[1]["cluster"], rows[3]["cluster"]}) == 3


def test_dedupe_runs_without_any_database(tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("Women’s Resource Center\nWomen’ Resource Center\n", encoding="utf-8")
    env = {
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-m", "undersigned", "orgs", "dedupe", str(names), "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    )
    rows = json.loads(result.stdout)
    assert rows[0]["cluster"] == rows[1]["cluster"]


def test_dedupe_with_the_registry_names_the_registry_record(tmp_path, organization_factory):
    organization_factory(name="Transparency International Anticorruption Center")
    names = tmp_path / "names.txt"
    names.write_text("Transparency International Anti-Corruption Center NGO\n", encoding="utf-8")
    rows = json.loads(run("dedupe", str(names), "--json", "--registry"))
    assert rows[0]["canonical"] == "Transparency International Anticorruption Center"


def test_match_lists_registry_candidates_with_scores(organization_factory, alias_factory):
    asparez = organization_factory(name="Asparez Journalists' Club")
    alias_factory(organization=asparez, name="Ասպարեզ լրագրողների ակումբ", language="hy")
    organization_factory(name="Article 3 Club")
    rows = json.loads(run("match", "Journalists’ Club “Asparez”", "--json"))
    assert rows[0]["name"] == "Asparez Journalists' Club"
    assert rows[0]["score"] >= 90
    assert rows[0]["explanation"]
    assert "Asparez Journalists' Club" in run("match", "Journalists’ Club “Asparez”")


def test_match_explains_in_english_whatever_the_active_language(organization_factory):
    organization_factory(name="Lori Civic Forum")
    with translation.override("ru"):
        rows = json.loads(run("match", "Lori Civic Forum NGO", "--json"))
    assert rows[0]["explanation"] == compare("Lori Civic Forum NGO", "Lori Civic Forum").explanation
    assert rows[0]["explanation"].startswith("same name after")


def test_a_missing_file_is_a_clear_error(tmp_path):
    import pytest
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="No such file"):
        run("dedupe", str(tmp_path / "absent.txt"), "--json")
