"""The dashboard through GET /admin/: what each person sees is what they may act on."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from pages.models import EventPage

from ..helpers import brussels, publish_child, translate

pytestmark = pytest.mark.django_db


def dashboard(user):
    client = Client()
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def ceremony(tree, title, start, *, publish=True):
    page = EventPage(title=title, slug=title.lower().replace(" ", "-"), start=start, place="Rebecq")
    if publish:
        return publish_child(tree.events, page)
    tree.events.add_child(instance=page)
    page.save_revision()
    return page


def test_upcoming_ceremonies_drafts_included_past_ones_left_out(tree, editor):
    ceremony(tree, "Liberation Day", brussels(2099, 9, 3, 11, 0))
    ceremony(tree, "Armistice draft", brussels(2099, 11, 11, 10, 30), publish=False)
    ceremony(tree, "Long ago", brussels(2001, 5, 8, 10, 0))
    html = dashboard(editor)
    assert "Upcoming ceremonies" in html
    assert html.index("Liberation Day") < html.index("Armistice draft")  # soonest first
    assert "Thu 3 Sep 2099, 11:00" in html  # Brussels time, as entered
    assert "Long ago" not in html.split("Upcoming ceremonies")[1].split("</section>")[0]


def test_a_translator_sees_the_ceremonies_of_their_language(tree, translators):
    english = ceremony(tree, "Liberation Day", brussels(2099, 9, 3, 11, 0))
    translate(english, tree.locales["nl"], title="Bevrijdingsdag")
    html = dashboard(translators("nl"))
    assert "Bevrijdingsdag" in html
    assert "Liberation Day" not in html


def test_no_ceremony_no_panel(tree, editor):
    assert "Upcoming ceremonies" not in dashboard(editor)


def test_translations_to_do_link_to_the_filtered_report(tree, editor):
    ceremony(tree, "Liberation Day", brussels(2099, 9, 3, 11, 0))
    html = dashboard(editor)
    assert "Translations to do" in html
    # Home, four sections and the ceremony exist only in English.
    assert 'href="/admin/reports/translation-status/?locale=nl&amp;status=missing">Missing: 6</a>' in html
    assert 'href="/admin/reports/translation-status/?locale=fr&amp;status=missing">Missing: 6</a>' in html


def test_recent_edits_by_the_team_show_who_did_what(tree, editor, make_user, translators):
    colleague = make_user("colleague", "Moderators")
    page = ceremony(tree, "Liberation Day", brussels(2099, 9, 3, 11, 0))
    page.title = "Liberation Day in Rebecq"
    page.save_revision(user=colleague, log_action=True).publish(user=colleague)
    html = dashboard(editor)
    panel = html.split("Recent edits by the team")[1].split("</section>")[0]
    assert "Liberation Day in Rebecq" in panel
    assert "colleague" in panel
    assert "Published" in panel
    # A Dutch translator may not edit the English page, so its edits are not theirs to see.
    assert "Recent edits by the team" not in dashboard(translators("nl"))


def test_the_dashboard_costs_no_more_queries_for_more_ceremonies(tree, editor):
    def queries():
        client = Client()
        client.force_login(editor)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/admin/").status_code == 200
        return len(captured)

    # Enough to fill both listings (six ceremonies, eight edits); then as many again.
    for day in range(1, 9):
        ceremony(tree, f"Ceremony {day}", brussels(2099, 6, day, 10, 0))
    queries()  # the first visit also creates the user's admin profile
    full = queries()
    for day in range(9, 17):
        ceremony(tree, f"Ceremony {day}", brussels(2099, 6, day, 10, 0))
    assert queries() == full
