"""The snapshot moved from the plans app to benchmarking: a database migrated before the
move migrates after it with its table and rows untouched."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from mobilise.benchmarking.models import BenchmarkSnapshot

BEFORE = [("plans", "0002_benchmark_snapshot"), ("benchmarking", None)]


def migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)


def latest() -> list:
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_move_keeps_its_snapshots():
    old_state = migrate(BEFORE).loader.project_state([BEFORE[0]]).apps
    OldSnapshot = old_state.get_model("plans", "BenchmarkSnapshot")
    taken = OldSnapshot.objects.create(organisations=7, groups={"all": {"size": 7}})
    try:
        migrate(latest())
        assert BenchmarkSnapshot._meta.db_table == "plans_benchmarksnapshot"
        moved = BenchmarkSnapshot.objects.get(pk=taken.pk)
        assert moved.organisations == 7 and moved.groups == {"all": {"size": 7}}
        assert "plans_benchmarksnapshot" in connection.introspection.table_names()
    finally:
        migrate(latest())
