"""GraphQL types for register records. Data comes from source rows; translated text from ``text_row``."""

import graphene
from grapple.registry import registry
from grapple.types.documents import get_document_type
from grapple.types.images import get_image_type
from grapple.types.rich_text import RichText

from pages.models import EventPage, MemorialPage

from ..scope import readable_document, visible_pages
from .reading import reader_locale, related_record, related_records


def _text(name: str):
    """A resolver for a translated field: the reader's translation when there is one, else the source."""
    return lambda record, info: getattr(record.text_row, name)


def _page_type(model):
    return lambda: registry.pages[model]


def visible_links(info, record, relation: str, model, order: str):
    """Live, public pages in the reader's language that link to ``record`` (prefetched by listings)."""
    prefetched = getattr(record, f"_visible_{relation}", None)
    if prefetched is not None:
        return prefetched
    pages = visible_pages(info, locale_code=reader_locale(record).language_code, model=model)
    return list(pages.filter(**{relation: record}).select_related("locale").order_by(order, "pk"))


class PartialDateType(graphene.ObjectType):
    """A date known to the day, the month or only the year ("May 1944")."""

    start = graphene.Date(required=True, description="The first day of the known period.")
    end = graphene.Date(required=True, description="The last day of the known period.")
    precision = graphene.String(required=True, description="day, month or year.")

    class Meta:
        name = "PartialDate"


def _partial_date(name: str):
    return graphene.Field(PartialDateType, resolver=lambda record, info: getattr(record, name))


class NameVariantType(graphene.ObjectType):
    name = graphene.String(required=True, description="Another spelling, e.g. the original Cyrillic.")
    note = graphene.String(required=True)

    class Meta:
        name = "NameVariant"


class PersonType(graphene.ObjectType):
    """A person in the register: names, service, life dates, fate and where they rest."""

    id = graphene.ID(required=True, description="The register's stable id, e.g. 'person-3f2a9c1b7d4e'.")
    family_name = graphene.String(required=True)
    given_names = graphene.String(required=True)
    name_variants = graphene.List(graphene.NonNull(NameVariantType), required=True)
    rank = graphene.String(required=True)
    role = graphene.String(required=True)
    service_number = graphene.String(required=True)
    unit = graphene.String(required=True)
    nationality = graphene.String(required=True)
    birth = _partial_date("birth")
    birth_place = graphene.String(required=True)
    death = _partial_date("death")
    death_place = graphene.String(required=True)
    fate = graphene.String(
        required=True,
        description="killed, died_of_wounds, executed, missing, survived, evaded or prisoner; empty if not known.",
    )
    biography = graphene.Field(RichText, required=True, resolver=_text("biography"))
    photo = graphene.Field(get_image_type, description="A portrait, when the register has one.")
    sources = graphene.String(required=True, description="Where these facts come from, one source a line.")
    burials = graphene.List(graphene.NonNull(lambda: BurialType), required=True)
    crew_places = graphene.List(
        graphene.NonNull(lambda: CrewMemberType), required=True, description="The aircraft this person was aboard."
    )
    memorials = graphene.List(
        graphene.NonNull(_page_type(MemorialPage)),
        required=True,
        description="Live memorial pages in the reader's language that name this person.",
    )

    class Meta:
        name = "Person"

    @staticmethod
    def resolve_id(record, info):
        return record.external_id

    @staticmethod
    def resolve_name_variants(record, info):
        return record.name_variants.all()

    @staticmethod
    def resolve_burials(record, info):
        return related_records(record, "burials")

    @staticmethod
    def resolve_crew_places(record, info):
        return related_records(record, "crew_places")

    @staticmethod
    def resolve_memorials(record, info):
        return visible_links(info, record, "commemorated_people", MemorialPage, "title")


class CemeteryType(graphene.ObjectType):
    """A cemetery, its coordinates (WGS 84) and its burials."""

    id = graphene.ID(required=True)
    name = graphene.String(required=True, resolver=_text("name"))
    municipality = graphene.String(required=True)
    latitude = graphene.Float()
    longitude = graphene.Float()
    notes = graphene.Field(RichText, required=True, resolver=_text("notes"))
    burial_count = graphene.Int(required=True, description="How many burials the register records here.")
    burials = graphene.List(graphene.NonNull(lambda: BurialType), required=True)
    memorials = graphene.List(
        graphene.NonNull(_page_type(MemorialPage)),
        required=True,
        description="Live memorial pages in the reader's language that stand in this cemetery.",
    )

    class Meta:
        name = "Cemetery"

    @staticmethod
    def resolve_id(record, info):
        return record.external_id

    @staticmethod
    def resolve_burial_count(record, info):
        annotated = getattr(record, "burial_count", None)
        return annotated if annotated is not None else record.burials.count()

    @staticmethod
    def resolve_burials(record, info):
        return related_records(record, "burials")

    @staticmethod
    def resolve_memorials(record, info):
        return visible_links(info, record, "cemetery", MemorialPage, "title")


