"""`undersigned orgs load FILE.csv`: the registry from a spreadsheet, idempotent by slug."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from undersigned.core.models import AuditEntry
from undersigned.organizations.models import Membership, Organization, OrganizationAlias

HEADER = "slug,name,name_hy,name_ru,aliases,website,kind,city,parent,email_domains,notes"
NETWORK_ROW = (
    "civic-network,Civic Network,Քաղաքացիական ցանց,Гражданская сеть,CN,"
    "https://civic.example.am,network,Yerevan,,,"
)
LAB_ROW = (
    "gyumri-lab,Gyumri Media Lab,Գյումրու մեդիա լաբորատորիա,Гюмрийская медиалаборатория,"
    "GML|Gyumri Media Laboratory,https://gml.example.am,ngo,Gyumri,civic-network,"
    "gml.example.am,our note"
)
CSV = "\n".join([HEADER, NETWORK_ROW, LAB_ROW]) + "\n"


def load(tmp_path, text: str, *args: str) -> dict:
    path = tmp_path / "registry.csv"
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("orgs", "load", str(path), "--json", *args, stdout=out)
    return json.loads(out.getvalue())


def test_a_spreadsheet_creates_organisations_with_names_aliases_and_memberships(db, tmp_path):
    report = load(tmp_path, CSV)
    assert report["created"] == ["civic-network", "gyumri-lab"]
    lab = Organization.objects.get(slug="gyumri-lab")
    assert (lab.name, lab.name_hy, lab.name_ru) == (
        "Gyumri Media Lab",
        "Գյումրու մեդիա լաբորատորիա",
        "Гюмрийская медиалаборатория",
    )
    assert (lab.kind, lab.city, lab.website, lab.email_domains) == (
        "ngo",
        "Gyumri",
        "https://gml.example.am",
        "gml.example.am",
    )
    assert set(lab.aliases.values_list("name", flat=True)) == {
        "GML",
        "Gyumri Media Laboratory",
    }
    assert Membership.objects.filter(network__slug="civic-network", member=lab).exists()
    assert report["ignored_columns"] == ["notes"]
    assert AuditEntry.objects.filter(action="organization.load").count() == 1


def test_loading_the_same_file_again_changes_nothing(db, tmp_path):
    load(tmp_path, CSV)
    before = (
        Organization.objects.count(),
        OrganizationAlias.objects.count(),
        Membership.objects.count(),
    )
    report = load(tmp_path, CSV)
    assert report["created"] == []
    assert report["updated"] == {}
    assert report["unchanged"] == ["civic-network", "gyumri-lab"]
    assert (report["aliases_added"], report["memberships_added"]) == (0, 0)
    after = (
        Organization.objects.count(),
        OrganizationAlias.objects.count(),
        Membership.objects.count(),
    )
    assert after == before
    assert AuditEntry.objects.filter(action="organization.load").count() == 1


def test_a_changed_row_updates_only_what_differs_and_says_so(db, tmp_path):
    load(tmp_path, CSV)
    report = load(tmp_path, CSV.replace("Gyumri Media Lab,", "Gyumri Media Lab NGO,"))
    assert report["updated"] == {
        "gyumri-lab": {"name": ["Gyumri Media Lab", "Gyumri Media Lab NGO"]}
    }
    assert Organization.objects.get(slug="gyumri-lab").name == "Gyumri Media Lab NGO"


def test_a_dry_run_reports_and_writes_nothing(db, tmp_path):
    report = load(tmp_path, CSV, "--dry-run")
    assert report["dry_run"] is True
    assert report["created"] == ["civic-network", "gyumri-lab"]
    assert report["memberships_added"] == 1
    assert not Organization.objects.exists()
    assert not AuditEntry.objects.exists()


def test_a_file_with_a_bad_row_changes_nothing_and_names_the_line(db, tmp_path):
    bad = CSV + "Bad Slug!,Somebody,,,,not-a-url,charity,,no-such-network,,\n"
    path = tmp_path / "registry.csv"
    path.write_text(bad, encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("orgs", "load", str(path), stdout=StringIO(), stderr=err)
    assert not Organization.objects.exists()
    problems = err.getvalue()
    assert "line 4" in problems
    assert "is not a slug" in problems
    assert "not a web address" in problems
    assert "Unknown kind “charity”" in problems


def test_a_file_without_the_required_columns_is_refused_clearly(db, tmp_path):
    path = tmp_path / "registry.csv"
    path.write_text("name,kind\nSomebody,ngo\n", encoding="utf-8")
    with pytest.raises(CommandError, match="lacks the column"):
        call_command("orgs", "load", str(path), stdout=StringIO())


def test_a_name_that_looks_like_another_registry_organisation_is_reported(
    db, tmp_path, organization_factory
):
    organization_factory(slug="gyumri-media-laboratory", name="Gyumri Media Laboratory")
    report = load(tmp_path, CSV, "--dry-run")
    similar = [item for item in report["similar"] if item["slug"] == "gyumri-lab"]
    assert similar
    assert {item["existing"] for item in similar} == {"gyumri-media-laboratory"}
