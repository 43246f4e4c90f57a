"""The map: memorials, cemeteries and crash sites as one GeoJSON FeatureCollection (RFC 7946).

The types spell out GeoJSON's own members, so a client that selects them all gets a document any GeoJSON
library reads as it is: positions are [longitude, latitude] in WGS 84, and every geometry is a Point.
"""

from dataclasses import dataclass

import graphene

from pages.models import MemorialPage
from register.models import AircraftLoss, Cemetery

from ..locales import resolve_locale
from ..scope import visible_pages
from .reading import prepare


class MapLayer(graphene.Enum):
    """What a feature marks."""

    MEMORIAL = "memorial"
    CEMETERY = "cemetery"
    CRASH_SITE = "crash_site"


class PointGeometry(graphene.ObjectType):
    type = graphene.String(required=True, description='Always "Point".')
    coordinates = graphene.List(
        graphene.NonNull(graphene.Float), required=True, description="[longitude, latitude], WGS 84 decimal degrees."
    )


class MapFeatureProperties(graphene.ObjectType):
    layer = graphene.Field(MapLayer, required=True)
    label = graphene.String(required=True, description="The name to show, in the requested language.")
    place = graphene.String(required=True, description="Where it is, in the requested language; may be empty.")
    url = graphene.String(description="A memorial's frontend path; null for other layers.")
    register_id = graphene.ID(description="The register id of a cemetery or an aircraft loss; null for memorials.")


class MapFeature(graphene.ObjectType):
    type = graphene.String(required=True, description='Always "Feature".')
    id = graphene.String(required=True, description="Unique in the collection, e.g. 'cemetery-rebecq'.")
    geometry = graphene.Field(PointGeometry, required=True)
    properties = graphene.Field(MapFeatureProperties, required=True)


class MapFeatureCollection(graphene.ObjectType):
    type = graphene.String(required=True, description='Always "FeatureCollection".')
    features = graphene.List(graphene.NonNull(MapFeature), required=True)


@dataclass
class Marker:
    """One point on the map, before it is shaped as a GeoJSON feature."""

    layer: str
    key: str
    latitude: object
    longitude: object
    label: str
    place: str = ""
    url: str | None = None
    register_id: str | None = None

    def as_feature(self) -> MapFeature:
        return MapFeature(
            type="Feature",
            id=f"{self.layer.replace('_', '-')}-{self.key}",
            geometry=PointGeometry(type="Point", coordinates=[float(self.longitude), float(self.latitude)]),
            properties=MapFeatureProperties(
                layer=self.layer, label=self.label, place=self.place, url=self.url, register_id=self.register_id
            ),
        )


def memorial_markers(info, locale) -> list[Marker]:
    """Live, public memorial pages in the reader's language that have coordinates."""
    memorials = visible_pages(info, locale_code=locale.language_code, model=MemorialPage)
    memorials = memorials.filter(latitude__isnull=False, longitude__isnull=False).order_by("title", "pk")
    return [
        Marker("memorial", str(page.pk), page.latitude, page.longitude, page.title, page.place,
               url=page.get_url(info.context))
        for page in memorials
    ]  # fmt: skip


def cemetery_markers(locale) -> list[Marker]:
    cemeteries = Cemetery.source_rows().filter(latitude__isnull=False, longitude__isnull=False)
    return [
        Marker("cemetery", row.external_id, row.latitude, row.longitude, row.text_row.name, row.municipality,
               register_id=row.external_id)
        for row in prepare(cemeteries, locale)
    ]  # fmt: skip


def crash_site_markers(locale) -> list[Marker]:
    losses = AircraftLoss.source_rows().filter(latitude__isnull=False, longitude__isnull=False)
    return [
        Marker("crash_site", row.external_id, row.latitude, row.longitude, f"{row.aircraft_type} {row.serial}".strip(),
               row.text_row.crash_place, register_id=row.external_id)
        for row in prepare(losses, locale)
    ]  # fmt: skip


class MapQuery:
    """The ``map`` root field."""

    map = graphene.Field(
        MapFeatureCollection,
        required=True,
        locale=graphene.String(description="Language of labels; the default language when omitted."),
        layers=graphene.List(graphene.NonNull(MapLayer), description="Which layers; all of them when omitted."),
        description="Memorials, cemeteries and crash sites with coordinates, as a GeoJSON FeatureCollection.",
    )

    def resolve_map(self, info, locale=None, layers=None):
        language = resolve_locale(info.context, locale)
        chosen = MapLayer if layers is None else layers  # an empty list asks for no layer at all
        wanted = {layer.value for layer in chosen}
        markers = []
        if MapLayer.MEMORIAL.value in wanted:
            markers += memorial_markers(info, language)
        if MapLayer.CEMETERY.value in wanted:
            markers += cemetery_markers(language)
        if MapLayer.CRASH_SITE.value in wanted:
            markers += crash_site_markers(language)
        return MapFeatureCollection(type="FeatureCollection", features=[marker.as_feature() for marker in markers])
