"""Browser journeys: a live server on loopback, Debian's chromium driven by Playwright, one journey per test.

Run them alone with ``pytest tests/e2e`` (or leave them out with ``-m "not e2e"``); ``make screenshots``
runs them with ``--docs-screenshots docs/img`` to refresh the editor's guide's pictures.
"""

from pathlib import Path

import pytest
from django.contrib.auth.models import Permission

from tests.translation.conftest import editor, make_user, translators  # noqa: F401  (the same users, logged in here)

from .browser import CHROMIUM, CHROMIUM_ARGS, STEP_TIMEOUT_MS, VIEWPORT, Journey, serve_media


def pytest_addoption(parser):
    parser.addoption(
        "--docs-screenshots",
        metavar="DIR",
        type=Path,
        default=None,
        help="save the editor's guide screenshots the journeys take into DIR (make screenshots)",
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the test, so a fixture can tell at teardown whether the test failed.
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def playwright(live_server, monkeypatch):
    """Playwright, started for one test (skipped, with the reason, where Debian's chromium is missing)."""
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium; CI installs it)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, and Django refuses ORM calls
    # from a thread with a running loop; the test's own ORM calls are still synchronous and safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as started:
        yield started


@pytest.fixture
def browser_context(playwright, live_server, settings):
    """A fresh chromium profile whose relative URLs go to the live server; uploads served from MEDIA_ROOT."""
    # Wagtail's autosave re-renders the create form into an edit form whenever its timer fires, which
    # can close a chooser a step has just opened; the journeys save explicitly, as the guide says.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    context = browser.new_context(
        base_url=live_server.url, viewport=VIEWPORT, locale="en-GB", timezone_id="Europe/Brussels"
    )
    context.set_default_timeout(STEP_TIMEOUT_MS)
    serve_media(context, live_server.url, settings.MEDIA_ROOT)
    try:
        yield context
    finally:
        browser.close()


@pytest.fixture
def frontend(playwright, live_server):
    """An HTTP client for the live server without the browser's cookies, as a frontend calls /graphql/."""
    client = playwright.request.new_context(base_url=live_server.url)
    try:
        yield client
    finally:
        client.dispose()


@pytest.fixture
def journey(request, browser_context):
    """The test's Journey; a failure outside any step still leaves screenshots in test-artifacts/e2e/."""
    journey = Journey(request.node.name, browser_context, request.config.getoption("--docs-screenshots"))
    yield journey
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        journey.save_failure("at-the-end")
    journey.write_summary()


@pytest.fixture
def registrar(editor):  # noqa: F811  (the imported fixture, requested by name)
    """The editor, who also looks after the register: imports and moderation (every register permission)."""
    editor.user_permissions.add(*Permission.objects.filter(content_type__app_label="register"))
    return editor
