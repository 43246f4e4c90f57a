"""``load_demo`` builds the demo site once; running it again changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision

from pages.models import EventPage, MemorialPage, OrganisationSettings
from register.models import AircraftLoss, Burial, Cemetery, Person

from ..helpers import data_of

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "settings": OrganisationSettings.objects.count(),
        **{model.__name__: model.objects.count() for model in (Person, Cemetery, Burial, AircraftLoss)},
    }


def load_demo(capture_on_commit):
    # wagtail-localize publishes translations once the transaction commits, as a real run does.
    with capture_on_commit(execute=True):
        call_command("load_demo")


def test_load_demo_is_idempotent_and_serves_the_demo(client, monkeypatch, capsys, django_capture_on_commit_callbacks):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-demo-password")
    load_demo(django_capture_on_commit_callbacks)
    first = counts()
    load_demo(django_capture_on_commit_callbacks)
    assert counts() == first
    assert "nothing was changed" in capsys.readouterr().out
    assert first["pages"] == 1 + 3 * 14  # the root, and 14 pages in each of en, fr and nl
    assert get_user_model().objects.get(username="admin").check_password("a-demo-password")

    data = data_of(
        client,
        """{
          memorials { items { title ... on MemorialPage { municipality unveilingDate heroImage { photoCredit } } } }
          past: events(when: PAST) { items { title ... on EventPage { anniversary commemoratedDatePrecision } } }
          upcoming: events(when: UPCOMING) { items { title } }
          history: historyArticles { items { title ... on HistoryPage { relatedMemorials { title } } } }
          news: newsItems { items { title } }
          fr: menu(locale: "fr") { locale url }
          organisation { name iban bic telephone }
          home: page(urlPath: "/") { ... on HomePage { featured { title } } }
        }""",
    )
    memorials = {item["title"]: item for item in data["memorials"]["items"]}
    soviet = next(item for title, item in memorials.items() if "Soviet" in title)
    assert (soviet["municipality"], soviet["unveilingDate"]) == ("Rebecq", "2019-10-12")
    assert soviet["heroImage"]["photoCredit"] == "Demo image"
    assert any("JA712" in title for title in memorials)
    westerlo = next(item for item in data["past"]["items"] if "DV309" in item["title"])
    assert (westerlo["anniversary"], westerlo["commemoratedDatePrecision"]) == (78, "month")
    assert "78" not in westerlo["title"]  # the number is computed, never typed
    assert len(data["past"]["items"]) == 4 and len(data["upcoming"]["items"]) == 1
    assert data["history"]["items"][0]["relatedMemorials"]
    assert len(data["news"]["items"]) == 1
    assert {item["locale"] for item in data["fr"]} == {"fr"} and len(data["fr"]) == 4
    assert all(item["url"].startswith("/fr/") for item in data["fr"])
    assert data["organisation"] == {
        "name": "The Belgians Remember Them",
        "iban": "BE97001838863049",
        "bic": "GEBABEBB",
        "telephone": "+32 (0)68 28 64 66",
    }
    assert len(data["home"]["featured"]) == 3
    assert_demo_register()


def assert_demo_register():
    """Only the verified facts: one cemetery and two losses, each in three languages, and no people."""
    assert (Person.objects.count(), Burial.objects.count()) == (0, 0)
    assert (Cemetery.objects.count(), AircraftLoss.objects.count()) == (3, 6)
    ja712 = AircraftLoss.source_rows().get(external_id="ja712")
    assert (ja712.serial, ja712.squadron_code, ja712.squadron, str(ja712.loss)) == (
        "JA712",
        "BQ-H",
        "No. 550 Squadron RAF",
        "27 May 1944",
    )
    dv309 = AircraftLoss.source_rows().get(external_id="dv309")
    assert str(dv309.loss) == "May 1944"
    assert ja712.get_translation(_locale("fr")).crash_place == "près de Rebecq"
    cemetery = Cemetery.source_rows().get(external_id="rebecq-communal-cemetery")
    assert cemetery.get_translation(_locale("nl")).name == "Gemeentelijke begraafplaats van Rebecq"
    # Every language version of the pages points at the source records.
    memorials = {
        page.locale.language_code: page for page in MemorialPage.objects.filter(slug="lancaster-ja712-memorial")
    }
    assert len(memorials) == 3 and all(list(page.commemorated_losses.all()) == [ja712] for page in memorials.values())
    assert {page.slug for page in cemetery.memorial_pages.all()} == {"national-memorial-soviet-armed-partisans"}
    assert cemetery.memorial_pages.count() == 3
    westerlo = EventPage.objects.filter(slug="westerlo-lancaster-dv309-2022")
    assert westerlo.count() == 3 and all(event.aircraft_loss == dv309 for event in westerlo)


def _locale(code):
    return Locale.objects.get(language_code=code)
