"""The content a run measures: the demo site plus generate_content at one size, on SQLite or PostgreSQL.

Each dataset is made once (it takes minutes at the large size) and kept under benchmarks/.data/<db>-<size>/,
with a ``ready`` marker written only when it is complete; an incomplete one is started again from scratch.
"""

import os
import secrets
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import services

SIZES = ("small", "large")
DATABASES = ("sqlite", "postgres")


@dataclass(frozen=True)
class Dataset:
    database: str  # sqlite | postgres
    size: str  # small | large

    @property
    def name(self) -> str:
        return f"{'pg' if self.database == 'postgres' else 'sqlite'}-{self.size}"

    @property
    def directory(self) -> Path:
        return services.DATA / self.name

    @property
    def media_root(self) -> Path:
        return self.directory / "media"

    def database_url(self) -> str:
        if self.database == "postgres":
            return services.ensure_pg_database(f"cms_{self.size}")
        return f"sqlite:///{self.directory / 'db.sqlite3'}"

    def environment(self) -> dict:
        return {"DATABASE_URL": self.database_url(), "MEDIA_ROOT": str(self.media_root)}


def ensure(dataset: Dataset, log) -> None:
    """Make the dataset unless it is ready: migrate, load_demo, generate_content (seed 1), generate_renditions."""
    if (dataset.directory / "ready").exists():
        return
    if dataset.directory.exists():
        shutil.rmtree(dataset.directory)
    if dataset.database == "postgres":
        services._psql(f"DROP DATABASE IF EXISTS cms_{dataset.size}")
    dataset.media_root.mkdir(parents=True)
    env = {
        **os.environ,
        **dataset.environment(),
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEMO_ADMIN_PASSWORD": secrets.token_urlsafe(16),
    }
    steps = [
        ["migrate", "--no-input"],
        ["load_demo"],
        ["generate_content", "--size", dataset.size, "--seed", "1"],
        ["generate_renditions"],  # production pre-generates them on publish; the run must not make them
    ]
    for step in steps:
        log(f"  {dataset.name}: manage.py {' '.join(step)}")
        subprocess.run(
            [services.PYTHON, "manage.py", *step], cwd=services.ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
    (dataset.directory / "ready").touch()
