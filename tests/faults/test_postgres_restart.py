"""PostgreSQL restarts while the API is under load: the service recovers by itself within seconds, answers
503 with ``Retry-After`` (never a 500, never psycopg's text) while the database is away, and loses no data.

Runs against a real PostgreSQL when ``CMS_FAULT_PG_RESTART`` is a shell command that restarts it (``.ci/run``
sets it for its PostgreSQL pass); skipped otherwise. The app runs under gunicorn with the production settings
on loopback, against the test database (``transactional_db``, so it sees what the test commits).
"""

import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.db import connection

from pages.models import NewsPage

from ..helpers import SETTINGS_VARIABLES, publish_child

RESTART_COMMAND = os.environ.get("CMS_FAULT_PG_RESTART", "")
pytestmark = pytest.mark.skipif(
    not RESTART_COMMAND,
    reason="set CMS_FAULT_PG_RESTART to a shell command that restarts this PostgreSQL (.ci/run does)",
)

QUERY = "{ newsItems(perPage: 100) { items { title } } }"
THREADS = 3
LOAD_SECONDS = 3  # of load before the restart, and after recovery
MAX_RECOVERY_SECONDS = 5
HEADERS = {"X-Forwarded-Proto": "https"}  # as the TLS proxy in front of production sends
UNAVAILABLE = "The database is temporarily unavailable; try again in a few seconds."


@dataclass
class Outcome:
    sent: float
    answered: float
    status: int
    body: dict
    retry_after: str | None


def database_url() -> str:
    s = connection.settings_dict
    return f"postgres://{quote(s['USER'])}:{quote(s['PASSWORD'])}@{s['HOST']}:{s['PORT']}/{quote(s['NAME'])}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(transactional_db, tree, tmp_path):
    """gunicorn with the production settings, on loopback, against the test database; its URL."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://…")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        # Its own local-memory cache would keep answers the test process invalidates only in its own cache.
        GRAPHQL_RESPONSE_CACHE="0",
        SECRET_KEY=secrets.token_hex(32),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url(),
        MEDIA_ROOT=str(tmp_path / "media"),
        LOG_LEVEL="WARNING",
    )
    log = tmp_path / "gunicorn.log"
    command = [sys.executable, "-m", "gunicorn", "cms.wsgi", f"--bind=127.0.0.1:{port}", "--workers=2"]
    command += ["--worker-class=gthread", "--threads=4", "--timeout=30", "--graceful-timeout=5"]
    with log.open("w") as output:
        process = subprocess.Popen(
            command, cwd=Path(__file__).resolve().parents[2], env=env, stdout=output, stderr=output
        )
    url = f"http://127.0.0.1:{port}/graphql/"
    try:
        wait_until_serving(url, process, log)
        yield url, log
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_serving(url, process, log, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()
        try:
            # The first answer of each worker builds the schema: slow on a busy machine.
            if requests.post(url, json={"query": QUERY}, headers=HEADERS, timeout=30).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    pytest.fail(f"gunicorn did not answer within {timeout} s:\n{log.read_text()}")


def drive(url, stop: threading.Event, outcomes: list, lock: threading.Lock):
    """One client: POST the query again and again until ``stop``, recording every answer."""
    with requests.Session() as session:
        while not stop.is_set():
            sent = time.monotonic()
            response = session.post(url, json={"query": QUERY}, headers=HEADERS, timeout=15)
            outcome = Outcome(
                sent, time.monotonic(), response.status_code, response.json(), response.headers.get("Retry-After")
            )
            with lock:
                outcomes.append(outcome)
            time.sleep(0.02)


def is_success(outcome: Outcome) -> bool:
    return outcome.status == 200 and "errors" not in outcome.body


def titles_served(url) -> set[str]:
    body = requests.post(url, json={"query": QUERY}, headers=HEADERS, timeout=15).json()
    assert "errors" not in body, body
    return {item["title"] for item in body["data"]["newsItems"]["items"]}


# Serialized rollback, like the browser journeys and the backup tests beside it in the transactional group: it
# starts from what the migrations made (a journey before it leaves the tables empty) and ends with the tables
# empty again, without the flush's post_migrate recreating content types under new ids, which the next
# serialized test could not load over.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_postgres_restart_under_load(server, tree, capsys):
    url, log = server
    before = {f"Before the restart {n}" for n in range(3)}
    for title in sorted(before):
        publish_child(tree.news, NewsPage(title=title, summary="S", body=[]))

    outcomes: list[Outcome] = []
    lock, stop = threading.Lock(), threading.Event()
    clients = [threading.Thread(target=drive, args=(url, stop, outcomes, lock)) for _ in range(THREADS)]
    for client in clients:
        client.start()
    try:
        time.sleep(LOAD_SECONDS)
        # Committed just before the restart (autocommit: the transactional_db test commits each statement).
        publish_child(tree.news, NewsPage(title="Just before the restart", summary="S", body=[]))
        restart_started = time.monotonic()
        restart = subprocess.run(RESTART_COMMAND, shell=True, capture_output=True, text=True, timeout=120)  # noqa: S602
        restart_done = time.monotonic()
        assert restart.returncode == 0, restart.stdout + restart.stderr
        connection.close()  # this test's own connection died with the restart

        deadline = restart_done + MAX_RECOVERY_SECONDS + LOAD_SECONDS
        recovered = None
        while time.monotonic() < deadline:
            with lock:
                recovered = next((o for o in outcomes if o.sent > restart_done and is_success(o)), None)
            if recovered and time.monotonic() > recovered.answered + LOAD_SECONDS:
                break
            time.sleep(0.1)
    finally:
        stop.set()
        for client in clients:
            client.join(timeout=30)

    failures = [o for o in outcomes if not is_success(o)]
    summary = (
        f"\nPostgreSQL restart under load: {len(outcomes)} requests from {THREADS} clients; restart took "
        f"{restart_done - restart_started:.2f} s; {len(failures)} answered 503"
    )
    assert recovered is not None, f"no successful request within {MAX_RECOVERY_SECONDS} s of the restart{summary}"
    recovery = recovered.answered - restart_done
    with capsys.disabled():
        print(f"{summary}; serving again {recovery:.2f} s after PostgreSQL was back")

    assert recovery <= MAX_RECOVERY_SECONDS, summary
    assert all(o.status in (200, 503) for o in outcomes), ([o.status for o in failures], log.read_text()[-3000:])
    for outcome in failures:
        assert outcome.status == 503 and outcome.retry_after == "5", outcome
        assert outcome.body == {"errors": [{"message": UNAVAILABLE, "extensions": {"code": "SERVICE_UNAVAILABLE"}}]}, (
            outcome
        )
    after_recovery = [o for o in outcomes if o.sent >= recovered.answered]
    assert after_recovery and all(is_success(o) for o in after_recovery), [o.status for o in after_recovery]

    # No data lost: every row committed before the restart, the last one included, is served and stored.
    expected = before | {"Just before the restart"}
    assert expected <= titles_served(url)
    assert expected <= set(NewsPage.objects.values_list("title", flat=True))
