"""Keep translator groups pointed at their language's tree when that tree is first created."""

from django.contrib.auth.models import Group
from django.db.models.signals import post_save
from wagtail.models import Page

from .groups import ensure_translator_group, group_name


def grant_new_language_tree(sender, instance, created, raw=False, **kwargs):
    # A home page in a new language (wagtail-localize creates it on first translation)
    # must be editable by that language's translators without re-running the setup command.
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    code = instance.locale.language_code
    try:
        name = group_name(code)
    except KeyError:
        return
    if Group.objects.filter(name=name).exists():
        ensure_translator_group(code)


def connect():
    post_save.connect(grant_new_language_tree, dispatch_uid="cms.translation.grant_new_language_tree")
