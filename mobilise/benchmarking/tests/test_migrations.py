"""The snapshot moved from the plans app to benchmarking: a database migrated before the
move migrates after it with its table and rows untouched."""

import pytest
from django.db import connection

from mobilise.benchmarking.models import BenchmarkSnapshot
from mobilise.core.tests.migrations import latest, migrate, state_at

BEFORE = ("plans", "0002_benchmark_snapshot")


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_move_keeps_its_snapshots():
    migrate([BEFORE, ("benchmarking", None)])
    OldSnapshot = state_at(BEFORE).get_model("plans", "BenchmarkSnapshot")
    taken = OldSnapshot.objects.create(organisations=7, groups={"all": {"size": 7}})
    try:
        migrate(latest())
        assert BenchmarkSnapshot._meta.db_table == "plans_benchmarksnapshot"
        moved = BenchmarkSnapshot.objects.get(pk=taken.pk)
        assert moved.organisations == 7 and moved.groups == {"all": {"size": 7}}
        assert "plans_benchmarksnapshot" in connection.introspection.table_names()
    finally:
        migrate(latest())
