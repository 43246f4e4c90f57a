"""A person's photo and a loss's documents over GraphQL: renditions from the allowlist, private documents left out."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from register.models import AircraftLoss, CrewMember, LossDocument, Person

from ..helpers import data_of, gql, make_document, make_image, private_collection

PERSON = """
query($id: ID!) {
  person(id: $id) {
    familyName
    photo { altText thumbnail: rendition(fill: "400x300", format: "webp") { width height url } }
  }
}
"""

LOSS = "query($id: ID!) { aircraftLoss(id: $id) { serial documents { caption document { title url } } } }"

LOSSES_WITH_MEDIA = """
query($perPage: PositiveInt) {
  aircraftLosses(perPage: $perPage) {
    items { documents { caption document { title url } } crew { person { familyName photo { altText } } } }
  }
}
"""


@pytest.fixture
def private(db):
    return private_collection()


def test_a_persons_photo_comes_with_an_allowlisted_rendition(client, register):
    pilot = register["pilot"]
    pilot.photo = make_image("Portrait", description="Flight Sergeant Example in uniform")
    pilot.save()
    photo = data_of(client, PERSON, {"id": pilot.external_id})["person"]["photo"]
    assert photo["altText"] == "Flight Sergeant Example in uniform"
    # The 64x48 upload is not enlarged: the fill keeps its 4:3 crop at the upload's size.
    assert (photo["thumbnail"]["width"], photo["thumbnail"]["height"]) == (64, 48)
    assert "fill-400x300" in photo["thumbnail"]["url"] and photo["thumbnail"]["url"].endswith(".webp")


def test_a_person_without_a_photo_has_null(client, register):
    assert data_of(client, PERSON, {"id": register["partisan"].external_id})["person"]["photo"] is None


def test_a_rendition_outside_the_allowlist_is_refused(client, register):
    pilot = register["pilot"]
    pilot.photo = make_image("Portrait")
    pilot.save()
    query = "query($id: ID!) { person(id: $id) { photo { rendition(width: 333) { url } } } }"
    status, body = gql(client, query, {"id": pilot.external_id})
    assert status == 200 and body["data"]["person"]["photo"]["rendition"] is None
    assert "333" in body["errors"][0]["message"]


def test_loss_documents_in_order_without_private_ones(client, register, private):
    loss = register["loss"]
    public_card = make_document("Loss card ZZ999")
    LossDocument.objects.create(loss=loss, document=make_document("Family letter", private), sort_order=0)
    LossDocument.objects.create(loss=loss, document=public_card, caption="Loss card, May 1944", sort_order=1)
    LossDocument.objects.create(loss=loss, document=make_document("Crash report"), sort_order=2)
    documents = data_of(client, LOSS, {"id": loss.external_id})["aircraftLoss"]["documents"]
    assert [(d["caption"], d["document"]["title"]) for d in documents] == [
        ("Loss card, May 1944", "Loss card ZZ999"),
        ("", "Crash report"),
    ]
    assert documents[0]["document"]["url"].endswith(f"/documents/{public_card.pk}/Loss-card-ZZ999.pdf")


def test_a_document_below_a_private_collection_is_private_too(client, register, private):
    below = private.add_child(name="Scans")
    LossDocument.objects.create(loss=register["loss"], document=make_document("Scanned letter", below))
    assert data_of(client, LOSS, {"id": register["loss"].external_id})["aircraftLoss"]["documents"] == []


def test_photos_and_documents_cost_no_query_per_record(client, register):
    """Three losses with crew photos and documents cost what one does: both are prefetched."""

    def queries_for_listing():
        with CaptureQueriesContext(connection) as queries:
            data = data_of(client, LOSSES_WITH_MEDIA, {"perPage": 10})
        return len(queries), data

    Person.objects.filter(pk=register["pilot"].pk).update(photo=make_image("One"))
    LossDocument.objects.create(loss=register["loss"], document=make_document("Card one"))
    one, _ = queries_for_listing()

    for number in (2, 3):
        loss = AircraftLoss.objects.create(
            aircraft_type="Halifax", serial=f"ZZ99{number}", loss_date=datetime.date(1944, 6, number)
        )
        for role in ("pilot", "navigator"):
            person = Person.objects.create(family_name=f"{role} {number}", photo=make_image(f"{role} {number}"))
            CrewMember.objects.create(loss=loss, person=person, role=role)
        LossDocument.objects.create(loss=loss, document=make_document(f"Card {number}"))
    three, data = queries_for_listing()
    assert three == one
    photos = [c["person"]["photo"] for item in data["aircraftLosses"]["items"] for c in item["crew"]]
    assert len([photo for photo in photos if photo]) == 5
    assert sum(len(item["documents"]) for item in data["aircraftLosses"]["items"]) == 3
