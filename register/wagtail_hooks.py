"""Registers the register's admin (see ``views``) and the corrections mutation (see ``corrections``)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .corrections.mutation import CorrectionMutations
from .importing.admin_view import RegisterImportView, can_import
from .views import IMPORT_MENU_HOOK, RegisterViewSetGroup

register_snippet(RegisterViewSetGroup)


@hooks.register("register_schema_mutation")
def add_correction_mutation(mutation_mixins):
    """The public's corrections: the only write the GraphQL API allows, into a moderation queue."""
    mutation_mixins.append(CorrectionMutations)


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("register/import/", RegisterImportView.as_view(), name="register_import")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register(IMPORT_MENU_HOOK)
def register_import_menu_item():
    return ImportMenuItem("Import CSV", reverse("register_import"), icon_name="upload", order=900)
