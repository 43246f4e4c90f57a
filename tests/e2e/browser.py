"""Driving Debian's chromium with Playwright: launch options, numbered journey steps, screenshots.

No browser is ever downloaded: Playwright drives the system's /usr/bin/chromium, headless, with
everything that would reach the network (updates, sync, QUIC) turned off.
"""

import mimetypes
import re
import shutil
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from PIL import Image as PILImage

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 860}
ARTIFACTS = Path(settings.TEST_ARTIFACTS_DIR) / "e2e"
# Wagtail's admin waits on slow requests (chooser modals, the translation editor); a step that takes
# longer than this is stuck, not slow.
STEP_TIMEOUT_MS = 20_000


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Journey:
    """A user's journey as numbered steps; the screenshots it takes, for the guide and on failure.

    ``with journey.step("Publish the ceremony"):`` numbers the step and, if it fails, saves a
    screenshot of every open tab to test-artifacts/e2e/<test>/ and names the step in the error.
    ``journey.screenshot("name")`` saves a picture for docs/editors-guide.md, only when pytest runs
    with ``--docs-screenshots DIR`` (``make screenshots``).
    """

    def __init__(self, name: str, context, docs_dir: Path | None):
        self.name = name
        self.context = context
        self.docs_dir = docs_dir
        self.steps: list[str] = []
        self.screenshots: list[Path] = []
        self.artifacts = ARTIFACTS / slug(name)
        shutil.rmtree(self.artifacts, ignore_errors=True)  # a previous run's failures would mislead
        # Server errors and failed requests seen by any tab: the likeliest cause when a step times out.
        self.problems: list[str] = []
        context.on("response", self._note_server_error)
        context.on("requestfailed", lambda request: self.problems.append(f"failed: {request.method} {request.url}"))
        context.on("weberror", lambda error: self.problems.append(f"script error: {error.error}"))
        context.on("console", self._note_console_error)

    def _note_console_error(self, message):
        if message.type == "error":
            self.problems.append(f"console: {message.text}")

    def _note_server_error(self, response):
        if response.status >= 500:
            self.problems.append(f"HTTP {response.status}: {response.request.method} {response.url}")

    @contextmanager
    def step(self, description: str):
        self.steps.append(description)
        number = len(self.steps)
        try:
            yield
        except Exception as error:
            saved = self.save_failure(f"{number:02d}-{slug(description)}")
            where = ", ".join(str(path) for path in saved) or "no open tab"
            problems = "; ".join(self.problems) or "none"
            raise AssertionError(
                f"Step {number} '{description}' failed ({where}; server errors, failed requests: {problems}): {error}"
            ) from error

    def save_failure(self, stem: str) -> list[Path]:
        """A full-page screenshot of every open tab; returns where they went."""
        folder = self.artifacts
        folder.mkdir(parents=True, exist_ok=True)
        saved = []
        for index, page in enumerate(self.context.pages):
            path = folder / f"{stem}-tab{index + 1}-failure.png"
            try:
                page.screenshot(path=path, full_page=True)
            except Exception:  # noqa: S112 - a closed or crashed tab has nothing left to show
                continue
            saved.append(path)
        return saved

    def write_summary(self) -> Path:
        """test-artifacts/e2e/<test>/steps.txt: the numbered steps and the guide's screenshots taken."""
        folder = self.artifacts
        folder.mkdir(parents=True, exist_ok=True)
        lines = [f"{number}. {step}" for number, step in enumerate(self.steps, 1)]
        lines += [f"screenshot: {path}" for path in self.screenshots]
        path = folder / "steps.txt"
        path.write_text("\n".join(lines) + "\n")
        return path

    def screenshot(self, page, name: str, *, element=None):
        """For the editor's guide: ``name``.png of the viewport (or of ``element``), kept small."""
        if self.docs_dir is None:
            return
        page.wait_for_load_state("networkidle")  # a picture of a half-drawn page helps nobody
        path = self.docs_dir / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        (element or page).screenshot(path=path, animations="disabled", caret="hide")
        shrink_png(path)
        self.screenshots.append(path)


def shrink_png(path: Path, colours: int = 128) -> None:
    """Reduce a screenshot to a palette PNG: the admin's flat colours survive, the file is a fraction."""
    with PILImage.open(path) as image:
        small = image.convert("RGB").quantize(colors=colours, method=PILImage.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def serve_media(context, base_url: str, media_root: Path) -> None:
    """Serve uploads to the browser from MEDIA_ROOT: the test server, like production, does not serve them."""
    root = Path(media_root).resolve()

    def fulfil(route):
        relative = route.request.url.split("/media/", 1)[1].split("?", 1)[0]
        path = (root / relative).resolve()
        if root not in path.parents or not path.is_file():
            route.fulfill(status=404, body="not found")
            return
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        route.fulfill(status=200, body=path.read_bytes(), headers={"Content-Type": content_type})

    context.route(f"{base_url}/media/**", fulfil)
