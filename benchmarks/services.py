"""The processes a benchmark run needs, each on a loopback port of its own: Redis, PostgreSQL and gunicorn."""

import contextlib
import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / ".data"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
REDIS_PORT = 63799
PG_PORT = 54359  # never 54329: CI's PostgreSQL
PG_DIR = DATA / "pg"
APP_PORT = 58599


class ServiceError(RuntimeError):
    """A service did not start; the message says which and where its log is."""


def _wait_for(check, what: str, log: Path | None, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.5)
    raise ServiceError(f"{what} did not start within {seconds:.0f} s" + (f"; see {log}" if log else ""))


@contextlib.contextmanager
def redis():
    """A private redis-server without persistence; yields its URL."""
    if not shutil.which("redis-server"):
        raise ServiceError("redis-server is missing: apt-get install -y redis-server")
    log = DATA / "redis.log"
    process = subprocess.Popen(
        ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(lambda: _redis_cli("PING") == "PONG", "redis-server", log, 30)
        yield f"redis://127.0.0.1:{REDIS_PORT}/0"
    finally:
        process.terminate()
        process.wait(30)


def _redis_cli(*command: str) -> str:
    result = subprocess.run(["redis-cli", "-p", str(REDIS_PORT), *command], capture_output=True, text=True, check=False)
    return result.stdout.strip()


def flush_redis() -> None:
    """Empty the cache: every measurement starts from the same (cold) cache."""
    _redis_cli("FLUSHALL")


def _pg_bin() -> Path:
    initdbs = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if not initdbs:
        raise ServiceError("PostgreSQL is missing: apt-get install -y postgresql")
    return initdbs[-1].parent


def _as_postgres(*command) -> subprocess.CompletedProcess:
    return subprocess.run(["runuser", "-u", "postgres", "--", *map(str, command)], capture_output=True, text=True)


@contextlib.contextmanager
def postgres():
    """A private PostgreSQL cluster under benchmarks/.data/pg (made on first use), like .ci/run's."""
    bin_dir = _pg_bin()
    if not (PG_DIR / "data").exists():
        PG_DIR.mkdir(parents=True, exist_ok=True)
        shutil.chown(PG_DIR, "postgres")
        if (
            result := _as_postgres(bin_dir / "initdb", "-D", PG_DIR / "data", "-U", "postgres", "--auth=trust")
        ).returncode:
            raise ServiceError(f"initdb failed: {result.stderr}")
    running = _as_postgres(bin_dir / "pg_ctl", "-D", PG_DIR / "data", "status").returncode == 0
    if not running:
        options = f"-p {PG_PORT} -k {PG_DIR} -c listen_addresses=127.0.0.1"
        started = _as_postgres(
            bin_dir / "pg_ctl", "-D", PG_DIR / "data", "-o", options, "-l", PG_DIR / "log", "-w", "start"
        )
        if started.returncode:
            raise ServiceError(f"PostgreSQL did not start: {started.stderr}; see {PG_DIR / 'log'}")
    try:
        _psql("DO $$BEGIN CREATE ROLE cms LOGIN CREATEDB PASSWORD 'cms'; EXCEPTION WHEN duplicate_object THEN END$$")
        yield
    finally:
        if not running:
            _as_postgres(bin_dir / "pg_ctl", "-D", PG_DIR / "data", "-m", "fast", "stop")


def _psql(sql: str) -> str:
    result = _as_postgres(_pg_bin() / "psql", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-tAq", "-c", sql)
    if result.returncode:
        raise ServiceError(f"psql failed on {sql!r}: {result.stderr}")
    return result.stdout.strip()


def ensure_pg_database(name: str) -> str:
    """The URL of database ``name`` in the private cluster, created empty if missing."""
    if not _psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'"):
        _psql(f"CREATE DATABASE {name} OWNER cms")
    return f"postgres://cms:cms@127.0.0.1:{PG_PORT}/{name}"


def _answers(url: str) -> bool:
    # As the TLS proxy would send it: production settings redirect plain HTTP to https.
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=5):
            return True
    except urllib.error.HTTPError:
        return True  # any HTTP answer means the server is up
    except OSError:
        return False


@contextlib.contextmanager
def gunicorn(env: dict, log: Path, workers: int):
    """The production stack (gunicorn.conf.py, benchmark settings) on loopback; yields its base URL."""
    bind = f"127.0.0.1:{APP_PORT}"
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), "cms.wsgi"],
        cwd=ROOT,
        env={**os.environ, **env, "GUNICORN_BIND": bind, "WEB_CONCURRENCY": str(workers)},
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://{bind}"
    try:
        _wait_for(lambda: process.poll() is None and _answers(base + "/graphql/"), "gunicorn", log)
        yield base
    finally:
        process.terminate()
        process.wait(60)
