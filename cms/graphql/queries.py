"""Root queries: locale-aware replacements for grapple's ``page``, ``pages`` and ``search``,
per-type listings, the menu, the organisation settings and the locales."""

import graphene
from django.conf import settings
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone
from graphql import GraphQLError
from grapple.registry import registry
from grapple.settings import grapple_settings
from grapple.types.interfaces import get_page_interface
from grapple.types.structures import PaginationType, PositiveInt
from grapple.utils import get_paginated_result
from wagtail.models import Page

from pages.models import EventPage, HistoryPage, MemorialPage, NewsPage, OrganisationSettings
from pages.models.base import readable
from pages.models.images import prefetch_images

from .limits import check_search_query
from .locales import locales_by_code, resolve_locale
from .preview import page_from_token
from .scope import locale_roots, resolve_site, visible_pages, with_related
from .translations import attach_translations


class LocaleType(graphene.ObjectType):
    code = graphene.String(required=True)
    name = graphene.String(required=True)
    is_default = graphene.Boolean(required=True)

    class Meta:
        name = "Locale"


class EventTime(graphene.Enum):
    """Which ceremonies to list, judged on the server against the current time."""

    UPCOMING = "upcoming"
    PAST = "past"
    ALL = "all"


def paginated_type(name, item_type):
    return type(
        name,
        (graphene.ObjectType,),
        {
            "items": graphene.List(graphene.NonNull(item_type), required=True),
            "pagination": graphene.Field(PaginationType, required=True),
        },
    )


def _listing_args(**extra):
    return {
        "locale": graphene.String(description="Language code; the default language when omitted."),
        "site": graphene.String(description="Site hostname; the request's site when omitted."),
        "page": PositiveInt(description="Page number, from 1.", default_value=1),
        "per_page": PositiveInt(description=f"Items per page; at most {settings.GRAPHQL_MAX_PAGE_SIZE}."),
        "order": graphene.String(description="Django order_by format, from an allowlist, e.g. '-first_published_at'."),
        **extra,
    }


def _paginate(info, queryset, page, per_page, order, default_order):
    terms = [term.strip() for term in order.split(",")] if order else default_order
    per_page = per_page or grapple_settings.PAGE_SIZE
    result = get_paginated_result(with_related(queryset.order_by(*terms, "pk")), page, per_page)
    result.items = attach_translations(info, prefetch_images(list(result.items)))  # specific() pages need it
    return result


def _page_type(model):
    return lambda: registry.pages[model]


PagesResult = paginated_type("PagesResult", get_page_interface)


