"""Moving a database back and forth between migrations, for tests of moved models."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets: list) -> MigrationExecutor:
    """Migrate to `targets` ((app, name) pairs; a name of None unapplies the app)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)


def latest() -> list:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def state_at(target: tuple):
    """The models as they were at one migration (to write rows the old way)."""
    return MigrationExecutor(connection).loader.project_state([target]).apps
