"""The translation status report at /admin/reports/translation-status/, through the real admin view.

Translations are made the way wagtail-localize makes them: a TranslationSource from the English
page, a Translation per language, StringTranslations for the strings, then ``save_target``, which
publishes in ``transaction.on_commit``.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cms.translation.status import Status, build_report
from pages.models import NewsPage

from ..helpers import publish_child

pytestmark = pytest.mark.django_db

URL = "/admin/reports/translation-status/"


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate ``page`` into ``locale`` with wagtail-localize, ``strings`` of its strings done (None: all)."""

    def run(page, locale, strings=None, enabled=True):
        source, _ = TranslationSource.get_or_create_from_instance(page)
        translation = Translation.objects.create(source=source, target_locale=locale)
        segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
        for segment in segments if strings is None else segments[:strings]:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=f"[{locale.language_code}] {segment.string.data}",
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
        if not enabled:
            translation.enabled = False
            translation.save(update_fields=["enabled"])
        return translation

    return run


def news(tree, title, **fields):
    return publish_child(
        tree.news,
        NewsPage(title=title, slug=re.sub(r"\W+", "-", title.lower()), summary=f"About {title}.", **fields),
    )


def cell(html, page, code):
    """The status cell of ``page`` in language ``code``, as HTML."""
    row = re.search(rf'<tr>\s*<th scope="row"[^>]*>(?:(?!</tr>).)*?/pages/{page.id}/edit/.*?</tr>', html, re.S)
    assert row, f"no row for page {page.id} ({page.title})"
    found = re.search(rf'<td data-locale="{code}" data-status="([\w-]+)">(.*?)</td>', row.group(0), re.S)
    assert found, f"no {code} cell for {page.title}"
    return found.group(1), found.group(2)


def get(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_url_is_where_the_lead_expects_and_in_the_reports_menu(admin_client, tree):
    assert reverse("translation_status") == URL
    dashboard = admin_client.get("/admin/").content.decode()
    assert URL in dashboard  # the Reports submenu is rendered into the sidebar's props


def test_a_page_with_no_french_version_is_missing_with_the_submit_link(admin_client, tree):
    page = news(tree, "Wreath laying")
    status, html = cell(get(admin_client), page, "fr")
    assert status == Status.MISSING
    submit = reverse("wagtail_localize:submit_page_translation", args=[page.id])
    assert f'href="{submit}?select_locale=fr&amp;next=' in html
    assert "Missing" in html


def test_the_root_is_left_out_and_pages_come_in_tree_order_with_their_parents(admin_client, tree):
    page = news(tree, "Wreath laying")
    html = get(admin_client)
    root = Page.get_first_root_node()
    assert f"/pages/{root.id}/edit/" not in html
    positions = [html.index(f"/pages/{p.id}/edit/") for p in (tree.home, tree.memorials, tree.news, page)]
    assert positions == sorted(positions)
    assert "Home › News" in html  # the article's parents, so editors see where it sits


def test_draft_source_pages_are_listed_and_marked(admin_client, tree):
    draft = NewsPage(title="Next year's ceremony", slug="next-year", summary="Soon.", live=False)
    tree.news.add_child(instance=draft)
    draft.save_revision()
    html = get(admin_client)
    row = html[html.index(f"/pages/{draft.id}/edit/") :]
    assert "draft" in row[: row.index("</th>")]
    assert cell(html, draft, "fr")[0] == Status.MISSING


def test_a_fully_translated_page_is_up_to_date_and_links_to_its_edit_view(admin_client, tree, translate):
    page = news(tree, "Wreath laying")
    translate(page, tree.locales["fr"])
    french = page.get_translation(tree.locales["fr"])
    assert french.live

    status, html = cell(get(admin_client), page, "fr")
    assert status == Status.UP_TO_DATE
    assert f'href="/admin/pages/{french.id}/edit/"' in html


def test_a_partly_translated_page_is_untranslated_with_n_of_m_strings(admin_client, tree, translate):
    page = news(tree, "Wreath laying", seo_title="Wreath laying at the memorial", search_description="Ceremony.")
    translation = translate(page, tree.locales["nl"], strings=1)
    # Title, SEO title, search description and summary; the slug is synchronised, not translated.
    assert translation.get_progress() == (4, 1)

    status, html = cell(get(admin_client), page, "nl")
    assert status == Status.UNTRANSLATED
    assert "1 of 4 strings" in html
    dutch = page.get_translation(tree.locales["nl"])
    assert f'href="/admin/pages/{dutch.id}/edit/"' in html


def test_a_source_published_after_the_sync_is_out_of_date_with_the_update_link(admin_client, tree, translate):
    page = news(tree, "Wreath laying")
    translate(page, tree.locales["nl"], strings=1)
    page.summary = "About the wreath laying, now with the time."
    page.save_revision().publish()

    status, html = cell(get(admin_client), page, "nl")
    assert status == Status.OUT_OF_DATE  # takes precedence over untranslated
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=tree.locales["en"])
    assert f'href="{reverse("wagtail_localize:update_translations", args=[source.id])}?next=' in html

    source.update_from_db()  # what the update view's "Sync" does
    assert cell(get(admin_client), page, "nl")[0] == Status.UNTRANSLATED


