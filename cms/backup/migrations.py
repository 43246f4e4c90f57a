"""The schema a backup was made with, compared with the code that restores it."""

from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder


def applied_migrations(connection):
    """``{app: [migration, ...]}`` as recorded in the database, sorted, for the manifest."""
    applied = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def unknown_migrations(applied):
    """Migrations in ``applied`` that this code does not have: the backup comes from a newer version."""
    on_disk = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return sorted(f"{app}.{name}" for app, names in applied.items() for name in names if (app, name) not in on_disk)


def pending_migrations(connection):
    """How many of this code's migrations the (restored) database has not applied yet."""
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
