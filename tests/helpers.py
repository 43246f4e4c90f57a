"""Builders for test content: small real images and documents, and published pages."""

import datetime
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

BRUSSELS = ZoneInfo("Europe/Brussels")


def make_image(title="Test image", colour=(120, 40, 40), **fields):
    """A real 64x48 PNG stored through the image model."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), colour).save(buffer, "PNG")
    image = get_image_model()(title=title, file=ImageFile(buffer, name=f"{title.replace(' ', '-')}.png"), **fields)
    image.save()
    return image


def make_document(title, collection=None):
    """A small PDF stored through the document model, in ``collection`` (the root collection by default)."""
    file = ContentFile(b"%PDF-1.4 a test document\n", name=f"{title.replace(' ', '-')}.pdf")
    collection = collection or Collection.get_first_root_node()
    return get_document_model().objects.create(title=title, file=file, collection=collection)


def private_collection(name="Families' letters (private)"):
    """A collection whose documents only a password opens (Wagtail's collection view restriction)."""
    collection = Collection.get_first_root_node().add_child(name=name)
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="not-public"
    )
    return collection


def publish_child(parent, page):
    """Add ``page`` under ``parent`` and publish it, as an editor would."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def brussels(*args):
    return datetime.datetime(*args, tzinfo=BRUSSELS)


def gql(client, query, variables=None, **extra):
    """POST a GraphQL document to /graphql/ as a frontend does; return (status, body)."""
    response = client.post(
        "/graphql/",
        json.dumps({"query": query, "variables": variables or {}}),
        content_type="application/json",
        **extra,
    )
    return response.status_code, response.json()


def data_of(client, query, variables=None):
    """The ``data`` of a query that must succeed without errors."""
    status, body = gql(client, query, variables)
    assert status == 200, body
    assert "errors" not in body, body["errors"]
    return body["data"]


def translate(page, locale, **fields):
    """A published translation of ``page`` (its parents' too, as wagtail-localize makes them)."""
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


# Variables a settings test sets itself; a fresh process must not inherit them from the shell.
SETTINGS_VARIABLES = {
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "GRAPHIQL_ENABLED",
    "DEBUG",
    "MACHINE_TRANSLATOR",
    "FRONTEND_WEBHOOK_URLS",
    "FRONTEND_WEBHOOK_SECRET",
}


def run_django(settings_module, code, **env):
    """Start Django in a fresh process with ``settings_module`` and ``env``, run ``code``; return the result."""
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    clean.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=Path(__file__).resolve().parents[1],
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
