"""Root fields for the register: paginated, filtered, locale-aware listings and lookups by id.

Every listing reads source rows, prefetches what the query selects, and prepares the page of results
for the reader's language in bulk, so its query count does not grow with the number of results.
"""

import graphene
from django.conf import settings
from django.db.models import Case, Count, F, IntegerField, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from graphql import GraphQLError
from grapple.settings import grapple_settings
from grapple.types.structures import PositiveInt
from grapple.utils import get_paginated_result

from pages.models import EventPage, MemorialPage
from register.models import AircraftLoss, Burial, Cemetery, CrewMember, Fate, LossDocument, Person, tidy_serial
from register.partial_dates import DatePrecision, overlap_q
from register.search_key import search_key

from ..arguments import takes_external_ids
from ..limits import check_search_query
from ..locales import resolve_locale
from ..queries import paginated_type
from ..scope import visible_pages
from ..translations import selects
from .reading import prepare
from .types import AircraftLossType, CemeteryType, PersonType

# Least precise first when two partial dates start on the same day ("1944" before "May 1944").
_PRECISION_RANK = {DatePrecision.YEAR: 0, DatePrecision.MONTH: 1, DatePrecision.DAY: 2}

# Partial-date fields and their precision fields.
PARTIAL_DATES = {
    "birth_date": "birth_date_precision",
    "death_date": "death_date_precision",
    "loss_date": "loss_date_precision",
}


def _bad_input(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "BAD_USER_INPUT"})


def _order_by(order: str | None, default: list[str], aliases: dict[str, str] | None = None) -> list:
    """Order terms (already checked against the allowlist) as expressions: partial dates sort by their
    first day, then least precise first; records without a date come last either way. ``aliases`` maps
    a public term to the annotation that implements it (a cemetery's ``name`` in the reader's language)."""
    terms = [term.strip() for term in order.split(",") if term.strip()] if order else default
    expressions = []
    for term in terms:
        descending, name = term.startswith("-"), term.lstrip("-")
        name = (aliases or {}).get(name, name)
        if name in PARTIAL_DATES:
            rank = Case(
                *(When(**{PARTIAL_DATES[name]: value}, then=Value(r)) for value, r in _PRECISION_RANK.items()),
                default=Value(2),
                output_field=IntegerField(),
            )
            if descending:
                expressions += [F(name).desc(nulls_last=True), rank.desc()]
            else:
                expressions += [F(name).asc(nulls_last=True), rank.asc()]
        else:
            expressions.append(F(name).desc() if descending else F(name).asc())
    return [*expressions, "pk"]


def _text_filter(value: str | None) -> str | None:
    """A text filter, trimmed and within the search-term length; None when not given or blank (an empty
    search box filters nothing)."""
    return check_search_query(value) if value and value.strip() else None


def _date_range(start, end, field: str, argument: str) -> Q:
    """Rows whose partial date in ``field`` overlaps [start, end]; ``argument`` names the pair in errors."""
    if start and end and start > end:
        raise _bad_input(f"`{argument}From` ({start}) is after `{argument}To` ({end}).")
    return overlap_q(field, PARTIAL_DATES[field], start, end) if start or end else Q()


def _paginate(queryset, locale, page, per_page, order, default_order, aliases=None):
    ordered = queryset.order_by(*_order_by(order, default_order, aliases))
    result = get_paginated_result(ordered, page, per_page or grapple_settings.PAGE_SIZE)
    result.items = prepare(list(result.items), locale)
    return result


def _linked_pages(info, locale, reverse_name: str, page_field: str, model, order: str) -> Prefetch:
    """Prefetch the live pages in the reader's language linking to each record (see types.visible_links)."""
    pages = visible_pages(info, locale_code=locale.language_code, model=model)
    return Prefetch(
        reverse_name,
        queryset=pages.select_related("locale").order_by(order, "pk"),
        to_attr=f"_visible_{page_field}",
    )


def _with_photos(info, rows, person: str = ""):
    """``rows`` with the photos of their people and the photos' renditions, when the query asks for photos."""
    if not selects(info, "photo"):
        return rows
    photo = f"{person}__photo" if person else "photo"
    return rows.select_related(photo).prefetch_related(f"{photo}__renditions")


def _crew_places(info):
    crew = _with_photos(info, CrewMember.objects.select_related("loss", "person"), "person")
    return Prefetch("crew_places", queryset=crew)


