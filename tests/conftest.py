from dataclasses import dataclass

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from pages.models import EventIndexPage, HistoryIndexPage, HomePage, MemorialIndexPage, NewsIndexPage

from .helpers import publish_child


@dataclass
class Tree:
    site: Site
    home: HomePage
    memorials: MemorialIndexPage
    history: HistoryIndexPage
    events: EventIndexPage
    news: NewsIndexPage
    locales: dict


@pytest.fixture
def tree(db):
    """An English site: home page and the four sections, with French and Dutch locales present."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "fr", "nl")}
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    home = HomePage(title="Home", slug="home", locale=locales["en"])
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.all().delete()
    site = Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True, site_name="Test")
    sections = [
        publish_child(home, model(title=title, slug=title.lower(), show_in_menus=True))
        for model, title in (
            (MemorialIndexPage, "Memorials"),
            (HistoryIndexPage, "History"),
            (EventIndexPage, "Ceremonies"),
            (NewsIndexPage, "News"),
        )
    ]
    return Tree(site, home, *sections, locales=locales)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache, as a fresh deployment would: the database is rolled back
    between tests, but the cache (API responses, persisted queries) is not."""
    cache.clear()
