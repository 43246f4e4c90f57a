"""What every page type shares: headless serving and preview, translation rules,
coordinates, and the one rule for which related pages a reader may see.

Preview (wagtail-headless-preview, made strict here): the admin's Preview stores the draft in a
``PagePreview`` row under a signed token and opens the frontend of the page's own site at
``<frontend root>/<language>/preview?content_type=<app.model>&token=<token>``. A token is honoured
only within ``PREVIEW_TOKEN_MAX_AGE`` seconds, only while its row exists, and only for the page and
page type it was signed for; otherwise a ``PreviewTokenError`` says why, with a code for API clients.
"""

import json
from dataclasses import dataclass
from datetime import timedelta

import graphene
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.signing import BadSignature, SignatureExpired
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.http import urlencode
from grapple.models import GraphQLField, GraphQLFloat, GraphQLRichText
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction, Site
from wagtail_headless_preview.models import HeadlessMixin, PagePreview, get_client_root_url_from_site
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .images import PublishablePageForm, image_fields, prefetch_images

# Page's own fields: text is translated; the slug and menu flag stay in step with the source.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    SynchronizedField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]

INTRO_FEATURES = ["bold", "italic", "link"]


def GraphQLDate(field_name: str, **kwargs):  # noqa: N802 - named like grapple's field helpers
    """A grapple field typed as an ISO date, which grapple does not provide."""
    return lambda: GraphQLField(field_name, graphene.Date, **kwargs)


def GraphQLDateTime(field_name: str, **kwargs):  # noqa: N802
    """A grapple field typed as an ISO date-time with its UTC offset."""
    return lambda: GraphQLField(field_name, graphene.DateTime, **kwargs)


class PreviewTokenError(Exception):
    """A preview token that cannot be honoured. ``message`` is safe to show; ``code`` is for API clients."""

    code = "PREVIEW_INVALID"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    @property
    def extensions(self) -> dict:
        # graphql-core copies an exception's ``extensions`` onto the error it reports, so grapple's own
        # token arguments (``site { page(token:) }``), which call our classmethod directly, carry the code too.
        return {"code": self.code}


class PreviewExpired(PreviewTokenError):
    code = "PREVIEW_EXPIRED"


class PreviewMismatch(PreviewTokenError):
    code = "PREVIEW_MISMATCH"


PREVIEW_NOT_VALID = "This preview link is not valid; open the preview again from the admin."
PREVIEW_EXPIRED = "This preview link has expired; open the preview again from the admin."
PREVIEW_GONE = "This preview is no longer available; open the preview again from the admin."
PREVIEW_OTHER_PAGE = "This preview token belongs to another page."


@dataclass(frozen=True)
class PreviewTarget:
    """What a verified token was signed for: an existing page (``page_id``) or a new page of a type."""

    page_id: int | None
    content_type: ContentType


def _preview_target(identifier: str) -> PreviewTarget:
    """Parse what ``create_page_preview`` signs: ``id=<pk>`` or ``parent_id=<pk>;page_type=<app.Model>``."""
    try:
        fields = dict(part.split("=", 1) for part in identifier.split(";"))
    except ValueError:
        raise PreviewTokenError(PREVIEW_NOT_VALID) from None
    if fields.keys() == {"id"} and fields["id"].isdigit():
        page_id = int(fields["id"])
        content_type_id = Page.objects.filter(pk=page_id).values_list("content_type_id", flat=True).first()
        if content_type_id is None:  # the page was deleted since
            raise PreviewTokenError(PREVIEW_GONE)
        return PreviewTarget(page_id, ContentType.objects.get_for_id(content_type_id))
    if fields.keys() == {"parent_id", "page_type"}:
        try:
            model = apps.get_model(fields["page_type"])
        except (LookupError, ValueError):
            raise PreviewTokenError(PREVIEW_NOT_VALID) from None
        return PreviewTarget(None, ContentType.objects.get_for_model(model))
    raise PreviewTokenError(PREVIEW_NOT_VALID)


