"""Drafts, unpublished pages and login-restricted pages are never returned, by any road."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from pages.models import EventPage, HistoryPage, HistoryRelatedMemorial, MemorialPage

from ..helpers import brussels, data_of

pytestmark = pytest.mark.django_db


def add_memorial(tree, slug, publish=True):
    page = MemorialPage(title=f"Memorial {slug}", slug=slug, place="Cemetery", municipality="Rebecq")
    tree.memorials.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.live = False
        page.save_revision()
        page.save()
    return page


@pytest.fixture
def states(tree):
    live = add_memorial(tree, "live")
    draft = add_memorial(tree, "draft", publish=False)
    unpublished = add_memorial(tree, "unpublished")
    unpublished.unpublish()
    restricted = add_memorial(tree, "restricted")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    # A newer draft of a live page must not replace what readers see.
    live.title = "Draft title of the live memorial"
    live.save_revision()
    hidden = [draft, unpublished, restricted]
    # Every hidden page is linked from visible content, so each road to it is tried.
    article = HistoryPage(
        title="Article",
        slug="article",
        summary="S",
        body=[],
        related_memorials=[HistoryRelatedMemorial(memorial=page) for page in [live, *hidden]],
    )
    tree.history.add_child(instance=article)
    article.save_revision().publish()
    for index, page in enumerate([live, *hidden]):
        event = EventPage(
            title=f"Event {index}",
            slug=f"event-{index}",
            place="Rebecq",
            start=brussels(2022, 5, 18, 11),
            related_memorial=page,
        )
        tree.events.add_child(instance=event)
        event.save_revision().publish()
    tree.home.featured = [("page", page) for page in [live, *hidden]]
    tree.home.save_revision().publish()
    call_command("update_index", verbosity=0)
    return live, hidden, article


ROADS = """query($home: ID, $article: ID, $section: ID) {
  memorials(perPage: 100) { items { id title } }
  pages(perPage: 100) { items { id title } }
  search(query: "Memorial") { items { id title } }
  section: page(id: $section) { children(limit: 100) { id title } descendants(limit: 100) { id } }
  home: page(id: $home) { ... on HomePage { featured { id title } } }
  article: page(id: $article) { ... on HistoryPage { relatedMemorials { id title } } }
  events(perPage: 100) { items { ... on EventPage { relatedMemorial { id title } } } }
}"""


def ids_in(value):
    if isinstance(value, dict):
        found = {value["id"]} if "id" in value else set()
        return found.union(*(ids_in(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(ids_in(item) for item in value)) if value else set()
    return set()


def titles_in(value):
    if isinstance(value, dict):
        return {v for k, v in value.items() if k == "title"}.union(*(titles_in(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(titles_in(item) for item in value)) if value else set()
    return set()


def test_hidden_pages_never_appear_on_any_road(client, tree, states):
    live, hidden, article = states
    data = data_of(client, ROADS, {"home": tree.home.pk, "article": article.pk, "section": tree.memorials.pk})
    found = ids_in(data)
    assert str(live.pk) in found
    assert not found & {str(page.pk) for page in hidden}
    # Each road that lists memorials did return the live one, so an empty answer cannot pass.
    assert data["memorials"]["items"] == [{"id": str(live.pk), "title": "Memorial live"}]
    assert data["home"]["featured"] == [{"id": str(live.pk), "title": "Memorial live"}]
    assert data["article"]["relatedMemorials"] == [{"id": str(live.pk), "title": "Memorial live"}]
    assert "Draft title of the live memorial" not in titles_in(data)


@pytest.mark.parametrize("which", [0, 1, 2])
def test_hidden_pages_cannot_be_fetched_directly(client, tree, states, which):
    page = states[1][which]
    data = data_of(
        client,
        "query($id: ID, $slug: String, $path: String) { byId: page(id: $id) { id } bySlug: page(slug: $slug) { id }"
        " byPath: page(urlPath: $path) { id } }",
        {"id": page.pk, "slug": page.slug, "path": f"/en/memorials/{page.slug}/"},
    )
    assert data == {"byId": None, "bySlug": None, "byPath": None}


def test_live_page_is_served_at_its_live_version(client, tree, states):
    live = states[0]
    data = data_of(
        client, "query($path: String) { page(urlPath: $path) { id title } }", {"path": "/en/memorials/live/"}
    )
    assert data["page"] == {"id": str(live.pk), "title": "Memorial live"}


def test_unpublished_section_hides_it_as_a_parent(client, tree, states):
    live = states[0]
    tree.memorials.unpublish()  # Wagtail leaves the children live
    data = data_of(client, "query($id: ID) { page(id: $id) { parent { id } ancestors { id } } }", {"id": live.pk})
    assert data["page"]["parent"] is None
    assert data["page"]["ancestors"] == [{"id": str(tree.home.pk)}]


def test_menu_lists_live_sections_only(client, tree):
    tree.news.unpublish()
    data = data_of(client, "{ menu { title } }")
    assert [item["title"] for item in data["menu"]] == ["Memorials", "History", "Ceremonies"]


@pytest.mark.parametrize("field", ["draftTitle", "hasUnpublishedChanges", "latestRevisionCreatedAt", "path"])
def test_page_types_expose_no_draft_or_internal_columns(client, tree, field):
    from ..helpers import gql

    status, body = gql(client, f'{{ page(urlPath: "/") {{ ... on HomePage {{ {field} }} }} }}')
    assert status == 400
    assert f"Cannot query field '{field}' on type 'HomePage'." in body["errors"][0]["message"]