def test_a_translation_with_sync_stopped_is_manual(admin_client, tree, translate):
    page = news(tree, "Wreath laying")
    translate(page, tree.locales["fr"], enabled=False)
    status, html = cell(get(admin_client), page, "fr")
    assert status == Status.MANUAL
    assert f'href="/admin/pages/{page.get_translation(tree.locales["fr"]).id}/edit/"' in html


def test_a_translation_made_without_wagtail_localize_is_manual(admin_client, tree):
    page = news(tree, "Wreath laying")
    copy = page.copy_for_translation(tree.locales["fr"], copy_parents=True)
    copy.save_revision().publish()
    assert cell(get(admin_client), page, "fr")[0] == Status.MANUAL


def test_an_alias_of_the_source_counts_as_missing(admin_client, tree):
    page = news(tree, "Wreath laying")
    page.copy_for_translation(tree.locales["fr"], copy_parents=True, alias=True)
    status, html = cell(get(admin_client), page, "fr")
    assert status == Status.MISSING
    assert "alias of the source page" in html


def test_progress_counts_match_wagtail_localize(tree, translate):
    """The aggregate counting must agree with Translation.get_progress(), errors included."""
    pages = [news(tree, f"Item {n}") for n in range(3)]
    translations = [translate(page, tree.locales["nl"], strings=n) for n, page in enumerate(pages)]
    # Strings saved with an error do not count as translated; mark all but two of them so.
    dutch = StringTranslation.objects.filter(locale=tree.locales["nl"])
    keep = list(dutch.order_by("pk").values_list("pk", flat=True)[:2])
    dutch.exclude(pk__in=keep).update(has_error=True)

    rows = {row.page_id: row for row in build_report().rows}
    for page, translation in zip(pages, translations, strict=True):
        nl = next(c for c in rows[page.id].cells if c.language.code == "nl")
        assert (nl.total_strings, nl.translated_strings) == translation.get_progress()


def test_summary_counts_statuses_per_language(admin_client, tree, translate):
    translate(news(tree, "Done"), tree.locales["fr"])
    news(tree, "Not yet")
    response = admin_client.get(URL)
    summary = response.context["report"].summary
    # Home, four sections, two articles = 7 English pages; one is translated to French. To place
    # it, save_target first creates its untranslated parents (Home, News) in French as *aliases*
    # of the English pages, which still count as missing.
    assert tree.home.get_translation(tree.locales["fr"]).alias_of_id == tree.home.id
    assert summary["fr"] == {Status.MISSING: 6, Status.UP_TO_DATE: 1}
    assert summary["nl"] == {Status.MISSING: 7}
    html = response.content.decode()
    assert f'href="{URL}?locale=fr&amp;status=missing">6</a>' in html


def test_locale_filter_shows_one_language(admin_client, tree):
    news(tree, "Wreath laying")
    html = get(admin_client, locale="nl")
    assert 'data-locale="nl"' in html
    assert 'data-locale="fr"' not in html


def test_status_filter_keeps_rows_with_that_status(admin_client, tree, translate):
    done = news(tree, "Done")
    translate(done, tree.locales["fr"])
    translate(done, tree.locales["nl"])
    todo = news(tree, "Not yet")
    response = admin_client.get(URL, {"status": "up-to-date"})
    assert [row.page_id for row in response.context["rows"]] == [done.id]
    # Both spellings an editor might type work.
    response = admin_client.get(URL, {"status": "out_of_date"})
    assert response.context["selected_status"] == Status.OUT_OF_DATE
    response = admin_client.get(URL, {"status": "missing", "locale": "fr"})
    assert todo.id in [row.page_id for row in response.context["rows"]]
    assert done.id not in [row.page_id for row in response.context["rows"]]


