"""Pages are found and listed per language; translations link the languages together."""

import pytest

from pages.models import EventPage, MemorialPage

from ..helpers import brussels, data_of, publish_child, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def bilingual(tree):
    memorial = publish_child(
        tree.memorials,
        MemorialPage(
            title="Soviet partisans memorial", slug="soviet-memorial", place="Cemetery", municipality="Rebecq"
        ),
    )
    event = publish_child(
        tree.events,
        EventPage(
            title="Tribute", slug="tribute", place="Rebecq", start=brussels(2022, 5, 18, 11), related_memorial=memorial
        ),
    )
    fr_home = translate(tree.home, tree.locales["fr"], title="Accueil")
    fr_memorial = translate(memorial, tree.locales["fr"], title="Mémorial aux partisans soviétiques")
    fr_event = translate(event, tree.locales["fr"], title="Hommage")
    return memorial, fr_memorial, fr_event, fr_home


def test_page_by_public_path_in_each_language(client, bilingual):
    memorial, fr_memorial, _, _ = bilingual
    data = data_of(
        client,
        """{
        en: page(urlPath: "/en/memorials/soviet-memorial/") { id title locale url }
        fr: page(urlPath: "/fr/memorials/soviet-memorial/") { id title locale url }
        frRelative: page(urlPath: "/memorials/soviet-memorial/", locale: "fr") { id }
        enDefault: page(urlPath: "/memorials/soviet-memorial/") { id }
        nl: page(urlPath: "/nl/memorials/soviet-memorial/") { id }
    }""",
    )
    assert data["en"] == {
        "id": str(memorial.pk),
        "title": "Soviet partisans memorial",
        "locale": "en",
        "url": "/en/memorials/soviet-memorial/",
    }
    assert data["fr"] == {
        "id": str(fr_memorial.pk),
        "title": "Mémorial aux partisans soviétiques",
        "locale": "fr",
        "url": "/fr/memorials/soviet-memorial/",
    }
    assert data["frRelative"] == {"id": str(fr_memorial.pk)}
    assert data["enDefault"] == {"id": str(memorial.pk)}
    assert data["nl"] is None  # no Dutch tree yet


def test_home_pages_by_root_path(client, bilingual):
    data = data_of(client, '{ en: page(urlPath: "/") { title } fr: page(urlPath: "/fr/") { title } }')
    assert data == {"en": {"title": "Home"}, "fr": {"title": "Accueil"}}


def test_translations_for_a_language_switcher(client, bilingual):
    memorial, fr_memorial, _, _ = bilingual
    data = data_of(client, "query($id: ID) { page(id: $id) { translations { id locale url } } }", {"id": memorial.pk})
    assert data["page"]["translations"] == [
        {"id": str(fr_memorial.pk), "locale": "fr", "url": "/fr/memorials/soviet-memorial/"}
    ]


def test_listings_keep_to_one_language(client, bilingual):
    memorial, fr_memorial, _, _ = bilingual
    data = data_of(
        client,
        """{ en: memorials { items { id } } fr: memorials(locale: "fr") { items { id } }
                                nl: memorials(locale: "nl") { items { id } } }""",
    )
    assert data == {
        "en": {"items": [{"id": str(memorial.pk)}]},
        "fr": {"items": [{"id": str(fr_memorial.pk)}]},
        "nl": {"items": []},
    }


def test_related_pages_follow_the_reader_language(client, bilingual):
    _, fr_memorial, fr_event, _ = bilingual
    data = data_of(
        client,
        """query($e: ID, $m: ID) {
        event: page(id: $e) { ... on EventPage { relatedMemorial { id locale } } }
        memorial: page(id: $m) { ... on MemorialPage { events { id locale } } } }""",
        {"e": fr_event.pk, "m": fr_memorial.pk},
    )
    assert data["event"]["relatedMemorial"] == {"id": str(fr_memorial.pk), "locale": "fr"}
    assert data["memorial"]["events"] == [{"id": str(fr_event.pk), "locale": "fr"}]


def test_menu_and_locales(client, bilingual):
    data = data_of(client, '{ menu(locale: "fr") { title locale } locales { code name isDefault } }')
    assert {item["locale"] for item in data["menu"]} == {"fr"}
    assert {item["title"] for item in data["menu"]} == {"Memorials", "Ceremonies"}  # the sections translated so far
    assert data["locales"] == [
        {"code": "en", "name": "English", "isDefault": True},
        {"code": "fr", "name": "Français", "isDefault": False},
        {"code": "nl", "name": "Nederlands", "isDefault": False},
    ]


def test_untranslated_pages_are_left_out_everywhere(client, tree, bilingual):
    memorial, fr_memorial, _, _ = bilingual
    untranslated = publish_child(
        tree.events,
        EventPage(
            title="Only in English",
            slug="only-en",
            place="Rebecq",
            start=brussels(2023, 5, 18, 11),
            related_memorial=memorial,
        ),
    )
    data = data_of(
        client,
        """query($en: ID, $fr: ID) {
            en: page(id: $en) { ... on MemorialPage { events { title } } }
            fr: page(id: $fr) { ... on MemorialPage { events { title } } }
            frList: events(locale: "fr") { items { title } }
            frPage: page(urlPath: "/ceremonies/only-en/", locale: "fr") { id }
            enPage: page(urlPath: "/ceremonies/only-en/", locale: "en") { translations { locale } }
        }""",
        {"en": memorial.pk, "fr": fr_memorial.pk},
    )
    assert {e["title"] for e in data["en"]["events"]} == {"Tribute", "Only in English"}
    assert data["fr"]["events"] == [{"title": "Hommage"}]
    assert data["frList"]["items"] == [{"title": "Hommage"}]
    assert data["frPage"] is None
    assert data["enPage"]["translations"] == []
    assert untranslated.live


def test_organisation_accepts_a_locale_and_refuses_an_unknown_one(client, tree):
    from ..helpers import gql

    assert data_of(client, '{ organisation(locale: "nl") { name } }')["organisation"] is None
    _, body = gql(client, '{ organisation(locale: "de") { name } }')
    assert body["errors"][0]["message"] == "Unknown locale 'de'. Available locales: en, fr, nl."
