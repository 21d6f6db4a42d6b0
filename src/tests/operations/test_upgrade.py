"""Safe upgrades: a database made by the previous release, full of statements and sign-ups,
migrates to this code with every record still there and readable; migrations that rewrite big
tables are flagged; `up` refuses to serve an unmigrated database in production."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, migrations, models
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.html import escape

from undersigned.core.models import AuditEntry
from undersigned.demo.content import CATEGORIES, ORGANIZATIONS, STATEMENTS, signatory_slugs
from undersigned.operations import upgrades
from undersigned.signatures.models import Signatory, SignOnRequest, Supporter
from undersigned.statements.models import Statement

RELEASE_FILE = Path(__file__).with_name("previous_release.json")
PREVIOUS = upgrades.previous_release(RELEASE_FILE)


def migrate_to(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection)


def migrate_to_latest() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def fill_as_the_previous_release(apps) -> dict:
    """Write demo-like content and sign-ups with the previous release's models; return it."""
    Category = apps.get_model("statements", "Category")
    Organization = apps.get_model("organizations", "Organization")
    Alias = apps.get_model("organizations", "OrganizationAlias")
    Statement = apps.get_model("statements", "Statement")
    Translation = apps.get_model("statements", "StatementTranslation")
    Version = apps.get_model("statements", "StatementVersion")
    Signatory = apps.get_model("signatures", "Signatory")
    SignOn = apps.get_model("signatures", "SignOnRequest")
    Supporter = apps.get_model("signatures", "Supporter")
    Outbound = apps.get_model("signatures", "OutboundEmail")
    Audit = apps.get_model("core", "AuditEntry")
    now = timezone.now()

    categories = {
        spec.slug: Category.objects.create(
            slug=spec.slug, name_en=spec.en, name_hy=spec.hy, name_ru=spec.ru
        )
        for spec in CATEGORIES
    }
    organizations = {}
    for spec in ORGANIZATIONS:
        organizations[spec.slug] = Organization.objects.create(
            slug=spec.slug, name=spec.name, kind=spec.kind, city=spec.city, country=spec.country,
            website=spec.website, email_domains=spec.email_domains, description=spec.description,
        )  # fmt: skip
        Alias.objects.bulk_create(
            Alias(organization=organizations[spec.slug], name=name, language=lang, is_acronym=acr)
            for name, lang, acr in spec.aliases()
        )
    made: dict = {"statements": {}, "signatories": {}, "sign_ons": {}, "supporters": {}}
    for number, spec in enumerate(STATEMENTS):
        statement = Statement.objects.create(
            slug=spec.slug,
            status=spec.status,
            original_language=spec.original_language,
            published_at=spec.published,
            open_for_joining=spec.open_for_joining,
            signatory_order=spec.order,
        )
        statement.categories.set([categories[slug] for slug in spec.categories])
        statement.publishers.set([organizations[slug] for slug in spec.publishers])
        for language, text in spec.texts.items():
            Translation.objects.create(
                statement=statement, language=language, title=text.title, summary=text.summary,
                body=text.body, adoption_note=text.adoption_note, body_html=f"<p>{text.title}</p>",
            )  # fmt: skip
        version = Version.objects.create(
            statement=statement,
            number=1,
            content_hash=f"{number:064x}",
            texts={
                lang: {"title": text.title, "body": text.body} for lang, text in spec.texts.items()
            },
        )
        made["statements"][statement.pk] = {lang: t.title for lang, t in spec.texts.items()}
        for position, slug in enumerate(signatory_slugs(spec), start=1):
            signatory = Signatory.objects.create(
                statement=statement, organization=organizations[slug], position=position,
                signed_on=(spec.published or now).date(), version=version,
            )  # fmt: skip
            made["signatories"][signatory.pk] = (statement.pk, organizations[slug].name)
        if spec.status not in ("open", "published"):
            continue
        # Sign-ups through the form: confirmed, pending, unconfirmed; and public supporters.
        for state in ("approved", "pending", "unconfirmed"):
            sign_on = SignOn.objects.create(
                statement=statement, version=version, organization_name=f"Goris Press Club {state}",
                contact_name="Lusine Hakobyan", contact_role="Director",
                contact_email=f"{state}.{number}@gorispress.example.am",
                contact_phone="+374 10 123456", declared_at=now, language="hy", status=state,
                confirmed_at=None if state == "unconfirmed" else now,
            )  # fmt: skip
            made["sign_ons"][sign_on.pk] = (state, sign_on.contact_email)
            Outbound.objects.create(
                key=f"confirm:{sign_on.pk}", kind="confirm", sign_on=sign_on,
                to=sign_on.contact_email, subject="Հաստատեք ստորագրությունը", body_text="…",
                body_html="<p>…</p>", language="hy", status="sent", attempts=1, sent_at=now,
            )  # fmt: skip
        for index in range(3):
            supporter = Supporter.objects.create(
                statement=statement, name=f"Ани Саргсян {index}", place="Gyumri",
                email=f"ani{index}.{number}@mail.example.am", show_name=index != 2, language="ru",
                confirmed_at=now - timedelta(hours=index), counted_at=now,
            )  # fmt: skip
            made["supporters"][supporter.pk] = (statement.pk, supporter.name, supporter.email)
        Audit.objects.create(
            action="statement.publish", actor_label="coordinator", statement=statement,
            details={"note": "Հրապարակված է", "ru": "Опубликовано"},
        )  # fmt: skip
    made["audit"] = {
        entry.pk: (entry.action, entry.details) for entry in Audit.objects.order_by("pk")
    }
    return made


