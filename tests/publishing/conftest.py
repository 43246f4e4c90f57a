"""Fixtures for notification tests: a real HTTP receiver on 127.0.0.1, a port nobody listens on, and content
in three languages. Content is built outside ``django_capture_on_commit_callbacks``, so building it notifies
no one; only what a test does inside that block is sent."""

import json
import socket
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from requests.structures import CaseInsensitiveDict

from pages.models import MemorialPage

from ..helpers import publish_child, translate

SECRET = "test-webhook-secret-0123456789abcdef"  # noqa: S105


@dataclass
class Received:
    path: str
    headers: CaseInsensitiveDict  # as a web framework gives them: any case works
    body: bytes

    @property
    def payload(self):
        return json.loads(self.body)


class Receiver:
    """A frontend's webhook endpoint: records every request and answers ``status`` (200 unless a test changes it)."""

    def __init__(self, port=0):
        self.requests: list[Received] = []
        self.status = 200
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the http.server API
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.requests.append(Received(self.path, CaseInsensitiveDict(self.headers.items()), body))
                answer = b'{"revalidated": true}' if receiver.status < 300 else b"frontend exploded"
                self.send_response(receiver.status)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/api/revalidate"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    @property
    def payloads(self):
        return [request.payload for request in self.requests]


@pytest.fixture
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.close()


@pytest.fixture
def free_port():
    """A port with nothing listening on it (bound, read, released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def down_url(free_port):
    return f"http://127.0.0.1:{free_port}/api/revalidate"


@pytest.fixture
def webhooks(settings, receiver):
    """Notifications on, to the local receiver."""
    settings.FRONTEND_WEBHOOK_URLS = [receiver.url]
    settings.FRONTEND_WEBHOOK_SECRET = SECRET
    settings.FRONTEND_WEBHOOK_TIMEOUT = 3
    settings.FRONTEND_WEBHOOK_MAX_ATTEMPTS = 6
    return settings


@pytest.fixture
def memorial(tree):
    """A memorial in English, French and Dutch (its section and home page translated with it)."""
    memorial = publish_child(
        tree.memorials,
        MemorialPage(
            title="Soviet partisans memorial", slug="soviet-memorial", place="Cemetery", municipality="Rebecq"
        ),
    )
    for code in ("fr", "nl"):
        translate(memorial, tree.locales[code])
    return memorial


HOMES = {"/en/", "/fr/", "/nl/"}
MEMORIAL_PATHS = {
    *HOMES,
    "/en/memorials/",
    "/fr/memorials/",
    "/nl/memorials/",
    "/en/memorials/soviet-memorial/",
    "/fr/memorials/soviet-memorial/",
    "/nl/memorials/soviet-memorial/",
}
