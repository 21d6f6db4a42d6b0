import json
import subprocess
import sys
from io import StringIO

import pytest
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


# -- `orgs match --file FILE --json`: the matching contract ----------------------------------------


@pytest.fixture
def registry(organization_factory, alias_factory):
    """A registry with names in three scripts, and near names that must not be confused."""
    asparez = organization_factory(name="Asparez Journalists' Club", slug="asparez")
    alias_factory(organization=asparez, name="Ասպարեզ լրագրողների ակումբ", language="hy")
    alias_factory(organization=asparez, name="Клуб журналистов «Аспарез»", language="ru")
    vanadzor = organization_factory(name="Helsinki Citizens' Assembly – Vanadzor", slug="hcav")
    alias_factory(organization=vanadzor, name="HCAV", language="en")
    organization_factory(name="Women's Resource Center", slug="wrc")
    organization_factory(name="Women's Rights Center", slug="wrights")
    organization_factory(name="Asparez Foundation", slug="asparez-foundation")
    for number in range(8):
        organization_factory(name=f"Green Youth Club {number}", slug=f"green-youth-{number}")
    return asparez


def match_file(tmp_path, text: str) -> list[dict]:
    names = tmp_path / "names.txt"
    names.write_text(text, encoding="utf-8")
    return json.loads(run("match", "--file", str(names), "--json"))


def test_match_file_prints_one_decision_per_line_in_the_contracts_shape(tmp_path, registry):
    rows = match_file(
        tmp_path,
        "Journalists’ Club “Asparez” NGO\nAsparez\nRural Bee-keepers of Tavush\n",
    )
    assert [row["query"] for row in rows] == [
        "Journalists’ Club “Asparez” NGO",
        "Asparez",
        "Rural Bee-keepers of Tavush",
    ]
    for row in rows:
        assert set(row) == {"query", "decision", "slug", "candidates"}
        assert row["decision"] in {"same", "maybe", "new"}
        for candidate in row["candidates"]:
            assert set(candidate) == {"slug", "name", "score"}
        scores = [c["score"] for c in row["candidates"]]
        assert scores == sorted(scores, reverse=True)
    same, maybe, new = rows
    assert (same["decision"], same["slug"]) == ("same", "asparez")
    assert same["candidates"][0] == {
        "slug": "asparez",
        "name": "Asparez Journalists' Club",
        "score": same["candidates"][0]["score"],
    }
    assert maybe["decision"] == "maybe"
    assert maybe["slug"] in {"asparez", "asparez-foundation"}
    assert maybe["slug"] == maybe["candidates"][0]["slug"]
    assert (new["decision"], new["slug"]) == ("new", None)


def test_match_file_decides_armenian_and_russian_names(tmp_path, registry):
    rows = match_file(
        tmp_path,
        "«Ասպարեզ» լրագրողների ակումբ ՀԿ\n"
        "Клуб журналистов Аспарез\n"
        "Хельсинкская гражданская ассамблея – Ванадзор\n"
        "Կանանց ռեսուրսային կենտրոն\n",
    )
    assert [(row["decision"], row["slug"]) for row in rows[:3]] == [
        ("same", "asparez"),
        ("same", "asparez"),
        ("same", "hcav"),
    ]
    # The registry knows this centre only in English: the translation is found, and kept
    # apart from the Women's Rights Center.
    assert rows[3]["slug"] == "wrc"
    assert rows[3]["decision"] in {"same", "maybe"}


def test_a_near_name_of_another_organisation_is_never_the_same(tmp_path, registry):
    rows = match_file(tmp_path, "Women’s Rights Centre\nAsparez Journalists' Foundation\n")
    assert (rows[0]["decision"], rows[0]["slug"]) == ("same", "wrights")
    assert rows[1]["decision"] != "same"


def test_match_file_lists_at_most_five_candidates(tmp_path, registry):
    (row,) = match_file(tmp_path, "Green Youth Club\n")
    assert 1 <= len(row["candidates"]) <= 5
    assert row["decision"] != "same"


def test_a_blank_line_keeps_its_place_and_is_new(tmp_path, registry):
    rows = match_file(tmp_path, "HCAV\n\n   \nAsparez Journalists Club\n")
    assert len(rows) == 4
    assert [row["decision"] for row in rows] == ["same", "new", "new", "same"]
    assert rows[1] == {"query": "", "decision": "new", "slug": None, "candidates": []}


def test_an_empty_file_gives_an_empty_array(tmp_path, registry):
    assert match_file(tmp_path, "") == []


def test_match_file_reads_standard_input_and_prints_text_without_json(
    tmp_path, registry, monkeypatch
):
    names = tmp_path / "names.txt"
    names.write_text("HCAV\n", encoding="utf-8")
    out = run("match", "--file", str(names))
    assert out.split() == ["same", "hcav", "HCAV"]
    monkeypatch.setattr("sys.stdin", StringIO("Asparez Journalists Club\n"))
    rows = json.loads(run("match", "--file", "-", "--json"))
    assert rows[0]["slug"] == "asparez"


def test_match_needs_a_name_or_a_file_but_not_both(tmp_path, registry):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="NAME"):
        run("match")
    with pytest.raises(CommandError, match="not both"):
        run("match", "HCAV", "--file", str(tmp_path / "names.txt"))


def test_the_single_name_match_lists_reasons_as_codes_too(registry):
    rows = json.loads(run("match", "Journalists’ Club “Asparez”", "--json"))
    assert rows[0]["slug"] == "asparez"
    assert rows[0]["reasons"][0]["code"] == "same_after"


def test_dedupe_with_the_registry_takes_only_a_same_decision(tmp_path, registry):
    names = tmp_path / "names.txt"
    names.write_text("Asparez\nHCAV\n", encoding="utf-8")
    rows = json.loads(run("dedupe", str(names), "--json", "--registry"))
    assert rows[0]["canonical"] == "Asparez"  # a "maybe" is not merged into the registry's
    assert rows[1]["canonical"] == "Helsinki Citizens' Assembly – Vanadzor"
