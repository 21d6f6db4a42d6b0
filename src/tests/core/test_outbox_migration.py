"""The migration that moves the outbox to core keeps every mail, and gives supporters mailboxes."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("signatures", "0004_permissions"), ("core", "0001_initial")]
AFTER = [("signatures", "0005_outbox_to_core_one_supporter_per_mailbox")]


@pytest.mark.django_db(transaction=True)
def test_the_outbox_and_supporters_come_through_the_migration():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    statement = old.get_model("statements", "Statement").objects.create(
        slug="on-protest", status="open"
    )
    Supporter = old.get_model("signatures", "Supporter")
    first = Supporter.objects.create(
        statement=statement, name="Ani", place="Gyumri", email="ani.s@gmail.com", language="en"
    )
    variant = Supporter.objects.create(
        statement=statement, name="Ani", place="Gyumri", email="anis+2@gmail.com", language="en"
    )
    old.get_model("signatures", "OutboundEmail").objects.create(
        key="k1",
        kind="support_confirm",
        supporter=first,
        to=first.email,
        subject="Confirm your support: On protest",
        body_text="text",
        body_html="<p>html</p>",
        language="en",
        status="sent",
        attempts=1,
    )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    mail = new.get_model("core", "OutgoingMail").objects.get()
    assert (mail.key, mail.kind, mail.topic, mail.to, mail.status, mail.attempts) == (
        "k1",
        "support_confirm",
        f"supporter:{first.pk}",
        "ani.s@gmail.com",
        "sent",
        1,
    )
    assert mail.message_id.startswith("<")
    supporters = new.get_model("signatures", "Supporter").objects.order_by("pk")
    # The earlier variant of one mailbox is kept (it may count), marked as the variant it is.
    assert [s.mailbox for s in supporters] == ["anis@gmail.com", f"anis@gmail.com#{variant.pk}"]

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