def delete_expired_previews() -> int:
    """Delete the PagePreview rows whose tokens have certainly expired; return how many rows went.

    ``created_at`` is only a date (the server's local date), so a row dated D may hold a token made at
    D 23:59:59. Only rows dated before the local date of ``now - max age`` are certainly expired;
    later ones may still hold a live token and are kept for the next run.
    """
    oldest_live = timezone.now() - timedelta(seconds=settings.PREVIEW_TOKEN_MAX_AGE)
    cutoff = timezone.localtime(oldest_live, timezone.get_default_timezone()).date()
    deleted, _ = PagePreview.objects.filter(created_at__lt=cutoff).delete()
    return deleted


class BasePage(HeadlessMixin, Page):
    """Abstract base: Wagtail's own page URL redirects to the frontend, and previews open there."""

    translatable_fields = PAGE_TRANSLATABLE_FIELDS
    base_form_class = PublishablePageForm  # no publishing with an image that lacks alt text

    class Meta:
        abstract = True

    def get_client_root_url(self, request) -> str:
        """The frontend of this page's own site (CLIENT_URLS[hostname], else "default").

        The library uses the request's site, which in the admin is the admin's host, not the page's.
        """
        site = self.get_site() or Site.find_for_request(request)
        return get_client_root_url_from_site(site)

    def get_preview_url(self, request, token: str) -> str:
        """``<frontend root>/<language>/preview?content_type=<app.model>&token=<token>``."""
        root = self.get_client_root_url(request).rstrip("/")
        query = urlencode({"content_type": self.get_content_type_str(), "token": token})
        return f"{root}/{self._preview_locale().language_code}/preview?{query}"

    def create_page_preview(self) -> PagePreview:
        # A page being created has no locale until its first save; the draft must carry one for the API.
        if self.locale_id is None:
            self.locale = self.get_default_locale()
        # Opportunistic cleanup, so rows do not pile up between runs of ``clear_previews``.
        delete_expired_previews()
        return super().create_page_preview()

    @classmethod
    def get_page_from_preview_token(cls, token: str) -> Page:
        """The draft stored under ``token``, after checking its age, its row and that both name the same page.

        Raises ``PreviewTokenError`` (or its ``PreviewExpired`` / ``PreviewMismatch``); never returns None.
        """
        target = _preview_target(cls._unsign_preview_token(token))
        model = target.content_type.model_class()
        if model is None or not issubclass(model, cls):
            raise PreviewMismatch(PREVIEW_OTHER_PAGE)
        preview = PagePreview.objects.filter(token=token).first()
        if preview is None:  # cleaned up, or never stored
            raise PreviewTokenError(PREVIEW_GONE)
        _check_preview_row(preview, target)
        return preview.as_page()

    @classmethod
    def _unsign_preview_token(cls, token: str) -> str:
        """The signed identifier, if the signature is ours and younger than PREVIEW_TOKEN_MAX_AGE."""
        try:
            # The library unsigns without max_age, so its tokens never expired.
            return cls.get_preview_signer().unsign(token, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
        except SignatureExpired:
            raise PreviewExpired(PREVIEW_EXPIRED) from None
        except BadSignature:
            raise PreviewTokenError(PREVIEW_NOT_VALID) from None

    def _preview_locale(self):
        return self.locale if self.locale_id else self.get_default_locale()


def _check_preview_row(preview: PagePreview, target: PreviewTarget) -> None:
    """The row, its stored draft and the token must all name the same page and page type."""
    try:
        content = json.loads(preview.content_json)
    except ValueError:
        raise PreviewTokenError(PREVIEW_NOT_VALID) from None
    expected_type = target.content_type.pk
    if (
        preview.content_type_id != expected_type
        or content.get("content_type") != expected_type
        or content.get("pk") != target.page_id
    ):
        raise PreviewMismatch(PREVIEW_OTHER_PAGE)


class IndexPage(BasePage):
    """Abstract base for a section that lists one kind of child page."""

    intro = RichTextField(features=INTRO_FEATURES, blank=True, help_text="A short text shown above the listing.")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    graphql_fields = [GraphQLRichText("intro", required=True)]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class GeoLocated(models.Model):
    """Abstract latitude/longitude pair (WGS 84), validated to real ranges and given together."""

    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="Decimal degrees between -90 and 90, e.g. 50.664 for Rebecq.",
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text="Decimal degrees between -180 and 180, e.g. 4.133 for Rebecq.",
    )

    coordinates_panel = FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading="Coordinates")
    graphql_fields = [GraphQLFloat("latitude"), GraphQLFloat("longitude")]
    translatable_fields = [SynchronizedField("latitude"), SynchronizedField("longitude")]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError({missing: "Give both latitude and longitude, or neither."})


