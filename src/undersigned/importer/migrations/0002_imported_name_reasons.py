# The matcher's reasons are stored as codes with parameters; an explanation written in English
# by the older matcher is kept as a "written" reason, shown as it was.

from django.db import migrations, models


def keep_written_explanations(apps, schema_editor):
    ImportedName = apps.get_model("importer", "ImportedName")
    for name in ImportedName.objects.exclude(explanation="").only("pk", "explanation"):
        name.reasons = [{"code": "written", "params": {"text": name.explanation}}]
        name.save(update_fields=["reasons"])


def restore_written_explanations(apps, schema_editor):
    ImportedName = apps.get_model("importer", "ImportedName")
    for name in ImportedName.objects.only("pk", "reasons"):
        texts = [
            r.get("params", {}).get("text", "")
            for r in name.reasons or []
            if r.get("code") == "written"
        ]
        if any(texts):
            name.explanation = "; ".join(t for t in texts if t)[:300]
            name.save(update_fields=["explanation"])


class Migration(migrations.Migration):
    dependencies = [
        ("importer", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="importedname",
            name="reasons",
            field=models.JSONField(blank=True, default=list, verbose_name="reasons"),
        ),
        migrations.RunPython(keep_written_explanations, restore_written_explanations),
        migrations.RemoveField(
            model_name="importedname",
            name="explanation",
        ),
    ]
