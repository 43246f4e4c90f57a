"""Sites, locales and language roots are read once per process and content version, and never answer stale."""

import pytest
from wagtail.models import Locale, Page, Site

from cms.publishing.invalidation import content_changed
from pages.models import HomePage

from ..helpers import data_of, gql

pytestmark = pytest.mark.django_db

LOCALES = "{ locales { code } }"
HOME = '{ page(urlPath: "/") { title } }'


@pytest.fixture(autouse=True)
def _no_response_cache(settings):
    """What is measured here is the lookups themselves, not answers kept whole."""
    settings.GRAPHQL_RESPONSE_CACHE = False


def codes(client):
    return [locale["code"] for locale in data_of(client, LOCALES)["locales"]]


def test_locales_are_read_once_until_the_content_changes(client, tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert codes(client) == ["en", "fr", "nl"]
    with django_assert_num_queries(0):
        assert codes(client) == ["en", "fr", "nl"]
    content_changed()  # what any publish, or a change to a site or locale, does
    with django_assert_num_queries(1):
        assert codes(client) == ["en", "fr", "nl"]


def test_a_locale_removed_or_added_is_seen_at_once(client, tree):
    assert codes(client) == ["en", "fr", "nl"]
    Locale.objects.get(language_code="nl").delete()
    assert codes(client) == ["en", "fr"]
    Locale.objects.create(language_code="nl")
    assert codes(client) == ["en", "fr", "nl"]


def test_a_site_added_later_is_found_at_once(client, tree):
    query = '{ page(urlPath: "/", site: "other.example") { title } }'
    assert gql(client, query)[1]["errors"][0]["message"] == "Unknown site 'other.example'."
    Site.objects.create(hostname="other.example", port=80, root_page=tree.home, site_name="Other")
    assert data_of(client, query)["page"] == {"title": "Home"}


def test_a_host_given_its_own_site_gets_that_sites_pages(client, tree):
    def home_for(host):
        return gql(client, HOME, HTTP_HOST=host)[1]["data"]["page"]

    assert home_for("localhost") == {"title": "Home"}  # no site of its own: the default site answers
    other = HomePage(title="Other home", slug="other-home", locale=tree.locales["en"])
    Page.get_first_root_node().add_child(instance=other)
    other.save_revision().publish()
    Site.objects.create(hostname="localhost", port=80, root_page=other, site_name="Other")
    assert home_for("localhost") == {"title": "Other home"}
    assert home_for("testserver") == {"title": "Home"}


def test_a_site_moved_to_another_root_serves_that_tree_at_once(client, tree):
    assert data_of(client, HOME)["page"] == {"title": "Home"}
    other = HomePage(title="New home", slug="new-home", locale=tree.locales["en"])
    Page.get_first_root_node().add_child(instance=other)
    other.save_revision().publish()
    tree.site.root_page = other
    tree.site.save()
    assert data_of(client, HOME)["page"] == {"title": "New home"}
