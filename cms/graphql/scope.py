"""Which pages a request may read: live, public, in its site, in one language tree."""

from django.db.models import Prefetch, Q
from graphql import GraphQLError
from grapple.utils import resolve_site_by_hostname
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Page, Site

from pages.models.base import readable

from .locales import resolve_locale
from .settled import settled


def unknown_site(hostname: str) -> GraphQLError:
    return GraphQLError(f"Unknown site '{hostname}'.", extensions={"code": "BAD_USER_INPUT"})


def resolve_site(info, hostname: str | None = None) -> Site | None:
    """The site named by ``hostname``, else the one the request's Host header points at."""
    request = info.context
    if hostname:
        site = settled(
            request, ("site named", hostname), lambda: resolve_site_by_hostname(hostname=hostname, filter_name="site")
        )
        if site is None:
            raise unknown_site(hostname)
        return site
    # Keyed by what Site.find_for_request reads: the raw host (with any port) and the port.
    host = (request._get_raw_host(), request.get_port())
    return settled(request, ("site for host", host), lambda: Site.find_for_request(request))


def locale_roots(info, site: Site | None, locale=None) -> list[Page]:
    """The home pages of the site's language trees (of one locale when given), in tree order."""
    if site is None:
        return []

    def load():
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        return list(roots.filter(locale=locale) if locale is not None else roots)

    return settled(info.context, ("language roots", site.pk, locale.pk if locale else None), load)


def visible_pages(info, *, locale_code=None, site_hostname=None, model=Page, default_locale=True):
    """Readable pages (``pages.models.base.readable``) of ``model`` in the request's site and one language tree.

    Without ``locale_code`` the default language is used, or every language when
    ``default_locale`` is false (lookups by id, which are unambiguous).
    """
    locale = resolve_locale(info.context, locale_code, default=default_locale)
    site = resolve_site(info, site_hostname)
    in_site = Q()
    for root in locale_roots(info, site, locale):
        in_site |= Q(path__startswith=root.path)
    if not in_site:
        return model.objects.none()
    pages = readable(model.objects.filter(in_site, depth__gt=1))
    return pages.filter(locale=locale) if locale is not None else pages


def with_related(queryset):
    """Fetch what listings show with each page: its locale, images and their renditions."""
    model = queryset.model
    image_model = get_image_model()
    image_fields = [
        field.name for field in model._meta.get_fields() if field.many_to_one and field.related_model is image_model
    ]
    return queryset.select_related("locale", *image_fields).prefetch_related(
        *(Prefetch(f"{name}__renditions") for name in image_fields)
    )


def readable_document(info, document) -> bool:
    """Whether readers may download ``document``: not in, nor below, a view-restricted collection, as
    Wagtail's own serve view would refuse it. The restricted collections are read once per request."""
    context = info.context
    if not hasattr(context, "_private_collection_paths"):
        restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        context._private_collection_paths = tuple(restricted)
    return not document.collection.path.startswith(context._private_collection_paths)