def _burials(info):
    burials = _with_photos(info, Burial.objects.select_related("person"), "person")
    if selects(info, "burialCount"):
        # The cemeteries reached through burials come counted, rather than counting once per burial.
        counted = Cemetery.objects.annotate(burial_count=Count("burials"))
        return Prefetch("burials", queryset=burials.prefetch_related(Prefetch("cemetery", queryset=counted)))
    return Prefetch("burials", queryset=burials.select_related("cemetery"))


def people_for(info, locale):
    """Source rows of people with what the query selects prefetched."""
    people = _with_photos(info, Person.source_rows())
    if selects(info, "nameVariants"):
        people = people.prefetch_related("name_variants")
    if selects(info, "burials"):
        people = people.prefetch_related(_burials(info))
    if selects(info, "crewPlaces"):
        people = people.prefetch_related(_crew_places(info))
    if selects(info, "memorials"):
        people = people.prefetch_related(
            _linked_pages(info, locale, "memorial_pages", "commemorated_people", MemorialPage, "title")
        )
    return people


def cemeteries_for(info, locale):
    cemeteries = Cemetery.source_rows().annotate(burial_count=Count("burials"))
    if selects(info, "burials"):
        cemeteries = cemeteries.prefetch_related(_burials(info))
    if selects(info, "memorials"):
        cemeteries = cemeteries.prefetch_related(
            _linked_pages(info, locale, "memorial_pages", "cemetery", MemorialPage, "title")
        )
    return cemeteries


def losses_for(info, locale):
    losses = AircraftLoss.source_rows()
    if selects(info, "crew"):
        crew = _with_photos(info, CrewMember.objects.select_related("person"), "person")
        losses = losses.prefetch_related(Prefetch("crew", queryset=crew))
    if selects(info, "documents"):
        documents = LossDocument.objects.select_related("document__collection")
        losses = losses.prefetch_related(Prefetch("documents", queryset=documents))
    if selects(info, "memorials"):
        losses = losses.prefetch_related(
            _linked_pages(info, locale, "memorial_pages", "commemorated_losses", MemorialPage, "title")
        )
    if selects(info, "events"):
        losses = losses.prefetch_related(_linked_pages(info, locale, "events", "aircraft_loss", EventPage, "-start"))
    return losses


def _one(queryset, locale, external_id: str):
    record = queryset.filter(external_id=external_id).first()
    return prepare([record], locale)[0] if record else None


def _listing_args(**extra):
    return {
        "locale": graphene.String(description="Language code for translated text; the default language when omitted."),
        "page": PositiveInt(description="Page number, from 1.", default_value=1),
        "per_page": PositiveInt(description=f"Items per page; at most {settings.GRAPHQL_MAX_PAGE_SIZE}."),
        "order": graphene.String(description="Django order_by format, from an allowlist, e.g. '-death_date'."),
        **extra,
    }


def _lookup_args():
    return {
        "id": graphene.ID(required=True, description="The register's id, e.g. 'ja712'."),
        "locale": graphene.String(description="Language code for translated text; the default language when omitted."),
    }