class BurialType(graphene.ObjectType):
    """Where a person rests: cemetery, grave and inscription."""

    id = graphene.ID(required=True)
    person = graphene.Field(PersonType, required=True)
    cemetery = graphene.Field(CemeteryType, required=True)
    grave_reference = graphene.String(required=True)
    inscription = graphene.String(required=True, description="The text on the grave, as it is written.")
    inscription_language = graphene.String(required=True, description="Language code, e.g. 'en' or 'ru'.")

    class Meta:
        name = "Burial"

    @staticmethod
    def resolve_id(record, info):
        return record.external_id

    @staticmethod
    def resolve_person(record, info):
        return related_record(record, "person")

    @staticmethod
    def resolve_cemetery(record, info):
        return related_record(record, "cemetery")


class CrewMemberType(graphene.ObjectType):
    """A person aboard a lost aircraft: their role and what became of them."""

    person = graphene.Field(PersonType, required=True)
    loss = graphene.Field(lambda: AircraftLossType, required=True)
    role = graphene.String(required=True, description="pilot, navigator, rear_gunner…; empty if not known.")
    fate = graphene.String(required=True, description="As a person's fate, in this loss.")

    class Meta:
        name = "CrewMember"

    @staticmethod
    def resolve_person(record, info):
        return related_record(record, "person")

    @staticmethod
    def resolve_loss(record, info):
        return related_record(record, "loss")


class LossDocumentType(graphene.ObjectType):
    """A document about a loss (a loss card, a report, a letter) from the documents library."""

    caption = graphene.String(required=True, description="What it is, e.g. 'Loss card, May 1944'; may be empty.")
    document = graphene.Field(get_document_type, required=True)

    class Meta:
        name = "LossDocument"


class AircraftLossType(graphene.ObjectType):
    """An aircraft lost over Belgium: the aircraft, the date (partial), the crash site and the crew."""

    id = graphene.ID(required=True, description="The register's stable id, e.g. 'ja712'.")
    aircraft_type = graphene.String(required=True)
    serial = graphene.String(required=True)
    squadron_code = graphene.String(required=True)
    squadron = graphene.String(required=True)
    base = graphene.String(required=True)
    loss = _partial_date("loss")
    mission = graphene.String(required=True, resolver=_text("mission"))
    cause = graphene.String(required=True, resolver=_text("cause"))
    crash_place = graphene.String(required=True, resolver=_text("crash_place"))
    latitude = graphene.Float(description="Of the crash site.")
    longitude = graphene.Float(description="Of the crash site.")
    reprisal_notes = graphene.Field(RichText, required=True, resolver=_text("reprisal_notes"))
    crew = graphene.List(graphene.NonNull(CrewMemberType), required=True)
    documents = graphene.List(
        graphene.NonNull(LossDocumentType),
        required=True,
        description="Documents about the loss, in the editors' order; those in private collections are left out.",
    )
    memorials = graphene.List(
        graphene.NonNull(_page_type(MemorialPage)),
        required=True,
        description="Live memorial pages in the reader's language that remember this loss.",
    )
    events = graphene.List(
        graphene.NonNull(_page_type(EventPage)),
        required=True,
        description="Live ceremonies in the reader's language that remember this loss, latest first.",
    )

    class Meta:
        name = "AircraftLoss"

    @staticmethod
    def resolve_id(record, info):
        return record.external_id

    @staticmethod
    def resolve_crew(record, info):
        return related_records(record, "crew")

    @staticmethod
    def resolve_documents(record, info):
        return [item for item in record.documents.all() if readable_document(info, item.document)]

    @staticmethod
    def resolve_memorials(record, info):
        return visible_links(info, record, "commemorated_losses", MemorialPage, "title")

    @staticmethod
    def resolve_events(record, info):
        return visible_links(info, record, "aircraft_loss", EventPage, "-start")
