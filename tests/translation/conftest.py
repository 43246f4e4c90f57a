import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command


@pytest.fixture
def make_user(db):
    def make(username, *groups):
        user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw-not-used")
        user.groups.add(*(Group.objects.get(name=name) for name in groups))
        return user

    return make


@pytest.fixture
def editor(make_user, tree):
    """Wagtail's default Moderators may edit and publish everywhere, and submit pages for translation."""
    from django.contrib.auth.models import Permission

    user = make_user("editor", "Moderators")
    user.user_permissions.add(Permission.objects.get(codename="submit_translation"))
    return user


@pytest.fixture
def translators(make_user, tree):
    """One translator per language, in the groups ``setup_translator_groups`` creates."""

    def make(code):
        call_command("setup_translator_groups", code, verbosity=0)
        from cms.translation.groups import group_name

        return make_user(f"translator-{code}", group_name(code))

    return make
