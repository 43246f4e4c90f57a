"""What a person does in Wagtail's admin, as Playwright actions: log in, choose, save, publish.

Selectors follow what the admin shows (labels, button names) wherever Wagtail gives them, so a
journey reads as the steps an editor would follow in docs/editors-guide.md.
"""

import re

from playwright.sync_api import expect

PASSWORD = "correct horse battery staple"  # noqa: S105 - a test user's password, set just before logging in


def log_in(context, user):
    """A new tab, logged in to the admin as ``user`` through the login form; it ends on the dashboard."""
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    page = context.new_page()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    settle(page)
    return page


def field(page, name):
    """The panel wrapping form field ``name`` (its label, input, help text and errors)."""
    return page.locator(f"[data-field-wrapper]:has([name='{name}'])").first


def fill(page, name, value):
    """Type ``value`` into form field ``name`` (text, date and time fields alike: Wagtail's are text inputs)."""
    page.locator(f"[name='{name}']").fill(value)
    wrapper = field(page, name)
    if wrapper.locator(".w-field--admin_date_input, .w-field--admin_date_time_input").count():
        # The calendar that typing opened closes only on a click elsewhere; left open, it covers
        # the fields below and widens the page. Clicking the field's own help text is harmless.
        wrapper.locator("[data-field-help]").click()


def settle(page):
    """Wait until the page has loaded and gone quiet, so the admin's scripts have wired up its buttons."""
    page.wait_for_load_state("networkidle")


def choose_page(page, name, *titles):
    """Open field ``name``'s page chooser and follow ``titles`` down the tree; the last one is chosen."""
    settle(page)
    field(page, name).get_by_role("button", name=re.compile("Choose a page")).click()
    modal = page.locator(".modal-dialog")
    for title in titles[:-1]:
        modal.locator("a.navigate-pages", has_text=title).first.click()
    modal.locator("a.choose-page", has_text=titles[-1]).first.click()
    expect(modal).to_be_hidden()
    return modal


def choose_image(page, name, title):
    """Open field ``name``'s image chooser, search for ``title`` and choose it."""
    settle(page)
    field(page, name).get_by_role("button", name=re.compile("Choose an image")).click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("textbox", name="Search term").fill(title)
    modal.locator("a.image-choice", has_text=title).first.click()
    expect(modal).to_be_hidden()


def footer_action(page, label):
    """Click ``label`` in the editor's footer, opening the "more actions" menu if it is hidden there."""
    settle(page)
    footer = page.locator("footer")
    button = footer.get_by_role("button", name=label, exact=True)
    if not button.is_visible():
        footer.get_by_role("button", name="More actions").click()
    button.click()


def expect_message(page, text):
    """The admin's success or error message at the top of the page."""
    expect(page.locator(".messages")).to_contain_text(text)


def open_menu(page, *labels):
    """Follow ``labels`` through the admin's sidebar menu, e.g. ("Register", "Import CSV"), as a volunteer clicks."""
    settle(page)
    sidebar = page.locator("#wagtail-sidebar")
    for label in labels[:-1]:
        sidebar.get_by_role("button", name=label, exact=True).click()
    sidebar.get_by_role("link", name=labels[-1], exact=True).click()
    settle(page)