@pytest.mark.django_db(transaction=True)
def test_a_database_of_the_previous_release_upgrades_with_everything_readable(client):
    targets = list(PREVIOUS.items())
    try:
        executor = migrate_to(targets)
        old_apps = executor.loader.project_state(targets, at_end=True).apps
        made = fill_as_the_previous_release(old_apps)
        assert len(made["statements"]) == len(STATEMENTS) >= 10
        assert len(made["signatories"]) >= 100
        migrate_to_latest()
    finally:
        migrate_to_latest()  # never leave the test database behind the code
    assert (
        MigrationExecutor(connection).migration_plan(
            MigrationExecutor(connection).loader.graph.leaf_nodes()
        )
        == []
    )

    statements = Statement.objects.prefetch_related("translations")
    assert {s.pk: {t.language: t.title for t in s.translations.all()} for s in statements} == (
        made["statements"]
    )
    signatories = Signatory.objects.select_related("organization", "version")
    assert {s.pk: (s.statement_id, s.organization.name) for s in signatories} == (
        made["signatories"]
    )
    assert all(s.version is not None for s in signatories)
    sign_ons = SignOnRequest.objects.all()
    assert {s.pk: (s.status, s.contact_email) for s in sign_ons} == made["sign_ons"]
    assert {s.contact_phone for s in sign_ons} == {"+374 10 123456"}
    supporters = Supporter.objects.all()
    assert {s.pk: (s.statement_id, s.name, s.email) for s in supporters} == made["supporters"]
    audit = AuditEntry.objects.order_by("pk")
    assert {e.pk: (e.action, e.details) for e in audit} == made["audit"]

    # Readable by readers, in every language a statement has, with its signatories.
    for statement in Statement.objects.filter(status="published").prefetch_related("translations")[
        :5
    ]:
        for translation in statement.translations.all():
            page = client.get(f"/{translation.language}/statements/{statement.slug}/")
            assert page.status_code == 200
            html = page.content.decode()
            assert translation.title.replace("'", "&#x27;").replace('"', "&quot;") in html
            first = statement.signatories.select_related("organization").first()
            # In the page's language: the upgrade gave it the names its aliases held.
            shown = first.organization.in_language("name", translation.language)
            assert escape(shown.split()[0]) in html
    shown = Supporter.objects.filter(show_name=True, statement__status="published").first()
    supporters_page = client.get(f"/en/statements/{shown.statement.slug}/supporters/")
    assert shown.name in supporters_page.content.decode()


def test_the_previous_release_file_names_a_known_migration_of_every_app():
    migrate_plan = MigrationExecutor(None).loader
    for app_label, name in PREVIOUS.items():
        assert (app_label, name) in migrate_plan.graph.nodes, (app_label, name)
    project_apps = {"core", "organizations", "statements", "signatures", "importer", "engagement"}
    assert project_apps <= set(PREVIOUS)


