"""History entries belong to an organisation, so the organisation's audit trail can hold
changes outside any assessment (people, roles, local actions) and outlive a deleted
assessment."""

import django.db.models.deletion
from django.db import migrations, models


def fill_organisation(apps, schema_editor):
    HistoryEntry = apps.get_model("assessments", "HistoryEntry")
    Assessment = apps.get_model("assessments", "Assessment")
    for assessment_id, organisation_id in Assessment.objects.values_list("id", "organisation_id"):
        HistoryEntry.objects.filter(assessment_id=assessment_id).update(
            organisation_id=organisation_id
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_invitation"),
        ("assessments", "0002_historyentry"),
    ]

    operations = [
        migrations.AddField(
            model_name="historyentry",
            name="organisation",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="history",
                to="accounts.organisation",
            ),
        ),
        migrations.RunPython(fill_organisation, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="historyentry",
            name="organisation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="history",
                to="accounts.organisation",
            ),
        ),
        migrations.AlterField(
            model_name="historyentry",
            name="assessment",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="history",
                to="assessments.assessment",
            ),
        ),
    ]
