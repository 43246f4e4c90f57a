"""URLs of the benchmark settings only: the site's own, plus the two baselines the GraphQL API is measured against.

- ``/api/v2/``: Wagtail's REST API v2, with ``api_fields`` matching what the contract's GraphQL queries ask
  for on memorial and event pages (declared here, not on the models: the REST API exists only for the benchmark);
- ``/benchmark/floor/<name>/``: the static floor, the bytes of a GraphQL response computed beforehand by the
  harness, returned through the same middleware: the least any API answer can cost on this stack.
"""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import path, re_path
from django.views.decorators.csrf import csrf_exempt
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.fields import ImageRenditionField

from pages.models import EventPage, MemorialPage

from .urls import urlpatterns as site_urlpatterns

# The scalar and stream fields of MemorialPageFields / EventCard (frontend-contract/queries/fragments), with
# the hero image as one rendition, as the GraphQL queries ask for it.
MemorialPage.api_fields = [
    *(
        APIField(name)
        for name in (
            "kind",
            "place",
            "municipality",
            "province",
            "country",
            "latitude",
            "longitude",
            "unveiling_date",
            "unveiled_by",
            "dedication",
            "inscription",
            "partners",
            "gallery",
            "body",
        )
    ),
    APIField("hero_image", serializer=ImageRenditionField("width-960|format-webp")),
]
EventPage.api_fields = [
    *(APIField(name) for name in ("start", "end", "status", "place", "anniversary", "is_upcoming", "summary")),
    APIField("hero_image", serializer=ImageRenditionField("fill-400x300|format-webp")),
]

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)


@cache
def floor_body(name: str) -> bytes:
    """The stored response, read once per process: the floor does no work per request beyond serving bytes."""
    body = Path(settings.BENCHMARK_FLOOR_DIR, f"{name}.json")
    if not name.replace("-", "").replace(".", "").isalnum() or not body.is_file():
        raise Http404(f"No floor response named {name!r}.")
    return body.read_bytes()


@csrf_exempt
def static_floor(request, name: str) -> HttpResponse:
    """The GraphQL response for ``name``, already computed (GET or POST, like /graphql/)."""
    return HttpResponse(floor_body(name), content_type="application/json")


urlpatterns = [
    path("api/v2/", api_router.urls),
    re_path(r"^benchmark/floor/(?P<name>[\w.-]+)/$", static_floor),
    *site_urlpatterns,
]
