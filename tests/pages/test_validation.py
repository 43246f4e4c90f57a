"""Bad content gets a clear error, in the model and in the admin, and nothing is saved."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from pages.models import EventPage, HistoryPage, MemorialPage, OrganisationSettings

from ..helpers import brussels

pytestmark = pytest.mark.django_db


def errors_of(page):
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict


def memorial(**fields):
    return MemorialPage(title="Memorial", slug="memorial", place="Cemetery", municipality="Rebecq", **fields)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"latitude": 91, "longitude": 4}, "latitude", "less than or equal to 90"),
        ({"latitude": -90.5, "longitude": 4}, "latitude", "greater than or equal to -90"),
        ({"latitude": 50, "longitude": 181}, "longitude", "less than or equal to 180"),
        ({"latitude": 50, "longitude": -180.01}, "longitude", "greater than or equal to -180"),
        ({"latitude": 50}, "longitude", "Give both latitude and longitude"),
    ],
)
def test_coordinates_are_validated(tree, fields, field, message):
    errors = errors_of(memorial(**fields))
    assert message in " ".join(errors[field])


def test_valid_coordinates_pass(tree):
    page = memorial(latitude="50.6647", longitude="4.1318")
    tree.memorials.add_child(instance=page)
    assert str(MemorialPage.objects.get(pk=page.pk).latitude) == "50.664700"


def test_event_cannot_end_before_it_starts(tree):
    event = EventPage(
        title="Ceremony",
        slug="ceremony",
        place="Rebecq",
        start=brussels(2022, 5, 18, 11),
        end=brussels(2022, 5, 18, 10),
    )
    assert errors_of(event)["end"] == ["The end cannot be before the start."]


def test_history_period_cannot_end_before_it_starts(tree):
    page = HistoryPage(title="History", slug="history-x", summary="S", body=[], period_start=1945, period_end=1942)
    assert errors_of(page)["period_end"] == ["The period cannot end before it starts."]


def test_missing_required_fields_are_named(tree):
    errors = errors_of(MemorialPage(title="Memorial", slug="memorial"))
    assert "This field cannot be blank." in errors["place"]
    assert "This field cannot be blank." in errors["municipality"]
    assert "This field cannot be null." in errors_of(EventPage(title="E", slug="e", place="Rebecq"))["start"]


def test_bank_details_are_validated(tree):
    settings = OrganisationSettings(site=tree.site, name="Association", iban="BE00 0000 0000 0000", bic="NOTABIC")
    errors = errors_of(settings)
    assert "iban" in errors and "bic" in errors
    settings.iban, settings.bic = "BE97001838863049", "GEBABEBB"
    settings.full_clean()


def test_admin_refuses_an_event_that_ends_before_it_starts(admin_client, tree):
    """Through the real admin form: the error is shown on the field and no page is created."""
    url = f"/admin/pages/add/pages/eventpage/{tree.events.pk}/"
    form = {
        "title": "Ceremony of tribute",
        "slug": "ceremony-of-tribute",
        "start": "2022-05-18 11:00",
        "end": "2022-05-18 10:00",
        "status": "scheduled",
        "place": "Rebecq",
        "commemorated_date_precision": "day",
        **{f"{name}-count": "0" for name in ("programme", "body", "report", "gallery")},
    }
    response = admin_client.post(url, form)
    assert response.status_code == 200
    assert "The end cannot be before the start." in response.content.decode()
    assert not EventPage.objects.filter(slug="ceremony-of-tribute").exists()

    form["end"] = "2022-05-18 12:00"
    response = admin_client.post(url, form)
    assert response.status_code == 302
    created = EventPage.objects.get(slug="ceremony-of-tribute")
    # Entered in Brussels time (UTC+2 in May), stored in UTC.
    assert created.start == datetime.datetime(2022, 5, 18, 9, 0, tzinfo=datetime.UTC)
