"""Which public URL paths a change affects, in every language, as frontends route them (``/fr/memorials/x/``).

A page is shown at its own path, in the listing of its parent, and (possibly) among the featured pages of
its home page; a translation shows it in its language switcher. So a change to a page affects the path of
every language version of the page, of its parent and of its home page. Paths are computed while the pages
still exist: callers capture them before a delete or a move.
"""

from collections.abc import Iterable

from wagtail.models import Page, Site


def url_path(page: Page) -> str | None:
    """The page's path on its site, e.g. ``/en/memorials/x/``; None if it is under no site.

    ``get_url_parts`` rather than ``get_url``: with several sites ``get_url`` may give a full URL, and
    frontends match paths.
    """
    parts = page.get_url_parts(request=None)
    return parts[2] if parts else None


def version_paths(page: Page) -> set[str]:
    """The path of every language version of ``page`` that exists (drafts too: their switchers list it)."""
    versions = page.get_translations(inclusive=True).specific(defer=True)
    return {path for path in map(url_path, versions) if path}


def home_paths(site_id: int | None = None) -> set[str]:
    """The home page path of every language, of one site or of all of them: ``{"/en/", "/fr/", "/nl/"}``."""
    roots = [root.root_path for root in Site.get_site_root_paths() if site_id is None or root.site_id == site_id]
    pages = Page.objects.filter(url_path__in=roots).specific(defer=True)
    return {path for path in map(url_path, pages) if path}


def site_id_of(page: Page) -> int | None:
    """The site a page belongs to (its url_path lies under one of that site's language roots)."""
    for root in Site.get_site_root_paths():
        if page.url_path.startswith(root.root_path):
            return root.site_id
    return None


def affected_paths(page: Page, *, descendants: Iterable[Page] = ()) -> set[str]:
    """The paths a change to ``page`` (and to ``descendants``, when they change with it) affects."""
    paths = set()
    for each in [page, *descendants]:
        paths |= version_paths(each)
    parent = page.get_parent()
    if parent is not None and not parent.is_root():
        paths |= version_paths(parent)
    site_id = site_id_of(page)
    if site_id is not None:
        paths |= home_paths(site_id)
    return paths
