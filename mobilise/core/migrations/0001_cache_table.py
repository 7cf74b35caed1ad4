# The database cache's table (the flood limits' counters, shared by every worker and
# server) is made wherever `migrate` runs, so no deployment can forget `createcachetable`.
# With Redis configured there is no table to make and this does nothing.

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor) -> None:
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
