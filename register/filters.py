"""Filters for the register's admin listings. They run over source rows, where the data lives."""

import django_filters
from django import forms
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from .models import AircraftLoss, Burial, Cemetery, Fate, Person
from .partial_dates import DatePrecision, overlap_q


def _source_cemeteries(request):
    return Cemetery.source_rows().order_by("name")


class PersonFilterSet(WagtailFilterSet):
    nationality = django_filters.AllValuesFilter(empty_label="All", widget=forms.RadioSelect)
    unit = django_filters.AllValuesFilter(label="Unit or force", empty_label="All", widget=forms.RadioSelect)
    fate = django_filters.ChoiceFilter(choices=Fate.choices, empty_label="All", widget=forms.RadioSelect)
    cemetery = django_filters.ModelChoiceFilter(
        field_name="burials__cemetery", label="Buried in", queryset=_source_cemeteries, distinct=True
    )
    death_date_precision = django_filters.ChoiceFilter(
        label="Death date known to", choices=DatePrecision.choices, empty_label="All", widget=forms.RadioSelect
    )

    class Meta:
        model = Person
        fields = ["nationality", "unit", "fate", "cemetery", "death_date_precision"]


class LostBetweenFilter(django_filters.DateFromToRangeFilter):
    """Losses whose (partial) date overlaps the range: "May 1944" is found from 20 May to 10 June 1944."""

    def filter(self, qs, value):
        if not value or (value.start is None and value.stop is None):
            return qs
        return qs.filter(overlap_q(self.field_name, f"{self.field_name}_precision", value.start, value.stop))


class AircraftLossFilterSet(WagtailFilterSet):
    squadron = django_filters.AllValuesFilter(empty_label="All", widget=forms.RadioSelect)
    loss_date = LostBetweenFilter(label="Lost between", widget=DateRangePickerWidget)
    loss_date_precision = django_filters.ChoiceFilter(
        label="Date known to", choices=DatePrecision.choices, empty_label="All", widget=forms.RadioSelect
    )

    class Meta:
        model = AircraftLoss
        fields = ["squadron", "loss_date", "loss_date_precision"]


class BurialFilterSet(WagtailFilterSet):
    cemetery = django_filters.ModelChoiceFilter(queryset=_source_cemeteries)
    inscription_language = django_filters.AllValuesFilter(empty_label="All", widget=forms.RadioSelect)

    class Meta:
        model = Burial
        fields = ["cemetery", "inscription_language"]
