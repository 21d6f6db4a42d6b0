"""Whether a statement may be found, kept in its search documents (see statements/search.py)."""

from django.db import migrations, models

# As statements.search.search_searchable_from: open since created, published or closed from
# the date of publication, never otherwise. One statement for any number of documents.
FILL = """UPDATE statements_searchdocument SET searchable_from = (
    SELECT CASE WHEN s.status = 'open' THEN s.created_at
                WHEN s.status IN ('published', 'closed') THEN s.published_at END
    FROM statements_statement s WHERE s.id = statements_searchdocument.statement_id)"""


class Migration(migrations.Migration):

    dependencies = [
        ('statements', '0010_letter_addressee_and_place'),
    ]

    operations = [
        migrations.AddField(
            model_name='searchdocument',
            name='searchable_from',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
    ]