class RegisterQuery:
    """The register's root fields, registered beside the pages' (cms/wagtail_hooks.py)."""

    people = graphene.Field(
        paginated_type("PeopleResult", PersonType),
        required=True,
        **_listing_args(
            name=graphene.String(
                description="Words of a name, ignoring case and accents, matching any recorded variant or "
                "transliteration ('ivanov' finds 'Иванов')."
            ),
            nationality=graphene.String(description="e.g. 'British'; case is ignored."),
            fate=graphene.String(description="killed, died_of_wounds, executed, missing, survived, evaded, prisoner."),
            unit=graphene.String(description="Part of the unit's name, e.g. 'RAFVR'."),
            cemetery=graphene.ID(description="A cemetery's id: the people buried there."),
            died_from=graphene.Date(description="Died on or after this day (a partial date counts if it overlaps)."),
            died_to=graphene.Date(description="Died on or before this day (a partial date counts if it overlaps)."),
        ),
        description="People in the register, by family name unless `order` says otherwise.",
    )
    person = graphene.Field(PersonType, **_lookup_args(), description="One person by id; null if there is none.")
    aircraft_losses = graphene.Field(
        paginated_type("AircraftLossesResult", AircraftLossType),
        required=True,
        **_listing_args(
            serial=graphene.String(description="Part of the serial, e.g. 'ja7'; spaces and case are ignored."),
            squadron=graphene.String(description="Part of the squadron's name or code letters, e.g. '550' or 'BQ'."),
            lost_from=graphene.Date(description="Lost on or after this day (a partial date counts if it overlaps)."),
            lost_to=graphene.Date(description="Lost on or before this day (a partial date counts if it overlaps)."),
            place=graphene.String(description="Part of the crash place, in the source or the reader's language."),
        ),
        description="Aircraft losses, earliest first unless `order` says otherwise.",
    )
    aircraft_loss = graphene.Field(
        AircraftLossType, **_lookup_args(), description="One aircraft loss by id; null if there is none."
    )
    cemeteries = graphene.Field(
        paginated_type("CemeteriesResult", CemeteryType),
        required=True,
        **_listing_args(municipality=graphene.String(description="The commune, e.g. 'Rebecq'; case is ignored.")),
        description="Cemeteries with their burial counts, by municipality and name unless `order` says otherwise.",
    )
    cemetery = graphene.Field(CemeteryType, **_lookup_args(), description="One cemetery by id; null if there is none.")

    def resolve_people(self, info, locale=None, page=1, per_page=None, order=None, **filters):
        language = resolve_locale(info.context, locale)
        people = people_for(info, language).filter(_people_filter(filters))
        if filters.get("cemetery"):
            people = people.filter(
                pk__in=Burial.objects.filter(cemetery__external_id=filters["cemetery"]).values("person_id")
            )
        return _paginate(people, language, page, per_page, order, ["family_name", "given_names"])

    def resolve_person(self, info, id, locale=None):
        language = resolve_locale(info.context, locale)
        return _one(people_for(info, language), language, id)

    def resolve_aircraft_losses(self, info, locale=None, page=1, per_page=None, order=None, **filters):
        language = resolve_locale(info.context, locale)
        losses = losses_for(info, language).filter(_losses_filter(filters, language))
        return _paginate(losses, language, page, per_page, order, ["loss_date", "serial"])

    def resolve_aircraft_loss(self, info, id, locale=None):
        language = resolve_locale(info.context, locale)
        return _one(losses_for(info, language), language, id)

    def resolve_cemeteries(self, info, locale=None, page=1, per_page=None, order=None, municipality=None):
        language = resolve_locale(info.context, locale)
        translated_name = Cemetery.objects.filter(translation_key=OuterRef("translation_key"), locale=language)
        cemeteries = cemeteries_for(info, language).annotate(
            name_in_locale=Coalesce(Subquery(translated_name.values("name")[:1]), F("name"))
        )
        municipality = _text_filter(municipality)
        if municipality:
            cemeteries = cemeteries.filter(municipality__iexact=municipality)
        default = ["municipality", "name"]
        return _paginate(cemeteries, language, page, per_page, order, default, {"name": "name_in_locale"})

    def resolve_cemetery(self, info, id, locale=None):
        language = resolve_locale(info.context, locale)
        return _one(cemeteries_for(info, language), language, id)


def _people_filter(filters) -> Q:
    query = Q()
    name = _text_filter(filters.get("name"))
    if name is not None:
        words = search_key(name).split()
        if not words:
            raise _bad_input("The name must contain at least one letter or digit.")
        for word in words:
            query &= Q(search_text__contains=word)
    nationality = _text_filter(filters.get("nationality"))
    if nationality:
        query &= Q(nationality__iexact=nationality)
    unit = _text_filter(filters.get("unit"))
    if unit:
        query &= Q(unit__icontains=unit)
    fate = filters.get("fate")
    if fate is not None:
        if fate not in Fate.values:
            raise _bad_input(f"Unknown fate '{fate}'. Allowed: {', '.join(Fate.values)}.")
        query &= Q(fate=fate)
    return query & _date_range(filters.get("died_from"), filters.get("died_to"), "death_date", "died")


def _losses_filter(filters, locale) -> Q:
    query = Q()
    serial = _text_filter(filters.get("serial"))
    if serial:
        query &= Q(serial__contains=tidy_serial(serial))
    squadron = _text_filter(filters.get("squadron"))
    if squadron:
        query &= Q(squadron__icontains=squadron) | Q(squadron_code__icontains=squadron)
    place = _text_filter(filters.get("place"))
    if place:
        translated = AircraftLoss.objects.filter(locale=locale, crash_place__icontains=place)
        query &= Q(crash_place__icontains=place) | Q(translation_key__in=translated.values("translation_key"))
    return query & _date_range(filters.get("lost_from"), filters.get("lost_to"), "loss_date", "lost")


# The register's ids are its text ids (e.g. "ja712"), not primary keys.
takes_external_ids("Query", "people", "person", "aircraftLoss", "cemetery")