def readable(pages):
    """The pages of a queryset that readers may see: the one visibility rule of the API.

    Live, outside every view-restricted section, not past ``expire_at`` (Wagtail only unpublishes
    expired pages when ``publish_scheduled`` runs, so ``live`` alone lags behind), and for an alias,
    its source readable too: an alias has its own place in the tree but shows its source's content,
    so a source that is hidden (e.g. restricted, where the alias is not) hides its aliases.
    Scheduled pages need no rule of their own: Wagtail keeps them not live until ``go_live_at``.
    """
    current = Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
    sources = Page.objects.live().exclude(_restricted()).filter(current)
    return (
        pages.live().exclude(_restricted()).filter(current).filter(Q(alias_of__isnull=True) | Q(alias_of__in=sources))
    )


def _restricted() -> Exists:
    """Whether a page is in a view-restricted section: the page or an ancestor carries a restriction.

    A subquery, where Wagtail's ``private_q`` reads every restriction first: one query fewer each time
    the rule is applied, and the same answer (an ancestor's path is a prefix of the page's path).
    """
    return Exists(PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path"))))


def cards_in_locale(model, locale_id, which: Q):
    """The readable ``model`` pages in ``locale_id`` that ``which`` selects, with what a card shows.

    For related pages of one known type, where ``visible_in_locale`` would first load the pages in any
    language: one query, their locale and images joined, plus one for the images' renditions.
    """
    names = image_fields(model)
    pages = readable(model.objects.filter(which, locale_id=locale_id))
    return pages.select_related("locale", *names).prefetch_related(*(f"{name}__renditions" for name in names))


def linked_cards(model, locale_id, chosen_keys: list, linking) -> list:
    """The ``model`` pages linked with a page from either side, as cards in ``locale_id``.

    Those chosen on the page (their translation keys, in the editor's order) come first, then those whose
    own choice links here (``linking``: a queryset, any language), in tree order; each once.
    """
    which = Q(translation_key__in=chosen_keys) | Q(translation_key__in=linking.values("translation_key"))
    position = {key: n for n, key in reversed(list(enumerate(chosen_keys)))}
    found = cards_in_locale(model, locale_id, which)
    return sorted(found, key=lambda page: (position.get(page.translation_key, len(chosen_keys)), page.path))


def visible_in_locale(pages, locale_id):
    """The readable versions of ``pages`` in ``locale_id``, in the given order.

    One rule for untranslated pages everywhere: a page with no live version in that language
    is left out, as listings leave it out. One query, plus one per specific page type, plus a few for
    their images (``prefetch_images``), however many pages.
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    candidates = (
        readable(Page.objects.filter(translation_key__in={page.translation_key for page in pages}, locale_id=locale_id))
        .select_related("locale")
        .specific()
    )
    by_key = {page.translation_key: page for page in candidates}
    result, seen = [], set()
    for page in pages:
        if page.translation_key in by_key and page.translation_key not in seen:
            seen.add(page.translation_key)  # two language versions of one page count once
            result.append(by_key[page.translation_key])
    return prefetch_images(result)
