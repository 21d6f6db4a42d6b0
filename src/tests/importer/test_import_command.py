import json

import pytest
from django.core.management import CommandError, call_command

from undersigned.importer.models import ImportedName
from undersigned.organizations.models import Organization
from undersigned.signatures.models import Signatory
from undersigned.statements.models import Statement

MEMBER_PAGE = "member-site-statement-with-comments.txt"


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("import", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_json_output_follows_the_contract_for_every_sample(samples_dir, db):
    rows = json.loads(
        run(*sorted(str(p) for p in samples_dir.glob("*.txt")), "--dry-run", "--json")
    )
    kinds = [row["kind"] for row in rows]
    assert kinds.count("statement") == 2
    assert kinds.count("excerpt") >= 7
    for row in rows:
        assert set(row) == {
            "kind",
            "title",
            "date",
            "categories",
            "publisher",
            "body",
            "signatories",
            "footnotes",
        }
    member = next(row for row in rows if row["date"] == "2023-09-19")
    assert member["categories"] == ["Activities", "Rights", "Right to life", "Announcements"]
    assert len(member["signatories"]) == 12
    assert "Women’ Resource Center" in member["signatories"]


def test_dry_run_writes_nothing(samples_dir, db):
    run(str(samples_dir / MEMBER_PAGE), "--dry-run")
    assert not Statement.objects.exists()
    assert not Organization.objects.exists()


def test_import_creates_a_draft_whose_signatories_resolve_against_the_registry(
    samples_dir, organization_factory, alias_factory
):
    known = organization_factory(name="Helsinki Citizens' Assembly – Vanadzor", slug="hca-vanadzor")
    asparez = organization_factory(name="Asparez Journalists' Club", slug="asparez")
    run(str(samples_dir / MEMBER_PAGE), "--publisher", "hca-vanadzor")

    statement = Statement.objects.get()
    assert statement.status == Statement.Status.DRAFT
    assert statement.published_at.date().isoformat() == "2023-09-19"
    assert list(statement.publishers.all()) == [known]
    assert statement.categories.count() == 4
    assert statement.signatories.count() == 12
    names = {n.printed_name: n for n in ImportedName.objects.all()}
    assert names["Helsinki Citizens Assembly – Vanadzor"].organization == known
    assert names["Journalists’ Club “Asparez”"].organization == asparez
    assert names["Journalists’ Club “Asparez”"].resolution == ImportedName.Resolution.MATCHED
    new = Organization.objects.filter(needs_review=True)
    assert new.count() == 10
    assert Signatory.objects.get(statement=statement, organization=known).position == 1


def test_importing_the_same_page_twice_reuses_the_organisations_it_created(samples_dir, db):
    run(str(samples_dir / MEMBER_PAGE))
    count = Organization.objects.count()
    run(str(samples_dir / MEMBER_PAGE))
    assert Organization.objects.count() == count
    assert Statement.objects.count() == 2


def test_an_unreadable_or_empty_file_is_reported_and_nothing_is_half_imported(tmp_path, db):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    with pytest.raises(CommandError, match="3 of 3"):
        run(str(empty), str(binary), str(tmp_path / "missing.txt"))
    assert not Statement.objects.exists()


def test_an_unknown_publisher_is_a_clear_error(samples_dir, db):
    with pytest.raises(CommandError, match="No organisation with the slug"):
        run(str(samples_dir / MEMBER_PAGE), "--publisher", "nobody")
