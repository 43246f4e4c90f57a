"""Choosers open in the language of the page being edited (Wagtail 8 passes it to every chooser as ``locale``)."""

import json
import re

import pytest
from django.test import Client

from pages.models import EventPage, MemorialPage

from ..helpers import brussels, publish_child, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "pw-not-used"))
    return client


def test_the_memorial_chooser_of_a_dutch_ceremony_lists_dutch_pages(tree, editor_client):
    memorial = publish_child(
        tree.memorials, MemorialPage(title="Rebecq memorial", slug="rebecq", place="Cemetery", municipality="Rebecq")
    )
    translate(memorial, tree.locales["nl"], title="Gedenkteken Rebecq")
    ceremony = publish_child(
        tree.events, EventPage(title="Remembrance", slug="remembrance", start=brussels(2099, 5, 8, 10), place="Rebecq")
    )
    dutch_ceremony = translate(ceremony, tree.locales["nl"], title="Herdenking")

    # The editor tells the admin's scripts the page's language; the choosers send it as ``locale``.
    edit = editor_client.get(f"/admin/pages/{dutch_ceremony.pk}/edit/").content.decode()
    config = json.loads(re.search(r'<script id="wagtail-config" type="application/json">(.*?)</script>', edit).group(1))
    assert config["ACTIVE_CONTENT_LOCALE"] == "nl"

    # Memorials exist in two languages, so the chooser starts above both trees and shows the Dutch one.
    chooser = editor_client.get("/admin/choose-page/", {"page_type": "pages.memorialpage", "locale": "nl"})
    html = json.loads(chooser.content)["html"]
    dutch_home = tree.home.get_translation(tree.locales["nl"])
    assert f"/admin/choose-page/{dutch_home.pk}/" in html
    assert f"/admin/choose-page/{tree.home.pk}/" not in html
