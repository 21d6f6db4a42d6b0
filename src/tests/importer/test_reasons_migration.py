"""Explanations an older matcher wrote in English are kept when reasons become codes."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from undersigned.organizations.explanations import explanation_display
from undersigned.statements.models import Statement

BEFORE = [("importer", "0001_initial")]
AFTER = [("importer", "0002_imported_name_reasons")]


@pytest.mark.django_db(transaction=True)
def test_an_explanation_written_in_english_is_kept_as_a_written_reason():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    # Only the importer is migrated back: the statement is made with today's model.
    statement = Statement.objects.create(slug="old-import", status="draft")
    record = old.get_model("importer", "ImportRecord").objects.create(statement_id=statement.pk)
    ImportedName = old.get_model("importer", "ImportedName")
    ImportedName.objects.create(
        record=record,
        position=1,
        printed_name="Lori Civic Forum NGO",
        resolution="matched",
        score=99.5,
        explanation="same name after legal form 'ngo'",
    )
    ImportedName.objects.create(
        record=record, position=2, printed_name="Alaverdi Green", resolution="new"
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    names = new.get_model("importer", "ImportedName").objects.order_by("position")
    assert [n.reasons for n in names] == [
        [{"code": "written", "params": {"text": "same name after legal form 'ngo'"}}],
        [],
    ]
    assert explanation_display(names[0].reasons) == "same name after legal form 'ngo'"

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(BEFORE)
    back = executor.loader.project_state(BEFORE).apps
    restored = back.get_model("importer", "ImportedName").objects.order_by("position")
    assert [n.explanation for n in restored] == ["same name after legal form 'ngo'", ""]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
