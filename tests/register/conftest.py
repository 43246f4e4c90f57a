"""Register fixtures: locales, a register editor, and a small register built through the models."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale

from register.models import AircraftLoss, Burial, Cemetery, CrewMember, NameVariant, Person


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "fr", "nl")}


@pytest.fixture
def editor(db, client):
    """A logged-in editor (not a superuser) with admin access and every register permission."""
    group = Group.objects.create(name="Register editors")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="register"),
    )
    user = get_user_model().objects.create_user("registrar", password="a-password-for-tests")  # noqa: S106
    user.groups.add(group)
    client.force_login(user)
    return user


@pytest.fixture
def register(locales):
    """A cemetery, an aircraft loss with two crew, and two people, one buried with a Cyrillic variant."""
    cemetery = Cemetery.objects.create(name="Communal cemetery of Testville", municipality="Testville")
    loss = AircraftLoss.objects.create(
        aircraft_type="Avro Lancaster", serial="ZZ999", loss_date=datetime.date(1944, 5, 1), loss_date_precision="month"
    )
    pilot = Person(family_name="Example", given_names="Alan", nationality="British", unit="RAFVR", fate="killed")
    pilot.name_variants = [NameVariant(name="Alan Exampel", note="misspelt on the grave")]
    pilot.save()
    partisan = Person(family_name="Ivanov-Test", nationality="Soviet", unit="Armed Partisans", fate="survived")
    partisan.name_variants = [NameVariant(name="Иванов-Тест", note="original spelling")]
    partisan.save()
    CrewMember.objects.create(loss=loss, person=pilot, role="pilot", fate="killed")
    burial = Burial.objects.create(
        person=pilot, cemetery=cemetery, grave_reference="A. 1. 2.", inscription_language="en"
    )
    return {"cemetery": cemetery, "loss": loss, "pilot": pilot, "partisan": partisan, "burial": burial}
