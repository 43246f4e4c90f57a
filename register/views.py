"""The register's admin: one snippet viewset per record kind, grouped under a "Register" menu."""

from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from .filters import AircraftLossFilterSet, BurialFilterSet, PersonFilterSet
from .models import AircraftLoss, Burial, Cemetery, Person
from .search_key import search_key
from .source_rows import source_language_code


class SourceRowsIndexView(IndexView):
    """Lists the source-language rows unless another language (or "All") is chosen in the filters."""

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if "locale" not in kwargs["data"]:
            data = kwargs["data"].copy()
            data["locale"] = source_language_code()
            kwargs["data"] = data
        return kwargs


class PersonIndexView(SourceRowsIndexView):
    """Searches the normalised names, so "Иванов", "ivanov" and "IVANOV" find the same person."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        for word in search_key(self.search_query).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    index_view_class = PersonIndexView
    filterset_class = PersonFilterSet
    list_display = ["__str__", "rank", "unit", "nationality", "fate", "death"]
    search_fields = ["search_text"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "family_name",
        "given_names",
        "name_variants",
        "rank",
        "role",
        "service_number",
        "unit",
        "nationality",
        "birth_date",
        "birth_place",
        "death_date",
        "death_place",
        "fate",
        "biography",
        "photo",
        "sources",
        "burials",
        "crew_places",
        "memorial_pages",
        "external_id",
        "locale",
    ]


class CemeteryViewSet(SnippetViewSet):
    model = Cemetery
    icon = "site"
    index_view_class = SourceRowsIndexView
    list_display = ["name", "municipality", "latitude", "longitude"]
    list_filter = ["municipality"]
    search_fields = ["name", "municipality"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "municipality",
        "latitude",
        "longitude",
        "notes",
        "burials",
        "memorial_pages",
        "external_id",
        "locale",
    ]


class BurialViewSet(SnippetViewSet):
    model = Burial
    icon = "list-ul"
    filterset_class = BurialFilterSet
    list_display = ["person", "cemetery", "grave_reference", "inscription_language"]
    search_fields = ["person__search_text", "grave_reference", "cemetery__name"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "person",
        "cemetery",
        "grave_reference",
        "inscription",
        "inscription_language",
        "external_id",
    ]

    def get_queryset(self, request):
        return Burial.objects.select_related("person", "cemetery")


class AircraftLossViewSet(SnippetViewSet):
    model = AircraftLoss
    icon = "warning"
    index_view_class = SourceRowsIndexView
    filterset_class = AircraftLossFilterSet
    list_display = ["__str__", "squadron_code", "squadron", "loss", "crash_place"]
    search_fields = ["serial", "aircraft_type", "squadron", "squadron_code", "crash_place", "mission"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "aircraft_type",
        "serial",
        "squadron_code",
        "squadron",
        "base",
        "loss_date",
        "mission",
        "cause",
        "crash_place",
        "latitude",
        "longitude",
        "crew",
        "reprisal_notes",
        "documents",
        "memorial_pages",
        "events",
        "external_id",
        "locale",
    ]


class RegisterViewSetGroup(SnippetViewSetGroup):
    """The "Register" menu: people, cemeteries, burials and aircraft losses."""

    menu_label = "Register"
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (PersonViewSet, CemeteryViewSet, BurialViewSet, AircraftLossViewSet)