class CMSQuery:
    """Mixed in ahead of grapple's queries, so these fields and resolvers win."""

    page = graphene.Field(
        get_page_interface,
        id=graphene.ID(),
        slug=graphene.String(),
        url_path=graphene.String(
            description="The page's path as in its `url`, e.g. '/fr/memorials/rebecq/', or relative to the "
            "language's home page when `locale` is given, e.g. '/memorials/rebecq/'."
        ),
        locale=graphene.String(),
        site=graphene.String(),
        token=graphene.String(description="A preview token from the admin's Preview: returns that draft."),
        description="One live page, found by exactly one of id, slug or urlPath; or a draft by preview token.",
    )
    pages = graphene.Field(
        PagesResult,
        required=True,
        content_type=graphene.String(description="Comma-separated `app.Model` names, e.g. 'pages.MemorialPage'."),
        in_menu=graphene.Boolean(),
        **_listing_args(),
        description="Live pages of any type in one language.",
    )
    memorials = graphene.Field(
        paginated_type("MemorialPagesResult", _page_type(MemorialPage)),
        required=True,
        **_listing_args(kind=graphene.String(description="monument, plaque, grave_site, crash_site or other.")),
    )
    history_articles = graphene.Field(
        paginated_type("HistoryPagesResult", _page_type(HistoryPage)), required=True, **_listing_args()
    )
    events = graphene.Field(
        paginated_type("EventPagesResult", _page_type(EventPage)),
        required=True,
        **_listing_args(when=graphene.Argument(EventTime, default_value=EventTime.ALL.value)),
        description="Ceremonies: upcoming ones soonest first, past ones latest first.",
    )
    news_items = graphene.Field(
        paginated_type("NewsPagesResult", _page_type(NewsPage)), required=True, **_listing_args()
    )
    search = graphene.Field(
        PagesResult,
        required=True,
        query=graphene.String(required=True),
        locale=graphene.String(),
        site=graphene.String(),
        page=PositiveInt(default_value=1),
        per_page=PositiveInt(),
        description="Full-text search across live pages in one language, best match first.",
    )
    menu = graphene.List(
        graphene.NonNull(get_page_interface),
        required=True,
        locale=graphene.String(),
        site=graphene.String(),
        description="The top-level pages marked 'show in menus', in tree order.",
    )
    organisation = graphene.Field(
        lambda: registry.settings[OrganisationSettings],
        site=graphene.String(),
        locale=graphene.String(
            description="Accepted for symmetry; the organisation's details are the same in every language."
        ),
        description="The organisation settings of the request's site.",
    )
    locales = graphene.List(graphene.NonNull(LocaleType), required=True)

    def resolve_page(self, info, id=None, slug=None, url_path=None, locale=None, site=None, token=None):
        if token:
            return page_from_token(info, token)
        given = [name for name, value in (("id", id), ("slug", slug), ("urlPath", url_path)) if value]
        if len(given) != 1:
            raise GraphQLError("Give exactly one of id, slug or urlPath.", extensions={"code": "BAD_USER_INPUT"})
        if id:  # a number: cms.graphql.arguments checks every ID argument
            pages = visible_pages(info, locale_code=locale, site_hostname=site, default_locale=False)
            return pages.filter(pk=id).specific().first()
        if slug:
            matches = list(visible_pages(info, locale_code=locale, site_hostname=site).filter(slug=slug)[:2])
            if len(matches) > 1:
                raise GraphQLError(
                    f"Several pages have the slug '{slug}'; ask by urlPath or id instead.",
                    extensions={"code": "AMBIGUOUS"},
                )
            return matches[0].specific if matches else None
        return _page_by_path(info, url_path, locale, site)

    def resolve_pages(self, info, locale=None, site=None, page=1, per_page=None, order=None, **filters):
        pages = visible_pages(info, locale_code=locale, site_hostname=site)
        if filters.get("in_menu") is not None:
            pages = pages.in_menu() if filters["in_menu"] else pages.not_in_menu()
        if filters.get("content_type"):
            pages = pages.type(*(_content_type_model(name) for name in filters["content_type"].split(",")))
        return _paginate(info, pages.specific(), page, per_page, order, ["path"])

    def resolve_memorials(self, info, locale=None, site=None, page=1, per_page=None, order=None, kind=None):
        memorials = visible_pages(info, locale_code=locale, site_hostname=site, model=MemorialPage)
        if kind:
            memorials = memorials.filter(kind=kind)
        return _paginate(info, memorials, page, per_page, order, ["title"])

    def resolve_history_articles(self, info, locale=None, site=None, page=1, per_page=None, order=None):
        articles = visible_pages(info, locale_code=locale, site_hostname=site, model=HistoryPage)
        return _paginate(info, articles, page, per_page, order, ["period_start", "path"])

    def resolve_events(self, info, locale=None, site=None, page=1, per_page=None, order=None, when="all"):
        events = visible_pages(info, locale_code=locale, site_hostname=site, model=EventPage)
        now = timezone.now()
        events = events.annotate(finish=Coalesce(F("end"), F("start")))
        if when == EventTime.UPCOMING.value:
            return _paginate(info, events.filter(finish__gte=now), page, per_page, order, ["start"])
        if when == EventTime.PAST.value:
            return _paginate(info, events.filter(finish__lt=now), page, per_page, order, ["-start"])
        return _paginate(info, events, page, per_page, order, ["-start"])

    def resolve_news_items(self, info, locale=None, site=None, page=1, per_page=None, order=None):
        news = visible_pages(info, locale_code=locale, site_hostname=site, model=NewsPage)
        return _paginate(info, news, page, per_page, order, ["-date", "-first_published_at"])

    def resolve_search(self, info, query, locale=None, site=None, page=1, per_page=None):
        query = check_search_query(query)
        visible = visible_pages(info, locale_code=locale, site_hostname=site)
        # The search index filters only on indexed fields; the visibility rule also reads expiry and alias
        # sources, so the index is asked within the visible pages' ids (one subquery in SQL).
        results = Page.objects.filter(pk__in=visible.values("pk")).search(query)
        result = get_paginated_result(results, page, per_page or grapple_settings.PAGE_SIZE)
        result.items = attach_translations(info, _specific_in_order(result.items))
        return result

    def resolve_menu(self, info, locale=None, site=None):
        language = resolve_locale(info.context, locale)
        roots = locale_roots(info, resolve_site(info, site), language)
        if not roots:
            return []
        root = roots[0]
        return attach_translations(
            info, readable(Page.objects.child_of(root)).in_menu().select_related("locale").specific()
        )

    def resolve_organisation(self, info, site=None, locale=None):
        resolve_locale(info.context, locale)  # an unknown locale is still an error
        current = resolve_site(info, site)
        return OrganisationSettings.objects.filter(site=current).first() if current else None

    def resolve_locales(self, info):
        names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
        return [
            LocaleType(code=code, name=names[code], is_default=code == settings.LANGUAGE_CODE)
            for code in names
            if code in locales_by_code(info.context)
        ]


def _page_by_path(info, url_path, locale, site):
    """A page by its public path, with or without the language prefix."""
    segments = [segment for segment in url_path.split("/") if segment]
    if locale is None and segments and segments[0] in locales_by_code(info.context):
        locale, segments = segments[0], segments[1:]
    language = resolve_locale(info.context, locale)
    roots = locale_roots(info, resolve_site(info, site), language)
    if not roots:
        return None
    path = roots[0].url_path + "".join(f"{segment}/" for segment in segments)
    pages = visible_pages(info, locale_code=language.language_code, site_hostname=site)
    return pages.filter(url_path=path).specific().first()


def _content_type_model(name):
    from django.apps import apps

    try:
        model = apps.get_model(name.strip())
    except (LookupError, ValueError):
        model = None
    if model is None or not issubclass(model, Page):
        raise GraphQLError(
            f"Unknown page type '{name.strip()}'; use the app.Model form, e.g. 'pages.MemorialPage'.",
            extensions={"code": "BAD_USER_INPUT"},
        )
    return model


def _specific_in_order(pages):
    """The specific version of each page, in the given order, with one query per page type."""
    specific = Page.objects.filter(pk__in=[page.pk for page in pages]).select_related("locale").specific()
    by_pk = {page.pk: page for page in specific}
    return prefetch_images([by_pk[page.pk] for page in pages if page.pk in by_pk])
