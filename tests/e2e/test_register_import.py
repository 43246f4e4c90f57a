"""Journey: an editor imports a register CSV of fictional people: a dry run with a bad row, the fix, the import."""

import re

import pytest
from playwright.sync_api import expect

from register.importing.fictional import fictional_people
from register.importing.layouts import PEOPLE
from register.models import Person

from ..register.csv_files import csv_bytes, export
from .admin import expect_message, log_in, open_menu

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# With this seed the third person has two name variants, a cell of two lines: the bad fourth row is on line 6.
SEED = 3
BAD_DATE = "1944-02-30"


@pytest.fixture
def people():
    """Four clearly fictional people, as rows of the people CSV."""
    return fictional_people(4, seed=SEED)


def line_of(data: bytes, external_id: str) -> int:
    """The line of the file on which the row of ``external_id`` starts (cells may span lines)."""
    text = data.decode()
    return text[: text.index(external_id)].count("\n") + 1


def report_row(page, external_id):
    return page.locator(
        "main table.listing tbody tr", has=page.locator("td", has_text=re.compile(f"^{re.escape(external_id)}$"))
    )


def test_editor_dry_runs_fixes_and_imports_a_people_csv(journey, browser_context, tree, tmp_path, registrar, people):
    good = csv_bytes(PEOPLE.header, *people)
    broken_rows = [list(row) for row in people]
    death_date = PEOPLE.header.index("death_date")
    broken_rows[3][death_date] = BAD_DATE
    bad_id = broken_rows[3][0]
    broken = csv_bytes(PEOPLE.header, *broken_rows)
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "people.csv").write_bytes(broken)
    (tmp_path / "people.csv").write_bytes(good)
    ids = sorted(row[0] for row in people)

    def check(path):
        page.locator("[name='register']").select_option(label="People")
        page.locator("[name='file']").set_input_files(path)
        page.get_by_role("button", name="Check the file (dry run)").click()

    with journey.step("The editor logs in"):
        page = log_in(browser_context, registrar)

    with journey.step("Open Register → Import CSV from the menu"):
        open_menu(page, "Register", "Import CSV")
        expect(page.locator("h1")).to_contain_text("Import CSV")
        journey.screenshot(page, "register-import")

    with journey.step("Check a file with a bad row: the dry run rejects it, with its line and reason"):
        check(tmp_path / "broken" / "people.csv")
        expect(page.locator("main h2")).to_have_text(
            "Dry run, nothing saved: 3 to create, 0 to update, 0 unchanged, 1 rejected."
        )
        rejected = report_row(page, bad_id)
        assert line_of(broken, bad_id) == 6
        expect(rejected.locator("td").nth(0)).to_have_text("6")
        expect(rejected.locator("td").nth(2)).to_have_text("reject")
        expect(rejected.locator("td").nth(3)).to_contain_text(f"death_date: '{BAD_DATE}' is not a real date")
        for row in people:
            if row[0] != bad_id:
                expect(report_row(page, row[0]).locator("td").nth(0)).to_have_text(str(line_of(broken, row[0])))
                expect(report_row(page, row[0]).locator("td").nth(2)).to_have_text("create")
        journey.screenshot(page, "register-import-rejected")

    with journey.step("Nothing is written, and nothing can be imported from that file"):
        expect(page.get_by_text("Nothing can be imported until every rejected row is fixed")).to_be_visible()
        expect(page.get_by_role("button", name=re.compile(r"^Import \d+ rows$"))).to_have_count(0)
        assert not Person.objects.exists()

    with journey.step("Check the corrected file: every row can be created"):
        check(tmp_path / "people.csv")
        expect(page.locator("main h2")).to_have_text(
            "Dry run, nothing saved: 4 to create, 0 to update, 0 unchanged, 0 rejected."
        )
        for row in people:
            expect(report_row(page, row[0]).locator("td").nth(2)).to_have_text("create")
        journey.screenshot(page, "register-import-dry-run")
        assert not Person.objects.exists()  # a clean dry run writes nothing either

    with journey.step("Import the checked file"):
        page.get_by_role("button", name="Import 4 rows").click()
        expect_message(page, "Imported people: 4 to create, 0 to update, 0 unchanged, 0 rejected.")
        assert sorted(Person.objects.values_list("external_id", flat=True)) == ids
        # Every cell arrived as written: exporting the register gives back the file.
        assert export("people") == good.decode()

    with journey.step("The people are listed under Register → People"):
        open_menu(page, "Register", "People")
        listing = page.locator("main table.listing")
        for person in Person.objects.all():
            expect(listing.get_by_role("link", name=str(person), exact=True)).to_be_visible()
        journey.screenshot(page, "register-people")

    with journey.step("Importing the same file again: every row is unchanged, nothing is duplicated"):
        open_menu(page, "Register", "Import CSV")
        check(tmp_path / "people.csv")
        expect(page.locator("main h2")).to_have_text(
            "Dry run, nothing saved: 0 to create, 0 to update, 4 unchanged, 0 rejected."
        )
        for row in people:
            expect(report_row(page, row[0]).locator("td").nth(2)).to_have_text("unchanged")
        page.get_by_role("button", name="Import 4 rows").click()
        expect_message(page, "Imported people: 0 to create, 0 to update, 4 unchanged, 0 rejected.")
        assert sorted(Person.objects.values_list("external_id", flat=True)) == ids