@pytest.mark.parametrize("code", ["de", "xx", "en"])
def test_an_unknown_locale_shows_a_message_and_the_unfiltered_report(admin_client, tree, code):
    page = news(tree, "Wreath laying")
    html = get(admin_client, locale=code)
    assert "translation-status__error" in html
    assert f"“{code}”" in html
    assert "fr, nl" in html  # the valid codes
    assert cell(html, page, "fr")[0] == cell(html, page, "nl")[0] == Status.MISSING


def test_an_unknown_status_shows_a_message_and_the_unfiltered_report(admin_client, tree):
    page = news(tree, "Wreath laying")
    html = get(admin_client, status="done")
    assert "Unknown status “done”" in html
    assert "missing, out-of-date, untranslated, manual, up-to-date" in html
    assert cell(html, page, "fr")[0] == Status.MISSING


def test_pagination_fifty_per_page_and_out_of_range_gives_the_last_page(admin_client, tree):
    for n in range(50):
        news(tree, f"Item {n:02}")  # 5 + 50 = 55 English pages
    first = admin_client.get(URL)
    assert len(first.context["rows"]) == 50
    assert "Page 1 of 2" in first.content.decode()
    beyond = admin_client.get(URL, {"page": 99})
    assert beyond.status_code == 200
    assert beyond.context["page_obj"].number == 2
    assert len(beyond.context["rows"]) == 5
    assert admin_client.get(URL, {"page": "abc"}).context["page_obj"].number == 1


def _report_queries(client, tree, translate, count):
    """Queries for the whole admin request, with ``count`` articles in every status."""
    for n in range(count):
        page = news(tree, f"Item {count}-{n}")
        kind = n % 4
        if kind == 1:
            translate(page, tree.locales["fr"])
        elif kind == 2:
            translate(page, tree.locales["fr"], strings=1)
            translate(page, tree.locales["nl"], enabled=False)
        elif kind == 3:
            translate(page, tree.locales["nl"])
            page.save_revision().publish()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    assert len(response.context["rows"]) >= count
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_pages(admin_client, tree, translate):
    small = _report_queries(admin_client, tree, translate, 3)
    large = _report_queries(admin_client, tree, translate, 9)  # 12 articles in all
    assert small == large


def test_the_report_itself_takes_seven_queries(tree, translate, django_assert_num_queries):
    for n in range(4):
        translate(news(tree, f"Item {n}"), tree.locales["fr"], strings=n)
    with django_assert_num_queries(7):
        report = build_report()
    assert len(report.rows) == 9


def _user(username, *, access_admin=True, page_permission=None, on=None):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    group = Group.objects.create(name=f"group of {username}")
    if access_admin:
        group.permissions.add(Permission.objects.get(codename="access_admin"))
    if page_permission:
        GroupPagePermission.objects.create(
            group=group, page=on, permission=Permission.objects.get(codename=page_permission)
        )
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


def test_anonymous_users_are_sent_to_log_in(client, tree):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_users_without_admin_access_are_sent_away(tree):
    response = _user("reader", access_admin=False, page_permission="change_page", on=tree.home).get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_admin_users_who_cannot_edit_any_page_are_refused(tree):
    """Wagtail turns the view's PermissionDenied into a redirect to the dashboard with a message."""
    response = _user("viewer").get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_a_translator_sees_the_report_without_sync_links(tree, translate):
    """A translator edits in their language's tree but may not submit or sync translations."""
    page = news(tree, "Wreath laying")
    translate(page, tree.locales["fr"])
    french_home = tree.home.get_translation(tree.locales["fr"])
    client = _user("translator", page_permission="change_page", on=french_home)
    html = get(client)
    status, missing = cell(html, page, "nl")
    assert status == Status.MISSING
    assert "href" not in missing  # wagtail-localize's submit view would 403
    assert f"/pages/{page.get_translation(tree.locales['fr']).id}/edit/" in cell(html, page, "fr")[1]
    assert URL in client.get("/admin/").content.decode()  # and finds it in the Reports menu
