# HistoryEntry now belongs to the audit app (its 0001), with the same table. Only Django's
# state changes here: the table and its rows stay.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0006_turnout_discards_and_personal_links"),
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="HistoryEntry")],
            database_operations=[],
        ),
    ]
