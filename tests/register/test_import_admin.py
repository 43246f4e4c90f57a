"""The admin's CSV import: upload, dry-run report by line, confirm the same file; bad uploads refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from register.importing.layouts import PEOPLE
from register.models import Person

from .csv_files import csv_bytes
from .test_import import person_row

URL = "/admin/register/import/"


def upload(client, data: bytes, name="people.csv", register="people"):
    return client.post(URL, {"register": register, "file": SimpleUploadedFile(name, data, "text/csv")})


def test_the_import_is_in_the_register_menu_for_editors_only(client, editor, django_user_model):
    assert client.get(URL).status_code == 200
    assert URL in client.get("/admin/").content.decode()
    client.force_login(django_user_model.objects.create_user("nobody", password="x-password-for-tests"))  # noqa: S106
    assert client.get(URL).status_code in (302, 403)


def test_dry_run_then_confirm_imports_the_kept_file(client, editor, locales):
    data = csv_bytes(PEOPLE.header, person_row("a-1", "Alder"), person_row("b-2", "Birch", death_date="1944-05"))
    response = upload(client, data)
    page = response.content.decode()
    assert response.status_code == 200 and "Dry run, nothing saved: 2 to create" in page
    assert "<td>3</td>" in page and "<td>b-2</td>" in page
    assert not Person.objects.exists()

    token = response.context["token"]
    response = client.post(URL, {"token": token})
    assert response.status_code == 302
    assert sorted(Person.objects.values_list("external_id", flat=True)) == ["a-1", "b-2"]
    # The kept file is gone once imported: the same token cannot import it again.
    response = client.post(URL, {"token": token}, follow=True)
    assert "upload it again" in response.content.decode()


def test_a_file_with_bad_rows_shows_every_reason_and_offers_no_import(client, editor, locales):
    data = csv_bytes(PEOPLE.header, person_row("a-1", "Alder"), person_row("b-2", ""), person_row("c 3", "Cedar"))
    response = upload(client, data)
    page = response.content.decode()
    assert "family_name: is required" in page and "external_id: &#x27;c 3&#x27; is not an id" in page
    assert response.context["token"] == "" and 'name="token"' not in page
    assert not Person.objects.exists()


def test_a_forged_token_imports_nothing(client, editor, locales):
    response = client.post(URL, {"token": "forged:token"}, follow=True)
    assert "upload it again" in response.content.decode()
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        ("Ivanov,Иван\n".encode("cp1251"), "people.csv", "not UTF-8 text"),
        (b"external_id,surname\nx,y\n", "people.csv", "missing columns: family_name"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "photo.csv", "not a CSV text file"),
        (b"external_id\n", "people.xlsx", "Upload a .csv file"),
        (b"x" * 2000, "people.csv", "with the import_register command"),
    ],
)
def test_bad_uploads_get_a_clear_error_and_import_nothing(client, editor, locales, settings, data, name, message):
    settings.REGISTER_IMPORT_MAX_BYTES = 1000
    response = upload(client, data, name=name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Person.objects.exists()
