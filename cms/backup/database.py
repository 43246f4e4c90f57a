"""Database-native dumps: SQLite's online backup API, PostgreSQL's pg_dump/pg_restore.

Both give a consistent snapshot while the site runs, and both loads are all-or-nothing: SQLite copies the
backup into the live database in one write transaction, pg_restore runs in a single transaction.
"""

import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from . import BackupError

DUMP_FILES = {"sqlite": "database/db.sqlite3", "postgresql": "database/db.pgdump"}
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
# A restore waits this long for other sessions' locks, then fails (and rolls back) instead of hanging.
PG_LOCK_TIMEOUT = "30s"


def dump_file_name(connection):
    """The archive path of this database's dump; refuses vendors this module cannot dump."""
    try:
        return DUMP_FILES[connection.vendor]
    except KeyError:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.") from None


def dump(connection, target):
    """Write a consistent dump of ``connection``'s database to the file ``target``."""
    dump_file_name(connection)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
    else:
        run_pg_tool(connection, "pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}")


def check_dump(connection, source):
    """Refuse a dump the database engine itself cannot read, before anything is changed."""
    if connection.vendor == "sqlite":
        try:
            backup = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            try:
                ok = backup.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            finally:
                backup.close()
        except sqlite3.DatabaseError:
            ok = False
        if not ok:
            raise BackupError("The database file in the archive is not a sound SQLite database.")
    else:
        run_pg_tool(connection, "pg_restore", "--list", str(source), database=False)


def load(connection, source):
    """Replace ``connection``'s database with the dump ``source``, all or nothing."""
    if connection.in_atomic_block:
        raise BackupError("A restore cannot run inside a database transaction.")
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        backup = sqlite3.connect(source)
        try:
            backup.backup(connection.connection)
        except sqlite3.Error as error:
            raise BackupError(f"SQLite refused the restore ({error}); the database is unchanged.") from error
        finally:
            backup.close()
    else:
        connection.close()  # our own session must hold no locks on the tables pg_restore drops
        run_pg_tool(
            connection,
            "pg_restore",
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--exit-on-error",
            "--no-owner",
            "--no-privileges",
            str(source),
            extra_env={"PGOPTIONS": f"-c lock_timeout={PG_LOCK_TIMEOUT}"},
        )


def find_pg_tool(name):
    """``name`` on PATH, else the newest Debian install (/usr/lib/postgresql/<version>/bin)."""
    if found := shutil.which(name):
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=debian_version)
    if not candidates:
        raise BackupError(f"{name} was not found: install the PostgreSQL client tools (Debian: postgresql-client).")
    return candidates[-1]


def debian_version(path):
    """The version directory of a Debian PostgreSQL tool path, as numbers (so that 16 sorts after 9.6)."""
    version = Path(path).parent.parent.name
    return tuple(int(part) if part.isdigit() else 0 for part in version.split("."))


def run_pg_tool(connection, name, *args, database=True, extra_env=None):
    """Run a PostgreSQL client tool against ``connection``'s database; the password goes by environment only."""
    settings = connection.settings_dict
    env = {**os.environ, **(extra_env or {})}
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if settings.get(key):
            env[variable] = str(settings[key])
    if sslmode := settings.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = sslmode
    command = [find_pg_tool(name), *args]
    if database:
        command.append(f"--dbname={settings['NAME']}")
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        detail = result.stderr.strip().splitlines()[-3:]
        raise BackupError(f"{name} failed (exit {result.returncode}): {' / '.join(detail) or 'no message'}")
