from django.db import migrations, models

# Two indexes fewer on the supporters' table, which a rush writes to on every sign-up, mail
# and confirmation: the statement's own (one_support_per_mailbox's index starts with the
# statement) and, on PostgreSQL, the LIKE index that unique=True made for the link's digest,
# whose uniqueness becomes a named constraint. Only the catalogue changes: the indexes are
# dropped and the constraint renamed, no row is read or written (an AlterField would rebuild
# the table on SQLite, and on PostgreSQL validate its foreign key again over every row).

FK_INDEX = "signatures_supporter_statement_id_f4812014"
LIKE_INDEX = "signatures_supporter_confirm_digest_d4e103b4_like"


def drop_indexes(apps, schema_editor):
    run = schema_editor.execute
    run(f'DROP INDEX IF EXISTS "{FK_INDEX}"')
    if schema_editor.connection.vendor == "postgresql":
        run(f'DROP INDEX IF EXISTS "{LIKE_INDEX}"')
        run(
            'ALTER TABLE "signatures_supporter" RENAME CONSTRAINT '
            '"signatures_supporter_confirm_digest_key" TO "supporter_confirm_digest"'
        )


def restore_indexes(apps, schema_editor):
    run = schema_editor.execute
    run(f'CREATE INDEX "{FK_INDEX}" ON "signatures_supporter" ("statement_id")')
    if schema_editor.connection.vendor == "postgresql":
        run(
            'ALTER TABLE "signatures_supporter" RENAME CONSTRAINT '
            '"supporter_confirm_digest" TO "signatures_supporter_confirm_digest_key"'
        )
        run(
            f'CREATE INDEX "{LIKE_INDEX}" ON "signatures_supporter" '
            '("confirm_digest" varchar_pattern_ops)'
        )


class Migration(migrations.Migration):
    dependencies = [
        ("signatures", "0007_supporters_mail_batches"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="supporter",
                    name="confirm_digest",
                    field=models.CharField(
                        blank=True,
                        max_length=64,
                        null=True,
                        verbose_name="confirmation link digest",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="supporter",
                    constraint=models.UniqueConstraint(
                        fields=("confirm_digest",), name="supporter_confirm_digest"
                    ),
                ),
                migrations.AlterField(
                    model_name="supporter",
                    name="statement",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=models.deletion.CASCADE,
                        related_name="supporters",
                        to="statements.statement",
                        verbose_name="statement",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(drop_indexes, restore_indexes, elidable=False),
    ]
