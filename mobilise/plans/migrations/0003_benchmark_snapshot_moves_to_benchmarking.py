# BenchmarkSnapshot now belongs to the benchmarking app (its 0001), with the same table.
# Only Django's state changes here: the table and its rows stay.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0002_benchmark_snapshot"),
        ("benchmarking", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="BenchmarkSnapshot")],
            database_operations=[],
        ),
    ]