def test_migrations_since_the_previous_release_that_rewrite_big_tables_are_acknowledged():
    """A new RunPython, RunSQL, AlterField … on a big table must say how it is batched."""
    acknowledged = json.loads(RELEASE_FILE.read_text())["acknowledged_rewrites"]
    risky = upgrades.risky_operations(upgrades.migrations_since(PREVIOUS))
    unacknowledged = [str(item) for item in risky if item.migration not in acknowledged]
    assert unacknowledged == [], (
        "These migrations rewrite big tables. Batch them as the guidance says, then name each "
        "in acknowledged_rewrites of previous_release.json with how it is batched:\n"
        + "\n".join(unacknowledged)
    )


def test_the_migrations_since_a_release_are_those_its_database_lacks():
    from django.apps import apps

    # Counted from the files: every migration numbered after the release's last, per app.
    expected = sorted(
        f"{app}.{path.stem}"
        for app, leaf in PREVIOUS.items()
        for path in (Path(apps.get_app_config(app).path) / "migrations").glob("[0-9]*.py")
        if path.stem > leaf
    )
    found = sorted(f"{m.app_label}.{m.name}" for m in upgrades.migrations_since(PREVIOUS))
    assert found == expected
    assert expected  # this code adds migrations: the upgrade test above moves real ones
    earlier = {**PREVIOUS, "statements": "0004_search_index"}
    names = [f"{m.app_label}.{m.name}" for m in upgrades.migrations_since(earlier)]
    # 0005 is there already: signatures' last migration depends on it.
    assert sorted(names) == sorted(["statements.0006_search_title_index", *expected])


def _migration(app_label: str, *operations) -> migrations.Migration:
    migration = migrations.Migration("0099_change", app_label)
    migration.operations = list(operations)
    return migration


def test_rewrites_of_big_tables_are_flagged_and_cheap_changes_are_not():
    risky = upgrades.risky_operations(
        [
            _migration(
                "signatures",
                migrations.AlterField(
                    "signonrequest", "contact_phone", models.CharField(max_length=60)
                ),
                migrations.AddField(
                    "supporter", "city", models.CharField(max_length=20, default="")
                ),
                migrations.AddField("supporter", "note", models.TextField(null=True)),
                migrations.RunPython(migrations.RunPython.noop),
            ),
            _migration(
                "statements",
                migrations.AlterField("category", "name_en", models.CharField(max_length=200)),
            ),
        ]
    )
    found = {(item.operation, item.table) for item in risky}
    assert ("AlterField", "signatures.signonrequest") in found
    assert ("AddField", "signatures.supporter") in found
    assert ("RunPython", "signatures.signatory") in found
    assert ("RunPython", "signatures.supporter") in found
    assert not any(item.table.startswith("statements.") for item in risky)  # small table
    assert len([item for item in risky if item.operation == "AddField"]) == 1  # nullable: cheap
    assert all("batch" in item.guidance for item in risky if item.operation != "AlterField")


@pytest.mark.django_db(transaction=True)
def test_up_refuses_to_serve_an_unmigrated_database_in_production(settings):
    previous_statements = [("statements", "0005_statement_signon_auto_approve")]
    try:
        migrate_to(previous_statements)
        # 0006 and what depends on it (the staff group's migration, say).
        unapplied = upgrades.unapplied_migrations()
        assert "statements.0006_search_title_index" in unapplied
        refusal = upgrades.serving_refusal(production=True)
        assert refusal is not None
        assert "statements.0006_search_title_index" in refusal
        assert "undersigned migrate" in refusal
        assert "undersigned backup" in refusal
        assert upgrades.serving_refusal(production=False) is None
        settings.PRODUCTION = True
        with pytest.raises(CommandError, match="0006_search_title_index"):
            call_command("up", "--no-demo")
        # Nothing was migrated behind the administrator's back.
        assert upgrades.unapplied_migrations() == unapplied
    finally:
        migrate_to_latest()
    assert upgrades.serving_refusal(production=True) is None


@pytest.mark.django_db
def test_rows_in_batches_walks_a_table_a_batch_at_a_time():
    AuditEntry.objects.bulk_create(AuditEntry(action=f"a{n}") for n in range(25))
    batches = list(upgrades.rows_in_batches(AuditEntry.objects.all(), batch_size=10))
    assert [len(batch) for batch in batches] == [10, 10, 5]
    assert [e.action for batch in batches for e in batch] == [f"a{n}" for n in range(25)]
