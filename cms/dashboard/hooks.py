"""Registers the dashboard panels (imported by cms/wagtail_hooks.py)."""

from wagtail import hooks

from .panels import PendingCorrectionsPanel, TeamEditsPanel, TranslationStatusPanel, UpcomingCeremoniesPanel


@hooks.register("construct_homepage_panels")
def add_work_panels(request, panels):
    panels.extend([UpcomingCeremoniesPanel(), TranslationStatusPanel(), PendingCorrectionsPanel(), TeamEditsPanel()])
