"""The name search key: one normaliser for stored names and search terms."""

import pytest

from register.models import NameVariant, Person
from register.search_key import search_key


@pytest.mark.parametrize(
    ("parts", "key"),
    [
        (("Иванов",), "ivanov"),
        (("DUPRÉ", "Jean-François"), "dupre jean francois"),
        (("O'Brien",), "obrien"),
        (("  Łukasz   Żółw ",), "lukasz zolw"),
        (("Straße", None, ""), "strasse"),
    ],
)
def test_search_key(parts, key):
    assert search_key(*parts) == key


def test_person_search_text_covers_names_and_variants_and_follows_edits(locales):
    person = Person(family_name="Petrov-Test", given_names="Piotr")
    person.name_variants = [NameVariant(name="Пётр Петров-Тест")]
    person.save()
    assert Person.objects.get(pk=person.pk).search_text == "petrov test piotr petr petrov test"

    person.name_variants = [NameVariant(name="Pierre Petrof")]
    person.save()
    stored = Person.objects.get(pk=person.pk)
    assert stored.search_text == "petrov test piotr pierre petrof"
    assert list(stored.name_variants.values_list("name", flat=True)) == ["Pierre Petrof"]
