# The benchmark's snapshot moved here from the plans app. Its table is kept as it was
# (plans_benchmarksnapshot): this migration only tells Django's state that the model now
# belongs to benchmarking; plans 0003 removes it from the plans app's state. Neither
# touches the database.

import uuid

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("plans", "0002_benchmark_snapshot"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="BenchmarkSnapshot",
                    fields=[
                        (
                            "id",
                            models.UUIDField(
                                default=uuid.uuid4,
                                editable=False,
                                primary_key=True,
                                serialize=False,
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("organisations", models.PositiveIntegerField()),
                        ("groups", models.JSONField()),
                    ],
                    options={
                        "db_table": "plans_benchmarksnapshot",
                        "ordering": ["-created_at"],
                        "get_latest_by": "created_at",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
